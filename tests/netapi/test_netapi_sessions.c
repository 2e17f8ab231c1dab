/* test_netapi_sessions.c - NetSessionEnum over the fixture's utmp: three logins
 * (two remote, one local) among boot, login and dead records that must not count. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <utmpx.h>

#include "check.h"
#include "fixture.h"

static void all_logins_level_10(void **state)
{
        SESSION_INFO_10 *s = NULL;
        DWORD read = 0, total = 0, resume = 0;

        (void)state;
        assert_int_equal(NetSessionEnum(NULL, NULL, NULL, 10, (LPBYTE *)&s, MAX_PREFERRED_LENGTH,
                                        &read, &total, &resume),
                         NERR_Success);
        assert_int_equal(read, 3);
        assert_int_equal(total, 3);
        assert_string_equal(u8(s[0].sesi10_cname, 0), "\\\\10.0.0.5");
        assert_string_equal(u8(s[0].sesi10_username, 1), "user00001");
        assert_in_range(s[0].sesi10_time, 3595, 3700);
        assert_string_equal(u8(s[1].sesi10_cname, 0), "\\\\" FIXTURE_NETBIOS);
        assert_string_equal(u8(s[1].sesi10_username, 1), "j\xc3\xbcrgen5");
        assert_in_range(s[1].sesi10_time, 595, 700);
        assert_string_equal(u8(s[2].sesi10_cname, 0), "\\\\client.example");
        assert_in_range(s[2].sesi10_time, 55, 160);
        assert_str_inside(s, s[2].sesi10_username);
        assert_block_at_least(s, 3 * sizeof(*s) + wbytes(s[0].sesi10_cname) +
                                     wbytes(s[1].sesi10_cname) + wbytes(s[2].sesi10_cname));
        NetApiBufferFree(s);
}

static void levels_0_and_1(void **state)
{
        SESSION_INFO_0 *s0 = NULL;
        SESSION_INFO_1 *s1 = NULL;
        DWORD read = 0, total = 0;

        (void)state;
        assert_int_equal(NetSessionEnum(u"", NULL, NULL, 0, (LPBYTE *)&s0, MAX_PREFERRED_LENGTH,
                                        &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 3);
        assert_string_equal(u8(s0[2].sesi0_cname, 0), "\\\\client.example");
        NetApiBufferFree(s0);
        assert_int_equal(NetSessionEnum(NULL, NULL, NULL, 1, (LPBYTE *)&s1, MAX_PREFERRED_LENGTH,
                                        &read, &total, NULL),
                         NERR_Success);
        assert_string_equal(u8(s1[0].sesi1_username, 0), "user00001");
        assert_int_equal(s1[0].sesi1_num_opens, 0);
        assert_int_equal(s1[0].sesi1_user_flags, 0);
        NetApiBufferFree(s1);
}

static void filters_by_client_and_user(void **state)
{
        SESSION_INFO_10 *s = NULL;
        DWORD read = 0, total = 0;

        (void)state;
        assert_int_equal(NetSessionEnum(NULL, u"\\\\10.0.0.5", NULL, 10, (LPBYTE *)&s,
                                        MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 1);
        assert_string_equal(u8(s[0].sesi10_username, 0), "user00001");
        NetApiBufferFree(s);
        assert_int_equal(NetSessionEnum(NULL, NULL, u"user00002", 10, (LPBYTE *)&s,
                                        MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 1);
        assert_string_equal(u8(s[0].sesi10_cname, 0), "\\\\client.example");
        NetApiBufferFree(s);
        assert_int_equal(NetSessionEnum(NULL, NULL, u"user00003", 10, (LPBYTE *)&s,
                                        MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 0);
        assert_null(s);
        s = (void *)1;
        assert_int_equal(NetSessionEnum(NULL, u"\\\\nobody-here", NULL, 10, (LPBYTE *)&s,
                                        MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_ClientNameNotFound);
        assert_null(s);
        assert_int_equal(NetSessionEnum(NULL, NULL, u"no-such-user", 10, (LPBYTE *)&s,
                                        MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_UserNotFound);
}

static void paging_one_by_one(void **state)
{
        static const DWORD prefs[] = {0, 1, 40, 60, 100, 1000};
        size_t p;

        (void)state;
        for (p = 0; p < sizeof(prefs) / sizeof(prefs[0]); p++) {
                DWORD resume = 0, read, total;
                size_t seen = 0;
                NET_API_STATUS st;

                do {
                        SESSION_INFO_0 *s = NULL;

                        st = NetSessionEnum(NULL, NULL, NULL, 0, (LPBYTE *)&s, prefs[p], &read,
                                            &total, &resume);
                        assert_true(st == NERR_Success || st == ERROR_MORE_DATA);
                        assert_int_equal(total, 3 - seen);
                        assert_true(read >= 1);
                        seen += read;
                        NetApiBufferFree(s);
                } while (st == ERROR_MORE_DATA);
                assert_int_equal(seen, 3);
        }
}

static void errors(void **state)
{
        LPBYTE buf = (LPBYTE)1;
        DWORD read = 1, total = 1;

        (void)state;
        assert_int_equal(
            NetSessionEnum(NULL, NULL, NULL, 2, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            ERROR_INVALID_LEVEL);
        assert_true(!buf && !read && !total);
        assert_int_equal(NetSessionEnum(u"\\\\elsewhere", NULL, NULL, 0, &buf, MAX_PREFERRED_LENGTH,
                                        &read, &total, NULL),
                         NERR_InvalidComputer);
        assert_int_equal(
            NetSessionEnum(u"\\", NULL, NULL, 0, &buf, MAX_PREFERRED_LENGTH, &read, &total, NULL),
            ERROR_INVALID_NAME);
        assert_int_equal(
            NetSessionEnum(NULL, NULL, NULL, 0, &buf, MAX_PREFERRED_LENGTH, &read, NULL, NULL),
            ERROR_INVALID_PARAMETER);
}

static struct utmpx login(short type, const char *user, const char *line, const char *host,
                          time_t when)
{
        struct utmpx u;

        memset(&u, 0, sizeof(u));
        u.ut_type = type;
        u.ut_pid = 4242;
        strncpy(u.ut_line, line, sizeof(u.ut_line));
        strncpy(u.ut_user, user, sizeof(u.ut_user));
        strncpy(u.ut_host, host, sizeof(u.ut_host));
        u.ut_tv.tv_sec = (int32_t)when;
        return u;
}

/* Logins whose host utmp left empty but whose address it kept, X displays, every
 * other record type, repeated logins, times in the future and before 1970, and
 * fields that fill their whole utmp array (no NUL). */
