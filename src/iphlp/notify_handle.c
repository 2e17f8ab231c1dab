/* notify_handle.c - what a notification handle is: the caller's callback and
 * context, the id the caller holds instead of its address, a reference count
 * (the listener's list holds one, each delivery pass one), and the call lock that
 * serialises its callbacks and that a cancel waits on. Rows handed to callbacks
 * carry the keys only, as on Windows. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "alloc.h"
#include "notify.h"

/* Public values: a sequence number in the high half and a low half that is no
 * plausible pointer or descriptor (its top bit set: negative as an int). */
static uintptr_t next_id(void)
{
        static uintptr_t seq;
        uintptr_t n = __atomic_add_fetch(&seq, 1, __ATOMIC_RELAXED);

#if UINTPTR_MAX > 0xffffffffu
        return (n << 32) | 0x8057a11du;
#else
        return (n << 1) | 1u;
#endif
}

int handle_new(enum notify_kind kind, ADDRESS_FAMILY family, union notify_callback callback,
               void *ctx, struct notify_handle **ret)
{
        struct notify_handle *h = wn_zalloc(sizeof(*h));

        if (!h)
                return -ENOMEM;
        h->magic = NOTIFY_HANDLE_MAGIC;
        h->id = next_id();
        h->kind = (uint8_t)kind;
        h->family = (uint8_t)family;
        h->callback = callback;
        h->ctx = ctx;
        h->refs = 1;
        pthread_mutex_init(&h->call_lock, NULL);
        *ret = h;
        return 0;
}

void handle_ref(struct notify_handle *h)
{
        __atomic_add_fetch(&h->refs, 1, __ATOMIC_RELAXED);
}

void handle_unref(struct notify_handle *h)
{
        if (__atomic_sub_fetch(&h->refs, 1, __ATOMIC_ACQ_REL))
                return;
        pthread_mutex_destroy(&h->call_lock);
        h->magic = 0;
        wn_free(h);
}

/* handle_call with the call lock already taken; releases it. */
static void call_held(struct notify_handle *h, void (*fn)(struct notify_handle *h, void *arg),
                      void *arg)
{
        bool deferred;

        if (h->cancelled) {
                pthread_mutex_unlock(&h->call_lock);
                return;
        }
        __atomic_store_n(&h->caller, pthread_self(), __ATOMIC_RELAXED);
        __atomic_store_n(&h->in_call, 1, __ATOMIC_RELEASE);
        fn(h, arg);
        __atomic_store_n(&h->in_call, 0, __ATOMIC_RELEASE);
        deferred = h->cancel_deferred;
        pthread_mutex_unlock(&h->call_lock);
        if (deferred)
                listener_finish_deferred(h);
}

void handle_call(struct notify_handle *h, void (*fn)(struct notify_handle *h, void *arg), void *arg)
{
        pthread_mutex_lock(&h->call_lock);
        call_held(h, fn, arg);
}

unsigned handle_groups(const struct notify_handle *h)
{
        bool v4 = h->family != AF_INET6, v6 = h->family != AF_INET;
        unsigned g = PROV_GRP_BIT(PROV_GRP_LINK); /* every row names its interface's LUID */

        switch (h->kind) {
        case NK_IPIF:
                g |= v4 ? PROV_GRP_BIT(PROV_GRP_IPV4_CONF) : 0;
                g |= v6 ? PROV_GRP_BIT(PROV_GRP_IPV6_CONF) | PROV_GRP_BIT(PROV_GRP_IPV6_IFINFO) : 0;
                /* disable_ipv6 announces itself only by the link's IPv6 routes
                 * coming and going (see on_route): listen, keep no route table. */
                g |= v6 ? ROUTE_GROUP(1) : 0;
                break;
        case NK_ADDR:
        case NK_STABLE:
                g |= (v4 ? ADDR_GROUP(0) : 0) | (v6 ? ADDR_GROUP(1) : 0);
                break;
        case NK_ROUTE:
                g |= (v4 ? ROUTE_GROUP(0) : 0) | (v6 ? ROUTE_GROUP(1) : 0);
                break;
        }
        return g;
}

