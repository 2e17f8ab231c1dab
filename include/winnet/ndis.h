/* ndis.h - the NDIS 6 memory and data-path runtime: pool memory, NET_BUFFER and
 * NET_BUFFER_LIST pools, MDLs, the simulated IRQL and NDIS spin locks, with the WDK's
 * names, accessor macros and x64 layouts (checked below with static assertions). */
#ifndef WINNET_NDIS_H
#define WINNET_NDIS_H

#include <stddef.h>
#include <string.h>
#include "windef.h"
#include "ntstatus.h"
/* What the WDK's ndis.h brings through wdm.h and ntdef.h and driver code uses
 * unqualified: RtlZeroMemory/RtlCopyMemory/..., RTL_NUMBER_OF, ARRAYSIZE,
 * UNREFERENCED_PARAMETER. */
#include "winnt.h"

#ifndef WINNET_STATIC_ASSERT
#ifdef __cplusplus
#define WINNET_STATIC_ASSERT(expr, msg) static_assert(expr, msg)
#else
#define WINNET_STATIC_ASSERT(expr, msg) _Static_assert(expr, msg)
#endif
#endif

/* The WDK's DECLSPEC_ALIGN on a member, and alignof, in standard C11 and C++. */
#ifndef WINNET_ALIGNAS
#ifdef __cplusplus
#define WINNET_ALIGNAS(n) alignas(n)
#define WINNET_ALIGNOF(t) alignof(t)
#else
#define WINNET_ALIGNAS(n) _Alignas(n)
#define WINNET_ALIGNOF(t) _Alignof(t)
#endif
#endif

#ifndef MEMORY_ALLOCATION_ALIGNMENT
#define MEMORY_ALLOCATION_ALIGNMENT 16 /* x64 pool allocation alignment */
#endif
#ifndef FIELD_OFFSET
#define FIELD_OFFSET(type, field) ((LONG)offsetof(type, field))
#endif
#ifndef RTL_FIELD_SIZE
#define RTL_FIELD_SIZE(type, field) (sizeof(((type *)0)->field))
#endif
#ifndef RTL_SIZEOF_THROUGH_FIELD
#define RTL_SIZEOF_THROUGH_FIELD(type, field) (offsetof(type, field) + RTL_FIELD_SIZE(type, field))
#endif

/* The WDK layouts need anonymous structs inside anonymous unions and a flexible array
 * member: standard C11, extensions in C++ (marked __extension__ for GCC). */
#if defined(__clang__) && defined(__cplusplus)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wnested-anon-types"
#pragma clang diagnostic ignored "-Wc99-extensions"
#endif

WINNET_BEGIN_DECLS

/* ---- Base types ---- */

typedef PVOID NDIS_HANDLE, *PNDIS_HANDLE;
typedef int NDIS_STATUS, *PNDIS_STATUS; /* NTSTATUS-valued, int-sized as in the WDK */
typedef short CSHORT;
typedef LARGE_INTEGER PHYSICAL_ADDRESS, *PPHYSICAL_ADDRESS;
typedef PHYSICAL_ADDRESS NDIS_PHYSICAL_ADDRESS, *PNDIS_PHYSICAL_ADDRESS;

#define NDIS_STATUS_SUCCESS                ((NDIS_STATUS)STATUS_SUCCESS)
#define NDIS_STATUS_PENDING                ((NDIS_STATUS)STATUS_PENDING)
#define NDIS_STATUS_NOT_RECOGNIZED         ((NDIS_STATUS)0x00010001L)
#define NDIS_STATUS_NOT_COPIED             ((NDIS_STATUS)0x00010002L)
#define NDIS_STATUS_NOT_ACCEPTED           ((NDIS_STATUS)0x00010003L)
#define NDIS_STATUS_BUFFER_OVERFLOW        ((NDIS_STATUS)STATUS_BUFFER_OVERFLOW)
#define NDIS_STATUS_FAILURE                ((NDIS_STATUS)STATUS_UNSUCCESSFUL)
#define NDIS_STATUS_RESOURCES              ((NDIS_STATUS)STATUS_INSUFFICIENT_RESOURCES)
#define NDIS_STATUS_CLOSING                ((NDIS_STATUS)0xC0010002L)
#define NDIS_STATUS_BAD_VERSION            ((NDIS_STATUS)0xC0010004L)
#define NDIS_STATUS_BAD_CHARACTERISTICS    ((NDIS_STATUS)0xC0010005L)
#define NDIS_STATUS_ADAPTER_NOT_FOUND      ((NDIS_STATUS)0xC0010006L)
#define NDIS_STATUS_REQUEST_ABORTED        ((NDIS_STATUS)0xC001000CL)
#define NDIS_STATUS_RESET_IN_PROGRESS      ((NDIS_STATUS)0xC001000DL)
#define NDIS_STATUS_NOT_SUPPORTED          ((NDIS_STATUS)STATUS_NOT_SUPPORTED)
#define NDIS_STATUS_INVALID_PACKET         ((NDIS_STATUS)0xC001000FL)
#define NDIS_STATUS_INVALID_LENGTH         ((NDIS_STATUS)0xC0010014L)
#define NDIS_STATUS_INVALID_DATA           ((NDIS_STATUS)0xC0010015L)
#define NDIS_STATUS_BUFFER_TOO_SHORT       ((NDIS_STATUS)0xC0010016L)
#define NDIS_STATUS_INVALID_OID            ((NDIS_STATUS)0xC0010017L)
#define NDIS_STATUS_INVALID_DEVICE_REQUEST ((NDIS_STATUS)STATUS_INVALID_DEVICE_REQUEST)
#define NDIS_STATUS_INVALID_PARAMETER      ((NDIS_STATUS)STATUS_INVALID_PARAMETER)
#define NDIS_STATUS_SEND_ABORTED           ((NDIS_STATUS)0xC023000CL) /* STATUS_NDIS_REQUEST_ABORTED */
#define NDIS_STATUS_PAUSED                 ((NDIS_STATUS)0xC023002AL) /* STATUS_NDIS_PAUSED */
#define NDIS_STATUS_INVALID_STATE          ((NDIS_STATUS)0xC0000184L) /* STATUS_INVALID_DEVICE_STATE */

/* ---- IRQL and spin locks ----
 * IRQL is simulated per thread in user mode: every thread starts at PASSIVE_LEVEL and
 * each DDI checks the level its documentation allows. */

typedef UCHAR KIRQL, *PKIRQL;
typedef ULONG_PTR KSPIN_LOCK, *PKSPIN_LOCK;

