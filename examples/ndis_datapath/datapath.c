/* datapath.c - the miniature send path: pools at initialise, one NBL per frame
 * with a retreat for the tag header and a context for the send bookkeeping, a
 * completion routine that undoes both and frees the NBL, and an unload. */
#include <string.h>

#include "datapath.h"

NDIS_STATUS DpInitialize(PDP_ADAPTER Adapter, NDIS_HANDLE DriverHandle)
{
        NET_BUFFER_LIST_POOL_PARAMETERS params;

        NdisZeroMemory(Adapter, sizeof(*Adapter));
        Adapter->DriverHandle = DriverHandle;
        NdisZeroMemory(&params, sizeof(params));
        params.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
        params.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
        params.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
        params.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
        params.fAllocateNetBuffer = TRUE;
        params.ContextSize = 16; /* room for DP_SEND_CONTEXT */
        params.PoolTag = DP_TAG;
        params.DataSize = DP_BACKFILL + DP_MAX_FRAME;
        Adapter->NblPool = NdisAllocateNetBufferListPool(DriverHandle, &params);
        if (Adapter->NblPool == NULL)
                return NDIS_STATUS_RESOURCES;
        NdisAllocateSpinLock(&Adapter->Lock);
        return NDIS_STATUS_SUCCESS;
}

static PNET_BUFFER_LIST DpBuildNbl(PDP_ADAPTER Adapter, const UCHAR *Frame, ULONG Length,
                                   ULONG Sequence)
{
        PNET_BUFFER_LIST nbl;
        PNET_BUFFER nb;
        DP_SEND_CONTEXT *ctx;
        PUCHAR data, header;

        if (Length > DP_MAX_FRAME)
                return NULL;
        nbl = NdisAllocateNetBufferList(Adapter->NblPool, 16, 0);
        if (nbl == NULL)
                return NULL;
        nb = NET_BUFFER_LIST_FIRST_NB(nbl);
        /* Keep DP_BACKFILL bytes in front for headers, the frame after them. */
        NdisAdvanceNetBufferDataStart(nb, DP_BACKFILL, FALSE, NULL);
        NET_BUFFER_DATA_LENGTH(nb) = Length;
        data = NdisGetDataBuffer(nb, Length, NULL, 1, 0);
        if (data == NULL) {
                NdisRetreatNetBufferDataStart(nb, DP_BACKFILL, 0, NULL);
                NdisFreeNetBufferList(nbl);
                return NULL;
        }
        NdisMoveMemory(data, Frame, Length);
        /* Prepend the tag header inside the backfill: no new MDL. */
        if (NdisRetreatNetBufferDataStart(nb, DP_TAG_HEADER, 0, NULL) != NDIS_STATUS_SUCCESS) {
                NdisFreeNetBufferList(nbl);
                return NULL;
        }
        header = NdisGetDataBuffer(nb, DP_TAG_HEADER, NULL, 1, 0);
        header[0] = 0x81;
        header[1] = 0x00;
        header[2] = (UCHAR)(Sequence >> 8);
        header[3] = (UCHAR)Sequence;
        ctx = (DP_SEND_CONTEXT *)NET_BUFFER_LIST_CONTEXT_DATA_START(nbl);
        ctx->Sequence = Sequence;
        ctx->OriginalLength = Length;
        NET_BUFFER_LIST_STATUS(nbl) = NDIS_STATUS_SUCCESS;
        return nbl;
}

ULONG DpSendFrames(PDP_ADAPTER Adapter, const UCHAR *const *Frames, const ULONG *Lengths,
                   ULONG Count)
{
        PNET_BUFFER_LIST head = NULL, *tail = &head;
        ULONG i, queued = 0, seq;

        NdisAcquireSpinLock(&Adapter->Lock);
        seq = Adapter->Sent;
        Adapter->Sent += Count;
        NdisReleaseSpinLock(&Adapter->Lock);
        for (i = 0; i < Count; i++) {
                PNET_BUFFER_LIST nbl = DpBuildNbl(Adapter, Frames[i], Lengths[i], seq + i);

                if (nbl == NULL)
                        continue;
                *tail = nbl;
                tail = &NET_BUFFER_LIST_NEXT_NBL(nbl);
                queued++;
        }
        NdisAcquireSpinLock(&Adapter->Lock);
        Adapter->Dropped += Count - queued;
        *tail = Adapter->InFlight;
        Adapter->InFlight = head;
        Adapter->InFlightCount += queued;
        NdisReleaseSpinLock(&Adapter->Lock);
        return queued;
}

PNET_BUFFER_LIST DpTakeInFlight(PDP_ADAPTER Adapter)
{
        PNET_BUFFER_LIST chain;

        NdisAcquireSpinLock(&Adapter->Lock);
        chain = Adapter->InFlight;
        Adapter->InFlight = NULL;
        Adapter->InFlightCount = 0;
        NdisReleaseSpinLock(&Adapter->Lock);
        return chain;
}

VOID DpSendComplete(PDP_ADAPTER Adapter, PNET_BUFFER_LIST NetBufferLists)
{
        PNET_BUFFER_LIST nbl, next;
        KIRQL old;

        /* Completions arrive at DISPATCH_LEVEL. */
        KeRaiseIrql(DISPATCH_LEVEL, &old);
        for (nbl = NetBufferLists; nbl != NULL; nbl = next) {
                PNET_BUFFER nb = NET_BUFFER_LIST_FIRST_NB(nbl);

                next = NET_BUFFER_LIST_NEXT_NBL(nbl);
                NET_BUFFER_LIST_NEXT_NBL(nbl) = NULL;
                /* Undo the header before the NBL goes back to its pool. */
                NdisAdvanceNetBufferDataStart(nb, DP_TAG_HEADER, TRUE, NULL);
                NdisDprAcquireSpinLock(&Adapter->Lock);
                Adapter->Completed++;
                NdisDprReleaseSpinLock(&Adapter->Lock);
                NdisFreeNetBufferList(nbl);
        }
        KeLowerIrql(old);
}

VOID DpUnload(PDP_ADAPTER Adapter)
{
        PNET_BUFFER_LIST chain = DpTakeInFlight(Adapter);

        if (chain != NULL)
                DpSendComplete(Adapter, chain);
        if (Adapter->NblPool != NULL)
                NdisFreeNetBufferListPool(Adapter->NblPool);
        Adapter->NblPool = NULL;
        NdisFreeSpinLock(&Adapter->Lock);
}
