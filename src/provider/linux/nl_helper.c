/* nl_helper.c - each calling thread's helper thread: it runs one side dump (link
 * speeds, neighbour timing) on a socket the caller opened, while the caller dumps
 * links, so the two kernel walks overlap on two CPUs. Started on first use, parked
 * between jobs, stopped with the caller's netlink state (thread exit, namespace
 * change). After fork the child never sees the parent's helper: its state is new. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>

#include "alloc.h"
#include "provider/linux/nl.h"

#define HELPER_STACK (256u * 1024u)

enum helper_phase { H_IDLE, H_WORK, H_DONE, H_QUIT };

struct nl_helper {
        pthread_t thread;
        pthread_mutex_t mu;
        pthread_cond_t cv;
        enum helper_phase phase;
        int (*fn)(void *arg);
        void *arg;
        int result;
};

static void *helper_main(void *p)
{
        struct nl_helper *h = p;

        pthread_mutex_lock(&h->mu);
        for (;;) {
                while (h->phase != H_WORK && h->phase != H_QUIT)
                        pthread_cond_wait(&h->cv, &h->mu);
                if (h->phase == H_QUIT)
                        break;
                pthread_mutex_unlock(&h->mu);
                h->result = h->fn(h->arg);
                pthread_mutex_lock(&h->mu);
                h->phase = H_DONE;
                pthread_cond_broadcast(&h->cv);
        }
        pthread_mutex_unlock(&h->mu);
        return NULL;
}

/* Creates the thread with every signal blocked: signals belong to the caller. */
static int helper_create(struct nl_helper *h)
{
        sigset_t all, old;
        pthread_attr_t attr;
        int r;

        pthread_mutex_init(&h->mu, NULL);
        pthread_cond_init(&h->cv, NULL);
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, HELPER_STACK);
        sigfillset(&all);
        pthread_sigmask(SIG_SETMASK, &all, &old);
        r = pthread_create(&h->thread, &attr, helper_main, h);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        pthread_attr_destroy(&attr);
        if (r) {
                pthread_cond_destroy(&h->cv);
                pthread_mutex_destroy(&h->mu);
        }
        return -r;
}

int nl_helper_start(struct nl_state *st, int (*fn)(void *arg), void *arg)
{
        struct nl_helper *h = st->helper;
        int r;

        if (!h) {
                h = wn_zalloc(sizeof(*h));
                if (!h)
                        return -ENOMEM;
                r = helper_create(h);
                if (r < 0) {
                        wn_free(h);
                        return r;
                }
                st->helper = h;
        }
        pthread_mutex_lock(&h->mu);
        h->fn = fn;
        h->arg = arg;
        h->phase = H_WORK;
        pthread_cond_broadcast(&h->cv);
        pthread_mutex_unlock(&h->mu);
        return 0;
}

int nl_helper_wait(struct nl_state *st)
{
        struct nl_helper *h = st->helper;
        int r;

        pthread_mutex_lock(&h->mu);
        while (h->phase != H_DONE)
                pthread_cond_wait(&h->cv, &h->mu);
        h->phase = H_IDLE;
        r = h->result;
        pthread_mutex_unlock(&h->mu);
        return r;
}

void nl_helper_stop(struct nl_state *st, bool same_process)
{
        struct nl_helper *h = st->helper;

        if (!h)
                return;
        st->helper = NULL;
        if (same_process) { /* a forked child has no such thread to stop */
                pthread_mutex_lock(&h->mu);
                h->phase = H_QUIT;
                pthread_cond_broadcast(&h->cv);
                pthread_mutex_unlock(&h->mu);
                pthread_join(h->thread, NULL);
                pthread_cond_destroy(&h->cv);
                pthread_mutex_destroy(&h->mu);
        }
        wn_free(h);
}
