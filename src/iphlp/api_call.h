/* api_call.h - how every IP Helper entry point calls its implementation: as one
 * provider batch (the namespace the thread reads is resolved once per call, not
 * once per query), with the -errno turned into the variant's status; kernel mode
 * first checks the NETIO IRQL rule. */
#ifndef WINNET_IPHLP_API_CALL_H
#define WINNET_IPHLP_API_CALL_H

#include "errmap.h"
#include "irql.h"
#include "provider/provider.h"

#define SITE(name) ALLOC_SITE_HERE(name)

static inline int api_batch_end(int r)
{
        provider_batch_end();
        return r;
}

/* expr runs between provider_batch_begin() and provider_batch_end(). */
#define API_RUN(expr) (provider_batch_begin(), api_batch_end(expr))

#define USER_CALL(expr) win32_from_errno(API_RUN(expr))

#define KERNEL_CALL(name, expr) \
        (irql_check_max(name, IRQL_APC, 0), ntstatus_from_errno(API_RUN(expr)))

/* For entry points that run the caller's code on the calling thread (the
 * initial notification): no batch, because the callback may move the thread
 * (setns, winnet_set_thread_netns) and its own calls must see where it went,
 * not the namespace the batch resolved before. */
#define KERNEL_CALL_UNBATCHED(name, expr) \
        (irql_check_max(name, IRQL_APC, 0), ntstatus_from_errno(expr))

#endif /* WINNET_IPHLP_API_CALL_H */
