/* test_nexthops.c - routes that share next hops, on a network of its own,
 * X -- Y -- Z (Y--Z with MTU 1300): routes over nexthop objects and groups
 * (`ip nexthop`, `nhid`) under both values of the per-namespace sysctl
 * net.ipv4.nexthop_compat_mode (0: the kernel names the object only, no
 * interface or gateway), checked against `ip -j route` resolved through
 * `ip -j nexthop`; and GetIpPathTable when several routes share the next hop of
 * one path-MTU exception (the kernel dumps the exception once per route): one
 * row per exception. Documentation prefixes only; nothing leaves the namespaces. */
#include <arpa/inet.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "fault_walk.h"

#include "iphlpapi.h"
#include "winnet.h"

#include "iphlp/tables.h"

#include "check2.h"
#include "topo2.h"

int check_failures;

static struct test_netns x, y, z;

static void must(int ok, const char *what)
{
        if (!ok) {
                fprintf(stderr, "topology: %s failed\n", what);
                abort();
        }
}

static const char x_setup[] =
    "link set v0 up\nlink set v1 up\n"
    "addr add 198.51.100.2/24 dev v0\naddr add 2001:db8:1::2/64 dev v0 nodad\n"
    "addr add 203.0.113.2/24 dev v1\naddr add 2001:db8:2::2/64 dev v1 nodad\n"
    "nexthop add id 10 via 198.51.100.1 dev v0\n"
    "nexthop add id 11 via 203.0.113.1 dev v1\n"
    "nexthop add id 12 via 2001:db8:1::1 dev v0\n"
    "nexthop add id 13 via 2001:db8:2::1 dev v1\n"
    "nexthop add id 14 via 2001:db8:1::1 dev v0\n" /* an IPv6 gateway for IPv4 routes */
    "nexthop add id 20 group 10,3/11,7\n"
    "nexthop add id 21 group 12/13\n"
    "nexthop add id 22 group 10/11 type resilient buckets 8\n"
    "nexthop add id 30 blackhole\n"
    "route add 192.0.2.0/27 nhid 10\n"
    "route add 192.0.2.32/27 nhid 20\n"
    "route add 192.0.2.96/27 nhid 22 table 100\n"
    "route add 203.0.113.128/25 nhid 14\n"
    "route add 192.0.2.248/30 nhid 30\n"
    "route add 2001:db8:10::/64 nhid 12\n"
    "route add 2001:db8:11::/64 nhid 21 table 100\n"
    /* the exceptions' routes: IPv4 routes with equal gateway, device, metric and
     * protocol share one next hop (fib_info); the IPv6 ones share nexthop 12 */
    "route add default via 198.51.100.1\n"
    "route add 192.0.2.128/26 via 198.51.100.1\n"
    "route add 2001:db8:77::/64 nhid 12\n"
    "route add 2001:db8:77::/48 nhid 12\n";

