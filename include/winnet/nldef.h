/* nldef.h - network-layer enumerations and small records shared by the NETIO MIB
 * rows: address/prefix origins, DAD and neighbour states, route protocols,
 * offload and bandwidth records. Values equal mingw-w64's / Windows' nldef.h. */
#ifndef WINNET_NLDEF_H
#define WINNET_NLDEF_H

#include "windef.h"
#include "ws2def.h" /* SCOPE_LEVEL, ScopeLevelCount (Windows keeps them in ws2def.h) */

typedef enum {
        NldsInvalid,
        NldsTentative,
        NldsDuplicate,
        NldsDeprecated,
        NldsPreferred,
        IpDadStateInvalid = 0,
        IpDadStateTentative,
        IpDadStateDuplicate,
        IpDadStateDeprecated,
        IpDadStatePreferred
} NL_DAD_STATE;

/* Route protocols: the RFC 4292 ipRouteProto numbers; the MIB_IPPROTO_* and
 * PROTO_IP_* spellings are the same values under the names iprtrmib.h uses. */
typedef enum {
        RouteProtocolOther = 1,
        RouteProtocolLocal = 2,
        RouteProtocolNetMgmt = 3,
        RouteProtocolIcmp = 4,
        RouteProtocolEgp = 5,
        RouteProtocolGgp = 6,
        RouteProtocolHello = 7,
        RouteProtocolRip = 8,
        RouteProtocolIsIs = 9,
        RouteProtocolEsIs = 10,
        RouteProtocolCisco = 11,
        RouteProtocolBbn = 12,
        RouteProtocolOspf = 13,
        RouteProtocolBgp = 14,
        RouteProtocolIdpr = 15,
        RouteProtocolEigrp = 16,
        RouteProtocolDvmrp = 17,
        RouteProtocolRpl = 18,
        RouteProtocolDhcp = 19,

        MIB_IPPROTO_OTHER = 1,
        PROTO_IP_OTHER = 1,
        MIB_IPPROTO_LOCAL = 2,
        PROTO_IP_LOCAL = 2,
        MIB_IPPROTO_NETMGMT = 3,
        PROTO_IP_NETMGMT = 3,
        MIB_IPPROTO_ICMP = 4,
        PROTO_IP_ICMP = 4,
        MIB_IPPROTO_EGP = 5,
        PROTO_IP_EGP = 5,
        MIB_IPPROTO_GGP = 6,
        PROTO_IP_GGP = 6,
        MIB_IPPROTO_HELLO = 7,
        PROTO_IP_HELLO = 7,
        MIB_IPPROTO_RIP = 8,
        PROTO_IP_RIP = 8,
        MIB_IPPROTO_IS_IS = 9,
        PROTO_IP_IS_IS = 9,
        MIB_IPPROTO_ES_IS = 10,
        PROTO_IP_ES_IS = 10,
        MIB_IPPROTO_CISCO = 11,
        PROTO_IP_CISCO = 11,
        MIB_IPPROTO_BBN = 12,
        PROTO_IP_BBN = 12,
        MIB_IPPROTO_OSPF = 13,
        PROTO_IP_OSPF = 13,
        MIB_IPPROTO_BGP = 14,
        PROTO_IP_BGP = 14,
        MIB_IPPROTO_IDPR = 15,
        PROTO_IP_IDPR = 15,
        MIB_IPPROTO_EIGRP = 16,
        PROTO_IP_EIGRP = 16,
        MIB_IPPROTO_DVMRP = 17,
        PROTO_IP_DVMRP = 17,
        MIB_IPPROTO_RPL = 18,
        PROTO_IP_RPL = 18,
        MIB_IPPROTO_DHCP = 19,
        PROTO_IP_DHCP = 19,
        MIB_IPPROTO_NT_AUTOSTATIC = 10002,
        PROTO_IP_NT_AUTOSTATIC = 10002,
        MIB_IPPROTO_NT_STATIC = 10006,
        PROTO_IP_NT_STATIC = 10006,
        MIB_IPPROTO_NT_STATIC_NON_DOD = 10007,
        PROTO_IP_NT_STATIC_NON_DOD = 10007
} NL_ROUTE_PROTOCOL,
    *PNL_ROUTE_PROTOCOL;

typedef enum {
        IpPrefixOriginOther = 0,
        IpPrefixOriginManual,
        IpPrefixOriginWellKnown,
        IpPrefixOriginDhcp,
        IpPrefixOriginRouterAdvertisement,
        IpPrefixOriginUnchanged = 1 << 4
} NL_PREFIX_ORIGIN;

#define NlpoOther               IpPrefixOriginOther
#define NlpoManual              IpPrefixOriginManual
#define NlpoWellKnown           IpPrefixOriginWellKnown
#define NlpoDhcp                IpPrefixOriginDhcp
#define NlpoRouterAdvertisement IpPrefixOriginRouterAdvertisement

