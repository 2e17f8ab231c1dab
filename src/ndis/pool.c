/* pool.c - the object machinery under every NET_BUFFER and NET_BUFFER_LIST pool:
 * per-thread caches (no lock, no atomic read-modify-write on the hot path), a
 * lock-free stack of full batches that objects freed on another thread come back
 * through (one CAS per batch of 32 to push, one exchange to take them all), a
 * locked depot behind it for fresh slabs and the odd single object, slabs,
 * tracked objects in verifying mode (each on the pool's list with its call site,
 * on its own pages when quarantined), and the merged
 * per-thread counters that tell how many objects a pool still has out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guard.h"
#include "ndis_internal.h"

__thread struct ndis_thread ndis_tls __attribute__((tls_model("initial-exec")));

static pthread_mutex_t pools_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ndis_pool *pool_by_idx[POOL_SLOTS];
static struct ndis_pool all_pools = {.next_all = &all_pools, .prev_all = &all_pools};
static struct ndis_thread threads = {.next = &threads, .prev = &threads};
static uint64_t next_gen;
static pthread_key_t thread_key;
static pthread_once_t thread_once = PTHREAD_ONCE_INIT;

static int obj_tracking(const struct ndis_pool *pool)
{
        return (pool->flags & NET_BUFFER_POOL_FLAG_VERIFY) ||
               verifier_on(WINNET_VERIFIER_TRACK | WINNET_VERIFIER_QUARANTINE);
}

static int obj_quarantined(const struct ndis_pool *pool)
{
        return (pool->flags & NET_BUFFER_POOL_FLAG_VERIFY) ||
               verifier_on(WINNET_VERIFIER_QUARANTINE);
}

/* ---- threads ---- */

/* A thread's cached objects go back to their pools' depots when it exits, and its
 * counters to the pools' retired counters. */
static void thread_exit(void *unused)
{
        struct ndis_thread *t = &ndis_tls;
        unsigned i;

        (void)unused;
        pthread_mutex_lock(&pools_lock);
        for (i = 0; i < POOL_SLOTS; i++) {
                struct pool_tcache *c = &t->c[i];
                struct ndis_pool *pool = pool_by_idx[i];

                if (c->gen && pool && pool->gen == c->gen) {
                        pthread_mutex_lock(&pool->lock);
                        while (c->head) {
                                struct ndis_obj *o = c->head;

                                c->head = o->next;
                                o->next = pool->depot;
                                pool->depot = o;
                        }
                        pool->retired_allocs += c->allocs;
                        pool->retired_frees += c->frees;
                        pthread_mutex_unlock(&pool->lock);
                }
                __atomic_store_n(&c->gen, 0, __ATOMIC_RELAXED);
                c->head = NULL;
                c->count = 0;
        }
        t->prev->next = t->next;
        t->next->prev = t->prev;
        t->registered = 0;
        pthread_mutex_unlock(&pools_lock);
}

static void make_thread_key(void)
{
        pthread_key_create(&thread_key, thread_exit);
}

static void thread_register(void)
{
        struct ndis_thread *t = &ndis_tls;

        pthread_once(&thread_once, make_thread_key);
        pthread_setspecific(thread_key, t);
        pthread_mutex_lock(&pools_lock);
        t->next = threads.next;
        t->prev = &threads;
        threads.next->prev = t;
        threads.next = t;
        t->registered = 1;
        pthread_mutex_unlock(&pools_lock);
}

/* This thread's slot for `pool`, reset when it served a pool that is gone. */
static struct pool_tcache *slot_of(struct ndis_pool *pool)
{
        struct pool_tcache *c = &ndis_tls.c[pool->idx];

