/* notify_test.h - what the notification system tests share: the namespace they
 * run in (the test thread enters it before registering, so the listener lives
 * there), ip helpers, and checks that print the value that was wrong. */
#ifndef WINNET_TEST_NOTIFY_H
#define WINNET_TEST_NOTIFY_H

#include <net/if.h>
#include <stdio.h>

#include "netns.h"
#include "recorder.h"

#define WAIT_MS 5000 /* an event the kernel already sent arrives well within this */

extern struct test_netns notify_ns;

/* Creates and enters the namespace (exits 77 without root); IPv6 DAD off by
 * default so that link-local addresses do not linger tentative. */
int notify_ns_setup(void **state);
int notify_ns_teardown(void **state);

/* `ip -n NS ...` that must succeed. */
#define IP(...) assert_int_equal(netns_ip(&notify_ns, __VA_ARGS__), 0)

/* The ifindex of a link of the namespace (the test thread is inside it). */
unsigned ifindex_of(const char *name);

/* Checks that the events for one row are exactly: Add, any number of Parameter
 * (at least min_param), Delete (when `deleted`). Prints them otherwise. */
void check_lifecycle(const char *what, const struct rec_event *ev, size_t n, size_t min_param,
                     bool deleted);

/* NotifyStableUnicastIpAddressTable's callback in the tests: it keeps the table it
 * got and counts its calls, under `lock`. */
struct stable_rec {
        pthread_mutex_t lock;
        pthread_cond_t cond;
        PMIB_UNICASTIPADDRESS_TABLE table;
        int calls;
};
extern struct stable_rec stable;
void WINAPI stable_cb(PVOID ctx, PMIB_UNICASTIPADDRESS_TABLE table);
/* Waits up to `seconds` for the first call; what follows reads stable.calls. */
void stable_wait(int seconds);

#endif /* WINNET_TEST_NOTIFY_H */
