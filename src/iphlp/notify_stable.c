/* notify_stable.c - NotifyStableUnicastIpAddressTable's pending half: when the
 * listener sees that no address of the handle's family is in duplicate address
 * detection any more, it reads the table (GetUnicastIpAddressTable's code), calls
 * the callback once with it, and releases the handle. */
#include <errno.h>

#include "notify.h"
#include "tables.h"

struct stable_call {
        PMIB_UNICASTIPADDRESS_TABLE table;
        bool ran;
};

static void call_stable(struct notify_handle *h, void *arg)
{
        struct stable_call *c = arg;

        c->ran = true;
        h->callback.stable(h->ctx, c->table);
}

/* Runs on the listener thread, which lives in the handle's namespace. The table
 * is NULL when it could not be read (memory ran out, or no address is left). */
void stable_fire(struct notify_handle *h)
{
        struct stable_call c = {NULL, false};

        h->fired = true;
        if (iphlp_get_unicast_table(h->family, &c.table,
                                    ALLOC_SITE_HERE("NotifyStableUnicastIpAddressTable")) < 0)
                c.table = NULL;
        handle_call(h, call_stable, &c);
        if (!c.ran)
                FreeMibTable(c.table); /* cancelled meanwhile: nobody takes it */
        listener_cancel(h);            /* one-shot: -EINVAL when the caller cancelled first */
}
