/* nl_feed.h - the netlink replies the provider reads, from a buffer instead of
 * the kernel. The seam is the link step, not the provider's source: binaries
 * linked with -Wl,--wrap=recvmsg,--wrap=mnl_socket_sendto (tests/fuzz/
 * CMakeLists.txt) route the provider's send and receive calls through here. The
 * provider still opens its real sockets; in replay mode nothing is sent and every
 * datagram it receives comes from the feed, in record mode both go to the kernel
 * and each reply datagram is written out in the feed's format.
 *
 * Feed format: chunks of [tag u8][length u16 little-endian][datagram bytes]. The
 * low 4 bits of the tag name the reply stream (enum nl_feed_stream, modulo
 * FEED_STREAMS); a request reads the next datagram of its own stream, so the
 * helper thread's side dump and the caller's link dump each get theirs whatever
 * the interleaving. Unless tag bit 0x10 is set, the sequence number and port id
 * of every message of the datagram are set to the request's, as the kernel's
 * would be. No message claims more bytes than its datagram has left and error
 * codes stay negative errnos, as from the kernel (frame() in nl_feed.c says why). A stream that
 * runs dry answers NLMSG_DONE (a dump) or ENODEV (a single request). The generic-netlink family
 * lookup is answered by the feed itself with a fixed ethtool family id, since the provider resolves
 * it once per process. */
#ifndef WINNET_TESTS_FUZZ_NL_FEED_H
#define WINNET_TESTS_FUZZ_NL_FEED_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum nl_feed_stream {
        FEED_LINK = 0,     /* RTM_GETLINK */
        FEED_NEIGHTBL = 1, /* RTM_GETNEIGHTBL */
        FEED_ETHTOOL = 2,  /* ETHTOOL_MSG_LINKMODES_GET */
        FEED_ADDR = 3,     /* RTM_GETADDR */
        FEED_ANYCAST = 4,  /* RTM_GETANYCAST */
        FEED_MULTICAST = 5,
        FEED_ROUTE = 6, /* RTM_GETROUTE, and RTM_GETNEXTHOP for routes that need it */
        FEED_NEIGH = 7,
        FEED_STREAMS = 8,
        FEED_NONE = 15, /* not fed (the family lookup, other requests) */
};

#define FEED_TAG_KEEP_SEQ 0x10u /* leave nlmsg_seq / nlmsg_pid as given */
#define FEED_CHUNK_HEAD   3u    /* tag + length */

/* Replays `data` (the chunks; borrowed until nl_feed_off). */
void nl_feed_replay(const uint8_t *data, size_t size);
/* Passes everything to the kernel and appends every reply datagram to `out`. */
void nl_feed_record(FILE *out);
/* Back to the kernel, nothing recorded. */
void nl_feed_off(void);

#endif /* WINNET_TESTS_FUZZ_NL_FEED_H */
