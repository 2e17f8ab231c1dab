/* route_parse.c - one RTM_NEWROUTE (or DELROUTE) message to struct prov_route records, one per
 * next hop: the shared part (prefix, table, type, protocol, metric, metrics,
 * cache info) is parsed once, then each next hop of RTA_MULTIPATH (or the single
 * RTA_OIF/RTA_GATEWAY/RTA_VIA one, or those of the nexthop object RTA_NH_ID names
 * when the kernel left them out) is filled in and handed to fn. */
#include <errno.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

#include "provider/linux/nl.h"
#include "provider/linux/nl_attr.h"
#include "provider/linux/route_walk.h"

static size_t family_len(int family)
{
        return family == AF_INET6 ? 16 : family == AF_INET ? 4 : 0;
}

static void copy_addr(const struct nlattr *a, int family, uint8_t *out)
{
        size_t n = family_len(family);

        if (n && nla_body_len(a) >= n)
                memcpy(out, nla_body(a), n);
}

/* RTAX_RTT holds milliseconds << 3 and RTAX_RTTVAR milliseconds << 2. */
static void parse_metrics(const struct nlattr *m, struct prov_route *r)
{
        const struct nlattr *a;
        uint32_t v;

        NLA_FOR_EACH(a, (const struct nlattr *)nla_body(m), nla_nest_end(m))
        {
                if (!nla_u32(a, &v))
                        continue;
                if (nla_kind(a) == RTAX_MTU)
                        r->mtu = v;
                else if (nla_kind(a) == RTAX_RTT)
                        r->rtt_ms = v >> 3;
                else if (nla_kind(a) == RTAX_RTTVAR)
                        r->rttvar_ms = v >> 2;
        }
}

static void parse_cacheinfo(const struct nlattr *a, struct prov_route *r)
{
        struct rta_cacheinfo ci;

        if (nla_body_len(a) < sizeof(ci))
                return;
        memcpy(&ci, nla_body(a), sizeof(ci));
        r->has_cacheinfo = true;
        r->lastuse_cs = ci.rta_lastuse;
        /* negative: expired but not yet removed; keep it finite */
        r->expires_cs = ci.rta_expires < 0 ? 1u : (uint32_t)ci.rta_expires;
}

/* RTA_VIA: a next hop of another family (an IPv4 route via an IPv6 router). */
static void parse_via(const struct nlattr *a, struct prov_route *r)
{
        const struct rtvia *via = nla_body(a);
        size_t n;

        if (nla_body_len(a) < sizeof(*via))
                return;
        n = family_len(via->rtvia_family);
        if (!n || nla_body_len(a) < sizeof(*via) + n)
                return;
        r->gw_family = (uint8_t)via->rtvia_family;
        memcpy(r->gw, via->rtvia_addr, n);
}

static void parse_gateway(const struct nlattr *a, struct prov_route *r)
{
        if (nla_body_len(a) < family_len(r->family))
                return;
        r->gw_family = r->family;
        copy_addr(a, r->family, r->gw);
}

struct route_attrs {
        const struct nlattr *multipath;
        uint32_t nh_id; /* RTA_NH_ID: the route uses a nexthop object */
};

static void parse_attr(const struct nlattr *a, struct route_attrs *at, struct prov_route *r)
{
        switch (nla_kind(a)) {
        case RTA_DST:
                copy_addr(a, r->family, r->dst);
                break;
        case RTA_SRC:
                copy_addr(a, r->family, r->src);
                break;
        case RTA_PREFSRC:
                copy_addr(a, r->family, r->prefsrc);
                r->has_prefsrc = true;
                break;
        case RTA_OIF:
                nla_u32(a, &r->oif);
                break;
        case RTA_GATEWAY:
                parse_gateway(a, r);
                break;
        case RTA_VIA:
                parse_via(a, r);
                break;
        case RTA_PRIORITY:
                r->has_priority = nla_u32(a, &r->priority);
                break;
        case RTA_TABLE:
                nla_u32(a, &r->table);
                break;
        case RTA_METRICS:
                parse_metrics(a, r);
                break;
        case RTA_CACHEINFO:
                parse_cacheinfo(a, r);
                break;
        case RTA_MULTIPATH:
                at->multipath = a;
                break;
        case RTA_NH_ID:
                nla_u32(a, &at->nh_id);
                break;
        }
}

