/* link_parse.c - one RTM_NEWLINK message to a struct prov_link: the link's
 * attributes, its kind (IFLA_LINKINFO), counters (IFLA_STATS64) and the per-family
 * settings the kernel nests in IFLA_AF_SPEC. Every attribute is length-checked
 * before use; strings must be NUL-terminated. Nothing is copied except fixed-size
 * numbers: the record points into the message. */
#include <errno.h>
#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/if_tun.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "provider/linux/nl.h"
#include "provider/linux/nl_attr.h"

/* DEVCONF_FORCE_FORWARDING (Linux 6.17), the entry after DEVCONF_ACCEPT_RA_MIN_LFT;
 * uapi headers before 6.17 lack the name, and the values of that enum never change.
 * Older kernels send a shorter array, and conf_at reads 0 past its end. */
#define WN_DEVCONF_FORCE_FORWARDING 59

/* IFLA_INET6_FLAGS bits (kernel-internal include/net/if_inet6.h). */
#define INET6_IF_RA_OTHERCONF 0x80u
#define INET6_IF_RA_MANAGED   0x40u

static const char *attr_str(const struct nlattr *a)
{
        uint16_t n = nla_body_len(a);
        const char *s = nla_body(a);

        return n > 0 && memchr(s, '\0', n) ? s : NULL;
}

static bool attr_u8(const struct nlattr *a, uint8_t *out)
{
        if (nla_body_len(a) < 1)
                return false;
        *out = *(const uint8_t *)nla_body(a);
        return true;
}

static void parse_stats64(const struct nlattr *a, struct prov_link *l)
{
        struct rtnl_link_stats64 s;
        uint16_t n = nla_body_len(a);

        memset(&s, 0, sizeof(s));
        memcpy(&s, nla_body(a), n < sizeof(s) ? n : sizeof(s));
        l->stats = (struct prov_stats){s.rx_packets, s.tx_packets,  s.rx_bytes,   s.tx_bytes,
                                       s.rx_errors,  s.tx_errors,   s.rx_dropped, s.tx_dropped,
                                       s.multicast,  s.rx_nohandler};
        l->has_stats = true;
}

static void parse_info_data_tun(const struct nlattr *data, struct prov_link *l)
{
        const struct nlattr *a;
        uint8_t type;

        NLA_FOR_EACH(a, (const struct nlattr *)nla_body(data), nla_nest_end(data))
        {
                if (nla_kind(a) == IFLA_TUN_TYPE && attr_u8(a, &type) && type == IFF_TAP)
                        l->kind = "tap";
        }
}

static void parse_linkinfo(const struct nlattr *info, struct prov_link *l)
{
        const struct nlattr *a, *data = NULL;

        NLA_FOR_EACH(a, (const struct nlattr *)nla_body(info), nla_nest_end(info))
        {
                if (nla_kind(a) == IFLA_INFO_KIND)
                        l->kind = attr_str(a);
                else if (nla_kind(a) == IFLA_INFO_DATA)
                        data = a;
        }
        if (l->kind && !strcmp(l->kind, "tun") && data)
                parse_info_data_tun(data, l);
}

static int32_t conf_at(const struct nlattr *a, unsigned idx)
{
        const int32_t *v = nla_body(a);

        return (size_t)nla_body_len(a) >= (idx + 1) * sizeof(int32_t) ? v[idx] : 0;
}

static void parse_inet(const struct nlattr *af, struct prov_ip_conf *c)
{
        const struct nlattr *a;

        c->present = true;
        NLA_FOR_EACH(a, (const struct nlattr *)nla_body(af), nla_nest_end(af))
        {
                if (nla_kind(a) == IFLA_INET_CONF) /* index = IPV4_DEVCONF_x - 1 */
                        c->forwarding = conf_at(a, IPV4_DEVCONF_FORWARDING - 1);
        }
}

static void parse_inet6_conf(const struct nlattr *a, struct prov_ip_conf *c)
{
        c->forwarding = conf_at(a, DEVCONF_FORWARDING);
        c->force_forwarding = conf_at(a, WN_DEVCONF_FORCE_FORWARDING);
        c->hop_limit = conf_at(a, DEVCONF_HOPLIMIT);
        c->mtu = conf_at(a, DEVCONF_MTU6);
        c->accept_ra = conf_at(a, DEVCONF_ACCEPT_RA);
        c->accept_ra_defrtr = conf_at(a, DEVCONF_ACCEPT_RA_DEFRTR);
        c->autoconf = conf_at(a, DEVCONF_AUTOCONF);
        c->dad_transmits = conf_at(a, DEVCONF_DAD_TRANSMITS);
        c->accept_dad = conf_at(a, DEVCONF_ACCEPT_DAD);
        c->disabled = conf_at(a, DEVCONF_DISABLE_IPV6) != 0;
}

static void parse_inet6_cacheinfo(const struct nlattr *a, struct prov_ip_conf *c)
{
        struct ifla_cacheinfo ci;

        if (nla_body_len(a) < sizeof(ci))
                return;
        memcpy(&ci, nla_body(a), sizeof(ci));
        c->max_reasm_len = ci.max_reasm_len;
        c->reachable_ms = ci.reachable_time;
        c->retrans_ms = ci.retrans_time;
        c->has_cacheinfo = true;
}

