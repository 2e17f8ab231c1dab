/* notify.h - the change-notification subsystem's internals (docs/notifications.md):
 * per-namespace listeners (one thread, one event source each), the snapshots of
 * keys and parameter hashes they diff against, the events they produce and the
 * handles they deliver to. Lock order: registry lock, then a listener's lock,
 * then a handle's call lock; no lock but a handle's own call lock is held while a
 * user callback runs. */
#ifndef WINNET_IPHLP_NOTIFY_H
#define WINNET_IPHLP_NOTIFY_H

#include <pthread.h>
#include <semaphore.h>
#include <stdbool.h>
#include <stdint.h>

#include "iphlp.h"
#include "keyset.h"
#include "provider/events.h"

enum notify_kind { NK_IPIF = 0, NK_ADDR = 1, NK_ROUTE = 2, NK_STABLE = 3 };

/* One change: the keys of one row and what happened to it. */
struct notify_event {
        uint8_t kind;   /* NK_IPIF, NK_ADDR or NK_ROUTE */
        uint8_t type;   /* MIB_NOTIFICATION_TYPE */
        uint8_t family; /* AF_INET or AF_INET6 */
        uint8_t plen;   /* address prefix length, route destination length */
        uint16_t iftype;
        uint32_t ifindex;
        uint8_t addr[16]; /* the address; the route destination */
        uint8_t gw[16];   /* the route next hop, zeros when on-link */
};

/* ---- table keys (notify_keys.c) ---- */
struct nk_link_key {
        uint32_t ifindex;
};
struct nk_addr_key {
        uint8_t family, plen, pad[2];
        uint32_t ifindex;
        uint8_t addr[16];
};
struct nk_route_key {
        uint8_t family, dst_len, tos, pad;
        uint32_t table, priority, oif;
        uint8_t dst[16], gw[16];
};
void nk_addr_key_make(const struct prov_ev_addr *a, struct nk_addr_key *k);
uint64_t nk_addr_param_hash(const struct prov_ev_addr *a);
void nk_route_key_make(const struct prov_ev_route *r, struct nk_route_key *k);
/* The interface a route row names: its output interface, loopback when it has
 * none (as GetIpForwardTable2 reports it). */
uint32_t nk_route_ifindex(uint32_t oif);
uint64_t nk_route_param_hash(const struct prov_ev_route *r);
/* The route a next hop belongs to: its key without output interface and gateway
 * (what the kernel matches when it replaces a route). */
void nk_route_group_key(const struct nk_route_key *k, struct nk_route_key *ret);
/* Hashes of a link's IPv4 / IPv6 interface rows (0: the family has no row). */
void nk_link_param_hashes(const struct prov_link *l, uint64_t ret[2]);

/* ---- snapshot state (notify_state.c, notify_resync.c) ---- */
#define AUX_IFTYPE         0xffffu  /* aux, every table: the interface's IfType */
#define AUX_LINK_UP        0x10000u /* aux of a link: administratively up */
#define AUX_ADDR_TENTATIVE 0x10000u /* aux of an address: in duplicate address detection */
#define TABLE_GROUPS                                                            \
        (PROV_GRP_BIT(PROV_GRP_LINK) | PROV_GRP_BIT(PROV_GRP_IPV4_ADDR) |       \
         PROV_GRP_BIT(PROV_GRP_IPV6_ADDR) | PROV_GRP_BIT(PROV_GRP_IPV4_ROUTE) | \
         PROV_GRP_BIT(PROV_GRP_IPV6_ROUTE))
#define ADDR_GROUP(fi)  PROV_GRP_BIT((fi) ? PROV_GRP_IPV6_ADDR : PROV_GRP_IPV4_ADDR)
#define ROUTE_GROUP(fi) PROV_GRP_BIT((fi) ? PROV_GRP_IPV6_ROUTE : PROV_GRP_IPV4_ROUTE)
#define FAMILY_INDEX(f) ((f) == AF_INET6 ? 1 : 0)

