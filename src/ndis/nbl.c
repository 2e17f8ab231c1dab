/* nbl.c - NET_BUFFER_LIST pools, NBLs and their contexts:
 * NdisAllocateNetBufferListPool, NdisFreeNetBufferListPool,
 * NdisAllocateNetBufferList, NdisAllocateNetBufferAndNetBufferList,
 * NdisFreeNetBufferList, NdisAllocateNetBufferListContext,
 * NdisFreeNetBufferListContext, NdisGetPoolFromNetBufferList. One object holds
 * the NBL, its preallocated context and, with fAllocateNetBuffer, its NET_BUFFER
 * (and that NET_BUFFER's MDL and data when DataSize is not 0). */
#include <string.h>

#include "ndis_internal.h"

#define NBL_SIZE sizeof(NET_BUFFER_LIST)
#define CTX_HDR  sizeof(NET_BUFFER_LIST_CONTEXT)

static size_t round16(size_t n)
{
        return (n + 15u) & ~(size_t)15u;
}

NDIS_HANDLE NdisAllocateNetBufferListPool(NDIS_HANDLE NdisHandle,
                                          PNET_BUFFER_LIST_POOL_PARAMETERS Parameters)
{
        static const char api[] = "NdisAllocateNetBufferListPool";
        struct ndis_pool proto;
        size_t off;

        irql_check_max(api, IRQL_DISPATCH, 0);
        if (!ndis_object_header_ok(Parameters ? &Parameters->Header : NULL,
                                   NDIS_OBJECT_TYPE_DEFAULT,
                                   NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1,
                                   NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_2, api))
                return NULL;
        if (driver_id(NdisHandle, api) == UINT64_MAX)
                return NULL;
        if ((Parameters->DataSize && !Parameters->fAllocateNetBuffer) ||
            Parameters->ContextSize % MEMORY_ALLOCATION_ALIGNMENT) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)Parameters, Parameters->DataSize,
                                   Parameters->ContextSize, Parameters->fAllocateNetBuffer};

                verifier_report(WINNET_BUGCHECK(W_BAD_PARAMETER), prm, "bad_parameter", api,
                                Parameters->DataSize && !Parameters->fAllocateNetBuffer
                                    ? "DataSize %u needs fAllocateNetBuffer (ContextSize %u)"
                                    : "DataSize %u; ContextSize %u is not a multiple of "
                                      "MEMORY_ALLOCATION_ALIGNMENT",
                                Parameters->DataSize, Parameters->ContextSize);
                return NULL;
        }
        memset(&proto, 0, sizeof(proto));
        proto.kind = KIND_NBL_POOL;
        proto.tag = Parameters->PoolTag;
        proto.data_size = Parameters->DataSize;
        proto.context_size = Parameters->ContextSize;
        proto.alloc_nb = Parameters->fAllocateNetBuffer ? 1 : 0;
        proto.protocol_id = Parameters->ProtocolId;
        if (Parameters->Header.Revision >= NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_2)
                proto.flags = Parameters->Flags & NET_BUFFER_LIST_POOL_FLAG_VERIFY;
        off = NBL_SIZE;
        proto.ctx_off = off;
        if (proto.context_size)
                off += CTX_HDR + proto.context_size;
        if (proto.alloc_nb) {
                off += sizeof(struct ndis_obj);
                proto.nb_off = off;
                off += sizeof(NET_BUFFER);
                if (proto.data_size) {
                        proto.mdl_off = off;
                        off += sizeof(MDL);
                        proto.data_off = off;
                        off += round16(proto.data_size);
                }
        }
        proto.obj_size = sizeof(struct ndis_obj) + off;
        proto.fast_kind = proto.alloc_nb && !proto.data_size ? FAST_NBL_NB_POOL : FAST_NBL_POOL;
        return pool_create(&proto, NdisHandle, ALLOC_SITE_HERE(api));
}

VOID NdisFreeNetBufferListPool(NDIS_HANDLE PoolHandle)
{
        static const char api[] = "NdisFreeNetBufferListPool";
        struct ndis_pool *pool;

        irql_check_max(api, IRQL_DISPATCH, 0);
        pool = pool_check(PoolHandle, KIND_NBL_POOL, api);
        if (pool)
                pool_destroy(pool, api);
}

