/* rowsrc.c — see rowsrc.h. */
#include <iconv.h>
#include <string.h>
#include "csv.h"
#include "request.h"
#include "rowsrc.h"
#include "sniff.h"
#include "xlsxread.h"

/*
 * GB 18030 text as UTF-8 into the arena: a two-byte character becomes at
 * most three bytes and a four-byte one four, so 3n/2 + 4 holds any result.
 * NULL when the bytes are not GB 18030 either.
 */
static char *
from_gb18030(struct arena *ar, const char *s, size_t n, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	size_t cap = n + n / 2 + 4, left = cap;
	char *out = NULL, *o, *in = (char *)s;
	size_t inleft = n;

	if (cd == (iconv_t)-1)
		return NULL;
	if ((out = ar_alloc(ar, cap + 1)) == NULL)
		goto fail;
	o = out;
	if (iconv(cd, &in, &inleft, &o, &left) == (size_t)-1 || inleft != 0) {
		out = NULL;
		goto fail;
	}
	*o = '\0';
	*outlen = (size_t)(o - out);
fail:
	iconv_close(cd);
	return out;
}

int
rowsrc_open(struct rowsrc *rs, struct arena *ar, const unsigned char *p, size_t n)
{
	memset(rs, 0, sizeof(*rs));
	rs->ar = ar;
	rs->nextline = 1;
	if (n == 0) {
		rs->err = "empty";
		return -1;
	}
	if (n >= 4 && memcmp(p, "PK\3\4", 4) == 0) {
		rs->kind = ROWSRC_XLSX;
		rs->x = xlsx_open(ar, p, n, &rs->err);
		return rs->x != NULL ? 0 : -1;
	}
	if (n >= 4 && memcmp(p, "\xd0\xcf\x11\xe0", 4) == 0) {
		rs->err = "xls_old";
		return -1;
	}
	if (sniff_type(p, n) != SNIFF_OTHER || memchr(p, '\0', n) != NULL) {
		rs->err = "not_table";
		return -1;
	}
	rs->kind = ROWSRC_CSV;
	rs->s = (const char *)p;
	rs->len = n;
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		rs->s += 3;
		rs->len -= 3;
	}
	if (!req_utf8_ok(rs->s, rs->len)) {
		rs->s = from_gb18030(ar, (const char *)p, n, &rs->len);
		if (rs->s == NULL) {
			rs->err = "encoding";
			return -1;
		}
	}
	return 0;
}

/* Lines in s[from..to): the newlines, a lone CR counted as one too. */
static long
lines_in(const char *s, size_t from, size_t to)
{
	long k = 0;
	for (size_t i = from; i < to; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= to || s[i + 1] != '\n')))
			k++;
	return k;
}

static int
csv_next(struct rowsrc *rs, const char **fields, size_t max)
{
	for (;;) {
		size_t start = rs->pos;
		rs->line = rs->nextline;
		int n = csv_record(rs->ar, rs->s, rs->len, &rs->pos, fields, max);
		if (n <= 0) {
			if (n < 0)
				rs->err = "csv";
			return n;
		}
		rs->nextline += lines_in(rs->s, start, rs->pos);
		/* a blank line (one empty field) or a row of empty fields: skip it */
		int blank = 1;
		for (int i = 0; i < n && blank; i++)
			blank = fields[i][0] == '\0';
		if (!blank)
			return n;
	}
}

int
rowsrc_next(struct rowsrc *rs, const char **fields, size_t max)
{
	int n;
	if (max > ROWSRC_MAX_FIELDS)
		max = ROWSRC_MAX_FIELDS;
	if (rs->kind == ROWSRC_XLSX)
		n = xlsx_row(rs->x, fields, max, &rs->line, &rs->err);
	else
		n = csv_next(rs, fields, max);
	if (n > 0 && ++rs->rows > ROWSRC_MAX_ROWS) {
		rs->err = "rows";
		return -1;
	}
	return n;
}

void
rowsrc_close(struct rowsrc *rs)
{
	xlsx_close(rs->x);
	rs->x = NULL;
}