static void build(void)
{
        char n[64];

        netns_require();
        snprintf(n, sizeof(n), "%s-x", netns_program_tag());
        must(netns_create(&x, n, false) == 0, "namespace X");
        snprintf(n, sizeof(n), "%s-y", netns_program_tag());
        must(netns_create(&y, n, false) == 0, "namespace Y");
        snprintf(n, sizeof(n), "%s-z", netns_program_tag());
        must(netns_create(&z, n, false) == 0, "namespace Z");
        must(netns_ip(&x, "link add v0 type veth peer name p0 netns %s", y.name) == 0, "v0");
        must(netns_ip(&x, "link add v1 type veth peer name p1 netns %s", y.name) == 0, "v1");
        must(netns_ip(&y, "link add q0 mtu 1300 type veth peer name q1 netns %s", z.name) == 0,
             "q0");
        must(netns_ip_batch(&y, "link set p0 up\nlink set p1 up\nlink set q0 up\n"
                                "addr add 198.51.100.1/24 dev p0\n"
                                "addr add 2001:db8:1::1/64 dev p0 nodad\n"
                                "addr add 203.0.113.1/24 dev p1\n"
                                "addr add 2001:db8:2::1/64 dev p1 nodad\n"
                                "addr add 192.0.2.129/26 dev q0\n"
                                "addr add 2001:db8:77::1/64 dev q0 nodad\n") == 0,
             "Y");
        must(netns_sysctl_write(&y, "net/ipv4/ip_forward", "1") == 0, "Y forwarding");
        must(netns_sysctl_write(&y, "net/ipv6/conf/all/forwarding", "1") == 0, "Y fwd6");
        must(netns_ip_batch(&z, "link set q1 up\naddr add 192.0.2.130/26 dev q1\n"
                                "addr add 2001:db8:77::2/64 dev q1 nodad\n") == 0,
             "Z");
        must(netns_ip_batch(&x, x_setup) == 0, "X");
        /* Y answers the oversized probes with "fragmentation needed" / "packet too big" */
        must(netns_sh(&x, "for i in $(seq 30); do "
                          "ping -c1 -W1 -M do -s 1400 192.0.2.130 >/dev/null 2>&1; "
                          "ping -6 -c1 -W1 -M do -s 1400 2001:db8:77::2 >/dev/null 2>&1; "
                          "ip -4 route show cache | grep -q 'mtu 1300' && "
                          "ip -6 route show cache | grep -q 'mtu 1300' && exit 0; "
                          "sleep 0.3; done; exit 1") == 0,
             "path MTU exceptions");
}

static int setup(void **state)
{
        (void)state;
        build();
        return netns_enter(&x);
}

static int teardown(void **state)
{
        (void)state;
        netns_leave();
        netns_destroy(&x);
        netns_destroy(&y);
        netns_destroy(&z);
        return 0;
}

/* Skips (exit 77 would end every test) when the kernel has no such sysctl. */
static bool set_compat_mode(const char *value)
{
        long v;

        if (netns_sysctl_read(&x, "net/ipv4/nexthop_compat_mode", &v) < 0)
                return false;
        assert_int_equal(netns_sysctl_write(&x, "net/ipv4/nexthop_compat_mode", value), 0);
        assert_int_equal(netns_sysctl_read(&x, "net/ipv4/nexthop_compat_mode", &v), 0);
        assert_int_equal(v, atol(value));
        return true;
}

/* ---- the oracle: every next hop of every route, from `ip -j`, resolved through
 * `ip -j nexthop` where the route names an object only ---- */

struct hop {
        char dst[64];
        char gw[64]; /* "" on-link */
        unsigned index;
};

struct hops {
        struct hop h[256];
        size_t n;
};

static json_t *nexthop_by_id(json_t *nhs, long long id)
{
        json_t *o;
        size_t i;

        json_array_foreach(nhs, i, o) if (netns_json_int(o, "id", -1) == id) return o;
        return NULL;
}

/* An `ip -j` next hop's gateway: "gateway", or "via" (another family). */
static const char *gateway_of(json_t *o)
{
        const char *gw = netns_json_str(o, "gateway");

        return gw ? gw : netns_json_str(json_object_get(o, "via"), "host");
}

static void add_hop(struct hops *w, const char *dst, const char *gw, const char *dev)
{
        struct hop *h = &w->h[w->n++];

        assert_true(w->n <= sizeof(w->h) / sizeof(w->h[0]));
        snprintf(h->dst, sizeof(h->dst), "%s", dst);
        snprintf(h->gw, sizeof(h->gw), "%s", gw ? gw : "");
        h->index = dev ? topo2_index(dev) : 1; /* no device: loopback (blackhole) */
}

