/* test_notify_sequences.c - event sequences where the kernel leaves something
 * unsaid: next hops a route replacement drops silently, and the IPv6 interface
 * row that appears and vanishes with disable_ipv6 without any link message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "iphlpapi.h"

#include "notify_test.h"

#define MAXEV 64

/* How many events of `type` for the route to dst via gw (NULL: any). */
static size_t count_route(struct recorder *r, const char *dst, const char *gw, int type)
{
        struct rec_event ev[MAXEV];
        uint8_t d[16], g[16];
        size_t i, n, hits = 0;

        rec_addr_of(dst, d);
        if (gw)
                rec_addr_of(gw, g);
        n = rec_select(r, REC_ROUTE, -1, 0, d, ev, MAXEV);
        for (i = 0; i < n && i < MAXEV; i++)
                hits += ev[i].type == type && (!gw || !memcmp(ev[i].gw, g, 16));
        return hits;
}

/* Waits (bounded) until the route event arrived; fails when it did not. */
static void wait_route(struct recorder *r, const char *dst, const char *gw, int type)
{
        uint8_t d[16];
        size_t n;
        int waited;

        rec_addr_of(dst, d);
        for (waited = 0; waited < WAIT_MS; waited += 50) {
                if (count_route(r, dst, gw, type))
                        return;
                n = rec_select(r, REC_ROUTE, -1, 0, d, NULL, 0);
                rec_wait(r, REC_ROUTE, -1, 0, d, n + 1, 50);
        }
        fail_msg("no %s event for route %s via %s", rec_type_name(type), dst, gw ? gw : "*");
}

/* `ip route replace` swaps next hops in one RTM_NEWROUTE that names only the new
 * set: the dropped ones must still be reported as deleted, once. */
static void test_route_replace(void **state)
{
        static struct recorder r;
        HANDLE h;

        (void)state;
        rec_init(&r);
        IP("link add rpa type veth peer name rpb");
        IP("link set rpb up");
        IP("link set rpa up");
        IP("addr add 192.0.2.1/24 dev rpa");
        IP("-6 addr add 2001:db8::1/64 dev rpa nodad");
        assert_int_equal(NotifyRouteChange2(AF_UNSPEC, rec_route, &r, FALSE, &h), NO_ERROR);

        /* One next hop for another. */
        IP("route add 198.51.100.0/24 via 192.0.2.8 dev rpa metric 5");
        wait_route(&r, "198.51.100.0", "192.0.2.8", MibAddInstance);
        IP("route replace 198.51.100.0/24 via 192.0.2.9 dev rpa metric 5");
        wait_route(&r, "198.51.100.0", "192.0.2.9", MibAddInstance);
        wait_route(&r, "198.51.100.0", "192.0.2.8", MibDeleteInstance);

        /* A multipath set changed, then cut down to one next hop. IPv6: an IPv4
         * multipath message ends with RTA_MULTIPATH, and the provider's next-hop
         * walk then reads a byte past the datagram, which valgrind reports
         * (route_parse.c's RTNH_OK, reported upstream of this test). */
        IP("-6 route add 2001:db8:7::/64 nexthop via 2001:db8::7 dev rpa nexthop via 2001:db8::8 "
           "dev rpa");
        wait_route(&r, "2001:db8:7::", "2001:db8::7", MibAddInstance);
        wait_route(&r, "2001:db8:7::", "2001:db8::8", MibAddInstance);
        IP("-6 route replace 2001:db8:7::/64 nexthop via 2001:db8::7 dev rpa nexthop via "
           "2001:db8::6 dev rpa");
        wait_route(&r, "2001:db8:7::", "2001:db8::6", MibAddInstance);
        wait_route(&r, "2001:db8:7::", "2001:db8::8", MibDeleteInstance);
        IP("-6 route replace 2001:db8:7::/64 via 2001:db8::6 dev rpa");
        wait_route(&r, "2001:db8:7::", "2001:db8::7", MibDeleteInstance);

        /* IPv6 replaces the same way. */
        IP("-6 route add 2001:db8:6::/64 via 2001:db8::7 dev rpa");
        wait_route(&r, "2001:db8:6::", "2001:db8::7", MibAddInstance);
        IP("-6 route replace 2001:db8:6::/64 via 2001:db8::8 dev rpa");
        wait_route(&r, "2001:db8:6::", "2001:db8::8", MibAddInstance);
        wait_route(&r, "2001:db8:6::", "2001:db8::7", MibDeleteInstance);

        /* Deleting what is left reports each remaining next hop once, and nothing
         * dropped earlier a second time. */
        IP("-6 route del 2001:db8:7::/64");
        IP("route del 198.51.100.0/24");
        IP("-6 route del 2001:db8:6::/64");
        wait_route(&r, "2001:db8:7::", "2001:db8::6", MibDeleteInstance);
        wait_route(&r, "198.51.100.0", "192.0.2.9", MibDeleteInstance);
        wait_route(&r, "2001:db8:6::", "2001:db8::8", MibDeleteInstance);
        rec_settle(&r, 200, 2000);
        assert_int_equal(count_route(&r, "198.51.100.0", "192.0.2.8", MibDeleteInstance), 1);
        assert_int_equal(count_route(&r, "198.51.100.0", "192.0.2.9", MibDeleteInstance), 1);
        assert_int_equal(count_route(&r, "2001:db8:7::", "2001:db8::6", MibDeleteInstance), 1);
        assert_int_equal(count_route(&r, "2001:db8:7::", "2001:db8::7", MibDeleteInstance), 1);
        assert_int_equal(count_route(&r, "2001:db8:7::", "2001:db8::8", MibDeleteInstance), 1);
        assert_int_equal(count_route(&r, "2001:db8:7::", NULL, MibAddInstance), 3);
        assert_int_equal(count_route(&r, "2001:db8:6::", NULL, MibDeleteInstance), 2);
        assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
        IP("link del rpa");
        rec_free(&r);
}

