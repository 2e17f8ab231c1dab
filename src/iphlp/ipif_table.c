/* ipif_table.c - GetIpInterfaceTable, GetIpInterfaceEntry and
 * InitializeIpInterfaceEntry, implemented once. One link dump (without counters)
 * carries every link's IPv4/IPv6 settings; one neighbour-table dump adds the
 * ARP/NDP timing; the path-MTU timeout is one read per family. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "iphlp.h"
#include "table_build.h"

static bool want_v4(ADDRESS_FAMILY f)
{
        return f == AF_INET || f == AF_UNSPEC;
}

static bool want_v6(ADDRESS_FAMILY f)
{
        return f == AF_INET6 || f == AF_UNSPEC;
}

/* A family has a row on a link when its device exists (and, for IPv6, is not
 * disabled with disable_ipv6). */
static bool has_row(const struct prov_link *l, ADDRESS_FAMILY f)
{
        return f == AF_INET6 ? l->inet6.present && !l->inet6.disabled : l->inet.present;
}

struct ipif_build {
        struct table_build b;
        ADDRESS_FAMILY family;
        uint32_t last;
        bool sorted;
        size_t hint;       /* the row parms_visit found last */
        struct ipif_ns ns; /* IPv6's namespace-wide settings */
};

static int ipif_begin(void *p)
{
        struct ipif_build *c = p;

        c->b.n = 0;
        c->last = 0;
        c->sorted = true;
        return 0;
}

static int ipif_add(struct ipif_build *c, const struct prov_link *l, ADDRESS_FAMILY f)
{
        MIB_IPINTERFACE_ROW *r = table_build_next(&c->b);

        if (!r)
                return -ENOMEM;
        ipif_row_fill(r, l, f, &c->ns);
        return 0;
}

static int ipif_link(void *p, const struct prov_link *l)
{
        struct ipif_build *c = p;
        int r = 0;

        if (l->ifindex <= c->last)
                c->sorted = false;
        c->last = l->ifindex;
        if (want_v4(c->family) && has_row(l, AF_INET))
                r = ipif_add(c, l, AF_INET);
        if (r == 0 && want_v6(c->family) && has_row(l, AF_INET6))
                r = ipif_add(c, l, AF_INET6);
        return r;
}

/* Rows are ordered by ifindex, IPv4 before IPv6. */
static int cmp_ipif_rows(const void *a, const void *b)
{
        const MIB_IPINTERFACE_ROW *x = a, *y = b;

        if (x->InterfaceIndex != y->InterfaceIndex)
                return x->InterfaceIndex < y->InterfaceIndex ? -1 : 1;
        return (x->Family == AF_INET6) - (y->Family == AF_INET6);
}

static MIB_IPINTERFACE_ROW *row_if(struct ipif_build *c, size_t i, uint32_t ifindex, int family)
{
        MIB_IPINTERFACE_ROW *r = table_build_row(&c->b, i);

        return r->InterfaceIndex == ifindex && r->Family == family ? r : NULL;
}

static MIB_IPINTERFACE_ROW *find_ipif_row(struct ipif_build *c, uint32_t ifindex, int family)
{
        MIB_IPINTERFACE_ROW *r;
        size_t lo = 0, hi = c->b.n, i;

        /* The kernel lists a table's links newest first: the row sought is most
         * often one or two before the last one found. */
        for (i = 1; i <= 2 && i <= c->hint; i++) {
                if ((r = row_if(c, c->hint - i, ifindex, family))) {
                        c->hint -= i;
                        return r;
                }
        }
        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;

                if (((MIB_IPINTERFACE_ROW *)table_build_row(&c->b, mid))->InterfaceIndex < ifindex)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        for (i = lo; i < c->b.n && i < lo + 2; i++) {
                if ((r = row_if(c, i, ifindex, family))) {
                        c->hint = i;
                        return r;
                }
        }
        return NULL;
}

static int parms_visit(void *p, const struct prov_neigh_parms *parms)
{
        MIB_IPINTERFACE_ROW *r = find_ipif_row(p, parms->ifindex, parms->family);

        if (r)
                ipif_row_set_parms(r, parms);
        return 0;
}

/* A namespace setting; `def` when the kernel lacks the family that has it. */
static int ns_setting(enum prov_ns_sysctl which, int32_t def, int32_t *ret)
{
        int r = provider()->ns_sysctl(which, ret);

        if (r == -EAFNOSUPPORT)
                *ret = def;
        return r == -EAFNOSUPPORT ? 0 : r;
}

/* The namespace-wide IPv6 settings the rows need (none for IPv4 alone). */
static int read_ns(ADDRESS_FAMILY family, struct ipif_ns *ns)
{
        int r;

        ns->all_accept_dad = ns->all_forwarding = 0;
        if (family == AF_INET)
                return 0;
        r = ns_setting(PROV_SYSCTL_IPV6_ALL_ACCEPT_DAD, 0, &ns->all_accept_dad);
        return r ? r : ns_setting(PROV_SYSCTL_IPV6_ALL_FORWARDING, 0, &ns->all_forwarding);
}

