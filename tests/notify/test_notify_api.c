/* test_notify_api.c - the contract of the Notify* calls and CancelMibChangeNotify2
 * (user mode): every validation error, Cancel(NULL) and of a handle that is not
 * (or no longer) live, the initial notification (once, Row NULL, on the calling
 * thread, before the call returns), cancelling from inside a callback, 100
 * handles at once, and NotifyStableUnicastIpAddressTable with and without DAD. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "iphlpapi.h"

#include "iphlp/notify.h"
#include "notify_test.h"

static void test_validation(void **state)
{
        static struct recorder r;
        HANDLE h = (HANDLE)1;
        PMIB_UNICASTIPADDRESS_TABLE t = (PMIB_UNICASTIPADDRESS_TABLE)1;

        (void)state;
        rec_init(&r);
        assert_int_equal(NotifyIpInterfaceChange(99, rec_ipif, &r, FALSE, &h), 87);
        assert_null(h);
        assert_int_equal(NotifyIpInterfaceChange(AF_INET, NULL, &r, FALSE, &h), 87);
        assert_int_equal(NotifyIpInterfaceChange(AF_INET, rec_ipif, &r, FALSE, NULL), 87);
        assert_int_equal(NotifyUnicastIpAddressChange(AF_PACKET, rec_addr, &r, TRUE, &h), 87);
        assert_int_equal(NotifyUnicastIpAddressChange(AF_INET6, NULL, &r, TRUE, &h), 87);
        assert_int_equal(NotifyUnicastIpAddressChange(AF_INET6, rec_addr, &r, TRUE, NULL), 87);
        assert_int_equal(NotifyRouteChange2(1, rec_route, &r, FALSE, &h), 87);
        assert_int_equal(NotifyRouteChange2(AF_UNSPEC, NULL, &r, FALSE, &h), 87);
        assert_int_equal(NotifyRouteChange2(AF_UNSPEC, rec_route, &r, FALSE, NULL), 87);
        assert_int_equal(NotifyStableUnicastIpAddressTable(77, &t, stable_cb, NULL, &h), 87);
        assert_null(t);
        assert_int_equal(NotifyStableUnicastIpAddressTable(AF_INET, NULL, stable_cb, NULL, &h), 87);
        assert_int_equal(NotifyStableUnicastIpAddressTable(AF_INET, &t, NULL, NULL, &h), 87);
        assert_int_equal(NotifyStableUnicastIpAddressTable(AF_INET, &t, stable_cb, NULL, NULL), 87);
        assert_int_equal(CancelMibChangeNotify2(NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(CancelMibChangeNotify2((HANDLE)&r), ERROR_INVALID_PARAMETER);
        assert_int_equal(r.n, 0);
        rec_free(&r);
}

static void test_cancel_twice(void **state)
{
        static struct recorder r;
        HANDLE h;

        (void)state;
        rec_init(&r);
        assert_int_equal(NotifyRouteChange2(AF_INET, rec_route, &r, FALSE, &h), NO_ERROR);
        assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
        assert_int_equal(CancelMibChangeNotify2(h), ERROR_INVALID_PARAMETER);
        rec_free(&r);
}

static void test_initial(void **state)
{
        static struct recorder r;
        struct notify_stats st;
        HANDLE h[3];

        (void)state;
        rec_init(&r);
        assert_int_equal(NotifyIpInterfaceChange(AF_INET, rec_ipif, &r, TRUE, &h[0]), NO_ERROR);
        assert_int_equal(r.n, 1); /* before the call returned */
        assert_int_equal(r.ev[0].type, MibInitialNotification);
        assert_true(r.ev[0].row_null);
        assert_true(pthread_equal(r.ev[0].thread, pthread_self()));
        assert_int_equal(NotifyUnicastIpAddressChange(AF_UNSPEC, rec_addr, &r, TRUE, &h[1]),
                         NO_ERROR);
        assert_int_equal(r.n, 2);
        assert_int_equal(r.ev[1].kind, REC_ADDR);
        assert_int_equal(NotifyRouteChange2(AF_INET6, rec_route, &r, FALSE, &h[2]), NO_ERROR);
        assert_int_equal(r.n, 2); /* no initial notification unless asked */
        notify_stats_get(&st);
        assert_int_equal(st.listeners, 1); /* one thread for every handle of the namespace */
        for (int i = 0; i < 3; i++)
                assert_int_equal(CancelMibChangeNotify2(h[i]), NO_ERROR);
        notify_stats_get(&st);
        assert_int_equal(st.listeners, 0); /* the last cancel stopped it */
        rec_free(&r);
}