        if (unlikely(!ndis_tls.registered))
                thread_register();
        if (c->gen != pool->gen) {
                /* Whatever it held belonged to a freed pool whose slabs are gone:
                 * forget it without walking it. */
                c->head = NULL;
                c->count = 0;
                __atomic_store_n(&c->allocs, 0, __ATOMIC_RELAXED);
                __atomic_store_n(&c->frees, 0, __ATOMIC_RELAXED);
                __atomic_store_n(&c->gen, pool->gen, __ATOMIC_RELAXED);
        }
        return c;
}

/* ---- objects ---- */

static void obj_init_header(struct ndis_pool *pool, struct ndis_obj *o, uint16_t flags)
{
        memset(o, 0, sizeof(*o));
        o->pool = pool;
        o->bh.size = pool->obj_size - sizeof(*o);
        o->bh.cookie = BLOCK_COOKIE_LIVE; /* the check word is that of the live object */
        o->bh.family = BLOCK_NDIS_POOL;
        o->bh.flags = flags;
        o->bh.tag = pool->tag;
        o->bh.spare = pool->kind == KIND_NB_POOL ? KIND_NB : KIND_NBL;
        o->bh.check = block_header_check(&o->bh);
        o->bh.cookie = BLOCK_COOKIE_FREED;
        if (pool->kind == KIND_NBL_POOL && pool->alloc_nb) {
                /* The NET_BUFFER preallocated with the NBL has a hidden header of
                 * its own: it is freed only with its NBL. */
                struct ndis_obj *nbo = obj_of((char *)obj_payload(o) + pool->nb_off);

                memset(nbo, 0, sizeof(*nbo));
                nbo->pool = pool;
                nbo->bh.size = sizeof(NET_BUFFER);
                nbo->bh.cookie = BLOCK_COOKIE_LIVE;
                nbo->bh.family = BLOCK_NDIS_POOL;
                nbo->bh.tag = pool->tag;
                nbo->bh.spare = KIND_NB_PREALLOC;
                nbo->bh.check = block_header_check(&nbo->bh);
        }
}

/* A slab of `n` objects onto the depot; the pool lock is held. */
static int slab_add(struct ndis_pool *pool, size_t n)
{
        char *mem;
        size_t i;

        if (pool->nslabs == pool->slabs_cap) {
                size_t ncap = pool->slabs_cap ? pool->slabs_cap * 2 : 8;
                void **ns = realloc(pool->slabs, ncap * sizeof(*ns));

                if (!ns)
                        return -1;
                pool->slabs = ns;
                pool->slabs_cap = ncap;
        }
        /* Line-aligned, and obj_size is a multiple of 64: no two objects share a
         * cache line, so a thread freeing one does not steal the line another is
         * initialising. */
        mem = aligned_alloc(64, n * pool->obj_size);
        if (!mem)
                return -1;
        pool->slabs[pool->nslabs++] = mem;
        for (i = 0; i < n; i++) {
                struct ndis_obj *o = (struct ndis_obj *)(mem + i * pool->obj_size);

                obj_init_header(pool, o, 0);
                o->next = pool->depot;
                pool->depot = o;
        }
        return 0;
}

static size_t slab_count(const struct ndis_pool *pool)
{
        size_t n = (256u * 1024u) / pool->obj_size;

        return n < 1 ? 1 : (n > POOL_BATCH ? POOL_BATCH : n);
}

/* Takes one object from the depot (the pool lock is held). */
static struct ndis_obj *depot_pop(struct ndis_pool *pool)
{
        struct ndis_obj *o;

        if (!pool->depot && slab_add(pool, slab_count(pool)) < 0)
                return NULL;
        o = pool->depot;
        pool->depot = o->next;
        return o;
}

/* Pushes the batch first..last (POOL_BATCH objects linked by `next`, cookies
 * FREED) onto the pool's lock-free stack. Only this thread holds the batch until
 * the CAS publishes it (release: its links and cookies travel with it). */
