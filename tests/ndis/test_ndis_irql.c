/* test_ndis_irql.c - the simulated IRQL and NDIS spin locks: raise/lower, acquire
 * raising to DISPATCH_LEVEL and release restoring, the Dpr variants leaving the
 * level alone, and the lock excluding a second thread for real. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ndis_test.h"

static void raise_and_lower(void **state)
{
        KIRQL old = 0xff;

        (void)state;
        assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
        KeRaiseIrql(APC_LEVEL, &old);
        assert_int_equal(old, PASSIVE_LEVEL);
        assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
        KeRaiseIrql(DISPATCH_LEVEL, &old);
        assert_int_equal(old, APC_LEVEL);
        KeLowerIrql(old);
        assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
        KeLowerIrql(PASSIVE_LEVEL);
        assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static void spin_lock_raises_and_restores(void **state)
{
        NDIS_SPIN_LOCK lock;
        KIRQL old;

        (void)state;
        NdisAllocateSpinLock(&lock);
        NdisAcquireSpinLock(&lock);
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
        assert_int_equal(lock.OldIrql, PASSIVE_LEVEL);
        NdisReleaseSpinLock(&lock);
        assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
        /* From APC_LEVEL, release returns to APC_LEVEL. */
        KeRaiseIrql(APC_LEVEL, &old);
        NdisAcquireSpinLock(&lock);
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
        NdisReleaseSpinLock(&lock);
        assert_int_equal(KeGetCurrentIrql(), APC_LEVEL);
        KeLowerIrql(old);
        /* Dpr variants at DISPATCH_LEVEL leave it there. */
        KeRaiseIrql(DISPATCH_LEVEL, &old);
        NdisDprAcquireSpinLock(&lock);
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
        NdisDprReleaseSpinLock(&lock);
        assert_int_equal(KeGetCurrentIrql(), DISPATCH_LEVEL);
        KeLowerIrql(old);
        NdisFreeSpinLock(&lock);
}

struct counter {
        NDIS_SPIN_LOCK lock;
        long value;
};

static void *bump(void *arg)
{
        struct counter *c = arg;
        int i;

        for (i = 0; i < 100000; i++) {
                NdisAcquireSpinLock(&c->lock);
                c->value++;
                NdisReleaseSpinLock(&c->lock);
        }
        return NULL;
}

static void spin_lock_excludes_other_threads(void **state)
{
        struct counter c = {.value = 0};
        pthread_t t;

        (void)state;
        NdisAllocateSpinLock(&c.lock);
        pthread_create(&t, NULL, bump, &c);
        bump(&c);
        pthread_join(t, NULL);
        assert_int_equal(c.value, 200000);
        NdisFreeSpinLock(&c.lock);
}

static void irql_is_per_thread(void **state)
{
        KIRQL old;

        (void)state;
        KeRaiseIrql(DISPATCH_LEVEL, &old);
        /* A DDI allowed at DISPATCH_LEVEL works there. */
        {
                void *p = NdisAllocateMemoryWithTagPriority(NULL, 8, 'lqrI', NormalPoolPriority);

                assert_non_null(p);
                NdisFreeMemory(p, 0, 0);
        }
        KeLowerIrql(old);
        assert_int_equal(KeGetCurrentIrql(), PASSIVE_LEVEL);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(raise_and_lower),
            cmocka_unit_test(spin_lock_raises_and_restores),
            cmocka_unit_test(spin_lock_excludes_other_threads),
            cmocka_unit_test(irql_is_per_thread),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