#define PASSIVE_LEVEL  0
#define APC_LEVEL      1
#define DISPATCH_LEVEL 2

typedef struct _NDIS_SPIN_LOCK {
        KSPIN_LOCK SpinLock;
        KIRQL OldIrql; /* the IRQL to restore on release */
} NDIS_SPIN_LOCK, *PNDIS_SPIN_LOCK;

/* The calling thread's current IRQL. */
WINNET_API KIRQL KeGetCurrentIrql(VOID);
/* Raises the thread to NewIrql (which must not be below the current level) and stores
 * the previous level in *OldIrql. */
WINNET_API VOID KeRaiseIrql(_In_ KIRQL NewIrql, _Out_ PKIRQL OldIrql);
/* Returns to NewIrql, a level saved by KeRaiseIrql (not above the current level). */
WINNET_API VOID KeLowerIrql(_In_ KIRQL NewIrql);

/* Initializes / releases the resources of a spin lock; any IRQL <= DISPATCH_LEVEL. */
WINNET_API VOID NdisAllocateSpinLock(_Out_ PNDIS_SPIN_LOCK SpinLock);
WINNET_API VOID NdisFreeSpinLock(_In_ PNDIS_SPIN_LOCK SpinLock);
/* Acquire raises to DISPATCH_LEVEL and saves the old IRQL in the lock; release
 * restores it. */
WINNET_API VOID NdisAcquireSpinLock(_Inout_ PNDIS_SPIN_LOCK SpinLock);
WINNET_API VOID NdisReleaseSpinLock(_Inout_ PNDIS_SPIN_LOCK SpinLock);
/* The same for a caller already at DISPATCH_LEVEL: the IRQL does not change. */
WINNET_API VOID NdisDprAcquireSpinLock(_Inout_ PNDIS_SPIN_LOCK SpinLock);
WINNET_API VOID NdisDprReleaseSpinLock(_Inout_ PNDIS_SPIN_LOCK SpinLock);

/* ---- Memory ---- */

typedef enum _EX_POOL_PRIORITY {
        LowPoolPriority = 0,
        LowPoolPrioritySpecialPoolOverrun = 8,  /* guard page after the block */
        LowPoolPrioritySpecialPoolUnderrun = 9, /* guard page before the block */
        NormalPoolPriority = 16,
        NormalPoolPrioritySpecialPoolOverrun = 24,
        NormalPoolPrioritySpecialPoolUnderrun = 25,
        HighPoolPriority = 32,
        HighPoolPrioritySpecialPoolOverrun = 40,
        HighPoolPrioritySpecialPoolUnderrun = 41
} EX_POOL_PRIORITY;

/* Legacy NdisFreeMemory flags; memory from NdisAllocateMemoryWithTagPriority is freed
 * with MemoryFlags 0. */
#define NDIS_MEMORY_CONTIGUOUS 0x00000001
#define NDIS_MEMORY_NONCACHED  0x00000002

/* Length bytes tagged Tag (four characters, written reversed: 'maDN'; 0 is a driver
 * error). Returns NULL when memory is short (Low priority fails first, High last).
 * IRQL <= DISPATCH_LEVEL. */
WINNET_API PVOID NdisAllocateMemoryWithTagPriority(_In_ NDIS_HANDLE NdisHandle, _In_ UINT Length,
                                                   _In_ ULONG Tag, _In_ EX_POOL_PRIORITY Priority);
/* Frees NDIS memory. For memory of NdisAllocateMemoryWithTagPriority, Length is ignored
 * and MemoryFlags must be 0. IRQL <= DISPATCH_LEVEL (contiguous: PASSIVE_LEVEL,
 * noncached: below DISPATCH_LEVEL). */
WINNET_API VOID NdisFreeMemory(_In_ PVOID VirtualAddress, _In_ UINT Length, _In_ UINT MemoryFlags);
/* Frees memory of NdisAllocateMemoryWithTagPriority; NdisHandle and Tag must be the
 * ones it was allocated with. IRQL <= DISPATCH_LEVEL. */
WINNET_API VOID NdisFreeMemoryWithTagPriority(_In_ NDIS_HANDLE NdisHandle,
                                              _In_ PVOID VirtualAddress, _In_ ULONG Tag);

#define NdisMoveMemory(Destination, Source, Length) memcpy((Destination), (Source), (Length))
#define NdisZeroMemory(Destination, Length)         memset((Destination), 0, (Length))
#define NdisFillMemory(Destination, Length, Fill)   memset((Destination), (Fill), (Length))
/* Nonzero when the Length bytes are equal. */
#define NdisEqualMemory(Source1, Source2, Length) (!memcmp((Source1), (Source2), (Length)))

/* ---- NDIS object header ---- */

#ifndef WINNET_NDIS_OBJECT_HEADER_DEFINED
#define WINNET_NDIS_OBJECT_HEADER_DEFINED
/* Opens every versioned NDIS parameter structure. A wrong Type, Revision or Size is a
 * driver error (Windows: bug check 0x7C, subcode 0x21). */
typedef struct _NDIS_OBJECT_HEADER {
        UCHAR Type;
        UCHAR Revision;
        USHORT Size;
} NDIS_OBJECT_HEADER, *PNDIS_OBJECT_HEADER;
#endif
#define NDIS_OBJECT_TYPE_DEFAULT 0x80

/* ---- MDL ---- */

/* Describes one virtually contiguous data buffer: ByteCount bytes at StartVa +
 * ByteOffset (MmGetMdlVirtualAddress). MappedSystemVa is the address the data is
 * reached through (the same address in user mode). */
typedef struct _MDL {
        struct _MDL *Next;
        CSHORT Size;
        CSHORT MdlFlags; /* MDL_* */
        struct _EPROCESS *Process;
        PVOID MappedSystemVa;
        PVOID StartVa;
        ULONG ByteCount;
        ULONG ByteOffset;
} MDL, *PMDL;

#define MDL_MAPPED_TO_SYSTEM_VA     0x0001
#define MDL_PAGES_LOCKED            0x0002
#define MDL_SOURCE_IS_NONPAGED_POOL 0x0004
#define MDL_ALLOCATED_FIXED_SIZE    0x0008
#define MDL_PARTIAL                 0x0010
#define MDL_PARTIAL_HAS_BEEN_MAPPED 0x0020
#define MDL_IO_PAGE_READ            0x0040
#define MDL_WRITE_OPERATION         0x0080
#define MDL_PARENT_MAPPED_SYSTEM_VA 0x0100
#define MDL_FREE_EXTRA_PTES         0x0200
#define MDL_DESCRIBES_AWE           0x0400
#define MDL_IO_SPACE                0x0800
#define MDL_NETWORK_HEADER          0x1000
#define MDL_MAPPING_CAN_FAIL        0x2000
#define MDL_ALLOCATED_MUST_SUCCEED  0x4000
#define MDL_INTERNAL                0x8000

