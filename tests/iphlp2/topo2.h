/* topo2.h - the network of the address, route, neighbour, stack and path tests:
 * three namespaces in a line, A -- R -- B, where the link R--B has MTU 1300.
 * A (the namespace under test) holds IPv4/IPv6 addresses that are preferred,
 * deprecated, temporary, tentative, optimistic and with finite lifetimes; routes
 * in several tables (multipath, blackhole, unreachable, prohibit, via IPv6,
 * expiring, DHCP/static protocols); static and learned neighbours of both
 * families; a bridge with a veth and a tap port, a macvlan and a vxlan over m0;
 * and path-MTU exceptions learned from R's "frag needed"/"packet too big". Only
 * documentation prefixes are used and nothing leaves the namespaces. */
#ifndef WINNET_TEST_IPHLP2_TOPO2_H
#define WINNET_TEST_IPHLP2_TOPO2_H

#include <stdbool.h>

#include "iphlpapi.h"
#include "netns.h"

struct topo2 {
        struct test_netns a, r, b;
};

/* Builds the three namespaces (exit 77 without namespaces; abort on failure). */
void topo2_create(struct topo2 *t, const char *tag);
void topo2_destroy(struct topo2 *t);

/* The cmocka group fixture of a test program on this network: `topo` built
 * (tagged with the program's name), A entered, then left and deleted. */
extern struct topo2 topo;
int topo2_group_setup(void **state);
int topo2_group_teardown(void **state);

/* `cmd` (an `ip -j ...` command) run inside ns, parsed; aborts when it fails. */
json_t *topo2_json(const struct test_netns *ns, const char *cmd);

/* A row address as `ip` prints it ("198.51.100.2", "fe80::1"), without zone. */
const char *topo2_addr(const SOCKADDR_INET *a, char *buf, size_t cap);
/* "aa:bb:..." of a link-layer address. */
const char *topo2_mac(const UCHAR *a, ULONG len, char *buf, size_t cap);
/* The ifindex of a link of the namespace the thread is in (0 when absent). */
unsigned topo2_index(const char *ifname);
/* The IfType part of a LUID GetIfTable2 gives the ifindex (0 when absent). */
bool topo2_luid_known(const MIB_IF_TABLE2 *ifs, NET_IFINDEX index, ULONG64 luid);

#endif /* WINNET_TEST_IPHLP2_TOPO2_H */
