/* notify_listener.c - the registry of listeners, one per network namespace that
 * has live handles: registration (join the groups the handle needs, seed their
 * snapshots, link the handle) and cancellation (unlink, leave groups no handle
 * needs, wait for a running callback, stop the listener with its last handle).
 * Fork: the child inherits no thread; its inherited handles are stale (they
 * deliver nothing, cancelling them only releases them) and its own registrations
 * start fresh listeners. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "alloc.h"
#include "notify.h"

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct listener *registry;
static unsigned fork_gen;
static pthread_once_t fork_once = PTHREAD_ONCE_INIT;

struct notify_stats notify_counters;

void notify_stats_add(unsigned long *counter, unsigned long n)
{
        __atomic_add_fetch(counter, n, __ATOMIC_RELAXED);
}

void notify_stats_get(struct notify_stats *ret)
{
        ret->overruns = __atomic_load_n(&notify_counters.overruns, __ATOMIC_RELAXED);
        ret->resyncs = __atomic_load_n(&notify_counters.resyncs, __ATOMIC_RELAXED);
        ret->listeners = __atomic_load_n(&notify_counters.listeners, __ATOMIC_RELAXED);
        ret->events = __atomic_load_n(&notify_counters.events, __ATOMIC_RELAXED);
}

/* ---- fork: every lock is taken around fork() so the child finds them free ---- */

static void fork_prepare(void)
{
        struct listener *l;

        pthread_mutex_lock(&registry_lock);
        for (l = registry; l; l = l->next)
                pthread_mutex_lock(&l->lock);
}

static void fork_parent(void)
{
        struct listener *l;

        for (l = registry; l; l = l->next)
                pthread_mutex_unlock(&l->lock);
        pthread_mutex_unlock(&registry_lock);
}

/* The child's listeners are the parent's, with no thread. Their descriptors (a
 * copy of the parent's socket, the wake-up eventfd, the namespace) are closed
 * now, while their numbers are still the library's: by the time the child
 * cancels an inherited handle it may have closed what it inherited and opened
 * other files under those numbers. The memory goes with the last handle. */
static void fork_child(void)
{
        struct listener *l;

        fork_gen++;
        __atomic_store_n(&notify_counters.listeners, 0, __ATOMIC_RELAXED);
        for (l = registry; l; l = l->next) {
                if (l->inherited)
                        continue; /* a grandchild: closed in the child already */
                l->inherited = true;
                close(provider_events()->fd(l->src)); /* the source's close leaves it */
                close(l->wake_fd);
                l->wake_fd = -1;
                provider_events()->netns_close(&l->ns);
        }
        fork_parent();
}

static void fork_init(void)
{
        pthread_atfork(fork_prepare, fork_parent, fork_child);
}

/* ---- the registry ---- */

static struct listener *registry_find(const struct prov_netns *ns)
{
        struct listener *l;

        for (l = registry; l; l = l->next)
                if (l->ns.dev == ns->dev && l->ns.ino == ns->ino && l->fork_gen == fork_gen)
                        return l;
        return NULL;
}

static void registry_unlink(struct listener *l)
{
        struct listener **p;

        for (p = &registry; *p; p = &(*p)->next)
                if (*p == l) {
                        *p = l->next;
                        return;
                }
}

/* The listener holding `h`, or NULL when h is no live handle. Never reads *h. */
static struct listener *registry_owner(const struct notify_handle *h)
{
        struct listener *l;
        struct notify_handle *x;

        for (l = registry; l; l = l->next)
                for (x = l->handles; x; x = x->next)
                        if (x == h)
                                return l;
        return NULL;
}

/* The live handle whose public value is `handle` and its listener, or NULL. */
static struct listener *registry_owner_public(HANDLE handle, struct notify_handle **ret_h)
{
        struct listener *l;
        struct notify_handle *x;

