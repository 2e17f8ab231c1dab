/* bench_ndis.c - NET_BUFFER and NBL+NB allocation (a batch of 32, then free), the
 * same across two threads (allocate on one, free on the other), and
 * NdisAllocateMemoryWithTagPriority+NdisFreeMemory on one and two threads, each
 * against glibc malloc+free with the same field initialisation, in the same run.
 * Targets: NBL+NB >= 3x faster than malloc; NDIS memory <= 1.2x malloc+free on one
 * thread, <= 1.3x on two. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ndis.h"
#include "ndis_bench.h"
#include "winnet.h"

static NDIS_HANDLE nb_pool_h;

/* ---- baselines: what a port without a pool would do ---- */

static PNET_BUFFER malloc_nb(PMDL mdl, ULONG len)
{
        PNET_BUFFER nb = malloc(sizeof(*nb));

        memset(nb, 0, sizeof(*nb));
        nb->MdlChain = nb->CurrentMdl = mdl;
        nb->DataLength = len;
        nb->NdisPoolHandle = nb_pool_h;
        return nb;
}

static PNET_BUFFER_LIST malloc_nbl_nb(PMDL mdl, ULONG len)
{
        PNET_BUFFER_LIST nbl = malloc(sizeof(*nbl));

        memset(nbl, 0, sizeof(*nbl));
        nbl->NdisPoolHandle = nbl_pool_h;
        nbl->FirstNetBuffer = malloc_nb(mdl, len);
        return nbl;
}

static void malloc_free_nbl(PNET_BUFFER_LIST nbl)
{
        free(nbl->FirstNetBuffer);
        free(nbl);
}

/* ---- one thread, batches of 32 ---- */

static void nb_batch(void *ctx, size_t iters)
{
        PNET_BUFFER nb[BATCH];
        size_t i, j;

        (void)ctx;
        for (i = 0; i < iters; i++) {
                for (j = 0; j < BATCH; j++)
                        nb[j] = NdisAllocateNetBuffer(nb_pool_h, shared_mdl, 0, 64);
                bench_keep(nb[BATCH - 1]);
                for (j = 0; j < BATCH; j++)
                        NdisFreeNetBuffer(nb[j]);
        }
}

static void nb_batch_malloc(void *ctx, size_t iters)
{
        PNET_BUFFER nb[BATCH];
        size_t i, j;

        (void)ctx;
        for (i = 0; i < iters; i++) {
                for (j = 0; j < BATCH; j++)
                        nb[j] = malloc_nb(shared_mdl, 64);
                bench_keep(nb[BATCH - 1]);
                for (j = 0; j < BATCH; j++)
                        free(nb[j]);
        }
}

static void nbl_batch_malloc(void *ctx, size_t iters)
{
        PNET_BUFFER_LIST nbl[BATCH];
        size_t i, j;

        (void)ctx;
        for (i = 0; i < iters; i++) {
                for (j = 0; j < BATCH; j++)
                        nbl[j] = malloc_nbl_nb(shared_mdl, 64);
                bench_keep(nbl[BATCH - 1]);
                for (j = 0; j < BATCH; j++)
                        malloc_free_nbl(nbl[j]);
        }
}

/* ---- two threads: producer allocates, consumer frees, through a ring ---- */

static void *malloc_get(void *ctx)
{
        (void)ctx;
        return malloc_nbl_nb(shared_mdl, 64);
}

static void malloc_put(void *ctx, void *p)
{
        (void)ctx;
        malloc_free_nbl(p);
}

struct cross {
        struct ring r;
        int use_malloc;
};

static void *consumer(void *arg)
{
        struct cross *c = arg;

        if (c->use_malloc)
                ring_consume(&c->r, malloc_put, NULL);
        else
                ring_consume(&c->r, nbl_put, NULL);
        return NULL;
}

static void cross_thread(int use_malloc, size_t iters)
{
        struct cross *c = aligned_alloc(64, sizeof(*c));
        pthread_t t;

        memset(c, 0, sizeof(*c));
        c->r.count = iters * BATCH;
        c->use_malloc = use_malloc;
        pthread_create(&t, NULL, consumer, c);
        if (use_malloc)
                ring_produce(&c->r, malloc_get, NULL);
        else
                ring_produce(&c->r, nbl_get, NULL);
        pthread_join(t, NULL);
        free(c);
}

static void nbl_cross(void *ctx, size_t iters)
{
        (void)ctx;
        cross_thread(0, iters);
}