/* MmGetSystemAddressForMdlSafe priority (MM_PAGE_PRIORITY, optionally or-ed with the
 * MdlMapping* flags). */
typedef enum _MM_PAGE_PRIORITY {
        LowPagePriority = 0,
        NormalPagePriority = 16,
        HighPagePriority = 32
} MM_PAGE_PRIORITY;
#define MdlMappingNoWrite   0x80000000
#define MdlMappingNoExecute 0x40000000

#define NDIS_MDL_LINKAGE(_Mdl)             ((_Mdl)->Next)
#define MmGetMdlByteCount(_Mdl)            ((_Mdl)->ByteCount)
#define MmGetMdlByteOffset(_Mdl)           ((_Mdl)->ByteOffset)
#define MmGetMdlVirtualAddress(_Mdl)       ((PVOID)((PUCHAR)((_Mdl)->StartVa) + (_Mdl)->ByteOffset))
#define NdisAdjustMdlLength(_Mdl, _Length) ((_Mdl)->ByteCount = (_Length))
#define NdisGetNextMdl(_CurrentMdl, _NextMdl)      \
        do {                                       \
                *(_NextMdl) = (_CurrentMdl)->Next; \
        } while (0)
/* *_VirtualAddress (when the pointer is not NULL) = the mapped data, NULL under low
 * resources; *_Length = the byte count. */
#define NdisQueryMdl(_Mdl, _VirtualAddress, _Length, _Priority)                \
        do {                                                                   \
                if ((PVOID)(ULONG_PTR)(_VirtualAddress) != NULL)               \
                        *(PVOID *)(_VirtualAddress) =                          \
                            MmGetSystemAddressForMdlSafe((_Mdl), (_Priority)); \
                *(_Length) = MmGetMdlByteCount(_Mdl);                          \
        } while (0)

/* The data of Mdl; NULL when it cannot be mapped (low resources). */
WINNET_API PVOID MmGetSystemAddressForMdlSafe(_Inout_ PMDL Mdl, _In_ ULONG Priority);
/* An MDL for Length bytes at VirtualAddress, which must be NDIS memory (not the stack
 * or a global). NULL when memory is short. IRQL <= DISPATCH_LEVEL. */
WINNET_API PMDL NdisAllocateMdl(_In_ NDIS_HANDLE NdisHandle, _In_ PVOID VirtualAddress,
                                _In_ UINT Length);
/* Frees an MDL of NdisAllocateMdl (not the memory it describes). */
WINNET_API VOID NdisFreeMdl(_In_ PMDL Mdl);

/* ---- Interlocked list header (winnt.h, x64 form) ---- */

#ifndef WINNET_SLIST_HEADER_DEFINED
#define WINNET_SLIST_HEADER_DEFINED
/* 16 bytes, 16-byte aligned. Only the layout matters here: NET_BUFFER and
 * NET_BUFFER_LIST overlay it on their first fields and reserve it for NDIS. */
typedef union _SLIST_HEADER {
        __extension__ struct {
                WINNET_ALIGNAS(16) ULONGLONG Alignment;
                ULONGLONG Region;
        };
        __extension__ struct {
                ULONGLONG Depth : 16;
                ULONGLONG Sequence : 48;
                ULONGLONG Reserved : 4;
                ULONGLONG NextEntry : 60;
        } HeaderX64;
} SLIST_HEADER, *PSLIST_HEADER;
#endif

/* ---- NET_BUFFER ---- */

typedef struct _NET_BUFFER NET_BUFFER, *PNET_BUFFER;
typedef struct _NET_BUFFER_LIST NET_BUFFER_LIST, *PNET_BUFFER_LIST;
typedef struct _NET_BUFFER_LIST_CONTEXT NET_BUFFER_LIST_CONTEXT, *PNET_BUFFER_LIST_CONTEXT;
typedef struct _SCATTER_GATHER_LIST SCATTER_GATHER_LIST, *PSCATTER_GATHER_LIST;

/* The WDK's legacy names for the first fields of a NET_BUFFER. The WDK spells the
 * unnamed members one way in C and another in C++; both spellings work here in both
 * languages (nbd.DataLength and nbd.NbDataLength.DataLength). */
typedef union _NET_BUFFER_DATA_LENGTH {
        ULONG DataLength;
        SIZE_T stDataLength;
} NET_BUFFER_DATA_LENGTH, *PNET_BUFFER_DATA_LENGTH;

typedef struct _NET_BUFFER_DATA {
        PNET_BUFFER Next;
        PMDL CurrentMdl;
        ULONG CurrentMdlOffset;
        union {
                NET_BUFFER_DATA_LENGTH NbDataLength;
                ULONG DataLength;
                SIZE_T stDataLength;
        };
        PMDL MdlChain;
        ULONG DataOffset;
} NET_BUFFER_DATA, *PNET_BUFFER_DATA;

typedef union _NET_BUFFER_HEADER {
        NET_BUFFER_DATA NetBufferData;
        __extension__ struct {
                PNET_BUFFER Next;
                PMDL CurrentMdl;
                ULONG CurrentMdlOffset;
                union {
                        ULONG DataLength;
                        SIZE_T stDataLength;
                };
                PMDL MdlChain;
                ULONG DataOffset;
        };
        SLIST_HEADER Link;
} NET_BUFFER_HEADER, *PNET_BUFFER_HEADER;

typedef struct _NET_BUFFER_SHARED_MEMORY NET_BUFFER_SHARED_MEMORY, *PNET_BUFFER_SHARED_MEMORY;
struct _NET_BUFFER_SHARED_MEMORY {
        PNET_BUFFER_SHARED_MEMORY NextSharedMemorySegment;
        ULONG SharedMemoryFlags;
        NDIS_HANDLE SharedMemoryHandle;
        ULONG SharedMemoryOffset;
        ULONG SharedMemoryLength;
};

