/* guard.c - blocks against PROT_NONE guard pages, their side table, the slack
 * pattern checked at free, and the quarantine of freed blocks (mapped, but
 * inaccessible, until they rotate out). */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "guard.h"
#include "verifier.h"

#define SLACK_BYTE     0xA7u
#define QUARANTINE_MAX 512u                  /* blocks kept inaccessible */
#define QUARANTINE_CAP (64u * 1024u * 1024u) /* bytes of address space they may hold */
#define FREED_RING     1024u

int guard_active;

enum { G_EMPTY = 0, G_LIVE, G_QUARANTINED, G_TOMB };

struct guard_entry {
        void *payload;
        void *map;
        size_t maplen;
        struct guard_info info;
        uint8_t layout;
        uint8_t state;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct guard_entry *tab;
static size_t tab_cap, tab_used;
static void *quarantine[QUARANTINE_MAX];
static size_t q_head, q_len, q_bytes;
static const void *freed_ring[FREED_RING];
static size_t freed_next;

static size_t page_size(void)
{
        static size_t ps;

        if (!ps)
                ps = (size_t)sysconf(_SC_PAGESIZE);
        return ps;
}

static size_t slot_of(const void *p, size_t cap)
{
        uint64_t x = (uint64_t)(uintptr_t)p >> 4;

        x *= 0x9e3779b97f4a7c15ull;
        return (size_t)(x >> 20) & (cap - 1);
}

static struct guard_entry *find(const void *payload)
{
        size_t j;

        if (!tab_cap)
                return NULL;
        for (j = slot_of(payload, tab_cap); tab[j].state != G_EMPTY; j = (j + 1) & (tab_cap - 1))
                if (tab[j].state != G_TOMB && tab[j].payload == payload)
                        return &tab[j];
        return NULL;
}

static int grow(void)
{
        size_t ncap = tab_cap ? tab_cap * 2 : 256, i, j;
        struct guard_entry *n = calloc(ncap, sizeof(*n));

        if (!n)
                return -ENOMEM;
        for (i = 0; i < tab_cap; i++) {
                if (tab[i].state != G_LIVE && tab[i].state != G_QUARANTINED)
                        continue;
                for (j = slot_of(tab[i].payload, ncap); n[j].state; j = (j + 1) & (ncap - 1))
                        ;
                n[j] = tab[i];
        }
        free(tab);
        tab = n;
        tab_cap = ncap;
        tab_used = 0;
        for (i = 0; i < ncap; i++)
                tab_used += n[i].state != G_EMPTY;
        return 0;
}

static int insert(const struct guard_entry *e)
{
        size_t j;

        if ((tab_used + 1) * 2 > tab_cap && grow() < 0)
                return -ENOMEM;
        for (j = slot_of(e->payload, tab_cap);
             tab[j].state == G_LIVE || tab[j].state == G_QUARANTINED; j = (j + 1) & (tab_cap - 1))
                ;
        if (tab[j].state == G_EMPTY)
                tab_used++;
        tab[j] = *e;
        return 0;
}

void *guard_alloc(enum block_family family, size_t size, uint32_t tag, uint64_t spare,
                  enum guard_layout layout, struct alloc_site site)
{
        size_t ps = page_size(), rsize = (size + 15u) & ~(size_t)15u, data_pages;
        struct guard_entry e = {0};
        unsigned char *map, *payload, *guard;

