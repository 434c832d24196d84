/*
 * setting.h — the site settings the office changes on its page
 * (/office/settings, table site_setting of schema 027) over wangan.conf's
 * values, without a restart.  wangan.conf's value is the default; a row of
 * site_setting with a value wins; a row whose value is NULL is "back to the
 * default".
 *
 * Each process keeps the rows in a small cache.  setting_refresh() runs
 * before every request (worker.c); at most once per SETTING_CHECK_SECONDS
 * it asks the database one cheap question — SELECT MAX(version) FROM
 * site_setting, one index read: version is one sequence over the table —
 * and reloads the rows only when the answer changed.  So a change reaches
 * every worker of every module within SETTING_CHECK_SECONDS.
 *
 * Modules read their settings through setting_get()/setting_int() at the
 * moment they use them (never copied at start), and the navigation takes
 * its modules from setting_modules().  The office validates every value
 * before it is stored; a value that is still not good here (a row written
 * by hand) is ignored and the default used, so a bad row never breaks a page.
 */
#ifndef WANGAN_SETTING_H
#define WANGAN_SETTING_H
#include <stddef.h>
#include "config.h"
#include "db.h"

#define SETTING_CHECK_SECONDS 5
#define SETTING_MAX 32		/* rows kept; the office page knows fewer keys than this */
#define SETTING_KEY_MAX 64
#define SETTING_VAL_MAX 1024

/* Asks the database at most once per SETTING_CHECK_SECONDS whether a setting changed, and reloads. */
enum db_rc setting_refresh(struct db *db);
/* Forgets the cache (a test, a CLI run): the next refresh reloads. */
void setting_reset(void);
/* Adds or replaces one row in the cache (setting_refresh's row callback; tests). val NULL: the default. */
void setting_put(const char *key, const char *val);
/* The site's value of key: the office's, else wangan.conf's, else def. */
const char *setting_get(const struct config *cfg, const char *key, const char *def);
/* An integer setting in [min, max]: the office's when it is one, else config_int()'s. */
long setting_int(const struct config *cfg, const char *key, long def, long min, long max);
/*
 * The modules the navigation lists, in order: the office's "modules" when it
 * names a good list (each one of cfg->modules — a module the site runs —
 * once, at least one), else cfg->modules.  *n gets their count.
 */
const char *const *setting_modules(const struct config *cfg, size_t *n);
/*
 * Checks a modules value as the office types it (names separated by blanks
 * or commas): 0 when good, else -1 with the offending name (or "" for an
 * empty list) in bad (badlen bytes).  Good names are written to out[] in
 * buf (buflen), *n their count.
 */
int setting_parse_modules(const struct config *cfg, const char *val, const char **out, size_t max,
    size_t *n, char *buf, size_t buflen, char *bad, size_t badlen);
#endif
