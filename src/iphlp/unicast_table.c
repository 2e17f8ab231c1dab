/* unicast_table.c - GetUnicastIpAddressTable, GetUnicastIpAddressEntry and
 * InitializeUnicastIpAddressEntry, implemented once: one brief link dump (for
 * the LUIDs) and one RTM_GETADDR dump streamed into one table block. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "tables.h"

struct unicast_build {
        struct tbl t;
        ADDRESS_FAMILY family;
        struct boot_clock clk;
};

static int unicast_begin(void *p)
{
        return tbl_begin(p);
}

static int unicast_visit(void *p, const struct prov_addr *a)
{
        struct unicast_build *c = p;
        MIB_UNICASTIPADDRESS_ROW *row;
        NET_LUID luid;

        if (!tbl_luid(&c->t, a->ifindex, &luid))
                return 0;
        row = tbl_next(&c->t);
        if (!row)
                return -ENOMEM;
        unicast_row_fill(row, a, luid, &c->clk);
        return 0;
}

static int unicast_walk(struct tbl *t, void *ctx)
{
        struct unicast_build *c = ctx;
        struct prov_addr_visitor v = {unicast_begin, unicast_visit, c};

        (void)t;
        if (!provider()->addr_walk)
                return -EOPNOTSUPP;
        boot_clock_now(&c->clk);
        return provider()->addr_walk(c->family, PROV_ADDR_UNICAST, &v);
}

int iphlp_get_unicast_table(ADDRESS_FAMILY family, PMIB_UNICASTIPADDRESS_TABLE *ret,
                            struct alloc_site site)
{
        struct unicast_build c = {TBL_INIT(MIB_UNICASTIPADDRESS_TABLE, MIB_UNICASTIPADDRESS_ROW,
                                           &table_hint_unicast_rows, site),
                                  family,
                                  {0, 0}};

        return tbl_run(&c.t, family, true, (void **)ret, unicast_walk, &c);
}

struct unicast_entry {
        MIB_UNICASTIPADDRESS_ROW row;
        struct boot_clock clk;
};

static void unicast_found(void *p, const struct prov_addr *a, NET_LUID luid)
{
        struct unicast_entry *e = p;

        unicast_row_fill(&e->row, a, luid, &e->clk);
}

int iphlp_get_unicast_entry(PMIB_UNICASTIPADDRESS_ROW row)
{
        struct unicast_entry e;
        struct addr_key key;
        int r;

        if (!row || (row->Address.si_family != AF_INET && row->Address.si_family != AF_INET6))
                return -EINVAL;
        key = (struct addr_key){&row->Address, row->InterfaceLuid, row->InterfaceIndex};
        boot_clock_now(&e.clk);
        r = addr_lookup(PROV_ADDR_UNICAST, &key, unicast_found, &e);
        if (r == 0)
                *row = e.row;
        return r;
}

/* Windows' defaults: every field zero except the "not given" markers. */
VOID NETIOAPI_API_ InitializeUnicastIpAddressEntry(PMIB_UNICASTIPADDRESS_ROW Row)
{
        if (!Row)
                return;
        memset(Row, 0, sizeof(*Row));
        Row->PrefixOrigin = IpPrefixOriginUnchanged;
        Row->SuffixOrigin = IpSuffixOriginUnchanged;
        Row->ValidLifetime = 0xffffffffu;
        Row->PreferredLifetime = 0xffffffffu;
        Row->OnLinkPrefixLength = 0xff;
        Row->DadState = IpDadStateInvalid;
}
