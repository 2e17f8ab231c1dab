/* lmaccess.h - users, global groups, local groups and display lists of the LAN Manager
 * API (USER_INFO_*, GROUP_INFO_*, LOCALGROUP_*, NET_DISPLAY_*), their flag values and
 * the Net* calls that enumerate them. x64 layouts and values equal Windows' lmaccess.h. */
#ifndef WINNET_LMACCESS_H
#define WINNET_LMACCESS_H

#include "lmcons.h"

WINNET_BEGIN_DECLS

/* From winnt.h, which winnet does not provide: a SID is opaque here, and PDWORD_PTR is
 * the resume handle type of the group enumerations. */
typedef PVOID PSID;
typedef DWORD_PTR *PDWORD_PTR;
#ifndef WINNET_SID_NAME_USE_DEFINED
#define WINNET_SID_NAME_USE_DEFINED
typedef enum _SID_NAME_USE {
        SidTypeUser = 1,
        SidTypeGroup,
        SidTypeDomain,
        SidTypeAlias,
        SidTypeWellKnownGroup,
        SidTypeDeletedAccount,
        SidTypeInvalid,
        SidTypeUnknown,
        SidTypeComputer,
        SidTypeLabel,
        SidTypeLogonSession
} SID_NAME_USE,
    *PSID_NAME_USE;
#endif

/* ---- Users ---- */

typedef struct _USER_INFO_0 {
        LPWSTR usri0_name;
} USER_INFO_0, *PUSER_INFO_0, *LPUSER_INFO_0;

typedef struct _USER_INFO_1 {
        LPWSTR usri1_name;
        LPWSTR usri1_password;    /* always NULL when returned */
        DWORD usri1_password_age; /* seconds */
        DWORD usri1_priv;         /* USER_PRIV_* */
        LPWSTR usri1_home_dir;
        LPWSTR usri1_comment;
        DWORD usri1_flags; /* UF_* */
        LPWSTR usri1_script_path;
} USER_INFO_1, *PUSER_INFO_1, *LPUSER_INFO_1;

typedef struct _USER_INFO_2 {
        LPWSTR usri2_name;
        LPWSTR usri2_password;
        DWORD usri2_password_age;
        DWORD usri2_priv;
        LPWSTR usri2_home_dir;
        LPWSTR usri2_comment;
        DWORD usri2_flags;
        LPWSTR usri2_script_path;
        DWORD usri2_auth_flags; /* AF_OP_* */
        LPWSTR usri2_full_name;
        LPWSTR usri2_usr_comment;
        LPWSTR usri2_parms;
        LPWSTR usri2_workstations;
        DWORD usri2_last_logon; /* seconds since 1970-01-01 UTC */
        DWORD usri2_last_logoff;
        DWORD usri2_acct_expires; /* TIMEQ_FOREVER: never */
        DWORD usri2_max_storage;  /* USER_MAXSTORAGE_UNLIMITED */
        DWORD usri2_units_per_week;
        PBYTE usri2_logon_hours;
        DWORD usri2_bad_pw_count;
        DWORD usri2_num_logons;
        LPWSTR usri2_logon_server;
        DWORD usri2_country_code;
        DWORD usri2_code_page;
} USER_INFO_2, *PUSER_INFO_2, *LPUSER_INFO_2;

typedef struct _USER_INFO_3 {
        LPWSTR usri3_name;
        LPWSTR usri3_password;
        DWORD usri3_password_age;
        DWORD usri3_priv;
        LPWSTR usri3_home_dir;
        LPWSTR usri3_comment;
        DWORD usri3_flags;
        LPWSTR usri3_script_path;
        DWORD usri3_auth_flags;
        LPWSTR usri3_full_name;
        LPWSTR usri3_usr_comment;
        LPWSTR usri3_parms;
        LPWSTR usri3_workstations;
        DWORD usri3_last_logon;
        DWORD usri3_last_logoff;
        DWORD usri3_acct_expires;
        DWORD usri3_max_storage;
        DWORD usri3_units_per_week;
        PBYTE usri3_logon_hours;
        DWORD usri3_bad_pw_count;
        DWORD usri3_num_logons;
        LPWSTR usri3_logon_server;
        DWORD usri3_country_code;
        DWORD usri3_code_page;
        DWORD usri3_user_id; /* relative id; winnet: the uid */
        DWORD usri3_primary_group_id;
        LPWSTR usri3_profile;
        LPWSTR usri3_home_dir_drive;
        DWORD usri3_password_expired;
} USER_INFO_3, *PUSER_INFO_3, *LPUSER_INFO_3;

