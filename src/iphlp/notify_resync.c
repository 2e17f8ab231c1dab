/* notify_resync.c - dump and diff: a table is read whole into a fresh set, the
 * differences with the snapshot become events (deletions first, then additions
 * and parameter changes), and the fresh set replaces the snapshot. Seeding is the
 * same pass without events. A failed dump leaves the snapshot as it was and the
 * resynchronisation pending. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "notify.h"

void event_from_addr_key(const struct nk_addr_key *k, uint16_t iftype, uint8_t type,
                         struct notify_event *e)
{
        memset(e, 0, sizeof(*e));
        e->kind = NK_ADDR;
        e->type = type;
        e->family = k->family;
        e->plen = k->plen;
        e->iftype = iftype;
        e->ifindex = k->ifindex;
        memcpy(e->addr, k->addr, sizeof(e->addr));
}

void event_from_route_key(const struct nk_route_key *k, uint16_t iftype, uint8_t type,
                          struct notify_event *e)
{
        memset(e, 0, sizeof(*e));
        e->kind = NK_ROUTE;
        e->type = type;
        e->family = k->family;
        e->plen = k->dst_len;
        e->iftype = iftype;
        e->ifindex = nk_route_ifindex(k->oif);
        memcpy(e->addr, k->dst, sizeof(e->addr));
        memcpy(e->gw, k->gw, sizeof(e->gw));
}

/* ---- collecting a fresh table ---- */

struct collect {
        struct notify_state *st;
        struct keyset fresh;
        unsigned tentative;
};

static int collect_begin(void *p)
{
        struct collect *c = p;
        size_t key_size = c->fresh.key_size;

        keyset_free(&c->fresh);
        keyset_init(&c->fresh, key_size);
        c->tentative = 0;
        return 0;
}

static int collect_link(void *p, const struct prov_link *l)
{
        struct collect *c = p;
        struct nk_link_key k = {l->ifindex};
        struct keyset_entry *e;
        struct link_class cls;
        bool fresh;
        int r = keyset_put(&c->fresh, &k, &e, &fresh);

        if (r < 0)
                return r;
        nk_link_param_hashes(l, e->p);
        link_classify(l, &cls);
        e->aux = (uint16_t)cls.type | ((l->flags & PROV_IFF_UP) ? AUX_LINK_UP : 0);
        e->aux2 = l->mtu;
        return 0;
}

static int collect_addr(void *p, const struct prov_ev_addr *a)
{
        struct collect *c = p;
        struct keyset_entry *e;
        struct nk_addr_key k;
        bool fresh,
            tent = (a->flags & PROV_EV_ADDR_TENTATIVE) && !(a->flags & PROV_EV_ADDR_DADFAILED);
        int r;

        nk_addr_key_make(a, &k);
        r = keyset_put(&c->fresh, &k, &e, &fresh);
        if (r < 0)
                return r;
        e->p[0] = nk_addr_param_hash(a);
        e->aux = state_iftype(c->st, a->ifindex) | (tent ? AUX_ADDR_TENTATIVE : 0);
        c->tentative += tent && fresh;
        return 0;
}

static int collect_route(void *p, const struct prov_ev_route *rt)
{
        struct collect *c = p;
        struct keyset_entry *e;
        struct nk_route_key k;
        bool fresh;
        int r;

        nk_route_key_make(rt, &k);
        r = keyset_put(&c->fresh, &k, &e, &fresh);
        if (r < 0)
                return r;
        e->p[0] = nk_route_param_hash(rt);
        e->aux = state_iftype(c->st, nk_route_ifindex(rt->oif));
        return 0;
}

/* ---- diffs ---- */

typedef void (*emit_key_fn)(struct notify_state *st, const struct keyset_entry *e, uint8_t type);

static void emit_addr(struct notify_state *st, const struct keyset_entry *e, uint8_t type)
{
        struct notify_event ev;

        event_from_addr_key((const struct nk_addr_key *)e->key, (uint16_t)(e->aux & AUX_IFTYPE),
                            type, &ev);
        state_emit(st, &ev);
}

