/* ipnet_row.c - one MIB_IPNET_ROW2 from one ARP/NDP cache entry: NUD states as
 * NL_NEIGHBOR_STATE, NTF_ROUTER as IsRouter, NUD_FAILED as IsUnreachable, and the
 * cache's ages (hundredths of a second) as milliseconds. */
#include <string.h>
#include <sys/socket.h>

#include "tables.h"

static NL_NEIGHBOR_STATE state_of(uint16_t nud)
{
        if (nud & (PROV_NUD_PERMANENT | PROV_NUD_NOARP))
                return NlnsPermanent;
        if (nud & PROV_NUD_REACHABLE)
                return NlnsReachable;
        if (nud & PROV_NUD_STALE)
                return NlnsStale;
        if (nud & PROV_NUD_DELAY)
                return NlnsDelay;
        if (nud & PROV_NUD_PROBE)
                return NlnsProbe;
        if (nud & PROV_NUD_FAILED)
                return NlnsUnreachable;
        return NlnsIncomplete; /* INCOMPLETE, or NONE: resolution not (yet) done */
}

static ULONG cs_to_ms(uint32_t cs)
{
        return cs > UINT32_MAX / 10u ? UINT32_MAX : cs * 10u;
}

void ipnet_row_fill(MIB_IPNET_ROW2 *row, const struct prov_neigh *n, NET_LUID luid)
{
        size_t len =
            n->lladdr_len < IF_MAX_PHYS_ADDRESS_LENGTH ? n->lladdr_len : IF_MAX_PHYS_ADDRESS_LENGTH;
        bool failed = (n->state & PROV_NUD_FAILED) != 0;

        memset(row, 0, sizeof(*row));
        sockaddr_inet_set(&row->Address, n->family, n->addr, n->ifindex);
        row->InterfaceIndex = n->ifindex;
        row->InterfaceLuid = luid;
        if (n->lladdr)
                memcpy(row->PhysicalAddress, n->lladdr, len);
        row->PhysicalAddressLength = n->lladdr ? (ULONG)len : 0;
        row->State = state_of(n->state);
        row->IsRouter = (n->flags & PROV_NTF_ROUTER) != 0;
        row->IsUnreachable = failed;
        /* The age that goes with the state reported: an entry never resolved
         * (INCOMPLETE, or NONE, reported as Incomplete too) has no confirmation
         * of its own; the kernel back-dates a new entry's ndm_confirmed by two
         * base reachable times, which would read as a stale confirmation. */
        if (row->State == NlnsUnreachable || row->State == NlnsIncomplete)
                row->ReachabilityTime.LastUnreachable = cs_to_ms(n->updated_cs);
        else
                row->ReachabilityTime.LastReachable = cs_to_ms(n->confirmed_cs);
}