static void batch_push(struct ndis_pool *pool, struct ndis_obj *first, struct ndis_obj *last)
{
        struct ndis_obj *old = __atomic_load_n(&pool->batches, __ATOMIC_RELAXED);

        last->next = NULL;
        first->ra = last;
        do
                first->prev = old;
        while (!__atomic_compare_exchange_n(&pool->batches, &old, first, 1, __ATOMIC_RELEASE,
                                            __ATOMIC_RELAXED));
}

/* Moves every batch of the lock-free stack into this thread's cache c; 0 when
 * there was none. One exchange: no ABA, whatever other threads push meanwhile
 * stays for the next taker. Touches only the first and last object of each
 * batch. */
static int batch_take_all(struct ndis_pool *pool, struct pool_tcache *c)
{
        struct ndis_obj *b;

        if (!__atomic_load_n(&pool->batches, __ATOMIC_RELAXED))
                return 0;
        b = __atomic_exchange_n(&pool->batches, NULL, __ATOMIC_ACQUIRE);
        if (!b)
                return 0;
        while (b) {
                struct ndis_obj *next = b->prev, *last = (struct ndis_obj *)(uintptr_t)b->ra;

                last->next = c->head;
                c->head = b;
                c->count += POOL_BATCH;
                b = next;
        }
        return 1;
}

struct ndis_obj *pool_alloc_refill(struct ndis_pool *pool)
{
        struct pool_tcache *c;
        unsigned i;

        if (pool->idx < 0) {
                struct ndis_obj *o;

                pthread_mutex_lock(&pool->lock);
                o = depot_pop(pool);
                if (o)
                        pool->retired_allocs++;
                pthread_mutex_unlock(&pool->lock);
                if (o)
                        obj_set_live(o);
                return o;
        }
        c = slot_of(pool);
        if (batch_take_all(pool, c))
                return pool_cache_pop(pool);
        pthread_mutex_lock(&pool->lock);
        for (i = 0; i < POOL_BATCH; i++) {
                struct ndis_obj *o = depot_pop(pool);

                if (!o)
                        break;
                o->next = c->head;
                c->head = o;
                c->count++;
        }
        pthread_mutex_unlock(&pool->lock);
        return pool_cache_pop(pool);
}

static struct ndis_obj *tracked_alloc(struct ndis_pool *pool, struct alloc_site site)
{
        struct ndis_obj *o;
        uint16_t flags = OBJ_F_TRACKED;

        if (obj_quarantined(pool)) {
                /* Page-aligned, against a guard page; freed objects become
                 * inaccessible. */
                o = guard_alloc(BLOCK_NDIS_POOL, pool->obj_size, pool->tag, 0, GUARD_UNDERRUN,
                                site);
                flags |= OBJ_F_GUARDED;
        } else {
                o = aligned_alloc(16, pool->obj_size);
                if (o && verifier_on(WINNET_VERIFIER_TRACK))
                        registry_add(o, BLOCK_NDIS_POOL, pool->obj_size, pool->tag, site);
        }
        if (!o)
                return NULL;
        obj_init_header(pool, o, flags);
        o->ra = site.ra;
        o->bh.cookie = BLOCK_COOKIE_LIVE;
        pthread_mutex_lock(&pool->lock);
        o->next = pool->tracked.next;
        o->prev = &pool->tracked;
        pool->tracked.next->prev = o;
        pool->tracked.next = o;
        pool->retired_allocs++;
        pthread_mutex_unlock(&pool->lock);
        return o;
}

struct ndis_obj *pool_alloc_slow(struct ndis_pool *pool, struct alloc_site site)
{
        site = ndis_site(site);
        if (fault_is_armed() && fault_should_fail(site, pool->tag))
                return NULL;
        if (obj_tracking(pool))
                return tracked_alloc(pool, site);
        if (pool->idx >= 0) {
                struct ndis_obj *o = pool_cache_pop(pool);

                if (o)
                        return o;
        }
        return pool_alloc_refill(pool);
}

