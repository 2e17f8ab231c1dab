/* ke_irql.c - the simulated IRQL (KeGetCurrentIrql, KeRaiseIrql, KeLowerIrql) and
 * NDIS spin locks. A spin lock is a real lock (a pthread spin lock inside the
 * KSPIN_LOCK word); acquiring it raises the thread to DISPATCH_LEVEL and keeps the
 * previous level in the NDIS_SPIN_LOCK, releasing restores it. */
#include <pthread.h>

#include "ndis_internal.h"

_Static_assert(sizeof(pthread_spinlock_t) <= sizeof(KSPIN_LOCK), "the lock fits KSPIN_LOCK");

static pthread_spinlock_t *spin_of(PNDIS_SPIN_LOCK l)
{
        return (pthread_spinlock_t *)(void *)&l->SpinLock;
}

KIRQL KeGetCurrentIrql(VOID)
{
        return irql_current;
}

VOID KeRaiseIrql(KIRQL NewIrql, PKIRQL OldIrql)
{
        if (unlikely(NewIrql < irql_current) && NDIS_VERIFYING()) {
                uint64_t prm[4] = {DV_RAISE_IRQL_INVALID, irql_current, NewIrql, 0};

                verifier_report(DRIVER_VERIFIER_DETECTED_VIOLATION, prm, "irql_raise_lower",
                                "KeRaiseIrql",
                                "asked to raise IRQL from %u to %u, which is lower: use "
                                "KeLowerIrql",
                                irql_current, NewIrql);
        }
        *OldIrql = irql_current;
        irql_current = NewIrql;
}

VOID KeLowerIrql(KIRQL NewIrql)
{
        if (unlikely(NewIrql > irql_current) && NDIS_VERIFYING()) {
                uint64_t prm[4] = {DV_LOWER_IRQL_INVALID, irql_current, NewIrql, 0};

                verifier_report(DRIVER_VERIFIER_DETECTED_VIOLATION, prm, "irql_lower_higher",
                                "KeLowerIrql",
                                "asked to lower IRQL from %u to %u, which is higher: use "
                                "KeRaiseIrql",
                                irql_current, NewIrql);
        }
        irql_current = NewIrql;
}

VOID NdisAllocateSpinLock(PNDIS_SPIN_LOCK SpinLock)
{
        SpinLock->SpinLock = 0;
        SpinLock->OldIrql = PASSIVE_LEVEL;
        pthread_spin_init(spin_of(SpinLock), PTHREAD_PROCESS_PRIVATE);
}

VOID NdisFreeSpinLock(PNDIS_SPIN_LOCK SpinLock)
{
        pthread_spin_destroy(spin_of(SpinLock));
}

VOID NdisAcquireSpinLock(PNDIS_SPIN_LOCK SpinLock)
{
        KIRQL old = irql_current;

        irql_check_max("NdisAcquireSpinLock", IRQL_DISPATCH, 0);
        pthread_spin_lock(spin_of(SpinLock));
        irql_current = DISPATCH_LEVEL;
        SpinLock->OldIrql = old;
}

VOID NdisReleaseSpinLock(PNDIS_SPIN_LOCK SpinLock)
{
        KIRQL old = SpinLock->OldIrql;

        pthread_spin_unlock(spin_of(SpinLock));
        irql_current = old;
}

static void dpr_check(const char *api)
{
        if (unlikely(irql_current != DISPATCH_LEVEL) && NDIS_VERIFYING()) {
                uint64_t prm[4] = {irql_current, DISPATCH_LEVEL, 0, 0};

                verifier_report(WINNET_BUGCHECK(W_IRQL_NOT_DISPATCH), prm, "irql_not_dispatch", api,
                                "called at IRQL %u; it must be called at DISPATCH_LEVEL (use "
                                "NdisAcquireSpinLock below it)",
                                irql_current);
        }
}

VOID NdisDprAcquireSpinLock(PNDIS_SPIN_LOCK SpinLock)
{
        dpr_check("NdisDprAcquireSpinLock");
        pthread_spin_lock(spin_of(SpinLock));
}

VOID NdisDprReleaseSpinLock(PNDIS_SPIN_LOCK SpinLock)
{
        dpr_check("NdisDprReleaseSpinLock");
        pthread_spin_unlock(spin_of(SpinLock));
}
