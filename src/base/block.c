/* block.c - typed blocks: allocation with a hidden header, the cookie check every
 * free routine runs, and the reports for pointers that are not ours, double frees
 * and blocks of another family. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>

#include "block.h"
#include "guard.h"
#include "verifier.h"

__thread struct block_cache block_tcache __attribute__((tls_model("initial-exec")));
#define tcache block_tcache
static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

#define size_class      block_size_class
#define CLASS_MIN_SHIFT BLOCK_CLASS_MIN_SHIFT
#define CLASS_COUNT     BLOCK_CLASS_COUNT
#define CLASS_MAX       BLOCK_CLASS_MAX

static void cache_drain(void *unused)
{
        unsigned c;

        (void)unused;
        for (c = 0; c < CLASS_COUNT; c++) {
                while (tcache.head[c]) {
                        struct block_header *h = tcache.head[c];

                        tcache.head[c] = (struct block_header *)(uintptr_t)h->size;
                        free(h);
                }
        }
        tcache.registered = 0;
}

static void cache_make_key(void)
{
        pthread_key_create(&cache_key, cache_drain);
}

/* The thread's blocks are freed when it exits (a key destructor). */
static void cache_register(void)
{
        pthread_once(&cache_once, cache_make_key);
        pthread_setspecific(cache_key, &tcache);
        tcache.registered = 1;
}

/* Takes a block able to hold `size` bytes: from the cache, else from malloc. */
static struct block_header *raw_alloc(size_t size, uint16_t *ret_flags)
{
        struct block_header *h;
        unsigned c;

        int saved = errno; /* malloc may set it; the Windows APIs never do */

        if (!BLOCK_CACHE || size > CLASS_MAX) {
                *ret_flags = 0;
                h = malloc(sizeof(*h) + size);
                errno = saved;
                return h;
        }
        c = size_class(size);
        *ret_flags = (uint16_t)(BLOCK_F_CLASSED | (c << 8));
        h = tcache.head[c];
        if (h) {
                tcache.head[c] = (struct block_header *)(uintptr_t)h->size;
                return h;
        }
        h = malloc(sizeof(*h) + ((size_t)1 << (CLASS_MIN_SHIFT + c)));
        errno = saved;
        return h;
}

/* Returns a freed block to the cache, or to malloc. */
static void raw_free(struct block_header *h)
{
        unsigned c = (h->flags >> 8) & 0xfu;

        if (BLOCK_CACHE && (h->flags & BLOCK_F_CLASSED) && unlikely(!tcache.registered))
                cache_register();
        if (BLOCK_CACHE && (h->flags & BLOCK_F_CLASSED) && block_cache_push(h, c))
                return;
        /* The compiler sees stores right before free() as dead: keep them. */
        __asm__ volatile("" : : "r"(h) : "memory");
        free(h);
}

static inline size_t block_capacity(const struct block_header *h)
{
        if (h->flags & BLOCK_F_CLASSED)
                return (size_t)1 << (CLASS_MIN_SHIFT + ((h->flags >> 8) & 0xfu));
        return (size_t)h->size;
}

#define header_check block_header_check

static void *block_finish(struct block_header *h, enum block_family family, size_t size,
                          uint32_t tag, struct alloc_site site, uint16_t flags)
{
        h->size = size;
        h->spare = 0;
        h->cookie = BLOCK_COOKIE_LIVE;
        h->family = (uint16_t)family;
        h->flags = flags;
        h->tag = tag;
        h->check = header_check(h);
        if (verifier_on(WINNET_VERIFIER_TRACK))
                registry_add(h + 1, family, size, tag, site);
        return h + 1;
}

void *block_alloc_slow(enum block_family family, size_t size, uint32_t tag, struct alloc_site site)
{
        struct block_header *h;
        uint16_t flags;

        if (fault_is_armed() && fault_should_fail(site, tag))
                return NULL;
        if (unlikely(size > SIZE_MAX - sizeof(*h)))
                return NULL;
        h = raw_alloc(size, &flags);
        if (unlikely(!h))
                return NULL;
        return block_finish(h, family, size, tag, site, flags);
}

void *block_zalloc(enum block_family family, size_t size, uint32_t tag, struct alloc_site site)
{
        struct block_header *h;
        uint16_t flags;

        if (fault_is_armed() && fault_should_fail(site, tag))
                return NULL;
        if (size > SIZE_MAX - sizeof(*h))
                return NULL;
        h = raw_alloc(size, &flags);
        if (!h)
                return NULL;
        memset(h + 1, 0, size);
        return block_finish(h, family, size, tag, site, flags);
}

void *block_realloc(void *payload, enum block_family family, size_t size, struct alloc_site site)
{
        struct block_header *h, *n;
        size_t old_size;
        uint32_t tag;

        if (!payload)
                return block_alloc(family, size, 0, site);
        if (fault_is_armed() && fault_should_fail(site, 0))
                return NULL;
        if (size > SIZE_MAX - sizeof(*h))
                return NULL;
        h = block_header_of(payload);
        old_size = (size_t)h->size;
        tag = h->tag;
        if ((h->flags & BLOCK_F_CLASSED) && size <= block_capacity(h) &&
            size_class(size) == size_class(block_capacity(h))) {
                /* fits its own class: resize in place */
                if (verifier_on(WINNET_VERIFIER_TRACK)) {
                        registry_remove(payload, family, old_size, tag);
                        registry_add(payload, family, size, tag, site);
                }
                h->size = size;
                return payload;
        }
        if (h->flags & BLOCK_F_CLASSED) {
                void *p = block_alloc(family, size, tag, site);

                if (!p)
                        return NULL;
                memcpy(p, payload, old_size < size ? old_size : size);
                block_free(payload);
                return p;
        }
        /* realloc may move the block: unregister first, re-register whichever
         * block is live afterwards. */
        if (verifier_on(WINNET_VERIFIER_TRACK))
                registry_remove(payload, family, old_size, tag);
        n = realloc(h, sizeof(*h) + size);
        if (!n) {
                if (verifier_on(WINNET_VERIFIER_TRACK))
                        registry_add(payload, family, old_size, tag, site);
                return NULL;
        }
        return block_finish(n, family, size, tag, site, 0);
}

