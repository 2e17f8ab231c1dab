/* port_ip_interface.c - IP interface settings, addresses and change notifications
 * written as for Windows (InitializeIpInterfaceEntry + GetIpInterfaceEntry,
 * SOCKADDR_INET, GetUnicastIpAddressTable, NotifyIpInterfaceChange with a
 * NETIOAPI_API_ callback, CancelMibChangeNotify2), run in a namespace with
 * documentation addresses (192.0.2.0/24, 2001:db8::/32) and checked against the
 * kernel. Built as C11 and C++17; needs root for the namespace. */
#define UNICODE
#define _UNICODE
#include <windows.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <time.h>

#ifdef _MSC_VER
#pragma comment(lib, "iphlpapi.lib")
#endif

#include "port_env.h"

/* Windows code waits on an event set by the callback; here a mutex and a
 * condition variable do that (docs/porting.md). */
typedef struct _NOTIFY_CONTEXT {
        pthread_mutex_t Lock;
        pthread_cond_t Changed;
        LONG InitialCount;
        LONG AddCount;
        NET_IFINDEX WantIndex;
        ADDRESS_FAMILY AddFamily;
} NOTIFY_CONTEXT, *PNOTIFY_CONTEXT;

static VOID NETIOAPI_API_ InterfaceChangeCallback(PVOID CallerContext, PMIB_IPINTERFACE_ROW Row,
                                                  MIB_NOTIFICATION_TYPE NotificationType)
{
        PNOTIFY_CONTEXT pCtx = (PNOTIFY_CONTEXT)CallerContext;

        pthread_mutex_lock(&pCtx->Lock);
        if (NotificationType == MibInitialNotification) {
                pCtx->InitialCount++;
        } else if (NotificationType == MibAddInstance && Row != NULL &&
                   Row->InterfaceIndex == pCtx->WantIndex) {
                pCtx->AddCount++;
                pCtx->AddFamily = Row->Family;
        }
        pthread_cond_broadcast(&pCtx->Changed);
        pthread_mutex_unlock(&pCtx->Lock);
}

static void CheckInterfaceEntry(NET_IFINDEX ifIndex)
{
        MIB_IPINTERFACE_ROW row;
        DWORD dwRetVal;

        InitializeIpInterfaceEntry(&row);
        row.Family = AF_INET6;
        row.InterfaceIndex = ifIndex;
        dwRetVal = GetIpInterfaceEntry(&row);
        PORT_CHECK(dwRetVal == NO_ERROR, "GetIpInterfaceEntry(AF_INET6) returned %lu",
                   (unsigned long)dwRetVal);
        PORT_CHECK(row.NlMtu == 1400, "IPv6 NlMtu %lu, the link has 1400",
                   (unsigned long)row.NlMtu);
        PORT_CHECK(row.InterfaceLuid.Value != 0, "the LUID was not filled in");
        PORT_CHECK(row.Connected, "port0 not Connected");

        InitializeIpInterfaceEntry(&row);
        row.Family = AF_INET;
        row.InterfaceIndex = ifIndex;
        dwRetVal = GetIpInterfaceEntry(&row);
        PORT_CHECK(dwRetVal == NO_ERROR && row.NlMtu == 1400,
                   "GetIpInterfaceEntry(AF_INET) returned %lu, NlMtu %lu", (unsigned long)dwRetVal,
                   (unsigned long)row.NlMtu);
        PORT_CHECK(row.ForwardingEnabled ==
                       (BOOLEAN)port_sh_number("sysctl -n net.ipv4.conf.port0.forwarding"),
                   "ForwardingEnabled %d", (int)row.ForwardingEnabled);
}

