/* lmapibuf.h - the NetApiBuffer* functions: the allocator behind every buffer a Net*
 * function hands out. Anything a Net* call returns through LPBYTE *bufptr (records and
 * the strings they point to, one block) is released with one NetApiBufferFree. */
#ifndef WINNET_LMAPIBUF_H
#define WINNET_LMAPIBUF_H

#include "lmcons.h"

WINNET_BEGIN_DECLS

/* Allocates ByteCount bytes (0 is allowed and yields a freeable non-NULL pointer), not
 * zeroed, aligned at least as malloc. Buffer NULL: ERROR_INVALID_PARAMETER; no memory:
 * ERROR_NOT_ENOUGH_MEMORY. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetApiBufferAllocate(_In_ DWORD ByteCount,
                                                                _Out_ LPVOID *Buffer);

/* Frees a buffer from NetApiBufferAllocate or from any Net* function, with everything
 * inside it. NULL is allowed. Returns NERR_Success. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetApiBufferFree(_In_opt_ LPVOID Buffer);

/* Resizes OldBuffer keeping its contents. OldBuffer NULL: a fresh allocation;
 * NewByteCount 0: frees OldBuffer and sets *NewBuffer to NULL. Pointers into the old
 * block are invalid afterwards. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetApiBufferReallocate(_In_opt_ LPVOID OldBuffer,
                                                                  _In_ DWORD NewByteCount,
                                                                  _Out_ LPVOID *NewBuffer);

/* Stores in *ByteCount the usable size of Buffer, at least what was asked for.
 * Buffer NULL: ERROR_INVALID_PARAMETER. */
WINNET_API NET_API_STATUS NET_API_FUNCTION NetApiBufferSize(_In_ LPVOID Buffer,
                                                            _Out_ LPDWORD ByteCount);

WINNET_END_DECLS

#endif /* WINNET_LMAPIBUF_H */