typedef enum {
        NlsoOther = 0,
        NlsoManual,
        NlsoWellKnown,
        NlsoDhcp,
        NlsoLinkLayerAddress,
        NlsoRandom,
        IpSuffixOriginOther = 0,
        IpSuffixOriginManual,
        IpSuffixOriginWellKnown,
        IpSuffixOriginDhcp,
        IpSuffixOriginLinkLayerAddress,
        IpSuffixOriginRandom,
        IpSuffixOriginUnchanged = 1 << 4
} NL_SUFFIX_ORIGIN;

typedef enum {
        NlatUnspecified,
        NlatUnicast,
        NlatAnycast,
        NlatMulticast,
        NlatBroadcast,
        NlatInvalid
} NL_ADDRESS_TYPE,
    *PNL_ADDRESS_TYPE;

typedef enum _NL_ROUTE_ORIGIN {
        NlroManual,
        NlroWellKnown,
        NlroDHCP,
        NlroRouterAdvertisement,
        Nlro6to4
} NL_ROUTE_ORIGIN,
    *PNL_ROUTE_ORIGIN;

/* RFC 4861 neighbour states; Linux NUD_* states map onto these (see iphlpapi.md). */
typedef enum _NL_NEIGHBOR_STATE {
        NlnsUnreachable,
        NlnsIncomplete,
        NlnsProbe,
        NlnsDelay,
        NlnsStale,
        NlnsReachable,
        NlnsPermanent,
        NlnsMaximum
} NL_NEIGHBOR_STATE,
    *PNL_NEIGHBOR_STATE;

typedef enum _NL_LINK_LOCAL_ADDRESS_BEHAVIOR {
        LinkLocalAlwaysOff = 0,
        LinkLocalDelayed,
        LinkLocalAlwaysOn,
        LinkLocalUnchanged = -1
} NL_LINK_LOCAL_ADDRESS_BEHAVIOR;

typedef enum _NL_ROUTER_DISCOVERY_BEHAVIOR {
        RouterDiscoveryDisabled = 0,
        RouterDiscoveryEnabled,
        RouterDiscoveryDhcp,
        RouterDiscoveryUnchanged = -1
} NL_ROUTER_DISCOVERY_BEHAVIOR;

typedef enum _NL_BANDWIDTH_FLAG {
        NlbwDisabled = 0,
        NlbwEnabled,
        NlbwUnchanged = -1
} NL_BANDWIDTH_FLAG,
    *PNL_BANDWIDTH_FLAG;

typedef enum _NL_INTERFACE_NETWORK_CATEGORY_STATE {
        NlincCategoryUnknown = 0,
        NlincPublic = 1,
        NlincPrivate = 2,
        NlincDomainAuthenticated = 3,
        NlincCategoryStateMax
} NL_INTERFACE_NETWORK_CATEGORY_STATE,
    *PNL_INTERFACE_NETWORK_CATEGORY_STATE;

typedef enum _NL_NETWORK_CATEGORY {
        NetworkCategoryPublic,
        NetworkCategoryPrivate,
        NetworkCategoryDomainAuthenticated,
        NetworkCategoryUnchanged = -1,
        NetworkCategoryUnknown = -1
} NL_NETWORK_CATEGORY,
    *PNL_NETWORK_CATEGORY;

/* One byte of capability bits. BOOLEAN bitfields are a GCC/Clang extension in C
 * (ISO C only allows int/unsigned/_Bool), hence __extension__; the layout is the
 * MSVC one because the bits fill a single byte. */
typedef struct _NL_INTERFACE_OFFLOAD_ROD {
        __extension__ BOOLEAN NlChecksumSupported : 1;
        __extension__ BOOLEAN NlOptionsSupported : 1;
        __extension__ BOOLEAN TlDatagramChecksumSupported : 1;
        __extension__ BOOLEAN TlStreamChecksumSupported : 1;
        __extension__ BOOLEAN TlStreamOptionsSupported : 1;
        __extension__ BOOLEAN FastPathCompatible : 1;
        __extension__ BOOLEAN TlLargeSendOffloadSupported : 1;
        __extension__ BOOLEAN TlGiantSendOffloadSupported : 1;
} NL_INTERFACE_OFFLOAD_ROD, *PNL_INTERFACE_OFFLOAD_ROD;

typedef struct _NL_PATH_BANDWIDTH_ROD {
        ULONG64 Bandwidth;
        ULONG64 Instability;
        BOOLEAN BandwidthPeaked;
} NL_PATH_BANDWIDTH_ROD, *PNL_PATH_BANDWIDTH_ROD;

typedef struct _NL_BANDWIDTH_INFORMATION {
        ULONG64 Bandwidth;
        ULONG64 Instability;
        BOOLEAN BandwidthPeaked;
} NL_BANDWIDTH_INFORMATION, *PNL_BANDWIDTH_INFORMATION;

#define NL_MAX_METRIC_COMPONENT ((((ULONG)1) << 31) - 1)

#define NET_IF_CURRENT_SESSION ((ULONG)-1)

#endif /* WINNET_NLDEF_H */
