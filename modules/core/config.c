/* config.c — the site configuration file; see config.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "config.h"

static char *
trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	char *e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* socket_mode in octal; a malformed or out-of-range value gives 0660. */
static unsigned
config_mode(const struct config *c)
{
	const char *v = config_get(c, "socket_mode", "0660");
	char *end;
	unsigned long m = strtoul(v, &end, 8);
	return end == v || *end != '\0' || m > 0777 ? 0660 : (unsigned)m;
}

static void
config_core(struct config *c)
{
	c->db_host = config_get(c, "db_host", NULL);
	c->db_socket = config_get(c, "db_socket", NULL);
	c->db_port = (unsigned)config_int(c, "db_port", 3306, 1, 65535);
	c->db_name = config_get(c, "db_name", "wangan");
	c->db_user = config_get(c, "db_user", "wangan");
	c->db_password = config_get(c, "db_password", NULL);
	c->xslt_dir = config_get(c, "xslt_dir", "/usr/share/wangan/xslt");
	c->csrf_secret = config_get(c, "csrf_secret", NULL);
	c->csrf_ttl = config_int(c, "csrf_ttl", 8 * 3600, 60, 7 * 86400);
	c->account_cache_seconds = config_int(c, "account_cache_seconds", 5, 0, 300);
	c->timezone = config_get(c, "timezone", "Asia/Shanghai");
	c->site_name = config_get(c, "site_name", "");
	c->socket_group = config_get(c, "socket_group", NULL);
	c->socket_mode = config_mode(c);
	c->workers = (int)config_int(c, "workers", 2, 1, 256);
	/* Chinese first (issue 13): only "en" changes it; the browser's Accept-Language does not */
	c->default_lang = strcmp(config_get(c, "default_lang", "zh-CN"), "en") == 0 ? 1 : 0;
}

/*
 * The modules line into c->modules, split in c->modules_buf: names of
 * [a-z][a-z0-9_]*, separated by blanks or commas, each once.  -1 with err
 * filled on anything else.
 */
static int
config_modules(struct config *c, char *err, size_t errlen)
{
	snprintf(c->modules_buf, sizeof(c->modules_buf), "%s", config_get(c, "modules", CONFIG_MODULES));
	c->nmodules = 0;
	for (char *s = c->modules_buf; *s; ) {
		if (isspace((unsigned char)*s) || *s == ',') {
			*s++ = '\0';
			continue;
		}
		char *name = s;
		while ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_')
			s++;
		if (*s && !isspace((unsigned char)*s) && *s != ',') {
			snprintf(err, errlen, "modules: '%c' in a module name", *s);
			return -1;
		}
		if (*s)
			*s++ = '\0';
		if (!(*name >= 'a' && *name <= 'z') || strlen(name) >= CONFIG_MODULE_NAME) {
			snprintf(err, errlen, "modules: bad module name '%.40s'", name);
			return -1;
		}
		for (size_t i = 0; i < c->nmodules; i++)
			if (strcmp(c->modules[i], name) == 0) {
				snprintf(err, errlen, "modules: '%s' named twice", name);
				return -1;
			}
		if (c->nmodules == CONFIG_MAX_MODULES) {
			snprintf(err, errlen, "modules: more than %d", CONFIG_MAX_MODULES);
			return -1;
		}
		c->modules[c->nmodules++] = name;
	}
	if (c->nmodules == 0) {
		snprintf(err, errlen, "modules: no module named");
		return -1;
	}
	return 0;
}

/*
 * Parses the whole text; on a malformed line fills err with its number and
 * returns -1.  A later line overrides an earlier one with the same key.
 */
int
config_parse(struct config *c, const char *text, char *err, size_t errlen)
{
	char line[CONFIG_MAX_LINE + 2];
	int lineno = 0;

	c->n = 0;
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t len = nl ? (size_t)(nl - text) : strlen(text);
		lineno++;
		if (len > CONFIG_MAX_LINE) {
			snprintf(err, errlen, "line %d: longer than %d bytes", lineno, CONFIG_MAX_LINE);
			return -1;
		}
		memcpy(line, text, len);
		line[len] = '\0';
		text += len + (nl ? 1 : 0);

		char *s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (eq == NULL) {
			snprintf(err, errlen, "line %d: expected key = value", lineno);
			return -1;
		}
		*eq = '\0';
		char *k = trim(s), *v = trim(eq + 1);
		if (*k == '\0' || strlen(k) >= sizeof(c->e[0].key)) {
			snprintf(err, errlen, "line %d: bad key", lineno);
			return -1;
		}
		size_t i;
		for (i = 0; i < c->n && strcmp(c->e[i].key, k) != 0; i++)
			;
		if (i == c->n) {
			if (c->n == CONFIG_MAX_ENTRIES) {
				snprintf(err, errlen, "line %d: more than %d keys", lineno, CONFIG_MAX_ENTRIES);
				return -1;
			}
			c->n++;
		}
		snprintf(c->e[i].key, sizeof(c->e[i].key), "%s", k);
		snprintf(c->e[i].val, sizeof(c->e[i].val), "%s", v);
	}
	config_core(c);
	return config_modules(c, err, errlen);
}

int
config_load(struct config *c, const char *path, char *err, size_t errlen)
{
	static char text[256 * 1024];
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		snprintf(err, errlen, "%s: cannot open", path);
		return -1;
	}
	size_t n = fread(text, 1, sizeof(text) - 1, f);
	int toolong = !feof(f);
	fclose(f);
	if (toolong) {
		snprintf(err, errlen, "%s: larger than %zu bytes", path, sizeof(text) - 1);
		return -1;
	}
	text[n] = '\0';
	return config_parse(c, text, err, errlen);
}

const char *
config_get(const struct config *c, const char *key, const char *def)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->e[i].key, key) == 0)
			return c->e[i].val;
	return def;
}

/* An integer setting clamped to [min,max]; a malformed value gives def. */
long
config_int(const struct config *c, const char *key, long def, long min, long max)
{
	const char *v = config_get(c, key, NULL);
	if (v == NULL || *v == '\0')
		return def;
	char *end;
	long n = strtol(v, &end, 10);
	if (*end != '\0')
		return def;
	return n < min ? min : n > max ? max : n;
}

void
config_zone(const struct config *c, char off[8])
{
	time_t t = time(NULL);
	struct tm tm;
	setenv("TZ", c->timezone, 1);
	tzset();
	localtime_r(&t, &tm);
	long m = tm.tm_gmtoff / 60;
	snprintf(off, 8, "%c%02ld:%02ld", m < 0 ? '-' : '+', labs(m) / 60 % 100, labs(m) % 60);
}
