/*
 * config.h — the site's configuration file: `key = value` lines, `#`
 * comments.  var/wangan.conf in development, /etc/wangan/wangan.conf in
 * production.  Core keys are fields; module settings (`registration.*`) are
 * read with config_get() and fall back to the caller's default.
 */
#ifndef WANGAN_CONFIG_H
#define WANGAN_CONFIG_H
#include <stddef.h>

#define CONFIG_MAX_ENTRIES 128
#define CONFIG_MAX_LINE    1024
#define CONFIG_DEFAULT     "/etc/wangan/wangan.conf"
/* `modules = …`: the site's modules, in the order the navigation lists them */
#define CONFIG_MAX_MODULES 16
#define CONFIG_MODULE_NAME 32
#define CONFIG_MODULES     "registration pledges systems incidents"

struct config_entry {
	char key[64];
	char val[CONFIG_MAX_LINE];
};

struct config {
	struct config_entry e[CONFIG_MAX_ENTRIES];
	size_t n;
	/* core settings, filled by config_load() from the entries */
	const char *db_host, *db_socket, *db_name, *db_user, *db_password;
	unsigned db_port;
	const char *xslt_dir, *csrf_secret, *timezone, *site_name;
	const char *socket_group;
	unsigned socket_mode;
	int workers;
	long csrf_ttl;		/* seconds a form token stays valid */
	long account_cache_seconds;	/* seconds a worker keeps an account (0: off) */
	/* modules: the enabled modules' names (nav.c links each), CONFIG_MODULES by default */
	const char *modules[CONFIG_MAX_MODULES];
	size_t nmodules;
	char modules_buf[CONFIG_MAX_LINE];
	/* default_lang: the site's language when the user has not chosen one (0 zh-CN, 1 en) */
	int default_lang;
};

/*
 * config_parse() fails on a modules line that names no module, more than
 * CONFIG_MAX_MODULES, one twice, or a name that is not [a-z][a-z0-9_]* of
 * fewer than CONFIG_MODULE_NAME bytes; names are separated by blanks or commas.
 */
int config_load(struct config *c, const char *path, char *err, size_t errlen);
int config_parse(struct config *c, const char *text, char *err, size_t errlen);
const char *config_get(const struct config *c, const char *key, const char *def);
long config_int(const struct config *c, const char *key, long def, long min, long max);
/*
 * Makes the site's zone (c->timezone) the process's, and writes its offset
 * from UTC now as "+08:00" for MariaDB's SET time_zone, so DATETIME columns
 * and CURRENT_TIMESTAMP are the site's time (DESIGN.md, data rules).
 */
void config_zone(const struct config *c, char off[8]);
#endif
