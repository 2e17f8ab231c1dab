/* cli.h - what every `winnet` subcommand shares: parsed global options, the
 * command table and the typed table printer (aligned text or JSON). */
#ifndef WINNET_CLI_H
#define WINNET_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct cli {
        bool json;         /* --json: machine-readable output */
        const char *netns; /* -n NAME: act inside /run/netns/NAME */
        const char *prog;
};

struct command {
        const char *name;
        const char *summary;
        const char *usage; /* options after the command name, for --help */
        int (*run)(struct cli *cli, int argc, char **argv);
};

/* The command table, ended by an entry with a NULL name (commands.c). */
extern const struct command winnet_commands[];
/* The command `winnet` runs when given none. */
extern const char *winnet_default_command;

/* Prints "winnet: <message>" to stderr; returns 1 for `return cli_error(...)`. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the failing API and its Windows code with its name; returns 1. */
int cli_api_error(const char *api, unsigned long code);
/* Name of a Win32 error code ("ERROR_NOT_FOUND"), or NULL. */
const char *cli_win32_name(unsigned long code);

/* A NUL-terminated UTF-16 string as UTF-8 in buf (cut to fit); NULL stays NULL
 * (wstr.c). */
const char *cli_wstr(const uint16_t *s, char *buf, size_t cap);

/* ---- typed table printer ----
 * Columns are declared once; rows are filled by column index. Text mode prints
 * the columns marked for text, aligned; JSON mode prints an array of objects with
 * every column, numbers as numbers. */
enum col_type { COL_STR, COL_U64, COL_I64, COL_BOOL };

struct column {
        const char *name; /* JSON key and text header */
        enum col_type type;
        bool text;  /* shown in text mode */
        bool right; /* right-aligned in text mode */
};

struct table;

struct table *table_new(const struct column *cols, size_t ncols);
/* Starts a new row; the cells default to null/empty. Returns 0 or -ENOMEM. */
int table_row(struct table *t);
void table_str(struct table *t, size_t col, const char *value);
void table_u64(struct table *t, size_t col, uint64_t value);
void table_i64(struct table *t, size_t col, int64_t value);
void table_bool(struct table *t, size_t col, bool value);
/* Prints the table as text or JSON and frees it. Returns 0 or 1 on error. */
int table_print(struct table *t, const struct cli *cli, FILE *out);
void table_free(struct table *t);

#endif /* WINNET_CLI_H */