static void CheckAddresses(NET_IFINDEX ifIndex)
{
        PMIB_UNICASTIPADDRESS_TABLE pTable = NULL;
        char szAddr[INET6_ADDRSTRLEN];
        BOOL bSaw4 = FALSE, bSaw6 = FALSE;
        DWORD dwRetVal;
        ULONG i;

        dwRetVal = GetUnicastIpAddressTable(AF_UNSPEC, &pTable);
        PORT_CHECK(dwRetVal == NO_ERROR, "GetUnicastIpAddressTable returned %lu",
                   (unsigned long)dwRetVal);
        if (dwRetVal != NO_ERROR)
                return;
        for (i = 0; i < pTable->NumEntries; i++) {
                PMIB_UNICASTIPADDRESS_ROW pRow = &pTable->Table[i];
                SOCKADDR_INET *pAddr = &pRow->Address;
                ADDRESS_FAMILY family = pAddr->si_family;

                if (pRow->InterfaceIndex != ifIndex)
                        continue;
                if (family == AF_INET) {
                        InetNtopA(AF_INET, &pAddr->Ipv4.sin_addr, szAddr, ARRAYSIZE(szAddr));
                        if (!strcmp(szAddr, "192.0.2.1")) {
                                bSaw4 = TRUE;
                                PORT_CHECK(pRow->OnLinkPrefixLength == 24, "prefix /%u",
                                           (unsigned)pRow->OnLinkPrefixLength);
                        }
                } else if (family == AF_INET6) {
                        InetNtopA(AF_INET6, &pAddr->Ipv6.sin6_addr, szAddr, ARRAYSIZE(szAddr));
                        if (!strcmp(szAddr, "2001:db8::1")) {
                                bSaw6 = TRUE;
                                PORT_CHECK(pRow->OnLinkPrefixLength == 64, "prefix /%u",
                                           (unsigned)pRow->OnLinkPrefixLength);
                        }
                }
        }
        PORT_CHECK(bSaw4, "192.0.2.1 not in GetUnicastIpAddressTable");
        PORT_CHECK(bSaw6, "2001:db8::1 not in GetUnicastIpAddressTable");
        FreeMibTable(pTable);
}

static void CheckNotification(void)
{
        NOTIFY_CONTEXT ctx;
        HANDLE hNotify = NULL;
        DWORD dwRetVal;
        struct timespec deadline;
        int rc = 0;

        ZeroMemory(&ctx, sizeof(ctx));
        pthread_mutex_init(&ctx.Lock, NULL);
        pthread_cond_init(&ctx.Changed, NULL);
        ctx.WantIndex = 4242;
        dwRetVal =
            NotifyIpInterfaceChange(AF_UNSPEC, &InterfaceChangeCallback, &ctx, TRUE, &hNotify);
        PORT_CHECK(dwRetVal == NO_ERROR, "NotifyIpInterfaceChange returned %lu",
                   (unsigned long)dwRetVal);
        if (dwRetVal != NO_ERROR)
                return;
        pthread_mutex_lock(&ctx.Lock);
        PORT_CHECK(ctx.InitialCount == 1, "%ld initial notifications before the call returned",
                   (long)ctx.InitialCount);
        pthread_mutex_unlock(&ctx.Lock);

        PORT_CHECK(port_netns_ip("link add port2 index 4242 type veth peer name port3") == 0 &&
                       port_netns_ip("link set port2 up") == 0,
                   "cannot add port2");
        timespec_get(&deadline, TIME_UTC); /* the clock pthread_cond_timedwait uses */
        deadline.tv_sec += 10;
        pthread_mutex_lock(&ctx.Lock);
        while (ctx.AddCount == 0 && rc == 0)
                rc = pthread_cond_timedwait(&ctx.Changed, &ctx.Lock, &deadline);
        PORT_CHECK(ctx.AddCount > 0, "no MibAddInstance for port2 within 10 s");
        PORT_CHECK(ctx.AddCount == 0 || ctx.AddFamily == AF_INET || ctx.AddFamily == AF_INET6,
                   "added row has family %u", (unsigned)ctx.AddFamily);
        pthread_mutex_unlock(&ctx.Lock);

        dwRetVal = CancelMibChangeNotify2(hNotify);
        PORT_CHECK(dwRetVal == NO_ERROR, "CancelMibChangeNotify2 returned %lu",
                   (unsigned long)dwRetVal);
        pthread_cond_destroy(&ctx.Changed);
        pthread_mutex_destroy(&ctx.Lock);
}

int main(void)
{
        NET_IFINDEX ifIndex;

        port_netns_enter("port-ipif", "link add port0 mtu 1400 type veth peer name port1\n"
                                      "link set port0 up\n"
                                      "link set port1 up\n"
                                      "addr add 192.0.2.1/24 dev port0\n"
                                      "addr add 2001:db8::1/64 dev port0 nodad\n");
        PORT_CHECK(port_wait_operstate("port0", "UP") == 0, "port0 never came up");
        ifIndex = if_nametoindex("port0");
        PORT_CHECK(ifIndex != 0, "port0 has no index");
        CheckInterfaceEntry(ifIndex);
        CheckAddresses(ifIndex);
        CheckNotification();
        return port_exit("port_ip_interface");
}
