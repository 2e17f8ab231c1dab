/* users.c - NetUserEnum and NetUserGetInfo over the passwd database (see
 * user_source.c for where each field comes from, user_levels.c for the levels). */
#include <errno.h>

#include "alloc.h"
#include "lmaccess.h"
#include "lmerr.h"
#include "netapi_int.h"
#include "winerror.h"

NET_API_STATUS NET_API_FUNCTION NetUserEnum(LPCWSTR servername, DWORD level, DWORD filter,
                                            LPBYTE *bufptr, DWORD prefmaxlen, LPDWORD entriesread,
                                            LPDWORD totalentries, PDWORD resume_handle)
{
        const struct level_ops *ops = user_level(level);
        NET_API_STATUS st = enum_clear_out(bufptr, entriesread, totalentries);
        struct table t;

        if (st)
                return st;
        st = servername_check(servername);
        if (st)
                return st;
        if (!ops)
                return ERROR_INVALID_LEVEL;
        table_init(&t, sizeof(struct user_row));
        if (users_load(&t, filter, user_level_fields(level)) < 0)
                st = ERROR_NOT_ENOUGH_MEMORY;
        else
                st = enum_finish(&t, ops, prefmaxlen, resume_handle, "NetUserEnum", bufptr,
                                 entriesread, totalentries);
        table_free(&t);
        return st;
}

NET_API_STATUS NET_API_FUNCTION NetUserGetInfo(LPCWSTR servername, LPCWSTR username, DWORD level,
                                               LPBYTE *bufptr)
{
        const struct level_ops *ops = user_level(level);
        NET_API_STATUS st;
        struct table t;
        char *name;
        int r;

        if (!bufptr)
                return ERROR_INVALID_PARAMETER;
        *bufptr = NULL;
        st = servername_check(servername);
        if (st)
                return st;
        if (!username)
                return ERROR_INVALID_PARAMETER;
        if (!ops)
                return ERROR_INVALID_LEVEL;
        if (utf16_dup_utf8(username, &name) < 0)
                return ERROR_NOT_ENOUGH_MEMORY;
        table_init(&t, sizeof(struct user_row));
        r = *name ? user_lookup(&t, name) : -ENOENT;
        wn_free(name);
        if (r == 0)
                st = info_finish(&t, ops, "NetUserGetInfo", bufptr);
        else
                st = r == -ENOENT ? NERR_UserNotFound : ERROR_NOT_ENOUGH_MEMORY;
        table_free(&t);
        return st;
}
