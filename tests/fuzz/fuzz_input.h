/* fuzz_input.h - what the program-style fuzzers share: reading the input as a
 * stream of bytes (0 once it runs out, so every input is a whole program) and
 * failing loudly, with the target's name, when the code under test breaks its
 * contract. */
#ifndef WINNET_FUZZ_INPUT_H
#define WINNET_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* FUZZ_NAME is the target's name, defined before this header is included. */
#define FAIL(...)                                            \
        do {                                                 \
                fprintf(stderr, FUZZ_NAME ": " __VA_ARGS__); \
                fputc('\n', stderr);                         \
                abort();                                     \
        } while (0)

struct reader {
        const uint8_t *p;
        size_t n;
};

static inline uint8_t take(struct reader *r)
{
        if (!r->n)
                return 0;
        r->n--;
        return *r->p++;
}

static inline unsigned take16(struct reader *r)
{
        return take(r) | (unsigned)take(r) << 8;
}

#endif /* WINNET_FUZZ_INPUT_H */
