/* ws2ipdef.h - IPv6 socket address names and SOCKADDR_INET, the address union every
 * NETIO MIB row carries.
 *
 * Deliberate difference from Windows: SOCKADDR_INET holds the HOST's sockaddr_in and
 * sockaddr_in6, and si_family / sin_family / sin6_family hold the host's AF_INET /
 * AF_INET6 / AF_UNSPEC values (AF_INET6 is 10 here, 23 on Windows). A row's address
 * can therefore be given to Linux socket calls as is. The layout is still Windows
 * x64's (sockaddr_in 16 bytes, sockaddr_in6 28 bytes, union 28 bytes, checked by
 * tests/abi); what is missing is Windows' sin6_scope_struct view of sin6_scope_id. */
#ifndef WINNET_WS2IPDEF_H
#define WINNET_WS2IPDEF_H

#include <netinet/in.h>
#include "ws2def.h"

typedef struct in6_addr IN6_ADDR, *PIN6_ADDR, *LPIN6_ADDR;

typedef struct sockaddr_in6 SOCKADDR_IN6, *PSOCKADDR_IN6, *LPSOCKADDR_IN6;
typedef struct sockaddr_in6 SOCKADDR_IN6_LH, *PSOCKADDR_IN6_LH, *LPSOCKADDR_IN6_LH;

typedef struct _sockaddr_in6_pair {
        PSOCKADDR_IN6 SourceAddress;
        PSOCKADDR_IN6 DestinationAddress;
} SOCKADDR_IN6_PAIR, *PSOCKADDR_IN6_PAIR;

/* si_family overlays sin_family/sin6_family: read it first, then the matching view. */
typedef union _SOCKADDR_INET {
        SOCKADDR_IN Ipv4;
        SOCKADDR_IN6 Ipv6;
        ADDRESS_FAMILY si_family;
} SOCKADDR_INET, *PSOCKADDR_INET;

#endif /* WINNET_WS2IPDEF_H */
