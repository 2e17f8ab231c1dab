/* fuzz_ndis_program.c - random but valid NDIS programs checked against a model.
 * Each input is a program: verifier options and pool parameters, then up to 64
 * operations on six slots (allocate a NET_BUFFER over caller MDLs, one with its
 * own data, an NBL with either; retreat with or without a handler, a handler that
 * fails, advance with or without FreeMdl and its handler; NdisGetDataBuffer with
 * and without storage and alignment; NdisCopyFromNetBufferToNetBuffer; writes
 * through the returned pointers; NBL contexts; free), some at DISPATCH_LEVEL.
 * The model holds each NET_BUFFER's DataOffset, DataLength, the byte count of every
 * MDL of its chain and the bytes of its used data; after every operation the real
 * NET_BUFFER must match it and CurrentMdl/CurrentMdlOffset must point at
 * DataOffset. The programs are valid, so the verifier (on in log policy when the
 * options byte asks, cookie checks always) must never report: the report handler
 * aborts. At the end every object is freed, every pool must have none out, and
 * the poolmon view of the program's tag must show as many frees as allocations
 * and no live bytes. (One driver handle serves every program: a closed handle
 * stays known to the library, so one per program would grow without bound.) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ndis.h"
#include "winnet.h"

#define FUZZ_NAME "fuzz_ndis_program"
#include "fuzz_input.h"

#define SLOTS     6
#define MAX_OPS   64
#define MAX_CHAIN 80 /* caller MDLs + one per retreat */
#define MAX_CTX   8
#define MAX_HMDL  128
#define TAG       0x7a7a7546u /* 'zzuF': poolmon shows "Fuzz" */

enum kind { K_NB, K_NB_DATA, K_NBL, K_NBL_DATA, K_KINDS };
enum pool_id { P_NB, P_NB_DATA, P_NBL, P_NBL_DATA, P_COUNT };

struct mdl_model {
        PMDL mdl; /* the caller's MDLs; NULL for those a retreat put in front */
        ULONG size;
        int retreat, by_handler;
};

struct slot {
        int used;
        enum kind kind;
        PNET_BUFFER nb;
        PNET_BUFFER_LIST nbl;
        unsigned char *mem; /* caller memory under the caller's MDLs */
        PMDL own[3];
        int nown;
        struct mdl_model chain[MAX_CHAIN];
        int nchain;
        ULONG off, len;         /* model DataOffset / DataLength */
        unsigned char *content; /* model of the used data */
        USHORT ctx[MAX_CTX];
        unsigned char ctx_fill[MAX_CTX];
        int nctx;
};

/* One program's state. */
static struct {
        void *driver;
        NDIS_HANDLE pool[P_COUNT];
        ULONG data_size[2]; /* P_NB_DATA, P_NBL_DATA */
        struct slot s[SLOTS];
        unsigned char fill;
        /* MDLs the allocate handler made and the free handler must see again */
        struct {
                PMDL mdl;
                void *mem;
        } hmdl[MAX_HMDL];
        int nhmdl;
        int handler_fail; /* the next allocate-handler call returns NULL */
        ULONG handler_extra;
} g;

static void on_report(const struct winnet_report *r, void *ctx)
{
        (void)ctx;
        FAIL("verifier report on a valid program: %s in %s: %s", r->rule, r->api, r->message);
}

/* ---- driver handlers ---- */

static PMDL alloc_handler(PULONG size)
{
        ULONG n = *size + g.handler_extra;
        void *mem;
        PMDL m;

        if (g.handler_fail || g.nhmdl == MAX_HMDL)
                return NULL;
        mem = NdisAllocateMemoryWithTagPriority(g.driver, n, TAG, NormalPoolPriority);
        if (!mem)
                FAIL("memory for the handler's MDL");
        m = NdisAllocateMdl(g.driver, mem, n);
        if (!m)
                FAIL("the handler's MDL");
        g.hmdl[g.nhmdl].mdl = m;
        g.hmdl[g.nhmdl++].mem = mem;
        *size = n;
        return m;
}

static VOID free_handler(PMDL m)
{
        int i;

        for (i = 0; i < g.nhmdl; i++)
                if (g.hmdl[i].mdl == m) {
                        NdisFreeMdl(m);
                        NdisFreeMemory(g.hmdl[i].mem, 0, 0);
                        g.hmdl[i] = g.hmdl[--g.nhmdl];
                        return;
                }
        FAIL("the free handler got MDL %p, which no allocate handler made", (void *)m);
}

