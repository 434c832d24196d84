/* sheet.c — a streamed CSV or XLSX table; see sheet.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <xlsxwriter.h>
#include "app.h"
#include "config.h"
#include "log.h"
#include "out.h"
#include "resp.h"
#include "sheet.h"

const char *const sheet_ext[SHEET__MAX] = { [SHEET_CSV] = "csv", [SHEET_XLSX] = "xlsx" };
static const char *const sheet_type[SHEET__MAX] = {
	[SHEET_CSV] = "text/csv; charset=utf-8",
	[SHEET_XLSX] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
static const char *const lang_dir[LANG__MAX] = { [LANG_ZH] = "zh-CN", [LANG_EN] = "en" };

/* The titles, read once at start: keys and texts malloc'ed for the process's life. */
static struct {
	char *key, *text[LANG__MAX];
} titles[SHEET_MAX_TITLES];
static size_t ntitles;

struct sheet {
	struct ctx *c;
	enum sheet_fmt fmt;
	size_t ncols;
	int err;
	char name[96];			/* the attachment's name */
	/* CSV */
	size_t n;
	char buf[SHEET_BUF];
	/* XLSX */
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_row_t row;
	char path[256];			/* the zip being written */
	char tmpdir[200];		/* for libxlsxwriter's own row file */
};

static size_t
find_title(const char *key)
{
	size_t i;
	for (i = 0; i < ntitles && strcmp(titles[i].key, key) != 0; i++)
		;
	return i;
}

/* One language's compiled file: <col k="KEY">text</col> anywhere in it. */
static int
read_titles(const char *xslt_dir, enum lang l)
{
	char path[512];
	int n = snprintf(path, sizeof(path), "%s/%s/core/sheet.xsl", xslt_dir, lang_dir[l]);
	if (n < 0 || (size_t)n >= sizeof(path))
		return -1;
	/* our own build output; no entities, no DTD, no network all the same */
	xmlDocPtr d = xmlReadFile(path, NULL, XML_PARSE_NONET);
	if (d == NULL) {
		fprintf(stderr, "sheet: cannot read %s\n", path);
		return -1;
	}
	int rc = 0;
	xmlNodePtr stack[32];
	size_t depth = 0;
	stack[depth++] = xmlDocGetRootElement(d);
	while (depth > 0 && rc == 0) {
		xmlNodePtr e = stack[--depth];
		for (xmlNodePtr k = e ? e->children : NULL; k; k = k->next) {
			if (k->type != XML_ELEMENT_NODE)
				continue;
			if (xmlStrcmp(k->name, BAD_CAST "col") != 0) {
				if (depth < sizeof(stack) / sizeof(stack[0]))
					stack[depth++] = k;
				continue;
			}
			xmlChar *key = xmlGetProp(k, BAD_CAST "k"), *text = xmlNodeGetContent(k);
			size_t i = key ? find_title((const char *)key) : ntitles;
			if (key == NULL || text == NULL || (i == ntitles && ntitles == SHEET_MAX_TITLES))
				rc = -1;
			else {
				if (i == ntitles)
					titles[ntitles++].key = strdup((const char *)key);
				free(titles[i].text[l]);
				titles[i].text[l] = strdup((const char *)text);
				if (titles[i].key == NULL || titles[i].text[l] == NULL)
					rc = -1;
			}
			xmlFree(key);
			xmlFree(text);
		}
	}
	xmlFreeDoc(d);
	return rc;
}

int
sheet_init(const char *xslt_dir)
{
	for (int l = 0; l < LANG__MAX; l++)
		if (read_titles(xslt_dir, (enum lang)l) != 0)
			return -1;
	return 0;
}

const char *
sheet_title(enum lang lang, const char *key)
{
	size_t i = find_title(key);
	if (i == ntitles || titles[i].text[lang] == NULL)
		return key;
	return titles[i].text[lang];
}

int
sheet_wanted(const struct ctx *c, enum sheet_fmt *fmt)
{
	const char *f = ctx_q(c, "format");
	if (f == NULL || *f == '\0')
		return 0;
	for (int i = 0; i < SHEET__MAX; i++)
		if (strcmp(f, sheet_ext[i]) == 0) {
			*fmt = (enum sheet_fmt)i;
			return 1;
		}
	return -1;
}

static void
headers(struct sheet *s)
{
	char extra[160];
	if (s->c->sent)
		return;
	snprintf(extra, sizeof(extra), "Content-Disposition: attachment; filename=\"%s\"\r\n", s->name);
	resp_header(s->c, 200, sheet_type[s->fmt], extra);
}

/* CSV bytes: held until SHEET_BUF, then the headers and everything go out. */
static void
csv_put(struct sheet *s, const char *p, size_t n)
{
	if (s->err)
		return;
	if (s->n + n <= sizeof(s->buf)) {
		memcpy(s->buf + s->n, p, n);
		s->n += n;
		return;
	}
	headers(s);
	if ((s->n > 0 && resp_write(s->c, s->buf, s->n) != 0) || resp_write(s->c, p, n) != 0)
		s->err = 1;
	s->n = 0;
}

/*
 * One field: quoted when it holds a comma, quote or line end; a leading
 * = + - @ or tab gets a ' so that a spreadsheet shows it as text instead of
 * running it as a formula (CSV injection).
 */
static void
csv_field(struct sheet *s, const char *v, int last)
{
	int quote = strpbrk(v, ",\"\r\n") != NULL;
	if (quote)
		csv_put(s, "\"", 1);
	if (strchr("=+-@\t", *v) != NULL && *v)
		csv_put(s, "'", 1);
	for (const char *p = v; *p; ) {
		size_t k = strcspn(p, "\"");
		csv_put(s, p, k);
		p += k;
		if (*p == '"') {
			csv_put(s, "\"\"", 2);
			p++;
		}
	}
	if (quote)
		csv_put(s, "\"", 1);
	csv_put(s, last ? "\r\n" : ",", last ? 2 : 1);
}

