/* test_ndis_pools.c - NET_BUFFER and NET_BUFFER_LIST pools and objects, contexts,
 * MDLs and the accessor macros: what each allocation hands back, what each free
 * takes back, and the per-pool counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ndis_test.h"

static void nb_pool_with_data_gives_mdl_and_data(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'looP', 1514, 0);
        PNET_BUFFER nb;
        PMDL mdl;
        PVOID va = NULL;
        UINT len = 0;

        (void)state;
        assert_non_null(pool);
        nb = NdisAllocateNetBufferMdlAndData(pool);
        assert_non_null(nb);
        mdl = NET_BUFFER_FIRST_MDL(nb);
        assert_non_null(mdl);
        assert_ptr_equal(NET_BUFFER_CURRENT_MDL(nb), mdl);
        assert_int_equal(NET_BUFFER_CURRENT_MDL_OFFSET(nb), 0);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(nb), 1514);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(nb), 0);
        assert_null(NET_BUFFER_NEXT_NB(nb));
        assert_ptr_equal(NdisGetPoolFromNetBuffer(nb), pool);
        NdisQueryMdl(mdl, &va, &len, NormalPagePriority);
        assert_non_null(va);
        assert_int_equal(len, 1514);
        memset(va, 0xab, len);
        assert_int_equal(winnet_ndis_pool_outstanding(pool), 1);
        NdisFreeNetBuffer(nb);
        assert_int_equal(winnet_ndis_pool_outstanding(pool), 0);
        NdisFreeNetBufferPool(pool);
}

static void nb_over_caller_mdls(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'looP', 0, 0);
        unsigned char *buf =
            NdisAllocateMemoryWithTagPriority(NULL, 300, 'fuBM', NormalPoolPriority);
        PMDL a = NdisAllocateMdl(NULL, buf, 100), b = NdisAllocateMdl(NULL, buf + 100, 200), next;
        PNET_BUFFER nb;

        (void)state;
        a->Next = b;
        NdisGetNextMdl(a, &next);
        assert_ptr_equal(next, b);
        nb = NdisAllocateNetBuffer(pool, a, 120, 150);
        assert_non_null(nb);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(nb), a);
        assert_ptr_equal(NET_BUFFER_CURRENT_MDL(nb), b); /* offset 120 lands in the second MDL */
        assert_int_equal(NET_BUFFER_CURRENT_MDL_OFFSET(nb), 20);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(nb), 150);
        NdisFreeNetBuffer(nb);
        /* MdlChain NULL with offset and length 0 is fine. */
        nb = NdisAllocateNetBuffer(pool, NULL, 0, 0);
        assert_non_null(nb);
        assert_null(NET_BUFFER_FIRST_MDL(nb));
        NdisFreeNetBuffer(nb);
        /* The caller's MDLs stay the caller's. */
        assert_int_equal(MmGetMdlByteCount(a), 100);
        NdisAdjustMdlLength(a, 50);
        assert_int_equal(MmGetMdlByteCount(a), 50);
        assert_ptr_equal(MmGetMdlVirtualAddress(b), buf + 100);
        NdisFreeMdl(a);
        NdisFreeMdl(b);
        NdisFreeMemory(buf, 0, 0);
        NdisFreeNetBufferPool(pool);
}

static void many_nbs_reuse_the_cache(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'looP', 64, 0);
        PNET_BUFFER nb[500];
        int i, round;

        (void)state;
        for (round = 0; round < 3; round++) {
                for (i = 0; i < 500; i++) {
                        nb[i] = NdisAllocateNetBufferMdlAndData(pool);
                        assert_non_null(nb[i]);
                        memset(MmGetSystemAddressForMdlSafe(NET_BUFFER_FIRST_MDL(nb[i]), 0), i, 64);
                }
                assert_int_equal(winnet_ndis_pool_outstanding(pool), 500);
                for (i = 0; i < 500; i++)
                        NdisFreeNetBuffer(nb[i]);
        }
        assert_int_equal(winnet_ndis_pool_outstanding(pool), 0);
        NdisFreeNetBufferPool(pool);
}

