/* notify_api_user.c - the user-mode change-notification entry points (iphlpapi.h:
 * NETIO_STATUS is DWORD, plain symbol names): each calls the one implementation
 * and maps its result to a Win32 code. */
#include "iphlpapi.h"

#include "errmap.h"
#include "notify.h"

NETIO_STATUS NETIOAPI_API_ NotifyIpInterfaceChange(ADDRESS_FAMILY Family,
                                                   PIPINTERFACE_CHANGE_CALLBACK Callback,
                                                   PVOID CallerContext, BOOLEAN InitialNotification,
                                                   HANDLE *NotificationHandle)
{
        union notify_callback cb = {.ipif = Callback};

        return win32_from_errno(iphlp_notify_change(NK_IPIF, Family, cb, CallerContext,
                                                    InitialNotification, NotificationHandle));
}

NETIO_STATUS NETIOAPI_API_ NotifyUnicastIpAddressChange(ADDRESS_FAMILY Family,
                                                        PUNICAST_IPADDRESS_CHANGE_CALLBACK Callback,
                                                        PVOID CallerContext,
                                                        BOOLEAN InitialNotification,
                                                        HANDLE *NotificationHandle)
{
        union notify_callback cb = {.addr = Callback};

        return win32_from_errno(iphlp_notify_change(NK_ADDR, Family, cb, CallerContext,
                                                    InitialNotification, NotificationHandle));
}

NETIO_STATUS NETIOAPI_API_ NotifyRouteChange2(ADDRESS_FAMILY AddressFamily,
                                              PIPFORWARD_CHANGE_CALLBACK Callback,
                                              PVOID CallerContext, BOOLEAN InitialNotification,
                                              HANDLE *NotificationHandle)
{
        union notify_callback cb = {.route = Callback};

        return win32_from_errno(iphlp_notify_change(NK_ROUTE, AddressFamily, cb, CallerContext,
                                                    InitialNotification, NotificationHandle));
}

NETIO_STATUS NETIOAPI_API_
NotifyStableUnicastIpAddressTable(ADDRESS_FAMILY Family, PMIB_UNICASTIPADDRESS_TABLE *Table,
                                  PSTABLE_UNICAST_IPADDRESS_TABLE_CALLBACK CallerCallback,
                                  PVOID CallerContext, HANDLE *NotificationHandle)
{
        int r =
            iphlp_notify_stable(Family, Table, CallerCallback, CallerContext, NotificationHandle,
                                ALLOC_SITE_HERE("NotifyStableUnicastIpAddressTable"));

        return r == 1 ? ERROR_IO_PENDING : win32_from_errno(r);
}

NETIO_STATUS NETIOAPI_API_ CancelMibChangeNotify2(HANDLE NotificationHandle)
{
        return win32_from_errno(iphlp_notify_cancel(NotificationHandle));
}
