/*
 * test_xlsxread.c — xlsx_open()/xlsx_row() from modules/core/xlsxread.c and
 * the CSV/XLSX front of modules/core/rowsrc.c.  Each workbook is made here
 * with libzip from the parts the test names, so every case shows the XML
 * it reads.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <zip.h>
#include "fixture.h"
#include "rowsrc.h"
#include "xlsxread.h"

struct part {
	const char *name;
	const char *text;	/* NUL-terminated XML, or NULL: len bytes of 'a' */
	size_t len;
	int encrypt;
};

#define WB "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"" \
	" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" \
	"<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define RELS(target) "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
	"<Relationship Id=\"rId9\" Type=\"x\" Target=\"styles.xml\"/>" \
	"<Relationship Id=\"rId1\" Type=\"y\" Target=\"" target "\"/></Relationships>"
#define SHEET(rows) "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" \
	"<sheetData>" rows "</sheetData></worksheet>"

/* The zip of parts, in a malloc'd buffer (*n bytes); NULL if libzip cannot write it. */
static unsigned char *
make_zip(const struct part *parts, size_t np, size_t *n)
{
	char path[] = "/tmp/test_xlsxreadXXXXXX";
	int fd = mkstemp(path);
	unsigned char *buf = NULL;
	zip_t *z;
	FILE *f;
	long sz;

	assert_true(fd >= 0);
	close(fd);
	z = zip_open(path, ZIP_TRUNCATE, NULL);
	assert_non_null(z);
	for (size_t i = 0; i < np; i++) {
		size_t len = parts[i].text ? strlen(parts[i].text) : parts[i].len;
		char *copy = malloc(len + 1);
		assert_non_null(copy);
		if (parts[i].text)
			memcpy(copy, parts[i].text, len);
		else
			memset(copy, 'a', len);
		zip_source_t *s = zip_source_buffer(z, copy, len, 1);
		assert_non_null(s);
		zip_int64_t idx = zip_file_add(z, parts[i].name, s, ZIP_FL_OVERWRITE);
		assert_true(idx >= 0);
		if (parts[i].encrypt &&
		    zip_file_set_encryption(z, (zip_uint64_t)idx, ZIP_EM_AES_256, "secret") != 0) {
			zip_discard(z);
			unlink(path);
			return NULL;
		}
	}
	assert_int_equal(zip_close(z), 0);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	sz = ftell(f);
	rewind(f);
	buf = malloc((size_t)sz);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)sz, f), (size_t)sz);
	fclose(f);
	unlink(path);
	*n = (size_t)sz;
	return buf;
}

/* A workbook whose one sheet is xml (its rows), with shared strings ss (or none). */
static unsigned char *
book(const char *sheet, const char *ss, size_t *n)
{
	struct part p[] = {
		{ "xl/workbook.xml", WB, 0, 0 },
		{ "xl/_rels/workbook.xml.rels", RELS("worksheets/sheet1.xml"), 0, 0 },
		{ "xl/worksheets/sheet1.xml", sheet, 0, 0 },
		{ "xl/sharedStrings.xml", ss, 0, 0 },
	};
	return make_zip(p, ss ? 4 : 3, n);
}

/* The code xlsx_open() fails with on buf (which it must refuse). */
static const char *
open_err(void **state, unsigned char *buf, size_t n)
{
	const char *err = NULL;
	struct xlsx *x = xlsx_open(*state, buf, n, &err);
	assert_null(x);
	assert_non_null(err);
	return err;
}

