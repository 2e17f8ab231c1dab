/* paging.c - the enumeration rules every *Enum call shares: prefmaxlen is a
 * preference (whole entries only, at least one when any remain, MAX_PREFERRED_LENGTH
 * for all), ERROR_MORE_DATA with a small-integer resume index, out-parameters
 * always set. */
#include <errno.h>

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
                return ERROR_NOT_ENOUGH_MEMORY;
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

NET_API_STATUS info_finish(const struct table *t, const struct level_ops *ops, const char *api,
                           LPBYTE *bufptr)
{
        if (pack_rows(t, ops, 0, 1, api, bufptr) < 0) {
                *bufptr = NULL;
                return ERROR_NOT_ENOUGH_MEMORY;
        }
        return NERR_Success;
}

NET_API_STATUS netapi_status(int r)
{
        if (r == 0)
                return NERR_Success;
        return r == -ENOMEM || r == -E2BIG ? ERROR_NOT_ENOUGH_MEMORY : NERR_InternalError;
}
