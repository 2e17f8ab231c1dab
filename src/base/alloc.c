/* alloc.c - freeing the library's private blocks. */
#include "alloc.h"
#include "verifier.h"

void wn_free(void *p)
{
        if (p)
                block_free_checked(p, BLOCK_INTERNAL, "winnet (internal)");
}
