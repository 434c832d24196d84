/*
 * xlsxread.c — see xlsxread.h.
 *
 * The first sheet is the first <sheet> of xl/workbook.xml, found through its
 * relationship in xl/_rels/workbook.xml.rels (Excel names it sheet1.xml, but
 * a sheet moved to the front keeps its old part name).  The shared strings
 * are read whole at open (a cell refers to them by index); the sheet is then
 * read row by row with one xmlTextReader over its unpacked bytes, so a row
 * costs what it holds.
 */
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <libxml/xmlreader.h>
#include "buf.h"
#include "workday.h"
#include "xlsxread.h"

/* libxml2: no entities substituted, no DTD loaded, no network, no huge nodes. */
#define XLSX_XML_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

struct xlsx {
	struct arena *ar;
	const char **strings;	/* the shared strings, by index */
	size_t nstrings;
	unsigned char *sheet;	/* the sheet part, unpacked */
	size_t sheet_len;
	xmlTextReaderPtr rd;
	long rows, last_line;
	char *cell;		/* one cell's text, XLSX_MAX_CELL + 1 */
};

/* Silences libxml2's default error printer for our readers (the file is the user's). */
static void
quiet(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc)
{
	(void)arg, (void)msg, (void)sev, (void)loc;
}

/*
 * Reads the entry called name into *out (NUL-terminated, *len bytes).
 * 1 when read, 0 when there is no such entry, -1 with *err.
 */
static int
read_part(struct arena *ar, zip_t *z, const char *name, unsigned char **out, size_t *len,
    const char **err)
{
	zip_stat_t st;
	zip_file_t *f = NULL;
	unsigned char *p;
	zip_int64_t got;
	size_t total = 0;

	zip_stat_init(&st);
	if (zip_stat(z, name, 0, &st) != 0)
		return 0;
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
		*err = "xlsx_encrypted";
		return -1;
	}
	if (!(st.valid & ZIP_STAT_SIZE) || st.size > XLSX_MAX_PART) {
		*err = "xlsx_bomb";
		return -1;
	}
	if ((st.valid & ZIP_STAT_COMP_METHOD) && !zip_compression_method_supported(st.comp_method, 0)) {
		*err = "xlsx_zip";
		return -1;
	}
	/* one byte more than declared: a part that unpacks past its size is caught */
	if ((p = ar_alloc(ar, (size_t)st.size + 2)) == NULL) {
		*err = "nomem";
		return -1;
	}
	if ((f = zip_fopen(z, name, 0)) == NULL) {
		*err = "xlsx_zip";
		return -1;
	}
	while (total <= (size_t)st.size) {
		got = zip_fread(f, p + total, (size_t)st.size + 1 - total);
		if (got < 0) {
			zip_fclose(f);
			*err = "xlsx_zip";	/* a bad CRC or a damaged stream */
			return -1;
		}
		if (got == 0)
			break;
		total += (size_t)got;
	}
	zip_fclose(f);
	if (total != (size_t)st.size) {
		*err = "xlsx_bomb";
		return -1;
	}
	p[total] = '\0';
	*out = p;
	*len = total;
	return 1;
}

static xmlTextReaderPtr
reader(const unsigned char *p, size_t n)
{
	xmlTextReaderPtr rd = xmlReaderForMemory((const char *)p, (int)n, NULL, NULL, XLSX_XML_OPTS);
	if (rd != NULL)
		xmlTextReaderSetErrorHandler(rd, quiet, NULL);
	return rd;
}

/*
 * One step of rd: 1 on a node, 0 at the end, -1 with *err on bad XML or a
 * document type declaration (refused: nothing in OOXML needs one).
 */
static int
step(xmlTextReaderPtr rd, const char **err)
{
	int r = xmlTextReaderRead(rd);
	if (r < 0) {
		*err = "xlsx_xml";
		return -1;
	}
	if (r == 1 && xmlTextReaderNodeType(rd) == XML_READER_TYPE_DOCUMENT_TYPE) {
		*err = "xlsx_dtd";
		return -1;
	}
	return r;
}

static int
is_elem(xmlTextReaderPtr rd, const char *local)
{
	const xmlChar *n = xmlTextReaderConstLocalName(rd);
	return xmlTextReaderNodeType(rd) == XML_READER_TYPE_ELEMENT && n != NULL &&
	    strcmp((const char *)n, local) == 0;
}

static int
is_end(xmlTextReaderPtr rd, const char *local)
{
	const xmlChar *n = xmlTextReaderConstLocalName(rd);
	return xmlTextReaderNodeType(rd) == XML_READER_TYPE_END_ELEMENT && n != NULL &&
	    strcmp((const char *)n, local) == 0;
}

