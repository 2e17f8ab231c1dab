/* tchar.h - the generic-text names of the Microsoft C runtime that hold on Linux.
 *
 * _TCHAR and _T()/_TEXT() follow _UNICODE as on Windows, but the wide form is
 * UTF-16 (char16_t, u"x"), the type of WCHAR here, because wchar_t is 32-bit on
 * Linux. The CRT functions are mapped only without _UNICODE (_tcslen -> strlen,
 * _tprintf -> printf, _tmain -> main): with _UNICODE Windows maps them to the
 * wchar_t functions (wcslen, wprintf, wmain), which take 32-bit strings on Linux
 * and cannot take a _TCHAR string, so they are left undefined and a use fails to
 * compile instead of misbehaving. docs/porting.md says what to write instead. */
#ifndef WINNET_TCHAR_H
#define WINNET_TCHAR_H

#include "windef.h"

#ifdef _UNICODE
#ifndef __TCHAR_DEFINED
#define __TCHAR_DEFINED
typedef WCHAR _TCHAR;
typedef WCHAR _TSCHAR;
typedef WCHAR _TUCHAR;
typedef WCHAR _TXCHAR;
#endif
#ifndef __T
#define __T(x) u##x
#endif
#else /* _UNICODE */
#include <stdio.h>
#include <string.h>
#ifndef __TCHAR_DEFINED
#define __TCHAR_DEFINED
typedef char _TCHAR;
typedef signed char _TSCHAR;
typedef unsigned char _TUCHAR;
typedef char _TXCHAR;
#endif
#ifndef __T
#define __T(x) x
#endif
#ifndef _tmain
#define _tmain main
#endif
#define _tprintf  printf
#define _ftprintf fprintf
#define _stprintf sprintf
#define _tcslen   strlen
#define _tcscmp   strcmp
#define _tcsncmp  strncmp
#define _tcscpy   strcpy
#define _tcsncpy  strncpy
#define _tcscat   strcat
#define _tcschr   strchr
#define _tcsrchr  strrchr
#define _tcsstr   strstr
#endif /* _UNICODE */

#ifndef _T
#define _T(x) __T(x)
#endif
#ifndef _TEXT
#define _TEXT(x) __T(x)
#endif

#endif /* WINNET_TCHAR_H */
