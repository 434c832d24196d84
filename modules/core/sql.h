/*
 * sql.h — the core's statements, first in every worker's table (sql.c), and
 * how a module names its own: a module's statement id is SQL(id), after the
 * core's, and SQL_RUN() runs it with its argument count checked at compile
 * time (db.h).
 */
#ifndef WANGAN_SQL_H
#define WANGAN_SQL_H
#include "db.h"

#define CORE_STATEMENTS(S) \
	S(CORE_SQL_ACCOUNT, 1) \
	S(CORE_SQL_AUDIT, 11) \
	S(CORE_SQL_CALENDAR, 0) \
	S(CORE_SQL_TZ, 1) \
	S(CORE_SQL_LOCK_WAIT, 1) \
	S(CORE_SQL_NONCE_GET, 2) \
	S(CORE_SQL_NONCE_TAKE, 4) \
	S(CORE_SQL_NONCE_DONE, 2) \
	S(CORE_SQL_NONCE_PURGE, 1) \
	/* i13 login: the account a campus SSO name maps to (auth.c) */ \
	S(CORE_SQL_ACCOUNT_SSO, 1) \
	/* i13 office: the site settings' cache (setting.c) */ \
	S(CORE_SQL_SETTING_VERSION, 0) \
	S(CORE_SQL_SETTINGS, 0) \
	/* i13 lists: the unit pickers (unitpick.c) */ \
	S(CORE_SQL_UNIT_PICK, 1)
DB_STATEMENTS(core_sql, CORE_STATEMENTS, CORE_SQL__MAX);

/* CORE_SQL_ACCOUNT's columns (and CORE_SQL_ACCOUNT_SSO's). */
enum { ACC_ID, ACC_LOGIN, ACC_NAME, ACC_ROLE, ACC_UNIT_ID, ACC_UNIT_CODE, ACC_UNIT_NAME,
	ACC_UNIT_NAME_EN, ACC__MAX };
/* CORE_SQL_NONCE_GET's. */
enum { NONCE_THEN_URL, NONCE__MAX };
/* CORE_SQL_SETTINGS' (i13 office). */
enum { SET_NAME, SET_VALUE, SET__MAX };
/* CORE_SQL_CALENDAR's. */
enum { CAL_DAY, CAL_KIND, CAL__MAX };

extern const struct db_stmt core_sql[CORE_SQL__MAX];

#define SQL(id) (CORE_SQL__MAX + (int)(id))
/* A module's statement id with the array p of its parameters, or none (SQL_RUN0). */
#define SQL_RUN(c, id, p, fn, arg) \
	db_run((c)->db, SQL(id), (p), DB_CHECKED(DB_NARGS(p), id##__NP), (fn), (arg))
#define SQL_RUN0(c, id, fn, arg) \
	db_run((c)->db, SQL(id), NULL, DB_CHECKED(0, id##__NP), (fn), (arg))
#endif