/* RTNH_OK reads rtnh_len before it compares with what is left: at the end of the
 * attribute that is past it (past the datagram, when RTA_MULTIPATH comes last).
 * The header must fit first. */
static bool hop_ok(const struct rtnexthop *nh, int left)
{
        return left >= (int)sizeof(*nh) && RTNH_OK(nh, left);
}

static uint16_t count_hops(const struct nlattr *mp)
{
        const struct rtnexthop *nh = nla_body(mp);
        int left = nla_body_len(mp);
        uint16_t n = 0;

        while (hop_ok(nh, left)) {
                n++;
                left -= NLMSG_ALIGN(nh->rtnh_len);
                nh = RTNH_NEXT(nh);
        }
        return n;
}

/* Fills the next-hop fields of `r` from one rtnexthop. */
static void fill_hop(const struct rtnexthop *nh, struct prov_route *r)
{
        const struct nlattr *a;
        const char *end = (const char *)nh + nh->rtnh_len;

        r->oif = (uint32_t)nh->rtnh_ifindex;
        r->weight = (uint8_t)(nh->rtnh_hops + 1u);
        r->nh_flags = nh->rtnh_flags;
        r->gw_family = 0;
        memset(r->gw, 0, sizeof(r->gw));
        NLA_FOR_EACH(a, (const struct nlattr *)RTNH_DATA(nh), end)
        {
                if (nla_kind(a) == RTA_GATEWAY)
                        parse_gateway(a, r);
                else if (nla_kind(a) == RTA_VIA)
                        parse_via(a, r);
        }
}

static int visit_hops(const struct nlattr *mp, struct prov_route *r,
                      int (*fn)(void *ctx, const struct prov_route *r), void *ctx)
{
        const struct rtnexthop *nh = nla_body(mp);
        int left = nla_body_len(mp), ret;

        r->nh_count = count_hops(mp);
        for (r->nh_index = 0; hop_ok(nh, left); r->nh_index++) {
                fill_hop(nh, r);
                ret = fn(ctx, r);
                if (ret < 0)
                        return ret;
                left -= NLMSG_ALIGN(nh->rtnh_len);
                nh = RTNH_NEXT(nh);
        }
        return 0;
}

int route_parse_nhs(const struct nlmsghdr *nlh, struct route_nhs *nhs,
                    int (*fn)(void *ctx, const struct prov_route *r), void *ctx)
{
        const struct rtmsg *rtm;
        const struct nlattr *a;
        struct route_attrs at = {NULL, 0};
        struct prov_route r;

        if ((nlh->nlmsg_type != RTM_NEWROUTE && nlh->nlmsg_type != RTM_DELROUTE) ||
            nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*rtm)))
                return -EBADMSG;
        rtm = NLMSG_DATA(nlh);
        if (rtm->rtm_family != AF_INET && rtm->rtm_family != AF_INET6)
                return -EBADMSG;
        /* prefix lengths past the address width would make masks undefined */
        if (rtm->rtm_dst_len > (rtm->rtm_family == AF_INET ? 32 : 128) ||
            rtm->rtm_src_len > (rtm->rtm_family == AF_INET ? 32 : 128))
                return -EBADMSG;
        memset(&r, 0, sizeof(r));
        r.family = rtm->rtm_family;
        r.dst_len = rtm->rtm_dst_len;
        r.src_len = rtm->rtm_src_len;
        r.tos = rtm->rtm_tos;
        r.protocol = rtm->rtm_protocol;
        r.scope = rtm->rtm_scope;
        r.type = rtm->rtm_type;
        r.table = rtm->rtm_table;
        r.flags = rtm->rtm_flags;
        NLA_FOR_EACH(a, nla_msg_first(nlh, sizeof(*rtm)), nla_msg_end(nlh))
        parse_attr(a, &at, &r);
        if (at.multipath && count_hops(at.multipath) > 0)
                return visit_hops(at.multipath, &r, fn, ctx);
        /* nexthop_compat_mode 0: the next hops are the object's only */
        if (at.nh_id && nhs && !r.oif && !r.gw_family)
                return route_nhs_visit(nhs, at.nh_id, &r, fn, ctx);
        r.nh_count = 1;
        return fn(ctx, &r);
}

int route_parse(const struct nlmsghdr *nlh, int (*fn)(void *ctx, const struct prov_route *r),
                void *ctx)
{
        return route_parse_nhs(nlh, NULL, fn, ctx);
}
