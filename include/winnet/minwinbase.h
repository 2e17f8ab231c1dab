/* minwinbase.h - ZeroMemory, CopyMemory, MoveMemory and FillMemory: the Win32
 * names of winnt.h's Rtl*Memory macros, as in the Windows SDK. */
#ifndef WINNET_MINWINBASE_H
#define WINNET_MINWINBASE_H

#include "winnt.h"

#ifndef MoveMemory
#define MoveMemory RtlMoveMemory
#endif
#ifndef CopyMemory
#define CopyMemory RtlCopyMemory
#endif
#ifndef FillMemory
#define FillMemory RtlFillMemory
#endif
#ifndef ZeroMemory
#define ZeroMemory RtlZeroMemory
#endif

#endif /* WINNET_MINWINBASE_H */
