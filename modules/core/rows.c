/* rows.c — see rows.h. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parserInternals.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include "arena.h"
#include "html.h"
#include "rows.h"

/* One loop's HTML; a page of 50 rows is some 30 KiB. */
#define ROWS_MAX_OUT (8u * 1024 * 1024)
/* Attributes one element of the body may get from xsl:attribute. */
#define ROWS_MAX_ATTRS 16

enum pkind { P_ATTR, P_CHILD, P_SELF };
struct path {
	enum pkind kind;
	const xmlChar *name;
};

enum tkind { T_EXISTS, T_NONEMPTY, T_EQ, T_NE, T_NOT, T_AND, T_OR };
struct test {
	enum tkind kind;
	struct path p;
	const xmlChar *lit;	/* T_EQ, T_NE */
	struct test *sub, *sub2;	/* T_NOT; T_AND and T_OR */
};

enum nkind {
	N_MARKUP,	/* s: bytes written as they are (tags, escaped literals) */
	N_TEXT,		/* s: literal text, escaped when written */
	N_VALUE,	/* p: the path's string value, escaped */
	N_ELEM,		/* start: the start tag up to '>'; kids; s: end tag or NULL */
	N_IF,		/* t, kids */
	N_CHOOSE,	/* kids: N_WHEN, the last maybe with t == NULL (otherwise) */
	N_WHEN,
	N_EACH,		/* s: child element name; kids */
	N_ATTR,		/* s: ' name="'; kids in attribute mode */
};

struct rnode {
	enum nkind kind;
	struct rnode *next, *kids, *start;
	const xmlChar *s;
	size_t len;
	struct path p;
	struct test *t;
};

struct rows_comp {
	xsltElemPreComp comp;	/* first: libxslt hands this back to rows_run */
	xmlXPathCompExprPtr select;
	struct rnode *body;
	struct arena ar;	/* the compiled body, freed with the stylesheet */
};

static unsigned nerrors;

unsigned
rows_errors(void)
{
	return nerrors;
}

/* ---- compiling the body, once per stylesheet ---------------------------- */

struct cc {
	xsltStylesheetPtr style;
	struct arena *ar;
	xmlNodePtr elem;	/* the literal element whose attributes xsl:attribute adds to */
	int err;
};

enum {
	C_ELEM = 1 << 0,	/* inside an element of the body: xsl:attribute allowed */
	C_ATTRVAL = 1 << 1,	/* inside xsl:attribute: text only */
	C_VOID = 1 << 2,	/* inside a void element: attributes only */
};

static void
fail(struct cc *cc, xmlNodePtr at, const char *why, const xmlChar *what)
{
	if (!cc->err)
		xsltTransformError(NULL, cc->style, at, "r:for-each: %s%s%s\n", why,
		    what ? ": " : "", what ? (const char *)what : "");
	cc->err = 1;
}

/* Zeroed memory of the compiled body; running out fails the compilation. */
static void *
cc_alloc(struct cc *cc, size_t n)
{
	void *p = ar_alloc(cc->ar, n);
	if (p == NULL)
		cc->err = 1;
	return p;
}

static xmlChar *
cc_strndup(struct cc *cc, const char *s, size_t n)
{
	char *p = ar_strndup(cc->ar, s, n);
	if (p == NULL)
		cc->err = 1;
	return (xmlChar *)p;
}

static struct rnode *
cc_node(struct cc *cc, enum nkind kind)
{
	struct rnode *n = cc_alloc(cc, sizeof(*n));
	if (n != NULL)
		n->kind = kind;
	return n;
}

/* A copy of s without surrounding blanks and enclosing parentheses. */
static char *
trim(struct cc *cc, const char *s, size_t n)
{
	for (;;) {
		while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
			s++, n--;
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
			n--;
		if (n < 2 || s[0] != '(' || s[n - 1] != ')')
			break;
		int depth = 0, whole = 1;	/* "(a) = (b)" is not enclosed */
		for (size_t i = 0; i < n - 1 && whole; i++) {
			depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
			whole = depth > 0;
		}
		if (!whole)
			break;
		s++, n -= 2;
	}
	return (char *)cc_strndup(cc, s, n);
}

static int
is_name(const char *s)
{
	if (*s == '\0' || (*s >= '0' && *s <= '9') || *s == '-' || *s == '.')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '.'))
			return 0;
	return 1;
}

