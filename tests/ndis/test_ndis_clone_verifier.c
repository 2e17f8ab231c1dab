/* test_ndis_clone_verifier.c - the verifier's rules for clones, fragments and
 * reassemblies as death tests: the child commits the fault with the verifier on
 * (policy abort) and the report must name the rule, the DDI, the object's kind and
 * its tag (and the bug check). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "clone_test.h"
#include "death.h"

#define CLONE_TAG 'nlCt' /* poolmon "tCln" */

static void verifying(void)
{
        winnet_verifier_enable(WINNET_VERIFIER_ALL & ~WINNET_VERIFIER_LEAKS_AT_EXIT);
        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
}

/* Runs fn in a child, expects it to die of SIGABRT with every string of `want`
 * (NULL terminated) in its stderr. */
static void expect_death(void (*fn)(void *), const char *const *want)
{
        struct death d;

        death_run(fn, NULL, &d);
        if (d.signal != SIGABRT)
                fail_msg("expected SIGABRT, got signal %d / exit %d; stderr:\n%s", d.signal,
                         d.exit_code, d.stderr);
        for (; *want; want++)
                if (!strstr(d.stderr, *want))
                        fail_msg("report lacks '%s'; stderr:\n%s", *want, d.stderr);
}

#define EXPECT(fn, ...)                                                 \
        do {                                                            \
                static const char *const want_[] = {__VA_ARGS__, NULL}; \
                expect_death(fn, want_);                                \
        } while (0)

static struct src s;
static NDIS_HANDLE lp, np;

/* The source, the test's pools (tag 'tCln'), the verifier on. */
static void setup(void)
{
        src_make(&s, NULL);
        lp = nbl_pool(NULL, CLONE_TAG, FALSE, 0, 0, 0);
        np = nb_pool(NULL, CLONE_TAG, 0, 0);
        verifying();
}

static PNET_BUFFER_LIST clone(void)
{
        return NdisAllocateCloneNetBufferList(s.nbl, lp, np, 0);
}

static PNET_BUFFER_LIST fragment(void)
{
        return NdisAllocateFragmentNetBufferList(s.nbl, lp, np, 0, 1000, 14, 0, 0);
}

/* ---- free through the wrong call ---- */

static void clone_freed_as_nbl(void *arg)
{
        (void)arg;
        setup();
        NdisFreeNetBufferList(clone());
}

static void nbl_freed_as_clone(void *arg)
{
        (void)arg;
        setup();
        NdisFreeCloneNetBufferList(s.nbl, 0);
}

static void fragment_freed_as_clone(void *arg)
{
        (void)arg;
        setup();
        NdisFreeCloneNetBufferList(fragment(), 0);
}

static void reassembled_freed_as_fragment(void *arg)
{
        (void)arg;
        setup();
        NdisFreeFragmentNetBufferList(NdisAllocateReassembledNetBufferList(s.nbl, NULL, 0, 0, 0, 0),
                                      0, 0);
}

static void clone_nb_freed_alone(void *arg)
{
        (void)arg;
        setup();
        NdisFreeNetBuffer(clone()->FirstNetBuffer->Next);
}

static void wrong_free_call_reported(void **state)
{
        (void)state;
        EXPECT(clone_freed_as_nbl, "wrong_free_call", "NdisFreeNetBufferList",
               "clone NET_BUFFER_LIST", "tCln", "free it with NdisFreeCloneNetBufferList",
               "bug check 0x57A00112");
        EXPECT(nbl_freed_as_clone, "wrong_free_call", "NdisFreeCloneNetBufferList", "tSrc",
               "free it with NdisFreeNetBufferList");
        EXPECT(fragment_freed_as_clone, "wrong_free_call", "NdisFreeCloneNetBufferList",
               "fragment NET_BUFFER_LIST", "tCln", "NdisFreeFragmentNetBufferList");
        EXPECT(reassembled_freed_as_fragment, "wrong_free_call", "NdisFreeFragmentNetBufferList",
               "reassembled NET_BUFFER_LIST", "NDcl", "NdisFreeReassembledNetBufferList");
        EXPECT(clone_nb_freed_alone, "wrong_free_call", "NdisFreeNetBuffer",
               "NET_BUFFER of a clone", "tCln");
}

