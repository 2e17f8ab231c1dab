/* test_ndis_data.c - the data space of a NET_BUFFER: retreat inside the backfill
 * and with a new MDL (ours or the handler's), a handler returning NULL, advance
 * with FreeMdl, the NBL variants, NdisGetDataBuffer across MDL boundaries and with
 * alignment, and NdisCopyFromNetBufferToNetBuffer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ndis_test.h"

/* A chain of three MDLs over one buffer holding 0, 1, 2, ...: 10 + 20 + 30 bytes. */
struct chain {
        unsigned char *buf;
        PMDL m[3];
};

static void chain_make(struct chain *c)
{
        int i;

        c->buf = NdisAllocateMemoryWithTagPriority(NULL, 64, 'nhCt', NormalPoolPriority);
        assert_non_null(c->buf);
        for (i = 0; i < 64; i++)
                c->buf[i] = (unsigned char)i;
        c->m[0] = NdisAllocateMdl(NULL, c->buf, 10);
        c->m[1] = NdisAllocateMdl(NULL, c->buf + 10, 20);
        c->m[2] = NdisAllocateMdl(NULL, c->buf + 30, 30);
        c->m[0]->Next = c->m[1];
        c->m[1]->Next = c->m[2];
}

static void chain_free(struct chain *c)
{
        int i;

        for (i = 0; i < 3; i++)
                NdisFreeMdl(c->m[i]);
        NdisFreeMemory(c->buf, 0, 0);
}

static int handler_calls, free_handler_calls;

static PMDL alloc_mdl_handler(PULONG size)
{
        unsigned char *p =
            NdisAllocateMemoryWithTagPriority(NULL, *size, 'ldMH', NormalPoolPriority);

        handler_calls++;
        return p ? NdisAllocateMdl(NULL, p, *size) : NULL;
}

static PMDL null_mdl_handler(PULONG size)
{
        (void)size;
        handler_calls++;
        return NULL;
}

/* alloc_mdl_handler for the first fail_handler_after calls, then NULL. */
static int fail_handler_after = -1;

static PMDL failing_mdl_handler(PULONG size)
{
        if (fail_handler_after == 0) {
                handler_calls++;
                return NULL;
        }
        fail_handler_after--;
        return alloc_mdl_handler(size);
}

static VOID free_mdl_handler(PMDL mdl)
{
        PVOID va = MmGetMdlVirtualAddress(mdl);

        free_handler_calls++;
        NdisFreeMdl(mdl);
        NdisFreeMemory(va, 0, 0);
}

static void retreat_within_backfill_moves_back(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'ataD', 0, 0);
        struct chain c;
        PNET_BUFFER nb;

        (void)state;
        chain_make(&c);
        nb = NdisAllocateNetBuffer(pool, c.m[0], 25, 20);
        assert_ptr_equal(NET_BUFFER_CURRENT_MDL(nb), c.m[1]);
        assert_int_equal(NET_BUFFER_CURRENT_MDL_OFFSET(nb), 15);
        assert_int_equal(NdisRetreatNetBufferDataStart(nb, 5, 0, NULL), NDIS_STATUS_SUCCESS);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(nb), 20);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(nb), 25);
        assert_int_equal(NET_BUFFER_CURRENT_MDL_OFFSET(nb), 10);
        /* Across an MDL boundary, still inside the backfill. */
        assert_int_equal(NdisRetreatNetBufferDataStart(nb, 15, 0, NULL), NDIS_STATUS_SUCCESS);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(nb), 5);
        assert_ptr_equal(NET_BUFFER_CURRENT_MDL(nb), c.m[0]);
        assert_int_equal(NET_BUFFER_CURRENT_MDL_OFFSET(nb), 5);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(nb), c.m[0]); /* no new MDL */
        NdisAdvanceNetBufferDataStart(nb, 20, TRUE, NULL);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(nb), 25);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(nb), c.m[0]); /* the caller's MDLs stay */
        NdisFreeNetBuffer(nb);
        chain_free(&c);
        NdisFreeNetBufferPool(pool);
}

