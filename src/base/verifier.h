/* verifier.h - the verifier core: option switches, reports, the live-block
 * registry and fault injection. Everything is off by default; the inline checks
 * below are a relaxed load and one unlikely branch when off. */
#ifndef WINNET_BASE_VERIFIER_H
#define WINNET_BASE_VERIFIER_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "block.h"
#include "winnet.h"

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define HIDDEN      __attribute__((visibility("hidden")))

/* Options in force (WINNET_VERIFIER_*), and whether any fault injection is armed. */
extern unsigned verifier_opts;
extern int fault_armed;

static inline bool verifier_on(unsigned opt)
{
        return unlikely(__atomic_load_n(&verifier_opts, __ATOMIC_RELAXED) & opt);
}

static inline bool fault_is_armed(void)
{
        return unlikely(__atomic_load_n(&fault_armed, __ATOMIC_RELAXED) != 0);
}

/* Winnet's own bug-check codes for faults Windows documents no code for. */
#define WINNET_BUGCHECK(n) (0x57A00000ull | (n))

/* Raises a report: calls the handler, prints it, then aborts or returns per
 * policy. `fmt` describes the fault for a human. */
void verifier_report(uint64_t bugcheck, const uint64_t param[4], const char *rule, const char *api,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Decides whether this allocation must fail (fault injection slow path). */
bool fault_should_fail(struct alloc_site site, uint32_t tag);

/* Registry of live blocks (only while WINNET_VERIFIER_TRACK is on). */
void registry_add(const void *payload, enum block_family family, size_t size, uint32_t tag,
                  struct alloc_site site);
void registry_remove(const void *payload, enum block_family family, size_t size, uint32_t tag);
/* Looks `payload` up without touching it: 1 when live (family stored), 2 when
 * freed recently, 0 when unknown to the registry. */
int registry_lookup(const void *payload, uint16_t *ret_family);
/* Live blocks of one family, or of every family for BLOCK_FAMILY_MAX. */
size_t registry_count(enum block_family family);

/* Calls fn for every live block, under the registry's lock: fn must not call
 * back into the registry. */
void registry_foreach(void (*fn)(const void *payload, uint16_t family, size_t size, uint32_t tag,
                                 struct alloc_site site, void *ctx),
                      void *ctx);

/* A pool tag as poolmon prints it (low byte first), NUL-terminated. */
void verifier_tag_text(uint32_t tag, char out[5]);

/* Formats a call site as "api (ra=0x... sym+0x..)" into buf. */
const char *site_format(struct alloc_site site, char *buf, size_t len);

#endif /* WINNET_BASE_VERIFIER_H */