static void nbl_with_preallocated_nb_and_data(void **state)
{
        NDIS_HANDLE pool = nbl_pool(NULL, 'LBNt', TRUE, 256, 32, 0);
        PNET_BUFFER_LIST nbl;
        PNET_BUFFER nb;
        int i;

        (void)state;
        assert_non_null(pool);
        nbl = NdisAllocateNetBufferList(pool, 16, 16);
        assert_non_null(nbl);
        nb = NET_BUFFER_LIST_FIRST_NB(nbl);
        assert_non_null(nb);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(nb), 256);
        assert_non_null(NET_BUFFER_FIRST_MDL(nb));
        assert_null(NET_BUFFER_LIST_NEXT_NBL(nbl));
        assert_ptr_equal(NdisGetPoolFromNetBufferList(nbl), pool);
        assert_int_equal(NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 16);
        assert_int_equal((uintptr_t)NET_BUFFER_LIST_CONTEXT_DATA_START(nbl) % 16, 0);
        memset(NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), 1, 16);
        for (i = 0; i < MaxNetBufferListInfo; i++)
                assert_null(NET_BUFFER_LIST_INFO(nbl, i));
        NET_BUFFER_LIST_STATUS(nbl) = NDIS_STATUS_SUCCESS;
        NET_BUFFER_LIST_INFO(nbl, Ieee8021QNetBufferListInfo) = (PVOID)(uintptr_t)7;
        memset(NET_BUFFER_LIST_MINIPORT_RESERVED(nbl), 0xee, sizeof(nbl->MiniportReserved));
        memset(NET_BUFFER_PROTOCOL_RESERVED(nb), 0xee, sizeof(nb->ProtocolReserved));
        NdisFreeNetBufferList(nbl);
        /* A reused NBL comes back reset. */
        nbl = NdisAllocateNetBufferList(pool, 0, 0);
        assert_null(NET_BUFFER_LIST_INFO(nbl, Ieee8021QNetBufferListInfo));
        assert_null(nbl->Context);
        NdisFreeNetBufferList(nbl);
        NdisFreeNetBufferListPool(pool);
}

static void nbl_context_larger_than_the_pool_context(void **state)
{
        NDIS_HANDLE pool = nbl_pool(NULL, 'LBNt', FALSE, 0, 0, 0);
        PNET_BUFFER_LIST nbl = NdisAllocateNetBufferList(pool, 64, 32);

        (void)state;
        assert_non_null(nbl);
        assert_null(NET_BUFFER_LIST_FIRST_NB(nbl));
        assert_int_equal(NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 64);
        memset(NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), 2, 64);
        NdisFreeNetBufferList(nbl);
        NdisFreeNetBufferListPool(pool);
}

static void nb_and_nbl_over_caller_mdl(void **state)
{
        NDIS_HANDLE pool = nbl_pool(NULL, 'LBNt', TRUE, 0, 0, 0);
        unsigned char *buf =
            NdisAllocateMemoryWithTagPriority(NULL, 128, 'fuBM', NormalPoolPriority);
        PMDL mdl = NdisAllocateMdl(NULL, buf, 128);
        PNET_BUFFER_LIST nbl = NdisAllocateNetBufferAndNetBufferList(pool, 0, 0, mdl, 14, 100);
        PNET_BUFFER nb;

        (void)state;
        assert_non_null(nbl);
        nb = NET_BUFFER_LIST_FIRST_NB(nbl);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(nb), mdl);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(nb), 14);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(nb), 100);
        assert_int_equal(NET_BUFFER_CURRENT_MDL_OFFSET(nb), 14);
        NdisFreeNetBufferList(nbl);
        NdisFreeMdl(mdl);
        NdisFreeMemory(buf, 0, 0);
        NdisFreeNetBufferListPool(pool);
}

static void contexts_stack_and_use_backfill(void **state)
{
        NDIS_HANDLE pool = nbl_pool(NULL, 'LBNt', FALSE, 0, 16, 0);
        PNET_BUFFER_LIST nbl = NdisAllocateNetBufferList(pool, 0, 16);
        PNET_BUFFER_LIST_CONTEXT base;

        (void)state;
        assert_non_null(nbl);
        base = nbl->Context;
        assert_non_null(base);
        assert_int_equal(NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 0);
        /* 8 bytes fit in the 16 bytes of backfill: same context block. */
        assert_int_equal(NdisAllocateNetBufferListContext(nbl, 8, 0, 'xtCt'), NDIS_STATUS_SUCCESS);
        assert_ptr_equal(nbl->Context, base);
        assert_int_equal(NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 8);
        /* 24 more do not: a new block on top, with 8 bytes of backfill. */
        assert_int_equal(NdisAllocateNetBufferListContext(nbl, 24, 8, 'xtCt'), NDIS_STATUS_SUCCESS);
        assert_ptr_not_equal(nbl->Context, base);
        assert_ptr_equal(nbl->Context->Next, base);
        assert_int_equal(NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 24);
        memset(NET_BUFFER_LIST_CONTEXT_DATA_START(nbl), 3, 24);
        /* Not a multiple of sizeof(PVOID). */
        assert_int_equal(NdisAllocateNetBufferListContext(nbl, 12, 0, 'xtCt'), NDIS_STATUS_FAILURE);
        NdisFreeNetBufferListContext(nbl, 24);
        assert_ptr_equal(nbl->Context, base);
        NdisFreeNetBufferListContext(nbl, 8);
        assert_int_equal(NET_BUFFER_LIST_CONTEXT_DATA_SIZE(nbl), 0);
        NdisFreeNetBufferList(nbl);
        NdisFreeNetBufferListPool(pool);
}