static void tracked_free(struct ndis_obj *o)
{
        struct ndis_pool *pool = o->pool;

        pthread_mutex_lock(&pool->lock);
        o->prev->next = o->next;
        o->next->prev = o->prev;
        pool->retired_frees++;
        pthread_mutex_unlock(&pool->lock);
        o->bh.cookie = BLOCK_COOKIE_FREED;
        if (o->bh.flags & OBJ_F_GUARDED) {
                guard_free(o, "NdisFree*", 1);
                return;
        }
        if (verifier_on(WINNET_VERIFIER_TRACK))
                registry_remove(o, BLOCK_NDIS_POOL, pool->obj_size, pool->tag);
        free(o);
}

void pool_free_slow(struct ndis_obj *o)
{
        struct ndis_pool *pool = o->pool;
        struct pool_tcache *c;
        unsigned i;

        if (o->bh.flags & OBJ_F_TRACKED) {
                tracked_free(o);
                return;
        }
        if (pool->idx < 0) {
                o->bh.cookie = BLOCK_COOKIE_FREED;
                pthread_mutex_lock(&pool->lock);
                o->next = pool->depot;
                pool->depot = o;
                pool->retired_frees++;
                pthread_mutex_unlock(&pool->lock);
                return;
        }
        c = slot_of(pool);
        if (c->count >= POOL_CACHE_MAX) {
                /* Full (a consumer thread freeing what another allocates): hand the
                 * batch of the most recently freed objects to the lock-free stack,
                 * where an allocating thread takes it. */
                struct ndis_obj *first = c->head, *last = first;

                for (i = 1; i < POOL_BATCH; i++)
                        last = last->next;
                c->head = last->next;
                c->count -= POOL_BATCH;
                batch_push(pool, first, last);
        }
        pool_cache_push(o);
}

/* Reads an object header that may be freed or foreign: outside ASan's view. */
__attribute__((no_sanitize("address"))) static struct block_header peek_header(const void *payload)
{
        return *block_header_of(payload);
}

const char *ndis_kind_name(uint64_t kind)
{
        switch (kind) {
        case KIND_NB:
                return "NET_BUFFER";
        case KIND_NB_PREALLOC:
                return "NET_BUFFER preallocated with its NET_BUFFER_LIST";
        case KIND_NBL:
                return "NET_BUFFER_LIST";
        case KIND_NB_POOL:
                return "NET_BUFFER pool";
        case KIND_NBL_POOL:
                return "NET_BUFFER_LIST pool";
        case KIND_MDL:
                return "MDL";
        case KIND_RETREAT_MDL:
                return "MDL allocated by a retreat";
        case KIND_CONTEXT:
                return "NET_BUFFER_LIST context";
        case KIND_DRIVER:
                return "driver handle";
        case KIND_NBL_CLONE:
                return "clone NET_BUFFER_LIST";
        case KIND_NBL_FRAGMENT:
                return "fragment NET_BUFFER_LIST";
        case KIND_NBL_REASSEMBLED:
                return "reassembled NET_BUFFER_LIST";
        case KIND_NB_DERIVED:
                return "NET_BUFFER of a clone, fragment or reassembled NET_BUFFER_LIST";
        case KIND_MDL_DERIVED:
                return "MDL of a clone, fragment or reassembled NET_BUFFER_LIST";
        default:
                return "unknown object";
        }
}

static const char *free_call_of(uint64_t kind)
{
        switch (kind) {
        case KIND_NB:
                return "NdisFreeNetBuffer";
        case KIND_NB_PREALLOC:
                return "NdisFreeNetBufferList (on its NET_BUFFER_LIST)";
        case KIND_NBL:
                return "NdisFreeNetBufferList";
        case KIND_NB_POOL:
                return "NdisFreeNetBufferPool";
        case KIND_NBL_POOL:
                return "NdisFreeNetBufferListPool";
        case KIND_MDL:
                return "NdisFreeMdl";
        case KIND_RETREAT_MDL:
                return "NdisAdvanceNetBufferDataStart with FreeMdl";
        case KIND_CONTEXT:
                return "NdisFreeNetBufferListContext";
        case KIND_NBL_CLONE:
                return "NdisFreeCloneNetBufferList";
        case KIND_NBL_FRAGMENT:
                return "NdisFreeFragmentNetBufferList";
        case KIND_NBL_REASSEMBLED:
                return "NdisFreeReassembledNetBufferList";
        case KIND_NB_DERIVED:
        case KIND_MDL_DERIVED:
                return "the free routine of its NET_BUFFER_LIST";
        default:
                return "its own free function";
        }
}

