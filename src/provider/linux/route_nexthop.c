/* route_nexthop.c - the nexthop objects of a namespace (RTM_GETNEXTHOP) and the
 * next hops of a route that names one by id only: with nexthop_compat_mode 0 the
 * kernel sends such a route without RTA_OIF, RTA_GATEWAY or RTA_MULTIPATH, and
 * its interface and gateway are those of the object (one per group member). */
#include <errno.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "alloc.h"
#include "provider/linux/nl_attr.h"
#include "provider/linux/route_walk.h"

static int grow(struct route_nh **a, size_t *cap, size_t need)
{
        size_t c = *cap ? *cap * 2 : 16;
        struct route_nh *p;

        if (need <= *cap)
                return 0;
        while (c < need)
                c *= 2;
        p = wn_realloc(*a, c * sizeof(*p));
        if (!p)
                return -ENOMEM;
        *a = p;
        *cap = c;
        return 0;
}

/* NHA_GROUP: struct nexthop_grp entries (id u32, weight u8, then a byte that is
 * "resvd1" in older headers and "weight_high" since Linux 6.12, u16): weight - 1
 * in the low byte, its high bits (0 before 6.12) in the next. Read by offset so
 * either header builds. */
static int parse_group(struct route_nhs *t, struct route_nh *nh, const struct nlattr *a)
{
        size_t i, n = nla_body_len(a) / sizeof(struct nexthop_grp);
        const uint8_t *g = nla_body(a);
        int r;

        if ((r = grow(&t->members, &t->members_cap, t->members_n + n)) < 0)
                return r;
        nh->first = (uint32_t)t->members_n;
        nh->group_n = (uint32_t)n;
        for (i = 0; i < n; i++) {
                struct route_nh *m = &t->members[t->members_n++];
                const uint8_t *e = g + i * sizeof(struct nexthop_grp);

                memset(m, 0, sizeof(*m));
                memcpy(&m->id, e, sizeof(m->id));
                m->weight = (uint16_t)((((unsigned)e[5] << 8) | e[4]) + 1u);
        }
        return 0;
}

static int parse_nh(struct route_nhs *t, const struct nlmsghdr *nlh, struct route_nh *nh)
{
        const struct nhmsg *m = NLMSG_DATA(nlh);
        size_t len = m->nh_family == AF_INET6 ? 16 : m->nh_family == AF_INET ? 4 : 0;
        const struct nlattr *a;
        int r;

        memset(nh, 0, sizeof(*nh));
        nh->flags = (uint8_t)m->nh_flags;
        NLA_FOR_EACH(a, nla_msg_first(nlh, sizeof(*m)), nla_msg_end(nlh))
        {
                switch (nla_kind(a)) {
                case NHA_ID:
                        nla_u32(a, &nh->id);
                        break;
                case NHA_OIF:
                        nla_u32(a, &nh->oif);
                        break;
                case NHA_GATEWAY:
                        if (len && nla_body_len(a) >= len) {
                                nh->gw_family = m->nh_family;
                                memcpy(nh->gw, nla_body(a), len);
                        }
                        break;
                case NHA_GROUP:
                        if ((r = parse_group(t, nh, a)) < 0)
                                return r;
                        break;
                }
        }
        return nh->id ? 0 : -EBADMSG;
}

static int on_nh_msg(const struct nlmsghdr *nlh, void *data)
{
        struct route_nhs *t = data;
        int r;

        if (nlh->nlmsg_type != RTM_NEWNEXTHOP ||
            nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct nhmsg)))
                return MNL_CB_OK;
        if ((r = grow(&t->nh, &t->cap, t->n + 1)) < 0)
                return nl_cb_fail(&t->err, r);
        r = parse_nh(t, nlh, &t->nh[t->n]);
        if (r == -ENOMEM)
                return nl_cb_fail(&t->err, r);
        if (r == 0)
                t->n++;
        return MNL_CB_OK;
}

static int nhs_begin(void *p)
{
        struct route_nhs *t = p;

        t->n = 0;
        t->members_n = 0;
        return 0;
}

static int cmp_id(const void *a, const void *b)
{
        uint32_t x = ((const struct route_nh *)a)->id, y = ((const struct route_nh *)b)->id;

        return x < y ? -1 : x > y;
}

int route_nhs_load(struct route_nhs *t)
{
        char buf[MNL_SOCKET_BUFFER_SIZE];
        struct nl_query q = {
            NL_ROUTE,  nl_dump_request(buf, RTM_GETNEXTHOP, AF_UNSPEC, sizeof(struct nhmsg)),
            on_nh_msg, t,
            &t->err,   nhs_begin,
            t,         false};
        int r;

        t->err = 0;
        r = nl_run(&q);
        if (r == -ENOMEM || r == -EAGAIN)
                return r;
        if (r < 0) /* a kernel without nexthop objects: no route names one */
                nhs_begin(t);
        /* the kernel sends them by id; be sure (t->nh is NULL while empty) */
        if (t->n)
                qsort(t->nh, t->n, sizeof(*t->nh), cmp_id);
        t->loaded = true;
        return 0;
}

void route_nhs_free(struct route_nhs *t)
{
        wn_free(t->nh);
        wn_free(t->members);
        memset(t, 0, sizeof(*t));
}

static const struct route_nh *nh_find(const struct route_nhs *t, uint32_t id)
{
        struct route_nh key;

        if (!t->loaded || !t->n)
                return NULL;
        key.id = id;
        return bsearch(&key, t->nh, t->n, sizeof(*t->nh), cmp_id);
}

static void hop_fill(struct prov_route *r, const struct route_nh *nh)
{
        r->oif = nh->oif;
        r->gw_family = nh->gw_family;
        memcpy(r->gw, nh->gw, sizeof(r->gw));
        r->nh_flags = nh->flags;
}

/* An id the table lacks: a nexthop created after it was read. */
static int unresolved(struct route_nhs *nhs, struct prov_route *r,
                      int (*fn)(void *ctx, const struct prov_route *r), void *ctx)
{
        if (!nhs->unresolved) {
                nhs->missing = true;
                return 0;
        }
        r->nh_count = 1;
        return fn(ctx, r);
}

static bool members_known(const struct route_nhs *nhs, const struct route_nh *g)
{
        uint32_t i;

        for (i = 0; i < g->group_n; i++)
                if (!nh_find(nhs, nhs->members[g->first + i].id))
                        return false;
        return true;
}

int route_nhs_visit(struct route_nhs *nhs, uint32_t id, struct prov_route *r,
                    int (*fn)(void *ctx, const struct prov_route *r), void *ctx)
{
        const struct route_nh *nh = nh_find(nhs, id), *m;
        uint32_t i;
        int ret;

        if (!nh || (nh->group_n && !members_known(nhs, nh)))
                return unresolved(nhs, r, fn, ctx);
        if (!nh->group_n) {
                hop_fill(r, nh);
                r->nh_count = 1;
                return fn(ctx, r);
        }
        r->nh_count = (uint16_t)nh->group_n;
        for (i = 0; i < nh->group_n; i++) {
                uint16_t w = nhs->members[nh->first + i].weight;

                m = nh_find(nhs, nhs->members[nh->first + i].id);
                hop_fill(r, m);
                r->weight = (uint8_t)(w > 255 ? 255 : w);
                r->nh_index = (uint16_t)i;
                if ((ret = fn(ctx, r)) < 0)
                        return ret;
        }
        return 0;
}
