/* group_rows.c - anycast and multicast rows: the address, its interface and the
 * zone of link-scoped IPv6 groups (ScopeId and sin6_scope_id are the ifindex). */
#include <string.h>
#include <sys/socket.h>

#include "tables.h"

static ULONG zone_of(const struct prov_addr *a)
{
        return a->family == AF_INET6 && ipv6_zoned(a->addr) ? a->ifindex : 0;
}

void anycast_row_fill(MIB_ANYCASTIPADDRESS_ROW *row, const struct prov_addr *a, NET_LUID luid)
{
        memset(row, 0, sizeof(*row));
        sockaddr_inet_set(&row->Address, a->family, a->addr, a->ifindex);
        row->InterfaceLuid = luid;
        row->InterfaceIndex = a->ifindex;
        row->ScopeId.Value = zone_of(a);
}

void multicast_row_fill(MIB_MULTICASTIPADDRESS_ROW *row, const struct prov_addr *a, NET_LUID luid)
{
        memset(row, 0, sizeof(*row));
        sockaddr_inet_set(&row->Address, a->family, a->addr, a->ifindex);
        row->InterfaceIndex = a->ifindex;
        row->InterfaceLuid = luid;
        row->ScopeId.Value = zone_of(a);
}
