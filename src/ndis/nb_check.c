/* nb_check.c - the invariants of NET_BUFFER and NET_BUFFER_LIST, re-checked in
 * verifying mode whenever one crosses the API: drivers write the fields directly
 * (NET_BUFFER_DATA_OFFSET(nb) = ...), so a broken buffer is caught at the next
 * DDI that sees it rather than when something reads past the chain. */
#include <stdio.h>

#include "guard.h"
#include "ndis_internal.h"

#define CHAIN_MAX 65536u /* longer chains are taken for cycles */

__attribute__((no_sanitize("address"))) static struct block_header header_of(const void *p)
{
        return *block_header_of(p);
}

static void report(const NET_BUFFER *nb, const char *api, uint64_t p2, uint64_t p3, const char *why,
                   uint64_t a, uint64_t b)
{
        uint64_t prm[4] = {(uint64_t)(uintptr_t)nb, p2, p3, 0};
        char tt[5], msg[160];

        verifier_tag_text(header_of(nb).tag, tt);
        snprintf(msg, sizeof(msg), why, (unsigned long long)a, (unsigned long long)b);
        verifier_report(WINNET_BUGCHECK(W_NB_INVARIANT), prm, "nb_invariant", api,
                        "NET_BUFFER %p (tag '%s', DataOffset %u, DataLength %u): %s", (void *)nb,
                        tt, nb->DataOffset, nb->DataLength, msg);
}

/* The object header must say "live NET_BUFFER"; 0 when it does. */
static int header_ok(const void *p, uint64_t k1, uint64_t k2, const char *api)
{
        struct block_header h;
        struct guard_info gi;

        if (!p || ((uintptr_t)p & 15u)) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)p, k1, 0, 0};

                verifier_report(WINNET_BUGCHECK(W_BAD_OBJECT), prm, "bad_object", api,
                                "%p is not a %s", p, ndis_kind_name(k1));
                return -1;
        }
        if (guard_is_active() && guard_lookup(obj_of(p), &gi) == 2) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)p, k1, gi.tag, 0};
                char tt[5];

                verifier_tag_text(gi.tag, tt);
                verifier_report(WINNET_BUGCHECK(W_BAD_OBJECT), prm, "use_after_free", api,
                                "%s %p (tag '%s') was freed", ndis_kind_name(k1), p, tt);
                return -1;
        }
        h = header_of(p);
        /* The NBLs and NET_BUFFERs of clones, fragments and reassemblies pass the
         * checks of their plain kind. */
        if (h.family == BLOCK_NDIS_POOL &&
            (h.spare == k1 || h.spare == k2 || (k1 == KIND_NBL && kind_is_nbl(h.spare)) ||
             (k1 == KIND_NB && h.spare == KIND_NB_DERIVED)) &&
            h.cookie == BLOCK_COOKIE_LIVE)
                return 0;
        {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)p, k1, h.tag, h.cookie};
                char tt[5];

                verifier_tag_text(h.tag, tt);
                verifier_report(WINNET_BUGCHECK(W_BAD_OBJECT), prm,
                                h.cookie == BLOCK_COOKIE_FREED ? "use_after_free" : "bad_object",
                                api, "%p (tag '%s') is not a live %s", p, tt, ndis_kind_name(k1));
        }
        return -1;
}

int nb_check(const NET_BUFFER *nb, const char *api)
{
        uint64_t total = 0, at = 0;
        int found = 0;
        unsigned n = 0;
        PMDL m;

        if (header_ok(nb, KIND_NB, KIND_NB_PREALLOC, api) < 0)
                return -1;
        for (m = nb->MdlChain; m && n < CHAIN_MAX; m = m->Next, n++) {
                if (m == nb->CurrentMdl) {
                        found = 1;
                        at = total;
                }
                total += m->ByteCount;
        }
        if (m) {
                report(nb, api, n, 0, "its MDL chain is longer than %llu MDLs (a cycle?)%.0llu",
                       CHAIN_MAX, 0);
                return 0;
        }
        if ((uint64_t)nb->DataOffset + nb->DataLength > total) {
                report(nb, api, total, 0,
                       "DataOffset + DataLength reach past the %llu bytes of its MDL chain%.0llu",
                       total, 0);
                return 0;
        }
        if (!nb->MdlChain) {
                if (nb->CurrentMdl || nb->CurrentMdlOffset)
                        report(nb, api, 0, 0,
                               "no MDL chain, but CurrentMdl %#llx / CurrentMdlOffset %llu are set",
                               (uint64_t)(uintptr_t)nb->CurrentMdl, nb->CurrentMdlOffset);
                return 0;
        }
        if (!found) {
                report(nb, api, total, (uint64_t)(uintptr_t)nb->CurrentMdl,
                       "CurrentMdl %#llx is not in its MDL chain%.0llu",
                       (uint64_t)(uintptr_t)nb->CurrentMdl, 0);
                return 0;
        }
        if (nb->CurrentMdlOffset > nb->CurrentMdl->ByteCount ||
            at + nb->CurrentMdlOffset != nb->DataOffset)
                report(nb, api, at, nb->CurrentMdlOffset,
                       "CurrentMdl/CurrentMdlOffset point %llu bytes into the chain, not at "
                       "DataOffset (%llu)",
                       at + nb->CurrentMdlOffset, nb->DataOffset);
        return 0;
}

void nb_check_owned(const NET_BUFFER *nb, const MDL *own, const char *api)
{
        const struct ndis_obj *o = obj_of(nb);
        const MDL *m = nb->MdlChain;
        unsigned i;

        /* The front MDLs a retreat made are ours (or the driver's handler's, which
         * only we hand back); then the pool's own MDL, alone, or nothing. */
        for (i = 0; i < o->u.nb.retreat_mdls && m; i++)
                m = m->Next;
        if (m == own && (!own || !own->Next))
                nb_check(nb, api);
}

/* A NET_BUFFER that is not live ends the walk: its Next may be gone (quarantined). */
int nbl_check(const NET_BUFFER_LIST *nbl, const char *api, int with_nbs)
{
        const NET_BUFFER *nb;
        unsigned n = 0;

        if (header_ok(nbl, KIND_NBL, KIND_NBL, api) < 0)
                return -1;
        if (!with_nbs)
                return 0;
        for (nb = nbl->FirstNetBuffer; nb && n < CHAIN_MAX; nb = nb->Next, n++)
                if (nb_check(nb, api) < 0)
                        break;
        return 0;
}
