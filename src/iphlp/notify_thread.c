/* notify_thread.c - a listener's thread: it enters the listener's namespace,
 * waits for its event source, and per wake-up reads a batch of records under the
 * listener's lock (snapshot updated, events queued, resynchronisations run),
 * takes a counted snapshot of the handles, drops the lock, and only then calls
 * back: no lock of the library is held while a callback runs but the handle's
 * own call lock. All signals stay blocked on it, and it goes back to its
 * namespace after callbacks (they may move it). */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "alloc.h"
#include "notify.h"
#include "winnet.h"

#define BATCH_DATAGRAMS 64  /* datagrams read per lock hold */
#define RETRY_MS        100 /* pause before retrying a resynchronisation that failed */

void listener_free(struct listener *l)
{
        if (l->src)
                provider_events()->close(l->src);
        if (l->wake_fd >= 0)
                close(l->wake_fd);
        provider_events()->netns_close(&l->ns);
        state_free(&l->st);
        wn_free(l->snap);
        wn_free(l->spare);
        wn_free(l->ev);
        pthread_mutex_destroy(&l->lock);
        wn_free(l);
}

/* Reads what is queued (bounded), then runs pending resynchronisations. */
static int read_batch(struct listener *l)
{
        struct prov_event_visitor v;
        int i, r;

        state_visitor(&l->st, &v);
        for (i = 0; i < BATCH_DATAGRAMS; i++) {
                r = provider_events()->read(l->src, &v);
                if (r == -EAGAIN)
                        break;
                if (r == -ENOBUFS)
                        notify_stats_add(&notify_counters.overruns, 1);
                if (r < 0) /* lost (overrun), or a record dropped for lack of memory */
                        l->st.resync = true;
        }
        return state_finish_batch(&l->st);
}

/* Under the lock: the handles to deliver to (each counted) and the events. */
static size_t take_snapshot(struct listener *l, size_t *ret_nev, bool ready[2])
{
        struct notify_handle *h, **t;
        size_t n = 0, cap;
        struct notify_event *ev;

        if (l->snap_cap < l->nhandles) { /* registration left a big enough spare */
                t = l->snap, cap = l->snap_cap;
                l->snap = l->spare, l->snap_cap = l->spare_cap;
                l->spare = t, l->spare_cap = cap;
        }
        for (h = l->handles; h; h = h->next) {
                handle_ref(h);
                l->snap[n++] = h;
        }
        ev = l->ev, cap = l->ev_cap;
        l->ev = l->st.ev, l->ev_cap = l->st.cap, *ret_nev = l->st.nev;
        l->st.ev = ev, l->st.cap = cap, l->st.nev = 0;
        ready[0] = (l->st.seeded & ADDR_GROUP(0)) && !l->st.tentative[0];
        ready[1] = (l->st.seeded & ADDR_GROUP(1)) && !l->st.tentative[1];
        return n;
}

static bool stable_ready(const struct notify_handle *h, const bool ready[2])
{
        return h->kind == NK_STABLE && !h->fired && (h->family == AF_INET6 || ready[0]) &&
               (h->family == AF_INET || ready[1]);
}

/* A callback runs on this thread and may move it (setns, or
 * winnet_set_thread_netns for its own calls) without moving it back; the
 * snapshots must go on reading the listener's namespace, so the thread returns
 * there after every pass that ran callbacks (one setns). */
static void return_home(struct listener *l)
{
        if (provider_events()->netns_enter(&l->ns) < 0) {
                /* cannot fail: the namespace is held open and was entered before */
        }
        winnet_set_thread_netns_fd(-1); /* after: the thread's handles for home stay */
}

/* A callback that fork()s and returns in the child brings this thread back here
 * in the child, as that process's only thread, with a listener that is the
 * parent's (fork_child marked it inherited and closed its descriptors). It
 * delivers nothing more there, and the child ends with _exit(0): there is no
 * caller to return to, and exit() would run the parent's atexit handlers and
 * flush its stdio buffers a second time. */
