/* addr_dump.c - the address dumps behind addr_walk: RTM_GETADDR (unicast),
 * RTM_GETANYCAST (IPv6 only: Linux keeps no IPv4 anycast addresses) and
 * RTM_GETMULTICAST (IPv6, and IPv4 where the kernel dumps it; /proc/net/igmp
 * otherwise). Each message is parsed in place and handed to the visitor. */
#include <errno.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include "provider/linux/nl.h"

struct addr_walk_ctx {
        const struct prov_addr_visitor *v;
        enum prov_addr_kind kind;
        int err;
};

static int on_addr_msg(const struct nlmsghdr *nlh, void *data)
{
        struct addr_walk_ctx *c = data;
        struct prov_addr a;
        int r;

        if (addr_parse(nlh, &a) < 0 || a.kind != c->kind)
                return MNL_CB_OK;
        r = c->v->addr(c->v->ctx, &a);
        return r < 0 ? nl_cb_fail(&c->err, r) : MNL_CB_OK;
}

static const uint16_t get_type[] = {RTM_GETADDR, RTM_GETANYCAST, RTM_GETMULTICAST};

static int addr_dump(int family, enum prov_addr_kind kind, const struct prov_addr_visitor *v)
{
        char buf[MNL_SOCKET_BUFFER_SIZE];
        struct addr_walk_ctx c = {v, kind, 0};
        struct nl_query q = {
            NL_ROUTE,    nl_dump_request(buf, get_type[kind], family, sizeof(struct ifaddrmsg)),
            on_addr_msg, &c,
            &c.err,      v->begin,
            v->ctx,      false};

        return nl_run(&q);
}

/* Visits nothing: begin() only, so the caller still sees a (re)started walk. */
static int empty_walk(const struct prov_addr_visitor *v)
{
        return v->begin ? v->begin(v->ctx) : 0;
}

/* IPv4 multicast groups: the netlink dump (Linux 6.13 and later), else procfs. */
static int inet_multicast_walk(const struct prov_addr_visitor *v)
{
        int r = addr_dump(AF_INET, PROV_ADDR_MULTICAST, v);

        return r == -EOPNOTSUPP ? igmp_proc_walk(v) : r;
}

/* Runs the IPv4 walk and then the IPv6 walk as one: only the first walk's
 * begin() restarts the visitor; a restart of the second (its dump was
 * interrupted) would replay it on top of rows already taken, so it restarts both. */
struct both_ctx {
        const struct prov_addr_visitor *outer;
        int phase; /* 0: IPv4 walk, 1: IPv6 walk not yet begun, 2: IPv6 walk begun */
};

static int both_begin(void *p)
{
        struct both_ctx *b = p;

        if (b->phase == 2)
                return -ESTALE;
        if (b->phase == 1) {
                b->phase = 2;
                return 0;
        }
        return b->outer->begin ? b->outer->begin(b->outer->ctx) : 0;
}

static int both_addr(void *p, const struct prov_addr *a)
{
        struct both_ctx *b = p;

        return b->outer->addr(b->outer->ctx, a);
}

static int multicast_both(const struct prov_addr_visitor *v)
{
        struct both_ctx b = {v, 0};
        struct prov_addr_visitor inner = {both_begin, both_addr, &b};
        int r, tries;

        for (tries = 0; tries < PROVIDER_DUMP_TRIES; tries++) {
                b.phase = 0;
                r = inet_multicast_walk(&inner);
                if (r < 0)
                        return r;
                b.phase = 1;
                r = addr_dump(AF_INET6, PROV_ADDR_MULTICAST, &inner);
                if (r != -ESTALE)
                        return r;
        }
        return -EAGAIN;
}

int linux_addr_walk(int family, enum prov_addr_kind kind, const struct prov_addr_visitor *v)
{
        if (family != AF_INET && family != AF_INET6 && family != AF_UNSPEC)
                return -EAFNOSUPPORT;
        if (kind == PROV_ADDR_ANYCAST && family == AF_INET)
                return empty_walk(v);
        if (kind == PROV_ADDR_ANYCAST)
                return addr_dump(AF_INET6, kind, v);
        if (kind == PROV_ADDR_MULTICAST && family == AF_INET)
                return inet_multicast_walk(v);
        if (kind == PROV_ADDR_MULTICAST && family == AF_UNSPEC)
                return multicast_both(v);
        return addr_dump(family, kind, v);
}
