/* test_ndis_clone.c - NBLs derived from another NBL: clones (new MDLs and the
 * original's), fragments (sizes, StartOffset, DataOffsetDelta, DataBackFill),
 * reassembly of a multi-NET_BUFFER NBL into one, NdisQueryNetBufferPhysicalCount;
 * frees that leave nothing behind (tag statistics, live blocks), the parent kept
 * while its clones are out, the IRQL they allow, and every allocation each call
 * makes failed in turn. The verifier's reports are death tests in
 * test_ndis_clone_verifier.c. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "clone_test.h"

#define CLONE_TAG 'nlCt' /* poolmon "tCln": the pools the tests give */

static unsigned char want[SRC_BYTES], got[SRC_BYTES + 64];

/* The used data of the source's NET_BUFFER i into want[]; its length. */
static size_t src_data(const struct src *s, unsigned i)
{
        const NET_BUFFER *nb = s->nbl->FirstNetBuffer;

        while (i--)
                nb = nb->Next;
        return nb_read(nb, want, sizeof(want));
}

/* Both NET_BUFFERs' data into want[], the second right after the first's 4100
 * bytes; ret_a and ret_b get their lengths. */
static void src_data_both(const struct src *s, size_t *ret_a, size_t *ret_b)
{
        *ret_b = src_data(s, 1);
        memmove(want + 4100, want, *ret_b);
        *ret_a = src_data(s, 0);
}

/* A derived NET_BUFFER shows exactly `len` bytes equal to want[0..len). */
static void expect_data(const NET_BUFFER *nb, size_t len, const char *what, unsigned i)
{
        size_t n = nb_read(nb, got, sizeof(got));

        if (n != len || nb->DataLength != len)
                fail_msg("%s %u: %zu bytes readable, DataLength %u, expected %zu", what, i, n,
                         nb->DataLength, len);
        if (memcmp(got, want, len))
                fail_msg("%s %u: data differs from the original's", what, i);
}

static ULONG64 tag_outstanding(ULONG tag)
{
        struct winnet_ndis_tag_usage u[256];
        size_t n = winnet_ndis_tag_usage(u, 256), i;

        for (i = 0; i < n && i < 256; i++)
                if (u[i].tag == tag)
                        return u[i].allocations - u[i].frees;
        return 0;
}

/* ---- clones ---- */

static void check_clone(struct src *s, PNET_BUFFER_LIST c, int original_mdls)
{
        const NET_BUFFER *o = s->nbl->FirstNetBuffer, *nb = c->FirstNetBuffer;
        unsigned i;

        assert_non_null(c);
        assert_int_equal(nbl_count(c), 2);
        assert_null(c->Context);
        assert_null(c->ParentNetBufferList); /* the caller's to set, as the WDK says */
        assert_int_equal(c->ChildRefCount, 0);
        for (i = 0; i < 2; i++, o = o->Next, nb = nb->Next) {
                size_t len = src_data(s, i);

                expect_data(nb, len, "clone NET_BUFFER", i);
                if (original_mdls) {
                        assert_ptr_equal(nb->MdlChain, o->CurrentMdl);
                        assert_int_equal(nb->DataOffset, o->CurrentMdlOffset);
                } else {
                        /* Only the used data, over new MDLs: no backfill. */
                        assert_int_equal(nb->DataOffset, 0);
                        assert_ptr_not_equal(nb->MdlChain, o->MdlChain);
                        assert_ptr_not_equal(nb->MdlChain, o->CurrentMdl);
                        assert_ptr_equal(MmGetMdlVirtualAddress(nb->MdlChain),
                                         s->mem + (i ? 5008 : 40));
                }
        }
        /* The same buffers, not a copy: a write through the original shows. */
        s->mem[40] ^= 0xff;
        assert_int_equal(nb_read(c->FirstNetBuffer, got, 1), 1);
        assert_int_equal(got[0], s->mem[40]);
        s->mem[40] ^= 0xff;
}

