/* addr_parse.c - one unicast (RTM_NEWADDR/DELADDR), anycast or multicast address message to a
 * struct prov_addr: the address (IFA_LOCAL before IFA_ADDRESS, so a point-to-point
 * link reports its own end), the 32-bit IFA_FLAGS over the 8-bit header flags,
 * IFA_PROTO (inferred for the kernel's link-locals before Linux 6.3) and the
 * lifetimes and timestamps of IFA_CACHEINFO. */
#include <errno.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/utsname.h>

#include "provider/linux/nl.h"
#include "provider/linux/nl_attr.h"

#ifndef IFA_MULTICAST
#define IFA_MULTICAST 7
#endif
/* Group dumps answer with the GET type; Linux 6.13 added NEW types for events. */
#define NL_NEWMULTICAST 56
#define NL_NEWANYCAST   60

struct addr_attrs {
        const struct nlattr *local, *address, *anycast, *multicast;
};

static size_t addr_len(int family)
{
        return family == AF_INET6 ? 16 : 4;
}

static void parse_cacheinfo(const struct nlattr *a, struct prov_addr *r)
{
        struct ifa_cacheinfo ci;

        if (nla_body_len(a) < sizeof(ci))
                return;
        memcpy(&ci, nla_body(a), sizeof(ci));
        r->valid_lft = ci.ifa_valid;
        r->preferred_lft = ci.ifa_prefered;
        r->cstamp_cs = ci.cstamp;
        r->tstamp_cs = ci.tstamp;
        r->has_cacheinfo = true;
}

static void parse_attr(const struct nlattr *a, struct addr_attrs *at, struct prov_addr *r)
{
        switch (nla_kind(a)) {
        case IFA_LOCAL:
                at->local = a;
                break;
        case IFA_ADDRESS:
                at->address = a;
                break;
        case IFA_ANYCAST:
                at->anycast = a;
                break;
        case IFA_MULTICAST:
                at->multicast = a;
                break;
        case IFA_FLAGS:
                nla_u32(a, &r->flags);
                break;
        case IFA_PROTO:
                if (nla_body_len(a) >= sizeof(uint8_t))
                        r->proto = *(const uint8_t *)nla_body(a);
                break;
        case IFA_CACHEINFO:
                parse_cacheinfo(a, r);
                break;
        }
}

static int kind_of(uint16_t type, enum prov_addr_kind *ret)
{
        if (type == RTM_NEWADDR || type == RTM_DELADDR) /* DEL: change events */
                *ret = PROV_ADDR_UNICAST;
        else if (type == RTM_GETANYCAST || type == NL_NEWANYCAST)
                *ret = PROV_ADDR_ANYCAST;
        else if (type == RTM_GETMULTICAST || type == NL_NEWMULTICAST)
                *ret = PROV_ADDR_MULTICAST;
        else
                return -EBADMSG;
        return 0;
}

/* The attribute that holds the address for this kind. */
static const struct nlattr *pick_address(enum prov_addr_kind kind, const struct addr_attrs *at)
{
        if (kind == PROV_ADDR_ANYCAST)
                return at->anycast;
        if (kind == PROV_ADDR_MULTICAST)
                return at->multicast;
        return at->local ? at->local : at->address;
}

/* Linux 6.3 and later mark the link-local addresses they make with IFA_PROTO
 * kernel_ll, so an fe80::/10 address without it was added by someone else.
 * Asked once per process. */
static bool kernel_marks_link_locals(void)
{
        static int known; /* 0: not asked yet, 1: marks them, 2: does not */
        int k = __atomic_load_n(&known, __ATOMIC_RELAXED);
        unsigned major = 0, minor = 0;
        struct utsname u;

        if (!k) {
                k = uname(&u) == 0 && sscanf(u.release, "%u.%u", &major, &minor) == 2 &&
                            (major > 6 || (major == 6 && minor >= 3))
                        ? 1
                        : 2;
                __atomic_store_n(&known, k, __ATOMIC_RELAXED);
        }
        return k == 1;
}

/* Older kernels name no maker; the link-local address they add is permanent. */
static void infer_proto(struct prov_addr *r)
{
        if (r->kind == PROV_ADDR_UNICAST && !r->proto && r->family == AF_INET6 &&
            r->addr[0] == 0xfe && (r->addr[1] & 0xc0) == 0x80 &&
            (r->flags & PROV_ADDR_F_PERMANENT) && !kernel_marks_link_locals())
                r->proto = PROV_ADDR_PROTO_KERNEL_LL;
}

int addr_parse(const struct nlmsghdr *nlh, struct prov_addr *r)
{
        const struct ifaddrmsg *ifa;
        const struct nlattr *a, *pick;
        struct addr_attrs at = {NULL, NULL, NULL, NULL};

        enum prov_addr_kind kind;

        if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*ifa)) || kind_of(nlh->nlmsg_type, &kind) < 0)
                return -EBADMSG;
        ifa = NLMSG_DATA(nlh);
        if (ifa->ifa_family != AF_INET && ifa->ifa_family != AF_INET6)
                return -EBADMSG;
        if (ifa->ifa_prefixlen > (ifa->ifa_family == AF_INET ? 32 : 128))
                return -EBADMSG; /* past the address width: masks would be undefined */
        memset(r, 0, sizeof(*r));
        r->kind = kind;
        r->family = ifa->ifa_family;
        r->prefixlen = ifa->ifa_prefixlen;
        r->scope = ifa->ifa_scope;
        r->ifindex = ifa->ifa_index;
        r->flags = ifa->ifa_flags;
        NLA_FOR_EACH(a, nla_msg_first(nlh, sizeof(*ifa)), nla_msg_end(nlh))
        parse_attr(a, &at, r);
        pick = pick_address(kind, &at);
        if (!pick || nla_body_len(pick) < addr_len(r->family) || !r->ifindex)
                return -EBADMSG;
        memcpy(r->addr, nla_body(pick), addr_len(r->family));
        infer_proto(r);
        return 0;
}
