/* data_space.c - moving the start of a NET_BUFFER's data and reading it:
 * NdisRetreatNetBufferDataStart / NdisAdvanceNetBufferDataStart and their NBL
 * variants, NdisGetDataBuffer and NdisCopyFromNetBufferToNetBuffer.
 *
 * A retreat that finds too little backfill first uses what backfill is left, then
 * puts a new MDL at the front of the chain holding the rest of the delta plus
 * DataBackFill bytes, so the used data stays contiguous in the chain. The hidden
 * header of the NET_BUFFER counts those MDLs (they are always the first ones of
 * the chain) and remembers which came from the driver's handler, so an advance
 * with FreeMdl frees exactly the MDLs a retreat allocated, each the right way. */
#include <string.h>

#include "ndis_internal.h"

static void set_current(PNET_BUFFER nb)
{
        nb_locate(nb->MdlChain, nb->DataOffset, &nb->CurrentMdl, &nb->CurrentMdlOffset);
}

NDIS_STATUS NdisRetreatNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta,
                                          ULONG DataBackFill,
                                          NET_BUFFER_ALLOCATE_MDL_HANDLER AllocateMdlHandler)
{
        static const char api[] = "NdisRetreatNetBufferDataStart";
        struct ndis_obj *o = obj_of(NetBuffer);
        ULONG need, size;
        int by_handler = 0;
        PMDL m;

        irql_check_max(api, IRQL_DISPATCH, 0);
        nb_verify(NetBuffer, api);
        o->u.nb.last_made = 0;
        if (DataOffsetDelta <= NetBuffer->DataOffset) {
                NetBuffer->DataOffset -= DataOffsetDelta;
                NetBuffer->DataLength += DataOffsetDelta;
                if (DataOffsetDelta <= NetBuffer->CurrentMdlOffset)
                        NetBuffer->CurrentMdlOffset -= DataOffsetDelta;
                else
                        set_current(NetBuffer);
                return NDIS_STATUS_SUCCESS;
        }
        need = DataOffsetDelta - NetBuffer->DataOffset;
        if (DataBackFill > 0xffffffffu - need)
                return NDIS_STATUS_RESOURCES;
        /* The bookkeeping holds how each of the front 64 retreat MDLs was made; one
         * more would push a handler's MDL out of it (and then free it the wrong
         * way): refuse before anything is allocated, the NET_BUFFER unchanged. */
        if (unlikely((o->u.nb.by_handler >> 63) || o->u.nb.retreat_mdls == UINT16_MAX))
                return NDIS_STATUS_RESOURCES;
        size = need + DataBackFill;
        if (AllocateMdlHandler) {
                ULONG got = size;

                m = AllocateMdlHandler(&got);
                if (!m)
                        return NDIS_STATUS_RESOURCES;
                if (m->ByteCount < need) {
                        uint64_t prm[4] = {(uint64_t)(uintptr_t)NetBuffer, need, m->ByteCount, 0};

                        verifier_report(WINNET_BUGCHECK(W_BAD_PARAMETER), prm, "bad_parameter", api,
                                        "the AllocateMdlHandler returned an MDL of %u bytes, "
                                        "fewer than the %u needed",
                                        m->ByteCount, need);
                        return NDIS_STATUS_RESOURCES;
                }
                by_handler = 1;
        } else {
                m = retreat_mdl_alloc(size, obj_of(NetBuffer)->bh.tag, ALLOC_SITE_HERE(api));
                if (!m)
                        return NDIS_STATUS_RESOURCES;
        }
        m->Next = NetBuffer->MdlChain;
        NetBuffer->MdlChain = m;
        NetBuffer->DataOffset = m->ByteCount - need;
        NetBuffer->DataLength += DataOffsetDelta;
        NetBuffer->CurrentMdl = m;
        NetBuffer->CurrentMdlOffset = NetBuffer->DataOffset;
        o->u.nb.by_handler = (o->u.nb.by_handler << 1) | (uint64_t)by_handler;
        o->u.nb.retreat_mdls++;
        o->u.nb.last_made = 1;
        /* The fast free paths see this flag (of the NBL, for its preallocated
         * NET_BUFFER) and leave the release to the slow path. */
        o->bh.flags |= OBJ_F_RETREAT;
        if (o->bh.spare == KIND_NB_PREALLOC)
                obj_of((char *)NetBuffer - o->pool->nb_off)->bh.flags |= OBJ_F_RETREAT;
        nb_verify(NetBuffer, api);
        return NDIS_STATUS_SUCCESS;
}

