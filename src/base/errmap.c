/* errmap.c - negative errno to Win32 and NTSTATUS codes, the single mapping
 * every public entry point applies to its internal result. */
#include <errno.h>

#include "errmap.h"
#include "ntstatus.h"
#include "winerror.h"

uint32_t win32_from_errno(int e)
{
        switch (e) {
        case 0:
                return NO_ERROR;
        case -EINVAL:
                return ERROR_INVALID_PARAMETER;
        case -ENOMEM:
                return ERROR_NOT_ENOUGH_MEMORY;
        case -ENODEV:
        case -ENXIO:
                return ERROR_FILE_NOT_FOUND;
        case -ENOENT:
        case -ESRCH:
                return ERROR_NOT_FOUND;
        case -EAFNOSUPPORT:
        case -EOPNOTSUPP:
        case -EPROTONOSUPPORT:
                return ERROR_NOT_SUPPORTED;
        case -ENOBUFS:
        case -EOVERFLOW:
                return ERROR_INSUFFICIENT_BUFFER;
        case -EILSEQ:
        case -ENAMETOOLONG:
                return ERROR_INVALID_NAME;
        case -EACCES:
        case -EPERM:
                return ERROR_ACCESS_DENIED;
        case -EEXIST:
                return ERROR_ALREADY_EXISTS;
        case -ECANCELED:
                return ERROR_CANCELLED;
        default:
                return ERROR_GEN_FAILURE;
        }
}

int32_t ntstatus_from_win32(uint32_t w)
{
        switch (w) {
        case NO_ERROR:
                return STATUS_SUCCESS;
        case ERROR_INVALID_PARAMETER:
                return STATUS_INVALID_PARAMETER;
        case ERROR_NOT_ENOUGH_MEMORY:
                return STATUS_NO_MEMORY;
        case ERROR_FILE_NOT_FOUND:
                return STATUS_OBJECT_NAME_NOT_FOUND;
        case ERROR_NOT_FOUND:
                return STATUS_NOT_FOUND;
        case ERROR_NOT_SUPPORTED:
                return STATUS_NOT_SUPPORTED;
        case ERROR_INSUFFICIENT_BUFFER:
                return STATUS_BUFFER_TOO_SMALL;
        case ERROR_INVALID_NAME:
                return STATUS_OBJECT_NAME_INVALID;
        case ERROR_ACCESS_DENIED:
                return (int32_t)0xC0000022; /* STATUS_ACCESS_DENIED */
        case ERROR_ALREADY_EXISTS:
                return (int32_t)0xC0000035; /* STATUS_OBJECT_NAME_COLLISION */
        case ERROR_CANCELLED:
                return STATUS_CANCELLED;
        default:
                return STATUS_UNSUCCESSFUL;
        }
}

int32_t ntstatus_from_errno(int e)
{
        return ntstatus_from_win32(win32_from_errno(e));
}
