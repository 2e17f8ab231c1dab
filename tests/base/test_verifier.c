/* test_verifier.c - the WINNET_VERIFIER switch: parsed at load, sets options and
 * policy, arms fault injection, and reports leaks at exit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cmocka.h>

#include "winnet.h"

static void run_child(const char *env, const char *arg, char *out, size_t cap)
{
        char cmd[1024];
        FILE *f;
        size_t n;

        snprintf(cmd, sizeof(cmd), "WINNET_VERIFIER='%s' %s %s 2>&1", env, VERIFIER_ENV_CHILD, arg);
        f = popen(cmd, "r");
        assert_non_null(f);
        n = fread(out, 1, cap - 1, f);
        out[n] = '\0';
        pclose(f);
}

static void off_by_default(void **state)
{
        char out[512];

        (void)state;
        run_child("", "", out, sizeof(out));
        assert_non_null(strstr(out, "options=0 policy=1"));
}

static void all_turns_everything_on_with_abort_policy(void **state)
{
        char out[512];

        (void)state;
        run_child("1", "", out, sizeof(out));
        assert_non_null(strstr(out, "options=15 policy=0"));
}

static void words_combine(void **state)
{
        char out[512];

        (void)state;
        run_child("track,irql,policy=log", "", out, sizeof(out));
        assert_non_null(strstr(out, "options=3 policy=1"));
}

static void leaks_are_reported_at_exit(void **state)
{
        char out[2048];

        (void)state;
        run_child("leaks", "leak", out, sizeof(out));
        assert_non_null(strstr(out, "leak: NetApi buffer"));
        assert_non_null(strstr(out, "123 bytes"));
        assert_non_null(strstr(out, "NetApiBufferAllocate"));
}

static void fail_nth_from_the_environment(void **state)
{
        char out[512];

        (void)state;
        run_child("fail_nth=2", "nth", out, sizeof(out));
        assert_non_null(strstr(out, "first=0 second=8"));
}

static void unknown_words_are_named(void **state)
{
        char out[512];

        (void)state;
        run_child("bogus", "", out, sizeof(out));
        assert_non_null(strstr(out, "unknown WINNET_VERIFIER word 'bogus'"));
}

static void api_switches(void **state)
{
        (void)state;
        assert_int_equal(winnet_verifier_options(), 0);
        assert_int_equal(winnet_verifier_policy(), WINNET_REPORT_LOG);
        assert_int_equal(winnet_verifier_enable(WINNET_VERIFIER_IRQL), WINNET_VERIFIER_IRQL);
        assert_int_equal(winnet_verifier_policy(), WINNET_REPORT_ABORT);
        assert_int_equal(winnet_verifier_enable(WINNET_VERIFIER_LEAKS_AT_EXIT),
                         WINNET_VERIFIER_IRQL | WINNET_VERIFIER_LEAKS_AT_EXIT |
                             WINNET_VERIFIER_TRACK);
        assert_int_equal(winnet_verifier_disable(WINNET_VERIFIER_ALL), 0);
        assert_int_equal(winnet_verifier_policy(), WINNET_REPORT_LOG);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(off_by_default),
            cmocka_unit_test(all_turns_everything_on_with_abort_policy),
            cmocka_unit_test(words_combine),
            cmocka_unit_test(leaks_are_reported_at_exit),
            cmocka_unit_test(fail_nth_from_the_environment),
            cmocka_unit_test(unknown_words_are_named),
            cmocka_unit_test(api_switches),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
