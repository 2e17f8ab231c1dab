/* netioapi.h - the NETIO MIB rows and tables (interfaces, addresses, routes,
 * neighbours, paths, interface stack), their getters, LUID/index/name conversions
 * and change notifications, with Windows x64 layouts and Windows names.
 *
 * Two modes, selected as Windows' own headers select them:
 *   - user mode, when <iphlpapi.h> was included first (it defines __IPHLPAPI_H__):
 *     NETIO_STATUS is DWORD and the functions return Win32 codes (NO_ERROR, ...);
 *   - kernel mode (Netio.lib style) otherwise: NETIO_STATUS is NTSTATUS and the
 *     functions return STATUS_* codes.
 * The names are the same in both modes but the behaviours differ, so the library
 * exports two symbol sets. In kernel mode every function that returns NETIO_STATUS
 * is bound by a GCC/Clang asm label (valid in C and C++) to the linker symbol
 * winnet_k_<Name>; in user mode it keeps its plain name. VOID functions
 * (FreeMibTable, Initialize*Entry) are the same code in both modes and have one
 * symbol. Translation units of one program may use different modes. The full list
 * is in docs/abi-symbols.md.
 *
 * Error codes come in RtlNtStatusToDosError pairs: NO_ERROR / STATUS_SUCCESS,
 * ERROR_INVALID_PARAMETER / STATUS_INVALID_PARAMETER, ERROR_FILE_NOT_FOUND /
 * STATUS_OBJECT_NAME_NOT_FOUND, ERROR_NOT_FOUND / STATUS_NOT_FOUND,
 * ERROR_NOT_ENOUGH_MEMORY / STATUS_NO_MEMORY (alias STATUS_NOT_ENOUGH_MEMORY),
 * ERROR_NOT_SUPPORTED / STATUS_NOT_SUPPORTED, ERROR_INSUFFICIENT_BUFFER /
 * STATUS_BUFFER_TOO_SMALL, ERROR_INVALID_NAME / STATUS_OBJECT_NAME_INVALID.
 * The comments below name the Win32 member of each pair.
 *
 * Address families are the host's AF_INET / AF_INET6 / AF_UNSPEC and every
 * SOCKADDR_INET holds host socket addresses (see ws2ipdef.h). */
#ifndef WINNET_NETIOAPI_H
#define WINNET_NETIOAPI_H

#include <net/if.h> /* if_nametoindex, if_indextoname: see the end of this file */
#include "windef.h"
#include "guiddef.h"
#include "winerror.h"
#include "ntstatus.h"
#include "ws2def.h"
#include "ws2ipdef.h"
#include "ifdef.h"
#include "nldef.h"

#ifdef __IPHLPAPI_H__
#define NETIO_STATUS              DWORD
#define NETIO_SUCCESS(x)          ((x) == NO_ERROR)
#define NETIOAPI_API_             WINAPI
#define WINNET_NETIO_KERNEL_MODE  0
#define WINNET_NETIO_SYMBOL(name) /* plain name */
#else
#define NETIO_STATUS              NTSTATUS
#define NETIO_SUCCESS(x)          NT_SUCCESS(x)
#define NETIOAPI_API_             NTAPI
#define WINNET_NETIO_KERNEL_MODE  1
#define WINNET_NETIO_SYMBOL(name) __asm__("winnet_k_" #name)
#endif

#define _NETIOAPI_SUCCESS_
#define NETIOAPI_API NETIO_STATUS NETIOAPI_API_

#ifndef ANY_SIZE
#define ANY_SIZE 1
#endif

/* Size of the buffers ConvertInterfaceLuidToName* and *ToAlias fill, terminator
 * included (Windows names it NDIS_IF_MAX_STRING_SIZE + 1). */
#ifndef NDIS_IF_MAX_STRING_SIZE
#define NDIS_IF_MAX_STRING_SIZE IF_MAX_STRING_SIZE
#endif

WINNET_BEGIN_DECLS

typedef enum _MIB_NOTIFICATION_TYPE {
        MibParameterNotification = 0,
        MibAddInstance = 1,
        MibDeleteInstance = 2,
        MibInitialNotification = 3
} MIB_NOTIFICATION_TYPE,
    *PMIB_NOTIFICATION_TYPE;

typedef enum _MIB_IF_TABLE_LEVEL {
        MibIfTableNormal = 0,
        MibIfTableRaw = 1,
        MibIfTableNormalWithoutStatistics = 2
} MIB_IF_TABLE_LEVEL,
    *PMIB_IF_TABLE_LEVEL;