static void clone_describes_the_original_data(void **state)
{
        NDIS_HANDLE drv = winnet_ndis_open_driver("clone");
        NDIS_HANDLE lp = nbl_pool(drv, CLONE_TAG, FALSE, 0, 0, 0);
        NDIS_HANDLE np = nb_pool(drv, CLONE_TAG, 0, 0);
        PNET_BUFFER_LIST c;
        struct src s;

        (void)state;
        src_make(&s, drv);
        c = NdisAllocateCloneNetBufferList(s.nbl, lp, np, 0);
        check_clone(&s, c, 0);
        assert_ptr_equal(NdisGetPoolFromNetBufferList(c), lp);
        assert_ptr_equal(NdisGetPoolFromNetBuffer(c->FirstNetBuffer), np);
        assert_int_equal(winnet_ndis_pool_outstanding(lp), 1);
        assert_int_equal(winnet_ndis_pool_outstanding(np), 2);
        NdisFreeCloneNetBufferList(c, 0);
        assert_int_equal(winnet_ndis_pool_outstanding(lp), 0);
        assert_int_equal(winnet_ndis_pool_outstanding(np), 0);
        assert_int_equal(tag_outstanding(CLONE_TAG), 0);
        NdisFreeNetBufferPool(np);
        NdisFreeNetBufferListPool(lp);
        src_free(&s);
        winnet_ndis_close_driver(drv);
}

static void clone_over_the_original_mdls(void **state)
{
        NDIS_HANDLE drv = winnet_ndis_open_driver("clone-orig");
        PNET_BUFFER_LIST c;
        struct src s;

        (void)state;
        src_make(&s, drv);
        c = NdisAllocateCloneNetBufferList(s.nbl, NULL, NULL, NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS);
        check_clone(&s, c, 1);
        NdisFreeCloneNetBufferList(c, NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS);
        /* The original's MDLs were not freed with it: the source frees them now. */
        src_free(&s);
        winnet_ndis_close_driver(drv);
}

static void clone_from_the_runtime_pools(void **state)
{
        NDIS_HANDLE drv = winnet_ndis_open_driver("clone-runtime");
        PNET_BUFFER_LIST c, cc;
        struct src s;

        (void)state;
        src_make(&s, drv);
        c = NdisAllocateCloneNetBufferList(s.nbl, NULL, NULL, 0);
        check_clone(&s, c, 0);
        assert_non_null(NdisGetPoolFromNetBufferList(c));
        assert_ptr_not_equal(NdisGetPoolFromNetBufferList(c), s.lpool);
        /* A clone of the clone; the clone keeps its data while the second is out. */
        cc = NdisAllocateCloneNetBufferList(c, NULL, NULL, 0);
        check_clone(&s, cc, 0);
        NdisFreeCloneNetBufferList(cc, 0);
        NdisFreeCloneNetBufferList(c, 0);
        src_free(&s);
        /* The runtime's pools are empty again: no leak at unload. */
        assert_int_equal(tag_outstanding('lcDN'), 0);
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
        winnet_ndis_close_driver(drv);
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
}

/* A pool that preallocates a NET_BUFFER gives the first one; a context it
 * preallocates is not used. */
static void clone_into_a_pool_with_a_preallocated_nb(void **state)
{
        NDIS_HANDLE lp = nbl_pool(NULL, CLONE_TAG, TRUE, 0, 32, 0);
        PNET_BUFFER_LIST c;
        struct src s;

        (void)state;
        src_make(&s, NULL);
        c = NdisAllocateCloneNetBufferList(s.nbl, lp, NULL, 0);
        check_clone(&s, c, 0);
        assert_ptr_equal(NdisGetPoolFromNetBuffer(c->FirstNetBuffer), lp);
        NdisFreeCloneNetBufferList(c, 0);
        assert_int_equal(winnet_ndis_pool_outstanding(lp), 0);
        /* The pool's own NBLs still come out whole. */
        c = NdisAllocateNetBufferAndNetBufferList(lp, 32, 0, NULL, 0, 0);
        assert_non_null(c->Context);
        assert_int_equal(c->FirstNetBuffer->DataLength, 0);
        NdisFreeNetBufferList(c);
        NdisFreeNetBufferListPool(lp);
        src_free(&s);
}

