/*
 * sheet.h — one streamed table, as CSV or as XLSX: a list's export of
 * exactly the rows its page shows (same filter, search and sort; every
 * matching row, not one page), with the column titles in the page's
 * language.
 *
 * CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel reads Chinese)
 * goes to the response through a small buffer: the headers leave with the
 * first full buffer, so a failure before that is still a clean error page.
 * XLSX is written by Debian's libxlsxwriter in constant_memory mode: each
 * row goes to the worksheet's temporary file as soon as the next begins,
 * strings inline (no shared-string table kept in memory), and the finished
 * zip, a temporary file of its own, is then copied out OUT_MAX at a time and
 * removed.  Memory stays flat whatever the row count.  Nothing the sheet
 * keeps comes from the request's arena or libxml2's request region: the
 * library allocates with malloc and copies every string it is handed, and
 * sheet_close() frees it all before the request ends.
 *
 * The titles are strings like any other (xslt/strings/, keys "sheet.…"):
 * the build compiles them into xslt/LANG/core/sheet.xsl, and sheet_init()
 * reads that file once per language at start.
 */
#ifndef WANGAN_SHEET_H
#define WANGAN_SHEET_H
#include <stddef.h>
#include "ctx.h"
#include "db.h"

#define SHEET_MAX_COLS   32
#define SHEET_MAX_TITLES 256	/* titles of every list of every module */
#define SHEET_BUF        8192	/* CSV bytes held before the first write */

enum sheet_fmt { SHEET_CSV, SHEET_XLSX, SHEET__MAX };
extern const char *const sheet_ext[SHEET__MAX];

struct sheet;

/* Reads the compiled titles of every language under xslt_dir; 0, or -1 (logged). */
int sheet_init(const char *xslt_dir);
/* The title of key ("sheet.reg.code") in lang, or the key itself when it has none. */
const char *sheet_title(enum lang lang, const char *key);
/*
 * ?format=csv|xlsx: 1 and *fmt set when the request asks for an export, 0
 * when it does not, -1 for another value (a 400).
 */
int sheet_wanted(const struct ctx *c, enum sheet_fmt *fmt);

/*
 * Opens a sheet named base.csv / base.xlsx with ncols columns titled by the
 * keys titles[0..ncols).  NULL when nothing could be set up (500).
 */
struct sheet *sheet_open(struct ctx *c, enum sheet_fmt fmt, const char *base,
    const char *const *titles, size_t ncols);
/* One row of ncols values (NUL-terminated; "" for empty). */
void sheet_row(struct sheet *s, const char *const *v);
/*
 * Finishes, sends, frees and returns the handler's status: 200, or for a
 * failure (rc of the query, or a write error) APP_LOST/500 when nothing was
 * sent yet; past the headers a failure can only cut the file short.
 */
int sheet_close(struct sheet *s, enum db_rc rc);
/*
 * A list's whole export in one call, as every list makes it: opens the
 * sheet into *sp (where fn, the statement's row callback, finds it to
 * write each row with sheet_row()), runs statement id with its np values
 * p — the page's own statement, filter, search and sort, without its page
 * limit — and closes: the handler's status (500 when nothing could be set up).
 */
int sheet_run(struct ctx *c, enum sheet_fmt fmt, const char *base, const char *const *titles, size_t ncols,
    struct sheet **sp, int id, const struct db_val *p, size_t np, db_row_fn fn, void *arg);
#endif