/* One packet: DataLength bytes that start DataOffset bytes into the MdlChain (the
 * bytes before are backfill). CurrentMdl/CurrentMdlOffset cache where DataOffset lands.
 * 176 bytes on x64. ProtocolReserved and MiniportReserved belong to drivers; NDIS keeps
 * its bookkeeping elsewhere. Drivers may write the fields directly through the
 * NET_BUFFER_* macros, so the runtime re-checks them whenever the buffer comes back. */
struct _NET_BUFFER {
        union {
                __extension__ struct {
                        PNET_BUFFER Next;
                        PMDL CurrentMdl;
                        ULONG CurrentMdlOffset;
                        union {
                                ULONG DataLength;
                                SIZE_T stDataLength;
                        };
                        PMDL MdlChain;
                        ULONG DataOffset;
                };
                SLIST_HEADER Link;
                NET_BUFFER_HEADER NetBufferHeader;
        };
        USHORT ChecksumBias;
        USHORT Reserved;
        NDIS_HANDLE NdisPoolHandle;
        WINNET_ALIGNAS(MEMORY_ALLOCATION_ALIGNMENT) PVOID NdisReserved[2];
        WINNET_ALIGNAS(MEMORY_ALLOCATION_ALIGNMENT) PVOID ProtocolReserved[6];
        WINNET_ALIGNAS(MEMORY_ALLOCATION_ALIGNMENT) PVOID MiniportReserved[4];
        PHYSICAL_ADDRESS DataPhysicalAddress;
        union {
                PNET_BUFFER_SHARED_MEMORY SharedMemoryInfo;
                PSCATTER_GATHER_LIST ScatterGatherList;
        };
};

/* ---- NET_BUFFER_LIST ---- */

/* Ids of NET_BUFFER_LIST.NetBufferListInfo[] (out-of-band data per NBL), as the WDK
 * numbers them for an x64 driver built for NDIS 6.80 or later: 27 slots, so
 * MaxNetBufferListInfo is 27 and sizeof(NET_BUFFER_LIST) is 368 (144 + 27 * 8, rounded up
 * to 16). Earlier NDIS versions have fewer slots (6.0: 11, 6.20: 18, 6.30: 24, 6.50: 26);
 * ndis.sys itself is built with two more private slots (29). Names sharing a slot are
 * aliases used in different directions (send/receive). */
typedef enum _NDIS_NET_BUFFER_LIST_INFO {
        TcpIpChecksumNetBufferListInfo = 0,
        TcpOffloadBytesTransferred = TcpIpChecksumNetBufferListInfo,
        IPsecOffloadV1NetBufferListInfo = 1,
        IPsecOffloadV2NetBufferListInfo = IPsecOffloadV1NetBufferListInfo,
        TcpLargeSendNetBufferListInfo = 2,
        TcpReceiveNoPush = TcpLargeSendNetBufferListInfo,
        ClassificationHandleNetBufferListInfo = 3,
        Ieee8021QNetBufferListInfo = 4,
        NetBufferListCancelId = 5,
        MediaSpecificInformation = 6,
        NetBufferListFrameType = 7,
        NetBufferListProtocolId = NetBufferListFrameType,
        NetBufferListHashValue = 8,
        NetBufferListHashInfo = 9,
        WfpNetBufferListInfo = 10,
        IPsecOffloadV2TunnelNetBufferListInfo = 11,
        IPsecOffloadV2HeaderNetBufferListInfo = 12,
        NetBufferListCorrelationId = 13,
        NetBufferListFilteringInfo = 14,
        MediaSpecificInformationEx = 15,
        NblOriginalInterfaceIfIndex = 16,
        NblReAuthWfpFlowContext = NblOriginalInterfaceIfIndex,
        TcpReceiveBytesTransferred = 17,
        NrtNameResolutionId = TcpReceiveBytesTransferred,
        UdpRecvSegCoalesceOffloadInfo = TcpReceiveBytesTransferred,
        SwitchForwardingReserved = 18,
        SwitchForwardingDetail = 19,
        VirtualSubnetInfo = 20,
        IMReserved = 21,
        TcpRecvSegCoalesceInfo = 22,
        UdpSegmentationOffloadInfo = TcpRecvSegCoalesceInfo,
        RscTcpTimestampDelta = 23,
        TcpSendOffloadsSupplementalNetBufferListInfo = RscTcpTimestampDelta,
        GftOffloadInformation = 24,
        GftFlowEntryId = 25,
        NetBufferListInfoReserved3 = 26,
        MaxNetBufferListInfo = 27
} NDIS_NET_BUFFER_LIST_INFO,
    *PNDIS_NET_BUFFER_LIST_INFO;

/* Driver context carried by an NBL: Size bytes of ContextData, of which the used part
 * starts at Offset (the bytes before are context backfill). Contexts stack: Next is the
 * one allocated before. */
struct _NET_BUFFER_LIST_CONTEXT {
        PNET_BUFFER_LIST_CONTEXT Next;
        USHORT Size;
        USHORT Offset;
        __extension__ WINNET_ALIGNAS(MEMORY_ALLOCATION_ALIGNMENT) UCHAR ContextData[];
};

/* The WDK's legacy names for the first fields of a NET_BUFFER_LIST; as for
 * NET_BUFFER_HEADER, both the C and the C++ spelling work. */
typedef struct _NET_BUFFER_LIST_DATA {
        PNET_BUFFER_LIST Next;
        PNET_BUFFER FirstNetBuffer;
} NET_BUFFER_LIST_DATA, *PNET_BUFFER_LIST_DATA;

typedef union _NET_BUFFER_LIST_HEADER {
        NET_BUFFER_LIST_DATA NetBufferListData;
        __extension__ struct {
                PNET_BUFFER_LIST Next;
                PNET_BUFFER FirstNetBuffer;
        };
        SLIST_HEADER Link;
} NET_BUFFER_LIST_HEADER, *PNET_BUFFER_LIST_HEADER;

/* A chain of NET_BUFFERs that share out-of-band data (NetBufferListInfo), a context and
 * a completion status. ProtocolReserved and MiniportReserved belong to drivers. */
