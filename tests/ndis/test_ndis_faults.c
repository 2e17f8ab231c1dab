/* test_ndis_faults.c - fault injection through every allocating DDI: each injected
 * failure returns NULL / NDIS_STATUS_RESOURCES and leaves nothing behind (live
 * blocks and pool counts back where they were); random failures honour the tag
 * filter; systematic failures hit the first call from each distinct call stack
 * once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ndis_test.h"

/* A small data path: a pool pair, NBLs with contexts, a retreat; returns 0 when it
 * completed, -1 when an allocation failed (after undoing everything). */
static int data_path(void)
{
        NDIS_HANDLE drv = winnet_ndis_open_driver("faulty");
        NDIS_HANDLE npool = NULL, lpool = NULL;
        PNET_BUFFER_LIST nbl = NULL;
        PNET_BUFFER nb = NULL;
        void *mem = NULL;
        PMDL mdl = NULL;
        int rc = -1, ctx = 0;

        if (!drv)
                return -1;
        mem = NdisAllocateMemoryWithTagPriority(drv, 256, 'tlaF', NormalPoolPriority);
        if (!mem)
                goto out;
        mdl = NdisAllocateMdl(drv, mem, 256);
        if (!mdl)
                goto out;
        npool = nb_pool(drv, 'tlaF', 0, 0);
        lpool = nbl_pool(drv, 'tlaF', FALSE, 0, 16, 0);
        if (!npool || !lpool)
                goto out;
        nb = NdisAllocateNetBuffer(npool, mdl, 0, 256);
        nbl = NdisAllocateNetBufferList(lpool, 16, 0);
        if (!nb || !nbl)
                goto out;
        if (NdisAllocateNetBufferListContext(nbl, 32, 0, 'tlaF') != NDIS_STATUS_SUCCESS)
                goto out;
        ctx = 1;
        if (NdisRetreatNetBufferDataStart(nb, 14, 0, NULL) != NDIS_STATUS_SUCCESS)
                goto out;
        NdisAdvanceNetBufferDataStart(nb, 14, TRUE, NULL);
        rc = 0;
out:
        if (ctx)
                NdisFreeNetBufferListContext(nbl, 32);
        if (nbl)
                NdisFreeNetBufferList(nbl);
        if (nb)
                NdisFreeNetBuffer(nb);
        if (lpool)
                NdisFreeNetBufferListPool(lpool);
        if (npool)
                NdisFreeNetBufferPool(npool);
        if (mdl)
                NdisFreeMdl(mdl);
        if (mem)
                NdisFreeMemory(mem, 0, 0);
        winnet_ndis_close_driver(drv);
        return rc;
}

static void every_nth_allocation_failure_is_clean(void **state)
{
        unsigned long k, reports;
        size_t live;

        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        reports = winnet_verifier_report_count();
        live = winnet_verifier_live_blocks();
        for (k = 1; k < 100; k++) {
                int rc;

                winnet_fault_fail_nth(k);
                rc = data_path();
                winnet_fault_fail_nth(0);
                if (winnet_verifier_live_blocks() != live)
                        fail_msg("failing allocation %lu leaked %zu block(s)", k,
                                 winnet_verifier_live_blocks() - live);
                if (winnet_verifier_report_count() != reports)
                        fail_msg("failing allocation %lu raised a report (a leak at unload?)", k);
                if (rc == 0)
                        break;
        }
        assert_true(k > 5); /* the path has that many allocations */
        assert_true(k < 100);
        winnet_fault_reset();
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
}

/* An NBL whose context does not fit the pool's preallocated one needs a second
 * allocation; when that one fails, the NBL (tracked, on a pool whose thread cache
 * is warm) goes back as a tracked object and nothing stays registered. */
static void nbl_with_separate_context_failure_is_clean(void **state)
{
        NDIS_HANDLE lpool = nbl_pool(NULL, 'xtCF', FALSE, 0, 0, 0);
        PNET_BUFFER_LIST nbl;
        unsigned long k;
        size_t live;

        (void)state;
        NdisFreeNetBufferList(NdisAllocateNetBufferList(lpool, 0, 0));
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        live = winnet_verifier_live_blocks();
        for (k = 1; k <= 3; k++) {
                winnet_fault_fail_nth(k);
                nbl = NdisAllocateNetBufferList(lpool, 32, 16);
                winnet_fault_fail_nth(0);
                if (nbl) {
                        assert_int_equal(NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 32);
                        NdisFreeNetBufferList(nbl);
                }
                if (winnet_verifier_live_blocks() != live)
                        fail_msg("failing allocation %lu left %zu block(s) registered", k,
                                 winnet_verifier_live_blocks() - live);
                assert_int_equal(winnet_ndis_pool_outstanding(lpool), 0);
        }
        winnet_fault_reset();
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
        NdisFreeNetBufferListPool(lpool);
}

static void systematic_failures_hit_each_call_stack_once(void **state)
{
        unsigned long before, rounds = 0;

        (void)state;
        winnet_fault_reset();
        before = winnet_fault_injected();
        winnet_fault_fail_sites(1);
        /* Each run fails at the next call stack not failed yet, until none is left. */
        while (data_path() < 0 && rounds < 100)
                rounds++;
        winnet_fault_reset();
        assert_true(rounds >= 6);
        assert_true(rounds < 100);
        /* A run may fail more than one call (both pools are made before the check). */
        assert_true(winnet_fault_injected() - before >= rounds);
        /* The same stacks again: nothing new to fail. */
        winnet_fault_fail_sites(1);
        winnet_fault_fail_sites(0);
}

static void random_failures_respect_the_tag(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'ykaF', 32, 0);
        int i, failed_other = 0, failed_tag = 0;

        (void)state;
        winnet_fault_random(0.5, 7, 'ykaF');
        for (i = 0; i < 200; i++) {
                void *p = NdisAllocateMemoryWithTagPriority(NULL, 16, 'enoN', NormalPoolPriority);
                void *q = NdisAllocateMemoryWithTagPriority(NULL, 16, 'ykaF', NormalPoolPriority);
                PNET_BUFFER nb = NdisAllocateNetBufferMdlAndData(pool);

                failed_other += !p;
                failed_tag += !q + !nb;
                NdisFreeMemory(p, 0, 0);
                if (q)
                        NdisFreeMemory(q, 0, 0);
                if (nb)
                        NdisFreeNetBuffer(nb);
        }
        winnet_fault_reset();
        assert_int_equal(failed_other, 0);
        assert_true(failed_tag > 100 && failed_tag < 300);
        assert_int_equal(winnet_ndis_pool_outstanding(pool), 0);
        NdisFreeNetBufferPool(pool);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(every_nth_allocation_failure_is_clean),
            cmocka_unit_test(nbl_with_separate_context_failure_is_clean),
            cmocka_unit_test(systematic_failures_hit_each_call_stack_once),
            cmocka_unit_test(random_failures_respect_the_tag),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
