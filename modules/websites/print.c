/*
 * print.c — GET /websites/{id}/print: the filing as appendix 4 of seed 003
 * (校内网站备案登记表) on one A4 page, filled from the record and ticked
 * from it, for the unit's seal and the centre's opinion; anyone who may
 * read the filing may print it (ws_open: the unit's roles their own, the
 * school-wide roles and the centre every unit's).  data: <site> as on the
 * site page, <officer>? (the unit head from registration, art. 25).
 */
#include <stdlib.h>
#include "websites.h"

int
ws_print(struct ctx *c)
{
	struct site s;
	enum db_rc rc;
	c->view = VIEW(WS_VIEW_PRINT);
	int st = ws_open(c, &s, 0);
	if (st != 200)
		return st;
	ws_site_node(c->data, "site", &s);
	if ((rc = ws_officer_node(c, c->data, atoll(s.v[SC_UNIT_ID]))) != DB_OK)
		return app_dberr(rc);
	return 200;
}
