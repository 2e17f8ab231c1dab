/* lmremutl.h - the remote utility calls: NetRemoteTOD and its TIME_OF_DAY_INFO (the
 * server's clock). x64 layout equal to Windows' lmremutl.h. */
#ifndef WINNET_LMREMUTL_H
#define WINNET_LMREMUTL_H

#include "lmcons.h"

WINNET_BEGIN_DECLS

typedef struct _TIME_OF_DAY_INFO {
        DWORD tod_elapsedt;  /* seconds since 1970-01-01 00:00:00 UTC */
        DWORD tod_msecs;     /* milliseconds from an arbitrary start (system boot) */
        DWORD tod_hours;     /* 0-23, UTC */
        DWORD tod_mins;      /* 0-59 */
        DWORD tod_secs;      /* 0-59 */
        DWORD tod_hunds;     /* 0-99, hundredths of a second */
        LONG tod_timezone;   /* minutes from UTC, west positive; -1: undefined */
        DWORD tod_tinterval; /* one clock tick, in 0.0001 s units */
        DWORD tod_day;       /* 1-31 */
        DWORD tod_month;     /* 1-12 */
        DWORD tod_year;
        DWORD tod_weekday; /* 0-6, 0 Sunday */
} TIME_OF_DAY_INFO, *PTIME_OF_DAY_INFO, *LPTIME_OF_DAY_INFO;

/* The time of day of this machine. *BufferPtr is one NetApiBuffer block holding a
 * TIME_OF_DAY_INFO, NULL on failure. Errors: ERROR_INVALID_PARAMETER (BufferPtr
 * NULL), ERROR_INVALID_NAME, NERR_InvalidComputer (another machine: winnet has no
 * remote back end), ERROR_NOT_ENOUGH_MEMORY. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetRemoteTOD(_In_opt_ LPCWSTR UncServerName,
                                                        _Out_ LPBYTE *BufferPtr);

WINNET_END_DECLS

#endif /* WINNET_LMREMUTL_H */
