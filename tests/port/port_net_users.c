/* port_net_users.c - a LAN Manager account lister written as for Windows (UNICODE
 * build, NET_API_STATUS, the ERROR_MORE_DATA paging loop with a resume handle,
 * NetApiBufferFree of every buffer), checked against NSS: every name `getent
 * passwd` lists comes back once, root is uid 0 and an administrator, the
 * workstation name is the host's. Built as C11 and C++17; needs no root. */
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <lm.h>
#include <tchar.h>
#include <stdio.h>
#include <stdlib.h>
#include <assert.h>
#include <string.h>

#include "port_env.h"

/* The shell's view: distinct non-empty passwd names, as docs/netapi.md counts them. */
#define PASSWD_NAMES "getent passwd | cut -d: -f1 | grep -v '^$' | sort -u | wc -l"

/* Pages of a few entries each: the loop a Windows sample writes for a domain. */
static DWORD CountUsersPaged(DWORD dwPrefMaxLen, BOOL *pbSawRoot, DWORD *pdwPages)
{
        LPUSER_INFO_0 pBuf = NULL;
        LPUSER_INFO_0 pTmpBuf;
        DWORD dwLevel = 0;
        DWORD dwEntriesRead = 0;
        DWORD dwTotalEntries = 0;
        DWORD dwResumeHandle = 0;
        DWORD dwTotalCount = 0;
        DWORD i;
        NET_API_STATUS nStatus;
        char utf8[512];

        *pbSawRoot = FALSE;
        *pdwPages = 0;
        do {
                nStatus =
                    NetUserEnum(NULL, dwLevel, FILTER_NORMAL_ACCOUNT, (LPBYTE *)&pBuf, dwPrefMaxLen,
                                &dwEntriesRead, &dwTotalEntries, &dwResumeHandle);
                if ((nStatus == NERR_Success) || (nStatus == ERROR_MORE_DATA)) {
                        (*pdwPages)++;
                        if ((pTmpBuf = pBuf) != NULL) {
                                for (i = 0; (i < dwEntriesRead); i++) {
                                        assert(pTmpBuf != NULL);
                                        PORT_CHECK(pTmpBuf->usri0_name != NULL &&
                                                       pTmpBuf->usri0_name[0] != 0,
                                                   "entry %lu of page %lu has no name",
                                                   (unsigned long)i, (unsigned long)*pdwPages);
                                        port_utf8(pTmpBuf->usri0_name, utf8, sizeof(utf8));
                                        if (!strcmp(utf8, "root"))
                                                *pbSawRoot = TRUE;
                                        pTmpBuf++;
                                        dwTotalCount++;
                                }
                        }
                } else {
                        PORT_CHECK(FALSE, "NetUserEnum returned %lu", (unsigned long)nStatus);
                }
                if (pBuf != NULL) {
                        NetApiBufferFree(pBuf);
                        pBuf = NULL;
                }
        } while (nStatus == ERROR_MORE_DATA);
        return dwTotalCount;
}

static void CheckEnum(void)
{
        long long nPasswd = port_sh_number(PASSWD_NAMES);
        long long nMachine = port_sh_number("getent passwd | cut -d: -f1 | grep '\\$$' | sort -u "
                                            "| wc -l");
        BOOL bSawRoot;
        DWORD dwPages, dwAll, dwPaged;

        dwAll = CountUsersPaged(MAX_PREFERRED_LENGTH, &bSawRoot, &dwPages);
        PORT_CHECK(dwPages == 1, "MAX_PREFERRED_LENGTH took %lu calls", (unsigned long)dwPages);
        PORT_CHECK((long long)dwAll == nPasswd - nMachine,
                   "%lu normal accounts, getent passwd has %lld names (%lld machine)",
                   (unsigned long)dwAll, nPasswd, nMachine);
        PORT_CHECK(bSawRoot, "root not enumerated");

        dwPaged = CountUsersPaged(64, &bSawRoot, &dwPages);
        PORT_CHECK(dwPaged == dwAll, "paged %lu, one call %lu", (unsigned long)dwPaged,
                   (unsigned long)dwAll);
        PORT_CHECK(dwAll < 2 || dwPages > 1, "64-byte pages: %lu call(s) for %lu users",
                   (unsigned long)dwPages, (unsigned long)dwAll);
        PORT_CHECK(bSawRoot, "root not enumerated in pages");
}