        if (size > SIZE_MAX / 2)
                return NULL;
        if (layout == GUARD_OVERRUN)
                data_pages = (sizeof(struct block_header) + rsize + ps - 1) / ps;
        else
                data_pages = size ? (size + ps - 1) / ps : 1;
        e.maplen = (data_pages + 1) * ps;
        map = mmap(NULL, e.maplen, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (map == MAP_FAILED)
                return NULL;
        if (layout == GUARD_OVERRUN) {
                guard = map + data_pages * ps;
                payload = guard - rsize;
                memset(payload + size, SLACK_BYTE, rsize - size);
        } else {
                guard = map;
                payload = map + ps;
                memset(payload + size, SLACK_BYTE, data_pages * ps - size);
        }
        if (mprotect(guard, ps, PROT_NONE) < 0) {
                munmap(map, e.maplen);
                return NULL;
        }
        if (layout == GUARD_OVERRUN) {
                struct block_header *h = block_header_of(payload);

                h->size = size;
                h->spare = spare;
                h->cookie = BLOCK_COOKIE_LIVE;
                h->family = (uint16_t)family;
                h->flags = BLOCK_F_MMAP;
                h->tag = tag;
                h->check = block_header_check(h);
        }
        e.payload = payload;
        e.map = map;
        e.info = (struct guard_info){size, tag, (uint16_t)family, spare, site};
        e.layout = (uint8_t)layout;
        e.state = G_LIVE;
        pthread_mutex_lock(&lock);
        if (insert(&e) < 0) {
                pthread_mutex_unlock(&lock);
                munmap(map, e.maplen);
                return NULL;
        }
        __atomic_store_n(&guard_active, 1, __ATOMIC_RELAXED);
        pthread_mutex_unlock(&lock);
        if (verifier_on(WINNET_VERIFIER_TRACK))
                registry_add(payload, family, size, tag, site);
        return payload;
}

int guard_lookup(const void *payload, struct guard_info *ret_info)
{
        struct guard_entry *e;
        int found = 0;
        size_t i;

        pthread_mutex_lock(&lock);
        e = find(payload);
        if (e && e->state == G_LIVE) {
                found = 1;
                if (ret_info)
                        *ret_info = e->info;
        } else if (e) {
                found = 2; /* quarantined: its description is still known */
                if (ret_info)
                        *ret_info = e->info;
        }
        for (i = 0; !found && i < FREED_RING; i++)
                if (freed_ring[i] == payload)
                        found = 2;
        pthread_mutex_unlock(&lock);
        return found;
}

/* Unmaps an entry and forgets it; the lock is held. */
static void release(struct guard_entry *e)
{
        munmap(e->map, e->maplen);
        freed_ring[freed_next++ % FREED_RING] = e->payload;
        e->state = G_TOMB;
}

static void quarantine_push(struct guard_entry *e)
{
        while (q_len && (q_len == QUARANTINE_MAX || q_bytes + e->maplen > QUARANTINE_CAP)) {
                struct guard_entry *old = find(quarantine[q_head]);

                if (old) {
                        q_bytes -= old->maplen;
                        release(old);
                }
                q_head = (q_head + 1) % QUARANTINE_MAX;
                q_len--;
        }
        quarantine[(q_head + q_len++) % QUARANTINE_MAX] = e->payload;
        q_bytes += e->maplen;
        e->state = G_QUARANTINED;
        mprotect(e->map, e->maplen, PROT_NONE);
}

/* The first slack byte that lost its pattern, or NULL. */
static const unsigned char *slack_damage(const struct guard_entry *e)
{
        const unsigned char *p = (const unsigned char *)e->payload + e->info.size;
        const unsigned char *end = (const unsigned char *)e->map + e->maplen;

        if (e->layout == GUARD_OVERRUN)
                end -= page_size();
        for (; p < end; p++)
                if (*p != SLACK_BYTE)
                        return p;
        return NULL;
}

int guard_free(void *payload, const char *api, int quarantine_it)
{
        const unsigned char *bad;
        struct guard_entry *e;
        struct guard_info info;

        pthread_mutex_lock(&lock);
        e = find(payload);
        if (!e || e->state != G_LIVE) {
                pthread_mutex_unlock(&lock);
                return -EINVAL;
        }
        info = e->info;
        bad = slack_damage(e);
        if (bad) {
                uint64_t p[4] = {(uint64_t)(uintptr_t)payload, info.size, (uint64_t)(uintptr_t)bad,
                                 *bad};
                char tt[5];

                pthread_mutex_unlock(&lock);
                verifier_tag_text(info.tag, tt);
                verifier_report(WINNET_BUGCHECK(0x105), p, "special_pool_corruption", api,
                                "%p (%zu bytes, tag '%s'): byte %zu past its end was "
                                "overwritten (0x%02X): a write ran past the allocation",
                                payload, info.size, tt,
                                (size_t)(bad - (const unsigned char *)payload) - info.size, *bad);
                pthread_mutex_lock(&lock);
                e = find(payload);
                if (!e || e->state != G_LIVE) {
                        pthread_mutex_unlock(&lock);
                        return -EINVAL;
                }
        }
        if (e->layout == GUARD_OVERRUN) {
                struct block_header *h = block_header_of(payload);

                h->cookie = BLOCK_COOKIE_FREED;
                h->check = 0;
        }
        if (quarantine_it)
                quarantine_push(e);
        else
                release(e);
        pthread_mutex_unlock(&lock);
        if (verifier_on(WINNET_VERIFIER_TRACK))
                registry_remove(payload, (enum block_family)info.family, info.size, info.tag);
        return 0;
}

void guard_quarantine_flush(void)
{
        pthread_mutex_lock(&lock);
        while (q_len) {
                struct guard_entry *e = find(quarantine[q_head]);

                if (e)
                        release(e);
                q_head = (q_head + 1) % QUARANTINE_MAX;
                q_len--;
        }
        q_bytes = 0;
        pthread_mutex_unlock(&lock);
}
