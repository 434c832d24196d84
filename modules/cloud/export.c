/*
 * export.c — GET /cloud/export.xml (and `wangan-cloud --export FILE`):
 * every VM request with its unit, applicant, image, resources, period,
 * purpose, state, the systems it hosts and the centre's provisioning
 * (server name, IP, netmask, gateway, date).  One unbuffered query streamed
 * row by row through xmlTextWriter (xmlout.h), as the systems export.
 * Valid against schema/xml/cloud.xsd.
 */
#include <string.h>
#include "cloud.h"
#include "xmlout.h"

#define CL_XMLNS "urn:wangan:cloud:1"

/* The linked systems: ids "3,17" and their names apart by 0x1f, in the same order. */
static void
systems(struct xo *x, const char *ids, const char *names)
{
	char id[24], name[1024];
	xo_start(x, "systems");
	for (const char *p = ids, *q = names; *p; ) {
		size_t len = strcspn(p, ","), nlen = strcspn(q, "\x1f");
		if (len > 0 && len < sizeof(id)) {
			memcpy(id, p, len);
			id[len] = '\0';
			if (nlen >= sizeof(name))
				nlen = sizeof(name) - 1;
			memcpy(name, q, nlen);
			name[nlen] = '\0';
			xo_start(x, "system");
			xo_attr(x, "id", id);
			if (xmlTextWriterWriteString(x->w, BAD_CAST name) < 0)
				x->err = 1;
			xo_end(x);
		}
		p += len + (p[len] == ',');
		q += strcspn(q, "\x1f");
		q += *q == '\x1f';
	}
	xo_end(x);
}

static int
export_row(void *arg, const struct db_row *r)
{
	struct xo *x = arg;
	const char *const *v = r->v;
	xo_start(x, "vm");
	xo_attr(x, "id", v[XC_ID]);
	xo_attr(x, "state", v[XC_STATE]);
	xo_attr(x, "kind", v[XC_KIND]);
	xo_start(x, "unit");
	xo_attr(x, "code", v[XC_UNIT_CODE]);
	xo_elem(x, "name", v[XC_UNIT_NAME]);
	xo_end(x);
	xo_start(x, "applicant");
	xo_elem(x, "name", v[XC_APPLICANT]);
	xo_elem(x, "contact", v[XC_CONTACT]);
	xo_elem(x, "date", v[XC_APPLY_DATE]);
	xo_end(x);
	if (strcmp(v[XC_KIND], "host") == 0) {	/* appendix 8: a server of the unit's own */
		xo_start(x, "hosting");
		xo_elem(x, "configuration", v[XC_CONFIG]);
		xo_elem(x, "securityDevices", v[XC_DEVICES]);
		if (*v[XC_REVIEW_DATE]) {
			xo_start(x, "review");
			xo_elem(x, "date", v[XC_REVIEW_DATE]);
			xo_elem(x, "reference", v[XC_REVIEW_REF]);
			xo_end(x);
		}
		xo_end(x);
	} else {
		xo_start(x, "image");
		xo_attr(x, "code", v[XC_IMAGE_CODE]);
		xo_elem(x, "name", v[XC_IMAGE_NAME]);
		xo_elem(x, "other", v[XC_IMAGE_OTHER]);
		xo_end(x);
		xo_start(x, "resources");
		xo_elem(x, "vcpu", v[XC_VCPU]);
		xo_elem(x, "memoryGiB", v[XC_MEMORY]);
		xo_elem(x, "diskGiB", v[XC_DISK]);
		xo_end(x);
	}
	if (*v[XC_SW_DB] || *v[XC_SW_APP] || *v[XC_SW_OTHER]) {
		xo_start(x, "software");
		xo_elem(x, "database", v[XC_SW_DB]);
		xo_elem(x, "application", v[XC_SW_APP]);
		xo_elem(x, "other", v[XC_SW_OTHER]);
		xo_end(x);
	}
	xo_start(x, "period");
	xo_elem(x, "from", v[XC_FROM]);
	xo_elem(x, "to", v[XC_TO]);
	xo_end(x);
	xo_elem(x, "purpose", v[XC_PURPOSE]);
	xo_elem(x, "notes", v[XC_NOTES]);
	if (*v[XC_SYS_IDS])
		systems(x, v[XC_SYS_IDS], v[XC_SYS_NAMES]);
	if (*v[XC_IP]) {
		xo_start(x, "provisioning");
		xo_elem(x, "serverName", v[XC_SERVER]);
		xo_elem(x, "ip", v[XC_IP]);
		xo_elem(x, "netmask", v[XC_NETMASK]);
		xo_elem(x, "gateway", v[XC_GATEWAY]);
		xo_elem(x, "date", v[XC_PROV_DATE]);
		xo_end(x);
	}
	xo_datetime(x, "stateSince", v[XC_SINCE]);
	xo_datetime(x, "updated", v[XC_UPDATED]);
	xo_end(x);
	return x->err;
}

int
cl_export(struct ctx *c)
{
	struct xo x;
	if (xo_open(&x, c, "cloud.xml", "vms", CL_XMLNS) != 0)
		return 500;
	xo_attr(&x, "today", wd_today_str(c->ar));
	enum db_rc rc = SQL_RUN0(c, CL_SQL_EXPORT, export_row, &x);
	return xo_close(&x, rc);
}
