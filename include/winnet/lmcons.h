/* lmcons.h - LAN Manager constants shared by every Net* API: name and buffer lengths,
 * NET_API_STATUS, MAX_PREFERRED_LENGTH and the PLATFORM_ID_* values. Values equal
 * Windows' lmcons.h; lengths count WCHARs and exclude the terminating null. */
#ifndef WINNET_LMCONS_H
#define WINNET_LMCONS_H

#include "windef.h"

#ifndef NETCONS_INCLUDED
#define NETCONS_INCLUDED
#endif

/* Name and string lengths (the LM20_* forms are the LAN Manager 2.0 limits). */
#define CNLEN              15 /* computer name */
#define LM20_CNLEN         15
#define DNLEN              CNLEN /* domain name */
#define LM20_DNLEN         LM20_CNLEN
#define UNCLEN             (CNLEN + 2) /* \\computer */
#define LM20_UNCLEN        (LM20_CNLEN + 2)
#define NNLEN              80 /* share (net) name */
#define LM20_NNLEN         12
#define RMLEN              (UNCLEN + 1 + NNLEN) /* \\computer\share */
#define LM20_RMLEN         (LM20_UNCLEN + 1 + LM20_NNLEN)
#define SNLEN              80 /* service name */
#define LM20_SNLEN         15
#define STXTLEN            256 /* service text */
#define LM20_STXTLEN       63
#define PATHLEN            256
#define LM20_PATHLEN       256
#define DEVLEN             80
#define LM20_DEVLEN        8
#define EVLEN              16  /* event name */
#define UNLEN              256 /* user name */
#define LM20_UNLEN         20
#define GNLEN              UNLEN /* group name */
#define LM20_GNLEN         LM20_UNLEN
#define PWLEN              256 /* password */
#define LM20_PWLEN         14
#define SHPWLEN            8 /* share password */
#define CLTYPE_LEN         12
#define MAXCOMMENTSZ       256
#define LM20_MAXCOMMENTSZ  48
#define QNLEN              NNLEN /* queue name */
#define LM20_QNLEN         LM20_NNLEN
#define ALERTSZ            128
#define MAXDEVENTRIES      (sizeof(int) * 8)
#define NETBIOS_NAME_LEN   16
#define CRYPT_KEY_LEN      7
#define CRYPT_TXT_LEN      8
#define ENCRYPTED_PWLEN    16
#define SESSION_PWLEN      24
#define SESSION_CRYPT_KLEN 21

/* prefmaxlen value asking an enumeration for everything in one buffer. */
#define MAX_PREFERRED_LENGTH ((DWORD)-1)

/* parm_err values and the info level base of the Net*SetInfo calls. */
#ifndef PARMNUM_ALL
#define PARMNUM_ALL 0
#endif
#define PARM_ERROR_UNKNOWN     ((DWORD)-1)
#define PARM_ERROR_NONE        0
#define PARMNUM_BASE_INFOLEVEL 1000

/* LAN Manager strings are always UTF-16 (the Unicode build of Windows). */
#define LMSTR  LPWSTR
#define LMCSTR LPCWSTR

/* Every Net* function returns a NET_API_STATUS: NERR_Success (0), a Win32 ERROR_* code
 * from winerror.h or a NERR_* code from lmerr.h. It is a macro, as on Windows. */
#define NET_API_STATUS   DWORD
#define API_RET_TYPE     NET_API_STATUS
#define NET_API_FUNCTION WINAPI

#ifndef IN
#define IN
#endif
#ifndef OUT
#define OUT
#endif
#ifndef OPTIONAL
#define OPTIONAL
#endif

/* platform_id values of SERVER_INFO_1xx and WKSTA_INFO_1xx. */
#define PLATFORM_ID_DOS 300
#define PLATFORM_ID_OS2 400
#define PLATFORM_ID_NT  500
#define PLATFORM_ID_OSF 600
#define PLATFORM_ID_VMS 700

/* Range of message ids that belong to LAN Manager (NERR_BASE comes from lmerr.h). */
#define MIN_LANMAN_MESSAGE_ID NERR_BASE
#define MAX_LANMAN_MESSAGE_ID 5899

#endif /* WINNET_LMCONS_H */