/* ---- the parent freed before what was made from it ---- */

static void parent_freed_before_clone(void *arg)
{
        (void)arg;
        setup();
        clone();
        NdisFreeNetBufferList(s.nbl);
}

static void fragment_freed_before_reassembly(void *arg)
{
        PNET_BUFFER_LIST f;

        (void)arg;
        setup();
        f = fragment();
        NdisAllocateReassembledNetBufferList(f, NULL, 14, 0, 0, 0);
        NdisFreeFragmentNetBufferList(f, 14, 0);
}

static void derived_outstanding_reported(void **state)
{
        (void)state;
        EXPECT(parent_freed_before_clone, "derived_nbl_outstanding", "NdisFreeNetBufferList",
               "NET_BUFFER_LIST", "tSrc", "1 clone, fragment or reassembled",
               "bug check 0x57A0011D");
        EXPECT(fragment_freed_before_reassembly, "derived_nbl_outstanding",
               "NdisFreeFragmentNetBufferList", "fragment NET_BUFFER_LIST", "tCln",
               "bug check 0x57A0011D");
}

/* ---- double frees ---- */

static void clone_freed_twice(void *arg)
{
        PNET_BUFFER_LIST c;

        (void)arg;
        setup();
        c = clone();
        NdisFreeCloneNetBufferList(c, 0);
        NdisFreeCloneNetBufferList(c, 0);
}

static void fragment_freed_twice(void *arg)
{
        PNET_BUFFER_LIST f;

        (void)arg;
        setup();
        f = fragment();
        NdisFreeFragmentNetBufferList(f, 14, 0);
        NdisFreeFragmentNetBufferList(f, 14, 0);
}

static void double_free_reported(void **state)
{
        (void)state;
        EXPECT(clone_freed_twice, "double_free", "NdisFreeCloneNetBufferList",
               "clone NET_BUFFER_LIST", "tCln", "freed twice", "bug check 0x57A00113");
        EXPECT(fragment_freed_twice, "double_free", "NdisFreeFragmentNetBufferList",
               "fragment NET_BUFFER_LIST", "tCln", "freed twice");
}

/* ---- leaks at unload, with the allocating call site ---- */

/* Exported: the report names them as the allocating call sites (dladdr). */
#define EXPORTED __attribute__((visibility("default"), noinline))
EXPORTED PNET_BUFFER_LIST leaky_clone_path(PNET_BUFFER_LIST nbl, NDIS_HANDLE pool);
EXPORTED PNET_BUFFER_LIST leaky_clone_path(PNET_BUFFER_LIST nbl, NDIS_HANDLE pool)
{
        PNET_BUFFER_LIST c = NdisAllocateCloneNetBufferList(nbl, pool, NULL, 0);

        __asm__ volatile("" : : "r"(c) : "memory"); /* no tail call: keep this frame */
        return c;
}

EXPORTED PNET_BUFFER_LIST leaky_fragment_path(PNET_BUFFER_LIST nbl);
EXPORTED PNET_BUFFER_LIST leaky_fragment_path(PNET_BUFFER_LIST nbl)
{
        PNET_BUFFER_LIST f = NdisAllocateFragmentNetBufferList(nbl, NULL, NULL, 0, 2048, 0, 0, 0);

        __asm__ volatile("" : : "r"(f) : "memory");
        return f;
}

static void unload_with_clone_out(void *arg)
{
        NDIS_HANDLE drv = winnet_ndis_open_driver("cloner");
        NDIS_HANDLE pool = nbl_pool(drv, CLONE_TAG, FALSE, 0, 0, 0);

        (void)arg;
        verifying();
        src_make(&s, drv);
        leaky_clone_path(s.nbl, pool);
        winnet_ndis_close_driver(drv);
}

static void unload_with_fragment_out(void *arg)
{
        NDIS_HANDLE drv = winnet_ndis_open_driver("fragmenter");

        (void)arg;
        verifying();
        src_make(&s, drv);
        leaky_fragment_path(s.nbl);
        winnet_ndis_close_driver(drv);
}

