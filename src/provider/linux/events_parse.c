/* events_parse.c - the keys (and the few parameters the listener compares) of
 * address, route and netconf messages, for change events and for the key dumps
 * that resynchronise after an overrun. Every attribute is length-checked; nothing
 * points into the message afterwards. */
#include <errno.h>
#include <linux/if_addr.h>
#include <linux/netconf.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

#include "provider/linux/events_nl.h"

#define ATTR_TABLE_MAX 64 /* above every IFA_ / RTA_ / NETCONFA_ type we read */

struct attr_table {
        const struct nlattr *a[ATTR_TABLE_MAX];
};

static int collect_attr(const struct nlattr *a, void *data)
{
        struct attr_table *t = data;
        uint16_t type = mnl_attr_get_type(a);

        if (type < ATTR_TABLE_MAX)
                t->a[type] = a;
        return MNL_CB_OK;
}

static unsigned addr_len(int family)
{
        return family == AF_INET ? 4u : 16u;
}

/* Copies an address attribute of `family` into out; false when it is too short. */
static bool attr_addr(const struct nlattr *a, int family, uint8_t *out)
{
        if (!a || mnl_attr_get_payload_len(a) < addr_len(family))
                return false;
        memcpy(out, mnl_attr_get_payload(a), addr_len(family));
        return true;
}

static bool attr_u32(const struct nlattr *a, uint32_t *out)
{
        if (!a || mnl_attr_get_payload_len(a) < sizeof(uint32_t))
                return false;
        *out = mnl_attr_get_u32(a);
        return true;
}

int ev_addr_parse(const struct nlmsghdr *nlh, struct prov_ev_addr *ret)
{
        const struct ifaddrmsg *ifa;
        struct attr_table t = {{NULL}};
        const struct nlattr *ci;

        if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*ifa)))
                return -EBADMSG;
        ifa = mnl_nlmsg_get_payload(nlh);
        if (ifa->ifa_family != AF_INET && ifa->ifa_family != AF_INET6)
                return -ENOENT;
        if (mnl_attr_parse(nlh, sizeof(*ifa), collect_attr, &t) < 0)
                return -EBADMSG;
        memset(ret, 0, sizeof(*ret));
        ret->family = ifa->ifa_family;
        ret->ifindex = ifa->ifa_index;
        ret->prefixlen = ifa->ifa_prefixlen;
        ret->scope = ifa->ifa_scope;
        ret->flags = ifa->ifa_flags;
        attr_u32(t.a[IFA_FLAGS], &ret->flags); /* the full 32-bit set when present */
        /* IFA_LOCAL is the address itself when a peer is configured (IFA_ADDRESS
         * then holds the peer). */
        if (!attr_addr(t.a[IFA_LOCAL], ret->family, ret->addr) &&
            !attr_addr(t.a[IFA_ADDRESS], ret->family, ret->addr))
                return -EBADMSG;
        ret->valid_s = ret->preferred_s = UINT32_MAX;
        ci = t.a[IFA_CACHEINFO];
        if (ci && mnl_attr_get_payload_len(ci) >= sizeof(struct ifa_cacheinfo)) {
                const struct ifa_cacheinfo *c = mnl_attr_get_payload(ci);

                ret->valid_s = c->ifa_valid;
                ret->preferred_s = c->ifa_prefered;
        }
        return 0;
}

/* The next-hop part of a route: gateway (RTA_GATEWAY, or RTA_VIA of the same family). */
static void route_gateway(const struct attr_table *t, struct prov_ev_route *r)
{
        const struct nlattr *via = t->a[RTA_VIA];

        r->has_gateway = attr_addr(t->a[RTA_GATEWAY], r->family, r->gateway);
        if (!r->has_gateway && via && mnl_attr_get_payload_len(via) >= sizeof(struct rtvia)) {
                const struct rtvia *v = mnl_attr_get_payload(via);
                size_t n = mnl_attr_get_payload_len(via) - sizeof(struct rtvia);

                if (v->rtvia_family == r->family && n >= addr_len(r->family)) {
                        memcpy(r->gateway, v->rtvia_addr, addr_len(r->family));
                        r->has_gateway = true;
                }
        }
}

