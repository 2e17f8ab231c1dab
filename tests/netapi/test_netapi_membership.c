/* test_netapi_membership.c - NetUserGetGroups, NetUserGetLocalGroups, NetGroupGetInfo
 * and NetGroupGetUsers over the fixture's databases, compared with `id -Gn USER` and
 * `getent group` run in the same namespace: users in many groups, in one, in none;
 * the 5,000-member group; non-ASCII names; paging with many prefmaxlen values;
 * every error code; a failure of every allocation. */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "fixture.h"

#define MAXG 512

struct grline {
        char *name, *members;
        unsigned gid;
};

static struct grline gr[1024];
static size_t ngr;

/* (Re)reads `getent group` into gr[]: the fixture's, or a database a test binds. */
static void load_getent(void)
{
        static char *out;
        char *line, *save = NULL;

        free(out);
        out = fixture_run("getent group");
        assert_non_null(out);
        ngr = 0;
        for (line = strtok_r(out, "\n", &save); line && ngr < 1024;
             line = strtok_r(NULL, "\n", &save)) {
                char *f[4], *p = line;
                int i;

                for (i = 0; i < 4; i++)
                        f[i] = strsep(&p, ":");
                gr[ngr++] = (struct grline){f[0], f[3], (unsigned)atoi(f[2])};
        }
}

static const struct grline *find(const char *name)
{
        size_t i;

        for (i = 0; i < ngr; i++)
                if (!strcmp(gr[i].name, name))
                        return &gr[i];
        return NULL;
}

/* A UTF-8 name as the UTF-16 string the calls take (static, one slot each). */
static const WCHAR *w(const char *s, int slot)
{
        static WCHAR buf[2][256];

        utf8_to_utf16(s, strlen(s), buf[slot & 1], 256);
        return buf[slot & 1];
}

/* `id -Gn NAME`: the group names, in its order. A gid with no group is printed as
 * its number (and id fails); no group has that name, so it is not one of the
 * user's groups here. names points into a static buffer. */
static size_t id_groups(const char *user, char **names, int named_only)
{
        static char *out;
        char cmd[512], *tok, *save = NULL;
        size_t n = 0;

        free(out);
        snprintf(cmd, sizeof(cmd), "id -Gn -- '%s' 2>/dev/null; true", user);
        out = fixture_run(cmd);
        assert_non_null(out);
        for (tok = strtok_r(out, " \n", &save); tok && n < MAXG; tok = strtok_r(NULL, " \n", &save))
                if (!named_only || find(tok))
                        names[n++] = tok;
        return n;
}

/* The result of NetUserGetGroups (levels 0, 1) or NetUserGetLocalGroups (level 0,
 * local) has exactly these names, in this order, every string inside the block. */
static void assert_groups(const char *user, LPBYTE buf, DWORD read, DWORD total, char **names,
                          size_t n, DWORD level)
{
        size_t i, bytes = 0;

        if (read != n || total != n)
                fail_msg("%s: %u/%u groups, id -Gn shows %zu", user, (unsigned)read,
                         (unsigned)total, n);
        if (!n) {
                assert_null(buf);
                return;
        }
        for (i = 0; i < n; i++) {
                const WCHAR *s = level == 1 ? ((GROUP_USERS_INFO_1 *)buf)[i].grui1_name
                                            : ((GROUP_USERS_INFO_0 *)buf)[i].grui0_name;

                if (strcmp(u8(s, 0), names[i]))
                        fail_msg("%s: group %zu is %s, id -Gn shows %s", user, i, u8(s, 0),
                                 names[i]);
                assert_str_inside(buf, s);
                if (level == 1)
                        assert_int_equal(((GROUP_USERS_INFO_1 *)buf)[i].grui1_attributes, 7);
                bytes += (level == 1 ? sizeof(GROUP_USERS_INFO_1) : sizeof(GROUP_USERS_INFO_0)) +
                         wbytes(s);
        }
        assert_block_at_least(buf, bytes);
}

