/* api_user.c - the user-mode IP Helper entry points (iphlpapi.h: NETIO_STATUS is
 * DWORD, plain symbol names): each calls the one implementation and maps its
 * result to a Win32 code. Nothing else happens here. */
#include "iphlpapi.h"

#include "api_call.h"
#include "iphlp.h"

NETIO_STATUS NETIOAPI_API_ GetIfTable2(PMIB_IF_TABLE2 *Table)
{
        return USER_CALL(iphlp_get_if_table(MibIfTableNormal, Table, SITE("GetIfTable2")));
}

NETIO_STATUS NETIOAPI_API_ GetIfTable2Ex(MIB_IF_TABLE_LEVEL Level, PMIB_IF_TABLE2 *Table)
{
        return USER_CALL(iphlp_get_if_table(Level, Table, SITE("GetIfTable2Ex")));
}

NETIO_STATUS NETIOAPI_API_ GetIfEntry2(PMIB_IF_ROW2 Row)
{
        return USER_CALL(iphlp_get_if_entry(MibIfEntryNormal, Row));
}

NETIO_STATUS NETIOAPI_API_ GetIfEntry2Ex(MIB_IF_ENTRY_LEVEL Level, PMIB_IF_ROW2 Row)
{
        return USER_CALL(iphlp_get_if_entry(Level, Row));
}

NETIO_STATUS NETIOAPI_API_ GetIpInterfaceTable(ADDRESS_FAMILY Family, PMIB_IPINTERFACE_TABLE *Table)
{
        return USER_CALL(iphlp_get_ipif_table(Family, Table, SITE("GetIpInterfaceTable")));
}

NETIO_STATUS NETIOAPI_API_ GetIpInterfaceEntry(PMIB_IPINTERFACE_ROW Row)
{
        return USER_CALL(iphlp_get_ipif_entry(Row));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceIndexToLuid(NET_IFINDEX InterfaceIndex,
                                                       PNET_LUID InterfaceLuid)
{
        return USER_CALL(iphlp_index_to_luid(InterfaceIndex, InterfaceLuid));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceLuidToIndex(const NET_LUID *InterfaceLuid,
                                                       PNET_IFINDEX InterfaceIndex)
{
        return USER_CALL(iphlp_luid_to_index(InterfaceLuid, InterfaceIndex));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceLuidToGuid(const NET_LUID *InterfaceLuid,
                                                      GUID *InterfaceGuid)
{
        return USER_CALL(iphlp_luid_to_guid(InterfaceLuid, InterfaceGuid));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceGuidToLuid(const GUID *InterfaceGuid,
                                                      PNET_LUID InterfaceLuid)
{
        return USER_CALL(iphlp_guid_to_luid(InterfaceGuid, InterfaceLuid));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceLuidToNameW(const NET_LUID *InterfaceLuid,
                                                       PWSTR InterfaceName, SIZE_T Length)
{
        return USER_CALL(iphlp_luid_to_name_w(InterfaceLuid, InterfaceName, Length));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceLuidToNameA(const NET_LUID *InterfaceLuid,
                                                       PSTR InterfaceName, SIZE_T Length)
{
        return USER_CALL(iphlp_luid_to_name_a(InterfaceLuid, InterfaceName, Length));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceNameToLuidW(const WCHAR *InterfaceName,
                                                       NET_LUID *InterfaceLuid)
{
        return USER_CALL(iphlp_name_to_luid_w(InterfaceName, InterfaceLuid));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceNameToLuidA(const CHAR *InterfaceName,
                                                       NET_LUID *InterfaceLuid)
{
        return USER_CALL(iphlp_name_to_luid_a(InterfaceName, InterfaceLuid));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceLuidToAlias(const NET_LUID *InterfaceLuid,
                                                       PWSTR InterfaceAlias, SIZE_T Length)
{
        return USER_CALL(iphlp_luid_to_alias(InterfaceLuid, InterfaceAlias, Length));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceAliasToLuid(const WCHAR *InterfaceAlias,
                                                       PNET_LUID InterfaceLuid)
{
        return USER_CALL(iphlp_alias_to_luid(InterfaceAlias, InterfaceLuid));
}