/* Resets the NBL of object `o` (and its NET_BUFFER); ctx is its context block.
 * `with_nb` 1: the caller knows the pool preallocates a NET_BUFFER with DataSize 0
 * (the fast path of NdisAllocateNetBufferAndNetBufferList), so nothing about the
 * pool's geometry is tested at run time. */
static inline __attribute__((always_inline)) void
nbl_init(struct ndis_pool *pool, struct ndis_obj *o, PNET_BUFFER_LIST_CONTEXT ctx, USHORT size,
         USHORT backfill, int separate, int with_nb, PMDL chain, ULONG offset, SIZE_T length)
{
        PNET_BUFFER_LIST nbl = obj_payload(o);
        PNET_BUFFER nb = NULL;

        if (size + backfill) {
                ctx->Next = NULL;
                ctx->Size = (USHORT)(size + backfill);
                ctx->Offset = backfill;
        } else {
                ctx = NULL;
        }
        /* Everything but ProtocolReserved and MiniportReserved, which belong to the
         * drivers that own the NBL and are theirs to initialise: the head field by
         * field, Scratch to the end (256 bytes) with vector stores. */
        if (with_nb || pool->alloc_nb)
                nb = (PNET_BUFFER)((char *)nbl + pool->nb_off);
        nbl->Next = NULL;
        nbl->FirstNetBuffer = nb;
        nbl->Context = ctx;
        nbl->ParentNetBufferList = NULL;
        nbl->NdisPoolHandle = pool;
        nbl->NdisReserved[0] = nbl->NdisReserved[1] = NULL;
        zero16(&nbl->Scratch, NBL_SIZE - offsetof(NET_BUFFER_LIST, Scratch));
        o->u.nbl.base_ctx = ctx;
        o->u.nbl.base_offset = backfill;
        o->u.nbl.ctx_separate = (uint16_t)separate;
        if (nb) {
                struct ndis_obj *nbo = obj_of(nb);

                nbo->u.nb.retreat_mdls = 0;
                nbo->u.nb.by_handler = 0;
                if (!with_nb && pool->data_size)
                        nb_init_own_mdl(pool, nb, (PMDL)((char *)nbl + pool->mdl_off),
                                        (char *)nbl + pool->data_off);
                else
                        nb_init(pool, nb, chain, offset, length);
        }
}

static __attribute__((noinline)) PNET_BUFFER_LIST
nbl_alloc_slow(NDIS_HANDLE handle, USHORT size, USHORT backfill, int with_nb, PMDL chain,
               ULONG offset, SIZE_T length, const char *api, struct alloc_site site)
{
        PNET_BUFFER_LIST_CONTEXT ctx;
        struct ndis_pool *pool;
        struct ndis_obj *o;
        int separate = 0;

        irql_check_max(api, IRQL_DISPATCH, 0);
        pool = pool_check(handle, KIND_NBL_POOL, api);
        if (!pool)
                return NULL;
        if (with_nb && (!pool->alloc_nb || pool->data_size)) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)pool, pool->alloc_nb, pool->data_size,
                                   pool->tag};
                char tt[5];

                verifier_tag_text(pool->tag, tt);
                verifier_report(WINNET_BUGCHECK(W_POOL_KIND), prm, "pool_kind", api,
                                "NET_BUFFER_LIST pool %p (tag '%s') has fAllocateNetBuffer %u "
                                "and DataSize %u: %s needs fAllocateNetBuffer and DataSize 0",
                                handle, tt, pool->alloc_nb, pool->data_size, api);
                return NULL;
        }
        if ((size | backfill) % MEMORY_ALLOCATION_ALIGNMENT ||
            (uint32_t)size + backfill > 0xffffu - CTX_HDR ||
            (with_nb && !chain && (offset || length))) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)pool, size, backfill, offset};

                verifier_report(WINNET_BUGCHECK(W_BAD_PARAMETER), prm, "bad_parameter", api,
                                "ContextSize %u / ContextBackFill %u must be multiples of "
                                "MEMORY_ALLOCATION_ALIGNMENT; MdlChain NULL needs DataOffset "
                                "and DataLength 0 (got %u, %zu)",
                                size, backfill, offset, (size_t)length);
                return NULL;
        }
        o = pool_alloc_slow(pool, site);
        if (!o)
                return NULL;
        ctx = (PNET_BUFFER_LIST_CONTEXT)((char *)obj_payload(o) + pool->ctx_off);
        if ((size_t)size + backfill > pool->context_size) {
                ctx = block_alloc(BLOCK_NDIS_POOL, CTX_HDR + size + backfill, pool->tag,
                                  ndis_site(site));
                if (!ctx) {
                        pool_free_slow(o); /* tracked or not: each goes back its way */
                        return NULL;
                }
                block_header_of(ctx)->spare = KIND_CONTEXT;
                separate = 1;
        }
        nbl_init(pool, o, ctx, size, backfill, separate, 0, chain, offset, length);
        if (separate)
                o->bh.flags |= OBJ_F_CTX_SEPARATE;
        nbl_verify(obj_payload(o), api);
        return obj_payload(o);
}

