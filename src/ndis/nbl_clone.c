/* nbl_clone.c - NBLs made from another NBL without copying its data, and what a
 * NET_BUFFER's data spans: NdisAllocateCloneNetBufferList / NdisFreeCloneNetBufferList,
 * NdisAllocateFragmentNetBufferList / NdisFreeFragmentNetBufferList,
 * NdisAllocateReassembledNetBufferList / NdisFreeReassembledNetBufferList,
 * NdisQueryNetBufferPhysicalCount.
 *
 * A derived NBL is an object of an NBL pool with a kind of its own, so each free
 * routine recognises its objects and no other; its NET_BUFFERs are the pool's
 * preallocated one, then objects of an NB pool (kind KIND_NB_DERIVED); the new MDLs
 * describing one NET_BUFFER's part of the parent's buffers are one block. The
 * parent counts its derived NBLs in its hidden header (ChildRefCount is the
 * driver's, as the WDK says) and is not freed while one is out. DataOffsetDelta is
 * an ordinary retreat of each new NET_BUFFER, so the free routines take it back
 * with an ordinary advance. */
#include <string.h>

#include "ndis_internal.h"

#define DERIVED_TAG 0x6c63444eu /* 'lcDN', poolmon "NDcl": the runtime's pools */
#define NB_MAX      65536u      /* NET_BUFFERs walked on a chain before giving up */

/* ---- the runtime's pools, for callers that give none ---- */

static pthread_mutex_t internal_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ndis_pool *nodriver_nbl_pool, *nodriver_nb_pool;

/* The runtime's NBL pool (with a preallocated NET_BUFFER) or NB pool for derived
 * NBLs of driver `drv` (NULL: of no driver), made on first use; NULL when that
 * allocation fails. */
static struct ndis_pool *internal_pool(struct ndis_driver *drv, int nbl)
{
        struct ndis_pool **slot = drv ? (nbl ? &drv->derived_nbl_pool : &drv->derived_nb_pool)
                                      : (nbl ? &nodriver_nbl_pool : &nodriver_nb_pool);
        struct ndis_pool *p = __atomic_load_n(slot, __ATOMIC_ACQUIRE);

        if (p)
                return p;
        pthread_mutex_lock(&internal_lock);
        p = *slot;
        if (!p && nbl) {
                NET_BUFFER_LIST_POOL_PARAMETERS prm;

                memset(&prm, 0, sizeof(prm));
                prm.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
                prm.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
                prm.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
                prm.fAllocateNetBuffer = TRUE;
                prm.PoolTag = DERIVED_TAG;
                p = NdisAllocateNetBufferListPool(drv, &prm);
        } else if (!p) {
                NET_BUFFER_POOL_PARAMETERS prm;

                memset(&prm, 0, sizeof(prm));
                prm.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
                prm.Header.Revision = NET_BUFFER_POOL_PARAMETERS_REVISION_1;
                prm.Header.Size = NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1;
                prm.PoolTag = DERIVED_TAG;
                p = NdisAllocateNetBufferPool(drv, &prm);
        }
        if (p && !*slot) {
                p->flags |= POOL_F_INTERNAL;
                __atomic_store_n(slot, p, __ATOMIC_RELEASE);
        }
        pthread_mutex_unlock(&internal_lock);
        return p;
}

static void report_pool_kind(struct ndis_pool *p, const char *need, const char *api)
{
        uint64_t prm[4] = {(uint64_t)(uintptr_t)p, p->alloc_nb, p->data_size, p->tag};
        char tt[5];

        verifier_tag_text(p->tag, tt);
        verifier_report(WINNET_BUGCHECK(W_POOL_KIND), prm, "pool_kind", api,
                        "%s %p (tag '%s') has fAllocateNetBuffer %u and DataSize %u: %s needs %s",
                        ndis_kind_name(p->kind), (void *)p, tt, p->alloc_nb, p->data_size, api,
                        need);
}

