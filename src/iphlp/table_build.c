/* table_build.c - one-block MIB tables grown while records stream in (see
 * table_build.h for the contract). */
#include <errno.h>
#include <stdint.h>

#include "iphlp.h"
#include "table_build.h"

size_t table_hint_if_rows, table_hint_ipif_rows;

void iphlp_reset_hints(void)
{
        __atomic_store_n(&table_hint_if_rows, 0, __ATOMIC_RELAXED);
        __atomic_store_n(&table_hint_ipif_rows, 0, __ATOMIC_RELAXED);
}

#define MIN_ROWS 8

static size_t bytes_for(const struct table_build *b, size_t rows)
{
        return b->header + rows * b->row_size;
}

int table_build_start(struct table_build *b)
{
        size_t hint = __atomic_load_n(b->hint, __ATOMIC_RELAXED);

        b->cap = hint + hint / 16 + MIN_ROWS; /* a little room for links added meanwhile */
        b->n = 0;
        b->table = block_alloc(BLOCK_MIB_TABLE, bytes_for(b, b->cap), 0, b->site);
        return b->table ? 0 : -ENOMEM;
}

void *table_build_next(struct table_build *b)
{
        if (b->n == b->cap) {
                size_t cap = b->cap * 2;
                void *t;

                if (cap > (SIZE_MAX - b->header) / b->row_size)
                        return NULL;
                t = block_realloc(b->table, BLOCK_MIB_TABLE, bytes_for(b, cap), b->site);
                if (!t)
                        return NULL;
                b->table = t;
                b->cap = cap;
        }
        return table_build_row(b, b->n++);
}

void *table_build_finish(struct table_build *b)
{
        void *t = b->table;

        *(uint32_t *)t = (uint32_t)b->n;
        __atomic_store_n(b->hint, b->n, __ATOMIC_RELAXED);
        b->table = NULL;
        return t;
}

void table_build_abort(struct table_build *b)
{
        if (b->table)
                block_free_checked(b->table, BLOCK_MIB_TABLE, "table_build_abort");
        b->table = NULL;
}
