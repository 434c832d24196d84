/*
 * xmlout.h — a streamed XML export: an xmlTextWriter whose output goes to
 * the response (or stdout for --export), headers sent with the first bytes
 * that leave, so a failure before any output can still be a clean 503/500
 * page.  Rows are written as they arrive from an unbuffered query, so
 * memory stays flat whatever the size.  Every module's export.xml uses it.
 */
#ifndef WANGAN_XMLOUT_H
#define WANGAN_XMLOUT_H
#include <libxml/xmlwriter.h>
#include "ctx.h"
#include "db.h"

struct xo {
	struct ctx *c;
	xmlTextWriterPtr w;
	const char *filename;	/* the attachment's name */
	int discard;		/* failed before any byte went out: send nothing */
	int err;
};

/* Opens the document and its root element root in namespace ns, with generated= and site=.  0 or -1. */
int  xo_open(struct xo *x, struct ctx *c, const char *filename, const char *root, const char *ns);
/* <name>v</name>, skipped when v is NULL or empty. */
void xo_elem(struct xo *x, const char *name, const char *v);
void xo_attr(struct xo *x, const char *name, const char *v);
void xo_start(struct xo *x, const char *name);
void xo_end(struct xo *x);
/* A database DATETIME as xs:dateTime (a T between date and time). */
void xo_datetime(struct xo *x, const char *name, const char *v);
/*
 * Closes everything and returns the handler's status: 200, or for a failure
 * (rc from the last query, or a write error) APP_LOST/500 when nothing was
 * sent yet; past the headers a failure can only cut the document short.
 */
int  xo_close(struct xo *x, enum db_rc rc);
#endif
