/* port_if_table.c - an interface lister written as for Windows (UNICODE build,
 * GetIfTable2, ConvertInterfaceLuidToNameW, FreeMibTable, #pragma comment(lib)),
 * checked against the kernel: the loopback row of this machine, then every row of
 * a namespace with a veth pair against `ip -j link`. Built as C11 and C++17. */
#define UNICODE
#define _UNICODE
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>
#include <tchar.h>
#include <stdio.h>
#include <stdlib.h>

/* MSVC links the import library from here; GCC warns about the unknown pragma, so
 * this file is built with -Wno-unknown-pragmas (docs/porting.md). */
#pragma comment(lib, "iphlpapi.lib")

#include "port_env.h"

/* wcscmp takes 32-bit wchar_t on Linux; WCHAR strings are compared by hand. */
static BOOL WideEquals(LPCWSTR a, LPCWSTR b)
{
        while (*a && *a == *b) {
                a++;
                b++;
        }
        return *a == *b;
}

static PMIB_IF_ROW2 FindByAlias(PMIB_IF_TABLE2 pTable, LPCTSTR pszAlias)
{
        ULONG i;

        for (i = 0; i < pTable->NumEntries; i++)
                if (WideEquals(pTable->Table[i].Alias, pszAlias))
                        return &pTable->Table[i];
        return NULL;
}

static void CheckLoopback(void)
{
        PMIB_IF_TABLE2 pIfTable = NULL;
        PMIB_IF_ROW2 pRow = NULL;
        WCHAR szName[NDIS_IF_MAX_STRING_SIZE + 1];
        NET_LUID luid;
        char utf8[512];
        DWORD dwRetVal;
        ULONG i;
        int nLoopback = 0;

        dwRetVal = GetIfTable2(&pIfTable);
        PORT_CHECK(dwRetVal == NO_ERROR, "GetIfTable2 returned %lu", (unsigned long)dwRetVal);
        if (dwRetVal != NO_ERROR)
                return;
        for (i = 0; i < pIfTable->NumEntries; i++) {
                if (pIfTable->Table[i].Type == IF_TYPE_SOFTWARE_LOOPBACK) {
                        pRow = &pIfTable->Table[i];
                        nLoopback++;
                }
        }
        PORT_CHECK(nLoopback == 1, "%d rows of type IF_TYPE_SOFTWARE_LOOPBACK", nLoopback);
        if (pRow) {
                PORT_CHECK(WideEquals(pRow->Alias, TEXT("lo")), "loopback alias %s",
                           port_utf8(pRow->Alias, utf8, sizeof(utf8)));
                PORT_CHECK(pRow->Type == MIB_IF_TYPE_LOOPBACK, "type %lu",
                           (unsigned long)pRow->Type);
                PORT_CHECK(pRow->InterfaceIndex == if_nametoindex("lo"), "index %lu, lo is %u",
                           (unsigned long)pRow->InterfaceIndex, if_nametoindex("lo"));
                /* Windows reports no address for loopback; Linux gives it six zero
                 * bytes, and winnet reports what the kernel has (docs/porting.md). */
                PORT_CHECK(pRow->PhysicalAddressLength ==
                               (ULONG)port_sh_number("cat /sys/class/net/lo/addr_len"),
                           "loopback has a %lu-byte address",
                           (unsigned long)pRow->PhysicalAddressLength);
                PORT_CHECK(pRow->Mtu == (ULONG)port_sh_number("cat /sys/class/net/lo/mtu"),
                           "loopback Mtu %lu", (unsigned long)pRow->Mtu);

                ZeroMemory(szName, sizeof(szName));
                dwRetVal =
                    ConvertInterfaceLuidToNameW(&pRow->InterfaceLuid, szName, ARRAYSIZE(szName));
                PORT_CHECK(dwRetVal == NO_ERROR, "ConvertInterfaceLuidToNameW returned %lu",
                           (unsigned long)dwRetVal);
                PORT_CHECK(szName[0] != 0, "empty interface name");
                ZeroMemory(&luid, sizeof(luid));
                dwRetVal = ConvertInterfaceNameToLuidW(szName, &luid);
                PORT_CHECK(dwRetVal == NO_ERROR && luid.Value == pRow->InterfaceLuid.Value,
                           "name %s -> LUID %llx (row has %llx), returned %lu",
                           port_utf8(szName, utf8, sizeof(utf8)), (unsigned long long)luid.Value,
                           (unsigned long long)pRow->InterfaceLuid.Value, (unsigned long)dwRetVal);
        }
        FreeMibTable(pIfTable);
        pIfTable = NULL;
}

