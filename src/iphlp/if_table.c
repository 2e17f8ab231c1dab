/* if_table.c - GetIfTable2(Ex) and GetIfEntry2(Ex), implemented once: one link
 * dump (counters only when the level wants them) streamed into one table block,
 * then, when some link can report a speed, one ethtool speed dump. */
#include <errno.h>
#include <stdlib.h>

#include "iphlp.h"
#include "table_build.h"

struct if_build {
        struct table_build b;
        uint32_t last;
        bool sorted;
        bool want_speed;
        size_t cursor; /* speeds arrive in ifindex order: the next row to look at */
};

static int if_begin(void *p)
{
        struct if_build *c = p;

        c->b.n = 0;
        c->last = 0;
        c->sorted = true;
        c->want_speed = false;
        return 0;
}

static int if_link(void *p, const struct prov_link *l)
{
        struct if_build *c = p;
        MIB_IF_ROW2 *r = table_build_next(&c->b);

        if (!r)
                return -ENOMEM;
        if_row_fill(r, l);
        if (l->ifindex <= c->last)
                c->sorted = false;
        c->last = l->ifindex;
        c->want_speed |= l->speed_queryable;
        return 0;
}

static int cmp_if_rows(const void *a, const void *b)
{
        NET_IFINDEX x = ((const MIB_IF_ROW2 *)a)->InterfaceIndex;
        NET_IFINDEX y = ((const MIB_IF_ROW2 *)b)->InterfaceIndex;

        return x < y ? -1 : x > y;
}

static MIB_IF_ROW2 *find_if_row(struct if_build *c, uint32_t ifindex)
{
        size_t lo = 0, hi = c->b.n;

        while (c->cursor < c->b.n) { /* the common case: the next rows in order */
                MIB_IF_ROW2 *r = table_build_row(&c->b, c->cursor);

                if (r->InterfaceIndex > ifindex)
                        break;
                c->cursor++;
                if (r->InterfaceIndex == ifindex)
                        return r;
        }

        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                MIB_IF_ROW2 *r = table_build_row(&c->b, mid);

                if (r->InterfaceIndex == ifindex)
                        return r;
                if (r->InterfaceIndex < ifindex)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        return NULL;
}

/* Rows go out ordered by ifindex; the kernel dumps them that way already. */
static void sort_rows(struct if_build *c)
{
        if (!c->sorted)
                qsort(table_build_row(&c->b, 0), c->b.n, sizeof(MIB_IF_ROW2), cmp_if_rows);
        c->sorted = true;
}

static int speed_begin(void *p)
{
        struct if_build *c = p;
        size_t i;

        sort_rows(c);
        c->cursor = 0;
        for (i = 0; i < c->b.n; i++) {
                MIB_IF_ROW2 *r = table_build_row(&c->b, i);

                r->TransmitLinkSpeed = r->ReceiveLinkSpeed = IF_SPEED_UNKNOWN;
        }
        return 0;
}

static int speed_visit(void *p, const struct prov_link_speed *s)
{
        MIB_IF_ROW2 *r = find_if_row(p, s->ifindex);

        if (r) /* links created after the link dump have no row */
                r->TransmitLinkSpeed = r->ReceiveLinkSpeed = s->bps;
        return 0;
}

/* The links, then (when some link may report one) their speeds: one link dump
 * and at most one ethtool dump. */
static int collect(struct if_build *c, unsigned want)
{
        const struct provider_ops *ops = provider();
        struct prov_link_visitor v = {if_begin, if_link, c};
        struct prov_speed_visitor sv = {speed_begin, speed_visit, c};
        int r;

        r = ops->link_walk(want, &v);
        if (r < 0 || !c->want_speed)
                return r;
        r = ops->link_speed_walk(&sv);
        return r == -EOPNOTSUPP ? 0 : r;
}

int iphlp_get_if_table(MIB_IF_TABLE_LEVEL level, PMIB_IF_TABLE2 *ret, struct alloc_site site)
{
        struct if_build c = {.b = {NULL, offsetof(MIB_IF_TABLE2, Table), sizeof(MIB_IF_ROW2), 0, 0,
                                   &table_hint_if_rows, site},
                             .sorted = true};
        unsigned want = level == MibIfTableNormalWithoutStatistics ? 0 : PROV_WANT_STATS;
        int r;

        if (!ret)
                return -EINVAL;
        *ret = NULL;
        if (level != MibIfTableNormal && level != MibIfTableRaw &&
            level != MibIfTableNormalWithoutStatistics)
                return -EINVAL;
        r = table_build_start(&c.b);
        if (r < 0)
                return r;
        r = collect(&c, want);
        sort_rows(&c);
        if (r < 0) {
                table_build_abort(&c.b);
                return r;
        }
        *ret = table_build_finish(&c.b);
        return 0;
}

struct entry_ctx {
        MIB_IF_ROW2 row;
        bool queryable;
};

static int entry_visit(void *p, const struct prov_link *l)
{
        struct entry_ctx *c = p;

        if_row_fill(&c->row, l);
        c->queryable = l->speed_queryable;
        return 0;
}

int iphlp_get_if_entry(MIB_IF_ENTRY_LEVEL level, PMIB_IF_ROW2 row)
{
        struct entry_ctx c;
        uint64_t bps;
        int r;

        if (!row || (level != MibIfEntryNormal && level != MibIfEntryNormalWithoutStatistics))
                return -EINVAL;
        if (!row->InterfaceLuid.Value && !row->InterfaceIndex)
                return -EINVAL;
        r = link_lookup(&row->InterfaceLuid, row->InterfaceIndex,
                        level == MibIfEntryNormal ? PROV_WANT_STATS : 0, entry_visit, &c);
        if (r < 0)
                return r;
        if (c.queryable) {
                r = provider()->link_speed_get(c.row.InterfaceIndex, &bps);
                if (r == 0)
                        c.row.TransmitLinkSpeed = c.row.ReceiveLinkSpeed = bps;
                else if (r != -ENODATA && r != -ENODEV)
                        return r;
        }
        *row = c.row;
        return 0;
}