/* A clone can be retreated and advanced like any NBL; its own free takes back what
 * a retreat left. */
static void clone_data_space_moves_on_its_own(void **state)
{
        PNET_BUFFER_LIST c;
        struct src s;

        (void)state;
        src_make(&s, NULL);
        c = NdisAllocateCloneNetBufferList(s.nbl, NULL, NULL, 0);
        assert_int_equal(NdisRetreatNetBufferListDataStart(c, 14, 0, NULL, NULL),
                         NDIS_STATUS_SUCCESS);
        assert_int_equal(c->FirstNetBuffer->DataLength, 4100 + 14);
        assert_int_equal(s.nbl->FirstNetBuffer->DataLength, 4100); /* the original is as it was */
        assert_int_equal(s.nbl->FirstNetBuffer->DataOffset, 40);
        NdisFreeCloneNetBufferList(c, 0); /* frees the retreat MDLs too */
        src_free(&s);
}

/* With the verifier off, freeing the parent while a clone is out is reported and
 * refused: the clone's data stays valid, and the parent is freed later. */
static void parent_outlives_its_clones(void **state)
{
        unsigned long reports = winnet_verifier_report_count();
        PNET_BUFFER_LIST c;
        struct src s;
        PNET_BUFFER nb, next;

        (void)state;
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        src_make(&s, NULL);
        c = NdisAllocateCloneNetBufferList(s.nbl, NULL, NULL, 0);
        for (nb = s.nbl->FirstNetBuffer; nb; nb = next) {
                next = nb->Next;
                NdisFreeNetBuffer(nb);
        }
        s.nbl->FirstNetBuffer = NULL;
        NdisFreeNetBufferList(s.nbl);
        assert_int_equal(winnet_verifier_report_count(), reports + 1);
        assert_int_equal(winnet_ndis_pool_outstanding(s.lpool), 1);
        /* The clone still reads the original's buffers. */
        assert_int_equal(nb_read(c->FirstNetBuffer, got, 1), 1);
        assert_int_equal(got[0], src_byte(40));
        NdisFreeCloneNetBufferList(c, 0);
        NdisFreeNetBufferList(s.nbl);
        assert_int_equal(winnet_verifier_report_count(), reports + 1);
        assert_int_equal(winnet_ndis_pool_outstanding(s.lpool), 0);
        s.nbl = NdisAllocateNetBufferList(s.lpool, 0, 0); /* for src_free */
        src_free(&s);
        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
}

/* Clones completed on another thread, as a send completion would: the parent's
 * count of children is shared between the threads. */
#define CROSS_CLONES 64

static void *free_clones(void *arg)
{
        PNET_BUFFER_LIST *c = arg;
        int i;

        for (i = 0; i < CROSS_CLONES; i++)
                NdisFreeCloneNetBufferList(c[i], i & 1 ? NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS : 0);
        return NULL;
}

static void clones_freed_on_another_thread(void **state)
{
        unsigned long reports = winnet_verifier_report_count();
        PNET_BUFFER_LIST c[CROSS_CLONES];
        pthread_t t;
        struct src s;
        int i;

        (void)state;
        src_make(&s, NULL);
        for (i = 0; i < CROSS_CLONES; i++)
                c[i] = NdisAllocateCloneNetBufferList(
                    s.nbl, NULL, NULL, i & 1 ? NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS : 0);
        assert_int_equal(pthread_create(&t, NULL, free_clones, c), 0);
        pthread_join(t, NULL);
        src_free(&s); /* no child left: freed without a report */
        assert_int_equal(winnet_verifier_report_count(), reports);
        assert_int_equal(tag_outstanding('lcDN'), 0);
}