/* One route: its own next hops when the kernel gives them, else the object's. */
static void route_hops(struct hops *w, json_t *nhs, json_t *r, const char *dst)
{
        json_t *hops = json_object_get(r, "nexthops"), *h, *nh, *g;
        size_t i;

        if (json_array_size(hops)) {
                json_array_foreach(hops, i, h)
                    add_hop(w, dst, gateway_of(h), netns_json_str(h, "dev"));
                return;
        }
        if (netns_json_str(r, "dev") || !json_object_get(r, "nhid")) {
                add_hop(w, dst, gateway_of(r), netns_json_str(r, "dev"));
                return;
        }
        nh = nexthop_by_id(nhs, netns_json_int(r, "nhid", 0));
        assert_non_null(nh);
        if (!json_object_get(nh, "group")) {
                add_hop(w, dst, netns_json_str(nh, "gateway"), netns_json_str(nh, "dev"));
                return;
        }
        json_array_foreach(json_object_get(nh, "group"), i, g)
        {
                json_t *m = nexthop_by_id(nhs, netns_json_int(g, "id", 0));

                assert_non_null(m);
                add_hop(w, dst, netns_json_str(m, "gateway"), netns_json_str(m, "dev"));
        }
}

static void oracle(struct hops *w)
{
        static const char *const cmds[] = {"ip -4 -j -d route show table all",
                                           "ip -6 -j -d route show table all"};
        json_t *nhs = topo2_json(&x, "ip -j nexthop show"), *routes, *r;
        size_t i, c;
        char dst[64];

        w->n = 0;
        for (c = 0; c < 2; c++) {
                routes = topo2_json(&x, cmds[c]);
                json_array_foreach(routes, i, r)
                {
                        const char *d = netns_json_str(r, "dst");

                        if (!strcmp(d, "default"))
                                snprintf(dst, sizeof(dst), "%s", c ? "::/0" : "0.0.0.0/0");
                        else if (!strchr(d, '/'))
                                snprintf(dst, sizeof(dst), "%s/%d", d, c ? 128 : 32);
                        else
                                snprintf(dst, sizeof(dst), "%s", d);
                        route_hops(w, nhs, r, dst);
                }
                json_decref(routes);
        }
        json_decref(nhs);
}

static void row_hop(const MIB_IPFORWARD_ROW2 *row, struct hop *h)
{
        char b[64];
        static const uint8_t zero[16];
        const void *nh = row->NextHop.si_family == AF_INET6
                             ? (const void *)&row->NextHop.Ipv6.sin6_addr
                             : (const void *)&row->NextHop.Ipv4.sin_addr;

        snprintf(h->dst, sizeof(h->dst), "%s/%u",
                 topo2_addr(&row->DestinationPrefix.Prefix, b, sizeof(b)),
                 row->DestinationPrefix.PrefixLength);
        if (memcmp(nh, zero, row->NextHop.si_family == AF_INET6 ? 16 : 4))
                topo2_addr(&row->NextHop, h->gw, sizeof(h->gw));
        else
                h->gw[0] = '\0';
        h->index = row->InterfaceIndex;
}

static bool hop_equal(const struct hop *a, const struct hop *b)
{
        return !strcmp(a->dst, b->dst) && !strcmp(a->gw, b->gw) && a->index == b->index;
}

/* Every row is one hop of the oracle and every hop one row. */
static void expect_table_matches(void)
{
        static struct hops w;
        PMIB_IPFORWARD_TABLE2 t = NULL;
        bool used[256] = {false};
        ULONG i;
        size_t k;

        oracle(&w);
        assert_int_equal(GetIpForwardTable2(AF_UNSPEC, &t), NO_ERROR);
        for (i = 0; i < t->NumEntries; i++) {
                struct hop h;
                char label[160];

                row_hop(&t->Table[i], &h);
                for (k = 0; k < w.n; k++)
                        if (!used[k] && hop_equal(&h, &w.h[k]))
                                break;
                snprintf(label, sizeof(label), "row %s via '%s' index %u", h.dst, h.gw, h.index);
                CHECK_TRUE(label, "is a next hop `ip` shows", k < w.n);
                if (k < w.n)
                        used[k] = true;
        }
        for (k = 0; k < w.n; k++) {
                char label[160];

                snprintf(label, sizeof(label), "ip route %s via '%s' index %u", w.h[k].dst,
                         w.h[k].gw, w.h[k].index);
                CHECK_TRUE(label, "has a row", used[k]);
        }
        CHECK_EQ("table", "NumEntries", t->NumEntries, w.n);
        FreeMibTable(t);
}

