/* ndis_internal.h - what the files of src/ndis/ share: bug-check codes, the hidden
 * header in front of every pool object, pools, driver handles, per-thread caches
 * and the verifying-mode checks. Grouped by the file that defines each function. */
#ifndef WINNET_NDIS_INTERNAL_H
#define WINNET_NDIS_INTERNAL_H

#include <pthread.h>
#include <stdint.h>

#include "ndis.h"
#include "winnet.h"
#include "block.h"
#include "irql.h"
#include "verifier.h"

/* Fast free paths read the hidden header of whatever pointer a driver passes,
 * freed ones included (that is how a double free is named): not instrumented. */
#define NO_ASAN __attribute__((no_sanitize("address")))

/* Clears `n` bytes (a multiple of 16, 16-byte aligned) with vector stores: for the
 * structure sizes here this beats the `rep stos` a memset becomes. */
typedef long long ndis_v2di __attribute__((vector_size(16)));
static inline __attribute__((always_inline)) void zero16(void *p, size_t n)
{
        ndis_v2di *q = p, z = {0, 0};
        size_t i;

        /* Unrolled at -O2 too: n is a constant at every call site. */
#pragma GCC unroll 32
        for (i = 0; i < n / 16; i++) {
                q[i] = z;
                __asm__("" : : "r"(q)); /* keeps the loop from turning into memset */
        }
}

/* ---- bug checks ---- */
#define BUGCODE_NDIS_DRIVER                 0x7Cull
#define DRIVER_VERIFIER_DETECTED_VIOLATION  0xC4ull
#define NDIS_BUGCHECK_INVALID_OBJECT_HEADER 0x21ull /* 0x7C: malformed NDIS_OBJECT_HEADER */
#define NDIS_BUGCHECK_LEAKED_NBL            0x27ull /* 0x7C: NBLs outstanding at unload */
#define DV_ALLOC_NONPAGED_IRQL              0x02ull /* 0xC4: allocation above DISPATCH_LEVEL */
#define DV_FREE_BAD_ADDRESS                 0x10ull /* 0xC4: free of an address never allocated */
#define DV_FREE_IRQL_STRICT                 0x11ull /* 0xC4: free above the stricter IRQL limit */
#define DV_FREE_NONPAGED_IRQL               0x12ull /* 0xC4: free above DISPATCH_LEVEL */
#define DV_DOUBLE_FREE                      0x14ull /* 0xC4: pool freed twice (nonpaged) */
#define DV_RAISE_IRQL_INVALID               0x30ull /* 0xC4: KeRaiseIrql to a lower level */
#define DV_LOWER_IRQL_INVALID               0x31ull /* 0xC4: KeLowerIrql to a higher level */
#define DV_LEAK_AT_UNLOAD                   0x62ull /* 0xC4: allocations left at unload */

/* winnet's own codes, WINNET_BUGCHECK(n); docs/ndis-verifier.md lists them all. */
enum ndis_wcode {
        W_ZERO_TAG = 0x101,
        W_MEMORY_FLAGS = 0x102,
        W_TAG_MISMATCH = 0x103,
        W_HANDLE_MISMATCH = 0x104,
        /* 0x105 special_pool_corruption: base/guard.c */
        W_POOL_NOT_EMPTY = 0x110,
        W_POOL_KIND = 0x111,
        W_WRONG_FREE_CALL = 0x112,
        W_OBJECT_DOUBLE_FREE = 0x113,
        W_BAD_OBJECT = 0x114,
        W_NBL_CONTEXT_OUTSTANDING = 0x115,
        W_NB_INVARIANT = 0x116,
        W_BAD_PARAMETER = 0x117,
        W_MDL_ADDRESS = 0x118,
        W_BAD_DRIVER_HANDLE = 0x119,
        W_RETREAT_MDL_OUTSTANDING = 0x11A,
        W_IRQL_NOT_DISPATCH = 0x11B,
        W_CONTEXT_MISMATCH = 0x11C,
        W_DERIVED_NBL_OUTSTANDING = 0x11D,
};