unsigned handle_tables(const struct notify_handle *h)
{
        unsigned g = handle_groups(h);

        return h->kind == NK_IPIF ? g & ~ROUTE_GROUP(1) : g;
}

/* ---- rows: the keys of the event, everything else zero ---- */

static void sockaddr_of(SOCKADDR_INET *sa, int family, const uint8_t *addr, uint32_t ifindex)
{
        memset(sa, 0, sizeof(*sa));
        sa->si_family = (ADDRESS_FAMILY)family;
        if (family == AF_INET) {
                memcpy(&sa->Ipv4.sin_addr, addr, 4);
                return;
        }
        memcpy(&sa->Ipv6.sin6_addr, addr, 16);
        if (ifindex && IN6_IS_ADDR_LINKLOCAL(&sa->Ipv6.sin6_addr)) /* usable with bind() as is */
                sa->Ipv6.sin6_scope_id = ifindex;
}

static void call_ipif(struct notify_handle *h, void *arg)
{
        const struct notify_event *e = arg;
        MIB_IPINTERFACE_ROW row;

        memset(&row, 0, sizeof(row));
        row.Family = e->family;
        row.InterfaceLuid = luid_make(e->ifindex, e->iftype);
        row.InterfaceIndex = e->ifindex;
        h->callback.ipif(h->ctx, &row, e->type);
}

static void call_addr(struct notify_handle *h, void *arg)
{
        const struct notify_event *e = arg;
        MIB_UNICASTIPADDRESS_ROW row;

        memset(&row, 0, sizeof(row));
        sockaddr_of(&row.Address, e->family, e->addr, e->ifindex);
        row.InterfaceLuid = luid_make(e->ifindex, e->iftype);
        row.InterfaceIndex = e->ifindex;
        h->callback.addr(h->ctx, &row, e->type);
}

static void call_route(struct notify_handle *h, void *arg)
{
        const struct notify_event *e = arg;
        MIB_IPFORWARD_ROW2 row;

        memset(&row, 0, sizeof(row));
        row.InterfaceLuid = luid_make(e->ifindex, e->iftype);
        row.InterfaceIndex = e->ifindex;
        sockaddr_of(&row.DestinationPrefix.Prefix, e->family, e->addr, 0);
        row.DestinationPrefix.PrefixLength = e->plen;
        sockaddr_of(&row.NextHop, e->family, e->gw, e->ifindex);
        h->callback.route(h->ctx, &row, e->type);
}

void handle_deliver(struct notify_handle *h, const struct notify_event *e)
{
        static void (*const call[])(struct notify_handle *, void *) = {
            [NK_IPIF] = call_ipif, [NK_ADDR] = call_addr, [NK_ROUTE] = call_route};

        if (h->kind != e->kind || (h->family != AF_UNSPEC && h->family != e->family))
                return;
        handle_call(h, call[e->kind], (void *)e);
}

/* Each callback through its own type: (context, NULL, MibInitialNotification). */
static void call_initial(struct notify_handle *h, void *arg)
{
        (void)arg;
        if (h->kind == NK_IPIF)
                h->callback.ipif(h->ctx, NULL, MibInitialNotification);
        else if (h->kind == NK_ADDR)
                h->callback.addr(h->ctx, NULL, MibInitialNotification);
        else if (h->kind == NK_ROUTE)
                h->callback.route(h->ctx, NULL, MibInitialNotification);
}

void handle_hold(struct notify_handle *h)
{
        pthread_mutex_lock(&h->call_lock);
}

void handle_release(struct notify_handle *h)
{
        pthread_mutex_unlock(&h->call_lock);
}

void handle_initial_held(struct notify_handle *h)
{
        call_held(h, call_initial, NULL);
}
