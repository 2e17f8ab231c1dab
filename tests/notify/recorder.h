/* recorder.h - the notification tests' event log: callbacks for every kind of
 * change notification that append what they were given (type, keys, the calling
 * thread) under a lock, and waits with a deadline for what a test expects. */
#ifndef WINNET_TEST_NOTIFY_RECORDER_H
#define WINNET_TEST_NOTIFY_RECORDER_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "iphlpapi.h"

enum rec_kind { REC_IPIF = 0, REC_ADDR = 1, REC_ROUTE = 2 };

struct rec_event {
        int kind;
        int type; /* MIB_NOTIFICATION_TYPE */
        int family;
        uint32_t ifindex;
        uint64_t luid;
        uint8_t addr[16]; /* address or route destination */
        uint8_t plen;     /* route prefix length */
        uint8_t gw[16];
        bool row_null;
        pthread_t thread;
};

struct recorder {
        pthread_mutex_t lock;
        pthread_cond_t cond;
        struct rec_event *ev;
        size_t n, cap;
        int in_callback; /* callbacks running now (must never exceed 1 per handle) */
        int overlaps;    /* times a callback started while another ran */
};

void rec_init(struct recorder *r);
void rec_free(struct recorder *r);
void rec_clear(struct recorder *r);

/* The callbacks; CallerContext is the recorder. */
void WINAPI rec_ipif(PVOID ctx, PMIB_IPINTERFACE_ROW row, MIB_NOTIFICATION_TYPE type);
void WINAPI rec_addr(PVOID ctx, PMIB_UNICASTIPADDRESS_ROW row, MIB_NOTIFICATION_TYPE type);
void WINAPI rec_route(PVOID ctx, PMIB_IPFORWARD_ROW2 row, MIB_NOTIFICATION_TYPE type);

/* Copies the events matching (kind, family or -1, ifindex or 0, addr or NULL)
 * into out (up to cap); returns how many matched. */
size_t rec_select(struct recorder *r, int kind, int family, uint32_t ifindex, const uint8_t *addr,
                  struct rec_event *out, size_t cap);
/* Waits up to timeout_ms until at least `n` events match; returns the count. */
size_t rec_wait(struct recorder *r, int kind, int family, uint32_t ifindex, const uint8_t *addr,
                size_t n, int timeout_ms);
/* Waits until no event arrived for quiet_ms (at most timeout_ms in all). */
void rec_settle(struct recorder *r, int quiet_ms, int timeout_ms);

/* Parses an IPv4/IPv6 literal into 16 bytes (IPv4 in the first 4). */
void rec_addr_of(const char *text, uint8_t out[16]);
const char *rec_type_name(int type);

#endif /* WINNET_TEST_NOTIFY_RECORDER_H */