typedef enum _MIB_IF_ENTRY_LEVEL {
        MibIfEntryNormal = 0,
        MibIfEntryNormalWithoutStatistics = 2
} MIB_IF_ENTRY_LEVEL,
    *PMIB_IF_ENTRY_LEVEL;

/* ---- Interfaces ------------------------------------------------------------- */

/* Alias is the Linux interface name (eth0); Description is IFLA_IFALIAS when set.
 * Speeds are bits per second; a device that reports no speed leaves them unknown. */
typedef struct _MIB_IF_ROW2 {
        NET_LUID InterfaceLuid;
        NET_IFINDEX InterfaceIndex;
        GUID InterfaceGuid;
        WCHAR Alias[IF_MAX_STRING_SIZE + 1];
        WCHAR Description[IF_MAX_STRING_SIZE + 1];
        ULONG PhysicalAddressLength;
        UCHAR PhysicalAddress[IF_MAX_PHYS_ADDRESS_LENGTH];
        UCHAR PermanentPhysicalAddress[IF_MAX_PHYS_ADDRESS_LENGTH];
        ULONG Mtu;
        IFTYPE Type;
        TUNNEL_TYPE TunnelType;
        NDIS_MEDIUM MediaType;
        NDIS_PHYSICAL_MEDIUM PhysicalMediumType;
        NET_IF_ACCESS_TYPE AccessType;
        NET_IF_DIRECTION_TYPE DirectionType;
        /* BOOLEAN bitfields: one byte, a GCC/Clang extension in ISO C. */
        struct {
                __extension__ BOOLEAN HardwareInterface : 1;
                __extension__ BOOLEAN FilterInterface : 1;
                __extension__ BOOLEAN ConnectorPresent : 1;
                __extension__ BOOLEAN NotAuthenticated : 1;
                __extension__ BOOLEAN NotMediaConnected : 1;
                __extension__ BOOLEAN Paused : 1;
                __extension__ BOOLEAN LowPower : 1;
                __extension__ BOOLEAN EndPointInterface : 1;
        } InterfaceAndOperStatusFlags;
        IF_OPER_STATUS OperStatus;
        NET_IF_ADMIN_STATUS AdminStatus;
        NET_IF_MEDIA_CONNECT_STATE MediaConnectState;
        NET_IF_NETWORK_GUID NetworkGuid;
        NET_IF_CONNECTION_TYPE ConnectionType;
        ULONG64 TransmitLinkSpeed;
        ULONG64 ReceiveLinkSpeed;
        ULONG64 InOctets;
        ULONG64 InUcastPkts;
        ULONG64 InNUcastPkts;
        ULONG64 InDiscards;
        ULONG64 InErrors;
        ULONG64 InUnknownProtos;
        ULONG64 InUcastOctets;
        ULONG64 InMulticastOctets;
        ULONG64 InBroadcastOctets;
        ULONG64 OutOctets;
        ULONG64 OutUcastPkts;
        ULONG64 OutNUcastPkts;
        ULONG64 OutDiscards;
        ULONG64 OutErrors;
        ULONG64 OutUcastOctets;
        ULONG64 OutMulticastOctets;
        ULONG64 OutBroadcastOctets;
        ULONG64 OutQLen;
} MIB_IF_ROW2, *PMIB_IF_ROW2;

/* Every table is one allocation, offsetof(TABLE, Table[NumEntries]) bytes (at
 * least), released with FreeMibTable. */
typedef struct _MIB_IF_TABLE2 {
        ULONG NumEntries;
        MIB_IF_ROW2 Table[ANY_SIZE];
} MIB_IF_TABLE2, *PMIB_IF_TABLE2;