/* The value of the attribute with local name local (any namespace), or NULL; free with xmlFree. */
static char *
attr(xmlTextReaderPtr rd, const char *local)
{
	char *v = NULL;
	if (xmlTextReaderMoveToFirstAttribute(rd) != 1)
		return NULL;
	do {
		const xmlChar *n = xmlTextReaderConstLocalName(rd);
		if (n != NULL && strcmp((const char *)n, local) == 0) {
			v = (char *)xmlTextReaderValue(rd);
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(rd) == 1);
	xmlTextReaderMoveToElement(rd);
	return v;
}

/*
 * The text of the element rd is on (<si>, <is>, <v>), up to its end: the
 * text of its <t> children outside <rPh> when runs is set, else all of its
 * text.  Into out (cap XLSX_MAX_CELL); 0, or -1 with *err.
 */
static int
text_of(xmlTextReaderPtr rd, int runs, char *out, size_t *len, const char **err)
{
	int depth = xmlTextReaderDepth(rd), in_t = 0, in_ph = 0, r;
	*len = 0;
	out[0] = '\0';
	if (xmlTextReaderIsEmptyElement(rd))
		return 0;
	while ((r = step(rd, err)) == 1) {
		int type = xmlTextReaderNodeType(rd);
		if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(rd) == depth)
			return 0;
		if (is_elem(rd, "rPh"))
			in_ph = !xmlTextReaderIsEmptyElement(rd);
		else if (is_end(rd, "rPh"))
			in_ph = 0;
		else if (is_elem(rd, "t"))
			in_t = !xmlTextReaderIsEmptyElement(rd);
		else if (is_end(rd, "t"))
			in_t = 0;
		else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
		    type == XML_READER_TYPE_CDATA) && (!runs || (in_t && !in_ph))) {
			const char *s = (const char *)xmlTextReaderConstValue(rd);
			size_t n = s != NULL ? strlen(s) : 0;
			if (*len + n > XLSX_MAX_CELL) {
				*err = "xlsx_cell";
				return -1;
			}
			memcpy(out + *len, s, n);
			*len += n;
			out[*len] = '\0';
		}
	}
	if (r == 0)
		*err = "xlsx_xml";
	return -1;
}

/* The shared strings part, every <si> in order. */
static int
load_strings(struct xlsx *x, const unsigned char *p, size_t n, const char **err)
{
	xmlTextReaderPtr rd = reader(p, n);
	size_t cap = 0, len;
	int r;

	if (rd == NULL) {
		*err = "nomem";
		return -1;
	}
	while ((r = step(rd, err)) == 1) {
		if (!is_elem(rd, "si"))
			continue;
		if (x->nstrings == XLSX_MAX_STRINGS) {
			*err = "xlsx_strings";
			r = -1;
			break;
		}
		if (x->nstrings == cap) {
			size_t ncap = cap ? cap * 2 : 256;
			const char **ns = ar_alloc(x->ar, ncap * sizeof(*ns));
			if (ns == NULL) {
				*err = "nomem";
				r = -1;
				break;
			}
			if (cap)
				memcpy(ns, x->strings, cap * sizeof(*ns));
			x->strings = ns;
			cap = ncap;
		}
		if (text_of(rd, 1, x->cell, &len, err) != 0) {
			r = -1;
			break;
		}
		if ((x->strings[x->nstrings++] = ar_strndup(x->ar, x->cell, len)) == NULL) {
			*err = "nomem";
			r = -1;
			break;
		}
	}
	xmlFreeTextReader(rd);
	return r == 0 ? 0 : -1;
}

/*
 * From the part p, the value of attribute want of the first element named
 * elem whose attribute key is keyval (or the first such element when key
 * is NULL); into the arena.  NULL when there is none, or on an error (*err).
 */
static char *
find_attr(struct arena *ar, const unsigned char *p, size_t n, const char *elem,
    const char *key, const char *keyval, const char *want, const char **err)
{
	xmlTextReaderPtr rd = reader(p, n);
	char *found = NULL;
	int r;

	if (rd == NULL) {
		*err = "nomem";
		return NULL;
	}
	while (found == NULL && (r = step(rd, err)) == 1) {
		if (!is_elem(rd, elem))
			continue;
		if (key != NULL) {
			char *k = attr(rd, key);
			int match = k != NULL && strcmp(k, keyval) == 0;
			xmlFree(k);
			if (!match)
				continue;
		}
		char *v = attr(rd, want);
		if (v != NULL) {
			found = ar_strdup(ar, v);
			xmlFree(v);
		}
		break;
	}
	xmlFreeTextReader(rd);
	return found;
}

