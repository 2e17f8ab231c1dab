/* users.c - NetUserEnum and NetUserGetInfo over the passwd database (see
 * user_source.c for where each field comes from, user_levels.c for the levels). */
#include <errno.h>

#include "lmaccess.h"
#include "lmerr.h"
#include "netapi_int.h"
#include "winerror.h"

/* Levels 4 and 24 are NetUserGetInfo's alone: NetUserEnum refuses them, as on
 * Windows, where its documented levels are 0, 1, 2, 3, 10, 11 and 20 (23 is kept:
 * earlier winnet releases returned it). */
static const struct level_ops *enum_level(DWORD level)
{
        return level == 4 || level == 24 ? NULL : user_level(level);
}

NET_API_STATUS NET_API_FUNCTION NetUserEnum(LPCWSTR servername, DWORD level, DWORD filter,
                                            LPBYTE *bufptr, DWORD prefmaxlen, LPDWORD entriesread,
                                            LPDWORD totalentries, PDWORD resume_handle)
{
        const struct level_ops *ops = enum_level(level);
        NET_API_STATUS st = enum_begin(servername, ops != NULL, bufptr, entriesread, totalentries);
        struct table t;

        if (st)
                return st;
        table_init(&t, sizeof(struct user_row));
        st = netapi_status(users_load(&t, filter, user_level_fields(level)));
        if (st == NERR_Success)
                st = enum_finish(&t, ops, prefmaxlen, resume_handle, "NetUserEnum", bufptr,
                                 entriesread, totalentries);
        table_free(&t);
        return st;
}

NET_API_STATUS NET_API_FUNCTION NetUserGetInfo(LPCWSTR servername, LPCWSTR username, DWORD level,
                                               LPBYTE *bufptr)
{
        const struct level_ops *ops = user_level(level);
        NET_API_STATUS st = info_begin(servername, bufptr);
        struct table t;
        int r;

        if (st)
                return st;
        if (!username)
                return ERROR_INVALID_PARAMETER;
        if (!ops)
                return ERROR_INVALID_LEVEL;
        table_init(&t, sizeof(struct user_row));
        r = table_lookup(&t, username, user_lookup);
        if (r == 0)
                st = info_finish(&t, ops, "NetUserGetInfo", bufptr);
        else
                st = r == -ENOENT ? NERR_UserNotFound : netapi_status(r);
        table_free(&t);
        return st;
}
