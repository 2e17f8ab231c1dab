/* ntstatus.h - the NTSTATUS codes the kernel-mode (Netio.lib) variants and the NDIS
 * runtime return. Values equal Windows' ntstatus.h. */
#ifndef WINNET_NTSTATUS_H
#define WINNET_NTSTATUS_H

#include "windef.h"

#define STATUS_SUCCESS                ((NTSTATUS)0x00000000L)
#define STATUS_PENDING                ((NTSTATUS)0x00000103L)
#define STATUS_BUFFER_OVERFLOW        ((NTSTATUS)0x80000005L)
#define STATUS_UNSUCCESSFUL           ((NTSTATUS)0xC0000001L)
#define STATUS_INVALID_PARAMETER      ((NTSTATUS)0xC000000DL)
#define STATUS_INVALID_DEVICE_REQUEST ((NTSTATUS)0xC0000010L)
#define STATUS_NO_MEMORY              ((NTSTATUS)0xC0000017L)
#define STATUS_BUFFER_TOO_SMALL       ((NTSTATUS)0xC0000023L)
#define STATUS_OBJECT_NAME_INVALID    ((NTSTATUS)0xC0000033L)
#define STATUS_OBJECT_NAME_NOT_FOUND  ((NTSTATUS)0xC0000034L)
#define STATUS_INSUFFICIENT_RESOURCES ((NTSTATUS)0xC000009AL)
#define STATUS_NOT_SUPPORTED          ((NTSTATUS)0xC00000BBL)
#define STATUS_CANCELLED              ((NTSTATUS)0xC0000120L)
#define STATUS_INVALID_LEVEL          ((NTSTATUS)0xC0000148L)
#define STATUS_NOT_FOUND              ((NTSTATUS)0xC0000225L)

/* The NETIO documentation (GetIpInterfaceTable and others) names the out-of-memory
 * status STATUS_NOT_ENOUGH_MEMORY, a name ntstatus.h never defined. It is an alias of
 * the status Windows really returns, STATUS_NO_MEMORY. */
#define STATUS_NOT_ENOUGH_MEMORY STATUS_NO_MEMORY

#define NT_SUCCESS(Status) (((NTSTATUS)(Status)) >= 0)

#endif /* WINNET_NTSTATUS_H */