/* ---- NdisQueryNetBufferPhysicalCount ---- */

static void physical_count_is_pages_spanned(void **state)
{
        NDIS_HANDLE np = nb_pool(NULL, CLONE_TAG, 0, 0);
        unsigned char *page = aligned_alloc(4096, 4 * 4096);
        MDL m[3];
        PNET_BUFFER nb;

        (void)state;
        /* MDLs built by hand, as a driver may: 200 bytes across a page boundary, one
         * whole page, 8193 bytes from one byte into a page. */
        memset(m, 0, sizeof(m));
        m[0].StartVa = page;
        m[0].ByteOffset = 4000;
        m[0].ByteCount = 200;
        m[0].MappedSystemVa = page + 4000;
        m[0].Next = &m[1];
        m[1].StartVa = page + 4096;
        m[1].ByteCount = 4096;
        m[1].MappedSystemVa = page + 4096;
        m[1].Next = &m[2];
        m[2].StartVa = page;
        m[2].ByteOffset = 1;
        m[2].ByteCount = 8193;
        m[2].MappedSystemVa = page + 1;
        nb = NdisAllocateNetBuffer(np, m, 0, 200);
        assert_int_equal(NdisQueryNetBufferPhysicalCount(nb), 2);
        NET_BUFFER_DATA_OFFSET(nb) = 150; /* 50 bytes left in the first page's MDL */
        NET_BUFFER_CURRENT_MDL_OFFSET(nb) = 150;
        NET_BUFFER_DATA_LENGTH(nb) = 50;
        assert_int_equal(NdisQueryNetBufferPhysicalCount(nb), 1);
        NET_BUFFER_DATA_LENGTH(nb) = 50 + 4096;
        assert_int_equal(NdisQueryNetBufferPhysicalCount(nb), 2);
        NET_BUFFER_DATA_LENGTH(nb) = 50 + 4096 + 8193;
        assert_int_equal(NdisQueryNetBufferPhysicalCount(nb), 2 + 3);
        NET_BUFFER_DATA_LENGTH(nb) = 0;
        assert_int_equal(NdisQueryNetBufferPhysicalCount(nb), 0);
        NdisFreeNetBuffer(nb);
        nb = NdisAllocateNetBuffer(np, NULL, 0, 0);
        assert_int_equal(NdisQueryNetBufferPhysicalCount(nb), 0);
        NdisFreeNetBuffer(nb);
        free(page);
        NdisFreeNetBufferPool(np);
}

/* ---- fragments ---- */

/* The fragments of the source cover each NET_BUFFER's used data from StartOffset
 * on, in order, in pieces of MaximumLength, each retreated by delta with the
 * backfill in a new buffer in front. */
static void check_fragments(struct src *s, PNET_BUFFER_LIST f, ULONG start, ULONG max, ULONG delta,
                            ULONG backfill)
{
        const NET_BUFFER *nb = f->FirstNetBuffer;
        unsigned i, k = 0;

        assert_non_null(f);
        assert_null(f->Context);
        for (i = 0; i < 2; i++) {
                size_t len = src_data(s, i), off;

                for (off = start; off < len; off += max, k++, nb = nb->Next) {
                        size_t piece = len - off < max ? len - off : max;

                        if (!nb)
                                fail_msg("fragment %u is missing", k);
                        assert_int_equal(nb->DataLength, piece + delta);
                        assert_int_equal(nb->DataOffset, delta ? backfill : 0);
                        assert_int_equal(nb_read(nb, got, sizeof(got)), piece + delta);
                        if (memcmp(got + delta, want + off, piece))
                                fail_msg("fragment %u: data differs at source offset %zu", k, off);
                        if (delta) /* its own space, not the original's bytes */
                                assert_int_equal(nb->MdlChain->ByteCount, delta + backfill);
                }
        }
        assert_null(nb);
        assert_int_equal(nbl_count(f), k);
}

