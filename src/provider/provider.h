/* provider.h - the contract between the IP Helper layer (src/iphlp/) and the
 * kernel below it. iphlp/ asks for neutral records through the ops declared here
 * and never sees netlink; src/provider/linux/ implements them over rtnetlink,
 * another provider (a recorded or fake one for tests, a BSD one) plugs in through
 * provider_set() without touching iphlp/.
 *
 * The contract, for every call:
 *   - Returns 0 or a negative errno. -ENODEV: the interface asked for does not
 *     exist; -ENOMEM: memory ran out (every allocation is a wn_* one, so fault
 *     injection reaches it); -EAGAIN: the kernel kept changing the data under a
 *     dump (bounded retries exhausted); -EAFNOSUPPORT: the family's stack is
 *     absent; -EPERM/-EACCES: namespace selection refused; anything else: the
 *     kernel's own error.
 *   - Records are streamed: the provider calls the visitor once per record while
 *     it walks each receive buffer. A record and everything it points to are
 *     borrowed and valid during that call only; copy what you keep.
 *   - A visitor that returns a negative errno stops the walk; the provider returns
 *     that value unchanged and leaves nothing half-done behind (the next call starts
 *     clean).
 *   - Dumps are never torn: when the kernel reports a dump interrupted by a
 *     concurrent change, the provider calls the visitor's begin() again and
 *     replays the whole dump (up to PROVIDER_DUMP_TRIES times, then -EAGAIN). A
 *     visitor must therefore reset whatever it collected in begin().
 *   - Calls act on the calling thread's network namespace, or on the one the
 *     thread selected with winnet_set_thread_netns(); a thread that setns()es
 *     between calls is followed. Handles are per thread: calls from different
 *     threads never share a socket, so no call takes a lock. After fork() the
 *     child reopens its own handles on first use.
 */
#ifndef WINNET_PROVIDER_H
#define WINNET_PROVIDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PROVIDER_DUMP_TRIES 10

/* Linux RFC 2863 operational states (IFLA_OPERSTATE numbering). */
enum prov_oper {
        PROV_OPER_UNKNOWN = 0,
        PROV_OPER_NOTPRESENT = 1,
        PROV_OPER_DOWN = 2,
        PROV_OPER_LOWERLAYERDOWN = 3,
        PROV_OPER_TESTING = 4,
        PROV_OPER_DORMANT = 5,
        PROV_OPER_UP = 6,
};

/* Link flags (the IFF_* values of <net/if.h>, which every provider can fill). */
#define PROV_IFF_UP          0x1u
#define PROV_IFF_BROADCAST   0x2u
#define PROV_IFF_LOOPBACK    0x8u
#define PROV_IFF_POINTOPOINT 0x10u
#define PROV_IFF_RUNNING     0x40u
#define PROV_IFF_NOARP       0x80u
#define PROV_IFF_MULTICAST   0x1000u
#define PROV_IFF_LOWER_UP    0x10000u
#define PROV_IFF_DORMANT     0x20000u

/* 64-bit interface counters (the kernel's rtnl_link_stats64 subset we use). */
struct prov_stats {
        uint64_t rx_packets, tx_packets, rx_bytes, tx_bytes;
        uint64_t rx_errors, tx_errors, rx_dropped, tx_dropped;
        uint64_t multicast, rx_nohandler;
};

/* IPv6 router-advertisement state bits (ip_conf.ra_flags). */
#define PROV_RA_MANAGED   0x1u /* last RA had the M flag */
#define PROV_RA_OTHERCONF 0x2u /* last RA had the O flag */

/* Address generation modes of IPv6 link-local addresses (ip_conf.addr_gen_mode). */
enum prov_addr_gen { PROV_ADDR_GEN_EUI64 = 0, PROV_ADDR_GEN_NONE = 1, PROV_ADDR_GEN_OTHER = 2 };

/* Per-family settings of one link, with Linux devconf semantics. IPv4 fills only
 * present and forwarding; the rest is IPv6. */
