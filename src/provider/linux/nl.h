/* nl.h - the Linux provider's internals: the calling thread's netlink handles for
 * the namespace it reads, the dump loop every query runs through, and the
 * per-message parsers. Only src/provider/linux/ includes it. */
#ifndef WINNET_PROVIDER_LINUX_NL_H
#define WINNET_PROVIDER_LINUX_NL_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include <libmnl/libmnl.h>

#include "provider/provider.h"

/* Receive buffer: the kernel fills dump messages up to ~32 KiB per datagram. */
#define NL_BUF_SIZE 32768u

enum nl_proto { NL_ROUTE = 0, NL_GENERIC = 1, NL_PROTO_COUNT };

/* One thread's handles in one network namespace. */
struct nl_state {
        dev_t ns_dev; /* identity of the namespace the handles live in (dev 0: the */
        ino_t ns_ino; /* thread's own, named by its nsfs inode) */
        unsigned fork_gen;
        uint64_t checked_batch; /* provider_batch_id() the namespace was last checked in */
        int ns_dir;             /* /proc/thread-self/ns of this thread, -1 until opened */
        struct mnl_socket *sock[NL_PROTO_COUNT]; /* opened lazily, closed after a torn dump */
        uint32_t seq;
        int sysctl_fd[PROV_SYSCTL_COUNT]; /* ns_sysctl.c files, -1 until opened */
        char *buf;
        size_t buf_size;
};

/* The calling thread's state for the namespace it reads now (its own, or the one
 * selected with winnet_set_thread_netns), reopened when that namespace changed or
 * after fork. The namespace is checked at every call, or once per
 * provider_batch. 0 or -errno. */
int nl_state_get(struct nl_state **ret);

/* Closes the calling thread's handles unless they are for the namespace it
 * reads now (netns_select.c calls it after a selection change). */
void nl_state_drop_stale(void);

/* Runs fn(arg) inside the state's namespace (a setns round trip when the thread
 * selected another namespace; a plain call otherwise). Returns fn's result. */
int nl_in_namespace(int (*fn)(void *arg), void *arg);

/* The socket of `proto`, opened on demand in the right namespace. */
int nl_sock(struct nl_state *st, enum nl_proto proto, struct mnl_socket **ret);

/* Drops a socket whose stream state is unknown (a dump stopped half-way). */
void nl_sock_reset(struct nl_state *st, enum nl_proto proto);

/* Sends `req` (its nlmsg_seq is set here) and feeds every reply message to cb,
 * until NLMSG_DONE for a dump or the single reply otherwise. begin(ctx) runs
 * before each attempt; an interrupted dump (NLM_F_DUMP_INTR), a lost reply
 * (ENOBUFS) or a truncated datagram restarts it, PROVIDER_DUMP_TRIES times at
 * most, then -EAGAIN. A negative value stored in *cb_err by cb is returned as is.
 * Returns 0 or -errno (the kernel's NLMSG_ERROR code for a failed request). */
struct nl_query {
        enum nl_proto proto;
        struct nlmsghdr *req;
        mnl_cb_t cb;
        void *data;
        int *cb_err;
        int (*begin)(void *ctx);
        void *begin_ctx;
        bool strict; /* NETLINK_GET_STRICT_CHK for this query only (e.g. RTM_F_CLONED) */
};
int nl_query_run(struct nl_state *st, const struct nl_query *q);

/* nl_query_run on the calling thread's state (nl_state_get first). */
int nl_run(const struct nl_query *q);

/* Builds in `buf` (MNL_SOCKET_BUFFER_SIZE bytes) a dump request of `type` whose
 * fixed header, hdr_len bytes, starts with the family byte (ifinfomsg,
 * ifaddrmsg, rtmsg, ndmsg, ndtmsg and netconfmsg all do); the rest of the header
 * is zero. */
struct nlmsghdr *nl_dump_request(char *buf, uint16_t type, int family, size_t hdr_len);

/* Convenience: the mnl callback's way to stop the walk with a visitor error. */
static inline int nl_cb_fail(int *cb_err, int err)
{
        *cb_err = err;
        return MNL_CB_ERROR;
}

/* link_parse.c: decodes one RTM_NEWLINK message (counters only when `want` has
 * PROV_WANT_STATS). 0, or -EBADMSG when malformed. */
int link_parse(const struct nlmsghdr *nlh, unsigned want, struct prov_link *ret);

/* link_dump.c */
int linux_link_walk(unsigned want, const struct prov_link_visitor *v);
int linux_link_get(uint32_t ifindex, const char *name, unsigned want,
                   const struct prov_link_visitor *v);
/* neigh_parms.c */
int linux_neigh_parms_walk(int family, const struct prov_parms_visitor *v);
/* ethtool_speed.c */
int linux_link_speed_walk(const struct prov_speed_visitor *v);
int linux_link_speed_get(uint32_t ifindex, uint64_t *ret_bps);
/* ns_sysctl.c */
int linux_ns_sysctl(enum prov_ns_sysctl which, int32_t *ret);

/* addr_parse.c / addr_dump.c: RTM_NEWADDR (and DELADDR), RTM_NEWANYCAST and
 * RTM_NEWMULTICAST. -EBADMSG for any other message, family or a malformed one. */
int addr_parse(const struct nlmsghdr *nlh, struct prov_addr *ret);
int linux_addr_walk(int family, enum prov_addr_kind kind, const struct prov_addr_visitor *v);
/* igmp_proc.c: IPv4 multicast groups from /proc/net/igmp, for kernels without an
 * IPv4 RTM_GETMULTICAST dump. */
int igmp_proc_walk(const struct prov_addr_visitor *v);
int igmp_proc_parse(const char *text, const struct prov_addr_visitor *v);
/* route_parse.c / route_dump.c: RTM_NEWROUTE (and DELROUTE), one visit per next
 * hop; -EBADMSG for any other message, family or a malformed one. */
int route_parse(const struct nlmsghdr *nlh, int (*fn)(void *ctx, const struct prov_route *r),
                void *ctx);
int linux_route_walk(int family, enum prov_route_set set, const struct prov_route_visitor *v);
/* neigh_parse.c / neigh_dump.c: RTM_NEWNEIGH. */
int neigh_parse(const struct nlmsghdr *nlh, struct prov_neigh *ret);
int linux_neigh_walk(int family, const struct prov_neigh_visitor *v);
/* link_brief.c: the RTM_GETLINK dump read for identity and layering only. */
int link_brief_parse(const struct nlmsghdr *nlh, struct prov_link_brief *ret);
int linux_link_brief_walk(const struct prov_brief_visitor *v);

/* netns_select.c: the namespace this thread selected, or fd -1 for its own. */
struct netns_selection {
        int fd;
        dev_t dev;
        ino_t ino;
};
const struct netns_selection *netns_selected(void);

#endif /* WINNET_PROVIDER_LINUX_NL_H */
