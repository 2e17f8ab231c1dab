/* block.h - typed blocks: every buffer winnet hands to a caller is one allocation
 * with a hidden 32-byte header in front of it that names its family and state.
 * The header lets every free routine recognise a pointer that is not its own, a
 * double free or a block of another family with a cookie compare, even with the
 * verifier off. The payload is 16-byte aligned. */
#ifndef WINNET_BASE_BLOCK_H
#define WINNET_BASE_BLOCK_H

#include <stddef.h>
#include <stdint.h>

enum block_family {
        BLOCK_MIB_TABLE = 1,   /* IP Helper table, freed by FreeMibTable */
        BLOCK_NETAPI = 2,      /* LAN Manager buffer, freed by NetApiBufferFree */
        BLOCK_NDIS_MEMORY = 3, /* NdisAllocateMemoryWithTagPriority */
        BLOCK_NDIS_POOL = 4,   /* NET_BUFFER / NET_BUFFER_LIST pool objects */
        BLOCK_INTERNAL = 5,    /* library-private allocations */
        BLOCK_FAMILY_MAX
};

/* What block_check() found. */
enum block_verdict {
        BLOCK_OK = 0,
        BLOCK_NOT_OURS,     /* no cookie: not a winnet block (or its header was overwritten) */
        BLOCK_FREED,        /* cookie says the block was already freed */
        BLOCK_WRONG_FAMILY, /* a live block of another family */
};

struct block_header {
        uint64_t size;  /* bytes the caller asked for */
        uint64_t spare; /* glibc reuses the first 16 bytes of a freed chunk */
        union {
                struct {
                        uint32_t cookie; /* BLOCK_COOKIE_LIVE or BLOCK_COOKIE_FREED */
                        uint16_t family; /* enum block_family */
                        uint16_t flags;  /* BLOCK_F_* */
                };
                uint64_t state; /* the three above as one word: one store, one compare */
        };
        uint32_t tag;   /* pool tag (NDIS) or 0 */
        uint32_t check; /* cookie ^ family ^ low bits of the address: catches stale copies */
};

#define BLOCK_COOKIE_LIVE  0x6e776e57u /* "Wnwn" */
#define BLOCK_COOKIE_FREED 0x44656144u /* "DeaD" */
#define BLOCK_F_MMAP       0x0001u     /* allocated with mmap (guard pages); see ndis */
#define BLOCK_F_CLASSED    0x0002u /* size-class block of the per-thread cache; class in bits 8-11 */

_Static_assert(sizeof(struct block_header) == 32, "block header keeps 16-byte alignment");

static inline struct block_header *block_header_of(const void *payload)
{
        return (struct block_header *)((uintptr_t)payload - sizeof(struct block_header));
}

/* A call site: where an allocation was requested. `ra` is the caller's return
 * address at the public edge; `what` names the API (or file:line inside the
 * library). Used by the verifier's registry, leak reports and fault injection;
 * `stack`, when set, makes "first call from each distinct call stack" out of
 * fault_sites. */
struct alloc_site {
        const char *what;
        const void *ra;
        uintptr_t stack; /* hash of the caller's call stack, 0 when not taken */
};

#define ALLOC_SITE_HERE(name) \
        ((struct alloc_site){(name), __builtin_extract_return_addr(__builtin_return_address(0)), 0})
#define ALLOC_SITE_INTERNAL ((struct alloc_site){__FILE__ ":" WINNET_STR(__LINE__), NULL, 0})
#define WINNET_STR_(x)      #x
#define WINNET_STR(x)       WINNET_STR_(x)

/* ---- per-thread cache of freed blocks (block.c) ----
 * Power-of-two size classes from 64 B to 128 KiB. glibc's own per-thread cache
 * stops at 1032-byte requests; our header would push a 1 KiB buffer past it onto
 * the slow path. A cached block keeps its FREED cookie, so double frees are still
 * recognised. Off under AddressSanitizer and ThreadSanitizer, which must see every
 * free. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define BLOCK_CACHE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define BLOCK_CACHE 0
#endif
#endif
#ifndef BLOCK_CACHE
#define BLOCK_CACHE 1
#endif

#define BLOCK_CLASS_MIN_SHIFT 6u
#define BLOCK_CLASS_COUNT     12u /* 64 B .. 128 KiB */
#define BLOCK_CLASS_MAX       ((size_t)1 << (BLOCK_CLASS_MIN_SHIFT + BLOCK_CLASS_COUNT - 1))

/* Each class holds at most 64 blocks and at most 512 KiB. A cached block keeps
 * the next block in `size` and the length of the list from itself down in
 * `spare`, so neither path updates a counter. */
#define BLOCK_CLASS_DEPTH(c) (64u >> ((c) > 7u ? (c)-7u : 0u))

struct block_cache {
        struct block_header *head[BLOCK_CLASS_COUNT];
        int registered; /* the thread-exit destructor is armed; nothing is cached before */
};

extern __thread struct block_cache block_tcache __attribute__((tls_model("initial-exec")));
extern unsigned verifier_opts; /* verifier.h: any option on takes the slow paths */
extern int fault_armed;

static inline unsigned block_size_class(size_t n)
{
        if (n <= ((size_t)1 << BLOCK_CLASS_MIN_SHIFT))
                return 0;
        return (unsigned)(64 - __builtin_clzll((unsigned long long)n - 1)) - BLOCK_CLASS_MIN_SHIFT;
}

/* The state word of a header: cookie, family and flags as the fast paths store and
 * compare them (little-endian: cookie in the low half). */