PNET_BUFFER_LIST NdisAllocateNetBufferList(NDIS_HANDLE PoolHandle, USHORT ContextSize,
                                           USHORT ContextBackFill)
{
        struct ndis_pool *pool = PoolHandle;
        struct ndis_obj *o;

        /* IRQL is checked only while verifying, so verifier_opts 0 covers it. */
        if (unlikely(!pool || (pool->fast_kind | 1u) != FAST_NBL_NB_POOL ||
                     (__atomic_load_n(&verifier_opts, __ATOMIC_RELAXED) |
                      __atomic_load_n(&fault_armed, __ATOMIC_RELAXED)) ||
                     ((ContextSize | ContextBackFill) & 15u) ||
                     (size_t)ContextSize + ContextBackFill > pool->context_size))
                return nbl_alloc_slow(PoolHandle, ContextSize, ContextBackFill, 0, NULL, 0, 0,
                                      "NdisAllocateNetBufferList",
                                      ALLOC_SITE_HERE("NdisAllocateNetBufferList"));
        o = pool_cache_pop(pool);
        if (unlikely(!o) && !(o = pool_alloc_refill(pool)))
                return NULL;
        nbl_init(pool, o, (PNET_BUFFER_LIST_CONTEXT)((char *)obj_payload(o) + pool->ctx_off),
                 ContextSize, ContextBackFill, 0, 0, NULL, 0, 0);
        return obj_payload(o);
}

PNET_BUFFER_LIST NdisAllocateNetBufferAndNetBufferList(NDIS_HANDLE PoolHandle, USHORT ContextSize,
                                                       USHORT ContextBackFill, PMDL MdlChain,
                                                       ULONG DataOffset, SIZE_T DataLength)
{
        struct ndis_pool *pool = PoolHandle;
        struct ndis_obj *o;

        if (unlikely(!pool || pool->fast_kind != FAST_NBL_NB_POOL ||
                     (__atomic_load_n(&verifier_opts, __ATOMIC_RELAXED) |
                      __atomic_load_n(&fault_armed, __ATOMIC_RELAXED)) ||
                     ((ContextSize | ContextBackFill) & 15u) ||
                     (size_t)ContextSize + ContextBackFill > pool->context_size ||
                     (!MdlChain && (DataOffset || DataLength))))
                return nbl_alloc_slow(PoolHandle, ContextSize, ContextBackFill, 1, MdlChain,
                                      DataOffset, DataLength,
                                      "NdisAllocateNetBufferAndNetBufferList",
                                      ALLOC_SITE_HERE("NdisAllocateNetBufferAndNetBufferList"));
        o = pool_cache_pop(pool);
        if (unlikely(!o) && !(o = pool_alloc_refill(pool)))
                return NULL;
        nbl_init(pool, o, (PNET_BUFFER_LIST_CONTEXT)((char *)obj_payload(o) + pool->ctx_off),
                 ContextSize, ContextBackFill, 0, 1, MdlChain, DataOffset, DataLength);
        return obj_payload(o);
}

/* Contexts still stacked above the one the NBL was allocated with. */
static int contexts_outstanding(const NET_BUFFER_LIST *nbl, const struct ndis_obj *o)
{
        return nbl->Context != o->u.nbl.base_ctx ||
               (nbl->Context && nbl->Context->Offset != o->u.nbl.base_offset);
}

