/* paging.c - what every Net* call does at its edge: the enumeration rules
 * (prefmaxlen is a preference: whole entries only, at least one when any remain,
 * MAX_PREFERRED_LENGTH for all; ERROR_MORE_DATA with a small-integer resume index;
 * out-parameters always set), the checks calls start with, and the one mapping of
 * internal -errno results to NET_API_STATUS (netapi_status). */
#include <errno.h>

#include "alloc.h"
#include "lmerr.h"
#include "netapi_int.h"
#include "winerror.h"

/* Rows from start that fit prefmaxlen; at least one so that a caller with a small
 * preference still makes progress (Windows returns at least one entry too). */
static size_t page_count(const struct table *t, const struct level_ops *ops, const struct page *pg)
{
        size_t n = t->rows.n - pg->start, k = 0, used = 0;

        if (pg->max_entries && n > pg->max_entries)
                n = pg->max_entries;
        if (pg->prefmaxlen == MAX_PREFERRED_LENGTH)
                return n;
        while (k < n) {
                used += pack_row_size(t, ops, vec_at(&t->rows, pg->start + k));
                if (k && used > pg->prefmaxlen)
                        break;
                k++;
        }
        return k;
}

NET_API_STATUS page_rows(const struct table *t, const struct level_ops *ops, struct page *pg,
                         const char *api, LPBYTE *bufptr)
{
        size_t k;
        int r;

        *bufptr = NULL;
        pg->read = 0;
        pg->next = pg->start;
        if (pg->start >= t->rows.n)
                return NERR_Success;
        k = page_count(t, ops, pg);
        r = pack_rows(t, ops, pg->start, k, api, bufptr);
        if (r < 0)
                return netapi_status(r);
        pg->read = (DWORD)k;
        pg->next = (DWORD)(pg->start + k);
        return pg->next < t->rows.n ? ERROR_MORE_DATA : NERR_Success;
}

NET_API_STATUS enum_clear_out(LPBYTE *bufptr, LPDWORD entriesread, LPDWORD totalentries)
{
        if (bufptr)
                *bufptr = NULL;
        if (entriesread)
                *entriesread = 0;
        if (totalentries)
                *totalentries = 0;
        return bufptr && entriesread && totalentries ? NERR_Success : ERROR_INVALID_PARAMETER;
}

NET_API_STATUS enum_begin(LPCWSTR servername, int level_ok, LPBYTE *bufptr, LPDWORD entriesread,
                          LPDWORD totalentries)
{
        NET_API_STATUS st = enum_clear_out(bufptr, entriesread, totalentries);

        if (st == NERR_Success)
                st = servername_check(servername);
        if (st == NERR_Success && !level_ok)
                st = ERROR_INVALID_LEVEL;
        return st;
}

NET_API_STATUS info_begin(LPCWSTR servername, LPBYTE *bufptr)
{
        if (!bufptr)
                return ERROR_INVALID_PARAMETER;
        *bufptr = NULL;
        return servername_check(servername);
}

NET_API_STATUS enum_finish(const struct table *t, const struct level_ops *ops, DWORD prefmaxlen,
                           DWORD *resume, const char *api, LPBYTE *bufptr, LPDWORD entriesread,
                           LPDWORD totalentries)
{
        struct page pg = {.start = resume ? *resume : 0, .prefmaxlen = prefmaxlen};
        NET_API_STATUS st = page_rows(t, ops, &pg, api, bufptr);

        if (st != NERR_Success && st != ERROR_MORE_DATA)
                return st;
        *entriesread = pg.read;
        /* Windows: the entries that could be enumerated from the resume position. */
        *totalentries = pg.start < t->rows.n ? (DWORD)(t->rows.n - pg.start) : 0;
        if (resume)
                *resume = st == ERROR_MORE_DATA ? pg.next : 0;
        return st;
}

/* Pointer-sized resume handles (the group calls) hold the same small index; values
 * past 32 bits are past the end. */
NET_API_STATUS enum_finish_ptr(const struct table *t, const struct level_ops *ops, DWORD prefmaxlen,
                               PDWORD_PTR resume, const char *api, LPBYTE *bufptr,
                               LPDWORD entriesread, LPDWORD totalentries)
{
        DWORD idx = !resume ? 0 : *resume > UINT32_MAX ? UINT32_MAX : (DWORD)*resume;
        NET_API_STATUS st = enum_finish(t, ops, prefmaxlen, resume ? &idx : NULL, api, bufptr,
                                        entriesread, totalentries);

        if (resume && (st == NERR_Success || st == ERROR_MORE_DATA))
                *resume = idx;
        return st;
}

NET_API_STATUS info_finish(const struct table *t, const struct level_ops *ops, const char *api,
                           LPBYTE *bufptr)
{
        int r = pack_rows(t, ops, 0, 1, api, bufptr);

        if (r < 0)
                *bufptr = NULL;
        return netapi_status(r);
}

int table_lookup(struct table *t, LPCWSTR name, int (*lookup)(struct table *t, const char *name))
{
        char *u8;
        int r = utf16_dup_utf8(name, &u8);

        if (r)
                return r;
        r = *u8 ? lookup(t, u8) : -ENOENT;
        wn_free(u8);
        return r;
}

/* Windows documents ERROR_ACCESS_DENIED for every Net* call and
 * ERROR_NOT_ENOUGH_MEMORY for its allocations; a source that fails in another way
 * (an NSS backend's I/O error, a helper tool that cannot be started) is not short
 * of memory: NERR_InternalError ("an internal error occurred"), never a guess. */
NET_API_STATUS netapi_status(int r)
{
        switch (r) {
        case 0:
                return NERR_Success;
        case -ENOMEM:
        case -E2BIG: /* a result too large to allocate (NetApiBufferSize is a DWORD) */
                return ERROR_NOT_ENOUGH_MEMORY;
        case -EACCES:
        case -EPERM:
                return ERROR_ACCESS_DENIED;
        default:
                return NERR_InternalError;
        }
}
