/* test_ndis_memory.c - NdisAllocateMemoryWithTagPriority, NdisFreeMemory and
 * NdisFreeMemoryWithTagPriority: every priority (the special-pool ones against a
 * guard page), tags, MemoryFlags in log mode, the per-tag view and driver
 * ownership. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ndis_test.h"

static const EX_POOL_PRIORITY priorities[] = {
    LowPoolPriority,    LowPoolPrioritySpecialPoolOverrun,    LowPoolPrioritySpecialPoolUnderrun,
    NormalPoolPriority, NormalPoolPrioritySpecialPoolOverrun, NormalPoolPrioritySpecialPoolUnderrun,
    HighPoolPriority,   HighPoolPrioritySpecialPoolOverrun,   HighPoolPrioritySpecialPoolUnderrun,
};

static void every_priority_gives_writable_aligned_memory(void **state)
{
        static const UINT sizes[] = {1, 15, 16, 100, 4096, 5000, 200000};
        size_t i, j;

        (void)state;
        for (i = 0; i < sizeof(priorities) / sizeof(priorities[0]); i++)
                for (j = 0; j < sizeof(sizes) / sizeof(sizes[0]); j++) {
                        unsigned char *p = NdisAllocateMemoryWithTagPriority(NULL, sizes[j], 'tseT',
                                                                             priorities[i]);

                        if (!p)
                                fail_msg("priority %d size %u: NULL", priorities[i], sizes[j]);
                        if ((uintptr_t)p % MEMORY_ALLOCATION_ALIGNMENT)
                                fail_msg("priority %d size %u: %p not 16-byte aligned",
                                         priorities[i], sizes[j], (void *)p);
                        memset(p, 0x5a, sizes[j]);
                        NdisFreeMemory(p, 0, 0);
                }
}

static void underrun_block_starts_on_a_page(void **state)
{
        unsigned char *p = NdisAllocateMemoryWithTagPriority(NULL, 100, 'tseT',
                                                             NormalPoolPrioritySpecialPoolUnderrun);

        (void)state;
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % (uintptr_t)sysconf(_SC_PAGESIZE), 0);
        NdisFreeMemory(p, 0, 0);
}

static void overrun_block_ends_at_a_page(void **state)
{
        size_t ps = (size_t)sysconf(_SC_PAGESIZE);
        unsigned char *p =
            NdisAllocateMemoryWithTagPriority(NULL, 64, 'tseT', HighPoolPrioritySpecialPoolOverrun);

        (void)state;
        assert_non_null(p);
        assert_int_equal(((uintptr_t)p + 64) % ps, 0);
        NdisFreeMemory(p, 0, 0);
}

static const struct winnet_ndis_tag_usage *find_tag(struct winnet_ndis_tag_usage *u, size_t n,
                                                    ULONG tag)
{
        size_t i;

        for (i = 0; i < n; i++)
                if (u[i].tag == tag)
                        return &u[i];
        return NULL;
}

static void tag_usage_counts_allocations_frees_and_bytes(void **state)
{
        struct winnet_ndis_tag_usage u[64];
        const struct winnet_ndis_tag_usage *t;
        void *a, *b;
        size_t n;

        (void)state;
        a = NdisAllocateMemoryWithTagPriority(NULL, 100, 'gaTA', NormalPoolPriority);
        b = NdisAllocateMemoryWithTagPriority(NULL, 28, 'gaTA', LowPoolPriority);
        NdisFreeMemory(a, 0, 0);
        n = winnet_ndis_tag_usage(u, 64);
        t = find_tag(u, n, 'gaTA');
        assert_non_null(t);
        assert_int_equal(t->allocations, 2);
        assert_int_equal(t->frees, 1);
        assert_int_equal(t->bytes_live, 28);
        NdisFreeMemory(b, 0, 0);
        n = winnet_ndis_tag_usage(u, 64);
        t = find_tag(u, n, 'gaTA');
        assert_int_equal(t->bytes_live, 0);
        assert_int_equal(t->frees, 2);
}

static void free_with_tag_priority_and_driver_handle(void **state)
{
        NDIS_HANDLE drv = winnet_ndis_open_driver("memdrv");
        unsigned long reports = winnet_verifier_report_count();
        void *p;

        (void)state;
        assert_non_null(drv);
        p = NdisAllocateMemoryWithTagPriority(drv, 40, 'vrDM', NormalPoolPriority);
        assert_non_null(p);
        NdisFreeMemoryWithTagPriority(drv, p, 'vrDM');
        assert_int_equal(winnet_verifier_report_count(), reports);
        winnet_ndis_close_driver(drv); /* holds nothing: no report */
        assert_int_equal(winnet_verifier_report_count(), reports);
}

