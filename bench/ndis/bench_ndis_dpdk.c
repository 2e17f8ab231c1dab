/* bench_ndis_dpdk.c - NBL+NB allocation against DPDK's rte_mempool with a per-lcore
 * cache, in the same run: a batch of 32 on one lcore (get/put alone, and with the
 * same field initialisation NDIS does), and a producer on one lcore with the
 * consumer putting back on another (get/put alone, and with the initialisation).
 * The EAL starts with --no-huge --no-pci; when it
 * cannot start here the benchmark says why and exits 0. Target: NBL+NB
 * allocate+free <= 1.5x rte_mempool get+put. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mempool.h>

#include "harness.h"
#include "ndis.h"

#define BATCH 32
/* Spins briefly, then yields: the machine may have fewer free cores than threads. */
static inline void spin_wait(void)
{
        static __thread unsigned n;

        if (++n % 64)
                __builtin_ia32_pause();
        else
                sched_yield();
}

#define RING 1024

static NDIS_HANDLE nbl_pool_h;
static PMDL shared_mdl;
static struct rte_mempool *mp;

static void init_like_ndis(void *obj)
{
        PNET_BUFFER_LIST nbl = obj;
        PNET_BUFFER nb = (PNET_BUFFER)(nbl + 1);

        memset(nbl, 0, sizeof(*nbl));
        memset(nb, 0, sizeof(*nb));
        nbl->FirstNetBuffer = nb;
        nb->MdlChain = nb->CurrentMdl = shared_mdl;
        nb->DataLength = 64;
}

static void ndis_batch(void *ctx, size_t iters)
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

struct ring {
        void *slot[RING];
        size_t head __attribute__((aligned(64)));
        size_t tail __attribute__((aligned(64)));
        size_t count;
        int dpdk;
};

static struct ring ring __attribute__((aligned(64)));

static int consumer(void *arg)
{
        struct ring *r = arg;
        size_t n;

        for (n = 0; n < r->count; n++) {
                size_t t = __atomic_load_n(&r->tail, __ATOMIC_RELAXED);
                void *p;

                while (__atomic_load_n(&r->head, __ATOMIC_ACQUIRE) == t)
                        spin_wait();
                p = r->slot[t % RING];
                __atomic_store_n(&r->tail, t + 1, __ATOMIC_RELEASE);
                if (r->dpdk)
                        rte_mempool_put(mp, p);
                else
                        NdisFreeNetBufferList(p);
        }
        return 0;
}

static void cross(int dpdk, size_t iters)
{
        unsigned worker = rte_get_next_lcore(rte_lcore_id(), 1, 0);
        size_t n;

        memset(&ring, 0, sizeof(ring));
        ring.count = iters * BATCH;
        ring.dpdk = dpdk;
        rte_eal_remote_launch(consumer, &ring, worker);
        for (n = 0; n < ring.count; n++) {
                void *p;

                if (dpdk) {
                        if (rte_mempool_get(mp, &p) < 0)
                                abort();
                        if (dpdk == 1)
                                init_like_ndis(p);
                } else {
                        p = NdisAllocateNetBufferAndNetBufferList(nbl_pool_h, 0, 0, shared_mdl, 0,
                                                                  64);
                }
                while (n - __atomic_load_n(&ring.tail, __ATOMIC_ACQUIRE) >= RING)
                        spin_wait();
                ring.slot[n % RING] = p;
                __atomic_store_n(&ring.head, n + 1, __ATOMIC_RELEASE);
        }
        rte_eal_wait_lcore(worker);
}

static void ndis_cross(void *ctx, size_t iters)
{
        (void)ctx;
        cross(0, iters);
}

/* ctx NULL: get+put alone; non-NULL: with the initialisation NDIS does. */
static void dpdk_cross(void *ctx, size_t iters)
{
        cross(ctx ? 1 : 2, iters);
}

static void verdict(double ratio, double limit)
{
        printf("  target <= %.2fx: %s (%.2fx)\n", limit, ratio <= limit ? "met" : "MISSED", ratio);
}

int main(void)
{
        char *eal_argv[] = {
            "bench_ndis_dpdk", "--no-huge",         "--no-pci",    "-l", "0-1", "-m", "128",
            "--no-telemetry",  "--log-level=error", "--no-shconf", NULL};
        NET_BUFFER_LIST_POOL_PARAMETERS lp = {
            {NDIS_OBJECT_TYPE_DEFAULT, NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
             NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1},
            NDIS_PROTOCOL_ID_DEFAULT,
            TRUE,
            0,
            'hcnB',
            0,
            0};
        struct bench_op a, b;
        void *data;

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
        data = NdisAllocateMemoryWithTagPriority(NULL, 2048, 'hcnB', NormalPoolPriority);
        shared_mdl = NdisAllocateMdl(NULL, data, 2048);
        nbl_pool_h = NdisAllocateNetBufferListPool(NULL, &lp);
        if (!mp || !shared_mdl || !nbl_pool_h) {
                fprintf(stderr, "bench_ndis_dpdk: set-up failed\n");
                return 1;
        }
        a = (struct bench_op){"NdisAllocateNetBufferAndNetBufferList+Free x32", ndis_batch, NULL};
        b = (struct bench_op){"rte_mempool_get+put x32 (lcore cache)", dpdk_batch, NULL};
        verdict(bench_compare(&a, &b, 20000, 21), 1.5);
        b = (struct bench_op){"rte_mempool_get+init+put x32 (lcore cache)", dpdk_batch, &mp};
        verdict(bench_compare(&a, &b, 20000, 21), 1.5);
        a = (struct bench_op){"NBL+NB producer/consumer (2 threads) x32", ndis_cross, NULL};
        b = (struct bench_op){"rte_mempool producer/consumer (2 lcores) x32", dpdk_cross, NULL};
        verdict(bench_compare(&a, &b, 4000, 11), 1.5);
        b = (struct bench_op){"rte_mempool producer/consumer (2 lcores, init) x32", dpdk_cross,
                              &mp};
        verdict(bench_compare(&a, &b, 4000, 11), 1.5);
        NdisFreeNetBufferListPool(nbl_pool_h);
        NdisFreeMdl(shared_mdl);
        NdisFreeMemory(data, 0, 0);
        rte_mempool_free(mp);
        rte_eal_cleanup();
        return 0;
}
