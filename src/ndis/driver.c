/* driver.c - driver handles (winnet_ndis_open_driver / winnet_ndis_close_driver):
 * what NdisMRegisterMiniportDriver would hand a driver, and the unload point where
 * everything the driver still holds is reported. Also the poolmon-style view of
 * NDIS memory and pools, the report at exit, object-header checks of parameter
 * structures, and the call-stack hash of systematic fault injection. */
#include <execinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guard.h"
#include "ndis_internal.h"

static pthread_mutex_t drivers_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ndis_driver *drivers;
static uint64_t next_id;
static pthread_once_t exit_once = PTHREAD_ONCE_INIT;

static void report_at_exit(void);

static void register_exit(void)
{
        atexit(report_at_exit);
}

uint64_t driver_id(NDIS_HANDLE handle, const char *api)
{
        const struct ndis_driver *d = handle;

        pthread_once(&exit_once, register_exit);
        if (!d)
                return 0;
        if (((uintptr_t)d & 7u) || d->magic != KIND_DRIVER) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)handle, 0, 0, 0};

                verifier_report(WINNET_BUGCHECK(W_BAD_DRIVER_HANDLE), prm, "bad_handle", api,
                                "%p is not an open driver handle (winnet_ndis_open_driver)",
                                handle);
                return UINT64_MAX;
        }
        return d->id;
}

const char *driver_name_of_id(uint64_t id, char *buf, size_t len)
{
        struct ndis_driver *d;

        snprintf(buf, len, "%s", id ? "(unknown)" : "(no driver)");
        pthread_mutex_lock(&drivers_lock);
        for (d = drivers; d; d = d->next)
                if (d->id == id)
                        snprintf(buf, len, "'%s'", d->name);
        pthread_mutex_unlock(&drivers_lock);
        return buf;
}

NDIS_HANDLE winnet_ndis_open_driver(const char *name)
{
        struct ndis_driver *d = calloc(1, sizeof(*d));

        pthread_once(&exit_once, register_exit);
        if (!d)
                return NULL;
        d->magic = KIND_DRIVER;
        snprintf(d->name, sizeof(d->name), "%s", name ? name : "driver");
        pthread_mutex_lock(&drivers_lock);
        d->id = ++next_id;
        d->next = drivers;
        drivers = d;
        pthread_mutex_unlock(&drivers_lock);
        return d;
}

/* ---- what a driver still holds ---- */

struct held {
        uint64_t owner;
        const char *indent;
        size_t blocks;
};

/* Registry walk (tracking on): one line per live memory block of the owner. */
static void list_block(const void *payload, uint16_t family, size_t size, uint32_t tag,
                       struct alloc_site site, void *ctx)
{
        struct held *h = ctx;
        struct guard_info gi;
        uint64_t owner;
        char where[256], tt[5];

        if (family != BLOCK_NDIS_MEMORY)
                return;
        if (guard_is_active() && guard_lookup(payload, &gi) == 1)
                owner = gi.spare;
        else
                owner = block_header_of(payload)->spare;
        if (owner != h->owner)
                return;
        verifier_tag_text(tag, tt);
        fprintf(stderr,
                "winnet verifier: %s  NDIS memory %p, %zu bytes, tag '%s', allocated by %s\n",
                h->indent, payload, size, tt, site_format(site, where, sizeof(where)));
        h->blocks++;
}

/* Writes what `owner` holds; returns memory allocations outstanding and sets
 * *ret_nbls to NBLs outstanding, *ret_pools to pools not freed, *ret_tag to one
 * tag concerned. */