/* Every call and level for one user against `id -Gn`. */
static void check_user(const char *user)
{
        static char *names[MAXG];
        size_t n = id_groups(user, names, 1);
        DWORD level, flags;

        for (level = 0; level <= 1; level++) {
                LPBYTE buf = (LPBYTE)1;
                DWORD read = 9, total = 9;

                assert_int_equal(NetUserGetGroups(NULL, w(user, 0), level, &buf,
                                                  MAX_PREFERRED_LENGTH, &read, &total),
                                 NERR_Success);
                assert_groups(user, buf, read, total, names, n, level);
                NetApiBufferFree(buf);
        }
        for (flags = 0; flags <= LG_INCLUDE_INDIRECT; flags++) {
                LPBYTE buf = (LPBYTE)1;
                DWORD read = 9, total = 9;

                assert_int_equal(NetUserGetLocalGroups(NULL, w(user, 0), 0, flags, &buf,
                                                       MAX_PREFERRED_LENGTH, &read, &total),
                                 NERR_Success);
                assert_groups(user, buf, read, total, names, n, 0);
                NetApiBufferFree(buf);
        }
}

/* root (its own group and one that lists it), nobody, users in the big group and
 * outside it, non-ASCII names (ü, katakana, a character outside the BMP), the
 * users in three groups (5: big, mixed; 7: big, émigrés). */
static void user_groups_equal_id(void **state)
{
        static const size_t idx[] = {0, 5, 7, 11, 49, 102, 108, 510, 4999, 5000, 9999};
        char name[64];
        size_t i;

        (void)state;
        check_user("root");
        check_user("nobody");
        for (i = 0; i < sizeof(idx) / sizeof(idx[0]); i++)
                check_user(fixture_user_name(idx[i], name, sizeof(name)));
}

/* ws01$ has gid 20000, which no group has, and no group lists it: `id -Gn` prints
 * only the number, and the user belongs to no group. */
static void user_in_no_group(void **state)
{
        static char *names[MAXG];
        LPBYTE buf = (LPBYTE)1;
        DWORD read = 9, total = 9;

        (void)state;
        assert_int_equal(id_groups("ws01$", names, 0), 1);
        assert_string_equal(names[0], "20000");
        assert_int_equal(
            NetUserGetGroups(NULL, u"ws01$", 1, &buf, MAX_PREFERRED_LENGTH, &read, &total),
            NERR_Success);
        assert_true(!buf && !read && !total);
        buf = (LPBYTE)1;
        assert_int_equal(
            NetUserGetLocalGroups(NULL, u"ws01$", 0, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total),
            NERR_Success);
        assert_true(!buf && !read && !total);
}

/* Every 13th of the 10,000 users against what getent group says: the primary group
 * (team<i % 50>, gid 1000 + i % 50) first, then big for the first 5,000, mixed for
 * user 5, émigrés for user 7. */
static void every_user_matches_getent(void **state)
{
        char name[64], team[16];
        size_t i;

        (void)state;
        for (i = 0; i < FIXTURE_USERS; i += 13) {
                GROUP_USERS_INFO_0 *g = NULL;
                DWORD read = 0, total = 0, k = 0;

                fixture_user_name(i, name, sizeof(name));
                assert_int_equal(NetUserGetGroups(NULL, w(name, 0), 0, (LPBYTE *)&g,
                                                  MAX_PREFERRED_LENGTH, &read, &total),
                                 NERR_Success);
                snprintf(team, sizeof(team), "team%02zu", i % 50);
                assert_int_equal(find(team)->gid, 1000 + i % 50);
                assert_string_equal(u8(g[k++].grui0_name, 0), team);
                if (i < FIXTURE_BIG_MEMBERS)
                        assert_string_equal(u8(g[k++].grui0_name, 0), FIXTURE_BIG_GROUP);
                assert_int_equal(read, k);
                assert_int_equal(total, k);
                NetApiBufferFree(g);
        }
}

