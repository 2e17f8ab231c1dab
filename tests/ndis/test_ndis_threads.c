/* test_ndis_threads.c - NBLs and NET_BUFFERs allocated on one thread and freed on
 * another (a send path and its completion), through a locked queue; the per-thread
 * caches must hand objects back across threads, and the pool must count exactly.
 * Runs in the TSan suite (label tsan). */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ndis_test.h"

#define ROUNDS 20000
#define QCAP   256

struct queue {
        pthread_mutex_t lock;
        pthread_cond_t cond;
        void *item[QCAP];
        size_t head, len;
        int done;
};

static void queue_put(struct queue *q, void *p)
{
        pthread_mutex_lock(&q->lock);
        while (q->len == QCAP)
                pthread_cond_wait(&q->cond, &q->lock);
        q->item[(q->head + q->len++) % QCAP] = p;
        pthread_cond_broadcast(&q->cond);
        pthread_mutex_unlock(&q->lock);
}

static void *queue_get(struct queue *q)
{
        void *p = NULL;

        pthread_mutex_lock(&q->lock);
        while (!q->len && !q->done)
                pthread_cond_wait(&q->cond, &q->lock);
        if (q->len) {
                p = q->item[q->head];
                q->head = (q->head + 1) % QCAP;
                q->len--;
                pthread_cond_broadcast(&q->cond);
        }
        pthread_mutex_unlock(&q->lock);
        return p;
}

struct ctx {
        struct queue q;
        NDIS_HANDLE nbl_pool, nb_pool;
        long freed;
};

static void *completion_thread(void *arg)
{
        struct ctx *c = arg;
        PNET_BUFFER_LIST nbl;

        while ((nbl = queue_get(&c->q))) {
                PNET_BUFFER extra = NET_BUFFER_NEXT_NB(NET_BUFFER_LIST_FIRST_NB(nbl));
                unsigned char *d = MmGetSystemAddressForMdlSafe(
                    NET_BUFFER_FIRST_MDL(NET_BUFFER_LIST_FIRST_NB(nbl)), NormalPagePriority);

                assert_int_equal(d[0], (unsigned char)(uintptr_t)NET_BUFFER_LIST_INFO(nbl, 0));
                NET_BUFFER_NEXT_NB(NET_BUFFER_LIST_FIRST_NB(nbl)) = NULL;
                NdisFreeNetBuffer(extra);
                NdisFreeNetBufferList(nbl);
                c->freed++;
        }
        return NULL;
}

static void run(int verifying)
{
        struct ctx c;
        pthread_t t;
        long i;

        memset(&c, 0, sizeof(c));
        pthread_mutex_init(&c.q.lock, NULL);
        pthread_cond_init(&c.q.cond, NULL);
        if (verifying) {
                winnet_verifier_enable(WINNET_VERIFIER_TRACK | WINNET_VERIFIER_IRQL);
                winnet_verifier_set_policy(WINNET_REPORT_ABORT);
        }
        c.nbl_pool = nbl_pool(NULL, 'dnsT', TRUE, 128, 16, 0);
        c.nb_pool = nb_pool(NULL, 'dnsT', 64, 0);
        pthread_create(&t, NULL, completion_thread, &c);
        for (i = 0; i < (verifying ? ROUNDS / 10 : ROUNDS); i++) {
                PNET_BUFFER_LIST nbl = NdisAllocateNetBufferList(c.nbl_pool, 16, 0);
                PNET_BUFFER extra = NdisAllocateNetBufferMdlAndData(c.nb_pool);
                unsigned char *d;

                assert_non_null(nbl);
                assert_non_null(extra);
                d = MmGetSystemAddressForMdlSafe(
                    NET_BUFFER_FIRST_MDL(NET_BUFFER_LIST_FIRST_NB(nbl)), NormalPagePriority);
                d[0] = (unsigned char)i;
                NET_BUFFER_LIST_INFO(nbl, 0) = (PVOID)(uintptr_t)(unsigned char)i;
                NET_BUFFER_NEXT_NB(NET_BUFFER_LIST_FIRST_NB(nbl)) = extra;
                queue_put(&c.q, nbl);
        }
        pthread_mutex_lock(&c.q.lock);
        c.q.done = 1;
        pthread_cond_broadcast(&c.q.cond);
        pthread_mutex_unlock(&c.q.lock);
        pthread_join(t, NULL);
        assert_int_equal(c.freed, verifying ? ROUNDS / 10 : ROUNDS);
        assert_int_equal(winnet_ndis_pool_outstanding(c.nbl_pool), 0);
        assert_int_equal(winnet_ndis_pool_outstanding(c.nb_pool), 0);
        NdisFreeNetBufferListPool(c.nbl_pool);
        NdisFreeNetBufferPool(c.nb_pool);
        if (verifying)
                winnet_verifier_disable(WINNET_VERIFIER_ALL);
        pthread_cond_destroy(&c.q.cond);
        pthread_mutex_destroy(&c.q.lock);
}

static void producer_consumer(void **state)
{
        (void)state;
        run(0);
}

static void producer_consumer_verifying(void **state)
{
        (void)state;
        run(1);
}

static void *memory_worker(void *arg)
{
        void **slot = arg;
        int i;

        for (i = 0; i < 20000; i++) {
                void *p = NdisAllocateMemoryWithTagPriority(NULL, 64, 'mrhT', NormalPoolPriority);

                /* Swap with the shared slot: frees what the other thread allocated. */
                p = __atomic_exchange_n(slot, p, __ATOMIC_ACQ_REL);
                NdisFreeMemory(p, 0, 0);
        }
        return NULL;
}

static void memory_freed_on_the_other_thread(void **state)
{
        struct winnet_ndis_tag_usage u[64];
        void *slot = NULL;
        pthread_t a, b;
        size_t n, i;

        (void)state;
        pthread_create(&a, NULL, memory_worker, &slot);
        pthread_create(&b, NULL, memory_worker, &slot);
        pthread_join(a, NULL);
        pthread_join(b, NULL);
        NdisFreeMemory(slot, 0, 0);
        n = winnet_ndis_tag_usage(u, 64);
        for (i = 0; i < n && i < 64; i++)
                if (u[i].tag == 'mrhT') {
                        assert_int_equal(u[i].allocations, 40000);
                        assert_int_equal(u[i].frees, 40000);
                        assert_int_equal(u[i].bytes_live, 0);
                        return;
                }
        fail_msg("tag Thrm not counted");
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(producer_consumer),
            cmocka_unit_test(producer_consumer_verifying),
            cmocka_unit_test(memory_freed_on_the_other_thread),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