static void pools_of_a_driver_and_more_pools_than_cache_slots(void **state)
{
        NDIS_HANDLE drv = winnet_ndis_open_driver("manypools");
        NDIS_HANDLE pools[80];
        PNET_BUFFER nb[80];
        int i;

        (void)state;
        for (i = 0; i < 80; i++) {
                pools[i] = nb_pool(drv, 'ynaM', 32, 0);
                assert_non_null(pools[i]);
                nb[i] = NdisAllocateNetBufferMdlAndData(pools[i]);
                assert_non_null(nb[i]);
        }
        for (i = 0; i < 80; i++) {
                assert_int_equal(winnet_ndis_pool_outstanding(pools[i]), 1);
                NdisFreeNetBuffer(nb[i]);
                NdisFreeNetBufferPool(pools[i]);
        }
        winnet_ndis_close_driver(drv);
}

static void verify_pool_objects_work_like_the_others(void **state)
{
        NDIS_HANDLE pool = nbl_pool(NULL, 'yfrV', TRUE, 128, 16, NET_BUFFER_LIST_POOL_FLAG_VERIFY);
        PNET_BUFFER_LIST nbl[10];
        int i;

        (void)state;
        for (i = 0; i < 10; i++) {
                nbl[i] = NdisAllocateNetBufferList(pool, 16, 0);
                assert_non_null(nbl[i]);
                memset(MmGetSystemAddressForMdlSafe(
                           NET_BUFFER_FIRST_MDL(NET_BUFFER_LIST_FIRST_NB(nbl[i])), 0),
                       i, 128);
        }
        assert_int_equal(winnet_ndis_pool_outstanding(pool), 10);
        for (i = 0; i < 10; i++)
                NdisFreeNetBufferList(nbl[i]);
        assert_int_equal(winnet_ndis_pool_outstanding(pool), 0);
        NdisFreeNetBufferListPool(pool);
        winnet_ndis_quarantine_flush();
}

/* A pool that served this thread before tracking was switched on has a warm thread
 * cache; what is allocated while tracking is still freed as a tracked object: off
 * the registry and off the pool's list, not into the cache. */
static void objects_tracked_on_a_warm_pool_are_freed_as_tracked(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'mraW', 0, 0);
        NDIS_HANDLE lpool = nbl_pool(NULL, 'mraW', TRUE, 0, 0, 0);
        PNET_BUFFER_LIST nbl;
        PNET_BUFFER nb;
        size_t live;

        (void)state;
        NdisFreeNetBuffer(NdisAllocateNetBuffer(pool, NULL, 0, 0));
        NdisFreeNetBufferList(NdisAllocateNetBufferList(lpool, 0, 0));
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        live = winnet_verifier_live_blocks();
        nb = NdisAllocateNetBuffer(pool, NULL, 0, 0);
        nbl = NdisAllocateNetBufferList(lpool, 0, 0);
        assert_int_equal(winnet_verifier_live_blocks(), live + 2);
        NdisFreeNetBuffer(nb);
        NdisFreeNetBufferList(nbl);
        if (winnet_verifier_live_blocks() != live)
                fail_msg("%zu tracked object(s) still registered after their free",
                         winnet_verifier_live_blocks() - live);
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
        /* The cache still works for untracked objects afterwards. */
        NdisFreeNetBuffer(NdisAllocateNetBuffer(pool, NULL, 0, 0));
        assert_int_equal(winnet_ndis_pool_outstanding(pool), 0);
        assert_int_equal(winnet_ndis_pool_outstanding(lpool), 0);
        NdisFreeNetBufferListPool(lpool);
        NdisFreeNetBufferPool(pool);
}

