/* consumer.c - a ported program: Windows includes, linked against the installed
 * libwinnet. */
#include <stdio.h>

#include <iphlpapi.h>
#include <lm.h>
#include <winnet.h>

int main(void)
{
        LPVOID p = NULL;
        DWORD n = 0;

        if (NetApiBufferAllocate(100, &p) != NERR_Success ||
            NetApiBufferSize(p, &n) != NERR_Success || n < 100 ||
            NetApiBufferFree(p) != NERR_Success) {
                puts("NetApiBuffer round trip failed");
                return 1;
        }
        FreeMibTable(NULL);
        printf("consumer ok, winnet %s\n", winnet_version());
        return 0;
}
