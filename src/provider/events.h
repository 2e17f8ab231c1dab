/* events.h - the provider's change-event contract, beside provider.h: an event
 * source bound to one network namespace that delivers neutral link / address /
 * route change records, and the key dumps a listener needs to resynchronise after
 * it lost events. src/iphlp/notify_*.c consume it; src/provider/linux/events_*.c
 * implement it over an rtnetlink multicast socket.
 *
 * The contract, for every call (as in provider.h):
 *   - Returns 0 or a negative errno. -ENOMEM: memory ran out (wn_* allocations);
 *     -ENOBUFS from events_read: the source overran and events were lost, the
 *     consumer must resynchronise (dump and diff); -EAGAIN from events_read:
 *     nothing is queued now.
 *   - Records are borrowed, valid during the visitor call only.
 *   - A source is used by one thread at a time, except set_groups, which may be
 *     called from any thread while another reads.
 *   - Dumps act on the calling thread's namespace (see provider.h) and are never
 *     torn: begin() runs again before a replay.
 */
#ifndef WINNET_PROVIDER_EVENTS_H
#define WINNET_PROVIDER_EVENTS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "provider/provider.h"

/* The kernel multicast groups a source can join (bit numbers). */
enum prov_group {
        PROV_GRP_LINK = 0,    /* links appear, change, disappear */
        PROV_GRP_IPV4_ADDR,   /* IPv4 addresses */
        PROV_GRP_IPV6_ADDR,   /* IPv6 addresses */
        PROV_GRP_IPV4_ROUTE,  /* IPv4 routes */
        PROV_GRP_IPV6_ROUTE,  /* IPv6 routes */
        PROV_GRP_IPV4_CONF,   /* per-interface IPv4 settings (forwarding, ...) */
        PROV_GRP_IPV6_CONF,   /* per-interface IPv6 settings */
        PROV_GRP_IPV6_IFINFO, /* IPv6 interface state (RA flags, token, ...) */
        PROV_GRP_COUNT
};
#define PROV_GRP_BIT(g) (1u << (g))

/* Address flags used by the listener (the IFA_F_* values of <linux/if_addr.h>;
 * `flags` carries them all). */
#define PROV_EV_ADDR_OPTIMISTIC 0x04u
#define PROV_EV_ADDR_DADFAILED  0x08u
#define PROV_EV_ADDR_TENTATIVE  0x40u

/* One unicast address. Key: family, ifindex, addr, prefixlen. */
struct prov_ev_addr {
        int family; /* AF_INET or AF_INET6 */
        uint32_t ifindex;
        uint8_t prefixlen;
        uint8_t scope;                 /* RT_SCOPE_* */
        uint32_t flags;                /* IFA_F_* (PROV_EV_ADDR_*) */
        uint32_t valid_s, preferred_s; /* lifetimes in seconds, UINT32_MAX = infinite */
        uint8_t addr[16];              /* network byte order; IPv4 in the first 4 bytes */
};

/* One route next hop (a multipath route is one record per next hop). Key: family,
 * table, dst/dst_len, tos, priority, oif, gateway. */
struct prov_ev_route {
        int family;
        uint32_t table;
        uint8_t dst_len;
        uint8_t tos;
        uint8_t protocol; /* RTPROT_* */
        uint8_t scope;    /* RT_SCOPE_* */
        uint8_t type;     /* RTN_* */
        uint32_t flags;   /* rtm_flags | next-hop flags (RTNH_F_*) */
        uint32_t priority;
        uint32_t oif; /* 0 when the route has no output interface */
        bool has_gateway;
        uint8_t dst[16];
        uint8_t gateway[16]; /* of `family` (RTA_VIA to another family is not reported) */
};

/* What a source delivers. Any callback may be NULL (the record is skipped). */
struct prov_event_visitor {
        /* A link appeared or changed (deleted false), or went away (deleted true;
         * the record then still carries its last attributes). */
        int (*link)(void *ctx, const struct prov_link *l, bool deleted);
        /* Some per-family setting of a link changed and the message does not carry
         * the whole link: fetch it again. ifindex 0: every link (an "all" or
         * "default" setting changed). */
        int (*link_refresh)(void *ctx, uint32_t ifindex);
        int (*addr)(void *ctx, const struct prov_ev_addr *a, bool deleted);
        int (*route)(void *ctx, const struct prov_ev_route *r, bool deleted);
        void *ctx;
};

struct prov_addr_key_visitor {
        int (*begin)(void *ctx);
        int (*addr)(void *ctx, const struct prov_ev_addr *a);
        void *ctx;
};

struct prov_route_key_visitor {
        int (*begin)(void *ctx);
        int (*route)(void *ctx, const struct prov_ev_route *r);
        void *ctx;
};

/* A network namespace, held open. */
struct prov_netns {
        int fd;
        dev_t dev;
        ino_t ino;
};

struct prov_event_source;

struct provider_events_ops {
        /* The namespace the calling thread's provider calls act on now (its own, or
         * the one it selected), held open in *ret. */
        int (*netns_open)(struct prov_netns *ret);
        /* Moves the calling thread into `ns` (for a thread the library owns). */
        int (*netns_enter)(const struct prov_netns *ns);
        void (*netns_close)(struct prov_netns *ns);
        /* Opens a source in the calling thread's namespace, joined to no group.
         * The receive buffer is large (the WINNET_NOTIFY_RCVBUF environment
         * variable, in bytes, overrides it: tests make it tiny to force overruns). */
        int (*open)(struct prov_event_source **ret);
        void (*close)(struct prov_event_source *s);
        /* A descriptor that polls readable when events are queued. */
        int (*fd)(const struct prov_event_source *s);
        /* Joins exactly the groups of `mask` (PROV_GRP_BIT), leaving the others. */
        int (*set_groups)(struct prov_event_source *s, unsigned mask);
        /* Reads one queued datagram without blocking and visits its records.
         * -EAGAIN: nothing queued; -ENOBUFS: events were lost (resynchronise). */
        int (*read)(struct prov_event_source *s, const struct prov_event_visitor *v);
        /* Every unicast address / route (all tables, no cloned exceptions) of
         * `family` (AF_INET or AF_INET6). */
        int (*addr_walk)(int family, const struct prov_addr_key_visitor *v);
        int (*route_walk)(int family, const struct prov_route_key_visitor *v);
};

/* The event provider in force: the Linux one unless a test installed another. */
const struct provider_events_ops *provider_events(void);
void provider_events_set(const struct provider_events_ops *ops);

extern const struct provider_events_ops provider_events_linux;

#endif /* WINNET_PROVIDER_EVENTS_H */
