/* ethtool_speed.c - link speeds as devices report them, through the ethtool
 * generic-netlink family: one ETHTOOL_MSG_LINKMODES_GET dump for every link, or
 * one request for a single link. Devices that report no speed (loopback, vxlan,
 * ...) or an unknown one give no record; nothing is ever guessed. */
#include <errno.h>
#include <linux/ethtool.h>
#include <linux/ethtool_netlink.h>
#include <linux/genetlink.h>
#include <string.h>

#include "provider/linux/nl.h"
#include "provider/linux/nl_attr.h"

/* Family ids are global to the kernel: resolve once per process.
 * 0: not yet, -1: the kernel has no ethtool netlink family. */
static int ethtool_family;

struct family_ctx {
        int id;
        int err;
};

static int on_family_msg(const struct nlmsghdr *nlh, void *data)
{
        struct family_ctx *c = data;
        const struct nlattr *a;

        mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr))
        {
                if (mnl_attr_get_type(a) == CTRL_ATTR_FAMILY_ID &&
                    mnl_attr_get_payload_len(a) >= sizeof(uint16_t))
                        c->id = mnl_attr_get_u16(a);
        }
        return MNL_CB_OK;
}

static struct nlmsghdr *genl_request(char *buf, uint16_t type, uint8_t cmd, uint8_t version,
                                     uint16_t flags)
{
        struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
        struct genlmsghdr *g;

        nlh->nlmsg_type = type;
        nlh->nlmsg_flags = NLM_F_REQUEST | flags;
        g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
        g->cmd = cmd;
        g->version = version;
        return nlh;
}

static int resolve_family(struct nl_state *st, int *ret_id)
{
        char buf[MNL_SOCKET_BUFFER_SIZE];
        struct nlmsghdr *nlh;
        struct family_ctx c = {0, 0};
        struct nl_query q = {NL_GENERIC, NULL, on_family_msg, &c, &c.err, NULL, NULL, false};
        int id = __atomic_load_n(&ethtool_family, __ATOMIC_RELAXED), r;

        if (id == 0) {
                nlh = genl_request(buf, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, 0);
                mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, ETHTOOL_GENL_NAME);
                q.req = nlh;
                r = nl_query_run(st, &q);
                if (r < 0 && r != -ENOENT)
                        return r;
                id = c.id > 0 ? c.id : -1;
                __atomic_store_n(&ethtool_family, id, __ATOMIC_RELAXED);
        }
        if (id < 0)
                return -EOPNOTSUPP;
        *ret_id = id;
        return 0;
}

/* Decodes one LINKMODES reply; false when it carries no known speed. */
static bool parse_linkmodes(const struct nlmsghdr *nlh, struct prov_link_speed *s)
{
        const struct nlattr *a, *h;
        uint32_t mbps = 0;

        memset(s, 0, sizeof(*s));
        NLA_FOR_EACH(a, nla_msg_first(nlh, GENL_HDRLEN), nla_msg_end(nlh))
        {
                if (nla_kind(a) == ETHTOOL_A_LINKMODES_SPEED)
                        nla_u32(a, &mbps);
                if (nla_kind(a) != ETHTOOL_A_LINKMODES_HEADER)
                        continue;
                NLA_FOR_EACH(h, (const struct nlattr *)nla_body(a), nla_nest_end(a))
                {
                        if (nla_kind(h) == ETHTOOL_A_HEADER_DEV_INDEX)
                                nla_u32(h, &s->ifindex);
                }
        }
        if (!s->ifindex || mbps == 0 || mbps == (uint32_t)SPEED_UNKNOWN)
                return false;
        s->bps = (uint64_t)mbps * 1000000u;
        return true;
}

struct speed_ctx {
        const struct prov_speed_visitor *v;
        int err;
        uint64_t one_bps; /* single query result */
};

static int on_speed_msg(const struct nlmsghdr *nlh, void *data)
{
        struct speed_ctx *c = data;
        struct prov_link_speed s;
        int r;

        if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct genlmsghdr)) || !parse_linkmodes(nlh, &s))
                return MNL_CB_OK;
        if (!c->v) {
                c->one_bps = s.bps;
                return MNL_CB_OK;
        }
        r = c->v->speed(c->v->ctx, &s);
        return r < 0 ? nl_cb_fail(&c->err, r) : MNL_CB_OK;
}

/* LINKMODES_GET with compact bitsets (smaller replies), for one link or all. */
static struct nlmsghdr *linkmodes_request(char *buf, int family, uint32_t ifindex)
{
        struct nlmsghdr *nlh = genl_request(buf, (uint16_t)family, ETHTOOL_MSG_LINKMODES_GET,
                                            ETHTOOL_GENL_VERSION, ifindex ? 0 : NLM_F_DUMP);
        struct nlattr *hdr = mnl_attr_nest_start(nlh, ETHTOOL_A_LINKMODES_HEADER);

        if (ifindex)
                mnl_attr_put_u32(nlh, ETHTOOL_A_HEADER_DEV_INDEX, ifindex);
        mnl_attr_put_u32(nlh, ETHTOOL_A_HEADER_FLAGS, ETHTOOL_FLAG_COMPACT_BITSETS);
        mnl_attr_nest_end(nlh, hdr);
        return nlh;
}

static int speed_query(uint32_t ifindex, struct speed_ctx *c)
{
        char buf[MNL_SOCKET_BUFFER_SIZE];
        struct nl_state *st;
        struct nl_query q = {NL_GENERIC, NULL, on_speed_msg, c, &c->err, NULL, NULL, false};
        int family, r;

        r = nl_state_get(&st);
        if (r < 0)
                return r;
        r = resolve_family(st, &family);
        if (r < 0)
                return r;
        q.req = linkmodes_request(buf, family, ifindex);
        if (c->v) {
                q.begin = c->v->begin;
                q.begin_ctx = c->v->ctx;
        }
        return nl_query_run(st, &q);
}

int linux_link_speed_walk(const struct prov_speed_visitor *v)
{
        struct speed_ctx c = {v, 0, 0};

        return speed_query(0, &c);
}

int linux_link_speed_get(uint32_t ifindex, uint64_t *ret_bps)
{
        struct speed_ctx c = {NULL, 0, 0};
        int r = speed_query(ifindex, &c);

        if (r == -EOPNOTSUPP || (r == 0 && c.one_bps == 0))
                return -ENODATA;
        if (r < 0)
                return r;
        *ret_bps = c.one_bps;
        return 0;
}