/* ---- reading and writing the used data through the chain ---- */

static void nb_rw(PNET_BUFFER nb, ULONG at, unsigned char *buf, ULONG n, int write)
{
        PMDL m = NET_BUFFER_FIRST_MDL(nb);
        ULONG off = NET_BUFFER_DATA_OFFSET(nb) + at;

        while (n) {
                unsigned char *va;
                ULONG chunk;

                if (!m)
                        FAIL("the chain ends %u bytes short", n);
                if (off >= m->ByteCount) {
                        off -= m->ByteCount;
                        m = m->Next;
                        continue;
                }
                va = MmGetSystemAddressForMdlSafe(m, NormalPagePriority);
                if (!va)
                        FAIL("MmGetSystemAddressForMdlSafe returned NULL");
                chunk = m->ByteCount - off < n ? m->ByteCount - off : n;
                if (write)
                        memcpy(va + off, buf, chunk);
                else
                        memcpy(buf, va + off, chunk);
                buf += chunk;
                n -= chunk;
                off = 0;
                m = m->Next;
        }
}

/* Writes a fresh pattern over [at, at+n) of the used data, in both. */
static void write_pattern(struct slot *s, ULONG at, ULONG n)
{
        ULONG i;

        for (i = 0; i < n; i++)
                s->content[at + i] = (unsigned char)(g.fill + i * 7u);
        g.fill++;
        nb_rw(s->nb, at, s->content + at, n, 1);
}

/* ---- the model ---- */

static void check_slot(const struct slot *s, int idx, const char *after)
{
        PNET_BUFFER nb = s->nb;
        PMDL m = NET_BUFFER_FIRST_MDL(nb);
        ULONG before = 0;
        int i, found = 0;
        unsigned char *got;

        if (NET_BUFFER_DATA_OFFSET(nb) != s->off || NET_BUFFER_DATA_LENGTH(nb) != s->len)
                FAIL("slot %d after %s: DataOffset %u DataLength %u, model %u %u", idx, after,
                     NET_BUFFER_DATA_OFFSET(nb), NET_BUFFER_DATA_LENGTH(nb), s->off, s->len);
        for (i = 0; i < s->nchain; i++, m = m->Next) {
                if (!m || m->ByteCount != s->chain[i].size ||
                    (s->chain[i].mdl && m != s->chain[i].mdl))
                        FAIL("slot %d after %s: MDL %d of the chain differs from the model", idx,
                             after, i);
                if (m == NET_BUFFER_CURRENT_MDL(nb) && !found) {
                        found = 1;
                        if (before + NET_BUFFER_CURRENT_MDL_OFFSET(nb) != s->off)
                                FAIL(
                                    "slot %d after %s: CurrentMdl %d + offset %u is not DataOffset "
                                    "%u",
                                    idx, after, i, NET_BUFFER_CURRENT_MDL_OFFSET(nb), s->off);
                }
                before += m->ByteCount;
        }
        if (m)
                FAIL("slot %d after %s: the chain is longer than the model's %d MDLs", idx, after,
                     s->nchain);
        if (!found && (s->nchain || NET_BUFFER_CURRENT_MDL(nb)))
                FAIL("slot %d after %s: CurrentMdl is not in the chain", idx, after);
        if (!s->len)
                return;
        got = malloc(s->len);
        if (!got)
                abort();
        nb_rw(nb, 0, got, s->len, 0);
        if (memcmp(got, s->content, s->len))
                FAIL("slot %d after %s: the used data differs from the model", idx, after);
        free(got);
}

static void content_resize(struct slot *s, ULONG front_add, ULONG front_drop)
{
        ULONG n = s->len + front_add - front_drop;
        unsigned char *c = malloc(n ? n : 1);

        if (!c)
                abort();
        memcpy(c + front_add, s->content + front_drop, s->len - front_drop);
        memset(c, 0, front_add);
        free(s->content);
        s->content = c;
        s->len = n;
}

static int retreat_mdls(const struct slot *s, int *by_handler)
{
        int i, n = 0;

        *by_handler = 0;
        for (i = 0; i < s->nchain && s->chain[i].retreat; i++, n++)
                *by_handler |= s->chain[i].by_handler;
        return n;
}

static void chain_pop_front(struct slot *s)
{
        memmove(s->chain, s->chain + 1, (size_t)(s->nchain - 1) * sizeof(s->chain[0]));
        s->nchain--;
}

/* ---- operations ---- */

