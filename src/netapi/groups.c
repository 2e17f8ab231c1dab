/* groups.c - NetLocalGroupEnum, NetLocalGroupGetInfo, NetGroupEnum and
 * NetGroupGetInfo over the group database. Linux has one kind of group: every group is listed both
 * as a local group and as a global group. */
#include <errno.h>

#include "lmaccess.h"
#include "lmerr.h"
#include "netapi_int.h"
#include "winerror.h"

static NET_API_STATUS group_enum(LPCWSTR servername, const struct level_ops *ops, const char *api,
                                 LPBYTE *bufptr, DWORD prefmaxlen, LPDWORD entriesread,
                                 LPDWORD totalentries, PDWORD_PTR resume)
{
        NET_API_STATUS st = enum_begin(servername, ops != NULL, bufptr, entriesread, totalentries);
        struct table t;

        if (st)
                return st;
        table_init(&t, sizeof(struct group_row));
        st = netapi_status(groups_load(&t));
        if (st == NERR_Success)
                st = enum_finish_ptr(&t, ops, prefmaxlen, resume, api, bufptr, entriesread,
                                     totalentries);
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

static NET_API_STATUS group_get_info(LPCWSTR servername, LPCWSTR groupname,
                                     const struct level_ops *ops, const char *api, LPBYTE *bufptr)
{
        NET_API_STATUS st = info_begin(servername, bufptr);
        struct table t;
        int r;

        if (st)
                return st;
        if (!groupname)
                return ERROR_INVALID_PARAMETER;
        if (!ops)
                return ERROR_INVALID_LEVEL;
        table_init(&t, sizeof(struct group_row));
        r = table_lookup(&t, groupname, group_lookup);
        if (r == 0)
                st = info_finish(&t, ops, api, bufptr);
        else
                st = r == -ENOENT ? NERR_GroupNotFound : netapi_status(r);
        table_free(&t);
        return st;
}

NET_API_STATUS NET_API_FUNCTION NetLocalGroupGetInfo(LPCWSTR servername, LPCWSTR groupname,
                                                     DWORD level, LPBYTE *bufptr)
{
        /* Windows: level 1 only */
        return group_get_info(servername, groupname, level == 1 ? localgroup_level(1) : NULL,
                              "NetLocalGroupGetInfo", bufptr);
}

NET_API_STATUS NET_API_FUNCTION NetGroupGetInfo(LPCWSTR servername, LPCWSTR groupname, DWORD level,
                                                LPBYTE *bufptr)
{
        return group_get_info(servername, groupname, group_level(level), "NetGroupGetInfo", bufptr);
}
