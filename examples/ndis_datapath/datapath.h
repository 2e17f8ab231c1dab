/* datapath.h - a miniature NDIS send path, as a filter or miniport would write it:
 * DpInitialize allocates the pools, DpSendFrames builds one NBL per frame (copying
 * the frame into pool data and prepending a 4-byte tag header), DpSendComplete
 * frees what the "hardware" hands back, DpUnload frees the pools. */
#ifndef DATAPATH_H
#define DATAPATH_H

#include <ndis.h>

#define DP_TAG        'pDxE' /* poolmon: "ExDp" */
#define DP_MAX_FRAME  1514
#define DP_TAG_HEADER 4
#define DP_BACKFILL   32

typedef struct _DP_ADAPTER {
        NDIS_HANDLE DriverHandle;
        NDIS_HANDLE NblPool; /* NBL + NET_BUFFER + DP_BACKFILL + DP_MAX_FRAME bytes */
        NDIS_SPIN_LOCK Lock; /* protects the in-flight list */
        PNET_BUFFER_LIST InFlight;
        ULONG InFlightCount;
        ULONG Sent, Completed, Dropped;
} DP_ADAPTER, *PDP_ADAPTER;

/* Per-NBL context the send path keeps while the frame is out. */
typedef struct _DP_SEND_CONTEXT {
        ULONG Sequence;
        ULONG OriginalLength;
} DP_SEND_CONTEXT;

NDIS_STATUS DpInitialize(PDP_ADAPTER Adapter, NDIS_HANDLE DriverHandle);
/* Sends Count frames; returns how many were queued (the rest were dropped for
 * lack of resources). */
ULONG DpSendFrames(PDP_ADAPTER Adapter, const UCHAR *const *Frames, const ULONG *Lengths,
                   ULONG Count);
/* The "hardware" finished: takes the in-flight chain and completes every NBL. */
PNET_BUFFER_LIST DpTakeInFlight(PDP_ADAPTER Adapter);
VOID DpSendComplete(PDP_ADAPTER Adapter, PNET_BUFFER_LIST NetBufferLists);
VOID DpUnload(PDP_ADAPTER Adapter);

#endif /* DATAPATH_H */
