/* ifdef.h - the interface identity and state types of the NDIS interface model:
 * NET_LUID, NET_IFINDEX, interface status enumerations, counted strings, and the
 * NDIS medium enumerations MIB_IF_ROW2 reports. Values and layouts equal Windows x64. */
#ifndef WINNET_IFDEF_H
#define WINNET_IFDEF_H

#include "windef.h"
#include "guiddef.h"
#include "ipifcons.h"

/* Windows' basetsd.h sized names; an identical typedef may be repeated in C11 and C++,
 * so this stays valid if windef.h gains them. */
typedef uint8_t UINT8, *PUINT8;
typedef uint16_t UINT16, *PUINT16;
typedef uint32_t UINT32, *PUINT32;

#define IF_MAX_STRING_SIZE         256
#define IF_MAX_PHYS_ADDRESS_LENGTH 32

typedef UINT32 NET_IF_COMPARTMENT_ID, *PNET_IF_COMPARTMENT_ID;
#define NET_IF_COMPARTMENT_ID_UNSPECIFIED ((NET_IF_COMPARTMENT_ID)0)
#define NET_IF_COMPARTMENT_ID_PRIMARY     ((NET_IF_COMPARTMENT_ID)1)
#define NET_IF_COMPARTMENT_ID_ALL         ((NET_IF_COMPARTMENT_ID)-1)

/* The kernel ifindex on Linux. 0 means "not given" in every row lookup. */
typedef ULONG NET_IFINDEX, *PNET_IFINDEX;
typedef NET_IFINDEX IF_INDEX, *PIF_INDEX;
#define NET_IFINDEX_UNSPECIFIED ((NET_IFINDEX)0)
#define IFI_UNSPECIFIED         NET_IFINDEX_UNSPECIFIED

typedef UINT16 NET_IFTYPE, *PNET_IFTYPE;

typedef GUID NET_IF_NETWORK_GUID, *PNET_IF_NETWORK_GUID;

typedef ULONG NET_IF_OBJECT_ID, *PNET_IF_OBJECT_ID;
typedef UINT32 NET_IF_RCV_ADDRESS_TYPE;

/* 64-bit locally unique interface identifier. winnet keeps it stable for the life
 * of an interface: IfType from the link type, NetLuidIndex from the kernel ifindex.
 * The Info bitfields are 64-bit so they pack into one ULONG64 as on Windows (a
 * GCC/Clang extension in C, hence __extension__). */
typedef union _NET_LUID_LH {
        ULONG64 Value;
        __extension__ struct {
                ULONG64 Reserved : 24;
                ULONG64 NetLuidIndex : 24;
                ULONG64 IfType : 16;
        } Info;
} NET_LUID_LH, *PNET_LUID_LH;
typedef NET_LUID_LH NET_LUID, *PNET_LUID;
typedef NET_LUID IF_LUID, *PIF_LUID;

#define NET_IFLUID_UNSPECIFIED    ((ULONG64)0)
#define NET_IF_LUID_INDEX_MAXIMUM 0x00FFFFFFu

typedef enum _IF_OPER_STATUS {
        IfOperStatusUp = 1,
        IfOperStatusDown,
        IfOperStatusTesting,
        IfOperStatusUnknown,
        IfOperStatusDormant,
        IfOperStatusNotPresent,
        IfOperStatusLowerLayerDown
} IF_OPER_STATUS;

typedef enum _NET_IF_OPER_STATUS {
        NET_IF_OPER_STATUS_UP = 1,
        NET_IF_OPER_STATUS_DOWN,
        NET_IF_OPER_STATUS_TESTING,
        NET_IF_OPER_STATUS_UNKNOWN,
        NET_IF_OPER_STATUS_DORMANT,
        NET_IF_OPER_STATUS_NOT_PRESENT,
        NET_IF_OPER_STATUS_LOWER_LAYER_DOWN
} NET_IF_OPER_STATUS,
    *PNET_IF_OPER_STATUS;

typedef enum _NET_IF_ADMIN_STATUS {
        NET_IF_ADMIN_STATUS_UP = 1,
        NET_IF_ADMIN_STATUS_DOWN,
        NET_IF_ADMIN_STATUS_TESTING
} NET_IF_ADMIN_STATUS,
    *PNET_IF_ADMIN_STATUS;

typedef enum _NET_IF_MEDIA_CONNECT_STATE {
        MediaConnectStateUnknown,
        MediaConnectStateConnected,
        MediaConnectStateDisconnected
} NET_IF_MEDIA_CONNECT_STATE,
    *PNET_IF_MEDIA_CONNECT_STATE;

typedef enum _NET_IF_ACCESS_TYPE {
        NET_IF_ACCESS_LOOPBACK = 1,
        NET_IF_ACCESS_BROADCAST,
        NET_IF_ACCESS_POINT_TO_POINT,
        NET_IF_ACCESS_POINT_TO_MULTI_POINT,
        NET_IF_ACCESS_MAXIMUM
} NET_IF_ACCESS_TYPE,
    *PNET_IF_ACCESS_TYPE;