static void emit_route(struct notify_state *st, const struct keyset_entry *e, uint8_t type)
{
        struct notify_event ev;

        event_from_route_key((const struct nk_route_key *)e->key, (uint16_t)(e->aux & AUX_IFTYPE),
                             type, &ev);
        state_emit(st, &ev);
}

static void emit_link(struct notify_state *st, const struct keyset_entry *e, uint8_t type, int fi)
{
        struct notify_event ev = {
            NK_IPIF, type, fi ? AF_INET6 : AF_INET, 0, (uint16_t)(e->aux & AUX_IFTYPE), 0,
            {0},     {0}};

        ev.ifindex = ((const struct nk_link_key *)e->key)->ifindex;
        state_emit(st, &ev);
}

/* One-hash tables (addresses, routes): the caller reserved room for every event. */
static void diff_keys(struct notify_state *st, const struct keyset *old, const struct keyset *fresh,
                      emit_key_fn emit)
{
        size_t i;

        for (i = 0; i < old->cap; i++) {
                const struct keyset_entry *e = keyset_slot(old, i);

                if (e && !keyset_find(fresh, e->key))
                        emit(st, e, MibDeleteInstance);
        }
        for (i = 0; i < fresh->cap; i++) {
                const struct keyset_entry *e = keyset_slot(fresh, i), *o;

                if (!e)
                        continue;
                o = keyset_find(old, e->key);
                if (!o)
                        emit(st, e, MibAddInstance);
                else if (o->p[0] != e->p[0])
                        emit(st, e, MibParameterNotification);
        }
}

static void diff_link_rows(struct notify_state *st, const struct keyset_entry *o,
                           const struct keyset_entry *e)
{
        int fi;

        for (fi = 0; fi < 2; fi++) {
                uint64_t was = o ? o->p[fi] : 0, now = e->p[fi];

                if (!was && now)
                        emit_link(st, e, MibAddInstance, fi);
                else if (was && !now)
                        emit_link(st, o, MibDeleteInstance, fi);
                else if (was != now)
                        emit_link(st, e, MibParameterNotification, fi);
        }
        if (o && (o->aux & AUX_LINK_UP) && !(e->aux & AUX_LINK_UP))
                st->resync_groups |= ROUTE_GROUP(0) | ROUTE_GROUP(1);
}

static void diff_links(struct notify_state *st, const struct keyset *old,
                       const struct keyset *fresh)
{
        size_t i;
        int fi;

        for (i = 0; i < old->cap; i++) {
                const struct keyset_entry *e = keyset_slot(old, i);

                if (!e || keyset_find(fresh, e->key))
                        continue;
                for (fi = 0; fi < 2; fi++)
                        if (e->p[fi])
                                emit_link(st, e, MibDeleteInstance, fi);
                st->resync_groups |= TABLE_GROUPS & ~PROV_GRP_BIT(PROV_GRP_LINK);
        }
        for (i = 0; i < fresh->cap; i++) {
                const struct keyset_entry *e = keyset_slot(fresh, i);

                if (e)
                        diff_link_rows(st, keyset_find(old, e->key), e);
        }
}

/* Reserves room for the worst case, diffs, and installs the fresh set. */
static int install(struct notify_state *st, struct keyset *snap, struct collect *c, bool emit,
                   size_t per_key,
                   void (*diff)(struct notify_state *, const struct keyset *, const struct keyset *,
                                emit_key_fn),
                   emit_key_fn fn)
{
        if (emit && !state_reserve(st, per_key * (snap->n + c->fresh.n))) {
                keyset_free(&c->fresh);
                return -ENOMEM;
        }
        if (emit && diff)
                diff(st, snap, &c->fresh, fn);
        else if (emit)
                diff_links(st, snap, &c->fresh);
        keyset_swap(snap, &c->fresh);
        keyset_free(&c->fresh);
        return 0;
}

int resync_links(struct notify_state *st, bool emit)
{
        struct collect c = {st, {0}, 0};
        struct prov_link_visitor v = {collect_begin, collect_link, &c};
        int r;

        keyset_init(&c.fresh, sizeof(struct nk_link_key));
        r = provider()->link_walk(0, &v);
        if (r < 0) {
                keyset_free(&c.fresh);
                return r;
        }
        return install(st, &st->links, &c, emit, 2, NULL, NULL);
}