static void unusual_utmp_records(void **state)
{
        static const short others[] = {EMPTY,         RUN_LVL,      BOOT_TIME,
                                       NEW_TIME,      OLD_TIME,     INIT_PROCESS,
                                       LOGIN_PROCESS, DEAD_PROCESS, ACCOUNTING};
        struct utmpx u[32];
        time_t now = time(NULL);
        SESSION_INFO_10 *s = NULL;
        DWORD read = 0, total = 0;
        size_t n = 0, i;
        char full_user[sizeof(u[0].ut_user) + 1], full_host[sizeof(u[0].ut_host) + 3];

        (void)state;
        for (i = 0; i < sizeof(others) / sizeof(others[0]); i++)
                u[n++] = login(others[i], "user00001", "pts/9", "ghost.example", now - 5);
        u[n] = login(USER_PROCESS, "user00001", "pts/3", "", now - 100);
        memcpy(u[n++].ut_addr_v6, (const unsigned char[]){192, 0, 2, 7}, 4);
        u[n] = login(USER_PROCESS, "user00002", "pts/4", "", now - 100);
        memcpy(u[n++].ut_addr_v6,
               (const unsigned char[]){0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
               16);
        u[n] = login(USER_PROCESS, "user00003", "pts/5", "", now - 100);
        memcpy(u[n++].ut_addr_v6,
               (const unsigned char[]){0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 198, 51, 100, 9},
               16);
        u[n++] = login(USER_PROCESS, "user00004", ":0", ":0", now - 100);
        u[n++] = login(USER_PROCESS, "user00005", "pts/6", "twice.example", now - 100);
        u[n++] = login(USER_PROCESS, "user00005", "pts/6", "twice.example", now - 100);
        u[n++] = login(USER_PROCESS, "user00006", "pts/7", "future.example", now + 100000);
        u[n++] = login(USER_PROCESS, "user00007", "pts/8", "past.example", -5);
        memset(full_user, 'U', sizeof(full_user) - 1);
        full_user[sizeof(full_user) - 1] = '\0';
        u[n] = login(USER_PROCESS, "", "pts/10", "", now - 100);
        memset(u[n].ut_user, 'U', sizeof(u[n].ut_user));
        memset(u[n].ut_host, 'h', sizeof(u[n].ut_host));
        n++;
        fixture_utmp(u, n);
        assert_int_equal(NetSessionEnum(NULL, NULL, NULL, 10, (LPBYTE *)&s, MAX_PREFERRED_LENGTH,
                                        &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 9);
        assert_string_equal(u8(s[0].sesi10_cname, 0), "\\\\192.0.2.7");
        assert_string_equal(u8(s[1].sesi10_cname, 0), "\\\\2001:db8::1");
        assert_string_equal(u8(s[2].sesi10_cname, 0), "\\\\198.51.100.9");
        assert_string_equal(u8(s[3].sesi10_cname, 0), "\\\\" FIXTURE_NETBIOS);
        assert_string_equal(u8(s[4].sesi10_cname, 0), "\\\\twice.example");
        assert_string_equal(u8(s[5].sesi10_cname, 0), "\\\\twice.example");
        assert_int_equal(s[6].sesi10_time, 0);
        assert_int_equal(s[7].sesi10_time, 0);
        assert_string_equal(u8(s[8].sesi10_username, 0), full_user);
        memset(full_host, 'h', sizeof(full_host) - 1);
        full_host[0] = full_host[1] = '\\';
        full_host[sizeof(full_host) - 1] = '\0';
        assert_string_equal(u8(s[8].sesi10_cname, 0), full_host);
        for (i = 0; i < read; i++) {
                assert_str_inside(s, s[i].sesi10_cname);
                assert_str_inside(s, s[i].sesi10_username);
                if (i != 6 && i != 7)
                        assert_in_range(s[i].sesi10_time, 95, 200);
        }
        NetApiBufferFree(s);
        assert_int_equal(NetSessionEnum(NULL, u"\\\\2001:db8::1", NULL, 10, (LPBYTE *)&s,
                                        MAX_PREFERRED_LENGTH, &read, &total, NULL),
                         NERR_Success);
        assert_int_equal(read, 1);
        assert_string_equal(u8(s[0].sesi10_username, 0), "user00002");
        NetApiBufferFree(s);
        /* an empty utmp: no sessions, no error */
        fixture_utmp(u, 0);
        s = (void *)1;
        assert_int_equal(NetSessionEnum(NULL, NULL, NULL, 10, (LPBYTE *)&s, MAX_PREFERRED_LENGTH,
                                        &read, &total, NULL),
                         NERR_Success);
        assert_true(!s && !read && !total);
        fixture_default_utmp();
}

static int default_utmp(void **state)
{
        (void)state;
        fixture_default_utmp();
        return 0;
}

static NET_API_STATUS call(void *ctx, LPBYTE *buf)
{
        DWORD read, total;

        return NetSessionEnum(NULL, u"\\\\10.0.0.5", NULL, *(DWORD *)ctx, buf, MAX_PREFERRED_LENGTH,
                              &read, &total, NULL);
}

static void every_allocation_failure_is_clean(void **state)
{
        static const DWORD levels[] = {0, 1, 10};
        size_t i;

        (void)state;
        for (i = 0; i < 3; i++)
                assert_true(fault_walk(call, (void *)&levels[i], NERR_Success) > 2);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(all_logins_level_10),
            cmocka_unit_test(levels_0_and_1),
            cmocka_unit_test(filters_by_client_and_user),
            cmocka_unit_test(paging_one_by_one),
            cmocka_unit_test(errors),
            cmocka_unit_test_teardown(unusual_utmp_records, default_utmp),
            cmocka_unit_test(every_allocation_failure_is_clean),
        };

        fixture_enter(100);
        return cmocka_run_group_tests(tests, NULL, NULL);
}
