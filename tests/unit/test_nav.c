/*
 * test_nav.c — the site's modules (config `modules`, config.c), the nav
 * element nav.c puts in the page XML, and the built layout rendering it:
 * a site without incidents has no link to /incidents/ (WANGAN_XSLT: the
 * built stylesheets, as tests/unit/run exports it).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include "config.h"
#include "nav.h"

static int
setup(void **state)
{
	*state = calloc(1, sizeof(struct config));
	return *state != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	free(*state);
	return 0;
}

/* The nav element for the config text, serialized. */
static char *
nav_xml(struct config *c, const char *text)
{
	char err[128] = "";
	assert_int_equal(config_parse(c, text, err, sizeof(err)), 0);
	xmlDocPtr d = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "page");
	xmlDocSetRootElement(d, root);
	xmlNodePtr nav = nav_page(root, c);
	assert_non_null(nav);
	xmlBufferPtr b = xmlBufferCreate();
	xmlNodeDump(b, d, nav, 0, 0);
	char *s = strdup((const char *)xmlBufferContent(b));
	xmlBufferFree(b);
	xmlFreeDoc(d);
	return s;
}

static void
t_default_is_all_four(void **state)
{
	struct config *c = *state;
	char *s = nav_xml(c, "site_name = x\n");
	assert_int_equal(c->nmodules, 4);
	assert_string_equal(s, "<nav><item module=\"registration\" href=\"/registration/\"/>"
	    "<item module=\"pledges\" href=\"/pledges/\"/><item module=\"systems\" href=\"/systems/\"/>"
	    "<item module=\"incidents\" href=\"/incidents/\"/></nav>");
	free(s);
}

static void
t_the_sites_modules_in_its_order(void **state)
{
	struct config *c = *state;
	char *s = nav_xml(c, "modules = systems,  registration\tpledges ,\n");
	assert_int_equal(c->nmodules, 3);
	assert_string_equal(c->modules[0], "systems");
	assert_string_equal(config_get(c, "modules", NULL), "systems,  registration\tpledges ,");
	assert_string_equal(s, "<nav><item module=\"systems\" href=\"/systems/\"/>"
	    "<item module=\"registration\" href=\"/registration/\"/><item module=\"pledges\" href=\"/pledges/\"/></nav>");
	free(s);
	/* a later line overrides, as for every key */
	s = nav_xml(c, "modules = incidents\nmodules = cloud_vm2\n");
	assert_string_equal(s, "<nav><item module=\"cloud_vm2\" href=\"/cloud_vm2/\"/></nav>");
	free(s);
}

static void
t_bad_lists_fail(void **state)
{
	static const char *const bad[] = {
		"modules =\n", "modules = , ,\n", "modules = systems systems\n",
		"modules = Systems\n", "modules = sys/../x\n", "modules = 9lives\n", "modules = a-b\n",
		"modules = a b c d e f g h i j k l m n o p q\n",
		"modules = abcdefghijklmnopqrstuvwxyz0123456\n",
	};
	struct config *c = *state;
	char err[128];
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		assert_int_equal(config_parse(c, bad[i], err, sizeof(err)), -1);
		assert_non_null(strstr(err, "modules"));
	}
	/* sixteen names and one of 31 bytes are fine */
	assert_int_equal(config_parse(c, "modules = a b c d e f g h i j k l m n o p\n", err, sizeof(err)), 0);
	assert_int_equal(c->nmodules, 16);
	assert_int_equal(config_parse(c, "modules = abcdefghijklmnopqrstuvwxyz01234\n", err, sizeof(err)), 0);
}

/* The page of an error (core/error.xsl) in module m of a site with these modules, as HTML. */
static char *
render(struct config *c, const char *modules, const char *m, const char *lang)
{
	char path[1024], text[256], err[128];
	const char *dir = getenv("WANGAN_XSLT");
	assert_non_null(dir);	/* tests/unit/run sets it; the stylesheets are built by make all */
	snprintf(path, sizeof(path), "%s/%s/core/error.xsl", dir, lang);
	xsltStylesheetPtr xsl = xsltParseStylesheetFile(BAD_CAST path);
	assert_non_null(xsl);
	snprintf(text, sizeof(text), "modules = %s\n", modules);
	assert_int_equal(config_parse(c, text, err, sizeof(err)), 0);
	xmlDocPtr d = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "page");
	xmlDocSetRootElement(d, root);
	xmlNewProp(root, BAD_CAST "module", BAD_CAST m);
	xmlNewProp(root, BAD_CAST "lang", BAD_CAST lang);
	xmlNewProp(root, BAD_CAST "status", BAD_CAST "404");
	xmlNewProp(root, BAD_CAST "path", BAD_CAST "/");
	nav_page(root, c);
	xmlNewChild(root, NULL, BAD_CAST "messages", NULL);
	xmlNewProp(xmlNewChild(root, NULL, BAD_CAST "data", NULL), BAD_CAST "code", BAD_CAST "not_found");
	xmlDocPtr out = xsltApplyStylesheet(xsl, d, NULL);
	assert_non_null(out);
	xmlChar *html = NULL;
	int len = 0;
	xsltSaveResultToString(&html, &len, out, xsl);
	char *s = strdup(html ? (const char *)html : "");
	xmlFree(html);
	xmlFreeDoc(out);
	xmlFreeDoc(d);
	xsltFreeStylesheet(xsl);
	return s;
}

static void
t_layout_links_the_sites_modules_only(void **state)
{
	struct config *c = *state;
	static const char *const langs[] = { "zh-CN", "en" };
	for (int l = 0; l < 2; l++) {
		char *s = render(c, "registration pledges systems", "systems", langs[l]);
		assert_non_null(strstr(s, "href=\"/registration/\""));
		assert_non_null(strstr(s, "href=\"/pledges/\""));
		assert_non_null(strstr(s, "href=\"/systems/\" aria-current=\"page\""));
		assert_null(strstr(s, "/incidents/"));
		free(s);
		s = render(c, "registration pledges systems incidents", "incidents", langs[l]);
		assert_non_null(strstr(s, "href=\"/incidents/\" aria-current=\"page\""));
		assert_null(strstr(s, "href=\"/systems/\" aria-current"));
		free(s);
		/* the brand links to the site's first module */
		s = render(c, "systems incidents", "incidents", langs[l]);
		assert_non_null(strstr(s, "<a href=\"/systems/\" class=\"app\""));
		assert_null(strstr(s, "/registration/"));
		free(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_default_is_all_four, setup, teardown),
		cmocka_unit_test_setup_teardown(t_the_sites_modules_in_its_order, setup, teardown),
		cmocka_unit_test_setup_teardown(t_bad_lists_fail, setup, teardown),
		cmocka_unit_test_setup_teardown(t_layout_links_the_sites_modules_only, setup, teardown),
	};
	int rc = cmocka_run_group_tests_name("nav", tests, NULL, NULL);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
