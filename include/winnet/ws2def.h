/* ws2def.h - the Winsock definitions the IP Helper rows use (ADDRESS_FAMILY,
 * SOCKADDR names, SOCKET_ADDRESS, SCOPE_LEVEL, SCOPE_ID), laid over the host's
 * socket headers so Windows-shaped code and Linux socket calls share one type.
 *
 * Deliberate difference from Windows: the address structures ARE the host's
 * struct sockaddr / sockaddr_in / sockaddr_storage, and the AF_* values are the
 * host's (AF_INET6 is 10 on Linux, 23 on Windows). Everything winnet returns can
 * be passed straight to bind()/connect(); code that hard-codes Windows' numeric
 * AF_* values must use the names instead. Sizes and field offsets still equal
 * Windows x64 (checked by tests/abi). This header never redefines what the host
 * headers define, so it can be mixed freely with <sys/socket.h>/<netinet/in.h>. */
#ifndef WINNET_WS2DEF_H
#define WINNET_WS2DEF_H

#include <sys/socket.h>
#include <netinet/in.h>
#include "windef.h"

/* Windows' type is USHORT; the host's sa_family_t is also 16 bits on Linux. */
typedef USHORT ADDRESS_FAMILY, *PADDRESS_FAMILY;

typedef struct sockaddr SOCKADDR, *PSOCKADDR, *LPSOCKADDR;
typedef struct sockaddr_in SOCKADDR_IN, *PSOCKADDR_IN, *LPSOCKADDR_IN;
typedef struct sockaddr_storage SOCKADDR_STORAGE, *PSOCKADDR_STORAGE, *LPSOCKADDR_STORAGE;
typedef struct sockaddr_storage SOCKADDR_STORAGE_LH, *PSOCKADDR_STORAGE_LH;

/* Windows' IN_ADDR carries an S_un union; the host's in_addr has only s_addr,
 * which is the spelling portable code uses on both systems. */
typedef struct in_addr IN_ADDR, *PIN_ADDR, *LPIN_ADDR;

typedef struct _SOCKET_ADDRESS {
        LPSOCKADDR lpSockaddr;
        INT iSockaddrLength;
} SOCKET_ADDRESS, *PSOCKET_ADDRESS, *LPSOCKET_ADDRESS;

typedef struct _SOCKET_ADDRESS_LIST {
        INT iAddressCount;
        SOCKET_ADDRESS Address[1];
} SOCKET_ADDRESS_LIST, *PSOCKET_ADDRESS_LIST, *LPSOCKET_ADDRESS_LIST;

typedef enum _SCOPE_LEVEL {
        ScopeLevelInterface = 1,
        ScopeLevelLink = 2,
        ScopeLevelSubnet = 3,
        ScopeLevelAdmin = 4,
        ScopeLevelSite = 5,
        ScopeLevelOrganization = 8,
        ScopeLevelGlobal = 14,
        ScopeLevelCount = 16
} SCOPE_LEVEL;

/* Anonymous structs inside anonymous unions, as Windows' headers use them, are
 * standard C11 but an extension in C++: GCC accepts them under __extension__,
 * Clang needs its warnings silenced around the declaration. */
#ifndef WINNET_ANON_BEGIN
#if defined(__clang__)
#define WINNET_ANON_BEGIN                                               \
        _Pragma("clang diagnostic push")                                \
            _Pragma("clang diagnostic ignored \"-Wnested-anon-types\"") \
                _Pragma("clang diagnostic ignored \"-Wgnu-anonymous-struct\"")
#define WINNET_ANON_END _Pragma("clang diagnostic pop")
#else
#define WINNET_ANON_BEGIN
#define WINNET_ANON_END
#endif
#endif

/* A zone index (the Linux ifindex for link scope) and its level, in one ULONG. */
WINNET_ANON_BEGIN
typedef struct _SCOPE_ID {
        union {
                __extension__ struct {
                        ULONG Zone : 28;
                        ULONG Level : 4;
                };
                ULONG Value;
        };
} SCOPE_ID, *PSCOPE_ID;
WINNET_ANON_END

/* Zone 0, Level 0: every member named so C++ -Wextra stays quiet. */
/* clang-format off */
#define SCOPEID_UNSPECIFIED_INIT {{{0, 0}}}
/* clang-format on */

#endif /* WINNET_WS2DEF_H */
