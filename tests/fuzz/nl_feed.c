/* nl_feed.c - the provider's netlink traffic from a buffer (replay) or to a file
 * (record), through the linker's --wrap of recvmsg and mnl_socket_sendto; see
 * nl_feed.h for the format. Sockets not seen sending a request pass through. */
#include <errno.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <libmnl/libmnl.h>

#include "nl_feed.h"

ssize_t __real_recvmsg(int fd, struct msghdr *msg, int flags);
ssize_t __wrap_recvmsg(int fd, struct msghdr *msg, int flags);
ssize_t __real_mnl_socket_sendto(const struct mnl_socket *nl, const void *buf, size_t len);
ssize_t __wrap_mnl_socket_sendto(const struct mnl_socket *nl, const void *buf, size_t len);

#define MAX_CHUNKS     8192
#define MAX_FDS        1024
#define ETHTOOL_FAMILY 0x1e /* the id the feed answers the family lookup with */

enum feed_mode { MODE_OFF, MODE_REPLAY, MODE_RECORD };

struct chunk {
        const uint8_t *p;
        uint16_t len;
        uint8_t tag;
};

/* The request a socket sent last, which its next datagrams answer. */
struct request {
        bool active, dump, ctrl;
        uint8_t stream;
        uint32_t seq, portid;
        uint16_t type;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static enum feed_mode mode;
static struct chunk chunks[MAX_CHUNKS];
static size_t nchunks, cursor[FEED_STREAMS];
static struct request req[MAX_FDS];
static FILE *rec;

static uint8_t stream_of(uint8_t tag)
{
        return (uint8_t)((tag & 0x0fu) % FEED_STREAMS);
}

void nl_feed_replay(const uint8_t *data, size_t size)
{
        size_t off = 0;

        pthread_mutex_lock(&mu);
        nchunks = 0;
        memset(cursor, 0, sizeof(cursor));
        memset(req, 0, sizeof(req));
        while (off + FEED_CHUNK_HEAD <= size && nchunks < MAX_CHUNKS) {
                size_t len = data[off + 1] | (size_t)data[off + 2] << 8;

                if (len > size - off - FEED_CHUNK_HEAD)
                        len = size - off - FEED_CHUNK_HEAD;
                chunks[nchunks++] =
                    (struct chunk){data + off + FEED_CHUNK_HEAD, (uint16_t)len, data[off]};
                off += FEED_CHUNK_HEAD + len;
        }
        mode = MODE_REPLAY;
        pthread_mutex_unlock(&mu);
}

void nl_feed_record(FILE *out)
{
        pthread_mutex_lock(&mu);
        memset(req, 0, sizeof(req));
        rec = out;
        mode = MODE_RECORD;
        pthread_mutex_unlock(&mu);
}

void nl_feed_off(void)
{
        pthread_mutex_lock(&mu);
        mode = MODE_OFF;
        rec = NULL;
        nchunks = 0;
        pthread_mutex_unlock(&mu);
}

static uint8_t classify(int proto, uint16_t type)
{
        if (proto == NETLINK_GENERIC)
                return type == GENL_ID_CTRL ? FEED_NONE : FEED_ETHTOOL;
        switch (type) {
        case RTM_GETLINK:
                return FEED_LINK;
        case RTM_GETNEIGHTBL:
                return FEED_NEIGHTBL;
        case RTM_GETADDR:
                return FEED_ADDR;
        case RTM_GETANYCAST:
                return FEED_ANYCAST;
        case RTM_GETMULTICAST:
                return FEED_MULTICAST;
        case RTM_GETROUTE:
        case RTM_GETNEXTHOP: /* the route walk's object dump shares its stream */
                return FEED_ROUTE;
        case RTM_GETNEIGH:
                return FEED_NEIGH;
        }
        return FEED_NONE;
}

ssize_t __wrap_mnl_socket_sendto(const struct mnl_socket *nl, const void *buf, size_t len)
{
        int fd = mnl_socket_get_fd(nl), proto = 0;
        socklen_t sl = sizeof(proto);
        struct nlmsghdr h;
        enum feed_mode m;

        pthread_mutex_lock(&mu);
        m = mode;
        if (m != MODE_OFF && fd >= 0 && fd < MAX_FDS && len >= sizeof(h)) {
                memcpy(&h, buf, sizeof(h));
                getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &sl);
                req[fd] = (struct request){
                    .active = true,
                    .dump = (h.nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP,
                    .ctrl = proto == NETLINK_GENERIC && h.nlmsg_type == GENL_ID_CTRL,
                    .stream = classify(proto, h.nlmsg_type),
                    .seq = h.nlmsg_seq,
                    .portid = mnl_socket_get_portid(nl),
                    .type = h.nlmsg_type,
                };
        }
        pthread_mutex_unlock(&mu);
        if (m == MODE_REPLAY)
                return (ssize_t)len;
        return __real_mnl_socket_sendto(nl, buf, len);
}

static void record_chunk(uint8_t stream, const void *data, size_t n)
{
        uint8_t head[FEED_CHUNK_HEAD];

        if (!rec || stream >= FEED_STREAMS || n > 0xffff)
                return;
        head[0] = stream;
        head[1] = (uint8_t)(n & 0xff);
        head[2] = (uint8_t)(n >> 8);
        fwrite(head, 1, sizeof(head), rec);
        fwrite(data, 1, n, rec);
}

/* The next chunk of `stream`, or NULL when it ran dry. */
static const struct chunk *next_chunk(uint8_t stream)
{
        while (cursor[stream] < nchunks) {
                const struct chunk *c = &chunks[cursor[stream]++];

                if (stream_of(c->tag) == stream)
                        return c;
        }
        return NULL;
}

/* What the feed answers itself: the family lookup, the end of a dump, or an error. */
static size_t synthesize(const struct request *r, uint8_t *buf)
{
        struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);

