/* winbase.h - the part of Windows' winbase.h that applies to the APIs winnet
 * implements: SecureZeroMemory (winnt.h's RtlSecureZeroMemory) and, through
 * minwinbase.h, ZeroMemory and its siblings. Kernel objects (events, Sleep,
 * Interlocked*) are not here: docs/porting.md names their Linux equivalents. */
#ifndef WINNET_WINBASE_H
#define WINNET_WINBASE_H

#include "winnt.h"
#include "minwinbase.h"

#ifndef SecureZeroMemory
#define SecureZeroMemory RtlSecureZeroMemory
#endif

#endif /* WINNET_WINBASE_H */
