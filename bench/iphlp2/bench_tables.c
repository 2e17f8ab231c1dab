/* bench_tables.c - the address, route, neighbour, stack and path tables against
 * the raw netlink dumps each needs (libmnl dumps that only walk the messages:
 * the floor) and GetUnicastIpAddressTable against getifaddrs, in one run and one
 * fresh namespace holding 1,000 interfaces with two addresses each (IPv4 and
 * IPv6), 10,000 routes and 1,000 neighbours.
 * Targets: each table <= 1.25x its raw dumps; GetUnicastIpAddressTable >= 1.5x
 * faster than getifaddrs (ratio <= 0.67). Needs root; says so and skips. */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "harness.h"
#include "iphlpapi.h"
#include "raw_dump.h"

#define INTERFACES 1000
#define ROUTES     10000

/* 500 veth pairs (1,000 interfaces besides lo), an IPv4 and an IPv6 address on
 * each, one neighbour each, and 10,000 IPv6 routes over the first pair. */
static int populate(void)
{
        FILE *p = popen("ip -batch -", "w");
        int i;

        if (!p)
                return -1;
        for (i = 0; i < INTERFACES / 2; i++)
                fprintf(p, "link add t%da type veth peer name t%db\n", i, i);
        fprintf(p, "link set t0a up\nlink set t0b up\n"
                   "addr add 2001:db8:ffff::1/64 dev t0a nodad\n");
        for (i = 0; i < INTERFACES; i++) {
                fprintf(p, "addr add 198.51.100.%d/24 dev t%d%c\n", i % 254 + 1, i / 2,
                        i % 2 ? 'b' : 'a');
                fprintf(p, "addr add 2001:db8:%x::1/64 dev t%d%c nodad\n", i + 1, i / 2,
                        i % 2 ? 'b' : 'a');
                fprintf(p, "neigh add 203.0.113.%d lladdr 02:00:00:00:%02x:%02x dev t%d%c\n",
                        i % 254 + 1, i / 256, i % 256, i / 2, i % 2 ? 'b' : 'a');
        }
        for (i = 0; i < ROUTES; i++)
                fprintf(p, "route add 2001:db8:8000:%x::/64 via 2001:db8:ffff::2\n", i);
        return pclose(p) == 0 ? 0 : -1;
}

/* ---- the floor: raw dumps, messages walked, nothing parsed ---- */

struct raw {
        struct raw_dump d;
        unsigned walked; /* messages the last raw_for walked */
};

static struct raw raw;

/* One dump of `type` for `family` as winnet sends it: `link` adds its
 * IFLA_EXT_MASK, `cloned` the RTM_F_CLONED route flag. */
static void raw_one(uint16_t type, uint8_t family, bool link, bool cloned)
{
        raw.walked += raw_dump_run(&raw.d, type, family,
                                   link ? sizeof(struct ifinfomsg) : sizeof(struct rtmsg),
                                   link ? RTEXT_FILTER_SKIP_STATS : 0, cloned);
}

enum table { T_UNICAST, T_ANYCAST, T_MULTICAST, T_FORWARD, T_IPNET, T_STACK, T_PATH, T_COUNT };

/* The dumps a table needs, as winnet sends them. */
static void raw_for(enum table t)
{
        raw.walked = 0;
        raw_one(RTM_GETLINK, AF_UNSPEC, true, false);
        if (t == T_UNICAST)
                raw_one(RTM_GETADDR, AF_UNSPEC, false, false);
        else if (t == T_ANYCAST)
                raw_one(RTM_GETANYCAST, AF_INET6, false, false);
        else if (t == T_MULTICAST)
                raw_one(RTM_GETMULTICAST, AF_INET, false, false),
                    raw_one(RTM_GETMULTICAST, AF_INET6, false, false);
        else if (t == T_FORWARD)
                raw_one(RTM_GETROUTE, AF_UNSPEC, false, false);
        else if (t == T_IPNET)
                raw_one(RTM_GETNEIGH, AF_UNSPEC, false, false);
        else if (t == T_PATH)
                raw_one(RTM_GETROUTE, AF_UNSPEC, false, true);
}