/* Unlinks the first MDL of the chain (one a retreat made) and frees it. */
static void pop_retreat_mdl(PNET_BUFFER nb, NET_BUFFER_FREE_MDL_HANDLER handler, const char *api)
{
        struct ndis_obj *o = obj_of(nb);
        PMDL m = nb->MdlChain;
        int by_handler = o->u.nb.by_handler & 1u;

        nb->MdlChain = m->Next;
        o->u.nb.retreat_mdls--;
        o->u.nb.by_handler >>= 1;
        m->Next = NULL;
        if (!by_handler) {
                retreat_mdl_free(m, api);
        } else if (handler) {
                handler(m);
        } else {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)nb, (uint64_t)(uintptr_t)m, 0, 0};

                verifier_report(WINNET_BUGCHECK(W_RETREAT_MDL_OUTSTANDING), prm,
                                "retreat_mdl_outstanding", api,
                                "MDL %p came from an AllocateMdlHandler but no FreeMdlHandler "
                                "was given: it leaks",
                                (void *)m);
        }
}

VOID NdisAdvanceNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta, BOOLEAN FreeMdl,
                                   NET_BUFFER_FREE_MDL_HANDLER FreeMdlHandler)
{
        static const char api[] = "NdisAdvanceNetBufferDataStart";
        struct ndis_obj *o = obj_of(NetBuffer);

        irql_check_max(api, IRQL_DISPATCH, 0);
        nb_verify(NetBuffer, api);
        if (DataOffsetDelta > NetBuffer->DataLength) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)NetBuffer, DataOffsetDelta,
                                   NetBuffer->DataLength, 0};
                char tt[5];

                verifier_tag_text(o->bh.tag, tt);
                verifier_report(WINNET_BUGCHECK(W_BAD_PARAMETER), prm, "bad_parameter", api,
                                "NET_BUFFER %p (tag '%s'): advancing by %u bytes, but DataLength "
                                "is %u",
                                (void *)NetBuffer, tt, DataOffsetDelta, NetBuffer->DataLength);
                DataOffsetDelta = NetBuffer->DataLength;
        }
        NetBuffer->DataOffset += DataOffsetDelta;
        NetBuffer->DataLength -= DataOffsetDelta;
        if (FreeMdl)
                while (o->u.nb.retreat_mdls && NetBuffer->MdlChain &&
                       NetBuffer->DataOffset >= NetBuffer->MdlChain->ByteCount &&
                       (NetBuffer->MdlChain->Next || !NetBuffer->DataLength)) {
                        NetBuffer->DataOffset -= NetBuffer->MdlChain->ByteCount;
                        pop_retreat_mdl(NetBuffer, FreeMdlHandler, api);
                }
        set_current(NetBuffer);
        nb_verify(NetBuffer, api);
}

void nb_release_retreat_mdls(PNET_BUFFER nb, const char *api)
{
        struct ndis_obj *o = obj_of(nb);

        if (!o->u.nb.retreat_mdls)
                return;
        if (NDIS_VERIFYING()) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)nb, o->u.nb.retreat_mdls, o->bh.tag, 0};
                char tt[5];

                verifier_tag_text(o->bh.tag, tt);
                verifier_report(WINNET_BUGCHECK(W_RETREAT_MDL_OUTSTANDING), prm,
                                "retreat_mdl_outstanding", api,
                                "NET_BUFFER %p (tag '%s') is freed with %u MDL(s) a retreat "
                                "allocated still in its chain: advance with FreeMdl first",
                                (void *)nb, tt, o->u.nb.retreat_mdls);
        }
        while (o->u.nb.retreat_mdls && nb->MdlChain)
                pop_retreat_mdl(nb, NULL, api);
}