/* The caller's NBL pool (checked) or the runtime's for the parent's driver. */
static struct ndis_pool *nbl_pool_of(NDIS_HANDLE handle, const struct ndis_obj *parent, int need_nb,
                                     const char *api)
{
        struct ndis_pool *p;

        if (!handle)
                return internal_pool(parent->pool->driver, 1);
        p = pool_check(handle, KIND_NBL_POOL, api);
        if (p && (p->data_size || (need_nb && !p->alloc_nb))) {
                report_pool_kind(p, need_nb ? "fAllocateNetBuffer and DataSize 0" : "DataSize 0",
                                 api);
                return NULL;
        }
        return p;
}

/* The caller's NB pool (checked) or the runtime's for the parent's driver. */
static struct ndis_pool *nb_pool_of(NDIS_HANDLE handle, const struct ndis_obj *parent,
                                    const char *api)
{
        struct ndis_pool *p;

        if (!handle)
                return internal_pool(parent->pool->driver, 0);
        p = pool_check(handle, KIND_NB_POOL, api);
        if (p && p->data_size) {
                report_pool_kind(p, "DataSize 0", api);
                return NULL;
        }
        return p;
}

/* ---- describing a parent's data with new MDLs ---- */

/* Describes `len` bytes of the MDL chain `m` from byte `off` on with one new MDL per
 * piece of each MDL, into out[] (NULL: only counts). Returns how many MDLs; *ret_len
 * is the bytes the chain really holds there (fewer when it ends early). */
static ULONG describe(PMDL m, uint64_t off, ULONG len, PMDL out, ULONG *ret_len)
{
        ULONG n = 0, got = 0;

        while (m && got < len) {
                ULONG piece;

                if (off >= m->ByteCount) {
                        off -= m->ByteCount;
                        m = m->Next;
                        continue;
                }
                piece = m->ByteCount - (ULONG)off;
                if (piece > len - got)
                        piece = len - got;
                if (out) {
                        mdl_init(&out[n], (PUCHAR)MmGetMdlVirtualAddress(m) + off, piece);
                        out[n].MdlFlags |= MDL_PARTIAL;
                }
                n++;
                got += piece;
                off = 0;
                m = m->Next;
        }
        *ret_len = got;
        return n;
}

/* One block of n MDLs, linked in order; NULL when short. */
static PMDL mdls_alloc(ULONG n, uint32_t tag, struct alloc_site site)
{
        PMDL a = block_alloc(BLOCK_NDIS_POOL, (size_t)n * sizeof(MDL), tag, ndis_site(site));

        if (a)
                block_header_of(a)->spare = KIND_MDL_DERIVED;
        return a;
}

static void mdls_link(PMDL a, ULONG n)
{
        ULONG i;

        for (i = 0; i < n; i++)
                a[i].Next = i + 1 < n ? &a[i + 1] : NULL;
}

/* ---- taking a derived NBL apart ---- */

/* Gives back what a NET_BUFFER of a derived NBL holds (MDLs a retreat left, its
 * block of MDLs when own_mdls), then the NET_BUFFER unless it is the NBL's
 * preallocated one. */
static void nb_release(PNET_BUFFER nb, int own_mdls, const char *api)
{
        struct ndis_obj *no = obj_of(nb);

        nb_release_retreat_mdls(nb, api);
        if (own_mdls && nb->MdlChain && ndis_check_kind(nb->MdlChain, KIND_MDL_DERIVED, api) == 0)
                block_free(nb->MdlChain);
        nb->MdlChain = nb->CurrentMdl = NULL;
        nb->CurrentMdlOffset = nb->DataOffset = 0;
        nb->DataLength = 0;
        no->u.nb.delta = 0;
        no->bh.flags &= (uint16_t)~OBJ_F_RETREAT;
        if (no->bh.spare == KIND_NB_DERIVED) {
                no->bh.spare = KIND_NB;
                pool_free_slow(no);
        }
}

