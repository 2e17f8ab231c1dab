/* user_groups.c - NetUserGetGroups and NetUserGetLocalGroups: the groups one user
 * belongs to, as `id -Gn USER` lists them (user_groups_load): the primary group of
 * passwd, then the groups whose member list names the user. Every Linux group is
 * both a global and a local group, so both calls return the same groups. Neither
 * has a resume handle: a page that does not hold every entry is ERROR_MORE_DATA
 * with the first entries that fit and the total count (Windows: ask again with a
 * larger prefmaxlen). */
#include <errno.h>
#include <pwd.h>

#include "lmaccess.h"
#include "lmerr.h"
#include "netapi_int.h"
#include "winerror.h"

/* The user's passwd entry decides the name that is matched against member lists
 * (the exact name getpwnam finds) and the primary gid. */
static int groups_of(struct table *t, const char *name)
{
        struct nss_buf b = {NULL, 4096};
        struct passwd pw;
        int r = nss_getpwnam(&b, name, &pw);

        r = r ? r : user_groups_load(t, pw.pw_name, pw.pw_gid);
        nss_buf_free(&b);
        return r;
}

static NET_API_STATUS user_groups(LPCWSTR username, const struct level_ops *lv, const char *api,
                                  LPBYTE *bufptr, DWORD prefmaxlen, LPDWORD entriesread,
                                  LPDWORD totalentries)
{
        struct table t;
        NET_API_STATUS st;
        int r;

        table_init(&t, sizeof(struct group_row));
        r = table_lookup(&t, username, groups_of);
        if (r)
                st = r == -ENOENT ? NERR_UserNotFound : netapi_status(r);
        else /* no resume handle: always from the first entry */
                st = enum_finish(&t, lv, prefmaxlen, NULL, api, bufptr, entriesread, totalentries);
        table_free(&t);
        return st;
}

NET_API_STATUS NET_API_FUNCTION NetUserGetGroups(LPCWSTR servername, LPCWSTR username, DWORD level,
                                                 LPBYTE *bufptr, DWORD prefmaxlen,
                                                 LPDWORD entriesread, LPDWORD totalentries)
{
        const struct level_ops *lv = group_users_level(level);
        NET_API_STATUS st = enum_begin(servername, 1, bufptr, entriesread, totalentries);

        if (st)
                return st;
        if (!username)
                return ERROR_INVALID_PARAMETER;
        if (!lv)
                return ERROR_INVALID_LEVEL;
        return user_groups(username, lv, "NetUserGetGroups", bufptr, prefmaxlen, entriesread,
                           totalentries);
}

NET_API_STATUS NET_API_FUNCTION NetUserGetLocalGroups(LPCWSTR servername, LPCWSTR username,
                                                      DWORD level, DWORD flags, LPBYTE *bufptr,
                                                      DWORD prefmaxlen, LPDWORD entriesread,
                                                      LPDWORD totalentries)
{
        NET_API_STATUS st = enum_begin(servername, 1, bufptr, entriesread, totalentries);

        if (st)
                return st;
        if (!username)
                return ERROR_INVALID_PARAMETER;
        if (level != 0) /* LOCALGROUP_USERS_INFO_0 only */
                return ERROR_INVALID_LEVEL;
        /* Microsoft: any flag but LG_INCLUDE_INDIRECT is ERROR_INVALID_PARAMETER. Linux
         * groups do not contain groups, so there is no indirect membership to add. */
        if (flags & ~(DWORD)LG_INCLUDE_INDIRECT)
                return ERROR_INVALID_PARAMETER;
        return user_groups(username, group_users_level(0), "NetUserGetLocalGroups", bufptr,
                           prefmaxlen, entriesread, totalentries);
}
