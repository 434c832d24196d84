/*
 * uprun.c — one export to an upstream (upstream.h): the page's button and
 * the CLI verb both come here.
 *
 *   1. A read-only transaction WITH CONSISTENT SNAPSHOT; inside it, first
 *      the clock (the watermark, UP_LAG seconds back) and the last
 *      successful export's watermark (the since of an incremental), then
 *      the canonical document — all of it one moment of the database, so
 *      a change committed while the export runs is not in it and, being
 *      newer than the watermark, is in the next incremental.
 *   2. The profile's transform, in memory, then the SHA-256 of exactly the
 *      bytes that will leave.
 *   3. The log row and its audit row, in one transaction (tx_run).
 *
 * A failure after the snapshot began is logged too (status 'failed', no
 * watermark anyone will start from), so the log shows every attempt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "log.h"
#include "sha256.h"
#include "upstream.h"
#include "xmlmem.h"

struct clock {
	struct ctx *c;
	const char *now, *watermark, *today;
};

static int
clock_row(void *arg, const struct db_row *r)
{
	struct clock *k = arg;
	k->now = ar_strdup(k->c->ar, r->v[UK_NOW]);
	k->watermark = ar_strdup(k->c->ar, r->v[UK_WATERMARK]);
	k->today = ar_strdup(k->c->ar, r->v[UK_TODAY]);
	return 0;
}

struct since {
	struct ctx *c;
	const char *at;
};

static int
since_row(void *arg, const struct db_row *r)
{
	struct since *s = arg;
	s->at = ar_strdup(s->c->ar, r->v[0]);
	return 0;
}

/* What the log row says; filled before tx_run, written by log_tx. */
struct logrow {
	const char *const *u;
	const char *kind, *status, *started, *since, *watermark, *sha;
	long long rows, bytes;
};

static int
log_tx(struct tx *t, void *arg)
{
	struct logrow *l = arg;
	struct ctx *c = t->c;
	struct db_val p[] = { DBI(atoll(l->u[UP_ID])), DBS(l->kind), DBS(l->status), DBS(l->started),
	    DBS(c->acct.login), DBSN(l->since), DBS(l->watermark), DBI(l->rows), DBI(l->bytes), DBS(l->sha) };
	enum db_rc rc = SQL_RUN(c, OF_SQL_UP_LOG_INSERT, p, NULL, NULL);
	if (rc != DB_OK)
		return rc;
	t->record = "upstream_export";
	t->id = (long long)db_insert_id(c->db);
	t->action = "export";
	char rows[24], bytes[24];
	snprintf(rows, sizeof(rows), "%lld", l->rows);
	snprintf(bytes, sizeof(bytes), "%lld", l->bytes);
	static const char *const keys[] = { "upstream", "kind", "status", "since", "watermark", "rows", "bytes",
	    "sha256", NULL };
	const char *vals[] = { l->u[UP_CODE], l->kind, l->status, l->since ? l->since : "", l->watermark, rows,
	    bytes, l->sha };
	t->after = of_json(c, keys, vals);
	return TX_COMMIT;
}

int
up_run(struct ctx *c, const char *const *u, int full, struct up_result *res)
{
	struct clock k = { c, NULL, NULL, NULL };
	struct since s = { c, NULL };
	struct logrow l = { .u = u, .kind = full ? "full" : "incremental", .status = "failed", .sha = "" };
	xmlDocPtr doc = NULL;
	enum db_rc rc;
	int st;

	memset(res, 0, sizeof(*res));
	if (strcmp(u[UP_ENABLED], "1") != 0)
		return 409;
	unsigned sections = up_profile_sections(u[UP_PROFILE]);
	if (sections == 0) {
		log_msg("upstream %s: no profile %s", u[UP_CODE], u[UP_PROFILE]);
		return 500;
	}
	if ((rc = db_begin_snapshot(c->db)) != DB_OK)
		return app_dberr(rc);
	struct db_val lag[] = { DBI(UP_LAG) };
	struct db_val id[] = { DBI(atoll(u[UP_ID])) };
	rc = SQL_RUN(c, OF_SQL_UP_CLOCK, lag, clock_row, &k);
	if (rc == DB_OK && k.now == NULL)
		rc = DB_ERR;
	if (rc == DB_OK && !full)
		rc = SQL_RUN(c, OF_SQL_UP_LAST, id, since_row, &s);
	struct up_range r = { u[UP_CODE], u[UP_PROFILE], full, s.at ? s.at : "", k.watermark, k.today };
	if (rc == DB_OK)
		rc = up_canon(c, &r, sections, &doc, &res->rows);
	if (rc == DB_OK)
		rc = db_commit(c->db);
	else
		db_rollback(c->db);
	if (rc != DB_OK) {
		xm_doc_free(doc);
		return app_dberr(rc);
	}
	l.started = k.now;
	l.since = s.at;
	l.watermark = k.watermark;
	l.rows = res->rows;
	int bad = up_profile_run(u[UP_PROFILE], doc, &res->bytes, &res->len);
	xm_doc_free(doc);
	if (!bad) {
		unsigned char d[32];
		struct sha256 h;
		sha256_init(&h);
		sha256_update(&h, res->bytes, (size_t)res->len);
		sha256_final(&h, d);
		hex_encode(d, sizeof(d), res->sha256);
		l.status = "ok";
		l.sha = res->sha256;
		l.bytes = res->len;
	} else
		l.rows = 0;
	struct tx t = { .c = c };
	st = tx_run(&t, log_tx, &l);
	if (bad || st != 200) {
		if (res->bytes != NULL)
			xmlFree(res->bytes);
		res->bytes = NULL;
		return bad ? 500 : st;
	}
	res->id = t.id;
	/* moe-incremental-20261208T093000.xml: the snapshot's time */
	char stamp[20];
	snprintf(stamp, sizeof(stamp), "%s", k.now);
	for (char *p = stamp; *p; p++)
		if (*p == '-' || *p == ':')
			memmove(p, p + 1, strlen(p));
	for (char *p = stamp; *p; p++)
		if (*p == ' ')
			*p = 'T';
	snprintf(res->filename, sizeof(res->filename), "%s-%s-%s.xml", u[UP_CODE], l.kind, stamp);
	return 200;
}
