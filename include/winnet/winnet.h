/* winnet.h - winnet's own extensions: the verifier switches and reports, fault
 * injection, network-namespace selection and NDIS driver handles. Everything here
 * is snake_case with the winnet_ prefix; the Windows APIs live in their Windows
 * headers. */
#ifndef WINNET_WINNET_H
#define WINNET_WINNET_H

#include <stddef.h>
#include <stdio.h>
#include "windef.h"

WINNET_BEGIN_DECLS

#define WINNET_VERSION_MAJOR 0
#define WINNET_VERSION_MINOR 1
#define WINNET_VERSION_PATCH 0

/* The library's version string, e.g. "0.1.0". */
WINNET_API const char *winnet_version(void);

/* ---- Verifier ----------------------------------------------------------------
 * Off by default and near-free when off (one relaxed load per checked call).
 * Switched on by the WINNET_VERIFIER environment variable at load time, or by
 * winnet_verifier_enable(). WINNET_VERIFIER is a comma-separated list:
 *   1 | all            every check below
 *   track              registry of live blocks (tag, size, call site) + per-tag stats
 *   irql               IRQL rules of every DDI
 *   leaks              leak report at exit (implies track)
 *   quarantine         freed NDIS objects are made inaccessible, not reused at once
 *   policy=abort|log   what a report does (default: abort when verifying, log when not)
 *   fail_nth=N         fail the N-th allocation (1-based) from now on, once
 *   fail_sites         fail the first allocation of each distinct call site once
 *   fail_random=P      fail allocations with probability P (0..1)
 *   seed=S             seed of fail_random
 *   tag=ABCD           restrict fail_random to one pool tag (as written in source)
 * Cookie checks on every free (not ours, double free, wrong family) run always.  */
enum winnet_verifier_option {
        WINNET_VERIFIER_TRACK = 1u << 0,
        WINNET_VERIFIER_IRQL = 1u << 1,
        WINNET_VERIFIER_LEAKS_AT_EXIT = 1u << 2,
        WINNET_VERIFIER_QUARANTINE = 1u << 3,
        WINNET_VERIFIER_ALL = 0xfu,
};

enum winnet_report_policy {
        WINNET_REPORT_ABORT = 0, /* print the report to stderr, then abort() */
        WINNET_REPORT_LOG = 1,   /* print the report to stderr and carry on */
};

/* One verifier finding. `bugcheck` is the Windows bug check the fault would raise
 * (0xC4 DRIVER_VERIFIER_DETECTED_VIOLATION, 0x7C BUGCODE_NDIS_DRIVER) or winnet's
 * own code range 0x57A00000 | n where Windows documents none; `param` are its four
 * parameters as Windows would give them. `rule` is a short stable name
 * ("double_free", "irql_too_high", ...); tests match on it. */
struct winnet_report {
        ULONG64 bugcheck;
        ULONG64 param[4];
        const char *rule;
        const char *api;
        const char *message;
};

typedef void (*winnet_report_handler)(const struct winnet_report *report, void *ctx);

/* Turns the given options on (adds to the current set). Returns the new set. */
WINNET_API unsigned winnet_verifier_enable(unsigned options);
/* Turns the given options off. Returns the new set. */
WINNET_API unsigned winnet_verifier_disable(unsigned options);
/* The options in force. */
WINNET_API unsigned winnet_verifier_options(void);
WINNET_API void winnet_verifier_set_policy(enum winnet_report_policy policy);
WINNET_API enum winnet_report_policy winnet_verifier_policy(void);
/* Installs a handler that sees every report before the policy acts (NULL removes
 * it). The report and its strings are valid during the call only. */
WINNET_API void winnet_verifier_set_report_handler(winnet_report_handler handler, void *ctx);
/* Number of reports raised since load. */
WINNET_API unsigned long winnet_verifier_report_count(void);

/* Live blocks and bytes handed out by the library, all families (including its
 * private allocations). Counted only while WINNET_VERIFIER_TRACK is on. */
WINNET_API size_t winnet_verifier_live_blocks(void);
WINNET_API size_t winnet_verifier_live_bytes(void);

/* Per-tag accounting (a poolmon-style view), tracked while WINNET_VERIFIER_TRACK is
 * on. Fills up to `capacity` entries, returns the number of tags known. */
struct winnet_tag_stats {
        ULONG tag;
        ULONG64 allocations;
        ULONG64 frees;
        ULONG64 bytes_live;
};
WINNET_API size_t winnet_verifier_tag_stats(struct winnet_tag_stats *out, size_t capacity);

/* Writes a leak report of every live block (family, tag, size, call site) to
 * `out` (stderr when NULL). Returns the number of live blocks reported. */
