/* addr_convert.c - socket addresses and clocks for the table rows: SOCKADDR_INET
 * from raw bytes (with the zone of link-scoped IPv6 addresses), and the kernel's
 * boot-relative hundredths of a second as Windows FILETIMEs. */
#include <string.h>
#include <sys/socket.h>
#include <sys/times.h>
#include <time.h>

#include "tables.h"

#define FILETIME_UNIX_EPOCH 116444736000000000LL /* 1970-01-01 in 100 ns since 1601 */

bool ipv6_zoned(const uint8_t *a)
{
        return (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) ||
               (a[0] == 0xff && ((a[1] & 0x0f) == 0x01 || (a[1] & 0x0f) == 0x02));
}

void sockaddr_inet_set(SOCKADDR_INET *out, int family, const uint8_t *addr, uint32_t ifindex)
{
        memset(out, 0, sizeof(*out));
        if (family == AF_INET6) {
                out->Ipv6.sin6_family = AF_INET6;
                memcpy(&out->Ipv6.sin6_addr, addr, 16);
                if (ipv6_zoned(addr))
                        out->Ipv6.sin6_scope_id = ifindex;
        } else if (family == AF_INET) {
                out->Ipv4.sin_family = AF_INET;
                memcpy(&out->Ipv4.sin_addr, addr, 4);
        }
}

const uint8_t *sockaddr_inet_bytes(const SOCKADDR_INET *a)
{
        if (a->si_family == AF_INET6)
                return (const uint8_t *)&a->Ipv6.sin6_addr;
        if (a->si_family == AF_INET)
                return (const uint8_t *)&a->Ipv4.sin_addr;
        return NULL;
}

/* The kernel's address stamps are jiffies since boot (less INITIAL_JIFFIES) in
 * hundredths of a second. CLOCK_MONOTONIC runs at their pace (both stop in
 * suspend) but from another origin: jiffies start when the tick does, a quarter
 * of a second later on the development machine, and a time namespace moves
 * CLOCK_MONOTONIC but not jiffies. times(2) gives the jiffies counter itself in
 * hundredths, INITIAL_JIFFIES (2^32 - 300 HZ jiffies) included; HZ is not
 * published, but only one of the kernel's choices puts times() within seconds
 * of CLOCK_MONOTONIC. When none does, CLOCK_MONOTONIC is the estimate. */
static uint32_t jiffies_now_cs(uint32_t mono_cs)
{
        static const uint64_t hz[] = {100, 250, 300, 1000};
        struct tms tms;
        uint32_t t = (uint32_t)times(&tms), now;
        size_t i;

        for (i = 0; i < sizeof(hz) / sizeof(hz[0]); i++) {
                now = t - (uint32_t)((1ull << 32) * 100 / hz[i] - 30000);
                if ((int32_t)(now - mono_cs) > -1000 && (int32_t)(now - mono_cs) < 1000)
                        return now;
        }
        return mono_cs;
}

void boot_clock_now(struct boot_clock *c)
{
        struct timespec real, mono;

        clock_gettime(CLOCK_REALTIME, &real);
        clock_gettime(CLOCK_MONOTONIC, &mono);
        c->real_100ns = FILETIME_UNIX_EPOCH + (int64_t)real.tv_sec * 10000000 + real.tv_nsec / 100;
        c->boot_cs = jiffies_now_cs(
            (uint32_t)((uint64_t)mono.tv_sec * 100 + (uint64_t)mono.tv_nsec / 10000000));
}

int64_t boot_clock_filetime(const struct boot_clock *c, uint32_t stamp_cs)
{
        uint32_t age_cs = c->boot_cs - stamp_cs; /* modulo 2^32, as the kernel's counter */

        return c->real_100ns - (int64_t)age_cs * 100000;
}
