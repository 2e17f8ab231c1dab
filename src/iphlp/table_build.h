/* table_build.h - building a MIB table in one block while records stream in: the
 * block starts at the size the last table of its kind needed and grows by
 * doubling, so a steady system allocates exactly once per call. */
#ifndef WINNET_IPHLP_TABLE_BUILD_H
#define WINNET_IPHLP_TABLE_BUILD_H

#include <stddef.h>

#include "block.h"

struct table_build {
        void *table;   /* BLOCK_MIB_TABLE block: ULONG NumEntries, then rows */
        size_t header; /* offsetof(TABLE, Table) */
        size_t row_size;
        size_t cap;   /* rows the block holds */
        size_t n;     /* rows filled */
        size_t *hint; /* the kind's last row count, shared by all threads */
        struct alloc_site site;
};

/* The row-count hints of each table kind (iphlp_reset_hints clears them). */
extern size_t table_hint_if_rows, table_hint_ipif_rows;

/* Allocates the block for the hinted row count. 0 or -ENOMEM. */
int table_build_start(struct table_build *b);
/* A slot for the next row (uninitialised), growing the block; NULL when memory ran out. */
void *table_build_next(struct table_build *b);
/* Row i of the table being built. */
static inline void *table_build_row(const struct table_build *b, size_t i)
{
        return (char *)b->table + b->header + i * b->row_size;
}
/* Sets NumEntries, records the hint and hands the table over. */
void *table_build_finish(struct table_build *b);
/* Frees a table that will not be returned. */
void table_build_abort(struct table_build *b);

#endif /* WINNET_IPHLP_TABLE_BUILD_H */
