/* test_ndis_verifier.c - every NDIS verifier rule as a death test: the child
 * commits the fault with the verifier on (policy abort), and the report must name
 * the rule, the object and its tag (and the bug check); quarantine and guard-page
 * faults must kill the child at the faulting access. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "death.h"
#include "ndis_test.h"

static void verifying(void)
{
        winnet_verifier_enable(WINNET_VERIFIER_ALL & ~WINNET_VERIFIER_LEAKS_AT_EXIT);
        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
}

/* cmocka catches SIGSEGV in the test process: the child restores the default so a
 * guard-page or quarantine fault kills it the way it would kill a driver test. */
static void (*child_fn)(void *);

static void child(void *arg)
{
        signal(SIGSEGV, SIG_DFL);
        signal(SIGBUS, SIG_DFL);
        child_fn(arg);
}

/* Runs fn in a child, expects it to die of `sig` with every string of `want` (NULL
 * terminated) in its stderr. */
static void expect_death(void (*fn)(void *), int sig, const char *const *want)
{
        struct death d;

        child_fn = fn;
        death_run(child, NULL, &d);
        if (d.signal != sig)
                fail_msg("expected signal %d, got signal %d / exit %d; stderr:\n%s", sig, d.signal,
                         d.exit_code, d.stderr);
        for (; *want; want++)
                if (!strstr(d.stderr, *want))
                        fail_msg("report lacks '%s'; stderr:\n%s", *want, d.stderr);
}

#define EXPECT(fn, sig, ...)                                            \
        do {                                                            \
                static const char *const want_[] = {__VA_ARGS__, NULL}; \
                expect_death(fn, sig, want_);                           \
        } while (0)

/* ---- memory ---- */

static void memory_double_free(void *arg)
{
        void *p;

        (void)arg;
        verifying();
        p = NdisAllocateMemoryWithTagPriority(NULL, 32, 'lbDt', NormalPoolPriority);
        NdisFreeMemory(p, 0, 0);
        NdisFreeMemory(p, 0, 0);
}

static void memory_double_free_reported(void **state)
{
        (void)state;
        EXPECT(memory_double_free, SIGABRT, "double_free", "NdisFreeMemory", "tDbl",
               "bug check 0xC4 (0x14");
}

static void memory_bad_pointer(void *arg)
{
        static char not_pool[64] __attribute__((aligned(16)));

        (void)arg;
        verifying();
        NdisFreeMemory(not_pool + 32, 0, 0);
}

static void memory_bad_pointer_reported(void **state)
{
        (void)state;
        EXPECT(memory_bad_pointer, SIGABRT, "bad_pointer", "NdisFreeMemory",
               "bug check 0xC4 (0x10");
}

static void memory_zero_tag(void *arg)
{
        (void)arg;
        verifying();
        NdisAllocateMemoryWithTagPriority(NULL, 32, 0, NormalPoolPriority);
}

static void zero_tag_reported(void **state)
{
        (void)state;
        EXPECT(memory_zero_tag, SIGABRT, "zero_tag", "NdisAllocateMemoryWithTagPriority",
               "bug check 0x57A00101");
}

static void memory_flags(void *arg)
{
        void *p;

        (void)arg;
        verifying();
        p = NdisAllocateMemoryWithTagPriority(NULL, 32, 'galF', NormalPoolPriority);
        NdisFreeMemory(p, 32, NDIS_MEMORY_CONTIGUOUS);
}

static void memory_flags_reported(void **state)
{
        (void)state;
        EXPECT(memory_flags, SIGABRT, "memory_flags", "NdisFreeMemory", "MemoryFlags 0x1",
               "bug check 0x57A00102");
}

static void contiguous_free_at_apc(void *arg)
{
        KIRQL old;
        void *p;

        (void)arg;
        verifying();
        p = NdisAllocateMemoryWithTagPriority(NULL, 32, 'galF', NormalPoolPriority);
        KeRaiseIrql(APC_LEVEL, &old);
        NdisFreeMemory(p, 32, NDIS_MEMORY_CONTIGUOUS);
}

