/* path_table.c - GetIpPathTable and GetIpPathEntry, implemented once: the
 * kernel's cached route exceptions (RTM_GETROUTE with RTM_F_CLONED: learned path
 * MTUs and redirects, both families) as paths, with the link MTU for exceptions
 * that do not lower it and the link's speed (ethtool) where the device has one. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "tables.h"

struct path_build {
        struct tbl t;
        ADDRESS_FAMILY family;
};

static int path_begin(void *p)
{
        return tbl_begin(p);
}

static int path_visit(void *p, const struct prov_route *r)
{
        struct path_build *c = p;
        const struct link_map_entry *e = link_map_find(&c->t.links, forward_ifindex(r));
        MIB_IPPATH_ROW *row;
        NET_LUID luid;

        if (!tbl_luid(&c->t, forward_ifindex(r), &luid))
                return 0;
        row = tbl_next(&c->t);
        if (!row)
                return -ENOMEM;
        path_row_fill(row, r, luid, e->mtu);
        return 0;
}

/* Speeds come after the dump: the speed query must not run while the route dump
 * still owns the thread's receive buffer. Each interface is asked once per call
 * (its link-map entry remembers the answer), however its rows are ordered. */
/* The link's speed in *ret_bps, IF_SPEED_UNKNOWN when it reports none; -ENOMEM. */
static int speed_of(uint32_t ifindex, uint64_t *ret_bps)
{
        uint64_t bps = IF_SPEED_UNKNOWN;
        int r = provider()->link_speed_get ? provider()->link_speed_get(ifindex, &bps) : -ENODATA;

        if (r == -ENOMEM)
                return r;
        *ret_bps = r == 0 ? bps : IF_SPEED_UNKNOWN;
        return 0;
}

static int set_speed(struct link_map *links, MIB_IPPATH_ROW *row)
{
        struct link_map_entry *e = link_map_find(links, row->InterfaceIndex);
        int r;

        if (e && !e->speed_known) {
                if ((r = speed_of(row->InterfaceIndex, &e->speed)) < 0)
                        return r;
                e->speed_known = true;
        }
        row->LinkTransmitSpeed = row->LinkReceiveSpeed = e ? e->speed : IF_SPEED_UNKNOWN;
        return 0;
}

static int path_speeds(struct tbl *t)
{
        size_t i;
        int r;

        for (i = 0; i < t->b.n; i++)
                if ((r = set_speed(&t->links, table_build_row(&t->b, i))) < 0)
                        return r;
        return 0;
}

static int path_walk(struct tbl *t, void *ctx)
{
        struct path_build *c = ctx;
        struct prov_route_visitor v = {path_begin, path_visit, c};
        int r;

        if (!provider()->route_walk)
                return -EOPNOTSUPP;
        r = provider()->route_walk(c->family, PROV_ROUTES_CACHED, &v);
        return r < 0 ? r : path_speeds(t);
}

int iphlp_get_path_table(ADDRESS_FAMILY family, PMIB_IPPATH_TABLE *ret, struct alloc_site site)
{
        struct path_build c = {
            TBL_INIT(MIB_IPPATH_TABLE, MIB_IPPATH_ROW, &table_hint_path_rows, site), family};

        return tbl_run(&c.t, family, true, (void **)ret, path_walk, &c);
}

struct path_key {
        const uint8_t *dst;
        size_t len;
        uint32_t ifindex;
        bool found;
        struct prov_route hit;
};

static int key_begin(void *p)
{
        ((struct path_key *)p)->found = false;
        return 0;
}

static int key_visit(void *p, const struct prov_route *r)
{
        struct path_key *k = p;

        if (!k->found && forward_ifindex(r) == k->ifindex && !memcmp(r->dst, k->dst, k->len)) {
                k->hit = *r;
                k->found = true;
        }
        return 0;
}

/* Fills the row of a found path: the link MTU the caller read, the speed from
 * a single-link query. */
static int path_entry_fill(MIB_IPPATH_ROW *row, const struct path_key *k, NET_LUID luid,
                           uint32_t mtu)
{
        int r;

        path_row_fill(row, &k->hit, luid, mtu);
        if ((r = speed_of(row->InterfaceIndex, &row->LinkTransmitSpeed)) < 0)
                return r;
        row->LinkReceiveSpeed = row->LinkTransmitSpeed;
        return 0;
}

/* Keys: Destination and the interface (LUID, else index), both required. */
int iphlp_get_path_entry(PMIB_IPPATH_ROW row)
{
        struct path_key k;
        struct prov_route_visitor v = {key_begin, key_visit, &k};
        MIB_IPPATH_ROW found;
        NET_LUID luid;
        uint32_t mtu = 0;
        int family, r;

        if (!row)
                return -EINVAL;
        family = row->Destination.si_family;
        if (family != AF_INET && family != AF_INET6)
                return -EINVAL;
        memset(&k, 0, sizeof(k));
        k.dst = sockaddr_inet_bytes(&row->Destination);
        k.len = family == AF_INET6 ? 16 : 4;
        r = entry_interface_mtu(&row->InterfaceLuid, row->InterfaceIndex, &luid, &k.ifindex, &mtu);
        if (r < 0)
                return r;
        if (!provider()->route_walk)
                return -EOPNOTSUPP;
        r = provider()->route_walk(family, PROV_ROUTES_CACHED, &v);
        if (r == 0 && !k.found)
                r = -ENOENT;
        if (r == 0)
                r = path_entry_fill(&found, &k, luid, mtu);
        if (r == 0)
                *row = found;
        return r;
}
