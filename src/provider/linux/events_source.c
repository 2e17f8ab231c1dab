/* events_source.c - the event source: one NETLINK_ROUTE socket in one namespace,
 * joined to the multicast groups the listener asks for, read one datagram at a
 * time without blocking, each message decoded into the neutral records of
 * provider/events.h. A lost datagram (overrun, or one larger than the buffer) is
 * reported as -ENOBUFS so that the consumer resynchronises. A source inherited
 * across fork keeps its descriptor when closed in the child (see linux_ev_close). */
#include <errno.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "alloc.h"
#include "provider/linux/events_nl.h"
#include "provider/linux/nl.h"

#define EV_BUF_SIZE    65536u     /* a datagram holds one notification, far smaller */
#define EV_RCVBUF_SIZE (4u << 20) /* room for bursts: 10,000 links at once */

struct prov_event_source {
        int fd;          /* a plain socket: libmnl's handle cannot be freed without closing it */
        pid_t owner;     /* the process that opened it */
        unsigned joined; /* PROV_GRP_BIT mask */
        char buf[EV_BUF_SIZE];
};

static const unsigned rtnl_group[PROV_GRP_COUNT] = {
    [PROV_GRP_LINK] = RTNLGRP_LINK,
    [PROV_GRP_IPV4_ADDR] = RTNLGRP_IPV4_IFADDR,
    [PROV_GRP_IPV6_ADDR] = RTNLGRP_IPV6_IFADDR,
    [PROV_GRP_IPV4_ROUTE] = RTNLGRP_IPV4_ROUTE,
    [PROV_GRP_IPV6_ROUTE] = RTNLGRP_IPV6_ROUTE,
    [PROV_GRP_IPV4_CONF] = RTNLGRP_IPV4_NETCONF,
    [PROV_GRP_IPV6_CONF] = RTNLGRP_IPV6_NETCONF,
    [PROV_GRP_IPV6_IFINFO] = RTNLGRP_IPV6_IFINFO,
};

/* The receive buffer: WINNET_NOTIFY_RCVBUF (bytes) when set, for tests that force
 * overruns; otherwise large, beyond rmem_max when the process may (CAP_NET_ADMIN). */
static void set_rcvbuf(int fd)
{
        const char *env = getenv("WINNET_NOTIFY_RCVBUF");
        int size = (int)EV_RCVBUF_SIZE;

        if (env && *env) {
                size = atoi(env);
                setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
                return;
        }
        if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)) < 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
}

/* Opens and binds the socket where the calling thread's calls act (nl_in_namespace
 * steps into a selected namespace for the socket() call). */
static int open_here(void *arg)
{
        struct prov_event_source *s = arg;
        struct sockaddr_nl addr = {.nl_family = AF_NETLINK}; /* nl_pid 0: the kernel picks */
        int r;

        s->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_ROUTE);
        if (s->fd < 0)
                return -errno;
        set_rcvbuf(s->fd);
        if (bind(s->fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
                r = -errno;
                close(s->fd);
                s->fd = -1;
                return r;
        }
        return 0;
}

int linux_ev_open(struct prov_event_source **ret)
{
        struct prov_event_source *s = wn_malloc(sizeof(*s));
        int r;

        if (!s)
                return -ENOMEM;
        s->joined = 0;
        s->fd = -1;
        s->owner = getpid();
        r = nl_in_namespace(open_here, s);
        if (r < 0) {
                wn_free(s);
                return r;
        }
        *ret = s;
        return 0;
}

/* In a child of fork, the source's descriptor number is not this process's to
 * close: the child may have closed it and opened something else under that
 * number since (daemons close what they inherit). The listener closes an
 * inherited source's descriptor at fork time, while the number is still its
 * own; here only the memory goes. */
void linux_ev_close(struct prov_event_source *s)
{
        if (!s)
                return;
        if (s->fd >= 0 && s->owner == getpid())
                close(s->fd);
        wn_free(s);
}

int linux_ev_fd(const struct prov_event_source *s)
{
        return s->fd;
}

int linux_ev_set_groups(struct prov_event_source *s, unsigned mask)
{
        unsigned g;

        for (g = 0; g < PROV_GRP_COUNT; g++) {
                unsigned bit = PROV_GRP_BIT(g);
                int grp = (int)rtnl_group[g], opt;

                if (!(mask & bit) == !(s->joined & bit))
                        continue;
                opt = (mask & bit) ? NETLINK_ADD_MEMBERSHIP : NETLINK_DROP_MEMBERSHIP;
                if (setsockopt(s->fd, SOL_NETLINK, opt, &grp, sizeof(grp)) < 0)
                        return -errno;
                s->joined ^= bit;
        }
        return 0;
}

