/* test_notify_unprivileged.c - a process without privileges (no CAP_SYS_ADMIN,
 * which setns needs even into the namespace a thread is already in) registers
 * change notifications in its own namespace, receives them and cancels them, and
 * reads the interface tables. Runs as a child that drops to uid/gid 65534. */
#include <grp.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "iphlpapi.h"

#include "notify_test.h"

#define NOBODY 65534

/* The unprivileged child: 0, or a code naming the first thing that failed. */
static int child(int ready_fd)
{
        static struct recorder r;
        PMIB_IPINTERFACE_TABLE it = NULL;
        PMIB_IF_TABLE2 t = NULL;
        HANDLE ipif, addr;
        char one = 1;

        if (setgroups(0, NULL) < 0 || setresgid(NOBODY, NOBODY, NOBODY) < 0 ||
            setresuid(NOBODY, NOBODY, NOBODY) < 0 || geteuid() == 0)
                return 2;
        rec_init(&r);
        if (GetIfTable2(&t) != NO_ERROR)
                return 3;
        FreeMibTable(t);
        if (GetIpInterfaceTable(AF_UNSPEC, &it) != NO_ERROR)
                return 4;
        FreeMibTable(it);
        if (NotifyIpInterfaceChange(AF_UNSPEC, rec_ipif, &r, TRUE, &ipif) != NO_ERROR)
                return 5;
        if (NotifyUnicastIpAddressChange(AF_UNSPEC, rec_addr, &r, FALSE, &addr) != NO_ERROR)
                return 6;
        if (write(ready_fd, &one, 1) != 1)
                return 7;
        if (rec_wait(&r, REC_IPIF, AF_INET, 0, NULL, 1, WAIT_MS) < 1) /* the new link */
                return 8;
        if (CancelMibChangeNotify2(ipif) != NO_ERROR || CancelMibChangeNotify2(addr) != NO_ERROR)
                return 9;
        return 0;
}

static void unprivileged_process_registers_and_receives(void **state)
{
        int p[2], status;
        char c;
        pid_t pid;

        (void)state;
        assert_int_equal(pipe(p), 0);
        fflush(NULL);
        pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
                close(p[0]);
                _exit(child(p[1]));
        }
        close(p[1]);
        if (read(p[0], &c, 1) == 1) /* registered: now a change to report */
                IP("link add unp0 type veth peer name unp1");
        close(p[0]);
        assert_int_equal(waitpid(pid, &status, 0), pid);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
                fail_msg("unprivileged child: wait status %#x (exit code %d)", (unsigned)status,
                         WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        netns_ip(&notify_ns, "link del unp0");
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(unprivileged_process_registers_and_receives),
        };

        return cmocka_run_group_tests(tests, notify_ns_setup, notify_ns_teardown);
}