/* "string(X)" → X; returns 1 when it was there. */
static int
unwrap(struct cc *cc, char **s, const char *fn)
{
	size_t k = strlen(fn), n = strlen(*s);
	if (n <= k + 1 || strncmp(*s, fn, k) != 0 || (*s)[k] != '(' || (*s)[n - 1] != ')')
		return 0;
	char *in = trim(cc, *s + k + 1, n - k - 2);
	if (in == NULL)
		return 0;
	*s = in;
	return 1;
}

static int
parse_path(struct cc *cc, const char *src, struct path *p)
{
	char *s = trim(cc, src, strlen(src));
	if (s == NULL)
		return -1;
	unwrap(cc, &s, "string");
	if (strcmp(s, ".") == 0) {
		p->kind = P_SELF;
		p->name = NULL;
		return 0;
	}
	p->kind = *s == '@' ? P_ATTR : P_CHILD;
	p->name = (const xmlChar *)(*s == '@' ? s + 1 : s);
	return is_name((const char *)p->name) ? 0 : -1;
}

/* Where the word op (" or ", " and ") stands outside quotes and parentheses, or NULL. */
static char *
find_op(char *s, const char *op)
{
	size_t k = strlen(op);
	int depth = 0;
	char q = 0;
	for (char *p = s; *p; p++) {
		if (q) {
			q = *p == q ? 0 : q;
		} else if (*p == '\'' || *p == '"') {
			q = *p;
		} else if (*p == '(' || *p == ')') {
			depth += *p == '(' ? 1 : -1;
		} else if (depth == 0 && strncmp(p, op, k) == 0) {
			return p;
		}
	}
	return NULL;
}

static struct test *
parse_test(struct cc *cc, const char *src)
{
	struct test *t = cc_alloc(cc, sizeof(*t));
	char *s = trim(cc, src, strlen(src)), *eq, *op;
	if (t == NULL || s == NULL)
		return NULL;
	/* "or" binds loosest, then "and", as in XPath */
	if ((op = find_op(s, " or ")) != NULL || (op = find_op(s, " and ")) != NULL) {
		int or = op[1] == 'o';
		*op = '\0';
		t->kind = or ? T_OR : T_AND;
		t->sub = parse_test(cc, s);
		t->sub2 = parse_test(cc, op + (or ? 4 : 5));
		return t->sub != NULL && t->sub2 != NULL ? t : NULL;
	}
	if (unwrap(cc, &s, "not")) {
		t->kind = T_NOT;
		return (t->sub = parse_test(cc, s)) != NULL ? t : NULL;
	}
	if ((eq = strchr(s, '=')) != NULL) {
		int ne = eq > s && eq[-1] == '!';
		char *rhs = trim(cc, eq + 1, strlen(eq + 1));
		size_t n = rhs ? strlen(rhs) : 0;
		if (rhs == NULL || n < 2 || (rhs[0] != '\'' && rhs[0] != '"') || rhs[n - 1] != rhs[0] ||
		    memchr(rhs + 1, rhs[0], n - 2) != NULL)
			return NULL;
		eq[-ne] = '\0';
		t->kind = ne ? T_NE : T_EQ;
		t->lit = cc_strndup(cc, rhs + 1, n - 2);
		return t->lit != NULL && parse_path(cc, s, &t->p) == 0 ? t : NULL;
	}
	t->kind = unwrap(cc, &s, "string") ? T_NONEMPTY : T_EXISTS;
	return parse_path(cc, s, &t->p) == 0 ? t : NULL;
}

static xmlChar *
attr_of(xmlNodePtr n, const char *name)
{
	return xmlGetNsProp(n, BAD_CAST name, NULL);
}

static int
has_attr(xmlNodePtr n, const char *name)
{
	return xmlHasNsProp(n, BAD_CAST name, NULL) != NULL;
}

/* Appends n to a list kept by its tail pointer. */
static void
link_node(struct rnode ***tail, struct rnode *n)
{
	if (n == NULL)	/* out of memory: cc->err is set already */
		return;
	**tail = n;
	*tail = &n->next;
}

static struct rnode *
markup(struct cc *cc, const char *s, size_t n)
{
	struct rnode *m = cc_node(cc, N_MARKUP);
	if (m != NULL) {
		m->s = cc_strndup(cc, s, n);
		m->len = n;
	}
	return m;
}

