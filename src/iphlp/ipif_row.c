/* ipif_row.c - one MIB_IPINTERFACE_ROW from one link record and family: a flat
 * list of field assignments with Linux's semantics made effective (a setting the
 * kernel ignores on this link is reported as off). Sources and the constants for
 * what Linux has no notion of: docs/iphlp-fields.md. Neighbour timing and the
 * path-MTU timeout are set by the caller from their own queries. */
#include <endian.h>
#include <string.h>
#include <sys/socket.h>

#include "iphlp.h"

#define IPV4_MAX_REASSEMBLY 65535u /* Linux reassembles IPv4 datagrams up to 64 KiB */

/* RFC 4007 zones: one per interface and link (and subnet/admin, which Windows ties
 * to the interface too), a single zone for site and organisation, global 0. */
static void fill_zones(ULONG *z, uint32_t ifindex)
{
        int level;

        for (level = 0; level < ScopeLevelCount; level++)
                z[level] = 0;
        for (level = ScopeLevelInterface; level <= ScopeLevelAdmin; level++)
                z[level] = ifindex;
        for (level = ScopeLevelSite; level < ScopeLevelGlobal; level++)
                z[level] = 1;
}

/* accept_ra 1 is ignored while forwarding is on; 2 accepts regardless. */
static NL_ROUTER_DISCOVERY_BEHAVIOR router_discovery(const struct prov_ip_conf *c, bool nd)
{
        if (!nd || c->accept_ra <= 0 || (c->accept_ra == 1 && c->forwarding))
                return RouterDiscoveryDisabled;
        return RouterDiscoveryEnabled;
}

/* The kernel runs DAD only on links that resolve neighbours, and only where the
 * link's accept_dad or conf/all/accept_dad is at least 1 (addrconf_dad_begin). */
static ULONG dad_transmits(const struct prov_ip_conf *c, bool nd, int32_t all_accept_dad)
{
        bool accept = c->accept_dad > 0 || all_accept_dad > 0;

        return nd && accept && c->dad_transmits > 0 ? (ULONG)c->dad_transmits : 0;
}

static void fill_ipv6(MIB_IPINTERFACE_ROW *r, const struct prov_ip_conf *c, bool nd,
                      int32_t all_accept_dad, bool gets_link_local)
{
        r->MaxReassemblySize = c->has_cacheinfo ? c->max_reasm_len : 65535u;
        r->InterfaceIdentifier = be64toh(c->token);
        r->ManagedAddressConfigurationSupported = (c->ra_flags & PROV_RA_MANAGED) != 0;
        r->OtherStatefulConfigurationSupported = (c->ra_flags & PROV_RA_OTHERCONF) != 0;
        r->RouterDiscoveryBehavior = router_discovery(c, nd);
        r->DadTransmits = dad_transmits(c, nd, all_accept_dad);
        /* The kernel gives loopback ::1 alone, never a link-local (init_loopback). */
        r->LinkLocalAddressBehavior = c->addr_gen_mode == PROV_ADDR_GEN_NONE || !gets_link_local
                                          ? LinkLocalAlwaysOff
                                          : LinkLocalAlwaysOn;
        r->NlMtu = (ULONG)c->mtu;
        r->SupportsRouterDiscovery = nd;
        r->ReachableTime = c->reachable_ms; /* replaced by the neighbour parameters */
        r->RetransmitTime = c->retrans_ms;
}

static void fill_ipv4(MIB_IPINTERFACE_ROW *r, const struct prov_link *l)
{
        r->MaxReassemblySize = IPV4_MAX_REASSEMBLY;
        r->RouterDiscoveryBehavior = RouterDiscoveryDisabled; /* no ICMP router discovery */
        r->LinkLocalAddressBehavior = LinkLocalAlwaysOff;     /* no kernel 169.254/16 autoconf */
        r->NlMtu = l->mtu;
}

/* IPv4 forwards what arrives on a link whose own forwarding is on (the input route
 * checks the receiving device). IPv6 forwards when conf/all/forwarding is on, or,
 * from Linux 6.17, the receiving link's force_forwarding (ip6_forward); the link's
 * own forwarding only makes it act as a router (no RAs accepted, RS not sent). */
static BOOLEAN forwards(const struct prov_ip_conf *c, ADDRESS_FAMILY family,
                        const struct ipif_ns *ns)
{
        if (family != AF_INET6)
                return c->forwarding != 0;
        return ns->all_forwarding > 0 || c->force_forwarding > 0;
}

void ipif_row_fill(MIB_IPINTERFACE_ROW *r, const struct prov_link *l, ADDRESS_FAMILY family,
                   const struct ipif_ns *ns)
{
        static const struct ipif_ns none = {0, 0};
        const struct prov_ip_conf *c = family == AF_INET6 ? &l->inet6 : &l->inet;
        bool nd = !(l->flags & (PROV_IFF_LOOPBACK | PROV_IFF_NOARP));
        struct link_class cls;

        if (!ns)
                ns = &none;
        memset(r, 0, sizeof(*r));
        link_classify(l, &cls);
        r->Family = family;
        r->InterfaceLuid = luid_make(l->ifindex, cls.type);
        r->InterfaceIndex = l->ifindex;
        r->ForwardingEnabled = forwards(c, family, ns);
        r->WeakHostSend = TRUE; /* Linux implements the weak host model */
        r->WeakHostReceive = TRUE;
        r->UseNeighborUnreachabilityDetection = nd;
        r->SupportsNeighborDiscovery = nd;
        fill_zones(r->ZoneIndices, l->ifindex);
        r->Connected = (l->flags & PROV_IFF_UP) && (l->flags & PROV_IFF_RUNNING);
        if (family == AF_INET6)
                fill_ipv6(r, c, nd, ns->all_accept_dad, !(l->flags & PROV_IFF_LOOPBACK));
        else
                fill_ipv4(r, l);
}

void ipif_row_set_parms(MIB_IPINTERFACE_ROW *r, const struct prov_neigh_parms *p)
{
        r->BaseReachableTime = p->base_reachable_ms;
        r->ReachableTime = p->reachable_ms;
        r->RetransmitTime = p->retrans_ms;
}