struct prov_ip_conf {
        bool present;             /* the family's device exists on this link */
        bool disabled;            /* IPv6 disable_ipv6 is set */
        bool has_cacheinfo;       /* max_reasm_len/reachable_ms/retrans_ms are valid */
        int32_t forwarding;       /* conf forwarding (IPv6: the link's router role) */
        int32_t force_forwarding; /* IPv6 conf force_forwarding (Linux 6.17+; 0 before) */
        int32_t mtu;              /* IPv6 conf mtu (mtu6) */
        int32_t hop_limit;        /* IPv6 conf hop_limit */
        int32_t accept_ra;        /* 0 off, 1 on unless forwarding, 2 on */
        int32_t accept_ra_defrtr;
        int32_t accept_dad;    /* 0 off, 1 on, 2 on and disable IPv6 on failure */
        int32_t dad_transmits; /* conf dad_transmits */
        int32_t autoconf;
        uint32_t ra_flags;      /* PROV_RA_* */
        uint32_t addr_gen_mode; /* enum prov_addr_gen */
        uint32_t max_reasm_len; /* bytes */
        uint32_t reachable_ms;  /* current (randomised) reachable time */
        uint32_t retrans_ms;
        uint64_t token; /* IPv6 interface identifier token, network byte order, 0 if none */
};

/* One network interface. Strings are NUL-terminated; pointers are borrowed (see
 * the contract above). */
struct prov_link {
        uint32_t ifindex;
        uint16_t arphrd;        /* link-layer type, ARPHRD_* */
        uint32_t flags;         /* PROV_IFF_* */
        const char *name;       /* "eth0" */
        const char *alias;      /* ifalias, NULL when unset */
        const char *kind;       /* "veth", "bridge", ...; "tap" for a tun in TAP mode; NULL */
        const char *parent_bus; /* bus of the parent device ("pci"), NULL for virtual links */
        const char *parent_dev; /* parent device name ("0000:00:03.0"), NULL if none */
        uint8_t operstate;      /* enum prov_oper */
        int8_t carrier;         /* 1, 0, or -1 when not reported */
        uint32_t mtu;
        uint32_t txqlen;
        uint32_t link;            /* lower link ifindex (veth peer, macvlan lower), 0 if none */
        bool link_other_netns;    /* `link` lives in another namespace */
        uint32_t master;          /* bridge/bond master ifindex, 0 if none */
        bool speed_queryable;     /* the device may report a link speed (link_speed_*) */
        const uint8_t *addr;      /* link-layer address, addr_len bytes */
        const uint8_t *perm_addr; /* permanent address, NULL when the device has none */
        uint16_t addr_len;
        uint16_t perm_addr_len;
        bool has_stats; /* stats valid (asked for and reported) */
        struct prov_stats stats;
        struct prov_ip_conf inet;  /* IPv4 */
        struct prov_ip_conf inet6; /* IPv6 */
};

/* What a link walk must deliver beyond the basic attributes. */
#define PROV_WANT_STATS 0x1u /* counters (has_stats); without it none are reported */

/* Neighbour-discovery (ARP / NDP) timing of one link and family. */
struct prov_neigh_parms {
        uint32_t ifindex;
        int family;                 /* AF_INET or AF_INET6 */
        uint32_t base_reachable_ms; /* base of the randomised reachable time */
        uint32_t reachable_ms;      /* current reachable time */
        uint32_t retrans_ms;        /* retransmit (solicitation) interval */
};

/* Link speed as the device reports it. */
struct prov_link_speed {
        uint32_t ifindex;
        uint64_t bps; /* bits per second */
};

/* Visitors: begin() starts (or restarts, after an interrupted dump) a walk;
 * each record then goes to the typed callback. Either returns 0 or -errno. */
struct prov_link_visitor {
        int (*begin)(void *ctx);
        int (*link)(void *ctx, const struct prov_link *link);
        void *ctx;
};

