/* mdl.c - MDLs: NdisAllocateMdl, NdisFreeMdl, MmGetSystemAddressForMdlSafe, and
 * the MDL-plus-buffer blocks NdisRetreatNetBufferDataStart allocates when it has
 * no handler (freed again by an advance with FreeMdl). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <dlfcn.h>

#include "ndis_internal.h"

#define NDIS_MDL_TAG 0x6c644d4eu /* 'ldMN', poolmon: "NMdl" */

void mdl_init(PMDL mdl, void *va, ULONG length)
{
        mdl->Next = NULL;
        mdl->Size = (CSHORT)sizeof(MDL);
        mdl->MdlFlags = MDL_SOURCE_IS_NONPAGED_POOL | MDL_MAPPED_TO_SYSTEM_VA;
        mdl->Process = NULL;
        mdl->MappedSystemVa = va;
        mdl->StartVa = (PVOID)((uintptr_t)va & ~(uintptr_t)4095u);
        mdl->ByteOffset = (ULONG)((uintptr_t)va & 4095u);
        mdl->ByteCount = length;
}

/* Where an address lives, when it is not heap: "the stack", "a global", or NULL. */
static const char *not_pool_memory(const void *va)
{
        pthread_attr_t attr;
        Dl_info info;
        void *stack;
        size_t size;
        int on_stack = 0;

        if (!pthread_getattr_np(pthread_self(), &attr)) {
                if (!pthread_attr_getstack(&attr, &stack, &size))
                        on_stack = (const char *)va >= (const char *)stack &&
                                   (const char *)va < (const char *)stack + size;
                pthread_attr_destroy(&attr);
        }
        if (on_stack)
                return "the stack";
        if (dladdr(va, &info) && info.dli_fname)
                return "a global or static variable";
        return NULL;
}

PMDL NdisAllocateMdl(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, UINT Length)
{
        static const char api[] = "NdisAllocateMdl";
        PMDL mdl;

        irql_check_max(api, IRQL_DISPATCH, 0);
        if (NDIS_VERIFYING()) {
                const char *where = not_pool_memory(VirtualAddress);

                if (where) {
                        uint64_t prm[4] = {(uint64_t)(uintptr_t)VirtualAddress, Length, 0, 0};

                        verifier_report(WINNET_BUGCHECK(W_MDL_ADDRESS), prm, "mdl_address", api,
                                        "%p (%u bytes) is on %s: an MDL must describe NDIS memory "
                                        "(NdisAllocateMemoryWithTagPriority)",
                                        VirtualAddress, Length, where);
                }
        }
        if (driver_id(NdisHandle, api) == UINT64_MAX)
                return NULL;
        mdl = block_alloc(BLOCK_NDIS_POOL, sizeof(MDL), NDIS_MDL_TAG,
                          ndis_site(ALLOC_SITE_HERE(api)));
        if (!mdl)
                return NULL;
        block_header_of(mdl)->spare = KIND_MDL;
        mdl_init(mdl, VirtualAddress, Length);
        return mdl;
}

VOID NdisFreeMdl(PMDL Mdl)
{
        static const char api[] = "NdisFreeMdl";

        irql_check_max(api, IRQL_DISPATCH, 0);
        if (ndis_check_kind(Mdl, KIND_MDL, api) == 0)
                block_free(Mdl);
}

PVOID MmGetSystemAddressForMdlSafe(PMDL Mdl, ULONG Priority)
{
        (void)Priority;
        if (unlikely(fault_is_armed()) &&
            fault_should_fail(ndis_site(ALLOC_SITE_HERE("MmGetSystemAddressForMdlSafe")), 0))
                return NULL; /* low resources: the mapping cannot be made */
        if (Mdl->MappedSystemVa)
                return Mdl->MappedSystemVa;
        return (PUCHAR)Mdl->StartVa + Mdl->ByteOffset;
}

/* ---- MDLs a retreat allocates ---- */

PMDL retreat_mdl_alloc(ULONG size, uint32_t tag, struct alloc_site site)
{
        PMDL mdl = block_alloc(BLOCK_NDIS_POOL, sizeof(MDL) + size, tag, ndis_site(site));

        if (!mdl)
                return NULL;
        block_header_of(mdl)->spare = KIND_RETREAT_MDL;
        mdl_init(mdl, mdl + 1, size);
        return mdl;
}

void retreat_mdl_free(PMDL mdl, const char *api)
{
        if (ndis_check_kind(mdl, KIND_RETREAT_MDL, api) == 0)
                block_free(mdl);
}
