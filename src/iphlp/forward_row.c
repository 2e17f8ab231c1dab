/* forward_row.c - one MIB_IPFORWARD_ROW2 from one next hop of one route: prefix,
 * next hop (of another family for RTA_VIA), metric, and Windows' protocol and
 * origin for the Linux route protocol. Linux routes carry one expiry and no age;
 * docs/iphlp-tables.md lists every mapping. */
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>

#include "tables.h"

#define LOOPBACK_IFINDEX 1u /* Linux numbers loopback 1 in every namespace */

uint32_t forward_ifindex(const struct prov_route *r)
{
        return r->oif ? r->oif : LOOPBACK_IFINDEX;
}

static NL_ROUTE_PROTOCOL protocol_of(uint8_t proto)
{
        switch (proto) {
        case RTPROT_KERNEL: /* derived by the stack from addresses and links */
                return RouteProtocolLocal;
        case RTPROT_UNSPEC:
        case RTPROT_BOOT:
        case RTPROT_STATIC:
                return RouteProtocolNetMgmt; /* added by an administrator or tool */
        case RTPROT_REDIRECT:
        case RTPROT_RA: /* ICMPv6 router advertisements */
                return RouteProtocolIcmp;
        case RTPROT_DHCP:
                return RouteProtocolDhcp;
        case RTPROT_BGP:
                return RouteProtocolBgp;
        case RTPROT_OSPF:
                return RouteProtocolOspf;
        case RTPROT_RIP:
                return RouteProtocolRip;
        case RTPROT_ISIS:
                return RouteProtocolIsIs;
        case RTPROT_EIGRP:
                return RouteProtocolEigrp;
        default: /* zebra, bird, babel, keepalived, ...: a routing daemon */
                return RouteProtocolOther;
        }
}

static NL_ROUTE_ORIGIN origin_of(uint8_t proto)
{
        switch (proto) {
        case RTPROT_KERNEL:
                return NlroWellKnown;
        case RTPROT_RA:
                return NlroRouterAdvertisement;
        case RTPROT_DHCP:
                return NlroDHCP;
        default:
                return NlroManual;
        }
}

static ULONG lifetime_of(const struct prov_route *r)
{
        if (!r->has_cacheinfo || r->expires_cs == 0)
                return PROV_LIFETIME_INFINITE;
        return (r->expires_cs + 99u) / 100u; /* whole seconds, rounded up */
}

static void next_hop(SOCKADDR_INET *out, const struct prov_route *r)
{
        static const uint8_t zero[16];

        if (r->gw_family)
                sockaddr_inet_set(out, r->gw_family, r->gw, forward_ifindex(r));
        else
                sockaddr_inet_set(out, r->family, zero, 0); /* on-link: unspecified address */
}

void forward_row_fill(MIB_IPFORWARD_ROW2 *row, const struct prov_route *r, NET_LUID luid)
{
        memset(row, 0, sizeof(*row));
        row->InterfaceLuid = luid;
        row->InterfaceIndex = forward_ifindex(r);
        sockaddr_inet_set(&row->DestinationPrefix.Prefix, r->family, r->dst, 0);
        row->DestinationPrefix.PrefixLength = r->dst_len;
        next_hop(&row->NextHop, r);
        row->SitePrefixLength = 0; /* site-local prefixes are deprecated; Linux has none */
        row->ValidLifetime = lifetime_of(r);
        row->PreferredLifetime = row->ValidLifetime; /* Linux keeps one expiry per route */
        row->Metric = r->has_priority ? r->priority : 0;
        row->Protocol = protocol_of(r->protocol);
        row->Loopback = r->type == PROV_RTN_LOCAL;
        row->AutoconfigureAddress = (r->flags & PROV_ROUTE_F_PREFIX) != 0;
        row->Publish = FALSE; /* Linux does not advertise routes; radvd does, separately */
        row->Immortal = row->ValidLifetime == PROV_LIFETIME_INFINITE;
        row->Age = r->has_cacheinfo ? r->lastuse_cs / 100u : 0;
        row->Origin = origin_of(r->protocol);
}