int resync_addrs(struct notify_state *st, int fi, bool emit)
{
        struct collect c = {st, {0}, 0};
        struct prov_addr_key_visitor v = {collect_begin, collect_addr, &c};
        int r;

        keyset_init(&c.fresh, sizeof(struct nk_addr_key));
        r = provider_events()->addr_walk(fi ? AF_INET6 : AF_INET, &v);
        if (r < 0 && r != -EAFNOSUPPORT) {
                keyset_free(&c.fresh);
                return r;
        }
        r = install(st, &st->addrs[fi], &c, emit, 1, diff_keys, emit_addr);
        if (r == 0)
                st->tentative[fi] = c.tentative;
        return r;
}

int resync_routes(struct notify_state *st, int fi, bool emit)
{
        struct collect c = {st, {0}, 0};
        struct prov_route_key_visitor v = {collect_begin, collect_route, &c};
        int r;

        keyset_init(&c.fresh, sizeof(struct nk_route_key));
        r = provider_events()->route_walk(fi ? AF_INET6 : AF_INET, &v);
        if (r < 0 && r != -EAFNOSUPPORT) {
                keyset_free(&c.fresh);
                return r;
        }
        r = install(st, &st->routes[fi], &c, emit, 1, diff_keys, emit_route);
        return r < 0 ? r : route_hops_rebuild(st, fi);
}

/* ---- per group ---- */

static int resync_group(struct notify_state *st, unsigned g, bool emit)
{
        switch (g) {
        case PROV_GRP_LINK:
                return resync_links(st, emit);
        case PROV_GRP_IPV4_ADDR:
        case PROV_GRP_IPV6_ADDR:
                return resync_addrs(st, g == PROV_GRP_IPV6_ADDR, emit);
        case PROV_GRP_IPV4_ROUTE:
        case PROV_GRP_IPV6_ROUTE:
                return resync_routes(st, g == PROV_GRP_IPV6_ROUTE, emit);
        default:
                return 0;
        }
}

/* The enum order (links, addresses, routes) is the order tables must be read in:
 * addresses and routes take their IfType from the links. */
int state_seed(struct notify_state *st, unsigned groups)
{
        unsigned need = groups & TABLE_GROUPS & ~st->seeded, g;
        int r;

        for (g = 0; g < PROV_GRP_COUNT; g++) {
                if (!(need & PROV_GRP_BIT(g)))
                        continue;
                r = resync_group(st, g, false);
                if (r < 0)
                        return r;
                st->seeded |= PROV_GRP_BIT(g);
        }
        return 0;
}

void state_drop(struct notify_state *st, unsigned groups)
{
        unsigned gone = st->seeded & ~groups, g;

        for (g = 0; g < PROV_GRP_COUNT; g++) {
                if (!(gone & PROV_GRP_BIT(g)))
                        continue;
                if (g == PROV_GRP_LINK)
                        keyset_free(&st->links);
                else if (g == PROV_GRP_IPV4_ADDR || g == PROV_GRP_IPV6_ADDR)
                        keyset_free(&st->addrs[g == PROV_GRP_IPV6_ADDR]);
                else {
                        keyset_free(&st->routes[g == PROV_GRP_IPV6_ROUTE]);
                        keyset_free(&st->route_hops[g == PROV_GRP_IPV6_ROUTE]);
                }
                if (g == PROV_GRP_IPV4_ADDR || g == PROV_GRP_IPV6_ADDR)
                        st->tentative[g == PROV_GRP_IPV6_ADDR] = 0;
        }
        st->seeded &= groups;
}

int state_finish_batch(struct notify_state *st)
{
        unsigned g;
        int r;

        if (st->resync) {
                st->resync = false;
                st->resync_groups |= st->seeded;
                notify_stats_add(&notify_counters.resyncs, 1);
        }
        for (g = 0; g < PROV_GRP_COUNT; g++) {
                unsigned bit = PROV_GRP_BIT(g);

                if (!(st->resync_groups & bit & st->seeded))
                        continue;
                r = resync_group(st, g, true);
                if (r < 0)
                        return r; /* still pending: retried after a pause */
                st->resync_groups &= ~bit;
        }
        st->resync_groups &= st->seeded;
        return 0;
}
