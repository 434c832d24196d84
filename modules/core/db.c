/* db.c — connection, statement table, reconnect; see db.h. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>
#include "db.h"
#include "log.h"

struct db_st {
	MYSQL_STMT *st;
	size_t ncols;
	MYSQL_BIND *res;
	char **buf;
	unsigned long *len;
	my_bool *isnull;
	const char **v;
	char *null;
};

struct db {
	const struct config *cfg;
	MYSQL *my;
	const struct db_stmt *def;
	size_t nsql;
	struct db_st *st;
	int lost;
	unsigned last_errno;
	unsigned long long affected, insert_id;
	unsigned long connects, prepares;
};

struct db *
db_new(const struct config *cfg, const struct db_stmt *def, size_t nsql)
{
	struct db *db = calloc(1, sizeof(*db));
	if (db == NULL)
		return NULL;
	db->st = calloc(nsql, sizeof(*db->st));
	if (db->st == NULL) {
		free(db);
		return NULL;
	}
	db->cfg = cfg;
	db->def = def;
	db->nsql = nsql;
	db->lost = 1;
	return db;
}

static void
st_close(struct db_st *s)
{
	if (s->st != NULL)
		mysql_stmt_close(s->st);
	for (size_t i = 0; s->buf != NULL && i < s->ncols; i++)
		free(s->buf[i]);
	free(s->buf);
	free(s->res);
	free(s->len);
	free(s->isnull);
	free(s->v);
	free(s->null);
	memset(s, 0, sizeof(*s));
}

static void
db_close(struct db *db)
{
	for (size_t i = 0; i < db->nsql; i++)
		st_close(&db->st[i]);
	if (db->my != NULL)
		mysql_close(db->my);
	db->my = NULL;
	db->lost = 1;
}

void
db_free(struct db *db)
{
	if (db == NULL)
		return;
	db_close(db);
	free(db->st);
	free(db);
}

/* Client and server errors that mean "this connection is gone". */
static int
is_lost(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	    e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
	    e == CR_SERVER_LOST_EXTENDED || e == ER_CONNECTION_KILLED ||
	    e == ER_SERVER_SHUTDOWN || e == ER_UNKNOWN_STMT_HANDLER ||
	    e == 4031 /* ER_CLIENT_INTERACTION_TIMEOUT */ ||
	    e == CR_COMMANDS_OUT_OF_SYNC;
}

static enum db_rc
fail(struct db *db, unsigned e, const char *what, const char *msg, int id)
{
	db->last_errno = e;
	if (is_lost(e)) {
		log_msg("db: connection lost (%s %u: %s)", what, e, msg);
		db_close(db);
		return DB_LOST;
	}
	if (e == ER_DUP_ENTRY)
		return DB_DUP;
	log_msg("db: %s failed for %s: %u %s", what, id >= 0 ? db->def[id].name : "the transaction", e, msg);
	return DB_ERR;
}

/*
 * Does the prepared statement take the parameters and give the columns its
 * table entry says?  0, or -1 with the difference logged.
 */
static int
st_matches(const struct db_stmt *d, MYSQL_STMT *st, MYSQL_RES *meta)
{
	unsigned long np = mysql_stmt_param_count(st);
	size_t want = 0, got = meta != NULL ? mysql_num_fields(meta) : 0;

	if (np != d->nparam) {
		log_msg("db: %s takes %lu parameters; its table entry says %u", d->name, np, d->nparam);
		return -1;
	}
	while (d->cols != NULL && d->cols[want] != NULL)
		want++;
	if ((d->cols == NULL) != (meta == NULL) || want != got) {
		log_msg("db: %s gives %zu columns; its table entry names %zu", d->name, got, want);
		return -1;
	}
	MYSQL_FIELD *f = meta != NULL ? mysql_fetch_fields(meta) : NULL;
	for (size_t i = 0; i < got; i++)
		if (strcmp(f[i].name, d->cols[i]) != 0) {
			log_msg("db: %s column %zu is \"%s\"; its table entry says \"%s\"", d->name, i,
			    f[i].name, d->cols[i]);
			return -1;
		}
	return 0;
}

/*
 * Prepares statement id and binds its result buffers once.  DB_OK, DB_LOST,
 * or DB_ERR when the server refuses the SQL or it disagrees with its entry.
 */