static void make_caller_chain(struct slot *s, struct reader *rd, ULONG *ret_size)
{
        ULONG size = 1 + take16(rd) % 600, cut[2], at = 0;
        int i;

        s->mem = NdisAllocateMemoryWithTagPriority(g.driver, size, TAG, NormalPoolPriority);
        if (!s->mem)
                FAIL("NdisAllocateMemoryWithTagPriority(%u)", size);
        for (i = 0; i < (int)size; i++)
                s->mem[i] = (unsigned char)(i * 13 + 1);
        s->nown = size >= 3 ? 1 + take(rd) % 3 : 1;
        cut[0] = s->nown > 1 ? 1 + take(rd) % (size - 2) : size;
        cut[1] = s->nown > 2 ? cut[0] + 1 + take(rd) % (size - cut[0] - 1) : size;
        for (i = 0; i < s->nown; i++) {
                ULONG end = i == s->nown - 1 ? size : cut[i];

                s->own[i] = NdisAllocateMdl(g.driver, s->mem + at, end - at);
                if (!s->own[i])
                        FAIL("NdisAllocateMdl");
                if (i)
                        s->own[i - 1]->Next = s->own[i];
                s->chain[i] = (struct mdl_model){s->own[i], end - at, 0, 0};
                at = end;
        }
        s->nchain = s->nown;
        *ret_size = size;
}

static void op_alloc(struct slot *s, struct reader *rd)
{
        ULONG size = 0, off = 0, len = 0;
        USHORT cs = 16 * (take(rd) % 5), cb = 16 * (take(rd) % 3);

        memset(s, 0, sizeof(*s));
        s->kind = (enum kind)(take(rd) % K_KINDS);
        if (s->kind == K_NB || s->kind == K_NBL) {
                if (take(rd) % 8) { /* else: no chain, DataOffset = DataLength = 0 */
                        make_caller_chain(s, rd, &size);
                        off = take16(rd) % (size + 1);
                        len = take16(rd) % (size - off + 1);
                }
                if (s->kind == K_NB) {
                        s->nb = NdisAllocateNetBuffer(g.pool[P_NB], s->nown ? s->own[0] : NULL, off,
                                                      len);
                } else {
                        s->nbl = NdisAllocateNetBufferAndNetBufferList(
                            g.pool[P_NBL], cs, cb, s->nown ? s->own[0] : NULL, off, len);
                        s->nb = s->nbl ? NET_BUFFER_LIST_FIRST_NB(s->nbl) : NULL;
                }
        } else if (s->kind == K_NB_DATA) {
                s->nb = NdisAllocateNetBufferMdlAndData(g.pool[P_NB_DATA]);
                len = g.data_size[0];
        } else {
                s->nbl = NdisAllocateNetBufferList(g.pool[P_NBL_DATA], cs, cb);
                s->nb = s->nbl ? NET_BUFFER_LIST_FIRST_NB(s->nbl) : NULL;
                len = g.data_size[1];
        }
        if (!s->nb)
                FAIL("allocation of kind %d failed", s->kind);
        if (s->kind == K_NB_DATA || s->kind == K_NBL_DATA) {
                s->chain[0] = (struct mdl_model){NULL, len, 0, 0};
                s->nchain = 1;
        }
        if (NdisGetPoolFromNetBuffer(s->nb) != g.pool[s->kind == K_NB        ? P_NB
                                                      : s->kind == K_NB_DATA ? P_NB_DATA
                                                      : s->kind == K_NBL     ? P_NBL
                                                                             : P_NBL_DATA])
                FAIL("NdisGetPoolFromNetBuffer names another pool");
        s->off = off;
        s->len = len;
        s->content = malloc(len ? len : 1);
        if (!s->content)
                abort();
        if (s->nown)
                memcpy(s->content, s->mem + off, len);
        else
                write_pattern(s, 0, len); /* own data starts undefined */
        s->used = 1;
}

