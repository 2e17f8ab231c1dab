/* test_faults.c - every allocation failure path of the IP Helper calls, and the
 * provider contract seen from iphlp/. Each call runs with fault injection failing
 * its 1st, 2nd, ... allocation until it succeeds: each failure must give
 * ERROR_NOT_ENOUGH_MEMORY, leave *Table NULL and leak nothing. Every attempt runs
 * in a fresh thread with the table-size hints cleared, so the per-thread netlink
 * state and the table growth paths fail too. A fake provider then checks that a
 * restarted dump (NLM_F_DUMP_INTR) never yields a torn table. */
#include <errno.h>
#include <net/if.h>
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

#include "iphlp/iphlp.h"
#include "provider/provider.h"
#include "topology.h"

/* Fails allocation 1, 2, ... of `call` until it succeeds (tests/common/fault_walk.h). */
static void fail_every_allocation(const char *name, fault_walk_call call)
{
        const struct fault_walk w = {name, call, iphlp_reset_hints, 200, 2};

        fault_walk_run(&w);
}

TABLE_CALL(if_table, PMIB_IF_TABLE2, GetIfTable2(&t))
TABLE_CALL(if_table_raw, PMIB_IF_TABLE2, GetIfTable2Ex(MibIfTableRaw, &t))
TABLE_CALL(if_table_nostats, PMIB_IF_TABLE2, GetIfTable2Ex(MibIfTableNormalWithoutStatistics, &t))
TABLE_CALL(ipif_v4, PMIB_IPINTERFACE_TABLE, GetIpInterfaceTable(AF_INET, &t))
TABLE_CALL(ipif_v6, PMIB_IPINTERFACE_TABLE, GetIpInterfaceTable(AF_INET6, &t))
TABLE_CALL(ipif_any, PMIB_IPINTERFACE_TABLE, GetIpInterfaceTable(AF_UNSPEC, &t))

static DWORD if_entry(void)
{
        MIB_IF_ROW2 r;

        memset(&r, 0, sizeof(r));
        r.InterfaceIndex = if_nametoindex("va0");
        return GetIfEntry2(&r);
}

static DWORD if_entry_nostats(void)
{
        MIB_IF_ROW2 r;

        memset(&r, 0, sizeof(r));
        r.InterfaceIndex = if_nametoindex("br0");
        return GetIfEntry2Ex(MibIfEntryNormalWithoutStatistics, &r);
}

static DWORD ipif_entry(void)
{
        MIB_IPINTERFACE_ROW r;

        InitializeIpInterfaceEntry(&r);
        r.Family = AF_INET6;
        r.InterfaceIndex = if_nametoindex("va1");
        return GetIpInterfaceEntry(&r);
}

static DWORD conversions(void)
{
        NET_LUID luid;
        NET_IFINDEX index;
        GUID guid;
        WCHAR w[64];
        char a[64];
        DWORD r;

        if ((r = ConvertInterfaceIndexToLuid(1, &luid)) != NO_ERROR ||
            (r = ConvertInterfaceLuidToIndex(&luid, &index)) != NO_ERROR ||
            (r = ConvertInterfaceLuidToGuid(&luid, &guid)) != NO_ERROR ||
            (r = ConvertInterfaceGuidToLuid(&guid, &luid)) != NO_ERROR ||
            (r = ConvertInterfaceLuidToNameA(&luid, a, sizeof(a))) != NO_ERROR ||
            (r = ConvertInterfaceLuidToNameW(&luid, w, 64)) != NO_ERROR ||
            (r = ConvertInterfaceNameToLuidA(a, &luid)) != NO_ERROR ||
            (r = ConvertInterfaceNameToLuidW(w, &luid)) != NO_ERROR ||
            (r = ConvertInterfaceLuidToAlias(&luid, w, 64)) != NO_ERROR)
                return r;
        return ConvertInterfaceAliasToLuid(w, &luid);
}

static void tables_survive_every_allocation_failure(void **state)
{
        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        fail_every_allocation("GetIfTable2", if_table);
        fail_every_allocation("GetIfTable2Ex(Raw)", if_table_raw);
        fail_every_allocation("GetIfTable2Ex(NormalWithoutStatistics)", if_table_nostats);
        fail_every_allocation("GetIpInterfaceTable(AF_INET)", ipif_v4);
        fail_every_allocation("GetIpInterfaceTable(AF_INET6)", ipif_v6);
        fail_every_allocation("GetIpInterfaceTable(AF_UNSPEC)", ipif_any);
        winnet_verifier_disable(WINNET_VERIFIER_TRACK);
}

static void entries_and_conversions_survive_every_allocation_failure(void **state)
{
        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        fail_every_allocation("GetIfEntry2", if_entry);
        fail_every_allocation("GetIfEntry2Ex(NormalWithoutStatistics)", if_entry_nostats);
        fail_every_allocation("GetIpInterfaceEntry", ipif_entry);
        fail_every_allocation("Convert*", conversions);
        winnet_verifier_disable(WINNET_VERIFIER_TRACK);
}

/* ---- a fake provider: what iphlp/ does with restarts and errors ---- */