static void retreat_past_backfill_allocates_an_mdl(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'ataD', 0, 0);
        struct chain c;
        unsigned char hdr[40], *p;
        PNET_BUFFER nb;
        PMDL front;
        int i;

        (void)state;
        chain_make(&c);
        nb = NdisAllocateNetBuffer(pool, c.m[0], 4, 50);
        assert_int_equal(NdisRetreatNetBufferDataStart(nb, 14, 32, NULL), NDIS_STATUS_SUCCESS);
        front = NET_BUFFER_FIRST_MDL(nb);
        assert_ptr_not_equal(front, c.m[0]);
        assert_ptr_equal(front->Next, c.m[0]);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(nb), 64);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(nb), 32); /* DataBackFill left in front */
        assert_ptr_equal(NET_BUFFER_CURRENT_MDL(nb), front);
        /* Write a 10-byte header; the old data follows it contiguously. */
        p = NdisGetDataBuffer(nb, 10, NULL, 1, 0);
        assert_non_null(p);
        memset(p, 0xee, 10);
        p = NdisGetDataBuffer(nb, 40, hdr, 1, 0);
        assert_ptr_equal(p, hdr);
        for (i = 0; i < 10; i++)
                assert_int_equal(hdr[i], 0xee);
        for (i = 10; i < 40; i++)
                assert_int_equal(hdr[i], i - 10);
        /* Advance with FreeMdl: the retreat's MDL goes once it is unused. */
        NdisAdvanceNetBufferDataStart(nb, 5, TRUE, NULL);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(nb), front);
        NdisAdvanceNetBufferDataStart(nb, 10, TRUE, NULL);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(nb), c.m[0]);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(nb), 5); /* one byte past the original start */
        assert_int_equal(NET_BUFFER_DATA_LENGTH(nb), 49);
        NdisFreeNetBuffer(nb);
        chain_free(&c);
        NdisFreeNetBufferPool(pool);
}

static void advance_without_free_mdl_keeps_the_retreat_mdl(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'ataD', 0, 0);
        struct chain c;
        PNET_BUFFER nb;
        PMDL front;

        (void)state;
        chain_make(&c);
        nb = NdisAllocateNetBuffer(pool, c.m[0], 0, 60);
        assert_int_equal(NdisRetreatNetBufferDataStart(nb, 8, 0, NULL), NDIS_STATUS_SUCCESS);
        front = NET_BUFFER_FIRST_MDL(nb);
        NdisAdvanceNetBufferDataStart(nb, 8, FALSE, NULL);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(nb), front);
        assert_ptr_equal(NET_BUFFER_CURRENT_MDL(nb), c.m[0]);
        /* A later retreat reuses that backfill. */
        assert_int_equal(NdisRetreatNetBufferDataStart(nb, 8, 0, NULL), NDIS_STATUS_SUCCESS);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(nb), front);
        NdisAdvanceNetBufferDataStart(nb, 8, TRUE, NULL);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(nb), c.m[0]);
        NdisFreeNetBuffer(nb);
        chain_free(&c);
        NdisFreeNetBufferPool(pool);
}

static void retreat_with_handlers(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'ataD', 0, 0);
        struct chain c;
        PNET_BUFFER nb;

        (void)state;
        chain_make(&c);
        nb = NdisAllocateNetBuffer(pool, c.m[0], 0, 60);
        handler_calls = free_handler_calls = 0;
        assert_int_equal(NdisRetreatNetBufferDataStart(nb, 20, 10, alloc_mdl_handler),
                         NDIS_STATUS_SUCCESS);
        assert_int_equal(handler_calls, 1);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(nb), 80);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(nb), 10);
        NdisAdvanceNetBufferDataStart(nb, 20, TRUE, free_mdl_handler);
        assert_int_equal(free_handler_calls, 1);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(nb), c.m[0]);
        /* A handler returning NULL: NDIS_STATUS_RESOURCES, the buffer unchanged. */
        assert_int_equal(NdisRetreatNetBufferDataStart(nb, 20, 0, null_mdl_handler),
                         NDIS_STATUS_RESOURCES);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(nb), 60);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(nb), 0);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(nb), c.m[0]);
        NdisFreeNetBuffer(nb);
        chain_free(&c);
        NdisFreeNetBufferPool(pool);
}