static void op_retreat(struct slot *s, struct reader *rd)
{
        ULONG delta = take16(rd) % 300, backfill = take(rd) % 64, need = 0;
        uint8_t how = take(rd);
        int use_handler = how & 1, fail = use_handler && (how & 2), by_nbl = s->nbl && (how & 4);
        NDIS_STATUS st;

        g.handler_fail = fail;
        g.handler_extra = take(rd) % 32;
        if (s->nchain >= MAX_CHAIN - 1 && delta > s->off)
                return;
        if (by_nbl)
                st = NdisRetreatNetBufferListDataStart(
                    s->nbl, delta, backfill, use_handler ? alloc_handler : NULL, free_handler);
        else
                st = NdisRetreatNetBufferDataStart(s->nb, delta, backfill,
                                                   use_handler ? alloc_handler : NULL);
        g.handler_fail = 0;
        if (delta <= s->off) {
                if (st != NDIS_STATUS_SUCCESS)
                        FAIL("a retreat inside the backfill failed: %#x", (unsigned)st);
                s->off -= delta;
        } else if (fail) {
                if (st != NDIS_STATUS_RESOURCES)
                        FAIL("a retreat whose handler failed returned %#x", (unsigned)st);
                return;
        } else {
                if (st != NDIS_STATUS_SUCCESS)
                        FAIL("a retreat with a new MDL failed: %#x", (unsigned)st);
                need = delta - s->off;
                memmove(s->chain + 1, s->chain, (size_t)s->nchain * sizeof(s->chain[0]));
                s->nchain++;
                s->chain[0] = (struct mdl_model){
                    NULL, use_handler ? need + backfill + g.handler_extra : need + backfill, 1,
                    use_handler};
                s->off = s->chain[0].size - need;
        }
        content_resize(s, delta, 0);
        write_pattern(s, 0, delta);
}

/* Advances by delta; with FreeMdl the retreat MDLs left unused go. */
static void advance(struct slot *s, ULONG delta, int free_mdl, int want_handler, int by_nbl)
{
        int i, pops = 0, by_handler, nret = retreat_mdls(s, &by_handler);
        ULONG off = s->off + delta, len = s->len - delta;
        NET_BUFFER_FREE_MDL_HANDLER h;

        /* The model of the pop loop first, to keep the program valid: an MDL from
         * the allocate handler may only go back through the free handler. */
        for (i = 0; free_mdl && i < nret && off >= s->chain[i].size && (s->nchain - i > 1 || !len);
             i++) {
                off -= s->chain[i].size;
                if (s->chain[i].by_handler)
                        want_handler = 1;
                pops++;
        }
        h = want_handler ? free_handler : NULL;
        if (by_nbl)
                NdisAdvanceNetBufferListDataStart(s->nbl, delta, (BOOLEAN)free_mdl, h);
        else
                NdisAdvanceNetBufferDataStart(s->nb, delta, (BOOLEAN)free_mdl, h);
        for (i = 0; i < pops; i++)
                chain_pop_front(s);
        s->off = off;
        content_resize(s, 0, delta);
}

static void op_advance(struct slot *s, struct reader *rd)
{
        uint8_t how = take(rd);

        advance(s, s->len ? take16(rd) % (s->len + 1) : 0, how & 1, how & 2, s->nbl && (how & 4));
}

static void op_get_data(struct slot *s, struct reader *rd)
{
        ULONG n = take16(rd) % (s->len + 3);
        uint8_t how = take(rd);
        UINT mult = 1u << (how & 3), aoff = (how >> 2) % mult;
        int with_storage = how & 0x10;
        unsigned char *storage = with_storage ? malloc(n ? n : 1) : NULL, *p, i;
        ULONG k;

        if (with_storage && !storage)
                abort();
        p = NdisGetDataBuffer(s->nb, n, storage, mult, aoff);
        if (n > s->len) {
                if (p)
                        FAIL("NdisGetDataBuffer(%u) returned data from %u bytes", n, s->len);
        } else if (!p) {
                if (with_storage && n)
                        FAIL("NdisGetDataBuffer(%u of %u) with storage returned NULL", n, s->len);
        } else {
                if (memcmp(p, s->content, n))
                        FAIL("NdisGetDataBuffer(%u) bytes differ from the model", n);
                if (p != storage) {
                        if (((uintptr_t)p - aoff) & (mult - 1u))
                                FAIL("NdisGetDataBuffer: %p is not %u * k + %u", (void *)p, mult,
                                     aoff);
                        /* A pointer into the data: write through it. */
                        for (k = 0, i = g.fill++; k < n; k++)
                                p[k] = s->content[k] = (unsigned char)(i ^ k);
                }
        }
        free(storage);
}

/* The bytes of a slot's MDL chain from its data start to the chain's end. */
static ULONG room_of(const struct slot *s)
{
        ULONG total = 0;
        int i;

        for (i = 0; i < s->nchain; i++)
                total += s->chain[i].size;
        return total - s->off;
}

/* The copy is bounded by the source's data and the destination's MDL chain, not by
 * the destination's DataLength (the WDK: the caller sets it afterwards); only the
 * part inside the destination's data is modelled, as nothing shows the rest. */