static void leaks_reported_at_unload(void **state)
{
        (void)state;
        EXPECT(unload_with_clone_out, "nbl_leaked_at_unload", "'cloner'", "clone NET_BUFFER_LIST",
               "tag 'tCln'", "allocated by NdisAllocateCloneNetBufferList", "leaky_clone_path",
               "bug check 0x7C (0x27");
        EXPECT(unload_with_fragment_out, "nbl_leaked_at_unload", "'fragmenter'",
               "fragment NET_BUFFER_LIST", "tag 'NDcl'",
               "allocated by NdisAllocateFragmentNetBufferList", "leaky_fragment_path",
               "NET_BUFFER of a clone, fragment or reassembled NET_BUFFER_LIST");
}

static void pool_freed_with_clone_out(void *arg)
{
        (void)arg;
        setup();
        leaky_clone_path(s.nbl, lp);
        NdisFreeNetBufferListPool(lp);
}

static void pool_not_empty_lists_clones(void **state)
{
        (void)state;
        EXPECT(pool_freed_with_clone_out, "pool_not_empty", "NdisFreeNetBufferListPool", "tCln",
               "clone NET_BUFFER_LIST", "NdisAllocateCloneNetBufferList", "leaky_clone_path");
}

/* ---- parameters ---- */

static void clone_freed_with_other_flags(void *arg)
{
        (void)arg;
        setup();
        NdisFreeCloneNetBufferList(
            NdisAllocateCloneNetBufferList(s.nbl, lp, np, NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS), 0);
}

static void fragment_freed_with_other_delta(void *arg)
{
        (void)arg;
        setup();
        NdisFreeFragmentNetBufferList(fragment(), 0, 0);
}

static void clone_with_reserved_flag(void *arg)
{
        (void)arg;
        setup();
        NdisAllocateCloneNetBufferList(s.nbl, lp, np, NDIS_CLONE_FLAGS_RESERVED);
}

static void reassembled_into_pool_without_nb(void *arg)
{
        (void)arg;
        setup();
        NdisAllocateReassembledNetBufferList(s.nbl, lp, 0, 0, 0, 0);
}

static void clone_into_data_pool(void *arg)
{
        (void)arg;
        setup();
        NdisAllocateCloneNetBufferList(s.nbl, lp, nb_pool(NULL, 'ataD', 128, 0), 0);
}

static void parameters_reported(void **state)
{
        (void)state;
        EXPECT(clone_freed_with_other_flags, "bad_parameter", "NdisFreeCloneNetBufferList",
               "clone NET_BUFFER_LIST", "tCln", "flags 0x0", "freed with 0x2");
        EXPECT(fragment_freed_with_other_delta, "bad_parameter", "NdisFreeFragmentNetBufferList",
               "tCln", "DataOffsetDelta 0", "allocated with DataOffsetDelta 14");
        EXPECT(clone_with_reserved_flag, "bad_parameter", "NdisAllocateCloneNetBufferList",
               "flags 0x1");
        EXPECT(reassembled_into_pool_without_nb, "pool_kind",
               "NdisAllocateReassembledNetBufferList", "tCln", "fAllocateNetBuffer 0");
        EXPECT(clone_into_data_pool, "pool_kind", "NdisAllocateCloneNetBufferList", "Data",
               "DataSize 128");
}

/* ---- what the clone holds when it is freed ---- */

static void clone_freed_retreated(void *arg)
{
        PNET_BUFFER_LIST c;

        (void)arg;
        setup();
        c = clone();
        NdisRetreatNetBufferDataStart(c->FirstNetBuffer, 8, 0, NULL);
        NdisFreeCloneNetBufferList(c, 0);
}

static void clone_freed_with_context(void *arg)
{
        PNET_BUFFER_LIST c;

        (void)arg;
        setup();
        c = clone();
        NdisAllocateNetBufferListContext(c, 32, 0, 'txtC');
        NdisFreeCloneNetBufferList(c, 0);
}

static void held_resources_reported(void **state)
{
        (void)state;
        EXPECT(clone_freed_retreated, "retreat_mdl_outstanding", "NdisFreeCloneNetBufferList",
               "tCln", "advance with FreeMdl first");
        EXPECT(clone_freed_with_context, "nbl_context_outstanding", "NdisFreeCloneNetBufferList",
               "clone NET_BUFFER_LIST", "tCln");
}