/* ---- object kinds: block_header.spare of a pool object, a pool, an MDL ---- */
enum ndis_kind {
        KIND_NB = 0x4e420001,          /* NET_BUFFER of an NB pool */
        KIND_NB_PREALLOC = 0x4e420002, /* NET_BUFFER preallocated with an NBL */
        KIND_NBL = 0x4e420003,
        KIND_NB_POOL = 0x4e420004,
        KIND_NBL_POOL = 0x4e420005,
        KIND_MDL = 0x4e420006,         /* NdisAllocateMdl */
        KIND_RETREAT_MDL = 0x4e420007, /* MDL + buffer made by a retreat */
        KIND_CONTEXT = 0x4e420008,     /* NdisAllocateNetBufferListContext */
        KIND_DRIVER = 0x4e420009,
        /* nbl_clone.c: NBLs made from another one, each with its own free routine,
         * the NET_BUFFERs they take from an NB pool and the MDLs describing the
         * original's data (one block per NET_BUFFER) */
        KIND_NBL_CLONE = 0x4e42000a,
        KIND_NBL_FRAGMENT = 0x4e42000b,
        KIND_NBL_REASSEMBLED = 0x4e42000c,
        KIND_NB_DERIVED = 0x4e42000d,
        KIND_MDL_DERIVED = 0x4e42000e,
};

/* A NET_BUFFER_LIST of any kind: plain or derived (clone, fragment, reassembled). */
static inline int kind_is_nbl(uint64_t kind)
{
        return kind == KIND_NBL || (kind >= KIND_NBL_CLONE && kind <= KIND_NBL_REASSEMBLED);
}

const char *ndis_kind_name(uint64_t kind);

/* ---- the hidden header of a pool object (NB, NBL) ----
 * Lies right before the driver-visible structure; drivers never see it, so the
 * reserved fields of NET_BUFFER / NET_BUFFER_LIST stay theirs. The block header at
 * its end lets the cookie checks of every free routine recognise pool objects. */
struct ndis_pool;
struct ndis_obj {
        struct ndis_pool *pool;
        struct ndis_obj *next; /* free list (free objects), tracked list (verifying) */
        struct ndis_obj *prev; /* tracked list */
        const void *ra;        /* allocating call site (tracked objects) */
        union {
                struct {
                        uint16_t retreat_mdls; /* MDLs at the front of the chain a retreat made */
                        uint16_t last_made;    /* the last retreat put an MDL in front */
                        uint32_t delta;        /* NET_BUFFER of a fragment or reassembled NBL:
                                                * the DataOffsetDelta it was retreated by */
                        /* bit i: the i-th retreat MDL from the front came from the
                         * handler (bits of deeper MDLs are 0: ours) */
                        uint64_t by_handler;
                } nb;
                struct {
                        union {
                                PNET_BUFFER_LIST_CONTEXT base_ctx; /* context made with the NBL */
                                struct ndis_obj *parent; /* derived NBLs (no base context):
                                                          * the NBL they were made from */
                        };
                        uint16_t base_offset;
                        uint16_t ctx_separate; /* base_ctx is its own block; derived NBLs:
                                                * their Allocate*Flags */
                        uint32_t children;     /* NBLs derived from this one and not freed */
                } nbl;
        } u;
        struct block_header bh; /* family BLOCK_NDIS_POOL, tag = pool tag, spare = kind */
};
_Static_assert(sizeof(struct ndis_obj) % 16 == 0, "objects stay 16-byte aligned");

/* OBJ_F_RETREAT: a retreat put MDLs in the chain (of this NB, or of the NBL's
 * preallocated one): its free takes the slow path. OBJ_F_CTX_SEPARATE: the NBL's
 * base context is a block of its own. */
#define OBJ_F_TRACKED      0x0100u /* allocated alone, on the pool's tracked list */
#define OBJ_F_GUARDED      0x0200u /* on its own pages (quarantine on free) */
#define OBJ_F_RETREAT      0x0400u
#define OBJ_F_CTX_SEPARATE 0x0800u
/* NBLs were derived from this NBL (sticky until it is freed): its free takes the
 * slow path, which checks u.nbl.children. */
#define OBJ_F_CHILDREN 0x1000u

/* cookie, family and flags of a live pool object with no reason to take a slow
 * path, as one 64-bit word: the fast paths write and compare it in one go. */
#define OBJ_LIVE_WORD ((uint64_t)BLOCK_COOKIE_LIVE | ((uint64_t)BLOCK_NDIS_POOL << 32))

static inline uint64_t obj_word(const struct ndis_obj *o)
{
        uint64_t w;

        __builtin_memcpy(&w, &o->bh.cookie, sizeof(w));
        return w;
}

static inline void obj_set_live(struct ndis_obj *o)
{
        uint64_t w = OBJ_LIVE_WORD;

        __builtin_memcpy(&o->bh.cookie, &w, sizeof(w));
}

