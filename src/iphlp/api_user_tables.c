/* api_user_tables.c - the user-mode entry points of the address, route,
 * neighbour, stack and path tables (iphlpapi.h: NETIO_STATUS is DWORD, plain
 * symbol names): each calls the one implementation and maps its result to a
 * Win32 code. Nothing else happens here. */
#include "iphlpapi.h"

#include "api_call.h"
#include "tables.h"

NETIO_STATUS NETIOAPI_API_ GetUnicastIpAddressTable(ADDRESS_FAMILY Family,
                                                    PMIB_UNICASTIPADDRESS_TABLE *Table)
{
        return USER_CALL(iphlp_get_unicast_table(Family, Table, SITE("GetUnicastIpAddressTable")));
}

NETIO_STATUS NETIOAPI_API_ GetUnicastIpAddressEntry(PMIB_UNICASTIPADDRESS_ROW Row)
{
        return USER_CALL(iphlp_get_unicast_entry(Row));
}

NETIO_STATUS NETIOAPI_API_ GetAnycastIpAddressTable(ADDRESS_FAMILY Family,
                                                    PMIB_ANYCASTIPADDRESS_TABLE *Table)
{
        return USER_CALL(iphlp_get_anycast_table(Family, Table, SITE("GetAnycastIpAddressTable")));
}

NETIO_STATUS NETIOAPI_API_ GetAnycastIpAddressEntry(PMIB_ANYCASTIPADDRESS_ROW Row)
{
        return USER_CALL(iphlp_get_anycast_entry(Row));
}

NETIO_STATUS NETIOAPI_API_ GetMulticastIpAddressTable(ADDRESS_FAMILY Family,
                                                      PMIB_MULTICASTIPADDRESS_TABLE *Table)
{
        return USER_CALL(
            iphlp_get_multicast_table(Family, Table, SITE("GetMulticastIpAddressTable")));
}

NETIO_STATUS NETIOAPI_API_ GetMulticastIpAddressEntry(PMIB_MULTICASTIPADDRESS_ROW Row)
{
        return USER_CALL(iphlp_get_multicast_entry(Row));
}

NETIO_STATUS NETIOAPI_API_ GetIpForwardTable2(ADDRESS_FAMILY Family, PMIB_IPFORWARD_TABLE2 *Table)
{
        return USER_CALL(iphlp_get_forward_table(Family, Table, SITE("GetIpForwardTable2")));
}

NETIO_STATUS NETIOAPI_API_ GetIpForwardEntry2(PMIB_IPFORWARD_ROW2 Row)
{
        return USER_CALL(iphlp_get_forward_entry(Row));
}

NETIO_STATUS NETIOAPI_API_ GetIpNetTable2(ADDRESS_FAMILY Family, PMIB_IPNET_TABLE2 *Table)
{
        return USER_CALL(iphlp_get_ipnet_table(Family, Table, SITE("GetIpNetTable2")));
}

NETIO_STATUS NETIOAPI_API_ GetIpNetEntry2(PMIB_IPNET_ROW2 Row)
{
        return USER_CALL(iphlp_get_ipnet_entry(Row));
}

NETIO_STATUS NETIOAPI_API_ GetIpPathTable(ADDRESS_FAMILY Family, PMIB_IPPATH_TABLE *Table)
{
        return USER_CALL(iphlp_get_path_table(Family, Table, SITE("GetIpPathTable")));
}

NETIO_STATUS NETIOAPI_API_ GetIpPathEntry(PMIB_IPPATH_ROW Row)
{
        return USER_CALL(iphlp_get_path_entry(Row));
}

NETIO_STATUS NETIOAPI_API_ GetIfStackTable(PMIB_IFSTACK_TABLE *Table)
{
        return USER_CALL(iphlp_get_stack_table(Table, SITE("GetIfStackTable")));
}

NETIO_STATUS NETIOAPI_API_ GetInvertedIfStackTable(PMIB_INVERTEDIFSTACK_TABLE *Table)
{
        return USER_CALL(iphlp_get_inverted_stack_table(Table, SITE("GetInvertedIfStackTable")));
}