static uint64_t describe_held(struct ndis_driver *d, uint64_t owner, uint64_t *ret_nbls,
                              uint64_t *ret_pools, uint32_t *ret_tag, uintptr_t *ret_nbl_pool)
{
        struct tag_total tags[64];
        struct ndis_pool *pools[256];
        size_t nt, np, i;
        uint64_t mem = 0;
        char tt[5];

        *ret_nbls = *ret_pools = 0;
        *ret_tag = 0;
        *ret_nbl_pool = 0;
        nt = tag_stats_collect(owner, tags, 64);
        for (i = 0; i < nt && i < 64; i++) {
                uint64_t out = tags[i].allocs - tags[i].frees;

                if (!out)
                        continue;
                verifier_tag_text(tags[i].tag, tt);
                fprintf(stderr,
                        "winnet verifier:   memory tag '%s': %llu allocations, %llu frees, %llu "
                        "outstanding, %llu bytes live\n",
                        tt, (unsigned long long)tags[i].allocs, (unsigned long long)tags[i].frees,
                        (unsigned long long)out, (unsigned long long)tags[i].bytes_live);
                mem += out;
                if (!*ret_tag)
                        *ret_tag = tags[i].tag;
        }
        if (mem && verifier_on(WINNET_VERIFIER_TRACK)) {
                struct held h = {owner, "  ", 0};

                registry_foreach(list_block, &h);
        } else if (mem) {
                fprintf(stderr, "winnet verifier:     (WINNET_VERIFIER=track lists each block "
                                "with its call site)\n");
        }
        if (!d && owner)
                return mem;
        np = pool_snapshot(d, pools, 256);
        for (i = 0; i < np && i < 256; i++) {
                struct ndis_pool *p = pools[i];
                uint64_t a, f;
                char where[256];

                if (!d && p->driver)
                        continue;
                pool_counts(p, &a, &f);
                /* The runtime's pools for clones and fragments are no leak of the
                 * driver's; what is still out of them is. */
                if ((p->flags & POOL_F_INTERNAL) && a == f)
                        continue;
                verifier_tag_text(p->tag, tt);
                if (p->flags & POOL_F_INTERNAL)
                        fprintf(stderr,
                                "winnet verifier:   the runtime's %s %p for clones and fragments, "
                                "tag '%s', with %llu %s(s) outstanding\n",
                                ndis_kind_name(p->kind), (void *)p, tt, (unsigned long long)(a - f),
                                p->kind == KIND_NB_POOL ? "NET_BUFFER" : "NET_BUFFER_LIST");
                else
                        fprintf(stderr,
                                "winnet verifier:   %s %p, tag '%s', not freed (%llu %s(s) "
                                "outstanding), allocated by %s\n",
                                ndis_kind_name(p->kind), (void *)p, tt, (unsigned long long)(a - f),
                                p->kind == KIND_NB_POOL ? "NET_BUFFER" : "NET_BUFFER_LIST",
                                site_format(p->site, where, sizeof(where)));
                if (a != f)
                        pool_list_outstanding(p, "    ");
                (*ret_pools)++;
                if (p->kind == KIND_NBL_POOL && a != f) {
                        *ret_nbls += a - f;
                        *ret_nbl_pool = (uintptr_t)p;
                }
                if (!*ret_tag)
                        *ret_tag = p->tag;
        }
        return mem;
}

VOID winnet_ndis_close_driver(NDIS_HANDLE driver)
{
        static const char api[] = "winnet_ndis_close_driver";
        struct ndis_driver *d = driver;
        uint64_t mem, nbls, pools, id = driver_id(driver, api);
        uintptr_t nbl_pool;
        uint32_t tag;
        char tt[5];

        if (!d || id == UINT64_MAX)
                return;
        mem = describe_held(d, id, &nbls, &pools, &tag, &nbl_pool);
        d->magic = 0;
        d->closed = 1;
        verifier_tag_text(tag, tt);
        if (nbls) {
                uint64_t prm[4] = {NDIS_BUGCHECK_LEAKED_NBL, (uint64_t)(uintptr_t)d, nbl_pool,
                                   nbls};

                verifier_report(BUGCODE_NDIS_DRIVER, prm, "nbl_leaked_at_unload", api,
                                "driver '%s' unloads with %llu NET_BUFFER_LIST(s) outstanding "
                                "(pool %p, tag '%s')",
                                d->name, (unsigned long long)nbls, (void *)nbl_pool, tt);
        }
        if (mem || pools) {
                uint64_t prm[4] = {DV_LEAK_AT_UNLOAD, (uint64_t)(uintptr_t)d->name, pools, mem};

                verifier_report(DRIVER_VERIFIER_DETECTED_VIOLATION, prm, "leak_at_unload", api,
                                "driver '%s' unloads still holding %llu memory allocation(s) and "
                                "%llu pool(s) (tag '%s' among them); the lines above list them",
                                d->name, (unsigned long long)mem, (unsigned long long)pools, tt);
        }
        /* The handle stays known (as closed) so later frees of its memory still
         * name it; it is a few bytes. */
}

static void report_at_exit(void)
{
        struct ndis_driver *d;

        if (!verifier_on(WINNET_VERIFIER_LEAKS_AT_EXIT))
                return;
        pthread_mutex_lock(&drivers_lock);
        d = drivers;
        pthread_mutex_unlock(&drivers_lock);
        for (; d; d = d->next) {
                uint64_t nbls, pools, mem;
                uintptr_t nbl_pool;
                uint32_t tag;

                if (d->closed)
                        continue;
                fprintf(stderr, "winnet verifier: at exit, driver '%s' (never closed) holds:\n",
                        d->name);
                mem = describe_held(d, d->id, &nbls, &pools, &tag, &nbl_pool);
                if (!mem && !pools)
                        fprintf(stderr, "winnet verifier:   nothing\n");
        }
        {
                uint64_t nbls, pools, mem;
                uintptr_t nbl_pool;
                uint32_t tag;

                fprintf(stderr, "winnet verifier: at exit, NDIS objects of no driver:\n");
                mem = describe_held(NULL, 0, &nbls, &pools, &tag, &nbl_pool);
                if (!mem && !pools)
                        fprintf(stderr, "winnet verifier:   nothing\n");
        }
}

