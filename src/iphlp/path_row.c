/* path_row.c - one MIB_IPPATH_ROW from one cached route exception (a learned path
 * MTU or a redirect): destination, next hop, path MTU (the link's MTU when the
 * exception does not lower it), and the RTT metrics when the route has them.
 * Linux keeps no per-path bandwidth estimate; link speeds are set by the caller. */
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include "tables.h"

/* Hundredths of a second as milliseconds, saturating: exceptions live as long as
 * net.ipv{4,6}.route.mtu_expires says, which may be longer than 2^32 ms (49.7 days). */
static ULONG cs_to_ms(uint32_t cs)
{
        return cs > UINT32_MAX / 10u ? UINT32_MAX : cs * 10u;
}

void path_row_fill(MIB_IPPATH_ROW *row, const struct prov_route *r, NET_LUID luid,
                   uint32_t link_mtu)
{
        static const uint8_t zero[16];

        memset(row, 0, sizeof(*row));
        sockaddr_inet_set(&row->Source, r->family, r->has_prefsrc ? r->prefsrc : zero, r->oif);
        sockaddr_inet_set(&row->Destination, r->family, r->dst, r->oif);
        row->InterfaceLuid = luid;
        row->InterfaceIndex = r->oif;
        if (r->gw_family)
                sockaddr_inet_set(&row->CurrentNextHop, r->gw_family, r->gw, r->oif);
        else
                sockaddr_inet_set(&row->CurrentNextHop, r->family, zero, 0);
        row->PathMtu = r->mtu ? r->mtu : link_mtu;
        row->RttMean = r->rtt_ms;
        row->RttDeviation = r->rttvar_ms;
        row->IsReachable = TRUE; /* the kernel keeps the exception while the path is in use */
        row->LastReachable = r->has_cacheinfo ? cs_to_ms(r->lastuse_cs) : 0;
        row->LinkTransmitSpeed = row->LinkReceiveSpeed = IF_SPEED_UNKNOWN;
}