/* Per-family (IPv4 or IPv6) settings of one interface. */
typedef struct _MIB_IPINTERFACE_ROW {
        ADDRESS_FAMILY Family;
        NET_LUID InterfaceLuid;
        NET_IFINDEX InterfaceIndex;
        ULONG MaxReassemblySize;
        ULONG64 InterfaceIdentifier;
        ULONG MinRouterAdvertisementInterval;
        ULONG MaxRouterAdvertisementInterval;
        BOOLEAN AdvertisingEnabled;
        BOOLEAN ForwardingEnabled;
        BOOLEAN WeakHostSend;
        BOOLEAN WeakHostReceive;
        BOOLEAN UseAutomaticMetric;
        BOOLEAN UseNeighborUnreachabilityDetection;
        BOOLEAN ManagedAddressConfigurationSupported;
        BOOLEAN OtherStatefulConfigurationSupported;
        BOOLEAN AdvertiseDefaultRoute;
        NL_ROUTER_DISCOVERY_BEHAVIOR RouterDiscoveryBehavior;
        ULONG DadTransmits;
        ULONG BaseReachableTime;
        ULONG RetransmitTime;
        ULONG PathMtuDiscoveryTimeout;
        NL_LINK_LOCAL_ADDRESS_BEHAVIOR LinkLocalAddressBehavior;
        ULONG LinkLocalAddressTimeout;
        ULONG ZoneIndices[ScopeLevelCount];
        ULONG SitePrefixLength;
        ULONG Metric;
        ULONG NlMtu;
        BOOLEAN Connected;
        BOOLEAN SupportsWakeUpPatterns;
        BOOLEAN SupportsNeighborDiscovery;
        BOOLEAN SupportsRouterDiscovery;
        ULONG ReachableTime;
        NL_INTERFACE_OFFLOAD_ROD TransmitOffload;
        NL_INTERFACE_OFFLOAD_ROD ReceiveOffload;
        BOOLEAN DisableDefaultRoutes;
} MIB_IPINTERFACE_ROW, *PMIB_IPINTERFACE_ROW;

typedef struct _MIB_IPINTERFACE_TABLE {
        ULONG NumEntries;
        MIB_IPINTERFACE_ROW Table[ANY_SIZE];
} MIB_IPINTERFACE_TABLE, *PMIB_IPINTERFACE_TABLE;

/* One layering relationship (Linux: IFLA_LINK / IFLA_MASTER), higher layer first. */
typedef struct _MIB_IFSTACK_ROW {
        NET_IFINDEX HigherLayerInterfaceIndex;
        NET_IFINDEX LowerLayerInterfaceIndex;
} MIB_IFSTACK_ROW, *PMIB_IFSTACK_ROW;

typedef struct _MIB_INVERTEDIFSTACK_ROW {
        NET_IFINDEX LowerLayerInterfaceIndex;
        NET_IFINDEX HigherLayerInterfaceIndex;
} MIB_INVERTEDIFSTACK_ROW, *PMIB_INVERTEDIFSTACK_ROW;

typedef struct _MIB_IFSTACK_TABLE {
        ULONG NumEntries;
        MIB_IFSTACK_ROW Table[ANY_SIZE];
} MIB_IFSTACK_TABLE, *PMIB_IFSTACK_TABLE;

typedef struct _MIB_INVERTEDIFSTACK_TABLE {
        ULONG NumEntries;
        MIB_INVERTEDIFSTACK_ROW Table[ANY_SIZE];
} MIB_INVERTEDIFSTACK_TABLE, *PMIB_INVERTEDIFSTACK_TABLE;

typedef struct _MIB_IP_NETWORK_CONNECTION_BANDWIDTH_ESTIMATES {
        NL_BANDWIDTH_INFORMATION InboundBandwidthInformation;
        NL_BANDWIDTH_INFORMATION OutboundBandwidthInformation;
} MIB_IP_NETWORK_CONNECTION_BANDWIDTH_ESTIMATES, *PMIB_IP_NETWORK_CONNECTION_BANDWIDTH_ESTIMATES;

/* ---- Addresses -------------------------------------------------------------- */

/* Lifetimes are seconds, 0xffffffff meaning infinite. CreationTimeStamp is in
 * 100 ns units since 1601-01-01 (a FILETIME), as on Windows. */
typedef struct _MIB_UNICASTIPADDRESS_ROW {
        SOCKADDR_INET Address;
        NET_LUID InterfaceLuid;
        NET_IFINDEX InterfaceIndex;
        NL_PREFIX_ORIGIN PrefixOrigin;
        NL_SUFFIX_ORIGIN SuffixOrigin;
        ULONG ValidLifetime;
        ULONG PreferredLifetime;
        UINT8 OnLinkPrefixLength;
        BOOLEAN SkipAsSource;
        NL_DAD_STATE DadState;
        SCOPE_ID ScopeId;
        LARGE_INTEGER CreationTimeStamp;
} MIB_UNICASTIPADDRESS_ROW, *PMIB_UNICASTIPADDRESS_ROW;

