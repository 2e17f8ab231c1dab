/* verifier.c - the verifier core: options from WINNET_VERIFIER, reports with their
 * policy, the registry of live blocks with per-tag statistics, leak reports and
 * fault injection. All state here is touched only while an option is on, under
 * one mutex: the verifier trades speed for completeness, the off path does not
 * come here at all. */
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "verifier.h"

unsigned verifier_opts;
int fault_armed;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int policy = WINNET_REPORT_LOG;
static int policy_explicit;
static winnet_report_handler report_handler;
static void *report_ctx;
static unsigned long report_count;

/* ---- registry: open addressing on the payload address ---- */
struct reg_entry {
        const void *ptr; /* NULL: empty; TOMBSTONE: deleted */
        size_t size;
        uint32_t tag;
        uint16_t family;
        struct alloc_site site;
};
#define TOMBSTONE ((const void *)1)

static struct reg_entry *reg;
static size_t reg_cap, reg_used, reg_live, reg_bytes;

/* Recently freed payloads, so a double free is named as one without reading the
 * freed memory (which may be unmapped or reused by then). */
#define FREED_RING 4096
static const void *freed_ring[FREED_RING];
static size_t freed_next;

struct tag_entry {
        uint32_t tag;
        uint64_t allocs, frees, bytes_live;
};
static struct tag_entry *tags;
static size_t tags_len, tags_cap;

/* ---- fault injection ---- */
static unsigned long fault_nth;
static int fault_sites_on;
static double fault_p;
static uint64_t fault_rng = 0x9e3779b97f4a7c15ull;
static uint32_t fault_tag;
static unsigned long fault_count;
struct site_key {
        const char *what;
        const void *ra;
        uintptr_t stack;
};
static struct site_key *sites;
static size_t sites_len, sites_cap;

static size_t hash_ptr(const void *p, size_t cap)
{
        uint64_t x = (uint64_t)(uintptr_t)p;

        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdull;
        x ^= x >> 33;
        return (size_t)x & (cap - 1);
}

static int reg_grow(void)
{
        size_t ncap = reg_cap ? reg_cap * 2 : 1024, i;
        struct reg_entry *n = calloc(ncap, sizeof(*n));

        if (!n)
                return -ENOMEM;
        for (i = 0; i < reg_cap; i++) {
                size_t j;

                if (!reg[i].ptr || reg[i].ptr == TOMBSTONE)
                        continue;
                for (j = hash_ptr(reg[i].ptr, ncap); n[j].ptr; j = (j + 1) & (ncap - 1))
                        ;
                n[j] = reg[i];
        }
        free(reg);
        reg = n;
        reg_cap = ncap;
        reg_used = reg_live;
        return 0;
}

static struct tag_entry *tag_find(uint32_t tag, int create)
{
        size_t i;

        for (i = 0; i < tags_len; i++)
                if (tags[i].tag == tag)
                        return &tags[i];
        if (!create)
                return NULL;
        if (tags_len == tags_cap) {
                size_t ncap = tags_cap ? tags_cap * 2 : 32;
                struct tag_entry *n = realloc(tags, ncap * sizeof(*n));

                if (!n)
                        return NULL;
                tags = n;
                tags_cap = ncap;
        }
        tags[tags_len] = (struct tag_entry){.tag = tag};
        return &tags[tags_len++];
}

void registry_add(const void *payload, enum block_family family, size_t size, uint32_t tag,
                  struct alloc_site site)
{
        struct tag_entry *t;
        size_t j;

        pthread_mutex_lock(&lock);
        if ((reg_used + 1) * 2 > reg_cap && reg_grow() < 0)
                goto out; /* the registry itself is short of memory: stop counting this block */
        for (j = hash_ptr(payload, reg_cap); reg[j].ptr && reg[j].ptr != TOMBSTONE;
             j = (j + 1) & (reg_cap - 1))
                ;
        if (!reg[j].ptr)
                reg_used++;
        reg[j] = (struct reg_entry){payload, size, tag, (uint16_t)family, site};
        reg_live++;
        reg_bytes += size;
        t = tag_find(tag, 1);
        if (t) {
                t->allocs++;
                t->bytes_live += size;
        }
out:
        pthread_mutex_unlock(&lock);
}

void registry_remove(const void *payload, enum block_family family, size_t size, uint32_t tag)
{
        struct tag_entry *t;
        size_t j;

        (void)family;
        pthread_mutex_lock(&lock);
        if (!reg_cap)
                goto out;
        for (j = hash_ptr(payload, reg_cap); reg[j].ptr; j = (j + 1) & (reg_cap - 1)) {
                if (reg[j].ptr != payload)
                        continue;
                reg[j].ptr = TOMBSTONE;
                freed_ring[freed_next++ % FREED_RING] = payload;
                reg_live--;
                reg_bytes -= size;
                t = tag_find(tag, 0);
                if (t) {
                        t->frees++;
                        t->bytes_live -= size;
                }
                break;
        }
        /* Not found: allocated before tracking was switched on. Nothing to undo. */
out:
        pthread_mutex_unlock(&lock);
}