struct notify_state {
        struct keyset links;         /* link_key: p[0]/p[1] IPv4/IPv6 row hashes, aux IfType|UP */
        struct keyset addrs[2];      /* addr_key per family (0 IPv4, 1 IPv6) */
        struct keyset routes[2];     /* route_key per family */
        struct keyset route_hops[2]; /* route group key -> aux: its next hops in routes[] */
        unsigned seeded;             /* PROV_GRP_BIT of the tables that are valid */
        unsigned tentative[2];       /* addresses in duplicate address detection */
        bool resync;                 /* events were lost: dump and diff everything */
        unsigned resync_groups;      /* tables to dump and diff at the end of the batch */
        struct notify_event *ev;     /* the batch's events */
        size_t nev, cap;
};

void state_init(struct notify_state *st);
void state_free(struct notify_state *st);
/* Dumps the tables of `groups` that are not valid yet (no events). 0 or -errno. */
int state_seed(struct notify_state *st, unsigned groups);
/* Forgets the tables of groups no longer joined. */
void state_drop(struct notify_state *st, unsigned groups);
/* The visitor that turns source records into events. */
void state_visitor(struct notify_state *st, struct prov_event_visitor *ret);
/* Runs the resynchronisations the batch asked for. 0 or -errno (retried later). */
int state_finish_batch(struct notify_state *st);
/* Room for n more events; false (and a resync is scheduled) when memory ran out. */
bool state_reserve(struct notify_state *st, size_t n);
void state_emit(struct notify_state *st, const struct notify_event *e);
uint16_t state_iftype(const struct notify_state *st, uint32_t ifindex);
/* Applying one record (shared by events and diffs). */
void state_link_apply(struct notify_state *st, const struct prov_link *l);
void state_link_gone(struct notify_state *st, uint32_t ifindex);
/* notify_resync.c: dump and diff one table, emitting what changed (or nothing
 * when `emit` is false: seeding). */
int resync_links(struct notify_state *st, bool emit);
int resync_addrs(struct notify_state *st, int fi, bool emit);
int resync_routes(struct notify_state *st, int fi, bool emit);
/* Counts the next hops of every route of routes[fi] again. 0 or -ENOMEM. */
int route_hops_rebuild(struct notify_state *st, int fi);
void event_from_addr_key(const struct nk_addr_key *k, uint16_t iftype, uint8_t type,
                         struct notify_event *e);
void event_from_route_key(const struct nk_route_key *k, uint16_t iftype, uint8_t type,
                          struct notify_event *e);

/* ---- handles (notify_handle.c) ---- */
struct listener;

/* The caller's callback, by kind. */
union notify_callback {
        PIPINTERFACE_CHANGE_CALLBACK ipif;
        PUNICAST_IPADDRESS_CHANGE_CALLBACK addr;
        PIPFORWARD_CHANGE_CALLBACK route;
        PSTABLE_UNICAST_IPADDRESS_TABLE_CALLBACK stable;
};

struct notify_handle {
        uint32_t magic;
        uintptr_t id; /* the HANDLE the caller holds: never reused (handle_new) */
        uint8_t kind; /* enum notify_kind */
        uint8_t family;
        bool fired;           /* NK_STABLE: its one callback ran (listener thread only) */
        bool cancelled;       /* under call_lock: no callback will start any more */
        bool cancel_deferred; /* cancelled from inside its own callback */
        bool stop_listener;   /* ... and it was the listener's last handle */
        union notify_callback callback;
        void *ctx;
        struct listener *listener;
        struct notify_handle *prev, *next; /* in the listener's list */
        pthread_mutex_t call_lock;         /* serialises callbacks, cancel waits on it */
        pthread_t caller;                  /* atomic; valid while in_call */
        int in_call;                       /* atomic */
        unsigned refs;                     /* atomic */
};
#define NOTIFY_HANDLE_MAGIC 0x4e6f7446u /* "NotF" */

int handle_new(enum notify_kind kind, ADDRESS_FAMILY family, union notify_callback callback,
               void *ctx, struct notify_handle **ret);
/* The value the caller gets: the handle's id, not its address (memory is
 * reused; an id never is, so a stale handle cannot name a newer one). */
