/* test_notify_fork_in_callback.c - a callback that fork()s and returns in the
 * child: the child is the listener thread's copy with nothing to return to. It
 * must end at once (status 0) rather than go on as a second listener, spinning on
 * the descriptors it no longer has or sharing the parent's socket and taking its
 * events; the parent's handle keeps receiving every change. Also when the child
 * cancels the inherited handle from inside the callback first. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "iphlpapi.h"

#include "notify_test.h"

struct forker {
        struct recorder rec;
        HANDLE h;
        bool cancel_in_child;
        bool forked; /* listener thread only */
        pid_t child;
};

static void WINAPI forking_ipif(PVOID ctx, PMIB_IPINTERFACE_ROW row, MIB_NOTIFICATION_TYPE type)
{
        struct forker *f = ctx;
        pid_t pid;

        rec_ipif(&f->rec, row, type);
        if (f->forked || type == MibInitialNotification)
                return;
        f->forked = true;
        pid = fork();
        if (pid == 0) {
                if (f->cancel_in_child && CancelMibChangeNotify2(f->h) != NO_ERROR)
                        _exit(3);
                return; /* back into the library, in the child */
        }
        __atomic_store_n(&f->child, pid, __ATOMIC_RELEASE);
}

/* The child's wait status within `ms`, or -1 (then it is killed). */
static int reap(pid_t pid, int ms)
{
        struct timespec step = {0, 10 * 1000 * 1000};
        int status, i;

        for (i = 0; i < ms / 10; i++) {
                if (waitpid(pid, &status, WNOHANG) == pid)
                        return status;
                nanosleep(&step, NULL);
        }
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        return -1;
}

static void run(bool cancel_in_child, const char *a, const char *b)
{
        static struct forker f;
        unsigned ifindex;
        pid_t child = 0;
        int status, i;

        rec_init(&f.rec);
        f.cancel_in_child = cancel_in_child;
        f.forked = false;
        f.child = 0;
        fflush(NULL);
        assert_int_equal(NotifyIpInterfaceChange(AF_INET, forking_ipif, &f, FALSE, &f.h), NO_ERROR);
        IP("link add %s type veth peer name %s", a, b);
        ifindex = ifindex_of(a);
        for (i = 0; i < WAIT_MS / 10 && !(child = __atomic_load_n(&f.child, __ATOMIC_ACQUIRE)); i++)
                usleep(10000);
        assert_true(child > 0);
        status = reap(child, WAIT_MS);
        if (status != 0)
                fail_msg("%s: the child forked in the callback did not end with status 0 "
                         "(wait status %#x; -1: still running after %d ms)",
                         a, (unsigned)status, WAIT_MS);
        /* The parent's handle still sees every change of the link. */
        rec_clear(&f.rec);
        IP("link set %s mtu 1400", a);
        assert_true(rec_wait(&f.rec, REC_IPIF, AF_INET, ifindex, NULL, 1, WAIT_MS) >= 1);
        IP("link del %s", a);
        assert_true(rec_wait(&f.rec, REC_IPIF, AF_INET, ifindex, NULL, 2, WAIT_MS) >= 2);
        assert_int_equal(CancelMibChangeNotify2(f.h), NO_ERROR);
        rec_free(&f.rec);
}

static void child_returning_from_callback_ends(void **state)
{
        (void)state;
        run(false, "fka", "fkb");
}

static void child_cancelling_then_returning_ends(void **state)
{
        (void)state;
        run(true, "fkc", "fkd");
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(child_returning_from_callback_ends),
            cmocka_unit_test(child_cancelling_then_returning_ends),
        };

        return cmocka_run_group_tests(tests, notify_ns_setup, notify_ns_teardown);
}
