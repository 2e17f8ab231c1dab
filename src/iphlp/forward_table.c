/* forward_table.c - GetIpForwardTable2, GetIpForwardEntry2 and
 * InitializeIpForwardEntry, implemented once: one brief link dump (for the
 * LUIDs) and one RTM_GETROUTE dump of every routing table, one row per next hop. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "tables.h"

struct forward_build {
        struct tbl t;
        ADDRESS_FAMILY family;
};

static int forward_begin(void *p)
{
        return tbl_begin(p);
}

static int forward_visit(void *p, const struct prov_route *r)
{
        struct forward_build *c = p;
        MIB_IPFORWARD_ROW2 *row;
        NET_LUID luid;

        if (!tbl_luid(&c->t, forward_ifindex(r), &luid))
                return 0;
        row = tbl_next(&c->t);
        if (!row)
                return -ENOMEM;
        forward_row_fill(row, r, luid);
        return 0;
}

static int forward_walk(struct tbl *t, void *ctx)
{
        struct forward_build *c = ctx;
        struct prov_route_visitor v = {forward_begin, forward_visit, c};

        (void)t;
        if (!provider()->route_walk)
                return -EOPNOTSUPP;
        return provider()->route_walk(c->family, PROV_ROUTES_FIB, &v);
}

int iphlp_get_forward_table(ADDRESS_FAMILY family, PMIB_IPFORWARD_TABLE2 *ret,
                            struct alloc_site site)
{
        struct forward_build c = {
            TBL_INIT(MIB_IPFORWARD_TABLE2, MIB_IPFORWARD_ROW2, &table_hint_forward_rows, site),
            family};

        return tbl_run(&c.t, family, true, (void **)ret, forward_walk, &c);
}

/* ---- GetIpForwardEntry2: keyed by prefix, next hop and interface ---- */

static bool prefix_equal(const uint8_t *a, const uint8_t *b, unsigned bits)
{
        unsigned whole = bits / 8, rest = bits % 8;
        uint8_t mask = (uint8_t)(0xff << (8 - rest));

        if (memcmp(a, b, whole))
                return false;
        return !rest || ((a[whole] ^ b[whole]) & mask) == 0;
}

struct forward_key {
        const MIB_IPFORWARD_ROW2 *key;
        const uint8_t *prefix;
        const uint8_t *gw; /* NULL: on-link (no next hop given) */
        uint32_t ifindex;
        NET_LUID luid;
        bool found;
        MIB_IPFORWARD_ROW2 row;
};

static bool next_hop_matches(const struct forward_key *k, const struct prov_route *r)
{
        size_t len = r->gw_family == AF_INET6 ? 16 : 4;

        if (!k->gw)
                return r->gw_family == 0;
        return r->gw_family == k->key->NextHop.si_family && !memcmp(r->gw, k->gw, len);
}

static int key_begin(void *p)
{
        ((struct forward_key *)p)->found = false;
        return 0;
}

static int key_visit(void *p, const struct prov_route *r)
{
        struct forward_key *k = p;

        if (k->found || r->dst_len != k->key->DestinationPrefix.PrefixLength ||
            forward_ifindex(r) != k->ifindex || !prefix_equal(r->dst, k->prefix, r->dst_len) ||
            !next_hop_matches(k, r))
                return 0;
        forward_row_fill(&k->row, r, k->luid);
        k->found = true;
        return 0;
}

/* The next hop a row gives: NULL when it is unspecified (any family, all zero). */
static const uint8_t *given_next_hop(const SOCKADDR_INET *nh)
{
        static const uint8_t zero[16];
        const uint8_t *b = sockaddr_inet_bytes(nh);

        if (!b || !memcmp(b, zero, nh->si_family == AF_INET6 ? 16 : 4))
                return NULL;
        return b;
}

int iphlp_get_forward_entry(PMIB_IPFORWARD_ROW2 row)
{
        struct forward_key k;
        struct prov_route_visitor v = {key_begin, key_visit, &k};
        int family, r;

        if (!row)
                return -EINVAL;
        family = row->DestinationPrefix.Prefix.si_family;
        if ((family != AF_INET && family != AF_INET6) ||
            row->DestinationPrefix.PrefixLength > (family == AF_INET6 ? 128 : 32))
                return -EINVAL;
        memset(&k, 0, sizeof(k));
        k.key = row;
        k.prefix = sockaddr_inet_bytes(&row->DestinationPrefix.Prefix);
        k.gw = given_next_hop(&row->NextHop);
        r = entry_interface(&row->InterfaceLuid, row->InterfaceIndex, &k.luid, &k.ifindex);
        if (r < 0)
                return r;
        if (!provider()->route_walk)
                return -EOPNOTSUPP;
        r = provider()->route_walk(family, PROV_ROUTES_FIB, &v);
        if (r < 0)
                return r;
        if (!k.found)
                return -ENOENT;
        *row = k.row;
        return 0;
}

/* Windows' defaults for a route to be created: lifetimes infinite, the four
 * booleans TRUE, SitePrefixLength/Metric/Protocol "illegal" (all ones). */
VOID NETIOAPI_API_ InitializeIpForwardEntry(PMIB_IPFORWARD_ROW2 Row)
{
        if (!Row)
                return;
        memset(Row, 0, sizeof(*Row));
        Row->ValidLifetime = 0xffffffffu;
        Row->PreferredLifetime = 0xffffffffu;
        Row->Loopback = TRUE;
        Row->AutoconfigureAddress = TRUE;
        Row->Publish = TRUE;
        Row->Immortal = TRUE;
        Row->SitePrefixLength = 0xff;
        Row->Metric = 0xffffffffu;
        Row->Protocol = (NL_ROUTE_PROTOCOL)-1;
}
