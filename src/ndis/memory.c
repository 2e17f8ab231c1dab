/* memory.c - NdisAllocateMemoryWithTagPriority, NdisFreeMemory and
 * NdisFreeMemoryWithTagPriority: tagged typed blocks charged to a driver, the
 * special-pool priorities on guard pages, and the IRQL rules of NdisFreeMemory's
 * MemoryFlags. The common case is the block cache's inline path plus one
 * per-thread counter update. */
#include <stdio.h>

#include "guard.h"
#include "ndis_internal.h"

static int is_special(EX_POOL_PRIORITY p)
{
        return ((unsigned)p & 8u) != 0;
}

/* Reads the header of a block that may have been freed (its tag, for a report):
 * deliberately outside ASan's view, like block_check. */
__attribute__((no_sanitize("address"))) static uint32_t stale_tag(const void *va)
{
        return block_header_of(va)->tag;
}

static __attribute__((noinline)) PVOID alloc_slow(NDIS_HANDLE handle, UINT length, ULONG tag,
                                                  EX_POOL_PRIORITY priority, struct alloc_site site)
{
        static const char api[] = "NdisAllocateMemoryWithTagPriority";
        uint64_t owner;
        void *p;

        irql_check_max(api, IRQL_DISPATCH, DV_ALLOC_NONPAGED_IRQL);
        if (!tag) {
                uint64_t prm[4] = {0, length, (uint64_t)priority, 0};

                verifier_report(WINNET_BUGCHECK(W_ZERO_TAG), prm, "zero_tag", api,
                                "%u bytes requested with pool tag 0: every allocation needs a "
                                "four-character tag (e.g. 'maDN')",
                                length);
                return NULL;
        }
        owner = driver_id(handle, api);
        if (owner == UINT64_MAX)
                return NULL;
        if (length == 0 && NDIS_VERIFYING()) {
                uint64_t prm[4] = {0x00, irql_current, 0 /* NonPagedPool */, 0};
                char tt[5];

                verifier_tag_text(tag, tt);
                verifier_report(DRIVER_VERIFIER_DETECTED_VIOLATION, prm, "zero_length", api,
                                "zero-byte allocation with tag '%s'", tt);
        }
        site = ndis_site(site);
        if (is_special(priority) || verifier_on(WINNET_VERIFIER_QUARANTINE)) {
                if (fault_is_armed() && fault_should_fail(site, tag))
                        return NULL;
                p = guard_alloc(BLOCK_NDIS_MEMORY, length, tag, owner,
                                (is_special(priority) && ((unsigned)priority & 1u)) ? GUARD_UNDERRUN
                                                                                    : GUARD_OVERRUN,
                                site);
        } else {
                p = block_alloc(BLOCK_NDIS_MEMORY, length, tag, site);
                if (p)
                        block_header_of(p)->spare = owner;
        }
        if (p)
                tag_stats_alloc(owner, tag, length);
        return p;
}

PVOID NdisAllocateMemoryWithTagPriority(NDIS_HANDLE NdisHandle, UINT Length, ULONG Tag,
                                        EX_POOL_PRIORITY Priority)
{
        const struct ndis_driver *d = NdisHandle;
        uint64_t owner;
        void *p;

        /* IRQL is checked only while verifying, so verifier_opts 0 covers it. */
        if (unlikely(!Tag || !Length || is_special(Priority) ||
                     (__atomic_load_n(&verifier_opts, __ATOMIC_RELAXED) |
                      __atomic_load_n(&fault_armed, __ATOMIC_RELAXED)) ||
                     (d && d->magic != KIND_DRIVER)))
                return alloc_slow(NdisHandle, Length, Tag, Priority,
                                  ALLOC_SITE_HERE("NdisAllocateMemoryWithTagPriority"));
        owner = d ? d->id : 0;
        p = block_alloc(BLOCK_NDIS_MEMORY, Length, Tag,
                        ALLOC_SITE_HERE("NdisAllocateMemoryWithTagPriority"));
        if (unlikely(!p))
                return NULL;
        block_header_of(p)->spare = owner;
        tag_stats_alloc(owner, Tag, Length);
        return p;
}

/* Reports a pointer that is not live NDIS memory; `v` is block_check's verdict. */
static void report_bad_free(void *va, enum block_verdict v, const char *api)
{
        uint64_t prm[4] = {0, 0, 0, 0};
        struct guard_info gi = {0};
        char tt[5];

        if (v == BLOCK_FREED) {
                prm[0] = DV_DOUBLE_FREE;
                prm[2] = (uint64_t)(uintptr_t)va - sizeof(struct block_header);
                if (guard_is_active() && guard_lookup(va, &gi) == 2) {
                        /* quarantined (described) or unmapped (tag unknown) */
                        if (gi.tag)
                                verifier_tag_text(gi.tag, tt);
                        else
                                snprintf(tt, sizeof(tt), "?");
                } else {
                        verifier_tag_text(stale_tag(va), tt);
                }
                verifier_report(DRIVER_VERIFIER_DETECTED_VIOLATION, prm, "double_free", api,
                                "NDIS memory %p (tag '%s') was already freed: freed twice", va, tt);
        } else if (v == BLOCK_WRONG_FAMILY) {
                const struct block_header *h = block_header_of(va);

                prm[0] = (uint64_t)(uintptr_t)va;
                prm[1] = h->family;
                prm[2] = h->family == BLOCK_NDIS_POOL ? h->spare : 0;
                verifier_tag_text(h->tag, tt);
                verifier_report(WINNET_BUGCHECK(W_WRONG_FREE_CALL), prm, "wrong_free_call", api,
                                "%p is a %s (tag '%s'), not NDIS memory: free it with its own "
                                "function",
                                va,
                                h->family == BLOCK_NDIS_POOL ? ndis_kind_name(h->spare)
                                                             : block_family_name(h->family),
                                tt);
        } else {
                prm[0] = DV_FREE_BAD_ADDRESS;
                prm[1] = (uint64_t)(uintptr_t)va;
                verifier_report(DRIVER_VERIFIER_DETECTED_VIOLATION, prm, "bad_pointer", api,
                                "%p was not returned by NdisAllocateMemoryWithTagPriority (or its "
                                "header was overwritten)",
                                va);
        }
}

