/* ndis_bench.h - what the NDIS benchmarks share: the NBL pool and MDL every run
 * allocates from, the batch of 32 NBL+NB allocations, and the producer/consumer
 * ring that carries buffers from the allocating thread to the freeing one. */
#ifndef WINNET_BENCH_NDIS_BENCH_H
#define WINNET_BENCH_NDIS_BENCH_H

#include <stddef.h>

#include "ndis.h"

#define BATCH     32
#define RING      1024
#define BENCH_TAG 'hcnB'

/* An NBL pool with fAllocateNetBuffer and no data, and one 2 KiB MDL the
 * NET_BUFFERs describe. */
extern NDIS_HANDLE nbl_pool_h;
extern PMDL shared_mdl;

/* Creates both; 0, or -1 (reported) when NDIS refuses. */
int ndis_bench_setup(void);
void ndis_bench_teardown(void);

/* NdisAllocateNetBufferAndNetBufferList x BATCH, then NdisFreeNetBufferList x BATCH. */
void nbl_batch(void *ctx, size_t iters);
/* Spins briefly, then yields: the machine may have fewer free cores than threads. */
void spin_wait(void);

/* A single-producer, single-consumer ring of `count` objects. */
struct ring {
        void *slot[RING];
        size_t head __attribute__((aligned(64))); /* written by the producer */
        size_t tail __attribute__((aligned(64))); /* written by the consumer */
        size_t count;
};

/* The producer's loop: allocates `count` objects with get(ctx) and pushes them.
 * Inline, so that each benchmark's allocation is a direct call in the loop as it
 * would be in a driver. */
static inline __attribute__((always_inline)) void ring_produce(struct ring *r, void *(*get)(void *),
                                                               void *ctx)
{
        size_t n;

        for (n = 0; n < r->count; n++) {
                void *p = get(ctx);

                while (n - __atomic_load_n(&r->tail, __ATOMIC_ACQUIRE) >= RING)
                        spin_wait();
                r->slot[n % RING] = p;
                __atomic_store_n(&r->head, n + 1, __ATOMIC_RELEASE);
        }
}

/* The consumer's loop: pops `count` objects and frees each with put(ctx, p). */
static inline __attribute__((always_inline)) void
ring_consume(struct ring *r, void (*put)(void *, void *), void *ctx)
{
        size_t n;

        for (n = 0; n < r->count; n++) {
                size_t t = __atomic_load_n(&r->tail, __ATOMIC_RELAXED);
                void *p;

                while (__atomic_load_n(&r->head, __ATOMIC_ACQUIRE) == t)
                        spin_wait();
                p = r->slot[t % RING];
                __atomic_store_n(&r->tail, t + 1, __ATOMIC_RELEASE);
                put(ctx, p);
        }
}

/* The NDIS side of the rings: one NBL+NB of the shared pool over the shared
 * MDL, and its free. */
static inline __attribute__((always_inline)) void *nbl_get(void *ctx)
{
        (void)ctx;
        return NdisAllocateNetBufferAndNetBufferList(nbl_pool_h, 0, 0, shared_mdl, 0, 64);
}

static inline __attribute__((always_inline)) void nbl_put(void *ctx, void *p)
{
        (void)ctx;
        NdisFreeNetBufferList(p);
}

/* Prints whether `ratio` meets `limit`. */
void verdict(const char *what, double ratio, double limit, int lower_is_better);

#endif /* WINNET_BENCH_NDIS_BENCH_H */