        for (l = registry; l; l = l->next)
                for (x = l->handles; x; x = x->next)
                        if (handle_public(x) == handle) {
                                *ret_h = x;
                                return l;
                        }
        return NULL;
}

static int listener_create(struct prov_netns *ns, struct listener **ret)
{
        struct listener *l = wn_zalloc(sizeof(*l));
        int r;

        if (!l)
                return -ENOMEM;
        pthread_mutex_init(&l->lock, NULL);
        state_init(&l->st);
        l->ns = *ns;
        l->wake_fd = -1;
        l->fork_gen = fork_gen;
        r = provider_events()->open(&l->src);
        if (r == 0)
                r = listener_thread_start(l);
        if (r < 0) {
                ns->fd = -1; /* owned by l now */
                listener_free(l);
                return r;
        }
        ns->fd = -1;
        l->next = registry;
        registry = l;
        *ret = l;
        return 0;
}

/* Room for the listener thread to snapshot nhandles + 1 handles: a spare array
 * it swaps in under the lock (the one it delivers from is never resized here). */
static int reserve_snapshot(struct listener *l)
{
        size_t need = l->nhandles + 1;
        struct notify_handle **spare;

        if (l->snap_cap >= need || l->spare_cap >= need)
                return 0;
        spare = wn_malloc(need * 2 * sizeof(*spare));
        if (!spare)
                return -ENOMEM;
        wn_free(l->spare);
        l->spare = spare;
        l->spare_cap = need * 2;
        return 0;
}

/* What the registered handles need: the groups to join and the tables to keep. */
static void handles_need(const struct listener *l, unsigned *ret_groups, unsigned *ret_tables)
{
        const struct notify_handle *h;

        *ret_groups = *ret_tables = 0;
        for (h = l->handles; h; h = h->next) {
                *ret_groups |= handle_groups(h);
                *ret_tables |= handle_tables(h);
        }
}

/* Joins what the handles need, leaves the rest, forgets unwatched tables. */
static void regroup(struct listener *l)
{
        unsigned g, t;

        handles_need(l, &g, &t);
        if (provider_events()->set_groups(l->src, g) == 0 || !g) {
                state_drop(&l->st, t);
                l->groups = g;
        }
}

static bool stable_now(const struct listener *l, const struct notify_handle *h)
{
        return (h->family == AF_INET6 || !l->st.tentative[0]) &&
               (h->family == AF_INET || !l->st.tentative[1]);
}

static void handle_link(struct listener *l, struct notify_handle *h)
{
        h->listener = l;
        h->prev = NULL;
        h->next = l->handles;
        if (l->handles)
                l->handles->prev = h;
        l->handles = h;
        l->nhandles++;
}

static void handle_unlink(struct listener *l, struct notify_handle *h)
{
        if (h->prev)
                h->prev->next = h->next;
        else
                l->handles = h->next;
        if (h->next)
                h->next->prev = h->prev;
        h->prev = h->next = NULL;
        l->nhandles--;
}

/* The kernel announces no address that autoconfiguration adds (link-local
 * ones) while it is tentative: an address snapshot kept by events may miss the
 * addresses in DAD. A stable-table request dumps and diffs the address tables
 * the snapshot had already (reporting the missed ones to address handles), so
 * that it counts every tentative address. */
static int stable_refresh(struct notify_state *st, const struct notify_handle *h, unsigned seeded)
{
        int fi, r;

        for (fi = 0; fi < 2; fi++) {
                if (!(handle_tables(h) & seeded & ADDR_GROUP(fi)))
                        continue;
                r = resync_addrs(st, fi, true);
                if (r < 0)
                        return r;
        }
        return 0;
}

