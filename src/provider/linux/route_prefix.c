/* route_prefix.c - which IPv6 routes a router advertisement's prefix made
 * (RTF_PREFIX_RT, AutoconfigureAddress in the route table). The kernel says so
 * only by filtering: a dump requested with RTM_F_PREFIX lists those routes and
 * no others. Candidates of the FIB dump are held here and marked from that
 * dump afterwards (see route_walk.h for when it is made). */
#include <errno.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

#include "alloc.h"
#include "provider/linux/route_walk.h"

bool route_prefix_candidate(const struct prov_route *r)
{
        return r->family == AF_INET6 && r->protocol == RTPROT_KERNEL &&
               r->type == PROV_RTN_UNICAST && !r->gw_family && r->dst_len > 0 && r->dst_len < 128 &&
               !(r->dst[0] == 0xfe && (r->dst[1] & 0xc0) == 0x80) && r->has_cacheinfo &&
               r->expires_cs != 0;
}

int route_prefix_keep(struct route_prefix_hold *h, const struct prov_route *r)
{
        if (h->n == h->cap) {
                size_t cap = h->cap ? h->cap * 2 : 8;
                struct prov_route *p = wn_realloc(h->r, cap * sizeof(*p));

                if (!p)
                        return -ENOMEM;
                h->r = p;
                h->cap = cap;
        }
        h->r[h->n++] = *r;
        return 0;
}

void route_prefix_clear(struct route_prefix_hold *h)
{
        h->n = 0;
}

void route_prefix_free(struct route_prefix_hold *h)
{
        wn_free(h->r);
        route_seen_free(&h->prefixes);
        memset(h, 0, sizeof(*h));
}

struct prefix_ctx {
        struct route_prefix_hold *h;
        int err;
};

static int prefix_add(void *p, const struct prov_route *r)
{
        struct prefix_ctx *c = p;
        int ret = r->family == AF_INET6 ? route_seen_add(&c->h->prefixes, r) : 0;

        return ret < 0 ? ret : 0;
}

static int on_prefix_msg(const struct nlmsghdr *nlh, void *data)
{
        struct prefix_ctx *c = data;
        int r = route_parse(nlh, prefix_add, c);

        if (r == -EBADMSG)
                return MNL_CB_OK;
        return r < 0 ? nl_cb_fail(&c->err, r) : MNL_CB_OK;
}

static int prefix_begin(void *p)
{
        route_seen_clear(&((struct prefix_ctx *)p)->h->prefixes);
        return 0;
}

/* The RTM_F_PREFIX dump: honoured with or without strict checking. */
static int load_prefixes(struct route_prefix_hold *h)
{
        char buf[MNL_SOCKET_BUFFER_SIZE];
        struct prefix_ctx c = {h, 0};
        struct nl_query q = {NL_ROUTE,
                             nl_dump_request(buf, RTM_GETROUTE, AF_INET6, sizeof(struct rtmsg)),
                             on_prefix_msg,
                             &c,
                             &c.err,
                             prefix_begin,
                             &c,
                             false};

        ((struct rtmsg *)mnl_nlmsg_get_payload(q.req))->rtm_flags = RTM_F_PREFIX;
        return nl_run(&q);
}

int route_prefix_deliver(struct route_prefix_hold *h,
                         int (*fn)(void *ctx, const struct prov_route *r), void *ctx)
{
        size_t i;
        int r;

        if (!h->n)
                return 0;
        if ((r = load_prefixes(h)) < 0)
                return r;
        for (i = 0; i < h->n; i++) {
                if (route_seen_has(&h->prefixes, &h->r[i]))
                        h->r[i].flags |= PROV_ROUTE_F_PREFIX;
                if ((r = fn(ctx, &h->r[i])) < 0)
                        return r;
        }
        return 0;
}