static void noncached_free_at_dispatch(void *arg)
{
        KIRQL old;
        void *p;

        (void)arg;
        verifying();
        p = NdisAllocateMemoryWithTagPriority(NULL, 32, 'galF', NormalPoolPriority);
        KeRaiseIrql(DISPATCH_LEVEL, &old);
        NdisFreeMemory(p, 32, NDIS_MEMORY_NONCACHED);
}

static void free_above_dispatch(void *arg)
{
        KIRQL old;
        void *p;

        (void)arg;
        verifying();
        p = NdisAllocateMemoryWithTagPriority(NULL, 32, 'galF', NormalPoolPriority);
        KeRaiseIrql(DISPATCH_LEVEL + 1, &old);
        NdisFreeMemory(p, 0, 0);
}

static void allocate_above_dispatch(void *arg)
{
        KIRQL old;

        (void)arg;
        verifying();
        KeRaiseIrql(DISPATCH_LEVEL + 1, &old);
        NdisAllocateMemoryWithTagPriority(NULL, 32, 'galF', NormalPoolPriority);
}

static void memory_irql_rules(void **state)
{
        (void)state;
        EXPECT(contiguous_free_at_apc, SIGABRT, "irql_too_high", "NdisFreeMemory", "APC_LEVEL",
               "bug check 0xC4 (0x11");
        EXPECT(noncached_free_at_dispatch, SIGABRT, "irql_too_high", "NdisFreeMemory",
               "DISPATCH_LEVEL", "bug check 0xC4 (0x11");
        EXPECT(free_above_dispatch, SIGABRT, "irql_too_high", "NdisFreeMemory",
               "bug check 0xC4 (0x12");
        EXPECT(allocate_above_dispatch, SIGABRT, "irql_too_high",
               "NdisAllocateMemoryWithTagPriority", "bug check 0xC4 (0x2");
}

static void tag_mismatch(void *arg)
{
        void *p;

        (void)arg;
        verifying();
        p = NdisAllocateMemoryWithTagPriority(NULL, 32, 'enOT', NormalPoolPriority);
        NdisFreeMemoryWithTagPriority(NULL, p, 'owTT');
}

static void handle_mismatch(void *arg)
{
        NDIS_HANDLE a = winnet_ndis_open_driver("alpha"), b = winnet_ndis_open_driver("beta");
        void *p;

        (void)arg;
        verifying();
        p = NdisAllocateMemoryWithTagPriority(a, 32, 'enOT', NormalPoolPriority);
        NdisFreeMemoryWithTagPriority(b, p, 'enOT');
}

static void free_with_tag_priority_checks(void **state)
{
        (void)state;
        EXPECT(tag_mismatch, SIGABRT, "tag_mismatch", "NdisFreeMemoryWithTagPriority", "TOne",
               "TTwo");
        EXPECT(handle_mismatch, SIGABRT, "handle_mismatch", "'alpha'", "'beta'", "TOne");
}

static void overrun_write(void *arg)
{
        unsigned char *p;

        (void)arg;
        p = NdisAllocateMemoryWithTagPriority(NULL, 64, 'nurO',
                                              NormalPoolPrioritySpecialPoolOverrun);
        p[64] = 1; /* the guard page */
}

static void underrun_write(void *arg)
{
        unsigned char *p;

        (void)arg;
        p = NdisAllocateMemoryWithTagPriority(NULL, 64, 'nurU',
                                              NormalPoolPrioritySpecialPoolUnderrun);
        p[-1] = 1;
}

static void slack_write(void *arg)
{
        unsigned char *p;

        (void)arg;
        verifying();
        p = NdisAllocateMemoryWithTagPriority(NULL, 60, 'kclS', HighPoolPrioritySpecialPoolOverrun);
        p[61] = 1; /* inside the 4 bytes of alignment slack */
        NdisFreeMemory(p, 0, 0);
}

