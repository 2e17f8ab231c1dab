/* vec.c - a growable array of fixed-size rows: the snapshot a Net* call reads from
 * its source before it packs a result. Grows by doubling through wn_realloc, so
 * fault injection reaches it. */
#include <errno.h>
#include <string.h>

#include "alloc.h"
#include "netapi_int.h"

int vec_reserve(struct vec *v, size_t n)
{
        void *p;

        if (n <= v->cap)
                return 0;
        p = wn_realloc(v->v, n * v->size);
        if (!p)
                return -ENOMEM;
        v->v = p;
        v->cap = n;
        return 0;
}

void *vec_push(struct vec *v)
{
        void *row;

        if (v->n == v->cap && vec_reserve(v, v->cap ? v->cap * 2 : 64) < 0)
                return NULL;
        row = vec_at(v, v->n++);
        memset(row, 0, v->size);
        return row;
}

void vec_free(struct vec *v)
{
        wn_free(v->v);
        v->v = NULL;
        v->n = v->cap = 0;
}