/* RTM_NEWLINK / RTM_DELLINK. IPv6 interface-info messages (family AF_INET6) do not
 * carry the whole link: they ask for a refresh. A deleted link's record holds
 * its ifindex, type and flags only. */
static int on_link(const struct nlmsghdr *nlh, const struct prov_event_visitor *v)
{
        const struct ifinfomsg *ifi = mnl_nlmsg_get_payload(nlh);
        struct prov_link l;

        if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*ifi)))
                return 0;
        if (ifi->ifi_family == AF_INET6)
                return v->link_refresh ? v->link_refresh(v->ctx, (uint32_t)ifi->ifi_index) : 0;
        if (ifi->ifi_family != AF_UNSPEC || !v->link)
                return 0;
        if (nlh->nlmsg_type == RTM_DELLINK) {
                memset(&l, 0, sizeof(l));
                l.ifindex = (uint32_t)ifi->ifi_index;
                l.arphrd = ifi->ifi_type;
                l.flags = ifi->ifi_flags;
                return v->link(v->ctx, &l, true);
        }
        if (link_parse(nlh, 0, &l) < 0)
                return 0;
        return v->link(v->ctx, &l, false);
}

static int on_addr(const struct nlmsghdr *nlh, const struct prov_event_visitor *v)
{
        struct prov_ev_addr a;

        if (!v->addr || ev_addr_parse(nlh, &a) < 0)
                return 0;
        return v->addr(v->ctx, &a, nlh->nlmsg_type == RTM_DELADDR);
}

struct route_fwd {
        const struct prov_event_visitor *v;
        bool deleted;
};

static int route_fwd(void *ctx, const struct prov_ev_route *r)
{
        struct route_fwd *f = ctx;

        return f->v->route(f->v->ctx, r, f->deleted);
}

static int on_message(const struct nlmsghdr *nlh, const struct prov_event_visitor *v)
{
        struct route_fwd f = {v, nlh->nlmsg_type == RTM_DELROUTE};
        uint32_t ifindex;
        int r;

        switch (nlh->nlmsg_type) {
        case RTM_NEWLINK:
        case RTM_DELLINK:
                return on_link(nlh, v);
        case RTM_NEWADDR:
        case RTM_DELADDR:
                return on_addr(nlh, v);
        case RTM_NEWROUTE:
        case RTM_DELROUTE:
                if (!v->route)
                        return 0;
                r = ev_route_parse(nlh, route_fwd, &f);
                return r == -EBADMSG ? 0 : r;
        case RTM_NEWNETCONF:
                if (!v->link_refresh || ev_netconf_parse(nlh, &ifindex) < 0)
                        return 0;
                return v->link_refresh(v->ctx, ifindex);
        default:
                return 0;
        }
}

/* One datagram: its length, -EAGAIN, -ENOBUFS (lost events) or -errno. */
static ssize_t recv_one(struct prov_event_source *s)
{
        struct sockaddr_nl addr;
        struct iovec iov = {s->buf, sizeof(s->buf)};
        struct msghdr msg = {
            .msg_name = &addr, .msg_namelen = sizeof(addr), .msg_iov = &iov, .msg_iovlen = 1};
        ssize_t n;

        do
                n = recvmsg(s->fd, &msg, MSG_DONTWAIT);
        while (n < 0 && errno == EINTR);
        if (n < 0)
                return errno == EWOULDBLOCK ? -EAGAIN : -errno;
        if (msg.msg_flags & MSG_TRUNC)
                return -ENOBUFS; /* the rest of the datagram is gone */
        if (addr.nl_pid != 0)
                return 0; /* not from the kernel: nothing to read here */
        return n;
}

int linux_ev_read(struct prov_event_source *s, const struct prov_event_visitor *v)
{
        const struct nlmsghdr *nlh = (const struct nlmsghdr *)s->buf;
        ssize_t n = recv_one(s);
        int len, r;

        if (n < 0)
                return (int)n;
        for (len = (int)n; mnl_nlmsg_ok(nlh, len); nlh = mnl_nlmsg_next(nlh, &len)) {
                r = on_message(nlh, v);
                if (r < 0)
                        return r;
        }
        return 0;
}
