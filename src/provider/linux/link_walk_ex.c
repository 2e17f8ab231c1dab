/* link_walk_ex.c - a link dump with its side dumps (ethtool link speeds, ARP/NDP
 * timing) running at the same time on the calling thread's helper, so a table
 * that needs both costs about the longer of the two walks instead of their sum.
 * Side records are collected while the links stream in and visited after the
 * last link. A side dump the helper cannot run (no helper thread, a socket to
 * reopen) runs on the calling thread afterwards: same result, just not overlapped. */
#include <errno.h>
#include <string.h>

#include "alloc.h"
#include "provider/linux/nl.h"

struct side {
        struct nl_state *st;
        int ethtool_family; /* 0: no speeds (not asked for, or no ethtool netlink) */
        int parms_family;   /* -1: no neighbour timing asked for */
        bool on_helper;
        struct prov_link_speed *speeds;
        size_t nspeeds, speeds_cap;
        struct prov_neigh_parms *parms;
        size_t nparms, parms_cap;
};

/* Makes room for one more element of `size` bytes. 0 or -ENOMEM. */
static int reserve(void **arr, size_t *cap, size_t n, size_t size)
{
        size_t want = *cap ? *cap * 2 : 256;
        void *bigger;

        if (n < *cap)
                return 0;
        bigger = wn_realloc(*arr, want * size);
        if (!bigger)
                return -ENOMEM;
        *arr = bigger;
        *cap = want;
        return 0;
}

static int speeds_restart(void *p)
{
        ((struct side *)p)->nspeeds = 0;
        return 0;
}

static int speed_keep(void *p, const struct prov_link_speed *s)
{
        struct side *c = p;
        int r = reserve((void **)&c->speeds, &c->speeds_cap, c->nspeeds, sizeof(*s));

        if (r == 0)
                c->speeds[c->nspeeds++] = *s;
        return r;
}

static int parms_restart(void *p)
{
        ((struct side *)p)->nparms = 0;
        return 0;
}

static int parms_keep(void *p, const struct prov_neigh_parms *np)
{
        struct side *c = p;
        int r = reserve((void **)&c->parms, &c->parms_cap, c->nparms, sizeof(*np));

        if (r == 0)
                c->parms[c->nparms++] = *np;
        return r;
}

static int side_run(void *p)
{
        struct side *c = p;
        struct prov_speed_visitor sv = {speeds_restart, speed_keep, c};
        struct prov_parms_visitor pv = {parms_restart, parms_keep, c};
        int r = 0;

        if (c->ethtool_family)
                r = ethtool_speed_dump(c->st, c->ethtool_family, c->on_helper, &sv);
        if (r == 0 && c->parms_family >= 0)
                r = neigh_parms_dump(c->st, c->on_helper ? NL_ROUTE_AUX : NL_ROUTE, c->on_helper,
                                     c->parms_family, &pv);
        return r;
}

static int side_deliver(const struct side *c, const struct prov_speed_visitor *sv,
                        const struct prov_parms_visitor *pv)
{
        size_t i;
        int r = 0;

        if (sv && sv->begin)
                r = sv->begin(sv->ctx);
        for (i = 0; r == 0 && sv && i < c->nspeeds; i++)
                r = sv->speed(sv->ctx, &c->speeds[i]);
        if (r == 0 && pv && pv->begin)
                r = pv->begin(pv->ctx);
        for (i = 0; r == 0 && pv && i < c->nparms; i++)
                r = pv->parms(pv->ctx, &c->parms[i]);
        return r;
}

/* Opens what the helper will use: sockets belong to the caller's namespace. */
static int side_prepare(struct side *c, bool speeds)
{
        struct mnl_socket *s;
        int r = 0;

        if (speeds) {
                r = ethtool_prepare(c->st, &c->ethtool_family);
                if (r == -EOPNOTSUPP)
                        r = 0, c->ethtool_family = 0;
        }
        if (r == 0 && c->parms_family >= 0)
                r = nl_sock(c->st, NL_ROUTE_AUX, &s);
        return r;
}

int linux_link_walk_ex(unsigned want, const struct prov_link_visitor *v,
                       const struct prov_speed_visitor *sv, int parms_family,
                       const struct prov_parms_visitor *pv)
{
        struct side c;
        bool started;
        int r, rs;

        memset(&c, 0, sizeof(c));
        c.parms_family = pv ? parms_family : -1;
        r = nl_state_get(&c.st);
        if (r == 0)
                r = side_prepare(&c, sv != NULL);
        if (r < 0)
                return r;
        c.on_helper = true;
        rs = nl_helper_start(c.st, side_run, &c);
        if (rs == -ENOMEM)
                return rs;
        started = rs == 0;
        r = linux_link_walk(want, v);
        rs = started ? nl_helper_wait(c.st) : -ESTALE;
        if (rs == -ESTALE) {
                c.on_helper = false;
                rs = side_run(&c);
        }
        if (r == 0)
                r = rs;
        if (r == 0)
                r = side_deliver(&c, sv, pv);
        wn_free(c.speeds);
        wn_free(c.parms);
        return r;
}