static void fragments_cover_the_original(void **state)
{
        NDIS_HANDLE lp = nbl_pool(NULL, CLONE_TAG, FALSE, 0, 0, 0);
        NDIS_HANDLE np = nb_pool(NULL, CLONE_TAG, 0, 0);
        PNET_BUFFER_LIST f;
        struct src s;

        (void)state;
        src_make(&s, NULL);
        /* 4100 bytes in 1000s (the last 100), 500 in one. */
        f = NdisAllocateFragmentNetBufferList(s.nbl, lp, np, 0, 1000, 0, 0, 0);
        check_fragments(&s, f, 0, 1000, 0, 0);
        assert_int_equal(nbl_count(f), 6);
        NdisFreeFragmentNetBufferList(f, 0, 0);
        /* StartOffset 20, 300 bytes each: 4080 = 13 * 300 + 180, 480 = 300 + 180. */
        f = NdisAllocateFragmentNetBufferList(s.nbl, lp, np, 20, 300, 0, 0, 0);
        check_fragments(&s, f, 20, 300, 0, 0);
        assert_int_equal(nbl_count(f), 16);
        NdisFreeFragmentNetBufferList(f, 0, 0);
        /* Fragments as large as the data: one each. */
        f = NdisAllocateFragmentNetBufferList(s.nbl, NULL, NULL, 0, 65536, 0, 0, 0);
        check_fragments(&s, f, 0, 65536, 0, 0);
        assert_int_equal(nbl_count(f), 2);
        NdisFreeFragmentNetBufferList(f, 0, 0);
        assert_int_equal(winnet_ndis_pool_outstanding(lp), 0);
        assert_int_equal(winnet_ndis_pool_outstanding(np), 0);
        NdisFreeNetBufferPool(np);
        NdisFreeNetBufferListPool(lp);
        src_free(&s);
}

static void fragments_get_the_requested_header_space(void **state)
{
        PNET_BUFFER_LIST f;
        PNET_BUFFER nb;
        struct src s;

        (void)state;
        src_make(&s, NULL);
        f = NdisAllocateFragmentNetBufferList(s.nbl, NULL, NULL, 8, 1480, 20, 14, 0);
        check_fragments(&s, f, 8, 1480, 20, 14);
        /* Writing a header into one fragment touches neither the others nor the
         * original. */
        for (nb = f->FirstNetBuffer; nb; nb = nb->Next)
                memset(MmGetMdlVirtualAddress(nb->MdlChain), 0xee, 34);
        check_fragments(&s, f, 8, 1480, 20, 14);
        src_data(&s, 0);
        assert_int_equal(want[0], src_byte(40));
        NdisFreeFragmentNetBufferList(f, 20, 0);
        assert_int_equal(tag_outstanding('lcDN'), 0);
        src_free(&s);
}

static void fragments_need_data_and_a_length(void **state)
{
        unsigned long reports = winnet_verifier_report_count();
        struct src s;

        (void)state;
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        src_make(&s, NULL);
        assert_null(NdisAllocateFragmentNetBufferList(s.nbl, NULL, NULL, 0, 0, 0, 0, 0));
        assert_null(NdisAllocateFragmentNetBufferList(s.nbl, NULL, NULL, 5000, 100, 0, 0, 0));
        assert_null(NdisAllocateFragmentNetBufferList(s.nbl, NULL, NULL, 0, 100, 0, 0, 1));
        assert_true(winnet_verifier_report_count() >= reports + 2);
        assert_int_equal(tag_outstanding('lcDN'), 0);
        src_free(&s);
        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
}

/* ---- reassembly ---- */

