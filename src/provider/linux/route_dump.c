/* route_dump.c - the RTM_GETROUTE dumps behind route_walk: every routing table
 * (the request carries no table, so the kernel walks them all), or with
 * RTM_F_CLONED only the cached exceptions (learned path MTUs, redirects), each
 * exception once. Routes that name a nexthop object without its next hops
 * (nexthop_compat_mode 0) are resolved through the nexthop dump; routes that may
 * be the prefix routes of router advertisements are held back and delivered
 * last, marked after a filtered dump (route_prefix.c). */
#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include "provider/linux/nl.h"
#include "provider/linux/route_walk.h"

#define ROUTE_NH_TRIES 3 /* rounds of nexthop reads when routes name new ones */

struct route_walk_ctx {
        const struct prov_route_visitor *v;
        enum prov_route_set set;
        int err;
        struct route_nhs nhs;
        struct route_seen seen;        /* exceptions already visited (PROV_ROUTES_CACHED) */
        struct route_prefix_hold held; /* routes that may be RA prefix routes (FIB) */
};

static int visit(void *p, const struct prov_route *r)
{
        struct route_walk_ctx *c = p;
        int ret;

        /* a cached dump answers with exceptions only; a FIB dump never has them */
        if (((r->flags & PROV_ROUTE_F_CLONED) != 0) != (c->set == PROV_ROUTES_CACHED))
                return 0;
        if (c->set == PROV_ROUTES_CACHED && (ret = route_seen_add(&c->seen, r)) <= 0)
                return ret;
        if (c->set == PROV_ROUTES_FIB && route_prefix_candidate(r))
                return route_prefix_keep(&c->held, r);
        return c->v->route(c->v->ctx, r);
}

static int on_route_msg(const struct nlmsghdr *nlh, void *data)
{
        struct route_walk_ctx *c = data;
        int r = route_parse_nhs(nlh, &c->nhs, visit, c);

        if (r == -EBADMSG)
                return MNL_CB_OK; /* not a route of ours, or malformed: skip it */
        return r < 0 ? nl_cb_fail(&c->err, r) : MNL_CB_OK;
}

/* Every attempt (a retried dump too) starts from nothing. */
static int walk_begin(void *p)
{
        struct route_walk_ctx *c = p;

        c->nhs.missing = false;
        route_seen_clear(&c->seen);
        route_prefix_clear(&c->held);
        return c->v->begin ? c->v->begin(c->v->ctx) : 0;
}

/* One dump, and again with the nexthop objects read when a route named one
 * without its next hops (read lazily: with the default nexthop_compat_mode 1 the
 * kernel includes them and nothing more is asked). A nexthop created between the
 * two dumps asks for another round; the last one gives such routes as they are. */
static int walk(struct route_walk_ctx *c, struct nl_query *q)
{
        int r, tries;

        for (tries = 0;; tries++) {
                c->nhs.unresolved = tries == ROUTE_NH_TRIES;
                r = nl_run(q);
                if (r < 0 || !c->nhs.missing)
                        return r;
                if ((r = route_nhs_load(&c->nhs)) < 0)
                        return r;
        }
}

/* The kernel honours RTM_F_CLONED (exceptions only, no FIB routes) when the
 * socket asks for strict request checking (nl_query.strict); without it IPv6
 * dumps everything and visit() filters. */
int linux_route_walk(int family, enum prov_route_set set, const struct prov_route_visitor *v)
{
        char buf[MNL_SOCKET_BUFFER_SIZE];
        struct route_walk_ctx c = {v, set, 0, {0}, {{0}}, {0}};
        struct nl_query q = {
            NL_ROUTE,     nl_dump_request(buf, RTM_GETROUTE, family, sizeof(struct rtmsg)),
            on_route_msg, &c,
            &c.err,       walk_begin,
            &c,           set == PROV_ROUTES_CACHED};
        int r;

        if (family != AF_INET && family != AF_INET6 && family != AF_UNSPEC)
                return -EAFNOSUPPORT;
        if (set == PROV_ROUTES_CACHED)
                ((struct rtmsg *)mnl_nlmsg_get_payload(q.req))->rtm_flags = RTM_F_CLONED;
        r = walk(&c, &q);
        if (r == 0)
                r = route_prefix_deliver(&c.held, v->route, v->ctx);
        route_nhs_free(&c.nhs);
        route_seen_free(&c.seen);
        route_prefix_free(&c.held);
        return r;
}
