/* page.c — building the page XML; see app.h. */
#include <stdio.h>
#include <string.h>
#include "app.h"

xmlNodePtr
pg_node(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, BAD_CAST name, NULL);
}

/* xmlNewTextChild stores text as-is; serialization escapes it. */
xmlNodePtr
pg_text(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST(text ? text : ""));
}

void
pg_attr(xmlNodePtr n, const char *name, const char *val)
{
	if (n != NULL && val != NULL)
		xmlNewProp(n, BAD_CAST name, BAD_CAST val);
}

void
pg_attri(xmlNodePtr n, const char *name, long long v)
{
	char b[24];
	snprintf(b, sizeof(b), "%lld", v);
	pg_attr(n, name, b);
}

void
pg_msg(struct ctx *c, const char *field, const char *code)
{
	xmlNodePtr m = pg_node(c->msgs, "msg");
	pg_attr(m, "field", field);
	pg_attr(m, "code", code);
}

void
pg_form(struct ctx *c, xmlNodePtr parent, const struct vfield *t, size_t n,
    const char **vals, const char **errs)
{
	xmlNodePtr f = pg_node(parent, "form");
	for (size_t i = 0; i < n; i++) {
		xmlNodePtr v = pg_text(f, "field", vals[i]);
		pg_attr(v, "name", t[i].key);
		if (t[i].maxlen)
			pg_attri(v, "max", (long long)t[i].maxlen);
		if (errs != NULL && errs[i] != NULL) {
			pg_attr(v, "error", errs[i]);
			pg_msg(c, t[i].key, errs[i]);
		}
	}
}

const char *
pg_roles_name(enum role r)
{
	switch (r) {
	case ROLE_UNIT_STAFF: return "unit_staff";
	case ROLE_UNIT_HEAD: return "unit_head";
	case ROLE_OFFICE: return "office";
	case ROLE_LEADER: return "leader";
	case ROLE_AUDITOR: return "auditor";
	}
	return "";
}

void
pg_conflict(struct ctx *c)
{
	pg_msg(c, "", "conflict");
	pg_attr(c->data, "conflict", "1");
}