static void CheckNamespace(void)
{
        static const BYTE kMac[6] = {0x00, 0x00, 0x5e, 0x00, 0x53, 0x01};
        PMIB_IF_TABLE2 pIfTable = NULL;
        PMIB_IF_ROW2 pRow;
        MIB_IF_ROW2 ifRow;
        DWORD dwRetVal;

        port_netns_enter("port-iftable", "link add port0 address 00:00:5e:00:53:01 mtu 1400 "
                                         "type veth peer name port1\n"
                                         "link set port0 up\n"
                                         "link set port1 up\n");
        /* As a Windows test would wait for the adapter to come up before reading
         * its state: the kernel's link watch sets it shortly after. */
        PORT_CHECK(port_wait_operstate("port0", "UP") == 0, "port0 never came up");

        dwRetVal = GetIfTable2(&pIfTable);
        PORT_CHECK(dwRetVal == NO_ERROR, "GetIfTable2 in the namespace returned %lu",
                   (unsigned long)dwRetVal);
        if (dwRetVal != NO_ERROR)
                return;
        PORT_CHECK((long long)pIfTable->NumEntries == port_link_count(),
                   "%lu rows, `ip -j link` shows %lld links", (unsigned long)pIfTable->NumEntries,
                   port_link_count());

        pRow = FindByAlias(pIfTable, TEXT("port0"));
        PORT_CHECK(pRow != NULL, "no row with alias port0");
        if (pRow) {
                PORT_CHECK(pRow->Type == IF_TYPE_ETHERNET_CSMACD, "port0 type %lu",
                           (unsigned long)pRow->Type);
                PORT_CHECK(pRow->InterfaceIndex == (NET_IFINDEX)port_link_int("port0", "ifindex"),
                           "port0 index %lu", (unsigned long)pRow->InterfaceIndex);
                PORT_CHECK(pRow->Mtu == 1400, "port0 Mtu %lu", (unsigned long)pRow->Mtu);
                PORT_CHECK(pRow->PhysicalAddressLength == sizeof(kMac) &&
                               RtlEqualMemory(pRow->PhysicalAddress, kMac, sizeof(kMac)),
                           "port0 address length %lu", (unsigned long)pRow->PhysicalAddressLength);
                PORT_CHECK(pRow->AdminStatus == NET_IF_ADMIN_STATUS_UP, "AdminStatus %d",
                           (int)pRow->AdminStatus);
                PORT_CHECK(pRow->OperStatus == IfOperStatusUp, "OperStatus %d",
                           (int)pRow->OperStatus);
                PORT_CHECK(pRow->MediaConnectState == MediaConnectStateConnected,
                           "MediaConnectState %d", (int)pRow->MediaConnectState);

                /* The single-row getter, keyed by index as Windows samples key it. */
                SecureZeroMemory(&ifRow, sizeof(ifRow));
                ifRow.InterfaceIndex = pRow->InterfaceIndex;
                dwRetVal = GetIfEntry2(&ifRow);
                PORT_CHECK(dwRetVal == NO_ERROR, "GetIfEntry2 returned %lu",
                           (unsigned long)dwRetVal);
                PORT_CHECK(ifRow.InterfaceLuid.Value == pRow->InterfaceLuid.Value &&
                               ifRow.Mtu == pRow->Mtu,
                           "GetIfEntry2 LUID %llx Mtu %lu",
                           (unsigned long long)ifRow.InterfaceLuid.Value, (unsigned long)ifRow.Mtu);
        }
        FreeMibTable(pIfTable);

        ZeroMemory(&ifRow, sizeof(ifRow));
        ifRow.InterfaceIndex = 0x7ffffff0;
        dwRetVal = GetIfEntry2(&ifRow);
        PORT_CHECK(dwRetVal == ERROR_FILE_NOT_FOUND, "unknown index: %lu", (unsigned long)dwRetVal);
}

int main(void)
{
        CheckLoopback();
        CheckNamespace();
        return port_exit("port_if_table");
}
