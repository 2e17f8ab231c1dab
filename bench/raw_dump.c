/* raw_dump.c - the raw netlink floor and getifaddrs (raw_dump.h). */
#include <ifaddrs.h>
#include <linux/ethtool_netlink.h>
#include <linux/genetlink.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "harness.h"
#include "raw_dump.h"

int raw_dump_open(struct raw_dump *r)
{
        r->nl = mnl_socket_open(NETLINK_ROUTE);
        r->buf = malloc(RAW_BUF_SIZE);
        if (!r->nl || !r->buf || mnl_socket_bind(r->nl, 0, MNL_SOCKET_AUTOPID) < 0) {
                raw_dump_close(r);
                return -1;
        }
        return 0;
}

void raw_dump_close(struct raw_dump *r)
{
        if (r->nl)
                mnl_socket_close(r->nl);
        if (r->gnl)
                mnl_socket_close(r->gnl);
        free(r->buf);
        r->nl = NULL;
        r->gnl = NULL;
        r->buf = NULL;
}

static int count_msg(const struct nlmsghdr *nlh, void *data)
{
        (void)nlh;
        ++*(unsigned *)data;
        return MNL_CB_OK;
}

static void set_strict(struct raw_dump *r, int on)
{
        setsockopt(mnl_socket_get_fd(r->nl), SOL_NETLINK, NETLINK_GET_STRICT_CHK, &on, sizeof(on));
}

/* One attempt: the request sent, every datagram walked to NLMSG_DONE. Returns
 * the messages walked, or -1 when the dump failed (libmnl reports an
 * interrupted dump, NLM_F_DUMP_INTR, as an error too). */
static long dump_once(struct raw_dump *r, struct mnl_socket *nl, const struct nlmsghdr *req,
                      bool cloned)
{
        unsigned n = 0;
        int ret;

        if (cloned) /* the kernel honours the flag only with strict checking */
                set_strict(r, 1);
        mnl_socket_sendto(nl, req, req->nlmsg_len);
        if (cloned)
                set_strict(r, 0);
        do {
                ssize_t len = mnl_socket_recvfrom(nl, r->buf, RAW_BUF_SIZE);

                ret = len > 0 ? mnl_cb_run(r->buf, (size_t)len, req->nlmsg_seq,
                                           mnl_socket_get_portid(nl), count_msg, &n)
                              : MNL_CB_ERROR;
        } while (ret > MNL_CB_STOP);
        return ret < 0 ? -1 : (long)n;
}

/* Runs `req` until one attempt walks to NLMSG_DONE; the socket is reopened before
 * each retry (the rest of a failed reply stream is stale). */
static unsigned dump_retried(struct raw_dump *r, struct nlmsghdr *req, bool cloned, bool generic)
{
        bool had_ethtool = r->gnl != NULL;
        long n = -1;
        int tries;

        for (tries = 0; tries < 10 && n < 0; tries++) {
                if (tries) {
                        r->restarts++;
                        raw_dump_close(r);
                        if (raw_dump_open(r) < 0 || (had_ethtool && raw_ethtool_open(r) < 0))
                                abort();
                }
                req->nlmsg_seq = ++r->seq;
                n = dump_once(r, generic ? r->gnl : r->nl, req, cloned);
        }
        if (n < 0) {
                fprintf(stderr, "raw dump of type %u failed ten times\n", req->nlmsg_type);
                abort();
        }
        return (unsigned)n;
}

unsigned raw_dump_run(struct raw_dump *r, uint16_t type, uint8_t family, size_t hdr_len,
                      uint32_t ext_mask, bool cloned)
{
        char req[MNL_SOCKET_BUFFER_SIZE];
        struct nlmsghdr *nlh = mnl_nlmsg_put_header(req);
        unsigned char *hdr;

        nlh->nlmsg_type = type;
        nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
        hdr = mnl_nlmsg_put_extra_header(nlh, hdr_len);
        hdr[0] = family; /* the family is the first byte of every header */
        if (cloned)
                ((struct rtmsg *)hdr)->rtm_flags = RTM_F_CLONED;
        if (ext_mask)
                mnl_attr_put_u32(nlh, IFLA_EXT_MASK, ext_mask);
        /* A dump the kernel interrupted is done again, as winnet does: a floor that
         * gave up half-way would be no floor. */
        return dump_retried(r, nlh, cloned, false);
}

static int on_family(const struct nlmsghdr *nlh, void *data)
{
        struct nlattr *a;

        mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr))
        {
                if (mnl_attr_get_type(a) == CTRL_ATTR_FAMILY_ID)
                        *(uint16_t *)data = mnl_attr_get_u16(a);
        }
        return MNL_CB_OK;
}

static struct nlmsghdr *genl_header(char *buf, uint16_t type, uint8_t cmd, uint8_t version)
{
        struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
        struct genlmsghdr *g;

        nlh->nlmsg_type = type;
        nlh->nlmsg_flags = NLM_F_REQUEST;
        g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
        g->cmd = cmd;
        g->version = version;
        return nlh;
}

int raw_ethtool_open(struct raw_dump *r)
{
        char req[512] = {0}; /* one small request */
        struct nlmsghdr *nlh = genl_header(req, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1);
        uint16_t id = 0;
        ssize_t len;

        if (!r->buf)
                return -1;
        r->gnl = mnl_socket_open(NETLINK_GENERIC);
        if (!r->gnl || mnl_socket_bind(r->gnl, 0, MNL_SOCKET_AUTOPID) < 0)
                goto fail;
        mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, ETHTOOL_GENL_NAME);
        nlh->nlmsg_seq = ++r->seq;
        if (mnl_socket_sendto(r->gnl, nlh, nlh->nlmsg_len) < 0)
                goto fail;
        len = mnl_socket_recvfrom(r->gnl, r->buf, RAW_BUF_SIZE);
        if (len <= 0 ||
            mnl_cb_run(r->buf, (size_t)len, r->seq, mnl_socket_get_portid(r->gnl), on_family, &id) <
                0 ||
            id == 0)
                goto fail;
        r->ethtool_family = id;
        return 0;
fail:
        if (r->gnl)
                mnl_socket_close(r->gnl);
        r->gnl = NULL;
        return -1;
}

unsigned raw_ethtool_run(struct raw_dump *r)
{
        char req[512] = {0}; /* one small request */
        struct nlmsghdr *nlh =
            genl_header(req, r->ethtool_family, ETHTOOL_MSG_LINKMODES_GET, ETHTOOL_GENL_VERSION);
        struct nlattr *hdr;

        nlh->nlmsg_flags |= NLM_F_DUMP;
        hdr = mnl_attr_nest_start(nlh, ETHTOOL_A_LINKMODES_HEADER);
        mnl_attr_put_u32(nlh, ETHTOOL_A_HEADER_FLAGS, ETHTOOL_FLAG_COMPACT_BITSETS);
        mnl_attr_nest_end(nlh, hdr);
        return dump_retried(r, nlh, false, true);
}

void getifaddrs_op(void *ctx, size_t iters)
{
        size_t i;

        (void)ctx;
        for (i = 0; i < iters; i++) {
                struct ifaddrs *a = NULL;

                getifaddrs(&a);
                bench_keep(a);
                freeifaddrs(a);
        }
}
