/* pack.c - the size-then-fill packer: one NetApi block holding the fixed-size
 * records first, then their binary parts (SIDs, bitmaps), then the UTF-16 strings
 * they point to. The block is sized exactly before anything is written, so the fill
 * cannot fail and NetApiBufferFree frees everything at once. */
#include <errno.h>
#include <string.h>

#include "block.h"
#include "netapi_int.h"

LPWSTR pack_wstr(struct packer *p, struct wstr s)
{
        size_t n = wstr_bytes(s);
        LPWSTR w = (LPWSTR)p->str;

        if (!n)
                return NULL;
        strpool_copy_out(p->pool, s, w);
        p->str += n;
        return w;
}

void *pack_bin(struct packer *p, const void *data, size_t n)
{
        void *b = p->bin;

        memcpy(p->bin, data, n);
        p->bin += n;
        return b;
}

size_t pack_row_size(const struct table *t, const struct level_ops *ops, const void *row)
{
        size_t n = ops->rec_size + ops->str_bytes(t, row);

        if (ops->bin_bytes)
                n += ops->bin_bytes(t, row);
        return n;
}

int pack_rows(const struct table *t, const struct level_ops *ops, size_t first, size_t count,
              const char *api, LPBYTE *ret_buf)
{
        size_t recs = ops->rec_size * count, bins = 0, strs = 0, i;
        struct packer p = {.pool = &t->pool};
        char *buf;

        for (i = first; i < first + count; i++) {
                const void *row = vec_at(&t->rows, i);

                strs += ops->str_bytes(t, row);
                if (ops->bin_bytes)
                        bins += ops->bin_bytes(t, row);
        }
        if (recs + bins + strs > UINT32_MAX)
                return -E2BIG; /* NetApiBufferSize reports a DWORD */
        buf = block_alloc(BLOCK_NETAPI, recs + bins + strs, 0, ALLOC_SITE_HERE(api));
        if (!buf)
                return -ENOMEM;
        memset(buf, 0, recs);
        p.bin = buf + recs;
        p.str = buf + recs + bins;
        for (i = 0; i < count; i++)
                ops->fill(buf + i * ops->rec_size, t, vec_at(&t->rows, first + i), first + i, &p);
        *ret_buf = (LPBYTE)buf;
        return 0;
}
