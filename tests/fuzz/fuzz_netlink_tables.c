/* fuzz_netlink_tables.c - arbitrary netlink replies fed through the Linux
 * provider's own receive loop (nl_query.c) into the IP Helper table calls.
 * Input: [call][family][feed chunks...] (nl_feed.h); the call and its checks are
 * in nl_apis.c. Seeds are dumps recorded in a test namespace (nl_record.c). */
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "nl_apis.h"
#include "nl_feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static const int families[3] = {AF_UNSPEC, AF_INET, AF_INET6};

        if (size < 2)
                return 0;
        nl_feed_replay(data + 2, size - 2);
        nl_api_run(data[0] % NL_API_COUNT, families[data[1] % 3]);
        nl_feed_off();
        return 0;
}
