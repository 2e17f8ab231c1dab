/* test_netapi_sessions.c - NetSessionEnum over the fixture's utmp: three logins
 * (two remote, one local) among boot, login and dead records that must not count. */
#include <stdio.h>
#include <stdlib.h>

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
            cmocka_unit_test(every_allocation_failure_is_clean),
        };

        fixture_enter(100);
        return cmocka_run_group_tests(tests, NULL, NULL);
}
