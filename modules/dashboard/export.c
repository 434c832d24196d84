/*
 * export.c — the matrix as a spreadsheet: GET /dashboard/matrix.csv and
 * /dashboard/matrix.xlsx, every active unit by code, the columns of the
 * duties the site runs, four numbers each (done, due soon, overdue or
 * missing, total), titled in Chinese (English with ?lang=en).
 *
 * Both stream: the CSV row by row straight from the unbuffered query; the
 * XLSX through libxlsxwriter in constant_memory mode (each row goes to its
 * temporary file as it is written, nothing kept), into a file of its own
 * under $TMPDIR that is then sent in pieces and removed — libxlsxwriter
 * writes a zip, which needs a file to seek in.  Memory stays flat.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "dashboard.h"
#include "resp.h"

/* The column titles: a duty's name and the four numbers, both languages. */
static const char *const duty_title[LANG__MAX][DUTY__MAX] = {
	{ "责任人登记", "承诺书", "系统备案与测评", "虚拟机年度复核", "网站备案与检查", "事件按时报告",
	  "通报闭环", "重要时期报平安" },
	{ "Registration", "Pledges", "Systems filed and assessed", "VMs re-registered",
	  "Websites filed and checked", "Incidents reported on time", "Notices closed",
	  "All-clear reports" },
};
static const char *const part_title[LANG__MAX][4] = {
	{ "完成", "临期/进行中", "逾期/缺失", "合计" },
	{ "done", "due soon / in progress", "overdue / missing", "total" },
};
static const char *const unit_title[LANG__MAX][2] = { { "单位代码", "单位名称" }, { "Unit code", "Unit" } };

#define DASH_TITLE_MAX 160

static void
title(const struct ctx *c, int d, int part, char *out, size_t n)
{
	snprintf(out, n, "%s · %s", duty_title[c->lang][d], part_title[c->lang][part]);
}

/* ---- CSV ---- */

struct csv {
	struct ctx *c;
	int err;
};

/* A text field in quotes, "" for a quote; a leading = + - @ gets a ' so no spreadsheet runs it. */
static void
csv_text(struct csv *x, const char *s)
{
	char b[2 * 256 + 4];
	size_t k = 0;
	b[k++] = '"';
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@')
		b[k++] = '\'';
	for (; *s && k + 3 < sizeof(b); s++) {
		if (*s == '"')
			b[k++] = '"';
		b[k++] = *s;
	}
	b[k++] = '"';
	if (resp_write(x->c, b, k) != 0)
		x->err = 1;
}

static void
csv_raw(struct csv *x, const char *s)
{
	if (resp_write(x->c, s, strlen(s)) != 0)
		x->err = 1;
}

static void
csv_head(struct csv *x)
{
	char t[DASH_TITLE_MAX];
	resp_header(x->c, 200, "text/csv; charset=utf-8",
	    "Content-Disposition: attachment; filename=\"dashboard.csv\"\r\n");
	csv_raw(x, "\xEF\xBB\xBF");	/* the BOM: spreadsheet programs then read UTF-8 */
	csv_text(x, unit_title[x->c->lang][0]);
	csv_raw(x, ",");
	csv_text(x, unit_title[x->c->lang][1]);
	for (int d = 0; d < DUTY__MAX; d++)
		for (int p = 0; dash_set.enabled[d] && p < 4; p++) {
			title(x->c, d, p, t, sizeof(t));
			csv_raw(x, ",");
			csv_text(x, t);
		}
	csv_raw(x, "\r\n");
}

static int
csv_row(void *arg, const struct db_row *r)
{
	struct csv *x = arg;
	const char *const *v = r->v;
	if (!x->c->sent)
		csv_head(x);
	csv_text(x, v[DR_CODE]);
	csv_raw(x, ",");
	csv_text(x, x->c->lang == LANG_EN && *v[DR_NAME_EN] ? v[DR_NAME_EN] : v[DR_NAME]);
	for (int d = 0; d < DUTY__MAX; d++)
		for (int p = 0; dash_set.enabled[d] && p < 4; p++) {
			csv_raw(x, ",");
			csv_raw(x, v[dash_row_col__MAX + 4 * d + p]);	/* an unsigned integer */
		}
	csv_raw(x, "\r\n");
	return x->err;
}

