/* multicast_table.c - GetMulticastIpAddressTable and GetMulticastIpAddressEntry, implemented
 * once: one brief link dump (for the LUIDs) and one RTM_GETMULTICAST dump streamed
 * into one table block. Both families: IPv4 groups from the netlink dump
 * where the kernel has it (6.13 and later), /proc/net/igmp before. */
#include <errno.h>
#include <sys/socket.h>

#include "tables.h"

struct multicast_build {
        struct tbl t;
        ADDRESS_FAMILY family;
};

static int multicast_begin(void *p)
{
        return tbl_begin(p);
}

static int multicast_visit(void *p, const struct prov_addr *a)
{
        struct multicast_build *c = p;
        MIB_MULTICASTIPADDRESS_ROW *row;
        NET_LUID luid;

        if (!tbl_luid(&c->t, a->ifindex, &luid))
                return 0;
        row = tbl_next(&c->t);
        if (!row)
                return -ENOMEM;
        multicast_row_fill(row, a, luid);
        return 0;
}

static int multicast_walk(struct tbl *t, void *ctx)
{
        struct multicast_build *c = ctx;
        struct prov_addr_visitor v = {multicast_begin, multicast_visit, c};

        (void)t;
        if (!provider()->addr_walk)
                return -EOPNOTSUPP;
        return provider()->addr_walk(c->family, PROV_ADDR_MULTICAST, &v);
}

int iphlp_get_multicast_table(ADDRESS_FAMILY family, PMIB_MULTICASTIPADDRESS_TABLE *ret,
                              struct alloc_site site)
{
        struct multicast_build c = {TBL_INIT(MIB_MULTICASTIPADDRESS_TABLE,
                                             MIB_MULTICASTIPADDRESS_ROW, &table_hint_multicast_rows,
                                             site),
                                    family};

        return tbl_run(&c.t, family, true, (void **)ret, multicast_walk, &c);
}

static void multicast_found(void *p, const struct prov_addr *a, NET_LUID luid)
{
        multicast_row_fill(p, a, luid);
}

int iphlp_get_multicast_entry(PMIB_MULTICASTIPADDRESS_ROW row)
{
        MIB_MULTICASTIPADDRESS_ROW found;
        struct addr_key key;
        int r;

        if (!row || (row->Address.si_family != AF_INET && row->Address.si_family != AF_INET6))
                return -EINVAL;
        key = (struct addr_key){&row->Address, row->InterfaceLuid, row->InterfaceIndex};
        r = addr_lookup(PROV_ADDR_MULTICAST, &key, multicast_found, &found);
        if (r == 0)
                *row = found;
        return r;
}