/* USER_INFO_3 with the account's SID where level 3 has the relative id
 * (NetUserGetInfo only). */
typedef struct _USER_INFO_4 {
        LPWSTR usri4_name;
        LPWSTR usri4_password;
        DWORD usri4_password_age;
        DWORD usri4_priv;
        LPWSTR usri4_home_dir;
        LPWSTR usri4_comment;
        DWORD usri4_flags;
        LPWSTR usri4_script_path;
        DWORD usri4_auth_flags;
        LPWSTR usri4_full_name;
        LPWSTR usri4_usr_comment;
        LPWSTR usri4_parms;
        LPWSTR usri4_workstations;
        DWORD usri4_last_logon;
        DWORD usri4_last_logoff;
        DWORD usri4_acct_expires;
        DWORD usri4_max_storage;
        DWORD usri4_units_per_week;
        PBYTE usri4_logon_hours;
        DWORD usri4_bad_pw_count;
        DWORD usri4_num_logons;
        LPWSTR usri4_logon_server;
        DWORD usri4_country_code;
        DWORD usri4_code_page;
        PSID usri4_user_sid;
        DWORD usri4_primary_group_id;
        LPWSTR usri4_profile;
        LPWSTR usri4_home_dir_drive;
        DWORD usri4_password_expired;
} USER_INFO_4, *PUSER_INFO_4, *LPUSER_INFO_4;

typedef struct _USER_INFO_10 {
        LPWSTR usri10_name;
        LPWSTR usri10_comment;
        LPWSTR usri10_usr_comment;
        LPWSTR usri10_full_name;
} USER_INFO_10, *PUSER_INFO_10, *LPUSER_INFO_10;

typedef struct _USER_INFO_11 {
        LPWSTR usri11_name;
        LPWSTR usri11_comment;
        LPWSTR usri11_usr_comment;
        LPWSTR usri11_full_name;
        DWORD usri11_priv;
        DWORD usri11_auth_flags;
        DWORD usri11_password_age;
        LPWSTR usri11_home_dir;
        LPWSTR usri11_parms;
        DWORD usri11_last_logon;
        DWORD usri11_last_logoff;
        DWORD usri11_bad_pw_count;
        DWORD usri11_num_logons;
        LPWSTR usri11_logon_server;
        DWORD usri11_country_code;
        LPWSTR usri11_workstations;
        DWORD usri11_max_storage;
        DWORD usri11_units_per_week;
        PBYTE usri11_logon_hours;
        DWORD usri11_code_page;
} USER_INFO_11, *PUSER_INFO_11, *LPUSER_INFO_11;

typedef struct _USER_INFO_20 {
        LPWSTR usri20_name;
        LPWSTR usri20_full_name;
        LPWSTR usri20_comment;
        DWORD usri20_flags;
        DWORD usri20_user_id;
} USER_INFO_20, *PUSER_INFO_20, *LPUSER_INFO_20;

typedef struct _USER_INFO_23 {
        LPWSTR usri23_name;
        LPWSTR usri23_full_name;
        LPWSTR usri23_comment;
        DWORD usri23_flags;
        PSID usri23_user_sid;
} USER_INFO_23, *PUSER_INFO_23, *LPUSER_INFO_23;

/* The Internet identity an account is connected to (NetUserGetInfo only). Linux
 * accounts have none: usri24_internet_identity is FALSE, the names NULL. */
typedef struct _USER_INFO_24 {
        BOOL usri24_internet_identity;
        DWORD usri24_flags;
        LPWSTR usri24_internet_provider_name;
        LPWSTR usri24_internet_principal_name;
        PSID usri24_user_sid;
} USER_INFO_24, *PUSER_INFO_24, *LPUSER_INFO_24;

