/*
 * guide.c — GET /home/guide/<role>: what a role does in each module, a
 * page per role (the words are the stylesheet's, both languages; the page
 * says only which role, and nav which modules the site runs).  Anyone
 * signed in may read any role's guide: it is a manual, not a record.
 */
#include <string.h>
#include "home.h"

int
hm_guide(struct ctx *c)
{
	const char *p = strrchr(c->req.path, '/');	/* the route matched /home/guide/<role> */
	c->view = VIEW(HM_VIEW_GUIDE);
	xmlNodePtr g = pg_node(c->data, "guide");
	pg_attr(g, "role", p != NULL ? p + 1 : "");
	pg_attr(g, "mine", c->acct.role_name);
	return 200;
}
