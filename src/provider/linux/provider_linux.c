/* provider_linux.c - the Linux provider's operations table: rtnetlink dumps
 * through libmnl, ethtool over generic netlink, and the one sysctl netlink lacks. */
#include "provider/linux/nl.h"

const struct provider_ops provider_linux = {
    .name = "linux-rtnetlink",
    .link_walk = linux_link_walk,
    .link_get = linux_link_get,
    .neigh_parms_walk = linux_neigh_parms_walk,
    .link_speed_walk = linux_link_speed_walk,
    .link_speed_get = linux_link_speed_get,
    .ns_sysctl = linux_ns_sysctl,
    .link_brief_walk = linux_link_brief_walk,
    .addr_walk = linux_addr_walk,
    .route_walk = linux_route_walk,
    .neigh_walk = linux_neigh_walk,
};
