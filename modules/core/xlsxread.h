/*
 * xlsxread.h — the rows of the first sheet of an .xlsx workbook (Office
 * Open XML, ECMA-376): the zip is opened from memory with libzip, the
 * parts are parsed with libxml2's reader, and every step has a hard limit,
 * because the file comes from a browser:
 *
 *   - at most XLSX_MAX_ENTRIES zip entries; an encrypted entry, or one
 *     stored with a method libzip cannot read, refuses the file;
 *   - a part is read only if its declared size is at most XLSX_MAX_PART,
 *     and reading stops at that size whatever the data says (a zip bomb
 *     that lies about its size is cut off, and libzip's CRC check fails);
 *   - the XML is parsed without NOENT, DTDLOAD or HUGE, and a part with a
 *     document type declaration is refused outright (no entity tricks);
 *   - at most XLSX_MAX_ROWS rows, XLSX_MAX_COLS columns and XLSX_MAX_CELL
 *     bytes in a cell, XLSX_MAX_STRINGS shared strings.
 *
 * Cells: shared strings (t="s"), inline strings (t="inlineStr"), formula
 * strings (t="str", the cached value), booleans ("1"/"0"), errors (their
 * text, "#N/A"), numbers as written in the file ("42", "13800138000",
 * "0.5").  Styles are not read, so a date typed into Excel arrives as its
 * serial number (days since 1899-12-30, e.g. "45658" for 2025-01-01): the
 * caller converts it where a column holds dates (xlsx_serial_date()).
 * Phonetic runs (<rPh>) are left out of a string.  Every name is matched
 * by its local part, so a workbook that prefixes its namespace reads too.
 */
#ifndef WANGAN_XLSXREAD_H
#define WANGAN_XLSXREAD_H
#include <stddef.h>
#include "arena.h"

#define XLSX_MAX_ENTRIES 256
#define XLSX_MAX_PART    (16u * 1024 * 1024)	/* any part, unpacked */
#define XLSX_MAX_ROWS    5000
#define XLSX_MAX_COLS    32
#define XLSX_MAX_CELL    4096
#define XLSX_MAX_STRINGS 100000

struct xlsx;

/*
 * Opens the workbook p[0..n) and its first sheet; the buffer must outlive
 * the handle.  Memory comes from ar.  Returns NULL with *err a message
 * code when the file cannot be read: "xlsx_zip" (not a zip, or damaged),
 * "xlsx_entries", "xlsx_encrypted", "xlsx_bomb" (a part unpacks past the
 * limit), "xlsx_dtd", "xlsx_xml", "xlsx_nosheet", "xlsx_strings", "nomem".
 */
struct xlsx *xlsx_open(struct arena *ar, const unsigned char *p, size_t n, const char **err);
/*
 * The next row that has a non-empty cell: fills fields[0..max) (a missing
 * cell is "", up to the last non-empty one) and *line (the row number the
 * sheet gives it, 1 for the first), and returns the count, 0 at the end of
 * the sheet, or -1 with *err: "xlsx_rows", "xlsx_cols", "xlsx_cell",
 * "xlsx_ref" (a cell out of order), "xlsx_xml", "xlsx_dtd", "nomem".
 * max is clamped to XLSX_MAX_COLS; a cell past it is an error, not dropped.
 */
int xlsx_row(struct xlsx *x, const char **fields, size_t max, long *line, const char **err);
/* Frees what is not in the arena (the XML reader).  NULL is fine. */
void xlsx_close(struct xlsx *x);
/*
 * An Excel serial day number ("45658", "45658.5": the time is dropped) as
 * "YYYY-MM-DD" in out; 0 on success, -1 if s is not a number of a day
 * between 1900-03-01 and 9999-12-31 (serial 61 … 2958465).
 */
int xlsx_serial_date(const char *s, char out[11]);
#endif
