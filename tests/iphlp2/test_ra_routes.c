/* test_ra_routes.c - what a router advertisement leaves behind, on a network of
 * its own, H -- G: G sends one RA (prefix 2001:db8:aa::/64 on-link and
 * autonomous, a route information option for 2001:db8:bb::/48, router lifetime
 * 1800 s) and H learns a prefix route, a default route, a more specific route and
 * a SLAAC address. GetIpForwardTable2 marks the prefix route AutoconfigureAddress
 * (the kernel knows it as RTF_PREFIX_RT but never says so in a dump) and not the
 * prefix route of a manual address; the RA routes are ICMP-learned with the
 * lifetimes `ip -j route` shows; the SLAAC address has the RA origins.
 * Documentation prefixes only; the RA goes from G to H over their veth pair. */
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
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

static struct test_netns h, g;

static void must(int ok, const char *what)
{
        if (!ok) {
                fprintf(stderr, "topology: %s failed\n", what);
                abort();
        }
}

/* The RA: header, prefix information, route information (RFC 4191). */
static size_t build_ra(uint8_t *buf)
{
        struct nd_router_advert ra;
        struct nd_opt_prefix_info pi;
        uint8_t rio[24];
        size_t n = 0;

        memset(&ra, 0, sizeof(ra));
        ra.nd_ra_type = ND_ROUTER_ADVERT;
        ra.nd_ra_curhoplimit = 64;
        ra.nd_ra_router_lifetime = htons(1800);
        memcpy(buf + n, &ra, sizeof(ra));
        n += sizeof(ra);
        memset(&pi, 0, sizeof(pi));
        pi.nd_opt_pi_type = ND_OPT_PREFIX_INFORMATION;
        pi.nd_opt_pi_len = 4;
        pi.nd_opt_pi_prefix_len = 64;
        pi.nd_opt_pi_flags_reserved = ND_OPT_PI_FLAG_ONLINK | ND_OPT_PI_FLAG_AUTO;
        pi.nd_opt_pi_valid_time = htonl(3000);
        pi.nd_opt_pi_preferred_time = htonl(2000);
        inet_pton(AF_INET6, "2001:db8:aa::", &pi.nd_opt_pi_prefix);
        memcpy(buf + n, &pi, sizeof(pi));
        n += sizeof(pi);
        memset(rio, 0, sizeof(rio));
        rio[0] = 24; /* route information */
        rio[1] = 3;  /* 24 bytes */
        rio[2] = 48;
        rio[4] = 0, rio[5] = 0, rio[6] = 0x03, rio[7] = 0x84; /* 900 s */
        inet_pton(AF_INET6, "2001:db8:bb::", rio + 8);
        memcpy(buf + n, rio, sizeof(rio));
        return n + sizeof(rio);
}

/* Sends the RA from inside G (the calling thread enters G and comes back). */
static void send_ra(void)
{
        uint8_t buf[128];
        size_t n = build_ra(buf);
        struct sockaddr_in6 to;
        int fd, hops = 255;

        must(netns_enter(&g) == 0, "enter G");
        fd = socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
        must(fd >= 0, "raw ICMPv6 socket");
        setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &hops, sizeof(hops));
        memset(&to, 0, sizeof(to));
        to.sin6_family = AF_INET6;
        inet_pton(AF_INET6, "ff02::1", &to.sin6_addr);
        to.sin6_scope_id = if_nametoindex("g0");
        must(to.sin6_scope_id != 0, "g0");
        must(sendto(fd, buf, n, 0, (struct sockaddr *)&to, sizeof(to)) == (ssize_t)n, "send RA");
        close(fd);
        must(netns_leave() == 0, "leave G");
}

static void build(void)
{
        char n[64];
        int i;

        netns_require();
        snprintf(n, sizeof(n), "%s-h", netns_program_tag());
        must(netns_create(&h, n, false) == 0, "namespace H");
        snprintf(n, sizeof(n), "%s-g", netns_program_tag());
        must(netns_create(&g, n, false) == 0, "namespace G");
        /* no DAD: G's link-local must be usable as the RA's source at once */
        must(netns_sysctl_write(&g, "net/ipv6/conf/default/accept_dad", "0") == 0, "G dad");
        must(netns_sysctl_write(&h, "net/ipv6/conf/default/accept_dad", "0") == 0, "H dad");
        must(netns_ip(&h, "link add h0 type veth peer name g0 netns %s", g.name) == 0, "veth");
        must(netns_sysctl_write(&h, "net/ipv6/conf/h0/accept_ra", "1") == 0, "accept_ra");
        must(netns_sysctl_write(&h, "net/ipv6/conf/h0/accept_ra_rt_info_max_plen", "64") == 0,
             "rt_info");
        must(netns_ip_batch(
                 &h, "link set h0 up\naddr add 2001:db8:cc::1/64 dev h0\n"
                     "addr add 2001:db8:dd::1/64 dev h0 valid_lft 500 preferred_lft 500\n") == 0,
             "H");
        must(netns_ip(&g, "link set g0 up") == 0, "G");
        for (i = 0; i < 50; i++) {
                if (netns_sh(&g, "ip -6 addr show dev g0 scope link | grep -q inet6") == 0) {
                        send_ra();
                        if (netns_sh(&h,
                                     "ip -6 route show proto ra | grep -q default && "
                                     "ip -6 route show 2001:db8:aa::/64 | grep -q expires") == 0)
                                return;
                }
                usleep(200 * 1000);
        }
        must(0, "H learns the RA");
}

