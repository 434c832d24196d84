/*
 * legacy.h — TRANSITIONAL: what a module not yet moved onto tx.h, named
 * columns and view enums still uses.  Each module drops it as it moves;
 * this file and legacy.c go with the last one.
 */
#ifndef WANGAN_LEGACY_H
#define WANGAN_LEGACY_H
#include "app.h"
#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "ctx.h"
#include "page.h"
#include "resp.h"
#include "sql.h"
#include "tx.h"
#include "view.h"

/*
 * A create form's double submit: sql selects one id by the form's nonce.  If
 * the nonce already landed, *status is the 303 to before + id + after and 1
 * is returned; 0 when it did not; 1 with APP_LOST/500 in *status when the
 * lookup failed.
 */
int app_done_before(struct ctx *c, int sql, const char *nonce, const char *before,
    const char *after, int *status);
/* The view named name ("systems/list"), looked up by name. */
int view_id(const char *name);
/* An uncounted statement table from plain SQL texts (tools/admin, until it moves). */
void legacy_stmts(const char *name, const char *const *sql, size_t n, struct db_stmt *out);
#endif
