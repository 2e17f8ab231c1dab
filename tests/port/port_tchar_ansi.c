/* port_tchar_ansi.c - a non-UNICODE (ANSI) build as Windows programs are still
 * written: _tmain, _TCHAR, _T(), _tcslen, _tprintf, LPCTSTR/TEXT(), the memory
 * macros, ARRAYSIZE, ConvertInterfaceLuidToNameA, and the ws2tcpip.h resolver
 * names (GetAddrInfo, InetPton, InetNtop) on a numeric documentation address.
 * Nothing is sent: AI_NUMERICHOST never asks a resolver. Built as C11 and C++17. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <iphlpapi.h>
#include <tchar.h>
#include <stdio.h>
#include <string.h>

#include "port_env.h"

static void CheckText(void)
{
        LPCTSTR pszHello = TEXT("hello");
        _TCHAR szCopy[16];
        TCHAR szSecret[8];
        static const BYTE kZero[8] = {0};

        PORT_CHECK(sizeof(TCHAR) == 1 && sizeof(_TCHAR) == 1, "TCHAR is %zu bytes", sizeof(TCHAR));
        PORT_CHECK(_tcslen(pszHello) == 5, "_tcslen gives %zu", _tcslen(pszHello));
        PORT_CHECK(ARRAYSIZE(szCopy) == 16, "ARRAYSIZE gives %zu", (size_t)ARRAYSIZE(szCopy));
        ZeroMemory(szCopy, sizeof(szCopy));
        CopyMemory(szCopy, _T("hi"), 3 * sizeof(_TCHAR));
        PORT_CHECK(_tcscmp(szCopy, _T("hi")) == 0, "CopyMemory gave \"%s\"", szCopy);
        FillMemory(szSecret, sizeof(szSecret), 'x');
        SecureZeroMemory(szSecret, sizeof(szSecret));
        PORT_CHECK(RtlEqualMemory(szSecret, kZero, sizeof(kZero)), "SecureZeroMemory left data");
        _tprintf(_T("%s from a TCHAR build\n"), pszHello);
}

static void CheckResolverNames(void)
{
        ADDRINFO hints, *pResult = NULL;
        IN_ADDR addr;
        char szAddr[INET_ADDRSTRLEN];
        int iResult;

        ZeroMemory(&hints, sizeof(hints));
        hints.ai_family = AF_INET;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = AI_NUMERICHOST;
        iResult = GetAddrInfo(TEXT("192.0.2.7"), TEXT("80"), &hints, &pResult);
        PORT_CHECK(iResult == 0 && pResult != NULL, "GetAddrInfo returned %d", iResult);
        if (iResult == 0) {
                PSOCKADDR_IN pSin = (PSOCKADDR_IN)pResult->ai_addr;

                PORT_CHECK(pResult->ai_family == AF_INET && ntohs(pSin->sin_port) == 80,
                           "family %d port %u", pResult->ai_family, ntohs(pSin->sin_port));
                InetNtop(AF_INET, &pSin->sin_addr, szAddr, ARRAYSIZE(szAddr));
                PORT_CHECK(!strcmp(szAddr, "192.0.2.7"), "InetNtop gave %s", szAddr);
                FreeAddrInfo(pResult);
        }
        PORT_CHECK(InetPton(AF_INET, TEXT("192.0.2.255"), &addr) == 1 &&
                       addr.s_addr == htonl(0xc00002ffu),
                   "InetPton gave %08x", (unsigned)ntohl(addr.s_addr));
}

static void CheckLoopbackName(void)
{
        NET_LUID luid;
        CHAR szName[NDIS_IF_MAX_STRING_SIZE + 1];
        DWORD dwRetVal;

        dwRetVal = ConvertInterfaceIndexToLuid(if_nametoindex("lo"), &luid);
        PORT_CHECK(dwRetVal == NO_ERROR, "ConvertInterfaceIndexToLuid returned %lu",
                   (unsigned long)dwRetVal);
        dwRetVal = ConvertInterfaceLuidToNameA(&luid, szName, ARRAYSIZE(szName));
        PORT_CHECK(dwRetVal == NO_ERROR && szName[0] != '\0',
                   "ConvertInterfaceLuidToNameA returned %lu", (unsigned long)dwRetVal);
        PORT_CHECK(luid.Info.IfType == IF_TYPE_SOFTWARE_LOOPBACK, "lo LUID type %u",
                   (unsigned)luid.Info.IfType);
        dwRetVal = ConvertInterfaceLuidToNameA(&luid, szName, 2);
        PORT_CHECK(dwRetVal == ERROR_NOT_ENOUGH_MEMORY, "2-char buffer: %lu",
                   (unsigned long)dwRetVal);
}

int _tmain(int argc, _TCHAR *argv[])
{
        UNREFERENCED_PARAMETER(argc);
        UNREFERENCED_PARAMETER(argv);
        CheckText();
        CheckResolverNames();
        CheckLoopbackName();
        return port_exit("port_tchar_ansi");
}
