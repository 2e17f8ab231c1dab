/* test_netapi_datasets.c - the user and group calls over unusual databases and
 * call sequences: repeated and empty names, extreme uids, huge and odd GECOS
 * fields, invalid UTF-8, members passwd does not know, primary groups that list nobody, no
 * users at all; every prefmaxlen over a small database, resume handles reused
 * across levels and calls, and the database changing between two pages. Each test
 * binds its own passwd and group over the fixture's (fixture_bind_text). */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "fixture.h"

static void with_db(const char *passwd, const char *group)
{
        fixture_bind_text("/etc/passwd", passwd);
        fixture_bind_text("/etc/group", group);
}

static void without_db(void)
{
        fixture_unbind("/etc/group");
        fixture_unbind("/etc/passwd");
}

static const WCHAR *w16(const char *s)
{
        static WCHAR buf[4][8192];
        static int k;

        k = (k + 1) & 3;
        utf8_to_utf16(s, strlen(s), buf[k], 8192);
        return buf[k];
}

/* ---- repeated and empty names ---- */

static const char dup_passwd[] = "root:x:0:0:root:/root:/bin/bash\n"
                                 "alice:x:1000:1000:Alice First:/home/alice:/bin/bash\n"
                                 ":x:1002:1002:no name:/:/bin/sh\n"
                                 "bob:x:1001:1001::/home/bob:/bin/sh\n"
                                 "alice:x:1005:1005:Alice Second:/home/alice2:/bin/sh\n"
                                 "Alice:x:1006:1006:Capital:/home/Alice:/bin/sh\n";
static const char dup_group[] = "root:x:0:\n"
                                "staff:x:50:alice\n"
                                ":x:51:bob\n"
                                "staff:x:52:bob\n"
                                "users:x:100:\n";

static void repeated_user_names_are_listed_once(void **state)
{
        USER_INFO_20 *u = NULL;
        NET_DISPLAY_USER *d = NULL;
        DWORD read = 0, total = 0, resume = 0;

        (void)state;
        with_db(dup_passwd, dup_group);
        assert_int_equal(
            NetUserEnum(NULL, 20, 0, (LPBYTE *)&u, MAX_PREFERRED_LENGTH, &read, &total, &resume),
            NERR_Success);
        /* root, alice (the first line, as getpwnam finds it), bob, Alice: the empty
         * name and the second alice are not accounts a lookup can reach */
        assert_int_equal(read, 4);
        assert_int_equal(total, 4);
        assert_string_equal(u8(u[1].usri20_name, 0), "alice");
        assert_int_equal(u[1].usri20_user_id, 1000);
        assert_string_equal(u8(u[1].usri20_full_name, 0), "Alice First");
        assert_string_equal(u8(u[2].usri20_name, 0), "bob");
        assert_string_equal(u8(u[3].usri20_name, 0), "Alice"); /* names are case-sensitive */
        NetApiBufferFree(u);
        assert_int_equal(NetUserGetInfo(NULL, u"alice", 20, (LPBYTE *)&u), NERR_Success);
        assert_int_equal(u->usri20_user_id, 1000);
        NetApiBufferFree(u);
        /* paging sees the same list: one entry per call */
        resume = 0;
        for (DWORD i = 0; i < 4; i++) {
                USER_INFO_0 *u0 = NULL;
                NET_API_STATUS st =
                    NetUserEnum(NULL, 0, 0, (LPBYTE *)&u0, 1, &read, &total, &resume);

                assert_int_equal(st, i < 3 ? ERROR_MORE_DATA : NERR_Success);
                assert_int_equal(read, 1);
                assert_int_equal(total, 4 - i);
                NetApiBufferFree(u0);
        }
        assert_int_equal(
            NetQueryDisplayInformation(NULL, 1, 0, 100, MAX_PREFERRED_LENGTH, &read, (PVOID *)&d),
            NERR_Success);
        assert_int_equal(read, 4);
        assert_string_equal(u8(d[0].usri1_name, 0), "Alice");
        assert_string_equal(u8(d[1].usri1_name, 0), "alice");
        assert_int_equal(d[1].usri1_user_id, 1000);
        assert_string_equal(u8(d[2].usri1_name, 0), "bob");
        NetApiBufferFree(d);
        without_db();
}

