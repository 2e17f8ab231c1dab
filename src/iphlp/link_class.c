/* link_class.c - what Windows would call a Linux link: its IF_TYPE, tunnel type,
 * NDIS media, access type and a description, from the link-layer type (ARPHRD),
 * the link kind and its flags. docs/iphlp-fields.md has the tables. */
#include <net/if_arp.h>
#include <stdio.h>
#include <string.h>

#include "iphlp.h"
#include "utf16.h"

#ifndef ARPHRD_IP6GRE
#define ARPHRD_IP6GRE 823 /* GRE over IPv6; older libc headers lack it */
#endif
#define IF_TYPE_INFINIBAND_IANA 199 /* IANA ifType infiniband; ipifcons.h has no name */

IFTYPE link_type_of(uint16_t arphrd)
{
        switch (arphrd) {
        case ARPHRD_ETHER:
        case ARPHRD_EETHER:
                return IF_TYPE_ETHERNET_CSMACD;
        case ARPHRD_LOOPBACK:
                return IF_TYPE_SOFTWARE_LOOPBACK;
        case ARPHRD_PPP:
                return IF_TYPE_PPP;
        case ARPHRD_ATM:
                return IF_TYPE_ATM;
        case ARPHRD_IEEE1394:
                return IF_TYPE_IEEE1394;
        case ARPHRD_IEEE802_TR:
                return IF_TYPE_ISO88025_TOKENRING;
        case ARPHRD_FDDI:
                return IF_TYPE_FDDI;
        case ARPHRD_SLIP:
                return IF_TYPE_SLIP;
        case ARPHRD_IEEE80211:
        case ARPHRD_IEEE80211_PRISM:
        case ARPHRD_IEEE80211_RADIOTAP:
                return IF_TYPE_IEEE80211;
        case ARPHRD_IEEE802154:
                return IF_TYPE_IEEE802154;
        case ARPHRD_INFINIBAND:
                return IF_TYPE_INFINIBAND_IANA;
        case ARPHRD_TUNNEL:
        case ARPHRD_TUNNEL6:
        case ARPHRD_SIT:
        case ARPHRD_IPGRE:
        case ARPHRD_IP6GRE:
                return IF_TYPE_TUNNEL;
        case ARPHRD_NONE: /* layer-3 devices without a link layer: tun, wireguard */
                return IF_TYPE_PROP_VIRTUAL;
        default:
                return IF_TYPE_OTHER;
        }
}

static TUNNEL_TYPE tunnel_of(uint16_t arphrd)
{
        switch (arphrd) {
        case ARPHRD_TUNNEL: /* ipip, ip6tnl, sit: IP directly inside IP */
        case ARPHRD_TUNNEL6:
        case ARPHRD_SIT:
                return TUNNEL_TYPE_DIRECT;
        case ARPHRD_IPGRE:
        case ARPHRD_IP6GRE:
                return TUNNEL_TYPE_OTHER;
        default:
                return TUNNEL_TYPE_NONE;
        }
}

static NDIS_MEDIUM medium_of(IFTYPE type)
{
        switch (type) {
        case IF_TYPE_ETHERNET_CSMACD:
                return NdisMedium802_3;
        case IF_TYPE_SOFTWARE_LOOPBACK:
                return NdisMediumLoopback;
        case IF_TYPE_ISO88025_TOKENRING:
                return NdisMedium802_5;
        case IF_TYPE_FDDI:
                return NdisMediumFddi;
        case IF_TYPE_PPP:
        case IF_TYPE_SLIP:
                return NdisMediumWan;
        case IF_TYPE_ATM:
                return NdisMediumAtm;
        case IF_TYPE_IEEE1394:
                return NdisMedium1394;
        case IF_TYPE_IEEE80211:
                return NdisMediumNative802_11;
        case IF_TYPE_INFINIBAND_IANA:
                return NdisMediumInfiniBand;
        case IF_TYPE_TUNNEL:
                return NdisMediumTunnel;
        default:
                return NdisMediumIP;
        }
}

