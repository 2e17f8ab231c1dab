/* route_seen.c - a set of routes keyed by family, destination, prefix length,
 * interface and gateway: the cached exceptions already reported in one walk (the
 * kernel dumps an exception once for every route that shares its next hop), and
 * the IPv6 prefix routes of router advertisements (see route_walk.h). Open
 * addressing, grown at half load. */
#include <errno.h>
#include <string.h>

#include "alloc.h"
#include "provider/linux/route_walk.h"

struct route_seen_key {
        uint8_t family; /* 0: empty slot */
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

static bool key_equal(const struct route_seen_key *a, const struct route_seen_key *b)
{
        return a->family == b->family && a->dst_len == b->dst_len && a->gw_family == b->gw_family &&
               a->oif == b->oif && !memcmp(a->dst, b->dst, sizeof(a->dst)) &&
               !memcmp(a->gw, b->gw, sizeof(a->gw));
}

/* FNV-1a over the fields (not the padding). */
static size_t key_hash(const struct route_seen_key *k)
{
        uint64_t h = 14695981039346656037ull;
        const uint8_t *parts[] = {k->dst, k->gw};
        uint8_t head[6] = {k->family,
                           k->gw_family,
                           (uint8_t)k->oif,
                           (uint8_t)(k->oif >> 8),
                           (uint8_t)(k->oif >> 16),
                           (uint8_t)(k->oif >> 24)};
        size_t i, j;

        for (i = 0; i < sizeof(head); i++)
                h = (h ^ head[i]) * 1099511628211ull;
        for (j = 0; j < 2; j++)
                for (i = 0; i < 16; i++)
                        h = (h ^ parts[j][i]) * 1099511628211ull;
        return (size_t)(h ^ (h >> 32));
}

/* The slot holding k, or the empty slot where it goes. */
static struct route_seen_key *slot_for(struct route_seen_key *slot, size_t cap,
                                       const struct route_seen_key *k)
{
        size_t i = key_hash(k) & (cap - 1);

        while (slot[i].family && !key_equal(&slot[i], k))
                i = (i + 1) & (cap - 1);
        return &slot[i];
}

static int rehash(struct route_seen *s)
{
        size_t cap = s->cap ? s->cap * 2 : 64, i;
        struct route_seen_key *slot = wn_zalloc(cap * sizeof(*slot));

        if (!slot)
                return -ENOMEM;
        for (i = 0; i < s->cap; i++)
                if (s->slot[i].family)
                        *slot_for(slot, cap, &s->slot[i]) = s->slot[i];
        wn_free(s->slot);
        s->slot = slot;
        s->cap = cap;
        return 0;
}

int route_seen_add(struct route_seen *s, const struct prov_route *r)
{
        struct route_seen_key k, *at;
        int ret;

        if ((s->n + 1) * 2 > s->cap && (ret = rehash(s)) < 0)
                return ret;
        key_of(r, &k);
        at = slot_for(s->slot, s->cap, &k);
        if (at->family)
                return 0;
        *at = k;
        s->n++;
        return 1;
}

bool route_seen_has(const struct route_seen *s, const struct prov_route *r)
{
        struct route_seen_key k;

        if (!s->n)
                return false;
        key_of(r, &k);
        return slot_for(s->slot, s->cap, &k)->family != 0;
}

void route_seen_clear(struct route_seen *s)
{
        if (s->slot)
                memset(s->slot, 0, s->cap * sizeof(*s->slot));
        s->n = 0;
}

void route_seen_free(struct route_seen *s)
{
        wn_free(s->slot);
        s->slot = NULL;
        s->n = s->cap = 0;
}