int
dash_csv(struct ctx *c)
{
	struct csv x = { c, 0 };
	int done;
	enum db_rc rc = dash_refresh(c, 0, &done);
	if (rc != DB_OK)
		return app_dberr(rc);
	rc = SQL_RUN0(c, DASH_SQL_ALL, csv_row, &x);
	if (rc != DB_OK && !c->sent)
		return app_dberr(rc);
	if (!c->sent)
		csv_head(&x);	/* no unit: the titles alone */
	return 200;
}

/* ---- XLSX ---- */

struct xl {
	struct ctx *c;
	lxw_worksheet *ws;
	lxw_format *bold;
	lxw_row_t row;
	int err;
};

static int
xl_row(void *arg, const struct db_row *r)
{
	struct xl *x = arg;
	const char *const *v = r->v;
	lxw_col_t col = 0;
	/* worksheet_write_string copies into its temporary file: nothing of the row is kept */
	if (worksheet_write_string(x->ws, x->row, col++, v[DR_CODE], NULL) != LXW_NO_ERROR ||
	    worksheet_write_string(x->ws, x->row, col++,
	    x->c->lang == LANG_EN && *v[DR_NAME_EN] ? v[DR_NAME_EN] : v[DR_NAME], NULL) != LXW_NO_ERROR)
		x->err = 1;
	for (int d = 0; d < DUTY__MAX; d++)
		for (int p = 0; dash_set.enabled[d] && p < 4; p++)
			if (worksheet_write_number(x->ws, x->row, col++,
			    (double)atoll(v[dash_row_col__MAX + 4 * d + p]), NULL) != LXW_NO_ERROR)
				x->err = 1;
	x->row++;
	return x->err;
}

/* Sends the finished file in pieces of the response's record size. */
static int
send_file(struct ctx *c, const char *path)
{
	unsigned char b[16384];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 500;
	resp_header(c, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    "Content-Disposition: attachment; filename=\"dashboard.xlsx\"\r\n");
	for (;;) {
		ssize_t n = read(fd, b, sizeof(b));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || resp_write(c, b, (size_t)n) != 0)
			break;
	}
	close(fd);
	return 200;
}

int
dash_xlsx(struct ctx *c)
{
	char path[256], t[DASH_TITLE_MAX];
	const char *tmp = getenv("TMPDIR");
	int done, st = 500;
	lxw_workbook *wb = NULL;
	enum db_rc rc = dash_refresh(c, 0, &done);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	if ((size_t)snprintf(path, sizeof(path), "%s/wangan-dash-XXXXXX", tmp) >= sizeof(path))
		return 500;
	int fd = mkstemp(path);
	if (fd < 0)
		return 500;
	close(fd);
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = (char *)tmp };
	if ((wb = workbook_new_opt(path, &opt)) == NULL)
		goto fail;
	struct xl x = { c, workbook_add_worksheet(wb, c->lang == LANG_EN ? "Dashboard" : "工作台"),
		workbook_add_format(wb), 1, 0 };
	if (x.ws == NULL || x.bold == NULL)
		goto fail;
	format_set_bold(x.bold);
	lxw_col_t col = 0;
	worksheet_write_string(x.ws, 0, col++, unit_title[c->lang][0], x.bold);
	worksheet_write_string(x.ws, 0, col++, unit_title[c->lang][1], x.bold);
	for (int d = 0; d < DUTY__MAX; d++)
		for (int p = 0; dash_set.enabled[d] && p < 4; p++) {
			title(c, d, p, t, sizeof(t));
			worksheet_write_string(x.ws, 0, col++, t, x.bold);
		}
	rc = SQL_RUN0(c, DASH_SQL_ALL, xl_row, &x);
	lxw_error e = workbook_close(wb);
	wb = NULL;
	if (rc != DB_OK) {
		st = app_dberr(rc);
		goto fail;
	}
	if (e != LXW_NO_ERROR || x.err)
		goto fail;
	st = send_file(c, path);
fail:
	if (wb != NULL)
		workbook_close(wb);
	unlink(path);
	return st;
}