/* With the verifier tracking, the registry decides without touching memory that
 * may not be ours. */
static enum block_verdict check_by_registry(const void *payload, enum block_family family)
{
        uint16_t fam = 0;

        switch (registry_lookup(payload, &fam)) {
        case 1:
                return fam == family ? BLOCK_OK : BLOCK_WRONG_FAMILY;
        case 2:
                return BLOCK_FREED;
        default:
                return BLOCK_NOT_OURS;
        }
}

/* The cookie peek reads the 32 bytes before a pointer the caller claims is ours;
 * for a double free that is freed memory, deliberately: exempt it from ASan. Its
 * limit: with tracking off, a freed block whose pages went back to the kernel
 * (large blocks) faults here instead of being reported. */
__attribute__((no_sanitize("address"))) enum block_verdict block_check(const void *payload,
                                                                       enum block_family family)
{
        const struct block_header *h;

        if (!payload || ((uintptr_t)payload & 7u))
                return BLOCK_NOT_OURS;
        if (guard_is_active()) {
                /* Guard blocks first: an underrun block has no header and a
                 * quarantined one is inaccessible. */
                struct guard_info gi;

                switch (guard_lookup(payload, &gi)) {
                case 1:
                        return gi.family == family ? BLOCK_OK : BLOCK_WRONG_FAMILY;
                case 2:
                        return BLOCK_FREED;
                default:
                        break;
                }
        }
        if (verifier_on(WINNET_VERIFIER_TRACK)) {
                enum block_verdict v = check_by_registry(payload, family);

                /* Blocks allocated before tracking began are unknown to the registry:
                 * fall back to their cookie. */
                if (v != BLOCK_NOT_OURS)
                        return v;
        }
        h = block_header_of(payload);
        if (h->cookie == BLOCK_COOKIE_FREED)
                return BLOCK_FREED;
        if (h->cookie != BLOCK_COOKIE_LIVE || h->check != header_check(h))
                return BLOCK_NOT_OURS;
        if (h->family != family)
                return BLOCK_WRONG_FAMILY;
        return BLOCK_OK;
}

void block_free(void *payload)
{
        struct block_header *h = block_header_of(payload);

        if (guard_is_active() && guard_lookup(payload, NULL) == 1) {
                guard_free(payload, "block_free", verifier_on(WINNET_VERIFIER_QUARANTINE));
                return;
        }

        if (verifier_on(WINNET_VERIFIER_TRACK))
                registry_remove(payload, (enum block_family)h->family, (size_t)h->size, h->tag);
        h->cookie = BLOCK_COOKIE_FREED;
        h->check = 0;
        raw_free(h);
}

const char *block_family_name(enum block_family family)
{
        switch (family) {
        case BLOCK_MIB_TABLE:
                return "MIB table";
        case BLOCK_NETAPI:
                return "NetApi buffer";
        case BLOCK_NDIS_MEMORY:
                return "NDIS memory";
        case BLOCK_NDIS_POOL:
                return "NDIS pool object";
        case BLOCK_INTERNAL:
                return "winnet private block";
        case BLOCK_FAMILY_MAX:
                break;
        }
        return "unknown";
}

int block_free_checked(void *payload, enum block_family family, const char *api)
{
        const struct block_header *h;
        struct guard_info gi;
        uint64_t p[4] = {0, (uint64_t)(uintptr_t)payload, 0, 0};

        if (!payload)
                return 0;
        switch (block_check(payload, family)) {
        case BLOCK_OK:
                block_free(payload);
                return 0;
        case BLOCK_FREED:
                p[0] = 0x7; /* BAD_POOL_CALLER 0x7: freeing pool already freed */
                verifier_report(0xC2, p, "double_free", api,
                                "%p was already freed (a %s): freed twice", payload,
                                block_family_name(family));
                return -EALREADY;
        case BLOCK_WRONG_FAMILY:
                h = block_header_of(payload);
                p[0] = family;
                if (guard_is_active() && guard_lookup(payload, &gi) == 1)
                        p[2] = gi.family; /* maybe no header in front of it */
                else
                        p[2] = h->family; /* a live block: its header is readable */
                verifier_report(WINNET_BUGCHECK(1), p, "wrong_family", api,
                                "%p is a %s, not a %s: free it with its own function", payload,
                                block_family_name((enum block_family)p[2]),
                                block_family_name(family));
                return -EPROTOTYPE;
        case BLOCK_NOT_OURS:
                break;
        }
        p[0] = 0x46; /* BAD_POOL_CALLER 0x46: freeing an address that is not pool */
        verifier_report(0xC2, p, "bad_pointer", api,
                        "%p was not allocated by winnet as a %s (or its header was overwritten)",
                        payload, block_family_name(family));
        return -EINVAL;
}
