/* raw_dump.h - the floor the IP Helper benchmarks compare with: netlink dumps
 * through libmnl that only walk the messages (nothing parsed, nothing kept), and
 * the usual alternative, getifaddrs()+freeifaddrs(). */
#ifndef WINNET_BENCH_RAW_DUMP_H
#define WINNET_BENCH_RAW_DUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libmnl/libmnl.h>

/* The kernel fills dump datagrams up to 32 KiB: the receive buffer is that. */
#define RAW_BUF_SIZE 32768

struct raw_dump {
        struct mnl_socket *nl;
        char *buf;
        unsigned seq;
        unsigned restarts;      /* dumps the kernel interrupted, done again */
        struct mnl_socket *gnl; /* generic netlink, for raw_ethtool_run */
        uint16_t ethtool_family;
};

/* A bound NETLINK_ROUTE socket and its buffer; 0, or -1. `seq` and `restarts`
 * are the caller's to zero first. */
int raw_dump_open(struct raw_dump *r);
void raw_dump_close(struct raw_dump *r);

/* One dump of `type` for `family` (hdr_len: the request's fixed header, whose
 * first byte is the family); ext_mask non-zero adds IFLA_EXT_MASK, `cloned` asks
 * for cached routes (RTM_F_CLONED, with strict checking, as winnet asks). An
 * interrupted dump is done again (counted in `restarts`); one that keeps failing
 * aborts the benchmark. Returns the number of messages walked. */
unsigned raw_dump_run(struct raw_dump *r, uint16_t type, uint8_t family, size_t hdr_len,
                      uint32_t ext_mask, bool cloned);

/* Opens a generic-netlink socket and resolves the ethtool family: 0, or -1 when
 * the kernel has none. raw_dump_close closes it too. */
int raw_ethtool_open(struct raw_dump *r);

/* One ETHTOOL_MSG_LINKMODES_GET dump with compact bitsets (the speed source of
 * GetIfTable2), walked like raw_dump_run. Returns the messages walked. */
unsigned raw_ethtool_run(struct raw_dump *r);

/* getifaddrs()+freeifaddrs(), iters times (a bench_fn). */
void getifaddrs_op(void *ctx, size_t iters);

#endif /* WINNET_BENCH_RAW_DUMP_H */
