/* test_netns.c - network namespaces: a thread that setns()es between calls is
 * followed (the cached netlink socket is reopened), and winnet_set_thread_netns /
 * winnet_set_thread_netns_fd select another namespace for the calling thread only,
 * without moving it, with the documented errors. */
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "iphlpapi.h"
#include "winnet.h"

#include "netns.h"
#include "provider/provider.h"

static struct test_netns a, b;

static int group_setup(void **state)
{
        (void)state;
        if (netns_create(&a, "nsa", false) < 0 || netns_create(&b, "nsb", false) < 0)
                return -1;
        if (netns_ip(&a, "link add na0 type veth peer name na1") != 0 ||
            netns_ip(&b, "link add nb0 type veth peer name nb1") != 0 ||
            netns_ip(&b, "link add nb2 type veth peer name nb3") != 0)
                return -1;
        if (netns_sysctl_write(&a, "net/ipv4/conf/na0/forwarding", "1") < 0 ||
            netns_sysctl_write(&a, "net/ipv6/route/mtu_expires", "321") < 0)
                return -1;
        return 0;
}

static int group_teardown(void **state)
{
        (void)state;
        netns_destroy(&a);
        netns_destroy(&b);
        return 0;
}

/* Whether the calling thread's view (GetIfTable2) has an interface `name`. */
static bool sees(const char *name)
{
        PMIB_IF_TABLE2 t = NULL;
        bool found = false;
        ULONG i;
        size_t k;

        assert_int_equal(GetIfTable2(&t), NO_ERROR);
        for (i = 0; i < t->NumEntries && !found; i++) {
                for (k = 0; name[k] && t->Table[i].Alias[k] == (WCHAR)name[k]; k++)
                        ;
                found = !name[k] && !t->Table[i].Alias[k];
        }
        FreeMibTable(t);
        return found;
}

static ino_t own_netns(void)
{
        struct stat s;

        assert_int_equal(stat("/proc/thread-self/ns/net", &s), 0);
        return s.st_ino;
}

static void setns_between_calls_is_followed(void **state)
{
        (void)state;
        assert_false(sees("na0"));
        assert_int_equal(netns_enter(&a), 0);
        assert_true(sees("na0"));
        assert_false(sees("nb0"));
        assert_int_equal(netns_leave(), 0);
        assert_int_equal(netns_enter(&b), 0);
        assert_true(sees("nb0"));
        assert_false(sees("na0"));
        assert_int_equal(netns_leave(), 0);
        assert_false(sees("nb0"));
}

/* One API call is one provider batch: its queries resolve the namespace once.
 * Batches nest, a new outermost one gets a new id, and the namespace is looked
 * at again in every batch and outside them. */
static void batch_resolves_the_namespace_once(void **state)
{
        uint64_t first, second;

        (void)state;
        assert_true(provider_batch_id() == 0);
        provider_batch_begin();
        first = provider_batch_id();
        assert_true(first != 0);
        provider_batch_begin();
        assert_true(provider_batch_id() == first);
        provider_batch_end();
        assert_true(provider_batch_id() == first);
        assert_false(sees("na0")); /* resolves this thread's own namespace... */
        assert_int_equal(netns_enter(&a), 0);
        assert_false(sees("na0")); /* ...and keeps it until the batch ends */
        provider_batch_end();
        assert_true(provider_batch_id() == 0);
        assert_true(sees("na0")); /* outside a batch: where the thread is now */
        provider_batch_begin();
        second = provider_batch_id();
        assert_true(second != 0 && second != first);
        assert_true(sees("na0"));
        assert_int_equal(netns_leave(), 0);
        provider_batch_end();
        assert_false(sees("na0")); /* the next call sees the move back */
}

