/* route_dump.c - the RTM_GETROUTE dumps behind route_walk: every routing table
 * (the request carries no table, so the kernel walks them all), or with
 * RTM_F_CLONED only the cached exceptions (learned path MTUs, redirects). */
#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include "provider/linux/nl.h"

struct route_walk_ctx {
        const struct prov_route_visitor *v;
        enum prov_route_set set;
        int err;
};

static int visit(void *p, const struct prov_route *r)
{
        struct route_walk_ctx *c = p;

        /* a cached dump answers with exceptions only; a FIB dump never has them */
        if (((r->flags & PROV_ROUTE_F_CLONED) != 0) != (c->set == PROV_ROUTES_CACHED))
                return 0;
        return c->v->route(c->v->ctx, r);
}

static int on_route_msg(const struct nlmsghdr *nlh, void *data)
{
        struct route_walk_ctx *c = data;
        int r = route_parse(nlh, visit, c);

        if (r == -EBADMSG)
                return MNL_CB_OK; /* not a route of ours, or malformed: skip it */
        return r < 0 ? nl_cb_fail(&c->err, r) : MNL_CB_OK;
}

/* The kernel honours RTM_F_CLONED (exceptions only, no FIB routes) when the
 * socket asks for strict request checking (nl_query.strict); without it IPv6
 * dumps everything and visit() filters. */
int linux_route_walk(int family, enum prov_route_set set, const struct prov_route_visitor *v)
{
        char buf[MNL_SOCKET_BUFFER_SIZE];
        struct route_walk_ctx c = {v, set, 0};
        struct nl_query q = {
            NL_ROUTE,     nl_dump_request(buf, RTM_GETROUTE, family, sizeof(struct rtmsg)),
            on_route_msg, &c,
            &c.err,       v->begin,
            v->ctx,       set == PROV_ROUTES_CACHED};

        if (family != AF_INET && family != AF_INET6 && family != AF_UNSPEC)
                return -EAFNOSUPPORT;
        if (set == PROV_ROUTES_CACHED)
                ((struct rtmsg *)mnl_nlmsg_get_payload(q.req))->rtm_flags = RTM_F_CLONED;
        return nl_run(&q);
}