static void reassembly_concatenates_every_nb(void **state)
{
        NDIS_HANDLE lp = nbl_pool(NULL, CLONE_TAG, TRUE, 0, 0, 0);
        PNET_BUFFER_LIST r;
        size_t a, b;
        struct src s;

        (void)state;
        src_make(&s, NULL);
        src_data_both(&s, &a, &b);
        assert_int_equal(a + b, 4600);
        r = NdisAllocateReassembledNetBufferList(s.nbl, lp, 0, 0, 0, 0);
        assert_non_null(r);
        assert_int_equal(nbl_count(r), 1);
        assert_null(r->Context);
        assert_ptr_equal(NdisGetPoolFromNetBufferList(r), lp);
        expect_data(r->FirstNetBuffer, 4600, "reassembled NET_BUFFER", 0);
        assert_int_equal(r->FirstNetBuffer->DataOffset, 0);
        NdisFreeReassembledNetBufferList(r, 0, 0);
        /* Each past its first 8 bytes, with 20 bytes of header space and 14 of
         * backfill, from the runtime's pool. */
        r = NdisAllocateReassembledNetBufferList(s.nbl, NULL, 8, 20, 14, 0);
        assert_int_equal(r->FirstNetBuffer->DataLength, 20 + 4092 + 492);
        assert_int_equal(r->FirstNetBuffer->DataOffset, 14);
        assert_int_equal(nb_read(r->FirstNetBuffer, got, sizeof(got)), 20 + 4092 + 492);
        assert_memory_equal(got + 20, want + 8, 4092);
        assert_memory_equal(got + 20 + 4092, want + 4100 + 8, 492);
        NdisFreeReassembledNetBufferList(r, 20, 0);
        assert_int_equal(winnet_ndis_pool_outstanding(lp), 0);
        NdisFreeNetBufferListPool(lp);
        src_free(&s);
}

/* Fragment with an 8-byte header each, write the headers, reassemble past them:
 * the original's data again. */
static void fragments_reassemble_to_the_original(void **state)
{
        PNET_BUFFER_LIST f, r;
        PNET_BUFFER nb;
        size_t a, b;
        struct src s;

        (void)state;
        src_make(&s, NULL);
        src_data_both(&s, &a, &b);
        f = NdisAllocateFragmentNetBufferList(s.nbl, NULL, NULL, 0, 576, 8, 0, 0);
        for (nb = f->FirstNetBuffer; nb; nb = nb->Next)
                memset(MmGetMdlVirtualAddress(nb->MdlChain), 0x55, 8);
        r = NdisAllocateReassembledNetBufferList(f, NULL, 8, 0, 0, 0);
        expect_data(r->FirstNetBuffer, a + b, "reassembled NET_BUFFER", 0);
        NdisFreeReassembledNetBufferList(r, 0, 0);
        NdisFreeFragmentNetBufferList(f, 8, 0);
        assert_int_equal(tag_outstanding('lcDN'), 0);
        src_free(&s);
}

/* ---- nothing left behind ---- */

static void frees_leave_no_leak(void **state)
{
        NDIS_HANDLE drv = winnet_ndis_open_driver("noleak");
        NDIS_HANDLE lp = nbl_pool(drv, CLONE_TAG, TRUE, 0, 0, 0);
        NDIS_HANDLE np = nb_pool(drv, CLONE_TAG, 0, 0);
        PNET_BUFFER_LIST d[4];
        unsigned long reports;
        size_t live;
        struct src s;
        int i;

        (void)state;
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
        reports = winnet_verifier_report_count();
        src_make(&s, drv);
        live = winnet_verifier_live_blocks();
        for (i = 0; i < 50; i++) {
                d[0] = NdisAllocateCloneNetBufferList(s.nbl, lp, np, 0);
                d[1] = NdisAllocateCloneNetBufferList(s.nbl, lp, np,
                                                      NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS);
                d[2] = NdisAllocateFragmentNetBufferList(s.nbl, lp, np, 4, 700, 16, 8, 0);
                d[3] = NdisAllocateReassembledNetBufferList(d[2], lp, 16, 30, 2, 0);
                assert_true(d[0] && d[1] && d[2] && d[3]);
                NdisFreeReassembledNetBufferList(d[3], 30, 0);
                NdisFreeFragmentNetBufferList(d[2], 16, 0);
                NdisFreeCloneNetBufferList(d[1], NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS);
                NdisFreeCloneNetBufferList(d[0], 0);
        }
        assert_int_equal(winnet_verifier_live_blocks(), live);
        assert_int_equal(tag_outstanding(CLONE_TAG), 0);
        assert_int_equal(winnet_ndis_pool_outstanding(lp), 0);
        assert_int_equal(winnet_ndis_pool_outstanding(np), 0);
        NdisFreeNetBufferPool(np);
        NdisFreeNetBufferListPool(lp);
        src_free(&s);
        winnet_ndis_close_driver(drv);
        assert_int_equal(winnet_verifier_report_count(), reports);
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
}