/* Users of the local machine (servername as NetServerGetInfo) whose account type
 * matches filter (FILTER_* bits, 0 for all), levels 0, 1, 2, 3, 10, 11, 20 and 23.
 * Enumeration rules: prefmaxlen is a preference (MAX_PREFERRED_LENGTH: all);
 * ERROR_MORE_DATA returns the whole entries that fit and advances *resume_handle
 * (NULL: cannot resume); *bufptr, *entriesread and *totalentries are always set.
 * Other errors: ERROR_INVALID_LEVEL, ERROR_INVALID_NAME, NERR_InvalidComputer,
 * ERROR_NOT_ENOUGH_MEMORY. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetUserEnum(_In_opt_ LPCWSTR servername,
                                                       _In_ DWORD level, _In_ DWORD filter,
                                                       _Out_ LPBYTE *bufptr, _In_ DWORD prefmaxlen,
                                                       _Out_ LPDWORD entriesread,
                                                       _Out_ LPDWORD totalentries,
                                                       _Inout_opt_ PDWORD resume_handle);

/* One user: the levels of NetUserEnum and 4 and 24. NERR_UserNotFound when username
 * is unknown. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetUserGetInfo(_In_opt_ LPCWSTR servername,
                                                          _In_ LPCWSTR username, _In_ DWORD level,
                                                          _Out_ LPBYTE *bufptr);

/* usri*_flags: account state and type. */
#define UF_SCRIPT                          0x0001
#define UF_ACCOUNTDISABLE                  0x0002
#define UF_HOMEDIR_REQUIRED                0x0008
#define UF_LOCKOUT                         0x0010
#define UF_PASSWD_NOTREQD                  0x0020
#define UF_PASSWD_CANT_CHANGE              0x0040
#define UF_ENCRYPTED_TEXT_PASSWORD_ALLOWED 0x0080
#define UF_TEMP_DUPLICATE_ACCOUNT          0x0100
#define UF_NORMAL_ACCOUNT                  0x0200
#define UF_INTERDOMAIN_TRUST_ACCOUNT       0x0800
#define UF_WORKSTATION_TRUST_ACCOUNT       0x1000
#define UF_SERVER_TRUST_ACCOUNT            0x2000
#define UF_MACHINE_ACCOUNT_MASK \
        (UF_INTERDOMAIN_TRUST_ACCOUNT | UF_WORKSTATION_TRUST_ACCOUNT | UF_SERVER_TRUST_ACCOUNT)
#define UF_ACCOUNT_TYPE_MASK                                                            \
        (UF_TEMP_DUPLICATE_ACCOUNT | UF_NORMAL_ACCOUNT | UF_INTERDOMAIN_TRUST_ACCOUNT | \
         UF_WORKSTATION_TRUST_ACCOUNT | UF_SERVER_TRUST_ACCOUNT)
#define UF_DONT_EXPIRE_PASSWD                     0x00010000
#define UF_MNS_LOGON_ACCOUNT                      0x00020000
#define UF_SMARTCARD_REQUIRED                     0x00040000
#define UF_TRUSTED_FOR_DELEGATION                 0x00080000
#define UF_NOT_DELEGATED                          0x00100000
#define UF_USE_DES_KEY_ONLY                       0x00200000
#define UF_DONT_REQUIRE_PREAUTH                   0x00400000
#define UF_PASSWORD_EXPIRED                       0x00800000
#define UF_TRUSTED_TO_AUTHENTICATE_FOR_DELEGATION 0x01000000
#define UF_NO_AUTH_DATA_REQUIRED                  0x02000000

/* NetUserEnum filter: account types to return. */
#define FILTER_TEMP_DUPLICATE_ACCOUNT    0x0001
#define FILTER_NORMAL_ACCOUNT            0x0002
#define FILTER_INTERDOMAIN_TRUST_ACCOUNT 0x0008
#define FILTER_WORKSTATION_TRUST_ACCOUNT 0x0010
#define FILTER_SERVER_TRUST_ACCOUNT      0x0020

