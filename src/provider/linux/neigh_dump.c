/* neigh_dump.c - the RTM_GETNEIGH dump behind neigh_walk: the ARP and NDP caches
 * (AF_UNSPEC asks the kernel for both in one dump). Proxy entries are a separate
 * table the kernel dumps only on request; bridge FDB entries are another family. */
#include <errno.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include "provider/linux/nl.h"

struct neigh_walk_ctx {
        const struct prov_neigh_visitor *v;
        int family;
        int err;
};

static int on_neigh_msg(const struct nlmsghdr *nlh, void *data)
{
        struct neigh_walk_ctx *c = data;
        struct prov_neigh n;
        int r;

        if (neigh_parse(nlh, &n) < 0 || (c->family != AF_UNSPEC && n.family != c->family))
                return MNL_CB_OK;
        r = c->v->neigh(c->v->ctx, &n);
        return r < 0 ? nl_cb_fail(&c->err, r) : MNL_CB_OK;
}

int linux_neigh_walk(int family, const struct prov_neigh_visitor *v)
{
        char buf[MNL_SOCKET_BUFFER_SIZE];
        struct neigh_walk_ctx c = {v, family, 0};
        struct nl_query q = {
            NL_ROUTE,     nl_dump_request(buf, RTM_GETNEIGH, family, sizeof(struct ndmsg)),
            on_neigh_msg, &c,
            &c.err,       v->begin,
            v->ctx,       false};

        if (family != AF_INET && family != AF_INET6 && family != AF_UNSPEC)
                return -EAFNOSUPPORT;
        return nl_run(&q);
}