/* The object routes, row by row, as the network was built. */
static void expect_object_rows(void)
{
        static const struct {
                const char *dst, *gw, *dev;
        } want[] = {
            {"192.0.2.0/27", "198.51.100.1", "v0"},
            {"192.0.2.32/27", "198.51.100.1", "v0"},
            {"192.0.2.32/27", "203.0.113.1", "v1"},
            {"192.0.2.96/27", "198.51.100.1", "v0"},
            {"192.0.2.96/27", "203.0.113.1", "v1"},
            {"203.0.113.128/25", "2001:db8:1::1", "v0"},
            {"192.0.2.248/30", "", "lo"},
            {"2001:db8:10::/64", "2001:db8:1::1", "v0"},
            {"2001:db8:11::/64", "2001:db8:1::1", "v0"},
            {"2001:db8:11::/64", "2001:db8:2::1", "v1"},
        };
        PMIB_IPFORWARD_TABLE2 t = NULL;
        size_t k;
        ULONG i;

        assert_int_equal(GetIpForwardTable2(AF_UNSPEC, &t), NO_ERROR);
        for (k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
                struct hop h, e;
                unsigned found = 0;

                snprintf(e.dst, sizeof(e.dst), "%s", want[k].dst);
                snprintf(e.gw, sizeof(e.gw), "%s", want[k].gw);
                e.index = topo2_index(want[k].dev);
                for (i = 0; i < t->NumEntries; i++) {
                        row_hop(&t->Table[i], &h);
                        found += hop_equal(&h, &e);
                }
                CHECK_EQ(want[k].dst, want[k].gw[0] ? want[k].gw : "on-link rows", found, 1);
        }
        FreeMibTable(t);
}

/* A group member found by GetIpForwardEntry2 (prefix, next hop, interface). */
static void expect_entry(void)
{
        MIB_IPFORWARD_ROW2 r;

        memset(&r, 0, sizeof(r));
        r.DestinationPrefix.Prefix.si_family = AF_INET;
        inet_pton(AF_INET, "192.0.2.32", &r.DestinationPrefix.Prefix.Ipv4.sin_addr);
        r.DestinationPrefix.PrefixLength = 27;
        r.NextHop.si_family = AF_INET;
        inet_pton(AF_INET, "203.0.113.1", &r.NextHop.Ipv4.sin_addr);
        r.InterfaceIndex = topo2_index("v1");
        assert_int_equal(GetIpForwardEntry2(&r), NO_ERROR);
        assert_int_equal(r.InterfaceLuid.Value != 0, 1);
        r.InterfaceIndex = topo2_index("v0");
        r.InterfaceLuid.Value = 0;
        assert_int_equal(GetIpForwardEntry2(&r), ERROR_NOT_FOUND);
}

static void routes_compat_mode_1(void **state)
{
        (void)state;
        check_failures = 0;
        if (!set_compat_mode("1"))
                skip();
        expect_table_matches();
        expect_object_rows();
        expect_entry();
        assert_int_equal(check_failures, 0);
}

/* The kernel leaves the next hops out; winnet reads them from the objects. */
static void routes_compat_mode_0(void **state)
{
        json_t *r;

        (void)state;
        check_failures = 0;
        if (!set_compat_mode("0"))
                skip();
        r = topo2_json(&x, "ip -j route show 192.0.2.32/27");
        assert_int_equal(json_array_size(r), 1);
        assert_null(json_object_get(json_array_get(r, 0), "nexthops")); /* what is tested */
        assert_null(json_object_get(json_array_get(r, 0), "dev"));
        json_decref(r);
        expect_table_matches();
        expect_object_rows();
        expect_entry();
        assert_true(set_compat_mode("1"));
        assert_int_equal(check_failures, 0);
}

/* `ip route show cache` repeats an exception for every route sharing its next hop;
 * the path table lists each exception once. */
static unsigned cache_entries(const char *cmd, const char *dst, unsigned *copies)
{
        json_t *routes = topo2_json(&x, cmd), *r;
        size_t i;
        unsigned n = 0;

        *copies = 0;
        json_array_foreach(routes, i, r)
        {
                n++;
                *copies += !strcmp(netns_json_str(r, "dst"), dst);
        }
        json_decref(routes);
        return n;
}

