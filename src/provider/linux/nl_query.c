/* nl_query.c - the one loop every netlink query runs through: send, receive
 * whole datagrams into the thread's buffer, hand each message to the parser, and
 * restart the whole query when the kernel says the dump was interrupted, a reply
 * was lost or a datagram did not fit. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "alloc.h"
#include "provider/linux/nl.h"

/* Receives one datagram from the kernel. Returns its length, -EMSGSIZE when it
 * was longer than the buffer (the buffer is then grown for the retry), or -errno. */
static ssize_t recv_datagram(struct nl_state *st, int fd)
{
        struct sockaddr_nl addr;
        struct iovec iov = {st->buf, st->buf_size};
        struct msghdr msg = {
            .msg_name = &addr, .msg_namelen = sizeof(addr), .msg_iov = &iov, .msg_iovlen = 1};
        ssize_t n;

        for (;;) {
                n = recvmsg(fd, &msg, MSG_TRUNC);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        return -errno;
                if (addr.nl_pid != 0) /* not from the kernel: ignore */
                        continue;
                break;
        }
        if (msg.msg_flags & MSG_TRUNC) {
                char *bigger = wn_realloc(st->buf, (size_t)n);

                if (!bigger)
                        return -ENOMEM;
                st->buf = bigger;
                st->buf_size = (size_t)n;
                return -EMSGSIZE;
        }
        return n;
}

/* Checks what libmnl takes on trust: every message fits the datagram (mnl_nlmsg_ok
 * compares nlmsg_len as an int, so a length of 2^31 or more would pass it and walk
 * gigabytes past the buffer) and every NLMSG_ERROR carries a real -errno. The
 * kernel keeps both promises; a datagram that breaks one is refused whole. */
static bool datagram_ok(const char *buf, size_t n)
{
        const struct nlmsghdr *h;
        size_t off = 0;
        int32_t err;

        while (n - off >= sizeof(*h)) {
                h = (const struct nlmsghdr *)(buf + off);
                if (h->nlmsg_len < sizeof(*h) || h->nlmsg_len > n - off)
                        return false;
                if (h->nlmsg_type == NLMSG_ERROR) {
                        if (h->nlmsg_len < NLMSG_LENGTH(sizeof(err)))
                                return false;
                        memcpy(&err, NLMSG_DATA(h), sizeof(err));
                        if (err > 0 || err < -4095)
                                return false;
                }
                off += NLMSG_ALIGN(h->nlmsg_len);
                if (off > n)
                        off = n;
        }
        return true;
}

/* One attempt. Returns 0, -EINTR (dump interrupted), -EMSGSIZE, -ENOBUFS
 * (restartable) or a final -errno. */
static int query_once(struct nl_state *st, const struct nl_query *q, struct mnl_socket *s)
{
        uint32_t portid = mnl_socket_get_portid(s);
        int fd = mnl_socket_get_fd(s), r;
        ssize_t n;

        q->req->nlmsg_seq = ++st->seq;
        if (mnl_socket_sendto(s, q->req, q->req->nlmsg_len) < 0)
                return -errno;
        for (;;) {
                n = recv_datagram(st, fd);
                if (n < 0)
                        return (int)n;
                if (!datagram_ok(st->buf, (size_t)n))
                        return -EBADMSG;
                *q->cb_err = 0;
                errno = 0;
                r = mnl_cb_run(st->buf, (size_t)n, st->seq, portid, q->cb, q->data);
                if (r == MNL_CB_STOP)
                        return 0;
                if (r == MNL_CB_ERROR) /* libmnl reports NLM_F_DUMP_INTR as EINTR */
                        return *q->cb_err ? *q->cb_err
                                          : (errno > 0 && errno <= 4095 ? -errno : -EPROTO);
                if (!(q->req->nlmsg_flags & NLM_F_DUMP))
                        return 0; /* the single reply arrived */
        }
}

static bool restartable(int r)
{
        return r == -EINTR || r == -EMSGSIZE || r == -ENOBUFS;
}

/* The kernel reads the strict-checking flag when a dump starts, so it is set on
 * the socket each attempt uses, and cleared again for the thread's next query. */
static void set_strict(struct mnl_socket *s, int on)
{
        setsockopt(mnl_socket_get_fd(s), SOL_NETLINK, NETLINK_GET_STRICT_CHK, &on, sizeof(on));
}

int nl_query_run(struct nl_state *st, const struct nl_query *q)
{
        struct mnl_socket *s;
        int tries, r = -EAGAIN;

        for (tries = 0; tries < PROVIDER_DUMP_TRIES; tries++) {
                r = nl_sock(st, q->proto, &s);
                if (r < 0)
                        return r;
                if (q->begin && (r = q->begin(q->begin_ctx)) < 0)
                        return r;
                if (q->strict)
                        set_strict(s, 1);
                r = query_once(st, q, s);
                if (r == 0) {
                        if (q->strict)
                                set_strict(s, 0);
                        return 0;
                }
                /* Whatever is left of this reply stream is stale: drop the socket. */
                nl_sock_reset(st, q->proto);
                if (!restartable(r))
                        return r;
        }
        return -EAGAIN;
}

int nl_run(const struct nl_query *q)
{
        struct nl_state *st;
        int r = nl_state_get(&st);

        return r < 0 ? r : nl_query_run(st, q);
}

struct nlmsghdr *nl_dump_request(char *buf, uint16_t type, int family, size_t hdr_len)
{
        struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
        unsigned char *hdr;

        nlh->nlmsg_type = type;
        nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
        hdr = mnl_nlmsg_put_extra_header(nlh, hdr_len);
        hdr[0] = (unsigned char)family;
        return nlh;
}
