/* verifier_env_child.c - prints what the verifier made of WINNET_VERIFIER, and
 * with "leak" as argument leaves one NetApi buffer live for the exit report. */
#include <stdio.h>
#include <string.h>

#include "lm.h"
#include "winnet.h"

int main(int argc, char **argv)
{
        LPVOID p = NULL;

        printf("options=%u policy=%d\n", winnet_verifier_options(), (int)winnet_verifier_policy());
        if (argc > 1 && !strcmp(argv[1], "leak"))
                NetApiBufferAllocate(123, &p);
        if (argc > 1 && !strcmp(argv[1], "nth")) {
                DWORD r1 = NetApiBufferAllocate(1, &p);
                LPVOID q = NULL;
                DWORD r2 = NetApiBufferAllocate(1, &q);

                printf("first=%u second=%u\n", (unsigned)r1, (unsigned)r2);
                NetApiBufferFree(p);
                NetApiBufferFree(q);
        }
        fflush(stdout);
        return 0;
}
