/* table.c - the CLI's typed table printer: aligned text for people, JSON (through
 * jansson) for programs. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

struct table {
        const struct column *cols;
        size_t ncols;
        json_t *rows; /* array of arrays, one json value per column */
        json_t *cur;
};

struct table *table_new(const struct column *cols, size_t ncols)
{
        struct table *t = calloc(1, sizeof(*t));

        if (!t)
                return NULL;
        t->cols = cols;
        t->ncols = ncols;
        t->rows = json_array();
        if (!t->rows) {
                free(t);
                return NULL;
        }
        return t;
}

int table_row(struct table *t)
{
        json_t *row = json_array();
        size_t i;

        if (!row)
                return -ENOMEM;
        for (i = 0; i < t->ncols; i++)
                json_array_append_new(row, json_null());
        if (json_array_append_new(t->rows, row))
                return -ENOMEM;
        t->cur = row;
        return 0;
}

static void set(struct table *t, size_t col, json_t *v)
{
        if (t->cur && col < t->ncols && v)
                json_array_set_new(t->cur, col, v);
        else
                json_decref(v);
}

void table_str(struct table *t, size_t col, const char *value)
{
        set(t, col, value ? json_string(value) : json_null());
}

void table_u64(struct table *t, size_t col, uint64_t value)
{
        /* JSON numbers in jansson are signed 64-bit: larger values go as strings. */
        set(t, col,
            value > (uint64_t)INT64_MAX ? json_sprintf("%" PRIu64, value)
                                        : json_integer((json_int_t)value));
}

void table_i64(struct table *t, size_t col, int64_t value)
{
        set(t, col, json_integer((json_int_t)value));
}

void table_bool(struct table *t, size_t col, bool value)
{
        set(t, col, json_boolean(value));
}

/* A string as the text table shows it: C0 controls and DEL as \xNN, C1 controls
 * (UTF-8 c2 80..c2 9f) as \u00NN. Interface names may hold control bytes and an
 * ifalias any byte at all; printed raw, a newline would split a row and an escape
 * sequence would reach the terminal. JSON keeps the value as it is (escaped by
 * jansson). */
static char *text_escape(const char *s)
{
        const unsigned char *p = (const unsigned char *)s;
        char *out = malloc(strlen(s) * 4 + 1), *o = out;

        if (!out)
                return NULL;
        for (; *p; p++) {
                if (*p < 0x20 || *p == 0x7f)
                        o += sprintf(o, "\\x%02x", *p);
                else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
                        o += sprintf(o, "\\u00%02x", *++p);
                else
                        *o++ = (char)*p;
        }
        *o = '\0';
        return out;
}

static char *cell_text(json_t *v)
{
        char buf[32];

        switch (json_typeof(v)) {
        case JSON_STRING:
                return text_escape(json_string_value(v));
        case JSON_INTEGER:
                snprintf(buf, sizeof(buf), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
                return strdup(buf);
        case JSON_TRUE:
                return strdup("yes");
        case JSON_FALSE:
                return strdup("no");
        default:
                return strdup("-");
        }
}

static int print_json(struct table *t, FILE *out)
{
        json_t *arr = json_array();
        size_t r, c;
        json_t *row;
        int rc = 0;

        if (!arr)
                return 1;
        json_array_foreach(t->rows, r, row)
        {
                json_t *obj = json_object();

                if (!obj) {
                        rc = 1;
                        break;
                }
                for (c = 0; c < t->ncols; c++)
                        json_object_set(obj, t->cols[c].name, json_array_get(row, c));
                json_array_append_new(arr, obj);
        }
        if (!rc && json_dumpf(arr, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) < 0)
                rc = 1;
        if (!rc)
                fputc('\n', out);
        json_decref(arr);
        return rc;
}

static size_t text_width(const char *s)
{
        size_t n = 0;

        for (; *s; s++)
                if (((unsigned char)*s & 0xc0) != 0x80) /* count UTF-8 characters */
                        n++;
        return n;
}

static bool next_text(const struct table *t, size_t c)
{
        for (c++; c < t->ncols; c++)
                if (t->cols[c].text)
                        return true;
        return false;
}

static int print_text(struct table *t, FILE *out)
{
        size_t nrows = json_array_size(t->rows), r, c;
        size_t *w = calloc(t->ncols, sizeof(*w));
        char **cells = calloc(nrows * t->ncols + 1, sizeof(*cells));
        int rc = 0;

        if (!w || !cells) {
                free(w);
                free(cells);
                return 1;
        }
        for (c = 0; c < t->ncols; c++)
                w[c] = strlen(t->cols[c].name);
        for (r = 0; r < nrows; r++)
                for (c = 0; c < t->ncols; c++) {
                        char *s = cell_text(json_array_get(json_array_get(t->rows, r), c));

                        if (!s) {
                                rc = 1;
                                goto out;
                        }
                        cells[r * t->ncols + c] = s;
                        if (text_width(s) > w[c])
                                w[c] = text_width(s);
                }
        for (r = 0; r <= nrows; r++) {
                const char *sep = "";

                for (c = 0; c < t->ncols; c++) {
                        const char *s = r ? cells[(r - 1) * t->ncols + c] : t->cols[c].name;
                        size_t pad;

                        if (!t->cols[c].text)
                                continue;
                        pad = w[c] - text_width(s);
                        if (c + 1 == t->ncols || !next_text(t, c))
                                pad = t->cols[c].right ? pad : 0; /* no trailing blanks */
                        if (t->cols[c].right)
                                fprintf(out, "%s%*s%s", sep, (int)pad, "", s);
                        else
                                fprintf(out, "%s%s%*s", sep, s, (int)pad, "");
                        sep = "  ";
                }
                fputc('\n', out);
        }
out:
        for (r = 0; r < nrows * t->ncols; r++)
                free(cells[r]);
        free(cells);
        free(w);
        return rc;
}

int table_print(struct table *t, const struct cli *cli, FILE *out)
{
        int rc = cli->json ? print_json(t, out) : print_text(t, out);

        table_free(t);
        return rc;
}

void table_free(struct table *t)
{
        if (!t)
                return;
        json_decref(t->rows);
        free(t);
}
