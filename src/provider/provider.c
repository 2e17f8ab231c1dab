/* provider.c - which provider answers: the Linux one, unless a test installed
 * another (a recorded or fault-injecting one) with provider_set(). */
#include <stddef.h>

#include "provider/provider.h"

static const struct provider_ops *current_ops;

const struct provider_ops *provider(void)
{
        const struct provider_ops *ops = __atomic_load_n(&current_ops, __ATOMIC_ACQUIRE);

        return ops ? ops : &provider_linux;
}

void provider_set(const struct provider_ops *ops)
{
        __atomic_store_n(&current_ops, ops, __ATOMIC_RELEASE);
}
