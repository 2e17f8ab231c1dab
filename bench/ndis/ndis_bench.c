/* ndis_bench.c - the pieces bench_ndis and bench_ndis_dpdk share (ndis_bench.h). */
#include <sched.h>
#include <stdio.h>

#include "harness.h"
#include "ndis_bench.h"

NDIS_HANDLE nbl_pool_h;
PMDL shared_mdl;
static void *shared_data;

int ndis_bench_setup(void)
{
        NET_BUFFER_LIST_POOL_PARAMETERS lp = {
            {NDIS_OBJECT_TYPE_DEFAULT, NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
             NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1},
            NDIS_PROTOCOL_ID_DEFAULT,
            TRUE,
            0,
            BENCH_TAG,
            0,
            0};

        shared_data = NdisAllocateMemoryWithTagPriority(NULL, 2048, BENCH_TAG, NormalPoolPriority);
        shared_mdl = shared_data ? NdisAllocateMdl(NULL, shared_data, 2048) : NULL;
        nbl_pool_h = NdisAllocateNetBufferListPool(NULL, &lp);
        if (!shared_mdl || !nbl_pool_h) {
                fprintf(stderr, "ndis bench: the NBL pool or the MDL could not be created\n");
                return -1;
        }
        return 0;
}

void ndis_bench_teardown(void)
{
        NdisFreeNetBufferListPool(nbl_pool_h);
        NdisFreeMdl(shared_mdl);
        NdisFreeMemory(shared_data, 0, 0);
}

void nbl_batch(void *ctx, size_t iters)
{
        PNET_BUFFER_LIST nbl[BATCH];
        size_t i, j;

        (void)ctx;
        for (i = 0; i < iters; i++) {
                for (j = 0; j < BATCH; j++)
                        nbl[j] = NdisAllocateNetBufferAndNetBufferList(nbl_pool_h, 0, 0, shared_mdl,
                                                                       0, 64);
                bench_keep(nbl[BATCH - 1]);
                for (j = 0; j < BATCH; j++)
                        NdisFreeNetBufferList(nbl[j]);
        }
}

void spin_wait(void)
{
        static __thread unsigned n;

        if (++n % 64)
                __builtin_ia32_pause();
        else
                sched_yield();
}

void verdict(const char *what, double ratio, double limit, int lower_is_better)
{
        int ok = lower_is_better ? ratio <= limit : ratio >= limit;

        printf("  target %s %s %.2fx: %s (%.2fx)\n", what, lower_is_better ? "<=" : ">=", limit,
               ok ? "met" : "MISSED", ratio);
}
