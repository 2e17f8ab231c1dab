/* events_dump.c - the key dumps a listener resynchronises from: every unicast
 * address and every route (all tables, one record per next hop) of one family,
 * through the provider's one query loop (so dumps interrupted by changes replay). */
#include <errno.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include "provider/linux/events_nl.h"
#include "provider/linux/nl.h"

struct dump_ctx {
        const struct prov_addr_key_visitor *av;
        const struct prov_route_key_visitor *rv;
        int err;
};

static int on_addr(const struct nlmsghdr *nlh, void *data)
{
        struct dump_ctx *c = data;
        struct prov_ev_addr a;
        int r;

        if (nlh->nlmsg_type != RTM_NEWADDR || ev_addr_parse(nlh, &a) < 0)
                return MNL_CB_OK;
        r = c->av->addr(c->av->ctx, &a);
        return r < 0 ? nl_cb_fail(&c->err, r) : MNL_CB_OK;
}

static int route_visit(void *data, const struct prov_ev_route *r)
{
        struct dump_ctx *c = data;

        return c->rv->route(c->rv->ctx, r);
}

static int on_route(const struct nlmsghdr *nlh, void *data)
{
        struct dump_ctx *c = data;
        int r;

        if (nlh->nlmsg_type != RTM_NEWROUTE)
                return MNL_CB_OK;
        r = ev_route_parse(nlh, route_visit, c);
        if (r == -EBADMSG)
                return MNL_CB_OK; /* malformed: skip it, as the other dumps do */
        return r < 0 ? nl_cb_fail(&c->err, r) : MNL_CB_OK;
}

static int run_dump(struct nlmsghdr *req, mnl_cb_t cb, struct dump_ctx *c, int (*begin)(void *ctx),
                    void *begin_ctx)
{
        struct nl_query q = {NL_ROUTE, req, cb, c, &c->err, begin, begin_ctx, false};

        return nl_run(&q);
}

int linux_ev_addr_walk(int family, const struct prov_addr_key_visitor *v)
{
        char buf[MNL_SOCKET_BUFFER_SIZE];
        struct dump_ctx c = {v, NULL, 0};

        if (family != AF_INET && family != AF_INET6)
                return -EINVAL;
        return run_dump(nl_dump_request(buf, RTM_GETADDR, family, sizeof(struct ifaddrmsg)),
                        on_addr, &c, v->begin, v->ctx);
}

int linux_ev_route_walk(int family, const struct prov_route_key_visitor *v)
{
        char buf[MNL_SOCKET_BUFFER_SIZE];
        struct dump_ctx c = {NULL, v, 0};

        if (family != AF_INET && family != AF_INET6)
                return -EINVAL;
        return run_dump(nl_dump_request(buf, RTM_GETROUTE, family, sizeof(struct rtmsg)), on_route,
                        &c, v->begin, v->ctx);
}
