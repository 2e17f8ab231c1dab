/* route_walk.h - what the route dump shares with the route parser beyond nl.h:
 * the nexthop objects a route may name by id only (route_nexthop.c), and the set
 * that keeps one copy of each cached exception (route_seen.c). Private to
 * route_*.c. */
#ifndef WINNET_PROVIDER_LINUX_ROUTE_WALK_H
#define WINNET_PROVIDER_LINUX_ROUTE_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keyset.h"
#include "provider/linux/nl.h"

/* ---- nexthop objects (RTM_GETNEXTHOP) ----
 * With net.ipv4.nexthop_compat_mode 0 (a per-namespace sysctl) the kernel
 * describes a route that uses a nexthop object by RTA_NH_ID alone: no RTA_OIF,
 * RTA_GATEWAY or RTA_MULTIPATH. The walk then resolves the id here. */
struct route_nh {
        uint32_t id;
        uint32_t oif;      /* 0: none (blackhole) */
        uint8_t gw_family; /* 0: no gateway */
        uint8_t gw[16];
        uint8_t flags;    /* RTNH_F_* */
        uint16_t weight;  /* a group member's weight, 1.. */
        uint32_t first;   /* a group: its first member in members[] */
        uint32_t group_n; /* a group: its member count; 0 for a single next hop */
};

struct route_nhs {
        struct route_nh *nh; /* sorted by id */
        size_t n, cap;
        struct route_nh *members; /* group members: id and weight only */
        size_t members_n, members_cap;
        bool loaded;     /* the dump ran (an old kernel without nexthops: empty) */
        bool missing;    /* a route named an id that is not (yet) in the table */
        bool unresolved; /* last try: deliver such routes as the kernel gave them */
        int err;
};

/* Dumps every nexthop object of the namespace into `t` (emptied first). 0 or
 * -ENOMEM / -EAGAIN; a kernel without nexthop objects gives an empty table. */
int route_nhs_load(struct route_nhs *t);
void route_nhs_free(struct route_nhs *t);

/* route_parse with the nexthop objects in `nhs`: a route that names a nexthop
 * id and carries no next hop of its own gets the object's next hops (one visit
 * per group member). An id `nhs` lacks sets nhs->missing and skips the route,
 * unless nhs->unresolved. */
int route_parse_nhs(const struct nlmsghdr *nlh, struct route_nhs *nhs,
                    int (*fn)(void *ctx, const struct prov_route *r), void *ctx);

/* Visits the next hops of nexthop `id` (route_nexthop.c); see route_parse_nhs. */
int route_nhs_visit(struct route_nhs *nhs, uint32_t id, struct prov_route *r,
                    int (*fn)(void *ctx, const struct prov_route *r), void *ctx);

/* ---- sets of routes ----
 * Keyed by family, destination, prefix length, interface and gateway. Two uses:
 * - one copy of each cached exception: Linux keeps an exception with the next
 *   hop (IPv4: the fib_info routes share when their gateway, device, metric and
 *   protocol match; IPv6: a nexthop object) and dumps it once for every route
 *   that shares that next hop;
 * - the IPv6 prefix routes made from router advertisements (RTF_PREFIX_RT), as
 *   the RTM_F_PREFIX-filtered dump lists them (route_prefix.c). */
struct route_seen {
        struct keyset set; /* of struct route_seen_key; all zero until the first add */
};

/* 1 when r is new (and now in the set), 0 when seen before, -ENOMEM. */
int route_seen_add(struct route_seen *s, const struct prov_route *r);
bool route_seen_has(const struct route_seen *s, const struct prov_route *r);
void route_seen_clear(struct route_seen *s);
void route_seen_free(struct route_seen *s);

/* ---- the prefix routes of router advertisements (route_prefix.c) ----
 * The kernel marks an IPv6 route made from an RA's prefix (RTF_PREFIX_RT) in no
 * dump: RTM_F_PREFIX is only a filter of the request. The filtered dump walks
 * the whole IPv6 FIB (a sixth of a large table's time), so it is made only when
 * the FIB dump held a candidate: an on-link IPv6 kernel route with an expiry, as
 * an RA prefix with a finite valid lifetime makes. Candidates are held back and
 * delivered after the dump, with PROV_ROUTE_F_PREFIX where it applies. */
struct route_prefix_hold {
        struct prov_route *r;
        size_t n, cap;
        struct route_seen prefixes;
};

bool route_prefix_candidate(const struct prov_route *r);
/* Keeps a copy of r: 0 or -ENOMEM. */
int route_prefix_keep(struct route_prefix_hold *h, const struct prov_route *r);
void route_prefix_clear(struct route_prefix_hold *h);
/* Visits the held routes, marked (none held: nothing is asked). 0, -errno or fn's. */
int route_prefix_deliver(struct route_prefix_hold *h,
                         int (*fn)(void *ctx, const struct prov_route *r), void *ctx);
void route_prefix_free(struct route_prefix_hold *h);

#endif /* WINNET_PROVIDER_LINUX_ROUTE_WALK_H */