/* Frees derived NBL nbl with everything it holds. cleanup: an allocation that
 * failed (each NET_BUFFER is advanced by what it was retreated by, nothing is
 * reported); else a free routine's DataOffsetDelta advances each NET_BUFFER. */
static void derived_release(PNET_BUFFER_LIST nbl, int cleanup, ULONG delta, const char *api)
{
        struct ndis_obj *o = obj_of(nbl), *parent = o->u.nbl.parent;
        struct ndis_pool *lp = o->pool;
        PNET_BUFFER pre = lp->alloc_nb ? (PNET_BUFFER)((char *)nbl + lp->nb_off) : NULL;
        int own = !(o->bh.spare == KIND_NBL_CLONE &&
                    (o->u.nbl.ctx_separate & NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS));
        int pre_seen = 0, mismatch = 0;
        PNET_BUFFER nb, next;
        unsigned n = 0;

        for (nb = nbl->FirstNetBuffer; nb && n < NB_MAX; nb = next, n++) {
                ULONG d;

                next = nb->Next;
                if (nb == pre)
                        pre_seen = 1;
                else if (!obj_check(nb, KIND_NB_DERIVED, api))
                        continue; /* reported: not one of this NBL's NET_BUFFERs */
                d = cleanup ? obj_of(nb)->u.nb.delta : delta;
                if (d != obj_of(nb)->u.nb.delta && !mismatch && NDIS_VERIFYING()) {
                        uint64_t prm[4] = {(uint64_t)(uintptr_t)nbl, delta, obj_of(nb)->u.nb.delta,
                                           0};
                        char tt[5];

                        mismatch = 1;
                        verifier_tag_text(o->bh.tag, tt);
                        verifier_report(WINNET_BUGCHECK(W_BAD_PARAMETER), prm, "bad_parameter", api,
                                        "%s %p (tag '%s'): DataOffsetDelta %u, but it was "
                                        "allocated with DataOffsetDelta %u",
                                        ndis_kind_name(o->bh.spare), (void *)nbl, tt, delta,
                                        obj_of(nb)->u.nb.delta);
                }
                if (d)
                        NdisAdvanceNetBufferDataStart(nb, d, TRUE, NULL);
                nb_release(nb, own, api);
        }
        if (pre && !pre_seen)
                nb_release(pre, own, api); /* unlinked by the driver, or never used */
        nbl->FirstNetBuffer = NULL;
        o->u.nbl.parent = NULL;
        o->u.nbl.base_offset = 0;
        o->u.nbl.ctx_separate = 0;
        o->bh.spare = KIND_NBL;
        o->bh.flags &= (uint16_t) ~(OBJ_F_RETREAT | OBJ_F_CTX_SEPARATE | OBJ_F_CHILDREN);
        pool_free_slow(o);
        if (parent)
                __atomic_sub_fetch(&parent->u.nbl.children, 1, __ATOMIC_RELEASE);
}

int nbl_children_outstanding(PNET_BUFFER_LIST nbl, struct ndis_obj *o, const char *api)
{
        uint32_t n = __atomic_load_n(&o->u.nbl.children, __ATOMIC_ACQUIRE);
        uint64_t prm[4] = {(uint64_t)(uintptr_t)nbl, n, o->bh.tag, o->bh.spare};
        char tt[5];

        if (!n) {
                o->bh.flags &= (uint16_t)~OBJ_F_CHILDREN;
                return 0;
        }
        verifier_tag_text(o->bh.tag, tt);
        verifier_report(WINNET_BUGCHECK(W_DERIVED_NBL_OUTSTANDING), prm, "derived_nbl_outstanding",
                        api,
                        "%s %p (tag '%s') is freed while %u clone, fragment or reassembled "
                        "NET_BUFFER_LIST(s) made from it are still out: free them first; the "
                        "NBL stays allocated",
                        ndis_kind_name(o->bh.spare), (void *)nbl, tt, n);
        return 1;
}

