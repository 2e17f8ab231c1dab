/* test_netapi_groups.c - NetLocalGroupEnum, NetGroupEnum, NetLocalGroupGetInfo and
 * NetLocalGroupGetMembers over a generated group database (a group of 5,000
 * members, non-ASCII names, a member passwd does not know), compared with
 * `getent group`; paging with many prefmaxlen values; errors; faults. */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "fixture.h"

struct grline {
        char *name, *members;
        unsigned gid;
};

static struct grline gr[256];
static size_t ngr;

static void load_getent(void)
{
        char *out = fixture_run("getent group"), *line, *save = NULL;

        assert_non_null(out);
        for (line = strtok_r(out, "\n", &save); line && ngr < 256;
             line = strtok_r(NULL, "\n", &save)) {
                char *f[4], *p = line;
                int i;

                for (i = 0; i < 4; i++)
                        f[i] = strsep(&p, ":");
                gr[ngr++] = (struct grline){f[0], f[3], (unsigned)atoi(f[2])};
        }
}

static void local_groups_equal_getent(void **state)
{
        LOCALGROUP_INFO_1 *g = NULL;
        DWORD read = 0, total = 0;
        DWORD_PTR resume = 0;
        size_t i;

        (void)state;
        assert_int_equal(
            NetLocalGroupEnum(NULL, 1, (LPBYTE *)&g, MAX_PREFERRED_LENGTH, &read, &total, &resume),
            NERR_Success);
        assert_int_equal(read, ngr);
        assert_int_equal(total, ngr);
        assert_int_equal(resume, 0);
        for (i = 0; i < read; i++) {
                assert_string_equal(u8(g[i].lgrpi1_name, 0), gr[i].name);
                assert_string_equal(u8(g[i].lgrpi1_comment, 1), "");
                assert_str_inside(g, g[i].lgrpi1_name);
                assert_str_inside(g, g[i].lgrpi1_comment);
        }
        NetApiBufferFree(g);
}

