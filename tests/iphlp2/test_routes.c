/* test_routes.c - GetIpForwardTable2 and GetIpForwardEntry2 against
 * `ip -j -d route show table all` of namespace A: every routing table, one row per
 * next hop (multipath), blackhole/unreachable/prohibit on loopback, local routes
 * with Loopback set, a next hop of the other family (RTA_VIA), the protocol and
 * origin of each Linux route protocol, metrics and expiry; then every error code
 * of the entry call. */
#include <arpa/inet.h>
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

/* What one `ip` route (one next hop of it) says a row must hold. */
struct want {
        int family;
        char dst[64];
        unsigned plen;
        unsigned index;
        int nh_family;
        char nh[64];
        const char *type;
        const char *proto;
        long long metric, expires;
};

static int proto_number(const char *p)
{
        static const struct {
                const char *name;
                int value;
        } names[] = {{"redirect", 1}, {"kernel", 2}, {"boot", 3},
                     {"static", 4},   {"ra", 9},     {"dhcp", 16}};
        size_t i;

        for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
                if (!strcmp(p, names[i].name))
                        return names[i].value;
        return atoi(p);
}

static unsigned expected_protocol(int proto)
{
        switch (proto) {
        case 2:
                return RouteProtocolLocal;
        case 0:
        case 3:
        case 4:
                return RouteProtocolNetMgmt;
        case 1:
        case 9:
                return RouteProtocolIcmp;
        case 16:
                return RouteProtocolDhcp;
        default:
                return RouteProtocolOther;
        }
}

static unsigned expected_origin(int proto)
{
        return proto == 2    ? NlroWellKnown
               : proto == 9  ? NlroRouterAdvertisement
               : proto == 16 ? NlroDHCP
                             : NlroManual;
}

static void parse_dst(struct want *w, const char *dst)
{
        const char *slash = strchr(dst, '/');

        if (!strcmp(dst, "default")) {
                strcpy(w->dst, w->family == AF_INET6 ? "::" : "0.0.0.0");
                w->plen = 0;
                return;
        }
        snprintf(w->dst, sizeof(w->dst), "%.*s", slash ? (int)(slash - dst) : (int)strlen(dst),
                 dst);
        w->plen = slash ? (unsigned)atoi(slash + 1) : (w->family == AF_INET6 ? 128 : 32);
}

static void parse_hop(struct want *w, json_t *hop)
{
        json_t *via = json_object_get(hop, "via");
        const char *gw = netns_json_str(hop, "gateway"), *dev = netns_json_str(hop, "dev");

        w->nh_family = 0;
        w->nh[0] = '\0';
        if (gw) {
                w->nh_family = w->family;
                snprintf(w->nh, sizeof(w->nh), "%s", gw);
        } else if (via) {
                w->nh_family = !strcmp(netns_json_str(via, "family"), "inet6") ? AF_INET6 : AF_INET;
                snprintf(w->nh, sizeof(w->nh), "%s", netns_json_str(via, "host"));
        }
        w->index = dev ? topo2_index(dev) : 1; /* no device: loopback */
}

static bool row_matches(const MIB_IPFORWARD_ROW2 *r, const struct want *w)
{
        char b[64];
        const char *nh = w->nh_family ? w->nh : (w->family == AF_INET6 ? "::" : "0.0.0.0");

        return r->InterfaceIndex == w->index && r->DestinationPrefix.PrefixLength == w->plen &&
               r->DestinationPrefix.Prefix.si_family == w->family &&
               !strcmp(topo2_addr(&r->DestinationPrefix.Prefix, b, sizeof(b)), w->dst) &&
               r->NextHop.si_family == (w->nh_family ? w->nh_family : w->family) &&
               !strcmp(topo2_addr(&r->NextHop, b, sizeof(b)), nh);
}

static void check_row(const MIB_IPFORWARD_ROW2 *r, const struct want *w, const MIB_IF_TABLE2 *ifs,
                      const char *label)
{
        int proto = proto_number(w->proto);
        bool finite = w->expires >= 0;

        CHECK_EQ(label, "Metric", r->Metric, w->metric);
        CHECK_EQ(label, "Protocol", r->Protocol, expected_protocol(proto));
        CHECK_EQ(label, "Origin", r->Origin, expected_origin(proto));
        CHECK_EQ(label, "Loopback", r->Loopback, !strcmp(w->type, "local"));
        CHECK_NEAR(label, "ValidLifetime", r->ValidLifetime, finite ? w->expires : 0xffffffffll,
                   finite ? 2 : 0);
        CHECK_EQ(label, "PreferredLifetime", r->PreferredLifetime, r->ValidLifetime);
        CHECK_EQ(label, "Immortal", r->Immortal, !finite);
        CHECK_EQ(label, "SitePrefixLength", r->SitePrefixLength, 0);
        CHECK_EQ(label, "Publish", r->Publish, 0);
        CHECK_EQ(label, "AutoconfigureAddress", r->AutoconfigureAddress, 0);
        CHECK_TRUE(label, "LUID is GetIfTable2's",
                   topo2_luid_known(ifs, r->InterfaceIndex, r->InterfaceLuid.Value));
}

