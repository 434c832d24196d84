/*
 * pwset.c — `wangan-admin [--config FILE] password LOGIN`: sets an
 * account's password from the first line of stdin (never from the command
 * line, where ps and the shell's history would show it), stored as
 * argon2id (core/password.c), in one transaction with its audit row.  The
 * development stack sets every demo account's password this way at start;
 * an office without the web pages resets one the same way.
 */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "db.h"
#include "pwset.h"
#include "password.h"

#define PW_STATEMENTS(S) S(P_TZ, 1) S(P_SET, 2) S(P_AUDIT, 1)
DB_STATEMENTS(pw_sql_id, PW_STATEMENTS, P__MAX);

static const struct db_stmt sql[P__MAX] = {
	DB_SQL(P_TZ, "SET time_zone = ?", NULL),
	DB_SQL(P_SET, "UPDATE account SET password_hash = ?, password_set_at = NOW(),"
	    " version = version + 1, updated_by = 'admin-cli' WHERE login = ?", NULL),
	/* the hash stays out of the audit: that a password was set, by whom and when, is the record */
	DB_SQL(P_AUDIT, "INSERT INTO audit (at, login, role, unit_id, module, record_type, record_id,"
	    " action, after_data, request_id) SELECT NOW(), 'admin-cli', 'office', unit_id, 'admin',"
	    " 'account', id, 'password', '{\"password\":\"set\"}', 'admin-cli' FROM account WHERE login = ?", NULL),
};

int
admin_password(const struct config *cfg, const char *tzoff, const char *login)
{
	char pw[PW_MAX_LEN + 3], hash[PW_HASH_MAX];
	struct db *db = NULL;
	int rc = -1;

	if (fgets(pw, sizeof(pw), stdin) == NULL) {
		fprintf(stderr, "wangan-admin: password: no line on stdin\n");
		goto fail;
	}
	size_t n = strcspn(pw, "\r\n");
	if (pw[n] == '\0' && n == sizeof(pw) - 1) {
		fprintf(stderr, "wangan-admin: password: longer than %d bytes\n", PW_MAX_LEN);
		goto fail;
	}
	pw[n] = '\0';
	if (n < PW_MIN_LEN || n > PW_MAX_LEN) {
		fprintf(stderr, "wangan-admin: password: %d to %d bytes, not %zu\n", PW_MIN_LEN, PW_MAX_LEN, n);
		goto fail;
	}
	if (pw_init() != 0 || pw_hash(pw, n, hash) != 0) {
		fprintf(stderr, "wangan-admin: password: hashing failed\n");
		goto fail;
	}
	db = db_new(cfg, sql, P__MAX);
	struct db_val tz[] = { DBS(tzoff) }, set[] = { DBS(hash), DBS(login) }, who[] = { DBS(login) };
	if (db == NULL || db_ensure(db) != DB_OK || DB_RUN(db, P_TZ, tz, NULL, NULL) != DB_OK ||
	    db_begin(db) != DB_OK) {
		fprintf(stderr, "wangan-admin: cannot reach the database\n");
		goto fail;
	}
	if (DB_RUN(db, P_SET, set, NULL, NULL) != DB_OK || db_affected(db) != 1) {
		db_rollback(db);
		fprintf(stderr, "wangan-admin: password: no account '%s'\n", login);
		goto fail;
	}
	if (DB_RUN(db, P_AUDIT, who, NULL, NULL) != DB_OK || db_commit(db) != DB_OK) {
		db_rollback(db);
		fprintf(stderr, "wangan-admin: password: the write failed\n");
		goto fail;
	}
	rc = 0;
fail:
	sodium_memzero(pw, sizeof(pw));
	db_free(db);
	return rc;
}
