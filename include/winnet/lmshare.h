/* lmshare.h - shared resources (SHARE_INFO_0/1/2, STYPE_* values) and server sessions
 * (SESSION_INFO_0/1/10), with NetShareEnum, NetShareGetInfo and NetSessionEnum. Windows keeps
 * sessions in this header too. x64 layouts and values equal Windows' lmshare.h. */
#ifndef WINNET_LMSHARE_H
#define WINNET_LMSHARE_H

#include "lmcons.h"

WINNET_BEGIN_DECLS

/* ---- Shares ---- */

typedef struct _SHARE_INFO_0 {
        LMSTR shi0_netname;
} SHARE_INFO_0, *PSHARE_INFO_0, *LPSHARE_INFO_0;

typedef struct _SHARE_INFO_1 {
        LMSTR shi1_netname;
        DWORD shi1_type; /* STYPE_* */
        LMSTR shi1_remark;
} SHARE_INFO_1, *PSHARE_INFO_1, *LPSHARE_INFO_1;

typedef struct _SHARE_INFO_2 {
        LMSTR shi2_netname;
        DWORD shi2_type;
        LMSTR shi2_remark;
        DWORD shi2_permissions; /* ACCESS_* of lmaccess.h (share-level security only) */
        DWORD shi2_max_uses;    /* SHI_USES_UNLIMITED */
        DWORD shi2_current_uses;
        LMSTR shi2_path;
        LMSTR shi2_passwd;
} SHARE_INFO_2, *PSHARE_INFO_2, *LPSHARE_INFO_2;

/* Shares of the local machine, levels 0, 1 and 2 (winnet reads them from the Samba
 * configuration when there is one; none otherwise). Enumeration rules as NetUserEnum
 * in lmaccess.h: ERROR_MORE_DATA with the whole entries that fit, *bufptr,
 * *entriesread and *totalentries always set. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetShareEnum(_In_opt_ LMSTR servername, _In_ DWORD level,
                                                        _Out_ LPBYTE *bufptr, _In_ DWORD prefmaxlen,
                                                        _Out_ LPDWORD entriesread,
                                                        _Out_ LPDWORD totalentries,
                                                        _Inout_opt_ LPDWORD resume_handle);

/* One share of the local machine by name (compared case-insensitively; winnet folds
 * ASCII letters), levels 0, 1 and 2 with NetShareEnum's fields. *bufptr is one
 * NetApiBuffer block, NULL on failure. Errors: ERROR_INVALID_PARAMETER (bufptr or
 * netname NULL), ERROR_INVALID_LEVEL, NERR_NetNameNotFound (no such share, or ""),
 * ERROR_INVALID_NAME, NERR_InvalidComputer, ERROR_NOT_ENOUGH_MEMORY. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetShareGetInfo(_In_opt_ LMSTR servername,
                                                           _In_ LMSTR netname, _In_ DWORD level,
                                                           _Out_ LPBYTE *bufptr);

#define STYPE_DISKTREE  0
#define STYPE_PRINTQ    1
#define STYPE_DEVICE    2
#define STYPE_IPC       3
#define STYPE_MASK      0x000000FF /* the share type without the flags below */
#define STYPE_TEMPORARY 0x40000000
#define STYPE_SPECIAL   0x80000000 /* administrative share (C$, IPC$, ...) */

#define SHI_USES_UNLIMITED ((DWORD)-1)

/* ---- Sessions ---- */

typedef struct _SESSION_INFO_0 {
        LMSTR sesi0_cname; /* client computer name or address */
} SESSION_INFO_0, *PSESSION_INFO_0, *LPSESSION_INFO_0;

typedef struct _SESSION_INFO_1 {
        LMSTR sesi1_cname;
        LMSTR sesi1_username;
        DWORD sesi1_num_opens;
        DWORD sesi1_time;       /* seconds the session has been active */
        DWORD sesi1_idle_time;  /* seconds since the last activity */
        DWORD sesi1_user_flags; /* SESS_* */
} SESSION_INFO_1, *PSESSION_INFO_1, *LPSESSION_INFO_1;

typedef struct _SESSION_INFO_10 {
        LMSTR sesi10_cname;
        LMSTR sesi10_username;
        DWORD sesi10_time;
        DWORD sesi10_idle_time;
} SESSION_INFO_10, *PSESSION_INFO_10, *LPSESSION_INFO_10;

/* Sessions on the local machine, levels 0, 1 and 10 (winnet: the logins of utmp),
 * optionally only those from client UncClientName and/or of user username.
 * Enumeration rules as NetShareEnum. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetSessionEnum(
    _In_opt_ LMSTR servername, _In_opt_ LMSTR UncClientName, _In_opt_ LMSTR username,
    _In_ DWORD level, _Out_ LPBYTE *bufptr, _In_ DWORD prefmaxlen, _Out_ LPDWORD entriesread,
    _Out_ LPDWORD totalentries, _Inout_opt_ LPDWORD resume_handle);

#define SESS_GUEST        0x00000001
#define SESS_NOENCRYPTION 0x00000002

WINNET_END_DECLS

#endif /* WINNET_LMSHARE_H */
