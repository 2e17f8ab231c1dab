/* neigh_parse.c - one RTM_NEWNEIGH message of the ARP or NDP cache to a struct
 * prov_neigh: NDA_DST, NDA_LLADDR (borrowed from the message), state and flags
 * from the header and the ages of NDA_CACHEINFO. */
#include <errno.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

#include "provider/linux/nl.h"
#include "provider/linux/nl_attr.h"

static void parse_cacheinfo(const struct nlattr *a, struct prov_neigh *n)
{
        struct nda_cacheinfo ci;

        if (nla_body_len(a) < sizeof(ci))
                return;
        memcpy(&ci, nla_body(a), sizeof(ci));
        n->confirmed_cs = ci.ndm_confirmed;
        n->used_cs = ci.ndm_used;
        n->updated_cs = ci.ndm_updated;
        n->has_cacheinfo = true;
}

static bool parse_attr(const struct nlattr *a, struct prov_neigh *n)
{
        size_t len = n->family == AF_INET6 ? 16 : 4;
        bool dst = false;

        switch (nla_kind(a)) {
        case NDA_DST:
                if (nla_body_len(a) >= len) {
                        memcpy(n->addr, nla_body(a), len);
                        dst = true;
                }
                break;
        case NDA_LLADDR:
                n->lladdr = nla_body(a);
                n->lladdr_len = nla_body_len(a);
                break;
        case NDA_CACHEINFO:
                parse_cacheinfo(a, n);
                break;
        }
        return dst;
}

int neigh_parse(const struct nlmsghdr *nlh, struct prov_neigh *n)
{
        const struct ndmsg *ndm;
        const struct nlattr *a;
        bool has_dst = false;

        if (nlh->nlmsg_type != RTM_NEWNEIGH || nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*ndm)))
                return -EBADMSG;
        ndm = NLMSG_DATA(nlh);
        if ((ndm->ndm_family != AF_INET && ndm->ndm_family != AF_INET6) ||
            (ndm->ndm_flags & NTF_PROXY))
                return -EBADMSG;
        memset(n, 0, sizeof(*n));
        n->family = ndm->ndm_family;
        n->ifindex = (uint32_t)ndm->ndm_ifindex;
        n->state = ndm->ndm_state;
        n->flags = ndm->ndm_flags;
        NLA_FOR_EACH(a, nla_msg_first(nlh, sizeof(*ndm)), nla_msg_end(nlh))
        has_dst |= parse_attr(a, n);
        return has_dst && n->ifindex ? 0 : -EBADMSG;
}
