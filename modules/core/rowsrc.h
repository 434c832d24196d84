/*
 * rowsrc.h — the rows of an uploaded table, CSV or XLSX, behind one
 * interface, so an import reads "line 7: these fields" whatever the office
 * saved its register as.  What the file is comes from its bytes, never its
 * name:
 *
 *   - "PK\3\4": an .xlsx workbook, its first sheet (xlsxread.h);
 *   - D0 CF 11 E0: an OLE compound file, which is an old .xls or a
 *     password-protected .xlsx (Excel encrypts into that container): refused
 *     with a message that says to save as .xlsx without a password;
 *   - a PDF, JPEG or PNG (sniff.h), or any bytes with a NUL: not a table;
 *   - anything else is CSV (csv.h): UTF-8, a leading byte-order mark
 *     skipped; a file that is not UTF-8 is read as GB 18030 (what Excel on
 *     a Chinese Windows writes for "CSV"), and refused if it is not that
 *     either.
 *
 * A line number is the file's own: the CSV line a record starts on (a
 * quoted field may span lines), the sheet's row number.  Empty records
 * and rows are skipped.  At most ROWSRC_MAX_ROWS rows are read.
 */
#ifndef WANGAN_ROWSRC_H
#define WANGAN_ROWSRC_H
#include <stddef.h>
#include "arena.h"

#define ROWSRC_MAX_ROWS   5000
#define ROWSRC_MAX_FIELDS 32	/* = CSV_MAX_FIELDS = XLSX_MAX_COLS */

enum rowsrc_kind { ROWSRC_CSV, ROWSRC_XLSX, ROWSRC__MAX };

struct xlsx;

struct rowsrc {
	enum rowsrc_kind kind;
	struct arena *ar;
	const char *s;		/* CSV: the text, UTF-8 */
	size_t len, pos;
	long nextline;		/* CSV: the line at pos */
	long rows;
	struct xlsx *x;
	long line;		/* the line of the row rowsrc_next() returned last */
	const char *err;	/* the message code of the last failure */
};

/*
 * Opens p[0..n) (which must outlive rs): 0, or -1 with rs->err a message
 * code: "not_table" (a picture, a PDF, binary), "xls_old" (an .xls or an
 * encrypted workbook), "encoding" (neither UTF-8 nor GB 18030), "empty",
 * or one of xlsx_open()'s.
 */
int rowsrc_open(struct rowsrc *rs, struct arena *ar, const unsigned char *p, size_t n);
/*
 * The next non-empty row into fields[0..max): its field count, 0 at the end,
 * -1 with rs->err ("csv" for a malformed record, "rows" past the limit, or
 * one of xlsx_row()'s) and rs->line where it happened.
 */
int rowsrc_next(struct rowsrc *rs, const char **fields, size_t max);
void rowsrc_close(struct rowsrc *rs);
#endif
