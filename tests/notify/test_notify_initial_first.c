/* test_notify_initial_first.c - with InitialNotification the callback's first
 * call is MibInitialNotification: a change the listener sees right after the
 * handle is linked, while the registering thread has not run the initial
 * notification yet, waits for it.
 *
 * The window between linking and the initial notification is made wide on
 * purpose: NotificationHandle points into a page that is write-protected with
 * userfaultfd while the registration seeds its link table, so the registering
 * thread stops on its write of the handle, after linking; a change is made and
 * the test waits for its callback before letting the thread go on. */
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "iphlpapi.h"

#include "notify_test.h"
#include "provider/provider.h"

#define PAGE 4096

static int uffd = -1;
static char *page;
static pthread_t registering;
static int armed;

static struct order {
        pthread_mutex_t lock;
        pthread_cond_t cond;
        int initial, changes, changes_before_initial;
} order = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0};

static void WINAPI on_ipif(PVOID ctx, PMIB_IPINTERFACE_ROW row, MIB_NOTIFICATION_TYPE type)
{
        (void)ctx, (void)row;
        pthread_mutex_lock(&order.lock);
        if (type == MibInitialNotification)
                order.initial++;
        else if (order.changes++, !order.initial)
                order.changes_before_initial++;
        pthread_cond_broadcast(&order.cond);
        pthread_mutex_unlock(&order.lock);
}

static int protect(bool on)
{
        struct uffdio_writeprotect wp = {{(uintptr_t)page, PAGE},
                                         on ? UFFDIO_WRITEPROTECT_MODE_WP : 0};

        return ioctl(uffd, UFFDIO_WRITEPROTECT, &wp);
}

/* The link dump of the registration's seeding, on the registering thread:
 * protect the page the handle will be written to. */
static int hooked_link_walk(unsigned want, const struct prov_link_visitor *v)
{
        if (pthread_equal(pthread_self(), registering) && __atomic_exchange_n(&armed, 0, 0))
                protect(true);
        return provider_linux.link_walk(want, v);
}

static struct provider_ops hooked;

/* Waits up to `ms` for a change callback; returns how many came. */
static int wait_change(int ms)
{
        struct timespec ts;
        int n;

        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += ms / 1000;
        ts.tv_nsec += (long)(ms % 1000) * 1000000L;
        if (ts.tv_nsec >= 1000000000L)
                ts.tv_sec++, ts.tv_nsec -= 1000000000L;
        pthread_mutex_lock(&order.lock);
        while (!order.changes && pthread_cond_timedwait(&order.cond, &order.lock, &ts) != ETIMEDOUT)
                ;
        n = order.changes;
        pthread_mutex_unlock(&order.lock);
        return n;
}

/* The fault handler: the registering thread stopped on its write of the handle.
 * Make a change, give its callback a second to run, then let the write go on. */
static void *serve_fault(void *arg)
{
        struct pollfd p = {uffd, POLLIN, 0};
        struct uffd_msg msg;

        (void)arg;
        if (poll(&p, 1, 10000) != 1 || read(uffd, &msg, sizeof(msg)) != sizeof(msg) ||
            msg.event != UFFD_EVENT_PAGEFAULT)
                return (void *)1;
        netns_ip(&notify_ns, "link set ifa0 mtu 1400");
        wait_change(1000);
        protect(false); /* also wakes the faulting thread */
        return NULL;
}

static int group_setup(void **state)
{
        struct uffdio_api api = {UFFD_API, UFFD_FEATURE_PAGEFAULT_FLAG_WP, 0};
        struct uffdio_register reg;

        if (notify_ns_setup(state) < 0)
                return -1;
        uffd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
        if (uffd < 0 || ioctl(uffd, UFFDIO_API, &api) < 0 ||
            !(api.features & UFFD_FEATURE_PAGEFAULT_FLAG_WP)) {
                fprintf(stderr, "userfaultfd write-protection unavailable: skipped\n");
                exit(77);
        }
        page = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (page == MAP_FAILED)
                return -1;
        page[0] = 0; /* present, so that only write protection faults */
        reg.range.start = (uintptr_t)page;
        reg.range.len = PAGE;
        reg.mode = UFFDIO_REGISTER_MODE_WP;
        if (ioctl(uffd, UFFDIO_REGISTER, &reg) < 0) {
                fprintf(stderr, "userfaultfd write-protection unavailable: skipped\n");
                exit(77);
        }
        return netns_ip(&notify_ns, "link add ifa0 type veth peer name ifa1");
}

static int group_teardown(void **state)
{
        provider_set(NULL);
        close(uffd);
        munmap(page, PAGE);
        return notify_ns_teardown(state);
}

static void initial_notification_comes_first(void **state)
{
        HANDLE *slot;
        pthread_t server;
        void *served = (void *)1;

        (void)state;
        slot = (HANDLE *)(void *)page;
        hooked = provider_linux;
        hooked.link_walk = hooked_link_walk;
        provider_set(&hooked);
        registering = pthread_self();
        __atomic_store_n(&armed, 1, __ATOMIC_SEQ_CST);
        assert_int_equal(pthread_create(&server, NULL, serve_fault, NULL), 0);
        assert_int_equal(NotifyIpInterfaceChange(AF_INET, on_ipif, NULL, TRUE, slot), NO_ERROR);
        assert_int_equal(pthread_join(server, &served), 0);
        assert_null(served); /* the registering thread did stop on the handle's write */
        assert_true(wait_change(WAIT_MS) >= 1);
        pthread_mutex_lock(&order.lock);
        if (order.initial != 1 || order.changes_before_initial)
                fail_msg("%d initial notifications, %d of %d changes delivered before it",
                         order.initial, order.changes_before_initial, order.changes);
        pthread_mutex_unlock(&order.lock);
        assert_int_equal(CancelMibChangeNotify2(*slot), NO_ERROR);
        provider_set(NULL);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(initial_notification_comes_first),
        };

        return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
