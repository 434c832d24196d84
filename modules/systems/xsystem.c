/* xsystem.c — see xsystem.h. */
#include <string.h>
#include "xsystem.h"

DB_COLNAMES(sys_x_cols, SYS_X_COLS);

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

void
sys_x_row(struct xo *x, const struct db_row *r)
{
	const char *const *v = r->v;
	xo_start(x, "system");
	xo_attr(x, "id", v[XS_ID]);
	xo_attr(x, "kind", v[XS_KIND]);
	xo_attr(x, "status", v[XS_STATUS]);
	xo_attr(x, "cii", strcmp(v[XS_CII], "1") == 0 ? "true" : "false");
	xo_start(x, "unit");
	xo_attr(x, "code", v[XS_UNIT_CODE]);
	xo_elem(x, "name", v[XS_UNIT_NAME]);
	xo_end(x);
	xo_elem(x, "name", v[XS_NAME]);
	xo_elem(x, "url", v[XS_URL]);
	if (*v[XS_IPS])
		ips(x, v[XS_IPS]);
	xo_elem(x, "purpose", v[XS_PURPOSE]);
	if (strcmp(v[XS_VENDOR_ID], "0") != 0) {
		xo_start(x, "vendor");
		xo_attr(x, "id", v[XS_VENDOR_ID]);
		xo_attr(x, "uscc", v[XS_VENDOR_USCC]);
		xo_elem(x, "name", v[XS_VENDOR_NAME]);
		xo_end(x);
	}
	xo_elem(x, "hosting", v[XS_HOSTING]);
	xo_start(x, "admin");
	xo_elem(x, "name", v[XS_ADMIN]);
	xo_elem(x, "phone", v[XS_PHONE]);
	xo_end(x);
	xo_elem(x, "goLive", v[XS_GOLIVE]);
	if (strcmp(v[XS_LEVEL], "0") != 0) {
		xo_start(x, "grading");
		xo_attr(x, "level", v[XS_LEVEL]);
		xo_elem(x, "graded", v[XS_GRADED]);
		xo_elem(x, "expertReview", v[XS_REVIEW]);
		/* level 2 and above: public security; level 1: the office */
		if (*v[XS_FILING_NO]) {
			xo_start(x, "filing");
			xo_elem(x, "number", v[XS_FILING_NO]);
			xo_elem(x, "date", v[XS_FILING_DATE]);
			xo_end(x);
		}
		xo_end(x);
	}
	if (strcmp(v[XS_ASSESSMENT], "0") != 0) {
		xo_start(x, "lastAssessment");
		xo_attr(x, "id", v[XS_ASSESSMENT]);
		xo_elem(x, "date", v[XS_ASSESSED]);
		xo_elem(x, "agency", v[XS_AGENCY]);
		xo_elem(x, "result", v[XS_RESULT]);
		xo_elem(x, "score", v[XS_SCORE]);
		xo_end(x);
	}
	xo_elem(x, "nextDue", v[XS_NEXT_DUE]);
	xo_datetime(x, "updated", v[XS_UPDATED]);
	xo_end(x);
}