/* ---- invariants and IRQL ---- */

static void clone_of_broken_nb(void *arg)
{
        (void)arg;
        setup();
        s.nbl->FirstNetBuffer->DataLength = 9000; /* past the chain's 4200 bytes */
        clone();
}

static void clone_of_freed_nbl(void *arg)
{
        PNET_BUFFER_LIST nbl;

        (void)arg;
        setup();
        nbl = NdisAllocateNetBufferList(lp, 0, 0);
        NdisFreeNetBufferList(nbl);
        NdisAllocateCloneNetBufferList(nbl, NULL, NULL, 0);
}

static void invariants_reported(void **state)
{
        (void)state;
        EXPECT(clone_of_broken_nb, "nb_invariant", "NdisAllocateCloneNetBufferList", "tSrc",
               "DataOffset + DataLength reach past", "bug check 0x57A00116");
        EXPECT(clone_of_freed_nbl, "NdisAllocateCloneNetBufferList", "tCln");
}

static KIRQL old_irql;

static void too_high(void)
{
        setup();
        KeRaiseIrql(DISPATCH_LEVEL + 1, &old_irql);
}

static void clone_above_dispatch(void *arg)
{
        (void)arg;
        too_high();
        clone();
}

static void free_clone_above_dispatch(void *arg)
{
        PNET_BUFFER_LIST c;

        (void)arg;
        setup();
        c = clone();
        KeRaiseIrql(DISPATCH_LEVEL + 1, &old_irql);
        NdisFreeCloneNetBufferList(c, 0);
}

static void fragment_above_dispatch(void *arg)
{
        (void)arg;
        too_high();
        fragment();
}

static void free_fragment_above_dispatch(void *arg)
{
        PNET_BUFFER_LIST f;

        (void)arg;
        setup();
        f = fragment();
        KeRaiseIrql(DISPATCH_LEVEL + 1, &old_irql);
        NdisFreeFragmentNetBufferList(f, 14, 0);
}

static void reassemble_above_dispatch(void *arg)
{
        (void)arg;
        too_high();
        NdisAllocateReassembledNetBufferList(s.nbl, NULL, 0, 0, 0, 0);
}

static void free_reassembled_above_dispatch(void *arg)
{
        PNET_BUFFER_LIST r;

        (void)arg;
        setup();
        r = NdisAllocateReassembledNetBufferList(s.nbl, NULL, 0, 0, 0, 0);
        KeRaiseIrql(DISPATCH_LEVEL + 1, &old_irql);
        NdisFreeReassembledNetBufferList(r, 0, 0);
}

static void physical_count_above_dispatch(void *arg)
{
        (void)arg;
        too_high();
        NdisQueryNetBufferPhysicalCount(s.nbl->FirstNetBuffer);
}

static void irql_rules(void **state)
{
        (void)state;
        EXPECT(clone_above_dispatch, "irql_too_high", "NdisAllocateCloneNetBufferList");
        EXPECT(free_clone_above_dispatch, "irql_too_high", "NdisFreeCloneNetBufferList");
        EXPECT(fragment_above_dispatch, "irql_too_high", "NdisAllocateFragmentNetBufferList");
        EXPECT(free_fragment_above_dispatch, "irql_too_high", "NdisFreeFragmentNetBufferList");
        EXPECT(reassemble_above_dispatch, "irql_too_high", "NdisAllocateReassembledNetBufferList");
        EXPECT(free_reassembled_above_dispatch, "irql_too_high",
               "NdisFreeReassembledNetBufferList");
        EXPECT(physical_count_above_dispatch, "irql_too_high", "NdisQueryNetBufferPhysicalCount");
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(wrong_free_call_reported),
            cmocka_unit_test(derived_outstanding_reported),
            cmocka_unit_test(double_free_reported),
            cmocka_unit_test(leaks_reported_at_unload),
            cmocka_unit_test(pool_not_empty_lists_clones),
            cmocka_unit_test(parameters_reported),
            cmocka_unit_test(held_resources_reported),
            cmocka_unit_test(invariants_reported),
            cmocka_unit_test(irql_rules),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
