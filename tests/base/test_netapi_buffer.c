/* test_netapi_buffer.c - NetApiBufferAllocate/Free/Reallocate/Size with exactly
 * the Windows behaviour of shared/reference/netapi.md, and FreeMibTable(NULL). */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "lm.h"
#include "netioapi.h"
#include "winnet.h"

static int setup(void **state)
{
        (void)state;
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        winnet_fault_reset();
        return 0;
}

static void allocate_null_out_is_invalid_parameter_and_touches_nothing(void **state)
{
        (void)state;
        errno = 1234;
        assert_int_equal(NetApiBufferAllocate(16, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(errno, 1234);
}

static void allocate_zero_bytes_gives_a_real_freeable_pointer(void **state)
{
        LPVOID a = NULL, b = NULL;
        DWORD size = 99;

        (void)state;
        assert_int_equal(NetApiBufferAllocate(0, &a), NERR_Success);
        assert_int_equal(NetApiBufferAllocate(0, &b), NERR_Success);
        assert_non_null(a);
        assert_non_null(b);
        assert_ptr_not_equal(a, b);
        assert_int_equal(NetApiBufferSize(a, &size), NERR_Success);
        assert_int_equal(size, 0);
        assert_int_equal(NetApiBufferFree(a), NERR_Success);
        assert_int_equal(NetApiBufferFree(b), NERR_Success);
}

static void allocate_is_aligned_writable_and_sized(void **state)
{
        DWORD sizes[] = {1, 7, 64, 1024, 65536, 3u << 20};
        size_t i;

        (void)state;
        for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
                LPVOID p = NULL;
                DWORD got = 0;

                errno = 77;
                assert_int_equal(NetApiBufferAllocate(sizes[i], &p), NERR_Success);
                assert_int_equal(errno, 77);
                assert_int_equal((uintptr_t)p % 16, 0);
                memset(p, 0x5a, sizes[i]);
                assert_int_equal(NetApiBufferSize(p, &got), NERR_Success);
                assert_true(got >= sizes[i]);
                assert_int_equal(NetApiBufferFree(p), NERR_Success);
        }
}

static void free_null_succeeds(void **state)
{
        (void)state;
        assert_int_equal(NetApiBufferFree(NULL), NERR_Success);
}

static void size_rejects_null_arguments(void **state)
{
        LPVOID p = NULL;
        DWORD n = 5;

        (void)state;
        assert_int_equal(NetApiBufferSize(NULL, &n), ERROR_INVALID_PARAMETER);
        assert_int_equal(n, 5);
        assert_int_equal(NetApiBufferAllocate(8, &p), NERR_Success);
        assert_int_equal(NetApiBufferSize(p, NULL), ERROR_INVALID_PARAMETER);
        NetApiBufferFree(p);
}

static void reallocate_null_old_allocates(void **state)
{
        LPVOID p = NULL;
        DWORD n = 0;

        (void)state;
        assert_int_equal(NetApiBufferReallocate(NULL, 300, &p), NERR_Success);
        assert_non_null(p);
        assert_int_equal(NetApiBufferSize(p, &n), NERR_Success);
        assert_true(n >= 300);
        NetApiBufferFree(p);
}

static void reallocate_to_zero_frees_and_nulls(void **state)
{
        LPVOID p = NULL, out = (LPVOID)0x1;

        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        assert_int_equal(NetApiBufferAllocate(64, &p), NERR_Success);
        assert_int_equal(winnet_verifier_live_blocks(), 1);
        assert_int_equal(NetApiBufferReallocate(p, 0, &out), NERR_Success);
        assert_null(out);
        assert_int_equal(winnet_verifier_live_blocks(), 0);
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
}

static void reallocate_keeps_contents(void **state)
{
        unsigned char *p = NULL, *q = NULL;
        int i;

        (void)state;
        assert_int_equal(NetApiBufferAllocate(200, (LPVOID *)&p), NERR_Success);
        for (i = 0; i < 200; i++)
                p[i] = (unsigned char)i;
        assert_int_equal(NetApiBufferReallocate(p, 1 << 20, (LPVOID *)&q), NERR_Success);
        for (i = 0; i < 200; i++)
                assert_int_equal(q[i], i);
        assert_int_equal(NetApiBufferReallocate(q, 50, (LPVOID *)&q), NERR_Success);
        for (i = 0; i < 50; i++)
                assert_int_equal(q[i], i);
        NetApiBufferFree(q);
}

static void reallocate_null_out_is_invalid_parameter(void **state)
{
        LPVOID p = NULL;

        (void)state;
        assert_int_equal(NetApiBufferAllocate(8, &p), NERR_Success);
        assert_int_equal(NetApiBufferReallocate(p, 16, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(NetApiBufferFree(p), NERR_Success); /* still live, untouched */
}

static void allocation_failure_is_not_enough_memory_and_leaks_nothing(void **state)
{
        LPVOID p = (LPVOID)0x1, q;
        unsigned char *r = NULL;

        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        winnet_fault_fail_nth(1);
        errno = 5;
        assert_int_equal(NetApiBufferAllocate(100, &p), ERROR_NOT_ENOUGH_MEMORY);
        assert_int_equal(errno, 5);
        assert_null(p);
        assert_int_equal(winnet_verifier_live_blocks(), 0);

        assert_int_equal(NetApiBufferAllocate(10, (LPVOID *)&r), NERR_Success);
        memcpy(r, "winnet-ok", 10);
        q = r;
        winnet_fault_fail_nth(1);
        assert_int_equal(NetApiBufferReallocate(r, 4096, &q), ERROR_NOT_ENOUGH_MEMORY);
        assert_ptr_equal(q, r);                      /* not written on failure */
        assert_string_equal((char *)r, "winnet-ok"); /* the old buffer is intact */
        assert_int_equal(winnet_verifier_live_blocks(), 1);
        winnet_fault_fail_nth(1);
        assert_int_equal(NetApiBufferReallocate(NULL, 16, &q), ERROR_NOT_ENOUGH_MEMORY);
        assert_int_equal(NetApiBufferFree(r), NERR_Success);
        assert_int_equal(winnet_verifier_live_blocks(), 0);
        winnet_fault_reset();
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
}

static void misuse_is_reported_and_changes_nothing(void **state)
{
        static char not_ours[64] __attribute__((aligned(16)));
        unsigned long reports = winnet_verifier_report_count();
        LPVOID p = NULL, q = (LPVOID)0x2;
        DWORD n = 3;

        (void)state;
        assert_int_equal(NetApiBufferFree(not_ours + 32), ERROR_INVALID_PARAMETER);
        assert_int_equal(NetApiBufferSize(not_ours + 32, &n), ERROR_INVALID_PARAMETER);
        assert_int_equal(n, 3);
        assert_int_equal(NetApiBufferReallocate(not_ours + 32, 10, &q), ERROR_INVALID_PARAMETER);
        assert_ptr_equal(q, (LPVOID)0x2);
        assert_int_equal(winnet_verifier_report_count(), reports + 3);

        /* a NetApi buffer handed to FreeMibTable is reported and left alive */
        assert_int_equal(NetApiBufferAllocate(32, &p), NERR_Success);
        FreeMibTable(p);
        assert_int_equal(winnet_verifier_report_count(), reports + 4);
        assert_int_equal(NetApiBufferFree(p), NERR_Success);
}

static void free_mib_table_null_is_a_no_op(void **state)
{
        unsigned long reports = winnet_verifier_report_count();

        (void)state;
        FreeMibTable(NULL);
        assert_int_equal(winnet_verifier_report_count(), reports);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_setup(allocate_null_out_is_invalid_parameter_and_touches_nothing,
                                   setup),
            cmocka_unit_test_setup(allocate_zero_bytes_gives_a_real_freeable_pointer, setup),
            cmocka_unit_test_setup(allocate_is_aligned_writable_and_sized, setup),
            cmocka_unit_test_setup(free_null_succeeds, setup),
            cmocka_unit_test_setup(size_rejects_null_arguments, setup),
            cmocka_unit_test_setup(reallocate_null_old_allocates, setup),
            cmocka_unit_test_setup(reallocate_to_zero_frees_and_nulls, setup),
            cmocka_unit_test_setup(reallocate_keeps_contents, setup),
            cmocka_unit_test_setup(reallocate_null_out_is_invalid_parameter, setup),
            cmocka_unit_test_setup(allocation_failure_is_not_enough_memory_and_leaks_nothing,
                                   setup),
            cmocka_unit_test_setup(misuse_is_reported_and_changes_nothing, setup),
            cmocka_unit_test_setup(free_mib_table_null_is_a_no_op, setup),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
