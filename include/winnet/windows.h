/* windows.h - the part of <windows.h> that the network APIs winnet implements need:
 * base types, GUID and the Win32 error codes. */
#ifndef WINNET_WINDOWS_H
#define WINNET_WINDOWS_H

#include "windef.h"
#include "guiddef.h"
#include "winerror.h"

#endif /* WINNET_WINDOWS_H */
