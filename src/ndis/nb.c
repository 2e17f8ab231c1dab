/* nb.c - NET_BUFFER pools and NET_BUFFERs: NdisAllocateNetBufferPool,
 * NdisFreeNetBufferPool, NdisAllocateNetBuffer, NdisAllocateNetBufferMdlAndData,
 * NdisFreeNetBuffer, NdisGetPoolFromNetBuffer. The allocate and free routines pop
 * and push the calling thread's cache inline; everything unusual (verifying,
 * fault injection, pool-kind misuse, an empty cache) takes a noinline slow path. */
#include <string.h>

#include "ndis_internal.h"

#define NB_SIZE  sizeof(NET_BUFFER)
#define MDL_SIZE sizeof(MDL)

void nb_locate(PMDL chain, ULONG offset, PMDL *ret_mdl, ULONG *ret_off)
{
        PMDL m = chain;

        while (m && offset >= m->ByteCount && m->Next) {
                offset -= m->ByteCount;
                m = m->Next;
        }
        *ret_mdl = m;
        *ret_off = m ? offset : 0;
}

/* ---- pools ---- */

NDIS_HANDLE NdisAllocateNetBufferPool(NDIS_HANDLE NdisHandle,
                                      PNET_BUFFER_POOL_PARAMETERS Parameters)
{
        static const char api[] = "NdisAllocateNetBufferPool";
        struct ndis_pool proto;

        irql_check_max(api, IRQL_DISPATCH, 0);
        if (!ndis_object_header_ok(Parameters ? &Parameters->Header : NULL,
                                   NDIS_OBJECT_TYPE_DEFAULT,
                                   NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1,
                                   NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_2, api))
                return NULL;
        if (driver_id(NdisHandle, api) == UINT64_MAX)
                return NULL;
        memset(&proto, 0, sizeof(proto));
        proto.kind = KIND_NB_POOL;
        proto.tag = Parameters->PoolTag;
        proto.data_size = Parameters->DataSize;
        if (Parameters->Header.Revision >= NET_BUFFER_POOL_PARAMETERS_REVISION_2)
                proto.flags = Parameters->Flags & NET_BUFFER_POOL_FLAG_VERIFY;
        proto.mdl_off = NB_SIZE;
        proto.data_off = NB_SIZE + MDL_SIZE;
        proto.obj_size = sizeof(struct ndis_obj) + NB_SIZE;
        if (proto.data_size)
                proto.obj_size += MDL_SIZE + (((size_t)proto.data_size + 15u) & ~(size_t)15u);
        proto.fast_kind = proto.data_size ? FAST_NB_DATA_POOL : FAST_NB_POOL;
        return pool_create(&proto, NdisHandle, ALLOC_SITE_HERE(api));
}

VOID NdisFreeNetBufferPool(NDIS_HANDLE PoolHandle)
{
        static const char api[] = "NdisFreeNetBufferPool";
        struct ndis_pool *pool;

        irql_check_max(api, IRQL_DISPATCH, 0);
        pool = pool_check(PoolHandle, KIND_NB_POOL, api);
        if (pool)
                pool_destroy(pool, api);
}

/* ---- NET_BUFFERs ---- */

static __attribute__((noinline)) PNET_BUFFER nb_alloc_slow(NDIS_HANDLE handle, PMDL chain,
                                                           ULONG offset, SIZE_T length,
                                                           int with_data, const char *api,
                                                           struct alloc_site site)
{
        struct ndis_pool *pool;
        struct ndis_obj *o;
        PNET_BUFFER nb;

        irql_check_max(api, IRQL_DISPATCH, 0);
        pool = pool_check(handle, KIND_NB_POOL, api);
        if (!pool)
                return NULL;
        if (!pool->data_size != !with_data) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)pool, pool->data_size, pool->tag, 0};
                char tt[5];

                verifier_tag_text(pool->tag, tt);
                verifier_report(WINNET_BUGCHECK(W_POOL_KIND), prm, "pool_kind", api,
                                "NET_BUFFER pool %p (tag '%s') has DataSize %u: use %s", handle, tt,
                                pool->data_size,
                                pool->data_size ? "NdisAllocateNetBufferMdlAndData"
                                                : "NdisAllocateNetBuffer");
                return NULL;
        }
        if (!with_data && !chain && (offset || length)) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)pool, offset, length, 0};

                verifier_report(WINNET_BUGCHECK(W_BAD_PARAMETER), prm, "bad_parameter", api,
                                "MdlChain is NULL but DataOffset %u and DataLength %zu are not 0",
                                offset, (size_t)length);
                return NULL;
        }
        o = pool_alloc_slow(pool, site);
        if (!o)
                return NULL;
        nb = obj_payload(o);
        o->u.nb.retreat_mdls = 0;
        o->u.nb.by_handler = 0;
        if (with_data)
                nb_init_own_mdl(pool, nb, (PMDL)((char *)nb + pool->mdl_off),
                                (char *)nb + pool->data_off);
        else
                nb_init(pool, nb, chain, offset, length);
        nb_verify(nb, api);
        return nb;
}

