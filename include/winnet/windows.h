/* windows.h - the part of <windows.h> that the network APIs winnet implements need:
 * base types, generic text (TCHAR, TEXT), the memory macros (ZeroMemory, ...),
 * GUID and the Win32 error codes. It does not define _WIN32: code that tests it
 * means "the real Windows" (docs/porting.md). */
#ifndef WINNET_WINDOWS_H
#define WINNET_WINDOWS_H

#include "windef.h"
#include "winnt.h"
#include "winbase.h"
#include "guiddef.h"
#include "winerror.h"

#endif /* WINNET_WINDOWS_H */
