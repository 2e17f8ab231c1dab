/* notify_api.c - NotifyIpInterfaceChange, NotifyUnicastIpAddressChange,
 * NotifyRouteChange2, NotifyStableUnicastIpAddressTable and
 * CancelMibChangeNotify2, implemented once (0 or -errno; the edges map it):
 * argument checks, a handle registered with the listener of the calling thread's
 * namespace, and the initial notification on the calling thread before return. */
#include <errno.h>
#include <sys/socket.h>

#include "notify.h"
#include "tables.h"

static bool family_ok(ADDRESS_FAMILY f)
{
        return f == AF_INET || f == AF_INET6 || f == AF_UNSPEC;
}

static bool callback_set(enum notify_kind kind, union notify_callback cb)
{
        switch (kind) {
        case NK_IPIF:
                return cb.ipif != NULL;
        case NK_ADDR:
                return cb.addr != NULL;
        case NK_ROUTE:
                return cb.route != NULL;
        default:
                return cb.stable != NULL;
        }
}

int iphlp_notify_change(enum notify_kind kind, ADDRESS_FAMILY family, union notify_callback cb,
                        void *ctx, BOOLEAN initial, HANDLE *ret_handle)
{
        struct notify_handle *h;
        int r;

        if (!ret_handle)
                return -EINVAL;
        *ret_handle = NULL; /* Windows returns NULL in it on every error */
        if (!family_ok(family) || !callback_set(kind, cb))
                return -EINVAL;
        r = handle_new(kind, family, cb, ctx, &h);
        if (r < 0)
                return r;
        if (initial) /* no change is delivered before the initial notification */
                handle_hold(h);
        r = listener_register(h);
        if (r < 0) {
                if (initial)
                        handle_release(h);
                handle_unref(h);
                return r;
        }
        *ret_handle = handle_public(h);
        if (initial)
                handle_initial_held(h); /* may cancel h from inside: then h is gone on return */
        return 0;
}

int iphlp_notify_stable(ADDRESS_FAMILY family, PMIB_UNICASTIPADDRESS_TABLE *table,
                        PSTABLE_UNICAST_IPADDRESS_TABLE_CALLBACK cb, void *ctx, HANDLE *ret_handle,
                        struct alloc_site site)
{
        union notify_callback c = {.stable = cb};
        struct notify_handle *h;
        HANDLE id;
        int r;

        if (!table || !ret_handle)
                return -EINVAL;
        *table = NULL;
        *ret_handle = NULL;
        if (!family_ok(family) || !cb)
                return -EINVAL;
        r = handle_new(NK_STABLE, family, c, ctx, &h);
        if (r < 0)
                return r;
        id = handle_public(h); /* once linked, the listener may fire and release h */
        r = listener_register(h);
        if (r != 1) { /* pending: the listener calls back once DAD is over */
                if (r < 0)
                        handle_unref(h);
                else
                        *ret_handle = id;
                return r < 0 ? r : 1;
        }
        handle_unref(h); /* stable already: never linked */
        return iphlp_get_unicast_table(family, table, site);
}

int iphlp_notify_cancel(HANDLE handle)
{
        if (!handle)
                return -EINVAL;
        return listener_cancel_public(handle);
}
