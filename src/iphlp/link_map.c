/* link_map.c - every link's index, IfType and MTU from one brief link dump, so
 * that rows of the address, route, neighbour and path tables carry the same
 * LUID GetIfTable2 reports, without a query per row. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "tables.h"

static int map_begin(void *p)
{
        struct link_map *m = p;

        m->n = 0;
        m->sorted = true;
        return 0;
}

static int map_grow(struct link_map *m)
{
        size_t cap = m->cap ? m->cap * 2 : 64;
        struct link_map_entry *e = wn_realloc(m->e, cap * sizeof(*e));

        if (!e)
                return -ENOMEM;
        m->e = e;
        m->cap = cap;
        return 0;
}

static int map_link(void *p, const struct prov_link_brief *l)
{
        struct link_map *m = p;
        int r;

        if (m->n == m->cap && (r = map_grow(m)) < 0)
                return r;
        if (m->n && m->e[m->n - 1].ifindex >= l->ifindex)
                m->sorted = false;
        m->e[m->n++] = (struct link_map_entry){
            .ifindex = l->ifindex, .type = link_type_of(l->arphrd), .mtu = l->mtu};
        return 0;
}

static int cmp_entries(const void *a, const void *b)
{
        uint32_t x = ((const struct link_map_entry *)a)->ifindex;
        uint32_t y = ((const struct link_map_entry *)b)->ifindex;

        return x < y ? -1 : x > y;
}

int link_map_load(struct link_map *m)
{
        struct prov_brief_visitor v = {map_begin, map_link, m};
        int r;

        if (!provider()->link_brief_walk)
                return -EOPNOTSUPP;
        r = provider()->link_brief_walk(&v);
        if (r == 0 && !m->sorted)
                qsort(m->e, m->n, sizeof(*m->e), cmp_entries);
        return r;
}

struct link_map_entry *link_map_find(const struct link_map *m, uint32_t ifindex)
{
        size_t lo = 0, hi = m->n;

        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;

                if (m->e[mid].ifindex == ifindex)
                        return &m->e[mid];
                if (m->e[mid].ifindex < ifindex)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        return NULL;
}

void link_map_free(struct link_map *m)
{
        wn_free(m->e);
        m->e = NULL;
        m->n = m->cap = 0;
}