typedef struct _MIB_UNICASTIPADDRESS_TABLE {
        ULONG NumEntries;
        MIB_UNICASTIPADDRESS_ROW Table[ANY_SIZE];
} MIB_UNICASTIPADDRESS_TABLE, *PMIB_UNICASTIPADDRESS_TABLE;

typedef struct _MIB_ANYCASTIPADDRESS_ROW {
        SOCKADDR_INET Address;
        NET_LUID InterfaceLuid;
        NET_IFINDEX InterfaceIndex;
        SCOPE_ID ScopeId;
} MIB_ANYCASTIPADDRESS_ROW, *PMIB_ANYCASTIPADDRESS_ROW;

typedef struct _MIB_ANYCASTIPADDRESS_TABLE {
        ULONG NumEntries;
        MIB_ANYCASTIPADDRESS_ROW Table[ANY_SIZE];
} MIB_ANYCASTIPADDRESS_TABLE, *PMIB_ANYCASTIPADDRESS_TABLE;

/* Note the field order differs from the anycast row: index before LUID. */
typedef struct _MIB_MULTICASTIPADDRESS_ROW {
        SOCKADDR_INET Address;
        NET_IFINDEX InterfaceIndex;
        NET_LUID InterfaceLuid;
        SCOPE_ID ScopeId;
} MIB_MULTICASTIPADDRESS_ROW, *PMIB_MULTICASTIPADDRESS_ROW;

typedef struct _MIB_MULTICASTIPADDRESS_TABLE {
        ULONG NumEntries;
        MIB_MULTICASTIPADDRESS_ROW Table[ANY_SIZE];
} MIB_MULTICASTIPADDRESS_TABLE, *PMIB_MULTICASTIPADDRESS_TABLE;

/* ---- Routes, neighbours, paths ---------------------------------------------- */

typedef struct _IP_ADDRESS_PREFIX {
        SOCKADDR_INET Prefix;
        UINT8 PrefixLength;
} IP_ADDRESS_PREFIX, *PIP_ADDRESS_PREFIX;

/* One row per next hop: a Linux multipath route gives several rows. */
typedef struct _MIB_IPFORWARD_ROW2 {
        NET_LUID InterfaceLuid;
        NET_IFINDEX InterfaceIndex;
        IP_ADDRESS_PREFIX DestinationPrefix;
        SOCKADDR_INET NextHop;
        UCHAR SitePrefixLength;
        ULONG ValidLifetime;
        ULONG PreferredLifetime;
        ULONG Metric;
        NL_ROUTE_PROTOCOL Protocol;
        BOOLEAN Loopback;
        BOOLEAN AutoconfigureAddress;
        BOOLEAN Publish;
        BOOLEAN Immortal;
        ULONG Age;
        NL_ROUTE_ORIGIN Origin;
} MIB_IPFORWARD_ROW2, *PMIB_IPFORWARD_ROW2;

typedef struct _MIB_IPFORWARD_TABLE2 {
        ULONG NumEntries;
        MIB_IPFORWARD_ROW2 Table[ANY_SIZE];
} MIB_IPFORWARD_TABLE2, *PMIB_IPFORWARD_TABLE2;

typedef struct _MIB_IPPATH_ROW {
        SOCKADDR_INET Source;
        SOCKADDR_INET Destination;
        NET_LUID InterfaceLuid;
        NET_IFINDEX InterfaceIndex;
        SOCKADDR_INET CurrentNextHop;
        ULONG PathMtu;
        ULONG RttMean;
        ULONG RttDeviation;
        union { /* which one is valid depends on IsReachable */
                ULONG LastReachable;
                ULONG LastUnreachable;
        };
        BOOLEAN IsReachable;
        ULONG64 LinkTransmitSpeed;
        ULONG64 LinkReceiveSpeed;
} MIB_IPPATH_ROW, *PMIB_IPPATH_ROW;

typedef struct _MIB_IPPATH_TABLE {
        ULONG NumEntries;
        MIB_IPPATH_ROW Table[ANY_SIZE];
} MIB_IPPATH_TABLE, *PMIB_IPPATH_TABLE;

/* Flags overlays the IsRouter (bit 0) and IsUnreachable (bit 1) bits. The inner
 * struct is anonymous as on Windows (see WINNET_ANON_BEGIN in ws2def.h). */
