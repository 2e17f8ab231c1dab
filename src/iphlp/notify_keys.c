/* notify_keys.c - what identifies a row in the snapshots (its key) and what a
 * MibParameterNotification compares (a hash of the parameters Windows would show
 * in the row): interface rows per family, unicast addresses, route next hops. */
#include <string.h>
#include <sys/socket.h>

#include "notify.h"

static uint64_t nonzero(uint64_t h)
{
        return h ? h : 1;
}

void nk_addr_key_make(const struct prov_ev_addr *a, struct nk_addr_key *k)
{
        memset(k, 0, sizeof(*k));
        k->family = (uint8_t)a->family;
        k->plen = a->prefixlen;
        k->ifindex = a->ifindex;
        memcpy(k->addr, a->addr, sizeof(k->addr));
}

/* Flags (DAD state, deprecated, secondary, ...), scope, and whether each
 * lifetime is infinite: not the seconds left, which change on every refresh. */
uint64_t nk_addr_param_hash(const struct prov_ev_addr *a)
{
        uint32_t v[4] = {a->flags, a->scope, a->valid_s == UINT32_MAX,
                         a->preferred_s == UINT32_MAX};

        return nonzero(fnv1a64(v, sizeof(v), 0));
}

void nk_route_key_make(const struct prov_ev_route *r, struct nk_route_key *k)
{
        memset(k, 0, sizeof(*k));
        k->family = (uint8_t)r->family;
        k->dst_len = r->dst_len;
        k->tos = r->tos;
        k->table = r->table;
        k->priority = r->priority;
        k->oif = r->oif;
        memcpy(k->dst, r->dst, sizeof(k->dst));
        if (r->has_gateway)
                memcpy(k->gw, r->gateway, sizeof(k->gw));
}

void nk_route_group_key(const struct nk_route_key *k, struct nk_route_key *ret)
{
        *ret = *k;
        ret->oif = 0;
        memset(ret->gw, 0, sizeof(ret->gw));
}

uint32_t nk_route_ifindex(uint32_t oif)
{
        return oif ? oif : 1; /* the loopback interface */
}

uint64_t nk_route_param_hash(const struct prov_ev_route *r)
{
        uint32_t v[4] = {r->protocol, r->scope, r->type, r->flags};

        return nonzero(fnv1a64(v, sizeof(v), 0));
}

/* A family has an interface row when its device exists (IPv6: and is enabled),
 * as GetIpInterfaceTable decides. */
static bool has_row(const struct prov_link *l, ADDRESS_FAMILY f)
{
        return f == AF_INET6 ? l->inet6.present && !l->inet6.disabled : l->inet.present;
}

/* The row GetIpInterfaceEntry would build, without the times the kernel
 * re-randomises on its own (ReachableTime), which are no parameter change, and
 * from the link's own settings only: the kernel announces no change of the
 * namespace-wide conf/all/accept_dad. IPv6 forwarding is hashed from the link's
 * forwarding and force_forwarding: a write to conf/all/forwarding copies itself
 * into every link's forwarding, which the kernel does announce. */
static uint64_t row_hash(const struct prov_link *l, ADDRESS_FAMILY f)
{
        MIB_IPINTERFACE_ROW row;

        ipif_row_fill(&row, l, f, NULL);
        if (f == AF_INET6)
                row.ForwardingEnabled =
                    (BOOLEAN)((l->inet6.forwarding != 0) | (l->inet6.force_forwarding != 0) << 1);
        row.ReachableTime = 0;
        row.RetransmitTime = 0;
        return nonzero(fnv1a64(&row, sizeof(row), f));
}

void nk_link_param_hashes(const struct prov_link *l, uint64_t ret[2])
{
        ret[0] = has_row(l, AF_INET) ? row_hash(l, AF_INET) : 0;
        ret[1] = has_row(l, AF_INET6) ? row_hash(l, AF_INET6) : 0;
}