/* Every retreat that needs an MDL stacks one more at the front; an advance with
 * FreeMdl frees each the way it was made, however deep the stack: 64 of the
 * handler's (a 65th is refused, the buffer unchanged), or 100 of ours. */
static void deep_stacks_of_retreat_mdls_free_each_the_right_way(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'ataD', 64, 0);
        unsigned long reports = winnet_verifier_report_count();
        PNET_BUFFER nb = NdisAllocateNetBufferMdlAndData(pool);
        PMDL own = NET_BUFFER_FIRST_MDL(nb), front;
        int i;

        (void)state;
        handler_calls = free_handler_calls = 0;
        for (i = 0; i < 64; i++)
                if (NdisRetreatNetBufferDataStart(nb, 8, 0, alloc_mdl_handler) !=
                    NDIS_STATUS_SUCCESS)
                        fail_msg("handler retreat %d failed", i);
        front = NET_BUFFER_FIRST_MDL(nb);
        assert_int_equal(NdisRetreatNetBufferDataStart(nb, 8, 0, alloc_mdl_handler),
                         NDIS_STATUS_RESOURCES);
        assert_int_equal(handler_calls, 64);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(nb), front);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(nb), 64 + 64 * 8);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(nb), 0);
        NdisAdvanceNetBufferDataStart(nb, 64 * 8, TRUE, free_mdl_handler);
        assert_int_equal(free_handler_calls, 64);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(nb), own);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(nb), 64);
        for (i = 0; i < 100; i++)
                assert_int_equal(NdisRetreatNetBufferDataStart(nb, 4, 0, NULL),
                                 NDIS_STATUS_SUCCESS);
        NdisAdvanceNetBufferDataStart(nb, 400, TRUE, NULL);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(nb), own);
        assert_null(NDIS_MDL_LINKAGE(own));
        assert_int_equal(winnet_verifier_report_count(), reports);
        NdisFreeNetBuffer(nb);
        NdisFreeNetBufferPool(pool);
}

static void nbl_variants_apply_to_every_nb_and_undo_on_failure(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'ataD', 0, 0);
        NDIS_HANDLE lpool = nbl_pool(NULL, 'ataD', FALSE, 0, 0, 0);
        PNET_BUFFER_LIST nbl = NdisAllocateNetBufferList(lpool, 0, 0);
        struct chain c1, c2;
        PNET_BUFFER a, b;

        (void)state;
        chain_make(&c1);
        chain_make(&c2);
        a = NdisAllocateNetBuffer(pool, c1.m[0], 10, 20);
        b = NdisAllocateNetBuffer(pool, c2.m[0], 0, 20);
        NET_BUFFER_LIST_FIRST_NB(nbl) = a;
        NET_BUFFER_NEXT_NB(a) = b;
        assert_int_equal(NdisRetreatNetBufferListDataStart(nbl, 4, 0, NULL, NULL),
                         NDIS_STATUS_SUCCESS);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(a), 6);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(b), 24);
        assert_ptr_not_equal(NET_BUFFER_FIRST_MDL(b), c2.m[0]);
        NdisAdvanceNetBufferListDataStart(nbl, 4, TRUE, NULL);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(b), c2.m[0]);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(a), 10);
        /* a retreats inside its backfill, b's handler fails: a is advanced back. */
        handler_calls = 0;
        assert_int_equal(NdisRetreatNetBufferListDataStart(nbl, 8, 0, null_mdl_handler, NULL),
                         NDIS_STATUS_RESOURCES);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(a), 10);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(a), 20);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(b), 20);
        NET_BUFFER_LIST_FIRST_NB(nbl) = NULL;
        NdisFreeNetBuffer(a);
        NdisFreeNetBuffer(b);
        NdisFreeNetBufferList(nbl);
        chain_free(&c1);
        chain_free(&c2);
        NdisFreeNetBufferListPool(lpool);
        NdisFreeNetBufferPool(pool);
}

/* A failed NBL retreat leaves every NET_BUFFER as it was: the MDLs it added are
 * taken back, and an unused retreat MDL a buffer kept from before (advance
 * without FreeMdl) stays, as do its offsets. */
