/* link_brief.c - the RTM_GETLINK dump read for what the address, route,
 * neighbour and stack tables need of a link: its index, link-layer type and
 * flags (the LUID) and its layering: IFLA_MASTER, and IFLA_LINK and the lower
 * device a kind keeps in its own data (IFLA_VXLAN_LINK) when that lower device is
 * in this namespace. Counters are not requested. */
#include <errno.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

#include "provider/linux/nl.h"
#include "provider/linux/nl_attr.h"

struct brief_attrs {
        const struct nlattr *info_data;
        bool other_netns;
};

static void parse_linkinfo(const struct nlattr *info, struct brief_attrs *at,
                           struct prov_link_brief *l)
{
        const struct nlattr *a;

        NLA_FOR_EACH(a, (const struct nlattr *)nla_body(info), nla_nest_end(info))
        {
                if (nla_kind(a) == IFLA_INFO_KIND) {
                        const char *s = nla_body(a);
                        uint16_t n = nla_body_len(a);

                        l->kind = n > 0 && memchr(s, '\0', n) ? s : NULL;
                } else if (nla_kind(a) == IFLA_INFO_DATA) {
                        at->info_data = a;
                }
        }
}

static void parse_attr(const struct nlattr *a, struct brief_attrs *at, struct prov_link_brief *l)
{
        switch (nla_kind(a)) {
        case IFLA_MASTER:
                nla_u32(a, &l->master);
                break;
        case IFLA_LINK:
                nla_u32(a, &l->link);
                break;
        case IFLA_MTU:
                nla_u32(a, &l->mtu);
                break;
        case IFLA_LINK_NETNSID:
                at->other_netns = true;
                break;
        case IFLA_LINKINFO:
                parse_linkinfo(a, at, l);
                break;
        }
}

static void parse_kind_dev(const struct nlattr *data, struct prov_link_brief *l)
{
        const struct nlattr *a;

        if (!l->kind || strcmp(l->kind, "vxlan"))
                return;
        NLA_FOR_EACH(a, (const struct nlattr *)nla_body(data), nla_nest_end(data))
        {
                if (nla_kind(a) == IFLA_VXLAN_LINK)
                        nla_u32(a, &l->kind_dev);
        }
}

int link_brief_parse(const struct nlmsghdr *nlh, struct prov_link_brief *l)
{
        const struct ifinfomsg *ifi;
        const struct nlattr *a;
        struct brief_attrs at = {NULL, false};

        if (nlh->nlmsg_type != RTM_NEWLINK || nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)))
                return -EBADMSG;
        ifi = NLMSG_DATA(nlh);
        memset(l, 0, sizeof(*l));
        l->ifindex = (uint32_t)ifi->ifi_index;
        l->arphrd = ifi->ifi_type;
        l->flags = ifi->ifi_flags;
        NLA_FOR_EACH(a, nla_msg_first(nlh, sizeof(*ifi)), nla_msg_end(nlh))
        parse_attr(a, &at, l);
        /* IFLA_LINK_NETNSID: the lower device (IFLA_LINK, and a vxlan's dev, which
         * the kernel keeps in the namespace the vxlan was made in) is an index of
         * another namespace, not of this one. */
        if (at.other_netns)
                l->link = 0;
        else if (at.info_data)
                parse_kind_dev(at.info_data, l);
        return l->ifindex ? 0 : -EBADMSG;
}

struct brief_ctx {
        const struct prov_brief_visitor *v;
        int err;
};

static int on_link_msg(const struct nlmsghdr *nlh, void *data)
{
        struct brief_ctx *c = data;
        struct prov_link_brief l;
        int r;

        if (link_brief_parse(nlh, &l) < 0)
                return MNL_CB_OK;
        r = c->v->link(c->v->ctx, &l);
        return r < 0 ? nl_cb_fail(&c->err, r) : MNL_CB_OK;
}

int linux_link_brief_walk(const struct prov_brief_visitor *v)
{
        char buf[MNL_SOCKET_BUFFER_SIZE];
        struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
        struct brief_ctx c = {v, 0};
        struct nl_query q = {.proto = NL_ROUTE,
                             .req = nlh,
                             .cb = on_link_msg,
                             .data = &c,
                             .cb_err = &c.err,
                             .begin = v->begin,
                             .begin_ctx = v->ctx};
        struct nl_state *st;
        struct ifinfomsg *ifi;
        int r;

        nlh->nlmsg_type = RTM_GETLINK;
        nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
        ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
        ifi->ifi_family = AF_UNSPEC;
        mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
        r = nl_state_get(&st);
        return r < 0 ? r : nl_query_run(st, &q);
}
