/* notify_state.c - a listener's snapshot and the events it derives from the
 * kernel's change records: each record is compared with the snapshot (new key:
 * MibAddInstance; known key, other parameter hash: MibParameterNotification;
 * removal of a known key: MibDeleteInstance; anything else: nothing), then the
 * snapshot is updated. Room for an event is reserved before the snapshot
 * changes, so running out of memory never loses a change silently: the record is
 * dropped whole and a resynchronisation finds it later. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "alloc.h"
#include "notify.h"

void state_init(struct notify_state *st)
{
        int i;

        memset(st, 0, sizeof(*st));
        keyset_init(&st->links, sizeof(struct nk_link_key));
        for (i = 0; i < 2; i++) {
                keyset_init(&st->addrs[i], sizeof(struct nk_addr_key));
                keyset_init(&st->routes[i], sizeof(struct nk_route_key));
                keyset_init(&st->route_hops[i], sizeof(struct nk_route_key));
        }
}

void state_free(struct notify_state *st)
{
        int i;

        keyset_free(&st->links);
        for (i = 0; i < 2; i++) {
                keyset_free(&st->addrs[i]);
                keyset_free(&st->routes[i]);
                keyset_free(&st->route_hops[i]);
        }
        wn_free(st->ev);
        st->ev = NULL;
        st->nev = st->cap = 0;
}

bool state_reserve(struct notify_state *st, size_t n)
{
        size_t cap = st->cap ? st->cap : 64;
        struct notify_event *bigger;

        if (st->nev + n <= st->cap)
                return true;
        while (cap < st->nev + n)
                cap *= 2;
        bigger = wn_realloc(st->ev, cap * sizeof(*bigger));
        if (!bigger) {
                st->resync = true;
                return false;
        }
        st->ev = bigger;
        st->cap = cap;
        return true;
}

void state_emit(struct notify_state *st, const struct notify_event *e)
{
        st->ev[st->nev++] = *e;
        notify_stats_add(&notify_counters.events, 1);
}

uint16_t state_iftype(const struct notify_state *st, uint32_t ifindex)
{
        struct nk_link_key k = {ifindex};
        const struct keyset_entry *e = keyset_find(&st->links, &k);

        return e ? (uint16_t)(e->aux & AUX_IFTYPE) : IF_TYPE_OTHER;
}

static void link_refresh(struct notify_state *st, uint32_t ifindex);

static void emit_ipif(struct notify_state *st, uint8_t type, int fi, uint32_t ifindex,
                      uint16_t iftype)
{
        struct notify_event e = {NK_IPIF, type, fi ? AF_INET6 : AF_INET, 0, iftype, ifindex,
                                 {0},     {0}};

        state_emit(st, &e);
}

/* Interface rows of one family: appear, vanish or change with the link. */
static void diff_family(struct notify_state *st, int fi, uint64_t was, uint64_t now,
                        uint32_t ifindex, uint16_t iftype)
{
        if (!was && now)
                emit_ipif(st, MibAddInstance, fi, ifindex, iftype);
        else if (was && !now)
                emit_ipif(st, MibDeleteInstance, fi, ifindex, iftype);
        else if (was != now)
                emit_ipif(st, MibParameterNotification, fi, ifindex, iftype);
}

void state_link_apply(struct notify_state *st, const struct prov_link *l)
{
        struct nk_link_key k = {l->ifindex};
        struct keyset_entry *e;
        struct link_class cls;
        uint64_t h[2], was[2] = {0, 0};
        bool fresh, was_up = false, mtu_changed;
        int fi;

        nk_link_param_hashes(l, h);
        link_classify(l, &cls);
        if (!state_reserve(st, 2))
                return;
        if (keyset_put(&st->links, &k, &e, &fresh) < 0) {
                st->resync = true;
                return;
        }
        if (!fresh) {
                was[0] = e->p[0], was[1] = e->p[1];
                was_up = e->aux & AUX_LINK_UP;
        }
        for (fi = 0; fi < 2; fi++)
                diff_family(st, fi, was[fi], h[fi], l->ifindex, (uint16_t)cls.type);
        e->p[0] = h[0], e->p[1] = h[1];
        e->aux = (uint16_t)cls.type | ((l->flags & PROV_IFF_UP) ? AUX_LINK_UP : 0);
        mtu_changed = !fresh && e->aux2 != l->mtu;
        e->aux2 = l->mtu;
        /* A link going down takes its IPv4 routes with it without a word. */
        if (was_up && !(l->flags & PROV_IFF_UP))
                st->resync_groups |= ROUTE_GROUP(0) | ROUTE_GROUP(1);
        /* The kernel announces a new MTU before IPv6 adopts it (its mtu6 in this
         * message is the old one): read the link again, now that it has. */
        if (mtu_changed && l->inet6.present && (uint32_t)l->inet6.mtu != l->mtu)
                link_refresh(st, l->ifindex);
}

