/* members.c - NetLocalGroupGetMembers: the members of one group (gr_mem and the
 * users whose primary group it is), levels 0 to 3. A member that is a user of the
 * passwd database gets the Unix SID
 * S-1-22-1-<uid> and SidTypeUser; a name passwd does not know gets no SID (NULL)
 * and SidTypeUnknown. Domain-qualified names use this computer's NetBIOS name. */
#include <errno.h>
#include <string.h>

#include "alloc.h"
#include "lmaccess.h"
#include "lmerr.h"
#include "netapi_int.h"
#include "winerror.h"

struct member_row {
        struct wstr name; /* first: group_members fills it */
        struct wstr domname;
        uint32_t uid;
        uint32_t use; /* SID_NAME_USE */
};

#define ROW(r) ((const struct member_row *)(r))

static size_t b_sid(const struct table *t, const void *r)
{
        (void)t;
        return ROW(r)->use == SidTypeUser ? UNIX_SID_BYTES : 0;
}

static size_t s_0(const struct table *t, const void *r)
{
        (void)t, (void)r;
        return 0;
}

static size_t s_1(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(ROW(r)->name);
}

static size_t s_2(const struct table *t, const void *r)
{
        (void)t;
        return wstr_bytes(ROW(r)->domname);
}

static PSID pack_sid(struct packer *p, const struct member_row *m)
{
        unsigned char sid[UNIX_SID_BYTES];

        if (m->use != SidTypeUser)
                return NULL;
        unix_sid(sid, 0, m->uid);
        return pack_bin(p, sid, sizeof(sid));
}

static void f_0(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        (void)t, (void)i;
        ((LOCALGROUP_MEMBERS_INFO_0 *)rec)->lgrmi0_sid = pack_sid(p, r);
}

static void f_1(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        LOCALGROUP_MEMBERS_INFO_1 *m = rec;

        (void)t, (void)i;
        m->lgrmi1_sid = pack_sid(p, r);
        m->lgrmi1_sidusage = (SID_NAME_USE)ROW(r)->use;
        m->lgrmi1_name = pack_wstr(p, ROW(r)->name);
}

static void f_2(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        LOCALGROUP_MEMBERS_INFO_2 *m = rec;

        (void)t, (void)i;
        m->lgrmi2_sid = pack_sid(p, r);
        m->lgrmi2_sidusage = (SID_NAME_USE)ROW(r)->use;
        m->lgrmi2_domainandname = pack_wstr(p, ROW(r)->domname);
}

static void f_3(void *rec, const struct table *t, const void *r, size_t i, struct packer *p)
{
        (void)t, (void)i;
        ((LOCALGROUP_MEMBERS_INFO_3 *)rec)->lgrmi3_domainandname = pack_wstr(p, ROW(r)->domname);
}

static const struct level_ops ops[] = {
    {sizeof(LOCALGROUP_MEMBERS_INFO_0), s_0, b_sid, f_0},
    {sizeof(LOCALGROUP_MEMBERS_INFO_1), s_1, b_sid, f_1},
    {sizeof(LOCALGROUP_MEMBERS_INFO_2), s_2, b_sid, f_2},
    {sizeof(LOCALGROUP_MEMBERS_INFO_3), s_2, NULL, f_3},
};

/* A member that passwd knows is a user with a SID (levels 0-2). */
static void resolve_uids(struct table *t, const struct table *users, const size_t *idx)
{
        size_t i;

        for (i = 0; i < t->rows.n; i++) {
                struct member_row *m = vec_at(&t->rows, i);
                const struct user_row *u = name_find(users, idx, strpool_get(&t->pool, m->name));

                m->use = u ? SidTypeUser : SidTypeUnknown;
                m->uid = u ? u->uid : 0;
        }
}

