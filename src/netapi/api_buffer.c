/* api_buffer.c - NetApiBufferAllocate/Free/Reallocate/Size: the LAN Manager buffer
 * functions. Every buffer is a typed block of family BLOCK_NETAPI, so these four
 * recognise a pointer that is not theirs, and NetApiBufferFree frees a whole Net*
 * result (records and their strings live in the same block). */
#include <errno.h>

#include "lmapibuf.h"
#include "lmerr.h"
#include "winerror.h"

#include "block.h"
#include "verifier.h"

NET_API_STATUS NET_API_FUNCTION NetApiBufferAllocate(DWORD ByteCount, LPVOID *Buffer)
{
        void *p;

        if (!Buffer)
                return ERROR_INVALID_PARAMETER;
        /* block_alloc never changes errno: Windows sets no error state either way */
        p = block_alloc(BLOCK_NETAPI, ByteCount, 0, ALLOC_SITE_HERE("NetApiBufferAllocate"));
        *Buffer = p;
        return p ? NERR_Success : ERROR_NOT_ENOUGH_MEMORY;
}

NET_API_STATUS NET_API_FUNCTION NetApiBufferFree(LPVOID Buffer)
{
        if (!Buffer)
                return NERR_Success;
        return block_release(Buffer, BLOCK_NETAPI, "NetApiBufferFree") ? ERROR_INVALID_PARAMETER
                                                                       : NERR_Success;
}

NET_API_STATUS NET_API_FUNCTION NetApiBufferReallocate(LPVOID OldBuffer, DWORD NewByteCount,
                                                       LPVOID *NewBuffer)
{
        void *p;

        if (!NewBuffer)
                return ERROR_INVALID_PARAMETER;
        if (OldBuffer && block_check(OldBuffer, BLOCK_NETAPI) != BLOCK_OK) {
                /* Reports the misuse; never frees or resizes a block that is not ours. */
                block_free_checked(OldBuffer, BLOCK_NETAPI, "NetApiBufferReallocate");
                return ERROR_INVALID_PARAMETER;
        }
        if (OldBuffer && NewByteCount == 0) {
                block_free(OldBuffer);
                *NewBuffer = NULL;
                return NERR_Success;
        }
        if (OldBuffer)
                p = block_realloc(OldBuffer, BLOCK_NETAPI, NewByteCount,
                                  ALLOC_SITE_HERE("NetApiBufferReallocate"));
        else
                p = block_alloc(BLOCK_NETAPI, NewByteCount, 0,
                                ALLOC_SITE_HERE("NetApiBufferReallocate"));
        if (!p)
                return ERROR_NOT_ENOUGH_MEMORY; /* OldBuffer is untouched and still the caller's */
        *NewBuffer = p;
        return NERR_Success;
}

NET_API_STATUS NET_API_FUNCTION NetApiBufferSize(LPVOID Buffer, LPDWORD ByteCount)
{
        if (!Buffer || !ByteCount)
                return ERROR_INVALID_PARAMETER;
        if (block_check(Buffer, BLOCK_NETAPI) != BLOCK_OK) {
                uint64_t p[4] = {0x46, (uint64_t)(uintptr_t)Buffer, 0, 0};

                verifier_report(0xC2, p, "bad_pointer", "NetApiBufferSize",
                                "%p is not a live NetApi buffer", Buffer);
                return ERROR_INVALID_PARAMETER;
        }
        *ByteCount = (DWORD)block_size(Buffer);
        return NERR_Success;
}