/* A database of its own: user00000 listed by 300 groups (once twice in one list),
 * its primary group last in the file (first in the result, as id prints it), and
 * groups that list others. */
static char *many_groups_db(void)
{
        size_t cap = 64 * 1024, len = 0, i;
        char *db = malloc(cap);

        assert_non_null(db);
        for (i = 0; i < 300; i++) {
                len += (size_t)snprintf(db + len, cap - len, "g%03zu:x:%zu:%s\n", i, 3000 + i,
                                        i == 17 ? "user00001,user00000,user00000"
                                        : i % 3 ? "user00000"
                                                : "user00002,user00000,user00003");
                len += (size_t)snprintf(db + len, cap - len, "other%03zu:x:%zu:user00001\n", i,
                                        4000 + i);
        }
        snprintf(db + len, cap - len, "\xc3\xa9quipe:x:1000:user00002\n");
        return db;
}

static size_t users_info_bytes(LPBYTE buf, size_t i)
{
        return sizeof(LOCALGROUP_USERS_INFO_0) +
               wbytes(((LOCALGROUP_USERS_INFO_0 *)buf)[i].lgrui0_name);
}

/* One page of a call without resume handle: the first entries that fit prefmaxlen
 * (at least one, as many as fit), ERROR_MORE_DATA exactly when some are left out,
 * *totalentries all of them. */
static void check_prefix_page(NET_API_STATUS st, LPBYTE buf, DWORD read, DWORD total, DWORD pref,
                              char **names, size_t n)
{
        size_t i, bytes = 0;

        assert_int_equal(total, n);
        assert_true(read >= 1 && read <= n);
        assert_int_equal(st, read < n ? ERROR_MORE_DATA : NERR_Success);
        for (i = 0; i < read; i++) {
                assert_string_equal(u8(((LOCALGROUP_USERS_INFO_0 *)buf)[i].lgrui0_name, 0),
                                    names[i]);
                bytes += users_info_bytes(buf, i);
        }
        if (read > 1 && pref != MAX_PREFERRED_LENGTH)
                assert_true(bytes <= pref);
        if (read < n) { /* the next entry would not have fitted */
                size_t next = sizeof(LOCALGROUP_USERS_INFO_0) +
                              (strlen(names[read]) + 1) * sizeof(WCHAR); /* ASCII names */

                assert_true(bytes + next > pref);
        }
        assert_block_at_least(buf, bytes);
}

static void user_in_many_groups(void **state)
{
        static char *names[MAXG];
        char *db = many_groups_db();
        size_t n, pref;

        (void)state;
        fixture_bind_text("/etc/group", db);
        free(db);
        n = id_groups("user00000", names, 0);
        assert_int_equal(n, 301);
        assert_string_equal(names[0], "\xc3\xa9quipe");
        assert_string_equal(names[1], "g000");
        load_getent();
        check_user("user00000");
        check_user("user00001");
        check_user("user00002");
        /* user00001: 301 groups with ASCII names (check_prefix_page sizes the next) */
        n = id_groups("user00001", names, 1);
        assert_int_equal(n, 301);
        for (pref = 0; pref <= 20000; pref += pref < 600 ? 1 : 97) {
                LPBYTE buf = NULL;
                DWORD read = 0, total = 0;
                NET_API_STATUS st = NetUserGetLocalGroups(NULL, u"user00001", 0, 0, &buf,
                                                          (DWORD)pref, &read, &total);

                check_prefix_page(st, buf, read, total, (DWORD)pref, names, n);
                NetApiBufferFree(buf);
                buf = NULL;
                st = NetUserGetGroups(NULL, u"user00001", 0, &buf, (DWORD)pref, &read, &total);
                check_prefix_page(st, buf, read, total, (DWORD)pref, names, n);
                NetApiBufferFree(buf);
        }
        fixture_unbind("/etc/group");
        load_getent();
}

/* A name's first entry is the group (getgrnam's): a later line with the same name
 * that lists the user does not make it a member; the primary group is the first
 * group with the user's gid. */
