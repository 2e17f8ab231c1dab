/* keyset.h - an open-addressing hash set of fixed-size keys (keyset.c), each entry
 * carrying a few words for its user: the notification snapshots keep parameter
 * hashes there (iphlp/notify_*.c), the route walk uses the set alone
 * (provider/linux/route_seen.c). Every allocation is a wn_* one. */
#ifndef WINNET_BASE_KEYSET_H
#define WINNET_BASE_KEYSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct keyset_entry {
        uint64_t hash;
        uint64_t p[2]; /* parameter hashes (meaning per table) */
        uint32_t aux;  /* per table: IfType, flags */
        uint32_t aux2; /* links: the MTU */
        uint32_t used;
        unsigned char key[]; /* key_size bytes */
};

struct keyset {
        unsigned char *slots;
        size_t key_size, slot_size;
        size_t cap, n; /* cap is 0 or a power of two */
};

void keyset_init(struct keyset *s, size_t key_size);
void keyset_free(struct keyset *s);
/* The entry of `key`, or NULL. */
struct keyset_entry *keyset_find(const struct keyset *s, const void *key);
/* Inserts `key` (entry zeroed but for the key) or finds it; *ret_new says which.
 * -ENOMEM leaves the set unchanged. Pointers to entries die on the next insert. */
int keyset_put(struct keyset *s, const void *key, struct keyset_entry **ret, bool *ret_new);
void keyset_remove(struct keyset *s, const void *key);
/* Slot i (0 <= i < cap), or NULL when empty. */
struct keyset_entry *keyset_slot(const struct keyset *s, size_t i);
void keyset_swap(struct keyset *a, struct keyset *b);
/* Empties the set, keeping its slots for reuse. */
void keyset_clear(struct keyset *s);

/* FNV-1a over n bytes, seeded: the set's key hash, and the parameter hashes of
 * the notification snapshots. */
uint64_t fnv1a64(const void *p, size_t n, uint64_t seed);

#endif /* WINNET_BASE_KEYSET_H */
