/* neigh_parms.c - ARP and NDP timing per link (reachable time, its base, the
 * retransmit interval) from one RTM_GETNEIGHTBL dump: the kernel sends each
 * neighbour table's defaults and then one parameter set per link. */
#include <errno.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

#include "provider/linux/nl.h"
#include "provider/linux/nl_attr.h"

struct parms_ctx {
        const struct prov_parms_visitor *v;
        int err;
};

static uint32_t attr_ms(const struct nlattr *a)
{
        uint64_t v;

        if (nla_body_len(a) < sizeof(v))
                return 0;
        memcpy(&v, nla_body(a), sizeof(v));
        return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

/* Fills `p` from NDTA_PARMS; false for the table defaults (no link). */
static bool parse_parms(const struct nlattr *nest, struct prov_neigh_parms *p)
{
        const struct nlattr *a;

        NLA_FOR_EACH(a, (const struct nlattr *)nla_body(nest), nla_nest_end(nest))
        {
                switch (nla_kind(a)) {
                case NDTPA_IFINDEX:
                        nla_u32(a, &p->ifindex);
                        break;
                case NDTPA_BASE_REACHABLE_TIME:
                        p->base_reachable_ms = attr_ms(a);
                        break;
                case NDTPA_REACHABLE_TIME:
                        p->reachable_ms = attr_ms(a);
                        break;
                case NDTPA_RETRANS_TIME:
                        p->retrans_ms = attr_ms(a);
                        break;
                }
        }
        return p->ifindex != 0;
}

static int on_neightbl_msg(const struct nlmsghdr *nlh, void *data)
{
        struct parms_ctx *c = data;
        const struct ndtmsg *ndt;
        const struct nlattr *a;
        struct prov_neigh_parms p;
        int r;

        if (nlh->nlmsg_type != RTM_NEWNEIGHTBL || nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*ndt)))
                return MNL_CB_OK;
        ndt = NLMSG_DATA(nlh);
        if (ndt->ndtm_family != AF_INET && ndt->ndtm_family != AF_INET6)
                return MNL_CB_OK; /* other tables (e.g. DECnet) */
        memset(&p, 0, sizeof(p));
        p.family = ndt->ndtm_family;
        NLA_FOR_EACH(a, nla_msg_first(nlh, sizeof(*ndt)), nla_msg_end(nlh))
        {
                if (nla_kind(a) == NDTA_PARMS && parse_parms(a, &p)) {
                        r = c->v->parms(c->v->ctx, &p);
                        if (r < 0)
                                return nl_cb_fail(&c->err, r);
                }
        }
        return MNL_CB_OK;
}

int linux_neigh_parms_walk(int family, const struct prov_parms_visitor *v)
{
        char buf[MNL_SOCKET_BUFFER_SIZE];
        struct parms_ctx c = {v, 0};
        struct nl_query q = {
            NL_ROUTE,        nl_dump_request(buf, RTM_GETNEIGHTBL, family, sizeof(struct ndtmsg)),
            on_neightbl_msg, &c,
            &c.err,          v->begin,
            v->ctx,          false};

        return nl_run(&q);
}