WINNET_ANON_BEGIN
typedef struct _MIB_IPNET_ROW2 {
        SOCKADDR_INET Address;
        NET_IFINDEX InterfaceIndex;
        NET_LUID InterfaceLuid;
        UCHAR PhysicalAddress[IF_MAX_PHYS_ADDRESS_LENGTH];
        ULONG PhysicalAddressLength;
        NL_NEIGHBOR_STATE State;
        union {
                __extension__ struct {
                        __extension__ BOOLEAN IsRouter : 1;
                        __extension__ BOOLEAN IsUnreachable : 1;
                };
                UCHAR Flags;
        };
        union { /* milliseconds; which one is valid depends on State */
                ULONG LastReachable;
                ULONG LastUnreachable;
        } ReachabilityTime;
} MIB_IPNET_ROW2, *PMIB_IPNET_ROW2;
WINNET_ANON_END

typedef struct _MIB_IPNET_TABLE2 {
        ULONG NumEntries;
        MIB_IPNET_ROW2 Table[ANY_SIZE];
} MIB_IPNET_TABLE2, *PMIB_IPNET_TABLE2;

/* ---- Notification callbacks ------------------------------------------------- *
 * Row is NULL for MibInitialNotification; otherwise it carries the keys only
 * (Family, LUID, index; the address or prefix for address and route rows) and is
 * valid during the call. Calls for one handle never overlap. */
typedef VOID(NETIOAPI_API_ *PIPINTERFACE_CHANGE_CALLBACK)(
    _In_ PVOID CallerContext, _In_opt_ PMIB_IPINTERFACE_ROW Row,
    _In_ MIB_NOTIFICATION_TYPE NotificationType);
typedef VOID(NETIOAPI_API_ *PUNICAST_IPADDRESS_CHANGE_CALLBACK)(
    _In_ PVOID CallerContext, _In_opt_ PMIB_UNICASTIPADDRESS_ROW Row,
    _In_ MIB_NOTIFICATION_TYPE NotificationType);
typedef VOID(NETIOAPI_API_ *PIPFORWARD_CHANGE_CALLBACK)(
    _In_ PVOID CallerContext, _In_opt_ PMIB_IPFORWARD_ROW2 Row,
    _In_ MIB_NOTIFICATION_TYPE NotificationType);
/* AddressTable is the caller's to free with FreeMibTable. */
typedef VOID(NETIOAPI_API_ *PSTABLE_UNICAST_IPADDRESS_TABLE_CALLBACK)(
    _In_ PVOID CallerContext, _In_ PMIB_UNICASTIPADDRESS_TABLE AddressTable);

/* ---- Functions ---------------------------------------------------------------
 * Table getters: on success *Table is a new table the caller frees with
 * FreeMibTable; on failure *Table is NULL. Family is AF_INET, AF_INET6 or
 * AF_UNSPEC (both), anything else -> ERROR_INVALID_PARAMETER; NULL Table ->
 * ERROR_INVALID_PARAMETER; no rows -> ERROR_NOT_FOUND (AF_INET6 tables and
 * GetIpNetTable2 may also succeed empty); family stack absent -> ERROR_NOT_SUPPORTED.
 * Kernel mode: callable below DISPATCH_LEVEL. */

/* Level: MibIfTableNormal, MibIfTableRaw or MibIfTableNormalWithoutStatistics
 * (counters zero), anything else -> ERROR_INVALID_PARAMETER. */
WINNET_API NETIO_STATUS NETIOAPI_API_ GetIfTable2(_Out_ PMIB_IF_TABLE2 *Table)
    WINNET_NETIO_SYMBOL(GetIfTable2);
WINNET_API NETIO_STATUS NETIOAPI_API_ GetIfTable2Ex(_In_ MIB_IF_TABLE_LEVEL Level,
                                                    _Out_ PMIB_IF_TABLE2 *Table)
    WINNET_NETIO_SYMBOL(GetIfTable2Ex);

/* Looks up Row->InterfaceLuid, or Row->InterfaceIndex when the LUID is zero, and
 * fills the row. NULL, or LUID and index both zero -> ERROR_INVALID_PARAMETER;
 * unknown interface -> ERROR_FILE_NOT_FOUND. */
WINNET_API NETIO_STATUS NETIOAPI_API_ GetIfEntry2(_Inout_ PMIB_IF_ROW2 Row)
    WINNET_NETIO_SYMBOL(GetIfEntry2);
WINNET_API NETIO_STATUS NETIOAPI_API_ GetIfEntry2Ex(_In_ MIB_IF_ENTRY_LEVEL Level,
                                                    _Inout_ PMIB_IF_ROW2 Row)
    WINNET_NETIO_SYMBOL(GetIfEntry2Ex);

