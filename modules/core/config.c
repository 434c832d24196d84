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
	return 0;
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