static int route_common(const struct nlmsghdr *nlh, struct attr_table *t, struct prov_ev_route *r)
{
        const struct rtmsg *rtm = mnl_nlmsg_get_payload(nlh);

        if (mnl_attr_parse(nlh, sizeof(*rtm), collect_attr, t) < 0)
                return -EBADMSG;
        memset(r, 0, sizeof(*r));
        r->family = rtm->rtm_family;
        r->table = rtm->rtm_table;
        attr_u32(t->a[RTA_TABLE], &r->table);
        r->dst_len = rtm->rtm_dst_len;
        r->tos = rtm->rtm_tos;
        r->protocol = rtm->rtm_protocol;
        r->scope = rtm->rtm_scope;
        r->type = rtm->rtm_type;
        r->flags = rtm->rtm_flags;
        attr_u32(t->a[RTA_PRIORITY], &r->priority);
        attr_u32(t->a[RTA_OIF], &r->oif);
        if (r->dst_len && !attr_addr(t->a[RTA_DST], r->family, r->dst))
                return -EBADMSG;
        return 0;
}

/* One record per rtnexthop of RTA_MULTIPATH. */
static int route_multipath(const struct nlattr *mp, struct prov_ev_route *r,
                           int (*fn)(void *ctx, const struct prov_ev_route *r), void *ctx)
{
        const char *p = mnl_attr_get_payload(mp);
        size_t left = mnl_attr_get_payload_len(mp);
        struct prov_ev_route base = *r;
        int ret;

        while (left >= sizeof(struct rtnexthop)) {
                const struct rtnexthop *nh = (const struct rtnexthop *)p;
                struct attr_table t = {{NULL}};
                size_t len = NLMSG_ALIGN(nh->rtnh_len);

                if (nh->rtnh_len < sizeof(*nh) || nh->rtnh_len > left)
                        return -EBADMSG;
                *r = base;
                r->oif = (uint32_t)nh->rtnh_ifindex;
                r->flags |= nh->rtnh_flags;
                if (mnl_attr_parse_payload(RTNH_DATA(nh), nh->rtnh_len - sizeof(*nh), collect_attr,
                                           &t) < 0)
                        return -EBADMSG;
                route_gateway(&t, r);
                ret = fn(ctx, r);
                if (ret < 0)
                        return ret;
                p += len;
                left = len < left ? left - len : 0;
        }
        return 0;
}

int ev_route_parse(const struct nlmsghdr *nlh, int (*fn)(void *ctx, const struct prov_ev_route *r),
                   void *ctx)
{
        const struct rtmsg *rtm;
        struct attr_table t = {{NULL}};
        struct prov_ev_route r;
        int ret;

        if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*rtm)))
                return -EBADMSG;
        rtm = mnl_nlmsg_get_payload(nlh);
        if ((rtm->rtm_family != AF_INET && rtm->rtm_family != AF_INET6) ||
            (rtm->rtm_flags & RTM_F_CLONED))
                return 0;
        ret = route_common(nlh, &t, &r);
        if (ret < 0)
                return ret;
        if (t.a[RTA_MULTIPATH])
                return route_multipath(t.a[RTA_MULTIPATH], &r, fn, ctx);
        route_gateway(&t, &r);
        return fn(ctx, &r);
}

int ev_netconf_parse(const struct nlmsghdr *nlh, uint32_t *ret_ifindex)
{
        struct attr_table t = {{NULL}};
        uint32_t ifindex = 0;

        if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(struct netconfmsg)))
                return -EBADMSG;
        if (mnl_attr_parse(nlh, sizeof(struct netconfmsg), collect_attr, &t) < 0)
                return -EBADMSG;
        if (!attr_u32(t.a[NETCONFA_IFINDEX], &ifindex))
                return -EBADMSG;
        /* NETCONFA_IFINDEX_ALL (-1) and _DEFAULT (-2) concern every link. */
        *ret_ifindex = (int32_t)ifindex < 0 ? 0 : ifindex;
        return 0;
}