struct prov_parms_visitor {
        int (*begin)(void *ctx);
        int (*parms)(void *ctx, const struct prov_neigh_parms *parms);
        void *ctx;
};

struct prov_speed_visitor {
        int (*begin)(void *ctx);
        int (*speed)(void *ctx, const struct prov_link_speed *speed);
        void *ctx;
};

/* ---- addresses, routes, neighbours and link layering ----
 * Numeric fields keep Linux's meanings (documented per field) so a provider can
 * fill them from any source; addresses are copied into the record (network byte
 * order, 4 bytes used for AF_INET). */

#define PROV_LIFETIME_INFINITE 0xffffffffu

/* Address flags: the IFA_F_* values. 0x01 is "temporary" for IPv6 and
 * "secondary" for IPv4. */
#define PROV_ADDR_F_TEMPORARY      0x001u
#define PROV_ADDR_F_NODAD          0x002u
#define PROV_ADDR_F_OPTIMISTIC     0x004u
#define PROV_ADDR_F_DADFAILED      0x008u
#define PROV_ADDR_F_DEPRECATED     0x020u
#define PROV_ADDR_F_TENTATIVE      0x040u
#define PROV_ADDR_F_PERMANENT      0x080u
#define PROV_ADDR_F_MANAGETEMP     0x100u
#define PROV_ADDR_F_STABLE_PRIVACY 0x800u

/* Who made an address (IFA_PROTO); UNSPEC when the kernel does not say. */
enum prov_addr_proto {
        PROV_ADDR_PROTO_UNSPEC = 0,
        PROV_ADDR_PROTO_KERNEL_LO = 1, /* loopback address */
        PROV_ADDR_PROTO_KERNEL_RA = 2, /* SLAAC from a router advertisement */
        PROV_ADDR_PROTO_KERNEL_LL = 3, /* IPv6 link-local made by the kernel */
};

/* Address scopes (RT_SCOPE_*). */
#define PROV_SCOPE_UNIVERSE 0
#define PROV_SCOPE_SITE     200
#define PROV_SCOPE_LINK     253
#define PROV_SCOPE_HOST     254

enum prov_addr_kind { PROV_ADDR_UNICAST = 0, PROV_ADDR_ANYCAST = 1, PROV_ADDR_MULTICAST = 2 };

/* One address of one interface. */
struct prov_addr {
        enum prov_addr_kind kind;
        uint8_t family; /* AF_INET or AF_INET6 */
        uint8_t prefixlen;
        uint8_t scope; /* PROV_SCOPE_* */
        uint8_t proto; /* enum prov_addr_proto */
        uint32_t ifindex;
        uint32_t flags; /* PROV_ADDR_F_* */
        uint8_t addr[16];
        bool has_cacheinfo;     /* the four times below are valid */
        uint32_t valid_lft;     /* seconds left, PROV_LIFETIME_INFINITE */
        uint32_t preferred_lft; /* seconds left, PROV_LIFETIME_INFINITE */
        uint32_t cstamp_cs;     /* created, hundredths of a second since boot */
        uint32_t tstamp_cs;     /* last changed, same clock */
};

/* Route types (RTN_*) and origins (RTPROT_*) keep Linux's numbers. */
#define PROV_RTN_UNICAST     1
#define PROV_RTN_LOCAL       2
#define PROV_RTN_BROADCAST   3
#define PROV_RTN_ANYCAST     4
#define PROV_RTN_MULTICAST   5
#define PROV_RTN_BLACKHOLE   6
#define PROV_RTN_UNREACHABLE 7
#define PROV_RTN_PROHIBIT    8
#define PROV_RTN_THROW       9

/* Route flags (rtm_flags). */
#define PROV_ROUTE_F_CLONED 0x200u /* a cached exception (path MTU, redirect) */
#define PROV_ROUTE_F_PREFIX 0x800u /* IPv6 prefix route from an RA prefix */

/* What a route walk returns. */
enum prov_route_set { PROV_ROUTES_FIB = 0, PROV_ROUTES_CACHED = 1 };