struct _NET_BUFFER_LIST {
        union {
                __extension__ struct {
                        PNET_BUFFER_LIST Next; /* next NBL in the chain */
                        PNET_BUFFER FirstNetBuffer;
                };
                SLIST_HEADER Link;
                NET_BUFFER_LIST_HEADER NetBufferListHeader;
        };
        PNET_BUFFER_LIST_CONTEXT Context;
        PNET_BUFFER_LIST ParentNetBufferList;
        NDIS_HANDLE NdisPoolHandle;
        WINNET_ALIGNAS(MEMORY_ALLOCATION_ALIGNMENT) PVOID NdisReserved[2];
        WINNET_ALIGNAS(MEMORY_ALLOCATION_ALIGNMENT) PVOID ProtocolReserved[4];
        WINNET_ALIGNAS(MEMORY_ALLOCATION_ALIGNMENT) PVOID MiniportReserved[2];
        PVOID Scratch;
        NDIS_HANDLE SourceHandle;
        ULONG NblFlags; /* NDIS_NBL_FLAGS_* */
        LONG ChildRefCount;
        ULONG Flags; /* NBL_FLAGS_*: split between NDIS, protocols and miniports */
        union {
                NDIS_STATUS Status;
                ULONG NdisReserved2;
        };
        PVOID NetBufferListInfo[MaxNetBufferListInfo];
};

/* NET_BUFFER_LIST.Flags: who owns which bits. */
#define NBL_FLAGS_PROTOCOL_RESERVED 0xFFF00003
#define NBL_FLAGS_MINIPORT_RESERVED 0x0000F000
#define NBL_FLAGS_SCRATCH           0x000F0000
#define NBL_FLAGS_NDIS_RESERVED     0x00000FFC

/* NET_BUFFER_LIST.NblFlags. */
#define NDIS_NBL_FLAGS_SEND_READ_ONLY                        0x00000001
#define NDIS_NBL_FLAGS_RECV_READ_ONLY                        0x00000002
#define NDIS_NBL_FLAGS_HD_SPLIT                              0x00000100
#define NDIS_NBL_FLAGS_IS_IPV4                               0x00000200
#define NDIS_NBL_FLAGS_IS_IPV6                               0x00000400
#define NDIS_NBL_FLAGS_IS_TCP                                0x00000800
#define NDIS_NBL_FLAGS_IS_UDP                                0x00001000
#define NDIS_NBL_FLAGS_SPLIT_AT_UPPER_LAYER_PROTOCOL_HEADER  0x00002000
#define NDIS_NBL_FLAGS_SPLIT_AT_UPPER_LAYER_PROTOCOL_PAYLOAD 0x00004000
#define NDIS_NBL_FLAGS_IS_LOOPBACK_PACKET                    0x00008000
#define NDIS_NBL_FLAGS_CAPTURE_TIMESTAMP_ON_TRANSMIT         0x00010000

/* ---- Accessors: plain field accesses, usable on either side of '=' ---- */

#define NET_BUFFER_NEXT_NB(_NB)                 ((_NB)->Next)
#define NET_BUFFER_FIRST_MDL(_NB)               ((_NB)->MdlChain)
#define NET_BUFFER_DATA_LENGTH(_NB)             ((_NB)->DataLength)
#define NET_BUFFER_DATA_OFFSET(_NB)             ((_NB)->DataOffset)
#define NET_BUFFER_CURRENT_MDL(_NB)             ((_NB)->CurrentMdl)
#define NET_BUFFER_CURRENT_MDL_OFFSET(_NB)      ((_NB)->CurrentMdlOffset)
#define NET_BUFFER_CHECKSUM_BIAS(_NB)           ((_NB)->ChecksumBias)
#define NET_BUFFER_PROTOCOL_RESERVED(_NB)       ((_NB)->ProtocolReserved)
#define NET_BUFFER_MINIPORT_RESERVED(_NB)       ((_NB)->MiniportReserved)
#define NET_BUFFER_LIST_FIRST_NB(_NBL)          ((_NBL)->FirstNetBuffer)
#define NET_BUFFER_LIST_NEXT_NBL(_NBL)          ((_NBL)->Next)
#define NET_BUFFER_LIST_FLAGS(_NBL)             ((_NBL)->Flags)
#define NET_BUFFER_LIST_NBL_FLAGS(_NBL)         ((_NBL)->NblFlags)
#define NET_BUFFER_LIST_STATUS(_NBL)            ((_NBL)->Status)
#define NET_BUFFER_LIST_INFO(_NBL, _Id)         ((_NBL)->NetBufferListInfo[(_Id)])
#define NET_BUFFER_LIST_PROTOCOL_RESERVED(_NBL) ((_NBL)->ProtocolReserved)
#define NET_BUFFER_LIST_MINIPORT_RESERVED(_NBL) ((_NBL)->MiniportReserved)
#define NET_BUFFER_LIST_CONTEXT_DATA_START(_NBL) \
        ((PUCHAR)(((_NBL)->Context) + 1) + (_NBL)->Context->Offset)
#define NET_BUFFER_LIST_CONTEXT_DATA_SIZE(_NBL) \
        (((_NBL)->Context)->Size - ((_NBL)->Context)->Offset)

/* ---- Pools ---- */

#define NET_BUFFER_POOL_PARAMETERS_REVISION_1 1
#define NET_BUFFER_POOL_PARAMETERS_REVISION_2 2
#define NET_BUFFER_POOL_FLAG_VERIFY           0x00000001

/* Header: NDIS_OBJECT_TYPE_DEFAULT, a revision and its size. DataSize != 0: every
 * NET_BUFFER comes with an MDL and DataSize bytes (NdisAllocateNetBufferMdlAndData
 * only); 0: the caller supplies the MDLs (NdisAllocateNetBuffer only). Revision 2 adds
 * Flags (NET_BUFFER_POOL_FLAG_VERIFY: freed buffers are not reused at once and become
 * inaccessible). */
typedef struct _NET_BUFFER_POOL_PARAMETERS {
        NDIS_OBJECT_HEADER Header;
        ULONG PoolTag;
        ULONG DataSize;
        ULONG Flags;
} NET_BUFFER_POOL_PARAMETERS, *PNET_BUFFER_POOL_PARAMETERS;

#define NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1 \
        RTL_SIZEOF_THROUGH_FIELD(NET_BUFFER_POOL_PARAMETERS, DataSize)
#define NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_2 \
        RTL_SIZEOF_THROUGH_FIELD(NET_BUFFER_POOL_PARAMETERS, Flags)

#define NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1 1
#define NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_2 2
#define NET_BUFFER_LIST_POOL_FLAG_VERIFY           0x00000001

/* NET_BUFFER_LIST_POOL_PARAMETERS.ProtocolId: 0 for miniport, filter and intermediate
 * drivers. */