/* NetUserGetLocalGroups flags. */
#define LG_INCLUDE_INDIRECT 0x0001

/* usri*_auth_flags: operator privileges. */
#define AF_OP_PRINT      0x1
#define AF_OP_COMM       0x2
#define AF_OP_SERVER     0x4
#define AF_OP_ACCOUNTS   0x8
#define AF_SETTABLE_BITS (AF_OP_PRINT | AF_OP_COMM | AF_OP_SERVER | AF_OP_ACCOUNTS)

/* usri*_priv: winnet reports uid 0 as USER_PRIV_ADMIN and every other user as
 * USER_PRIV_USER. */
#define USER_PRIV_MASK  0x3
#define USER_PRIV_GUEST 0
#define USER_PRIV_USER  1
#define USER_PRIV_ADMIN 2

/* "No limit" values of the time and storage fields. */
#define TIMEQ_FOREVER             ((DWORD)-1)
#define USER_MAXSTORAGE_UNLIMITED ((DWORD)-1)
#define USER_NO_LOGOFF            ((DWORD)-1)
#define UNITS_PER_DAY             24
#define UNITS_PER_WEEK            (UNITS_PER_DAY * 7)

/* ---- Global groups ---- */

typedef struct _GROUP_INFO_0 {
        LPWSTR grpi0_name;
} GROUP_INFO_0, *PGROUP_INFO_0, *LPGROUP_INFO_0;

typedef struct _GROUP_INFO_1 {
        LPWSTR grpi1_name;
        LPWSTR grpi1_comment;
} GROUP_INFO_1, *PGROUP_INFO_1, *LPGROUP_INFO_1;

typedef struct _GROUP_INFO_2 {
        LPWSTR grpi2_name;
        LPWSTR grpi2_comment;
        DWORD grpi2_group_id; /* relative id; winnet: the gid */
        DWORD grpi2_attributes;
} GROUP_INFO_2, *PGROUP_INFO_2, *LPGROUP_INFO_2;

/* Global groups, levels 0, 1 and 2; enumeration rules as NetUserEnum. The resume
 * handle is pointer-sized on Windows; winnet stores a small index in it. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetGroupEnum(
    _In_opt_ LPCWSTR servername, _In_ DWORD level, _Out_ LPBYTE *bufptr, _In_ DWORD prefmaxlen,
    _Out_ LPDWORD entriesread, _Out_ LPDWORD totalentries, _Inout_opt_ PDWORD_PTR resume_handle);

typedef struct _GROUP_INFO_3 {
        LPWSTR grpi3_name;
        LPWSTR grpi3_comment;
        PSID grpi3_group_sid; /* winnet: S-1-22-2-<gid> */
        DWORD grpi3_attributes;
} GROUP_INFO_3, *PGROUP_INFO_3;

/* A global group of a user (NetUserGetGroups) or a member of a global group
 * (NetGroupGetUsers). */
typedef struct _GROUP_USERS_INFO_0 {
        LPWSTR grui0_name;
} GROUP_USERS_INFO_0, *PGROUP_USERS_INFO_0, *LPGROUP_USERS_INFO_0;

typedef struct _GROUP_USERS_INFO_1 {
        LPWSTR grui1_name;
        DWORD grui1_attributes; /* SE_GROUP_MANDATORY | _ENABLED_BY_DEFAULT | _ENABLED */
} GROUP_USERS_INFO_1, *PGROUP_USERS_INFO_1, *LPGROUP_USERS_INFO_1;

/* One global group, levels 0 to 3. NERR_GroupNotFound when groupname is unknown. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetGroupGetInfo(_In_opt_ LPCWSTR servername,
                                                           _In_ LPCWSTR groupname, _In_ DWORD level,
                                                           _Out_ LPBYTE *bufptr);

/* Members of one global group (the names the group database lists), levels 0 and
 * 1; enumeration rules as NetUserEnum. NERR_GroupNotFound when groupname is
 * unknown. */
