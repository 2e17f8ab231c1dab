/* raw_dump.c - the raw netlink floor and getifaddrs (raw_dump.h). */
#include <ifaddrs.h>
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
        free(r->buf);
        r->nl = NULL;
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
static long dump_once(struct raw_dump *r, const struct nlmsghdr *req, bool cloned)
{
        unsigned n = 0;
        int ret;

        if (cloned) /* the kernel honours the flag only with strict checking */
                set_strict(r, 1);
        mnl_socket_sendto(r->nl, req, req->nlmsg_len);
        if (cloned)
                set_strict(r, 0);
        do {
                ssize_t len = mnl_socket_recvfrom(r->nl, r->buf, RAW_BUF_SIZE);

                ret = len > 0 ? mnl_cb_run(r->buf, (size_t)len, r->seq,
                                           mnl_socket_get_portid(r->nl), count_msg, &n)
                              : MNL_CB_ERROR;
        } while (ret > MNL_CB_STOP);
        return ret < 0 ? -1 : (long)n;
}

unsigned raw_dump_run(struct raw_dump *r, uint16_t type, uint8_t family, size_t hdr_len,
                      uint32_t ext_mask, bool cloned)
{
        char req[MNL_SOCKET_BUFFER_SIZE];
        struct nlmsghdr *nlh = mnl_nlmsg_put_header(req);
        unsigned char *hdr;
        long n = -1;
        int tries;

        nlh->nlmsg_type = type;
        nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
        hdr = mnl_nlmsg_put_extra_header(nlh, hdr_len);
        hdr[0] = family; /* the family is the first byte of every header */
        if (cloned)
                ((struct rtmsg *)hdr)->rtm_flags = RTM_F_CLONED;
        if (ext_mask)
                mnl_attr_put_u32(nlh, IFLA_EXT_MASK, ext_mask);
        /* A dump the kernel interrupted is done again, as winnet does: a floor that
         * gave up half-way would be no floor. The rest of a failed reply stream is
         * stale, so the socket is reopened first. */
        for (tries = 0; tries < 10 && n < 0; tries++) {
                if (tries) {
                        r->restarts++;
                        raw_dump_close(r);
                        if (raw_dump_open(r) < 0)
                                abort();
                }
                nlh->nlmsg_seq = ++r->seq;
                n = dump_once(r, nlh, cloned);
        }
        if (n < 0) {
                fprintf(stderr, "raw dump of type %u failed ten times\n", type);
                abort();
        }
        return (unsigned)n;
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