WINNET_API NETIO_STATUS NETIOAPI_API_ GetIfStackTable(_Out_ PMIB_IFSTACK_TABLE *Table)
    WINNET_NETIO_SYMBOL(GetIfStackTable);
WINNET_API NETIO_STATUS NETIOAPI_API_ GetInvertedIfStackTable(
    _Out_ PMIB_INVERTEDIFSTACK_TABLE *Table) WINNET_NETIO_SYMBOL(GetInvertedIfStackTable);

WINNET_API NETIO_STATUS NETIOAPI_API_ GetIpInterfaceTable(_In_ ADDRESS_FAMILY Family,
                                                          _Out_ PMIB_IPINTERFACE_TABLE *Table)
    WINNET_NETIO_SYMBOL(GetIpInterfaceTable);
/* Row->Family must be AF_INET or AF_INET6. Uses InterfaceLuid if non-zero, else
 * InterfaceIndex (and then fills the LUID). Unknown interface ->
 * ERROR_FILE_NOT_FOUND; interface without that family -> ERROR_NOT_FOUND. */
WINNET_API NETIO_STATUS NETIOAPI_API_ GetIpInterfaceEntry(_Inout_ PMIB_IPINTERFACE_ROW Row)
    WINNET_NETIO_SYMBOL(GetIpInterfaceEntry);
/* Fills the row with Windows' "unspecified / unchanged" defaults, ready to be keyed
 * with Family and InterfaceLuid or InterfaceIndex. */
WINNET_API VOID NETIOAPI_API_ InitializeIpInterfaceEntry(_Out_ PMIB_IPINTERFACE_ROW Row);

WINNET_API NETIO_STATUS NETIOAPI_API_
GetUnicastIpAddressTable(_In_ ADDRESS_FAMILY Family, _Out_ PMIB_UNICASTIPADDRESS_TABLE *Table)
    WINNET_NETIO_SYMBOL(GetUnicastIpAddressTable);
/* Keys: Row->Address plus InterfaceLuid or InterfaceIndex. NULL or zeroed row ->
 * ERROR_INVALID_PARAMETER; unknown address on no given interface ->
 * ERROR_FILE_NOT_FOUND; known interface, unknown address -> ERROR_NOT_FOUND. */
WINNET_API NETIO_STATUS NETIOAPI_API_ GetUnicastIpAddressEntry(
    _Inout_ PMIB_UNICASTIPADDRESS_ROW Row) WINNET_NETIO_SYMBOL(GetUnicastIpAddressEntry);
WINNET_API VOID NETIOAPI_API_ InitializeUnicastIpAddressEntry(_Out_ PMIB_UNICASTIPADDRESS_ROW Row);

WINNET_API NETIO_STATUS NETIOAPI_API_
GetAnycastIpAddressTable(_In_ ADDRESS_FAMILY Family, _Out_ PMIB_ANYCASTIPADDRESS_TABLE *Table)
    WINNET_NETIO_SYMBOL(GetAnycastIpAddressTable);
WINNET_API NETIO_STATUS NETIOAPI_API_ GetAnycastIpAddressEntry(
    _Inout_ PMIB_ANYCASTIPADDRESS_ROW Row) WINNET_NETIO_SYMBOL(GetAnycastIpAddressEntry);

WINNET_API NETIO_STATUS NETIOAPI_API_
GetMulticastIpAddressTable(_In_ ADDRESS_FAMILY Family, _Out_ PMIB_MULTICASTIPADDRESS_TABLE *Table)
    WINNET_NETIO_SYMBOL(GetMulticastIpAddressTable);
WINNET_API NETIO_STATUS NETIOAPI_API_ GetMulticastIpAddressEntry(
    _Inout_ PMIB_MULTICASTIPADDRESS_ROW Row) WINNET_NETIO_SYMBOL(GetMulticastIpAddressEntry);

WINNET_API NETIO_STATUS NETIOAPI_API_ GetIpForwardTable2(_In_ ADDRESS_FAMILY Family,
                                                         _Out_ PMIB_IPFORWARD_TABLE2 *Table)
    WINNET_NETIO_SYMBOL(GetIpForwardTable2);
WINNET_API NETIO_STATUS NETIOAPI_API_ GetIpForwardEntry2(_Inout_ PMIB_IPFORWARD_ROW2 Row)
    WINNET_NETIO_SYMBOL(GetIpForwardEntry2);
