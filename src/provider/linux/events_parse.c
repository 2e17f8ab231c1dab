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
#include "provider/linux/nl.h"
#include "provider/linux/nl_attr.h"

/* Events carry the keys of the records the table parsers read: they are parsed
 * by the same code (addr_parse, route_parse) and cut down to the key. */

int ev_addr_parse(const struct nlmsghdr *nlh, struct prov_ev_addr *ret)
{
        const struct ifaddrmsg *ifa;
        struct prov_addr a;

        if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*ifa)))
                return -EBADMSG;
        ifa = NLMSG_DATA(nlh);
        if (ifa->ifa_family != AF_INET && ifa->ifa_family != AF_INET6)
                return -ENOENT;
        if ((nlh->nlmsg_type != RTM_NEWADDR && nlh->nlmsg_type != RTM_DELADDR) ||
            addr_parse(nlh, &a) < 0)
                return -EBADMSG;
        memset(ret, 0, sizeof(*ret));
        ret->family = a.family;
        ret->ifindex = a.ifindex;
        ret->prefixlen = a.prefixlen;
        ret->scope = a.scope;
        ret->flags = a.flags;
        ret->valid_s = a.has_cacheinfo ? a.valid_lft : UINT32_MAX;
        ret->preferred_s = a.has_cacheinfo ? a.preferred_lft : UINT32_MAX;
        memcpy(ret->addr, a.addr, sizeof(ret->addr));
        return 0;
}

struct ev_route_ctx {
        int (*fn)(void *ctx, const struct prov_ev_route *r);
        void *ctx;
};

/* One next hop as its key; a gateway of another family (RTA_VIA) is not one. */
static int ev_route_hop(void *p, const struct prov_route *r)
{
        struct ev_route_ctx *c = p;
        struct prov_ev_route e;

        memset(&e, 0, sizeof(e));
        e.family = r->family;
        e.table = r->table;
        e.dst_len = r->dst_len;
        e.tos = r->tos;
        e.protocol = r->protocol;
        e.scope = r->scope;
        e.type = r->type;
        e.flags = r->flags | r->nh_flags;
        e.priority = r->priority;
        e.oif = r->oif;
        e.has_gateway = r->gw_family == r->family;
        memcpy(e.dst, r->dst, sizeof(e.dst));
        if (e.has_gateway)
                memcpy(e.gateway, r->gw, sizeof(e.gateway));
        return c->fn(c->ctx, &e);
}

int ev_route_parse(const struct nlmsghdr *nlh, int (*fn)(void *ctx, const struct prov_ev_route *r),
                   void *ctx)
{
        const struct rtmsg *rtm;
        struct ev_route_ctx c = {fn, ctx};

        if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*rtm)))
                return -EBADMSG;
        rtm = NLMSG_DATA(nlh);
        if ((rtm->rtm_family != AF_INET && rtm->rtm_family != AF_INET6) ||
            (rtm->rtm_flags & RTM_F_CLONED))
                return 0;
        return route_parse(nlh, ev_route_hop, &c);
}

int ev_netconf_parse(const struct nlmsghdr *nlh, uint32_t *ret_ifindex)
{
        const struct nlattr *a;
        uint32_t ifindex = 0;
        bool found = false;

        if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct netconfmsg)))
                return -EBADMSG;
        NLA_FOR_EACH(a, nla_msg_first(nlh, sizeof(struct netconfmsg)), nla_msg_end(nlh))
        {
                if (nla_kind(a) == NETCONFA_IFINDEX)
                        found = nla_u32(a, &ifindex);
        }
        if (!found)
                return -EBADMSG;
        /* NETCONFA_IFINDEX_ALL (-1) and _DEFAULT (-2) concern every link. */
        *ret_ifindex = (int32_t)ifindex < 0 ? 0 : ifindex;
        return 0;
}