/*
 * The first sheet's part name: the workbook's first <sheet r:id>, through
 * the workbook's relationships; a Target is relative to xl/ unless it
 * starts with "/".  "xl/worksheets/sheet1.xml" when the workbook has no
 * relationships part (some writers leave it out).  NULL with *err.
 */
static const char *
first_sheet(struct arena *ar, zip_t *z, const char **err)
{
	unsigned char *wb, *rels;
	size_t wlen, rlen;
	int r;
	char *rid, *target;

	if ((r = read_part(ar, z, "xl/workbook.xml", &wb, &wlen, err)) <= 0) {
		if (r == 0)
			*err = "xlsx_nosheet";
		return NULL;
	}
	*err = NULL;
	rid = find_attr(ar, wb, wlen, "sheet", NULL, NULL, "id", err);
	if (rid == NULL) {
		if (*err == NULL)
			*err = "xlsx_nosheet";
		return NULL;
	}
	if ((r = read_part(ar, z, "xl/_rels/workbook.xml.rels", &rels, &rlen, err)) < 0)
		return NULL;
	if (r == 0)
		return "xl/worksheets/sheet1.xml";
	target = find_attr(ar, rels, rlen, "Relationship", "Id", rid, "Target", err);
	if (target == NULL) {
		if (*err == NULL)
			*err = "xlsx_nosheet";
		return NULL;
	}
	if (target[0] == '/')
		return target + 1;
	return ar_printf(ar, "xl/%s", target);
}

/* Where Excel, LibreOffice, openpyxl and libxlsxwriter all put the shared strings. */
#define XLSX_STRINGS_PART "xl/sharedStrings.xml"

struct xlsx *
xlsx_open(struct arena *ar, const unsigned char *p, size_t n, const char **err)
{
	zip_error_t ze;
	zip_source_t *src = NULL;
	zip_t *z = NULL;
	struct xlsx *x = NULL;
	unsigned char *ss;
	size_t sslen;
	const char *sheet;
	int r;

	*err = "nomem";
	if ((x = ar_alloc(ar, sizeof(*x))) == NULL)
		goto fail;
	memset(x, 0, sizeof(*x));
	x->ar = ar;
	if ((x->cell = ar_alloc(ar, XLSX_MAX_CELL + 1)) == NULL)
		goto fail;
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(p, n, 0, &ze)) == NULL)
		goto fail;
	if ((z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze)) == NULL) {
		zip_source_free(src);
		*err = "xlsx_zip";
		goto fail;
	}
	zip_int64_t entries = zip_get_num_entries(z, 0);
	if (entries < 0 || entries > XLSX_MAX_ENTRIES) {
		*err = "xlsx_entries";
		goto fail;
	}
	/* any encrypted entry: the workbook is protected, say so rather than half-read it */
	for (zip_int64_t i = 0; i < entries; i++) {
		zip_stat_t st;
		zip_stat_init(&st);
		if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) != 0) {
			*err = "xlsx_zip";
			goto fail;
		}
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
			*err = "xlsx_encrypted";
			goto fail;
		}
	}
	if ((sheet = first_sheet(ar, z, err)) == NULL)
		goto fail;
	if ((r = read_part(ar, z, XLSX_STRINGS_PART, &ss, &sslen, err)) < 0)
		goto fail;
	if (r == 1 && load_strings(x, ss, sslen, err) != 0)
		goto fail;
	if ((r = read_part(ar, z, sheet, &x->sheet, &x->sheet_len, err)) <= 0) {
		if (r == 0)
			*err = "xlsx_nosheet";
		goto fail;
	}
	zip_discard(z);	/* read only: nothing to write back */
	z = NULL;
	if ((x->rd = reader(x->sheet, x->sheet_len)) == NULL) {
		*err = "nomem";
		goto fail;
	}
	*err = NULL;
	return x;
fail:
	if (z != NULL)
		zip_discard(z);
	return NULL;
}

/* "B12" → column 1 (A is 0), or -1 when the reference has no column letters. */
static int
ref_col(const char *ref)
{
	int col = 0, k = 0;
	for (; ref[k] >= 'A' && ref[k] <= 'Z'; k++) {
		col = col * 26 + (ref[k] - 'A' + 1);
		if (col > 16384)	/* XFD, Excel's last column */
			return -1;
	}
	return k == 0 ? -1 : col - 1;
}

/*
 * One <c> element: its column (from r=, else after the previous cell) and
 * its value into x->cell.  0, or -1 with *err.
 */
