/* test_notify_race.c - CancelMibChangeNotify2 racing with delivery: while a
 * thread keeps changing a link's MTU, handles are registered and cancelled at
 * random moments, many times. Once Cancel returned, no callback of that handle
 * may run (or still be running); callbacks of one handle never overlap. Built
 * for ThreadSanitizer too (label tsan). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "iphlpapi.h"

#include "notify_test.h"

#define ROUNDS 150

struct round {
        int cancelled; /* atomic: Cancel returned */
        int late;      /* atomic: callbacks that started after it */
        int running;   /* atomic: callbacks running now */
        int overlap;   /* atomic */
        int calls;     /* atomic */
};

static struct round rounds[ROUNDS];
static int stop_flapping;

static void WINAPI on_change(PVOID ctx, PMIB_IPINTERFACE_ROW row, MIB_NOTIFICATION_TYPE type)
{
        struct round *r = ctx;

        (void)row, (void)type;
        if (__atomic_load_n(&r->cancelled, __ATOMIC_ACQUIRE))
                __atomic_add_fetch(&r->late, 1, __ATOMIC_RELAXED);
        if (__atomic_add_fetch(&r->running, 1, __ATOMIC_ACQ_REL) > 1)
                __atomic_add_fetch(&r->overlap, 1, __ATOMIC_RELAXED);
        __atomic_add_fetch(&r->calls, 1, __ATOMIC_RELAXED);
        usleep((useconds_t)(rand() % 300)); /* widen the window for a racing cancel */
        if (__atomic_load_n(&r->cancelled, __ATOMIC_ACQUIRE))
                __atomic_add_fetch(&r->late, 1, __ATOMIC_RELAXED);
        __atomic_sub_fetch(&r->running, 1, __ATOMIC_ACQ_REL);
}

static void *flapper(void *arg)
{
        char cmds[64 * 40];
        size_t len = 0;
        int i;

        (void)arg;
        for (i = 0; i < 64; i++)
                len += (size_t)snprintf(cmds + len, sizeof(cmds) - len, "link set nfa mtu %d\n",
                                        1300 + (i % 2) * 100);
        while (!__atomic_load_n(&stop_flapping, __ATOMIC_ACQUIRE))
                netns_ip_batch(&notify_ns, cmds);
        return NULL;
}

static void test_cancel_races_delivery(void **state)
{
        pthread_t t;
        int i, calls = 0;

        (void)state;
        IP("link add nfa type veth peer name nfb");
        assert_int_equal(pthread_create(&t, NULL, flapper, NULL), 0);
        for (i = 0; i < ROUNDS; i++) {
                HANDLE h;

                assert_int_equal(
                    NotifyIpInterfaceChange(AF_UNSPEC, on_change, &rounds[i], i % 2, &h), NO_ERROR);
                usleep((useconds_t)(rand() % 3000));
                assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
                __atomic_store_n(&rounds[i].cancelled, 1, __ATOMIC_RELEASE);
                assert_int_equal(__atomic_load_n(&rounds[i].running, __ATOMIC_ACQUIRE), 0);
        }
        __atomic_store_n(&stop_flapping, 1, __ATOMIC_RELEASE);
        pthread_join(t, NULL);
        usleep(100000);
        for (i = 0; i < ROUNDS; i++) {
                assert_int_equal(__atomic_load_n(&rounds[i].late, __ATOMIC_ACQUIRE), 0);
                assert_int_equal(__atomic_load_n(&rounds[i].overlap, __ATOMIC_ACQUIRE), 0);
                calls += __atomic_load_n(&rounds[i].calls, __ATOMIC_ACQUIRE);
        }
        printf("%d callbacks over %d rounds\n", calls, ROUNDS);
        assert_true(calls > ROUNDS); /* deliveries really raced the cancels */
        IP("link del nfa");
}

int main(void)
{
        const struct CMUnitTest tests[] = {cmocka_unit_test(test_cancel_races_delivery)};

        srand(5);
        return cmocka_run_group_tests(tests, notify_ns_setup, notify_ns_teardown);
}
