/*
 * upstream.h — the office's reporting to the upstream platforms (issue
 * "Upstream reporting", schema 036).  An upstream names a profile: a
 * stylesheet xslt/upstream/<profile>.xsl that turns the canonical export
 * (upcanon.c: the registration and systems exports' own elements, in their
 * own namespaces, under one <canonical>) into that platform's shape, valid
 * against schema/xml/upstream-<profile>.xsd.
 *
 *   upprofile.c  the profiles, compiled once when the module starts, run
 *                locked down (no files, no network, no document())
 *   upcanon.c    the canonical document, full or what changed in a range
 *   uprun.c      one export: snapshot, watermark, canonical, profile,
 *                SHA-256, the log row with its audit row
 *   upstream.c   the pages (/office/upstream, its log, the export button)
 *                and the CLI verb --upstream-export CODE [--full] FILE
 *
 * Incremental: the records whose updated_at lies in [since, watermark),
 * since being the last successful export's watermark to that upstream.
 * The watermark is read inside the export's consistent snapshot, UP_LAG
 * seconds back: updated_at is the time of the writing statement, not of
 * its commit, so a write that ran just before the snapshot and committed
 * just after it carries a time the snapshot does not show; lagging the
 * watermark leaves such rows to the next export instead of losing them.
 * A row in [watermark, snapshot) is not sent now (it is next time), so an
 * incremental never sends a row twice and never skips one.
 */
#ifndef WANGAN_UPSTREAM_H
#define WANGAN_UPSTREAM_H
#include <libxml/tree.h>
#include "office.h"

#define UP_NS "urn:wangan:upstream:1"
/* how far the watermark stays behind the snapshot, in seconds (see above) */
#define UP_LAG 2
/* the transformed document's cap: the export is built in memory (XSLT needs the tree) */
#define UP_MAX_BYTES (64u * 1024 * 1024)
/* a profile's name, as in upstream.profile */
#define UP_PROFILE_MAX 64
/* the log's page */
#define UP_LOG_ROWS 50
/* full exports' range: everything */
#define UP_SINCE_ALL "1000-01-01 00:00:00"
#define UP_UNTIL_ALL "9999-12-31 23:59:59"

/* What a profile reads of the canonical export: a bit per section. */
enum { UP_SEC_PERSONS = 1 << 0, UP_SEC_SYSTEMS = 1 << 1 };

/* OF_SQL_UP_LIST: an upstream with its last successful export. */
#define UP_LIST_COLS(C) \
	C(UL_ID, "id") C(UL_CODE, "code") C(UL_NAME, "name") C(UL_PROFILE, "profile") C(UL_ENABLED, "enabled") \
	C(UL_LAST_ID, "last-id") C(UL_LAST_AT, "last-at") C(UL_LAST_KIND, "last-kind") C(UL_LAST_BY, "last-by") \
	C(UL_LAST_ROWS, "last-rows") C(UL_LAST_BYTES, "last-bytes") C(UL_LAST_SHA, "last-sha256") \
	C(UL_LAST_WM, "last-watermark")
DB_COLUMNS(up_list_col, UP_LIST_COLS);

/* OF_SQL_UP_GET, _BY_CODE: one upstream. */
#define UP_COLS(C) C(UP_ID, "id") C(UP_CODE, "code") C(UP_NAME, "name") C(UP_PROFILE, "profile") \
	C(UP_ENABLED, "enabled")
DB_COLUMNS(up_col, UP_COLS);

/* OF_SQL_UP_CLOCK: the snapshot's time and the watermark (UP_LAG behind it). */
#define UP_CLOCK_COLS(C) C(UK_NOW, "now") C(UK_WATERMARK, "watermark") C(UK_TODAY, "today")
DB_COLUMNS(up_clock_col, UP_CLOCK_COLS);

/* OF_SQL_UP_LOG: a row of the log. */
#define UP_LOG_COLS(C) \
	C(UG_ID, "id") C(UG_UPSTREAM, "upstream") C(UG_KIND, "kind") C(UG_STATUS, "status") \
	C(UG_STARTED, "started") C(UG_FINISHED, "finished") C(UG_BY, "by") C(UG_SINCE, "since") \
	C(UG_WATERMARK, "watermark") C(UG_ROWS, "rows") C(UG_BYTES, "bytes") C(UG_SHA, "sha256")
DB_COLUMNS(up_log_col, UP_LOG_COLS);

extern const char *const up_list_cols[];
extern const char *const up_cols[];
extern const char *const up_wm_cols[];	/* OF_SQL_UP_LAST: one column, the watermark */
extern const char *const up_clock_cols[];
extern const char *const up_log_cols[];

/* upprofile.c: compiles every known profile below xslt_dir; 0 or -1 (the module does not start). */
int up_profiles_load(const char *xslt_dir);
/* Frees them (the unit tests load more than once). */
void up_profiles_free(void);
/* The sections profile reads (UP_SEC_*), or 0: no such profile. */
unsigned up_profile_sections(const char *profile);
/*
 * Runs profile over doc and serializes the result into *out (xmlMalloc'ed,
 * *len bytes; the caller xmlFree()s it).  0, or -1: the transform failed
 * or its output passed UP_MAX_BYTES.
 */
int up_profile_run(const char *profile, xmlDocPtr doc, xmlChar **out, int *len);

/* What one canonical export covers (upcanon.c). */
struct up_range {
	const char *upstream, *profile;
	int full;
	const char *since;	/* "" for none: from the beginning */
	const char *watermark;
	const char *today;
};
/* The canonical document of range r's sections into *doc; its records counted in *rows. */
enum db_rc up_canon(struct ctx *c, const struct up_range *r, unsigned sections, xmlDocPtr *doc, long long *rows);

/* One export's outcome (uprun.c). */
struct up_result {
	xmlChar *bytes;		/* the document, xmlFree()d by the caller */
	int len;
	long long id;		/* its log row */
	long long rows;
	char sha256[65];
	char filename[96];
};
/*
 * Exports to upstream u (the row's columns, up_col order), full or
 * incremental, as c->acct.login: 200 with *res filled and the log row
 * written; 409 when the upstream is disabled, 500/APP_LOST on failure.
 */
int up_run(struct ctx *c, const char *const *u, int full, struct up_result *res);
#endif