static void failed_nbl_retreat_changes_nothing(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'ataD', 0, 0);
        NDIS_HANDLE lpool = nbl_pool(NULL, 'ataD', FALSE, 0, 0, 0);
        PNET_BUFFER_LIST nbl = NdisAllocateNetBufferList(lpool, 0, 0);
        unsigned long reports = winnet_verifier_report_count();
        struct chain c1, c2, c3;
        PNET_BUFFER a, b, z;
        PMDL kept, b_first;

        (void)state;
        chain_make(&c1);
        chain_make(&c2);
        chain_make(&c3);
        a = NdisAllocateNetBuffer(pool, c1.m[0], 0, 20);
        b = NdisAllocateNetBuffer(pool, c2.m[0], 2, 20);
        z = NdisAllocateNetBuffer(pool, c3.m[0], 0, 20);
        NET_BUFFER_LIST_FIRST_NB(nbl) = a;
        NET_BUFFER_NEXT_NB(a) = b;
        NET_BUFFER_NEXT_NB(b) = z;
        /* a keeps an unused retreat MDL of 16 bytes in front of its data. */
        assert_int_equal(NdisRetreatNetBufferDataStart(a, 16, 0, NULL), NDIS_STATUS_SUCCESS);
        NdisAdvanceNetBufferDataStart(a, 16, FALSE, NULL);
        kept = NET_BUFFER_FIRST_MDL(a);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(a), 16);
        /* a retreats in its backfill, b needs an MDL (handler), z's handler fails. */
        handler_calls = free_handler_calls = 0;
        fail_handler_after = 1;
        assert_int_equal(
            NdisRetreatNetBufferListDataStart(nbl, 4, 0, failing_mdl_handler, free_mdl_handler),
            NDIS_STATUS_RESOURCES);
        fail_handler_after = -1;
        assert_int_equal(handler_calls, 2);
        assert_int_equal(free_handler_calls, 1);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(a), kept);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(a), 16);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(a), 20);
        assert_ptr_equal(NET_BUFFER_CURRENT_MDL(a), c1.m[0]);
        assert_int_equal(NET_BUFFER_CURRENT_MDL_OFFSET(a), 0);
        b_first = NET_BUFFER_FIRST_MDL(b);
        assert_ptr_equal(b_first, c2.m[0]);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(b), 2);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(b), 20);
        assert_ptr_equal(NET_BUFFER_CURRENT_MDL(b), c2.m[0]);
        assert_int_equal(NET_BUFFER_CURRENT_MDL_OFFSET(b), 2);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(z), c3.m[0]);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(z), 20);
        /* The kept MDL still serves a later retreat, and goes with FreeMdl. */
        NdisAdvanceNetBufferDataStart(a, 0, TRUE, NULL);
        assert_ptr_equal(NET_BUFFER_FIRST_MDL(a), c1.m[0]);
        assert_int_equal(winnet_verifier_report_count(), reports);
        NET_BUFFER_LIST_FIRST_NB(nbl) = NULL;
        NdisFreeNetBuffer(a);
        NdisFreeNetBuffer(b);
        NdisFreeNetBuffer(z);
        NdisFreeNetBufferList(nbl);
        chain_free(&c1);
        chain_free(&c2);
        chain_free(&c3);
        NdisFreeNetBufferListPool(lpool);
        NdisFreeNetBufferPool(pool);
}

