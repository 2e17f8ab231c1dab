/* ipnet_table.c - GetIpNetTable2 and GetIpNetEntry2, implemented once: one brief
 * link dump (for the LUIDs) and one RTM_GETNEIGH dump of the ARP and NDP caches
 * streamed into one table block. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "tables.h"

struct ipnet_build {
        struct tbl t;
        ADDRESS_FAMILY family;
};

static int ipnet_begin(void *p)
{
        return tbl_begin(p);
}

static int ipnet_visit(void *p, const struct prov_neigh *n)
{
        struct ipnet_build *c = p;
        MIB_IPNET_ROW2 *row;
        NET_LUID luid;

        if (!tbl_luid(&c->t, n->ifindex, &luid))
                return 0;
        row = tbl_next(&c->t);
        if (!row)
                return -ENOMEM;
        ipnet_row_fill(row, n, luid);
        return 0;
}

static int ipnet_walk(struct tbl *t, void *ctx)
{
        struct ipnet_build *c = ctx;
        struct prov_neigh_visitor v = {ipnet_begin, ipnet_visit, c};

        (void)t;
        if (!provider()->neigh_walk)
                return -EOPNOTSUPP;
        return provider()->neigh_walk(c->family, &v);
}

int iphlp_get_ipnet_table(ADDRESS_FAMILY family, PMIB_IPNET_TABLE2 *ret, struct alloc_site site)
{
        struct ipnet_build c = {
            TBL_INIT(MIB_IPNET_TABLE2, MIB_IPNET_ROW2, &table_hint_ipnet_rows, site), family};

        return tbl_run(&c.t, family, true, (void **)ret, ipnet_walk, &c);
}

struct ipnet_key {
        const uint8_t *addr;
        size_t len;
        uint32_t ifindex;
        NET_LUID luid;
        bool found;
        MIB_IPNET_ROW2 row;
};

static int key_begin(void *p)
{
        ((struct ipnet_key *)p)->found = false;
        return 0;
}

static int key_visit(void *p, const struct prov_neigh *n)
{
        struct ipnet_key *k = p;

        if (k->found || n->ifindex != k->ifindex || memcmp(n->addr, k->addr, k->len))
                return 0;
        ipnet_row_fill(&k->row, n, k->luid);
        k->found = true;
        return 0;
}

/* Keys: Address and the interface (LUID, else index); both are required. */
int iphlp_get_ipnet_entry(PMIB_IPNET_ROW2 row)
{
        struct ipnet_key k;
        struct prov_neigh_visitor v = {key_begin, key_visit, &k};
        int family, r;

        if (!row)
                return -EINVAL;
        family = row->Address.si_family;
        if (family != AF_INET && family != AF_INET6)
                return -EINVAL;
        memset(&k, 0, sizeof(k));
        k.addr = sockaddr_inet_bytes(&row->Address);
        k.len = family == AF_INET6 ? 16 : 4;
        r = entry_interface(&row->InterfaceLuid, row->InterfaceIndex, &k.luid, &k.ifindex);
        if (r < 0)
                return r;
        if (!provider()->neigh_walk)
                return -EOPNOTSUPP;
        r = provider()->neigh_walk(family, &v);
        if (r < 0)
                return r;
        if (!k.found)
                return -ENOENT;
        *row = k.row;
        return 0;
}