static void paths_once_per_exception(void **state)
{
        PMIB_IPPATH_TABLE t = NULL;
        unsigned copies4, copies6, rows4 = 0, rows6 = 0;
        ULONG i;
        char b[64];

        (void)state;
        check_failures = 0;
        cache_entries("ip -4 -j route show cache", "192.0.2.130", &copies4);
        cache_entries("ip -6 -j route show cache", "2001:db8:77::2", &copies6);
        assert_true(copies4 >= 1);
        assert_true(copies6 >= 1);
        fprintf(stderr, "the kernel dumps the IPv4 exception %u times, the IPv6 one %u times\n",
                copies4, copies6);
        assert_int_equal(GetIpPathTable(AF_UNSPEC, &t), NO_ERROR);
        for (i = 0; i < t->NumEntries; i++) {
                const MIB_IPPATH_ROW *p = &t->Table[i];

                topo2_addr(&p->Destination, b, sizeof(b));
                if (!strcmp(b, "192.0.2.130")) {
                        rows4++;
                        CHECK_EQ("192.0.2.130", "PathMtu", p->PathMtu, 1300);
                        CHECK_EQ("192.0.2.130", "InterfaceIndex", p->InterfaceIndex,
                                 topo2_index("v0"));
                        CHECK_STR("192.0.2.130", "CurrentNextHop",
                                  topo2_addr(&p->CurrentNextHop, b, sizeof(b)), "198.51.100.1");
                } else if (!strcmp(b, "2001:db8:77::2")) {
                        rows6++;
                        CHECK_EQ("2001:db8:77::2", "PathMtu", p->PathMtu, 1300);
                        CHECK_STR("2001:db8:77::2", "CurrentNextHop",
                                  topo2_addr(&p->CurrentNextHop, b, sizeof(b)), "2001:db8:1::1");
                }
        }
        CHECK_EQ("192.0.2.130", "rows", rows4, 1);
        CHECK_EQ("2001:db8:77::2", "rows", rows6, 1);
        CHECK_EQ("table", "NumEntries", t->NumEntries, 2);
        FreeMibTable(t);
        assert_int_equal(GetIpPathTable(AF_INET, &t), NO_ERROR);
        CHECK_EQ("AF_INET", "NumEntries", t->NumEntries, 1);
        FreeMibTable(t);
        assert_int_equal(GetIpPathTable(AF_INET6, &t), NO_ERROR);
        CHECK_EQ("AF_INET6", "NumEntries", t->NumEntries, 1);
        FreeMibTable(t);
        assert_int_equal(check_failures, 0);
}

TABLE_CALL(fault_forward, PMIB_IPFORWARD_TABLE2, GetIpForwardTable2(AF_UNSPEC, &t))
TABLE_CALL(fault_path, PMIB_IPPATH_TABLE, GetIpPathTable(AF_UNSPEC, &t))

/* Every allocation of the walks this network needs (the nexthop table, the
 * sets of routes) fails cleanly: ERROR_NOT_ENOUGH_MEMORY, nothing leaked. */
static void survives_every_allocation_failure(void **state)
{
        (void)state;
        if (!set_compat_mode("0"))
                skip();
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        {
                const struct fault_walk w = {"GetIpForwardTable2 (nexthop objects)", fault_forward,
                                             iphlp_tables_reset_hints, 300, 2};

                fault_walk_run(&w);
        }
        {
                const struct fault_walk w = {"GetIpPathTable (shared exceptions)", fault_path,
                                             iphlp_tables_reset_hints, 300, 2};

                fault_walk_run(&w);
        }
        winnet_verifier_disable(WINNET_VERIFIER_TRACK);
        assert_true(set_compat_mode("1"));
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(routes_compat_mode_1),
            cmocka_unit_test(routes_compat_mode_0),
            cmocka_unit_test(paths_once_per_exception),
            cmocka_unit_test(survives_every_allocation_failure),
        };

        return cmocka_run_group_tests(tests, setup, teardown);
}
