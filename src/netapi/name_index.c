/* name_index.c - orders the rows of a table by name (the struct wstr every user and
 * group row starts with): for finding users by name, so the members of a large
 * group resolve to uids with one passwd enumeration instead of one NSS lookup
 * each, and for the sorted lists of NetQueryDisplayInformation. And keeps one row
 * per name: an account database on Windows cannot hold a name twice. */
#include <errno.h>
#include <string.h>

#include "alloc.h"
#include "netapi_int.h"

#define NAME(t, i) strpool_get(&(t)->pool, *(const struct wstr *)vec_at(&(t)->rows, (i)))

static int u16cmp(const char16_t *a, const char16_t *b)
{
        while (*a && *a == *b)
                a++, b++;
        return (int)*a - (int)*b;
}

/* Merge sort with the table passed along: thread-safe, unlike qsort + a global. */
static void merge_sort(const struct table *t, size_t *v, size_t *tmp, size_t n)
{
        size_t mid = n / 2, i = 0, j = mid, k = 0;

        if (n < 2)
                return;
        merge_sort(t, v, tmp, mid);
        merge_sort(t, v + mid, tmp, n - mid);
        while (i < mid && j < n)
                tmp[k++] = u16cmp(NAME(t, v[j]), NAME(t, v[i])) < 0 ? v[j++] : v[i++];
        while (i < mid)
                tmp[k++] = v[i++];
        while (j < n)
                tmp[k++] = v[j++];
        for (i = 0; i < n; i++)
                v[i] = tmp[i];
}

int name_index(const struct table *t, size_t **ret)
{
        size_t n = t->rows.n, i;
        size_t *v = wn_malloc((n ? n : 1) * sizeof(size_t) * 2);

        if (!v)
                return -ENOMEM;
        for (i = 0; i < n; i++)
                v[i] = i;
        merge_sort(t, v, v + n, n);
        *ret = v;
        return 0;
}

const void *name_find(const struct table *t, const size_t *idx, const char16_t *s)
{
        size_t lo = 0, hi = t->rows.n;

        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                int c = u16cmp(NAME(t, idx[mid]), s);

                if (c == 0)
                        return vec_at(&t->rows, idx[mid]);
                if (c < 0)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        return NULL;
}

int table_sort_by_name(struct table *t)
{
        size_t *idx, i;
        char *rows;
        int r = name_index(t, &idx);

        if (r)
                return r;
        rows = wn_malloc((t->rows.n ? t->rows.n : 1) * t->rows.size);
        if (!rows) {
                wn_free(idx);
                return -ENOMEM;
        }
        for (i = 0; i < t->rows.n; i++)
                memcpy(rows + i * t->rows.size, vec_at(&t->rows, idx[i]), t->rows.size);
        wn_free(t->rows.v);
        t->rows.v = rows;
        t->rows.cap = t->rows.n ? t->rows.n : 1;
        wn_free(idx);
        return 0;
}

/* FNV-1a over the UTF-16 units. */
static uint32_t name_hash(const char16_t *s)
{
        uint32_t h = 2166136261u;

        for (; *s; s++)
                h = (h ^ *s) * 16777619u;
        return h;
}

static int u16eq(const char16_t *a, const char16_t *b)
{
        return u16cmp(a, b) == 0;
}

/* One pass with an open-addressing set of row indexes: a row is kept when its name
 * is not empty and no kept row before it has the same name. */
int table_unique_names(struct table *t)
{
        size_t n = t->rows.n, slots = 16, i, k = 0;
        uint32_t *set;

        if (n == 0)
                return 0;
        while (slots < 2 * n)
                slots *= 2;
        set = wn_malloc(slots * sizeof(*set));
        if (!set)
                return -ENOMEM;
        memset(set, 0xff, slots * sizeof(*set)); /* UINT32_MAX: a free slot */
        for (i = 0; i < n; i++) {
                const char16_t *name = NAME(t, i);
                size_t s = name_hash(name) & (slots - 1);

                if (!*name)
                        continue;
                while (set[s] != UINT32_MAX && !u16eq(NAME(t, set[s]), name))
                        s = (s + 1) & (slots - 1);
                if (set[s] != UINT32_MAX)
                        continue; /* a later line of a name already listed */
                if (k != i)
                        memcpy(vec_at(&t->rows, k), vec_at(&t->rows, i), t->rows.size);
                set[s] = (uint32_t)k++;
        }
        t->rows.n = k;
        wn_free(set);
        return 0;
}
