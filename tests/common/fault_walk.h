/* fault_walk.h - the fault-injection walk of the allocation-failure tests: fail
 * allocation 1, 2, ... of one call, each attempt on a fresh thread (so per-thread
 * state is allocated anew), until the call succeeds. Every failure must return
 * ERROR_NOT_ENOUGH_MEMORY and leave the verifier's live-block count where it was.
 * Needs WINNET_VERIFIER_TRACK on; include after <cmocka.h>. */
#ifndef WINNET_TEST_FAULT_WALK_H
#define WINNET_TEST_FAULT_WALK_H

#include <pthread.h>

#include "winerror.h"
#include "winnet.h"

typedef DWORD (*fault_walk_call)(void);

struct fault_walk {
        const char *name;
        fault_walk_call call;
        void (*reset)(void); /* forgets size hints learnt by earlier calls; may be NULL */
        unsigned long max_allocations;
        unsigned long min_failures; /* the walk must have met at least this many */
};

struct fault_attempt {
        const struct fault_walk *w;
        unsigned long nth;
        DWORD result;
};

static void *fault_attempt_thread(void *p)
{
        struct fault_attempt *a = p;

        if (a->w->reset)
                a->w->reset();
        winnet_fault_fail_nth(a->nth);
        a->result = a->w->call();
        winnet_fault_fail_nth(0);
        return NULL;
}

static inline void fault_walk_run(const struct fault_walk *w)
{
        size_t live = winnet_verifier_live_blocks();
        struct fault_attempt a = {w, 0, 0};
        unsigned long failures = 0;

        for (a.nth = 1; a.nth < w->max_allocations; a.nth++) {
                pthread_t t;

                assert_int_equal(pthread_create(&t, NULL, fault_attempt_thread, &a), 0);
                pthread_join(t, NULL);
                if (a.result == NO_ERROR)
                        break;
                if (a.result != ERROR_NOT_ENOUGH_MEMORY)
                        fail_msg("%s: allocation %lu failed: got %u, expected 8", w->name, a.nth,
                                 (unsigned)a.result);
                failures++;
                if (winnet_verifier_live_blocks() != live)
                        fail_msg("%s: allocation %lu failed: %zu blocks leaked", w->name, a.nth,
                                 winnet_verifier_live_blocks() - live);
        }
        assert_int_equal(a.result, NO_ERROR);
        assert_true(failures >= w->min_failures);
        assert_int_equal(winnet_verifier_live_blocks(), live);
        print_message("%s: %lu allocation failures, all clean\n", w->name, failures);
}

/* A table call to walk (needs the IP Helper headers where it is expanded): its
 * result, the table freed on success, 0xdead when a failure left *Table set
 * (it must be NULL). */
#define TABLE_CALL(fn, type, expr)                                          \
        static DWORD fn(void)                                               \
        {                                                                   \
                type t = (type)&t;                                          \
                DWORD r = (expr);                                           \
                if (r == NO_ERROR)                                          \
                        FreeMibTable(t);                                    \
                else if (t)                                                 \
                        return 0xdead; /* *Table must be NULL on failure */ \
                return r;                                                   \
        }

#endif /* WINNET_TEST_FAULT_WALK_H */