/* ---- cancelling from inside the handle's own callback ---- */

static struct {
        HANDLE h;
        int calls;
        DWORD cancel_result;
} self;

static void WINAPI cancel_self(PVOID ctx, PMIB_IPINTERFACE_ROW row, MIB_NOTIFICATION_TYPE type)
{
        (void)ctx, (void)row, (void)type;
        if (self.calls++ == 0)
                self.cancel_result = CancelMibChangeNotify2(self.h);
}

static void test_cancel_inside_callback(void **state)
{
        static struct recorder r;
        HANDLE watch;

        (void)state;
        rec_init(&r);
        memset(&self, 0, sizeof(self));
        assert_int_equal(NotifyIpInterfaceChange(AF_UNSPEC, cancel_self, NULL, FALSE, &self.h),
                         NO_ERROR);
        assert_int_equal(NotifyIpInterfaceChange(AF_UNSPEC, rec_ipif, &r, FALSE, &watch), NO_ERROR);
        IP("link add nsa type veth peer name nsb");
        assert_true(rec_wait(&r, REC_IPIF, -1, 0, NULL, 4, WAIT_MS) >= 4);
        IP("link del nsa");
        assert_true(rec_wait(&r, REC_IPIF, -1, 0, NULL, 8, WAIT_MS) >= 8);
        assert_int_equal(self.calls, 1); /* cancelled by its first call: no more */
        assert_int_equal(self.cancel_result, NO_ERROR);
        assert_int_equal(CancelMibChangeNotify2(self.h), ERROR_INVALID_PARAMETER);
        assert_int_equal(CancelMibChangeNotify2(watch), NO_ERROR);
        rec_free(&r);
}

static void WINAPI cancel_in_initial(PVOID ctx, PMIB_IPFORWARD_ROW2 row, MIB_NOTIFICATION_TYPE type)
{
        (void)ctx, (void)row, (void)type;
        self.calls++;
        self.cancel_result = CancelMibChangeNotify2(self.h);
}

static void test_cancel_inside_initial(void **state)
{
        struct notify_stats st;

        (void)state;
        memset(&self, 0, sizeof(self));
        assert_int_equal(NotifyRouteChange2(AF_INET, cancel_in_initial, NULL, TRUE, &self.h),
                         NO_ERROR);
        assert_int_equal(self.calls, 1);
        assert_int_equal(self.cancel_result, NO_ERROR);
        notify_stats_get(&st);
        assert_int_equal(st.listeners, 0);
}

/* ---- many handles ---- */

#define MANY 100

static void test_many_handles(void **state)
{
        static struct recorder r[MANY];
        HANDLE h[MANY];
        struct notify_stats st;
        unsigned ia;
        int i;

        (void)state;
        for (i = 0; i < MANY; i++) {
                rec_init(&r[i]);
                assert_int_equal(NotifyUnicastIpAddressChange(i % 3 == 0 ? AF_INET : AF_UNSPEC,
                                                              rec_addr, &r[i], FALSE, &h[i]),
                                 NO_ERROR);
        }
        notify_stats_get(&st);
        assert_int_equal(st.listeners, 1);
        IP("link add nma type veth peer name nmb");
        ia = ifindex_of("nma");
        IP("addr add 203.0.113.7/24 dev nma");
        IP("addr del 203.0.113.7/24 dev nma");
        for (i = 0; i < MANY; i++) {
                struct rec_event ev[4];
                uint8_t a[16];
                size_t n;

                rec_addr_of("203.0.113.7", a);
                assert_int_equal(rec_wait(&r[i], REC_ADDR, AF_INET, ia, a, 2, WAIT_MS), 2);
                n = rec_select(&r[i], REC_ADDR, AF_INET, ia, a, ev, 4);
                check_lifecycle("203.0.113.7", ev, n, 0, true);
        }
        for (i = 0; i < MANY; i++) {
                assert_int_equal(CancelMibChangeNotify2(h[i]), NO_ERROR);
                rec_free(&r[i]);
        }
        IP("link del nma");
}