WINNET_API NET_API_STATUS NET_API_FUNCTION
NetGroupGetUsers(_In_opt_ LPCWSTR servername, _In_ LPCWSTR groupname, _In_ DWORD level,
                 _Out_ LPBYTE *bufptr, _In_ DWORD prefmaxlen, _Out_ LPDWORD entriesread,
                 _Out_ LPDWORD totalentries, _Inout_opt_ PDWORD_PTR ResumeHandle);

/* The global groups of one user, levels 0 and 1: its primary group first, then the
 * groups that list it (what `id -Gn USER` shows). No resume handle: when the entries
 * do not fit prefmaxlen, the first ones that do come back with ERROR_MORE_DATA and
 * *totalentries counts them all; a caller asks again with a larger prefmaxlen.
 * NERR_UserNotFound when username is unknown. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetUserGetGroups(
    _In_opt_ LPCWSTR servername, _In_ LPCWSTR username, _In_ DWORD level, _Out_ LPBYTE *bufptr,
    _In_ DWORD prefmaxlen, _Out_ LPDWORD entriesread, _Out_ LPDWORD totalentries);

/* ---- Local groups ---- */

typedef struct _LOCALGROUP_INFO_0 {
        LPWSTR lgrpi0_name;
} LOCALGROUP_INFO_0, *PLOCALGROUP_INFO_0, *LPLOCALGROUP_INFO_0;

typedef struct _LOCALGROUP_INFO_1 {
        LPWSTR lgrpi1_name;
        LPWSTR lgrpi1_comment;
} LOCALGROUP_INFO_1, *PLOCALGROUP_INFO_1, *LPLOCALGROUP_INFO_1;

typedef struct _LOCALGROUP_MEMBERS_INFO_0 {
        PSID lgrmi0_sid;
} LOCALGROUP_MEMBERS_INFO_0, *PLOCALGROUP_MEMBERS_INFO_0, *LPLOCALGROUP_MEMBERS_INFO_0;

typedef struct _LOCALGROUP_MEMBERS_INFO_1 {
        PSID lgrmi1_sid;
        SID_NAME_USE lgrmi1_sidusage;
        LPWSTR lgrmi1_name;
} LOCALGROUP_MEMBERS_INFO_1, *PLOCALGROUP_MEMBERS_INFO_1, *LPLOCALGROUP_MEMBERS_INFO_1;

typedef struct _LOCALGROUP_MEMBERS_INFO_2 {
        PSID lgrmi2_sid;
        SID_NAME_USE lgrmi2_sidusage;
        LPWSTR lgrmi2_domainandname; /* DOMAIN\name */
} LOCALGROUP_MEMBERS_INFO_2, *PLOCALGROUP_MEMBERS_INFO_2, *LPLOCALGROUP_MEMBERS_INFO_2;

typedef struct _LOCALGROUP_MEMBERS_INFO_3 {
        LPWSTR lgrmi3_domainandname;
} LOCALGROUP_MEMBERS_INFO_3, *PLOCALGROUP_MEMBERS_INFO_3, *LPLOCALGROUP_MEMBERS_INFO_3;

/* A local group of a user (NetUserGetLocalGroups). */
typedef struct _LOCALGROUP_USERS_INFO_0 {
        LPWSTR lgrui0_name;
} LOCALGROUP_USERS_INFO_0, *PLOCALGROUP_USERS_INFO_0, *LPLOCALGROUP_USERS_INFO_0;

/* Local groups, levels 0 and 1; enumeration rules as NetUserEnum. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetLocalGroupEnum(
    _In_opt_ LPCWSTR servername, _In_ DWORD level, _Out_ LPBYTE *bufptr, _In_ DWORD prefmaxlen,
    _Out_ LPDWORD entriesread, _Out_ LPDWORD totalentries, _Inout_opt_ PDWORD_PTR resumehandle);

/* One local group, level 1. NERR_GroupNotFound when groupname is unknown. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetLocalGroupGetInfo(_In_opt_ LPCWSTR servername,
                                                                _In_ LPCWSTR groupname,
                                                                _In_ DWORD level,
                                                                _Out_ LPBYTE *bufptr);

/* Members of one local group, levels 0 to 3; enumeration rules as NetUserEnum.
 * ERROR_NO_SUCH_ALIAS (1376, as Microsoft documents for this call) when
 * localgroupname is unknown. */
