/* vec.c - a growable array of fixed-size rows: the snapshot a Net* call reads from
 * its source before it packs a result. Grows by doubling through wn_realloc, so
 * fault injection reaches it. */
#include <string.h>

#include "alloc.h"
#include "netapi_int.h"

void *vec_push(struct vec *v)
{
        void *row;

        if (v->n == v->cap) {
                size_t cap = v->cap ? v->cap * 2 : 64;
                void *p = wn_realloc(v->v, cap * v->size);

                if (!p)
                        return NULL;
                v->v = p;
                v->cap = cap;
        }
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
