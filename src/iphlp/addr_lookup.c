/* addr_lookup.c - the keyed lookups behind Get{Unicast,Anycast,Multicast}-
 * IpAddressEntry: resolve the interface the row names (if any), walk the
 * family's addresses once, and report the errors the reference gives. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "tables.h"

struct ident {
        NET_LUID luid;
        uint32_t ifindex;
        uint32_t mtu;
};

static int ident_visit(void *p, const struct prov_link *l)
{
        struct ident *id = p;
        struct link_class cls;

        link_classify(l, &cls);
        id->luid = luid_make(l->ifindex, cls.type);
        id->ifindex = l->ifindex;
        id->mtu = l->mtu;
        return 0;
}

int entry_interface_mtu(const NET_LUID *luid, NET_IFINDEX ifindex, NET_LUID *ret_luid,
                        uint32_t *ret_ifindex, uint32_t *ret_mtu)
{
        struct ident id = {{0}, 0, 0};
        int r;

        if (!luid->Value && !ifindex)
                return -EINVAL;
        r = link_lookup(luid, ifindex, 0, ident_visit, &id);
        if (r < 0)
                return r;
        *ret_luid = id.luid;
        *ret_ifindex = id.ifindex;
        if (ret_mtu)
                *ret_mtu = id.mtu;
        return 0;
}

int entry_interface(const NET_LUID *luid, NET_IFINDEX ifindex, NET_LUID *ret_luid,
                    uint32_t *ret_ifindex)
{
        return entry_interface_mtu(luid, ifindex, ret_luid, ret_ifindex, NULL);
}

struct find_ctx {
        const uint8_t *bytes;
        size_t len;
        int family;
        uint32_t ifindex; /* 0: any interface */
        bool found;
        struct prov_addr hit;
};

static int find_begin(void *p)
{
        ((struct find_ctx *)p)->found = false;
        return 0;
}

static int find_visit(void *p, const struct prov_addr *a)
{
        struct find_ctx *c = p;

        if (c->found || a->family != c->family || memcmp(a->addr, c->bytes, c->len))
                return 0;
        if (c->ifindex && a->ifindex != c->ifindex)
                return 0;
        c->hit = *a;
        c->found = true;
        return 0;
}

static int find_address(enum prov_addr_kind kind, struct find_ctx *c)
{
        struct prov_addr_visitor v = {find_begin, find_visit, c};

        if (!provider()->addr_walk)
                return -EOPNOTSUPP;
        return provider()->addr_walk(c->family, kind, &v);
}

int addr_lookup(enum prov_addr_kind kind, const struct addr_key *key,
                void (*fn)(void *ctx, const struct prov_addr *a, NET_LUID luid), void *ctx)
{
        int family = key->address->si_family;
        bool given = key->luid.Value || key->ifindex;
        struct find_ctx c = {NULL, family == AF_INET6 ? 16u : 4u, family, 0, false, {0}};
        NET_LUID luid = {0};
        int r;

        c.bytes = sockaddr_inet_bytes(key->address);
        if (!c.bytes)
                return -EINVAL;
        if (given && (r = entry_interface(&key->luid, key->ifindex, &luid, &c.ifindex)) < 0)
                return r;
        if (!given && family == AF_INET6 && ipv6_zoned(c.bytes))
                c.ifindex = key->address->Ipv6.sin6_scope_id; /* the zone names the link */
        r = find_address(kind, &c);
        if (r < 0)
                return r;
        if (!c.found)
                return given ? -ENOENT : -ENODEV;
        if (!given && (r = entry_interface(&luid, c.hit.ifindex, &luid, &c.ifindex)) < 0)
                return r;
        fn(ctx, &c.hit, luid);
        return 0;
}