static void
t_cells(void **state)
{
	const char *ss = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	    "<si><t>单位代码</t></si>"
	    "<si><r><t>计算机</t></r><r><t xml:space=\"preserve\"> 学院</t></r>"
	    "<rPh sb=\"0\" eb=\"1\"><t>ジ</t></rPh></si></sst>";
	const char *sheet = SHEET(
	    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>a&amp;b</t></is></c></row>"
	    "<row r=\"2\"/>"
	    "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>1</v></c><c r=\"B4\"><v>13800138000</v></c>"
	    "<c r=\"C4\" t=\"b\"><v>1</v></c><c r=\"D4\" t=\"str\"><f>A1</f><v>x</v></c></row>"
	    "<row><c><v>7</v></c><c><v>8</v></c></row>");
	size_t n;
	unsigned char *buf = book(sheet, ss, &n);
	const char *err = NULL, *f[XLSX_MAX_COLS];
	long line = 0;
	struct xlsx *x = xlsx_open(*state, buf, n, &err);

	assert_non_null(x);
	assert_int_equal(xlsx_row(x, f, XLSX_MAX_COLS, &line, &err), 3);
	assert_int_equal(line, 1);
	assert_string_equal(f[0], "单位代码");
	assert_string_equal(f[1], "");
	assert_string_equal(f[2], "a&b");
	/* the empty row 2 is skipped; row 4 keeps its number */
	assert_int_equal(xlsx_row(x, f, XLSX_MAX_COLS, &line, &err), 4);
	assert_int_equal(line, 4);
	assert_string_equal(f[0], "计算机 学院");	/* runs joined, the phonetic run left out */
	assert_string_equal(f[1], "13800138000");
	assert_string_equal(f[2], "1");
	assert_string_equal(f[3], "x");
	/* no r= on a row or its cells: the next ones */
	assert_int_equal(xlsx_row(x, f, XLSX_MAX_COLS, &line, &err), 2);
	assert_int_equal(line, 5);
	assert_string_equal(f[1], "8");
	assert_int_equal(xlsx_row(x, f, XLSX_MAX_COLS, &line, &err), 0);
	xlsx_close(x);
	free(buf);
}

/* The first sheet is the workbook's first, wherever its part is. */
static void
t_first_sheet_by_rels(void **state)
{
	struct part p[] = {
		{ "xl/workbook.xml", WB, 0, 0 },
		{ "xl/_rels/workbook.xml.rels", RELS("/xl/worksheets/sheet7.xml"), 0, 0 },
		{ "xl/worksheets/sheet1.xml", SHEET("<row r=\"1\"><c t=\"inlineStr\"><is><t>wrong</t></is></c></row>"), 0, 0 },
		{ "xl/worksheets/sheet7.xml", SHEET("<row r=\"1\"><c t=\"inlineStr\"><is><t>right</t></is></c></row>"), 0, 0 },
	};
	size_t n;
	unsigned char *buf = make_zip(p, 4, &n);
	const char *err, *f[4];
	long line;
	struct xlsx *x = xlsx_open(*state, buf, n, &err);
	assert_non_null(x);
	assert_int_equal(xlsx_row(x, f, 4, &line, &err), 1);
	assert_string_equal(f[0], "right");
	xlsx_close(x);
	free(buf);
}

static void
t_refused(void **state)
{
	size_t n;
	unsigned char *buf;
	unsigned char junk[] = "PK\3\4 this is not really a zip";

	assert_string_equal(open_err(state, junk, sizeof(junk)), "xlsx_zip");
	/* a document type declaration, even a harmless one */
	buf = book("<!DOCTYPE worksheet [<!ENTITY a \"aaaa\">]>" SHEET("<row><c><v>&a;</v></c></row>"), NULL, &n);
	const char *err, *f[4];
	long line;
	struct xlsx *x = xlsx_open(*state, buf, n, &err);
	if (x != NULL) {	/* the sheet is parsed on the first row */
		assert_int_equal(xlsx_row(x, f, 4, &line, &err), -1);
		assert_string_equal(err, "xlsx_dtd");
		xlsx_close(x);
	} else {
		assert_string_equal(err, "xlsx_dtd");
	}
	free(buf);
	/* a DTD in the shared strings is refused at open */
	buf = book(SHEET(""), "<!DOCTYPE sst SYSTEM \"file:///etc/passwd\"><sst/>", &n);
	assert_string_equal(open_err(state, buf, n), "xlsx_dtd");
	free(buf);
	/* no workbook part */
	struct part nowb[] = { { "xl/worksheets/sheet1.xml", SHEET(""), 0, 0 } };
	buf = make_zip(nowb, 1, &n);
	assert_string_equal(open_err(state, buf, n), "xlsx_nosheet");
	free(buf);
}

/* A part that unpacks past XLSX_MAX_PART: a few kilobytes that would be 17 MiB. */
static void
t_bomb(void **state)
{
	struct part p[] = {
		{ "xl/workbook.xml", WB, 0, 0 },
		{ "xl/_rels/workbook.xml.rels", RELS("worksheets/sheet1.xml"), 0, 0 },
		{ "xl/worksheets/sheet1.xml", NULL, XLSX_MAX_PART + 1024 * 1024, 0 },
	};
	size_t n;
	unsigned char *buf = make_zip(p, 3, &n);
	assert_true(n < 200 * 1024);
	assert_string_equal(open_err(state, buf, n), "xlsx_bomb");
	free(buf);
}

