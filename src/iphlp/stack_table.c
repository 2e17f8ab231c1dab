/* stack_table.c - GetIfStackTable and GetInvertedIfStackTable, implemented once
 * from one brief link dump. What counts as a stack (docs/iphlp-tables.md):
 * a port under its master (bridge, bond, team, VRF: IFLA_MASTER) and a link built
 * over a lower device of this namespace (macvlan, macvtap, ipvlan, ipvtap, vlan,
 * macsec and IP tunnels bound to a device: IFLA_LINK; vxlan: its "dev"). A veth's
 * IFLA_LINK is its peer, a sibling rather than a lower layer: no row. Rows are
 * relationships only; interfaces that take part in none have no row. */
#include <errno.h>
#include <string.h>

#include "tables.h"

/* Kinds whose IFLA_LINK is the device they are stacked on. */
static bool link_is_lower(const char *kind)
{
        static const char *const kinds[] = {"macvlan", "macvtap",  "ipvlan",    "ipvtap", "vlan",
                                            "macsec",  "ipip",     "sit",       "gre",    "gretap",
                                            "ip6tnl",  "ip6gre",   "ip6gretap", "vti",    "vti6",
                                            "erspan",  "ip6erspan"};
        size_t i;

        if (!kind)
                return false;
        for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
                if (!strcmp(kind, kinds[i]))
                        return true;
        return false;
}

struct stack_build {
        struct tbl t;
        bool inverted;
};

static int stack_begin(void *p)
{
        return tbl_begin(p);
}

/* MIB_IFSTACK_ROW is (higher, lower), MIB_INVERTEDIFSTACK_ROW (lower, higher). */
static int add_pair(struct stack_build *c, uint32_t higher, uint32_t lower)
{
        NET_IFINDEX *row = tbl_next(&c->t);

        if (!row)
                return -ENOMEM;
        row[0] = c->inverted ? lower : higher;
        row[1] = c->inverted ? higher : lower;
        return 0;
}

static int stack_link(void *p, const struct prov_link_brief *l)
{
        struct stack_build *c = p;
        uint32_t lower = l->kind_dev ? l->kind_dev : link_is_lower(l->kind) ? l->link : 0;
        int r = 0;

        if (l->master)
                r = add_pair(c, l->master, l->ifindex);
        if (r == 0 && lower && lower != l->ifindex)
                r = add_pair(c, l->ifindex, lower);
        return r;
}

static int stack_walk(struct tbl *t, void *ctx)
{
        struct prov_brief_visitor v = {stack_begin, stack_link, ctx};

        (void)t;
        if (!provider()->link_brief_walk)
                return -EOPNOTSUPP;
        return provider()->link_brief_walk(&v);
}

int iphlp_get_stack_table(PMIB_IFSTACK_TABLE *ret, struct alloc_site site)
{
        struct stack_build c = {
            TBL_INIT(MIB_IFSTACK_TABLE, MIB_IFSTACK_ROW, &table_hint_stack_rows, site), false};

        c.t.need_links = false; /* the rows hold indexes only */
        return tbl_run(&c.t, AF_UNSPEC, false, (void **)ret, stack_walk, &c);
}

int iphlp_get_inverted_stack_table(PMIB_INVERTEDIFSTACK_TABLE *ret, struct alloc_site site)
{
        struct stack_build c = {TBL_INIT(MIB_INVERTEDIFSTACK_TABLE, MIB_INVERTEDIFSTACK_ROW,
                                         &table_hint_stack_rows, site),
                                true};

        c.t.need_links = false;
        return tbl_run(&c.t, AF_UNSPEC, false, (void **)ret, stack_walk, &c);
}
