/* notify_api_kernel.c - the kernel-mode change-notification entry points
 * (netioapi.h without iphlpapi.h: NETIO_STATUS is NTSTATUS, symbols
 * winnet_k_<Name>): IRQL < DISPATCH_LEVEL, the one implementation, the NTSTATUS
 * twin of the user-mode Win32 code. Callbacks run at PASSIVE_LEVEL. Like the
 * user-mode ones, these calls are no provider batch: the initial notification
 * runs the caller's callback before the call returns, and the calls that
 * callback makes must read the namespace the thread is in by then. */
#include "netioapi.h"

#include "api_call.h"
#include "notify.h"

NETIO_STATUS NETIOAPI_API_ NotifyIpInterfaceChange(ADDRESS_FAMILY Family,
                                                   PIPINTERFACE_CHANGE_CALLBACK Callback,
                                                   PVOID CallerContext, BOOLEAN InitialNotification,
                                                   HANDLE *NotificationHandle)
{
        union notify_callback cb = {.ipif = Callback};

        return KERNEL_CALL_UNBATCHED("NotifyIpInterfaceChange",
                                     iphlp_notify_change(NK_IPIF, Family, cb, CallerContext,
                                                         InitialNotification, NotificationHandle));
}

NETIO_STATUS NETIOAPI_API_ NotifyUnicastIpAddressChange(ADDRESS_FAMILY Family,
                                                        PUNICAST_IPADDRESS_CHANGE_CALLBACK Callback,
                                                        PVOID CallerContext,
                                                        BOOLEAN InitialNotification,
                                                        HANDLE *NotificationHandle)
{
        union notify_callback cb = {.addr = Callback};

        return KERNEL_CALL_UNBATCHED("NotifyUnicastIpAddressChange",
                                     iphlp_notify_change(NK_ADDR, Family, cb, CallerContext,
                                                         InitialNotification, NotificationHandle));
}

NETIO_STATUS NETIOAPI_API_ NotifyRouteChange2(ADDRESS_FAMILY AddressFamily,
                                              PIPFORWARD_CHANGE_CALLBACK Callback,
                                              PVOID CallerContext, BOOLEAN InitialNotification,
                                              HANDLE *NotificationHandle)
{
        union notify_callback cb = {.route = Callback};

        return KERNEL_CALL_UNBATCHED("NotifyRouteChange2",
                                     iphlp_notify_change(NK_ROUTE, AddressFamily, cb, CallerContext,
                                                         InitialNotification, NotificationHandle));
}

NETIO_STATUS NETIOAPI_API_
NotifyStableUnicastIpAddressTable(ADDRESS_FAMILY Family, PMIB_UNICASTIPADDRESS_TABLE *Table,
                                  PSTABLE_UNICAST_IPADDRESS_TABLE_CALLBACK CallerCallback,
                                  PVOID CallerContext, HANDLE *NotificationHandle)
{
        int r;

        irql_check_max("NotifyStableUnicastIpAddressTable", IRQL_APC, 0);
        r = iphlp_notify_stable(Family, Table, CallerCallback, CallerContext, NotificationHandle,
                                ALLOC_SITE_HERE("NotifyStableUnicastIpAddressTable"));
        return r == 1 ? STATUS_PENDING : ntstatus_from_errno(r);
}

NETIO_STATUS NETIOAPI_API_ CancelMibChangeNotify2(HANDLE NotificationHandle)
{
        return KERNEL_CALL_UNBATCHED("CancelMibChangeNotify2",
                                     iphlp_notify_cancel(NotificationHandle));
}