static void raw_op(void *ctx, size_t iters)
{
        size_t i;

        for (i = 0; i < iters; i++)
                raw_for((enum table)(size_t)ctx);
}

/* ---- winnet ---- */

static void *get_table(enum table t)
{
        void *p = NULL;

        switch (t) {
        case T_UNICAST:
                GetUnicastIpAddressTable(AF_UNSPEC, (PMIB_UNICASTIPADDRESS_TABLE *)&p);
                break;
        case T_ANYCAST:
                GetAnycastIpAddressTable(AF_INET6, (PMIB_ANYCASTIPADDRESS_TABLE *)&p);
                break;
        case T_MULTICAST:
                GetMulticastIpAddressTable(AF_UNSPEC, (PMIB_MULTICASTIPADDRESS_TABLE *)&p);
                break;
        case T_FORWARD:
                GetIpForwardTable2(AF_UNSPEC, (PMIB_IPFORWARD_TABLE2 *)&p);
                break;
        case T_IPNET:
                GetIpNetTable2(AF_UNSPEC, (PMIB_IPNET_TABLE2 *)&p);
                break;
        case T_STACK:
                GetIfStackTable((PMIB_IFSTACK_TABLE *)&p);
                break;
        default:
                GetIpPathTable(AF_UNSPEC, (PMIB_IPPATH_TABLE *)&p);
                break;
        }
        return p;
}

static void table_op(void *ctx, size_t iters)
{
        size_t i;

        for (i = 0; i < iters; i++) {
                void *t = get_table((enum table)(size_t)ctx);

                bench_keep(t);
                FreeMibTable(t);
        }
}

static const char *const names[T_COUNT] = {"GetUnicastIpAddressTable(AF_UNSPEC)",
                                           "GetAnycastIpAddressTable(AF_INET6)",
                                           "GetMulticastIpAddressTable(AF_UNSPEC)",
                                           "GetIpForwardTable2(AF_UNSPEC)",
                                           "GetIpNetTable2(AF_UNSPEC)",
                                           "GetIfStackTable",
                                           "GetIpPathTable(AF_UNSPEC)"};
static const char *const floors[T_COUNT] = {"raw GETLINK+GETADDR",         "raw GETLINK+GETANYCAST",
                                            "raw GETLINK+GETMULTICAST x2", "raw GETLINK+GETROUTE",
                                            "raw GETLINK+GETNEIGH",        "raw GETLINK",
                                            "raw GETLINK+GETROUTE(cloned)"};

static void run(void)
{
        struct bench_op op, floor, gia = {"getifaddrs+freeifaddrs", getifaddrs_op, NULL};
        size_t t;

        for (t = 0; t < T_COUNT; t++) {
                op = (struct bench_op){names[t], table_op, (void *)t};
                floor = (struct bench_op){floors[t], raw_op, (void *)t};
                raw_for((enum table)t);
                printf("%s: the floor walks %u messages\n", names[t], raw.walked);
                if (bench_compare(&op, &floor, 20, 15) > 1.25)
                        printf("  target <= 1.25x: MISSED\n");
        }
        op = (struct bench_op){names[T_UNICAST], table_op, (void *)(size_t)T_UNICAST};
        if (bench_compare(&op, &gia, 20, 15) > 1 / 1.5)
                printf("  target >= 1.5x faster than getifaddrs: MISSED\n");
}

int main(void)
{
        if (geteuid() != 0) {
                printf("bench_tables: skipped: needs root to create a network namespace\n");
                return 0;
        }
        if (!bench_netns_enter("tables") || populate() < 0) {
                printf("bench_tables: skipped: cannot build the namespace\n");
                return 0;
        }
        if (raw_dump_open(&raw.d) < 0)
                return 1;
        run();
        if (raw.d.restarts)
                printf("the raw floors did %u interrupted dumps again\n", raw.d.restarts);
        raw_dump_close(&raw.d);
        return 0;
}
