/* test_notify_events.c - NotifyIpInterfaceChange, NotifyUnicastIpAddressChange
 * and NotifyRouteChange2 against real changes in a namespace of our own: links
 * created and deleted (veth, bridge), MTU and admin state, IPv4/IPv6 addresses
 * and routes; each change gives the expected events, in order, with the keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "iphlpapi.h"

#include "notify_test.h"

#define MAXEV 64

static void lifecycle(struct recorder *r, int kind, int family, unsigned ifindex, const char *addr,
                      size_t min_param, bool deleted, const char *what)
{
        struct rec_event ev[MAXEV];
        uint8_t a[16];
        size_t n;

        if (addr)
                rec_addr_of(addr, a);
        n = rec_select(r, kind, family, ifindex, addr ? a : NULL, ev, MAXEV);
        check_lifecycle(what, ev, n < MAXEV ? n : MAXEV, min_param, deleted);
}

static size_t wait_type(struct recorder *r, int kind, int family, unsigned ifindex,
                        const char *addr, int type)
{
        struct rec_event ev[MAXEV];
        uint8_t a[16];
        size_t i, n, hits = 0;
        int waited;

        if (addr)
                rec_addr_of(addr, a);
        for (waited = 0; waited < WAIT_MS; waited += 50) {
                n = rec_select(r, kind, family, ifindex, addr ? a : NULL, ev, MAXEV);
                for (i = 0; i < n && i < MAXEV; i++)
                        hits += ev[i].type == type;
                if (hits)
                        break;
                /* Earlier events of the same key are already recorded: wait for one
                 * more, or 50 ms, whichever comes first. */
                rec_wait(r, kind, family, ifindex, addr ? a : NULL, n + 1, 50);
        }
        if (!hits)
                fail_msg("no %s event for kind %d family %d ifindex %u %s", rec_type_name(type),
                         kind, family, ifindex, addr ? addr : "");
        return hits;
}

static void test_interfaces(void **state)
{
        static struct recorder r;
        HANDLE h = NULL;
        unsigned ia, ib, ibr;
        struct rec_event ev[MAXEV];
        size_t n;

        (void)state;
        rec_init(&r);
        assert_int_equal(NotifyIpInterfaceChange(AF_UNSPEC, rec_ipif, &r, FALSE, &h), NO_ERROR);
        assert_non_null(h);
        IP("link add nva type veth peer name nvb");
        ia = ifindex_of("nva"), ib = ifindex_of("nvb");
        wait_type(&r, REC_IPIF, AF_INET, ia, NULL, MibAddInstance);
        wait_type(&r, REC_IPIF, AF_INET6, ia, NULL, MibAddInstance);
        IP("link set nva mtu 1400");
        wait_type(&r, REC_IPIF, AF_INET, ia, NULL, MibParameterNotification);
        rec_clear(&r);
        IP("link set nva up");
        IP("link set nvb up");
        wait_type(&r, REC_IPIF, AF_INET, ia, NULL, MibParameterNotification);
        IP("link set nva down");
        IP("link del nva");
        wait_type(&r, REC_IPIF, AF_INET, ia, NULL, MibDeleteInstance);
        wait_type(&r, REC_IPIF, AF_INET6, ib, NULL, MibDeleteInstance);
        n = rec_select(&r, REC_IPIF, AF_INET, ia, NULL, ev, MAXEV);
        assert_int_equal(ev[n - 1].type, MibDeleteInstance);
        assert_int_equal(ev[0].luid & 0xffffff000000ull, (uint64_t)ia << 24);
        assert_int_equal(ev[0].luid >> 48, IF_TYPE_ETHERNET_CSMACD);
        IP("link add nbr type bridge");
        ibr = ifindex_of("nbr");
        wait_type(&r, REC_IPIF, AF_INET, ibr, NULL, MibAddInstance);
        IP("link del nbr");
        wait_type(&r, REC_IPIF, AF_INET6, ibr, NULL, MibDeleteInstance);
        rec_settle(&r, 200, 2000);
        lifecycle(&r, REC_IPIF, AF_INET, ibr, NULL, 0, true, "bridge IPv4 row");
        lifecycle(&r, REC_IPIF, AF_INET6, ibr, NULL, 0, true, "bridge IPv6 row");
        assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
        assert_int_equal(r.overlaps, 0);
        rec_free(&r);
}

static void test_interface_full_order(void **state)
{
        static struct recorder r;
        HANDLE h;
        unsigned ia;

        (void)state;
        rec_init(&r);
        assert_int_equal(NotifyIpInterfaceChange(AF_UNSPEC, rec_ipif, &r, FALSE, &h), NO_ERROR);
        IP("link add nwa type veth peer name nwb");
        ia = ifindex_of("nwa");
        wait_type(&r, REC_IPIF, AF_INET6, ia, NULL, MibAddInstance);
        IP("link set nwa mtu 1300");
        wait_type(&r, REC_IPIF, AF_INET6, ia, NULL, MibParameterNotification);
        IP("link del nwa");
        wait_type(&r, REC_IPIF, AF_INET, ia, NULL, MibDeleteInstance);
        wait_type(&r, REC_IPIF, AF_INET6, ia, NULL, MibDeleteInstance);
        rec_settle(&r, 200, 2000);
        lifecycle(&r, REC_IPIF, AF_INET, ia, NULL, 1, true, "veth IPv4 row");
        lifecycle(&r, REC_IPIF, AF_INET6, ia, NULL, 1, true, "veth IPv6 row");
        assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
        rec_free(&r);
}

