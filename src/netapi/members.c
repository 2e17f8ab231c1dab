/* members.c - NetLocalGroupGetMembers: the members (gr_mem) of one group, levels
 * 0 to 3. A member that is a user of the passwd database gets the Unix SID
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

/* The members are the names the group database lists (gr_mem, what `getent group`
 * shows), each once in their first position. Users who merely have the group as
 * their primary group are not listed there and are not members here (see
 * docs/netapi.md). Levels 0-2 resolve each name against one passwd snapshot. */
static int members_load(struct table *t, LPCWSTR groupname, DWORD level)
{
        struct table users;
        size_t *idx = NULL;
        int r = table_lookup(t, groupname, group_members);

        r = r ? r : table_unique_names(t);
        table_init(&users, sizeof(struct user_row));
        if (!r && level < 3) {
                r = users_load(&users, 0, 0);
                r = r ? r : name_index(&users, &idx);
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
