/* test_netapi_wksta_users.c - NetWkstaUserEnum over the fixture's utmp: the logins
 * getutxent reads and `who` lists (USER_PROCESS records, local and remote, a user
 * logged on twice listed twice), level 1 as NetWkstaUserGetInfo gives it, paging,
 * every error, and every allocation failing in turn. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <utmpx.h>

#include "check.h"
#include "fixture.h"

#define MAX_LOGINS 300
#define PAGED      40 /* logins paged through: ~1,100 bytes at level 0, ~4,700 at 1 */

/* The users of utmp's USER_PROCESS records, in file order, read with getutxent. */
static size_t utmp_users(char names[][sizeof(((struct utmpx *)0)->ut_user) + 1], size_t cap)
{
        struct utmpx *u;
        size_t n = 0;

        setutxent();
        while ((u = getutxent()) && n < cap)
                if (u->ut_type == USER_PROCESS)
                        snprintf(names[n++], sizeof(names[0]), "%.*s", (int)sizeof(u->ut_user),
                                 u->ut_user);
        endutxent();
        return n;
}

static WKSTA_USER_INFO_0 *enum_0(DWORD *read, DWORD *total)
{
        WKSTA_USER_INFO_0 *w = (void *)1;
        DWORD resume = 0;

        assert_int_equal(
            NetWkstaUserEnum(NULL, 0, (LPBYTE *)&w, MAX_PREFERRED_LENGTH, read, total, &resume),
            NERR_Success);
        assert_int_equal(resume, 0);
        return w;
}

static void lists_the_logins_of_utmp(void **state)
{
        static char names[MAX_LOGINS][sizeof(((struct utmpx *)0)->ut_user) + 1];
        DWORD read = 0, total = 0, i;
        WKSTA_USER_INFO_0 *w = enum_0(&read, &total);
        size_t n = utmp_users(names, MAX_LOGINS);

        (void)state;
        assert_int_equal(read, 3);
        assert_int_equal(total, 3);
        assert_int_equal(n, 3);
        for (i = 0; i < read; i++) {
                assert_string_equal(u8(w[i].wkui0_username, 0), names[i]);
                assert_str_inside(w, w[i].wkui0_username);
        }
        assert_string_equal(u8(w[0].wkui0_username, 0), "user00001");      /* remote */
        assert_string_equal(u8(w[1].wkui0_username, 0), "j\xc3\xbcrgen5"); /* local */
        assert_block_at_least(w, 3 * sizeof(*w) + wbytes(w[0].wkui0_username) +
                                     wbytes(w[1].wkui0_username) + wbytes(w[2].wkui0_username));
        NetApiBufferFree(w);
}

/* The same count as NetWkstaGetInfo's logged_on_users and NetSessionEnum's sessions. */
static void agrees_with_wksta_and_sessions(void **state)
{
        WKSTA_INFO_102 *k = NULL;
        SESSION_INFO_10 *s = NULL;
        DWORD read = 0, total = 0, sread = 0, stotal = 0, i;
        WKSTA_USER_INFO_0 *w = enum_0(&read, &total);

        (void)state;
        assert_int_equal(NetWkstaGetInfo(NULL, 102, (LPBYTE *)&k), NERR_Success);
        assert_int_equal(k->wki102_logged_on_users, read);
        assert_int_equal(NetSessionEnum(NULL, NULL, NULL, 10, (LPBYTE *)&s, MAX_PREFERRED_LENGTH,
                                        &sread, &stotal, NULL),
                         NERR_Success);
        assert_int_equal(sread, read);
        for (i = 0; i < read; i++)
                assert_string_equal(u8(w[i].wkui0_username, 0), u8(s[i].sesi10_username, 1));
        NetApiBufferFree(k);
        NetApiBufferFree(s);
        NetApiBufferFree(w);
}