int registry_lookup(const void *payload, uint16_t *ret_family)
{
        int found = 0;
        size_t j;

        pthread_mutex_lock(&lock);
        for (j = reg_cap ? hash_ptr(payload, reg_cap) : 0; reg_cap && reg[j].ptr;
             j = (j + 1) & (reg_cap - 1))
                if (reg[j].ptr == payload) {
                        *ret_family = reg[j].family;
                        found = 1;
                        break;
                }
        for (j = 0; !found && j < FREED_RING && j < freed_next; j++)
                if (freed_ring[j] == payload)
                        found = 2;
        pthread_mutex_unlock(&lock);
        return found;
}

size_t registry_count(enum block_family family)
{
        size_t i, n = 0;

        pthread_mutex_lock(&lock);
        if (family == BLOCK_FAMILY_MAX) {
                n = reg_live;
        } else {
                for (i = 0; i < reg_cap; i++)
                        if (reg[i].ptr && reg[i].ptr != TOMBSTONE && reg[i].family == family)
                                n++;
        }
        pthread_mutex_unlock(&lock);
        return n;
}

void registry_foreach(void (*fn)(const void *payload, uint16_t family, size_t size, uint32_t tag,
                                 struct alloc_site site, void *ctx),
                      void *ctx)
{
        size_t i;

        pthread_mutex_lock(&lock);
        for (i = 0; i < reg_cap; i++)
                if (reg[i].ptr && reg[i].ptr != TOMBSTONE)
                        fn(reg[i].ptr, reg[i].family, reg[i].size, reg[i].tag, reg[i].site, ctx);
        pthread_mutex_unlock(&lock);
}

static void registry_clear(void)
{
        pthread_mutex_lock(&lock);
        free(reg);
        reg = NULL;
        reg_cap = reg_used = reg_live = reg_bytes = 0;
        memset(freed_ring, 0, sizeof(freed_ring));
        freed_next = 0;
        tags_len = 0;
        pthread_mutex_unlock(&lock);
}

const char *site_format(struct alloc_site site, char *buf, size_t len)
{
        Dl_info info;

        if (site.ra && dladdr(site.ra, &info) && info.dli_sname)
                snprintf(buf, len, "%s, called from %s+0x%zx (%s)", site.what ? site.what : "?",
                         info.dli_sname,
                         (size_t)((const char *)site.ra - (const char *)info.dli_saddr),
                         info.dli_fname ? info.dli_fname : "?");
        else if (site.ra && dladdr(site.ra, &info) && info.dli_fname)
                snprintf(buf, len, "%s, called from %s+0x%zx", site.what ? site.what : "?",
                         info.dli_fname,
                         (size_t)((const char *)site.ra - (const char *)info.dli_fbase));
        else if (site.ra)
                snprintf(buf, len, "%s, called from %p", site.what ? site.what : "?", site.ra);
        else
                snprintf(buf, len, "%s", site.what ? site.what : "?");
        return buf;
}

void verifier_tag_text(uint32_t tag, char out[5])
{
        /* Tags are written in source as 'ABCD' (a multi-character constant), which
         * stores 'D' in the low byte: print them the way poolmon does, low byte first. */
        int i;

        for (i = 0; i < 4; i++) {
                unsigned char c = (unsigned char)(tag >> (8 * i));
                out[i] = (c >= 0x20 && c < 0x7f) ? (char)c : '.';
        }
        out[4] = '\0';
}

size_t winnet_verifier_leak_report(FILE *out)
{
        char where[256], tt[5];
        size_t i, n = 0;

        if (!out)
                out = stderr;
        pthread_mutex_lock(&lock);
        for (i = 0; i < reg_cap; i++) {
                const struct reg_entry *e = &reg[i];

                if (!e->ptr || e->ptr == TOMBSTONE)
                        continue;
                verifier_tag_text(e->tag, tt);
                fprintf(out, "winnet verifier: leak: %s %p, %zu bytes, tag '%s', allocated by %s\n",
                        block_family_name((enum block_family)e->family), e->ptr, e->size, tt,
                        site_format(e->site, where, sizeof(where)));
                n++;
        }
        if (n)
                fprintf(out, "winnet verifier: %zu block(s), %zu bytes still live\n", n, reg_bytes);
        pthread_mutex_unlock(&lock);
        return n;
}

