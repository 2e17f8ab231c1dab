/* test_tables_kernel.c - the kernel-mode (Netio.lib) variants of the address,
 * route, neighbour, stack and path calls: this file includes netioapi.h without
 * iphlpapi.h, so every call binds to winnet_k_<Name> and returns NTSTATUS. Every
 * error of the reference as its NTSTATUS twin, success with real data,
 * STATUS_NO_MEMORY under fault injection and the IRQL rule reported by the
 * verifier. */
#include <arpa/inet.h>
#include <net/if.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "netioapi.h"
#include "winnet.h"

#include "irql.h"
#include "netns.h"

#if !WINNET_NETIO_KERNEL_MODE
#error "this test must see the kernel-mode declarations"
#endif

static struct test_netns ns;

static int group_setup(void **state)
{
        (void)state;
        netns_require();
        if (netns_create(&ns, "tkmode", false) < 0 ||
            netns_ip_batch(&ns, "link add k0 type veth peer name k1\n"
                                "link add kb type bridge\n"
                                "link set k1 master kb\n"
                                "link set k0 up\nlink set k1 up\n"
                                "addr add 198.51.100.2/24 dev k0\n"
                                "addr add 2001:db8:a::2/64 dev k0 nodad\n"
                                "route add 192.0.2.0/24 via 198.51.100.1\n"
                                "neigh add 198.51.100.7 lladdr 02:00:00:00:00:07 dev k0 "
                                "nud permanent\n") != 0)
                return -1;
        return netns_enter(&ns);
}

static int group_teardown(void **state)
{
        (void)state;
        netns_leave();
        netns_destroy(&ns);
        return 0;
}

static void set_v4(SOCKADDR_INET *a, const char *text)
{
        memset(a, 0, sizeof(*a));
        a->Ipv4.sin_family = AF_INET;
        inet_pton(AF_INET, text, &a->Ipv4.sin_addr);
}

static void tables_succeed(void **state)
{
        PMIB_UNICASTIPADDRESS_TABLE u = NULL;
        PMIB_ANYCASTIPADDRESS_TABLE a = NULL;
        PMIB_MULTICASTIPADDRESS_TABLE m = NULL;
        PMIB_IPFORWARD_TABLE2 f = NULL;
        PMIB_IPNET_TABLE2 n = NULL;
        PMIB_IPPATH_TABLE p = NULL;
        PMIB_IFSTACK_TABLE s = NULL;
        PMIB_INVERTEDIFSTACK_TABLE i = NULL;

        (void)state;
        assert_int_equal(GetUnicastIpAddressTable(AF_UNSPEC, &u), STATUS_SUCCESS);
        assert_true(u->NumEntries >= 5); /* lo x2, k0 x3 (two set, one link-local) */
        assert_int_equal(GetAnycastIpAddressTable(AF_INET6, &a), STATUS_SUCCESS); /* empty */
        assert_int_equal(GetMulticastIpAddressTable(AF_UNSPEC, &m), STATUS_SUCCESS);
        assert_int_equal(GetIpForwardTable2(AF_UNSPEC, &f), STATUS_SUCCESS);
        assert_int_equal(GetIpNetTable2(AF_INET, &n), STATUS_SUCCESS);
        assert_int_equal(n->NumEntries, 1);
        assert_int_equal(GetIpPathTable(AF_INET6, &p), STATUS_SUCCESS); /* empty */
        assert_int_equal(p->NumEntries, 0);
        assert_int_equal(GetIfStackTable(&s), STATUS_SUCCESS);
        assert_int_equal(s->NumEntries, 1);
        assert_int_equal(GetInvertedIfStackTable(&i), STATUS_SUCCESS);
        assert_int_equal(i->Table[0].LowerLayerInterfaceIndex, if_nametoindex("k1"));
        FreeMibTable(u), FreeMibTable(a), FreeMibTable(m), FreeMibTable(f);
        FreeMibTable(n), FreeMibTable(p), FreeMibTable(s), FreeMibTable(i);
}

static void table_errors(void **state)
{
        PMIB_UNICASTIPADDRESS_TABLE u = NULL;
        PMIB_ANYCASTIPADDRESS_TABLE a = NULL;
        PMIB_IPPATH_TABLE p = NULL;

        (void)state;
        assert_int_equal(GetUnicastIpAddressTable(AF_PACKET, &u), STATUS_INVALID_PARAMETER);
        assert_int_equal(GetUnicastIpAddressTable(AF_INET, NULL), STATUS_INVALID_PARAMETER);
        assert_int_equal(GetAnycastIpAddressTable(AF_INET, &a), STATUS_NOT_FOUND);
        assert_int_equal(GetMulticastIpAddressTable(AF_PACKET, NULL), STATUS_INVALID_PARAMETER);
        assert_int_equal(GetIpForwardTable2(AF_PACKET, NULL), STATUS_INVALID_PARAMETER);
        assert_int_equal(GetIpNetTable2(AF_PACKET, NULL), STATUS_INVALID_PARAMETER);
        assert_int_equal(GetIpPathTable(AF_INET, &p), STATUS_NOT_FOUND); /* no exceptions */
        assert_null(p);
        assert_int_equal(GetIpPathTable(AF_PACKET, &p), STATUS_INVALID_PARAMETER);
        assert_int_equal(GetIfStackTable(NULL), STATUS_INVALID_PARAMETER);
        assert_int_equal(GetInvertedIfStackTable(NULL), STATUS_INVALID_PARAMETER);
}