/* ---- IRQL ---- */

static void allowed_at_dispatch_level(void **state)
{
        unsigned long reports = winnet_verifier_report_count();
        PNET_BUFFER_LIST c, f, r;
        struct src s;
        KIRQL old;

        (void)state;
        src_make(&s, NULL);
        winnet_verifier_enable(WINNET_VERIFIER_IRQL);
        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
        KeRaiseIrql(DISPATCH_LEVEL, &old);
        c = NdisAllocateCloneNetBufferList(s.nbl, NULL, NULL, 0);
        f = NdisAllocateFragmentNetBufferList(s.nbl, NULL, NULL, 0, 512, 14, 0, 0);
        r = NdisAllocateReassembledNetBufferList(f, NULL, 14, 0, 0, 0);
        assert_true(NdisQueryNetBufferPhysicalCount(c->FirstNetBuffer) >= 2);
        NdisFreeReassembledNetBufferList(r, 0, 0);
        NdisFreeFragmentNetBufferList(f, 14, 0);
        NdisFreeCloneNetBufferList(c, 0);
        KeLowerIrql(old);
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
        assert_int_equal(winnet_verifier_report_count(), reports);
        src_free(&s);
}

/* ---- every allocation failed in turn ---- */

enum derive_call { CALL_CLONE, CALL_CLONE_ORIG, CALL_FRAGMENT, CALL_REASSEMBLE };

static PNET_BUFFER_LIST derive(enum derive_call call, PNET_BUFFER_LIST parent, NDIS_HANDLE lp,
                               NDIS_HANDLE np)
{
        switch (call) {
        case CALL_CLONE:
                return NdisAllocateCloneNetBufferList(parent, lp, np, 0);
        case CALL_CLONE_ORIG:
                return NdisAllocateCloneNetBufferList(parent, lp, np,
                                                      NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS);
        case CALL_FRAGMENT:
                return NdisAllocateFragmentNetBufferList(parent, lp, np, 10, 1000, 24, 8, 0);
        default:
                return NdisAllocateReassembledNetBufferList(parent, lp, 10, 24, 8, 0);
        }
}

static void underive(enum derive_call call, PNET_BUFFER_LIST d)
{
        switch (call) {
        case CALL_CLONE:
                NdisFreeCloneNetBufferList(d, 0);
                break;
        case CALL_CLONE_ORIG:
                NdisFreeCloneNetBufferList(d, NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS);
                break;
        case CALL_FRAGMENT:
                NdisFreeFragmentNetBufferList(d, 24, 0);
                break;
        default:
                NdisFreeReassembledNetBufferList(d, 24, 0);
        }
}

/* Fails allocation 1, 2, ... of one call until it succeeds: each failure returns
 * NULL and leaves the live blocks and the pools as they were. */
