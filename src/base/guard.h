/* guard.h - blocks placed against PROT_NONE guard pages (the special-pool
 * priorities of NdisAllocateMemoryWithTagPriority) and the quarantine that keeps
 * freed blocks mapped but inaccessible, so a use after free faults at once.
 *
 * Overrun blocks keep their block header in front of the payload and end where
 * the guard page begins (less the few slack bytes 16-byte alignment leaves, which
 * hold a pattern checked at free). Underrun blocks start right after the guard
 * page, so no header can precede them: every guard block is therefore described
 * by a side table keyed by its payload address, which the free routines consult
 * before they touch a header. The table is only searched while guard blocks
 * exist (guard_active); this is a debugging path, one mutex protects it. */
#ifndef WINNET_BASE_GUARD_H
#define WINNET_BASE_GUARD_H

#include <stddef.h>
#include <stdint.h>

#include "block.h"

extern int guard_active; /* nonzero once a guard block has existed */

static inline int guard_is_active(void)
{
        return __builtin_expect(__atomic_load_n(&guard_active, __ATOMIC_RELAXED) != 0, 0);
}

enum guard_layout {
        GUARD_OVERRUN = 0,  /* guard page after the payload */
        GUARD_UNDERRUN = 1, /* guard page before the payload (payload page-aligned) */
};

struct guard_info {
        size_t size;
        uint32_t tag;
        uint16_t family;
        uint64_t spare; /* the owner word the caller keeps in block_header.spare */
        struct alloc_site site;
};

/* A block of `size` payload bytes against a guard page. NULL when mmap fails.
 * Honours neither the block cache nor fault injection (the caller did that). The
 * block is registered with the verifier's registry when tracking is on. */
void *guard_alloc(enum block_family family, size_t size, uint32_t tag, uint64_t spare,
                  enum guard_layout layout, struct alloc_site site);

/* 1: a live guard block (info filled when ret_info is not NULL); 2: a guard block
 * already freed (quarantined or recently unmapped); 0: not a guard block. */
int guard_lookup(const void *payload, struct guard_info *ret_info);

/* Frees a live guard block: checks its slack pattern (reporting an overrun of the
 * slack as "special_pool_corruption"), then unmaps it, or, with `quarantine`, makes
 * it inaccessible and keeps it reserved until the quarantine rotates it out.
 * Returns 0, or -EINVAL when payload is not a live guard block. */
int guard_free(void *payload, const char *api, int quarantine);

/* Unmaps every quarantined block now (tests, and the exit path). */
void guard_quarantine_flush(void);

#endif /* WINNET_BASE_GUARD_H */