static int fake_mode;

static struct prov_link fake_link(uint32_t ifindex, const char *name)
{
        static const uint8_t mac[6] = {2, 0, 0, 0, 0, 1};
        struct prov_link l;

        memset(&l, 0, sizeof(l));
        l.ifindex = ifindex;
        l.arphrd = 1; /* ARPHRD_ETHER */
        l.flags = PROV_IFF_UP | PROV_IFF_RUNNING | PROV_IFF_BROADCAST;
        l.name = name;
        l.kind = "veth";
        l.operstate = PROV_OPER_UP;
        l.carrier = 1;
        l.mtu = 1500;
        l.addr = mac;
        l.addr_len = 6;
        l.inet.present = true;
        return l;
}

/* Mode 0: a dump interrupted after two links, then replayed whole (the begin()
 * contract). Mode 1: the visitor's error is returned as is. Mode 2: retries
 * exhausted. */
static int fake_link_walk(unsigned want, const struct prov_link_visitor *v)
{
        const char *names[] = {"f1", "f2", "f3", "f4"};
        struct prov_link l;
        uint32_t i;
        int r;

        (void)want;
        if (fake_mode == 2)
                return -EAGAIN;
        for (i = 0; i < 2; i++) { /* the torn attempt */
                if ((r = v->begin(v->ctx)) < 0)
                        return r;
                l = fake_link(10 + i, names[i]);
                if ((r = v->link(v->ctx, &l)) < 0)
                        return r;
        }
        if ((r = v->begin(v->ctx)) < 0)
                return r;
        for (i = 0; i < 4; i++) {
                l = fake_link(i + 1, names[i]);
                if ((r = v->link(v->ctx, &l)) < 0)
                        return r;
        }
        return fake_mode == 1 ? -ENOMEM : 0;
}

static int fake_parms_walk(int family, const struct prov_parms_visitor *v)
{
        struct prov_neigh_parms p = {2, AF_INET, 30000, 31000, 1000};

        (void)family;
        return v->parms(v->ctx, &p);
}

static int fake_speed_walk(const struct prov_speed_visitor *v)
{
        (void)v;
        return -EOPNOTSUPP; /* no speed queries at all: speeds stay unknown */
}

static int fake_sysctl(enum prov_ns_sysctl which, int32_t *ret)
{
        *ret = which == PROV_SYSCTL_IPV4_MTU_EXPIRES   ? 600
               : which == PROV_SYSCTL_IPV6_MTU_EXPIRES ? 300
                                                       : 1;
        return 0;
}

static const struct provider_ops fake = {
    .name = "fake",
    .link_walk = fake_link_walk,
    .neigh_parms_walk = fake_parms_walk,
    .link_speed_walk = fake_speed_walk,
    .ns_sysctl = fake_sysctl,
};

static void restarted_dump_gives_the_whole_second_attempt(void **state)
{
        PMIB_IF_TABLE2 t = NULL;
        PMIB_IPINTERFACE_TABLE it = NULL;
        ULONG i;

        (void)state;
        fake_mode = 0;
        iphlp_reset_hints();
        provider_set(&fake);
        assert_int_equal(GetIfTable2(&t), NO_ERROR);
        assert_int_equal(GetIpInterfaceTable(AF_INET, &it), NO_ERROR);
        provider_set(NULL);
        assert_int_equal(t->NumEntries, 4);
        for (i = 0; i < 4; i++) {
                assert_int_equal(t->Table[i].InterfaceIndex, i + 1);
                assert_int_equal(t->Table[i].TransmitLinkSpeed, (ULONG64)-1);
        }
        assert_int_equal(it->NumEntries, 4);
        assert_int_equal(it->Table[1].BaseReachableTime, 30000);
        assert_int_equal(it->Table[1].PathMtuDiscoveryTimeout, 600000);
        FreeMibTable(t);
        FreeMibTable(it);
}

static void provider_errors_reach_the_caller_and_leak_nothing(void **state)
{
        PMIB_IF_TABLE2 t = (PMIB_IF_TABLE2)&t;
        size_t live;

        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        live = winnet_verifier_live_blocks();
        provider_set(&fake);
        fake_mode = 1;
        assert_int_equal(GetIfTable2(&t), ERROR_NOT_ENOUGH_MEMORY);
        assert_null(t);
        fake_mode = 2; /* the kernel kept changing: never a torn table, an error */
        assert_int_equal(GetIfTable2(&t), ERROR_GEN_FAILURE);
        assert_null(t);
        provider_set(NULL);
        assert_int_equal(winnet_verifier_live_blocks(), live);
        winnet_verifier_disable(WINNET_VERIFIER_TRACK);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(tables_survive_every_allocation_failure),
            cmocka_unit_test(entries_and_conversions_survive_every_allocation_failure),
            cmocka_unit_test(restarted_dump_gives_the_whole_second_attempt),
            cmocka_unit_test(provider_errors_reach_the_caller_and_leak_nothing),
        };

        netns_require();
        return cmocka_run_group_tests(tests, topo_group_setup, topo_group_teardown);
}
