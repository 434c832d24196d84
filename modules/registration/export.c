/*
 * export.c — GET /registration/export.xml: every active unit with its current
 * holders, for the upstream platform.  Rows stream from the server one at a
 * time (unbuffered fetch) into an xmlTextWriter whose output buffer writes to
 * the FastCGI stream, so memory stays flat whatever the number of units.
 * Valid against schema/xml/registration.xsd.
 */
#include <string.h>
#include <libxml/xmlwriter.h>
#include "reg.h"

#define REG_XMLNS "urn:wangan:registration:1"

struct exp {
	struct ctx *c;
	int discard;		/* the export failed before any byte went out */
	xmlTextWriterPtr w;
	char unit[64];		/* code of the open <unit>, "" before the first */
	int err;
};

/* Headers go out with the first flushed bytes, so an early failure can still be a 503. */
static int
out_write(void *arg, const char *p, int n)
{
	struct exp *e = arg;
	if (e->discard)
		return n;
	if (!e->c->sent)
		app_header(e->c, 200, "application/xml; charset=utf-8",
		    "Content-Disposition: attachment; filename=\"registration.xml\"\r\n");
	return app_write(e->c, p, (size_t)n) == 0 ? n : -1;
}

static int
out_close(void *ctx)
{
	return 0;
}

static void
elem(struct exp *e, const char *name, const char *v)
{
	if (v != NULL && *v && xmlTextWriterWriteElement(e->w, BAD_CAST name, BAD_CAST v) < 0)
		e->err = 1;
}

static int
export_row(void *arg, const struct db_row *r)
{
	struct exp *e = arg;
	xmlTextWriterPtr w = e->w;

	if (strcmp(e->unit, r->v[0]) != 0) {
		if (e->unit[0] && xmlTextWriterEndElement(w) < 0)
			e->err = 1;
		snprintf(e->unit, sizeof(e->unit), "%s", r->v[0]);
		xmlTextWriterStartElement(w, BAD_CAST "unit");
		xmlTextWriterWriteAttribute(w, BAD_CAST "code", BAD_CAST r->v[0]);
		xmlTextWriterWriteAttribute(w, BAD_CAST "kind", BAD_CAST r->v[3]);
		elem(e, "name", r->v[1]);
		elem(e, "nameEn", r->v[2]);
	}
	if (!r->null[4]) {
		xmlTextWriterStartElement(w, BAD_CAST "holder");
		xmlTextWriterWriteAttribute(w, BAD_CAST "role", BAD_CAST r->v[4]);
		elem(e, "name", r->v[5]);
		elem(e, "title", r->v[6]);
		elem(e, "officePhone", r->v[7]);
		elem(e, "mobile", r->v[8]);
		elem(e, "email", r->v[9]);
		elem(e, "effective", r->v[10]);
		/* xs:dateTime wants a T between date and time */
		char at[20];
		snprintf(at, sizeof(at), "%s", r->v[11]);
		if (strlen(at) == 19)
			at[10] = 'T';
		elem(e, "reported", at);
		elem(e, "deadline", r->v[12]);
		elem(e, "late", strcmp(r->v[13], "1") == 0 ? "true" : "false");
		if (xmlTextWriterEndElement(w) < 0)
			e->err = 1;
	}
	return e->err;
}

int
reg_export(struct ctx *c)
{
	char now[20];
	struct exp e = { .c = c };
	xmlOutputBufferPtr out = xmlOutputBufferCreateIO(out_write, out_close, &e, NULL);
	if (out == NULL || (e.w = xmlNewTextWriter(out)) == NULL) {
		if (out != NULL)
			xmlOutputBufferClose(out);
		return 500;
	}
	app_now(now);
	now[10] = 'T';
	xmlTextWriterStartDocument(e.w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElementNS(e.w, NULL, BAD_CAST "registry", BAD_CAST REG_XMLNS);
	xmlTextWriterWriteAttribute(e.w, BAD_CAST "generated", BAD_CAST now);
	if (c->cfg->site_name && *c->cfg->site_name)
		xmlTextWriterWriteAttribute(e.w, BAD_CAST "site", BAD_CAST c->cfg->site_name);
	enum db_rc rc = db_run(c->db, SQL(REG_SQL_EXPORT), NULL, 0, export_row, &e);
	if (rc != DB_OK && !c->sent)
		e.discard = 1;
	if (e.unit[0])
		xmlTextWriterEndElement(e.w);
	xmlTextWriterEndDocument(e.w);	/* closes <registry> */
	xmlFreeTextWriter(e.w);		/* flushes and closes the output buffer */
	if (e.discard)
		return rc == DB_LOST ? APP_LOST : 500;
	/* Past the headers a failure can only cut the document short: a reader sees it invalid. */
	return rc == DB_OK && !e.err ? 200 : 500;
}