/* Frees live NDIS memory after the checks; `handle`/`tag` are checked when
 * check_owner is set (NdisFreeMemoryWithTagPriority). */
static void free_checked(void *va, const char *api, int check_owner, NDIS_HANDLE handle, ULONG tag)
{
        enum block_verdict v = block_check(va, BLOCK_NDIS_MEMORY);
        struct guard_info gi;
        int guarded = 0;
        uint64_t owner;
        uint32_t btag;
        size_t size;

        if (v != BLOCK_OK) {
                report_bad_free(va, v, api);
                return;
        }
        if (guard_is_active() && guard_lookup(va, &gi) == 1) {
                guarded = 1;
                owner = gi.spare;
                btag = gi.tag;
                size = gi.size;
        } else {
                owner = block_header_of(va)->spare;
                btag = block_header_of(va)->tag;
                size = (size_t)block_header_of(va)->size;
        }
        if (check_owner) {
                uint64_t want = driver_id(handle, api);
                uint64_t prm[4] = {(uint64_t)(uintptr_t)va, btag, tag, 0};
                char t1[5], t2[5];

                verifier_tag_text(btag, t1);
                verifier_tag_text(tag, t2);
                if (tag != btag)
                        verifier_report(WINNET_BUGCHECK(W_TAG_MISMATCH), prm, "tag_mismatch", api,
                                        "%p was allocated with tag '%s' but is freed with tag "
                                        "'%s'",
                                        va, t1, t2);
                else if (want != owner && want != UINT64_MAX) {
                        char a[80], b[80];

                        prm[1] = owner;
                        prm[2] = want;
                        verifier_report(WINNET_BUGCHECK(W_HANDLE_MISMATCH), prm, "handle_mismatch",
                                        api, "%p (tag '%s') belongs to driver %s, not to %s", va,
                                        t1, driver_name_of_id(owner, a, sizeof(a)),
                                        driver_name_of_id(want, b, sizeof(b)));
                }
        }
        tag_stats_free(owner, btag, size);
        if (guarded)
                guard_free(va, api, verifier_on(WINNET_VERIFIER_QUARANTINE));
        else
                block_free(va);
}

static __attribute__((noinline)) void free_slow(PVOID va, UINT length, UINT flags)
{
        static const char api[] = "NdisFreeMemory";

        if (flags & NDIS_MEMORY_CONTIGUOUS)
                irql_check_max(api, IRQL_PASSIVE, DV_FREE_IRQL_STRICT);
        else if (flags & NDIS_MEMORY_NONCACHED)
                irql_check_max(api, IRQL_APC, DV_FREE_IRQL_STRICT);
        else
                irql_check_max(api, IRQL_DISPATCH, DV_FREE_NONPAGED_IRQL);
        if (!va)
                return;
        if (flags) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)va, flags, length, 0};

                verifier_report(WINNET_BUGCHECK(W_MEMORY_FLAGS), prm, "memory_flags", api,
                                "%p: MemoryFlags 0x%X, but memory of "
                                "NdisAllocateMemoryWithTagPriority is freed with MemoryFlags 0",
                                va, flags);
        }
        free_checked(va, api, 0, NULL, 0);
}

/* The fast path peeks at the header of whatever the caller passes (a double free
 * included): outside ASan's view, as block_check is. */
NO_ASAN VOID NdisFreeMemory(PVOID VirtualAddress, UINT Length, UINT MemoryFlags)
{
        struct block_header *h = block_header_of(VirtualAddress);

        if (likely(!MemoryFlags && VirtualAddress && ((uintptr_t)VirtualAddress & 4095u) &&
                   !((uintptr_t)VirtualAddress & 7u) &&
                   !__atomic_load_n(&verifier_opts, __ATOMIC_RELAXED) &&
                   h->cookie == BLOCK_COOKIE_LIVE && h->family == BLOCK_NDIS_MEMORY &&
                   (h->flags & BLOCK_F_CLASSED))) {
                tag_stats_free(h->spare, h->tag, (size_t)h->size);
                if (likely(block_cache_put(h)))
                        return;
                block_free(VirtualAddress);
                return;
        }
        free_slow(VirtualAddress, Length, MemoryFlags);
}

VOID NdisFreeMemoryWithTagPriority(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, ULONG Tag)
{
        static const char api[] = "NdisFreeMemoryWithTagPriority";

        irql_check_max(api, IRQL_DISPATCH, DV_FREE_NONPAGED_IRQL);
        if (VirtualAddress)
                free_checked(VirtualAddress, api, 1, NdisHandle, Tag);
}