/*
 * An attribute value template: literal runs (escaped now, as markup) and
 * {PATH} parts (escaped when written).  "{{" and "}}" are braces.
 */
static void
compile_avt(struct cc *cc, xmlNodePtr at, const char *v, struct rnode ***tail)
{
	char lit[1024];
	size_t n = 0;
	while (*v && !cc->err) {
		if (*v == '{' && v[1] != '{') {
			const char *end = strchr(v, '}');
			struct rnode *val = cc_node(cc, N_VALUE);
			char *expr = end ? (char *)cc_strndup(cc, v + 1, (size_t)(end - v - 1)) : NULL;
			if (expr == NULL || val == NULL || parse_path(cc, expr, &val->p) != 0) {
				fail(cc, at, "an attribute value outside the subset", BAD_CAST v);
				return;
			}
			if (n)
				link_node(tail, markup(cc, lit, n));
			link_node(tail, val);
			n = 0;
			v = end + 1;
		} else if (*v == '}' && v[1] != '}') {
			fail(cc, at, "a lone } in an attribute value", NULL);
			return;
		} else {
			/* a literal character; "{{" and "}}" stand for one brace */
			const char *e = *v == '&' ? "&amp;" : *v == '<' ? "&lt;" : *v == '>' ? "&gt;" :
			    *v == '"' ? "&quot;" : NULL;
			size_t k = e ? strlen(e) : 1;
			if (n + k > sizeof(lit)) {
				link_node(tail, markup(cc, lit, n));
				n = 0;
			}
			memcpy(lit + n, e ? e : v, k);
			n += k;
			v += (*v == '{' || *v == '}') ? 2 : 1;
		}
	}
	if (n)
		link_node(tail, markup(cc, lit, n));
}

static struct rnode *compile_list(struct cc *cc, xmlNodePtr first, unsigned flags);

static struct rnode *
compile_elem(struct cc *cc, xmlNodePtr e)
{
	struct rnode *n = cc_node(cc, N_ELEM), **tail;
	char tag[256];
	size_t len = strlen((const char *)e->name);
	if (n == NULL)
		return NULL;
	if (e->ns != NULL || len + 3 > sizeof(tag) ||
	    strcmp((const char *)e->name, "style") == 0 || strcmp((const char *)e->name, "script") == 0) {
		fail(cc, e, "an element outside the subset", e->name);
		return NULL;
	}
	tail = &n->start;
	tag[0] = '<';
	memcpy(tag + 1, e->name, len);
	link_node(&tail, markup(cc, tag, len + 1));
	for (xmlAttrPtr a = e->properties; a != NULL && !cc->err; a = a->next) {
		if (a->ns != NULL) {
			fail(cc, e, "an attribute in a namespace", a->name);
			return NULL;
		}
		xmlChar *v = xmlNodeListGetString(e->doc, a->children, 1);
		size_t k = strlen((const char *)a->name);
		char pre[300];
		if (v == NULL || k + 4 > sizeof(pre)) {
			xmlFree(v);
			fail(cc, e, "an attribute outside the subset", a->name);
			return NULL;
		}
		pre[0] = ' ';
		memcpy(pre + 1, a->name, k);
		memcpy(pre + 1 + k, "=\"", 2);
		link_node(&tail, markup(cc, pre, k + 3));
		compile_avt(cc, e, (const char *)v, &tail);
		link_node(&tail, markup(cc, "\"", 1));
		xmlFree(v);
	}
	xmlNodePtr outer = cc->elem;
	cc->elem = e;
	n->kids = compile_list(cc, e->children, C_ELEM | (hw_void(e->name) ? C_VOID : 0));
	cc->elem = outer;
	if (hw_void(e->name))
		return n;
	tag[0] = '<';
	tag[1] = '/';
	memcpy(tag + 2, e->name, len);
	tag[len + 2] = '>';
	n->s = cc_strndup(cc, tag, len + 3);
	n->len = len + 3;
	return n;
}

static int
is_xsl(xmlNodePtr n, const char *name)
{
	return n->ns != NULL && xmlStrEqual(n->ns->href, XSLT_NAMESPACE) &&
	    (name == NULL || xmlStrEqual(n->name, BAD_CAST name));
}

