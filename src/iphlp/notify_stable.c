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

static bool any_tentative(const MIB_UNICASTIPADDRESS_TABLE *t)
{
        ULONG i;

        for (i = 0; t && i < t->NumEntries; i++)
                if (t->Table[i].DadState == IpDadStateTentative)
                        return true;
        return false;
}

/* Runs on the listener thread, which lives in the handle's namespace. The table
 * is NULL when it could not be read (memory ran out, or no address is left).
 * An address can enter DAD unannounced (autoconfiguration on a link that came
 * up): when the table still shows one, the callback waits for the next batch
 * (the end of that DAD is announced). */
void stable_fire(struct notify_handle *h)
{
        struct stable_call c = {NULL, false};

        if (iphlp_get_unicast_table(h->family, &c.table,
                                    ALLOC_SITE_HERE("NotifyStableUnicastIpAddressTable")) < 0)
                c.table = NULL;
        if (any_tentative(c.table)) {
                FreeMibTable(c.table);
                return;
        }
        h->fired = true;
        handle_call(h, call_stable, &c);
        if (!c.ran)
                FreeMibTable(c.table); /* cancelled meanwhile: nobody takes it */
        listener_cancel(h);            /* one-shot: -EINVAL when the caller cancelled first */
}