/* The free routines: checks, then derived_release. */
static void derived_free(PNET_BUFFER_LIST nbl, uint64_t kind, ULONG delta, ULONG flags,
                         const char *api)
{
        struct ndis_obj *o;
        ULONG want;

        irql_check_max(api, IRQL_DISPATCH, 0);
        o = obj_check(nbl, kind, api);
        if (!o)
                return;
        if ((o->bh.flags & OBJ_F_CHILDREN) && nbl_children_outstanding(nbl, o, api))
                return;
        want = kind == KIND_NBL_CLONE ? o->u.nbl.ctx_separate : 0;
        if (flags != want) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)nbl, flags, want, 0};
                char tt[5];

                verifier_tag_text(o->bh.tag, tt);
                verifier_report(WINNET_BUGCHECK(W_BAD_PARAMETER), prm, "bad_parameter", api,
                                "%s %p (tag '%s'): flags 0x%x, but it must be freed with 0x%x "
                                "(it is freed as it was allocated)",
                                ndis_kind_name(kind), (void *)nbl, tt, flags, want);
        }
        if (nbl->Context) /* a derived NBL has no context of its own */
                nbl_drop_stacked_contexts(nbl, o, NULL, api);
        derived_release(nbl, 0, delta, api);
}

/* ---- putting one together ---- */

struct build {
        PNET_BUFFER_LIST nbl;      /* the derived NBL */
        struct ndis_obj *o;        /* its hidden header */
        struct ndis_obj *parent;   /* the original's */
        NDIS_HANDLE nb_handle;     /* the caller's NB pool, or NULL */
        struct ndis_pool *nb_pool; /* resolved on first use */
        PNET_BUFFER last;
        int pre_used;
        struct alloc_site site;
        const char *api;
};

/* Checks the call, then allocates the derived NBL (with no NET_BUFFER on it yet).
 * bad_flags: flag bits the DDI does not define. 0, or -1 (reported or short). */
static int build_start(struct build *b, PNET_BUFFER_LIST parent, NDIS_HANDLE nbl_handle,
                       NDIS_HANDLE nb_handle, uint64_t kind, ULONG bad_flags,
                       struct alloc_site site, const char *api)
{
        struct ndis_pool *lp;

        memset(b, 0, sizeof(*b));
        b->site = site;
        b->api = api;
        b->nb_handle = nb_handle;
        irql_check_max(api, IRQL_DISPATCH, 0);
        if (nbl_check(parent, api, NDIS_VERIFYING()) < 0)
                return -1;
        if (bad_flags) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)parent, bad_flags, 0, 0};

                verifier_report(WINNET_BUGCHECK(W_BAD_PARAMETER), prm, "bad_parameter", api,
                                "flags 0x%x are not defined for %s", bad_flags, api);
                return -1;
        }
        b->parent = obj_of(parent);
        lp = nbl_pool_of(nbl_handle, b->parent, kind == KIND_NBL_REASSEMBLED, api);
        if (!lp || (nb_handle && !(b->nb_pool = nb_pool_of(nb_handle, b->parent, api))))
                return -1;
        b->nbl = nbl_alloc_derived(lp, kind, site);
        if (!b->nbl)
                return -1;
        b->o = obj_of(b->nbl);
        b->nbl->FirstNetBuffer = NULL;
        return 0;
}

/* The next NET_BUFFER of the derived NBL, appended to it: the pool's preallocated
 * one first, then one of the NB pool. NULL when short. */
