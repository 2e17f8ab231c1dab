/* recorder.c - see recorder.h. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "recorder.h"

void rec_init(struct recorder *r)
{
        memset(r, 0, sizeof(*r));
        pthread_mutex_init(&r->lock, NULL);
        pthread_cond_init(&r->cond, NULL);
}

void rec_free(struct recorder *r)
{
        free(r->ev);
        pthread_cond_destroy(&r->cond);
        pthread_mutex_destroy(&r->lock);
}

void rec_clear(struct recorder *r)
{
        pthread_mutex_lock(&r->lock);
        r->n = 0;
        pthread_mutex_unlock(&r->lock);
}

static void push(struct recorder *r, struct rec_event *e)
{
        pthread_mutex_lock(&r->lock);
        if (r->in_callback++)
                r->overlaps++;
        if (r->n == r->cap) {
                r->cap = r->cap ? r->cap * 2 : 256;
                r->ev = realloc(r->ev, r->cap * sizeof(*r->ev));
        }
        e->thread = pthread_self();
        r->ev[r->n++] = *e;
        r->in_callback--;
        pthread_cond_broadcast(&r->cond);
        pthread_mutex_unlock(&r->lock);
}

static void copy_sockaddr(const SOCKADDR_INET *sa, uint8_t out[16])
{
        memset(out, 0, 16);
        if (sa->si_family == AF_INET)
                memcpy(out, &sa->Ipv4.sin_addr, 4);
        else if (sa->si_family == AF_INET6)
                memcpy(out, &sa->Ipv6.sin6_addr, 16);
}

void WINAPI rec_ipif(PVOID ctx, PMIB_IPINTERFACE_ROW row, MIB_NOTIFICATION_TYPE type)
{
        struct rec_event e = {REC_IPIF, type, -1, 0, 0, {0}, 0, {0}, row == NULL, 0};

        if (row) {
                e.family = row->Family;
                e.ifindex = row->InterfaceIndex;
                e.luid = row->InterfaceLuid.Value;
        }
        push(ctx, &e);
}

void WINAPI rec_addr(PVOID ctx, PMIB_UNICASTIPADDRESS_ROW row, MIB_NOTIFICATION_TYPE type)
{
        struct rec_event e = {REC_ADDR, type, -1, 0, 0, {0}, 0, {0}, row == NULL, 0};

        if (row) {
                e.family = row->Address.si_family;
                e.ifindex = row->InterfaceIndex;
                e.luid = row->InterfaceLuid.Value;
                copy_sockaddr(&row->Address, e.addr);
        }
        push(ctx, &e);
}

void WINAPI rec_route(PVOID ctx, PMIB_IPFORWARD_ROW2 row, MIB_NOTIFICATION_TYPE type)
{
        struct rec_event e = {REC_ROUTE, type, -1, 0, 0, {0}, 0, {0}, row == NULL, 0};

        if (row) {
                e.family = row->DestinationPrefix.Prefix.si_family;
                e.ifindex = row->InterfaceIndex;
                e.luid = row->InterfaceLuid.Value;
                e.plen = row->DestinationPrefix.PrefixLength;
                copy_sockaddr(&row->DestinationPrefix.Prefix, e.addr);
                copy_sockaddr(&row->NextHop, e.gw);
        }
        push(ctx, &e);
}

static bool match(const struct rec_event *e, int kind, int family, uint32_t ifindex,
                  const uint8_t *addr)
{
        return e->kind == kind && (family < 0 || e->family == family) &&
               (!ifindex || e->ifindex == ifindex) && (!addr || !memcmp(e->addr, addr, 16));
}

static size_t count_locked(struct recorder *r, int kind, int family, uint32_t ifindex,
                           const uint8_t *addr, struct rec_event *out, size_t cap)
{
        size_t i, n = 0;

        for (i = 0; i < r->n; i++)
                if (match(&r->ev[i], kind, family, ifindex, addr)) {
                        if (out && n < cap)
                                out[n] = r->ev[i];
                        n++;
                }
        return n;
}

size_t rec_select(struct recorder *r, int kind, int family, uint32_t ifindex, const uint8_t *addr,
                  struct rec_event *out, size_t cap)
{
        size_t n;

        pthread_mutex_lock(&r->lock);
        n = count_locked(r, kind, family, ifindex, addr, out, cap);
        pthread_mutex_unlock(&r->lock);
        return n;
}

static void deadline_in(struct timespec *ts, int ms)
{
        clock_gettime(CLOCK_REALTIME, ts);
        ts->tv_sec += ms / 1000;
        ts->tv_nsec += (long)(ms % 1000) * 1000000L;
        if (ts->tv_nsec >= 1000000000L) {
                ts->tv_sec++;
                ts->tv_nsec -= 1000000000L;
        }
}

size_t rec_wait(struct recorder *r, int kind, int family, uint32_t ifindex, const uint8_t *addr,
                size_t n, int timeout_ms)
{
        struct timespec ts;
        size_t got;

        deadline_in(&ts, timeout_ms);
        pthread_mutex_lock(&r->lock);
        while ((got = count_locked(r, kind, family, ifindex, addr, NULL, 0)) < n)
                if (pthread_cond_timedwait(&r->cond, &r->lock, &ts) == ETIMEDOUT) {
                        got = count_locked(r, kind, family, ifindex, addr, NULL, 0);
                        break;
                }
        pthread_mutex_unlock(&r->lock);
        return got;
}

void rec_settle(struct recorder *r, int quiet_ms, int timeout_ms)
{
        struct timespec ts;
        int waited = 0;
        size_t before;

        pthread_mutex_lock(&r->lock);
        do {
                before = r->n;
                deadline_in(&ts, quiet_ms);
                while (r->n == before &&
                       pthread_cond_timedwait(&r->cond, &r->lock, &ts) != ETIMEDOUT)
                        ;
                waited += quiet_ms;
        } while (r->n != before && waited < timeout_ms);
        pthread_mutex_unlock(&r->lock);
}

void rec_addr_of(const char *text, uint8_t out[16])
{
        memset(out, 0, 16);
        if (inet_pton(AF_INET, text, out) != 1)
                inet_pton(AF_INET6, text, out);
}

const char *rec_type_name(int type)
{
        static const char *const names[] = {"Parameter", "Add", "Delete", "Initial"};

        return type >= 0 && type < 4 ? names[type] : "?";
}
