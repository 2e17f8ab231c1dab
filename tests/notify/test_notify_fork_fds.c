/* test_notify_fork_fds.c - a child of fork that closes every descriptor it
 * inherited and opens files of its own (what daemons do) keeps them: neither its
 * first IP Helper call (which replaces the forking thread's netlink handles), nor
 * the cancellation of an inherited notification handle, nor dropping an
 * inherited namespace selection closes a descriptor by a number the parent's
 * library state used. Forks from the main thread and from another thread. */
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "iphlpapi.h"
#include "winnet.h"

#include "notify_test.h"

#define CHILD_FILES 24

static void WINAPI on_ipif(PVOID ctx, PMIB_IPINTERFACE_ROW row, MIB_NOTIFICATION_TYPE type)
{
        (void)ctx, (void)row, (void)type;
}

static bool selected; /* the forking thread has a namespace selection */

/* The child: 0, or a code naming the first thing that went wrong. Its files are
 * pipes (an inode each), so that a number closed and reused by someone else is
 * told from the file the child opened. */
static int child(HANDLE inherited)
{
        PMIB_IF_TABLE2 t = NULL;
        PMIB_IPINTERFACE_TABLE it = NULL;
        int fds[CHILD_FILES], i, lost = 0;
        ino_t ino[CHILD_FILES];
        struct stat s;

        close_range(3, ~0u, 0);
        for (i = 0; i < CHILD_FILES; i += 2) {
                if (pipe2(fds + i, O_CLOEXEC) < 0)
                        return 10;
                ino[i] = ino[i + 1] = fstat(fds[i], &s) == 0 ? s.st_ino : 0;
        }
        if (selected && winnet_set_thread_netns(NULL) != NO_ERROR) /* its descriptor is gone */
                return 14;
        if (GetIfTable2(&t) != NO_ERROR)
                return 11;
        FreeMibTable(t);
        if (GetIpInterfaceTable(AF_UNSPEC, &it) != NO_ERROR)
                return 12;
        FreeMibTable(it);
        if (inherited && CancelMibChangeNotify2(inherited) != NO_ERROR)
                return 13;
        for (i = 0; i < CHILD_FILES; i++)
                if (fstat(fds[i], &s) < 0 || s.st_ino != ino[i] || !S_ISFIFO(s.st_mode)) {
                        fprintf(stderr, "child: descriptor %d was closed behind its back\n",
                                fds[i]);
                        lost++;
                }
        return lost ? 20 : 0;
}

/* Uses the library in this thread, forks, and returns the child's wait status
 * (0: all went well), or -1 when the parent's own calls failed. No cmocka
 * assertion here: it also runs on another thread. */
static int fork_and_wait(HANDLE inherited)
{
        PMIB_IPINTERFACE_TABLE it = NULL;
        PMIB_IF_TABLE2 t = NULL;
        int status;
        pid_t pid;

        if (GetIfTable2(&t) != NO_ERROR) /* this thread's netlink handles exist */
                return -1;
        FreeMibTable(t);
        if (GetIpInterfaceTable(AF_UNSPEC, &it) != NO_ERROR) /* its sysctl files too */
                return -1;
        FreeMibTable(it);
        fflush(NULL);
        pid = fork();
        if (pid < 0)
                return -1;
        if (pid == 0)
                _exit(child(inherited));
        if (waitpid(pid, &status, 0) != pid)
                return -1;
        return status;
}

static void fork_and_check(const char *what, HANDLE inherited)
{
        int status = fork_and_wait(inherited);

        if (status != 0)
                fail_msg("%s: child wait status %#x (exit code %d)", what, (unsigned)status,
                         status > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

static void fork_after_calls(void **state)
{
        (void)state;
        fork_and_check("calls only", NULL);
}

static void fork_with_live_handle(void **state)
{
        HANDLE h;

        (void)state;
        assert_int_equal(NotifyIpInterfaceChange(AF_UNSPEC, on_ipif, NULL, FALSE, &h), NO_ERROR);
        fork_and_check("live handle", h);
        assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
}

static void WINAPI on_route(PVOID ctx, PMIB_IPFORWARD_ROW2 row, MIB_NOTIFICATION_TYPE type)
{
        (void)ctx, (void)row, (void)type;
}

struct thread_fork {
        HANDLE inherited;
        int status;
};

static void *thread_fork(void *arg)
{
        struct thread_fork *f = arg;

        f->status = fork_and_wait(f->inherited);
        return NULL;
}

static void fork_from_other_thread(void **state)
{
        struct thread_fork f = {NULL, -1};
        pthread_t t;

        (void)state;
        assert_int_equal(NotifyRouteChange2(AF_INET, on_route, NULL, FALSE, &f.inherited),
                         NO_ERROR);
        assert_int_equal(pthread_create(&t, NULL, thread_fork, &f), 0);
        assert_int_equal(pthread_join(t, NULL), 0);
        if (f.status != 0)
                fail_msg("from a thread: child wait status %#x", (unsigned)f.status);
        assert_int_equal(CancelMibChangeNotify2(f.inherited), NO_ERROR);
}

static void fork_with_selection(void **state)
{
        (void)state;
        assert_int_equal(winnet_set_thread_netns_fd(notify_ns.fd), NO_ERROR);
        selected = true;
        fork_and_check("selection", NULL);
        selected = false;
        assert_int_equal(winnet_set_thread_netns(NULL), NO_ERROR);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(fork_after_calls),
            cmocka_unit_test(fork_with_selection),
            cmocka_unit_test(fork_with_live_handle),
            cmocka_unit_test(fork_from_other_thread),
        };

        return cmocka_run_group_tests(tests, notify_ns_setup, notify_ns_teardown);
}
