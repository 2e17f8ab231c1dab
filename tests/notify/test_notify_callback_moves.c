/* test_notify_callback_moves.c - a callback runs on the listener thread and may
 * move it to another namespace (winnet_set_thread_netns for its own calls, or
 * setns) without moving it back: the listener still reads its own namespace
 * afterwards. A resynchronisation (a link going down makes the listener dump and
 * diff the routes) then reports the routes that went, and neither deletes
 * routes that stayed nor adds the other namespace's routes. */
#include <fcntl.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "iphlpapi.h"
#include "winnet.h"

#include "notify_test.h"

static struct test_netns other;

static int group_setup(void **state)
{
        if (notify_ns_setup(state) < 0 || netns_create(&other, "cbother", false) < 0)
                return -1;
        return netns_ip_batch(&other, "link add mo0 type veth peer name mo1\n"
                                      "link set mo0 up\n"
                                      "link set mo1 up\n"
                                      "addr add 203.0.113.1/24 dev mo0\n");
}

static int group_teardown(void **state)
{
        netns_destroy(&other);
        return notify_ns_teardown(state);
}

struct mover {
        struct recorder rec;
        bool by_setns;
        bool moved;
        int move_err; /* no cmocka assertion on the listener thread */
};

static void WINAPI moving_route(PVOID ctx, PMIB_IPFORWARD_ROW2 row, MIB_NOTIFICATION_TYPE type)
{
        struct mover *m = ctx;

        rec_route(&m->rec, row, type);
        if (m->moved)
                return;
        m->moved = true; /* and never back */
        if (m->by_setns)
                m->move_err = setns(other.fd, CLONE_NEWNET);
        else
                m->move_err = (int)winnet_set_thread_netns_fd(other.fd);
}

/* Events of the other namespace's prefix 203.0.113.0/24 (any length). */
static size_t foreign_events(struct recorder *r)
{
        size_t i, n = 0;

        pthread_mutex_lock(&r->lock);
        for (i = 0; i < r->n; i++)
                n += r->ev[i].addr[0] == 203 && r->ev[i].addr[1] == 0 && r->ev[i].addr[2] == 113;
        pthread_mutex_unlock(&r->lock);
        return n;
}

/* How many events of `type` the recorder holds for (ifindex, addr). */
static size_t count_type(struct recorder *r, unsigned ifindex, const uint8_t *addr, int type)
{
        struct rec_event ev[64];
        size_t i, n = rec_select(r, REC_ROUTE, AF_INET, ifindex, addr, ev, 64), k = 0;

        for (i = 0; i < n && i < 64; i++)
                k += ev[i].type == type;
        return k;
}

/* Waits until the connected route's deletion arrived. */
static bool wait_deleted(struct recorder *r, unsigned ifindex, const uint8_t *addr)
{
        int i;

        for (i = 0; i < WAIT_MS / 10; i++) {
                if (count_type(r, ifindex, addr, MibDeleteInstance))
                        return true;
                usleep(10000);
        }
        return false;
}

static void run(bool by_setns, const char *link, const char *peer, const char *net)
{
        struct mover m = {.by_setns = by_setns};
        uint8_t local[16], connected[16];
        char text[64];
        unsigned ifindex;
        HANDLE h;

        rec_init(&m.rec);
        assert_int_equal(NotifyRouteChange2(AF_INET, moving_route, &m, FALSE, &h), NO_ERROR);
        IP("link add %s type veth peer name %s", link, peer);
        IP("link set %s up", peer);
        IP("link set %s up", link);
        IP("addr add %s.1/24 dev %s", net, link);
        ifindex = ifindex_of(link);
        snprintf(text, sizeof(text), "%s.0", net);
        rec_addr_of(text, connected);
        snprintf(text, sizeof(text), "%s.1", net);
        rec_addr_of(text, local);
        /* The connected route's addition: the callback has moved the thread. */
        assert_true(rec_wait(&m.rec, REC_ROUTE, AF_INET, ifindex, connected, 1, WAIT_MS) >= 1);
        assert_true(m.moved);
        assert_int_equal(m.move_err, 0);
        /* Down: the kernel drops the connected route; the listener resynchronises. */
        IP("link set %s down", link);
        assert_true(wait_deleted(&m.rec, ifindex, connected));
        rec_settle(&m.rec, 300, WAIT_MS);
        if (foreign_events(&m.rec))
                fail_msg("%s: %zu events for the other namespace's routes", net,
                         foreign_events(&m.rec));
        /* The local route of the address stays while the link is down. */
        assert_int_equal(count_type(&m.rec, ifindex, local, MibAddInstance), 1);
        assert_int_equal(count_type(&m.rec, ifindex, local, MibDeleteInstance), 0);
        assert_int_equal(CancelMibChangeNotify2(h), NO_ERROR);
        IP("link del %s", link);
        rec_free(&m.rec);
}

static void callback_selects_another_namespace(void **state)
{
        (void)state;
        run(false, "cm0", "cm1", "198.51.100");
}

static void callback_setns_to_another_namespace(void **state)
{
        (void)state;
        run(true, "cs0", "cs1", "192.0.2");
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(callback_selects_another_namespace),
            cmocka_unit_test(callback_setns_to_another_namespace),
        };

        return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
