/* death.h - fork-based death tests: run a function in a child with its stderr
 * captured, and tell how the child ended. The verifier aborts on a report when its
 * policy is abort; these helpers let a test expect that and read the report. */
#ifndef WINNET_TEST_DEATH_H
#define WINNET_TEST_DEATH_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct death {
        int signal;    /* signal that ended the child, 0 if it exited */
        int exit_code; /* exit code when it exited */
        char stderr[8192];
};

/* Runs fn(arg) in a child; its stderr lands in d->stderr. */
static inline void death_run(void (*fn)(void *), void *arg, struct death *d)
{
        int fds[2], status = 0;
        size_t got = 0;
        ssize_t n;
        pid_t pid;

        memset(d, 0, sizeof(*d));
        if (pipe(fds) < 0)
                abort();
        fflush(NULL);
        pid = fork();
        if (pid < 0)
                abort();
        if (pid == 0) {
                struct sigaction sa = {.sa_handler = SIG_DFL};

                sigaction(SIGABRT, &sa, NULL);
                dup2(fds[1], 2);
                close(fds[0]);
                fn(arg);
                fflush(NULL);
                _exit(0);
        }
        close(fds[1]);
        while (got + 1 < sizeof(d->stderr) &&
               (n = read(fds[0], d->stderr + got, sizeof(d->stderr) - 1 - got)) > 0)
                got += (size_t)n;
        d->stderr[got] = '\0';
        close(fds[0]);
        waitpid(pid, &status, 0);
        if (WIFSIGNALED(status))
                d->signal = WTERMSIG(status);
        else
                d->exit_code = WEXITSTATUS(status);
}

#endif /* WINNET_TEST_DEATH_H */