/* Shared by objects, pools and MDLs: checks `payload` is a live block of the
 * NDIS pool family of `kind`. Returns 0, or reports and returns -1. */
static int check_kind(const void *payload, uint64_t kind, const char *api)
{
        uint64_t prm[4] = {(uint64_t)(uintptr_t)payload, kind, 0, 0};
        struct block_header h;
        struct guard_info gi;
        char tt[5];
        int g = 0;

        if (!payload || ((uintptr_t)payload & 15u)) {
                verifier_report(WINNET_BUGCHECK(W_BAD_OBJECT), prm, "bad_object", api,
                                "%p is not a %s", payload, ndis_kind_name(kind));
                return -1;
        }
        if (guard_is_active())
                g = guard_lookup(obj_of(payload), &gi);
        if (g == 2) {
                verifier_tag_text(gi.tag, tt);
                prm[2] = gi.tag;
                verifier_report(WINNET_BUGCHECK(W_OBJECT_DOUBLE_FREE), prm, "double_free", api,
                                "%s %p (tag '%s') was already freed: freed twice (it is in "
                                "quarantine)",
                                ndis_kind_name(kind), payload, tt);
                return -1;
        }
        h = peek_header(payload);
        verifier_tag_text(h.tag, tt);
        prm[2] = h.tag;
        if (h.cookie == BLOCK_COOKIE_FREED && h.family == BLOCK_NDIS_POOL) {
                verifier_report(WINNET_BUGCHECK(W_OBJECT_DOUBLE_FREE), prm, "double_free", api,
                                "%s %p (tag '%s') was already freed: freed twice",
                                ndis_kind_name(h.spare), payload, tt);
                return -1;
        }
        if (h.cookie != BLOCK_COOKIE_LIVE ||
            h.check != block_header_check(block_header_of(payload))) {
                verifier_report(WINNET_BUGCHECK(W_BAD_OBJECT), prm, "bad_object", api,
                                "%p is not a %s allocated by NDIS (or its header was "
                                "overwritten)",
                                payload, ndis_kind_name(kind));
                return -1;
        }
        if (h.family != BLOCK_NDIS_POOL || h.spare != kind) {
                const char *what = h.family == BLOCK_NDIS_POOL ? ndis_kind_name(h.spare)
                                                               : block_family_name(h.family);

                prm[3] = h.family == BLOCK_NDIS_POOL ? h.spare : h.family;
                verifier_report(WINNET_BUGCHECK(W_WRONG_FREE_CALL), prm, "wrong_free_call", api,
                                "%p is a %s (tag '%s'), not a %s: free it with %s", payload, what,
                                tt, ndis_kind_name(kind),
                                h.family == BLOCK_NDIS_POOL     ? free_call_of(h.spare)
                                : h.family == BLOCK_NDIS_MEMORY ? "NdisFreeMemory"
                                                                : "its own free function");
                return -1;
        }
        return 0;
}

struct ndis_obj *obj_check(const void *payload, uint64_t kind, const char *api)
{
        return check_kind(payload, kind, api) < 0 ? NULL : obj_of(payload);
}

int ndis_check_kind(const void *payload, uint64_t kind, const char *api)
{
        return check_kind(payload, kind, api);
}

/* ---- pools ---- */

