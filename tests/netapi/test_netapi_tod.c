/* test_netapi_tod.c - NetRemoteTOD against the clock read around the call:
 * time(2)/clock_gettime before and after bound every field, the broken-down fields
 * agree with gmtime_r of tod_elapsedt, the zone follows TZ (UTC, west, east, a
 * half-hour zone, a zone with daylight saving) as localtime_r sees it, and errors. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "fixture.h"

static char saved_tz[256];
static int had_tz;

static TIME_OF_DAY_INFO *tod_now(void)
{
        TIME_OF_DAY_INFO *t = (void *)1;

        assert_int_equal(NetRemoteTOD(NULL, (LPBYTE *)&t), NERR_Success);
        assert_non_null(t);
        assert_block_at_least(t, sizeof(*t));
        return t;
}

static unsigned long long boot_ms(void)
{
        struct timespec ts;

        assert_int_equal(clock_gettime(CLOCK_BOOTTIME, &ts), 0);
        return (unsigned long long)ts.tv_sec * 1000u + (unsigned long long)ts.tv_nsec / 1000000u;
}

static void layout_is_windows_x64(void **state)
{
        (void)state;
        assert_int_equal(sizeof(TIME_OF_DAY_INFO), 48);
        assert_int_equal(offsetof(TIME_OF_DAY_INFO, tod_timezone), 24);
        assert_int_equal(offsetof(TIME_OF_DAY_INFO, tod_weekday), 44);
}

/* Each field lies between the clock read before and after the call; the broken-down
 * fields are those of tod_elapsedt in UTC. Repeated to catch a second boundary. */
static void fields_within_the_window(void **state)
{
        int k;

        (void)state;
        for (k = 0; k < 50; k++) {
                unsigned long long ms0 = boot_ms(), ms1;
                time_t t0 = time(NULL), t1, e;
                TIME_OF_DAY_INFO *t = tod_now();
                struct tm g;

                t1 = time(NULL);
                ms1 = boot_ms();
                e = (time_t)t->tod_elapsedt;
                assert_in_range(t->tod_elapsedt, (DWORD)t0, (DWORD)t1);
                assert_in_range(t->tod_msecs, (DWORD)ms0, (DWORD)ms1); /* wraps like DWORD */
                assert_non_null(gmtime_r(&e, &g));
                assert_int_equal(t->tod_hours, g.tm_hour);
                assert_int_equal(t->tod_mins, g.tm_min);
                assert_int_equal(t->tod_secs, g.tm_sec);
                assert_int_equal(t->tod_day, g.tm_mday);
                assert_int_equal(t->tod_month, g.tm_mon + 1);
                assert_int_equal(t->tod_year, g.tm_year + 1900);
                assert_int_equal(t->tod_weekday, g.tm_wday);
                assert_in_range(t->tod_hunds, 0, 99);
                assert_in_range(t->tod_hours, 0, 23);
                assert_in_range(t->tod_day, 1, 31);
                assert_in_range(t->tod_tinterval, 1, 10000); /* a tick of at most 1 s */
                NetApiBufferFree(t);
        }
}

/* Two calls: time and the boot counter both move forward. */
static void monotonic_between_calls(void **state)
{
        TIME_OF_DAY_INFO *a = tod_now(), *b;
        struct timespec pause = {0, 30000000};

        (void)state;
        nanosleep(&pause, NULL);
        b = tod_now();
        assert_true(b->tod_elapsedt >= a->tod_elapsedt);
        assert_true((DWORD)(b->tod_msecs - a->tod_msecs) >= 30);
        assert_true((DWORD)(b->tod_msecs - a->tod_msecs) < 30000);
        assert_int_equal(a->tod_tinterval, b->tod_tinterval);
        NetApiBufferFree(a);
        NetApiBufferFree(b);
}

static LONG expected_zone(time_t at)
{
        struct tm lt;

        assert_non_null(localtime_r(&at, &lt));
        return (LONG)(-lt.tm_gmtoff / 60);
}