#define NDIS_PROTOCOL_ID_DEFAULT 0x00
#define NDIS_PROTOCOL_ID_TCP_IP  0x02
#define NDIS_PROTOCOL_ID_IPX     0x06
#define NDIS_PROTOCOL_ID_NBF     0x07
#define NDIS_PROTOCOL_ID_MAX     0x0F
#define NDIS_PROTOCOL_ID_MASK    0x0F

/* fAllocateNetBuffer: each NBL comes with one NET_BUFFER. DataSize != 0 (requires
 * fAllocateNetBuffer): that NET_BUFFER also has an MDL and DataSize bytes. ContextSize:
 * context bytes preallocated per NBL, a multiple of MEMORY_ALLOCATION_ALIGNMENT.
 * Revision 2 adds Flags (NET_BUFFER_LIST_POOL_FLAG_VERIFY). */
typedef struct _NET_BUFFER_LIST_POOL_PARAMETERS {
        NDIS_OBJECT_HEADER Header;
        UCHAR ProtocolId;
        BOOLEAN fAllocateNetBuffer;
        USHORT ContextSize;
        ULONG PoolTag;
        ULONG DataSize;
        ULONG Flags;
} NET_BUFFER_LIST_POOL_PARAMETERS, *PNET_BUFFER_LIST_POOL_PARAMETERS;

#define NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1 \
        RTL_SIZEOF_THROUGH_FIELD(NET_BUFFER_LIST_POOL_PARAMETERS, DataSize)
#define NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_2 \
        RTL_SIZEOF_THROUGH_FIELD(NET_BUFFER_LIST_POOL_PARAMETERS, Flags)

/* Unless stated otherwise, every function below may be called at IRQL <= DISPATCH_LEVEL
 * and returns NULL when memory is short. */

/* A NET_BUFFER pool; NdisHandle is optional. A malformed Parameters header is a driver
 * error. */
WINNET_API NDIS_HANDLE NdisAllocateNetBufferPool(_In_opt_ NDIS_HANDLE NdisHandle,
                                                 _In_ PNET_BUFFER_POOL_PARAMETERS Parameters);
/* Every NET_BUFFER of the pool must already be freed. */
WINNET_API VOID NdisFreeNetBufferPool(_In_ NDIS_HANDLE PoolHandle);
/* A NET_BUFFER over the caller's MdlChain (pool DataSize 0). DataOffset is the initial
 * backfill; MdlChain NULL requires DataOffset and DataLength 0. */
WINNET_API PNET_BUFFER NdisAllocateNetBuffer(_In_ NDIS_HANDLE PoolHandle, _In_opt_ PMDL MdlChain,
                                             _In_ ULONG DataOffset, _In_ SIZE_T DataLength);
/* A NET_BUFFER with its own MDL and DataSize bytes (pool DataSize != 0). */
WINNET_API PNET_BUFFER NdisAllocateNetBufferMdlAndData(_In_ NDIS_HANDLE PoolHandle);
/* Frees the NET_BUFFER, and its MDL and data when NdisAllocateNetBufferMdlAndData made
 * them; MDLs the caller supplied stay the caller's. */
WINNET_API VOID NdisFreeNetBuffer(_In_ PNET_BUFFER NetBuffer);

/* A NET_BUFFER_LIST pool; NdisHandle is optional. */
WINNET_API NDIS_HANDLE NdisAllocateNetBufferListPool(
    _In_opt_ NDIS_HANDLE NdisHandle, _In_ PNET_BUFFER_LIST_POOL_PARAMETERS Parameters);
/* Every NET_BUFFER_LIST of the pool must already be freed. */
WINNET_API VOID NdisFreeNetBufferListPool(_In_ NDIS_HANDLE PoolHandle);
/* An NBL with a context of ContextSize bytes of which the first ContextBackFill are
 * backfill (both multiples of MEMORY_ALLOCATION_ALIGNMENT, 0 for none). */
WINNET_API PNET_BUFFER_LIST NdisAllocateNetBufferList(_In_ NDIS_HANDLE PoolHandle,
                                                      _In_ USHORT ContextSize,
                                                      _In_ USHORT ContextBackFill);
/* An NBL and its one NET_BUFFER over MdlChain, from a pool with fAllocateNetBuffer and
 * DataSize 0. */
WINNET_API PNET_BUFFER_LIST NdisAllocateNetBufferAndNetBufferList(
    _In_ NDIS_HANDLE PoolHandle, _In_ USHORT ContextSize, _In_ USHORT ContextBackFill,
    _In_opt_ PMDL MdlChain, _In_ ULONG DataOffset, _In_ SIZE_T DataLength);
/* Frees the NBL and only the NET_BUFFER preallocated with it. Contexts added with
 * NdisAllocateNetBufferListContext must be freed first. */
WINNET_API VOID NdisFreeNetBufferList(_In_ PNET_BUFFER_LIST NetBufferList);

/* Adds ContextSize bytes of context (ContextBackFill of them backfill; sizes multiples
 * of sizeof(PVOID)). Returns NDIS_STATUS_SUCCESS, NDIS_STATUS_RESOURCES or
 * NDIS_STATUS_FAILURE. */
WINNET_API NDIS_STATUS NdisAllocateNetBufferListContext(_In_ PNET_BUFFER_LIST NetBufferList,
                                                        _In_ USHORT ContextSize,
                                                        _In_ USHORT ContextBackFill,
                                                        _In_ ULONG PoolTag);
/* Releases ContextSize bytes added by the matching NdisAllocateNetBufferListContext. */
WINNET_API VOID NdisFreeNetBufferListContext(_In_ PNET_BUFFER_LIST NetBufferList,
                                             _In_ USHORT ContextSize);

WINNET_API NDIS_HANDLE NdisGetPoolFromNetBuffer(_In_ PNET_BUFFER NetBuffer);
WINNET_API NDIS_HANDLE NdisGetPoolFromNetBufferList(_In_ PNET_BUFFER_LIST NetBufferList);

/* ---- Data space ---- */

/* Called when a retreat needs more backfill than the MDL chain has: returns a new MDL
 * with at least *BufferSize bytes and stores its real size there, or NULL. */
typedef PMDL (*NET_BUFFER_ALLOCATE_MDL_HANDLER)(_Inout_ PULONG BufferSize);
/* Frees an MDL that NET_BUFFER_ALLOCATE_MDL_HANDLER returned. */
typedef VOID (*NET_BUFFER_FREE_MDL_HANDLER)(_In_ PMDL Mdl);

/* Grows the used data by DataOffsetDelta bytes at its front. When the backfill is too
 * small, allocates DataOffsetDelta + DataBackFill bytes in a new MDL at the front of the
 * chain (with AllocateMdlHandler when given). NDIS_STATUS_RESOURCES when that fails, and
 * the NET_BUFFER is unchanged. */