void state_link_gone(struct notify_state *st, uint32_t ifindex)
{
        struct nk_link_key k = {ifindex};
        struct keyset_entry *e = keyset_find(&st->links, &k);
        int fi;

        if (!e || !state_reserve(st, 2))
                return;
        for (fi = 0; fi < 2; fi++)
                diff_family(st, fi, e->p[fi], 0, ifindex, (uint16_t)(e->aux & AUX_IFTYPE));
        keyset_remove(&st->links, &k);
        /* Routes (and stragglers of addresses) of a vanished link may go silently. */
        st->resync_groups |= ROUTE_GROUP(0) | ROUTE_GROUP(1) | ADDR_GROUP(0) | ADDR_GROUP(1);
}

static bool addr_tentative(const struct prov_ev_addr *a)
{
        return (a->flags & PROV_EV_ADDR_TENTATIVE) && !(a->flags & PROV_EV_ADDR_DADFAILED);
}

static void addr_apply(struct notify_state *st, const struct prov_ev_addr *a)
{
        int fi = FAMILY_INDEX(a->family);
        struct notify_event ev;
        struct keyset_entry *e;
        struct nk_addr_key k;
        uint64_t h = nk_addr_param_hash(a);
        bool fresh;

        nk_addr_key_make(a, &k);
        if (!state_reserve(st, 1))
                return;
        if (keyset_put(&st->addrs[fi], &k, &e, &fresh) < 0) {
                st->resync = true;
                return;
        }
        if (!fresh && e->p[0] == h)
                return;
        if (!fresh && (e->aux & AUX_ADDR_TENTATIVE))
                st->tentative[fi]--;
        if (fresh)
                e->aux = state_iftype(st, a->ifindex);
        e->aux = (e->aux & AUX_IFTYPE) | (addr_tentative(a) ? AUX_ADDR_TENTATIVE : 0);
        st->tentative[fi] += addr_tentative(a);
        e->p[0] = h;
        event_from_addr_key(&k, (uint16_t)(e->aux & AUX_IFTYPE),
                            fresh ? MibAddInstance : MibParameterNotification, &ev);
        state_emit(st, &ev);
}

static void addr_gone(struct notify_state *st, const struct prov_ev_addr *a)
{
        int fi = FAMILY_INDEX(a->family);
        struct notify_event ev;
        struct keyset_entry *e;
        struct nk_addr_key k;

        nk_addr_key_make(a, &k);
        e = keyset_find(&st->addrs[fi], &k);
        if (!e || !state_reserve(st, 1))
                return;
        if (e->aux & AUX_ADDR_TENTATIVE)
                st->tentative[fi]--;
        event_from_addr_key(&k, (uint16_t)(e->aux & AUX_IFTYPE), MibDeleteInstance, &ev);
        state_emit(st, &ev);
        keyset_remove(&st->addrs[fi], &k);
}

/* Counts a next hop in (delta 1) or out (delta -1) of its route. */
static int route_hops_add(struct notify_state *st, int fi, const struct nk_route_key *k, int delta)
{
        struct keyset_entry *e;
        struct nk_route_key g;
        bool fresh;

        nk_route_group_key(k, &g);
        if (delta < 0) {
                e = keyset_find(&st->route_hops[fi], &g);
                if (e && --e->aux == 0)
                        keyset_remove(&st->route_hops[fi], &g);
                return 0;
        }
        if (keyset_put(&st->route_hops[fi], &g, &e, &fresh) < 0)
                return -ENOMEM;
        e->aux++;
        return 0;
}

int route_hops_rebuild(struct notify_state *st, int fi)
{
        size_t i;

        keyset_free(&st->route_hops[fi]);
        for (i = 0; i < st->routes[fi].cap; i++) {
                const struct keyset_entry *e = keyset_slot(&st->routes[fi], i);

                if (e && route_hops_add(st, fi, (const struct nk_route_key *)e->key, 1) < 0) {
                        keyset_free(&st->route_hops[fi]);
                        return -ENOMEM;
                }
        }
        return 0;
}

/* The snapshot's next hops of k's route other than k itself. */
static unsigned route_other_hops(const struct notify_state *st, int fi,
                                 const struct nk_route_key *k, bool known)
{
        const struct keyset_entry *e;
        struct nk_route_key g;

        nk_route_group_key(k, &g);
        e = keyset_find(&st->route_hops[fi], &g);
        return e ? e->aux - (known ? 1u : 0u) : 0;
}

