/* replay_main.c - runs a fuzz target's LLVMFuzzerTestOneInput over files and
 * directories of inputs, without libFuzzer: how CTest replays the committed seed
 * corpora in every build (gcc, valgrind, TSan), and how a crash input found by
 * `make fuzz` is re-run under a debugger. Exit 0 when every input ran. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
        FILE *f = fopen(path, "rb");
        uint8_t *buf;
        long n;

        if (!f || fseek(f, 0, SEEK_END) < 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) < 0) {
                perror(path);
                if (f)
                        fclose(f);
                return -1;
        }
        buf = malloc((size_t)n + 1);
        if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
                fprintf(stderr, "%s: read failed\n", path);
                free(buf);
                fclose(f);
                return -1;
        }
        fclose(f);
        LLVMFuzzerTestOneInput(buf, (size_t)n);
        free(buf);
        return 0;
}

static int run_path(const char *path, unsigned *count)
{
        struct dirent *e;
        struct stat st;
        char sub[4096];
        DIR *d;
        int r = 0;

        if (stat(path, &st) < 0) {
                perror(path);
                return -1;
        }
        if (!S_ISDIR(st.st_mode)) {
                (*count)++;
                return run_file(path);
        }
        d = opendir(path);
        if (!d) {
                perror(path);
                return -1;
        }
        while ((e = readdir(d)))
                if (e->d_name[0] != '.') {
                        snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
                        if (run_path(sub, count) < 0)
                                r = -1;
                }
        closedir(d);
        return r;
}

int main(int argc, char **argv)
{
        unsigned count = 0;
        int i, r = 0;

        for (i = 1; i < argc; i++)
                if (run_path(argv[i], &count) < 0)
                        r = 1;
        printf("replayed %u inputs\n", count);
        return r || !count;
}