/* ---- poolmon ---- */

size_t winnet_ndis_tag_usage(struct winnet_ndis_tag_usage *out, size_t capacity)
{
        struct tag_total tags[256];
        struct ndis_pool *pools[256];
        size_t nt, np, i, j, n = 0;

        nt = tag_stats_collect(UINT64_MAX, tags, 256);
        if (nt > 256)
                nt = 256;
        np = pool_snapshot(NULL, pools, 256);
        if (np > 256)
                np = 256;
        /* Merge owners: poolmon shows one row per tag. */
        for (i = 0; i < nt + np; i++) {
                struct winnet_ndis_tag_usage u;

                if (i < nt) {
                        u = (struct winnet_ndis_tag_usage){tags[i].tag, tags[i].allocs,
                                                           tags[i].frees, tags[i].bytes_live};
                } else {
                        struct ndis_pool *p = pools[i - nt];
                        uint64_t a, f;

                        pool_counts(p, &a, &f);
                        u = (struct winnet_ndis_tag_usage){p->tag, a, f, (a - f) * p->obj_size};
                }
                for (j = 0; j < n && j < capacity; j++)
                        if (out[j].tag == u.tag)
                                break;
                if (j < n && j < capacity) {
                        out[j].allocations += u.allocations;
                        out[j].frees += u.frees;
                        out[j].bytes_live += u.bytes_live;
                        continue;
                }
                if (n < capacity)
                        out[n] = u;
                n++;
        }
        return n;
}

size_t winnet_ndis_poolmon(FILE *out)
{
        struct winnet_ndis_tag_usage u[256];
        size_t n = winnet_ndis_tag_usage(u, 256), i;
        char tt[5];

        if (!out)
                out = stderr;
        fprintf(out, "Tag   Allocs     Frees      Diff       Bytes\n");
        for (i = 0; i < n && i < 256; i++) {
                verifier_tag_text(u[i].tag, tt);
                fprintf(out, "%-5s %-10llu %-10llu %-10llu %llu\n", tt,
                        (unsigned long long)u[i].allocations, (unsigned long long)u[i].frees,
                        (unsigned long long)(u[i].allocations - u[i].frees),
                        (unsigned long long)u[i].bytes_live);
        }
        return n;
}

ULONG64 winnet_ndis_pool_outstanding(NDIS_HANDLE pool)
{
        const struct block_header *h = block_header_of(pool);

        if (!pool || h->cookie != BLOCK_COOKIE_LIVE || h->family != BLOCK_NDIS_POOL ||
            (h->spare != KIND_NB_POOL && h->spare != KIND_NBL_POOL))
                return 0;
        return pool_outstanding(pool);
}

void winnet_ndis_quarantine_flush(void)
{
        guard_quarantine_flush();
}

/* ---- shared helpers ---- */

int ndis_object_header_ok(const NDIS_OBJECT_HEADER *h, UCHAR type, USHORT size_rev1,
                          USHORT size_rev2, const char *api)
{
        uint64_t prm[4] = {NDIS_BUGCHECK_INVALID_OBJECT_HEADER, (uint64_t)(uintptr_t)h, 0, 0};

        if (h && h->Type == type &&
            ((h->Revision == 1 && h->Size >= size_rev1) ||
             (h->Revision >= 2 && h->Size >= size_rev2)))
                return 1;
        if (h)
                prm[2] = (uint64_t)h->Type | (uint64_t)h->Revision << 8 | (uint64_t)h->Size << 16;
        verifier_report(BUGCODE_NDIS_DRIVER, prm, "invalid_object_header", api,
                        "Parameters->Header is {Type 0x%X, Revision %u, Size %u}; expected "
                        "{Type 0x%X, Revision 1 and Size >= %u, or Revision 2 and Size >= %u}",
                        h ? h->Type : 0, h ? h->Revision : 0, h ? h->Size : 0, type, size_rev1,
                        size_rev2);
        return 0;
}

uintptr_t ndis_stack_hash(void)
{
        void *frames[12];
        uintptr_t x = 0xcbf29ce484222325ull;
        int n = backtrace(frames, 12), i;

        for (i = 1; i < n; i++)
                x = (x ^ (uintptr_t)frames[i]) * 0x100000001b3ull;
        return x ? x : 1;
}
