/* if_row.c - one MIB_IF_ROW2 from one provider link record: a flat list of field
 * assignments. Where each value comes from, and the constants chosen where Linux
 * has no such notion, is docs/iphlp-fields.md. Speeds are left unknown here; the
 * table and entry calls fill them from the device's own report. */
#include <string.h>

#include "iphlp.h"
#include "utf16.h"

static IF_OPER_STATUS oper_status(const struct prov_link *l)
{
        switch (l->operstate) {
        case PROV_OPER_UP:
                return IfOperStatusUp;
        case PROV_OPER_DOWN:
                return IfOperStatusDown;
        case PROV_OPER_LOWERLAYERDOWN:
                return IfOperStatusLowerLayerDown;
        case PROV_OPER_TESTING:
                return IfOperStatusTesting;
        case PROV_OPER_DORMANT:
                return IfOperStatusDormant;
        case PROV_OPER_NOTPRESENT:
                return IfOperStatusNotPresent;
        default: /* UNKNOWN: drivers that never set it (lo, tun) say so while running */
                if ((l->flags & PROV_IFF_UP) && (l->flags & PROV_IFF_RUNNING))
                        return IfOperStatusUp;
                return (l->flags & PROV_IFF_UP) ? IfOperStatusUnknown : IfOperStatusDown;
        }
}

/* The kernel tracks carrier only while a link is up (sysfs refuses to show it
 * otherwise), so an administratively down link's medium state is unknown. */
static NET_IF_MEDIA_CONNECT_STATE media_state(const struct prov_link *l)
{
        if (!(l->flags & PROV_IFF_UP) || l->carrier < 0)
                return MediaConnectStateUnknown;
        return l->carrier ? MediaConnectStateConnected : MediaConnectStateDisconnected;
}

static void copy_addr(UCHAR *dst, const uint8_t *src, uint16_t len)
{
        if (src)
                memcpy(dst, src,
                       len < IF_MAX_PHYS_ADDRESS_LENGTH ? len : IF_MAX_PHYS_ADDRESS_LENGTH);
}

static void fill_counters(MIB_IF_ROW2 *r, const struct prov_stats *s)
{
        r->InOctets = s->rx_bytes;
        r->InUcastPkts = s->rx_packets > s->multicast ? s->rx_packets - s->multicast : 0;
        r->InNUcastPkts = s->multicast;
        r->InDiscards = s->rx_dropped;
        r->InErrors = s->rx_errors;
        r->InUnknownProtos = s->rx_nohandler;
        r->OutOctets = s->tx_bytes;
        r->OutUcastPkts = s->tx_packets; /* Linux counts no transmitted multicast apart */
        r->OutDiscards = s->tx_dropped;
        r->OutErrors = s->tx_errors;
}

static void fill_identity(MIB_IF_ROW2 *r, const struct prov_link *l, const struct link_class *c)
{
        r->InterfaceLuid = luid_make(l->ifindex, c->type);
        r->InterfaceIndex = l->ifindex;
        r->InterfaceGuid = guid_make(l->ifindex, c->type);
        utf8_to_utf16(l->name, strlen(l->name), r->Alias, IF_MAX_STRING_SIZE + 1);
        link_describe(l, r->Description, IF_MAX_STRING_SIZE + 1);
        r->PhysicalAddressLength =
            l->addr_len < IF_MAX_PHYS_ADDRESS_LENGTH ? l->addr_len : IF_MAX_PHYS_ADDRESS_LENGTH;
        copy_addr(r->PhysicalAddress, l->addr, l->addr_len);
        copy_addr(r->PermanentPhysicalAddress, l->perm_addr, l->perm_addr_len);
}

void if_row_fill(MIB_IF_ROW2 *r, const struct prov_link *l)
{
        struct link_class c;

        memset(r, 0, sizeof(*r));
        link_classify(l, &c);
        fill_identity(r, l, &c);
        r->Mtu = l->mtu;
        r->Type = c.type;
        r->TunnelType = c.tunnel;
        r->MediaType = c.medium;
        r->PhysicalMediumType = c.physical;
        r->AccessType = c.access;
        r->DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
        r->InterfaceAndOperStatusFlags.HardwareInterface = c.hardware;
        r->InterfaceAndOperStatusFlags.ConnectorPresent = c.hardware;
        r->InterfaceAndOperStatusFlags.NotAuthenticated = l->operstate == PROV_OPER_DORMANT;
        r->OperStatus = oper_status(l);
        r->AdminStatus =
            (l->flags & PROV_IFF_UP) ? NET_IF_ADMIN_STATUS_UP : NET_IF_ADMIN_STATUS_DOWN;
        r->MediaConnectState = media_state(l);
        r->InterfaceAndOperStatusFlags.NotMediaConnected =
            r->MediaConnectState == MediaConnectStateDisconnected;
        r->ConnectionType = NET_IF_CONNECTION_DEDICATED;
        r->TransmitLinkSpeed = IF_SPEED_UNKNOWN;
        r->ReceiveLinkSpeed = IF_SPEED_UNKNOWN;
        if (l->has_stats)
                fill_counters(r, &l->stats);
        r->OutQLen = l->txqlen;
}