WINNET_API NET_API_STATUS NET_API_FUNCTION
NetLocalGroupGetMembers(_In_opt_ LPCWSTR servername, _In_ LPCWSTR localgroupname, _In_ DWORD level,
                        _Out_ LPBYTE *bufptr, _In_ DWORD prefmaxlen, _Out_ LPDWORD entriesread,
                        _Out_ LPDWORD totalentries, _Inout_opt_ PDWORD_PTR resumehandle);

/* The local groups of one user, level 0: the same groups as NetUserGetGroups (every
 * Linux group is both). flags: 0 or LG_INCLUDE_INDIRECT (Linux groups do not nest,
 * so it adds none); any other bit is ERROR_INVALID_PARAMETER. No resume handle:
 * paging as NetUserGetGroups. NERR_UserNotFound when username is unknown. */
WINNET_API NET_API_STATUS NET_API_FUNCTION
NetUserGetLocalGroups(_In_opt_ LPCWSTR servername, _In_ LPCWSTR username, _In_ DWORD level,
                      _In_ DWORD flags, _Out_ LPBYTE *bufptr, _In_ DWORD prefmaxlen,
                      _Out_ LPDWORD entriesread, _Out_ LPDWORD totalentries);

/* ---- Display lists ---- */

typedef struct _NET_DISPLAY_USER {
        LPWSTR usri1_name;
        LPWSTR usri1_comment;
        DWORD usri1_flags;
        LPWSTR usri1_full_name;
        DWORD usri1_user_id;
        DWORD usri1_next_index; /* Index to pass to continue after this entry */
} NET_DISPLAY_USER, *PNET_DISPLAY_USER;

typedef struct _NET_DISPLAY_MACHINE {
        LPWSTR usri2_name;
        LPWSTR usri2_comment;
        DWORD usri2_flags;
        DWORD usri2_user_id;
        DWORD usri2_next_index;
} NET_DISPLAY_MACHINE, *PNET_DISPLAY_MACHINE;

typedef struct _NET_DISPLAY_GROUP {
        LPWSTR grpi3_name;
        LPWSTR grpi3_comment;
        DWORD grpi3_group_id;
        DWORD grpi3_attributes;
        DWORD grpi3_next_index;
} NET_DISPLAY_GROUP, *PNET_DISPLAY_GROUP;

/* Level 1: users (NET_DISPLAY_USER), 2: machine accounts (NET_DISPLAY_MACHINE),
 * 3: groups (NET_DISPLAY_GROUP), starting at Index (0, then the last entry's
 * *_next_index). ERROR_MORE_DATA when entries remain after the ones returned;
 * *SortedBuffer is one NetApiBuffer block. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetQueryDisplayInformation(
    _In_opt_ LPCWSTR ServerName, _In_ DWORD Level, _In_ DWORD Index, _In_ DWORD EntriesRequested,
    _In_ DWORD PreferredMaximumLength, _Out_ LPDWORD ReturnedEntryCount, _Out_ PVOID *SortedBuffer);

/* ---- Resource permissions (also shi2_permissions of lmshare.h) ---- */

#define ACCESS_NONE   0
#define ACCESS_READ   0x01
#define ACCESS_WRITE  0x02
#define ACCESS_CREATE 0x04
#define ACCESS_EXEC   0x08
#define ACCESS_DELETE 0x10
#define ACCESS_ATRIB  0x20
#define ACCESS_PERM   0x40
#define ACCESS_ALL                                                                                 \
        (ACCESS_READ | ACCESS_WRITE | ACCESS_CREATE | ACCESS_EXEC | ACCESS_DELETE | ACCESS_ATRIB | \
         ACCESS_PERM)
#define ACCESS_GROUP 0x8000

WINNET_END_DECLS

#endif /* WINNET_LMACCESS_H */