struct ndis_pool *pool_check(NDIS_HANDLE handle, uint64_t kind, const char *api)
{
        if (handle && !((uintptr_t)handle & 15u)) {
                struct block_header h = peek_header(handle);

                if (h.cookie == BLOCK_COOKIE_LIVE && h.family == BLOCK_NDIS_POOL &&
                    (h.spare == KIND_NB_POOL || h.spare == KIND_NBL_POOL) && h.spare != kind) {
                        uint64_t prm[4] = {(uint64_t)(uintptr_t)handle, kind, h.spare, 0};
                        char tt[5];

                        verifier_tag_text(h.tag, tt);
                        verifier_report(WINNET_BUGCHECK(W_POOL_KIND), prm, "pool_kind", api,
                                        "pool %p (tag '%s') is a %s, but %s needs a %s", handle, tt,
                                        ndis_kind_name(h.spare), api, ndis_kind_name(kind));
                        return NULL;
                }
        }
        return check_kind(handle, kind, api) < 0 ? NULL : handle;
}

struct ndis_pool *pool_create(struct ndis_pool *proto, NDIS_HANDLE driver, struct alloc_site site)
{
        struct ndis_pool *pool;
        unsigned i;

        site = ndis_site(site);
        pool = block_zalloc(BLOCK_NDIS_POOL, sizeof(*pool), proto->tag, site);
        if (!pool)
                return NULL;
        *pool = *proto;
        pool->obj_size = (pool->obj_size + 63u) & ~(size_t)63u; /* see slab_add */
        pool->driver = driver;
        pool->site = site;
        pthread_mutex_init(&pool->lock, NULL);
        pool->tracked.next = pool->tracked.prev = &pool->tracked;
        pool->idx = -1;
        pthread_mutex_lock(&pools_lock);
        pool->gen = ++next_gen;
        for (i = 0; i < POOL_SLOTS; i++)
                if (!pool_by_idx[i]) {
                        pool_by_idx[i] = pool;
                        pool->idx = (int)i;
                        break;
                }
        pool->next_all = all_pools.next_all;
        pool->prev_all = &all_pools;
        all_pools.next_all->prev_all = pool;
        all_pools.next_all = pool;
        pthread_mutex_unlock(&pools_lock);
        if (pool->idx < 0 || (pool->flags & NET_BUFFER_POOL_FLAG_VERIFY))
                pool->fast_kind = 0; /* every call takes the slow path */
        /* The block header names the kind, so a pool handle is checked like an
         * object. */
        block_header_of(pool)->spare = pool->kind;
        return pool;
}

/* allocs and frees of the pool, all threads merged; pools_lock is held. */
static void counts_locked(struct ndis_pool *pool, uint64_t *ret_allocs, uint64_t *ret_frees)
{
        uint64_t a, f;
        struct ndis_thread *t;

        pthread_mutex_lock(&pool->lock);
        a = pool->retired_allocs;
        f = pool->retired_frees;
        pthread_mutex_unlock(&pool->lock);
        if (pool->idx >= 0)
                for (t = threads.next; t != &threads; t = t->next) {
                        struct pool_tcache *c = &t->c[pool->idx];

                        if (__atomic_load_n(&c->gen, __ATOMIC_RELAXED) != pool->gen)
                                continue;
                        a += __atomic_load_n(&c->allocs, __ATOMIC_RELAXED);
                        f += __atomic_load_n(&c->frees, __ATOMIC_RELAXED);
                }
        *ret_allocs = a;
        *ret_frees = f;
}

void pool_counts(struct ndis_pool *pool, uint64_t *ret_allocs, uint64_t *ret_frees)
{
        pthread_mutex_lock(&pools_lock);
        counts_locked(pool, ret_allocs, ret_frees);
        pthread_mutex_unlock(&pools_lock);
}

uint64_t pool_outstanding(struct ndis_pool *pool)
{
        uint64_t a, f;

        pool_counts(pool, &a, &f);
        return a - f;
}