/* Takes back a successful retreat of `delta` exactly: the MDL it put in front, if
 * any, and nothing else (an unused retreat MDL kept from before stays). */
static void retreat_undo(PNET_BUFFER nb, ULONG delta, NET_BUFFER_FREE_MDL_HANDLER handler,
                         const char *api)
{
        struct ndis_obj *o = obj_of(nb);

        nb->DataOffset += delta;
        nb->DataLength -= delta;
        if (o->u.nb.last_made) {
                nb->DataOffset -= nb->MdlChain->ByteCount;
                pop_retreat_mdl(nb, handler, api);
                o->u.nb.last_made = 0;
        }
        set_current(nb);
}

NDIS_STATUS NdisRetreatNetBufferListDataStart(PNET_BUFFER_LIST NetBufferList, ULONG DataOffsetDelta,
                                              ULONG DataBackFill,
                                              NET_BUFFER_ALLOCATE_MDL_HANDLER AllocateMdlHandler,
                                              NET_BUFFER_FREE_MDL_HANDLER FreeMdlHandler)
{
        PNET_BUFFER nb, undo;
        NDIS_STATUS st;

        nbl_verify(NetBufferList, "NdisRetreatNetBufferListDataStart");
        for (nb = NetBufferList->FirstNetBuffer; nb; nb = nb->Next) {
                st = NdisRetreatNetBufferDataStart(nb, DataOffsetDelta, DataBackFill,
                                                   AllocateMdlHandler);
                if (st == NDIS_STATUS_SUCCESS)
                        continue;
                for (undo = NetBufferList->FirstNetBuffer; undo != nb; undo = undo->Next)
                        retreat_undo(undo, DataOffsetDelta, FreeMdlHandler,
                                     "NdisRetreatNetBufferListDataStart");
                return st;
        }
        return NDIS_STATUS_SUCCESS;
}

VOID NdisAdvanceNetBufferListDataStart(PNET_BUFFER_LIST NetBufferList, ULONG DataOffsetDelta,
                                       BOOLEAN FreeMdl,
                                       NET_BUFFER_FREE_MDL_HANDLER FreeMdlMdlHandler)
{
        PNET_BUFFER nb;

        nbl_verify(NetBufferList, "NdisAdvanceNetBufferListDataStart");
        for (nb = NetBufferList->FirstNetBuffer; nb; nb = nb->Next)
                NdisAdvanceNetBufferDataStart(nb, DataOffsetDelta, FreeMdl, FreeMdlMdlHandler);
}

/* Copies `len` bytes starting `off` bytes into MDL `m` (following the chain) to
 * `dst`; returns 0, or -1 when a mapping fails or the chain ends early. */
static int chain_copy_out(PMDL m, ULONG off, void *dst, ULONG len)
{
        unsigned char *d = dst;

        while (len) {
                ULONG chunk;
                unsigned char *va;

                if (!m)
                        return -1;
                if (off >= m->ByteCount) {
                        off -= m->ByteCount;
                        m = m->Next;
                        continue;
                }
                va = MmGetSystemAddressForMdlSafe(m, NormalPagePriority);
                if (!va)
                        return -1;
                chunk = m->ByteCount - off < len ? m->ByteCount - off : len;
                memcpy(d, va + off, chunk);
                d += chunk;
                len -= chunk;
                off = 0;
                m = m->Next;
        }
        return 0;
}

