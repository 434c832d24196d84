/*
 * export.c — GET /websites/export.xml (and `wangan-websites --export FILE`):
 * every filing with its unit, domain, name, state, site type, sections,
 * server location (with the VM or hosted server's id and IP), build method
 * (with its reason), the responsible leader, the administrator's contacts,
 * the dates, the opinions, the centre's part (IP, exposure, service types)
 * and the inventory entry.  One unbuffered query streamed row by row
 * through xmlTextWriter (xmlout.h), as the cloud export.  Valid against
 * schema/xml/websites.xsd.
 */
#include <string.h>
#include "websites.h"
#include "xmlout.h"

#define WS_XMLNS "urn:wangan:websites:1"

/* "http,https": one <service> each, in the SET's order (the XSD's enumeration). */
static void
services(struct xo *x, const char *set)
{
	char one[16];
	for (const char *p = set; *p; ) {
		size_t len = strcspn(p, ",");
		if (len > 0 && len < sizeof(one)) {
			memcpy(one, p, len);
			one[len] = '\0';
			xo_elem(x, "service", one);
		}
		p += len + (p[len] == ',');
	}
}

/* An opinion with the date it was given (the date alone of a DATETIME). */
static void
opinion(struct xo *x, const char *name, const char *text, const char *at)
{
	char day[11];
	if (!*text && !*at)
		return;
	xo_start(x, name);
	if (*at) {
		memcpy(day, at, 10);
		day[10] = '\0';
		xo_attr(x, "date", day);
	}
	if (*text && xmlTextWriterWriteString(x->w, BAD_CAST text) < 0)
		x->err = 1;
	xo_end(x);
}

static int
export_row(void *arg, const struct db_row *r)
{
	struct xo *x = arg;
	const char *const *v = r->v;
	xo_start(x, "site");
	xo_attr(x, "id", v[XC_ID]);
	xo_attr(x, "state", v[XC_STATE]);
	xo_start(x, "unit");
	xo_attr(x, "code", v[XC_UNIT_CODE]);
	xo_elem(x, "name", v[XC_UNIT_NAME]);
	xo_end(x);
	xo_elem(x, "domain", v[XC_DOMAIN]);
	xo_elem(x, "name", v[XC_NAME]);
	xo_start(x, "siteType");
	xo_elem(x, "language", v[XC_LANG]);
	xo_elem(x, "runtime", v[XC_RUNTIME]);
	xo_elem(x, "database", v[XC_DB]);
	xo_end(x);
	xo_elem(x, "sections", v[XC_SECTIONS]);
	xo_start(x, "location");
	xo_attr(x, "kind", v[XC_LOCATION]);
	if (*v[XC_VM]) {
		xo_start(x, "vm");
		xo_attr(x, "id", v[XC_VM]);
		if (*v[XC_VM_IP])	/* a hosted server may have none yet */
			xo_attr(x, "ip", v[XC_VM_IP]);
		xo_end(x);
	}
	xo_end(x);
	xo_start(x, "build");
	xo_attr(x, "kind", v[XC_BUILD]);
	xo_elem(x, "reason", v[XC_BUILD_REASON]);
	xo_end(x);
	if (*v[XC_LEADER] || *v[XC_LEADER_PHONE]) {
		xo_start(x, "leader");
		xo_elem(x, "name", v[XC_LEADER]);
		xo_elem(x, "phone", v[XC_LEADER_PHONE]);
		xo_end(x);
	}
	xo_start(x, "admin");
	xo_elem(x, "name", v[XC_ADMIN]);
	xo_elem(x, "phone", v[XC_ADMIN_PHONE]);
	xo_elem(x, "email", v[XC_ADMIN_EMAIL]);
	xo_elem(x, "mobile", v[XC_ADMIN_MOBILE]);
	xo_end(x);
	xo_elem(x, "applied", v[XC_APPLY_DATE]);
	xo_elem(x, "opened", v[XC_OPEN_DATE]);
	opinion(x, "unitOpinion", v[XC_UNIT_OPINION], v[XC_UNIT_AT]);
	opinion(x, "centerOpinion", v[XC_CENTER_OPINION], v[XC_CENTER_AT]);
	if (*v[XC_IP]) {	/* the centre's part of appendix 4, once it opened the site */
		xo_start(x, "center");
		xo_elem(x, "ip", v[XC_IP]);
		xo_elem(x, "exposed", strcmp(v[XC_EXPOSED], "1") == 0 ? "true" : "false");
		services(x, v[XC_SERVICES]);
		xo_elem(x, "otherService", v[XC_SERVICES_OTHER]);
		xo_end(x);
	}
	if (*v[XC_SYSTEM]) {
		xo_start(x, "system");
		xo_attr(x, "id", v[XC_SYSTEM]);
		xo_end(x);
	}
	xo_elem(x, "notes", v[XC_NOTES]);
	xo_datetime(x, "stateSince", v[XC_SINCE]);
	xo_datetime(x, "updated", v[XC_UPDATED]);
	xo_end(x);
	return x->err;
}

int
ws_export(struct ctx *c)
{
	struct xo x;
	if (xo_open(&x, c, "websites.xml", "sites", WS_XMLNS) != 0)
		return 500;
	xo_attr(&x, "today", wd_today_str(c->ar));
	enum db_rc rc = SQL_RUN0(c, WS_SQL_EXPORT, export_row, &x);
	return xo_close(&x, rc);
}