static void global_groups_carry_the_gid(void **state)
{
        GROUP_INFO_2 *g = NULL;
        GROUP_INFO_3 *g3 = NULL;
        DWORD read = 0, total = 0;
        size_t i;

        (void)state;
        assert_int_equal(
            NetGroupEnum(NULL, 2, (LPBYTE *)&g, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        assert_int_equal(read, ngr);
        for (i = 0; i < read; i++) {
                assert_string_equal(u8(g[i].grpi2_name, 0), gr[i].name);
                assert_int_equal(g[i].grpi2_group_id, gr[i].gid);
                assert_int_equal(g[i].grpi2_attributes, 7);
        }
        NetApiBufferFree(g);
        /* level 3: the SID in place of the gid, S-1-22-2-<gid>, inside the block */
        assert_int_equal(
            NetGroupEnum(NULL, 3, (LPBYTE *)&g3, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        assert_int_equal(read, ngr);
        for (i = 0; i < read; i++) {
                const unsigned char *sid = g3[i].grpi3_group_sid;

                assert_string_equal(u8(g3[i].grpi3_name, 0), gr[i].name);
                assert_string_equal(u8(g3[i].grpi3_comment, 1), "");
                assert_inside(g3, sid, 16);
                assert_int_equal(sid[0], 1);
                assert_int_equal(sid[7], 22);
                assert_int_equal(sid[8], 2);
                assert_memory_equal(sid + 12, &gr[i].gid, 4);
                assert_int_equal(g3[i].grpi3_attributes, 7);
        }
        NetApiBufferFree(g3);
        assert_int_equal(NetGroupEnum(NULL, 0, (LPBYTE *)&g, 100, &read, &total, NULL),
                         ERROR_MORE_DATA);
        assert_true(read >= 1 && read < ngr);
        NetApiBufferFree(g);
}

static void group_paging_every_group_once(void **state)
{
        DWORD prefs[] = {0, 1, 16, 40, 100, 333, 1024, MAX_PREFERRED_LENGTH};
        size_t p;

        (void)state;
        for (p = 0; p < sizeof(prefs) / sizeof(prefs[0]); p++) {
                DWORD_PTR resume = 0;
                DWORD read, total;
                size_t seen = 0;
                NET_API_STATUS st;

                do {
                        LOCALGROUP_INFO_0 *g = NULL;
                        size_t i;

                        st = NetLocalGroupEnum(NULL, 0, (LPBYTE *)&g, prefs[p], &read, &total,
                                               &resume);
                        assert_true(st == NERR_Success || st == ERROR_MORE_DATA);
                        assert_int_equal(total, ngr - seen);
                        for (i = 0; i < read; i++)
                                assert_string_equal(u8(g[i].lgrpi0_name, 0), gr[seen + i].name);
                        seen += read;
                        NetApiBufferFree(g);
                } while (st == ERROR_MORE_DATA);
                assert_int_equal(seen, ngr);
                assert_int_equal(resume, 0);
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

/* The members of getent's line, one by one. */
static size_t split_members(char *list, char **out, size_t cap)
{
        size_t n = 0;
        char *m;

        while (n < cap && (m = strsep(&list, ",")) && *m)
                out[n++] = m;
        return n;
}

static void big_group_members_all_levels(void **state)
{
        static char *names[FIXTURE_BIG_MEMBERS + 1];
        const struct grline *g = find(FIXTURE_BIG_GROUP);
        char *copy, expect[512];
        size_t n, i;
        DWORD level;

        (void)state;
        assert_non_null(g);
        copy = strdup(g->members);
        n = split_members(copy, names, FIXTURE_BIG_MEMBERS + 1);
        assert_int_equal(n, FIXTURE_BIG_MEMBERS);
        for (level = 0; level <= 3; level++) {
                LPBYTE buf = NULL;
                DWORD read = 0, total = 0;

                assert_int_equal(NetLocalGroupGetMembers(NULL, u"big", level, &buf,
                                                         MAX_PREFERRED_LENGTH, &read, &total, NULL),
                                 NERR_Success);
                assert_int_equal(read, n);
                for (i = 0; i < n; i++) {
                        LOCALGROUP_MEMBERS_INFO_1 *m1 = (void *)buf;
                        LOCALGROUP_MEMBERS_INFO_2 *m2 = (void *)buf;
                        LOCALGROUP_MEMBERS_INFO_3 *m3 = (void *)buf;
                        const unsigned char *sid =
                            level == 0   ? ((LOCALGROUP_MEMBERS_INFO_0 *)buf)[i].lgrmi0_sid
                            : level == 1 ? m1[i].lgrmi1_sid
                                         : m2[i].lgrmi2_sid;

                        snprintf(expect, sizeof(expect), "%s\\%s", FIXTURE_NETBIOS, names[i]);
                        if (level < 3) {
                                assert_inside(buf, sid, 16);
                                assert_int_equal(sid[7], 22);
                        }
                        if (level == 1) {
                                assert_string_equal(u8(m1[i].lgrmi1_name, 0), names[i]);
                                assert_int_equal(m1[i].lgrmi1_sidusage, SidTypeUser);
                                assert_str_inside(buf, m1[i].lgrmi1_name);
                        }
                        if (level == 2)
                                assert_string_equal(u8(m2[i].lgrmi2_domainandname, 0), expect);
                        if (level == 3) {
                                assert_string_equal(u8(m3[i].lgrmi3_domainandname, 0), expect);
                                assert_str_inside(buf, m3[i].lgrmi3_domainandname);
                        }
                }
                NetApiBufferFree(buf);
        }
        free(copy);
}

static void unknown_member_has_no_sid(void **state)
{
        LOCALGROUP_MEMBERS_INFO_1 *m = NULL;
        DWORD read = 0, total = 0;

        (void)state;
        assert_int_equal(NetLocalGroupGetMembers(NULL, u"mixed", 1, (LPBYTE *)&m,
                                                 MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 3);
        assert_string_equal(u8(m[0].lgrmi1_name, 0), "root");
        assert_int_equal(m[0].lgrmi1_sidusage, SidTypeUser);
        assert_int_equal(((unsigned char *)m[0].lgrmi1_sid)[12], 0);
        assert_string_equal(u8(m[1].lgrmi1_name, 0), "ghost");
        assert_int_equal(m[1].lgrmi1_sidusage, SidTypeUnknown);
        assert_null(m[1].lgrmi1_sid);
        assert_string_equal(u8(m[2].lgrmi1_name, 0), "j\xc3\xbcrgen5");
        NetApiBufferFree(m);
        assert_int_equal(NetLocalGroupGetMembers(NULL, u"empty", 1, (LPBYTE *)&m,
                                                 MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 0);
        assert_null(m);
}

/* The small-preference walks: every member exactly once, whole entries, at least
 * one per call, resume handle = members returned so far. Preferences below one
 * entry all behave like 1: only 1 walks the whole list (5,000 calls), the others
 * check their first pages. */
static void member_paging_many_prefmaxlen(void **state)
{
        static const struct {
                DWORD pref;
                size_t max_calls;
        } prefs[] = {{0, 5},
                     {1, (size_t)-1},
                     {7, 5},
                     {8, 5},
                     {64, 5},
                     {100, 5},
                     {999, (size_t)-1},
                     {4096, (size_t)-1},
                     {65536, (size_t)-1},
                     {MAX_PREFERRED_LENGTH, (size_t)-1}};
        size_t p;

        (void)state;
        for (p = 0; p < sizeof(prefs) / sizeof(prefs[0]); p++) {
                size_t calls = 0;
                DWORD_PTR resume = 0;
                DWORD read, total;
                size_t seen = 0;
                NET_API_STATUS st;
                char name[64];

                do {
                        LOCALGROUP_MEMBERS_INFO_3 *m = NULL;
                        size_t i, bytes = 0;

                        st = NetLocalGroupGetMembers(NULL, u"big", 3, (LPBYTE *)&m, prefs[p].pref,
                                                     &read, &total, &resume);
                        assert_true(st == NERR_Success || st == ERROR_MORE_DATA);
                        assert_true(read >= 1);
                        assert_int_equal(total, FIXTURE_BIG_MEMBERS - seen);
                        for (i = 0; i < read; i++) {
                                const char *s = u8(m[i].lgrmi3_domainandname, 0);

                                fixture_user_name(seen + i, name, sizeof(name));
                                assert_string_equal(strchr(s, '\\') + 1, name);
                                bytes += sizeof(*m) + wbytes(m[i].lgrmi3_domainandname);
                        }
                        if (read > 1)
                                assert_true(bytes <= prefs[p].pref);
                        assert_block_at_least(m, bytes);
                        seen += read;
                        assert_int_equal(resume, st == ERROR_MORE_DATA ? seen : 0);
                        NetApiBufferFree(m);
                } while (st == ERROR_MORE_DATA && ++calls < prefs[p].max_calls);
                if (st == NERR_Success)
                        assert_int_equal(seen, FIXTURE_BIG_MEMBERS);
                else
                        assert_int_equal(seen, prefs[p].max_calls); /* one entry per call */
        }
}

static void local_group_get_info(void **state)
{
        LOCALGROUP_INFO_1 *g = NULL;

        (void)state;
        assert_int_equal(NetLocalGroupGetInfo(NULL, u"\u00e9migr\u00e9s", 1, (LPBYTE *)&g),
                         NERR_Success);
        assert_string_equal(u8(g->lgrpi1_name, 0), "\xc3\xa9migr\xc3\xa9s");
        assert_string_equal(u8(g->lgrpi1_comment, 1), "");
        assert_block_at_least(g, sizeof(*g) + wbytes(g->lgrpi1_name) + 2);
        NetApiBufferFree(g);
        g = (void *)1;
        assert_int_equal(NetLocalGroupGetInfo(NULL, u"nope", 1, (LPBYTE *)&g), NERR_GroupNotFound);
        assert_null(g);
        assert_int_equal(NetLocalGroupGetInfo(NULL, u"big", 0, (LPBYTE *)&g), ERROR_INVALID_LEVEL);
        assert_int_equal(NetLocalGroupGetInfo(NULL, NULL, 1, (LPBYTE *)&g),
                         ERROR_INVALID_PARAMETER);
        assert_int_equal(NetLocalGroupGetInfo(u"\\\\far", u"big", 1, (LPBYTE *)&g),
                         NERR_InvalidComputer);
        assert_int_equal(NetLocalGroupGetInfo(NULL, u"big", 1, NULL), ERROR_INVALID_PARAMETER);
}

static void group_errors(void **state)
{
        LPBYTE buf = (LPBYTE)1;
        DWORD read = 5, total = 5;

        (void)state;
        assert_int_equal(
            NetLocalGroupEnum(NULL, 2, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            ERROR_INVALID_LEVEL);
        assert_true(!buf && !read && !total);
        assert_int_equal(NetGroupEnum(NULL, 4, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         ERROR_INVALID_LEVEL);
        assert_int_equal(NetGroupEnum(u"\\", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         ERROR_INVALID_NAME);
        assert_int_equal(NetLocalGroupGetMembers(NULL, u"big", 4, &buf, MAX_PREFERRED_LENGTH, &read,
                                                 &total, NULL),
                         ERROR_INVALID_LEVEL);
        /* Microsoft documents ERROR_NO_SUCH_ALIAS here, NERR_GroupNotFound for GetInfo */
        assert_int_equal(NetLocalGroupGetMembers(NULL, u"nope", 0, &buf, MAX_PREFERRED_LENGTH,
                                                 &read, &total, NULL),
                         ERROR_NO_SUCH_ALIAS);
        assert_true(!buf && !read && !total);
        assert_int_equal(
            NetLocalGroupGetMembers(NULL, u"", 3, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            ERROR_NO_SUCH_ALIAS);
        assert_true(!buf && !read && !total);
        assert_int_equal(
            NetLocalGroupGetMembers(NULL, NULL, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            ERROR_INVALID_PARAMETER);
        assert_int_equal(NetLocalGroupGetMembers(u"\\\\x", u"big", 0, &buf, MAX_PREFERRED_LENGTH,
                                                 &read, &total, NULL),
                         NERR_InvalidComputer);
        assert_int_equal(NetLocalGroupEnum(NULL, 0, &buf, MAX_PREFERRED_LENGTH, NULL, &total, NULL),
                         ERROR_INVALID_PARAMETER);
}

static NET_API_STATUS call_local_enum(void *ctx, LPBYTE *buf)
{
        DWORD read, total;

        return NetLocalGroupEnum(NULL, *(DWORD *)ctx, buf, MAX_PREFERRED_LENGTH, &read, &total,
                                 NULL);
}

static NET_API_STATUS call_group_enum(void *ctx, LPBYTE *buf)
{
        DWORD read, total;

        return NetGroupEnum(NULL, *(DWORD *)ctx, buf, 200, &read, &total, NULL);
}

static NET_API_STATUS call_members(void *ctx, LPBYTE *buf)
{
        DWORD read, total;
        DWORD_PTR resume = 0;

        return NetLocalGroupGetMembers(NULL, u"big", *(DWORD *)ctx, buf, MAX_PREFERRED_LENGTH,
                                       &read, &total, &resume);
}

static NET_API_STATUS call_get_info(void *ctx, LPBYTE *buf)
{
        (void)ctx;
        return NetLocalGroupGetInfo(NULL, u"big", 1, buf);
}

static void every_allocation_failure_is_clean(void **state)
{
        DWORD level;

        (void)state;
        fixture_small_passwd(200);
        for (level = 0; level <= 3; level++) {
                if (level <= 1)
                        assert_true(fault_walk(call_local_enum, &level, NERR_Success) >= 3);
                fault_walk(call_group_enum, &level, ERROR_MORE_DATA);
                assert_true(fault_walk(call_members, &level, NERR_Success) >= 3);
        }
        fault_walk(call_get_info, NULL, NERR_Success);
        fixture_full_passwd();
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(local_groups_equal_getent),
            cmocka_unit_test(global_groups_carry_the_gid),
            cmocka_unit_test(group_paging_every_group_once),
            cmocka_unit_test(big_group_members_all_levels),
            cmocka_unit_test(unknown_member_has_no_sid),
            cmocka_unit_test(member_paging_many_prefmaxlen),
            cmocka_unit_test(local_group_get_info),
            cmocka_unit_test(group_errors),
            cmocka_unit_test(every_allocation_failure_is_clean),
        };

        fixture_enter(FIXTURE_USERS);
        load_getent();
        return cmocka_run_group_tests(tests, NULL, NULL);
}