static void op_copy(struct slot *d, struct slot *s, struct reader *rd)
{
        ULONG doff = take16(rd) % (d->len + 1), soff = take16(rd) % (s->len + 1);
        ULONG n = take16(rd) % 700, want = n, copied = 12345, seen;
        NDIS_STATUS st;

        if (want > s->len - soff)
                want = s->len - soff;
        if (want > room_of(d) - doff)
                want = room_of(d) - doff;
        st = NdisCopyFromNetBufferToNetBuffer(d->nb, doff, n, s->nb, soff, &copied);
        if (st != NDIS_STATUS_SUCCESS || copied != want)
                FAIL("copy of %u (dst %u/%u, room %u, src %u/%u): status %#x, %u copied, want %u",
                     n, doff, d->len, room_of(d), soff, s->len, (unsigned)st, copied, want);
        seen = want < d->len - doff ? want : d->len - doff;
        memmove(d->content + doff, s->content + soff, seen);
}

static void op_context(struct slot *s, struct reader *rd)
{
        uint8_t how = take(rd);
        USHORT size;
        unsigned char *p;
        int i;

        if (!s->nbl)
                return;
        if ((how & 1) && s->nctx) { /* pop the newest */
                size = s->ctx[s->nctx - 1];
                p = NET_BUFFER_LIST_CONTEXT_DATA_START(s->nbl);
                for (i = 0; i < size; i++)
                        if (p[i] != (unsigned char)(s->ctx_fill[s->nctx - 1] + i))
                                FAIL("context bytes changed under the NBL");
                NdisFreeNetBufferListContext(s->nbl, size);
                s->nctx--;
                return;
        }
        if (s->nctx == MAX_CTX)
                return;
        size = (USHORT)(16 * (1 + (how >> 1) % 4));
        if (NdisAllocateNetBufferListContext(s->nbl, size, (USHORT)(16 * ((how >> 3) % 3)), TAG) !=
            NDIS_STATUS_SUCCESS)
                FAIL("NdisAllocateNetBufferListContext(%u)", size);
        if (NET_BUFFER_LIST_CONTEXT_DATA_SIZE(s->nbl) < size)
                FAIL("context data size %u < %u", NET_BUFFER_LIST_CONTEXT_DATA_SIZE(s->nbl), size);
        p = NET_BUFFER_LIST_CONTEXT_DATA_START(s->nbl);
        s->ctx_fill[s->nctx] = g.fill++;
        for (i = 0; i < size; i++)
                p[i] = (unsigned char)(s->ctx_fill[s->nctx] + i);
        s->ctx[s->nctx++] = size;
}

static void op_free(struct slot *s)
{
        int by_handler, i;

        if (retreat_mdls(s, &by_handler)) {
                advance(s, s->len, 1, 1, 0);
                if (retreat_mdls(s, &by_handler))
                        FAIL("retreat MDLs left after advancing over all the data");
        }
        while (s->nctx)
                NdisFreeNetBufferListContext(s->nbl, s->ctx[--s->nctx]);
        if (s->nbl)
                NdisFreeNetBufferList(s->nbl);
        else
                NdisFreeNetBuffer(s->nb);
        for (i = 0; i < s->nown; i++)
                NdisFreeMdl(s->own[i]);
        if (s->mem)
                NdisFreeMemory(s->mem, 0, 0);
        free(s->content);
        memset(s, 0, sizeof(*s));
}

/* ---- the program ---- */

static void pools_open(struct reader *rd)
{
        NET_BUFFER_POOL_PARAMETERS nbp;
        NET_BUFFER_LIST_POOL_PARAMETERS nblp;
        uint8_t flags = take(rd);
        int i;

        g.data_size[0] = 1 + take16(rd) % 2048;
        g.data_size[1] = 1 + take16(rd) % 2048;
        for (i = 0; i < 2; i++) {
                memset(&nbp, 0, sizeof(nbp));
                nbp.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
                nbp.Header.Revision = NET_BUFFER_POOL_PARAMETERS_REVISION_2;
                nbp.Header.Size = NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_2;
                nbp.PoolTag = TAG;
                nbp.DataSize = i ? g.data_size[0] : 0;
                nbp.Flags = (flags >> i) & 1 ? NET_BUFFER_POOL_FLAG_VERIFY : 0;
                g.pool[i] = NdisAllocateNetBufferPool(g.driver, &nbp);
        }
        for (i = 0; i < 2; i++) {
                memset(&nblp, 0, sizeof(nblp));
                nblp.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
                nblp.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_2;
                nblp.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_2;
                nblp.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
                nblp.fAllocateNetBuffer = TRUE;
                nblp.ContextSize = (USHORT)(16 * ((flags >> (4 + 2 * i)) & 3));
                nblp.PoolTag = TAG;
                nblp.DataSize = i ? g.data_size[1] : 0;
                nblp.Flags = (flags >> (2 + i)) & 1 ? NET_BUFFER_LIST_POOL_FLAG_VERIFY : 0;
                g.pool[P_NBL + i] = NdisAllocateNetBufferListPool(g.driver, &nblp);
        }
        for (i = 0; i < P_COUNT; i++)
                if (!g.pool[i])
                        FAIL("pool %d could not be allocated", i);
}