static void special_pool_guards(void **state)
{
        (void)state;
        EXPECT(overrun_write, SIGSEGV, "");
        EXPECT(underrun_write, SIGSEGV, "");
        EXPECT(slack_write, SIGABRT, "special_pool_corruption", "Slck", "byte 1 past its end");
}

static void memory_use_after_free_in_quarantine(void *arg)
{
        unsigned char *p;

        (void)arg;
        verifying();
        p = NdisAllocateMemoryWithTagPriority(NULL, 64, 'raQt', NormalPoolPriority);
        NdisFreeMemory(p, 0, 0);
        p[0] = 1;
}

static void memory_double_free_in_quarantine(void *arg)
{
        unsigned char *p;

        (void)arg;
        verifying();
        p = NdisAllocateMemoryWithTagPriority(NULL, 64, 'raQt', NormalPoolPriority);
        NdisFreeMemory(p, 0, 0);
        NdisFreeMemory(p, 0, 0);
}

static void quarantine_makes_freed_memory_fault(void **state)
{
        (void)state;
        EXPECT(memory_use_after_free_in_quarantine, SIGSEGV, "");
        EXPECT(memory_double_free_in_quarantine, SIGABRT, "double_free", "NdisFreeMemory");
}

/* ---- pools and objects ---- */

static void bad_header(void *arg)
{
        NET_BUFFER_POOL_PARAMETERS p = {0};

        (void)arg;
        verifying();
        p.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
        p.Header.Revision = NET_BUFFER_POOL_PARAMETERS_REVISION_2;
        p.Header.Size = NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1; /* too small for rev 2 */
        p.PoolTag = 'rdHB';
        NdisAllocateNetBufferPool(NULL, &p);
}

static void invalid_object_header_reported(void **state)
{
        (void)state;
        EXPECT(bad_header, SIGABRT, "invalid_object_header", "NdisAllocateNetBufferPool",
               "bug check 0x7C (0x21", "Size 12");
}

static void mdl_and_data_on_dataless_pool(void *arg)
{
        (void)arg;
        verifying();
        NdisAllocateNetBufferMdlAndData(nb_pool(NULL, 'dniK', 0, 0));
}

static void nb_from_nbl_pool(void *arg)
{
        (void)arg;
        verifying();
        NdisAllocateNetBuffer(nbl_pool(NULL, 'dniK', FALSE, 0, 0, 0), NULL, 0, 0);
}

static void nb_and_nbl_on_data_pool(void *arg)
{
        (void)arg;
        verifying();
        NdisAllocateNetBufferAndNetBufferList(nbl_pool(NULL, 'dniK', TRUE, 64, 0, 0), 0, 0, NULL, 0,
                                              0);
}

static void pool_kind_misuse_reported(void **state)
{
        (void)state;
        EXPECT(mdl_and_data_on_dataless_pool, SIGABRT, "pool_kind",
               "NdisAllocateNetBufferMdlAndData", "Kind", "DataSize 0");
        EXPECT(nb_from_nbl_pool, SIGABRT, "pool_kind", "NdisAllocateNetBuffer",
               "NET_BUFFER_LIST pool", "Kind");
        EXPECT(nb_and_nbl_on_data_pool, SIGABRT, "pool_kind",
               "NdisAllocateNetBufferAndNetBufferList", "Kind", "DataSize 64");
}

static void nb_double_free(void *arg)
{
        PNET_BUFFER nb = NdisAllocateNetBufferMdlAndData(nb_pool(NULL, 'lbDN', 64, 0));

        (void)arg;
        winnet_verifier_set_policy(WINNET_REPORT_ABORT); /* even with the verifier off */
        NdisFreeNetBuffer(nb);
        NdisFreeNetBuffer(nb);
}

