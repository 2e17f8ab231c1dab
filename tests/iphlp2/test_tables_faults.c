/* test_tables_faults.c - every allocation failure path of the address, route,
 * neighbour, stack and path calls: each runs with fault injection failing its
 * 1st, 2nd, ... allocation (in a fresh thread, with the row-count hints cleared,
 * so the thread's netlink state, the link map and the table growth all fail) until
 * it succeeds. Each failure must give ERROR_NOT_ENOUGH_MEMORY, leave *Table NULL
 * and leak nothing. */
#include <arpa/inet.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "fault_walk.h"

#include "iphlpapi.h"
#include "winnet.h"

#include "iphlp/tables.h"

#include "check2.h"
#include "topo2.h"

/* Fails allocation 1, 2, ... of `call` until it succeeds (tests/common/fault_walk.h). */
static void fail_every_allocation(const char *name, fault_walk_call call)
{
        const struct fault_walk w = {name, call, iphlp_tables_reset_hints, 300, 2};

        fault_walk_run(&w);
}

TABLE_CALL(unicast, PMIB_UNICASTIPADDRESS_TABLE, GetUnicastIpAddressTable(AF_UNSPEC, &t))
TABLE_CALL(anycast, PMIB_ANYCASTIPADDRESS_TABLE, GetAnycastIpAddressTable(AF_INET6, &t))
TABLE_CALL(multicast, PMIB_MULTICASTIPADDRESS_TABLE, GetMulticastIpAddressTable(AF_UNSPEC, &t))
TABLE_CALL(forward, PMIB_IPFORWARD_TABLE2, GetIpForwardTable2(AF_UNSPEC, &t))
TABLE_CALL(ipnet, PMIB_IPNET_TABLE2, GetIpNetTable2(AF_UNSPEC, &t))
TABLE_CALL(path, PMIB_IPPATH_TABLE, GetIpPathTable(AF_UNSPEC, &t))
TABLE_CALL(stack, PMIB_IFSTACK_TABLE, GetIfStackTable(&t))
TABLE_CALL(inverted, PMIB_INVERTEDIFSTACK_TABLE, GetInvertedIfStackTable(&t))

static void set_v4(SOCKADDR_INET *a, const char *text)
{
        memset(a, 0, sizeof(*a));
        a->Ipv4.sin_family = AF_INET;
        inet_pton(AF_INET, text, &a->Ipv4.sin_addr);
}

static DWORD unicast_entry(void)
{
        MIB_UNICASTIPADDRESS_ROW r;

        InitializeUnicastIpAddressEntry(&r);
        set_v4(&r.Address, "198.51.100.2"); /* no interface: two link lookups */
        return GetUnicastIpAddressEntry(&r);
}

static DWORD multicast_entry(void)
{
        MIB_MULTICASTIPADDRESS_ROW r;

        memset(&r, 0, sizeof(r));
        set_v4(&r.Address, "224.0.0.1");
        r.InterfaceIndex = 1;
        return GetMulticastIpAddressEntry(&r);
}

static DWORD forward_entry(void)
{
        MIB_IPFORWARD_ROW2 r;

        InitializeIpForwardEntry(&r);
        set_v4(&r.DestinationPrefix.Prefix, "192.0.2.192");
        r.DestinationPrefix.PrefixLength = 27;
        set_v4(&r.NextHop, "198.51.100.1");
        r.InterfaceIndex = topo2_index("m0");
        return GetIpForwardEntry2(&r);
}

static DWORD ipnet_entry(void)
{
        MIB_IPNET_ROW2 r;

        memset(&r, 0, sizeof(r));
        set_v4(&r.Address, "198.51.100.7");
        r.InterfaceIndex = topo2_index("m0");
        return GetIpNetEntry2(&r);
}

static DWORD path_entry(void)
{
        MIB_IPPATH_ROW r;

        memset(&r, 0, sizeof(r));
        set_v4(&r.Destination, "203.0.113.2");
        r.InterfaceIndex = topo2_index("m0");
        return GetIpPathEntry(&r);
}

static void tables_survive_every_allocation_failure(void **state)
{
        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        fail_every_allocation("GetUnicastIpAddressTable", unicast);
        fail_every_allocation("GetAnycastIpAddressTable", anycast);
        fail_every_allocation("GetMulticastIpAddressTable", multicast);
        fail_every_allocation("GetIpForwardTable2", forward);
        fail_every_allocation("GetIpNetTable2", ipnet);
        fail_every_allocation("GetIpPathTable", path);
        fail_every_allocation("GetIfStackTable", stack);
        fail_every_allocation("GetInvertedIfStackTable", inverted);
        winnet_verifier_disable(WINNET_VERIFIER_TRACK);
}

static void entries_survive_every_allocation_failure(void **state)
{
        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        fail_every_allocation("GetUnicastIpAddressEntry", unicast_entry);
        fail_every_allocation("GetMulticastIpAddressEntry", multicast_entry);
        fail_every_allocation("GetIpForwardEntry2", forward_entry);
        fail_every_allocation("GetIpNetEntry2", ipnet_entry);
        fail_every_allocation("GetIpPathEntry", path_entry);
        winnet_verifier_disable(WINNET_VERIFIER_TRACK);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(tables_survive_every_allocation_failure),
            cmocka_unit_test(entries_survive_every_allocation_failure),
        };

        return cmocka_run_group_tests(tests, topo2_group_setup, topo2_group_teardown);
}