static void
xlsx_row(struct sheet *s, const char *const *v, lxw_format *f)
{
	for (size_t i = 0; i < s->ncols && !s->err; i++)
		if (*v[i] && worksheet_write_string(s->ws, s->row, (lxw_col_t)i, v[i], f) != LXW_NO_ERROR)
			s->err = 1;
	s->row++;
}

static void
xlsx_free(struct sheet *s)
{
	if (s->wb != NULL) {
		workbook_close(s->wb);	/* frees it; the file is removed below */
		s->wb = NULL;
	}
	if (s->path[0])
		unlink(s->path);
	s->path[0] = '\0';
}

struct sheet *
sheet_open(struct ctx *c, enum sheet_fmt fmt, const char *base, const char *const *keys, size_t ncols)
{
	const char *hv[SHEET_MAX_COLS];
	if (ncols == 0 || ncols > SHEET_MAX_COLS)
		return NULL;
	/* Its own malloc: the sheet must not live in the request's arena (see sheet.h). */
	struct sheet *s = calloc(1, sizeof(*s));
	if (s == NULL)
		return NULL;
	s->c = c;
	s->fmt = fmt;
	s->ncols = ncols;
	snprintf(s->name, sizeof(s->name), "%s.%s", base, sheet_ext[fmt]);
	for (size_t i = 0; i < ncols; i++)
		hv[i] = sheet_title(c->lang, keys[i]);
	if (fmt == SHEET_CSV) {
		csv_put(s, "\xef\xbb\xbf", 3);
		for (size_t i = 0; i < ncols; i++)
			csv_field(s, hv[i], i + 1 == ncols);
		return s;
	}
	const char *dir = config_get(c->cfg, "export_tmpdir", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	int n = snprintf(s->path, sizeof(s->path), "%s/wangan-sheet-XXXXXX", dir);
	int m = snprintf(s->tmpdir, sizeof(s->tmpdir), "%s", dir);
	if (n < 0 || (size_t)n >= sizeof(s->path) || m < 0 || (size_t)m >= sizeof(s->tmpdir))
		goto fail;
	int fd = mkstemp(s->path);
	if (fd < 0) {
		s->path[0] = '\0';
		goto fail;
	}
	close(fd);	/* libxlsxwriter opens it by name when the workbook closes */
	lxw_workbook_options o = { .constant_memory = LXW_TRUE, .tmpdir = s->tmpdir, .use_zip64 = LXW_TRUE };
	if ((s->wb = workbook_new_opt(s->path, &o)) == NULL ||
	    (s->ws = workbook_add_worksheet(s->wb, NULL)) == NULL)
		goto fail;
	lxw_format *bold = workbook_add_format(s->wb);
	if (bold == NULL)
		goto fail;
	format_set_bold(bold);
	for (size_t i = 0; i < ncols; i++)
		worksheet_set_column(s->ws, (lxw_col_t)i, (lxw_col_t)i, 18, NULL);
	worksheet_freeze_panes(s->ws, 1, 0);
	xlsx_row(s, hv, bold);
	if (s->err)
		goto fail;
	return s;
fail:
	xlsx_free(s);
	free(s);
	return NULL;
}

void
sheet_row(struct sheet *s, const char *const *v)
{
	if (s->fmt == SHEET_CSV) {
		for (size_t i = 0; i < s->ncols; i++)
			csv_field(s, v[i], i + 1 == s->ncols);
		return;
	}
	if (s->row >= LXW_ROW_MAX)	/* a worksheet's limit: the rest would be lost, say so */
		s->err = 1;
	xlsx_row(s, v, NULL);
}

/* Copies the finished zip to the response. */
static int
xlsx_send(struct sheet *s)
{
	char b[OUT_MAX];
	int fd = open(s->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = 0;
	for (;;) {
		ssize_t n = read(fd, b, sizeof(b));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = n < 0 ? -1 : 0;
			break;
		}
		headers(s);
		if (resp_write(s->c, b, (size_t)n) != 0) {
			rc = -1;
			break;
		}
	}
	close(fd);
	return rc;
}

int
sheet_close(struct sheet *s, enum db_rc rc)
{
	int st = 200;
	if (s->fmt == SHEET_CSV) {
		if (rc == DB_OK && !s->err) {
			headers(s);
			if (s->n > 0 && resp_write(s->c, s->buf, s->n) != 0)
				s->err = 1;
		}
	} else {
		lxw_error e = LXW_NO_ERROR;
		if (rc == DB_OK && !s->err) {
			e = workbook_close(s->wb);
			s->wb = NULL;
			if (e != LXW_NO_ERROR)
				log_msg("sheet: %s", lxw_strerror(e));
			else if (xlsx_send(s) != 0)
				s->err = 1;
		}
		if (e != LXW_NO_ERROR)
			s->err = 1;
		xlsx_free(s);
	}
	if (rc != DB_OK)
		st = s->c->sent ? 200 : app_dberr(rc);
	else if (s->err)
		st = s->c->sent ? 200 : 500;
	free(s);
	return st;
}

int
sheet_run(struct ctx *c, enum sheet_fmt fmt, const char *base, const char *const *keys, size_t ncols,
    struct sheet **sp, int id, const struct db_val *p, size_t np, db_row_fn fn, void *arg)
{
	if ((*sp = sheet_open(c, fmt, base, keys, ncols)) == NULL)
		return 500;
	return sheet_close(*sp, db_run(c->db, id, p, np, fn, arg));
}
