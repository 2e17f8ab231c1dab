/* bench_ndis_dpdk.c - NBL+NB allocation against DPDK's rte_mempool with a per-lcore
 * cache, in the same run: a batch of 32 on one lcore (get/put alone, and with the
 * same field initialisation NDIS does), and a producer on one lcore with the
 * consumer putting back on another (get/put alone, and with the initialisation).
 * The EAL starts with --no-huge --no-pci; when it
 * cannot start here the benchmark says why and exits 0. Target: NBL+NB
 * allocate+free <= 1.5x rte_mempool get+put. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mempool.h>

#include "harness.h"
#include "ndis.h"
#include "ndis_bench.h"

static struct rte_mempool *mp;

/* The same initial state NDIS hands out, written the cheapest way there is: the
 * NBL and NET_BUFFER (adjacent, 64-byte aligned, a multiple of 16 bytes) zeroed
 * with unrolled 16-byte vector stores (glibc's memset costs ~2.5x this here),
 * then the three fields that are not zero. Nothing is validated. So this line is
 * the least an allocator that initialises as NDIS documents can cost per object
 * on top of rte_mempool's own get and put. */
typedef long long zero16 __attribute__((vector_size(16)));

static void init_like_ndis(void *obj)
{
        PNET_BUFFER_LIST nbl = obj;
        PNET_BUFFER nb = (PNET_BUFFER)(nbl + 1);
        zero16 *p = obj;
        size_t i;

        _Static_assert((sizeof(*nbl) + sizeof(*nb)) % sizeof(zero16) == 0, "whole vectors");
#pragma GCC unroll 64
        for (i = 0; i < (sizeof(*nbl) + sizeof(*nb)) / sizeof(zero16); i++)
                p[i] = (zero16){0, 0};
        nbl->FirstNetBuffer = nb;
        nb->MdlChain = nb->CurrentMdl = shared_mdl;
        nb->DataLength = 64;
}

static void dpdk_batch(void *ctx, size_t iters)
{
        int with_init = ctx != NULL;
        void *obj[BATCH];
        size_t i, j;

        for (i = 0; i < iters; i++) {
                for (j = 0; j < BATCH; j++) {
                        if (rte_mempool_get(mp, &obj[j]) < 0)
                                abort();
                        if (with_init)
                                init_like_ndis(obj[j]);
                }
                bench_keep(obj[BATCH - 1]);
                for (j = 0; j < BATCH; j++)
                        rte_mempool_put(mp, obj[j]);
        }
}

/* ---- producer / consumer ---- */

static struct ring ring __attribute__((aligned(64)));
static int ring_dpdk; /* which pool the consumer puts back into */

/* ctx non-NULL: with the initialisation NDIS does. */
static void *dpdk_get(void *ctx)
{
        void *p;

        if (rte_mempool_get(mp, &p) < 0)
                abort();
        if (ctx)
                init_like_ndis(p);
        return p;
}

static void dpdk_put(void *ctx, void *p)
{
        (void)ctx;
        rte_mempool_put(mp, p);
}

static int consumer(void *arg)
{
        if (ring_dpdk)
                ring_consume(arg, dpdk_put, NULL);
        else
                ring_consume(arg, nbl_put, NULL);
        return 0;
}

static void cross(int dpdk, void *init, size_t iters)
{
        unsigned worker = rte_get_next_lcore(rte_lcore_id(), 1, 0);

        memset(&ring, 0, sizeof(ring));
        ring.count = iters * BATCH;
        ring_dpdk = dpdk;
        rte_eal_remote_launch(consumer, &ring, worker);
        if (dpdk)
                ring_produce(&ring, dpdk_get, init);
        else
                ring_produce(&ring, nbl_get, NULL);
        rte_eal_wait_lcore(worker);
}

static void ndis_cross(void *ctx, size_t iters)
{
        (void)ctx;
        cross(0, NULL, iters);
}

/* ctx NULL: get+put alone; non-NULL: with the initialisation NDIS does. */
static void dpdk_cross(void *ctx, size_t iters)
{
        cross(1, ctx, iters);
}

int main(void)
{
        char *eal_argv[] = {
            "bench_ndis_dpdk", "--no-huge",         "--no-pci",    "-l", "0-1", "-m", "128",
            "--no-telemetry",  "--log-level=error", "--no-shconf", NULL};
        struct bench_op a, b;

        if (rte_eal_init((int)(sizeof(eal_argv) / sizeof(eal_argv[0])) - 1, eal_argv) < 0) {
                printf("bench_ndis_dpdk: skipped: the DPDK EAL does not start here "
                       "(--no-huge --no-pci)\n");
                return 0;
        }
        if (rte_lcore_count() < 2) {
                printf("bench_ndis_dpdk: skipped: needs two lcores\n");
                rte_eal_cleanup();
                return 0;
        }
        mp = rte_mempool_create("nbl", 8191, sizeof(NET_BUFFER_LIST) + sizeof(NET_BUFFER), 256, 0,
                                NULL, NULL, NULL, NULL, SOCKET_ID_ANY, 0);
        if (!mp || ndis_bench_setup() < 0) {
                fprintf(stderr, "bench_ndis_dpdk: set-up failed\n");
                return 1;
        }
        a = (struct bench_op){"NdisAllocateNetBufferAndNetBufferList+Free x32", nbl_batch, NULL};
        b = (struct bench_op){"rte_mempool_get+put x32 (lcore cache)", dpdk_batch, NULL};
        verdict("vs rte_mempool", bench_compare(&a, &b, 20000, 21), 1.5, 1);
        b = (struct bench_op){"rte_mempool_get+init+put x32 (lcore cache)", dpdk_batch, &mp};
        verdict("vs rte_mempool", bench_compare(&a, &b, 20000, 21), 1.5, 1);
        /* What the initialisation alone costs: no allocator that hands out initialised
         * objects can come closer to the raw get+put than this ratio. */
        a = b;
        b = (struct bench_op){"rte_mempool_get+put x32 (lcore cache)", dpdk_batch, NULL};
        bench_compare(&a, &b, 20000, 21);
        a = (struct bench_op){"NBL+NB producer/consumer (2 threads) x32", ndis_cross, NULL};
        b = (struct bench_op){"rte_mempool producer/consumer (2 lcores) x32", dpdk_cross, NULL};
        verdict("vs rte_mempool", bench_compare(&a, &b, 4000, 11), 1.5, 1);
        b = (struct bench_op){"rte_mempool producer/consumer (2 lcores, init) x32", dpdk_cross,
                              &mp};
        verdict("vs rte_mempool", bench_compare(&a, &b, 4000, 11), 1.5, 1);
        ndis_bench_teardown();
        rte_mempool_free(mp);
        rte_eal_cleanup();
        return 0;
}