static void nbl_double_free_verifying(void *arg)
{
        PNET_BUFFER_LIST nbl;

        (void)arg;
        verifying();
        nbl = NdisAllocateNetBufferList(nbl_pool(NULL, 'lbDL', TRUE, 64, 0, 0), 0, 0);
        NdisFreeNetBufferList(nbl);
        NdisFreeNetBufferList(nbl);
}

static void object_double_free_reported(void **state)
{
        (void)state;
        EXPECT(nb_double_free, SIGABRT, "double_free", "NdisFreeNetBuffer", "NDbl", "NET_BUFFER",
               "bug check 0x57A00113");
        EXPECT(nbl_double_free_verifying, SIGABRT, "double_free", "NdisFreeNetBufferList", "LDbl");
}

static void nbl_freed_as_nb(void *arg)
{
        PNET_BUFFER_LIST nbl =
            NdisAllocateNetBufferList(nbl_pool(NULL, 'llaC', FALSE, 0, 0, 0), 0, 0);

        (void)arg;
        verifying();
        NdisFreeNetBuffer((PNET_BUFFER)nbl);
}

static void nb_freed_as_memory(void *arg)
{
        PNET_BUFFER nb = NdisAllocateNetBufferMdlAndData(nb_pool(NULL, 'llaC', 64, 0));

        (void)arg;
        verifying();
        NdisFreeMemory(nb, 0, 0);
}

static void preallocated_nb_freed_alone(void *arg)
{
        PNET_BUFFER_LIST nbl =
            NdisAllocateNetBufferList(nbl_pool(NULL, 'llaC', TRUE, 64, 0, 0), 0, 0);

        (void)arg;
        verifying();
        NdisFreeNetBuffer(NET_BUFFER_LIST_FIRST_NB(nbl));
}

static void memory_freed_as_mdl(void *arg)
{
        void *p = NdisAllocateMemoryWithTagPriority(NULL, 64, 'llaC', NormalPoolPriority);

        (void)arg;
        verifying();
        NdisFreeMdl(p);
}

static void nb_pool_freed_as_nbl_pool(void *arg)
{
        (void)arg;
        verifying();
        NdisFreeNetBufferListPool(nb_pool(NULL, 'llaC', 0, 0));
}

static void wrong_free_call_reported(void **state)
{
        (void)state;
        EXPECT(nbl_freed_as_nb, SIGABRT, "wrong_free_call", "NdisFreeNetBuffer", "Call",
               "NdisFreeNetBufferList");
        EXPECT(nb_freed_as_memory, SIGABRT, "wrong_free_call", "NdisFreeMemory", "Call",
               "NET_BUFFER");
        EXPECT(preallocated_nb_freed_alone, SIGABRT, "wrong_free_call", "preallocated", "Call");
        EXPECT(memory_freed_as_mdl, SIGABRT, "wrong_free_call", "NdisFreeMdl", "Call",
               "NdisFreeMemory");
        EXPECT(nb_pool_freed_as_nbl_pool, SIGABRT, "pool_kind", "NdisFreeNetBufferListPool",
               "Call");
}

/* Exported: the report names it as the allocating call site (dladdr). */
#define EXPORTED __attribute__((visibility("default"), noinline))
EXPORTED PNET_BUFFER leaky_receive_path(NDIS_HANDLE pool);
EXPORTED PNET_BUFFER leaky_receive_path(NDIS_HANDLE pool)
{
        PNET_BUFFER nb = NdisAllocateNetBufferMdlAndData(pool);

        __asm__ volatile("" : : "r"(nb) : "memory"); /* no tail call: keep this frame */
        return nb;
}

static void pool_freed_busy(void *arg)
{
        NDIS_HANDLE pool;

        (void)arg;
        verifying();
        pool = nb_pool(NULL, 'ysuB', 128, 0);
        leaky_receive_path(pool);
        leaky_receive_path(pool);
        NdisFreeNetBufferPool(pool);
}