static inline struct ndis_obj *obj_of(const void *payload)
{
        return (struct ndis_obj *)((uintptr_t)payload - sizeof(struct ndis_obj));
}

static inline void *obj_payload(struct ndis_obj *o)
{
        return o + 1;
}

/* ---- pools (pool.c) ---- */
#define POOL_SLOTS     64u  /* pools with a per-thread cache; more fall back to the depot */
#define POOL_BATCH     32u  /* objects moved between a thread cache and the depot */
#define POOL_CACHE_MAX 128u /* objects a thread keeps per pool */

/* fast_kind: one compare on the hot path says "a pool of this kind, fast mode". */
#define FAST_NB_POOL      0x6e62706cu /* NB pool, DataSize 0 */
#define FAST_NB_DATA_POOL 0x6e62644cu /* NB pool, DataSize != 0 */
#define FAST_NBL_POOL     0x6e626c50u /* NBL pool, no NET_BUFFER preallocated or DataSize != 0 */
#define FAST_NBL_NB_POOL  0x6e626c51u /* NBL pool, fAllocateNetBuffer and DataSize 0 */

struct ndis_driver;

struct ndis_pool {
        uint32_t fast_kind; /* FAST_*, 0 when every call must take the slow path */
        int idx;            /* per-thread cache slot, -1 for none */
        uint64_t gen;       /* unique; tells a thread's slot it still serves this pool */
        uint64_t kind;      /* KIND_NB_POOL / KIND_NBL_POOL */
        uint32_t tag;
        uint32_t data_size;
        uint16_t context_size; /* NBL pools: preallocated context bytes */
        uint8_t alloc_nb;      /* NBL pools: fAllocateNetBuffer */
        uint8_t protocol_id;
        uint32_t flags;                            /* NET_BUFFER(_LIST)_POOL_FLAG_VERIFY */
        size_t obj_size;                           /* hidden header + structure(s) + data */
        size_t ctx_off, nb_off, mdl_off, data_off; /* offsets from the payload */
        struct ndis_driver *driver;
        struct alloc_site site;

        /* Full batches of POOL_BATCH free objects on their way between threads: a
         * lock-free stack pushed with one CAS per batch and emptied with one
         * exchange (nothing is read through a head another thread may pop, so no
         * ABA). A batch's first object links the next batch in `prev` and points
         * at its own last object in `ra`. On a cache line of its own, away from
         * the fields every allocation reads. */
        char pad0[64];
        struct ndis_obj *batches;
        char pad1[64 - sizeof(struct ndis_obj *)];

        pthread_mutex_t lock; /* depot, slabs, tracked list, retired counters */
        struct ndis_obj *depot;
        void **slabs;
        size_t nslabs, slabs_cap;
        struct ndis_obj tracked;                /* list head of tracked objects */
        uint64_t retired_allocs, retired_frees; /* counted outside thread caches */

        struct ndis_pool *next_all, *prev_all; /* every pool (pools_lock) */
};

/* A thread's cache of free objects for one pool slot. Only the owning thread
 * touches head/count; allocs/frees are read by others with relaxed loads. */
struct pool_tcache {
        uint64_t gen;
        struct ndis_obj *head;
        uint32_t count;
        uint32_t pad;
        uint64_t allocs, frees;
};

struct ndis_thread {
        struct pool_tcache c[POOL_SLOTS];
        struct ndis_thread *next, *prev;
        int registered;
};

extern __thread struct ndis_thread ndis_tls __attribute__((tls_model("initial-exec")));

/* Creates a pool (the caller filled the geometry); returns it or NULL. */
struct ndis_pool *pool_create(struct ndis_pool *proto, NDIS_HANDLE driver, struct alloc_site site);
/* Frees a pool after checking nothing is outstanding (reported otherwise, and then
 * the pool stays allocated). */
void pool_destroy(struct ndis_pool *pool, const char *api);
/* Checks that `handle` is a live pool of `kind`; reports and returns NULL if not. */
struct ndis_pool *pool_check(NDIS_HANDLE handle, uint64_t kind, const char *api);
/* The slow allocation path: fault injection, verifying (tracked) objects, refills.
 * Returns a fresh object with a LIVE cookie, or NULL. */
