/* test_misuse.c - death tests: with the verifier's abort policy, a double free, a
 * pointer that is not ours and a block of another family abort the process with a
 * report that names the fault, the API and the pointer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "death.h"
#include "lm.h"
#include "netioapi.h"
#include "winnet.h"

static void double_free(void *arg)
{
        LPVOID p = NULL;

        (void)arg;
        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
        NetApiBufferAllocate(48, &p);
        NetApiBufferFree(p);
        NetApiBufferFree(p);
}

static void not_ours(void *arg)
{
        static char buf[64] __attribute__((aligned(16)));

        (void)arg;
        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
        NetApiBufferFree(buf + 32);
}

static void wrong_family(void *arg)
{
        LPVOID p = NULL;

        (void)arg;
        winnet_verifier_set_policy(WINNET_REPORT_ABORT);
        NetApiBufferAllocate(48, &p);
        FreeMibTable(p);
}

static void mib_double_free_via_netapi(void *arg)
{
        LPVOID p = NULL;

        (void)arg;
        winnet_verifier_enable(WINNET_VERIFIER_ALL); /* the verifier's default policy: abort */
        NetApiBufferAllocate(48, &p);
        NetApiBufferFree(p);
        FreeMibTable(p); /* freed block of the other family: still a double free */
}

static void expect_abort(void (*fn)(void *), const char *rule, const char *api)
{
        struct death d;

        death_run(fn, NULL, &d);
        assert_int_equal(d.signal, SIGABRT);
        if (!strstr(d.stderr, rule) || !strstr(d.stderr, api))
                fail_msg("report lacks '%s' in %s: got <%s>", rule, api, d.stderr);
}

static void double_free_aborts_with_report(void **state)
{
        (void)state;
        expect_abort(double_free, "double_free", "NetApiBufferFree");
}

static void foreign_pointer_aborts_with_report(void **state)
{
        (void)state;
        expect_abort(not_ours, "bad_pointer", "NetApiBufferFree");
}

static void wrong_family_aborts_with_report(void **state)
{
        struct death d;

        (void)state;
        expect_abort(wrong_family, "wrong_family", "FreeMibTable");
        death_run(wrong_family, NULL, &d);
        assert_non_null(strstr(d.stderr, "is a NetApi buffer, not a MIB table"));
}

static void freed_block_of_other_family_is_a_double_free(void **state)
{
        (void)state;
        expect_abort(mib_double_free_via_netapi, "double_free", "FreeMibTable");
}

static void log_policy_reports_and_returns(void **state)
{
        LPVOID p = NULL;
        struct capture {
                int calls;
                char rule[32];
        } cap = {0, ""};

        (void)state;
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        winnet_verifier_set_report_handler((winnet_report_handler)(void (*)(void))NULL,
                                           NULL); /* none installed */
        NetApiBufferAllocate(8, &p);
        NetApiBufferFree(p);
        assert_int_equal(NetApiBufferFree(p), ERROR_INVALID_PARAMETER);
        (void)cap;
}

static void handle(const struct winnet_report *r, void *ctx)
{
        char *rule = ctx;

        strncpy(rule, r->rule, 31);
        rule[31] = '\0';
        assert_int_equal(r->bugcheck, 0xC2);
        assert_int_equal(r->param[0], 0x7);
}

static void handler_sees_the_report(void **state)
{
        char rule[32] = "";
        LPVOID p = NULL;

        (void)state;
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        winnet_verifier_set_report_handler(handle, rule);
        NetApiBufferAllocate(8, &p);
        NetApiBufferFree(p);
        NetApiBufferFree(p);
        winnet_verifier_set_report_handler(NULL, NULL);
        assert_string_equal(rule, "double_free");
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(double_free_aborts_with_report),
            cmocka_unit_test(foreign_pointer_aborts_with_report),
            cmocka_unit_test(wrong_family_aborts_with_report),
            cmocka_unit_test(freed_block_of_other_family_is_a_double_free),
            cmocka_unit_test(log_policy_reports_and_returns),
            cmocka_unit_test(handler_sees_the_report),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
