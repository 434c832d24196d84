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
	/* SYS_SQL_EXPORT: id, unit code, unit name, name, kind, url, ips, purpose, vendor id,
	 * name, uscc, hosting, admin, phone, status, go-live, level, graded, review, filing
	 * no, filing date, cii, assessment id, date, agency, result, score, next due, updated */
	struct xo *x = arg;
	const char *const *v = r->v;
	xo_start(x, "system");
	xo_attr(x, "id", v[0]);
	xo_attr(x, "kind", v[4]);
	xo_attr(x, "status", v[14]);
	xo_attr(x, "cii", strcmp(v[21], "1") == 0 ? "true" : "false");
	xo_start(x, "unit");
	xo_attr(x, "code", v[1]);
	xo_elem(x, "name", v[2]);
	xo_end(x);
	xo_elem(x, "name", v[3]);
	xo_elem(x, "url", v[5]);
	if (*v[6])
		ips(x, v[6]);
	xo_elem(x, "purpose", v[7]);
	if (strcmp(v[8], "0") != 0) {
		xo_start(x, "vendor");
		xo_attr(x, "id", v[8]);
		xo_attr(x, "uscc", v[10]);
		xo_elem(x, "name", v[9]);
		xo_end(x);
	}
	xo_elem(x, "hosting", v[11]);
	xo_start(x, "admin");
	xo_elem(x, "name", v[12]);
	xo_elem(x, "phone", v[13]);
	xo_end(x);
	xo_elem(x, "goLive", v[15]);
	if (strcmp(v[16], "0") != 0) {
		xo_start(x, "grading");
		xo_attr(x, "level", v[16]);
		xo_elem(x, "graded", v[17]);
		xo_elem(x, "expertReview", v[18]);
		/* level 2 and above: public security; level 1: the office */
		if (*v[19]) {
			xo_start(x, "filing");
			xo_elem(x, "number", v[19]);
			xo_elem(x, "date", v[20]);
			xo_end(x);
		}
		xo_end(x);
	}
	if (strcmp(v[22], "0") != 0) {
		xo_start(x, "lastAssessment");
		xo_attr(x, "id", v[22]);
		xo_elem(x, "date", v[23]);
		xo_elem(x, "agency", v[24]);
		xo_elem(x, "result", v[25]);
		xo_elem(x, "score", v[26]);
		xo_end(x);
	}
	xo_elem(x, "nextDue", v[27]);
	xo_datetime(x, "updated", v[28]);
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
	enum db_rc rc = db_run(c->db, SQL(SYS_SQL_EXPORT), NULL, 0, export_row, &x);
	return xo_close(&x, rc);
}