static PNET_BUFFER take_nb(struct build *b)
{
        struct ndis_pool *lp = b->o->pool;
        PNET_BUFFER nb;

        if (lp->alloc_nb && !b->pre_used) {
                nb = (PNET_BUFFER)((char *)b->nbl + lp->nb_off);
                b->pre_used = 1;
        } else {
                struct ndis_obj *no;

                if (!b->nb_pool && !(b->nb_pool = nb_pool_of(NULL, b->parent, b->api)))
                        return NULL;
                no = pool_alloc_slow(b->nb_pool, b->site);
                if (!no)
                        return NULL;
                no->u.nb.retreat_mdls = 0;
                no->u.nb.by_handler = 0;
                no->bh.spare = KIND_NB_DERIVED;
                nb = obj_payload(no);
                nb_init(b->nb_pool, nb, NULL, 0, 0);
        }
        obj_of(nb)->u.nb.delta = 0;
        obj_of(nb)->u.nb.last_made = 0;
        if (b->last)
                b->last->Next = nb;
        else
                b->nbl->FirstNetBuffer = nb;
        b->last = nb;
        return nb;
}

/* Points nb at `len` bytes of src's used data from `skip` bytes in, over new MDLs
 * (DataOffset 0). 0, or -1 when short. */
static int nb_describe(struct build *b, PNET_BUFFER nb, const NET_BUFFER *src, ULONG skip,
                       ULONG len)
{
        uint64_t off = (uint64_t)src->DataOffset + skip;
        ULONG got, n = describe(src->MdlChain, off, len, NULL, &got);
        PMDL a = NULL;

        if (n) {
                a = mdls_alloc(n, b->o->bh.tag, b->site);
                if (!a)
                        return -1;
                describe(src->MdlChain, off, len, a, &got);
                mdls_link(a, n);
        }
        nb_init(obj_of(nb)->pool, nb, a, 0, got);
        return 0;
}

/* Retreats a new NET_BUFFER by the DDI's DataOffsetDelta; 0, or -1 when short. */
static int nb_retreat(PNET_BUFFER nb, ULONG delta, ULONG backfill)
{
        if (!delta)
                return 0;
        if (NdisRetreatNetBufferDataStart(nb, delta, backfill, NULL) != NDIS_STATUS_SUCCESS)
                return -1;
        obj_of(nb)->u.nb.delta = delta;
        return 0;
}

static PNET_BUFFER_LIST build_fail(struct build *b)
{
        derived_release(b->nbl, 1, 0, b->api);
        return NULL;
}

/* The derived NBL is complete: the parent counts it. */
static PNET_BUFFER_LIST build_done(struct build *b)
{
        struct ndis_obj *p = b->parent;

        b->o->u.nbl.parent = p;
        __atomic_fetch_or(&p->bh.flags, (uint16_t)OBJ_F_CHILDREN, __ATOMIC_RELAXED);
        __atomic_add_fetch(&p->u.nbl.children, 1, __ATOMIC_RELAXED);
        nbl_verify(b->nbl, b->api);
        return b->nbl;
}

/* ---- the DDIs ---- */

PNET_BUFFER_LIST NdisAllocateCloneNetBufferList(PNET_BUFFER_LIST OriginalNetBufferList,
                                                NDIS_HANDLE NetBufferListPoolHandle,
                                                NDIS_HANDLE NetBufferPoolHandle,
                                                ULONG AllocateCloneFlags)
{
        static const char api[] = "NdisAllocateCloneNetBufferList";
        int original = !!(AllocateCloneFlags & NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS);
        PNET_BUFFER src;
        struct build b;
        unsigned n = 0;

        if (build_start(&b, OriginalNetBufferList, NetBufferListPoolHandle, NetBufferPoolHandle,
                        KIND_NBL_CLONE,
                        AllocateCloneFlags & ~(ULONG)NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS,
                        ALLOC_SITE_HERE(api), api) < 0)
                return NULL;
        b.o->u.nbl.ctx_separate = (uint16_t)AllocateCloneFlags;
        for (src = OriginalNetBufferList->FirstNetBuffer; src && n < NB_MAX; src = src->Next, n++) {
                PNET_BUFFER nb = take_nb(&b);
                PMDL m;
                ULONG off;

                if (!nb)
                        return build_fail(&b);
                if (!original) {
                        if (nb_describe(&b, nb, src, 0, src->DataLength) < 0)
                                return build_fail(&b);
                        continue;
                }
                /* The original's MDLs, from the one its used data starts in. */
                nb_locate(src->MdlChain, src->DataOffset, &m, &off);
                nb_init(obj_of(nb)->pool, nb, m, off, src->DataLength);
        }
        return build_done(&b);
}