/* One next hop of one route: a multipath route is delivered as nh_count records
 * that share everything but the next-hop fields. */
struct prov_route {
        uint8_t family; /* AF_INET or AF_INET6 */
        uint8_t dst_len;
        uint8_t src_len;
        uint8_t tos;
        uint8_t protocol; /* RTPROT_* */
        uint8_t scope;    /* PROV_SCOPE_* */
        uint8_t type;     /* PROV_RTN_* */
        uint32_t table;
        uint32_t flags; /* PROV_ROUTE_F_* */
        uint8_t dst[16];
        uint8_t src[16];
        uint8_t prefsrc[16];
        bool has_prefsrc;
        bool has_priority;
        uint32_t priority;   /* RTA_PRIORITY */
        bool has_cacheinfo;  /* the two times below are valid */
        uint32_t expires_cs; /* hundredths of a second until expiry, 0 = never */
        uint32_t lastuse_cs; /* hundredths of a second since last used */
        uint32_t mtu;        /* RTAX_MTU, 0 when not set */
        uint32_t rtt_ms;     /* RTAX_RTT, 0 when not set */
        uint32_t rttvar_ms;  /* RTAX_RTTVAR, 0 when not set */
        /* this next hop */
        uint32_t oif;      /* 0 when the route has no interface (blackhole, ...) */
        uint8_t gw_family; /* 0: no gateway (on-link); may differ from family (RTA_VIA) */
        uint8_t gw[16];
        uint8_t weight;   /* 1..256 as `ip route` shows it, 0 when not multipath */
        uint8_t nh_flags; /* RTNH_F_* */
        uint16_t nh_index;
        uint16_t nh_count;
};

/* Neighbour states (NUD_*) and flags (NTF_*). */
#define PROV_NUD_NONE       0x00u
#define PROV_NUD_INCOMPLETE 0x01u
#define PROV_NUD_REACHABLE  0x02u
#define PROV_NUD_STALE      0x04u
#define PROV_NUD_DELAY      0x08u
#define PROV_NUD_PROBE      0x10u
#define PROV_NUD_FAILED     0x20u
#define PROV_NUD_NOARP      0x40u
#define PROV_NUD_PERMANENT  0x80u
#define PROV_NTF_ROUTER     0x80u

/* One neighbour-cache (ARP / NDP) entry. lladdr is borrowed. */
struct prov_neigh {
        uint8_t family;
        uint8_t flags;  /* PROV_NTF_* */
        uint16_t state; /* PROV_NUD_* */
        uint32_t ifindex;
        uint8_t addr[16];
        const uint8_t *lladdr; /* NULL when unresolved */
        uint16_t lladdr_len;
        bool has_cacheinfo;    /* the three ages below are valid */
        uint32_t confirmed_cs; /* hundredths of a second since last confirmed */
        uint32_t used_cs;
        uint32_t updated_cs;
};

/* What the stack tables need of a link: identity, type and layering. */
struct prov_link_brief {
        uint32_t ifindex;
        uint16_t arphrd;
        uint32_t flags; /* PROV_IFF_* */
        uint32_t mtu;
        const char *kind;  /* as in struct prov_link, borrowed */
        uint32_t master;   /* IFLA_MASTER, 0 if none */
        uint32_t link;     /* IFLA_LINK in this namespace, 0 if none or elsewhere */
        uint32_t kind_dev; /* the lower device a kind names in its own data (vxlan dev), 0 */
};

struct prov_addr_visitor {
        int (*begin)(void *ctx);
        int (*addr)(void *ctx, const struct prov_addr *a);
        void *ctx;
};

struct prov_route_visitor {
        int (*begin)(void *ctx);
        int (*route)(void *ctx, const struct prov_route *r);
        void *ctx;
};

struct prov_neigh_visitor {
        int (*begin)(void *ctx);
        int (*neigh)(void *ctx, const struct prov_neigh *n);
        void *ctx;
};

