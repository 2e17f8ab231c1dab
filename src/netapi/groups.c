/* groups.c - NetLocalGroupEnum, NetLocalGroupGetInfo and NetGroupEnum over the group
 * database. Linux has one kind of group: every group is listed both as a local
 * group and as a global group. */
#include <errno.h>

#include "alloc.h"
#include "lmaccess.h"
#include "lmerr.h"
#include "netapi_int.h"
#include "winerror.h"

/* Resume handles of the group calls are pointer-sized; winnet keeps an index in
 * them, so values past 32 bits are past the end. */
static NET_API_STATUS group_enum(LPCWSTR servername, const struct level_ops *ops, const char *api,
                                 LPBYTE *bufptr, DWORD prefmaxlen, LPDWORD entriesread,
                                 LPDWORD totalentries, PDWORD_PTR resume)
{
        NET_API_STATUS st = enum_clear_out(bufptr, entriesread, totalentries);
        DWORD idx = resume ? (*resume > UINT32_MAX ? UINT32_MAX : (DWORD)*resume) : 0;
        struct table t;

        if (st)
                return st;
        st = servername_check(servername);
        if (st)
                return st;
        if (!ops)
                return ERROR_INVALID_LEVEL;
        table_init(&t, sizeof(struct group_row));
        if (groups_load(&t) < 0)
                st = ERROR_NOT_ENOUGH_MEMORY;
        else
                st = enum_finish(&t, ops, prefmaxlen, resume ? &idx : NULL, api, bufptr,
                                 entriesread, totalentries);
        if (resume && (st == NERR_Success || st == ERROR_MORE_DATA))
                *resume = idx;
        table_free(&t);
        return st;
}

NET_API_STATUS NET_API_FUNCTION NetLocalGroupEnum(LPCWSTR servername, DWORD level, LPBYTE *bufptr,
                                                  DWORD prefmaxlen, LPDWORD entriesread,
                                                  LPDWORD totalentries, PDWORD_PTR resumehandle)
{
        return group_enum(servername, localgroup_level(level), "NetLocalGroupEnum", bufptr,
                          prefmaxlen, entriesread, totalentries, resumehandle);
}

NET_API_STATUS NET_API_FUNCTION NetGroupEnum(LPCWSTR servername, DWORD level, LPBYTE *bufptr,
                                             DWORD prefmaxlen, LPDWORD entriesread,
                                             LPDWORD totalentries, PDWORD_PTR resume_handle)
{
        return group_enum(servername, group_level(level), "NetGroupEnum", bufptr, prefmaxlen,
                          entriesread, totalentries, resume_handle);
}

NET_API_STATUS NET_API_FUNCTION NetLocalGroupGetInfo(LPCWSTR servername, LPCWSTR groupname,
                                                     DWORD level, LPBYTE *bufptr)
{
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
        if (!groupname)
                return ERROR_INVALID_PARAMETER;
        if (level != 1) /* Windows: level 1 only */
                return ERROR_INVALID_LEVEL;
        if (utf16_dup_utf8(groupname, &name) < 0)
                return ERROR_NOT_ENOUGH_MEMORY;
        table_init(&t, sizeof(struct group_row));
        r = *name ? group_lookup(&t, name) : -ENOENT;
        wn_free(name);
        if (r == 0)
                st = info_finish(&t, localgroup_level(1), "NetLocalGroupGetInfo", bufptr);
        else
                st = r == -ENOENT ? NERR_GroupNotFound : ERROR_NOT_ENOUGH_MEMORY;
        table_free(&t);
        return st;
}
