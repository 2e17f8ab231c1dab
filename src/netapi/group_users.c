/* group_users.c - NetGroupGetUsers: the members of one global group, levels 0 and 1,
 * and the GROUP_USERS_INFO_0/1 (LOCALGROUP_USERS_INFO_0) layouts it shares with
 * NetUserGetGroups and NetUserGetLocalGroups. The members are the names the group
 * database lists (gr_mem), as for NetLocalGroupGetMembers. */
#include <errno.h>

#include "lmaccess.h"
#include "lmerr.h"
#include "netapi_int.h"
#include "winerror.h"

/* SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_ENABLED: the
 * attributes Windows reports for every membership. */
#define MEMBER_ATTRS 0x7u

#define NAME(r) (*(const struct wstr *)(r))

static size_t s_name(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(NAME(r));
}

static void f_0(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        (void)t, (void)i;
        ((GROUP_USERS_INFO_0 *)rec)->grui0_name = pack_wstr(p, NAME(r));
}

static void f_1(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        GROUP_USERS_INFO_1 *g = rec;

        (void)t, (void)i;
        g->grui1_name = pack_wstr(p, NAME(r));
        g->grui1_attributes = MEMBER_ATTRS;
}

_Static_assert(sizeof(GROUP_USERS_INFO_0) == sizeof(LOCALGROUP_USERS_INFO_0), "same layout");

static const struct level_ops ops[] = {
    {sizeof(GROUP_USERS_INFO_0), s_name, NULL, f_0},
    {sizeof(GROUP_USERS_INFO_1), s_name, NULL, f_1},
};

const struct level_ops *group_users_level(DWORD level)
{
        return level <= 1 ? &ops[level] : NULL;
}

/* Each listed name once, in its first position (as NetLocalGroupGetMembers). */
static int users_of(struct table *t, LPCWSTR groupname)
{
        int r = table_lookup(t, groupname, group_members);

        return r ? r : table_unique_names(t);
}

NET_API_STATUS NET_API_FUNCTION NetGroupGetUsers(LPCWSTR servername, LPCWSTR groupname, DWORD level,
                                                 LPBYTE *bufptr, DWORD prefmaxlen,
                                                 LPDWORD entriesread, LPDWORD totalentries,
                                                 PDWORD_PTR ResumeHandle)
{
        const struct level_ops *lv = group_users_level(level);
        NET_API_STATUS st = enum_begin(servername, 1, bufptr, entriesread, totalentries);
        struct table t;
        int r;

        if (st)
                return st;
        if (!groupname)
                return ERROR_INVALID_PARAMETER;
        if (!lv)
                return ERROR_INVALID_LEVEL;
        table_init(&t, sizeof(struct wstr));
        r = users_of(&t, groupname);
        if (r)
                st = r == -ENOENT ? NERR_GroupNotFound : netapi_status(r);
        else
                st = enum_finish_ptr(&t, lv, prefmaxlen, ResumeHandle, "NetGroupGetUsers", bufptr,
                                     entriesread, totalentries);
        table_free(&t);
        return st;
}