struct ndis_obj *pool_alloc_slow(struct ndis_pool *pool, struct alloc_site site);
/* Refills the thread cache, then pops. */
struct ndis_obj *pool_alloc_refill(struct ndis_pool *pool);
/* The slow free path for an object already checked (cookie LIVE, right kind). */
void pool_free_slow(struct ndis_obj *o);
/* Checks an object handed to a free routine: NULL when it is not a live object
 * of `kind` (reported). */
struct ndis_obj *obj_check(const void *payload, uint64_t kind, const char *api);
/* Objects of the pool still out (allocated and not freed), all threads merged. */
uint64_t pool_outstanding(struct ndis_pool *pool);
/* Writes one line per tracked outstanding object to stderr. */
void pool_list_outstanding(struct ndis_pool *pool, const char *indent);
/* Fills out[] with up to `cap` pools of `driver` (NULL: every pool); returns how
 * many there are. */
size_t pool_snapshot(struct ndis_driver *driver, struct ndis_pool **out, size_t cap);
/* Allocations and frees of the pool, every thread merged. */
void pool_counts(struct ndis_pool *pool, uint64_t *ret_allocs, uint64_t *ret_frees);
/* Checks `payload` is a live NDIS block of `kind` (MDLs, contexts); 0 or -1
 * (reported). */
int ndis_check_kind(const void *payload, uint64_t kind, const char *api);

/* Pops a free object from this thread's cache for `pool`, NULL when it is empty. */
static inline struct ndis_obj *pool_cache_pop(struct ndis_pool *pool)
{
        struct pool_tcache *c = &ndis_tls.c[pool->idx];
        struct ndis_obj *o = c->head;

        if (unlikely(c->gen != pool->gen || !o))
                return NULL;
        c->head = o->next;
        c->count--;
        __atomic_store_n(&c->allocs, c->allocs + 1, __ATOMIC_RELAXED);
        obj_set_live(o);
        return o;
}

/* Pushes a freed object onto this thread's cache; 0 when the slow path must.
 * Only for objects of the slabs (no OBJ_F_TRACKED): a tracked object pushed here
 * would stay on the pool's tracked list and in the registry, and a quarantined
 * one would be reused instead of made inaccessible. The fast frees guarantee it
 * by comparing the whole flags word; the slow paths call pool_free_slow. */
static inline int pool_cache_push(struct ndis_obj *o)
{
        struct ndis_pool *pool = o->pool;
        struct pool_tcache *c;

        if (unlikely(pool->idx < 0))
                return 0;
        c = &ndis_tls.c[pool->idx];
        if (unlikely(c->gen != pool->gen || c->count >= POOL_CACHE_MAX))
                return 0;
        o->bh.cookie = BLOCK_COOKIE_FREED;
        o->next = c->head;
        c->head = o;
        c->count++;
        __atomic_store_n(&c->frees, c->frees + 1, __ATOMIC_RELAXED);
        return 1;
}

/* ---- NET_BUFFER (nb.c) ---- */
/* Walks to DataOffset: the MDL it lands in and the offset inside it. */
void nb_locate(PMDL chain, ULONG offset, PMDL *ret_mdl, ULONG *ret_off);

/* Clears a NET_BUFFER but for ProtocolReserved and MiniportReserved: those belong
 * to the drivers that own the buffer, which initialise them. */
static inline void nb_clear(PNET_BUFFER nb)
{
        zero16(nb, offsetof(NET_BUFFER, ProtocolReserved));
        zero16(&nb->DataPhysicalAddress,
               sizeof(NET_BUFFER) - offsetof(NET_BUFFER, DataPhysicalAddress));
}

/* Resets a NET_BUFFER of `pool` over MdlChain: every field but ProtocolReserved
 * and MiniportReserved written once, the description first. */
static inline __attribute__((always_inline)) void nb_init(struct ndis_pool *pool, PNET_BUFFER nb,
                                                          PMDL mdl_chain, ULONG data_offset,
                                                          SIZE_T data_length)
{
        nb->Next = NULL;
        nb->CurrentMdl = mdl_chain;
        nb->CurrentMdlOffset = mdl_chain ? data_offset : 0;
        nb->stDataLength = (ULONG)data_length;
        nb->MdlChain = mdl_chain;
        nb->DataOffset = data_offset;
        nb->ChecksumBias = 0;
        nb->Reserved = 0;
        nb->NdisPoolHandle = pool;
        nb->NdisReserved[0] = nb->NdisReserved[1] = NULL;
        nb->DataPhysicalAddress.QuadPart = 0;
        nb->ScatterGatherList = NULL;
        /* DataOffset past the first MDL: walk to the one it lands in. */
        if (unlikely(mdl_chain && data_offset >= mdl_chain->ByteCount && mdl_chain->Next))
                nb_locate(mdl_chain, data_offset, &nb->CurrentMdl, &nb->CurrentMdlOffset);
}