static void nbl_cross_malloc(void *ctx, size_t iters)
{
        (void)ctx;
        cross_thread(1, iters);
}

/* ---- NDIS memory ---- */

static void ndis_memory(void *ctx, size_t iters)
{
        UINT n = (UINT)(size_t)ctx;
        size_t i;

        for (i = 0; i < iters; i++) {
                void *p = NdisAllocateMemoryWithTagPriority(NULL, n, BENCH_TAG, NormalPoolPriority);

                bench_keep(p);
                NdisFreeMemory(p, 0, 0);
        }
}

static void libc_memory(void *ctx, size_t iters)
{
        size_t n = (size_t)ctx, i;

        for (i = 0; i < iters; i++) {
                void *p = malloc(n);

                bench_keep(p);
                free(p);
        }
}

/* The same loop on two threads at once; iters each. */
struct two {
        bench_fn fn;
        void *ctx;
        size_t iters;
};

static void *two_worker(void *arg)
{
        struct two *t = arg;

        t->fn(t->ctx, t->iters);
        return NULL;
}

static void on_two_threads(bench_fn fn, void *ctx, size_t iters)
{
        struct two t = {fn, ctx, iters};
        pthread_t a;

        pthread_create(&a, NULL, two_worker, &t);
        fn(ctx, iters);
        pthread_join(a, NULL);
}

static void ndis_memory_two(void *ctx, size_t iters)
{
        on_two_threads(ndis_memory, ctx, iters);
}

static void libc_memory_two(void *ctx, size_t iters)
{
        on_two_threads(libc_memory, ctx, iters);
}

int main(void)
{
        NET_BUFFER_POOL_PARAMETERS np = {{NDIS_OBJECT_TYPE_DEFAULT,
                                          NET_BUFFER_POOL_PARAMETERS_REVISION_1,
                                          NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1},
                                         BENCH_TAG,
                                         0,
                                         0};
        struct bench_op a, b;
        double r;

        nb_pool_h = NdisAllocateNetBufferPool(NULL, &np);
        if (!nb_pool_h || ndis_bench_setup() < 0) {
                fprintf(stderr, "bench_ndis: pools could not be created\n");
                return 1;
        }

        a = (struct bench_op){"NdisAllocateNetBuffer+Free x32", nb_batch, NULL};
        b = (struct bench_op){"malloc+init+free NET_BUFFER x32", nb_batch_malloc, NULL};
        r = bench_compare(&a, &b, 20000, 21);
        verdict("vs malloc+init", r, 1.0 / 3.0, 1);

        a = (struct bench_op){"NdisAllocateNetBufferAndNetBufferList+Free x32", nbl_batch, NULL};
        b = (struct bench_op){"malloc+init+free NBL+NB x32", nbl_batch_malloc, NULL};
        r = bench_compare(&a, &b, 20000, 21);
        verdict("vs malloc+init", r, 1.0 / 3.0, 1);

        a = (struct bench_op){"NBL+NB producer/consumer (2 threads) x32", nbl_cross, NULL};
        b = (struct bench_op){"malloc NBL+NB producer/consumer (2 threads) x32", nbl_cross_malloc,
                              NULL};
        r = bench_compare(&a, &b, 4000, 11);
        verdict("vs malloc+init", r, 1.0 / 3.0, 1);

        a = (struct bench_op){"NdisAllocateMemoryWithTagPriority+NdisFreeMemory 64 B", ndis_memory,
                              (void *)64};
        b = (struct bench_op){"malloc+free 64 B", libc_memory, (void *)64};
        verdict("one thread", bench_compare(&a, &b, 400000, 21), 1.2, 1);
        a.ctx = b.ctx = (void *)1024;
        a.name = "NdisAllocateMemoryWithTagPriority+NdisFreeMemory 1 KiB";
        b.name = "malloc+free 1 KiB";
        verdict("one thread", bench_compare(&a, &b, 400000, 21), 1.2, 1);
        a = (struct bench_op){"NdisAllocateMemoryWithTagPriority+NdisFreeMemory 64 B, 2 threads",
                              ndis_memory_two, (void *)64};
        b = (struct bench_op){"malloc+free 64 B, 2 threads", libc_memory_two, (void *)64};
        verdict("two threads", bench_compare(&a, &b, 400000, 11), 1.3, 1);

        ndis_bench_teardown();
        NdisFreeNetBufferPool(nb_pool_h);
        return 0;
}