static void fault_walk(enum derive_call call, const char *name, NDIS_HANDLE lp, NDIS_HANDLE np,
                       unsigned long min_failures)
{
        unsigned long k, reports = winnet_verifier_report_count();
        PNET_BUFFER_LIST d = NULL;
        size_t live;
        struct src s;

        src_make(&s, NULL);
        winnet_verifier_enable(WINNET_VERIFIER_TRACK);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        /* The runtime's pools are made on first use and kept: make them first. */
        underive(call, derive(call, s.nbl, lp, np));
        live = winnet_verifier_live_blocks();
        for (k = 1; k < 64; k++) {
                winnet_fault_fail_nth(k);
                d = derive(call, s.nbl, lp, np);
                winnet_fault_fail_nth(0);
                if (d)
                        break;
                if (winnet_verifier_live_blocks() != live)
                        fail_msg("%s: failing allocation %lu leaked %zu block(s)", name, k,
                                 winnet_verifier_live_blocks() - live);
                if (lp && winnet_ndis_pool_outstanding(lp))
                        fail_msg("%s: failing allocation %lu left an NBL out", name, k);
                if (np && winnet_ndis_pool_outstanding(np))
                        fail_msg("%s: failing allocation %lu left a NET_BUFFER out", name, k);
                assert_int_equal(tag_outstanding('lcDN'), 0);
        }
        assert_non_null(d);
        if (k - 1 < min_failures)
                fail_msg("%s: %lu allocation failures, expected at least %lu", name, k - 1,
                         min_failures);
        underive(call, d);
        assert_int_equal(winnet_verifier_live_blocks(), live);
        assert_int_equal(winnet_verifier_report_count(), reports);
        print_message("%s: %lu allocation failures, all clean\n", name, k - 1);
        winnet_fault_reset();
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
        src_free(&s);
}

static void every_allocation_failure_is_clean(void **state)
{
        NDIS_HANDLE lp = nbl_pool(NULL, CLONE_TAG, FALSE, 0, 0, 0);
        NDIS_HANDLE lpn = nbl_pool(NULL, CLONE_TAG, TRUE, 0, 0, 0);
        NDIS_HANDLE np = nb_pool(NULL, CLONE_TAG, 0, 0);

        (void)state;
        /* NBL, 2 NET_BUFFERs, 2 blocks of MDLs */
        fault_walk(CALL_CLONE, "clone", lp, np, 5);
        fault_walk(CALL_CLONE, "clone, runtime pools", NULL, NULL, 4);
        fault_walk(CALL_CLONE_ORIG, "clone over the original MDLs", lp, np, 3);
        /* NBL, then per fragment (5 + 1): NET_BUFFER, MDLs, header space */
        fault_walk(CALL_FRAGMENT, "fragment", lp, np, 1 + 6 * 3);
        fault_walk(CALL_FRAGMENT, "fragment, runtime pools", NULL, NULL, 1 + 6 * 3 - 1);
        /* NBL (with its NET_BUFFER), MDLs, header space */
        fault_walk(CALL_REASSEMBLE, "reassembly", lpn, NULL, 3);
        fault_walk(CALL_REASSEMBLE, "reassembly, runtime pool", NULL, NULL, 3);
        NdisFreeNetBufferPool(np);
        NdisFreeNetBufferListPool(lpn);
        NdisFreeNetBufferListPool(lp);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(clone_describes_the_original_data),
            cmocka_unit_test(clone_over_the_original_mdls),
            cmocka_unit_test(clone_from_the_runtime_pools),
            cmocka_unit_test(clone_into_a_pool_with_a_preallocated_nb),
            cmocka_unit_test(clone_data_space_moves_on_its_own),
            cmocka_unit_test(parent_outlives_its_clones),
            cmocka_unit_test(clones_freed_on_another_thread),
            cmocka_unit_test(physical_count_is_pages_spanned),
            cmocka_unit_test(fragments_cover_the_original),
            cmocka_unit_test(fragments_get_the_requested_header_space),
            cmocka_unit_test(fragments_need_data_and_a_length),
            cmocka_unit_test(reassembly_concatenates_every_nb),
            cmocka_unit_test(fragments_reassemble_to_the_original),
            cmocka_unit_test(frees_leave_no_leak),
            cmocka_unit_test(allowed_at_dispatch_level),
            cmocka_unit_test(every_allocation_failure_is_clean),
        };

        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
        return cmocka_run_group_tests(tests, NULL, NULL);
}