/* The users whose primary group this is, after the listed members. */
static int add_primary_members(struct table *t, const struct table *users, uint32_t gid)
{
        size_t i;

        for (i = 0; i < users->rows.n; i++) {
                const struct user_row *u = vec_at(&users->rows, i);
                struct member_row *m;
                char16_t *out;

                if (u->gid != gid)
                        continue;
                m = vec_push(&t->rows);
                if (!m)
                        return -ENOMEM;
                out = strpool_alloc(&t->pool, u->name.len, &m->name);
                if (!out) {
                        t->rows.n--;
                        return -ENOMEM;
                }
                memcpy(out, strpool_get(&users->pool, u->name), u->name.len * sizeof(char16_t));
        }
        return 0;
}

/* DOMAIN\name (levels 2 and 3): this computer's NetBIOS name, a backslash, the
 * member's name, built in UTF-16 in the pool. */
static int add_domain_name(struct table *t, struct member_row *m, const char *netbios)
{
        size_t nb = strlen(netbios), i;
        char16_t *out = strpool_alloc(&t->pool, nb + 1 + m->name.len, &m->domname);

        if (!out)
                return -ENOMEM;
        for (i = 0; i < nb; i++)
                out[i] = (unsigned char)netbios[i]; /* ASCII: see hostinfo.c */
        out[nb] = u'\\';
        memcpy(out + nb + 1, strpool_get(&t->pool, m->name), m->name.len * sizeof(char16_t));
        return 0;
}

static int add_domain_names(struct table *t, DWORD level)
{
        struct hostinfo h;
        size_t i;
        int r = 0;

        if (level < 2)
                return 0;
        r = hostname_get(&h);
        for (i = 0; !r && i < t->rows.n; i++)
                r = add_domain_name(t, vec_at(&t->rows, i), h.netbios);
        return r;
}

static int listed_members(struct table *t, LPCWSTR groupname, uint32_t *gid)
{
        char *u8;
        int r = utf16_dup_utf8(groupname, &u8);

        if (r)
                return r;
        r = *u8 ? group_members(t, u8, gid) : -ENOENT;
        wn_free(u8);
        return r;
}

/* The members of a Linux group are the users it lists (gr_mem) and the users whose
 * primary group it is: Linux grants them the group as surely (id(1), getgrouplist
 * and Samba's own group membership count both), so a Windows caller, for whom the
 * members are the accounts that hold the group, sees both. Each name once: the
 * listed ones first in their order, then the others in passwd order. One passwd
 * snapshot gives the primary members and the SIDs of levels 0-2. */
static int members_load(struct table *t, LPCWSTR groupname, DWORD level)
{
        struct table users;
        size_t *idx = NULL;
        uint32_t gid = 0;
        int r = listed_members(t, groupname, &gid);

        table_init(&users, sizeof(struct user_row));
        r = r ? r : users_load(&users, 0, 0);
        r = r ? r : add_primary_members(t, &users, gid);
        r = r ? r : table_unique_names(t);
        if (!r && level < 3) {
                r = name_index(&users, &idx);
                if (!r)
                        resolve_uids(t, &users, idx);
        }
        r = r ? r : add_domain_names(t, level);
        wn_free(idx);
        table_free(&users);
        return r;
}

NET_API_STATUS NET_API_FUNCTION NetLocalGroupGetMembers(LPCWSTR servername, LPCWSTR localgroupname,
                                                        DWORD level, LPBYTE *bufptr,
                                                        DWORD prefmaxlen, LPDWORD entriesread,
                                                        LPDWORD totalentries,
                                                        PDWORD_PTR resumehandle)
{
        NET_API_STATUS st = enum_begin(servername, 1, bufptr, entriesread, totalentries);
        struct table t;
        int r;

        if (st)
                return st;
        if (!localgroupname)
                return ERROR_INVALID_PARAMETER;
        if (level > 3)
                return ERROR_INVALID_LEVEL;
        table_init(&t, sizeof(struct member_row));
        r = members_load(&t, localgroupname, level);
        if (r)
                st = r == -ENOENT ? ERROR_NO_SUCH_ALIAS : netapi_status(r);
        else
                st = enum_finish_ptr(&t, &ops[level], prefmaxlen, resumehandle,
                                     "NetLocalGroupGetMembers", bufptr, entriesread, totalentries);
        table_free(&t);
        return st;
}
