/*
 * main.c — wangan-home: routes, views, settings (statements: sql.c).
 */
#include <stdio.h>
#include <string.h>
#include "home.h"
#include "remind.h"

static const struct route routes[] = {
	{ REQ_GET, "",                 hm_todo,  ROLES_ALL, 0 },
	{ REQ_GET, "guide/unit_staff", hm_guide, ROLES_ALL, 0 },
	{ REQ_GET, "guide/unit_head",  hm_guide, ROLES_ALL, 0 },
	{ REQ_GET, "guide/office",     hm_guide, ROLES_ALL, 0 },
	{ REQ_GET, "guide/leader",     hm_guide, ROLES_ALL, 0 },
	{ REQ_GET, "guide/auditor",    hm_guide, ROLES_ALL, 0 },
	{ REQ_GET, "guide/center",     hm_guide, ROLES_ALL, 0 },
};

static const char *const views[HM_VIEW__MAX] = {
	[HM_VIEW_TODO] = "home/todo", [HM_VIEW_GUIDE] = "home/guide",
};

static const struct verb verbs[] = {
	{ "remind", "one round of e-mail reminders (remind.h): queue what is due, send the outbox", hm_remind },
};

struct hm_settings hm_set;

/*
 * A setting's list of names ("a, b c") as FIND_IN_SET wants it ("a,b,c"),
 * after the names always in it (first): only [a-z0-9_] names pass, so
 * nothing but names reaches SQL's list.  -1 when it does not fit.
 */
static int
name_list(const char *first, const char *src, char *out, size_t cap)
{
	size_t n = 0;
	out[0] = '\0';
	for (int pass = 0; pass < 2; pass++) {
		const char *p = pass ? src : first;
		while (*p) {
			while (*p == ',' || *p == ' ' || *p == '\t')
				p++;
			size_t len = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789_");
			if (len == 0) {
				if (*p == '\0')
					break;
				return -1;	/* not a name */
			}
			if (n + len + 2 > cap)
				return -1;
			if (n)
				out[n++] = ',';
			memcpy(out + n, p, len);
			n += len;
			out[n] = '\0';
			p += len;
		}
	}
	return 0;
}

/*
 * home.soon_days (working days, default 5) and home.soon_hours (default
 * 24): how far ahead "due soon" looks.  The rules of the other modules that
 * decide what an item is (which roles a site keeps, which pledges it
 * re-signs and within how long) are read from their own settings, the same
 * lines of the same file, so the home page never disagrees with them.
 */
static int
hm_init(const struct config *cfg)
{
	hm_set.soon_days = (int)config_int(cfg, "home.soon_days", 5, 1, 60);
	hm_set.soon_hours = (int)config_int(cfg, "home.soon_hours", 24, 1, 24 * 14);
	hm_set.resign_days = (int)config_int(cfg, "pledges.resign_days", 10, 1, 90);
	if (name_list("", config_get(cfg, "pledges.resign_kinds", "school_pledge,unit_pledge"),
	    hm_set.resign_kinds, sizeof(hm_set.resign_kinds)) != 0 ||
	    name_list("first,direct,secadmin", config_get(cfg, "registration.roles", ""),
	    hm_set.roles, sizeof(hm_set.roles)) != 0) {
		fprintf(stderr, "wangan-home: pledges.resign_kinds and registration.roles must be lists of names\n");
		return -1;
	}
	/* the enabled modules as one FIND_IN_SET list: config.c has checked every name */
	size_t n = 0;
	hm_set.modules[0] = '\0';
	for (size_t i = 0; i < cfg->nmodules; i++) {
		int w = snprintf(hm_set.modules + n, sizeof(hm_set.modules) - n, "%s%s", n ? "," : "",
		    cfg->modules[i]);
		if (w < 0 || (size_t)w >= sizeof(hm_set.modules) - n)
			return -1;
		n += (size_t)w;
	}
	return rm_init(cfg);
}

static const struct module home = {
	.name = "home",
	.routes = routes, .nroutes = APP_COUNT(routes),
	.sql = hm_sql, .nsql = HM_SQL__MAX,
	.views = views, .nviews = HM_VIEW__MAX,
	.init = hm_init,
	.verbs = verbs, .nverbs = APP_COUNT(verbs),
};

int
main(int argc, char **argv)
{
	return app_main(&home, argc, argv);
}