WINNET_API VOID NETIOAPI_API_ InitializeIpForwardEntry(_Out_ PMIB_IPFORWARD_ROW2 Row);

WINNET_API NETIO_STATUS NETIOAPI_API_ GetIpNetTable2(_In_ ADDRESS_FAMILY Family,
                                                     _Out_ PMIB_IPNET_TABLE2 *Table)
    WINNET_NETIO_SYMBOL(GetIpNetTable2);
WINNET_API NETIO_STATUS NETIOAPI_API_ GetIpNetEntry2(_Inout_ PMIB_IPNET_ROW2 Row)
    WINNET_NETIO_SYMBOL(GetIpNetEntry2);

WINNET_API NETIO_STATUS NETIOAPI_API_ GetIpPathTable(_In_ ADDRESS_FAMILY Family,
                                                     _Out_ PMIB_IPPATH_TABLE *Table)
    WINNET_NETIO_SYMBOL(GetIpPathTable);
WINNET_API NETIO_STATUS NETIOAPI_API_ GetIpPathEntry(_Inout_ PMIB_IPPATH_ROW Row)
    WINNET_NETIO_SYMBOL(GetIpPathEntry);

/* Frees any table returned above, in one call. NULL is a no-op. A pointer that is
 * not such a table, or one already freed, is reported, never silently reused.
 * Kernel mode: callable below DISPATCH_LEVEL. */
WINNET_API VOID NETIOAPI_API_ FreeMibTable(_In_ PVOID Memory);

/* ---- LUID, index, GUID, name and alias conversions ---------------------------
 * NULL output -> ERROR_INVALID_PARAMETER; unknown interface ->
 * ERROR_FILE_NOT_FOUND with the output zeroed. The "name" is
 * <type prefix>_<NetLuidIndex> (ethernet_32768); the alias is the Linux interface
 * name (eth0). Length counts characters, terminator included; too small ->
 * ERROR_NOT_ENOUGH_MEMORY. */
WINNET_API NETIO_STATUS NETIOAPI_API_ ConvertInterfaceIndexToLuid(_In_ NET_IFINDEX InterfaceIndex,
                                                                  _Out_ PNET_LUID InterfaceLuid)
    WINNET_NETIO_SYMBOL(ConvertInterfaceIndexToLuid);
WINNET_API NETIO_STATUS NETIOAPI_API_
ConvertInterfaceLuidToIndex(_In_ const NET_LUID *InterfaceLuid, _Out_ PNET_IFINDEX InterfaceIndex)
    WINNET_NETIO_SYMBOL(ConvertInterfaceLuidToIndex);
WINNET_API NETIO_STATUS NETIOAPI_API_ ConvertInterfaceLuidToGuid(_In_ const NET_LUID *InterfaceLuid,
                                                                 _Out_ GUID *InterfaceGuid)
    WINNET_NETIO_SYMBOL(ConvertInterfaceLuidToGuid);
WINNET_API NETIO_STATUS NETIOAPI_API_ ConvertInterfaceGuidToLuid(_In_ const GUID *InterfaceGuid,
                                                                 _Out_ PNET_LUID InterfaceLuid)
    WINNET_NETIO_SYMBOL(ConvertInterfaceGuidToLuid);
WINNET_API NETIO_STATUS NETIOAPI_API_ ConvertInterfaceLuidToNameW(
    _In_ const NET_LUID *InterfaceLuid, _Out_ PWSTR InterfaceName, _In_ SIZE_T Length)
    WINNET_NETIO_SYMBOL(ConvertInterfaceLuidToNameW);
WINNET_API NETIO_STATUS NETIOAPI_API_ ConvertInterfaceLuidToNameA(
    _In_ const NET_LUID *InterfaceLuid, _Out_ PSTR InterfaceName, _In_ SIZE_T Length)
    WINNET_NETIO_SYMBOL(ConvertInterfaceLuidToNameA);
/* NULL InterfaceName -> ERROR_INVALID_NAME. */
WINNET_API NETIO_STATUS NETIOAPI_API_ ConvertInterfaceNameToLuidW(_In_ const WCHAR *InterfaceName,
                                                                  _Out_ NET_LUID *InterfaceLuid)
    WINNET_NETIO_SYMBOL(ConvertInterfaceNameToLuidW);