/* A test="" or select="" attribute parsed by fn, or a failure naming it. */
static struct test *
test_of(struct cc *cc, xmlNodePtr x)
{
	xmlChar *v = attr_of(x, "test");
	struct test *t = v ? parse_test(cc, (const char *)v) : NULL;
	if (t == NULL)
		fail(cc, x, "a test outside the subset", v);
	xmlFree(v);
	return t;
}

static struct rnode *
compile_xsl(struct cc *cc, xmlNodePtr x, unsigned flags)
{
	struct rnode *n = NULL;
	xmlChar *v = NULL;
	const char *nm = (const char *)x->name;
	unsigned content = flags & ~C_VOID;

	if (has_attr(x, "disable-output-escaping")) {
		fail(cc, x, "disable-output-escaping", NULL);
		goto out;
	}
	if (strcmp(nm, "value-of") == 0 && !(flags & C_VOID)) {
		n = cc_node(cc, N_VALUE);
		v = attr_of(x, "select");
		if (n == NULL || v == NULL || parse_path(cc, (const char *)v, &n->p) != 0)
			fail(cc, x, "a select outside the subset", v);
	} else if (strcmp(nm, "text") == 0 && !(flags & C_VOID)) {
		v = xmlNodeGetContent(x);
		if ((n = cc_node(cc, N_TEXT)) != NULL && v != NULL && *v) {
			n->s = cc_strndup(cc, (const char *)v, strlen((const char *)v));
			n->len = strlen((const char *)v);
		} else {
			n = NULL;	/* an empty xsl:text writes nothing */
		}
	} else if (strcmp(nm, "if") == 0) {
		if ((n = cc_node(cc, N_IF)) != NULL && (n->t = test_of(cc, x)) != NULL)
			n->kids = compile_list(cc, x->children, flags);
	} else if (strcmp(nm, "choose") == 0) {
		struct rnode **tail;
		if ((n = cc_node(cc, N_CHOOSE)) == NULL)
			goto out;
		tail = &n->kids;
		for (xmlNodePtr w = x->children; w != NULL && !cc->err; w = w->next) {
			if (w->type != XML_ELEMENT_NODE)
				continue;
			int other = is_xsl(w, "otherwise");
			struct rnode *b = cc_node(cc, N_WHEN);
			if (b == NULL || (!other && !is_xsl(w, "when"))) {
				fail(cc, w, "xsl:choose holds only xsl:when and xsl:otherwise", w->name);
				break;
			}
			if (!other && (b->t = test_of(cc, w)) == NULL)
				break;
			b->kids = compile_list(cc, w->children, flags);
			link_node(&tail, b);
		}
	} else if (strcmp(nm, "for-each") == 0 && !(flags & (C_ATTRVAL | C_VOID))) {
		v = attr_of(x, "select");
		if ((n = cc_node(cc, N_EACH)) == NULL || v == NULL || !is_name((const char *)v)) {
			fail(cc, x, "a nested select other than a child element's name", v);
			goto out;
		}
		n->s = cc_strndup(cc, (const char *)v, strlen((const char *)v));
		/* a nested loop's attributes would go to the row's element: not supported */
		n->kids = compile_list(cc, x->children, content & ~C_ELEM);
	} else if (strcmp(nm, "attribute") == 0 && (flags & C_ELEM) && !(flags & C_ATTRVAL)) {
		char pre[300];
		size_t k;
		v = attr_of(x, "name");
		if ((n = cc_node(cc, N_ATTR)) == NULL || v == NULL || !is_name((const char *)v) ||
		    has_attr(x, "namespace") || (k = strlen((const char *)v)) + 4 > sizeof(pre)) {
			fail(cc, x, "an xsl:attribute other than a plain name", v);
			goto out;
		}
		/* libxslt replaces the literal value in its place; a stream cannot */
		if (cc->elem != NULL && has_attr(cc->elem, (const char *)v)) {
			fail(cc, x, "an xsl:attribute for an attribute the element has already", v);
			goto out;
		}
		pre[0] = ' ';
		memcpy(pre + 1, v, k);
		memcpy(pre + 1 + k, "=\"", 2);
		n->s = cc_strndup(cc, pre, k + 3);
		n->len = k + 3;
		n->kids = compile_list(cc, x->children, C_ATTRVAL);
	} else {
		fail(cc, x, "an instruction outside the subset here: xsl", x->name);
	}
out:
	xmlFree(v);
	return cc->err ? NULL : n;
}