/* Under the listener's lock: join, seed, link (or find a stable table at once). */
static int attach(struct listener *l, struct notify_handle *h)
{
        unsigned g = l->groups | handle_groups(h), seeded = l->st.seeded, unused, t;
        int r = reserve_snapshot(l);

        handles_need(l, &unused, &t);
        if (r == 0)
                r = provider_events()->set_groups(l->src, g);
        if (r == 0)
                r = state_seed(&l->st, t | handle_tables(h));
        if (r == 0 && h->kind == NK_STABLE)
                r = stable_refresh(&l->st, h, seeded);
        if (r == 0 && h->kind == NK_STABLE && stable_now(l, h))
                r = 1;
        if (r != 0) {
                regroup(l);
                return r;
        }
        l->groups = g;
        handle_link(l, h);
        return 0;
}

int listener_register(struct notify_handle *h)
{
        struct prov_netns ns;
        struct listener *l;
        int r;

        pthread_once(&fork_once, fork_init);
        r = provider_events()->netns_open(&ns);
        if (r < 0)
                return r;
        pthread_mutex_lock(&registry_lock);
        l = registry_find(&ns);
        if (!l && (r = listener_create(&ns, &l)) < 0) {
                pthread_mutex_unlock(&registry_lock);
                provider_events()->netns_close(&ns);
                return r;
        }
        provider_events()->netns_close(&ns);
        pthread_mutex_lock(&l->lock);
        r = attach(l, h);
        pthread_mutex_unlock(&l->lock);
        if (r != 0 && l->nhandles == 0) {
                registry_unlink(l);
                pthread_mutex_unlock(&registry_lock);
                listener_stop(l);
                return r;
        }
        pthread_mutex_unlock(&registry_lock);
        return r;
}

static bool called_from_own_callback(const struct notify_handle *h)
{
        return __atomic_load_n(&h->in_call, __ATOMIC_ACQUIRE) &&
               pthread_equal(__atomic_load_n(&h->caller, __ATOMIC_RELAXED), pthread_self());
}

/* Cancels `h` of `l`; called with the registry lock held, which it releases. */
static int cancel_owned(struct listener *l, struct notify_handle *h)
{
        bool stale, last;

        stale = l->fork_gen != fork_gen;
        pthread_mutex_lock(&l->lock);
        handle_unlink(l, h);
        if (!stale)
                regroup(l);
        last = l->nhandles == 0;
        if (last)
                registry_unlink(l);
        pthread_mutex_unlock(&l->lock);
        pthread_mutex_unlock(&registry_lock);
        if (stale) { /* inherited across fork: no thread runs it, nobody holds it */
                if (last && pthread_equal(l->thread, pthread_self()))
                        /* ... but this one: a callback forked, and the child is
                         * cancelling from inside it: free on the way out */
                        __atomic_store_n(&l->self_free, 1, __ATOMIC_RELEASE);
                else if (last)
                        listener_free(l);
                handle_unref(h);
                return 0;
        }
        if (called_from_own_callback(h)) {
                /* We hold its call lock: finish when the callback returns. */
                h->cancelled = true;
                h->cancel_deferred = true;
                h->stop_listener = last;
                return 0;
        }
        pthread_mutex_lock(&h->call_lock); /* waits for a running callback */
        h->cancelled = true;
        pthread_mutex_unlock(&h->call_lock);
        if (last)
                listener_stop(l);
        handle_unref(h);
        return 0;
}

int listener_cancel(struct notify_handle *h)
{
        struct listener *l;

        pthread_mutex_lock(&registry_lock);
        l = registry_owner(h);
        if (!l) {
                pthread_mutex_unlock(&registry_lock);
                return -EINVAL;
        }
        return cancel_owned(l, h);
}

int listener_cancel_public(HANDLE handle)
{
        struct notify_handle *h = NULL;
        struct listener *l;

        pthread_mutex_lock(&registry_lock);
        l = registry_owner_public(handle, &h);
        if (!l) {
                pthread_mutex_unlock(&registry_lock);
                return -EINVAL;
        }
        return cancel_owned(l, h);
}

void listener_finish_deferred(struct notify_handle *h)
{
        if (h->stop_listener)
                listener_stop(h->listener);
        handle_unref(h);
}
