/*
 * export.c — GET /systems/export.xml (and `wangan-systems --export FILE`):
 * the inventory for the upstream platforms — every system with its unit,
 * kind, addresses, vendor, hosting, administrator, lifecycle, protection
 * level, filing, last assessment and next due date.  One unbuffered query
 * streamed row by row through xmlTextWriter (xmlout.h), so memory stays
 * flat whatever the size.  Valid against schema/xml/systems.xsd.
 */
#include <string.h>
#include "systems.h"
#include "xmlout.h"

#define SYS_XMLNS "urn:wangan:systems:1"

/* The addresses as stored ("10.1.2.3, 2001:db8::1"), one <ip> each. */
static void
ips(struct xo *x, const char *s)
{
	char ip[64];
	xo_start(x, "ips");
	for (const char *p = s; *p; ) {
		size_t skip = strspn(p, ", "), len = strcspn(p + skip, ", ");
		p += skip;
		if (len == 0)
			break;
		if (len < sizeof(ip)) {
			memcpy(ip, p, len);
			ip[len] = '\0';
			xo_elem(x, "ip", ip);
		}
		p += len;
	}
	xo_end(x);
}

static int
export_row(void *arg, const struct db_row *r)
{
	struct xo *x = arg;
	const char *const *v = r->v;
	xo_start(x, "system");
	xo_attr(x, "id", v[X_ID]);
	xo_attr(x, "kind", v[X_KIND]);
	xo_attr(x, "status", v[X_STATUS]);
	xo_attr(x, "cii", strcmp(v[X_CII], "1") == 0 ? "true" : "false");
	xo_start(x, "unit");
	xo_attr(x, "code", v[X_UNIT_CODE]);
	xo_elem(x, "name", v[X_UNIT_NAME]);
	xo_end(x);
	xo_elem(x, "name", v[X_NAME]);
	xo_elem(x, "url", v[X_URL]);
	if (*v[X_IPS])
		ips(x, v[X_IPS]);
	xo_elem(x, "purpose", v[X_PURPOSE]);
	if (strcmp(v[X_VENDOR_ID], "0") != 0) {
		xo_start(x, "vendor");
		xo_attr(x, "id", v[X_VENDOR_ID]);
		xo_attr(x, "uscc", v[X_VENDOR_USCC]);
		xo_elem(x, "name", v[X_VENDOR_NAME]);
		xo_end(x);
	}
	xo_elem(x, "hosting", v[X_HOSTING]);
	xo_start(x, "admin");
	xo_elem(x, "name", v[X_ADMIN]);
	xo_elem(x, "phone", v[X_PHONE]);
	xo_end(x);
	xo_elem(x, "goLive", v[X_GOLIVE]);
	if (strcmp(v[X_LEVEL], "0") != 0) {
		xo_start(x, "grading");
		xo_attr(x, "level", v[X_LEVEL]);
		xo_elem(x, "graded", v[X_GRADED]);
		xo_elem(x, "expertReview", v[X_REVIEW]);
		/* level 2 and above: public security; level 1: the office */
		if (*v[X_FILING_NO]) {
			xo_start(x, "filing");
			xo_elem(x, "number", v[X_FILING_NO]);
			xo_elem(x, "date", v[X_FILING_DATE]);
			xo_end(x);
		}
		xo_end(x);
	}
	if (strcmp(v[X_ASSESSMENT], "0") != 0) {
		xo_start(x, "lastAssessment");
		xo_attr(x, "id", v[X_ASSESSMENT]);
		xo_elem(x, "date", v[X_ASSESSED]);
		xo_elem(x, "agency", v[X_AGENCY]);
		xo_elem(x, "result", v[X_RESULT]);
		xo_elem(x, "score", v[X_SCORE]);
		xo_end(x);
	}
	xo_elem(x, "nextDue", v[X_NEXT_DUE]);
	xo_datetime(x, "updated", v[X_UPDATED]);
	xo_end(x);
	return x->err;
}

int
sys_export(struct ctx *c)
{
	struct xo x;
	if (xo_open(&x, c, "systems.xml", "systems", SYS_XMLNS) != 0)
		return 500;
	xo_attr(&x, "today", sys_today(c));
	enum db_rc rc = SQL_RUN0(c, SYS_SQL_EXPORT, export_row, &x);
	return xo_close(&x, rc);
}
