/* notify_test.c - see notify_test.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <cmocka.h>

#include "notify_test.h"

struct test_netns notify_ns;

int notify_ns_setup(void **state)
{
        (void)state;
        netns_require();
        if (netns_create(&notify_ns, "notify", false) < 0)
                return -1;
        netns_sysctl_write(&notify_ns, "net/ipv6/conf/default/accept_dad", "0");
        return netns_enter(&notify_ns);
}

int notify_ns_teardown(void **state)
{
        (void)state;
        netns_leave();
        netns_destroy(&notify_ns);
        return 0;
}

unsigned ifindex_of(const char *name)
{
        unsigned i = if_nametoindex(name);

        if (!i)
                fprintf(stderr, "no link %s in the namespace\n", name);
        assert_int_not_equal(i, 0);
        return i;
}

static void dump(const char *what, const struct rec_event *ev, size_t n)
{
        size_t i;

        fprintf(stderr, "%s: %zu events:", what, n);
        for (i = 0; i < n; i++)
                fprintf(stderr, " %s", rec_type_name(ev[i].type));
        fprintf(stderr, "\n");
}

void check_lifecycle(const char *what, const struct rec_event *ev, size_t n, size_t min_param,
                     bool deleted)
{
        size_t i, params = 0, bad = 0, last = deleted ? n - 1 : n;

        if (n < 1 + (deleted ? 1u : 0u) || ev[0].type != MibAddInstance ||
            (deleted && ev[n - 1].type != MibDeleteInstance))
                bad++;
        for (i = 1; i < last && !bad; i++) {
                if (ev[i].type == MibParameterNotification)
                        params++;
                else
                        bad++;
        }
        if (bad || params < min_param) {
                dump(what, ev, n);
                fail_msg("%s: expected Add, >= %zu Parameter%s", what, min_param,
                         deleted ? ", Delete" : "");
        }
}

struct stable_rec stable = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0};

void WINAPI stable_cb(PVOID ctx, PMIB_UNICASTIPADDRESS_TABLE table)
{
        (void)ctx;
        pthread_mutex_lock(&stable.lock);
        stable.table = table;
        stable.calls++;
        pthread_cond_broadcast(&stable.cond);
        pthread_mutex_unlock(&stable.lock);
}

void stable_wait(int seconds)
{
        struct timespec ts;

        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += seconds;
        pthread_mutex_lock(&stable.lock);
        while (!stable.calls && pthread_cond_timedwait(&stable.cond, &stable.lock, &ts) == 0)
                ;
        pthread_mutex_unlock(&stable.lock);
}
