/* group_table.c - the anycast and multicast address tables and entries
 * (GetAnycastIpAddressTable/Entry, GetMulticastIpAddressTable/Entry): one brief
 * link dump for the LUIDs and one RTM_GETANYCAST or RTM_GETMULTICAST dump streamed
 * into one table block. The two differ only in their row type and dump, so one
 * walk serves both through a descriptor. Linux keeps IPv6 anycast addresses only
 * (AF_INET finds none); IPv4 multicast groups come from the netlink dump where the
 * kernel has it (6.13 and later), from /proc/net/igmp before. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "tables.h"

struct group_kind {
        enum prov_addr_kind kind; /* PROV_ADDR_ANYCAST or PROV_ADDR_MULTICAST */
        size_t header;            /* offsetof(TABLE, Table) */
        size_t row_size;
        size_t *hint; /* rows of the last table, to size the next one */
        void (*fill)(void *row, const struct prov_addr *a, NET_LUID luid);
};

static void fill_anycast(void *row, const struct prov_addr *a, NET_LUID luid)
{
        anycast_row_fill(row, a, luid);
}

static void fill_multicast(void *row, const struct prov_addr *a, NET_LUID luid)
{
        multicast_row_fill(row, a, luid);
}

static const struct group_kind anycast = {
    PROV_ADDR_ANYCAST, offsetof(MIB_ANYCASTIPADDRESS_TABLE, Table),
    sizeof(MIB_ANYCASTIPADDRESS_ROW), &table_hint_anycast_rows, fill_anycast};
static const struct group_kind multicast = {
    PROV_ADDR_MULTICAST, offsetof(MIB_MULTICASTIPADDRESS_TABLE, Table),
    sizeof(MIB_MULTICASTIPADDRESS_ROW), &table_hint_multicast_rows, fill_multicast};

struct group_build {
        struct tbl t;
        ADDRESS_FAMILY family;
        const struct group_kind *k;
};

static int group_begin(void *p)
{
        return tbl_begin(p);
}

static int group_visit(void *p, const struct prov_addr *a)
{
        struct group_build *c = p;
        NET_LUID luid;
        void *row;

        if (!tbl_luid(&c->t, a->ifindex, &luid))
                return 0;
        row = tbl_next(&c->t);
        if (!row)
                return -ENOMEM;
        c->k->fill(row, a, luid);
        return 0;
}

static int group_walk(struct tbl *t, void *ctx)
{
        struct group_build *c = ctx;
        struct prov_addr_visitor v = {group_begin, group_visit, c};

        (void)t;
        if (!provider()->addr_walk)
                return -EOPNOTSUPP;
        return provider()->addr_walk(c->family, c->k->kind, &v);
}

static int group_table(const struct group_kind *k, ADDRESS_FAMILY family, void **ret,
                       struct alloc_site site)
{
        struct group_build c = {TBL_INIT_SIZES(k->header, k->row_size, k->hint, site), family, k};

        return tbl_run(&c.t, family, true, ret, group_walk, &c);
}

struct group_found {
        const struct group_kind *k;
        union {
                MIB_ANYCASTIPADDRESS_ROW anycast;
                MIB_MULTICASTIPADDRESS_ROW multicast;
        } row;
};

static void group_found(void *p, const struct prov_addr *a, NET_LUID luid)
{
        struct group_found *f = p;

        f->k->fill(&f->row, a, luid);
}

/* The keys of both row types: Address, InterfaceLuid, InterfaceIndex. */
static int group_entry(const struct group_kind *k, void *row, const SOCKADDR_INET *address,
                       NET_LUID luid, NET_IFINDEX ifindex)
{
        struct addr_key key = {address, luid, ifindex};
        struct group_found f;
        int r;

        memset(&f, 0, sizeof(f));
        f.k = k;
        if (address->si_family != AF_INET && address->si_family != AF_INET6)
                return -EINVAL;
        r = addr_lookup(k->kind, &key, group_found, &f);
        if (r == 0)
                memcpy(row, &f.row, k->row_size);
        return r;
}

int iphlp_get_anycast_table(ADDRESS_FAMILY family, PMIB_ANYCASTIPADDRESS_TABLE *ret,
                            struct alloc_site site)
{
        return group_table(&anycast, family, (void **)ret, site);
}

int iphlp_get_multicast_table(ADDRESS_FAMILY family, PMIB_MULTICASTIPADDRESS_TABLE *ret,
                              struct alloc_site site)
{
        return group_table(&multicast, family, (void **)ret, site);
}

int iphlp_get_anycast_entry(PMIB_ANYCASTIPADDRESS_ROW row)
{
        if (!row)
                return -EINVAL;
        return group_entry(&anycast, row, &row->Address, row->InterfaceLuid, row->InterfaceIndex);
}

int iphlp_get_multicast_entry(PMIB_MULTICASTIPADDRESS_ROW row)
{
        if (!row)
                return -EINVAL;
        return group_entry(&multicast, row, &row->Address, row->InterfaceLuid, row->InterfaceIndex);
}