static struct rnode *
compile_list(struct cc *cc, xmlNodePtr first, unsigned flags)
{
	struct rnode *head = NULL, **tail = &head, *n;
	for (xmlNodePtr x = first; x != NULL && !cc->err; x = x->next) {
		n = NULL;
		switch (x->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (xmlIsBlankNode(x))	/* libxslt strips these from templates too */
				continue;
			if (flags & C_VOID) {
				fail(cc, x, "content in a void element", NULL);
				break;
			}
			if ((n = cc_node(cc, N_TEXT)) != NULL) {
				n->s = x->content;
				n->len = strlen((const char *)x->content);
			}
			break;
		case XML_ELEMENT_NODE:
			if (is_xsl(x, NULL))
				n = compile_xsl(cc, x, flags);
			else if (flags & (C_ATTRVAL | C_VOID))
				fail(cc, x, "an element where only text or attributes may be", x->name);
			else
				n = compile_elem(cc, x);
			break;
		case XML_COMMENT_NODE:
		case XML_PI_NODE:
			continue;
		default:
			fail(cc, x, "a node outside the subset", x->name);
			break;
		}
		if (n != NULL)
			link_node(&tail, n);
	}
	return head;
}

static void
rows_free(xsltElemPreCompPtr comp)
{
	struct rows_comp *rc = (struct rows_comp *)comp;
	if (rc->select != NULL)
		xmlXPathFreeCompExpr(rc->select);
	ar_free(&rc->ar);
	free(rc);
}

static void rows_run(xsltTransformContextPtr, xmlNodePtr, xmlNodePtr, xsltElemPreCompPtr);

static xsltElemPreCompPtr
rows_compile(xsltStylesheetPtr style, xmlNodePtr inst, xsltTransformFunction fn)
{
	struct rows_comp *rc = calloc(1, sizeof(*rc));
	struct cc cc = { .style = style };
	xmlChar *sel = NULL;
	if (rc == NULL)
		return NULL;
	xsltInitElemPreComp(&rc->comp, style, inst, fn, rows_free);
	ar_init(&rc->ar);
	cc.ar = &rc->ar;
	if (xmlHasNsProp(inst, BAD_CAST "space", XML_XML_NAMESPACE) != NULL)
		fail(&cc, inst, "xml:space", NULL);
	else if ((sel = attr_of(inst, "select")) == NULL ||
	    (rc->select = xsltXPathCompile(style, sel)) == NULL)
		fail(&cc, inst, "a missing or bad select", sel);
	else
		rc->body = compile_list(&cc, inst->children, 0);
	xmlFree(sel);
	if (cc.err) {
		nerrors++;
		style->errors++;
	}
	return &rc->comp;
}

/* ---- running it, per page ------------------------------------------------ */

struct run {
	struct hw *h;
	int pending;	/* a start tag is open: xsl:attribute may still add to it */
	int err;
	const xmlChar *given[ROWS_MAX_ATTRS];	/* xsl:attribute names on the open tag */
	size_t ngiven;
};

