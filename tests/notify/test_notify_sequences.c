/* test_notify_sequences.c - event sequences where the kernel leaves something
 * unsaid: next hops a route replacement drops silently, and the IPv6 interface
 * row that appears and vanishes with disable_ipv6 without any link message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

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

/* ---- NotifyStableUnicastIpAddressTable and unannounced tentative addresses ---- */

/* Fails when a row of the table is still in DAD. */
static void check_no_tentative(const char *what, PMIB_UNICASTIPADDRESS_TABLE t)
{
        ULONG i;

        for (i = 0; t && i < t->NumEntries; i++)
                if (t->Table[i].DadState == IpDadStateTentative)
                        fail_msg("%s: row %lu (ifindex %lu) is tentative", what, (unsigned long)i,
                                 (unsigned long)t->Table[i].InterfaceIndex);
}

/* Waits (bounded) for the stable callback; the table it got, checked. */
static void wait_stable(const char *what)
{
        stable_wait(20); /* DAD of several seconds, under valgrind */
        assert_int_equal(stable.calls, 1);
        check_no_tentative(what, stable.table);
        FreeMibTable(stable.table);
        stable.table = NULL;
        stable.calls = 0;
}

static void sysctl(const char *path, const char *value)
{
        assert_int_equal(netns_sysctl_write(&notify_ns, path, value), 0);
}

/* The link-local addresses a link gets when it comes up are tentative for a
 * second or more, and the kernel announces them only once DAD is over. With an
 * address handle already keeping the snapshot, a stable-table request right
 * after must still see them: pending, not a table with tentative rows. */
static void test_stable_autoconf(void **state)
{
        static struct recorder r;
        PMIB_UNICASTIPADDRESS_TABLE t = NULL;
        HANDLE h, hs = NULL;
        DWORD rc;

        (void)state;
        rec_init(&r);
        assert_int_equal(NotifyUnicastIpAddressChange(AF_INET6, rec_addr, &r, FALSE, &h), NO_ERROR);
        sysctl("net/ipv6/conf/default/accept_dad", "1");
        sysctl("net/ipv6/conf/default/dad_transmits", "1");
        IP("link add saa type veth peer name sab");
        sysctl("net/ipv6/conf/default/accept_dad", "0");
        IP("link set sab up");
        IP("link set saa up");
        rc = NotifyStableUnicastIpAddressTable(AF_INET6, &t, stable_cb, NULL, &hs);
        if (rc == NO_ERROR) { /* only if DAD was already over: then nothing is tentative */
                check_no_tentative("stable table at once", t);
                FreeMibTable(t);
        } else {
                assert_int_equal(rc, ERROR_IO_PENDING);
                wait_stable("stable table after DAD");
        }
        assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
        IP("link del saa");
        rec_free(&r);
}

/* A request pending on one address; meanwhile another link comes up and its
 * link-local address enters a longer DAD, unannounced. The end of the first DAD
 * must not deliver a table in which the second address is still tentative. */
static void test_stable_autoconf_later(void **state)
{
        PMIB_UNICASTIPADDRESS_TABLE t = NULL;
        HANDLE hs = NULL;

        (void)state;
        sysctl("net/ipv6/conf/default/accept_dad", "1");
        IP("link add sla type veth peer name slb");
        IP("link add sma type veth peer name smb");
        sysctl("net/ipv6/conf/default/accept_dad", "0");
        /* sla: a quick DAD (no start delay, 100 ms); sma: three probes, 1 s apart. */
        sysctl("net/ipv6/conf/sla/router_solicitation_delay", "0");
        sysctl("net/ipv6/neigh/sla/retrans_time_ms", "100");
        sysctl("net/ipv6/conf/sla/dad_transmits", "1");
        sysctl("net/ipv6/conf/sma/dad_transmits", "3");
        sysctl("net/ipv6/conf/smb/accept_dad", "0");
        sysctl("net/ipv6/conf/slb/accept_dad", "0");
        IP("link set slb up");
        IP("link set sla up");
        IP("-6 addr add 2001:db8:b::1/64 dev sla");
        assert_int_equal(NotifyStableUnicastIpAddressTable(AF_INET6, &t, stable_cb, NULL, &hs),
                         ERROR_IO_PENDING);
        IP("link set smb up");
        IP("link set sma up");
        wait_stable("stable table with a second link in DAD");
        IP("link del sla");
        IP("link del sma");
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_route_replace),
            cmocka_unit_test(test_disable_ipv6),
            cmocka_unit_test(test_stable_autoconf),
            cmocka_unit_test(test_stable_autoconf_later),
        };

        return cmocka_run_group_tests(tests, notify_ns_setup, notify_ns_teardown);
}