static void match_hop(const MIB_IPFORWARD_TABLE2 *t, bool *used, const struct want *w,
                      const MIB_IF_TABLE2 *ifs)
{
        char label[200];
        ULONG i;

        snprintf(label, sizeof(label), "%s %s/%u via %s dev %u", w->type, w->dst, w->plen,
                 w->nh[0] ? w->nh : "-", w->index);
        for (i = 0; i < t->NumEntries; i++) {
                if (used[i] || !row_matches(&t->Table[i], w))
                        continue;
                used[i] = true;
                check_row(&t->Table[i], w, ifs, label);
                return;
        }
        fprintf(stderr, "%s: no row\n", label);
        check_failures++;
}

/* Compares the rows of one family with `ip -<v> -j -d route show table all`. */
static unsigned compare_family(const MIB_IPFORWARD_TABLE2 *t, bool *used, int family,
                               const MIB_IF_TABLE2 *ifs)
{
        json_t *routes =
                   topo2_json(&topo.a, family == AF_INET6 ? "ip -6 -j -d route show table all"
                                                          : "ip -4 -j -d route show table all"),
               *r, *hops, *h;
        unsigned n = 0;
        size_t i, k;

        json_array_foreach(routes, i, r)
        {
                struct want w;

                memset(&w, 0, sizeof(w));
                w.family = family;
                parse_dst(&w, netns_json_str(r, "dst"));
                w.type = netns_json_str(r, "type");
                w.proto = netns_json_str(r, "protocol");
                w.metric = netns_json_int(r, "metric", 0);
                w.expires = netns_json_int(r, "expires", -1);
                hops = json_object_get(r, "nexthops");
                if (!hops) {
                        parse_hop(&w, r);
                        match_hop(t, used, &w, ifs);
                        n++;
                        continue;
                }
                json_array_foreach(hops, k, h)
                {
                        parse_hop(&w, h);
                        match_hop(t, used, &w, ifs);
                        n++;
                }
        }
        json_decref(routes);
        return n;
}

static void rows_match_ip_route(void **state)
{
        PMIB_IPFORWARD_TABLE2 t = NULL;
        PMIB_IF_TABLE2 ifs = NULL;
        bool *used;
        unsigned n;

        (void)state;
        assert_int_equal(GetIfTable2(&ifs), NO_ERROR);
        assert_int_equal(GetIpForwardTable2(AF_UNSPEC, &t), NO_ERROR);
        used = calloc(t->NumEntries + 1, sizeof(bool));
        n = compare_family(t, used, AF_INET, ifs);
        n += compare_family(t, used, AF_INET6, ifs);
        assert_int_equal(t->NumEntries, n);
        free(used);
        FreeMibTable(t);
        assert_int_equal(check_failures, 0);
        assert_int_equal(GetIpForwardTable2(AF_INET, &t), NO_ERROR);
        used = calloc(t->NumEntries + 1, sizeof(bool));
        assert_int_equal(t->NumEntries, compare_family(t, used, AF_INET, ifs));
        free(used);
        FreeMibTable(t);
        assert_int_equal(GetIpForwardTable2(AF_INET6, &t), NO_ERROR);
        used = calloc(t->NumEntries + 1, sizeof(bool));
        assert_int_equal(t->NumEntries, compare_family(t, used, AF_INET6, ifs));
        free(used);
        FreeMibTable(t);
        FreeMibTable(ifs);
        assert_int_equal(check_failures, 0);
}

static const MIB_IPFORWARD_ROW2 *find(const MIB_IPFORWARD_TABLE2 *t, const char *dst, unsigned plen,
                                      unsigned nth)
{
        char b[64];
        ULONG i;

        for (i = 0; i < t->NumEntries; i++)
                if (t->Table[i].DestinationPrefix.PrefixLength == plen &&
                    !strcmp(topo2_addr(&t->Table[i].DestinationPrefix.Prefix, b, sizeof(b)), dst) &&
                    nth-- == 0)
                        return &t->Table[i];
        fail_msg("no row %u for %s/%u", nth, dst, plen);
        return NULL;
}