static void get_data_buffer_contiguous_across_and_aligned(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'ataD', 0, 0);
        unsigned char storage[64];
        struct chain c;
        PNET_BUFFER nb;
        unsigned char *p;
        int i;

        (void)state;
        chain_make(&c);
        nb = NdisAllocateNetBuffer(pool, c.m[0], 2, 50);
        /* Contiguous: a pointer into the data. */
        p = NdisGetDataBuffer(nb, 8, storage, 1, 0);
        assert_ptr_equal(p, c.buf + 2);
        /* Across the 10-byte MDL boundary: copied into Storage... */
        p = NdisGetDataBuffer(nb, 20, storage, 1, 0);
        assert_ptr_equal(p, storage);
        for (i = 0; i < 20; i++)
                assert_int_equal(storage[i], i + 2);
        /* ...or NULL without Storage. */
        assert_null(NdisGetDataBuffer(nb, 20, NULL, 1, 0));
        /* More than DataLength: NULL even with Storage. */
        assert_null(NdisGetDataBuffer(nb, 51, storage, 1, 0));
        /* Alignment: buf is 16-aligned, data starts at buf + 2. */
        assert_ptr_equal(NdisGetDataBuffer(nb, 4, NULL, 2, 0), c.buf + 2);
        assert_null(NdisGetDataBuffer(nb, 4, NULL, 4, 0));
        assert_ptr_equal(NdisGetDataBuffer(nb, 4, NULL, 4, 2), c.buf + 2);
        assert_ptr_equal(NdisGetDataBuffer(nb, 4, storage, 16, 0), storage);
        assert_int_equal(storage[0], 2);
        /* AlignMultiple not a power of two. */
        assert_null(NdisGetDataBuffer(nb, 4, storage, 3, 0));
        /* Data starting exactly at an MDL boundary. */
        NdisAdvanceNetBufferDataStart(nb, 8, FALSE, NULL);
        assert_ptr_equal(NdisGetDataBuffer(nb, 20, NULL, 1, 0), c.buf + 10);
        NdisFreeNetBuffer(nb);
        chain_free(&c);
        NdisFreeNetBufferPool(pool);
}

static void copy_between_net_buffers(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'ataD', 0, 0);
        NDIS_HANDLE dpool = nb_pool(NULL, 'ataD', 100, 0);
        PNET_BUFFER src, dst;
        unsigned char *d;
        struct chain c;
        ULONG copied = 0;
        int i;

        (void)state;
        chain_make(&c);
        src = NdisAllocateNetBuffer(pool, c.m[0], 5, 55);
        dst = NdisAllocateNetBufferMdlAndData(dpool);
        d = MmGetSystemAddressForMdlSafe(NET_BUFFER_FIRST_MDL(dst), NormalPagePriority);
        memset(d, 0, 100);
        assert_int_equal(NdisCopyFromNetBufferToNetBuffer(dst, 10, 40, src, 3, &copied),
                         NDIS_STATUS_SUCCESS);
        assert_int_equal(copied, 40);
        for (i = 0; i < 40; i++)
                assert_int_equal(d[10 + i], 8 + i);
        assert_int_equal(d[9], 0);
        assert_int_equal(d[50], 0);
        /* Shorter source: copies what there is. */
        assert_int_equal(NdisCopyFromNetBufferToNetBuffer(dst, 0, 100, src, 50, &copied),
                         NDIS_STATUS_SUCCESS);
        assert_int_equal(copied, 5);
        /* A source offset past its data: nothing to copy, and no failure (the only
         * documented failure is NDIS_STATUS_RESOURCES). */
        copied = 7;
        assert_int_equal(NdisCopyFromNetBufferToNetBuffer(dst, 0, 1, src, 56, &copied),
                         NDIS_STATUS_SUCCESS);
        assert_int_equal(copied, 0);
        copied = 7;
        assert_int_equal(NdisCopyFromNetBufferToNetBuffer(dst, 0, 1, src, 55, &copied),
                         NDIS_STATUS_SUCCESS);
        assert_int_equal(copied, 0);
        NdisFreeNetBuffer(src);
        NdisFreeNetBuffer(dst);
        chain_free(&c);
        NdisFreeNetBufferPool(pool);
        NdisFreeNetBufferPool(dpool);
}

/* The destination receives the copy in the space of its MDL chain, not within its
 * DataLength: NDIS changes none of its fields and the caller sets DataLength after
 * the copy. The copy stops where the destination chain ends. */
