/* xmlout.c — see xmlout.h. */
#include <stdio.h>
#include <string.h>
#include "app.h"
#include "resp.h"
#include "xmlout.h"

static int
xo_write(void *arg, const char *p, int n)
{
	struct xo *x = arg;
	char extra[160];
	if (x->discard)
		return n;
	if (!x->c->sent) {
		snprintf(extra, sizeof(extra), "Content-Disposition: attachment; filename=\"%s\"\r\n",
		    x->filename);
		resp_header(x->c, 200, "application/xml; charset=utf-8", extra);
	}
	return resp_write(x->c, p, (size_t)n) == 0 ? n : -1;
}

static int
xo_noclose(void *arg)
{
	(void)arg;
	return 0;
}

int
xo_open(struct xo *x, struct ctx *c, const char *filename, const char *root, const char *ns)
{
	char now[20];
	memset(x, 0, sizeof(*x));
	x->c = c;
	x->filename = filename;
	xmlOutputBufferPtr out = xmlOutputBufferCreateIO(xo_write, xo_noclose, x, NULL);
	if (out == NULL || (x->w = xmlNewTextWriter(out)) == NULL) {
		if (out != NULL)
			xmlOutputBufferClose(out);
		return -1;
	}
	wd_now(now);
	now[10] = 'T';
	xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElementNS(x->w, NULL, BAD_CAST root, BAD_CAST ns);
	xo_attr(x, "generated", now);
	xo_attr(x, "site", c->cfg->site_name);
	return 0;
}

void
xo_elem(struct xo *x, const char *name, const char *v)
{
	if (v != NULL && *v && xmlTextWriterWriteElement(x->w, BAD_CAST name, BAD_CAST v) < 0)
		x->err = 1;
}

void
xo_attr(struct xo *x, const char *name, const char *v)
{
	if (v != NULL && *v && xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST v) < 0)
		x->err = 1;
}

void
xo_start(struct xo *x, const char *name)
{
	if (xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
		x->err = 1;
}

void
xo_end(struct xo *x)
{
	if (xmlTextWriterEndElement(x->w) < 0)
		x->err = 1;
}

void
xo_datetime(struct xo *x, const char *name, const char *v)
{
	char at[20];
	snprintf(at, sizeof(at), "%s", v);
	if (strlen(at) == 19)
		at[10] = 'T';
	xo_elem(x, name, at);
}

int
xo_close(struct xo *x, enum db_rc rc)
{
	if (rc != DB_OK && !x->c->sent)
		x->discard = 1;
	xmlTextWriterEndDocument(x->w);	/* closes every open element */
	xmlFreeTextWriter(x->w);	/* flushes and closes the output buffer */
	if (x->discard)
		return app_dberr(rc);
	return rc == DB_OK && !x->err ? 200 : 500;
}
