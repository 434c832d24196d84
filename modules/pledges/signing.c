/*
 * signing.c — one signing, and its scan.  Both are shown only to those who
 * may see the party: a unit's staff their unit and its persons, the office,
 * leader and auditor everything, a unit's staff the vendors that serve it.
 * The scan goes out as an attachment with the type sniffed when it was
 * stored (never the client's name for it), read from the database piece by
 * piece so a 20 MiB scan costs no more memory than a page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pledges.h"
#include "upload.h"

struct one {
	struct ctx *c;
	xmlNodePtr parent;
	long long party_id, scan_id, size;
	enum pl_party type;
	char mime[32];
	int n;
};

static int
signing_row(void *arg, const struct db_row *r)
{
	struct one *o = arg;
	if (o->parent != NULL)
		pl_signing_node(o->parent, r);
	o->type = pl_party_type(r->v[SG_PTYPE]);
	o->party_id = atoll(r->v[SG_PID]);
	o->scan_id = atoll(r->v[SG_SCAN_ID]);
	snprintf(o->mime, sizeof(o->mime), "%s", r->v[SG_SCAN_MIME]);
	o->size = atoll(r->v[SG_SCAN_SIZE]);
	o->n++;
	return 0;
}

/* Loads signing c->id and checks this account may see its party. */
static int
open_signing(struct ctx *c, struct one *o, struct pl_party_ref *p)
{
	struct db_val v[] = { DBI(c->id) };
	enum db_rc rc = SQL_RUN(c, PL_SQL_SIGNING, v, signing_row, o);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (o->n == 0)
		return 404;
	int st = pl_party_load(c, o->type, o->party_id, p);
	if (st == 404 && o->type == PL_PERSON)	/* a person who left: their unit still reads it */
		st = 200;
	if (st != 200)
		return st;
	return pl_party_read(c, p) ? 200 : auth_deny(c, "signing", c->id);
}

int
pl_signing(struct ctx *c)
{
	struct pl_party_ref p;
	struct one o = { c, NULL, 0, 0, 0, PL_UNIT, "", 0 };

	c->view = VIEW(PL_VIEW_SIGNING);
	o.parent = xmlNewNode(NULL, BAD_CAST "signings");	/* attached once access is known */
	int st = open_signing(c, &o, &p);
	if (st != 200) {
		xmlFreeNode(o.parent);
		return st;
	}
	xmlNodePtr s = o.parent->children;
	xmlUnlinkNode(s);
	xmlFreeNode(o.parent);
	xmlAddChild(c->data, s);
	xmlNodePtr pn = pg_node(s, "party");
	pg_attri(pn, "unit-id", p.unit_id);
	pg_attr(pn, "code", p.code);
	pg_text(pn, "name", p.name);
	if (ctx_q(c, "saved") != NULL)
		pg_msg(c, "", "saved");
	return 200;
}

int
pl_scan(struct ctx *c)
{
	struct pl_party_ref p;
	struct one o = { c, NULL, 0, 0, 0, PL_UNIT, "", 0 };
	int st = open_signing(c, &o, &p);
	if (st != 200)
		return st;
	if (o.scan_id == 0)
		return 404;
	return up_send(c, SQL(PL_SQL_SCAN_CHUNKS), o.scan_id, o.mime, o.size,
	    ar_printf(c->ar, "signing-%lld", c->id));
}