static void first_entry_of_a_name_decides(void **state)
{
        GROUP_USERS_INFO_0 *g = NULL;
        DWORD read = 0, total = 0;

        (void)state;
        fixture_bind_text("/etc/group", "dup:x:3000:\n"
                                        "dup:x:3001:user00000\n"
                                        "listed:x:3002:user00000\n"
                                        "first:x:1000:\n"
                                        "second:x:1000:user00000\n");
        assert_int_equal(NetUserGetGroups(NULL, u"user00000", 0, (LPBYTE *)&g, MAX_PREFERRED_LENGTH,
                                          &read, &total),
                         NERR_Success);
        assert_int_equal(read, 3);
        assert_string_equal(u8(g[0].grui0_name, 0), "first");
        assert_string_equal(u8(g[1].grui0_name, 0), "listed");
        assert_string_equal(u8(g[2].grui0_name, 0), "second");
        NetApiBufferFree(g);
        fixture_unbind("/etc/group");
}

/* getent's members of one group, one by one. */
static size_t split_members(const char *list, char **out, size_t cap)
{
        static char *copy;
        char *p, *m;
        size_t n = 0;

        free(copy);
        p = copy = strdup(list);
        while (n < cap && (m = strsep(&p, ",")) && *m)
                out[n++] = m;
        return n;
}

static void group_users_equal_getent(void **state)
{
        static char *names[FIXTURE_BIG_MEMBERS + 1];
        size_t i, k;

        (void)state;
        for (i = 0; i < ngr; i++) {
                size_t n = split_members(gr[i].members, names, FIXTURE_BIG_MEMBERS + 1);
                DWORD level;

                for (level = 0; level <= 1; level++) {
                        LPBYTE buf = (LPBYTE)1;
                        DWORD read = 9, total = 9;
                        DWORD_PTR resume = 0;

                        assert_int_equal(NetGroupGetUsers(NULL, w(gr[i].name, 0), level, &buf,
                                                          MAX_PREFERRED_LENGTH, &read, &total,
                                                          &resume),
                                         NERR_Success);
                        assert_int_equal(read, n);
                        assert_int_equal(total, n);
                        assert_int_equal(resume, 0);
                        if (!n)
                                assert_null(buf);
                        for (k = 0; k < n; k++) {
                                const WCHAR *s = level ? ((GROUP_USERS_INFO_1 *)buf)[k].grui1_name
                                                       : ((GROUP_USERS_INFO_0 *)buf)[k].grui0_name;

                                assert_string_equal(u8(s, 0), names[k]);
                                assert_str_inside(buf, s);
                                if (level)
                                        assert_int_equal(
                                            ((GROUP_USERS_INFO_1 *)buf)[k].grui1_attributes, 7);
                        }
                        NetApiBufferFree(buf);
                }
        }
        /* the big group, the name passwd does not know, the non-ASCII group */
        assert_int_equal(split_members(find(FIXTURE_BIG_GROUP)->members, names, 9999),
                         FIXTURE_BIG_MEMBERS);
        assert_int_equal(split_members(find("mixed")->members, names, 9), 3);
        assert_string_equal(names[1], "ghost");
        assert_non_null(find("\xc3\xa9migr\xc3\xa9s"));
}