struct prov_brief_visitor {
        int (*begin)(void *ctx);
        int (*link)(void *ctx, const struct prov_link_brief *l);
        void *ctx;
};

/* Namespace-wide settings (sysctls) netlink does not carry. */
enum prov_ns_sysctl {
        PROV_SYSCTL_IPV4_MTU_EXPIRES,    /* seconds a learned path MTU lives */
        PROV_SYSCTL_IPV6_MTU_EXPIRES,    /* the same for IPv6 */
        PROV_SYSCTL_IPV6_ALL_ACCEPT_DAD, /* conf/all/accept_dad: DAD runs where it or the
                                            link's own accept_dad is at least 1 */
        PROV_SYSCTL_IPV6_ALL_FORWARDING, /* conf/all/forwarding: IPv6 forwards packets that
                                            arrive on any link while it is on */
        PROV_SYSCTL_COUNT
};

struct provider_ops {
        const char *name;
        /* Every link of the namespace, with its IPv4/IPv6 settings, in one dump. */
        int (*link_walk)(unsigned want, const struct prov_link_visitor *v);
        /* One link by ifindex (name NULL) or by name (ifindex 0): visits exactly
         * one record, or returns -ENODEV. */
        int (*link_get)(uint32_t ifindex, const char *name, unsigned want,
                        const struct prov_link_visitor *v);
        /* The ARP (AF_INET) or NDP (AF_INET6) timing of every link, or both
         * families for AF_UNSPEC. Links without a family device have no record. */
        int (*neigh_parms_walk)(int family, const struct prov_parms_visitor *v);
        /* Speeds of the links that report one; links that report none have no
         * record. -EOPNOTSUPP when the kernel offers no speed queries at all. */
        int (*link_speed_walk)(const struct prov_speed_visitor *v);
        /* Speed of one link: 0 and *ret_bps set, -ENODATA when it reports none. */
        int (*link_speed_get)(uint32_t ifindex, uint64_t *ret_bps);
        /* A namespace-wide setting netlink does not carry; -EAFNOSUPPORT when the
         * kernel has no such family. */
        int (*ns_sysctl)(enum prov_ns_sysctl which, int32_t *ret);
        /* Every link, briefly (no settings, no counters): cheaper than link_walk. */
        int (*link_brief_walk)(const struct prov_brief_visitor *v);
        /* Unicast, anycast or multicast addresses of `family` (AF_UNSPEC: both).
         * A family Linux keeps none of (IPv4 anycast) walks nothing. */
        int (*addr_walk)(int family, enum prov_addr_kind kind, const struct prov_addr_visitor *v);
        /* Routes of every table (PROV_ROUTES_FIB), or the cached exceptions
         * (PROV_ROUTES_CACHED: learned path MTUs, redirects), one record per next hop. */
        int (*route_walk)(int family, enum prov_route_set set, const struct prov_route_visitor *v);
        /* The neighbour caches (ARP, NDP) of `family` or both, proxy entries excluded. */
        int (*neigh_walk)(int family, const struct prov_neigh_visitor *v);
};

/* One API call's run of provider calls. Inside it the namespace the calling
 * thread reads is resolved once, at the first query, not at every query: a
 * thread cannot change namespace in the middle of a call it is making. Nestable;
 * every begin has its end, on the same thread. */
void provider_batch_begin(void);
void provider_batch_end(void);
/* Inside a batch: a number that is the same for the whole outermost batch and
 * differs from every earlier one of the thread. Outside: 0. */
uint64_t provider_batch_id(void);

/* The provider in force: the Linux one unless a test installed another. */
const struct provider_ops *provider(void);

/* Installs `ops` for the whole process (NULL restores the Linux provider).
 * For tests; not thread-safe against concurrent calls. */
void provider_set(const struct provider_ops *ops);

/* The Linux provider (src/provider/linux/). */
extern const struct provider_ops provider_linux;

#endif /* WINNET_PROVIDER_H */