/* Reports an NBL freed with contexts above `base` (the one it was allocated with,
 * or NULL) still allocated, and frees them so nothing leaks. */
void nbl_drop_stacked_contexts(PNET_BUFFER_LIST nbl, const struct ndis_obj *o,
                               PNET_BUFFER_LIST_CONTEXT base, const char *api)
{
        PNET_BUFFER_LIST_CONTEXT c = nbl->Context;
        unsigned used = c ? (unsigned)(c->Size - c->Offset) : 0;
        uint64_t prm[4] = {(uint64_t)(uintptr_t)nbl, (uint64_t)(uintptr_t)c, o->bh.tag, used};
        char tt[5];

        verifier_tag_text(o->bh.tag, tt);
        verifier_report(WINNET_BUGCHECK(W_NBL_CONTEXT_OUTSTANDING), prm, "nbl_context_outstanding",
                        api,
                        "%s %p (tag '%s') is freed with context %p (%u bytes in use) still "
                        "allocated: free it with NdisFreeNetBufferListContext first",
                        ndis_kind_name(o->bh.spare), (void *)nbl, tt, (void *)c, used);
        while (nbl->Context && nbl->Context != base) {
                c = nbl->Context;
                nbl->Context = c->Next;
                block_free_checked(c, BLOCK_NDIS_POOL, api);
        }
}

static __attribute__((noinline)) void nbl_free_slow(PNET_BUFFER_LIST nbl)
{
        static const char api[] = "NdisFreeNetBufferList";
        struct ndis_pool *pool;
        struct ndis_obj *o;

        irql_check_max(api, IRQL_DISPATCH, 0);
        o = obj_check(nbl, KIND_NBL, api);
        if (!o)
                return;
        pool = o->pool;
        if ((o->bh.flags & OBJ_F_CHILDREN) && nbl_children_outstanding(nbl, o, api))
                return; /* reported: the clones and fragments still use its data */
        if (contexts_outstanding(nbl, o))
                nbl_drop_stacked_contexts(nbl, o, o->u.nbl.base_ctx, api);
        if (pool->alloc_nb) {
                PNET_BUFFER nb = (PNET_BUFFER)((char *)nbl + pool->nb_off);

                if (NDIS_VERIFYING())
                        nb_check_owned(
                            nb, pool->data_size ? (PMDL)((char *)nbl + pool->mdl_off) : NULL, api);
                nb_release_retreat_mdls(nb, api);
                obj_of(nb)->bh.flags &= (uint16_t)~OBJ_F_RETREAT;
        }
        if (o->u.nbl.ctx_separate && o->u.nbl.base_ctx) {
                block_free_checked(o->u.nbl.base_ctx, BLOCK_NDIS_POOL, api);
                o->u.nbl.base_ctx = NULL;
        }
        o->bh.flags &= (uint16_t) ~(OBJ_F_RETREAT | OBJ_F_CTX_SEPARATE | OBJ_F_CHILDREN);
        pool_free_slow(o); /* a tracked object must not reach the thread cache */
}

PNET_BUFFER_LIST nbl_alloc_derived(struct ndis_pool *pool, uint64_t kind, struct alloc_site site)
{
        struct ndis_obj *o = pool_alloc_slow(pool, site);

        if (!o)
                return NULL;
        nbl_init(pool, o, NULL, 0, 0, 0, 0, NULL, 0, 0);
        o->bh.spare = kind;
        return obj_payload(o);
}

NO_ASAN VOID NdisFreeNetBufferList(PNET_BUFFER_LIST NetBufferList)
{
        struct ndis_obj *o = obj_of(NetBufferList);

        /* One word holds cookie, family and flags: a live object whose context was
         * made with it and whose NET_BUFFER has no retreat MDLs (OBJ_F_*) compares
         * equal. IRQL is checked only while verifying. */
        if (likely(NetBufferList && !((uintptr_t)NetBufferList & 15u) &&
                   ((uintptr_t)NetBufferList & 4095u) != sizeof(struct ndis_obj) &&
                   !__atomic_load_n(&verifier_opts, __ATOMIC_RELAXED) &&
                   obj_word(o) == OBJ_LIVE_WORD && o->bh.spare == KIND_NBL &&
                   !contexts_outstanding(NetBufferList, o) && pool_cache_push(o)))
                return;
        nbl_free_slow(NetBufferList);
}

