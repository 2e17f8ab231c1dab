/* route_seen.c - a set of routes keyed by family, destination, prefix length,
 * interface and gateway: the cached exceptions already reported in one walk (the
 * kernel dumps an exception once for every route that shares its next hop), and
 * the IPv6 prefix routes of router advertisements (see route_walk.h). A keyset
 * of the fields, padding zeroed. */
#include <string.h>

#include "provider/linux/route_walk.h"

struct route_seen_key {
        uint8_t family;
        uint8_t dst_len;
        uint8_t gw_family;
        uint32_t oif;
        uint8_t dst[16];
        uint8_t gw[16];
};

static void key_of(const struct prov_route *r, struct route_seen_key *k)
{
        memset(k, 0, sizeof(*k));
        k->family = r->family;
        k->dst_len = r->dst_len;
        k->gw_family = r->gw_family;
        k->oif = r->oif;
        memcpy(k->dst, r->dst, sizeof(k->dst));
        memcpy(k->gw, r->gw, sizeof(k->gw));
}

int route_seen_add(struct route_seen *s, const struct prov_route *r)
{
        struct route_seen_key k;
        struct keyset_entry *e;
        bool fresh;
        int ret;

        if (!s->set.slot_size)
                keyset_init(&s->set, sizeof(k));
        key_of(r, &k);
        ret = keyset_put(&s->set, &k, &e, &fresh);
        return ret < 0 ? ret : fresh;
}

bool route_seen_has(const struct route_seen *s, const struct prov_route *r)
{
        struct route_seen_key k;

        if (!s->set.n)
                return false;
        key_of(r, &k);
        return keyset_find(&s->set, &k) != NULL;
}

void route_seen_clear(struct route_seen *s)
{
        keyset_clear(&s->set);
}

void route_seen_free(struct route_seen *s)
{
        keyset_free(&s->set);
}