static void test_addresses(void **state)
{
        static struct recorder r, r4;
        HANDLE h, h4;
        unsigned ia;

        (void)state;
        rec_init(&r);
        rec_init(&r4);
        assert_int_equal(NotifyUnicastIpAddressChange(AF_UNSPEC, rec_addr, &r, FALSE, &h),
                         NO_ERROR);
        assert_int_equal(NotifyUnicastIpAddressChange(AF_INET, rec_addr, &r4, FALSE, &h4),
                         NO_ERROR);
        IP("link add naa type veth peer name nab");
        ia = ifindex_of("naa");
        IP("addr add 192.0.2.1/24 dev naa");
        IP("-6 addr add 2001:db8::1/64 dev naa nodad");
        wait_type(&r, REC_ADDR, AF_INET, ia, "192.0.2.1", MibAddInstance);
        wait_type(&r, REC_ADDR, AF_INET6, ia, "2001:db8::1", MibAddInstance);
        IP("addr change 192.0.2.1/24 dev naa valid_lft 1000 preferred_lft 500");
        wait_type(&r, REC_ADDR, AF_INET, ia, "192.0.2.1", MibParameterNotification);
        IP("addr del 192.0.2.1/24 dev naa");
        IP("-6 addr del 2001:db8::1/64 dev naa");
        wait_type(&r, REC_ADDR, AF_INET, ia, "192.0.2.1", MibDeleteInstance);
        wait_type(&r, REC_ADDR, AF_INET6, ia, "2001:db8::1", MibDeleteInstance);
        rec_settle(&r, 200, 2000);
        lifecycle(&r, REC_ADDR, AF_INET, ia, "192.0.2.1", 1, true, "192.0.2.1");
        lifecycle(&r, REC_ADDR, AF_INET6, ia, "2001:db8::1", 0, true, "2001:db8::1");
        lifecycle(&r4, REC_ADDR, AF_INET, ia, "192.0.2.1", 1, true, "192.0.2.1 (IPv4 handle)");
        assert_int_equal(rec_select(&r4, REC_ADDR, AF_INET6, 0, NULL, NULL, 0), 0);
        IP("link del naa");
        assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
        assert_int_equal(CancelMibChangeNotify2(h4), NO_ERROR);
        rec_free(&r);
        rec_free(&r4);
}

static void test_routes(void **state)
{
        static struct recorder r;
        struct rec_event ev[MAXEV];
        uint8_t gw[16];
        HANDLE h;
        unsigned ia;
        size_t n;

        (void)state;
        rec_init(&r);
        IP("link add nra type veth peer name nrb");
        IP("link set nrb up");
        IP("link set nra up");
        IP("addr add 192.0.2.1/24 dev nra");
        IP("-6 addr add 2001:db8::1/64 dev nra nodad");
        ia = ifindex_of("nra");
        assert_int_equal(NotifyRouteChange2(AF_UNSPEC, rec_route, &r, FALSE, &h), NO_ERROR);
        IP("route add 198.51.100.0/24 via 192.0.2.2 dev nra");
        IP("-6 route add 2001:db8:1::/64 via 2001:db8::2 dev nra");
        wait_type(&r, REC_ROUTE, AF_INET, ia, "198.51.100.0", MibAddInstance);
        wait_type(&r, REC_ROUTE, AF_INET6, ia, "2001:db8:1::", MibAddInstance);
        n = rec_select(&r, REC_ROUTE, AF_INET, ia, NULL, ev, MAXEV);
        rec_addr_of("192.0.2.2", gw);
        assert_int_equal(ev[0].plen, 24);
        assert_memory_equal(ev[0].gw, gw, 16);
        IP("route del 198.51.100.0/24 via 192.0.2.2 dev nra");
        IP("-6 route del 2001:db8:1::/64 via 2001:db8::2 dev nra");
        wait_type(&r, REC_ROUTE, AF_INET, ia, "198.51.100.0", MibDeleteInstance);
        wait_type(&r, REC_ROUTE, AF_INET6, ia, "2001:db8:1::", MibDeleteInstance);
        /* Down: the kernel drops the IPv4 prefix route without a message. */
        IP("link set nra down");
        wait_type(&r, REC_ROUTE, AF_INET, ia, "192.0.2.0", MibDeleteInstance);
        rec_settle(&r, 200, 2000);
        lifecycle(&r, REC_ROUTE, AF_INET, ia, "198.51.100.0", 0, true, "198.51.100.0/24");
        lifecycle(&r, REC_ROUTE, AF_INET6, ia, "2001:db8:1::", 0, true, "2001:db8:1::/64");
        (void)n;
        IP("link del nra");
        assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
        rec_free(&r);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_interfaces),
            cmocka_unit_test(test_interface_full_order),
            cmocka_unit_test(test_addresses),
            cmocka_unit_test(test_routes),
        };

        return cmocka_run_group_tests(tests, notify_ns_setup, notify_ns_teardown);
}