static void pool_freed_busy_untracked(void *arg)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'ysuB', 128, 0);

        (void)arg;
        leaky_receive_path(pool);
        verifying();
        NdisFreeNetBufferPool(pool);
}

static void pool_not_empty_reported(void **state)
{
        (void)state;
        EXPECT(pool_freed_busy, SIGABRT, "pool_not_empty", "NdisFreeNetBufferPool", "Busy",
               "2 NET_BUFFER(s) outstanding", "leaky_receive_path", "bug check 0x57A00110");
        EXPECT(pool_freed_busy_untracked, SIGABRT, "pool_not_empty", "Busy",
               "1 more, allocated while not verifying");
}

static void nbl_with_context(void *arg)
{
        PNET_BUFFER_LIST nbl;

        (void)arg;
        verifying();
        nbl = NdisAllocateNetBufferList(nbl_pool(NULL, 'txtC', FALSE, 0, 0, 0), 0, 0);
        NdisAllocateNetBufferListContext(nbl, 32, 0, 'txtC');
        NdisFreeNetBufferList(nbl);
}

static void context_over_freed(void *arg)
{
        PNET_BUFFER_LIST nbl;

        (void)arg;
        verifying();
        nbl = NdisAllocateNetBufferList(nbl_pool(NULL, 'txtC', FALSE, 0, 16, 0), 16, 0);
        NdisFreeNetBufferListContext(nbl, 16); /* the NBL's own context, not one it added */
}

static void context_rules_reported(void **state)
{
        (void)state;
        EXPECT(nbl_with_context, SIGABRT, "nbl_context_outstanding", "NdisFreeNetBufferList",
               "Ctxt", "32 bytes", "bug check 0x57A00115");
        EXPECT(context_over_freed, SIGABRT, "context_mismatch", "NdisFreeNetBufferListContext",
               "Ctxt");
}

static void nb_past_its_chain(void *arg)
{
        PNET_BUFFER nb;

        (void)arg;
        verifying();
        nb = NdisAllocateNetBufferMdlAndData(nb_pool(NULL, 'vnIN', 100, 0));
        NET_BUFFER_DATA_LENGTH(nb) = 120; /* the driver writes the field directly */
        NdisGetDataBuffer(nb, 4, NULL, 1, 0);
}

static void nb_current_mdl_wrong(void *arg)
{
        PNET_BUFFER nb;

        (void)arg;
        verifying();
        nb = NdisAllocateNetBufferMdlAndData(nb_pool(NULL, 'vnIN', 100, 0));
        NET_BUFFER_DATA_OFFSET(nb) = 10;
        NET_BUFFER_DATA_LENGTH(nb) = 10; /* CurrentMdlOffset not updated */
        NdisFreeNetBuffer(nb);
}

static void nb_invariants_reported(void **state)
{
        (void)state;
        EXPECT(nb_past_its_chain, SIGABRT, "nb_invariant", "NdisGetDataBuffer", "NInv",
               "100 bytes of its MDL chain", "bug check 0x57A00116");
        EXPECT(nb_current_mdl_wrong, SIGABRT, "nb_invariant", "NdisFreeNetBuffer", "NInv",
               "CurrentMdl");
}

static void nb_use_after_free(void *arg)
{
        PNET_BUFFER nb;

        (void)arg;
        nb =
            NdisAllocateNetBufferMdlAndData(nb_pool(NULL, 'FAUN', 64, NET_BUFFER_POOL_FLAG_VERIFY));
        NdisFreeNetBuffer(nb);
        NET_BUFFER_DATA_LENGTH(nb) = 1;
}