static void route_apply(struct notify_state *st, const struct prov_ev_route *r, bool deleted)
{
        int fi = FAMILY_INDEX(r->family);
        uint64_t h = nk_route_param_hash(r);
        struct notify_event ev;
        struct keyset_entry *e;
        struct nk_route_key k;
        bool fresh;

        nk_route_key_make(r, &k);
        e = keyset_find(&st->routes[fi], &k);
        /* A new route message for a route that has other next hops: it may replace
         * them (NLM_F_REPLACE, a multipath set changed), and the kernel says nothing
         * of the next hops it dropped. Find out by dump and diff. */
        if (!deleted && route_other_hops(st, fi, &k, e != NULL))
                st->resync_groups |= ROUTE_GROUP(fi);
        if ((deleted && !e) || (!deleted && e && e->p[0] == h) || !state_reserve(st, 1))
                return;
        if (deleted) {
                event_from_route_key(&k, (uint16_t)e->aux, MibDeleteInstance, &ev);
                keyset_remove(&st->routes[fi], &k);
                route_hops_add(st, fi, &k, -1);
        } else {
                if (!e && route_hops_add(st, fi, &k, 1) < 0) {
                        st->resync = true;
                        return;
                }
                if (keyset_put(&st->routes[fi], &k, &e, &fresh) < 0) {
                        route_hops_add(st, fi, &k, -1);
                        st->resync = true;
                        return;
                }
                if (fresh)
                        e->aux = state_iftype(st, nk_route_ifindex(r->oif));
                e->p[0] = h;
                event_from_route_key(&k, (uint16_t)e->aux,
                                     fresh ? MibAddInstance : MibParameterNotification, &ev);
        }
        state_emit(st, &ev);
}

/* ---- the source visitor ---- */

static int on_link(void *ctx, const struct prov_link *l, bool deleted)
{
        const struct notify_state *st = ctx;

        if (!(st->seeded & PROV_GRP_BIT(PROV_GRP_LINK)))
                return 0;
        if (deleted)
                state_link_gone(ctx, l->ifindex);
        else
                state_link_apply(ctx, l);
        return 0;
}

static int refresh_one(void *ctx, const struct prov_link *l)
{
        state_link_apply(ctx, l);
        return 0;
}

/* Fetches one link again (a vanished link sends its own deletion). */
static void link_refresh(struct notify_state *st, uint32_t ifindex)
{
        struct prov_link_visitor v = {NULL, refresh_one, st};
        int r = provider()->link_get(ifindex, NULL, 0, &v);

        if (r < 0 && r != -ENODEV)
                st->resync_groups |= PROV_GRP_BIT(PROV_GRP_LINK);
}

/* A per-family setting changed: fetch the link again (or all of them). */
static int on_refresh(void *ctx, uint32_t ifindex)
{
        struct notify_state *st = ctx;

        if (!(st->seeded & PROV_GRP_BIT(PROV_GRP_LINK)))
                return 0;
        if (!ifindex)
                st->resync_groups |= PROV_GRP_BIT(PROV_GRP_LINK);
        else
                link_refresh(st, ifindex);
        return 0;
}

static int on_addr(void *ctx, const struct prov_ev_addr *a, bool deleted)
{
        struct notify_state *st = ctx;

        if (!(st->seeded & ADDR_GROUP(FAMILY_INDEX(a->family))))
                return 0; /* not watched (any more): the seed dump will see it */
        if (deleted)
                addr_gone(st, a);
        else
                addr_apply(st, a);
        return 0;
}

/* The multicast route (ff00::/8, table local) the kernel gives a link when its
 * IPv6 device starts and takes when it stops (loopback: its ::1 route): with
 * disable_ipv6 (set on the link, or on "all") that is the only message, no link
 * or netconf message follows. A link without carrier has no such route, so its
 * row changes unannounced until its next link message. */
static bool ipv6_device_route(const struct prov_ev_route *r)
{
        static const uint8_t loopback[16] = {[15] = 1};

        if (r->family != AF_INET6 || !r->oif)
                return false;
        if (r->type == PROV_RTN_MULTICAST)
                return r->dst_len == 8 && r->dst[0] == 0xff;
        return r->type == PROV_RTN_LOCAL && r->dst_len == 128 && !memcmp(r->dst, loopback, 16);
}

static int on_route(void *ctx, const struct prov_ev_route *r, bool deleted)
{
        struct notify_state *st = ctx;

        if (ipv6_device_route(r) && (st->seeded & PROV_GRP_BIT(PROV_GRP_LINK)))
                link_refresh(st, r->oif);
        if (st->seeded & ROUTE_GROUP(FAMILY_INDEX(r->family)))
                route_apply(st, r, deleted);
        return 0;
}

void state_visitor(struct notify_state *st, struct prov_event_visitor *ret)
{
        *ret = (struct prov_event_visitor){on_link, on_refresh, on_addr, on_route, st};
}