static void entry_errors(void **state)
{
        MIB_UNICASTIPADDRESS_ROW u;
        MIB_IPFORWARD_ROW2 f;
        MIB_IPNET_ROW2 n;
        MIB_IPPATH_ROW p;
        MIB_ANYCASTIPADDRESS_ROW a;
        MIB_MULTICASTIPADDRESS_ROW m;

        (void)state;
        assert_int_equal(GetUnicastIpAddressEntry(NULL), STATUS_INVALID_PARAMETER);
        InitializeUnicastIpAddressEntry(&u);
        assert_int_equal(GetUnicastIpAddressEntry(&u), STATUS_INVALID_PARAMETER);
        set_v4(&u.Address, "198.51.100.99");
        assert_int_equal(GetUnicastIpAddressEntry(&u), STATUS_OBJECT_NAME_NOT_FOUND);
        u.InterfaceIndex = if_nametoindex("k0");
        assert_int_equal(GetUnicastIpAddressEntry(&u), STATUS_NOT_FOUND);
        set_v4(&u.Address, "198.51.100.2");
        assert_int_equal(GetUnicastIpAddressEntry(&u), STATUS_SUCCESS);
        memset(&a, 0, sizeof(a));
        assert_int_equal(GetAnycastIpAddressEntry(&a), STATUS_INVALID_PARAMETER);
        memset(&m, 0, sizeof(m));
        set_v4(&m.Address, "224.0.0.1");
        m.InterfaceIndex = if_nametoindex("k0");
        assert_int_equal(GetMulticastIpAddressEntry(&m), STATUS_SUCCESS);
        InitializeIpForwardEntry(&f);
        assert_int_equal(GetIpForwardEntry2(&f), STATUS_INVALID_PARAMETER);
        set_v4(&f.DestinationPrefix.Prefix, "192.0.2.0");
        f.DestinationPrefix.PrefixLength = 24;
        f.InterfaceIndex = 999999;
        assert_int_equal(GetIpForwardEntry2(&f), STATUS_OBJECT_NAME_NOT_FOUND);
        f.InterfaceIndex = if_nametoindex("k0");
        assert_int_equal(GetIpForwardEntry2(&f), STATUS_NOT_FOUND); /* the gateway was left out */
        set_v4(&f.NextHop, "198.51.100.1");
        assert_int_equal(GetIpForwardEntry2(&f), STATUS_SUCCESS);
        memset(&n, 0, sizeof(n));
        set_v4(&n.Address, "198.51.100.7");
        assert_int_equal(GetIpNetEntry2(&n), STATUS_INVALID_PARAMETER);
        n.InterfaceIndex = if_nametoindex("k0");
        assert_int_equal(GetIpNetEntry2(&n), STATUS_SUCCESS);
        assert_int_equal(n.State, NlnsPermanent);
        memset(&p, 0, sizeof(p));
        set_v4(&p.Destination, "192.0.2.1");
        p.InterfaceIndex = if_nametoindex("k0");
        assert_int_equal(GetIpPathEntry(&p), STATUS_NOT_FOUND);
}

static void out_of_memory_is_status_no_memory(void **state)
{
        PMIB_IPFORWARD_TABLE2 f = NULL;

        (void)state;
        winnet_fault_fail_nth(1);
        assert_int_equal(GetIpForwardTable2(AF_UNSPEC, &f), STATUS_NO_MEMORY);
        winnet_fault_reset();
        assert_null(f);
}

static struct {
        int count;
        char rule[32];
        char api[64];
} seen;

static void on_report(const struct winnet_report *r, void *ctx)
{
        (void)ctx;
        seen.count++;
        snprintf(seen.rule, sizeof(seen.rule), "%s", r->rule);
        snprintf(seen.api, sizeof(seen.api), "%s", r->api);
}

/* Each NETIO call checks IRQL < DISPATCH_LEVEL and names itself in the report. */
static void dispatch_level_is_reported(void **state)
{
        static const char *const apis[] = {"GetIpNetTable2", "GetIfStackTable"};
        PMIB_IPNET_TABLE2 n = NULL;
        PMIB_IFSTACK_TABLE s = NULL;

        (void)state;
        winnet_verifier_set_report_handler(on_report, NULL);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        winnet_verifier_enable(WINNET_VERIFIER_IRQL);
        irql_current = IRQL_APC;
        assert_int_equal(GetIpNetTable2(AF_INET, &n), STATUS_SUCCESS); /* APC_LEVEL is fine */
        FreeMibTable(n);
        assert_int_equal(seen.count, 0);
        irql_current = IRQL_DISPATCH;
        GetIpNetTable2(AF_INET, &n);
        assert_int_equal(seen.count, 1);
        assert_string_equal(seen.rule, "irql_too_high");
        assert_string_equal(seen.api, apis[0]);
        GetIfStackTable(&s);
        assert_int_equal(seen.count, 2);
        assert_string_equal(seen.api, apis[1]);
        irql_current = IRQL_PASSIVE;
        FreeMibTable(n);
        FreeMibTable(s);
        winnet_verifier_disable(WINNET_VERIFIER_IRQL);
        winnet_verifier_set_report_handler(NULL, NULL);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(tables_succeed),
            cmocka_unit_test(table_errors),
            cmocka_unit_test(entry_errors),
            cmocka_unit_test(out_of_memory_is_status_no_memory),
            cmocka_unit_test(dispatch_level_is_reported),
        };

        return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