WINNET_API NETIO_STATUS NETIOAPI_API_ ConvertInterfaceNameToLuidA(_In_ const CHAR *InterfaceName,
                                                                  _Out_ NET_LUID *InterfaceLuid)
    WINNET_NETIO_SYMBOL(ConvertInterfaceNameToLuidA);
WINNET_API NETIO_STATUS NETIOAPI_API_ ConvertInterfaceLuidToAlias(
    _In_ const NET_LUID *InterfaceLuid, _Out_ PWSTR InterfaceAlias, _In_ SIZE_T Length)
    WINNET_NETIO_SYMBOL(ConvertInterfaceLuidToAlias);
WINNET_API NETIO_STATUS NETIOAPI_API_ ConvertInterfaceAliasToLuid(_In_ const WCHAR *InterfaceAlias,
                                                                  _Out_ PNET_LUID InterfaceLuid)
    WINNET_NETIO_SYMBOL(ConvertInterfaceAliasToLuid);

/* ---- Change notifications ----------------------------------------------------
 * Family rules as for the tables. With InitialNotification the callback runs once
 * with (CallerContext, NULL, MibInitialNotification) before the call returns.
 * *NotificationHandle is an opaque handle (not a file descriptor) for
 * CancelMibChangeNotify2. Lost kernel events are recovered by a resync that
 * reports MibParameterNotification for what changed. */
WINNET_API NETIO_STATUS NETIOAPI_API_ NotifyIpInterfaceChange(
    _In_ ADDRESS_FAMILY Family, _In_ PIPINTERFACE_CHANGE_CALLBACK Callback,
    _In_opt_ PVOID CallerContext, _In_ BOOLEAN InitialNotification,
    _Inout_ HANDLE *NotificationHandle) WINNET_NETIO_SYMBOL(NotifyIpInterfaceChange);
WINNET_API NETIO_STATUS NETIOAPI_API_ NotifyUnicastIpAddressChange(
    _In_ ADDRESS_FAMILY Family, _In_ PUNICAST_IPADDRESS_CHANGE_CALLBACK Callback,
    _In_opt_ PVOID CallerContext, _In_ BOOLEAN InitialNotification,
    _Inout_ HANDLE *NotificationHandle) WINNET_NETIO_SYMBOL(NotifyUnicastIpAddressChange);
WINNET_API NETIO_STATUS NETIOAPI_API_ NotifyRouteChange2(_In_ ADDRESS_FAMILY AddressFamily,
                                                         _In_ PIPFORWARD_CHANGE_CALLBACK Callback,
                                                         _In_ PVOID CallerContext,
                                                         _In_ BOOLEAN InitialNotification,
                                                         _Inout_ HANDLE *NotificationHandle)
    WINNET_NETIO_SYMBOL(NotifyRouteChange2);
/* When every address is already stable (no DAD in progress), returns NO_ERROR
 * with the table in *Table and never calls CallerCallback; otherwise returns
 * ERROR_IO_PENDING (STATUS_PENDING) and later calls CallerCallback once, with a
 * table the callback must free with FreeMibTable, when they are. */
WINNET_API NETIO_STATUS NETIOAPI_API_ NotifyStableUnicastIpAddressTable(
    _In_ ADDRESS_FAMILY Family, _Out_ PMIB_UNICASTIPADDRESS_TABLE *Table,
    _In_ PSTABLE_UNICAST_IPADDRESS_TABLE_CALLBACK CallerCallback, _In_ PVOID CallerContext,
    _Inout_ HANDLE *NotificationHandle) WINNET_NETIO_SYMBOL(NotifyStableUnicastIpAddressTable);
/* NULL or a handle that is not live -> ERROR_INVALID_PARAMETER. Waits for a
 * running callback of that handle to return; none starts afterwards. Called from
 * inside that handle's own callback (which deadlocks on Windows) it returns at
 * once and the handle is released when the callback returns. The stable-table
 * handle is released after its callback. docs/notifications.md */
WINNET_API NETIO_STATUS NETIOAPI_API_ CancelMibChangeNotify2(_In_ HANDLE NotificationHandle)
    WINNET_NETIO_SYMBOL(CancelMibChangeNotify2);

/* if_nametoindex() and if_indextoname(), which Windows declares here, are libc's
 * (from <net/if.h>, included above): same names, same meaning on Linux (the index
 * is the kernel ifindex, the name the interface name), so winnet neither redeclares
 * nor exports them. IF_NAMESIZE is therefore the host's (16), not Windows' 256. */

WINNET_END_DECLS

#endif /* WINNET_NETIOAPI_H */
