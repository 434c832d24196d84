/*
 * test_xmlmem.c — libxml2's per-request region (xmlmem.h): blocks come from
 * the region during a request and from malloc outside it; the newest block
 * is given back and grows in place; a request that outgrows the region
 * spills to malloc and still frees what it spilled; a transform gives the
 * same output in the region as outside, request after request.
 * LeakSanitizer (make test) checks that spilled blocks are freed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/xmlmemory.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include "xmlmem.h"
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif

static const char xsl_text[] =
    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
    "<xsl:template match='/'><ul><xsl:for-each select='//u'>"
    "<li class='{@k}'><xsl:value-of select='.'/><xsl:if test='@k = 2'> two</xsl:if></li>"
    "</xsl:for-each></ul></xsl:template></xsl:stylesheet>";

static xsltStylesheetPtr style;

static int
setup(void **state)
{
	(void)state;
	if (xm_init() != 0)
		return -1;
	xmlInitParser();
	/* compiled outside any request, like view_load() at start */
	xmlDocPtr d = xmlReadMemory(xsl_text, (int)strlen(xsl_text), "t.xsl", NULL, 0);
	style = d ? xsltParseStylesheetDoc(d) : NULL;
	return style ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	xsltFreeStylesheet(style);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return 0;
}

static void
malloc_outside_region_inside(void **state)
{
	(void)state;
	void *out = xmlMalloc(64);
	assert_false(xm_owns(out));
	xm_begin();
	void *in = xmlMalloc(64);
	assert_true(xm_owns(in));
	xmlFree(out);	/* a block from before the request goes back to malloc */
	xm_end();
	/* and one freed after its request ended is simply ignored */
	xmlFree(in);
}

static void
newest_block_reused_and_grows_in_place(void **state)
{
	(void)state;
	xm_begin();
	char *a = xmlMalloc(40);
	char *b = xmlMalloc(40);
	xmlFree(b);
	char *c = xmlMalloc(40);
	assert_ptr_equal(b, c);	/* the newest block's space came back */
	memcpy(c, "0123456789", 11);
	char *g = xmlRealloc(c, 4000);
	assert_ptr_equal(g, c);	/* the newest block grows where it is */
	assert_string_equal(g, "0123456789");
	memcpy(a, "older", 6);
	char *m = xmlRealloc(a, 100);	/* an older one moves, with its bytes */
	assert_ptr_not_equal(m, a);
	assert_true(xm_owns(m));
	assert_string_equal(m, "older");
	char *s = (char *)xmlStrdup(BAD_CAST "dup");
	assert_true(xm_owns(s));
	assert_string_equal(s, "dup");
	assert_true(xm_peak() >= 4000 + 100);
	xm_end();
#if defined(__SANITIZE_ADDRESS__)
	/* a block used after its request is caught, not silently reused */
	assert_true(__asan_address_is_poisoned(m));
#endif
}

static void
spills_to_malloc_and_frees_what_spilled(void **state)
{
	(void)state;
	xm_begin();
	xmlDocPtr d = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "big");
	xmlDocSetRootElement(d, root);
	assert_true(xm_owns(d));
	/* 1 MiB texts: the region is full after a few, the rest come from malloc */
	char *text = malloc(1 << 20);
	assert_non_null(text);
	memset(text, 'x', (1 << 20) - 1);
	text[(1 << 20) - 1] = '\0';
	int spilled = 0;
	for (unsigned i = 0; i < XM_REGION / (1u << 20) + 2; i++) {
		xmlNodePtr t = xmlNewTextChild(root, NULL, BAD_CAST "t", BAD_CAST text);
		assert_non_null(t);
		spilled |= !xm_owns(t->children->content);
	}
	assert_true(spilled);
	free(text);
	xm_doc_free(d);	/* must free() the spilled texts: LeakSanitizer checks */
	xm_end();
}

/* Blocks that fill the region to its last byte, then one more: the next must come from malloc. */
static void
fills_region_to_the_end(void **state)
{
	(void)state;
	void **spill = NULL;
	size_t n = 0;
	xm_begin();
	for (;;) {
		unsigned char *p = xmlMalloc(48);	/* 48 + the 16-byte header divide the region */
		assert_non_null(p);
		memset(p, 0xab, 48);	/* past the region's end this would fault */
		if (!xm_owns(p)) {
			spill = (void **)p;
			break;
		}
		n++;
	}
	assert_int_equal(n, XM_REGION / 64);
	xmlFree(spill);
	xm_end();
}

static char *
transform(void)
{
	xmlDocPtr in = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr r = xmlNewNode(NULL, BAD_CAST "r");
	xmlDocSetRootElement(in, r);
	for (int i = 0; i < 200; i++) {
		char k[16], v[32];
		snprintf(k, sizeof(k), "%d", i % 5);
		snprintf(v, sizeof(v), "row <%d> & more", i);
		xmlNodePtr u = xmlNewTextChild(r, NULL, BAD_CAST "u", BAD_CAST v);
		xmlNewProp(u, BAD_CAST "k", BAD_CAST k);
	}
	xmlDocPtr res = xsltApplyStylesheet(style, in, NULL);
	assert_non_null(res);
	xmlChar *out = NULL;
	int n = 0;
	xmlDocDumpMemory(res, &out, &n);
	char *copy = strndup((const char *)out, (size_t)n);	/* plain malloc: outlives the request */
	xmlFree(out);
	xm_doc_free(res);
	xm_doc_free(in);
	return copy;
}

static void
transform_same_in_region(void **state)
{
	(void)state;
	char *plain = transform();
	for (int i = 0; i < 500; i++) {
		xm_begin();
		char *inside = transform();
		xm_end();
		assert_string_equal(inside, plain);
		free(inside);
	}
	assert_non_null(strstr(plain, "<li class=\"2\">row &lt;2&gt; &amp; more two</li>"));
	free(plain);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(malloc_outside_region_inside),
		cmocka_unit_test(newest_block_reused_and_grows_in_place),
		cmocka_unit_test(spills_to_malloc_and_frees_what_spilled),
		cmocka_unit_test(fills_region_to_the_end),
		cmocka_unit_test(transform_same_in_region),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
