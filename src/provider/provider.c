/* provider.c - which provider answers: the Linux one, unless a test installed
 * another (a recorded or fault-injecting one) with provider_set(). */
#include <stddef.h>
#include <stdint.h>

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

static __thread unsigned batch_depth;
static __thread uint64_t batch_last, batch_now;

void provider_batch_begin(void)
{
        if (batch_depth++ == 0)
                batch_now = ++batch_last;
}

void provider_batch_end(void)
{
        if (batch_depth && --batch_depth == 0)
                batch_now = 0;
}

uint64_t provider_batch_id(void)
{
        return batch_now;
}