static void level_1_as_wksta_user_get_info(void **state)
{
        WKSTA_USER_INFO_1 *w = NULL, *me = NULL;
        DWORD read = 0, total = 0, i;

        (void)state;
        assert_int_equal(NetWkstaUserGetInfo(NULL, 1, (LPBYTE *)&me), NERR_Success);
        assert_int_equal(
            NetWkstaUserEnum(u"", 1, (LPBYTE *)&w, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        assert_int_equal(read, 3);
        assert_string_equal(u8(w[2].wkui1_username, 0), "user00002");
        for (i = 0; i < read; i++) {
                assert_string_equal(u8(w[i].wkui1_logon_domain, 0), FIXTURE_NETBIOS);
                assert_string_equal(u8(w[i].wkui1_logon_server, 0), FIXTURE_NETBIOS);
                assert_string_equal(u8(w[i].wkui1_oth_domains, 0), "");
                assert_string_equal(u8(w[i].wkui1_logon_domain, 0), u8(me->wkui1_logon_domain, 1));
                assert_string_equal(u8(w[i].wkui1_logon_server, 0), u8(me->wkui1_logon_server, 1));
                assert_string_equal(u8(w[i].wkui1_oth_domains, 0), u8(me->wkui1_oth_domains, 1));
                assert_str_inside(w, w[i].wkui1_username);
                assert_str_inside(w, w[i].wkui1_logon_domain);
                assert_str_inside(w, w[i].wkui1_oth_domains);
                assert_str_inside(w, w[i].wkui1_logon_server);
        }
        NetApiBufferFree(w);
        NetApiBufferFree(me);
}

static struct utmpx login(short type, const char *user, const char *line, const char *host)
{
        struct utmpx u;

        memset(&u, 0, sizeof(u));
        u.ut_type = type;
        u.ut_pid = getpid(); /* alive, so that `who` lists it */
        strncpy(u.ut_line, line, sizeof(u.ut_line));
        strncpy(u.ut_user, user, sizeof(u.ut_user));
        strncpy(u.ut_host, host, sizeof(u.ut_host));
        u.ut_tv.tv_sec = (int32_t)time(NULL) - 50;
        return u;
}

/* `who` hides logins whose process is gone (coreutils checks ut_pid); with live
 * processes it lists exactly the entries NetWkstaUserEnum returns, in its order. */
static void same_logins_as_who(void **state)
{
        struct utmpx u[8];
        char *who, *line, *nl;
        WKSTA_USER_INFO_0 *w;
        DWORD read = 0, total = 0, i;
        size_t n = 0;

        (void)state;
        u[n++] = login(BOOT_TIME, "reboot", "~", "");
        u[n++] = login(USER_PROCESS, "user00001", "pts/0", "192.0.2.5");
        u[n++] = login(USER_PROCESS, "j\xc3\xbcrgen5", "tty1", "");
        u[n++] = login(LOGIN_PROCESS, "LOGIN", "tty2", "");
        u[n++] = login(USER_PROCESS, "user00001", "pts/1", "other.example");
        u[n++] = login(USER_PROCESS, "user00003", ":0", ":0");
        u[n++] = login(DEAD_PROCESS, "", "pts/2", "");
        fixture_utmp(u, n);
        who = fixture_run("who | cut -d' ' -f1");
        assert_non_null(who);
        w = enum_0(&read, &total);
        assert_int_equal(read, 4);
        for (i = 0, line = who; i < read; i++, line = nl + 1) {
                nl = strchr(line, '\n');
                assert_non_null(nl);
                *nl = '\0';
                assert_string_equal(u8(w[i].wkui0_username, 0), line);
        }
        assert_string_equal(line, "");
        free(who);
        NetApiBufferFree(w);
}

/* Only USER_PROCESS records count; a user logged on twice (two terminals, or a
 * local and a remote login) is two entries, as Windows lists one per logon session;
 * a name that fills ut_user comes back whole. */
static void which_records_count(void **state)
{
        static const short others[] = {EMPTY,         RUN_LVL,      BOOT_TIME,
                                       NEW_TIME,      OLD_TIME,     INIT_PROCESS,
                                       LOGIN_PROCESS, DEAD_PROCESS, ACCOUNTING};
        static const char *const expect[] = {"user00005", "user00005", "user00006", "user00005"};
        struct utmpx u[16];
        char full[sizeof(u[0].ut_user) + 1];
        WKSTA_USER_INFO_0 *w;
        DWORD read = 0, total = 0, i;
        size_t n = 0, k;

        (void)state;
        for (k = 0; k < sizeof(others) / sizeof(others[0]); k++)
                u[n++] = login(others[k], "ghost", "pts/9", "ghost.example");
        u[n++] = login(USER_PROCESS, "user00005", "pts/1", "a.example");
        u[n++] = login(USER_PROCESS, "user00005", "pts/2", "a.example");
        u[n++] = login(USER_PROCESS, "user00006", ":0", ":0");
        u[n++] = login(USER_PROCESS, "user00005", "tty3", "");
        u[n] = login(USER_PROCESS, "", "pts/4", "b.example");
        memset(u[n++].ut_user, 'U', sizeof(u[0].ut_user));
        fixture_utmp(u, n);
        w = enum_0(&read, &total);
        assert_int_equal(read, 5);
        assert_int_equal(total, 5);
        for (i = 0; i < 4; i++)
                assert_string_equal(u8(w[i].wkui0_username, 0), expect[i]);
        memset(full, 'U', sizeof(full) - 1);
        full[sizeof(full) - 1] = '\0';
        assert_string_equal(u8(w[4].wkui0_username, 0), full);
        NetApiBufferFree(w);
        /* nobody logged on: no entries, no error */
        fixture_utmp(u, 0);
        w = enum_0(&read, &total);
        assert_null(w);
        assert_int_equal(read, 0);
        assert_int_equal(total, 0);
}

static void many_logins(size_t n)
{
        static struct utmpx u[MAX_LOGINS];
        char name[32], line[32]; /* room for any size_t, as the optimiser checks */
        size_t i;

        for (i = 0; i < n; i++) {
                fixture_user_name(i, name, sizeof(name));
                snprintf(line, sizeof(line), "pts/%zu", i);
                u[i] = login(USER_PROCESS, name, line, i % 3 ? "remote.example" : "");
        }
        fixture_utmp(u, n);
}

/* Pages through all logins with one prefmaxlen: whole entries, at least one per
 * call, each login exactly once and in utmp order, totals counting from the resume
 * index, resume 0 at the end. */
static void page_through(DWORD level, DWORD pref)
{
        DWORD resume = 0, read, total;
        size_t seen = 0, i;
        NET_API_STATUS st;
        char name[32];

        do {
                LPBYTE buf = NULL;
                const WKSTA_USER_INFO_0 *w0;
                const WKSTA_USER_INFO_1 *w1;

                st = NetWkstaUserEnum(NULL, level, &buf, pref, &read, &total, &resume);
                assert_true(st == NERR_Success || st == ERROR_MORE_DATA);
                assert_int_equal(total, PAGED - seen);
                assert_true(read >= 1);
                w0 = (const void *)buf;
                w1 = (const void *)buf;
                for (i = 0; i < read; i++)
                        assert_string_equal(level ? u8(w1[i].wkui1_username, 0)
                                                  : u8(w0[i].wkui0_username, 0),
                                            fixture_user_name(seen + i, name, sizeof(name)));
                seen += read;
                assert_int_equal(resume, st == ERROR_MORE_DATA ? seen : 0);
                NetApiBufferFree(buf);
        } while (st == ERROR_MORE_DATA);
        assert_int_equal(seen, PAGED);
}

/* Every prefmaxlen from 0 to 700 at level 0 (an entry is 8 bytes and its name), every
 * third to 1,200 at level 1 (32 bytes and three strings), and some larger. (Each
 * call rereads utmp, which glibc reads a record at a time under a file lock.) */
static void paging(void **state)
{
        static const DWORD big[] = {2000, 4000, 9000, MAX_PREFERRED_LENGTH};
        DWORD pref;
        size_t i;

        (void)state;
        many_logins(PAGED);
        for (pref = 0; pref <= 700; pref++)
                page_through(0, pref);
        for (pref = 0; pref <= 1200; pref += 3)
                page_through(1, pref);
        for (i = 0; i < sizeof(big) / sizeof(big[0]); i++) {
                page_through(0, big[i]);
                page_through(1, big[i]);
        }
        fixture_default_utmp();
}

static void resume_past_the_end(void **state)
{
        LPBYTE buf = (LPBYTE)1;
        DWORD read = 1, total = 1, resume = 3;

        (void)state;
        assert_int_equal(
            NetWkstaUserEnum(NULL, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume),
            NERR_Success);
        assert_true(!buf && !read && !total && !resume);
        resume = 1000;
        assert_int_equal(
            NetWkstaUserEnum(NULL, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, &resume),
            NERR_Success);
        assert_true(!buf && !read && !total && !resume);
}

static void errors(void **state)
{
        static const DWORD bad_levels[] = {2, 10, 100, 1101, 0xFFFFFFFF};
        LPBYTE buf = (LPBYTE)1;
        DWORD read = 1, total = 1, resume = 7;
        size_t i;

        (void)state;
        for (i = 0; i < sizeof(bad_levels) / sizeof(bad_levels[0]); i++) {
                buf = (LPBYTE)1, read = total = 1;
                assert_int_equal(NetWkstaUserEnum(NULL, bad_levels[i], &buf, MAX_PREFERRED_LENGTH,
                                                  &read, &total, &resume),
                                 ERROR_INVALID_LEVEL);
                assert_true(!buf && !read && !total);
                assert_int_equal(resume, 7); /* left alone on an error */
        }
        buf = (LPBYTE)1, read = total = 1;
        assert_int_equal(
            NetWkstaUserEnum(u"\\\\elsewhere", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_InvalidComputer);
        assert_true(!buf && !read && !total);
        assert_int_equal(
            NetWkstaUserEnum(u"\\", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            ERROR_INVALID_NAME);
        assert_int_equal(
            NetWkstaUserEnum(u"a*b", 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            ERROR_INVALID_NAME);
        buf = (LPBYTE)1, read = total = 1;
        assert_int_equal(NetWkstaUserEnum(NULL, 0, &buf, MAX_PREFERRED_LENGTH, &read, NULL, NULL),
                         ERROR_INVALID_PARAMETER);
        assert_true(!buf && !read);
        assert_int_equal(NetWkstaUserEnum(NULL, 0, &buf, MAX_PREFERRED_LENGTH, NULL, &total, NULL),
                         ERROR_INVALID_PARAMETER);
        assert_int_equal(NetWkstaUserEnum(NULL, 0, NULL, MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         ERROR_INVALID_PARAMETER);
        /* this machine under each of its names */
        assert_int_equal(NetWkstaUserEnum(u"\\\\" FIXTURE_NETBIOS, 0, &buf, MAX_PREFERRED_LENGTH,
                                          &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 3);
        NetApiBufferFree(buf);
        assert_int_equal(
            NetWkstaUserEnum(u"localhost", 1, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            NERR_Success);
        assert_int_equal(read, 3);
        NetApiBufferFree(buf);
}

static int default_utmp(void **state)
{
        (void)state;
        fixture_default_utmp();
        return 0;
}

static NET_API_STATUS call(void *ctx, LPBYTE *buf)
{
        DWORD read, total, resume = 1;

        return NetWkstaUserEnum(NULL, *(DWORD *)ctx, buf, 1, &read, &total, &resume);
}

static void every_allocation_failure_is_clean(void **state)
{
        DWORD level;

        (void)state;
        for (level = 0; level <= 1; level++)
                assert_true(fault_walk(call, &level, ERROR_MORE_DATA) > 2);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(lists_the_logins_of_utmp),
            cmocka_unit_test_teardown(same_logins_as_who, default_utmp),
            cmocka_unit_test(agrees_with_wksta_and_sessions),
            cmocka_unit_test(level_1_as_wksta_user_get_info),
            cmocka_unit_test_teardown(which_records_count, default_utmp),
            cmocka_unit_test_teardown(paging, default_utmp),
            cmocka_unit_test(resume_past_the_end),
            cmocka_unit_test(errors),
            cmocka_unit_test(every_allocation_failure_is_clean),
        };

        fixture_enter(300);
        return cmocka_run_group_tests(tests, NULL, NULL);
}