static int
read_cell(struct xlsx *x, int *col, size_t *len, const char **err)
{
	xmlTextReaderPtr rd = x->rd;
	char *t = attr(rd, "t"), *ref = attr(rd, "r");
	int depth = xmlTextReaderDepth(rd), r = 0;
	char type = t == NULL ? 'n' : strcmp(t, "s") == 0 ? 's' : strcmp(t, "inlineStr") == 0 ? 'i' :
	    strcmp(t, "b") == 0 ? 'b' : 'n';

	if (ref != NULL) {
		int c = ref_col(ref);
		if (c < 0 || c < *col) {
			*err = "xlsx_ref";
			r = -1;
		}
		*col = c;
	}
	xmlFree(t);
	xmlFree(ref);
	*len = 0;
	x->cell[0] = '\0';
	if (r != 0 || xmlTextReaderIsEmptyElement(rd))
		return r;
	while ((r = step(rd, err)) == 1) {
		if (xmlTextReaderNodeType(rd) == XML_READER_TYPE_END_ELEMENT &&
		    xmlTextReaderDepth(rd) == depth)
			break;
		if (is_elem(rd, "v") && type != 'i') {
			if (text_of(rd, 0, x->cell, len, err) != 0)
				return -1;
		} else if (is_elem(rd, "is") && type == 'i') {
			if (text_of(rd, 1, x->cell, len, err) != 0)
				return -1;
		}
	}
	if (r != 1) {
		if (r == 0)
			*err = "xlsx_xml";
		return -1;
	}
	if (type == 's') {
		char *end;
		unsigned long k = strtoul(x->cell, &end, 10);
		if (*len == 0 || *end != '\0' || k >= x->nstrings) {
			*err = "xlsx_ref";
			return -1;
		}
		*len = strlen(x->strings[k]);
		memcpy(x->cell, x->strings[k], *len + 1);
	} else if (type == 'b') {
		x->cell[0] = strcmp(x->cell, "1") == 0 || strcmp(x->cell, "true") == 0 ? '1' : '0';
		x->cell[1] = '\0';
		*len = 1;
	}
	return 0;
}

/* The cells of the <row> rd is on, into fields; the count up to the last non-empty one. */
static int
read_row(struct xlsx *x, const char **fields, size_t max, const char **err)
{
	xmlTextReaderPtr rd = x->rd;
	int depth = xmlTextReaderDepth(rd), col = -1, n = 0, r;
	size_t len;

	for (size_t i = 0; i < max; i++)
		fields[i] = "";
	if (xmlTextReaderIsEmptyElement(rd))
		return 0;
	while ((r = step(rd, err)) == 1) {
		if (xmlTextReaderNodeType(rd) == XML_READER_TYPE_END_ELEMENT &&
		    xmlTextReaderDepth(rd) == depth)
			return n;
		if (!is_elem(rd, "c"))
			continue;
		col++;
		if (read_cell(x, &col, &len, err) != 0)
			return -1;
		if (len == 0)
			continue;
		if ((size_t)col >= max) {
			*err = "xlsx_cols";
			return -1;
		}
		if ((fields[col] = ar_strndup(x->ar, x->cell, len)) == NULL) {
			*err = "nomem";
			return -1;
		}
		n = col + 1;
	}
	if (r == 0)
		*err = "xlsx_xml";
	return -1;
}

int
xlsx_row(struct xlsx *x, const char **fields, size_t max, long *line, const char **err)
{
	int r;

	if (max > XLSX_MAX_COLS)
		max = XLSX_MAX_COLS;
	while ((r = step(x->rd, err)) == 1) {
		if (!is_elem(x->rd, "row"))
			continue;
		char *rn = attr(x->rd, "r");
		long ln = x->last_line + 1;
		if (rn != NULL) {
			char *end;
			ln = strtol(rn, &end, 10);
			if (*end != '\0' || ln <= x->last_line || ln > 1048576)	/* Excel's last row */
				ln = -1;
			xmlFree(rn);
		}
		if (ln < 0) {
			*err = "xlsx_ref";
			return -1;
		}
		x->last_line = ln;
		if (++x->rows > XLSX_MAX_ROWS) {
			*err = "xlsx_rows";
			return -1;
		}
		int n = read_row(x, fields, max, err);
		if (n != 0) {
			*line = ln;
			return n;
		}
	}
	return r == 0 ? 0 : -1;
}

void
xlsx_close(struct xlsx *x)
{
	if (x != NULL && x->rd != NULL) {
		xmlFreeTextReader(x->rd);
		x->rd = NULL;
	}
}

int
xlsx_serial_date(const char *s, char out[11])
{
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || (*end != '\0' && *end != '.'))
		return -1;
	if (*end == '.')
		for (const char *p = end + 1; *p; p++)
			if (*p < '0' || *p > '9')
				return -1;
	/* 61 = 1900-03-01: before it Excel counts a Feb 29 1900 that never was */
	if (v < 61 || v > 2958465)
		return -1;
	wd_format((int)(v - 25569), out);	/* 25569 = 1970-01-01, day 0 of workday.h */
	return 0;
}
