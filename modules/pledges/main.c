/*
 * main.c — wangan-pledges: routes, views, settings, verbs (statements: sql.c).
 */
#include <stdio.h>
#include <string.h>
#include "pledges.h"

const char *const pl_kind_code[PL_KIND__MAX] = {
	"school_pledge", "unit_pledge", "letter1", "letter2", "website",
	"cloud_vm", "hosted_server", "software",
};
const char *const pl_party_code[PL_PARTY__MAX] = { "unit", "vendor", "person" };
const enum pl_party pl_kind_party[PL_KIND__MAX] = {
	[PL_SCHOOL_PLEDGE] = PL_UNIT, [PL_UNIT_PLEDGE] = PL_UNIT, [PL_LETTER1] = PL_UNIT,
	[PL_LETTER2] = PL_VENDOR, [PL_WEBSITE] = PL_UNIT, [PL_CLOUD_VM] = PL_UNIT,
	[PL_HOSTED_SERVER] = PL_UNIT, [PL_SOFTWARE] = PL_PERSON,
};

struct pl_settings pl_set;

static const struct route routes[] = {
	{ REQ_GET,  "",                   pl_coverage,   ROLES_ALL, 0 },
	{ REQ_GET,  "units/{id}",         pl_unit,       ROLES_ALL, 0 },
	{ REQ_POST, "units/{id}/persons", pl_person_add, ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_GET,  "sign",               pl_sign_form,  ROLES_UNIT | ROLE_OFFICE, 0 },
	{ REQ_POST, "sign",               pl_sign,       ROLES_UNIT | ROLE_OFFICE, ROUTE_UPLOAD },
	{ REQ_GET,  "signings/{id}",      pl_signing,    ROLES_ALL, 0 },
	{ REQ_GET,  "signings/{id}/scan", pl_scan,       ROLES_ALL, 0 },
	{ REQ_POST, "units/{id}/requirements", pl_requirement, ROLE_OFFICE, 0 },
	{ REQ_GET,  "vendors",            pl_vendors,    ROLES_ALL, 0 },
	{ REQ_GET,  "vendors/new",        pl_vendor_form, ROLE_OFFICE, 0 },
	{ REQ_POST, "vendors/new",        pl_vendor_save, ROLE_OFFICE, 0 },
	{ REQ_GET,  "vendors/{id}",       pl_vendor,     ROLES_ALL, 0 },
	{ REQ_GET,  "vendors/{id}/edit",  pl_vendor_form, ROLE_OFFICE, 0 },
	{ REQ_POST, "vendors/{id}/edit",  pl_vendor_save, ROLE_OFFICE, 0 },
	{ REQ_GET,  "templates/new",      pl_publish_form, ROLE_OFFICE, 0 },
	{ REQ_POST, "templates/new",      pl_publish,    ROLE_OFFICE, ROUTE_LONGFORM },
	{ REQ_GET,  "templates",          pl_templates,  ROLES_ALL, 0 },
	{ REQ_GET,  "templates/{id}",     pl_template,   ROLES_ALL, 0 },
	{ REQ_GET,  "templates/{id}/print", pl_print,    ROLES_ALL, 0 },
	{ REQ_GET,  "export.xml",         pl_export,     ROLES_READ_ALL, 0 },
};

static const char *const views[PL_VIEW__MAX] = {
	[PL_VIEW_COVERAGE] = "pledges/coverage", [PL_VIEW_UNIT] = "pledges/unit",
	[PL_VIEW_SIGN] = "pledges/sign", [PL_VIEW_SIGNING] = "pledges/signing",
	[PL_VIEW_TEMPLATES] = "pledges/templates", [PL_VIEW_TEMPLATE] = "pledges/template",
	[PL_VIEW_PRINT] = "pledges/print", [PL_VIEW_VENDORS] = "pledges/vendors",
	[PL_VIEW_VENDOR] = "pledges/vendor", [PL_VIEW_VENDOR_FORM] = "pledges/vendor_form",
	[PL_VIEW_PUBLISH] = "pledges/publish",
};

void
pl_attrs(xmlNodePtr n, const struct db_row *r, const struct pl_attr *a, size_t na)
{
	for (size_t i = 0; i < na; i++)
		pg_attr(n, a[i].name, r->v[a[i].col]);
}

int
pl_kind(const char *code)
{
	for (int k = 0; code != NULL && k < PL_KIND__MAX; k++)
		if (strcmp(code, pl_kind_code[k]) == 0)
			return k;
	return -1;
}

void
pl_kinds_node(struct ctx *c)
{
	xmlNodePtr ks = pg_node(c->data, "kinds");
	pg_attri(ks, "resign-days", pl_set.resign_days);
	for (int k = 0; k < PL_KIND__MAX; k++) {
		xmlNodePtr n = pg_node(ks, "kind");
		pg_attr(n, "code", pl_kind_code[k]);
		pg_attr(n, "party", pl_party_code[pl_kind_party[k]]);
		pg_attr(n, "resign", pl_set.resign[k] ? "1" : "0");
	}
}

/*
 * pledges.resign_kinds: which kinds need signing again when a unit's first
 * responsible person changes (default: the school and unit pledges, seed
 * 000); pledges.resign_days: within how many working days (default 10).
 */
static int
pl_init(const struct config *cfg)
{
	char list[256];
	size_t n = 0;
	snprintf(list, sizeof(list), ",%s,", config_get(cfg, "pledges.resign_kinds",
	    "school_pledge,unit_pledge"));
	for (char *p = list; *p; p++)
		if (*p == ' ')
			*p = ',';
	pl_set.resign_days = (int)config_int(cfg, "pledges.resign_days", 10, 1, 90);
	pl_set.domain = config_get(cfg, "pledges.domain", "example.edu.cn");
	pl_set.resign_list[0] = '\0';
	for (int k = 0; k < PL_KIND__MAX; k++) {
		char key[40];
		snprintf(key, sizeof(key), ",%s,", pl_kind_code[k]);
		/* only units have a first responsible person to change */
		pl_set.resign[k] = pl_kind_party[k] == PL_UNIT && strstr(list, key) != NULL;
		if (pl_set.resign[k])
			n += (size_t)snprintf(pl_set.resign_list + n, sizeof(pl_set.resign_list) - n,
			    "%s%s", n ? "," : "", pl_kind_code[k]);
		pl_set.kind_choices[k] = pl_kind_code[k];
	}
	pl_set.kind_choices[PL_KIND__MAX] = NULL;
	return 0;
}

static const struct verb verbs[] = {
	{ "demo", "synthetic demo data", pl_demo },
};

static const struct module pledges = {
	.name = "pledges",
	.routes = routes, .nroutes = APP_COUNT(routes),
	.sql = pl_sql, .nsql = PL_SQL__MAX,
	.views = views, .nviews = PL_VIEW__MAX,
	.init = pl_init,
	.export_fn = pl_export,
	.verbs = verbs, .nverbs = APP_COUNT(verbs),
};

int
main(int argc, char **argv)
{
	return app_main(&pledges, argc, argv);
}
