/* test_stack_paths.c - GetIfStackTable / GetInvertedIfStackTable against the
 * layering `ip -j -d link` shows (bridge ports under br0, macvlan and vxlan over
 * m0, never a veth over its peer), NOT_FOUND in a namespace without layering (a
 * vxlan whose dev is in another namespace included), and
 * GetIpPathTable / GetIpPathEntry against `ip -j route show cache` after R taught
 * A a 1300-byte path MTU towards B in both families. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "iphlpapi.h"

#include "check2.h"
#include "topo2.h"

int check_failures;

static const char *const lower_kinds[] = {"macvlan", "macvtap", "ipvlan", "vlan", NULL};

static bool is_lower_kind(const char *kind)
{
        size_t i;

        for (i = 0; kind && lower_kinds[i]; i++)
                if (!strcmp(kind, lower_kinds[i]))
                        return true;
        return false;
}

static bool has_pair(const MIB_IFSTACK_TABLE *t, unsigned higher, unsigned lower)
{
        ULONG i;

        for (i = 0; i < t->NumEntries; i++)
                if (t->Table[i].HigherLayerInterfaceIndex == higher &&
                    t->Table[i].LowerLayerInterfaceIndex == lower)
                        return true;
        return false;
}

static void expect_pair(const MIB_IFSTACK_TABLE *t, unsigned higher, unsigned lower,
                        unsigned *count)
{
        char label[64];

        snprintf(label, sizeof(label), "%u over %u", higher, lower);
        CHECK_TRUE(label, "a stack row", has_pair(t, higher, lower));
        (*count)++;
}

static unsigned compare_stack(const MIB_IFSTACK_TABLE *t)
{
        json_t *links = topo2_json(&topo.a, "ip -j -d link show"), *l, *info;
        unsigned n = 0;
        size_t i;

        json_array_foreach(links, i, l)
        {
                unsigned index = (unsigned)netns_json_int(l, "ifindex", 0);
                const char *master = netns_json_str(l, "master"), *link = netns_json_str(l, "link");
                const char *kind, *dev;

                info = json_object_get(l, "linkinfo");
                kind = netns_json_str(info, "info_kind");
                dev = netns_json_str(json_object_get(info, "info_data"), "link");
                if (master)
                        expect_pair(t, topo2_index(master), index, &n);
                if (link && is_lower_kind(kind))
                        expect_pair(t, index, topo2_index(link), &n);
                if (kind && !strcmp(kind, "vxlan") && dev)
                        expect_pair(t, index, topo2_index(dev), &n);
        }
        json_decref(links);
        return n;
}

static void stack_rows_match_ip_link(void **state)
{
        PMIB_IFSTACK_TABLE t = NULL;
        PMIB_INVERTEDIFSTACK_TABLE inv = NULL;
        ULONG i;

        (void)state;
        assert_int_equal(GetIfStackTable(&t), NO_ERROR);
        assert_int_equal(t->NumEntries, compare_stack(t));
        assert_true(has_pair(t, topo2_index("br0"), topo2_index("x0")));
        assert_true(has_pair(t, topo2_index("br0"), topo2_index("tp0")));
        assert_true(has_pair(t, topo2_index("mv0"), topo2_index("m0")));
        assert_true(has_pair(t, topo2_index("vx0"), topo2_index("m0")));
        assert_false(has_pair(t, topo2_index("x1"), topo2_index("x0"))); /* veth peers */
        assert_false(has_pair(t, topo2_index("x0"), topo2_index("x1")));
        assert_int_equal(GetInvertedIfStackTable(&inv), NO_ERROR);
        assert_int_equal(inv->NumEntries, t->NumEntries);
        for (i = 0; i < inv->NumEntries; i++)
                assert_true(has_pair(t, inv->Table[i].HigherLayerInterfaceIndex,
                                     inv->Table[i].LowerLayerInterfaceIndex));
        FreeMibTable(inv);
        FreeMibTable(t);
        assert_int_equal(check_failures, 0);
}

