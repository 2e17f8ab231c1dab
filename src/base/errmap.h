/* errmap.h - the one place negative errno values become Windows codes. Library
 * internals return 0 or -errno; each public function maps exactly once, at its
 * edge, with the map of its API family. The table is in docs/errors.md. */
#ifndef WINNET_BASE_ERRMAP_H
#define WINNET_BASE_ERRMAP_H

#include <stdint.h>

/* Win32 codes (user-mode IP Helper and NetApi): 0 -> NO_ERROR,
 * -EINVAL -> ERROR_INVALID_PARAMETER, -ENOMEM -> ERROR_NOT_ENOUGH_MEMORY,
 * -ENODEV -> ERROR_FILE_NOT_FOUND, -ENOENT -> ERROR_NOT_FOUND,
 * -EAFNOSUPPORT/-EOPNOTSUPP -> ERROR_NOT_SUPPORTED, -ENOBUFS -> ERROR_INSUFFICIENT_BUFFER,
 * -EILSEQ -> ERROR_INVALID_NAME, ... anything else -> ERROR_GEN_FAILURE. */
uint32_t win32_from_errno(int neg_errno);

/* NTSTATUS (kernel-mode NETIO variants): the same cases as STATUS_* codes. */
int32_t ntstatus_from_errno(int neg_errno);

/* The NTSTATUS that Windows' RtlNtStatusToDosError turns into each Win32 code
 * above, so the two variants of one function always agree. */
int32_t ntstatus_from_win32(uint32_t win32);

#endif /* WINNET_BASE_ERRMAP_H */
