/* join.c - NetGetJoinInformation: the domain this machine is a member of when
 * Samba's configuration says so (server role member/DC, or security = ads|domain:
 * NetSetupDomainName with the workgroup, Samba's NetBIOS domain name), otherwise
 * its Samba workgroup (NetSetupWorkgroupName). Without Samba the machine is in no
 * workgroup at all: NetSetupUnjoined, with the default name "WORKGROUP". */
#include <string.h>

#include "block.h"
#include "lmerr.h"
#include "lmjoin.h"
#include "netapi_int.h"
#include "utf16.h"
#include "winerror.h"

static NET_API_STATUS name_buffer(const char *name, LPWSTR *ret)
{
        size_t n = utf8_to_utf16(name, strlen(name), NULL, 0);
        LPWSTR w = block_alloc(BLOCK_NETAPI, (n + 1) * sizeof(WCHAR), 0,
                               ALLOC_SITE_HERE("NetGetJoinInformation"));

        if (!w)
                return ERROR_NOT_ENOUGH_MEMORY;
        utf8_to_utf16(name, strlen(name), w, n + 1);
        *ret = w;
        return NERR_Success;
}

NET_API_STATUS NET_API_FUNCTION NetGetJoinInformation(LPCWSTR lpServer, LPWSTR *lpNameBuffer,
                                                      PNETSETUP_JOIN_STATUS BufferType)
{
        NET_API_STATUS st;
        struct samba_conf c;

        if (lpNameBuffer)
                *lpNameBuffer = NULL;
        if (BufferType)
                *BufferType = NetSetupUnknownStatus;
        if (!lpNameBuffer || !BufferType)
                return ERROR_INVALID_PARAMETER;
        st = servername_check(lpServer);
        if (st)
                return st;
        st = netapi_status(samba_conf_load(&c, 0));
        if (st == NERR_Success)
                st = name_buffer(c.workgroup, lpNameBuffer);
        if (st == NERR_Success)
                *BufferType = !c.present        ? NetSetupUnjoined
                              : c.domain_member ? NetSetupDomainName
                                                : NetSetupWorkgroupName;
        samba_conf_free(&c);
        return st;
}
