/* anycast_table.c - GetAnycastIpAddressTable and GetAnycastIpAddressEntry, implemented
 * once: one brief link dump (for the LUIDs) and one RTM_GETANYCAST dump streamed
 * into one table block. Linux keeps IPv6 anycast addresses only (subnet-router
 * anycast on forwarding links, IPV6_JOIN_ANYCAST): AF_INET finds none. */
#include <errno.h>
#include <sys/socket.h>

#include "tables.h"

struct anycast_build {
        struct tbl t;
        ADDRESS_FAMILY family;
};

static int anycast_begin(void *p)
{
        return tbl_begin(p);
}

static int anycast_visit(void *p, const struct prov_addr *a)
{
        struct anycast_build *c = p;
        MIB_ANYCASTIPADDRESS_ROW *row;
        NET_LUID luid;

        if (!tbl_luid(&c->t, a->ifindex, &luid))
                return 0;
        row = tbl_next(&c->t);
        if (!row)
                return -ENOMEM;
        anycast_row_fill(row, a, luid);
        return 0;
}

static int anycast_walk(struct tbl *t, void *ctx)
{
        struct anycast_build *c = ctx;
        struct prov_addr_visitor v = {anycast_begin, anycast_visit, c};

        (void)t;
        if (!provider()->addr_walk)
                return -EOPNOTSUPP;
        return provider()->addr_walk(c->family, PROV_ADDR_ANYCAST, &v);
}

int iphlp_get_anycast_table(ADDRESS_FAMILY family, PMIB_ANYCASTIPADDRESS_TABLE *ret,
                            struct alloc_site site)
{
        struct anycast_build c = {TBL_INIT(MIB_ANYCASTIPADDRESS_TABLE, MIB_ANYCASTIPADDRESS_ROW,
                                           &table_hint_anycast_rows, site),
                                  family};

        return tbl_run(&c.t, family, true, (void **)ret, anycast_walk, &c);
}

static void anycast_found(void *p, const struct prov_addr *a, NET_LUID luid)
{
        anycast_row_fill(p, a, luid);
}

int iphlp_get_anycast_entry(PMIB_ANYCASTIPADDRESS_ROW row)
{
        MIB_ANYCASTIPADDRESS_ROW found;
        struct addr_key key;
        int r;

        if (!row || (row->Address.si_family != AF_INET && row->Address.si_family != AF_INET6))
                return -EINVAL;
        key = (struct addr_key){&row->Address, row->InterfaceLuid, row->InterfaceIndex};
        r = addr_lookup(PROV_ADDR_ANYCAST, &key, anycast_found, &found);
        if (r == 0)
                *row = found;
        return r;
}