NDIS_STATUS NdisAllocateNetBufferListContext(PNET_BUFFER_LIST NetBufferList, USHORT ContextSize,
                                             USHORT ContextBackFill, ULONG PoolTag)
{
        static const char api[] = "NdisAllocateNetBufferListContext";
        PNET_BUFFER_LIST_CONTEXT c;

        irql_check_max(api, IRQL_DISPATCH, 0);
        nbl_verify_header(NetBufferList, api);
        if ((ContextSize | ContextBackFill) % sizeof(PVOID) || !ContextSize ||
            (uint32_t)ContextSize + ContextBackFill > 0xffffu - CTX_HDR) {
                if (NDIS_VERIFYING()) {
                        uint64_t prm[4] = {(uint64_t)(uintptr_t)NetBufferList, ContextSize,
                                           ContextBackFill, 0};

                        verifier_report(WINNET_BUGCHECK(W_BAD_PARAMETER), prm, "bad_parameter", api,
                                        "ContextSize %u and ContextBackFill %u must be nonzero "
                                        "multiples of sizeof(PVOID)",
                                        ContextSize, ContextBackFill);
                }
                return NDIS_STATUS_FAILURE;
        }
        c = NetBufferList->Context;
        if (c && c->Offset >= ContextSize) {
                c->Offset = (USHORT)(c->Offset - ContextSize); /* fits in the backfill */
                return NDIS_STATUS_SUCCESS;
        }
        c = block_alloc(BLOCK_NDIS_POOL, CTX_HDR + ContextSize + ContextBackFill, PoolTag,
                        ndis_site(ALLOC_SITE_HERE(api)));
        if (!c)
                return NDIS_STATUS_RESOURCES;
        block_header_of(c)->spare = KIND_CONTEXT;
        c->Next = NetBufferList->Context;
        c->Size = (USHORT)(ContextSize + ContextBackFill);
        c->Offset = ContextBackFill;
        NetBufferList->Context = c;
        return NDIS_STATUS_SUCCESS;
}

VOID NdisFreeNetBufferListContext(PNET_BUFFER_LIST NetBufferList, USHORT ContextSize)
{
        static const char api[] = "NdisFreeNetBufferListContext";
        PNET_BUFFER_LIST_CONTEXT c = NetBufferList->Context;
        const struct ndis_obj *o = obj_of(NetBufferList);

        irql_check_max(api, IRQL_DISPATCH, 0);
        nbl_verify_header(NetBufferList, api);
        if (!c || (uint32_t)c->Offset + ContextSize > c->Size ||
            (c == o->u.nbl.base_ctx && (uint32_t)c->Offset + ContextSize > o->u.nbl.base_offset &&
             o->bh.cookie == BLOCK_COOKIE_LIVE)) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)NetBufferList, (uint64_t)(uintptr_t)c,
                                   ContextSize, c ? c->Size - c->Offset : 0};
                char tt[5];

                verifier_tag_text(o->bh.tag, tt);
                verifier_report(WINNET_BUGCHECK(W_CONTEXT_MISMATCH), prm, "context_mismatch", api,
                                "NET_BUFFER_LIST %p (tag '%s'): freeing %u bytes of context, but "
                                "only %u were allocated with NdisAllocateNetBufferListContext",
                                (void *)NetBufferList, tt, ContextSize,
                                c ? c->Size - c->Offset : 0);
                return;
        }
        c->Offset = (USHORT)(c->Offset + ContextSize);
        if (c->Offset == c->Size && c != o->u.nbl.base_ctx) {
                NetBufferList->Context = c->Next;
                block_free_checked(c, BLOCK_NDIS_POOL, api);
        }
}

NDIS_HANDLE NdisGetPoolFromNetBufferList(PNET_BUFFER_LIST NetBufferList)
{
        irql_check_max("NdisGetPoolFromNetBufferList", IRQL_DISPATCH, 0);
        return NetBufferList->NdisPoolHandle;
}