/* ---- NotifyStableUnicastIpAddressTable ---- */

static bool has_address(PMIB_UNICASTIPADDRESS_TABLE t, const char *text, NL_DAD_STATE *ret)
{
        uint8_t a[16];
        ULONG i;

        rec_addr_of(text, a);
        for (i = 0; t && i < t->NumEntries; i++)
                if (t->Table[i].Address.si_family == AF_INET6 &&
                    !memcmp(&t->Table[i].Address.Ipv6.sin6_addr, a, 16)) {
                        *ret = t->Table[i].DadState;
                        return true;
                }
        return false;
}

static void test_stable_now(void **state)
{
        PMIB_UNICASTIPADDRESS_TABLE t = NULL;
        HANDLE h = (HANDLE)1;
        NL_DAD_STATE dad;

        (void)state;
        IP("link add nta type veth peer name ntb");
        IP("-6 addr add 2001:db8:5::1/64 dev nta nodad");
        assert_int_equal(NotifyStableUnicastIpAddressTable(AF_INET6, &t, stable_cb, NULL, &h),
                         NO_ERROR);
        assert_null(h);
        assert_non_null(t);
        assert_true(has_address(t, "2001:db8:5::1", &dad));
        assert_int_equal(dad, IpDadStatePreferred);
        FreeMibTable(t);
        IP("link del nta");
}

static void test_stable_pending(void **state)
{
        PMIB_UNICASTIPADDRESS_TABLE t = (PMIB_UNICASTIPADDRESS_TABLE)1;
        DWORD rc;
        NL_DAD_STATE dad;
        HANDLE h = NULL;

        (void)state;
        IP("link add nda type veth peer name ndb");
        netns_sysctl_write(&notify_ns, "net/ipv6/conf/nda/accept_dad", "1");
        IP("link set ndb up");
        IP("link set nda up");
        IP("-6 addr add 2001:db8:6::1/64 dev nda"); /* tentative for about a second */
        assert_int_equal(NotifyStableUnicastIpAddressTable(AF_INET6, &t, stable_cb, NULL, &h),
                         ERROR_IO_PENDING);
        assert_null(t);
        assert_non_null(h);
        stable_wait(10);
        assert_int_equal(stable.calls, 1);
        assert_true(has_address(stable.table, "2001:db8:6::1", &dad));
        assert_int_equal(dad, IpDadStatePreferred);
        FreeMibTable(stable.table);
        /* One-shot: the listener releases the handle right after its callback
         * returns; a cancel that comes first finds it still live. Either way no
         * second callback runs and nothing is freed twice. */
        rc = CancelMibChangeNotify2(h);
        assert_true(rc == ERROR_INVALID_PARAMETER || rc == NO_ERROR);
        usleep(200000);
        assert_int_equal(stable.calls, 1);
        IP("link del nda");
}

static void test_stable_cancelled(void **state)
{
        PMIB_UNICASTIPADDRESS_TABLE t;
        HANDLE h;

        (void)state;
        stable.calls = 0;
        IP("link add nca type veth peer name ncb");
        netns_sysctl_write(&notify_ns, "net/ipv6/conf/nca/accept_dad", "1");
        IP("link set ncb up");
        IP("link set nca up");
        IP("-6 addr add 2001:db8:7::1/64 dev nca");
        assert_int_equal(NotifyStableUnicastIpAddressTable(AF_INET6, &t, stable_cb, NULL, &h),
                         ERROR_IO_PENDING);
        assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
        sleep(3); /* DAD ends: nobody is called */
        assert_int_equal(stable.calls, 0);
        IP("link del nca");
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(test_validation),
            cmocka_unit_test(test_cancel_twice),
            cmocka_unit_test(test_initial),
            cmocka_unit_test(test_cancel_inside_callback),
            cmocka_unit_test(test_cancel_inside_initial),
            cmocka_unit_test(test_many_handles),
            cmocka_unit_test(test_stable_now),
            cmocka_unit_test(test_stable_pending),
            cmocka_unit_test(test_stable_cancelled),
        };

        return cmocka_run_group_tests(tests, notify_ns_setup, notify_ns_teardown);
}