static int restore_tz(void **state)
{
        (void)state;
        if (had_tz)
                setenv("TZ", saved_tz, 1);
        else
                unsetenv("TZ");
        tzset();
        return 0;
}

/* tod_timezone: minutes from UTC, west positive (Microsoft), following TZ. */
static void zone_follows_tz(void **state)
{
        static const struct {
                const char *tz;
                LONG minutes; /* LONG_MIN: whatever localtime_r says (daylight saving) */
        } zones[] = {
            {"UTC0", 0},
            {"XST5", 300},
            {"PST8", 480},
            {"JST-9", -540},
            {"NPT-5:45", -345},
            {"NST3:30", 210},
            {"CET-1CEST,M3.5.0,M10.5.0/3", -2147483647 - 1},
            {"EST5EDT,M3.2.0,M11.1.0", -2147483647 - 1},
        };
        size_t i;

        (void)state;
        for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
                TIME_OF_DAY_INFO *t;

                setenv("TZ", zones[i].tz, 1);
                tzset();
                t = tod_now();
                if (zones[i].minutes != -2147483647 - 1)
                        assert_int_equal(t->tod_timezone, zones[i].minutes);
                assert_int_equal(t->tod_timezone, expected_zone((time_t)t->tod_elapsedt));
                /* the UTC fields do not move with the zone */
                {
                        time_t e = (time_t)t->tod_elapsedt;
                        struct tm g;

                        gmtime_r(&e, &g);
                        assert_int_equal(t->tod_hours, g.tm_hour);
                }
                NetApiBufferFree(t);
        }
}

static void errors_and_server_names(void **state)
{
        static const WCHAR *const local[] = {
            NULL,         u"",          u"\\\\" FIXTURE_NETBIOS,         u"\\\\" FIXTURE_HOSTNAME,
            u"localhost", u"127.0.0.1", u"\\\\winnet-netapi-test-host.",
        };
        LPBYTE buf = (LPBYTE)1;
        size_t i;

        (void)state;
        assert_int_equal(NetRemoteTOD(NULL, NULL), ERROR_INVALID_PARAMETER);
        assert_int_equal(NetRemoteTOD(u"\\\\elsewhere", &buf), NERR_InvalidComputer);
        assert_null(buf);
        buf = (LPBYTE)1;
        assert_int_equal(NetRemoteTOD(u"\\", &buf), ERROR_INVALID_NAME);
        assert_null(buf);
        buf = (LPBYTE)1;
        assert_int_equal(NetRemoteTOD(u"\\\\a/b", &buf), ERROR_INVALID_NAME);
        assert_null(buf);
        for (i = 0; i < sizeof(local) / sizeof(local[0]); i++) {
                buf = NULL;
                assert_int_equal(NetRemoteTOD(local[i], &buf), NERR_Success);
                assert_non_null(buf);
                NetApiBufferFree(buf);
        }
}

static NET_API_STATUS call(void *ctx, LPBYTE *buf)
{
        (void)ctx;
        return NetRemoteTOD(NULL, buf);
}

static void every_allocation_failure_is_clean(void **state)
{
        (void)state;
        assert_int_equal(fault_walk(call, NULL, NERR_Success), 2);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(layout_is_windows_x64),
            cmocka_unit_test(fields_within_the_window),
            cmocka_unit_test(monotonic_between_calls),
            cmocka_unit_test_teardown(zone_follows_tz, restore_tz),
            cmocka_unit_test(errors_and_server_names),
            cmocka_unit_test(every_allocation_failure_is_clean),
        };
        const char *tz = getenv("TZ");

        if (tz) {
                had_tz = 1;
                snprintf(saved_tz, sizeof(saved_tz), "%s", tz);
        }
        fixture_enter(10);
        return cmocka_run_group_tests(tests, NULL, NULL);
}