PVOID NdisGetDataBuffer(PNET_BUFFER NetBuffer, ULONG BytesNeeded, PVOID Storage, UINT AlignMultiple,
                        UINT AlignOffset)
{
        static const char api[] = "NdisGetDataBuffer";
        unsigned char *va;
        PMDL m;
        ULONG off;

        irql_check_max(api, IRQL_DISPATCH, 0);
        nb_verify(NetBuffer, api);
        if (!AlignMultiple || (AlignMultiple & (AlignMultiple - 1))) {
                if (NDIS_VERIFYING()) {
                        uint64_t prm[4] = {(uint64_t)(uintptr_t)NetBuffer, AlignMultiple, 0, 0};

                        verifier_report(WINNET_BUGCHECK(W_BAD_PARAMETER), prm, "bad_parameter", api,
                                        "AlignMultiple %u is not a power of two", AlignMultiple);
                }
                return NULL;
        }
        if (BytesNeeded > NetBuffer->DataLength || !NetBuffer->CurrentMdl)
                return NULL;
        m = NetBuffer->CurrentMdl;
        off = NetBuffer->CurrentMdlOffset;
        while (m->Next && off >= m->ByteCount) {
                off -= m->ByteCount;
                m = m->Next;
        }
        if (m->ByteCount - off >= BytesNeeded) {
                va = MmGetSystemAddressForMdlSafe(m, NormalPagePriority);
                if (!va)
                        return NULL;
                if (!(((uintptr_t)(va + off) - AlignOffset) & (AlignMultiple - 1u)))
                        return va + off;
        }
        if (!Storage || chain_copy_out(m, off, Storage, BytesNeeded) < 0)
                return NULL;
        return Storage;
}

/* The MDL and offset `skip` bytes past the start of nb's data; NULL when the chain
 * ends first. 64-bit: CurrentMdlOffset + skip may not fit a ULONG. */
static PMDL data_position(const NET_BUFFER *nb, ULONG skip, ULONG *ret_off)
{
        uint64_t off = (uint64_t)nb->CurrentMdlOffset + skip;
        PMDL m = nb->CurrentMdl;

        while (m && off >= m->ByteCount) {
                off -= m->ByteCount;
                m = m->Next;
        }
        *ret_off = m ? (ULONG)off : 0;
        return m;
}

/* Only the source's used data bounds the copy. The destination takes it into the
 * space of its MDL chain from DestinationOffset bytes past its data start, whatever
 * its DataLength: NDIS changes no field of the destination, the caller sets its
 * DataLength afterwards. A source offset past the data or a destination offset past
 * the chain copies nothing and is no failure (NDIS_STATUS_SUCCESS, *BytesCopied 0);
 * the only failure is a mapping (NDIS_STATUS_RESOURCES). */
NDIS_STATUS NdisCopyFromNetBufferToNetBuffer(PNET_BUFFER Destination, ULONG DestinationOffset,
                                             ULONG BytesToCopy, PNET_BUFFER Source,
                                             ULONG SourceOffset, PULONG BytesCopied)
{
        static const char api[] = "NdisCopyFromNetBufferToNetBuffer";
        ULONG n, doff, soff;
        PMDL dm, sm;

        irql_check_max(api, IRQL_DISPATCH, 0);
        nb_verify(Destination, api);
        nb_verify(Source, api);
        *BytesCopied = 0;
        if (SourceOffset >= Source->DataLength)
                return NDIS_STATUS_SUCCESS;
        n = BytesToCopy;
        if (n > Source->DataLength - SourceOffset)
                n = Source->DataLength - SourceOffset;
        sm = data_position(Source, SourceOffset, &soff);
        dm = data_position(Destination, DestinationOffset, &doff);
        while (*BytesCopied < n && sm && dm) {
                unsigned char *s, *d;
                ULONG chunk = n - *BytesCopied;

                if (soff >= sm->ByteCount) {
                        soff = 0;
                        sm = sm->Next;
                        continue;
                }
                if (doff >= dm->ByteCount) {
                        doff = 0;
                        dm = dm->Next;
                        continue;
                }
                s = MmGetSystemAddressForMdlSafe(sm, NormalPagePriority);
                d = MmGetSystemAddressForMdlSafe(dm, NormalPagePriority);
                if (!s || !d)
                        return NDIS_STATUS_RESOURCES;
                if (chunk > sm->ByteCount - soff)
                        chunk = sm->ByteCount - soff;
                if (chunk > dm->ByteCount - doff)
                        chunk = dm->ByteCount - doff;
                memmove(d + doff, s + soff, chunk);
                soff += chunk;
                doff += chunk;
                *BytesCopied += chunk;
        }
        return NDIS_STATUS_SUCCESS;
}