/* Counts the interface events of one family and type for ifindex. */
static size_t count_ipif(struct recorder *r, int family, unsigned ifindex, int type)
{
        struct rec_event ev[MAXEV];
        size_t i, n, hits = 0;

        n = rec_select(r, REC_IPIF, family, ifindex, NULL, ev, MAXEV);
        for (i = 0; i < n && i < MAXEV; i++)
                hits += ev[i].type == type;
        return hits;
}

static void wait_ipif(struct recorder *r, int family, unsigned ifindex, int type, size_t want)
{
        size_t n;
        int waited;

        for (waited = 0; waited < WAIT_MS; waited += 50) {
                if (count_ipif(r, family, ifindex, type) >= want)
                        return;
                n = rec_select(r, REC_IPIF, family, ifindex, NULL, NULL, 0);
                rec_wait(r, REC_IPIF, family, ifindex, NULL, n + 1, 50);
        }
        fail_msg("no %s event for the family %d row of ifindex %u", rec_type_name(type), family,
                 ifindex);
}

/* disable_ipv6 on a link that is up: the IPv6 row goes and comes back, although
 * the kernel sends no link or netconf message for it, only route and address
 * changes. The IPv4 row is untouched. */
static void test_disable_ipv6(void **state)
{
        static struct recorder r;
        struct rec_event ev[MAXEV];
        HANDLE h;
        unsigned ia, ilo;
        size_t n;

        (void)state;
        rec_init(&r);
        IP("link add dva type veth peer name dvb");
        IP("link set dvb up");
        IP("link set dva up");
        IP("link set lo up");
        ia = ifindex_of("dva");
        ilo = ifindex_of("lo");
        assert_int_equal(NotifyIpInterfaceChange(AF_UNSPEC, rec_ipif, &r, FALSE, &h), NO_ERROR);
        assert_int_equal(netns_sysctl_write(&notify_ns, "net/ipv6/conf/dva/disable_ipv6", "1"), 0);
        wait_ipif(&r, AF_INET6, ia, MibDeleteInstance, 1);
        assert_int_equal(netns_sysctl_write(&notify_ns, "net/ipv6/conf/dva/disable_ipv6", "0"), 0);
        wait_ipif(&r, AF_INET6, ia, MibAddInstance, 1);
        /* "all" reaches loopback too, which has no multicast route. */
        assert_int_equal(netns_sysctl_write(&notify_ns, "net/ipv6/conf/all/disable_ipv6", "1"), 0);
        wait_ipif(&r, AF_INET6, ia, MibDeleteInstance, 2);
        wait_ipif(&r, AF_INET6, ilo, MibDeleteInstance, 1);
        assert_int_equal(netns_sysctl_write(&notify_ns, "net/ipv6/conf/all/disable_ipv6", "0"), 0);
        wait_ipif(&r, AF_INET6, ia, MibAddInstance, 2);
        wait_ipif(&r, AF_INET6, ilo, MibAddInstance, 1);
        rec_settle(&r, 200, 2000);
        n = rec_select(&r, REC_IPIF, AF_INET6, ia, NULL, ev, MAXEV);
        assert_int_equal(n, 4);
        assert_int_equal(ev[0].type, MibDeleteInstance);
        assert_int_equal(ev[1].type, MibAddInstance);
        assert_int_equal(ev[2].type, MibDeleteInstance);
        assert_int_equal(ev[3].type, MibAddInstance);
        assert_int_equal(ev[1].luid & 0xffffff000000ull, (uint64_t)ia << 24);
        assert_int_equal(count_ipif(&r, AF_INET, ia, MibDeleteInstance), 0);
        assert_int_equal(count_ipif(&r, AF_INET, ia, MibAddInstance), 0);
        assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
        IP("link del dva");
        rec_free(&r);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_route_replace),
            cmocka_unit_test(test_disable_ipv6),
        };

        return cmocka_run_group_tests(tests, notify_ns_setup, notify_ns_teardown);
}
