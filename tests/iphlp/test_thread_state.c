/* test_thread_state.c - the per-thread netlink handles come and go with their
 * threads and selections: threads that call the table, entry and conversion
 * functions and exit leave no descriptor behind, and a namespace a thread stopped
 * reading is not kept alive by the library (a socket holds its namespace: once
 * the namespace is deleted, its links, a veth's peer in another namespace among
 * them, must go). */
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "iphlpapi.h"
#include "winnet.h"

#include "netns.h"

#define THREADS 32

static struct test_netns peer_ns; /* holds the far ends of the veth pairs */

static int group_setup(void **state)
{
        (void)state;
        netns_require();
        return netns_create(&peer_ns, "tspeer", false);
}

static int group_teardown(void **state)
{
        (void)state;
        netns_destroy(&peer_ns);
        return 0;
}

static int open_fds(void)
{
        DIR *d = opendir("/proc/self/fd");
        struct dirent *e;
        int n = 0;

        assert_non_null(d);
        while ((e = readdir(d)))
                n += e->d_name[0] != '.';
        closedir(d);
        return n;
}

/* A namespace holding one end of a veth pair whose other end `peer` is in
 * peer_ns. */
static void make_pair(struct test_netns *ns, const char *tag, const char *end, const char *peer)
{
        assert_int_equal(netns_create(ns, tag, false), 0);
        assert_int_equal(
            netns_ip(ns, "link add %s type veth peer name %s netns %s", end, peer, peer_ns.name),
            0);
}

/* Whether peer_ns still has the link `name`, within `ms` of waiting for it to go. */
static bool peer_lingers(const char *name, int ms)
{
        char *links;
        bool there = true;
        int i;

        for (i = 0; i < ms / 20 && there; i++) {
                links = netns_sh_output(&peer_ns, "ls /sys/class/net");
                assert_non_null(links);
                there = strstr(links, name) != NULL;
                free(links);
                if (there)
                        usleep(20000);
        }
        return there;
}

/* A table, an entry, a conversion and the other table: NO_ERROR or the first
 * failure's code (no cmocka assertion: threads run it too). */
static DWORD use(void)
{
        PMIB_IPINTERFACE_TABLE it = NULL;
        PMIB_IF_TABLE2 t = NULL;
        MIB_IF_ROW2 row;
        char name[64];
        DWORD r = GetIfTable2(&t);

        if (r != NO_ERROR)
                return r;
        memset(&row, 0, sizeof(row));
        row.InterfaceLuid = t->Table[t->NumEntries - 1].InterfaceLuid;
        FreeMibTable(t);
        r = GetIfEntry2(&row);
        if (r == NO_ERROR)
                r = ConvertInterfaceLuidToNameA(&row.InterfaceLuid, name, sizeof(name));
        if (r == NO_ERROR)
                r = GetIpInterfaceTable(AF_UNSPEC, &it);
        FreeMibTable(it);
        return r;
}

static void use_everything(void)
{
        assert_int_equal(use(), NO_ERROR);
}

static void selection_change_lets_the_namespace_go(void **state)
{
        struct test_netns x;

        (void)state;
        make_pair(&x, "tssel", "sx0", "sy0");
        assert_int_equal(winnet_set_thread_netns(x.name), NO_ERROR);
        use_everything();
        assert_int_equal(winnet_set_thread_netns(NULL), NO_ERROR);
        netns_destroy(&x);
        if (peer_lingers("sy0", 3000))
                fail_msg("the namespace this thread read before its selection changed is "
                         "still alive (its veth's peer sy0 lingers)");
}

static void reselection_lets_the_previous_namespace_go(void **state)
{
        struct test_netns x, y;

        (void)state;
        make_pair(&x, "tsre1", "rx0", "ry0");
        make_pair(&y, "tsre2", "rx1", "ry1");
        assert_int_equal(winnet_set_thread_netns_fd(x.fd), NO_ERROR);
        use_everything();
        assert_int_equal(winnet_set_thread_netns_fd(y.fd), NO_ERROR);
        netns_destroy(&x);
        if (peer_lingers("ry0", 3000))
                fail_msg("the previously selected namespace is still alive (ry0 lingers)");
        use_everything();
        assert_int_equal(winnet_set_thread_netns_fd(-1), NO_ERROR);
        netns_destroy(&y);
        assert_false(peer_lingers("ry1", 3000));
}

static void *enter_use_and_exit(void *arg)
{
        const struct test_netns *x = arg;

        return (void *)(uintptr_t)(setns(x->fd, CLONE_NEWNET) == 0 ? use() : ~0u);
}

static void thread_exit_lets_the_namespace_go(void **state)
{
        struct test_netns x;
        void *r = NULL;
        pthread_t t;

        (void)state;
        make_pair(&x, "tsexit", "ex0", "ey0");

        assert_int_equal(pthread_create(&t, NULL, enter_use_and_exit, &x), 0);
        assert_int_equal(pthread_join(t, &r), 0);
        assert_int_equal((uintptr_t)r, NO_ERROR);
        netns_destroy(&x);
        assert_false(peer_lingers("ey0", 3000));
}

static void *use_and_exit(void *arg)
{
        (void)arg;
        return (void *)(uintptr_t)use();
}

static void threads_leave_no_descriptors(void **state)
{
        pthread_t t[THREADS];
        int before, round, i;

        (void)state;
        use_everything(); /* this thread's own handles exist before counting */
        before = open_fds();
        for (round = 0; round < 3; round++) {
                for (i = 0; i < THREADS; i++)
                        assert_int_equal(pthread_create(&t[i], NULL, use_and_exit, NULL), 0);
                for (i = 0; i < THREADS; i++) {
                        void *r = NULL;

                        assert_int_equal(pthread_join(t[i], &r), 0);
                        assert_int_equal((uintptr_t)r, NO_ERROR);
                }
                if (open_fds() != before)
                        fail_msg("round %d: %d descriptors open after %d threads exited, %d before",
                                 round, open_fds(), THREADS, before);
        }
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(selection_change_lets_the_namespace_go),
            cmocka_unit_test(reselection_lets_the_previous_namespace_go),
            cmocka_unit_test(thread_exit_lets_the_namespace_go),
            cmocka_unit_test(threads_leave_no_descriptors),
        };

        return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
