/* winnt.h - the generic-text and memory idioms of Windows' winnt.h that hold on
 * Linux: TCHAR and TEXT() (UTF-16 WCHAR under UNICODE, char otherwise), the
 * Rtl*Memory macros, RtlSecureZeroMemory, RTL_NUMBER_OF / ARRAYSIZE and
 * UNREFERENCED_PARAMETER. Names and meanings equal the Windows SDK's; each is
 * guarded so a definition made earlier (by the program or another header) wins.
 *
 * Difference from Windows: under UNICODE, TEXT("x") is u"x" (char16_t, 16-bit,
 * what WCHAR is here), not L"x" (wchar_t is 32-bit on Linux). docs/porting.md */
#ifndef WINNET_WINNT_H
#define WINNET_WINNT_H

#include <string.h>
#include "windef.h"

/* ---- Generic text: TCHAR follows UNICODE, as in the SDK --------------------- */
#ifdef UNICODE
#ifndef _TCHAR_DEFINED
#define _TCHAR_DEFINED
typedef WCHAR TCHAR, *PTCHAR;
typedef WCHAR TBYTE, *PTBYTE;
#endif
typedef LPWSTR LPTCH, PTCH, PTSTR, LPTSTR;
typedef LPCWSTR PCTSTR, LPCTSTR;
#ifndef __TEXT
#define __TEXT(quote) u##quote
#endif
#else
#ifndef _TCHAR_DEFINED
#define _TCHAR_DEFINED
typedef char TCHAR, *PTCHAR;
typedef unsigned char TBYTE, *PTBYTE;
#endif
typedef LPSTR LPTCH, PTCH, PTSTR, LPTSTR;
typedef LPCSTR PCTSTR, LPCTSTR;
#ifndef __TEXT
#define __TEXT(quote) quote
#endif
#endif
#ifndef TEXT
#define TEXT(quote) __TEXT(quote)
#endif

/* ---- Memory ------------------------------------------------------------------ */
#ifndef RtlEqualMemory
#define RtlEqualMemory(Destination, Source, Length) (!memcmp((Destination), (Source), (Length)))
#endif
#ifndef RtlMoveMemory
#define RtlMoveMemory(Destination, Source, Length) memmove((Destination), (Source), (Length))
#endif
#ifndef RtlCopyMemory
#define RtlCopyMemory(Destination, Source, Length) memcpy((Destination), (Source), (Length))
#endif
#ifndef RtlFillMemory
#define RtlFillMemory(Destination, Length, Fill) memset((Destination), (Fill), (Length))
#endif
#ifndef RtlZeroMemory
#define RtlZeroMemory(Destination, Length) memset((Destination), 0, (Length))
#endif

/* Zeroes through a volatile pointer so the stores survive dead-store elimination
 * (a secret wiped before its buffer goes out of scope). Returns ptr. */
#ifndef WINNET_RTL_SECURE_ZERO_MEMORY_DEFINED
#define WINNET_RTL_SECURE_ZERO_MEMORY_DEFINED
static inline PVOID RtlSecureZeroMemory(PVOID ptr, SIZE_T cnt)
{
        volatile unsigned char *p = (volatile unsigned char *)ptr;

        while (cnt--)
                *p++ = 0;
        return ptr;
}
#endif

/* ---- Small helpers ----------------------------------------------------------- */
/* Element count of an array (not of a pointer: sizeof rules apply as in C). */
#ifndef RTL_NUMBER_OF
#define RTL_NUMBER_OF(A) (sizeof(A) / sizeof((A)[0]))
#endif
#ifndef ARRAYSIZE
#define ARRAYSIZE(A) RTL_NUMBER_OF(A)
#endif
/* Windows expands to (P); the cast keeps GCC's -Wunused-value quiet. */
#ifndef UNREFERENCED_PARAMETER
#define UNREFERENCED_PARAMETER(P) ((void)(P))
#endif

#endif /* WINNET_WINNT_H */