static enum db_rc
st_prepare(struct db *db, size_t id)
{
	struct db_st *s = &db->st[id];
	const struct db_stmt *d = &db->def[id];
	MYSQL_RES *meta = NULL;
	enum db_rc rc = DB_ERR;

	s->st = mysql_stmt_init(db->my);
	if (s->st == NULL)
		goto fail;
	if (mysql_stmt_prepare(s->st, d->sql, strlen(d->sql)) != 0) {
		rc = is_lost(mysql_stmt_errno(s->st)) ? DB_LOST : DB_ERR;
		goto fail;
	}
	db->prepares++;
	meta = mysql_stmt_result_metadata(s->st);
	if (st_matches(d, s->st, meta) != 0)
		goto fail;
	if (meta == NULL)
		return DB_OK;	/* no result set */
	s->ncols = mysql_num_fields(meta);
	if (s->ncols > DB_MAX_COLS)
		goto fail;
	MYSQL_FIELD *f = mysql_fetch_fields(meta);
	s->res = calloc(s->ncols, sizeof(*s->res));
	s->buf = calloc(s->ncols, sizeof(*s->buf));
	s->len = calloc(s->ncols, sizeof(*s->len));
	s->isnull = calloc(s->ncols, sizeof(*s->isnull));
	s->v = calloc(s->ncols, sizeof(*s->v));
	s->null = calloc(s->ncols, 1);
	if (!s->res || !s->buf || !s->len || !s->isnull || !s->v || !s->null)
		goto fail;
	for (size_t i = 0; i < s->ncols; i++) {
		/* Every column is fetched as text: the page is text anyway. */
		unsigned long cap = f[i].length + 1;
		if (cap < 32)
			cap = 32;
		if (cap > DB_MAX_COLLEN)
			cap = DB_MAX_COLLEN;
		s->buf[i] = malloc(cap);
		if (s->buf[i] == NULL)
			goto fail;
		s->res[i].buffer_type = MYSQL_TYPE_STRING;
		s->res[i].buffer = s->buf[i];
		s->res[i].buffer_length = cap - 1;
		s->res[i].length = &s->len[i];
		s->res[i].is_null = &s->isnull[i];
	}
	mysql_free_result(meta);
	meta = NULL;
	if (mysql_stmt_bind_result(s->st, s->res) != 0)
		goto fail;
	return DB_OK;
fail:
	log_msg("db: cannot prepare %s: %s", d->name,
	    s->st ? mysql_stmt_error(s->st) : mysql_error(db->my));
	if (meta != NULL)
		mysql_free_result(meta);
	return rc;
}