/* The WDK sets no order between freeing a NET_BUFFER and the MDLs under it, or an
 * NBL and the NET_BUFFERs on it: with the whole verifier on, every order a driver
 * may use is quiet and touches nothing already freed (ASan / valgrind runs). */
static void frees_in_any_documented_order_are_quiet_when_verifying(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'drOF', 0, 0);
        NDIS_HANDLE dpool = nb_pool(NULL, 'drOF', 64, 0);
        NDIS_HANDLE lpool = nbl_pool(NULL, 'drOF', FALSE, 0, 0, 0);
        NDIS_HANDLE npool = nbl_pool(NULL, 'drOF', TRUE, 0, 0, 0);
        unsigned long reports = winnet_verifier_report_count();
        PNET_BUFFER_LIST nbl, pre;
        PNET_BUFFER a, b, c;
        void *mem;
        PMDL m1, m2;

        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_ALL & ~WINNET_VERIFIER_LEAKS_AT_EXIT);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        mem = NdisAllocateMemoryWithTagPriority(NULL, 128, 'drOF', NormalPoolPriority);
        m1 = NdisAllocateMdl(NULL, mem, 128);
        m2 = NdisAllocateMdl(NULL, mem, 128);
        a = NdisAllocateNetBuffer(pool, m1, 0, 128);
        b = NdisAllocateNetBufferMdlAndData(dpool);
        c = NdisAllocateNetBufferMdlAndData(dpool);
        nbl = NdisAllocateNetBufferList(lpool, 0, 0);
        pre = NdisAllocateNetBufferAndNetBufferList(npool, 0, 0, m2, 0, 128);
        NET_BUFFER_LIST_FIRST_NB(nbl) = b;
        NET_BUFFER_NEXT_NB(b) = c;
        assert_int_equal(NdisAllocateNetBufferListContext(nbl, 16, 0, 'drOF'), NDIS_STATUS_SUCCESS);
        /* The MDLs and their memory first, then the buffers over them. */
        NdisFreeMdl(m1);
        NdisFreeMdl(m2);
        NdisFreeMemory(mem, 0, 0);
        NdisFreeNetBuffer(a);
        NdisFreeNetBufferList(pre);
        /* The NET_BUFFERs of an NBL first (still linked from it), then its context and
         * the NBL. */
        NdisFreeNetBuffer(b);
        NdisFreeNetBuffer(c);
        NdisFreeNetBufferListContext(nbl, 16);
        NdisFreeNetBufferList(nbl);
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
        assert_int_equal(winnet_verifier_report_count(), reports);
        winnet_ndis_quarantine_flush();
        NdisFreeNetBufferListPool(npool);
        NdisFreeNetBufferListPool(lpool);
        NdisFreeNetBufferPool(dpool);
        NdisFreeNetBufferPool(pool);
}

static void poolmon_shows_pool_tags(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'nomP', 0, 0);
        struct winnet_ndis_tag_usage u[64];
        PNET_BUFFER nb = NdisAllocateNetBuffer(pool, NULL, 0, 0);
        size_t n, i;
        int seen = 0;

        (void)state;
        n = winnet_ndis_tag_usage(u, 64);
        for (i = 0; i < n && i < 64; i++)
                if (u[i].tag == 'nomP') {
                        seen = 1;
                        assert_int_equal(u[i].allocations - u[i].frees, 1);
                }
        assert_true(seen);
        NdisFreeNetBuffer(nb);
        NdisFreeNetBufferPool(pool);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(nb_pool_with_data_gives_mdl_and_data),
            cmocka_unit_test(nb_over_caller_mdls),
            cmocka_unit_test(many_nbs_reuse_the_cache),
            cmocka_unit_test(nbl_with_preallocated_nb_and_data),
            cmocka_unit_test(nbl_context_larger_than_the_pool_context),
            cmocka_unit_test(nb_and_nbl_over_caller_mdl),
            cmocka_unit_test(contexts_stack_and_use_backfill),
            cmocka_unit_test(pools_of_a_driver_and_more_pools_than_cache_slots),
            cmocka_unit_test(verify_pool_objects_work_like_the_others),
            cmocka_unit_test(objects_tracked_on_a_warm_pool_are_freed_as_tracked),
            cmocka_unit_test(frees_in_any_documented_order_are_quiet_when_verifying),
            cmocka_unit_test(poolmon_shows_pool_tags),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
