/* nl_apis.h - the IP Helper table calls the netlink fuzz target drives through
 * the provider (and the recorder captures seeds for), each followed by the checks
 * that hold whatever the kernel said: a failed call leaves *Table NULL, a table's
 * rows are all readable inside its block, strings end inside their arrays,
 * lengths stay within their fields, and FreeMibTable takes the block back. */
#ifndef WINNET_TESTS_FUZZ_NL_APIS_H
#define WINNET_TESTS_FUZZ_NL_APIS_H

#include <stdint.h>

#define NL_API_COUNT 12

/* A short stable name of call `api` ("if_table2", ...), for seed files. */
const char *nl_api_name(unsigned api);
/* Makes call `api` for address family `family` (AF_UNSPEC, AF_INET, AF_INET6) and
 * checks its result; aborts on a violation. Returns the call's status. */
unsigned long nl_api_run(unsigned api, int family);

#endif /* WINNET_TESTS_FUZZ_NL_APIS_H */
