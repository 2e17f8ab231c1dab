/* ws2tcpip.h - the TCP/IP half of Winsock 2 that maps onto the host's resolver and
 * address conversions: the ANSI names (GetAddrInfoA, InetNtopA, ...) are the libc
 * functions they are on Windows too, and ADDRINFOA is the host's struct addrinfo.
 *
 * Differences from Windows (docs/porting.md):
 *   - INET_ADDRSTRLEN / INET6_ADDRSTRLEN are the host's 16 / 46 (Windows: 22 / 65);
 *     both are large enough for every address the host prints.
 *   - socklen_t is the host's (unsigned 32-bit; Windows: int).
 *   - struct addrinfo is the host's: same members, ai_canonname and ai_addr in the
 *     other order, so code that names members works and code that relies on the
 *     layout does not.
 *   - The wide forms (GetAddrInfoW, InetNtopW, InetPtonW, ADDRINFOW) are not
 *     provided, so under UNICODE the generic names GetAddrInfo, InetNtop and
 *     InetPton are not either: call the A forms with UTF-8 strings. */
#ifndef WINNET_WS2TCPIP_H
#define WINNET_WS2TCPIP_H

#include <netdb.h>
#include "winsock2.h"
#include "ws2ipdef.h"

typedef struct addrinfo ADDRINFOA, *PADDRINFOA;
typedef ADDRINFOA ADDRINFO, *LPADDRINFO;

#ifndef GetAddrInfoA
#define GetAddrInfoA getaddrinfo
#endif
#ifndef FreeAddrInfoA
#define FreeAddrInfoA freeaddrinfo
#endif
#ifndef GetNameInfoA
#define GetNameInfoA getnameinfo
#endif
#ifndef InetNtopA
#define InetNtopA inet_ntop
#endif
#ifndef InetPtonA
#define InetPtonA inet_pton
#endif

#ifndef UNICODE
typedef ADDRINFOA ADDRINFOT, *PADDRINFOT;
#ifndef GetAddrInfo
#define GetAddrInfo GetAddrInfoA
#endif
#ifndef FreeAddrInfo
#define FreeAddrInfo FreeAddrInfoA
#endif
#ifndef GetNameInfo
#define GetNameInfo GetNameInfoA
#endif
#ifndef InetNtop
#define InetNtop InetNtopA
#endif
#ifndef InetPton
#define InetPton InetPtonA
#endif
#endif /* UNICODE */

#endif /* WINNET_WS2TCPIP_H */