/* A member listed twice is returned once, in its first place. */
static void group_users_each_name_once(void **state)
{
        GROUP_USERS_INFO_0 *g = NULL;
        DWORD read = 0, total = 0;

        (void)state;
        fixture_bind_text("/etc/group", "twice:x:3000:a,b,a,c,b\n");
        assert_int_equal(NetGroupGetUsers(NULL, u"twice", 0, (LPBYTE *)&g, MAX_PREFERRED_LENGTH,
                                          &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 3);
        assert_string_equal(u8(g[0].grui0_name, 0), "a");
        assert_string_equal(u8(g[1].grui0_name, 0), "b");
        assert_string_equal(u8(g[2].grui0_name, 0), "c");
        NetApiBufferFree(g);
        fixture_unbind("/etc/group");
}

/* The 5,000 members page by page: every member exactly once, whole entries, at
 * least one per call, the resume handle the members returned so far, totalentries
 * counted from it. Below one entry every preference acts like 1: only 1 walks the
 * whole list (5,000 calls), the others check their first pages. */
static void group_users_paging_many_prefmaxlen(void **state)
{
        static const struct {
                DWORD pref;
                size_t max_calls;
        } prefs[] = {{0, 5},
                     {1, (size_t)-1},
                     {15, 5},
                     {16, 5},
                     {41, 5},
                     {100, (size_t)-1},
                     {999, (size_t)-1},
                     {4096, (size_t)-1},
                     {65536, (size_t)-1},
                     {MAX_PREFERRED_LENGTH, (size_t)-1}};
        size_t p;
        DWORD level;

        (void)state;
        for (level = 0; level <= 1; level++)
                for (p = 0; p < sizeof(prefs) / sizeof(prefs[0]); p++) {
                        /* one entry a call: the whole walk once, at level 0 */
                        size_t calls = 0, seen = 0,
                               max_calls = level && prefs[p].pref == 1 ? 5 : prefs[p].max_calls;
                        DWORD_PTR resume = 0;
                        DWORD read, total;
                        NET_API_STATUS st;
                        char name[64];

                        do {
                                LPBYTE buf = NULL;
                                size_t i, bytes = 0;

                                st = NetGroupGetUsers(NULL, u"big", level, &buf, prefs[p].pref,
                                                      &read, &total, &resume);
                                assert_true(st == NERR_Success || st == ERROR_MORE_DATA);
                                assert_true(read >= 1);
                                assert_int_equal(total, FIXTURE_BIG_MEMBERS - seen);
                                for (i = 0; i < read; i++) {
                                        const WCHAR *s =
                                            level ? ((GROUP_USERS_INFO_1 *)buf)[i].grui1_name
                                                  : ((GROUP_USERS_INFO_0 *)buf)[i].grui0_name;

                                        fixture_user_name(seen + i, name, sizeof(name));
                                        assert_string_equal(u8(s, 0), name);
                                        bytes += (level ? sizeof(GROUP_USERS_INFO_1)
                                                        : sizeof(GROUP_USERS_INFO_0)) +
                                                 wbytes(s);
                                }
                                if (read > 1)
                                        assert_true(bytes <= prefs[p].pref);
                                assert_block_at_least(buf, bytes);
                                seen += read;
                                assert_int_equal(resume, st == ERROR_MORE_DATA ? seen : 0);
                                NetApiBufferFree(buf);
                        } while (st == ERROR_MORE_DATA && ++calls < max_calls);
                        if (st == NERR_Success)
                                assert_int_equal(seen, FIXTURE_BIG_MEMBERS);
                        else
                                assert_int_equal(seen, max_calls);
                }
}

/* S-1-22-2-<gid>: revision 1, two sub-authorities, authority 22, then 2 and gid. */
static void assert_group_sid(const void *buf, const unsigned char *sid, unsigned gid)
{
        uint32_t sub[2];

        assert_inside(buf, sid, 16);
        assert_int_equal(sid[0], 1);
        assert_int_equal(sid[1], 2);
        assert_int_equal(sid[7], 22);
        memcpy(sub, sid + 8, sizeof(sub));
        assert_int_equal(sub[0], 2);
        assert_int_equal(sub[1], gid);
}

static void group_get_info_all_levels(void **state)
{
        size_t i;

        (void)state;
        for (i = 0; i < ngr; i++) {
                const WCHAR *name = w(gr[i].name, 0);
                GROUP_INFO_0 *g0 = NULL;
                GROUP_INFO_1 *g1 = NULL;
                GROUP_INFO_2 *g2 = NULL;
                GROUP_INFO_3 *g3 = NULL;

                assert_int_equal(NetGroupGetInfo(NULL, name, 0, (LPBYTE *)&g0), NERR_Success);
                assert_string_equal(u8(g0->grpi0_name, 0), gr[i].name);
                assert_block_at_least(g0, sizeof(*g0) + wbytes(g0->grpi0_name));
                assert_int_equal(NetGroupGetInfo(NULL, name, 1, (LPBYTE *)&g1), NERR_Success);
                assert_string_equal(u8(g1->grpi1_name, 0), gr[i].name);
                assert_string_equal(u8(g1->grpi1_comment, 1), "");
                assert_str_inside(g1, g1->grpi1_comment);
                assert_int_equal(NetGroupGetInfo(NULL, name, 2, (LPBYTE *)&g2), NERR_Success);
                assert_int_equal(g2->grpi2_group_id, gr[i].gid);
                assert_int_equal(g2->grpi2_attributes, 7);
                assert_int_equal(NetGroupGetInfo(NULL, name, 3, (LPBYTE *)&g3), NERR_Success);
                assert_string_equal(u8(g3->grpi3_name, 0), gr[i].name);
                assert_string_equal(u8(g3->grpi3_comment, 1), "");
                assert_str_inside(g3, g3->grpi3_name);
                assert_str_inside(g3, g3->grpi3_comment);
                assert_group_sid(g3, g3->grpi3_group_sid, gr[i].gid);
                assert_int_equal(g3->grpi3_attributes, 7);
                assert_block_at_least(g3, sizeof(*g3) + 16 + wbytes(g3->grpi3_name) + 2);
                NetApiBufferFree(g0);
                NetApiBufferFree(g1);
                NetApiBufferFree(g2);
                NetApiBufferFree(g3);
        }
}

static void membership_errors(void **state)
{
        LPBYTE buf = (LPBYTE)1;
        DWORD read = 5, total = 5;
        DWORD_PTR resume = 0;

#define CLEARED() assert_true(!buf && !read && !total)
#define RESET()   (buf = (LPBYTE)1, read = 5, total = 5)
        (void)state;
        /* NetUserGetGroups */
        assert_int_equal(
            NetUserGetGroups(NULL, u"root", 2, &buf, MAX_PREFERRED_LENGTH, &read, &total),
            ERROR_INVALID_LEVEL);
        CLEARED();
        RESET();
        assert_int_equal(
            NetUserGetGroups(NULL, u"nope", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total),
            NERR_UserNotFound);
        CLEARED();
        assert_int_equal(NetUserGetGroups(NULL, u"", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total),
                         NERR_UserNotFound);
        assert_int_equal(
            NetUserGetGroups(NULL, u"ROOT", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total),
            NERR_UserNotFound); /* names are case-sensitive on Linux */
        /* a group name is not a user name */
        assert_int_equal(
            NetUserGetGroups(NULL, u"big", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total),
            NERR_UserNotFound);
        assert_int_equal(NetUserGetGroups(NULL, NULL, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total),
                         ERROR_INVALID_PARAMETER);
        assert_int_equal(
            NetUserGetGroups(u"\\", u"root", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total),
            ERROR_INVALID_NAME);
        RESET();
        assert_int_equal(
            NetUserGetGroups(u"\\\\far", u"root", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total),
            NERR_InvalidComputer);
        CLEARED();
        assert_int_equal(NetUserGetGroups(u"\\\\" FIXTURE_NETBIOS, u"root", 0, &buf,
                                          MAX_PREFERRED_LENGTH, &read, &total),
                         NERR_Success);
        NetApiBufferFree(buf);
        assert_int_equal(
            NetUserGetGroups(NULL, u"root", 0, NULL, MAX_PREFERRED_LENGTH, &read, &total),
            ERROR_INVALID_PARAMETER);
        assert_int_equal(
            NetUserGetGroups(NULL, u"root", 0, &buf, MAX_PREFERRED_LENGTH, NULL, &total),
            ERROR_INVALID_PARAMETER);
        assert_int_equal(
            NetUserGetGroups(NULL, u"root", 0, &buf, MAX_PREFERRED_LENGTH, &read, NULL),
            ERROR_INVALID_PARAMETER);
        /* NetUserGetLocalGroups */
        RESET();
        assert_int_equal(
            NetUserGetLocalGroups(NULL, u"root", 1, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total),
            ERROR_INVALID_LEVEL);
        CLEARED();
        RESET();
        assert_int_equal(
            NetUserGetLocalGroups(NULL, u"root", 0, 2, &buf, MAX_PREFERRED_LENGTH, &read, &total),
            ERROR_INVALID_PARAMETER);
        CLEARED();
        assert_int_equal(NetUserGetLocalGroups(NULL, u"root", 0, 0x80000001u, &buf,
                                               MAX_PREFERRED_LENGTH, &read, &total),
                         ERROR_INVALID_PARAMETER);
        RESET();
        assert_int_equal(NetUserGetLocalGroups(NULL, u"nope", 0, LG_INCLUDE_INDIRECT, &buf,
                                               MAX_PREFERRED_LENGTH, &read, &total),
                         NERR_UserNotFound);
        CLEARED();
        assert_int_equal(
            NetUserGetLocalGroups(NULL, NULL, 0, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total),
            ERROR_INVALID_PARAMETER);
        assert_int_equal(NetUserGetLocalGroups(u"\\\\x\\y", u"root", 0, 0, &buf,
                                               MAX_PREFERRED_LENGTH, &read, &total),
                         ERROR_INVALID_NAME);
        assert_int_equal(NetUserGetLocalGroups(u"\\\\far", u"root", 0, 0, &buf,
                                               MAX_PREFERRED_LENGTH, &read, &total),
                         NERR_InvalidComputer);
        /* NetGroupGetInfo */
        assert_int_equal(NetGroupGetInfo(NULL, u"big", 4, &buf), ERROR_INVALID_LEVEL);
        assert_null(buf);
        buf = (LPBYTE)1;
        assert_int_equal(NetGroupGetInfo(NULL, u"nope", 0, &buf), NERR_GroupNotFound);
        assert_null(buf);
        assert_int_equal(NetGroupGetInfo(NULL, u"", 3, &buf), NERR_GroupNotFound);
        assert_int_equal(NetGroupGetInfo(NULL, u"BIG", 0, &buf), NERR_GroupNotFound);
        assert_int_equal(NetGroupGetInfo(NULL, NULL, 0, &buf), ERROR_INVALID_PARAMETER);
        assert_int_equal(NetGroupGetInfo(NULL, u"big", 0, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(NetGroupGetInfo(u"\\", u"big", 0, &buf), ERROR_INVALID_NAME);
        assert_int_equal(NetGroupGetInfo(u"\\\\far", u"big", 0, &buf), NERR_InvalidComputer);
        /* NetGroupGetUsers */
        RESET();
        assert_int_equal(
            NetGroupGetUsers(NULL, u"big", 2, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume),
            ERROR_INVALID_LEVEL);
        CLEARED();
        RESET();
        assert_int_equal(
            NetGroupGetUsers(NULL, u"nope", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume),
            NERR_GroupNotFound);
        CLEARED();
        assert_int_equal(
            NetGroupGetUsers(NULL, u"", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume),
            NERR_GroupNotFound);
        /* a user name is not a group name */
        assert_int_equal(NetGroupGetUsers(NULL, u"user00010", 0, &buf, MAX_PREFERRED_LENGTH, &read,
                                          &total, &resume),
                         NERR_GroupNotFound);
        assert_int_equal(
            NetGroupGetUsers(NULL, NULL, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume),
            ERROR_INVALID_PARAMETER);
        assert_int_equal(
            NetGroupGetUsers(u"\\", u"big", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume),
            ERROR_INVALID_NAME);
        assert_int_equal(NetGroupGetUsers(u"\\\\far", u"big", 0, &buf, MAX_PREFERRED_LENGTH, &read,
                                          &total, &resume),
                         NERR_InvalidComputer);
        assert_int_equal(
            NetGroupGetUsers(NULL, u"big", 0, &buf, MAX_PREFERRED_LENGTH, &read, NULL, &resume),
            ERROR_INVALID_PARAMETER);
        /* a resume handle past the end: nothing, success */
        resume = (DWORD_PTR)FIXTURE_BIG_MEMBERS + 5;
        RESET();
        assert_int_equal(
            NetGroupGetUsers(NULL, u"big", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume),
            NERR_Success);
        CLEARED();
        assert_int_equal(resume, 0);
#undef CLEARED
#undef RESET
}

/* ---- every allocation failing in turn ---- */

static NET_API_STATUS call_user_groups(void *ctx, LPBYTE *buf)
{
        DWORD read, total;

        return NetUserGetGroups(NULL, u"j\u00fcrgen5", *(DWORD *)ctx, buf, MAX_PREFERRED_LENGTH,
                                &read, &total);
}

static NET_API_STATUS call_user_groups_page(void *ctx, LPBYTE *buf)
{
        DWORD read, total;

        (void)ctx;
        return NetUserGetGroups(NULL, u"j\u00fcrgen5", 1, buf, 10, &read, &total);
}

static NET_API_STATUS call_local_groups(void *ctx, LPBYTE *buf)
{
        DWORD read, total;

        (void)ctx;
        return NetUserGetLocalGroups(NULL, u"j\u00fcrgen5", 0, LG_INCLUDE_INDIRECT, buf,
                                     MAX_PREFERRED_LENGTH, &read, &total);
}

static NET_API_STATUS call_group_info(void *ctx, LPBYTE *buf)
{
        return NetGroupGetInfo(NULL, u"\u00e9migr\u00e9s", *(DWORD *)ctx, buf);
}

static NET_API_STATUS call_group_users(void *ctx, LPBYTE *buf)
{
        DWORD read, total;
        DWORD_PTR resume = 0;

        return NetGroupGetUsers(NULL, u"big", *(DWORD *)ctx, buf, MAX_PREFERRED_LENGTH, &read,
                                &total, &resume);
}

static NET_API_STATUS call_group_users_page(void *ctx, LPBYTE *buf)
{
        DWORD read, total;
        DWORD_PTR resume = 7;

        (void)ctx;
        return NetGroupGetUsers(NULL, u"big", 1, buf, 500, &read, &total, &resume);
}

static void every_allocation_failure_is_clean(void **state)
{
        DWORD level;

        (void)state;
        fixture_small_passwd(200);
        for (level = 0; level <= 3; level++) {
                if (level <= 1) {
                        assert_true(fault_walk(call_user_groups, &level, NERR_Success) >= 3);
                        assert_true(fault_walk(call_group_users, &level, NERR_Success) >= 3);
                }
                assert_true(fault_walk(call_group_info, &level, NERR_Success) >= 2);
        }
        fault_walk(call_user_groups_page, NULL, ERROR_MORE_DATA);
        fault_walk(call_local_groups, NULL, NERR_Success);
        fault_walk(call_group_users_page, NULL, ERROR_MORE_DATA);
        fixture_full_passwd();
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(user_groups_equal_id),
            cmocka_unit_test(user_in_no_group),
            cmocka_unit_test(every_user_matches_getent),
            cmocka_unit_test_teardown(user_in_many_groups, fixture_unbind_all),
            cmocka_unit_test_teardown(first_entry_of_a_name_decides, fixture_unbind_all),
            cmocka_unit_test(group_users_equal_getent),
            cmocka_unit_test_teardown(group_users_each_name_once, fixture_unbind_all),
            cmocka_unit_test(group_users_paging_many_prefmaxlen),
            cmocka_unit_test(group_get_info_all_levels),
            cmocka_unit_test(membership_errors),
            cmocka_unit_test(every_allocation_failure_is_clean),
        };

        fixture_enter(FIXTURE_USERS);
        load_getent();
        return cmocka_run_group_tests(tests, NULL, NULL);
}