typedef enum _NET_IF_CONNECTION_TYPE {
        NET_IF_CONNECTION_DEDICATED = 1,
        NET_IF_CONNECTION_PASSIVE,
        NET_IF_CONNECTION_DEMAND,
        NET_IF_CONNECTION_MAXIMUM
} NET_IF_CONNECTION_TYPE,
    *PNET_IF_CONNECTION_TYPE;

typedef enum _NET_IF_DIRECTION_TYPE {
        NET_IF_DIRECTION_SENDRECEIVE,
        NET_IF_DIRECTION_SENDONLY,
        NET_IF_DIRECTION_RECEIVEONLY,
        NET_IF_DIRECTION_MAXIMUM
} NET_IF_DIRECTION_TYPE,
    *PNET_IF_DIRECTION_TYPE;

typedef enum _NET_IF_MEDIA_DUPLEX_STATE {
        MediaDuplexStateUnknown,
        MediaDuplexStateHalf,
        MediaDuplexStateFull
} NET_IF_MEDIA_DUPLEX_STATE,
    *PNET_IF_MEDIA_DUPLEX_STATE;

typedef enum _TUNNEL_TYPE {
        TUNNEL_TYPE_NONE = 0,
        TUNNEL_TYPE_OTHER = 1,
        TUNNEL_TYPE_DIRECT = 2,
        TUNNEL_TYPE_6TO4 = 11,
        TUNNEL_TYPE_ISATAP = 13,
        TUNNEL_TYPE_TEREDO = 14,
        TUNNEL_TYPE_IPHTTPS = 15
} TUNNEL_TYPE,
    *PTUNNEL_TYPE;

/* NDIS_MEDIUM and NDIS_PHYSICAL_MEDIUM belong to ntddndis.h on Windows; MIB_IF_ROW2
 * needs them, so they live here and any NDIS header that also wants them includes
 * this file (or tests WINNET_NDIS_MEDIUM_DEFINED) instead of redefining them. */
#ifndef WINNET_NDIS_MEDIUM_DEFINED
#define WINNET_NDIS_MEDIUM_DEFINED
typedef enum _NDIS_MEDIUM {
        NdisMedium802_3,
        NdisMedium802_5,
        NdisMediumFddi,
        NdisMediumWan,
        NdisMediumLocalTalk,
        NdisMediumDix,
        NdisMediumArcnetRaw,
        NdisMediumArcnet878_2,
        NdisMediumAtm,
        NdisMediumWirelessWan,
        NdisMediumIrda,
        NdisMediumBpc,
        NdisMediumCoWan,
        NdisMedium1394,
        NdisMediumInfiniBand,
        NdisMediumTunnel,
        NdisMediumNative802_11,
        NdisMediumLoopback,
        NdisMediumWiMAX,
        NdisMediumIP,
        NdisMediumMax
} NDIS_MEDIUM,
    *PNDIS_MEDIUM;

typedef enum _NDIS_PHYSICAL_MEDIUM {
        NdisPhysicalMediumUnspecified,
        NdisPhysicalMediumWirelessLan,
        NdisPhysicalMediumCableModem,
        NdisPhysicalMediumPhoneLine,
        NdisPhysicalMediumPowerLine,
        NdisPhysicalMediumDSL,
        NdisPhysicalMediumFibreChannel,
        NdisPhysicalMedium1394,
        NdisPhysicalMediumWirelessWan,
        NdisPhysicalMediumNative802_11,
        NdisPhysicalMediumBluetooth,
        NdisPhysicalMediumInfiniband,
        NdisPhysicalMediumWiMax,
        NdisPhysicalMediumUWB,
        NdisPhysicalMedium802_3,
        NdisPhysicalMedium802_5,
        NdisPhysicalMediumIrda,
        NdisPhysicalMediumWiredWAN,
        NdisPhysicalMediumWiredCoWan,
        NdisPhysicalMediumOther,
        NdisPhysicalMediumNative802_15_4,
        NdisPhysicalMediumMax
} NDIS_PHYSICAL_MEDIUM,
    *PNDIS_PHYSICAL_MEDIUM;
#endif /* WINNET_NDIS_MEDIUM_DEFINED */

/* Length counts bytes, not characters, as in NDIS; String is NUL-terminated too. */
typedef struct _IF_COUNTED_STRING_LH {
        USHORT Length;
        WCHAR String[IF_MAX_STRING_SIZE + 1];
} IF_COUNTED_STRING_LH, *PIF_COUNTED_STRING_LH;
typedef IF_COUNTED_STRING_LH IF_COUNTED_STRING, *PIF_COUNTED_STRING;

typedef struct _IF_PHYSICAL_ADDRESS_LH {
        USHORT Length;
        UCHAR Address[IF_MAX_PHYS_ADDRESS_LENGTH];
} IF_PHYSICAL_ADDRESS_LH, *PIF_PHYSICAL_ADDRESS_LH;
typedef IF_PHYSICAL_ADDRESS_LH IF_PHYSICAL_ADDRESS, *PIF_PHYSICAL_ADDRESS;

#endif /* WINNET_IFDEF_H */