/* Only a device on a bus has a physical medium; virtual links are unspecified. */
static NDIS_PHYSICAL_MEDIUM physical_of(IFTYPE type, bool hardware)
{
        if (!hardware)
                return NdisPhysicalMediumUnspecified;
        switch (type) {
        case IF_TYPE_ETHERNET_CSMACD:
                return NdisPhysicalMedium802_3;
        case IF_TYPE_IEEE80211:
                return NdisPhysicalMediumNative802_11;
        case IF_TYPE_ISO88025_TOKENRING:
                return NdisPhysicalMedium802_5;
        case IF_TYPE_IEEE1394:
                return NdisPhysicalMedium1394;
        case IF_TYPE_INFINIBAND_IANA:
                return NdisPhysicalMediumInfiniband;
        case IF_TYPE_IEEE802154:
                return NdisPhysicalMediumNative802_15_4;
        default:
                return NdisPhysicalMediumOther;
        }
}

static NET_IF_ACCESS_TYPE access_of(const struct prov_link *l)
{
        if (l->flags & PROV_IFF_LOOPBACK)
                return NET_IF_ACCESS_LOOPBACK;
        if (l->flags & PROV_IFF_POINTOPOINT)
                return NET_IF_ACCESS_POINT_TO_POINT;
        if (l->flags & PROV_IFF_BROADCAST)
                return NET_IF_ACCESS_BROADCAST;
        return NET_IF_ACCESS_POINT_TO_MULTI_POINT; /* NBMA: neither broadcast nor p2p */
}

void link_classify(const struct prov_link *l, struct link_class *c)
{
        c->type = link_type_of(l->arphrd);
        c->tunnel = tunnel_of(l->arphrd);
        c->hardware = l->parent_dev != NULL && l->arphrd != ARPHRD_LOOPBACK;
        c->medium = medium_of(c->type);
        c->physical = physical_of(c->type, c->hardware);
        c->access = access_of(l);
}

struct kind_text {
        const char *kind;
        const char *text;
};

static const struct kind_text kind_texts[] = {
    {"veth", "Virtual Ethernet (veth)"},
    {"bridge", "Bridge"},
    {"bond", "Bonding (bond)"},
    {"team", "Team"},
    {"macvlan", "MAC VLAN (macvlan)"},
    {"macvtap", "MAC VLAN tap (macvtap)"},
    {"ipvlan", "IP VLAN (ipvlan)"},
    {"ipvtap", "IP VLAN tap (ipvtap)"},
    {"vlan", "802.1Q VLAN"},
    {"vxlan", "VXLAN tunnel"},
    {"geneve", "GENEVE tunnel"},
    {"tun", "TUN device"},
    {"tap", "TAP device"},
    {"dummy", "Dummy"},
    {"ifb", "Intermediate Functional Block (ifb)"},
    {"vrf", "VRF"},
    {"wireguard", "WireGuard tunnel"},
    {"gre", "GRE tunnel"},
    {"gretap", "GRE Ethernet tunnel (gretap)"},
    {"ip6gre", "GRE over IPv6 tunnel"},
    {"ipip", "IP-in-IP tunnel"},
    {"sit", "IPv6-in-IPv4 tunnel (sit)"},
    {"ip6tnl", "IP-in-IPv6 tunnel"},
    {"netkit", "netkit"},
    {"nlmon", "Netlink monitor (nlmon)"},
};

static const char *kind_text(const struct prov_link *l, char *buf, size_t cap)
{
        size_t i;

        if (l->kind) {
                for (i = 0; i < sizeof(kind_texts) / sizeof(kind_texts[0]); i++)
                        if (!strcmp(l->kind, kind_texts[i].kind))
                                return kind_texts[i].text;
                return l->kind;
        }
        if (l->flags & PROV_IFF_LOOPBACK)
                return "Software Loopback Interface";
        if (l->parent_dev) {
                snprintf(buf, cap, "%s device %s", l->parent_bus ? l->parent_bus : "bus",
                         l->parent_dev);
                return buf;
        }
        return "Network interface";
}

void link_describe(const struct prov_link *l, WCHAR *out, size_t cap)
{
        char buf[160];
        const char *text = l->alias && *l->alias ? l->alias : kind_text(l, buf, sizeof(buf));

        utf8_to_utf16(text, strlen(text), out, cap);
}
