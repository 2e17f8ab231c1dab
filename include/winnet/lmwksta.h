/* lmwksta.h - workstation information (WKSTA_INFO_100/101/102) and the logged-on user
 * (WKSTA_USER_INFO_0/1/1101), returned by NetWkstaGetInfo, NetWkstaUserGetInfo and
 * NetWkstaUserEnum. x64 layouts equal Windows' lmwksta.h. */
#ifndef WINNET_LMWKSTA_H
#define WINNET_LMWKSTA_H

#include "lmcons.h"

WINNET_BEGIN_DECLS

typedef struct _WKSTA_INFO_100 {
        DWORD wki100_platform_id; /* PLATFORM_ID_* */
        LMSTR wki100_computername;
        LMSTR wki100_langroup; /* domain or workgroup */
        DWORD wki100_ver_major;
        DWORD wki100_ver_minor;
} WKSTA_INFO_100, *PWKSTA_INFO_100, *LPWKSTA_INFO_100;

typedef struct _WKSTA_INFO_101 {
        DWORD wki101_platform_id;
        LMSTR wki101_computername;
        LMSTR wki101_langroup;
        DWORD wki101_ver_major;
        DWORD wki101_ver_minor;
        LMSTR wki101_lanroot;
} WKSTA_INFO_101, *PWKSTA_INFO_101, *LPWKSTA_INFO_101;

typedef struct _WKSTA_INFO_102 {
        DWORD wki102_platform_id;
        LMSTR wki102_computername;
        LMSTR wki102_langroup;
        DWORD wki102_ver_major;
        DWORD wki102_ver_minor;
        LMSTR wki102_lanroot;
        DWORD wki102_logged_on_users;
} WKSTA_INFO_102, *PWKSTA_INFO_102, *LPWKSTA_INFO_102;

typedef struct _WKSTA_USER_INFO_0 {
        LMSTR wkui0_username;
} WKSTA_USER_INFO_0, *PWKSTA_USER_INFO_0, *LPWKSTA_USER_INFO_0;

typedef struct _WKSTA_USER_INFO_1 {
        LMSTR wkui1_username;
        LMSTR wkui1_logon_domain;
        LMSTR wkui1_oth_domains; /* space-separated */
        LMSTR wkui1_logon_server;
} WKSTA_USER_INFO_1, *PWKSTA_USER_INFO_1, *LPWKSTA_USER_INFO_1;

typedef struct _WKSTA_USER_INFO_1101 {
        LMSTR wkui1101_oth_domains; /* space-separated */
} WKSTA_USER_INFO_1101, *PWKSTA_USER_INFO_1101, *LPWKSTA_USER_INFO_1101;

/* Levels 100, 101 and 102 of the local machine; server names as NetServerGetInfo.
 * *bufptr is one NetApiBuffer block, NULL on failure. Errors: ERROR_INVALID_LEVEL,
 * ERROR_INVALID_NAME, NERR_InvalidComputer, ERROR_NOT_ENOUGH_MEMORY. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetWkstaGetInfo(_In_opt_ LMSTR servername,
                                                           _In_ DWORD level, _Out_ LPBYTE *bufptr);

/* The user of the calling thread, levels 0, 1 and 1101; reserved must be NULL.
 * *bufptr is one NetApiBuffer block, NULL on failure. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetWkstaUserGetInfo(_In_opt_ LMSTR reserved,
                                                               _In_ DWORD level,
                                                               _Out_ LPBYTE *bufptr);

/* The users logged on to the local machine, levels 0 and 1 (winnet: one entry per
 * login of utmp, so a user logged on twice is listed twice; level 1 as
 * NetWkstaUserGetInfo). Enumeration rules as NetShareEnum in lmshare.h:
 * ERROR_MORE_DATA with the whole entries that fit, *bufptr, *entriesread and
 * *totalentries always set. Errors: ERROR_INVALID_PARAMETER, ERROR_INVALID_LEVEL,
 * ERROR_INVALID_NAME, NERR_InvalidComputer, ERROR_NOT_ENOUGH_MEMORY. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetWkstaUserEnum(
    _In_opt_ LMSTR servername, _In_ DWORD level, _Out_ LPBYTE *bufptr, _In_ DWORD prefmaxlen,
    _Out_ LPDWORD entriesread, _Out_ LPDWORD totalentries, _Inout_opt_ LPDWORD resumehandle);

WINNET_END_DECLS

#endif /* WINNET_LMWKSTA_H */