static void selection_reads_another_namespace_without_moving(void **state)
{
        PMIB_IPINTERFACE_TABLE t = NULL;
        ino_t before = own_netns();
        NET_LUID luid;
        ULONG i, fwd = 0, pmtu = 0;

        (void)state;
        assert_int_equal(winnet_set_thread_netns(a.name), NO_ERROR);
        assert_int_equal(own_netns(), before);
        assert_true(sees("na0"));
        assert_int_equal(ConvertInterfaceAliasToLuid(u"na0", &luid), NO_ERROR);
        assert_int_equal(GetIpInterfaceTable(AF_UNSPEC, &t), NO_ERROR);
        for (i = 0; i < t->NumEntries; i++) {
                if (t->Table[i].Family == AF_INET)
                        fwd += t->Table[i].ForwardingEnabled;
                else
                        pmtu = t->Table[i].PathMtuDiscoveryTimeout;
        }
        FreeMibTable(t);
        assert_int_equal(fwd, 1);       /* na0's forwarding, as namespace A has it */
        assert_int_equal(pmtu, 321000); /* A's own mtu_expires sysctl */
        assert_int_equal(winnet_set_thread_netns(NULL), NO_ERROR);
        assert_false(sees("na0"));
        assert_int_equal(ConvertInterfaceAliasToLuid(u"na0", &luid), ERROR_INVALID_PARAMETER);
}

static void selection_by_path_and_by_descriptor(void **state)
{
        char path[128];
        int fd;

        (void)state;
        snprintf(path, sizeof(path), "/run/netns/%s", b.name);
        assert_int_equal(winnet_set_thread_netns(path), NO_ERROR);
        assert_true(sees("nb2"));
        fd = open(path, O_RDONLY | O_CLOEXEC);
        assert_true(fd >= 0);
        assert_int_equal(winnet_set_thread_netns_fd(a.fd), NO_ERROR);
        assert_true(sees("na1"));
        assert_int_equal(winnet_set_thread_netns_fd(fd), NO_ERROR);
        close(fd); /* the library keeps its own descriptor */
        assert_true(sees("nb3"));
        assert_int_equal(winnet_set_thread_netns_fd(-1), NO_ERROR);
        assert_false(sees("nb3"));
}

static void *other_thread(void *p)
{
        *(bool *)p = sees("na0");
        return NULL;
}

static void selection_is_per_thread(void **state)
{
        pthread_t t;
        bool seen = true;

        (void)state;
        assert_int_equal(winnet_set_thread_netns(a.name), NO_ERROR);
        assert_int_equal(pthread_create(&t, NULL, other_thread, &seen), 0);
        pthread_join(t, NULL);
        assert_false(seen);
        assert_true(sees("na0"));
        assert_int_equal(winnet_set_thread_netns(NULL), NO_ERROR);
}

static void selection_errors_leave_the_selection_alone(void **state)
{
        int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);

        (void)state;
        assert_int_equal(winnet_set_thread_netns(a.name), NO_ERROR);
        assert_int_equal(winnet_set_thread_netns("wnt-no-such-namespace"), ERROR_FILE_NOT_FOUND);
        assert_int_equal(winnet_set_thread_netns("/nonexistent/ns"), ERROR_FILE_NOT_FOUND);
        assert_int_equal(winnet_set_thread_netns("/proc/self/stat"), ERROR_INVALID_PARAMETER);
        assert_int_equal(winnet_set_thread_netns(""), ERROR_INVALID_PARAMETER);
        assert_int_equal(winnet_set_thread_netns("/proc/self/ns/uts"), ERROR_INVALID_PARAMETER);
        assert_int_equal(winnet_set_thread_netns_fd(fd), ERROR_INVALID_PARAMETER);
        assert_int_equal(winnet_set_thread_netns_fd(9999), ERROR_INVALID_PARAMETER);
        assert_true(sees("na0")); /* still namespace A */
        assert_int_equal(winnet_set_thread_netns(NULL), NO_ERROR);
        close(fd);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(setns_between_calls_is_followed),
            cmocka_unit_test(batch_resolves_the_namespace_once),
            cmocka_unit_test(selection_reads_another_namespace_without_moving),
            cmocka_unit_test(selection_by_path_and_by_descriptor),
            cmocka_unit_test(selection_is_per_thread),
            cmocka_unit_test(selection_errors_leave_the_selection_alone),
        };

        netns_require();
        return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