        nlh->nlmsg_seq = r->seq;
        nlh->nlmsg_pid = r->portid;
        if (r->ctrl) {
                struct genlmsghdr *g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));

                nlh->nlmsg_type = GENL_ID_CTRL;
                g->cmd = CTRL_CMD_NEWFAMILY;
                g->version = 2;
                mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, ETHTOOL_FAMILY);
                mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, "ethtool");
        } else if (r->dump) {
                int *done = mnl_nlmsg_put_extra_header(nlh, sizeof(int));

                nlh->nlmsg_type = NLMSG_DONE;
                nlh->nlmsg_flags = NLM_F_MULTI;
                *done = 0;
        } else {
                struct nlmsgerr *e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));

                nlh->nlmsg_type = NLMSG_ERROR;
                e->error = r->stream == FEED_NONE ? -EOPNOTSUPP : -ENODEV;
                e->msg = *nlh;
                e->msg.nlmsg_type = r->type;
        }
        return nlh->nlmsg_len;
}

/* Keeps two promises the kernel makes, which the provider relies on and a fuzzer
 * would otherwise break at once, every run (tests/fuzz/crashes/ has an input for
 * each; WINNET_FEED_RAW=1 turns this off to reproduce them):
 *  - framing: no message claims more bytes than the datagram has left. libmnl's
 *    mnl_nlmsg_ok() compares nlmsg_len as an int, so a length of 2^31 or more
 *    passes it and mnl_cb_run() steps gigabytes past the buffer;
 *  - an NLMSG_ERROR code is a negative errno (>= -4095): with INT_MIN, libmnl sets
 *    errno to INT_MIN and nl_query.c negates it.
 * With `seq`, also sets every message's sequence number and port id to the
 * request's. */
static void frame(uint8_t *buf, size_t n, const struct request *r, int seq)
{
        static int raw = -1;
        struct nlmsghdr h;
        size_t off = 0;
        int32_t err;

        if (raw < 0)
                raw = getenv("WINNET_FEED_RAW") != NULL;
        while (off + sizeof(h) <= n) {
                memcpy(&h, buf + off, sizeof(h));
                if (h.nlmsg_len < sizeof(h))
                        break;
                if (h.nlmsg_len > n - off && !raw)
                        h.nlmsg_len = (uint32_t)(n - off);
                if (h.nlmsg_type == NLMSG_ERROR && h.nlmsg_len >= sizeof(h) + sizeof(err) && !raw) {
                        memcpy(&err, buf + off + sizeof(h), sizeof(err));
                        if (err < -4095) {
                                err = -4095;
                                memcpy(buf + off + sizeof(h), &err, sizeof(err));
                        }
                }
                if (seq) {
                        h.nlmsg_seq = r->seq;
                        h.nlmsg_pid = r->portid;
                }
                memcpy(buf + off, &h, sizeof(h));
                off += NLMSG_ALIGN((size_t)h.nlmsg_len);
        }
}

static ssize_t replay_datagram(const struct request *r, struct msghdr *msg, int flags)
{
        uint32_t own[64]; /* aligned for the headers synthesize() writes */
        /* a request the feed does not serve (FEED_NONE) is answered by synthesize() */
        const struct chunk *c = r->ctrl || r->stream >= FEED_STREAMS ? NULL : next_chunk(r->stream);
        const uint8_t *src = (const uint8_t *)own;
        size_t n, cap = msg->msg_iovlen ? msg->msg_iov[0].iov_len : 0, copied;
        uint8_t tag = 0;

        if (c) {
                src = c->p;
                n = c->len;
                tag = c->tag;
        } else {
                n = synthesize(r, (uint8_t *)own);
        }
        copied = n < cap ? n : cap;
        if (copied) {
                memcpy(msg->msg_iov[0].iov_base, src, copied);
                frame(msg->msg_iov[0].iov_base, copied, r, !(tag & FEED_TAG_KEEP_SEQ));
        }
        if (msg->msg_name && msg->msg_namelen >= sizeof(struct sockaddr_nl)) {
                struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};

                memcpy(msg->msg_name, &kernel, sizeof(kernel));
                msg->msg_namelen = sizeof(kernel);
        }
        msg->msg_flags = copied < n ? MSG_TRUNC : 0;
        return (ssize_t)(copied < n && (flags & MSG_TRUNC) ? n : copied);
}

ssize_t __wrap_recvmsg(int fd, struct msghdr *msg, int flags)
{
        struct request r;
        ssize_t n;

        pthread_mutex_lock(&mu);
        if (mode == MODE_OFF || fd < 0 || fd >= MAX_FDS || !req[fd].active) {
                pthread_mutex_unlock(&mu);
                return __real_recvmsg(fd, msg, flags);
        }
        r = req[fd];
        if (mode == MODE_REPLAY) {
                n = replay_datagram(&r, msg, flags);
                pthread_mutex_unlock(&mu);
                return n;
        }
        pthread_mutex_unlock(&mu);
        n = __real_recvmsg(fd, msg, flags);
        if (n > 0 && msg->msg_iovlen && !(msg->msg_flags & MSG_TRUNC)) {
                pthread_mutex_lock(&mu);
                record_chunk(r.stream, msg->msg_iov[0].iov_base, (size_t)n);
                pthread_mutex_unlock(&mu);
        }
        return n;
}
