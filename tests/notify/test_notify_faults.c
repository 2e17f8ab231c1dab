/* test_notify_faults.c - every allocation of a registration fails once in turn
 * (winnet_fault_fail_nth): the call returns ERROR_NOT_ENOUGH_MEMORY (or succeeds
 * when the failure hit a path that recovers), leaves no listener behind and
 * leaks nothing (ASan / valgrind variants), for each kind of handle. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "iphlpapi.h"
#include "winnet.h"

#include "iphlp/notify.h"
#include "notify_test.h"

static void WINAPI stable_free_cb(PVOID ctx, PMIB_UNICASTIPADDRESS_TABLE table)
{
        (void)ctx;
        FreeMibTable(table);
}

static DWORD register_kind(int kind, struct recorder *r, HANDLE *h)
{
        PMIB_UNICASTIPADDRESS_TABLE t = NULL;
        DWORD st;

        switch (kind) {
        case 0:
                return NotifyIpInterfaceChange(AF_UNSPEC, rec_ipif, r, TRUE, h);
        case 1:
                return NotifyUnicastIpAddressChange(AF_INET6, rec_addr, r, FALSE, h);
        case 2:
                return NotifyRouteChange2(AF_UNSPEC, rec_route, r, TRUE, h);
        default:
                st = NotifyStableUnicastIpAddressTable(AF_UNSPEC, &t, stable_free_cb, NULL, h);
                FreeMibTable(t);
                return st;
        }
}

static void test_registration_faults(void **state)
{
        static struct recorder r;
        struct notify_stats st;
        int kind;

        (void)state;
        rec_init(&r);
        IP("link add nxa type veth peer name nxb");
        IP("addr add 192.0.2.9/24 dev nxa");
        for (kind = 0; kind < 4; kind++) {
                unsigned long n;

                for (n = 1; n < 500; n++) {
                        unsigned long before = winnet_fault_injected();
                        HANDLE h = NULL;
                        DWORD ret;
                        bool injected;

                        winnet_fault_fail_nth(n);
                        ret = register_kind(kind, &r, &h);
                        winnet_fault_fail_nth(0);
                        injected = winnet_fault_injected() != before;
                        if (ret == NO_ERROR && h)
                                assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
                        notify_stats_get(&st);
                        assert_int_equal(st.listeners, 0);
                        if (!injected) {
                                assert_int_equal(ret, NO_ERROR);
                                break;
                        }
                        if (ret != NO_ERROR && ret != ERROR_NOT_ENOUGH_MEMORY)
                                fail_msg("kind %d, allocation %lu failed: got %lu", kind, n,
                                         (unsigned long)ret);
                }
                printf("kind %d: %lu allocations failed in turn\n", kind, n - 1);
                assert_true(n > 1 && n < 500);
        }
        winnet_fault_reset();
        IP("link del nxa");
        rec_free(&r);
}

int main(void)
{
        const struct CMUnitTest tests[] = {cmocka_unit_test(test_registration_faults)};

        return cmocka_run_group_tests(tests, notify_ns_setup, notify_ns_teardown);
}