WINNET_API NDIS_STATUS NdisRetreatNetBufferDataStart(
    _In_ PNET_BUFFER NetBuffer, _In_ ULONG DataOffsetDelta, _In_ ULONG DataBackFill,
    _In_opt_ NET_BUFFER_ALLOCATE_MDL_HANDLER AllocateMdlHandler);
/* Shrinks the used data by DataOffsetDelta bytes at its front. With FreeMdl, MDLs that
 * a retreat allocated and that are no longer used are freed (with FreeMdlHandler when
 * given). */
WINNET_API VOID NdisAdvanceNetBufferDataStart(_In_ PNET_BUFFER NetBuffer,
                                              _In_ ULONG DataOffsetDelta, _In_ BOOLEAN FreeMdl,
                                              _In_opt_ NET_BUFFER_FREE_MDL_HANDLER FreeMdlHandler);
/* The same for every NET_BUFFER of the NBL; on failure the NET_BUFFERs already
 * retreated are advanced back (freeing with FreeMdlHandler). */
WINNET_API NDIS_STATUS NdisRetreatNetBufferListDataStart(
    _In_ PNET_BUFFER_LIST NetBufferList, _In_ ULONG DataOffsetDelta, _In_ ULONG DataBackFill,
    _In_opt_ NET_BUFFER_ALLOCATE_MDL_HANDLER AllocateMdlHandler,
    _In_opt_ NET_BUFFER_FREE_MDL_HANDLER FreeMdlHandler);
WINNET_API VOID NdisAdvanceNetBufferListDataStart(
    _In_ PNET_BUFFER_LIST NetBufferList, _In_ ULONG DataOffsetDelta, _In_ BOOLEAN FreeMdl,
    _In_opt_ NET_BUFFER_FREE_MDL_HANDLER FreeMdlMdlHandler);

/* The first BytesNeeded bytes of the used data: a pointer into the data when they are
 * contiguous and at an address k * AlignMultiple + AlignOffset (AlignMultiple a power of
 * two, 1 for any), else a copy in Storage (returned), else NULL. NULL too when fewer
 * than BytesNeeded bytes are used. */
WINNET_API PVOID NdisGetDataBuffer(_In_ PNET_BUFFER NetBuffer, _In_ ULONG BytesNeeded,
                                   _Out_opt_ PVOID Storage, _In_ UINT AlignMultiple,
                                   _In_ UINT AlignOffset);

/* Copies up to BytesToCopy bytes of used data from Source (starting SourceOffset bytes
 * in) into Destination's MDL chain, DestinationOffset bytes past its data start and
 * as far as the chain goes (Destination's DataLength does not bound it, and no field
 * of Destination changes: the caller sets DataLength afterwards); *BytesCopied is
 * the number copied. */
WINNET_API NDIS_STATUS NdisCopyFromNetBufferToNetBuffer(
    _In_ PNET_BUFFER Destination, _In_ ULONG DestinationOffset, _In_ ULONG BytesToCopy,
    _In_ PNET_BUFFER Source, _In_ ULONG SourceOffset, _Out_ PULONG BytesCopied);

/* The number of pages (4096 bytes, x64 Windows' PAGE_SIZE) the used data of the
 * NET_BUFFER spans, MDL by MDL: the most physically separate pieces it can map to,
 * an upper bound on the scatter/gather elements it needs. 0 for no used data. */
WINNET_API ULONG NdisQueryNetBufferPhysicalCount(_In_ PNET_BUFFER NetBuffer);

/* ---- Clones, fragments and reassemblies ----
 * NBLs made from an existing NBL (the parent) that describe its data without
 * copying it: new NET_BUFFERs, and new MDLs over the parent's buffers. They have no
 * context (Context is NULL), ParentNetBufferList NULL and ChildRefCount 0: as the
 * WDK says, the caller keeps the parent pointer and the child count. The parent
 * must outlive them: free every derived NBL, with its own free routine, before
 * the parent. The NBL pool (optional; NULL: the runtime's) must have DataSize 0;
 * when it preallocates a NET_BUFFER, that one is the first of the new NBL. The NB
 * pool (optional, NULL: the runtime's) must have DataSize 0. */

#define NDIS_CLONE_FLAGS_RESERVED          0x00000001
#define NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS 0x00000002

/* A clone: one NET_BUFFER per NET_BUFFER of OriginalNetBufferList, describing its
 * used data only (DataOffset 0 over new MDLs; with NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS
 * the original's MDLs from the one the used data starts in). NULL on failure. */
WINNET_API PNET_BUFFER_LIST NdisAllocateCloneNetBufferList(
    _In_ PNET_BUFFER_LIST OriginalNetBufferList, _In_opt_ NDIS_HANDLE NetBufferListPoolHandle,
    _In_opt_ NDIS_HANDLE NetBufferPoolHandle, _In_ ULONG AllocateCloneFlags);
/* Frees a clone, its NET_BUFFERs and the MDLs the clone allocated. FreeCloneFlags
 * must be the AllocateCloneFlags of the clone. */
WINNET_API VOID NdisFreeCloneNetBufferList(_In_ PNET_BUFFER_LIST CloneNetBufferList,
                                           _In_ ULONG FreeCloneFlags);

/* Fragments: the used data of each NET_BUFFER of OriginalNetBufferList, from
 * StartOffset bytes in, cut into NET_BUFFERs of MaximumLength bytes (the last of each
 * may be shorter), each over new MDLs and then retreated by DataOffsetDelta (a new
 * buffer of DataOffsetDelta + DataBackFill bytes in front). AllocateFragmentFlags 0.
 * NULL on failure, or when no data is left after StartOffset. */
WINNET_API PNET_BUFFER_LIST NdisAllocateFragmentNetBufferList(
    _In_ PNET_BUFFER_LIST OriginalNetBufferList, _In_opt_ NDIS_HANDLE NetBufferListPool,
    _In_opt_ NDIS_HANDLE NetBufferPool, _In_ ULONG StartOffset, _In_ ULONG MaximumLength,
    _In_ ULONG DataOffsetDelta, _In_ ULONG DataBackFill, _In_ ULONG AllocateFragmentFlags);
/* Advances each fragment by DataOffsetDelta (the value given at allocation), then
 * frees the NBL, its NET_BUFFERs and MDLs. FreeFragmentFlags 0. */