static void parse_inet6_attr(const struct nlattr *a, struct prov_ip_conf *c)
{
        uint32_t flags;
        uint8_t mode;

        switch (nla_kind(a)) {
        case IFLA_INET6_CONF:
                parse_inet6_conf(a, c);
                break;
        case IFLA_INET6_CACHEINFO:
                parse_inet6_cacheinfo(a, c);
                break;
        case IFLA_INET6_FLAGS:
                if (nla_u32(a, &flags))
                        c->ra_flags = ((flags & INET6_IF_RA_MANAGED) ? PROV_RA_MANAGED : 0) |
                                      ((flags & INET6_IF_RA_OTHERCONF) ? PROV_RA_OTHERCONF : 0);
                break;
        case IFLA_INET6_ADDR_GEN_MODE:
                if (attr_u8(a, &mode))
                        c->addr_gen_mode = mode == IN6_ADDR_GEN_MODE_EUI64  ? PROV_ADDR_GEN_EUI64
                                           : mode == IN6_ADDR_GEN_MODE_NONE ? PROV_ADDR_GEN_NONE
                                                                            : PROV_ADDR_GEN_OTHER;
                break;
        case IFLA_INET6_TOKEN:
                if (nla_body_len(a) >= sizeof(struct in6_addr))
                        memcpy(&c->token, (const uint8_t *)nla_body(a) + 8, 8);
                break;
        }
}

static void parse_af_spec(const struct nlattr *spec, struct prov_link *l)
{
        const struct nlattr *af, *a;

        NLA_FOR_EACH(af, (const struct nlattr *)nla_body(spec), nla_nest_end(spec))
        {
                if (nla_kind(af) == AF_INET) {
                        parse_inet(af, &l->inet);
                } else if (nla_kind(af) == AF_INET6) {
                        l->inet6.present = true;
                        NLA_FOR_EACH(a, (const struct nlattr *)nla_body(af), nla_nest_end(af))
                        parse_inet6_attr(a, &l->inet6);
                }
        }
}

static void parse_addr(const struct nlattr *a, const uint8_t **p, uint16_t *len)
{
        *p = nla_body(a);
        *len = nla_body_len(a);
}

static void parse_attr(const struct nlattr *a, struct prov_link *l)
{
        uint8_t b;

        switch (nla_kind(a)) {
        case IFLA_IFNAME:
                l->name = attr_str(a);
                break;
        case IFLA_IFALIAS:
                l->alias = attr_str(a);
                break;
        case IFLA_ADDRESS:
                parse_addr(a, &l->addr, &l->addr_len);
                break;
        case IFLA_PERM_ADDRESS:
                parse_addr(a, &l->perm_addr, &l->perm_addr_len);
                break;
        case IFLA_MTU:
                nla_u32(a, &l->mtu);
                break;
        case IFLA_TXQLEN:
                nla_u32(a, &l->txqlen);
                break;
        case IFLA_LINK:
                nla_u32(a, &l->link);
                break;
        case IFLA_LINK_NETNSID:
                l->link_other_netns = true;
                break;
        case IFLA_MASTER:
                nla_u32(a, &l->master);
                break;
        case IFLA_OPERSTATE:
                attr_u8(a, &l->operstate);
                break;
        case IFLA_CARRIER:
                if (attr_u8(a, &b))
                        l->carrier = b ? 1 : 0;
                break;
        case IFLA_STATS64:
                parse_stats64(a, l);
                break;
        case IFLA_LINKINFO:
                parse_linkinfo(a, l);
                break;
        case IFLA_AF_SPEC:
                parse_af_spec(a, l);
                break;
        case IFLA_PARENT_DEV_NAME:
                l->parent_dev = attr_str(a);
                break;
        case IFLA_PARENT_DEV_BUS_NAME:
                l->parent_bus = attr_str(a);
                break;
        }
}

int link_parse(const struct nlmsghdr *nlh, unsigned want, struct prov_link *l)
{
        const struct ifinfomsg *ifi;
        const struct nlattr *a;

        if (nlh->nlmsg_type != RTM_NEWLINK || nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)))
                return -EBADMSG;
        ifi = NLMSG_DATA(nlh);
        memset(l, 0, sizeof(*l));
        l->ifindex = (uint32_t)ifi->ifi_index;
        l->arphrd = ifi->ifi_type;
        l->flags = ifi->ifi_flags;
        l->carrier = -1;
        NLA_FOR_EACH(a, nla_msg_first(nlh, sizeof(*ifi)), nla_msg_end(nlh))
        parse_attr(a, l);
        if (!(want & PROV_WANT_STATS)) /* the kernel sends IFLA_STATS64 regardless */
                l->has_stats = false;
        if (!l->name || l->ifindex == 0)
                return -EBADMSG;
        if (l->link_other_netns && !l->link)
                l->link_other_netns = false;
        /* Any driver but loopback's may implement ethtool link settings (veth,
         * tun, bridge, macvlan, vxlan, ... do); only asking tells. */
        l->speed_queryable = l->arphrd != ARPHRD_LOOPBACK;
        return 0;
}