static void nb_double_free_in_quarantine(void *arg)
{
        PNET_BUFFER nb;

        (void)arg;
        nb =
            NdisAllocateNetBufferMdlAndData(nb_pool(NULL, 'FAUN', 64, NET_BUFFER_POOL_FLAG_VERIFY));
        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
        NdisFreeNetBuffer(nb);
        NdisFreeNetBuffer(nb);
}

static void nbl_use_after_free_quarantine_option(void *arg)
{
        PNET_BUFFER_LIST nbl;

        (void)arg;
        winnet_verifier_enable(WINNET_VERIFIER_QUARANTINE);
        nbl = NdisAllocateNetBufferList(nbl_pool(NULL, 'FAUL', FALSE, 0, 0, 0), 0, 0);
        NdisFreeNetBufferList(nbl);
        NET_BUFFER_LIST_STATUS(nbl) = 0;
}

/* The pool served this thread before quarantine was switched on: its warm thread
 * cache must not take the quarantined NET_BUFFER in. */
static void nb_use_after_free_warm_cache(void *arg)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'FAUW', 0, 0);
        PNET_BUFFER nb;

        (void)arg;
        NdisFreeNetBuffer(NdisAllocateNetBuffer(pool, NULL, 0, 0));
        winnet_verifier_enable(WINNET_VERIFIER_QUARANTINE);
        nb = NdisAllocateNetBuffer(pool, NULL, 0, 0);
        NdisFreeNetBuffer(nb);
        NET_BUFFER_DATA_LENGTH(nb) = 1;
}

static void verify_flag_and_quarantine_make_use_after_free_fault(void **state)
{
        (void)state;
        EXPECT(nb_use_after_free, SIGSEGV, "");
        EXPECT(nb_use_after_free_warm_cache, SIGSEGV, "");
        EXPECT(nb_double_free_in_quarantine, SIGABRT, "double_free", "NdisFreeNetBuffer", "NUAF",
               "quarantine");
        EXPECT(nbl_use_after_free_quarantine_option, SIGSEGV, "");
}

static void nb_irql(void *arg)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'lqrI', 0, 0);
        KIRQL old;

        (void)arg;
        verifying();
        KeRaiseIrql(DISPATCH_LEVEL + 1, &old);
        NdisFreeNetBufferPool(pool);
}

static void raise_to_lower(void *arg)
{
        KIRQL old;

        (void)arg;
        verifying();
        KeRaiseIrql(DISPATCH_LEVEL, &old);
        KeRaiseIrql(PASSIVE_LEVEL, &old);
}

static void dpr_lock_at_passive(void *arg)
{
        NDIS_SPIN_LOCK l;

        (void)arg;
        verifying();
        NdisAllocateSpinLock(&l);
        NdisDprAcquireSpinLock(&l);
}

static void irql_rules_reported(void **state)
{
        (void)state;
        EXPECT(nb_irql, SIGABRT, "irql_too_high", "NdisFreeNetBufferPool", "bug check 0xC4");
        EXPECT(raise_to_lower, SIGABRT, "irql_raise_lower", "KeRaiseIrql", "bug check 0xC4 (0x30");
        EXPECT(dpr_lock_at_passive, SIGABRT, "irql_not_dispatch", "NdisDprAcquireSpinLock");
}

static void mdl_on_stack(void *arg)
{
        char buf[64];

        (void)arg;
        verifying();
        NdisAllocateMdl(NULL, buf, sizeof(buf));
}

static void retreat_mdl_left(void *arg)
{
        PNET_BUFFER nb;

        (void)arg;
        verifying();
        nb = NdisAllocateNetBufferMdlAndData(nb_pool(NULL, 'trtR', 64, 0));
        NdisRetreatNetBufferDataStart(nb, 14, 0, NULL);
        NdisFreeNetBuffer(nb);
}

static void mdl_rules_reported(void **state)
{
        (void)state;
        EXPECT(mdl_on_stack, SIGABRT, "mdl_address", "NdisAllocateMdl", "the stack");
        EXPECT(retreat_mdl_left, SIGABRT, "retreat_mdl_outstanding", "NdisFreeNetBuffer", "Rtrt");
}