VOID NdisFreeCloneNetBufferList(PNET_BUFFER_LIST CloneNetBufferList, ULONG FreeCloneFlags)
{
        derived_free(CloneNetBufferList, KIND_NBL_CLONE, 0, FreeCloneFlags,
                     "NdisFreeCloneNetBufferList");
}

PNET_BUFFER_LIST NdisAllocateFragmentNetBufferList(PNET_BUFFER_LIST OriginalNetBufferList,
                                                   NDIS_HANDLE NetBufferListPool,
                                                   NDIS_HANDLE NetBufferPool, ULONG StartOffset,
                                                   ULONG MaximumLength, ULONG DataOffsetDelta,
                                                   ULONG DataBackFill, ULONG AllocateFragmentFlags)
{
        static const char api[] = "NdisAllocateFragmentNetBufferList";
        PNET_BUFFER src;
        struct build b;
        unsigned n = 0;

        if (!MaximumLength) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)OriginalNetBufferList, 0, 0, 0};

                irql_check_max(api, IRQL_DISPATCH, 0);
                verifier_report(WINNET_BUGCHECK(W_BAD_PARAMETER), prm, "bad_parameter", api,
                                "MaximumLength is 0");
                return NULL;
        }
        if (build_start(&b, OriginalNetBufferList, NetBufferListPool, NetBufferPool,
                        KIND_NBL_FRAGMENT, AllocateFragmentFlags, ALLOC_SITE_HERE(api), api) < 0)
                return NULL;
        for (src = OriginalNetBufferList->FirstNetBuffer; src && n < NB_MAX; src = src->Next, n++) {
                ULONG skip, len;

                for (skip = StartOffset; skip < src->DataLength; skip += len) {
                        PNET_BUFFER nb = take_nb(&b);

                        len = src->DataLength - skip < MaximumLength ? src->DataLength - skip
                                                                     : MaximumLength;
                        if (!nb || nb_describe(&b, nb, src, skip, len) < 0 ||
                            nb_retreat(nb, DataOffsetDelta, DataBackFill) < 0)
                                return build_fail(&b);
                }
        }
        if (!b.nbl->FirstNetBuffer) {
                if (NDIS_VERIFYING()) {
                        uint64_t prm[4] = {(uint64_t)(uintptr_t)OriginalNetBufferList, StartOffset,
                                           0, 0};

                        verifier_report(WINNET_BUGCHECK(W_BAD_PARAMETER), prm, "bad_parameter", api,
                                        "StartOffset %u leaves no used data in any NET_BUFFER "
                                        "of NET_BUFFER_LIST %p: no fragment to make",
                                        StartOffset, (void *)OriginalNetBufferList);
                }
                return build_fail(&b);
        }
        return build_done(&b);
}

VOID NdisFreeFragmentNetBufferList(PNET_BUFFER_LIST FragmentNetBufferList, ULONG DataOffsetDelta,
                                   ULONG FreeFragmentFlags)
{
        derived_free(FragmentNetBufferList, KIND_NBL_FRAGMENT, DataOffsetDelta, FreeFragmentFlags,
                     "NdisFreeFragmentNetBufferList");
}