static bool forked_away(const struct listener *l)
{
        return __atomic_load_n(&l->inherited, __ATOMIC_RELAXED);
}

/* A stable-table request reads its table on this thread: home first. */
static void deliver(struct listener *l, size_t n, size_t nev, const bool ready[2])
{
        size_t i, j;

        for (i = 0; i < nev; i++)
                for (j = 0; j < n && !forked_away(l); j++)
                        handle_deliver(l->snap[j], &l->ev[i]);
        if (n && nev && !forked_away(l))
                return_home(l);
        for (j = 0; j < n && !forked_away(l); j++)
                if (stable_ready(l->snap[j], ready)) {
                        stable_fire(l->snap[j]);
                        if (!forked_away(l))
                                return_home(l);
                }
        for (j = 0; j < n; j++)
                handle_unref(l->snap[j]);
}

/* One wake-up. Returns the poll timeout for the next wait. */
static int run_once(struct listener *l)
{
        size_t n, nev;
        bool ready[2];
        int r;

        pthread_mutex_lock(&l->lock);
        r = read_batch(l);
        n = take_snapshot(l, &nev, ready);
        pthread_mutex_unlock(&l->lock);
        deliver(l, n, nev, ready);
        return r < 0 ? RETRY_MS : -1;
}

static void run(struct listener *l)
{
        struct pollfd p[2] = {{provider_events()->fd(l->src), POLLIN, 0}, {l->wake_fd, POLLIN, 0}};
        int timeout = -1;

        while (!__atomic_load_n(&l->stopping, __ATOMIC_ACQUIRE) && !forked_away(l)) {
                if (poll(p, 2, timeout) < 0 && errno != EINTR)
                        break;
                if (__atomic_load_n(&l->stopping, __ATOMIC_ACQUIRE))
                        break;
                timeout = run_once(l);
        }
}

static void *thread_main(void *arg)
{
        struct listener *l = arg;

        l->start_err = provider_events()->netns_enter(&l->ns);
        sem_post(&l->started);
        if (l->start_err < 0)
                return NULL;
        run(l);
        if (forked_away(l)) { /* in the child: a callback forked and returned */
                if (__atomic_load_n(&l->self_free, __ATOMIC_ACQUIRE))
                        listener_free(l); /* the child cancelled the last handle */
                _exit(0);
        }
        if (__atomic_load_n(&l->self_free, __ATOMIC_ACQUIRE)) {
                pthread_detach(pthread_self());
                listener_free(l);
                notify_stats_add(&notify_counters.listeners, (unsigned long)-1);
        }
        return NULL;
}

int listener_thread_start(struct listener *l)
{
        sigset_t all, old;
        int r;

        l->wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (l->wake_fd < 0)
                return -errno;
        sem_init(&l->started, 0, 0);
        sigfillset(&all);
        pthread_sigmask(SIG_SETMASK, &all, &old);
        r = -pthread_create(&l->thread, NULL, thread_main, l);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        if (r == 0) {
                while (sem_wait(&l->started) < 0 && errno == EINTR)
                        ;
                r = l->start_err;
                if (r < 0)
                        pthread_join(l->thread, NULL);
        }
        sem_destroy(&l->started);
        if (r == 0)
                notify_stats_add(&notify_counters.listeners, 1);
        return r == -EAGAIN ? -ENOMEM : r;
}

void listener_stop(struct listener *l)
{
        uint64_t one = 1;

        __atomic_store_n(&l->stopping, 1, __ATOMIC_RELEASE);
        if (pthread_equal(l->thread, pthread_self())) {
                __atomic_store_n(&l->self_free, 1, __ATOMIC_RELEASE);
                return; /* a callback cancelled the last handle: the thread ends itself */
        }
        if (write(l->wake_fd, &one, sizeof(one)) < 0) {
                /* the counter cannot overflow here; poll wakes on it regardless */
        }
        pthread_join(l->thread, NULL);
        listener_free(l);
        notify_stats_add(&notify_counters.listeners, (unsigned long)-1);
}