static void pools_close(void)
{
        int i;

        for (i = 0; i < P_COUNT; i++) {
                if (winnet_ndis_pool_outstanding(g.pool[i]))
                        FAIL("pool %d still has objects out after every free", i);
                if (i < P_NBL)
                        NdisFreeNetBufferPool(g.pool[i]);
                else
                        NdisFreeNetBufferListPool(g.pool[i]);
        }
}

/* Everything tagged TAG came back: pools, their objects, memory, MDLs. */
static void tag_check(void)
{
        struct winnet_ndis_tag_usage u[64];
        size_t n = winnet_ndis_tag_usage(u, 64), i;

        for (i = 0; i < n && i < 64; i++)
                if (u[i].tag == TAG && (u[i].allocations != u[i].frees || u[i].bytes_live))
                        FAIL("tag 'Fuzz': %llu allocations, %llu frees, %llu bytes live",
                             (unsigned long long)u[i].allocations, (unsigned long long)u[i].frees,
                             (unsigned long long)u[i].bytes_live);
}

static void run_op(struct reader *rd)
{
        uint8_t op = take(rd);
        struct slot *s = &g.s[(op >> 4) % SLOTS], *t = &g.s[take(rd) % SLOTS];
        static const char *const names[] = {"alloc", "retreat", "advance", "get_data",
                                            "copy",  "context", "free",    "write"};
        unsigned kind = op & 7;
        KIRQL old = PASSIVE_LEVEL;
        int raised = (op & 8) != 0;

        if (kind == 0 && s->used)
                kind = 6;
        if (kind != 0 && !s->used)
                return;
        if (raised)
                KeRaiseIrql(DISPATCH_LEVEL, &old);
        switch (kind) {
        case 0:
                op_alloc(s, rd);
                break;
        case 1:
                op_retreat(s, rd);
                break;
        case 2:
                op_advance(s, rd);
                break;
        case 3:
                op_get_data(s, rd);
                break;
        case 4:
                if (t != s && t->used)
                        op_copy(s, t, rd);
                break;
        case 5:
                op_context(s, rd);
                break;
        case 6:
                op_free(s);
                break;
        default:
                if (s->len) {
                        ULONG at = take16(rd) % s->len;

                        write_pattern(s, at, take16(rd) % (s->len - at + 1));
                }
                break;
        }
        if (raised)
                KeLowerIrql(old);
        if (s->used)
                check_slot(s, (int)(s - g.s), names[kind]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct reader rd = {data, size};
        uint8_t opts = take(&rd);
        unsigned long reports = winnet_verifier_report_count();
        int i;

        static void *driver;

        if (!driver && !(driver = winnet_ndis_open_driver("fuzz")))
                FAIL("winnet_ndis_open_driver");
        memset(&g, 0, sizeof(g));
        g.driver = driver;
        winnet_verifier_disable(WINNET_VERIFIER_ALL);
        winnet_verifier_enable(
            opts & (WINNET_VERIFIER_TRACK | WINNET_VERIFIER_IRQL | WINNET_VERIFIER_QUARANTINE));
        winnet_verifier_set_policy(WINNET_REPORT_LOG);
        winnet_verifier_set_report_handler(on_report, NULL);
        pools_open(&rd);
        for (i = 0; i < MAX_OPS && rd.n; i++)
                run_op(&rd);
        for (i = 0; i < SLOTS; i++)
                if (g.s[i].used)
                        op_free(&g.s[i]);
        if (g.nhmdl)
                FAIL("%d MDLs of the allocate handler never came back to the free handler",
                     g.nhmdl);
        pools_close();
        tag_check();
        winnet_ndis_quarantine_flush();
        if (winnet_verifier_report_count() != reports)
                FAIL("the verifier reported on a valid program");
        return 0;
}