/* ---- unload and exit ---- */

EXPORTED void *leaky_init(NDIS_HANDLE drv);
EXPORTED void *leaky_init(NDIS_HANDLE drv)
{
        void *p = NdisAllocateMemoryWithTagPriority(drv, 200, 'kaeL', NormalPoolPriority);

        __asm__ volatile("" : : "r"(p) : "memory");
        return p;
}

static void unload_with_memory(void *arg)
{
        NDIS_HANDLE drv = winnet_ndis_open_driver("leaky");

        (void)arg;
        verifying();
        leaky_init(drv);
        leaky_init(drv);
        winnet_ndis_close_driver(drv);
}

static void unload_with_nbls(void *arg)
{
        NDIS_HANDLE drv = winnet_ndis_open_driver("nblleak");
        NDIS_HANDLE pool;

        (void)arg;
        verifying();
        pool = nbl_pool(drv, 'kaeL', FALSE, 0, 0, 0);
        NdisAllocateNetBufferList(pool, 0, 0);
        winnet_ndis_close_driver(drv);
}

static void unload_with_empty_pool(void *arg)
{
        NDIS_HANDLE drv = winnet_ndis_open_driver("poolleak");

        (void)arg;
        verifying();
        nb_pool(drv, 'kaeL', 0, 0);
        winnet_ndis_close_driver(drv);
}

static void leak_at_exit(void *arg)
{
        (void)arg;
        winnet_verifier_enable(WINNET_VERIFIER_LEAKS_AT_EXIT);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        leaky_init(winnet_ndis_open_driver("exiting"));
        exit(0);
}

static void leaks_reported_at_unload_and_exit(void **state)
{
        struct death d;

        (void)state;
        EXPECT(unload_with_memory, SIGABRT, "leak_at_unload", "'leaky'", "Leak",
               "2 allocations, 0 frees, 2 outstanding, 400 bytes live", "leaky_init",
               "bug check 0xC4 (0x62");
        EXPECT(unload_with_nbls, SIGABRT, "nbl_leaked_at_unload", "'nblleak'", "Leak",
               "1 NET_BUFFER_LIST(s) outstanding", "bug check 0x7C (0x27");
        EXPECT(unload_with_empty_pool, SIGABRT, "leak_at_unload", "NET_BUFFER pool", "Leak",
               "not freed");
        death_run(leak_at_exit, NULL, &d);
        assert_int_equal(d.exit_code, 0);
        if (!strstr(d.stderr, "Leak") || !strstr(d.stderr, "'exiting'") ||
            !strstr(d.stderr, "leaky_init"))
                fail_msg("exit report lacks the leak; stderr:\n%s", d.stderr);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(memory_double_free_reported),
            cmocka_unit_test(memory_bad_pointer_reported),
            cmocka_unit_test(zero_tag_reported),
            cmocka_unit_test(memory_flags_reported),
            cmocka_unit_test(memory_irql_rules),
            cmocka_unit_test(free_with_tag_priority_checks),
            cmocka_unit_test(special_pool_guards),
            cmocka_unit_test(quarantine_makes_freed_memory_fault),
            cmocka_unit_test(invalid_object_header_reported),
            cmocka_unit_test(pool_kind_misuse_reported),
            cmocka_unit_test(object_double_free_reported),
            cmocka_unit_test(wrong_free_call_reported),
            cmocka_unit_test(pool_not_empty_reported),
            cmocka_unit_test(context_rules_reported),
            cmocka_unit_test(nb_invariants_reported),
            cmocka_unit_test(verify_flag_and_quarantine_make_use_after_free_fault),
            cmocka_unit_test(irql_rules_reported),
            cmocka_unit_test(mdl_rules_reported),
            cmocka_unit_test(leaks_reported_at_unload_and_exit),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
