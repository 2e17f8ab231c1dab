/* topology.h - the IP Helper system tests' network: one namespace holding veth
 * pairs (one with an ifalias, a changed MTU and forwarding on; one whose peer is
 * down, so it has no carrier), a bridge with a veth and a tap port, a macvlan, a
 * vxlan, loopback, IPv6 disabled on one link and gone (MTU < 1280) on another,
 * and non-default ARP/NDP sysctls - plus the oracle helpers that say what
 * Windows rows should hold for each `ip -j` link. */
#ifndef WINNET_TEST_IPHLP_TOPOLOGY_H
#define WINNET_TEST_IPHLP_TOPOLOGY_H

#include <stdbool.h>
#include <stdint.h>

#include "netns.h"

/* Creates the namespace and builds the topology in it, then waits until link
 * states settle. Exits 77 when namespaces are unavailable; aborts on failure. */
void topo_create(struct test_netns *ns, const char *tag);

/* The cmocka group fixture of a test program on this topology: topo_ns built
 * (tagged with the program's name) and entered, then left and deleted. */
extern struct test_netns topo_ns;
int topo_group_setup(void **state);
int topo_group_teardown(void **state);

/* Waits until two `ip -j link` snapshots 300 ms apart agree on every link's
 * flags and operstate (the kernel applies carrier changes asynchronously). */
void topo_settle(const struct test_netns *ns);

/* Oracle helpers over one `ip -j -d -s link` object. */
unsigned topo_expected_iftype(json_t *link);
const char *topo_expected_description(json_t *link);
bool topo_uses_nd(json_t *link); /* neither LOOPBACK nor NOARP */
/* Parses "aa:bb:.." into bytes; returns the byte count. */
unsigned topo_parse_mac(const char *text, uint8_t *out, unsigned cap);
/* ethtool's speed for the link in bits per second, or UINT64_MAX when unknown. */
uint64_t topo_ethtool_speed(const struct test_netns *ns, const char *ifname);

#endif /* WINNET_TEST_IPHLP_TOPOLOGY_H */