static void zero_tag_is_rejected(void **state)
{
        unsigned long reports = winnet_verifier_report_count();

        (void)state;
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        assert_null(NdisAllocateMemoryWithTagPriority(NULL, 16, 0, NormalPoolPriority));
        assert_int_equal(winnet_verifier_report_count(), reports + 1);
}

static void memory_flags_are_reported_and_memory_still_freed(void **state)
{
        unsigned long reports = winnet_verifier_report_count();
        struct winnet_ndis_tag_usage u[64];
        void *p = NdisAllocateMemoryWithTagPriority(NULL, 16, 'galF', NormalPoolPriority);

        (void)state;
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        NdisFreeMemory(p, 16, NDIS_MEMORY_NONCACHED);
        assert_int_equal(winnet_verifier_report_count(), reports + 1);
        assert_int_equal(find_tag(u, winnet_ndis_tag_usage(u, 64), 'galF')->bytes_live, 0);
}

static void double_free_in_log_mode_changes_nothing(void **state)
{
        unsigned long reports = winnet_verifier_report_count();
        void *p = NdisAllocateMemoryWithTagPriority(NULL, 16, 'lbuD', NormalPoolPriority);

        (void)state;
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        NdisFreeMemory(p, 0, 0);
        NdisFreeMemory(p, 0, 0);
        assert_int_equal(winnet_verifier_report_count(), reports + 1);
}

static void zero_length_gives_a_unique_pointer(void **state)
{
        void *a = NdisAllocateMemoryWithTagPriority(NULL, 0, 'oreZ', NormalPoolPriority);
        void *b = NdisAllocateMemoryWithTagPriority(NULL, 0, 'oreZ', NormalPoolPriority);

        (void)state;
        assert_non_null(a);
        assert_non_null(b);
        assert_ptr_not_equal(a, b);
        NdisFreeMemory(a, 0, 0);
        NdisFreeMemory(b, 0, 0);
}

static void tracking_sees_every_block(void **state)
{
        size_t before;
        void *p, *q;

        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        before = winnet_verifier_live_blocks();
        p = NdisAllocateMemoryWithTagPriority(NULL, 32, 'kcrT', NormalPoolPriority);
        q = NdisAllocateMemoryWithTagPriority(NULL, 32, 'kcrT', LowPoolPrioritySpecialPoolUnderrun);
        assert_int_equal(winnet_verifier_live_blocks(), before + 2);
        NdisFreeMemory(p, 0, 0);
        NdisFreeMemory(q, 0, 0);
        assert_int_equal(winnet_verifier_live_blocks(), before);
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(every_priority_gives_writable_aligned_memory),
            cmocka_unit_test(underrun_block_starts_on_a_page),
            cmocka_unit_test(overrun_block_ends_at_a_page),
            cmocka_unit_test(tag_usage_counts_allocations_frees_and_bytes),
            cmocka_unit_test(free_with_tag_priority_and_driver_handle),
            cmocka_unit_test(zero_tag_is_rejected),
            cmocka_unit_test(memory_flags_are_reported_and_memory_still_freed),
            cmocka_unit_test(double_free_in_log_mode_changes_nothing),
            cmocka_unit_test(zero_length_gives_a_unique_pointer),
            cmocka_unit_test(tracking_sees_every_block),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
