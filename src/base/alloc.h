/* alloc.h - the library's private allocations. They are typed blocks of family
 * BLOCK_INTERNAL, so fault injection reaches every allocation failure path and the
 * verifier's registry sees private memory too. */
#ifndef WINNET_BASE_ALLOC_H
#define WINNET_BASE_ALLOC_H

#include "block.h"

#define wn_malloc(n)     block_alloc(BLOCK_INTERNAL, (n), 0, ALLOC_SITE_INTERNAL)
#define wn_zalloc(n)     block_zalloc(BLOCK_INTERNAL, (n), 0, ALLOC_SITE_INTERNAL)
#define wn_realloc(p, n) block_realloc((p), BLOCK_INTERNAL, (n), ALLOC_SITE_INTERNAL)

/* Frees a private block; NULL is a no-op. */
void wn_free(void *p);

#endif /* WINNET_BASE_ALLOC_H */
