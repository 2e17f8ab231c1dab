/* api_kernel.c - the kernel-mode NETIO entry points (netioapi.h without
 * iphlpapi.h: NETIO_STATUS is NTSTATUS and every name is bound to winnet_k_<Name>):
 * each checks IRQL < DISPATCH_LEVEL, calls the one implementation and maps its
 * result to the NTSTATUS whose Win32 twin the user-mode variant returns. */
#include "netioapi.h"

#include "api_call.h"
#include "iphlp.h"

NETIO_STATUS NETIOAPI_API_ GetIfTable2(PMIB_IF_TABLE2 *Table)
{
        return KERNEL_CALL("GetIfTable2",
                           iphlp_get_if_table(MibIfTableNormal, Table, SITE("GetIfTable2")));
}

NETIO_STATUS NETIOAPI_API_ GetIfTable2Ex(MIB_IF_TABLE_LEVEL Level, PMIB_IF_TABLE2 *Table)
{
        return KERNEL_CALL("GetIfTable2Ex",
                           iphlp_get_if_table(Level, Table, SITE("GetIfTable2Ex")));
}

NETIO_STATUS NETIOAPI_API_ GetIfEntry2(PMIB_IF_ROW2 Row)
{
        return KERNEL_CALL("GetIfEntry2", iphlp_get_if_entry(MibIfEntryNormal, Row));
}

NETIO_STATUS NETIOAPI_API_ GetIfEntry2Ex(MIB_IF_ENTRY_LEVEL Level, PMIB_IF_ROW2 Row)
{
        return KERNEL_CALL("GetIfEntry2Ex", iphlp_get_if_entry(Level, Row));
}

NETIO_STATUS NETIOAPI_API_ GetIpInterfaceTable(ADDRESS_FAMILY Family, PMIB_IPINTERFACE_TABLE *Table)
{
        return KERNEL_CALL("GetIpInterfaceTable",
                           iphlp_get_ipif_table(Family, Table, SITE("GetIpInterfaceTable")));
}

NETIO_STATUS NETIOAPI_API_ GetIpInterfaceEntry(PMIB_IPINTERFACE_ROW Row)
{
        return KERNEL_CALL("GetIpInterfaceEntry", iphlp_get_ipif_entry(Row));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceIndexToLuid(NET_IFINDEX InterfaceIndex,
                                                       PNET_LUID InterfaceLuid)
{
        return KERNEL_CALL("ConvertInterfaceIndexToLuid",
                           iphlp_index_to_luid(InterfaceIndex, InterfaceLuid));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceLuidToIndex(const NET_LUID *InterfaceLuid,
                                                       PNET_IFINDEX InterfaceIndex)
{
        return KERNEL_CALL("ConvertInterfaceLuidToIndex",
                           iphlp_luid_to_index(InterfaceLuid, InterfaceIndex));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceLuidToGuid(const NET_LUID *InterfaceLuid,
                                                      GUID *InterfaceGuid)
{
        return KERNEL_CALL("ConvertInterfaceLuidToGuid",
                           iphlp_luid_to_guid(InterfaceLuid, InterfaceGuid));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceGuidToLuid(const GUID *InterfaceGuid,
                                                      PNET_LUID InterfaceLuid)
{
        return KERNEL_CALL("ConvertInterfaceGuidToLuid",
                           iphlp_guid_to_luid(InterfaceGuid, InterfaceLuid));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceLuidToNameW(const NET_LUID *InterfaceLuid,
                                                       PWSTR InterfaceName, SIZE_T Length)
{
        return KERNEL_CALL("ConvertInterfaceLuidToNameW",
                           iphlp_luid_to_name_w(InterfaceLuid, InterfaceName, Length));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceLuidToNameA(const NET_LUID *InterfaceLuid,
                                                       PSTR InterfaceName, SIZE_T Length)
{
        return KERNEL_CALL("ConvertInterfaceLuidToNameA",
                           iphlp_luid_to_name_a(InterfaceLuid, InterfaceName, Length));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceNameToLuidW(const WCHAR *InterfaceName,
                                                       NET_LUID *InterfaceLuid)
{
        return KERNEL_CALL("ConvertInterfaceNameToLuidW",
                           iphlp_name_to_luid_w(InterfaceName, InterfaceLuid));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceNameToLuidA(const CHAR *InterfaceName,
                                                       NET_LUID *InterfaceLuid)
{
        return KERNEL_CALL("ConvertInterfaceNameToLuidA",
                           iphlp_name_to_luid_a(InterfaceName, InterfaceLuid));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceLuidToAlias(const NET_LUID *InterfaceLuid,
                                                       PWSTR InterfaceAlias, SIZE_T Length)
{
        return KERNEL_CALL("ConvertInterfaceLuidToAlias",
                           iphlp_luid_to_alias(InterfaceLuid, InterfaceAlias, Length));
}

NETIO_STATUS NETIOAPI_API_ ConvertInterfaceAliasToLuid(const WCHAR *InterfaceAlias,
                                                       PNET_LUID InterfaceLuid)
{
        return KERNEL_CALL("ConvertInterfaceAliasToLuid",
                           iphlp_alias_to_luid(InterfaceAlias, InterfaceLuid));
}
