/* iphlpapi.h - the user-mode IP Helper API: includes netioapi.h in user mode, so
 * NETIO_STATUS is DWORD and the functions return Win32 codes and link to the
 * plain-named symbols. Include it before any direct include of netioapi.h. */
#ifndef __IPHLPAPI_H__

#ifdef WINNET_NETIOAPI_H
#error \
    "netioapi.h was included before iphlpapi.h and declared the kernel-mode (NTSTATUS, winnet_k_*) functions; include <iphlpapi.h> first for the Win32-code variants"
#endif

/* Windows' own guard name: netioapi.h tests it to select user mode. */
#define __IPHLPAPI_H__

#include "windef.h"
#include "winerror.h"
#include "ws2def.h"
#include "ws2ipdef.h"
#include "ifdef.h"
#include "nldef.h"
#include "netioapi.h"

#endif /* __IPHLPAPI_H__ */