PNET_BUFFER NdisAllocateNetBuffer(NDIS_HANDLE PoolHandle, PMDL MdlChain, ULONG DataOffset,
                                  SIZE_T DataLength)
{
        struct ndis_pool *pool = PoolHandle;
        struct ndis_obj *o;
        PNET_BUFFER nb;

        /* IRQL is checked only while verifying, so verifier_opts 0 covers it. */
        if (unlikely(!pool || pool->fast_kind != FAST_NB_POOL ||
                     (__atomic_load_n(&verifier_opts, __ATOMIC_RELAXED) |
                      __atomic_load_n(&fault_armed, __ATOMIC_RELAXED)) ||
                     (!MdlChain && (DataOffset || DataLength))))
                return nb_alloc_slow(PoolHandle, MdlChain, DataOffset, DataLength, 0,
                                     "NdisAllocateNetBuffer",
                                     ALLOC_SITE_HERE("NdisAllocateNetBuffer"));
        o = pool_cache_pop(pool);
        if (unlikely(!o) && !(o = pool_alloc_refill(pool)))
                return NULL;
        o->u.nb.retreat_mdls = 0;
        o->u.nb.by_handler = 0;
        nb = obj_payload(o);
        nb_init(pool, nb, MdlChain, DataOffset, DataLength);
        return nb;
}

PNET_BUFFER NdisAllocateNetBufferMdlAndData(NDIS_HANDLE PoolHandle)
{
        struct ndis_pool *pool = PoolHandle;
        struct ndis_obj *o;
        PNET_BUFFER nb;

        if (unlikely(!pool || pool->fast_kind != FAST_NB_DATA_POOL ||
                     (__atomic_load_n(&verifier_opts, __ATOMIC_RELAXED) |
                      __atomic_load_n(&fault_armed, __ATOMIC_RELAXED))))
                return nb_alloc_slow(PoolHandle, NULL, 0, 0, 1, "NdisAllocateNetBufferMdlAndData",
                                     ALLOC_SITE_HERE("NdisAllocateNetBufferMdlAndData"));
        o = pool_cache_pop(pool);
        if (unlikely(!o) && !(o = pool_alloc_refill(pool)))
                return NULL;
        o->u.nb.retreat_mdls = 0;
        o->u.nb.by_handler = 0;
        nb = obj_payload(o);
        nb_init_own_mdl(pool, nb, (PMDL)((char *)nb + NB_SIZE), (char *)nb + NB_SIZE + MDL_SIZE);
        return nb;
}

static __attribute__((noinline)) void nb_free_slow(PNET_BUFFER nb)
{
        static const char api[] = "NdisFreeNetBuffer";
        struct ndis_obj *o;

        irql_check_max(api, IRQL_DISPATCH, 0);
        o = obj_check(nb, KIND_NB, api);
        if (!o)
                return;
        if (NDIS_VERIFYING())
                nb_check_owned(
                    nb, o->pool->data_size ? (PMDL)((char *)nb + o->pool->mdl_off) : NULL, api);
        nb_release_retreat_mdls(nb, api);
        o->bh.flags &= (uint16_t)~OBJ_F_RETREAT;
        pool_free_slow(o); /* a tracked object must not reach the thread cache */
}

/* Objects a quarantine placed on their own pages start at a page boundary, so
 * their payload sits at this page offset: such frees take the slow path, which
 * can tell a quarantined (inaccessible) object without touching it. */
#define QUARANTINE_OFFSET sizeof(struct ndis_obj)

NO_ASAN VOID NdisFreeNetBuffer(PNET_BUFFER NetBuffer)
{
        struct ndis_obj *o = obj_of(NetBuffer);

        /* Cookie, family and flags in one compare: OBJ_F_RETREAT sends a buffer
         * with retreat MDLs to the slow path. IRQL is checked only while
         * verifying. */
        if (likely(NetBuffer && !((uintptr_t)NetBuffer & 15u) &&
                   ((uintptr_t)NetBuffer & 4095u) != QUARANTINE_OFFSET &&
                   !__atomic_load_n(&verifier_opts, __ATOMIC_RELAXED) &&
                   obj_word(o) == OBJ_LIVE_WORD && o->bh.spare == KIND_NB && pool_cache_push(o)))
                return;
        nb_free_slow(NetBuffer);
}

NDIS_HANDLE NdisGetPoolFromNetBuffer(PNET_BUFFER NetBuffer)
{
        irql_check_max("NdisGetPoolFromNetBuffer", IRQL_DISPATCH, 0);
        return NetBuffer->NdisPoolHandle;
}
