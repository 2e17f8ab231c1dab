/* irql.h - the per-thread simulated IRQL of the user-mode NDIS runtime and the
 * check every DDI makes against its documented maximum. The check costs a TLS
 * load and a compare, and reports only while WINNET_VERIFIER_IRQL is on. */
#ifndef WINNET_BASE_IRQL_H
#define WINNET_BASE_IRQL_H

#include <stdint.h>
#include "verifier.h"

#define IRQL_PASSIVE  0
#define IRQL_APC      1
#define IRQL_DISPATCH 2

extern _Thread_local uint8_t irql_current __attribute__((tls_model("initial-exec")));

/* Reports "irql_too_high" (bug check 0xC4, parameter 1 as given by `code`) when
 * the current IRQL is above `max`. `code` is the Driver Verifier 0xC4 subcode
 * Windows uses for this DDI class (0x11/0x12 for frees, 0 when none). */
void irql_violation(const char *api, uint8_t max, uint64_t code);

static inline void irql_check_max(const char *api, uint8_t max, uint64_t code)
{
        if (unlikely(irql_current > max) && verifier_on(WINNET_VERIFIER_IRQL))
                irql_violation(api, max, code);
}

#endif /* WINNET_BASE_IRQL_H */