static int setup(void **state)
{
        (void)state;
        build();
        return netns_enter(&h);
}

static int teardown(void **state)
{
        (void)state;
        netns_leave();
        netns_destroy(&h);
        netns_destroy(&g);
        return 0;
}

static const MIB_IPFORWARD_ROW2 *find_route(const MIB_IPFORWARD_TABLE2 *t, const char *prefix,
                                            unsigned plen)
{
        char b[64];
        ULONG i;

        for (i = 0; i < t->NumEntries; i++)
                if (t->Table[i].DestinationPrefix.PrefixLength == plen &&
                    t->Table[i].InterfaceIndex == topo2_index("h0") &&
                    !strcmp(topo2_addr(&t->Table[i].DestinationPrefix.Prefix, b, sizeof(b)),
                            prefix))
                        return &t->Table[i];
        return NULL;
}

/* `expires` of the route `ip` shows for `prefix` (-1 when it has none). */
static long long ip_expires(const char *prefix)
{
        json_t *j = topo2_json(&h, prefix), *r = json_array_get(j, 0);
        long long e = r ? netns_json_int(r, "expires", -1) : -2;

        json_decref(j);
        return e;
}

/* Next hops of every IPv6 route `ip` shows, all tables. */
static ULONG ip_route_count(void)
{
        json_t *j = topo2_json(&h, "ip -j -6 route show table all"), *r;
        ULONG n = 0;
        size_t i;

        json_array_foreach(j, i, r)
        {
                size_t hops = json_array_size(json_object_get(r, "nexthops"));

                n += hops ? (ULONG)hops : 1;
        }
        json_decref(j);
        return n;
}

static void ra_prefix_route_is_autoconfigure(void **state)
{
        PMIB_IPFORWARD_TABLE2 t = NULL;
        const MIB_IPFORWARD_ROW2 *r;
        long long e = ip_expires("ip -j -6 route show 2001:db8:aa::/64 dev h0");

        (void)state;
        check_failures = 0;
        assert_int_equal(GetIpForwardTable2(AF_INET6, &t), NO_ERROR);
        r = find_route(t, "2001:db8:aa::", 64);
        assert_non_null(r);
        CHECK_EQ("2001:db8:aa::/64", "AutoconfigureAddress", r->AutoconfigureAddress, TRUE);
        CHECK_EQ("2001:db8:aa::/64", "Protocol", r->Protocol, RouteProtocolLocal);
        CHECK_TRUE("2001:db8:aa::/64", "`ip` shows an expiry", e > 0);
        CHECK_NEAR("2001:db8:aa::/64", "ValidLifetime", r->ValidLifetime, e, 2);
        CHECK_EQ("2001:db8:aa::/64", "Immortal", r->Immortal, FALSE);
        r = find_route(t, "2001:db8:cc::", 64); /* a manual address's prefix route */
        assert_non_null(r);
        CHECK_EQ("2001:db8:cc::/64", "AutoconfigureAddress", r->AutoconfigureAddress, FALSE);
        CHECK_EQ("2001:db8:cc::/64", "Immortal", r->Immortal, TRUE);
        r = find_route(t, "fe80::", 64);
        assert_non_null(r);
        CHECK_EQ("fe80::/64", "AutoconfigureAddress", r->AutoconfigureAddress, FALSE);
        /* a manual address with a lifetime: an expiring kernel route, not an RA's */
        e = ip_expires("ip -j -6 route show 2001:db8:dd::/64 dev h0");
        r = find_route(t, "2001:db8:dd::", 64);
        assert_non_null(r);
        CHECK_EQ("2001:db8:dd::/64", "AutoconfigureAddress", r->AutoconfigureAddress, FALSE);
        CHECK_TRUE("2001:db8:dd::/64", "`ip` shows an expiry", e > 0);
        CHECK_NEAR("2001:db8:dd::/64", "ValidLifetime", r->ValidLifetime, e, 2);
        CHECK_EQ("table", "rows", t->NumEntries, ip_route_count());
        FreeMibTable(t);
        /* the entry call and the AF_UNSPEC table agree */
        assert_int_equal(GetIpForwardTable2(AF_UNSPEC, &t), NO_ERROR);
        r = find_route(t, "2001:db8:aa::", 64);
        assert_non_null(r);
        CHECK_EQ("AF_UNSPEC 2001:db8:aa::/64", "AutoconfigureAddress", r->AutoconfigureAddress,
                 TRUE);
        {
                MIB_IPFORWARD_ROW2 k = *r;

                k.InterfaceLuid.Value = 0;
                assert_int_equal(GetIpForwardEntry2(&k), NO_ERROR);
                CHECK_EQ("entry 2001:db8:aa::/64", "AutoconfigureAddress", k.AutoconfigureAddress,
                         TRUE);
        }
        FreeMibTable(t);
        assert_int_equal(check_failures, 0);
}