static inline HANDLE handle_public(const struct notify_handle *h)
{
        return (HANDLE)h->id;
}
void handle_ref(struct notify_handle *h);
void handle_unref(struct notify_handle *h);
/* Runs fn(h, arg) under the call lock unless the handle was cancelled, then
 * completes a cancel made from inside the callback. */
void handle_call(struct notify_handle *h, void (*fn)(struct notify_handle *h, void *arg),
                 void *arg);
/* The groups a handle needs. */
unsigned handle_groups(const struct notify_handle *h);
/* The tables whose snapshots it needs (a subset of its groups). */
unsigned handle_tables(const struct notify_handle *h);
/* Delivers one event to one handle when kind and family match. */
void handle_deliver(struct notify_handle *h, const struct notify_event *e);
/* The initial notification comes before any change: the registering thread
 * takes the call lock before the handle is linked (handle_hold), and the
 * listener's deliveries wait on it until handle_initial_held has run the
 * callback and released it (or handle_release, when registration failed). */
void handle_hold(struct notify_handle *h);
void handle_release(struct notify_handle *h);
void handle_initial_held(struct notify_handle *h);

/* ---- listeners (notify_listener.c, notify_thread.c) ---- */
struct listener {
        struct listener *next; /* registry */
        struct prov_netns ns;
        unsigned fork_gen;
        bool inherited;       /* in a child of fork: the descriptors were closed at fork */
        pthread_mutex_t lock; /* everything below but the thread's own fields */
        struct prov_event_source *src;
        struct notify_state st;
        struct notify_handle *handles;
        size_t nhandles;
        unsigned groups;
        /* the thread */
        pthread_t thread;
        sem_t started;
        int start_err;
        int wake_fd;
        int stopping;                /* atomic */
        int self_free;               /* atomic: the thread frees the listener when it ends */
        struct notify_handle **snap; /* the thread's handle snapshot */
        size_t snap_cap;
        struct notify_handle **spare; /* a bigger one, swapped in by the thread */
        size_t spare_cap;
        struct notify_event *ev; /* events being delivered */
        size_t ev_cap;
};

/* notify_listener.c: registration and cancellation. Register returns 1 instead
 * of linking a NK_STABLE handle whose family has no address in DAD. */
int listener_register(struct notify_handle *h);
/* Cancels the live handle whose public value is `handle`; -EINVAL for any
 * other value (never was, already cancelled or released). */
int listener_cancel_public(HANDLE handle);
/* The same for a handle the library holds a reference on. */
int listener_cancel(struct notify_handle *h);
/* Completes a cancel deferred by a callback that cancelled its own handle. */
void listener_finish_deferred(struct notify_handle *h);

/* notify_thread.c */
int listener_thread_start(struct listener *l);
/* Stops the thread (joining it, or letting it end on its own when called from
 * it) and frees the listener. */
void listener_stop(struct listener *l);
void listener_free(struct listener *l);

/* notify_stable.c */
void stable_fire(struct notify_handle *h);

/* Counters for tests and the CLI (notify_listener.c). */
struct notify_stats {
        unsigned long overruns;  /* lost-event reports from the kernel */
        unsigned long resyncs;   /* full dump-and-diff passes */
        unsigned long listeners; /* live listener threads */
        unsigned long events;    /* events produced */
};
void notify_stats_get(struct notify_stats *ret);
void notify_stats_add(unsigned long *counter, unsigned long n);
extern struct notify_stats notify_counters;

/* ---- the APIs, once each (notify_api.c) ---- */
int iphlp_notify_change(enum notify_kind kind, ADDRESS_FAMILY family, union notify_callback cb,
                        void *ctx, BOOLEAN initial, HANDLE *ret_handle);
/* 0 with *table set, or 1 (pending) with *ret_handle set, or -errno. */
int iphlp_notify_stable(ADDRESS_FAMILY family, PMIB_UNICASTIPADDRESS_TABLE *table,
                        PSTABLE_UNICAST_IPADDRESS_TABLE_CALLBACK cb, void *ctx, HANDLE *ret_handle,
                        struct alloc_site site);
int iphlp_notify_cancel(HANDLE handle);

#endif /* WINNET_IPHLP_NOTIFY_H */