PNET_BUFFER_LIST NdisAllocateReassembledNetBufferList(
    PNET_BUFFER_LIST FragmentNetBufferList, NDIS_HANDLE NetBufferAndNetBufferListPoolHandle,
    ULONG StartOffset, ULONG DataOffsetDelta, ULONG DataBackFill, ULONG AllocateReassembleFlags)
{
        static const char api[] = "NdisAllocateReassembledNetBufferList";
        uint64_t total = 0;
        ULONG count = 0, got;
        const NET_BUFFER *src;
        PNET_BUFFER nb;
        struct build b;
        PMDL a = NULL;
        unsigned n;

        if (build_start(&b, FragmentNetBufferList, NetBufferAndNetBufferListPoolHandle, NULL,
                        KIND_NBL_REASSEMBLED, AllocateReassembleFlags, ALLOC_SITE_HERE(api),
                        api) < 0)
                return NULL;
        nb = take_nb(&b); /* the preallocated one: the pool has fAllocateNetBuffer */
        for (src = FragmentNetBufferList->FirstNetBuffer, n = 0; src && n < NB_MAX;
             src = src->Next, n++)
                if (src->DataLength > StartOffset) {
                        count += describe(src->MdlChain, (uint64_t)src->DataOffset + StartOffset,
                                          src->DataLength - StartOffset, NULL, &got);
                        total += got;
                }
        if (total > 0xffffffffu) {
                uint64_t prm[4] = {(uint64_t)(uintptr_t)FragmentNetBufferList, total, 0, 0};

                verifier_report(WINNET_BUGCHECK(W_BAD_PARAMETER), prm, "bad_parameter", api,
                                "the fragments hold %llu bytes: more than one NET_BUFFER can",
                                (unsigned long long)total);
                return build_fail(&b);
        }
        if (count) {
                a = mdls_alloc(count, b.o->bh.tag, b.site);
                if (!a)
                        return build_fail(&b);
                count = 0;
                for (src = FragmentNetBufferList->FirstNetBuffer, n = 0; src && n < NB_MAX;
                     src = src->Next, n++)
                        if (src->DataLength > StartOffset)
                                count +=
                                    describe(src->MdlChain, (uint64_t)src->DataOffset + StartOffset,
                                             src->DataLength - StartOffset, a + count, &got);
                mdls_link(a, count);
        }
        nb_init(obj_of(nb)->pool, nb, a, 0, (SIZE_T)total);
        if (nb_retreat(nb, DataOffsetDelta, DataBackFill) < 0)
                return build_fail(&b);
        return build_done(&b);
}

VOID NdisFreeReassembledNetBufferList(PNET_BUFFER_LIST ReassembledNetBufferList,
                                      ULONG DataOffsetDelta, ULONG FreeReassembleFlags)
{
        derived_free(ReassembledNetBufferList, KIND_NBL_REASSEMBLED, DataOffsetDelta,
                     FreeReassembleFlags, "NdisFreeReassembledNetBufferList");
}

/* ADDRESS_AND_SIZE_TO_SPAN_PAGES over each MDL's piece of the used data, as
 * Windows counts; pages are x64 Windows' 4096 bytes (the MDLs' StartVa/ByteOffset
 * split uses the same size). */
ULONG NdisQueryNetBufferPhysicalCount(PNET_BUFFER NetBuffer)
{
        static const char api[] = "NdisQueryNetBufferPhysicalCount";
        ULONG off, len, count = 0;
        PMDL m;

        irql_check_max(api, IRQL_DISPATCH, 0);
        nb_verify(NetBuffer, api);
        len = NetBuffer->DataLength;
        nb_locate(NetBuffer->MdlChain, NetBuffer->DataOffset, &m, &off);
        while (m && len) {
                uint64_t va;
                ULONG piece;

                if (off >= m->ByteCount) {
                        off -= m->ByteCount;
                        m = m->Next;
                        continue;
                }
                piece = m->ByteCount - off < len ? m->ByteCount - off : len;
                va = (uint64_t)(uintptr_t)MmGetMdlVirtualAddress(m) + off;
                count += (ULONG)(((va & 4095u) + piece + 4095u) >> 12);
                len -= piece;
                off = 0;
                m = m->Next;
        }
        return count;
}
