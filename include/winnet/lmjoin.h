/* lmjoin.h - domain membership: NetGetJoinInformation and its NETSETUP_JOIN_STATUS.
 * Values equal Windows' lmjoin.h. */
#ifndef WINNET_LMJOIN_H
#define WINNET_LMJOIN_H

#include "lmcons.h"

WINNET_BEGIN_DECLS

typedef enum _NETSETUP_JOIN_STATUS {
        NetSetupUnknownStatus = 0,
        NetSetupUnjoined,
        NetSetupWorkgroupName,
        NetSetupDomainName
} NETSETUP_JOIN_STATUS,
    *PNETSETUP_JOIN_STATUS;

typedef enum _NETSETUP_NAME_TYPE {
        NetSetupUnknown = 0,
        NetSetupMachine,
        NetSetupWorkgroup,
        NetSetupDomain,
        NetSetupNonExistentDomain,
        NetSetupDnsMachine
} NETSETUP_NAME_TYPE,
    *PNETSETUP_NAME_TYPE;

/* The workgroup or domain this machine belongs to (lpServer as NetServerGetInfo's
 * servername). *lpNameBuffer is a NetApiBuffer string, freed with NetApiBufferFree;
 * *BufferType says which kind of name it is. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetGetJoinInformation(
    _In_opt_ LPCWSTR lpServer, _Out_ LPWSTR *lpNameBuffer, _Out_ PNETSETUP_JOIN_STATUS BufferType);

WINNET_END_DECLS

#endif /* WINNET_LMJOIN_H */