static void CheckRoot(void)
{
        LPUSER_INFO_3 pUi3 = NULL;
        LPUSER_INFO_1 pUi1 = NULL;
        NET_API_STATUS nStatus;
        char home[512], *want;
        LPCTSTR pszUser = TEXT("root");

        nStatus = NetUserGetInfo(NULL, pszUser, 3, (LPBYTE *)&pUi3);
        PORT_CHECK(nStatus == NERR_Success, "NetUserGetInfo(root, 3) returned %lu",
                   (unsigned long)nStatus);
        if (nStatus == NERR_Success && pUi3 != NULL) {
                PORT_CHECK(pUi3->usri3_user_id == 0, "root has user_id %lu",
                           (unsigned long)pUi3->usri3_user_id);
                PORT_CHECK(pUi3->usri3_priv == USER_PRIV_ADMIN, "root has priv %lu",
                           (unsigned long)pUi3->usri3_priv);
                PORT_CHECK(pUi3->usri3_password == NULL, "a password came back");
                want = port_sh_output("getent passwd root | cut -d: -f6");
                port_utf8(pUi3->usri3_home_dir, home, sizeof(home));
                PORT_CHECK(!strcmp(home, want), "home %s, passwd says %s", home, want);
                free(want);
        }
        if (pUi3 != NULL)
                NetApiBufferFree(pUi3);

        nStatus = NetUserGetInfo(NULL, TEXT("root"), 1, (LPBYTE *)&pUi1);
        PORT_CHECK(nStatus == NERR_Success && pUi1 && (pUi1->usri1_flags & UF_NORMAL_ACCOUNT),
                   "level 1: status %lu", (unsigned long)nStatus);
        if (pUi1 != NULL)
                NetApiBufferFree(pUi1);

        pUi1 = NULL;
        nStatus = NetUserGetInfo(NULL, TEXT("no-such-user-winnet-port"), 1, (LPBYTE *)&pUi1);
        PORT_CHECK(nStatus == NERR_UserNotFound, "unknown user: %lu", (unsigned long)nStatus);
        PORT_CHECK(pUi1 == NULL, "a buffer came back with NERR_UserNotFound");
}

static void CheckGroupsAndWorkstation(void)
{
        LPLOCALGROUP_MEMBERS_INFO_3 pMembers = NULL;
        LPWKSTA_INFO_100 pWksta = NULL;
        DWORD dwRead = 0, dwTotal = 0;
        DWORD_PTR dwResume = 0;
        NET_API_STATUS nStatus;
        char name[64], *want;
        long long nMembers;

        nMembers = port_sh_number("getent group root | cut -d: -f4 | tr ',' '\\n' | grep -v '^$'"
                                  " | sort -u | wc -l");
        nStatus = NetLocalGroupGetMembers(NULL, TEXT("root"), 3, (LPBYTE *)&pMembers,
                                          MAX_PREFERRED_LENGTH, &dwRead, &dwTotal, &dwResume);
        PORT_CHECK(nStatus == NERR_Success, "NetLocalGroupGetMembers(root) returned %lu",
                   (unsigned long)nStatus);
        PORT_CHECK((long long)dwRead == nMembers && dwTotal == dwRead,
                   "%lu/%lu members, getent group root lists %lld", (unsigned long)dwRead,
                   (unsigned long)dwTotal, nMembers);
        NetApiBufferFree(pMembers);

        pMembers = NULL;
        nStatus =
            NetLocalGroupGetMembers(NULL, TEXT("no-such-group-winnet-port"), 3, (LPBYTE *)&pMembers,
                                    MAX_PREFERRED_LENGTH, &dwRead, &dwTotal, NULL);
        PORT_CHECK(nStatus == ERROR_NO_SUCH_ALIAS, "unknown group: %lu", (unsigned long)nStatus);

        nStatus = NetWkstaGetInfo(NULL, 100, (LPBYTE *)&pWksta);
        PORT_CHECK(nStatus == NERR_Success, "NetWkstaGetInfo returned %lu", (unsigned long)nStatus);
        if (nStatus == NERR_Success) {
                PORT_CHECK(pWksta->wki100_platform_id == PLATFORM_ID_NT, "platform %lu",
                           (unsigned long)pWksta->wki100_platform_id);
                /* docs/netapi.md: first label of the host name, upper case, 15 chars. */
                want = port_sh_output("hostname | cut -d. -f1 | tr a-z A-Z | cut -c1-15");
                port_utf8(pWksta->wki100_computername, name, sizeof(name));
                PORT_CHECK(!strcmp(name, want), "computer name %s, host says %s", name, want);
                free(want);
        }
        NetApiBufferFree(pWksta);
}

int main(void)
{
        CheckEnum();
        CheckRoot();
        CheckGroupsAndWorkstation();
        return port_exit("port_net_users");
}