static void stack_errors(void **state)
{
        struct test_netns empty;
        PMIB_IFSTACK_TABLE t = (PMIB_IFSTACK_TABLE)&t;
        PMIB_INVERTEDIFSTACK_TABLE inv = (PMIB_INVERTEDIFSTACK_TABLE)&inv;

        (void)state;
        assert_int_equal(GetIfStackTable(NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(GetInvertedIfStackTable(NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(netns_create(&empty, "stack-empty", false), 0);
        assert_int_equal(netns_ip(&empty, "link add e0 type veth peer name e1"), 0);
        netns_leave();
        assert_int_equal(netns_enter(&empty), 0);
        assert_int_equal(GetIfStackTable(&t), ERROR_NOT_FOUND); /* a veth pair is no stack */
        assert_null(t);
        assert_int_equal(GetInvertedIfStackTable(&inv), ERROR_NOT_FOUND);
        assert_null(inv);
        netns_leave();
        netns_destroy(&empty);
        assert_int_equal(netns_enter(&topo.a), 0);
}

/* A vxlan moved out of the namespace its dev lives in still reports that dev's
 * index (IFLA_VXLAN_LINK, with IFLA_LINK_NETNSID): an index of the other
 * namespace (here, with per-namespace ifindexes, an unrelated veth's). No stack
 * row may come of it. */
static void stack_ignores_lower_in_other_namespace(void **state)
{
        struct test_netns moved;
        PMIB_IFSTACK_TABLE t = (PMIB_IFSTACK_TABLE)&t;

        (void)state;
        assert_int_equal(netns_create(&moved, "stack-moved", false), 0);
        assert_int_equal(netns_ip_batch(&moved, "link add e0 type veth peer name e1\n"
                                                "link add e2 type veth peer name e3\n"),
                         0);
        assert_int_equal(netns_ip(&topo.r, "link add vxm0 type vxlan id 77 dev r0 dstport 4790"),
                         0);
        assert_int_equal(netns_ip(&topo.r, "link set vxm0 netns %s", moved.name), 0);
        netns_leave();
        assert_int_equal(netns_enter(&moved), 0);
        assert_true(topo2_index("vxm0") != 0);
        assert_int_equal(GetIfStackTable(&t), ERROR_NOT_FOUND);
        assert_null(t);
        netns_leave();
        netns_destroy(&moved);
        assert_int_equal(netns_enter(&topo.a), 0);
}

static unsigned compare_paths(const MIB_IPPATH_TABLE *t, const char *cmd)
{
        json_t *routes = topo2_json(&topo.a, cmd), *r, *m;
        unsigned n = 0;
        size_t i, k;
        char b[64], label[96];

        json_array_foreach(routes, i, r)
        {
                const char *dst = netns_json_str(r, "dst"), *gw = netns_json_str(r, "gateway");
                unsigned index = topo2_index(netns_json_str(r, "dev"));
                long long mtu = 0;
                ULONG w;
                unsigned found = 0;

                json_array_foreach(json_object_get(r, "metrics"), k, m) mtu =
                    netns_json_int(m, "mtu", mtu);
                snprintf(label, sizeof(label), "path to %s", dst);
                n++;
                for (w = 0; w < t->NumEntries; w++) {
                        const MIB_IPPATH_ROW *p = &t->Table[w];

                        if (p->InterfaceIndex != index ||
                            strcmp(topo2_addr(&p->Destination, b, sizeof(b)), dst))
                                continue;
                        found++;
                        CHECK_STR(
                            label, "CurrentNextHop", topo2_addr(&p->CurrentNextHop, b, sizeof(b)),
                            gw ? gw : (p->Destination.si_family == AF_INET6 ? "::" : "0.0.0.0"));
                        CHECK_EQ(label, "PathMtu", p->PathMtu, mtu);
                        CHECK_EQ(label, "IsReachable", p->IsReachable, 1);
                        CHECK_EQ(label, "RttMean", p->RttMean, 0);
                }
                CHECK_EQ(label, "rows", found, 1);
        }
        json_decref(routes);
        return n;
}

static void path_rows_match_route_cache(void **state)
{
        PMIB_IPPATH_TABLE t = NULL;
        MIB_IF_ROW2 ifr;
        unsigned n;

        (void)state;
        assert_int_equal(GetIpPathTable(AF_UNSPEC, &t), NO_ERROR);
        n = compare_paths(t, "ip -4 -j route show cache");
        n += compare_paths(t, "ip -6 -j route show cache");
        assert_int_equal(t->NumEntries, n);
        assert_true(n >= 2); /* both families learned 1300 towards B */
        memset(&ifr, 0, sizeof(ifr));
        ifr.InterfaceIndex = t->Table[0].InterfaceIndex;
        assert_int_equal(GetIfEntry2(&ifr), NO_ERROR);
        assert_int_equal(t->Table[0].InterfaceLuid.Value, ifr.InterfaceLuid.Value);
        assert_true(t->Table[0].LinkTransmitSpeed == ifr.TransmitLinkSpeed);
        FreeMibTable(t);
        assert_int_equal(GetIpPathTable(AF_INET, &t), NO_ERROR);
        assert_int_equal(t->NumEntries, compare_paths(t, "ip -4 -j route show cache"));
        FreeMibTable(t);
        assert_int_equal(GetIpPathTable(AF_INET6, &t), NO_ERROR);
        assert_int_equal(t->NumEntries, compare_paths(t, "ip -6 -j route show cache"));
        FreeMibTable(t);
        assert_int_equal(check_failures, 0);
}

static void path_entry_and_errors(void **state)
{
        PMIB_IPPATH_TABLE t = NULL;
        MIB_IPPATH_ROW r;

        (void)state;
        assert_int_equal(GetIpPathTable(AF_UNSPEC, &t), NO_ERROR);
        memset(&r, 0, sizeof(r));
        r.Destination = t->Table[0].Destination;
        r.InterfaceIndex = t->Table[0].InterfaceIndex;
        assert_int_equal(GetIpPathEntry(&r), NO_ERROR);
        assert_int_equal(r.PathMtu, t->Table[0].PathMtu);
        assert_int_equal(r.InterfaceLuid.Value, t->Table[0].InterfaceLuid.Value);
        FreeMibTable(t);
        assert_int_equal(GetIpPathEntry(NULL), ERROR_INVALID_PARAMETER);
        r.InterfaceIndex = 0;
        memset(&r.InterfaceLuid, 0, sizeof(r.InterfaceLuid));
        assert_int_equal(GetIpPathEntry(&r), ERROR_INVALID_PARAMETER);
        r.InterfaceIndex = 999999;
        assert_int_equal(GetIpPathEntry(&r), ERROR_FILE_NOT_FOUND);
        r.InterfaceIndex = topo2_index("x0");
        assert_int_equal(GetIpPathEntry(&r), ERROR_NOT_FOUND);
        r.Destination.si_family = 0;
        assert_int_equal(GetIpPathEntry(&r), ERROR_INVALID_PARAMETER);
        t = (PMIB_IPPATH_TABLE)&t;
        assert_int_equal(GetIpPathTable(AF_PACKET, &t), ERROR_INVALID_PARAMETER);
        assert_null(t);
        assert_int_equal(GetIpPathTable(AF_INET, NULL), ERROR_INVALID_PARAMETER);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(stack_rows_match_ip_link),
            cmocka_unit_test(stack_errors),
            cmocka_unit_test(stack_ignores_lower_in_other_namespace),
            cmocka_unit_test(path_rows_match_route_cache),
            cmocka_unit_test(path_entry_and_errors),
        };

        return cmocka_run_group_tests(tests, topo2_group_setup, topo2_group_teardown);
}