/* The DDI that hands out objects of `kind`, for the lists of outstanding ones. */
static const char *alloc_call_of(uint64_t kind)
{
        switch (kind) {
        case KIND_NB:
                return "NdisAllocateNetBuffer*";
        case KIND_NBL_CLONE:
                return "NdisAllocateCloneNetBufferList";
        case KIND_NBL_FRAGMENT:
                return "NdisAllocateFragmentNetBufferList";
        case KIND_NBL_REASSEMBLED:
                return "NdisAllocateReassembledNetBufferList";
        case KIND_NB_DERIVED:
                return "NdisAllocate{Clone,Fragment}NetBufferList";
        default:
                return "NdisAllocateNetBufferList*";
        }
}

void pool_list_outstanding(struct ndis_pool *pool, const char *indent)
{
        struct ndis_obj *o;
        uint64_t n = 0, out = pool_outstanding(pool);
        char where[256], tt[5];

        verifier_tag_text(pool->tag, tt);
        pthread_mutex_lock(&pool->lock);
        for (o = pool->tracked.next; o != &pool->tracked; o = o->next, n++)
                fprintf(stderr, "winnet verifier: %s%s %p, tag '%s', allocated by %s\n", indent,
                        ndis_kind_name(o->bh.spare), obj_payload(o), tt,
                        site_format((struct alloc_site){alloc_call_of(o->bh.spare), o->ra, 0},
                                    where, sizeof(where)));
        pthread_mutex_unlock(&pool->lock);
        if (out > n)
                fprintf(stderr,
                        "winnet verifier: %s%llu more, allocated while not verifying "
                        "(WINNET_VERIFIER=track lists their call sites)\n",
                        indent, (unsigned long long)(out - n));
}

void pool_destroy(struct ndis_pool *pool, const char *api)
{
        uint64_t a, f;
        size_t i;

        pthread_mutex_lock(&pools_lock);
        counts_locked(pool, &a, &f);
        if (a != f) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)pool, a - f, pool->tag, 0};
                const char *what = ndis_kind_name(pool->kind == KIND_NB_POOL ? KIND_NB : KIND_NBL);
                char tt[5];

                pthread_mutex_unlock(&pools_lock);
                verifier_tag_text(pool->tag, tt);
                fprintf(stderr,
                        "winnet verifier: %s %p (tag '%s') freed with %llu %s(s) outstanding:\n",
                        ndis_kind_name(pool->kind), (void *)pool, tt, (unsigned long long)(a - f),
                        what);
                pool_list_outstanding(pool, "  ");
                verifier_report(WINNET_BUGCHECK(W_POOL_NOT_EMPTY), prm, "pool_not_empty", api,
                                "%s %p (tag '%s') still has %llu %s(s) outstanding: free each "
                                "first; the pool stays allocated",
                                ndis_kind_name(pool->kind), (void *)pool, tt,
                                (unsigned long long)(a - f), what);
                return;
        }
        if (pool->idx >= 0)
                pool_by_idx[pool->idx] = NULL;
        pool->prev_all->next_all = pool->next_all;
        pool->next_all->prev_all = pool->prev_all;
        pthread_mutex_unlock(&pools_lock);
        for (i = 0; i < pool->nslabs; i++)
                free(pool->slabs[i]);
        free(pool->slabs);
        pthread_mutex_destroy(&pool->lock);
        pool->fast_kind = 0;
        block_free(pool);
}

size_t pool_snapshot(struct ndis_driver *driver, struct ndis_pool **out, size_t cap)
{
        struct ndis_pool *p;
        size_t n = 0;

        pthread_mutex_lock(&pools_lock);
        for (p = all_pools.next_all; p != &all_pools; p = p->next_all)
                if (!driver || p->driver == driver) {
                        if (n < cap)
                                out[n] = p;
                        n++;
                }
        pthread_mutex_unlock(&pools_lock);
        return n;
}
