/* test_notify_kernel.c - the kernel-mode variants (netioapi.h alone: NTSTATUS,
 * symbols winnet_k_*): the same contract with STATUS_* codes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "netioapi.h"

/* From notify_test.c (its header includes iphlpapi.h, which must not meet
 * kernel-mode netioapi.h in one translation unit). */
int notify_ns_setup(void **state);
int notify_ns_teardown(void **state);

static int calls;

static VOID NTAPI on_route(PVOID ctx, PMIB_IPFORWARD_ROW2 row, MIB_NOTIFICATION_TYPE type)
{
        (void)ctx, (void)row;
        calls += type == MibInitialNotification;
}

static VOID NTAPI on_table(PVOID ctx, PMIB_UNICASTIPADDRESS_TABLE table)
{
        (void)ctx;
        FreeMibTable(table);
}

static void test_kernel_variants(void **state)
{
        PMIB_UNICASTIPADDRESS_TABLE t = NULL;
        HANDLE h;

        (void)state;
        assert_int_equal(NotifyRouteChange2(99, on_route, NULL, TRUE, &h),
                         STATUS_INVALID_PARAMETER);
        assert_int_equal(NotifyIpInterfaceChange(AF_INET, NULL, NULL, TRUE, &h),
                         STATUS_INVALID_PARAMETER);
        assert_int_equal(CancelMibChangeNotify2(NULL), STATUS_INVALID_PARAMETER);
        assert_int_equal(NotifyRouteChange2(AF_INET, on_route, NULL, TRUE, &h), STATUS_SUCCESS);
        assert_int_equal(calls, 1);
        assert_int_equal(CancelMibChangeNotify2(h), STATUS_SUCCESS);
        assert_int_equal(NotifyStableUnicastIpAddressTable(AF_INET, &t, on_table, NULL, &h),
                         STATUS_SUCCESS); /* 127.0.0.1 needs no DAD */
        assert_non_null(t);
        FreeMibTable(t);
}

int main(void)
{
        const struct CMUnitTest tests[] = {cmocka_unit_test(test_kernel_variants)};

        return cmocka_run_group_tests(tests, notify_ns_setup, notify_ns_teardown);
}