/* ---- reports ---- */
void verifier_report(uint64_t bugcheck, const uint64_t param[4], const char *rule, const char *api,
                     const char *fmt, ...)
{
        struct winnet_report r;
        winnet_report_handler h;
        char msg[768];
        va_list ap;
        void *ctx;

        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        r.bugcheck = bugcheck;
        memcpy(r.param, param, sizeof(r.param));
        r.rule = rule;
        r.api = api;
        r.message = msg;
        pthread_mutex_lock(&lock);
        report_count++;
        h = report_handler;
        ctx = report_ctx;
        pthread_mutex_unlock(&lock);
        if (h)
                h(&r, ctx);
        fprintf(stderr,
                "winnet verifier: %s in %s: %s\n"
                "winnet verifier:   bug check 0x%llX (0x%llX, 0x%llX, 0x%llX, 0x%llX)\n",
                rule, api, msg, (unsigned long long)bugcheck, (unsigned long long)param[0],
                (unsigned long long)param[1], (unsigned long long)param[2],
                (unsigned long long)param[3]);
        if (__atomic_load_n(&policy, __ATOMIC_RELAXED) == WINNET_REPORT_ABORT) {
                fflush(stderr);
                abort();
        }
}

/* ---- fault injection ---- */
static void fault_rearm(void)
{
        int armed = fault_nth || fault_sites_on || fault_p > 0;

        __atomic_store_n(&fault_armed, armed, __ATOMIC_RELAXED);
}

static int site_seen_or_add(struct alloc_site site)
{
        size_t i;

        for (i = 0; i < sites_len; i++)
                if (sites[i].what == site.what && sites[i].ra == site.ra &&
                    sites[i].stack == site.stack)
                        return 1;
        if (sites_len == sites_cap) {
                size_t ncap = sites_cap ? sites_cap * 2 : 64;
                struct site_key *n = realloc(sites, ncap * sizeof(*n));

                if (!n)
                        return 1; /* cannot remember it: do not fail it either */
                sites = n;
                sites_cap = ncap;
        }
        sites[sites_len++] = (struct site_key){site.what, site.ra, site.stack};
        return 0;
}

bool fault_should_fail(struct alloc_site site, uint32_t tag)
{
        bool fail = false;

        pthread_mutex_lock(&lock);
        if (fault_nth && --fault_nth == 0)
                fail = true;
        if (!fail && fault_sites_on && !site_seen_or_add(site))
                fail = true;
        if (!fail && fault_p > 0 && (!fault_tag || fault_tag == tag)) {
                fault_rng ^= fault_rng << 13;
                fault_rng ^= fault_rng >> 7;
                fault_rng ^= fault_rng << 17;
                fail = (double)(fault_rng >> 11) / 9007199254740992.0 < fault_p;
        }
        if (fail)
                fault_count++;
        fault_rearm();
        pthread_mutex_unlock(&lock);
        return fail;
}

void winnet_fault_fail_nth(unsigned long n)
{
        pthread_mutex_lock(&lock);
        fault_nth = n;
        fault_rearm();
        pthread_mutex_unlock(&lock);
}

void winnet_fault_fail_sites(int on)
{
        pthread_mutex_lock(&lock);
        fault_sites_on = on;
        fault_rearm();
        pthread_mutex_unlock(&lock);
}

void winnet_fault_random(double p, unsigned seed, ULONG tag)
{
        pthread_mutex_lock(&lock);
        fault_p = p;
        fault_rng = 0x9e3779b97f4a7c15ull ^ ((uint64_t)seed * 0xbf58476d1ce4e5b9ull);
        if (!fault_rng)
                fault_rng = 1;
        fault_tag = tag;
        fault_rearm();
        pthread_mutex_unlock(&lock);
}

void winnet_fault_reset(void)
{
        pthread_mutex_lock(&lock);
        fault_nth = 0;
        fault_sites_on = 0;
        fault_p = 0;
        fault_tag = 0;
        sites_len = 0;
        fault_rearm();
        pthread_mutex_unlock(&lock);
}

unsigned long winnet_fault_injected(void)
{
        unsigned long n;

        pthread_mutex_lock(&lock);
        n = fault_count;
        pthread_mutex_unlock(&lock);
        return n;
}

/* ---- switches ---- */
unsigned winnet_verifier_enable(unsigned options)
{
        options &= WINNET_VERIFIER_ALL;
        if (options & WINNET_VERIFIER_LEAKS_AT_EXIT)
                options |= WINNET_VERIFIER_TRACK;
        if (options && !policy_explicit)
                __atomic_store_n(&policy, WINNET_REPORT_ABORT, __ATOMIC_RELAXED);
        return __atomic_or_fetch(&verifier_opts, options, __ATOMIC_SEQ_CST);
}

unsigned winnet_verifier_disable(unsigned options)
{
        unsigned now = __atomic_and_fetch(&verifier_opts, ~options, __ATOMIC_SEQ_CST);

        if (!(now & WINNET_VERIFIER_TRACK))
                registry_clear();
        if (!now && !policy_explicit)
                __atomic_store_n(&policy, WINNET_REPORT_LOG, __ATOMIC_RELAXED);
        return now;
}