WINNET_API VOID NdisFreeFragmentNetBufferList(_In_ PNET_BUFFER_LIST FragmentNetBufferList,
                                              _In_ ULONG DataOffsetDelta,
                                              _In_ ULONG FreeFragmentFlags);

/* One NET_BUFFER over the used data of every NET_BUFFER of FragmentNetBufferList,
 * each past its first StartOffset bytes, concatenated in order, then retreated by
 * DataOffsetDelta (DataBackFill as for NdisRetreatNetBufferDataStart). The pool
 * (optional) must have fAllocateNetBuffer and DataSize 0. AllocateReassembleFlags 0.
 * NULL on failure. */
WINNET_API PNET_BUFFER_LIST NdisAllocateReassembledNetBufferList(
    _In_ PNET_BUFFER_LIST FragmentNetBufferList,
    _In_opt_ NDIS_HANDLE NetBufferAndNetBufferListPoolHandle, _In_ ULONG StartOffset,
    _In_ ULONG DataOffsetDelta, _In_ ULONG DataBackFill, _In_ ULONG AllocateReassembleFlags);
/* Advances the NET_BUFFER by DataOffsetDelta (the value given at allocation), then
 * frees the NBL, its NET_BUFFER and MDLs. FreeReassembleFlags 0. */
WINNET_API VOID NdisFreeReassembledNetBufferList(_In_ PNET_BUFFER_LIST ReassembledNetBufferList,
                                                 _In_ ULONG DataOffsetDelta,
                                                 _In_ ULONG FreeReassembleFlags);

WINNET_END_DECLS

#if defined(__clang__) && defined(__cplusplus)
#pragma clang diagnostic pop
#endif

/* ---- x64 layouts, as documented by the WDK ---- */

WINNET_STATIC_ASSERT(sizeof(NDIS_OBJECT_HEADER) == 4, "NDIS_OBJECT_HEADER is 4 bytes");
WINNET_STATIC_ASSERT(NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1 == 12,
                     "NET_BUFFER_POOL_PARAMETERS revision 1 is 12 bytes");
WINNET_STATIC_ASSERT(NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_2 == 16,
                     "NET_BUFFER_POOL_PARAMETERS revision 2 is 16 bytes");
WINNET_STATIC_ASSERT(sizeof(NET_BUFFER_POOL_PARAMETERS) == 16, "sizeof NET_BUFFER_POOL_PARAMETERS");
WINNET_STATIC_ASSERT(NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1 == 16,
                     "NET_BUFFER_LIST_POOL_PARAMETERS revision 1 is 16 bytes");
WINNET_STATIC_ASSERT(NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_2 == 20,
                     "NET_BUFFER_LIST_POOL_PARAMETERS revision 2 is 20 bytes");
WINNET_STATIC_ASSERT(sizeof(NET_BUFFER_LIST_POOL_PARAMETERS) == 20,
                     "sizeof NET_BUFFER_LIST_POOL_PARAMETERS");
WINNET_STATIC_ASSERT(sizeof(NDIS_SPIN_LOCK) == 16, "NDIS_SPIN_LOCK is 16 bytes");
WINNET_STATIC_ASSERT(sizeof(MDL) == 48, "MDL is 48 bytes");
WINNET_STATIC_ASSERT(offsetof(MDL, ByteCount) == 40, "MDL.ByteCount at 40");
WINNET_STATIC_ASSERT(sizeof(SLIST_HEADER) == 16 && WINNET_ALIGNOF(SLIST_HEADER) == 16,
                     "SLIST_HEADER is 16 bytes, 16-byte aligned");
WINNET_STATIC_ASSERT(sizeof(NET_BUFFER_DATA) == 48, "NET_BUFFER_DATA is 48 bytes");
WINNET_STATIC_ASSERT(sizeof(NET_BUFFER_HEADER) == 48, "NET_BUFFER_HEADER is 48 bytes");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER, DataLength) == 24, "NET_BUFFER.DataLength at 24");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER, DataOffset) == 40, "NET_BUFFER.DataOffset at 40");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER, ChecksumBias) == 48, "NET_BUFFER.ChecksumBias at 48");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER, NdisPoolHandle) == 56, "NET_BUFFER.NdisPoolHandle at 56");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER, NdisReserved) == 64, "NET_BUFFER.NdisReserved at 64");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER, ProtocolReserved) == 80,
                     "NET_BUFFER.ProtocolReserved at 80");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER, MiniportReserved) == 128,
                     "NET_BUFFER.MiniportReserved at 128");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER, DataPhysicalAddress) == 160,
                     "NET_BUFFER.DataPhysicalAddress at 160");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER, ScatterGatherList) == 168,
                     "NET_BUFFER.ScatterGatherList at 168");
WINNET_STATIC_ASSERT(sizeof(NET_BUFFER) == 176, "NET_BUFFER is 176 bytes");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER_LIST_CONTEXT, ContextData) == 16 &&
                         sizeof(NET_BUFFER_LIST_CONTEXT) == 16,
                     "NET_BUFFER_LIST_CONTEXT data at 16");
WINNET_STATIC_ASSERT(sizeof(NET_BUFFER_LIST_HEADER) == 16, "NET_BUFFER_LIST_HEADER is 16 bytes");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER_LIST, Context) == 16, "NET_BUFFER_LIST.Context at 16");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER_LIST, NdisPoolHandle) == 32,
                     "NET_BUFFER_LIST.NdisPoolHandle at 32");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER_LIST, NdisReserved) == 48,
                     "NET_BUFFER_LIST.NdisReserved at 48");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER_LIST, ProtocolReserved) == 64,
                     "NET_BUFFER_LIST.ProtocolReserved at 64");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER_LIST, MiniportReserved) == 96,
                     "NET_BUFFER_LIST.MiniportReserved at 96");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER_LIST, Scratch) == 112, "NET_BUFFER_LIST.Scratch at 112");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER_LIST, NblFlags) == 128, "NET_BUFFER_LIST.NblFlags at 128");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER_LIST, Status) == 140, "NET_BUFFER_LIST.Status at 140");
WINNET_STATIC_ASSERT(offsetof(NET_BUFFER_LIST, NetBufferListInfo) == 144,
                     "NET_BUFFER_LIST.NetBufferListInfo at 144");
WINNET_STATIC_ASSERT(sizeof(NET_BUFFER_LIST) == 368, "NET_BUFFER_LIST is 368 bytes");

#endif /* WINNET_NDIS_H */