static void
t_entries(void **state)
{
	struct part p[XLSX_MAX_ENTRIES + 1];
	char names[XLSX_MAX_ENTRIES + 1][16];
	size_t n;
	for (int i = 0; i <= XLSX_MAX_ENTRIES; i++) {
		snprintf(names[i], sizeof(names[i]), "p%d.xml", i);
		p[i] = (struct part){ names[i], "<x/>", 0, 0 };
	}
	unsigned char *buf = make_zip(p, XLSX_MAX_ENTRIES + 1, &n);
	assert_string_equal(open_err(state, buf, n), "xlsx_entries");
	free(buf);
}

static void
t_encrypted(void **state)
{
	struct part p[] = {
		{ "xl/workbook.xml", WB, 0, 0 },
		{ "xl/_rels/workbook.xml.rels", RELS("worksheets/sheet1.xml"), 0, 0 },
		{ "xl/worksheets/sheet1.xml", SHEET(""), 0, 1 },
	};
	size_t n;
	unsigned char *buf = make_zip(p, 3, &n);
	if (buf == NULL)
		skip();	/* this libzip was built without encryption */
	assert_string_equal(open_err(state, buf, n), "xlsx_encrypted");
	free(buf);
}

static void
t_limits(void **state)
{
	size_t n;
	const char *err, *f[XLSX_MAX_COLS];
	long line;
	/* a cell in column AG (the 33rd) */
	unsigned char *buf = book(SHEET("<row r=\"1\"><c r=\"AG1\"><v>1</v></c></row>"), NULL, &n);
	struct xlsx *x = xlsx_open(*state, buf, n, &err);
	assert_non_null(x);
	assert_int_equal(xlsx_row(x, f, XLSX_MAX_COLS, &line, &err), -1);
	assert_string_equal(err, "xlsx_cols");
	xlsx_close(x);
	free(buf);
	/* cells out of order */
	buf = book(SHEET("<row r=\"1\"><c r=\"C1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row>"), NULL, &n);
	x = xlsx_open(*state, buf, n, &err);
	assert_non_null(x);
	assert_int_equal(xlsx_row(x, f, XLSX_MAX_COLS, &line, &err), -1);
	assert_string_equal(err, "xlsx_ref");
	xlsx_close(x);
	free(buf);
	/* a shared string index past the table */
	buf = book(SHEET("<row r=\"1\"><c t=\"s\"><v>3</v></c></row>"), "<sst><si><t>a</t></si></sst>", &n);
	x = xlsx_open(*state, buf, n, &err);
	assert_non_null(x);
	assert_int_equal(xlsx_row(x, f, XLSX_MAX_COLS, &line, &err), -1);
	assert_string_equal(err, "xlsx_ref");
	xlsx_close(x);
	free(buf);
	/* a cell past XLSX_MAX_CELL bytes */
	char *big = malloc(XLSX_MAX_CELL + 200);
	assert_non_null(big);
	int k = snprintf(big, 200, SHEET("<row><c t=\"inlineStr\"><is><t>"));
	k -= (int)strlen("</sheetData></worksheet>");
	memset(big + k, 'x', XLSX_MAX_CELL + 1);
	snprintf(big + k + XLSX_MAX_CELL + 1, 100, "</t></is></c></row></sheetData></worksheet>");
	buf = book(big, NULL, &n);
	x = xlsx_open(*state, buf, n, &err);
	assert_non_null(x);
	assert_int_equal(xlsx_row(x, f, XLSX_MAX_COLS, &line, &err), -1);
	assert_string_equal(err, "xlsx_cell");
	xlsx_close(x);
	free(buf);
	free(big);
}

static void
t_serial_date(void **state)
{
	char d[11];
	(void)state;
	assert_int_equal(xlsx_serial_date("45658", d), 0);
	assert_string_equal(d, "2025-01-01");
	assert_int_equal(xlsx_serial_date("45658.75", d), 0);
	assert_string_equal(d, "2025-01-01");
	assert_int_equal(xlsx_serial_date("61", d), 0);
	assert_string_equal(d, "1900-03-01");
	assert_int_equal(xlsx_serial_date("60", d), -1);
	assert_int_equal(xlsx_serial_date("2025-01-01", d), -1);
	assert_int_equal(xlsx_serial_date("", d), -1);
	assert_int_equal(xlsx_serial_date("1e5", d), -1);
}

