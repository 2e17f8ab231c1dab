/* test_notify_kernel_netns.c - the kernel-mode registrations (netioapi.h alone)
 * run the initial notification on the calling thread: calls that callback makes
 * after moving the thread (winnet_set_thread_netns, setns) read the namespace it
 * moved to, not the one the registration started in. */
#include <fcntl.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "netioapi.h"
#include "winnet.h"

#include "netns.h"

/* From notify_test.c (its header includes iphlpapi.h, which must not meet
 * kernel-mode netioapi.h in one translation unit). */
int notify_ns_setup(void **state);
int notify_ns_teardown(void **state);

static struct test_netns other;

static int group_setup(void **state)
{
        if (notify_ns_setup(state) < 0 || netns_create(&other, "knsother", false) < 0)
                return -1;
        return netns_ip(&other, "link add kno0 type veth peer name kno1") == 0 ? 0 : -1;
}

static int group_teardown(void **state)
{
        netns_destroy(&other);
        return notify_ns_teardown(state);
}

/* Whether GetIfTable2 (kernel mode) on this thread lists `name`. */
static bool sees(const char *name)
{
        PMIB_IF_TABLE2 t = NULL;
        bool found = false;
        ULONG i;
        size_t k;

        if (GetIfTable2(&t) != STATUS_SUCCESS)
                return false;
        for (i = 0; i < t->NumEntries && !found; i++) {
                for (k = 0; name[k] && t->Table[i].Alias[k] == (WCHAR)name[k]; k++)
                        ;
                found = !name[k] && !t->Table[i].Alias[k];
        }
        FreeMibTable(t);
        return found;
}

struct probe {
        bool by_setns;
        int calls;
        bool saw_other; /* kno0 seen after the move */
        bool saw_home;  /* ... and not any more after moving back */
};

static void probe_run(struct probe *p)
{
        int home;

        p->calls++;
        if (p->by_setns) {
                home = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
                assert_true(home >= 0);
                assert_int_equal(setns(other.fd, CLONE_NEWNET), 0);
                p->saw_other = sees("kno0");
                assert_int_equal(setns(home, CLONE_NEWNET), 0);
                close(home);
        } else {
                assert_int_equal(winnet_set_thread_netns_fd(other.fd), 0);
                p->saw_other = sees("kno0");
                assert_int_equal(winnet_set_thread_netns_fd(-1), 0);
        }
        p->saw_home = !sees("kno0");
}

static VOID NTAPI on_ipif(PVOID ctx, PMIB_IPINTERFACE_ROW row, MIB_NOTIFICATION_TYPE type)
{
        (void)row;
        if (type == MibInitialNotification)
                probe_run(ctx);
}

static VOID NTAPI on_addr(PVOID ctx, PMIB_UNICASTIPADDRESS_ROW row, MIB_NOTIFICATION_TYPE type)
{
        (void)row;
        if (type == MibInitialNotification)
                probe_run(ctx);
}

static VOID NTAPI on_route(PVOID ctx, PMIB_IPFORWARD_ROW2 row, MIB_NOTIFICATION_TYPE type)
{
        (void)row;
        if (type == MibInitialNotification)
                probe_run(ctx);
}

static void check(const char *what, const struct probe *p, HANDLE h)
{
        if (p->calls != 1 || !p->saw_other || !p->saw_home)
                fail_msg("%s: %d initial calls, saw the other namespace's link: %d, saw home "
                         "again: %d",
                         what, p->calls, p->saw_other, p->saw_home);
        assert_int_equal(CancelMibChangeNotify2(h), STATUS_SUCCESS);
}

static void initial_callback_follows_selection(void **state)
{
        struct probe a = {false, 0, false, false}, b = a, c = a;
        HANDLE h;

        (void)state;
        assert_int_equal(NotifyIpInterfaceChange(AF_UNSPEC, on_ipif, &a, TRUE, &h), STATUS_SUCCESS);
        check("NotifyIpInterfaceChange", &a, h);
        assert_int_equal(NotifyUnicastIpAddressChange(AF_INET, on_addr, &b, TRUE, &h),
                         STATUS_SUCCESS);
        check("NotifyUnicastIpAddressChange", &b, h);
        assert_int_equal(NotifyRouteChange2(AF_INET6, on_route, &c, TRUE, &h), STATUS_SUCCESS);
        check("NotifyRouteChange2", &c, h);
}

static void initial_callback_follows_setns(void **state)
{
        struct probe a = {true, 0, false, false};
        HANDLE h;

        (void)state;
        assert_int_equal(NotifyIpInterfaceChange(AF_INET, on_ipif, &a, TRUE, &h), STATUS_SUCCESS);
        check("NotifyIpInterfaceChange (setns)", &a, h);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(initial_callback_follows_selection),
            cmocka_unit_test(initial_callback_follows_setns),
        };

        return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