static void ra_routes_are_icmp_learned(void **state)
{
        PMIB_IPFORWARD_TABLE2 t = NULL;
        const MIB_IPFORWARD_ROW2 *r;
        const char *cases[][2] = {{"::", "ip -j -6 route show default proto ra"},
                                  {"2001:db8:bb::", "ip -j -6 route show 2001:db8:bb::/48"}};
        unsigned plen[] = {0, 48};
        size_t i;
        char b[64];

        (void)state;
        check_failures = 0;
        assert_int_equal(GetIpForwardTable2(AF_INET6, &t), NO_ERROR);
        for (i = 0; i < 2; i++) {
                long long e = ip_expires(cases[i][1]);

                r = find_route(t, cases[i][0], plen[i]);
                if (!r)
                        fail_msg("no row for %s/%u", cases[i][0], plen[i]);
                CHECK_EQ(cases[i][0], "Protocol", r->Protocol, RouteProtocolIcmp);
                CHECK_EQ(cases[i][0], "Origin", r->Origin, NlroRouterAdvertisement);
                CHECK_EQ(cases[i][0], "AutoconfigureAddress", r->AutoconfigureAddress, FALSE);
                CHECK_NEAR(cases[i][0], "ValidLifetime", r->ValidLifetime, e, 2);
                CHECK_TRUE(cases[i][0], "next hop is G's link-local",
                           !strncmp(topo2_addr(&r->NextHop, b, sizeof(b)), "fe80:", 5));
                CHECK_EQ(cases[i][0], "sin6_scope_id", r->NextHop.Ipv6.sin6_scope_id,
                         topo2_index("h0"));
        }
        FreeMibTable(t);
        assert_int_equal(check_failures, 0);
}

static void slaac_address_has_ra_origins(void **state)
{
        PMIB_UNICASTIPADDRESS_TABLE t = NULL;
        ULONG i, slaac = 0;
        char b[64];

        (void)state;
        check_failures = 0;
        assert_int_equal(GetUnicastIpAddressTable(AF_INET6, &t), NO_ERROR);
        for (i = 0; i < t->NumEntries; i++) {
                const MIB_UNICASTIPADDRESS_ROW *r = &t->Table[i];

                if (strncmp(topo2_addr(&r->Address, b, sizeof(b)), "2001:db8:aa:", 12))
                        continue;
                slaac++;
                CHECK_EQ(b, "PrefixOrigin", r->PrefixOrigin, IpPrefixOriginRouterAdvertisement);
                CHECK_EQ(b, "SuffixOrigin", r->SuffixOrigin, IpSuffixOriginLinkLayerAddress);
                CHECK_NEAR(b, "ValidLifetime", r->ValidLifetime, 3000, 30);
                CHECK_NEAR(b, "PreferredLifetime", r->PreferredLifetime, 2000, 30);
                CHECK_EQ(b, "OnLinkPrefixLength", r->OnLinkPrefixLength, 64);
        }
        CHECK_EQ("2001:db8:aa::/64", "SLAAC addresses", slaac, 1);
        FreeMibTable(t);
        assert_int_equal(check_failures, 0);
}

TABLE_CALL(fault_forward, PMIB_IPFORWARD_TABLE2, GetIpForwardTable2(AF_INET6, &t))

/* Every allocation of the walks this network needs (the nexthop table, the
 * sets of routes) fails cleanly: ERROR_NOT_ENOUGH_MEMORY, nothing leaked. */
static void survives_every_allocation_failure(void **state)
{
        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        {
                const struct fault_walk w = {"GetIpForwardTable2 (RA prefix routes)", fault_forward,
                                             iphlp_tables_reset_hints, 300, 2};

                fault_walk_run(&w);
        }
        winnet_verifier_disable(WINNET_VERIFIER_TRACK);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(ra_prefix_route_is_autoconfigure),
            cmocka_unit_test(ra_routes_are_icmp_learned),
            cmocka_unit_test(slaac_address_has_ra_origins),
            cmocka_unit_test(survives_every_allocation_failure),
        };

        return cmocka_run_group_tests(tests, setup, teardown);
}
