/* tag_stats.c - poolmon-style accounting of NDIS memory by (driver, tag), kept
 * per thread so allocating threads never contend: each thread owns a small table
 * it alone writes (plain adds published with relaxed stores); a reader merges all
 * tables under a lock, and a thread's counts move to a retired table when it
 * exits. */
#include <stdlib.h>
#include <string.h>

#include "ndis_internal.h"

#define TAG_SLOTS 64u

struct tag_table {
        struct tag_slot s[TAG_SLOTS];
        struct tag_table *next, *prev;
};

static __thread struct tag_table *tls_tab __attribute__((tls_model("initial-exec")));
__thread struct tag_slot *tag_tls_last __attribute__((tls_model("initial-exec")));
#define tls_last tag_tls_last
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_key_t key;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct tag_table tables; /* list head */
static struct tag_total *retired;
static size_t retired_len, retired_cap;

static struct tag_total *retired_find(uint64_t owner, uint32_t tag)
{
        size_t i;

        for (i = 0; i < retired_len; i++)
                if (retired[i].owner == owner && retired[i].tag == tag)
                        return &retired[i];
        if (retired_len == retired_cap) {
                size_t ncap = retired_cap ? retired_cap * 2 : 64;
                struct tag_total *n = realloc(retired, ncap * sizeof(*n));

                if (!n)
                        return NULL;
                retired = n;
                retired_cap = ncap;
        }
        retired[retired_len] = (struct tag_total){.owner = owner, .tag = tag};
        return &retired[retired_len++];
}

static void retire(struct tag_table *t)
{
        unsigned i;

        for (i = 0; i < TAG_SLOTS; i++) {
                struct tag_slot *s = &t->s[i];
                struct tag_total *r;

                if (!s->used || !(r = retired_find(s->owner, s->tag)))
                        continue;
                r->allocs += s->allocs;
                r->frees += s->frees;
                r->bytes_live += s->bytes_in - s->bytes_out;
        }
}

static void table_exit(void *p)
{
        struct tag_table *t = p;

        pthread_mutex_lock(&lock);
        retire(t);
        t->prev->next = t->next;
        t->next->prev = t->prev;
        pthread_mutex_unlock(&lock);
        tls_tab = NULL;
        tls_last = NULL;
        free(t);
}

static void make_key(void)
{
        pthread_key_create(&key, table_exit);
        tables.next = tables.prev = &tables;
}

static __attribute__((noinline)) struct tag_table *table_register(void)
{
        struct tag_table *t = calloc(1, sizeof(*t));

        pthread_once(&once, make_key);
        if (!t)
                return NULL;
        pthread_mutex_lock(&lock);
        t->next = tables.next;
        t->prev = &tables;
        tables.next->prev = t;
        tables.next = t;
        pthread_mutex_unlock(&lock);
        pthread_setspecific(key, t);
        tls_tab = t;
        return t;
}

/* The slot of (owner, tag) in this thread's table, NULL when the table is full
 * (the caller then counts under the lock). */
static inline struct tag_slot *slot_for(uint64_t owner, uint32_t tag)
{
        struct tag_table *t = tls_tab;
        struct tag_slot *last = tls_last;
        unsigned i, j;

        if (likely(last && last->tag == tag && last->owner == owner))
                return last;
        if (unlikely(!t) && !(t = table_register()))
                return NULL;
        j = (unsigned)((tag * 0x9e3779b1u) ^ (uint32_t)owner) & (TAG_SLOTS - 1);
        for (i = 0; i < TAG_SLOTS; i++, j = (j + 1) & (TAG_SLOTS - 1)) {
                struct tag_slot *s = &t->s[j];

                if (likely(s->used && s->tag == tag && s->owner == owner))
                        return tls_last = s;
                if (!s->used) {
                        s->owner = owner;
                        s->tag = tag;
                        __atomic_store_n(&s->used, 1, __ATOMIC_RELEASE);
                        return tls_last = s;
                }
        }
        return NULL;
}

static void count_locked(uint64_t owner, uint32_t tag, size_t bytes, int alloc)
{
        struct tag_total *r;

        pthread_mutex_lock(&lock);
        r = retired_find(owner, tag);
        if (r && alloc) {
                r->allocs++;
                r->bytes_live += bytes;
        } else if (r) {
                r->frees++;
                r->bytes_live -= bytes;
        }
        pthread_mutex_unlock(&lock);
}

void tag_stats_alloc_slow(uint64_t owner, uint32_t tag, size_t bytes)
{
        struct tag_slot *s = slot_for(owner, tag);

        if (unlikely(!s)) {
                count_locked(owner, tag, bytes, 1);
                return;
        }
        __atomic_store_n(&s->allocs, s->allocs + 1, __ATOMIC_RELAXED);
        __atomic_store_n(&s->bytes_in, s->bytes_in + bytes, __ATOMIC_RELAXED);
}

void tag_stats_free_slow(uint64_t owner, uint32_t tag, size_t bytes)
{
        struct tag_slot *s = slot_for(owner, tag);

        if (unlikely(!s)) {
                count_locked(owner, tag, bytes, 0);
                return;
        }
        __atomic_store_n(&s->frees, s->frees + 1, __ATOMIC_RELAXED);
        __atomic_store_n(&s->bytes_out, s->bytes_out + bytes, __ATOMIC_RELAXED);
}

/* Adds counts to the (owner, tag) entry of out[], creating it; entries past `cap`
 * are counted in *n but not stored. */
static void add_total(struct tag_total *out, size_t cap, size_t *n, uint64_t owner, uint32_t tag,
                      uint64_t allocs, uint64_t frees, uint64_t live)
{
        size_t i, stored = *n < cap ? *n : cap;

        for (i = 0; i < stored; i++)
                if (out[i].owner == owner && out[i].tag == tag)
                        break;
        if (i == stored) {
                (*n)++;
                if (i >= cap)
                        return;
                out[i] = (struct tag_total){.owner = owner, .tag = tag};
        }
        out[i].allocs += allocs;
        out[i].frees += frees;
        out[i].bytes_live += live;
}

size_t tag_stats_collect(uint64_t owner_filter, struct tag_total *out, size_t cap)
{
        struct tag_table *t;
        size_t n = 0, i;

        pthread_once(&once, make_key);
        memset(out, 0, cap * sizeof(*out));
        pthread_mutex_lock(&lock);
        for (i = 0; i < retired_len; i++)
                if (owner_filter == UINT64_MAX || retired[i].owner == owner_filter)
                        add_total(out, cap, &n, retired[i].owner, retired[i].tag, retired[i].allocs,
                                  retired[i].frees, retired[i].bytes_live);
        for (t = tables.next; t != &tables; t = t->next) {
                for (i = 0; i < TAG_SLOTS; i++) {
                        struct tag_slot *s = &t->s[i];
                        uint64_t owner;

                        if (!__atomic_load_n(&s->used, __ATOMIC_ACQUIRE))
                                continue;
                        owner = s->owner;
                        if (owner_filter != UINT64_MAX && owner != owner_filter)
                                continue;
                        add_total(out, cap, &n, owner, s->tag,
                                  __atomic_load_n(&s->allocs, __ATOMIC_RELAXED),
                                  __atomic_load_n(&s->frees, __ATOMIC_RELAXED),
                                  __atomic_load_n(&s->bytes_in, __ATOMIC_RELAXED) -
                                      __atomic_load_n(&s->bytes_out, __ATOMIC_RELAXED));
                }
        }
        pthread_mutex_unlock(&lock);
        return n;
}