static int
is_text(xmlNodePtr n)
{
	return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

/* The node a path selects from n (the first, for a child), or NULL. */
static xmlNodePtr
select1(xmlNodePtr n, const struct path *p, xmlNodePtr from)
{
	switch (p->kind) {
	case P_SELF:
		return from == NULL ? n : NULL;
	case P_ATTR:
		if (from != NULL || n->type != XML_ELEMENT_NODE)
			return NULL;
		for (xmlAttrPtr a = n->properties; a != NULL; a = a->next)
			if (a->name[0] == p->name[0] && a->ns == NULL &&
			    strcmp((const char *)a->name, (const char *)p->name) == 0)
				return (xmlNodePtr)a;
		return NULL;
	case P_CHILD:
		for (xmlNodePtr k = from ? from->next : n->children; k != NULL; k = k->next)
			if (k->type == XML_ELEMENT_NODE && k->name[0] == p->name[0] && k->ns == NULL &&
			    strcmp((const char *)k->name, (const char *)p->name) == 0)
				return k;
		return NULL;
	}
	return NULL;
}

/* An element's, attribute's or text node's string value, escaped. */
static void
put_value(struct hw *h, xmlNodePtr n, int attr)
{
	if (is_text(n)) {
		hw_esc(h, n->content, attr);
		return;
	}
	for (xmlNodePtr k = n->children; k != NULL; k = k->next)
		if (is_text(k))
			hw_esc(h, k->content, attr);
		else if (k->type == XML_ELEMENT_NODE)
			put_value(h, k, attr);
}

static int
has_text(xmlNodePtr n)
{
	if (is_text(n))
		return n->content != NULL && *n->content;
	for (xmlNodePtr k = n->children; k != NULL; k = k->next)
		if ((is_text(k) || k->type == XML_ELEMENT_NODE) && has_text(k))
			return 1;
	return 0;
}

static int
value_is(xmlNodePtr n, const xmlChar *lit)
{
	xmlNodePtr t = is_text(n) ? n : n->children;
	if (t != NULL && is_text(t) && (t == n || t->next == NULL))	/* one text node: no copy */
		return xmlStrEqual(t->content ? t->content : BAD_CAST "", lit);
	xmlChar *v = xmlNodeGetContent(n);
	int eq = xmlStrEqual(v ? v : BAD_CAST "", lit);
	xmlFree(v);
	return eq;
}

/* XPath's comparison of a node-set with a string: true if any node matches. */
static int
test(const struct test *t, xmlNodePtr n)
{
	xmlNodePtr s;
	switch (t->kind) {
	case T_NOT:
		return !test(t->sub, n);
	case T_AND:
		return test(t->sub, n) && test(t->sub2, n);
	case T_OR:
		return test(t->sub, n) || test(t->sub2, n);
	case T_EXISTS:
		return select1(n, &t->p, NULL) != NULL;
	case T_NONEMPTY:
		return (s = select1(n, &t->p, NULL)) != NULL && has_text(s);
	case T_EQ:
	case T_NE:
		for (s = select1(n, &t->p, NULL); s != NULL; s = select1(n, &t->p, s))
			if (value_is(s, t->lit) == (t->kind == T_EQ))
				return 1;
		return 0;
	}
	return 0;
}

/* Content is about to be written: the open start tag, if any, ends here. */
static void
content(struct run *r)
{
	if (r->pending) {
		hw_put(r->h, ">", 1);
		r->pending = 0;
	}
}

static void exec(struct run *r, const struct rnode *n, xmlNodePtr ctx, int attr);

static void
exec_attr(struct run *r, const struct rnode *n, xmlNodePtr ctx)
{
	if (!r->pending)	/* after content libxslt drops it too, with a warning */
		return;
	for (size_t i = 0; i < r->ngiven; i++)
		if (xmlStrEqual(r->given[i], n->s))	/* a stream cannot replace the first value */
			r->err = 1;
	if (r->ngiven == ROWS_MAX_ATTRS)
		r->err = 1;
	else
		r->given[r->ngiven++] = n->s;
	hw_put(r->h, (const char *)n->s, n->len);
	exec(r, n->kids, ctx, 1);
	hw_put(r->h, "\"", 1);
}

static void
exec_elem(struct run *r, const struct rnode *n, xmlNodePtr ctx)
{
	content(r);
	for (const struct rnode *s = n->start; s != NULL; s = s->next) {
		if (s->kind == N_MARKUP) {
			hw_put(r->h, (const char *)s->s, s->len);
		} else {
			xmlNodePtr v = select1(ctx, &s->p, NULL);
			if (v != NULL)
				put_value(r->h, v, 1);
		}
	}
	r->pending = 1;
	r->ngiven = 0;
	exec(r, n->kids, ctx, 0);
	content(r);
	if (n->s != NULL)
		hw_put(r->h, (const char *)n->s, n->len);
}

static void
exec(struct run *r, const struct rnode *n, xmlNodePtr ctx, int attr)
{
	xmlNodePtr v;
	for (; n != NULL && !r->err; n = n->next) {
		switch (n->kind) {
		case N_MARKUP:
			content(r);
			hw_put(r->h, (const char *)n->s, n->len);
			break;
		case N_TEXT:
			if (!attr)
				content(r);
			hw_esc(r->h, n->s, attr);
			break;
		case N_VALUE:
			/* an empty value makes no node in libxslt: the tag stays open */
			if ((v = select1(ctx, &n->p, NULL)) != NULL && has_text(v)) {
				if (!attr)
					content(r);
				put_value(r->h, v, attr);
			}
			break;
		case N_ELEM:
			exec_elem(r, n, ctx);
			break;
		case N_IF:
			if (test(n->t, ctx))
				exec(r, n->kids, ctx, attr);
			break;
		case N_CHOOSE:
			for (const struct rnode *w = n->kids; w != NULL; w = w->next)
				if (w->t == NULL || test(w->t, ctx)) {
					exec(r, w->kids, ctx, attr);
					break;
				}
			break;
		case N_WHEN:
			break;
		case N_EACH: {
			struct path p = { P_CHILD, n->s };
			for (v = select1(ctx, &p, NULL); v != NULL; v = select1(ctx, &p, v))
				exec(r, n->kids, v, attr);
			break;
		}
		case N_ATTR:
			exec_attr(r, n, ctx);
			break;
		}
	}
}

/* The rows' bytes, in libxml2's allocator (the request region). */
struct grow {
	xmlChar *p;
	size_t len, cap;
};

static int
grow_sink(void *arg, const char *s, size_t n)
{
	struct grow *g = arg;
	if (n > ROWS_MAX_OUT - g->len)
		return -1;
	if (g->len + n + 1 > g->cap) {
		size_t cap = g->cap ? g->cap : 32768;
		while (cap < g->len + n + 1)
			cap *= 2;
		xmlChar *p = xmlRealloc(g->p, cap);
		if (p == NULL)
			return -1;
		g->p = p;
		g->cap = cap;
	}
	memcpy(g->p + g->len, s, n);
	g->len += n;
	g->p[g->len] = '\0';
	return 0;
}

static void
rows_run(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst, xsltElemPreCompPtr comp)
{
	struct rows_comp *rc = (struct rows_comp *)comp;
	xmlXPathContextPtr xp = ctxt->xpathCtxt;
	xmlXPathObjectPtr set = NULL;
	struct grow g = { NULL, 0, 0 };
	struct run r = { 0 };
	xmlNodePtr t;

	if (rc == NULL || rc->select == NULL || ctxt->insert == NULL)
		goto fail;
	xmlNodePtr old = xp->node;
	xp->node = node;
	set = xmlXPathCompiledEval(rc->select, xp);
	xp->node = old;
	if (set == NULL || set->type != XPATH_NODESET)
		goto fail;
	if (set->nodesetval == NULL || set->nodesetval->nodeNr == 0) {
		xmlXPathFreeObject(set);
		return;
	}
	if ((r.h = xmlMalloc(sizeof(*r.h))) == NULL)
		goto fail;
	hw_init(r.h, grow_sink, &g);
	for (int i = 0; i < set->nodesetval->nodeNr && !r.err; i++)
		exec(&r, rc->body, set->nodesetval->nodeTab[i], 0);
	if (r.err || hw_flush(r.h) != 0 || g.len == 0)
		goto fail;
	/* the bytes become the node's content as they are: no copy */
	if ((t = xmlNewDocText(ctxt->output, NULL)) == NULL)
		goto fail;
	t->content = g.p;
	t->name = xmlStringTextNoenc;
	g.p = NULL;
	xmlAddChild(ctxt->insert, t);
	xmlFree(r.h);
	xmlXPathFreeObject(set);
	return;
fail:
	xsltTransformError(ctxt, NULL, inst, "r:for-each: the rows could not be written\n");
	ctxt->state = XSLT_STATE_STOPPED;
	xmlFree(g.p);
	xmlFree(r.h);
	if (set != NULL)
		xmlXPathFreeObject(set);
}

/* A module for the namespace, so libxslt never looks for a plugin to load for it. */
static void *
rows_module_init(xsltTransformContextPtr ctxt, const xmlChar *uri)
{
	static int marker;
	return &marker;
}

static void
rows_module_done(xsltTransformContextPtr ctxt, const xmlChar *uri, void *data)
{
}

int
rows_register(void)
{
	if (xsltRegisterExtModule(BAD_CAST ROWS_NS, rows_module_init, rows_module_done) != 0)
		return -1;
	return xsltRegisterExtModuleElement(BAD_CAST "for-each", BAD_CAST ROWS_NS,
	    rows_compile, rows_run);
}
