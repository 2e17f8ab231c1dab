/* port_ndis_driver.c - driver code written as for the WDK: only <ndis.h>, the
 * ntdef/wdm idioms a miniport uses unqualified (UNREFERENCED_PARAMETER,
 * RtlZeroMemory, RtlCopyMemory, RtlEqualMemory, RTL_NUMBER_OF, NT_SUCCESS), pool
 * memory with a tag and an NBL pool, checked for the values NDIS documents. Built
 * as C11 and C++17. */
#include <ndis.h>
#include <stdio.h>

#include "winnet.h"

#define PORT_TAG 'tpnW' /* "Wnpt" in a pool dump */

typedef struct _PORT_ADAPTER {
        NDIS_HANDLE NblPool;
        UCHAR MacAddress[6];
        ULONG Counters[4];
} PORT_ADAPTER, *PPORT_ADAPTER;

static int failures;

static void Check(BOOLEAN ok, const char *what)
{
        if (!ok) {
                fprintf(stderr, "FAIL: %s\n", what);
                failures++;
        }
}

static NDIS_STATUS PortInitialize(NDIS_HANDLE MiniportDriverHandle, PPORT_ADAPTER *ppAdapter,
                                  PVOID Reserved)
{
        static const UCHAR kMac[6] = {0x00, 0x00, 0x5e, 0x00, 0x53, 0x02};
        NET_BUFFER_LIST_POOL_PARAMETERS params;
        PPORT_ADAPTER adapter;
        ULONG i;

        UNREFERENCED_PARAMETER(Reserved);
        adapter = (PPORT_ADAPTER)NdisAllocateMemoryWithTagPriority(
            MiniportDriverHandle, sizeof(*adapter), PORT_TAG, NormalPoolPriority);
        if (adapter == NULL)
                return NDIS_STATUS_RESOURCES;
        RtlZeroMemory(adapter, sizeof(*adapter));
        RtlCopyMemory(adapter->MacAddress, kMac, sizeof(kMac));
        for (i = 0; i < RTL_NUMBER_OF(adapter->Counters); i++)
                adapter->Counters[i] = i;

        RtlZeroMemory(&params, sizeof(params));
        params.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
        params.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
        params.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
        params.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
        params.fAllocateNetBuffer = TRUE;
        params.PoolTag = PORT_TAG;
        adapter->NblPool = NdisAllocateNetBufferListPool(MiniportDriverHandle, &params);
        if (adapter->NblPool == NULL) {
                NdisFreeMemory(adapter, 0, 0);
                return NDIS_STATUS_RESOURCES;
        }
        *ppAdapter = adapter;
        return NDIS_STATUS_SUCCESS;
}

static void PortHalt(PPORT_ADAPTER Adapter)
{
        NdisFreeNetBufferListPool(Adapter->NblPool);
        NdisFreeMemory(Adapter, 0, 0);
}

int main(void)
{
        static const UCHAR kMac[6] = {0x00, 0x00, 0x5e, 0x00, 0x53, 0x02};
        NDIS_HANDLE driver = winnet_ndis_open_driver("port_ndis_driver");
        PPORT_ADAPTER adapter = NULL;
        PNET_BUFFER_LIST nbl;
        NDIS_STATUS status;

        Check(driver != NULL, "winnet_ndis_open_driver returned NULL");
        if (driver == NULL)
                return 1;
        status = PortInitialize(driver, &adapter, NULL);
        Check(NT_SUCCESS(status) && status == NDIS_STATUS_SUCCESS, "PortInitialize failed");
        if (adapter != NULL) {
                Check(RtlEqualMemory(adapter->MacAddress, kMac, sizeof(kMac)),
                      "RtlCopyMemory/RtlEqualMemory");
                Check(adapter->Counters[RTL_NUMBER_OF(adapter->Counters) - 1] == 3,
                      "RTL_NUMBER_OF");
                Check(ARRAYSIZE(kMac) == 6, "ARRAYSIZE");
                nbl = NdisAllocateNetBufferAndNetBufferList(adapter->NblPool, 0, 0, NULL, 0, 0);
                Check(nbl != NULL, "NdisAllocateNetBufferAndNetBufferList returned NULL");
                if (nbl != NULL) {
                        Check(NET_BUFFER_LIST_FIRST_NB(nbl) != NULL &&
                                  NET_BUFFER_LIST_NEXT_NBL(nbl) == NULL &&
                                  NET_BUFFER_DATA_LENGTH(NET_BUFFER_LIST_FIRST_NB(nbl)) == 0,
                              "the NBL's documented initial state");
                        Check(NdisGetPoolFromNetBufferList(nbl) == adapter->NblPool,
                              "NdisGetPoolFromNetBufferList");
                        NdisFreeNetBufferList(nbl);
                }
                PortHalt(adapter);
        }
        winnet_ndis_close_driver(driver);
        if (failures)
                return 1;
        printf("port_ndis_driver: all checks passed\n");
        return 0;
}
