/* remote_tod.c - NetRemoteTOD of this machine: one sample of the real-time clock,
 * split into UTC fields (Microsoft gives the hours in GMT), the local zone's current
 * offset from UTC (tzset, tm_gmtoff; daylight saving included) and a millisecond
 * counter since boot (CLOCK_BOOTTIME, which keeps counting through suspend as
 * GetTickCount does, wrapping at 2^32 as it does). */
#include <errno.h>
#include <time.h>

#include "block.h"
#include "lmerr.h"
#include "lmremutl.h"
#include "netapi_int.h"
#include "winerror.h"

/* The kernel's timer tick (the resolution of the coarse real-time clock, what
 * Windows calls the clock interval) in 0.0001 s units, at least 1. */
static DWORD tick_interval(void)
{
        struct timespec res;
        long long ns;

        if (clock_getres(CLOCK_REALTIME_COARSE, &res) < 0)
                return 1;
        ns = (long long)res.tv_sec * 1000000000LL + res.tv_nsec;
        return ns >= 150000 ? (DWORD)((ns + 50000) / 100000) : 1;
}

/* Minutes from UTC, west of Greenwich positive, of the local zone at t. */
static LONG zone_minutes(time_t t)
{
        struct tm lt;

        tzset(); /* localtime_r need not read TZ again; the caller may have changed it */
        if (!localtime_r(&t, &lt))
                return -1;
        return (LONG)(-lt.tm_gmtoff / 60);
}

static int tod_fill(TIME_OF_DAY_INFO *tod)
{
        struct timespec now, boot;
        struct tm utc;

        if (clock_gettime(CLOCK_REALTIME, &now) < 0 || clock_gettime(CLOCK_BOOTTIME, &boot) < 0)
                return -errno;
        if (now.tv_sec < 0 || !gmtime_r(&now.tv_sec, &utc))
                return -ERANGE; /* before 1970: tod_elapsedt cannot hold it */
        tod->tod_elapsedt = (DWORD)now.tv_sec;
        tod->tod_msecs = (DWORD)((unsigned long long)boot.tv_sec * 1000u +
                                 (unsigned long long)boot.tv_nsec / 1000000u);
        tod->tod_hours = (DWORD)utc.tm_hour;
        tod->tod_mins = (DWORD)utc.tm_min;
        tod->tod_secs = (DWORD)(utc.tm_sec > 59 ? 59 : utc.tm_sec);
        tod->tod_hunds = (DWORD)(now.tv_nsec / 10000000);
        tod->tod_timezone = zone_minutes(now.tv_sec);
        tod->tod_tinterval = tick_interval();
        tod->tod_day = (DWORD)utc.tm_mday;
        tod->tod_month = (DWORD)utc.tm_mon + 1;
        tod->tod_year = (DWORD)utc.tm_year + 1900;
        tod->tod_weekday = (DWORD)utc.tm_wday;
        return 0;
}

NET_API_STATUS NET_API_FUNCTION NetRemoteTOD(LPCWSTR UncServerName, LPBYTE *BufferPtr)
{
        NET_API_STATUS st = info_begin(UncServerName, BufferPtr);
        TIME_OF_DAY_INFO tod, *buf;

        if (st)
                return st;
        st = netapi_status(tod_fill(&tod));
        if (st)
                return st;
        buf = block_alloc(BLOCK_NETAPI, sizeof(*buf), 0, ALLOC_SITE_HERE("NetRemoteTOD"));
        if (!buf)
                return ERROR_NOT_ENOUGH_MEMORY;
        *buf = tod;
        *BufferPtr = (LPBYTE)buf;
        return NERR_Success;
}