static inline uint64_t block_state(uint32_t cookie, unsigned family, unsigned flags)
{
        return (uint64_t)cookie | (uint64_t)(uint16_t)family << 32 |
               (uint64_t)(uint16_t)flags << 48;
}

/* The state bits the free fast path ignores: the size class (flags bits 8-11). */
#define BLOCK_STATE_CLASS_MASK (0xfull << 56)

/* The check word: a second, independent encoding of cookie and family, so that a
 * stray 32-bit value equal to the cookie is not taken for a header. */
static inline uint32_t block_check_value(uint32_t cookie, unsigned family)
{
        return ~cookie ^ ((uint32_t)(uint16_t)family << 16) ^ 0x2d5a3c96u;
}

static inline uint32_t block_header_check(const struct block_header *h)
{
        return block_check_value(h->cookie, h->family);
}

/* Allocates a block of `family` with `size` payload bytes (0 allowed: a real,
 * unique, freeable pointer). Honours fault injection. Returns NULL when memory is
 * short (or a fault was injected); the caller maps that to its API's code. Never
 * changes errno. */
void *block_alloc_slow(enum block_family family, size_t size, uint32_t tag, struct alloc_site site);

static inline void *block_alloc(enum block_family family, size_t size, uint32_t tag,
                                struct alloc_site site)
{
        struct block_header *h;
        unsigned c;

        if (BLOCK_CACHE && __builtin_expect(size <= BLOCK_CLASS_MAX, 1) &&
            !(__atomic_load_n(&verifier_opts, __ATOMIC_RELAXED) |
              __atomic_load_n(&fault_armed, __ATOMIC_RELAXED))) {
                c = block_size_class(size);
                h = block_tcache.head[c];
                if (__builtin_expect(h != NULL, 1)) {
                        block_tcache.head[c] = (struct block_header *)(uintptr_t)h->size;
                        h->size = size;
                        h->spare = 0;
                        h->state =
                            block_state(BLOCK_COOKIE_LIVE, family, BLOCK_F_CLASSED | (c << 8));
                        h->tag = tag;
                        h->check = block_check_value(BLOCK_COOKIE_LIVE, family);
                        return h + 1;
                }
        }
        return block_alloc_slow(family, size, tag, site);
}

/* Like block_alloc but zero-filled. */
void *block_zalloc(enum block_family family, size_t size, uint32_t tag, struct alloc_site site);

/* Resizes a live block of `family`, keeping min(old,new) bytes. NULL on failure:
 * the old block is then untouched. NULL payload allocates. */
void *block_realloc(void *payload, enum block_family family, size_t size, struct alloc_site site);

/* Classifies `payload` for `family`. NULL is not a block. With tracking on the
 * registry decides; otherwise the cookie in the header does. */
enum block_verdict block_check(const void *payload, enum block_family family);

/* Frees a block after block_check() said BLOCK_OK. Marks it freed first. */
void block_free(void *payload);

/* Checks then frees. On a bad pointer the fault is reported through the verifier
 * (named after `api`), which aborts or logs by policy; returns 0 when freed,
 * -EINVAL (not ours), -EALREADY (double free) or -EPROTOTYPE (wrong family) when it
 * was not freed. NULL returns 0 and does nothing. */
int block_free_checked(void *payload, enum block_family family, const char *api);

/* Pushes a classed block (its state already checked or set by the caller) onto
 * class `c` of this thread's cache; 0 when that class is full or the thread has
 * not armed its exit destructor yet (the slow path does that). */
static inline int block_cache_push(struct block_header *h, unsigned c)
{
#if BLOCK_CACHE
        struct block_header *top = block_tcache.head[c];
        uint64_t depth = top ? top->spare + 1 : 1;

        if (__builtin_expect(depth <= BLOCK_CLASS_DEPTH(c) && block_tcache.registered, 1)) {
                h->state = block_state(BLOCK_COOKIE_FREED, h->family, h->flags);
                h->size = (uint64_t)(uintptr_t)top;
                h->spare = depth;
                block_tcache.head[c] = h;
                return 1;
        }
#else
        (void)h;
        (void)c;
#endif
        return 0;
}

/* Puts a live classed block (checked by the caller) back into this thread's
 * cache; 0 when that class is full (or the cache is compiled out). */
static inline int block_cache_put(struct block_header *h)
{
        return block_cache_push(h, (h->flags >> 8) & 0xfu);
}

/* The free fast path every public free routine uses: a live block of the right
 * family goes straight back to the thread's cache; everything else (verifier on,
 * bad pointers, large blocks, a full cache) takes block_free_checked. */
static inline int block_release(void *payload, enum block_family family, const char *api)
{
#if BLOCK_CACHE
        struct block_header *h = block_header_of(payload);
        uint64_t st;

        /* A page-aligned payload may be an underrun guard block (guard.h) with no
         * header in front of it: the slow path looks it up first. */
        if (__builtin_expect(payload && !((uintptr_t)payload & 7u) &&
                                 ((uintptr_t)payload & 4095u) &&
                                 !__atomic_load_n(&verifier_opts, __ATOMIC_RELAXED),
                             1)) {
                st = h->state;
                if ((st & ~BLOCK_STATE_CLASS_MASK) ==
                        block_state(BLOCK_COOKIE_LIVE, family, BLOCK_F_CLASSED) &&
                    block_cache_push(h, (unsigned)(st >> 56) & 0xfu))
                        return 0;
        }
#endif
        return block_free_checked(payload, family, api);
}

/* Payload size of a live block. */
static inline size_t block_size(const void *payload)
{
        return (size_t)block_header_of(payload)->size;
}

const char *block_family_name(enum block_family family);

#endif /* WINNET_BASE_BLOCK_H */