WINNET_API size_t winnet_verifier_leak_report(FILE *out);

/* ---- Fault injection --------------------------------------------------------
 * Deterministic allocation failures for tests. Each injected failure makes the
 * API return its documented out-of-memory code. */
/* Fails the n-th library allocation from now (1-based), once; 0 turns it off. */
WINNET_API void winnet_fault_fail_nth(unsigned long n);
/* While on, the first allocation from each distinct call site fails once. */
WINNET_API void winnet_fault_fail_sites(int on);
/* Fails allocations at random with probability `p` (0 turns it off); `tag` 0
 * means any tag, else only allocations with that pool tag. */
WINNET_API void winnet_fault_random(double p, unsigned seed, ULONG tag);
/* Clears every fault-injection setting and the set of sites already failed. */
WINNET_API void winnet_fault_reset(void);
/* Allocations failed by injection since load. */
WINNET_API unsigned long winnet_fault_injected(void);

/* ---- Network namespaces ----------------------------------------------------
 * Every IP Helper call reads the network namespace of the calling thread, and
 * follows the thread when it setns()es between calls. These select another
 * namespace for the calling thread's later calls without moving the thread: the
 * library opens its netlink sockets inside that namespace (a setns there and back,
 * which needs CAP_SYS_ADMIN over it) and keeps them until the selection changes or
 * the thread exits. Other threads are not affected.
 *
 * winnet_set_thread_netns: `name_or_path` is a name under /run/netns (as `ip
 * netns` makes them, e.g. "blue") or, when it contains a '/', a path such as
 * "/proc/1234/ns/net". NULL returns to the thread's own namespace.
 * winnet_set_thread_netns_fd: a descriptor of a network namespace (the library
 * keeps its own duplicate; close yours when you like); -1 returns to the thread's
 * own namespace.
 * Returns NO_ERROR; ERROR_FILE_NOT_FOUND when no such namespace exists;
 * ERROR_INVALID_PARAMETER when the descriptor or path is not a network namespace
 * (or "" is given); ERROR_ACCESS_DENIED when the thread may not enter it. On
 * failure the previous selection stays in force. */
WINNET_API DWORD winnet_set_thread_netns(const char *name_or_path);
WINNET_API DWORD winnet_set_thread_netns_fd(int fd);

/* ---- NDIS driver handles and pool accounting --------------------------------
 * A driver handle is what NdisMRegisterMiniportDriver / MiniportInitializeEx would
 * hand a driver: pass it as the NdisHandle of NdisAllocateMemoryWithTagPriority,
 * NdisAllocateNetBuffer(List)Pool and NdisAllocateMdl, and what is allocated with
 * it belongs to that driver. The handle is an NDIS_HANDLE (void *); winnet.h does
 * not include ndis.h. A NULL handle is accepted and means "no driver". */

/* Opens a driver handle named `name` (copied, up to 63 characters). NULL when
 * memory is short. */
WINNET_API void *winnet_ndis_open_driver(const char *name);
/* The driver-unload point. Everything the driver still holds is listed on stderr
 * (memory by tag with allocating call sites while WINNET_VERIFIER=track, pools not
 * freed with their outstanding objects) and reported: bug check 0x7C (0x27, ...)
 * for NET_BUFFER_LISTs still out, 0xC4 (0x62, ...) for anything left; then the
 * policy aborts or logs. The handle is invalid afterwards. */
WINNET_API void winnet_ndis_close_driver(void *driver);

/* One row of the poolmon-style view: NDIS memory and pool objects by tag, every
 * driver and thread merged (always counted; per-thread counters, no contention). */
struct winnet_ndis_tag_usage {
        ULONG tag;
        ULONG64 allocations;
        ULONG64 frees;
        ULONG64 bytes_live;
};
/* Fills up to `capacity` rows; returns the number of tags. */
WINNET_API size_t winnet_ndis_tag_usage(struct winnet_ndis_tag_usage *out, size_t capacity);
/* Prints the view as poolmon does (Tag Allocs Frees Diff Bytes) to `out` (stderr
 * when NULL); returns the number of rows. */
WINNET_API size_t winnet_ndis_poolmon(FILE *out);
/* NET_BUFFERs or NET_BUFFER_LISTs of a pool not freed yet, every thread merged. */
WINNET_API ULONG64 winnet_ndis_pool_outstanding(void *pool);
/* Unmaps every object the quarantine (WINNET_VERIFIER=quarantine or the pools'
 * VERIFY flag) still holds inaccessible. */
WINNET_API void winnet_ndis_quarantine_flush(void);

WINNET_END_DECLS

#endif /* WINNET_WINNET_H */