/* Resets a NET_BUFFER over the pool's own MDL and DataSize bytes of data. */
static inline void nb_init_own_mdl(struct ndis_pool *pool, PNET_BUFFER nb, PMDL mdl, void *data)
{
        nb_clear(nb);
        nb->NdisPoolHandle = pool;
        mdl->Next = NULL;
        mdl->Size = (CSHORT)sizeof(MDL);
        mdl->MdlFlags = MDL_SOURCE_IS_NONPAGED_POOL | MDL_MAPPED_TO_SYSTEM_VA;
        mdl->Process = NULL;
        mdl->MappedSystemVa = data;
        mdl->StartVa = (PVOID)((uintptr_t)data & ~(uintptr_t)4095u);
        mdl->ByteOffset = (ULONG)((uintptr_t)data & 4095u);
        mdl->ByteCount = pool->data_size;
        nb->MdlChain = nb->CurrentMdl = mdl;
        nb->DataLength = pool->data_size;
}
/* Frees the MDLs a retreat left in the chain of nb (before nb itself is freed). */
void nb_release_retreat_mdls(PNET_BUFFER nb, const char *api);

/* ---- MDLs (mdl.c) ---- */
void mdl_init(PMDL mdl, void *va, ULONG length);
/* An MDL followed by `size` bytes, for a retreat without handler; NULL when short. */
PMDL retreat_mdl_alloc(ULONG size, uint32_t tag, struct alloc_site site);
void retreat_mdl_free(PMDL mdl, const char *api);

/* ---- derived NBLs (nbl.c, nbl_clone.c) ---- */
/* An NBL object of `pool` (DataSize 0) reset as a derived NBL of `kind`: no
 * context, FirstNetBuffer the preallocated NET_BUFFER (over no MDLs) or NULL.
 * NULL when allocation fails. */
PNET_BUFFER_LIST nbl_alloc_derived(struct ndis_pool *pool, uint64_t kind, struct alloc_site site);
/* For the free of an NBL with OBJ_F_CHILDREN: 1 when derived NBLs are still out
 * (reported; the NBL must not be freed), else 0 (and the flag is cleared). */
int nbl_children_outstanding(PNET_BUFFER_LIST nbl, struct ndis_obj *o, const char *api);
/* Reports an NBL freed with contexts above `base` (its own context, or NULL)
 * still allocated (nbl_context_outstanding), and frees them. */
void nbl_drop_stacked_contexts(PNET_BUFFER_LIST nbl, const struct ndis_obj *o,
                               PNET_BUFFER_LIST_CONTEXT base, const char *api);
/* Pools made by the runtime for derived NBLs: not reported at unload when empty. */
#define POOL_F_INTERNAL 0x80000000u

/* ---- parameters (driver.c) ---- */
/* Checks a parameter structure's NDIS_OBJECT_HEADER; reports 0x7C/0x21 and
 * returns 0 when it is malformed. */
int ndis_object_header_ok(const NDIS_OBJECT_HEADER *h, UCHAR type, USHORT size_rev1,
                          USHORT size_rev2, const char *api);

/* ---- checks in verifying mode (nb_check.c) ---- */
/* Re-checks DataOffset + DataLength against the chain and CurrentMdl/Offset;
 * -1 when nb is no live NET_BUFFER (reported), else 0. */
int nb_check(const NET_BUFFER *nb, const char *api);
/* nb_check for a NET_BUFFER being freed, only when its whole chain is the
 * runtime's: retreat MDLs, then `own` (the MDL of a DataSize pool, alone) or
 * nothing. A chain of the caller's MDLs may already be freed and is not read. */
void nb_check_owned(const NET_BUFFER *nb, const MDL *own, const char *api);
/* Checks the NBL's header (any NBL kind) and, with with_nbs, each of its
 * NET_BUFFERs; -1 when nbl is no live NBL (reported), else 0. */
int nbl_check(const NET_BUFFER_LIST *nbl, const char *api, int with_nbs);

/* Not on the free routines: a driver may free the MDLs under a NET_BUFFER, or the
 * NET_BUFFERs of an NBL, before the buffer itself; a free checks the object's own
 * header (obj_check) and touches nothing of the caller's. */