static void repeated_group_names_are_listed_once(void **state)
{
        GROUP_INFO_2 *g = NULL;
        LOCALGROUP_INFO_0 *l = NULL;
        LOCALGROUP_MEMBERS_INFO_1 *m = NULL;
        NET_DISPLAY_GROUP *d = NULL;
        DWORD read = 0, total = 0;

        (void)state;
        with_db(dup_passwd, dup_group);
        assert_int_equal(
            NetGroupEnum(NULL, 2, (LPBYTE *)&g, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        assert_int_equal(read, 3);
        assert_string_equal(u8(g[1].grpi2_name, 0), "staff");
        assert_int_equal(g[1].grpi2_group_id, 50);
        assert_string_equal(u8(g[2].grpi2_name, 0), "users");
        NetApiBufferFree(g);
        assert_int_equal(
            NetLocalGroupEnum(NULL, 0, (LPBYTE *)&l, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        assert_int_equal(read, 3);
        assert_int_equal(total, 3);
        NetApiBufferFree(l);
        assert_int_equal(
            NetQueryDisplayInformation(NULL, 3, 0, 100, MAX_PREFERRED_LENGTH, &read, (PVOID *)&d),
            NERR_Success);
        assert_int_equal(read, 3);
        assert_int_equal(d[1].grpi3_group_id, 50);
        NetApiBufferFree(d);
        /* the members are those of the first staff line, as getgrnam finds it */
        assert_int_equal(NetLocalGroupGetMembers(NULL, u"staff", 1, (LPBYTE *)&m,
                                                 MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 1);
        assert_string_equal(u8(m[0].lgrmi1_name, 0), "alice");
        NetApiBufferFree(m);
        without_db();
}

/* ---- members ---- */

static const char mem_passwd[] = "root:x:0:0:root:/root:/bin/bash\n"
                                 "alice:x:1000:100::/home/alice:/bin/bash\n"
                                 "bob:x:1001:100::/home/bob:/bin/bash\n"
                                 "carol:x:1002:1002::/home/carol:/bin/bash\n"
                                 "dave:x:1003:300::/home/dave:/bin/bash\n"
                                 /* not bob: getpwnam finds the first bob */
                                 "bob:x:1009:300::/home/bob2:/bin/bash\n";
static const char mem_group[] = "root:x:0:\n"
                                "users:x:100:carol,ghost,bob,carol\n"
                                "lonely:x:300:\n"
                                "nobodyhere:x:400:\n"
                                "phantoms:x:500:ghost1,ghost2\n";

/* Members of a Linux group: the names it lists, as getent shows them, each once;
 * a user whose primary group it is but whom it does not list is no member. */
static void listed_members_once(void **state)
{
        static const char *const users[] = {"carol", "ghost", "bob"};
        static const SID_NAME_USE use[] = {SidTypeUser, SidTypeUnknown, SidTypeUser};
        static const unsigned uid[] = {1002, 0, 1001};
        DWORD read = 0, total = 0, level, i;

        (void)state;
        with_db(mem_passwd, mem_group);
        for (level = 0; level <= 3; level++) {
                LPBYTE buf = NULL;

                assert_int_equal(NetLocalGroupGetMembers(NULL, u"users", level, &buf,
                                                         MAX_PREFERRED_LENGTH, &read, &total, NULL),
                                 NERR_Success);
                assert_int_equal(read, 3);
                assert_int_equal(total, 3);
                for (i = 0; i < 3; i++) {
                        LOCALGROUP_MEMBERS_INFO_0 *m0 = (void *)buf;
                        LOCALGROUP_MEMBERS_INFO_1 *m1 = (void *)buf;
                        LOCALGROUP_MEMBERS_INFO_3 *m3 = (void *)buf;
                        char expect[64];
                        const unsigned char *sid = level == 0 ? m0[i].lgrmi0_sid : NULL;

                        snprintf(expect, sizeof(expect), FIXTURE_NETBIOS "\\%s", users[i]);
                        if (level == 1) {
                                assert_string_equal(u8(m1[i].lgrmi1_name, 0), users[i]);
                                assert_int_equal(m1[i].lgrmi1_sidusage, use[i]);
                                sid = m1[i].lgrmi1_sid;
                        }
                        if (level == 3)
                                assert_string_equal(u8(m3[i].lgrmi3_domainandname, 0), expect);
                        if (level <= 1 && use[i] == SidTypeUser) {
                                assert_inside(buf, sid, 16);
                                assert_memory_equal(sid + 12, &uid[i], 4);
                        } else if (level <= 1) {
                                assert_null(sid);
                        }
                }
                NetApiBufferFree(buf);
        }
        /* a group nobody is listed in but that is dave's (and the second bob
         * line's) primary group: no members, as `getent group lonely` shows */
        {
                LOCALGROUP_MEMBERS_INFO_3 *m = NULL;

                assert_int_equal(NetLocalGroupGetMembers(NULL, u"lonely", 3, (LPBYTE *)&m,
                                                         MAX_PREFERRED_LENGTH, &read, &total, NULL),
                                 NERR_Success);
                assert_int_equal(read, 0);
                assert_int_equal(total, 0);
                assert_null(m);
                m = (void *)1;
                assert_int_equal(NetLocalGroupGetMembers(NULL, u"nobodyhere", 3, (LPBYTE *)&m,
                                                         MAX_PREFERRED_LENGTH, &read, &total, NULL),
                                 NERR_Success);
                assert_int_equal(read, 0);
                assert_null(m);
        }
        without_db();
}

/* ---- no users at all ---- */

static void no_users(void **state)
{
        LPBYTE buf = (LPBYTE)1;
        LOCALGROUP_MEMBERS_INFO_1 *m = NULL;
        DWORD read = 9, total = 9, resume = 3;

        (void)state;
        with_db("", mem_group);
        assert_int_equal(NetUserEnum(NULL, 1, 0, &buf, 1, &read, &total, &resume), NERR_Success);
        assert_true(!buf && !read && !total && !resume);
        buf = (LPBYTE)1;
        assert_int_equal(
            NetQueryDisplayInformation(NULL, 1, 0, 100, MAX_PREFERRED_LENGTH, &read, (PVOID *)&buf),
            NERR_Success);
        assert_true(!buf && !read);
        assert_int_equal(NetUserGetInfo(NULL, u"root", 0, &buf), NERR_UserNotFound);
        assert_int_equal(NetLocalGroupGetMembers(NULL, u"phantoms", 1, (LPBYTE *)&m,
                                                 MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 2);
        assert_int_equal(m[0].lgrmi1_sidusage, SidTypeUnknown);
        assert_null(m[1].lgrmi1_sid);
        NetApiBufferFree(m);
        without_db();
        with_db("root:x:0:0::/root:/bin/sh\n", "");
        buf = (LPBYTE)1;
        assert_int_equal(
            NetLocalGroupEnum(NULL, 1, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        assert_true(!buf && !read && !total);
        assert_int_equal(NetLocalGroupGetMembers(NULL, u"root", 0, &buf, MAX_PREFERRED_LENGTH,
                                                 &read, &total, NULL),
                         ERROR_NO_SUCH_ALIAS);
        without_db();
}

/* ---- values ---- */

static char *odd_passwd(void)
{
        size_t cap = 64 * 1024, i;
        char *p = malloc(cap), *o = p;

        o += sprintf(o, "root:x:0:0::/root:/bin/sh\n");
        o += sprintf(o, "nobody:x:65534:65534:Nobody,,,:/nonexistent:/usr/sbin/nologin\n");
        o += sprintf(o, "maxuid:x:4294967294:4294967294:Max:/:\n");
        o += sprintf(o, "nohome:x:2000:2000:,only,commas,::\n");
        /* a name and a GECOS of thousands of bytes */
        o += sprintf(o, "long");
        for (i = 0; i < 1000; i++)
                *o++ = 'x';
        o += sprintf(o, ":x:2001:2001:");
        for (i = 0; i < 3000; i++)
                *o++ = 'F';
        *o++ = ',';
        for (i = 0; i < 5000; i++)
                *o++ = i % 100 == 99 ? ',' : 'c';
        o += sprintf(o, ":/home/long:/bin/false\n");
        o += sprintf(o, "emoji\xf0\x9f\x98\x80:x:2002:2002:\xf0\x9f\x8e\x89 "
                        "Party,\xc3\xa9t\xc3\xa9:/:/bin/sh\n");
        o += sprintf(o, "bad\xff\xc3:x:2003:2003:\xe2\x82:/:/bin/sh\n");
        *o = '\0';
        return p;
}

static void extreme_values(void **state)
{
        USER_INFO_3 *u = NULL;
        USER_INFO_23 *u23 = NULL;
        DWORD read = 0, total = 0, i;
        char *pw = odd_passwd();
        const char *full;

        (void)state;
        with_db(pw, "root:x:0:\n");
        assert_int_equal(
            NetUserEnum(NULL, 3, 0, (LPBYTE *)&u, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        assert_int_equal(read, 7);
        for (i = 0; i < read; i++) {
                assert_str_inside(u, u[i].usri3_name);
                assert_str_inside(u, u[i].usri3_full_name);
                assert_str_inside(u, u[i].usri3_comment);
                assert_str_inside(u, u[i].usri3_home_dir);
        }
        assert_int_equal(u[0].usri3_priv, USER_PRIV_ADMIN);
        assert_int_equal(u[1].usri3_user_id, 65534);
        assert_int_equal(u[1].usri3_priv, USER_PRIV_GUEST);
        assert_true(u[1].usri3_flags & UF_ACCOUNTDISABLE);
        assert_string_equal(u8(u[1].usri3_full_name, 0), "Nobody");
        assert_string_equal(u8(u[1].usri3_comment, 0), ",,");
        assert_int_equal(u[2].usri3_user_id, 4294967294u);
        assert_int_equal(u[2].usri3_primary_group_id, 4294967294u);
        assert_int_equal(u[2].usri3_priv, USER_PRIV_USER);
        assert_false(u[2].usri3_flags & UF_ACCOUNTDISABLE); /* empty shell: /bin/sh */
        /* empty GECOS name, home and shell */
        assert_string_equal(u8(u[3].usri3_full_name, 0), "");
        assert_string_equal(u8(u[3].usri3_comment, 0), "only,commas,");
        assert_string_equal(u8(u[3].usri3_home_dir, 0), "");
        assert_int_equal(utf16_len(u[4].usri3_name), 1004);
        assert_int_equal(utf16_len(u[4].usri3_full_name), 3000);
        assert_int_equal(utf16_len(u[4].usri3_comment), 5000);
        assert_true(u[4].usri3_flags & UF_ACCOUNTDISABLE);
        /* a 4-byte UTF-8 character is a surrogate pair */
        assert_int_equal(u[5].usri3_name[5], 0xd83d);
        assert_int_equal(u[5].usri3_name[6], 0xde00);
        full = u8(u[5].usri3_full_name, 0);
        assert_string_equal(full, "\xf0\x9f\x8e\x89 Party");
        assert_string_equal(u8(u[5].usri3_comment, 0), "\xc3\xa9t\xc3\xa9");
        /* invalid UTF-8: each bad sequence is one U+FFFD */
        assert_int_equal(utf16_len(u[6].usri3_name), 5);
        assert_int_equal(u[6].usri3_name[3], 0xfffd);
        assert_int_equal(u[6].usri3_name[4], 0xfffd);
        assert_int_equal(u[6].usri3_full_name[0], 0xfffd);
        NetApiBufferFree(u);
        assert_int_equal(NetUserGetInfo(NULL, w16("emoji\xf0\x9f\x98\x80"), 23, (LPBYTE *)&u23),
                         NERR_Success);
        assert_memory_equal((const unsigned char *)u23->usri23_user_sid + 12, &(unsigned){2002}, 4);
        NetApiBufferFree(u23);
        assert_int_equal(NetUserGetInfo(NULL, u"maxuid", 23, (LPBYTE *)&u23), NERR_Success);
        assert_memory_equal((const unsigned char *)u23->usri23_user_sid + 12,
                            &(unsigned){4294967294u}, 4);
        NetApiBufferFree(u23);
        without_db();
        free(pw);
}

/* ---- paging ---- */

static char *numbered_passwd(size_t n)
{
        char *p = malloc(n * 96 + 1), *o = p;
        size_t i;

        for (i = 0; i < n; i++)
                o += sprintf(o, "u%zu:x:%zu:%zu:Name %zu,c%zu:/home/%.*s:/bin/sh\n", i, 3000 + i,
                             3000 + i, i, i, (int)(i % 40),
                             "dddddddddddddddddddddddddddddddddddddddd");
        *o = '\0';
        return p;
}

/* ASCII home, comment and full name of every length around the 8-byte steps
 * (users a0..a17), then one non-ASCII character or bad byte at every position of a
 * 17-byte one (b0..b16): ASCII and the rest take different paths to a result. */
static char *step_passwd(void)
{
        size_t cap = 16 * 1024, i;
        char *p = malloc(cap), *o = p;

        for (i = 0; i <= 17; i++)
                o += sprintf(o, "a%zu:x:%zu:1:%.*s,%.*s:%.*s:/bin/sh\n", i, 3000 + i, (int)i,
                             "FFFFFFFFFFFFFFFFF", (int)i, "cccccccccccccccccc", (int)i,
                             "hhhhhhhhhhhhhhhhhh");
        for (i = 0; i < 17; i++)
                o += sprintf(
                    o,
                    "b%zu:x:%zu:1:%.*s\xc3\xa9%.*s,%.*s\xff%.*s:%.*s\xf0\x9f\x98\x80%.*s:/bin/sh\n",
                    i, 4000 + i, (int)i, "FFFFFFFFFFFFFFFFF", (int)(16 - i), "FFFFFFFFFFFFFFFFF",
                    (int)i, "cccccccccccccccccc", (int)(16 - i), "cccccccccccccccccc", (int)i,
                    "hhhhhhhhhhhhhhhhhh", (int)(16 - i), "hhhhhhhhhhhhhhhhhh");
        *o = '\0';
        return p;
}

static void strings_of_every_length_and_byte(void **state)
{
        USER_INFO_3 *u = NULL;
        USER_INFO_1 *u1 = NULL;
        DWORD read = 0, total = 0, i, k;
        char *pw = step_passwd(), want[64];

        (void)state;
        with_db(pw, "root:x:0:\n");
        assert_int_equal(
            NetUserEnum(NULL, 3, 0, (LPBYTE *)&u, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        assert_int_equal(
            NetUserEnum(NULL, 1, 0, (LPBYTE *)&u1, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        assert_int_equal(read, 35);
        for (i = 0; i <= 17; i++) {
                snprintf(want, sizeof(want), "%.*s", (int)i, "FFFFFFFFFFFFFFFFF");
                assert_string_equal(u8(u[i].usri3_full_name, 0), want);
                snprintf(want, sizeof(want), "%.*s", (int)i, "cccccccccccccccccc");
                assert_string_equal(u8(u[i].usri3_comment, 0), want);
                assert_string_equal(u8(u1[i].usri1_comment, 0), want);
                snprintf(want, sizeof(want), "%.*s", (int)i, "hhhhhhhhhhhhhhhhhh");
                assert_string_equal(u8(u[i].usri3_home_dir, 0), want);
                assert_string_equal(u8(u1[i].usri1_home_dir, 0), want);
        }
        for (i = 0; i < 17; i++) {
                const USER_INFO_3 *b = &u[18 + i];

                assert_int_equal(utf16_len(b->usri3_full_name), 17);
                assert_int_equal(b->usri3_full_name[i], 0xe9);
                assert_int_equal(utf16_len(b->usri3_comment), 17);
                assert_int_equal(utf16_len(u1[18 + i].usri1_comment), 17);
                assert_int_equal(utf16_len(b->usri3_home_dir), 18);
                assert_int_equal(b->usri3_home_dir[i], 0xd83d);
                assert_int_equal(b->usri3_home_dir[i + 1], 0xde00);
                for (k = 0; k < 17; k++) {
                        assert_int_equal(b->usri3_comment[k], k == i ? 0xfffd : 'c');
                        assert_int_equal(u1[18 + i].usri1_comment[k], k == i ? 0xfffd : 'c');
                }
                assert_memory_equal(u1[18 + i].usri1_home_dir, b->usri3_home_dir,
                                    wbytes(b->usri3_home_dir));
        }
        NetApiBufferFree(u);
        NetApiBufferFree(u1);
        without_db();
        free(pw);
}

/* One full walk of NetUserEnum at one level and preference: every user once, in
 * order, whole entries within the preference unless one alone is larger. */
static void walk_users(DWORD level, DWORD pref, size_t n)
{
        DWORD resume = 0, read, total;
        size_t seen = 0;
        NET_API_STATUS st;
        char name[32];

        do {
                LPBYTE buf = NULL;
                DWORD size = 0, i;

                st = NetUserEnum(NULL, level, 0, &buf, pref, &read, &total, &resume);
                if (st != NERR_Success && st != ERROR_MORE_DATA)
                        fail_msg("level %u pref %u: status %u", (unsigned)level, (unsigned)pref,
                                 (unsigned)st);
                assert_true(read >= 1);
                assert_int_equal(total, n - seen);
                assert_int_equal(NetApiBufferSize(buf, &size), NERR_Success);
                if (read > 1 && size > pref)
                        fail_msg("level %u pref %u: %u entries in %u bytes", (unsigned)level,
                                 (unsigned)pref, (unsigned)read, (unsigned)size);
                for (i = 0; i < read; i++) {
                        const WCHAR *nm = level == 0 ? ((USER_INFO_0 *)buf)[i].usri0_name
                                                     : ((USER_INFO_1 *)buf)[i].usri1_name;

                        snprintf(name, sizeof(name), "u%zu", seen + i);
                        assert_string_equal(u8(nm, 0), name);
                        assert_str_inside(buf, nm);
                }
                seen += read;
                assert_int_equal(resume, st == ERROR_MORE_DATA ? seen : 0);
                NetApiBufferFree(buf);
        } while (st == ERROR_MORE_DATA);
        assert_int_equal(seen, n);
}

static void every_prefmaxlen(void **state)
{
        enum { N = 40 };
        char *pw = numbered_passwd(N);
        DWORD pref;

        (void)state;
        with_db(pw, "root:x:0:\n");
        for (pref = 0; pref <= 700; pref++) {
                walk_users(0, pref, N);
                walk_users(1, pref, N);
        }
        for (pref = 701; pref <= 9000; pref += 97)
                walk_users(1, pref, N);
        walk_users(0, MAX_PREFERRED_LENGTH, N);
        walk_users(1, MAX_PREFERRED_LENGTH - 1, N);
        without_db();
        free(pw);
}

/* A NULL resume handle cannot resume: the first page every time. A handle is an
 * index into the list, whatever the level that produced it. */
static void resume_handles(void **state)
{
        char *pw = numbered_passwd(10);
        USER_INFO_0 *u0 = NULL;
        USER_INFO_20 *u20 = NULL;
        DWORD read, total, resume = 0;
        DWORD_PTR gresume = 0;
        LOCALGROUP_INFO_0 *l = NULL;
        GROUP_INFO_0 *g = NULL;
        int k;

        (void)state;
        with_db(pw, "a:x:1:\nb:x:2:\nc:x:3:\nd:x:4:\n");
        for (k = 0; k < 2; k++) {
                assert_int_equal(NetUserEnum(NULL, 0, 0, (LPBYTE *)&u0, 1, &read, &total, NULL),
                                 ERROR_MORE_DATA);
                assert_int_equal(read, 1);
                assert_int_equal(total, 10);
                assert_string_equal(u8(u0[0].usri0_name, 0), "u0");
                NetApiBufferFree(u0);
        }
        assert_int_equal(NetUserEnum(NULL, 0, 0, (LPBYTE *)&u0, 1, &read, &total, &resume),
                         ERROR_MORE_DATA);
        NetApiBufferFree(u0);
        assert_int_equal(resume, 1);
        assert_int_equal(
            NetUserEnum(NULL, 20, 0, (LPBYTE *)&u20, MAX_PREFERRED_LENGTH, &read, &total, &resume),
            NERR_Success);
        assert_int_equal(read, 9);
        assert_string_equal(u8(u20[0].usri20_name, 0), "u1");
        assert_int_equal(u20[0].usri20_user_id, 3001);
        assert_int_equal(resume, 0);
        NetApiBufferFree(u20);
        /* NetGroupEnum's handle continues NetLocalGroupEnum: the same list */
        assert_int_equal(NetGroupEnum(NULL, 0, (LPBYTE *)&g, 1, &read, &total, &gresume),
                         ERROR_MORE_DATA);
        NetApiBufferFree(g);
        assert_int_equal(gresume, 1);
        assert_int_equal(
            NetLocalGroupEnum(NULL, 0, (LPBYTE *)&l, MAX_PREFERRED_LENGTH, &read, &total, &gresume),
            NERR_Success);
        assert_int_equal(read, 3);
        assert_string_equal(u8(l[0].lgrpi0_name, 0), "b");
        NetApiBufferFree(l);
        without_db();
        free(pw);
}

/* Between two pages a user is removed before the resume point and another added:
 * the next page is whole entries of the new database from that index on. */
static void database_changes_between_pages(void **state)
{
        char *pw = numbered_passwd(10), *changed = numbered_passwd(12);
        USER_INFO_1 *u = NULL;
        DWORD read, total, resume = 0, i;

        (void)state;
        with_db(pw, "root:x:0:\n");
        assert_int_equal(NetUserEnum(NULL, 1, 0, (LPBYTE *)&u, 1, &read, &total, &resume),
                         ERROR_MORE_DATA);
        NetApiBufferFree(u);
        assert_int_equal(NetUserEnum(NULL, 1, 0, (LPBYTE *)&u, 1, &read, &total, &resume),
                         ERROR_MORE_DATA);
        NetApiBufferFree(u);
        assert_int_equal(resume, 2);
        /* u0 removed, u10 and u11 added */
        fixture_bind_text("/etc/passwd", strchr(changed, '\n') + 1);
        assert_int_equal(
            NetUserEnum(NULL, 1, 0, (LPBYTE *)&u, MAX_PREFERRED_LENGTH, &read, &total, &resume),
            NERR_Success);
        assert_int_equal(read, 9);
        assert_int_equal(total, 9);
        for (i = 0; i < read; i++) {
                char name[16];

                snprintf(name, sizeof(name), "u%u", (unsigned)(i + 3));
                assert_string_equal(u8(u[i].usri1_name, 0), name);
                assert_str_inside(u, u[i].usri1_home_dir);
        }
        NetApiBufferFree(u);
        /* everything removed: a stale handle is past the end */
        fixture_bind_text("/etc/passwd", "");
        resume = 5;
        u = (void *)1;
        assert_int_equal(NetUserEnum(NULL, 1, 0, (LPBYTE *)&u, 1, &read, &total, &resume),
                         NERR_Success);
        assert_true(!u && !read && !total && !resume);
        fixture_unbind("/etc/passwd");
        fixture_unbind("/etc/passwd");
        without_db();
        free(pw);
        free(changed);
}

/* A group of 6,000 members walked with the smallest preferences: every member once. */
static void huge_group_tiny_pages(void **state)
{
        enum { M = 6000 };
        char *gr = malloc(M * 12 + 64), *o = gr;
        char *pw = numbered_passwd(50);
        static const DWORD levels[] = {3, 1};
        size_t i, l;

        (void)state;
        o += sprintf(o, "root:x:0:\nhuge:x:7000:");
        for (i = 0; i < M; i++)
                o += sprintf(o, "%su%zu", i ? "," : "", i);
        o += sprintf(o, "\n");
        with_db(pw, gr);
        for (l = 0; l < 2; l++) {
                DWORD_PTR resume = 0;
                DWORD read, total;
                size_t seen = 0;
                NET_API_STATUS st;

                do {
                        LOCALGROUP_MEMBERS_INFO_1 *m1 = NULL;
                        char name[32];

                        st = NetLocalGroupGetMembers(NULL, u"huge", levels[l], (LPBYTE *)&m1,
                                                     l ? 100 : 1, &read, &total, &resume);
                        assert_true(st == NERR_Success || st == ERROR_MORE_DATA);
                        assert_true(read >= 1);
                        assert_int_equal(total, M - seen);
                        for (i = 0; i < read; i++) {
                                const char *s = levels[l] == 3
                                                    ? strchr(u8(((LOCALGROUP_MEMBERS_INFO_3 *)m1)[i]
                                                                    .lgrmi3_domainandname,
                                                                0),
                                                             '\\') +
                                                          1
                                                    : u8(m1[i].lgrmi1_name, 0);

                                snprintf(name, sizeof(name), "u%zu", seen + i);
                                assert_string_equal(s, name);
                                if (levels[l] == 1)
                                        assert_int_equal(m1[i].lgrmi1_sidusage,
                                                         seen + i < 50 ? SidTypeUser
                                                                       : SidTypeUnknown);
                        }
                        seen += read;
                        assert_int_equal(resume, st == ERROR_MORE_DATA ? seen : 0);
                        NetApiBufferFree(m1);
                } while (st == ERROR_MORE_DATA);
                assert_int_equal(seen, M);
        }
        without_db();
        free(gr);
        free(pw);
}

/* NetQueryDisplayInformation: Index is where to start, next_index where to go on;
 * EntriesRequested bounds each call. */
static void display_index_and_limits(void **state)
{
        char *pw = numbered_passwd(30);
        NET_DISPLAY_USER *d = NULL;
        DWORD got, index = 0, seen = 0;
        NET_API_STATUS st;

        (void)state;
        with_db(pw, "root:x:0:\n");
        do {
                st = NetQueryDisplayInformation(NULL, 1, index, 7, MAX_PREFERRED_LENGTH, &got,
                                                (PVOID *)&d);
                assert_true(st == NERR_Success || st == ERROR_MORE_DATA);
                assert_int_equal(got, seen + 7 <= 30 ? 7 : 30 - seen);
                assert_int_equal(d[got - 1].usri1_next_index, index + got);
                index = d[got - 1].usri1_next_index;
                seen += got;
                NetApiBufferFree(d);
        } while (st == ERROR_MORE_DATA);
        assert_int_equal(seen, 30);
        /* the last entry alone, and one past it */
        assert_int_equal(
            NetQueryDisplayInformation(NULL, 1, 29, 1, MAX_PREFERRED_LENGTH, &got, (PVOID *)&d),
            NERR_Success);
        assert_int_equal(got, 1);
        assert_int_equal(d[0].usri1_next_index, 30);
        NetApiBufferFree(d);
        d = (void *)1;
        assert_int_equal(
            NetQueryDisplayInformation(NULL, 1, 30, 1, MAX_PREFERRED_LENGTH, &got, (PVOID *)&d),
            NERR_Success);
        assert_true(!got && !d);
        without_db();
        free(pw);
}

static NET_API_STATUS call_members(void *ctx, LPBYTE *buf)
{
        DWORD read, total;

        return NetLocalGroupGetMembers(NULL, u"users", *(DWORD *)ctx, buf, MAX_PREFERRED_LENGTH,
                                       &read, &total, NULL);
}

static NET_API_STATUS call_users(void *ctx, LPBYTE *buf)
{
        DWORD read, total;

        return NetUserEnum(NULL, *(DWORD *)ctx, 0, buf, MAX_PREFERRED_LENGTH, &read, &total, NULL);
}

static void every_allocation_failure_is_clean(void **state)
{
        DWORD level;

        (void)state;
        with_db(mem_passwd, mem_group);
        for (level = 0; level <= 3; level++)
                assert_true(fault_walk(call_members, &level, NERR_Success) > 4);
        without_db();
        with_db(dup_passwd, dup_group);
        level = 1;
        fault_walk(call_users, &level, NERR_Success);
        without_db();
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test_teardown(repeated_user_names_are_listed_once, fixture_unbind_all),
            cmocka_unit_test_teardown(repeated_group_names_are_listed_once, fixture_unbind_all),
            cmocka_unit_test_teardown(listed_members_once, fixture_unbind_all),
            cmocka_unit_test_teardown(no_users, fixture_unbind_all),
            cmocka_unit_test_teardown(extreme_values, fixture_unbind_all),
            cmocka_unit_test_teardown(strings_of_every_length_and_byte, fixture_unbind_all),
            cmocka_unit_test_teardown(every_prefmaxlen, fixture_unbind_all),
            cmocka_unit_test_teardown(resume_handles, fixture_unbind_all),
            cmocka_unit_test_teardown(database_changes_between_pages, fixture_unbind_all),
            cmocka_unit_test_teardown(huge_group_tiny_pages, fixture_unbind_all),
            cmocka_unit_test_teardown(display_index_and_limits, fixture_unbind_all),
            cmocka_unit_test_teardown(every_allocation_failure_is_clean, fixture_unbind_all),
        };

        fixture_enter(10);
        return cmocka_run_group_tests(tests, NULL, NULL);
}
