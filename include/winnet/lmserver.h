/* lmserver.h - server information (SERVER_INFO_100/101/102, SV_TYPE_* bits) and the
 * calls that return it: NetServerGetInfo for one machine, NetServerEnum for the servers
 * visible on the network. x64 layouts and values equal Windows' lmserver.h. */
#ifndef WINNET_LMSERVER_H
#define WINNET_LMSERVER_H

#include "lmcons.h"

WINNET_BEGIN_DECLS

typedef struct _SERVER_INFO_100 {
        DWORD sv100_platform_id; /* PLATFORM_ID_* */
        LMSTR sv100_name;
} SERVER_INFO_100, *PSERVER_INFO_100, *LPSERVER_INFO_100;

typedef struct _SERVER_INFO_101 {
        DWORD sv101_platform_id;
        LMSTR sv101_name;
        DWORD sv101_version_major; /* & MAJOR_VERSION_MASK: major version */
        DWORD sv101_version_minor;
        DWORD sv101_type; /* SV_TYPE_* bits */
        LMSTR sv101_comment;
} SERVER_INFO_101, *PSERVER_INFO_101, *LPSERVER_INFO_101;

typedef struct _SERVER_INFO_102 {
        DWORD sv102_platform_id;
        LMSTR sv102_name;
        DWORD sv102_version_major;
        DWORD sv102_version_minor;
        DWORD sv102_type;
        LMSTR sv102_comment;
        DWORD sv102_users;
        LONG sv102_disc;   /* idle minutes before disconnect, SV_NODISC: never */
        BOOL sv102_hidden; /* SV_HIDDEN or SV_VISIBLE */
        DWORD sv102_announce;
        DWORD sv102_anndelta;
        DWORD sv102_licenses;
        LMSTR sv102_userpath;
} SERVER_INFO_102, *PSERVER_INFO_102, *LPSERVER_INFO_102;

/* Levels 100, 101 and 102 of the local machine (servername NULL, empty or this host's
 * name, optionally prefixed \\). *bufptr is one NetApiBuffer block, set to NULL on
 * failure. Errors: ERROR_INVALID_LEVEL, ERROR_INVALID_NAME (malformed name),
 * NERR_InvalidComputer (another machine and no remote back end),
 * ERROR_NOT_ENOUGH_MEMORY. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetServerGetInfo(_In_opt_ LMSTR servername,
                                                            _In_ DWORD level, _Out_ LPBYTE *bufptr);

/* Servers of type servertype (SV_TYPE_* mask, SV_TYPE_ALL for any) that this host can
 * see, levels 100 and 101. Follows the enumeration rules of every *Enum call: prefmaxlen
 * is a preference (MAX_PREFERRED_LENGTH: all), ERROR_MORE_DATA returns the whole entries
 * that fit and advances *resume_handle, *bufptr, *entriesread and *totalentries are always
 * set. ERROR_NO_BROWSER_SERVERS_FOUND when nothing can be listed. */
WINNET_API NET_API_STATUS NET_API_FUNCTION
NetServerEnum(_In_opt_ LMCSTR servername, _In_ DWORD level, _Out_ LPBYTE *bufptr,
              _In_ DWORD prefmaxlen, _Out_ LPDWORD entriesread, _Out_ LPDWORD totalentries,
              _In_ DWORD servertype, _In_opt_ LMCSTR domain, _Inout_opt_ LPDWORD resume_handle);

WINNET_END_DECLS

/* Masks and values of sv1xx_version_major and sv1xx_platform_id. */
#define MAJOR_VERSION_MASK 0x0F
#define SV_PLATFORM_ID_OS2 400
#define SV_PLATFORM_ID_NT  500

/* sv1xx_type bits, also the servertype filter of NetServerEnum. */
#define SV_TYPE_WORKSTATION       0x00000001
#define SV_TYPE_SERVER            0x00000002
#define SV_TYPE_SQLSERVER         0x00000004
#define SV_TYPE_DOMAIN_CTRL       0x00000008
#define SV_TYPE_DOMAIN_BAKCTRL    0x00000010
#define SV_TYPE_TIME_SOURCE       0x00000020
#define SV_TYPE_AFP               0x00000040
#define SV_TYPE_NOVELL            0x00000080
#define SV_TYPE_DOMAIN_MEMBER     0x00000100
#define SV_TYPE_PRINTQ_SERVER     0x00000200
#define SV_TYPE_DIALIN_SERVER     0x00000400
#define SV_TYPE_XENIX_SERVER      0x00000800
#define SV_TYPE_SERVER_UNIX       SV_TYPE_XENIX_SERVER
#define SV_TYPE_NT                0x00001000
#define SV_TYPE_WFW               0x00002000
#define SV_TYPE_SERVER_MFPN       0x00004000
#define SV_TYPE_SERVER_NT         0x00008000
#define SV_TYPE_POTENTIAL_BROWSER 0x00010000
#define SV_TYPE_BACKUP_BROWSER    0x00020000
#define SV_TYPE_MASTER_BROWSER    0x00040000
#define SV_TYPE_DOMAIN_MASTER     0x00080000
#define SV_TYPE_SERVER_OSF        0x00100000
#define SV_TYPE_SERVER_VMS        0x00200000
#define SV_TYPE_WINDOWS           0x00400000
#define SV_TYPE_DFS               0x00800000
#define SV_TYPE_CLUSTER_NT        0x01000000
#define SV_TYPE_TERMINALSERVER    0x02000000
#define SV_TYPE_CLUSTER_VS_NT     0x04000000
#define SV_TYPE_DCE               0x10000000
#define SV_TYPE_ALTERNATE_XPORT   0x20000000
#define SV_TYPE_LOCAL_LIST_ONLY   0x40000000
#define SV_TYPE_DOMAIN_ENUM       0x80000000
#define SV_TYPE_ALL               0xFFFFFFFF

/* sv102_disc, sv102_hidden and licensing values. */
#define SV_NODISC            (-1L)
#define SV_HIDDEN            1
#define SV_VISIBLE           0
#define SV_USERS_PER_LICENSE 5

#endif /* WINNET_LMSERVER_H */