static void
t_rowsrc_csv(void **state)
{
	struct rowsrc rs;
	const char *f[ROWSRC_MAX_FIELDS];
	const char *csv = "\xef\xbb\xbf" "代码,名称\r\n\r\nc-1,\"two\nlines\"\r\n,\r\nc-2,x\r\n";
	assert_int_equal(rowsrc_open(&rs, *state, (const unsigned char *)csv, strlen(csv)), 0);
	assert_int_equal(rs.kind, ROWSRC_CSV);
	assert_int_equal(rowsrc_next(&rs, f, ROWSRC_MAX_FIELDS), 2);
	assert_string_equal(f[0], "代码");	/* the byte-order mark is gone */
	assert_int_equal(rs.line, 1);
	assert_int_equal(rowsrc_next(&rs, f, ROWSRC_MAX_FIELDS), 2);
	assert_int_equal(rs.line, 3);
	assert_string_equal(f[1], "two\nlines");
	assert_int_equal(rowsrc_next(&rs, f, ROWSRC_MAX_FIELDS), 2);
	assert_int_equal(rs.line, 6);	/* the blank line and the row of empty fields skipped */
	assert_string_equal(f[0], "c-2");
	assert_int_equal(rowsrc_next(&rs, f, ROWSRC_MAX_FIELDS), 0);
	rowsrc_close(&rs);
}

static void
t_rowsrc_gb18030(void **state)
{
	struct rowsrc rs;
	const char *f[ROWSRC_MAX_FIELDS];
	/* "单位代码,x" in GB 18030 */
	const unsigned char gb[] = { 0xb5, 0xa5, 0xce, 0xbb, 0xb4, 0xfa, 0xc2, 0xeb, ',', 'x', '\n' };
	assert_int_equal(rowsrc_open(&rs, *state, gb, sizeof(gb)), 0);
	assert_int_equal(rowsrc_next(&rs, f, ROWSRC_MAX_FIELDS), 2);
	assert_string_equal(f[0], "单位代码");
	rowsrc_close(&rs);
}

static void
t_rowsrc_refused(void **state)
{
	struct rowsrc rs;
	const unsigned char png[] = "\x89PNG\r\n\x1a\n rest";
	const unsigned char ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
	const unsigned char bin[] = { 'a', ',', 0, 'b' };
	assert_int_equal(rowsrc_open(&rs, *state, png, sizeof(png) - 1), -1);
	assert_string_equal(rs.err, "not_table");
	assert_int_equal(rowsrc_open(&rs, *state, ole, sizeof(ole) - 1), -1);
	assert_string_equal(rs.err, "xls_old");
	assert_int_equal(rowsrc_open(&rs, *state, bin, sizeof(bin)), -1);
	assert_string_equal(rs.err, "not_table");
	assert_int_equal(rowsrc_open(&rs, *state, bin, 0), -1);
	assert_string_equal(rs.err, "empty");
}

static void
t_rowsrc_xlsx(void **state)
{
	struct rowsrc rs;
	const char *f[ROWSRC_MAX_FIELDS];
	size_t n;
	unsigned char *buf = book(SHEET("<row r=\"3\"><c t=\"inlineStr\"><is><t>a</t></is></c></row>"), NULL, &n);
	assert_int_equal(rowsrc_open(&rs, *state, buf, n), 0);
	assert_int_equal(rs.kind, ROWSRC_XLSX);
	assert_int_equal(rowsrc_next(&rs, f, ROWSRC_MAX_FIELDS), 1);
	assert_int_equal(rs.line, 3);
	assert_int_equal(rowsrc_next(&rs, f, ROWSRC_MAX_FIELDS), 0);
	rowsrc_close(&rs);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_cells, setup, teardown),
		cmocka_unit_test_setup_teardown(t_first_sheet_by_rels, setup, teardown),
		cmocka_unit_test_setup_teardown(t_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(t_bomb, setup, teardown),
		cmocka_unit_test_setup_teardown(t_entries, setup, teardown),
		cmocka_unit_test_setup_teardown(t_encrypted, setup, teardown),
		cmocka_unit_test_setup_teardown(t_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(t_serial_date, setup, teardown),
		cmocka_unit_test_setup_teardown(t_rowsrc_csv, setup, teardown),
		cmocka_unit_test_setup_teardown(t_rowsrc_gb18030, setup, teardown),
		cmocka_unit_test_setup_teardown(t_rowsrc_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(t_rowsrc_xlsx, setup, teardown),
	};
	return cmocka_run_group_tests_name("xlsxread", tests, NULL, NULL);
}