unsigned winnet_verifier_options(void)
{
        return __atomic_load_n(&verifier_opts, __ATOMIC_RELAXED);
}

void winnet_verifier_set_policy(enum winnet_report_policy p)
{
        __atomic_store_n(&policy, (int)p, __ATOMIC_RELAXED);
        policy_explicit = 1;
}

enum winnet_report_policy winnet_verifier_policy(void)
{
        return (enum winnet_report_policy)__atomic_load_n(&policy, __ATOMIC_RELAXED);
}

void winnet_verifier_set_report_handler(winnet_report_handler handler, void *ctx)
{
        pthread_mutex_lock(&lock);
        report_handler = handler;
        report_ctx = ctx;
        pthread_mutex_unlock(&lock);
}

unsigned long winnet_verifier_report_count(void)
{
        unsigned long n;

        pthread_mutex_lock(&lock);
        n = report_count;
        pthread_mutex_unlock(&lock);
        return n;
}

size_t winnet_verifier_live_blocks(void)
{
        return registry_count(BLOCK_FAMILY_MAX);
}

size_t winnet_verifier_live_bytes(void)
{
        size_t n;

        pthread_mutex_lock(&lock);
        n = reg_bytes;
        pthread_mutex_unlock(&lock);
        return n;
}

size_t winnet_verifier_tag_stats(struct winnet_tag_stats *out, size_t capacity)
{
        size_t i, n;

        pthread_mutex_lock(&lock);
        n = tags_len;
        for (i = 0; i < n && i < capacity; i++)
                out[i] = (struct winnet_tag_stats){tags[i].tag, tags[i].allocs, tags[i].frees,
                                                   tags[i].bytes_live};
        pthread_mutex_unlock(&lock);
        return n;
}

static void leaks_at_exit(void)
{
        if (verifier_on(WINNET_VERIFIER_LEAKS_AT_EXIT))
                winnet_verifier_leak_report(stderr);
}

static unsigned parse_word(const char *w, size_t n)
{
        char buf[64];

        if (n >= sizeof(buf))
                return 0;
        memcpy(buf, w, n);
        buf[n] = '\0';
        if (!strcmp(buf, "1") || !strcmp(buf, "all") || !strcmp(buf, "on"))
                return WINNET_VERIFIER_ALL;
        if (!strcmp(buf, "track"))
                return WINNET_VERIFIER_TRACK;
        if (!strcmp(buf, "irql"))
                return WINNET_VERIFIER_IRQL;
        if (!strcmp(buf, "leaks"))
                return WINNET_VERIFIER_LEAKS_AT_EXIT | WINNET_VERIFIER_TRACK;
        if (!strcmp(buf, "quarantine"))
                return WINNET_VERIFIER_QUARANTINE;
        if (!strcmp(buf, "policy=abort"))
                winnet_verifier_set_policy(WINNET_REPORT_ABORT);
        else if (!strcmp(buf, "policy=log"))
                winnet_verifier_set_policy(WINNET_REPORT_LOG);
        else if (!strncmp(buf, "fail_nth=", 9))
                winnet_fault_fail_nth(strtoul(buf + 9, NULL, 10));
        else if (!strcmp(buf, "fail_sites"))
                winnet_fault_fail_sites(1);
        else if (!strncmp(buf, "fail_random=", 12))
                winnet_fault_random(strtod(buf + 12, NULL), 0, fault_tag);
        else if (!strncmp(buf, "seed=", 5))
                winnet_fault_random(fault_p, (unsigned)strtoul(buf + 5, NULL, 10), fault_tag);
        else if (!strncmp(buf, "tag=", 4) && strlen(buf + 4) == 4)
                winnet_fault_random(fault_p, 0,
                                    (uint32_t)(unsigned char)buf[7] |
                                        (uint32_t)(unsigned char)buf[6] << 8 |
                                        (uint32_t)(unsigned char)buf[5] << 16 |
                                        (uint32_t)(unsigned char)buf[4] << 24);
        else if (strcmp(buf, "0") && strcmp(buf, "off"))
                fprintf(stderr, "winnet verifier: ignoring unknown WINNET_VERIFIER word '%s'\n",
                        buf);
        return 0;
}

__attribute__((constructor)) static void verifier_init(void)
{
        const char *env = getenv("WINNET_VERIFIER"), *w;
        unsigned opts = 0;

        if (!env || !*env)
                return;
        for (w = env; *w;) {
                size_t n = strcspn(w, ",");

                opts |= parse_word(w, n);
                w += n;
                if (*w == ',')
                        w++;
        }
        if (opts)
                winnet_verifier_enable(opts);
        atexit(leaks_at_exit);
}
