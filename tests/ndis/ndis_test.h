/* ndis_test.h - helpers shared by the NDIS tests: pools with the parameters a
 * driver would pass. */
#ifndef WINNET_TEST_NDIS_H
#define WINNET_TEST_NDIS_H

#include "ndis.h"
#include "winnet.h"

static inline NDIS_HANDLE nb_pool(NDIS_HANDLE drv, ULONG tag, ULONG data_size, ULONG flags)
{
        NET_BUFFER_POOL_PARAMETERS p = {0};

        p.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
        p.Header.Revision = NET_BUFFER_POOL_PARAMETERS_REVISION_2;
        p.Header.Size = NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_2;
        p.PoolTag = tag;
        p.DataSize = data_size;
        p.Flags = flags;
        return NdisAllocateNetBufferPool(drv, &p);
}

static inline NDIS_HANDLE nbl_pool(NDIS_HANDLE drv, ULONG tag, BOOLEAN with_nb, ULONG data_size,
                                   USHORT context_size, ULONG flags)
{
        NET_BUFFER_LIST_POOL_PARAMETERS p = {0};

        p.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
        p.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_2;
        p.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_2;
        p.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
        p.fAllocateNetBuffer = with_nb;
        p.ContextSize = context_size;
        p.PoolTag = tag;
        p.DataSize = data_size;
        p.Flags = flags;
        return NdisAllocateNetBufferListPool(drv, &p);
}

#endif /* WINNET_TEST_NDIS_H */
