/* irql.c - the simulated IRQL of each thread and the report of a DDI called above
 * its documented IRQL. */
#include "irql.h"

_Thread_local uint8_t irql_current __attribute__((tls_model("initial-exec"))) = IRQL_PASSIVE;

void irql_violation(const char *api, uint8_t max, uint64_t code)
{
        static const char *names[] = {"PASSIVE_LEVEL", "APC_LEVEL", "DISPATCH_LEVEL"};
        uint64_t p[4] = {code, irql_current, max, 0};
        const char *cur = irql_current < 3 ? names[irql_current] : "above DISPATCH_LEVEL";

        verifier_report(0xC4, p, "irql_too_high", api,
                        "called at %s (%u); it must be called at IRQL <= %s (%u)", cur,
                        irql_current, max < 3 ? names[max] : "?", max);
}
