/* test_netapi_display.c - NetQueryDisplayInformation: users, machine accounts and
 * groups sorted by name, at most 100 per call, continued through next_index. */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "fixture.h"

static int cmp16(const WCHAR *a, const WCHAR *b)
{
        while (*a && *a == *b)
                a++, b++;
        return (int)*a - (int)*b;
}

static void users_sorted_and_continued(void **state)
{
        DWORD index = 0, got, total = 0;
        WCHAR last[256] = {0};
        NET_API_STATUS st;

        (void)state;
        do {
                NET_DISPLAY_USER *u = NULL;
                DWORD i;

                st = NetQueryDisplayInformation(NULL, 1, index, 1000, MAX_PREFERRED_LENGTH, &got,
                                                (PVOID *)&u);
                assert_true(st == NERR_Success || st == ERROR_MORE_DATA);
                assert_true(got <= 100);
                for (i = 0; i < got; i++) {
                        assert_true(cmp16(last, u[i].usri1_name) < 0);
                        memcpy(last, u[i].usri1_name, wbytes(u[i].usri1_name));
                        assert_int_equal(u[i].usri1_flags & UF_ACCOUNT_TYPE_MASK,
                                         UF_NORMAL_ACCOUNT);
                        assert_str_inside(u, u[i].usri1_full_name);
                }
                total += got;
                if (got)
                        index = u[got - 1].usri1_next_index;
                NetApiBufferFree(u);
        } while (st == ERROR_MORE_DATA);
        assert_int_equal(total, 500 + 2); /* fixture users + root + nobody */
}

static void machines_and_groups(void **state)
{
        NET_DISPLAY_MACHINE *m = NULL;
        NET_DISPLAY_GROUP *g = NULL;
        DWORD got = 0;

        (void)state;
        assert_int_equal(
            NetQueryDisplayInformation(NULL, 2, 0, 10, MAX_PREFERRED_LENGTH, &got, (PVOID *)&m),
            NERR_Success);
        assert_int_equal(got, 1);
        assert_string_equal(u8(m[0].usri2_name, 0), "ws01$");
        assert_int_equal(m[0].usri2_user_id, 20000);
        assert_int_equal(m[0].usri2_next_index, 1);
        NetApiBufferFree(m);
        assert_int_equal(
            NetQueryDisplayInformation(NULL, 3, 0, 3, MAX_PREFERRED_LENGTH, &got, (PVOID *)&g),
            ERROR_MORE_DATA);
        assert_int_equal(got, 3);
        assert_string_equal(u8(g[0].grpi3_name, 0), "big");
        assert_string_equal(u8(g[1].grpi3_name, 0), "empty");
        assert_int_equal(g[0].grpi3_group_id, 500);
        assert_int_equal(g[2].grpi3_next_index, 3);
        NetApiBufferFree(g);
        assert_int_equal(
            NetQueryDisplayInformation(NULL, 3, 1000, 3, MAX_PREFERRED_LENGTH, &got, (PVOID *)&g),
            NERR_Success);
        assert_int_equal(got, 0);
        assert_null(g);
}

static void small_preferred_length(void **state)
{
        NET_DISPLAY_USER *u = NULL;
        DWORD got = 0;

        (void)state;
        assert_int_equal(NetQueryDisplayInformation(NULL, 1, 0, 100, 1, &got, (PVOID *)&u),
                         ERROR_MORE_DATA);
        assert_int_equal(got, 1);
        NetApiBufferFree(u);
}

static void errors(void **state)
{
        PVOID buf = (PVOID)1;
        DWORD got = 5;

        (void)state;
        assert_int_equal(
            NetQueryDisplayInformation(NULL, 4, 0, 1, MAX_PREFERRED_LENGTH, &got, &buf),
            ERROR_INVALID_LEVEL);
        assert_null(buf);
        assert_int_equal(got, 0);
        assert_int_equal(
            NetQueryDisplayInformation(NULL, 0, 0, 1, MAX_PREFERRED_LENGTH, &got, &buf),
            ERROR_INVALID_LEVEL);
        assert_int_equal(
            NetQueryDisplayInformation(u"\\\\x", 1, 0, 1, MAX_PREFERRED_LENGTH, &got, &buf),
            NERR_InvalidComputer);
        assert_int_equal(
            NetQueryDisplayInformation(NULL, 1, 0, 1, MAX_PREFERRED_LENGTH, NULL, &buf),
            ERROR_INVALID_PARAMETER);
        assert_int_equal(
            NetQueryDisplayInformation(NULL, 1, 0, 1, MAX_PREFERRED_LENGTH, &got, NULL),
            ERROR_INVALID_PARAMETER);
}

static NET_API_STATUS call(void *ctx, LPBYTE *buf)
{
        DWORD got;

        return NetQueryDisplayInformation(NULL, *(DWORD *)ctx, 0, 100, MAX_PREFERRED_LENGTH, &got,
                                          (PVOID *)buf);
}

static void every_allocation_failure_is_clean(void **state)
{
        DWORD level;

        (void)state;
        for (level = 1; level <= 3; level++)
                fault_walk(call, &level, level == 1 ? ERROR_MORE_DATA : NERR_Success);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(users_sorted_and_continued),
            cmocka_unit_test(machines_and_groups),
            cmocka_unit_test(small_preferred_length),
            cmocka_unit_test(errors),
            cmocka_unit_test(every_allocation_failure_is_clean),
        };

        fixture_enter(500);
        return cmocka_run_group_tests(tests, NULL, NULL);
}
