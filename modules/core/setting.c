/* setting.c — the site settings' per-process cache; see setting.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "setting.h"
#include "sql.h"

static struct {
	struct {
		char key[SETTING_KEY_MAX];
		char val[SETTING_VAL_MAX];
		int set;		/* 0: the row says "the default" */
	} e[SETTING_MAX];
	size_t n;
	long long version;		/* MAX(version) the cache was loaded at; -1: never */
	time_t checked;
	unsigned long connects;
	/* the office's modules line, split once per reload (setting_modules) */
	const char *mods[CONFIG_MAX_MODULES];
	size_t nmods;
	int mods_parsed;		/* 1: parsed since the last reload */
	int mods_good;
	char mods_buf[SETTING_VAL_MAX];
} cache = { .version = -1 };

void
setting_reset(void)
{
	cache.n = 0;
	cache.version = -1;
	cache.checked = 0;
	cache.mods_parsed = 0;
}

void
setting_put(const char *key, const char *val)
{
	size_t i;
	for (i = 0; i < cache.n; i++)
		if (strcmp(cache.e[i].key, key) == 0)
			break;
	if (i == cache.n) {
		if (cache.n == SETTING_MAX || strlen(key) >= SETTING_KEY_MAX)
			return;
		cache.n++;
		snprintf(cache.e[i].key, sizeof(cache.e[i].key), "%s", key);
	}
	cache.e[i].set = val != NULL;
	snprintf(cache.e[i].val, sizeof(cache.e[i].val), "%s", val ? val : "");
	cache.mods_parsed = 0;
}

static int
setting_row(void *arg, const struct db_row *r)
{
	setting_put(r->v[SET_NAME], r->null[SET_VALUE] ? NULL : r->v[SET_VALUE]);
	return 0;
}

enum db_rc
setting_refresh(struct db *db)
{
	time_t now = time(NULL);
	if (cache.version >= 0 && cache.connects == db_connects(db) && now - cache.checked < SETTING_CHECK_SECONDS)
		return DB_OK;
	long long v = 0;
	enum db_rc rc = DB_RUN0(db, CORE_SQL_SETTING_VERSION, db_int_row, &v);
	if (rc != DB_OK)
		return rc;
	cache.checked = now;
	cache.connects = db_connects(db);
	if (v == cache.version)
		return DB_OK;
	cache.n = 0;
	cache.mods_parsed = 0;
	if ((rc = DB_RUN0(db, CORE_SQL_SETTINGS, setting_row, NULL)) != DB_OK) {
		cache.version = -1;
		return rc;
	}
	cache.version = v;
	return DB_OK;
}

static const char *
lookup(const char *key)
{
	for (size_t i = 0; i < cache.n; i++)
		if (strcmp(cache.e[i].key, key) == 0)
			return cache.e[i].set ? cache.e[i].val : NULL;
	return NULL;
}

const char *
setting_get(const struct config *cfg, const char *key, const char *def)
{
	const char *v = lookup(key);
	return v != NULL ? v : config_get(cfg, key, def);
}

long
setting_int(const struct config *cfg, const char *key, long def, long min, long max)
{
	const char *v = lookup(key);
	if (v != NULL && *v != '\0') {
		char *end;
		long n = strtol(v, &end, 10);
		if (*end == '\0' && n >= min && n <= max)
			return n;
	}
	return config_int(cfg, key, def, min, max);
}

int
setting_parse_modules(const struct config *cfg, const char *val, const char **out, size_t max,
    size_t *n, char *buf, size_t buflen, char *bad, size_t badlen)
{
	*n = 0;
	if (snprintf(buf, buflen, "%s", val) >= (int)buflen) {
		snprintf(bad, badlen, "%s", "");
		return -1;
	}
	for (char *s = buf; *s; ) {
		if (*s == ' ' || *s == ',' || *s == '\t') {
			*s++ = '\0';
			continue;
		}
		char *name = s;
		while (*s && *s != ' ' && *s != ',' && *s != '\t')
			s++;
		if (*s)
			*s++ = '\0';
		size_t k;
		for (k = 0; k < cfg->nmodules; k++)
			if (strcmp(cfg->modules[k], name) == 0)
				break;
		int twice = 0;
		for (size_t j = 0; j < *n; j++)
			twice |= strcmp(out[j], name) == 0;
		if (k == cfg->nmodules || twice || *n == max) {
			snprintf(bad, badlen, "%s", name);
			return -1;
		}
		out[(*n)++] = name;
	}
	if (*n == 0) {
		snprintf(bad, badlen, "%s", "");
		return -1;
	}
	return 0;
}

const char *const *
setting_modules(const struct config *cfg, size_t *n)
{
	const char *v = lookup("modules");
	if (v == NULL) {
		*n = cfg->nmodules;
		return cfg->modules;
	}
	if (!cache.mods_parsed) {
		char bad[CONFIG_MODULE_NAME];
		cache.mods_good = setting_parse_modules(cfg, v, cache.mods, CONFIG_MAX_MODULES, &cache.nmods,
		    cache.mods_buf, sizeof(cache.mods_buf), bad, sizeof(bad)) == 0;
		cache.mods_parsed = 1;
	}
	if (!cache.mods_good) {
		*n = cfg->nmodules;
		return cfg->modules;
	}
	*n = cache.nmods;
	return cache.mods;
}