static void topology_routes_are_the_documented_ones(void **state)
{
        PMIB_IPFORWARD_TABLE2 t = NULL;
        const MIB_IPFORWARD_ROW2 *r;

        (void)state;
        assert_int_equal(GetIpForwardTable2(AF_UNSPEC, &t), NO_ERROR);
        find(t, "192.0.2.0", 26, 0); /* multipath: two rows */
        find(t, "192.0.2.0", 26, 1);
        find(t, "2001:db8:cc::", 64, 1);
        r = find(t, "192.0.2.64", 26, 0); /* blackhole in table 101 */
        assert_int_equal(r->InterfaceIndex, 1);
        assert_int_equal(r->NextHop.si_family, AF_INET);
        r = find(t, "192.0.2.128", 26, 0); /* unreachable */
        assert_int_equal(r->InterfaceIndex, 1);
        r = find(t, "203.0.113.128", 25, 0); /* IPv4 via an IPv6 router */
        assert_int_equal(r->NextHop.si_family, AF_INET6);
        r = find(t, "192.0.2.192", 27, 0);
        assert_int_equal(r->Metric, 50);
        assert_int_equal(r->Protocol, RouteProtocolNetMgmt);
        r = find(t, "192.0.2.224", 28, 0);
        assert_int_equal(r->Protocol, RouteProtocolDhcp);
        assert_int_equal(r->Origin, NlroDHCP);
        r = find(t, "2001:db8:ee::", 64, 0);
        assert_in_range(r->ValidLifetime, 1, 600);
        assert_false(r->Immortal);
        r = find(t, "198.51.100.2", 32, 0); /* local table */
        assert_true(r->Loopback);
        assert_int_equal(r->Protocol, RouteProtocolLocal);
        FreeMibTable(t);
}

static void entry_round_trips_every_row(void **state)
{
        PMIB_IPFORWARD_TABLE2 t = NULL;
        MIB_IPFORWARD_ROW2 r;
        char b[64];
        ULONG i;

        (void)state;
        assert_int_equal(GetIpForwardTable2(AF_UNSPEC, &t), NO_ERROR);
        for (i = 0; i < t->NumEntries; i++) {
                InitializeIpForwardEntry(&r);
                r.DestinationPrefix = t->Table[i].DestinationPrefix;
                r.NextHop = t->Table[i].NextHop;
                r.InterfaceIndex = t->Table[i].InterfaceIndex;
                topo2_addr(&r.DestinationPrefix.Prefix, b, sizeof(b));
                CHECK_EQ(b, "GetIpForwardEntry2", GetIpForwardEntry2(&r), NO_ERROR);
                CHECK_EQ(b, "entry LUID", r.InterfaceLuid.Value, t->Table[i].InterfaceLuid.Value);
                CHECK_EQ(b, "entry prefix length", r.DestinationPrefix.PrefixLength,
                         t->Table[i].DestinationPrefix.PrefixLength);
        }
        FreeMibTable(t);
        assert_int_equal(check_failures, 0);
}

static void entry_errors(void **state)
{
        MIB_IPFORWARD_ROW2 r;
        PMIB_IPFORWARD_TABLE2 t = (PMIB_IPFORWARD_TABLE2)&t;

        (void)state;
        assert_int_equal(GetIpForwardTable2(AF_INET, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(GetIpForwardTable2(AF_PACKET, &t), ERROR_INVALID_PARAMETER);
        assert_null(t);
        assert_int_equal(GetIpForwardEntry2(NULL), ERROR_INVALID_PARAMETER);
        InitializeIpForwardEntry(&r); /* no family */
        assert_int_equal(GetIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
        r.DestinationPrefix.Prefix.Ipv4.sin_family = AF_INET;
        inet_pton(AF_INET, "192.0.2.192", &r.DestinationPrefix.Prefix.Ipv4.sin_addr);
        r.DestinationPrefix.PrefixLength = 33;
        r.InterfaceIndex = topo2_index("m0");
        assert_int_equal(GetIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
        r.DestinationPrefix.PrefixLength = 27;
        r.InterfaceIndex = 0; /* no interface */
        assert_int_equal(GetIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
        r.InterfaceIndex = 999999;
        assert_int_equal(GetIpForwardEntry2(&r), ERROR_FILE_NOT_FOUND);
        r.InterfaceIndex = topo2_index("m0");
        r.NextHop.Ipv4.sin_family = AF_INET;
        inet_pton(AF_INET, "198.51.100.1", &r.NextHop.Ipv4.sin_addr);
        assert_int_equal(GetIpForwardEntry2(&r), NO_ERROR);
        assert_int_equal(r.Metric, 50);
        inet_pton(AF_INET, "198.51.100.99", &r.NextHop.Ipv4.sin_addr); /* another next hop */
        assert_int_equal(GetIpForwardEntry2(&r), ERROR_NOT_FOUND);
        InitializeIpForwardEntry(&r);
        assert_int_equal(r.ValidLifetime, 0xffffffffu);
        assert_true(r.Loopback && r.AutoconfigureAddress && r.Publish && r.Immortal);
        assert_int_equal(r.Metric, 0xffffffffu);
        assert_int_equal(r.SitePrefixLength, 0xff);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(rows_match_ip_route),
            cmocka_unit_test(topology_routes_are_the_documented_ones),
            cmocka_unit_test(entry_round_trips_every_row),
            cmocka_unit_test(entry_errors),
        };

        return cmocka_run_group_tests(tests, topo2_group_setup, topo2_group_teardown);
}
