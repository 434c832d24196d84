/*
 * stmt_check CONFIG — db.c's statement checks against a real MariaDB (the
 * test stack's): a table entry whose parameter count, column names or
 * column order disagree with its SQL, or whose SQL names a table that does
 * not exist, must make db_ensure() answer DB_ERR (the module then refuses
 * to start) and not DB_OK or DB_LOST; a run with the wrong number of
 * arguments must fail.  Prints one line per case and exits 0 only when
 * every case came out as expected.  Run by tests/http/test_05_statements.py.
 */
#include <stdio.h>
#include "config.h"
#include "db.h"
#include "log.h"

static const char *const good_cols[] = { "id", "code", NULL };
static const char *const swapped_cols[] = { "code", "id", NULL };
static const char *const short_cols[] = { "id", NULL };
static const char *const coalesce_cols[] = { "name_en", NULL };
static const char *const n_cols[] = { "n", NULL };

static const struct {
	const char *what;
	struct db_stmt st;
	enum db_rc want;
} cases[] = {
	{ "statement as its entry says", { "GOOD", "SELECT id, code FROM unit WHERE id = ?", 1, good_cols }, DB_OK },
	{ "an expression named by its alias", { "ALIAS", "SELECT COUNT(*) AS n FROM unit", 0, n_cols }, DB_OK },
	{ "a write without a result", { "WRITE", "UPDATE unit SET version = version WHERE id = ?", 1, NULL }, DB_OK },
	{ "entry counts 2 parameters, SQL has 1", { "NPARAM", "SELECT id, code FROM unit WHERE id = ?", 2, good_cols }, DB_ERR },
	{ "entry counts 1 parameter, SQL has none", { "NPARAM0", "SELECT id, code FROM unit", 1, good_cols }, DB_ERR },
	{ "columns reordered in the SELECT", { "ORDER", "SELECT code, id FROM unit WHERE id = ?", 1, good_cols }, DB_ERR },
	{ "entry names the columns in another order", { "SWAP", "SELECT id, code FROM unit WHERE id = ?", 1, swapped_cols }, DB_ERR },
	{ "SELECT gives a column the entry lacks", { "EXTRA", "SELECT id, code FROM unit WHERE id = ?", 1, short_cols }, DB_ERR },
	{ "an expression without its alias", { "NOALIAS", "SELECT COALESCE(name_en, '') FROM unit", 0, coalesce_cols }, DB_ERR },
	{ "entry says no result, SQL gives one", { "NORESULT", "SELECT id FROM unit", 0, NULL }, DB_ERR },
	{ "entry names columns, SQL gives none", { "NOCOLS", "UPDATE unit SET version = version WHERE id = ?", 1, short_cols }, DB_ERR },
	{ "a table that does not exist", { "TABLE", "SELECT id, code FROM no_such_table WHERE id = ?", 1, good_cols }, DB_ERR },
};

static const char *
rc_name(enum db_rc rc)
{
	return rc == DB_OK ? "DB_OK" : rc == DB_LOST ? "DB_LOST" : rc == DB_DUP ? "DB_DUP" : "DB_ERR";
}

int
main(int argc, char **argv)
{
	static struct config cfg;
	char err[256];
	int bad = 0;

	if (argc != 2 || config_load(&cfg, argv[1], err, sizeof(err)) != 0) {
		fprintf(stderr, "usage: stmt_check CONFIG\n");
		return 2;
	}
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct db *db = db_new(&cfg, &cases[i].st, 1);
		enum db_rc rc = db == NULL ? DB_ERR : db_ensure(db);
		int ok = rc == cases[i].want;
		printf("%s %s: %s (want %s)\n", ok ? "ok" : "FAIL", cases[i].what, rc_name(rc),
		    rc_name(cases[i].want));
		bad += !ok;
		if (rc == DB_OK && cases[i].st.nparam == 1) {
			/* the right statement, run with the wrong number of arguments */
			struct db_val p[] = { DBI(1), DBI(2) };
			rc = db_run(db, 0, p, 2, NULL, NULL);
			ok = rc == DB_ERR;
			printf("%s %s, run with 2 arguments: %s (want DB_ERR)\n", ok ? "ok" : "FAIL",
			    cases[i].what, rc_name(rc));
			bad += !ok;
		}
		db_free(db);
	}
	return bad ? 1 : 0;
}