enum db_rc
db_ensure(struct db *db)
{
	const struct config *c = db->cfg;
	unsigned timeout = 2, rw = 60;
	enum db_rc rc = DB_LOST;

	if (!db->lost)
		return DB_OK;
	db_close(db);
	db->my = mysql_init(NULL);
	if (db->my == NULL)
		return DB_LOST;
	mysql_options(db->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(db->my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(db->my, MYSQL_OPT_READ_TIMEOUT, &rw);
	mysql_options(db->my, MYSQL_OPT_WRITE_TIMEOUT, &rw);
	if (mysql_real_connect(db->my, c->db_socket ? NULL : c->db_host, c->db_user,
	    c->db_password, c->db_name, c->db_port, c->db_socket, 0) == NULL) {
		log_msg("db: cannot connect: %s", mysql_error(db->my));
		goto fail;
	}
	if (mysql_query(db->my, "SET SESSION sql_mode='STRICT_ALL_TABLES,NO_ZERO_DATE,"
	    "NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'") != 0)
		goto fail;
	for (size_t i = 0; i < db->nsql; i++)
		if ((rc = st_prepare(db, i)) != DB_OK)
			goto fail;
	db->connects++;
	db->lost = 0;
	return DB_OK;
fail:
	db_close(db);
	return rc;
}

enum db_rc
db_run(struct db *db, int id, const struct db_val *p, size_t np,
    db_row_fn fn, void *ctx)
{
	MYSQL_BIND b[DB_MAX_PARAMS];
	unsigned long plen[DB_MAX_PARAMS];

	db->last_errno = 0;
	if (db->lost)
		return DB_LOST;
	if (id < 0 || (size_t)id >= db->nsql)
		return DB_ERR;
	if (np > DB_MAX_PARAMS) {
		/* said, not silent: a statement that grew past the binds would otherwise just fail */
		log_msg("db: %s takes %zu parameters, more than DB_MAX_PARAMS (%d)", db->def[id].name, np,
		    DB_MAX_PARAMS);
		return DB_ERR;
	}
	struct db_st *s = &db->st[id];
	if (np != db->def[id].nparam) {
		log_msg("db: %s wants %u parameters, got %zu", db->def[id].name, db->def[id].nparam, np);
		return DB_ERR;
	}
	memset(b, 0, sizeof(b[0]) * (np ? np : 1));
	for (size_t i = 0; i < np; i++) {
		switch (p[i].t) {
		case DB_STR:
			plen[i] = p[i].s ? strlen(p[i].s) : 0;
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = (void *)(p[i].s ? p[i].s : "");
			b[i].buffer_length = plen[i];
			b[i].length = &plen[i];
			break;
		case DB_INT:
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)&p[i].i;
			break;
		case DB_NULL:
			b[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		case DB_BLOB:
			plen[i] = (unsigned long)p[i].i;
			b[i].buffer_type = MYSQL_TYPE_BLOB;
			b[i].buffer = (void *)p[i].s;
			b[i].buffer_length = plen[i];
			b[i].length = &plen[i];
			break;
		}
	}
	if (np && mysql_stmt_bind_param(s->st, b) != 0)
		return fail(db, mysql_stmt_errno(s->st), "bind", mysql_stmt_error(s->st), id);
	if (mysql_stmt_execute(s->st) != 0)
		return fail(db, mysql_stmt_errno(s->st), "execute", mysql_stmt_error(s->st), id);
	db->affected = mysql_stmt_affected_rows(s->st);
	db->insert_id = mysql_stmt_insert_id(s->st);
	if (s->ncols == 0)
		return DB_OK;

	struct db_row row = { s->ncols, s->v, s->len, s->null };
	int stop = 0, rc;
	while ((rc = mysql_stmt_fetch(s->st)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		if (rc == MYSQL_DATA_TRUNCATED) {
			log_msg("db: %s: a column is longer than %d bytes", db->def[id].name, DB_MAX_COLLEN);
			stop = -1;
		}
		if (stop)
			continue;	/* drain the rest so the connection stays usable */
		for (size_t i = 0; i < s->ncols; i++) {
			s->null[i] = (char)s->isnull[i];
			s->buf[i][s->isnull[i] ? 0 : s->len[i]] = '\0';
			s->v[i] = s->buf[i];
		}
		if (fn != NULL && fn(ctx, &row) != 0)
			stop = 1;
	}
	if (rc == 1)
		return fail(db, mysql_stmt_errno(s->st), "fetch", mysql_stmt_error(s->st), id);
	mysql_stmt_free_result(s->st);
	return stop < 0 ? DB_ERR : DB_OK;
}

static enum db_rc
simple(struct db *db, int which)
{
	int rc;
	if (db->lost)
		return DB_LOST;
	if (which == 0)
		rc = mysql_query(db->my, "START TRANSACTION");
	else if (which == 2)
		rc = mysql_query(db->my, "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
	else
		rc = mysql_commit(db->my);
	if (rc != 0)
		return fail(db, mysql_errno(db->my), which == 1 ? "commit" : "begin", mysql_error(db->my), -1);
	return DB_OK;
}

enum db_rc
db_begin(struct db *db)
{
	return simple(db, 0);
}

enum db_rc
db_begin_snapshot(struct db *db)
{
	return simple(db, 2);
}

enum db_rc
db_commit(struct db *db)
{
	return simple(db, 1);
}

void
db_rollback(struct db *db)
{
	if (!db->lost && mysql_rollback(db->my) != 0)
		fail(db, mysql_errno(db->my), "rollback", mysql_error(db->my), -1);
}

unsigned long long db_affected(const struct db *db) { return db->affected; }
unsigned long long db_insert_id(const struct db *db) { return db->insert_id; }
unsigned db_errno(const struct db *db) { return db->last_errno; }
int db_lost(const struct db *db) { return db->lost; }
int db_retryable(const struct db *db)
{
	return db->last_errno == ER_LOCK_DEADLOCK || db->last_errno == ER_LOCK_WAIT_TIMEOUT;
}
unsigned long db_connects(const struct db *db) { return db->connects; }
unsigned long db_prepares(const struct db *db) { return db->prepares; }

const char *const db_count_cols[DB_ONE__MAX + 1] = { [DB_ONE_VALUE] = "n" };
const char *const db_id_cols[DB_ONE__MAX + 1] = { [DB_ONE_VALUE] = "id" };

int
db_int_row(void *arg, const struct db_row *r)
{
	*(long long *)arg = atoll(r->v[DB_ONE_VALUE]);
	return 0;
}
