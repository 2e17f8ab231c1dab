/* windef.h - the Windows base types with their Windows sizes (LLP64 on x64):
 * ULONG/DWORD/LONG are 32-bit, WCHAR is a 16-bit UTF-16 unit (char16_t),
 * BOOLEAN is 8-bit, pointers and *_PTR types are 64-bit. */
#ifndef WINNET_WINDEF_H
#define WINNET_WINDEF_H

#include <stddef.h>
#include <stdint.h>
#ifndef __cplusplus
#include <uchar.h>
#endif
#include "winnet_cdefs.h"

#ifndef VOID
#define VOID void
#endif
typedef void *PVOID, *LPVOID, *HANDLE, **PHANDLE;
typedef const void *LPCVOID;

typedef char CHAR, *PCHAR, *PSTR, *LPSTR;
typedef const char *PCSTR, *LPCSTR;
typedef char16_t WCHAR, *PWCHAR, *PWSTR, *LPWSTR;
typedef const char16_t *PCWSTR, *LPCWSTR;

typedef uint8_t BYTE, UCHAR, *PBYTE, *LPBYTE, *PUCHAR;
typedef uint8_t BOOLEAN, *PBOOLEAN;
typedef uint16_t WORD, USHORT, *PUSHORT, *PWORD;
typedef int16_t SHORT;
typedef int32_t INT, LONG, BOOL, *PLONG, *PINT;
typedef uint32_t UINT, ULONG, DWORD, *PUINT, *PULONG, *PDWORD, *LPDWORD;
typedef int64_t LONG64, LONGLONG, INT64, *PLONG64;
typedef uint64_t ULONG64, ULONGLONG, DWORD64, UINT64, *PULONG64;
typedef intptr_t LONG_PTR, INT_PTR;
typedef uintptr_t ULONG_PTR, UINT_PTR, DWORD_PTR, *PULONG_PTR;
typedef size_t SIZE_T;
typedef LONG NTSTATUS;

typedef union _LARGE_INTEGER {
        struct {
                ULONG LowPart;
                LONG HighPart;
        } u;
        LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
        struct {
                ULONG LowPart;
                ULONG HighPart;
        } u;
        ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif
#ifndef ANYSIZE_ARRAY
#define ANYSIZE_ARRAY 1
#endif

#endif /* WINNET_WINDEF_H */