static inline void nb_verify(const NET_BUFFER *nb, const char *api)
{
        if (verifier_on(WINNET_VERIFIER_TRACK | WINNET_VERIFIER_QUARANTINE | WINNET_VERIFIER_IRQL))
                nb_check(nb, api);
}

/* The NBL and every NET_BUFFER on it: for the DDIs that work on those buffers. */
static inline void nbl_verify(const NET_BUFFER_LIST *nbl, const char *api)
{
        if (verifier_on(WINNET_VERIFIER_TRACK | WINNET_VERIFIER_QUARANTINE | WINNET_VERIFIER_IRQL))
                nbl_check(nbl, api, 1);
}

/* The NBL's own header only: for the context DDIs, which use none of its buffers. */
static inline void nbl_verify_header(const NET_BUFFER_LIST *nbl, const char *api)
{
        if (verifier_on(WINNET_VERIFIER_TRACK | WINNET_VERIFIER_QUARANTINE | WINNET_VERIFIER_IRQL))
                nbl_check(nbl, api, 0);
}

/* ---- driver handles (driver.c) ---- */
struct ndis_driver {
        uint64_t magic; /* KIND_DRIVER while open */
        uint64_t id;    /* nonzero; the owner word of its memory blocks */
        char name[64];
        int closed;
        struct ndis_driver *next;
        /* nbl_clone.c: the pools derived NBLs come from when the caller gives none */
        struct ndis_pool *derived_nbl_pool, *derived_nb_pool;
};
/* The id memory of `handle` is charged to (0 for NULL); reports a bad handle. */
uint64_t driver_id(NDIS_HANDLE handle, const char *api);
const char *driver_name_of_id(uint64_t id, char *buf, size_t len);

/* ---- per-tag accounting (tag_stats.c) ---- */
/* One (owner, tag) counter of a thread's table; only that thread writes it. */
struct tag_slot {
        uint64_t owner;
        uint32_t tag;
        uint32_t used; /* published last, with release */
        uint64_t allocs, frees, bytes_in, bytes_out;
};

extern __thread struct tag_slot *tag_tls_last __attribute__((tls_model("initial-exec")));

void tag_stats_alloc_slow(uint64_t owner, uint32_t tag, size_t bytes);
void tag_stats_free_slow(uint64_t owner, uint32_t tag, size_t bytes);

/* Counts an allocation / a free: the thread's last-used slot inline, else a
 * lookup in its table. */
static inline void tag_stats_alloc(uint64_t owner, uint32_t tag, size_t bytes)
{
        struct tag_slot *s = tag_tls_last;

        if (likely(s && s->tag == tag && s->owner == owner)) {
                __atomic_store_n(&s->allocs, s->allocs + 1, __ATOMIC_RELAXED);
                __atomic_store_n(&s->bytes_in, s->bytes_in + bytes, __ATOMIC_RELAXED);
                return;
        }
        tag_stats_alloc_slow(owner, tag, bytes);
}

static inline void tag_stats_free(uint64_t owner, uint32_t tag, size_t bytes)
{
        struct tag_slot *s = tag_tls_last;

        if (likely(s && s->tag == tag && s->owner == owner)) {
                __atomic_store_n(&s->frees, s->frees + 1, __ATOMIC_RELAXED);
                __atomic_store_n(&s->bytes_out, s->bytes_out + bytes, __ATOMIC_RELAXED);
                return;
        }
        tag_stats_free_slow(owner, tag, bytes);
}

struct tag_total {
        uint64_t owner;
        uint32_t tag;
        uint64_t allocs, frees, bytes_live;
};
/* Merges every thread's counters; returns how many (owner, tag) pairs exist and
 * fills up to `cap`. owner_filter UINT64_MAX: all owners. */
size_t tag_stats_collect(uint64_t owner_filter, struct tag_total *out, size_t cap);

/* ---- shared helpers ---- */
/* Hash of the caller's call stack for systematic fault injection (taken only
 * while fault injection is armed). */
uintptr_t ndis_stack_hash(void);

static inline struct alloc_site ndis_site(struct alloc_site s)
{
        if (fault_is_armed())
                s.stack = ndis_stack_hash();
        return s;
}

#define NDIS_VERIFYING() \
        verifier_on(WINNET_VERIFIER_TRACK | WINNET_VERIFIER_QUARANTINE | WINNET_VERIFIER_IRQL)

#endif /* WINNET_NDIS_INTERNAL_H */