/* Path-MTU cache lifetime in milliseconds; 0 when the family keeps none. */
static int pmtu_timeout_ms(int family, ULONG *ret_ms)
{
        int32_t s = 0;
        int r = ns_setting(family == AF_INET6 ? PROV_SYSCTL_IPV6_MTU_EXPIRES
                                              : PROV_SYSCTL_IPV4_MTU_EXPIRES,
                           0, &s);

        if (r < 0)
                return r;
        *ret_ms = s <= 0 ? 0 : (uint32_t)s > UINT32_MAX / 1000u ? UINT32_MAX : (ULONG)s * 1000u;
        return 0;
}

static void sort_ipif_rows(struct ipif_build *c)
{
        if (!c->sorted)
                qsort(table_build_row(&c->b, 0), c->b.n, sizeof(MIB_IPINTERFACE_ROW),
                      cmp_ipif_rows);
        c->sorted = true;
}

static int parms_begin(void *p)
{
        struct ipif_build *c = p;

        sort_ipif_rows(c);
        c->hint = 0;
        return 0;
}

/* The links (with their settings), then the ARP/NDP timing: two dumps. */
static int ipif_collect(struct ipif_build *c)
{
        const struct provider_ops *ops = provider();
        struct prov_link_visitor v = {ipif_begin, ipif_link, c};
        struct prov_parms_visitor pv = {parms_begin, parms_visit, c};
        int r = read_ns(c->family, &c->ns);

        if (r == 0)
                r = ops->link_walk(0, &v);
        if (r == 0)
                r = ops->neigh_parms_walk(c->family, &pv);
        sort_ipif_rows(c);
        return r;
}

/* The path-MTU timeout of each row's family. */
static int ipif_finish_rows(struct ipif_build *c)
{
        ULONG ms[2] = {0, 0};
        size_t i;
        int r = 0;

        if (want_v4(c->family))
                r = pmtu_timeout_ms(AF_INET, &ms[0]);
        if (r == 0 && want_v6(c->family))
                r = pmtu_timeout_ms(AF_INET6, &ms[1]);
        for (i = 0; r == 0 && i < c->b.n; i++) {
                MIB_IPINTERFACE_ROW *row = table_build_row(&c->b, i);

                row->PathMtuDiscoveryTimeout = ms[row->Family == AF_INET6];
        }
        return r;
}

static int ipif_fill(struct ipif_build *c)
{
        int r = ipif_collect(c);

        if (r < 0)
                return r;
        if (c->b.n == 0) /* no IPv6 anywhere means the stack is off, not just empty */
                return c->family == AF_INET6 ? -EAFNOSUPPORT : -ENOENT;
        return ipif_finish_rows(c);
}

int iphlp_get_ipif_table(ADDRESS_FAMILY family, PMIB_IPINTERFACE_TABLE *ret, struct alloc_site site)
{
        struct ipif_build c = {{NULL, offsetof(MIB_IPINTERFACE_TABLE, Table),
                                sizeof(MIB_IPINTERFACE_ROW), 0, 0, &table_hint_ipif_rows, site},
                               family,
                               0,
                               true,
                               0,
                               {0, 0}};
        int r;

        if (!ret)
                return -EINVAL;
        *ret = NULL;
        if (family != AF_INET && family != AF_INET6 && family != AF_UNSPEC)
                return -EINVAL;
        r = table_build_start(&c.b);
        if (r < 0)
                return r;
        r = ipif_fill(&c);
        if (r < 0) {
                table_build_abort(&c.b);
                return r;
        }
        *ret = table_build_finish(&c.b);
        return 0;
}

struct ipif_entry_ctx {
        MIB_IPINTERFACE_ROW row;
        ADDRESS_FAMILY family;
        bool found;
        struct ipif_ns ns;
};

static int ipif_entry_visit(void *p, const struct prov_link *l)
{
        struct ipif_entry_ctx *c = p;

        c->found = has_row(l, c->family);
        if (c->found)
                ipif_row_fill(&c->row, l, c->family, &c->ns);
        return 0;
}

static int ipif_entry_parms(void *p, const struct prov_neigh_parms *parms)
{
        struct ipif_entry_ctx *c = p;

        if (parms->ifindex == c->row.InterfaceIndex && parms->family == c->family)
                ipif_row_set_parms(&c->row, parms);
        return 0;
}

int iphlp_get_ipif_entry(PMIB_IPINTERFACE_ROW row)
{
        struct ipif_entry_ctx c;
        struct prov_parms_visitor v = {NULL, ipif_entry_parms, &c};
        int r;

        if (!row || (row->Family != AF_INET && row->Family != AF_INET6))
                return -EINVAL;
        if (!row->InterfaceLuid.Value && !row->InterfaceIndex)
                return -EINVAL;
        c.family = row->Family;
        c.found = false;
        r = read_ns(c.family, &c.ns);
        if (r == 0)
                r = link_lookup(&row->InterfaceLuid, row->InterfaceIndex, 0, ipif_entry_visit, &c);
        if (r < 0)
                return r;
        if (!c.found)
                return -ENOENT;
        r = provider()->neigh_parms_walk(c.family, &v);
        if (r == 0)
                r = pmtu_timeout_ms(c.family, &c.row.PathMtuDiscoveryTimeout);
        if (r < 0)
                return r;
        *row = c.row;
        return 0;
}

VOID NETIOAPI_API_ InitializeIpInterfaceEntry(PMIB_IPINTERFACE_ROW Row)
{
        if (!Row)
                return;
        memset(Row, 0, sizeof(*Row));
        Row->Family = AF_UNSPEC;
}
