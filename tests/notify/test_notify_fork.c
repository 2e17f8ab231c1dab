/* test_notify_fork.c - fork safety: the child inherits no listener thread; its
 * inherited handle delivers nothing and cancelling it just releases it; a
 * registration in the child starts a fresh listener that works; the parent's
 * handle keeps working. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "iphlpapi.h"

#include "iphlp/notify.h"
#include "notify_test.h"

static int child(HANDLE inherited)
{
        static struct recorder r;
        struct notify_stats st;
        HANDLE h;

        rec_init(&r);
        notify_stats_get(&st);
        if (st.listeners != 0)
                return 10;
        if (CancelMibChangeNotify2(inherited) != NO_ERROR)
                return 11;
        if (NotifyIpInterfaceChange(AF_INET, rec_ipif, &r, FALSE, &h) != NO_ERROR)
                return 12;
        if (netns_ip(&notify_ns, "link add nkc type veth peer name nkd"))
                return 13;
        if (rec_wait(&r, REC_IPIF, AF_INET, if_nametoindex("nkc"), NULL, 1, WAIT_MS) < 1)
                return 14;
        if (CancelMibChangeNotify2(h) != NO_ERROR)
                return 15;
        rec_free(&r);
        return 0;
}

static void test_fork(void **state)
{
        static struct recorder r;
        HANDLE h;
        pid_t pid;
        int status;

        (void)state;
        rec_init(&r);
        assert_int_equal(NotifyIpInterfaceChange(AF_INET, rec_ipif, &r, FALSE, &h), NO_ERROR);
        pid = fork();
        if (pid == 0)
                _exit(child(h));
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
        IP("link add nka type veth peer name nkb");
        assert_int_equal(rec_wait(&r, REC_IPIF, AF_INET, ifindex_of("nka"), NULL, 1, WAIT_MS), 1);
        assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
        IP("link del nka");
        IP("link del nkc");
        rec_free(&r);
}

int main(void)
{
        const struct CMUnitTest tests[] = {cmocka_unit_test(test_fork)};

        return cmocka_run_group_tests(tests, notify_ns_setup, notify_ns_teardown);
}
