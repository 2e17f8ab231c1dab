/* keyset.c - an open-addressing hash set of fixed-size keys (keyset.h): linear
 * probing, deletion by backward shift, so no tombstones. Grows at 3/4 load. */
#include <errno.h>
#include <string.h>

#include "alloc.h"
#include "keyset.h"

#define KEYSET_MIN_CAP 16u

uint64_t fnv1a64(const void *p, size_t n, uint64_t seed)
{
        const unsigned char *b = p;
        uint64_t h = 0xcbf29ce484222325ull ^ seed;
        size_t i;

        for (i = 0; i < n; i++) {
                h ^= b[i];
                h *= 0x100000001b3ull;
        }
        return h;
}

void keyset_init(struct keyset *s, size_t key_size)
{
        memset(s, 0, sizeof(*s));
        s->key_size = key_size;
        s->slot_size = (sizeof(struct keyset_entry) + key_size + 7u) & ~(size_t)7u;
}

void keyset_free(struct keyset *s)
{
        wn_free(s->slots);
        s->slots = NULL;
        s->cap = s->n = 0;
}

struct keyset_entry *keyset_slot(const struct keyset *s, size_t i)
{
        struct keyset_entry *e = (struct keyset_entry *)(s->slots + i * s->slot_size);

        return e->used ? e : NULL;
}

static struct keyset_entry *slot_at(const struct keyset *s, size_t i)
{
        return (struct keyset_entry *)(s->slots + i * s->slot_size);
}

/* The slot holding `key`, or the empty slot where it would go. */
static size_t probe(const struct keyset *s, const void *key, uint64_t h)
{
        size_t i = (size_t)h & (s->cap - 1);

        for (;;) {
                struct keyset_entry *e = slot_at(s, i);

                if (!e->used || (e->hash == h && !memcmp(e->key, key, s->key_size)))
                        return i;
                i = (i + 1) & (s->cap - 1);
        }
}

struct keyset_entry *keyset_find(const struct keyset *s, const void *key)
{
        uint64_t h = fnv1a64(key, s->key_size, 0);
        struct keyset_entry *e;

        if (!s->cap)
                return NULL;
        e = slot_at(s, probe(s, key, h));
        return e->used ? e : NULL;
}

static int grow(struct keyset *s)
{
        size_t cap = s->cap ? s->cap * 2 : KEYSET_MIN_CAP, i;
        struct keyset bigger = *s;

        bigger.slots = wn_zalloc(cap * s->slot_size);
        if (!bigger.slots)
                return -ENOMEM;
        bigger.cap = cap;
        for (i = 0; i < s->cap; i++) {
                struct keyset_entry *e = keyset_slot(s, i);

                if (e)
                        memcpy(slot_at(&bigger, probe(&bigger, e->key, e->hash)), e, s->slot_size);
        }
        wn_free(s->slots);
        *s = bigger;
        return 0;
}

int keyset_put(struct keyset *s, const void *key, struct keyset_entry **ret, bool *ret_new)
{
        uint64_t h = fnv1a64(key, s->key_size, 0);
        struct keyset_entry *e;
        int r;

        if ((s->n + 1) * 4 > s->cap * 3 && (r = grow(s)) < 0)
                return r;
        e = slot_at(s, probe(s, key, h));
        *ret_new = !e->used;
        if (!e->used) {
                memset(e, 0, s->slot_size);
                e->used = 1;
                e->hash = h;
                memcpy(e->key, key, s->key_size);
                s->n++;
        }
        *ret = e;
        return 0;
}

/* Backward-shift deletion: later members of the probe run move up into the hole
 * when their home slot allows it. */
void keyset_remove(struct keyset *s, const void *key)
{
        uint64_t h = fnv1a64(key, s->key_size, 0);
        size_t hole, i, home;

        if (!s->cap)
                return;
        hole = probe(s, key, h);
        if (!slot_at(s, hole)->used)
                return;
        for (i = (hole + 1) & (s->cap - 1); slot_at(s, i)->used; i = (i + 1) & (s->cap - 1)) {
                home = (size_t)slot_at(s, i)->hash & (s->cap - 1);
                /* Move i into the hole unless its home lies cyclically in (hole, i]. */
                if ((i > hole && (home <= hole || home > i)) ||
                    (i < hole && home <= hole && home > i)) {
                        memcpy(slot_at(s, hole), slot_at(s, i), s->slot_size);
                        hole = i;
                }
        }
        slot_at(s, hole)->used = 0;
        s->n--;
}

void keyset_clear(struct keyset *s)
{
        if (s->slots)
                memset(s->slots, 0, s->cap * s->slot_size);
        s->n = 0;
}

void keyset_swap(struct keyset *a, struct keyset *b)
{
        struct keyset t = *a;

        *a = *b;
        *b = t;
}