static void copy_fills_destination_mdl_space_and_leaves_its_fields(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'ataD', 0, 0);
        struct chain src_c, dst_c;
        PNET_BUFFER src, dst;
        ULONG copied = 0;
        int i;

        (void)state;
        chain_make(&src_c);
        chain_make(&dst_c);
        memset(dst_c.buf, 0, 64);
        src = NdisAllocateNetBuffer(pool, src_c.m[0], 0, 60);
        /* An empty destination whose data starts 4 bytes in: 56 bytes of space in
         * three MDLs (10 + 20 + 30) from there. */
        dst = NdisAllocateNetBuffer(pool, dst_c.m[0], 4, 0);
        assert_int_equal(NdisCopyFromNetBufferToNetBuffer(dst, 2, 40, src, 5, &copied),
                         NDIS_STATUS_SUCCESS);
        assert_int_equal(copied, 40);
        for (i = 0; i < 40; i++)
                if (dst_c.buf[6 + i] != 5 + i)
                        fail_msg("destination byte %d is %u, expected %d", 6 + i, dst_c.buf[6 + i],
                                 5 + i);
        assert_int_equal(dst_c.buf[5], 0);
        assert_int_equal(dst_c.buf[46], 0);
        assert_int_equal(NET_BUFFER_DATA_LENGTH(dst), 0);
        assert_int_equal(NET_BUFFER_DATA_OFFSET(dst), 4);
        assert_ptr_equal(NET_BUFFER_CURRENT_MDL(dst), dst_c.m[0]);
        assert_int_equal(NET_BUFFER_CURRENT_MDL_OFFSET(dst), 4);
        /* The destination runs out of space: 60 - 4 - 10 = 46 bytes fit. */
        assert_int_equal(NdisCopyFromNetBufferToNetBuffer(dst, 10, 60, src, 0, &copied),
                         NDIS_STATUS_SUCCESS);
        assert_int_equal(copied, 46);
        assert_int_equal(dst_c.buf[59], 45);
        /* A destination offset past its chain: nothing copied, no failure. */
        copied = 7;
        assert_int_equal(NdisCopyFromNetBufferToNetBuffer(dst, 56, 4, src, 0, &copied),
                         NDIS_STATUS_SUCCESS);
        assert_int_equal(copied, 0);
        NdisFreeNetBuffer(src);
        NdisFreeNetBuffer(dst);
        chain_free(&src_c);
        chain_free(&dst_c);
        NdisFreeNetBufferPool(pool);
}

static void mapping_failure_under_low_resources(void **state)
{
        NDIS_HANDLE pool = nb_pool(NULL, 'ataD', 64, 0);
        PNET_BUFFER nb = NdisAllocateNetBufferMdlAndData(pool);
        unsigned char storage[8];

        (void)state;
        winnet_fault_fail_nth(1);
        assert_null(MmGetSystemAddressForMdlSafe(NET_BUFFER_FIRST_MDL(nb), NormalPagePriority));
        winnet_fault_fail_nth(1);
        assert_null(NdisGetDataBuffer(nb, 8, storage, 1, 0));
        winnet_fault_reset();
        assert_non_null(NdisGetDataBuffer(nb, 8, storage, 1, 0));
        NdisFreeNetBuffer(nb);
        NdisFreeNetBufferPool(pool);
}

static void checks_pass_on_valid_buffers_when_verifying(void **state)
{
        unsigned long reports = winnet_verifier_report_count();

        winnet_verifier_enable(WINNET_VERIFIER_ALL);
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        retreat_past_backfill_allocates_an_mdl(state);
        retreat_with_handlers(state);
        deep_stacks_of_retreat_mdls_free_each_the_right_way(state);
        get_data_buffer_contiguous_across_and_aligned(state);
        copy_between_net_buffers(state);
        copy_fills_destination_mdl_space_and_leaves_its_fields(state);
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
        /* Only the deliberate AlignMultiple 3 of the GetDataBuffer test. */
        assert_int_equal(winnet_verifier_report_count(), reports + 1);
        winnet_ndis_quarantine_flush();
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(retreat_within_backfill_moves_back),
            cmocka_unit_test(retreat_past_backfill_allocates_an_mdl),
            cmocka_unit_test(advance_without_free_mdl_keeps_the_retreat_mdl),
            cmocka_unit_test(retreat_with_handlers),
            cmocka_unit_test(deep_stacks_of_retreat_mdls_free_each_the_right_way),
            cmocka_unit_test(nbl_variants_apply_to_every_nb_and_undo_on_failure),
            cmocka_unit_test(failed_nbl_retreat_changes_nothing),
            cmocka_unit_test(get_data_buffer_contiguous_across_and_aligned),
            cmocka_unit_test(copy_between_net_buffers),
            cmocka_unit_test(copy_fills_destination_mdl_space_and_leaves_its_fields),
            cmocka_unit_test(mapping_failure_under_low_resources),
            cmocka_unit_test(checks_pass_on_valid_buffers_when_verifying),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
