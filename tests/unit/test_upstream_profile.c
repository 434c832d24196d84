/*
 * test_upstream_profile.c — the office's upstream profiles
 * (modules/office/upprofile.c): the built profiles compile, turn a small
 * canonical export into documents valid against their XSDs, and a profile
 * runs locked down: a stylesheet that reads a file with document() fails
 * instead of reading it.  Run from the repository's root (tests/unit/run).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxslt/xslt.h>
#include "../../modules/office/upstream.h"

static const char canon[] =
    "<?xml version='1.0' encoding='UTF-8'?>"
    "<canonical xmlns='urn:wangan:upstream:1' upstream='moe' profile='moe-persons' kind='full'>"
    "<watermark>2026-12-08T09:30:00</watermark><today>2026-12-08</today>"
    "<generated>2026-12-08T09:30:02</generated><site>示例理工学院</site>"
    "<registry xmlns='urn:wangan:registration:1' generated='2026-12-08T09:30:02' site='x'>"
    "<unit code='C-CS' kind='college'><name>计算机学院</name>"
    "<holder role='first'><name>张三</name><title>书记</title><mobile>13812345678</mobile>"
    "<effective>2026-01-05</effective><reported>2026-01-06T10:00:00</reported>"
    "<deadline>2026-01-12</deadline><late>false</late></holder></unit></registry>"
    "<systems xmlns='urn:wangan:systems:1' generated='2026-12-08T09:30:02' site='x' today='2026-12-08'>"
    "<system id='7' kind='website' status='online' cii='false'><unit code='C-CS'><name>计算机学院</name></unit>"
    "<name>学院网站</name><url>cs.example.edu.cn</url><hosting>campus</hosting><admin><name>李四</name></admin>"
    "<grading level='2'><graded>2025-03-01</graded><filing><number>41010099000007-1</number>"
    "<date>2025-04-01</date></filing></grading><nextDue>2027-03-01</nextDue>"
    "<updated>2026-12-01T08:00:00</updated></system></systems>"
    "</canonical>";

static const char *
xslt_dir(void)
{
	const char *d = getenv("WANGAN_XSLT");
	return d ? d : "build/asan/xslt";
}

static int
valid(const char *xsd, const xmlChar *doc, int len)
{
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(xsd);
	xmlSchemaPtr s = pc ? xmlSchemaParse(pc) : NULL;
	xmlSchemaValidCtxtPtr vc = s ? xmlSchemaNewValidCtxt(s) : NULL;
	xmlDocPtr d = xmlReadMemory((const char *)doc, len, "out.xml", NULL, XML_PARSE_NONET);
	int rc = vc && d ? xmlSchemaValidateDoc(vc, d) : -1;
	xmlFreeDoc(d);
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(s);
	xmlSchemaFreeParserCtxt(pc);
	return rc;
}

static void
run(const char *profile, const char *xsd, const char *want)
{
	xmlDocPtr in = xmlReadMemory(canon, (int)strlen(canon), "canon.xml", NULL, XML_PARSE_NONET);
	xmlChar *out;
	int len;
	assert_non_null(in);
	assert_int_equal(up_profile_run(profile, in, &out, &len), 0);
	assert_non_null(strstr((const char *)out, want));
	assert_int_equal(valid(xsd, out, len), 0);
	xmlFree(out);
	xmlFreeDoc(in);
}

static void
built_profiles_are_valid_against_their_schemas(void **state)
{
	assert_int_equal(up_profiles_load(xslt_dir()), 0);
	assert_int_equal(up_profile_sections("moe-persons"), UP_SEC_PERSONS);
	assert_int_equal(up_profile_sections("province-yearend"), UP_SEC_PERSONS | UP_SEC_SYSTEMS);
	assert_int_equal(up_profile_sections("nosuch"), 0);
	run("moe-persons", "schema/xml/upstream-moe-persons.xsd", "roleName=\"第一责任人\"");
	run("province-yearend", "schema/xml/upstream-province-yearend.xsd",
	    "<filing number=\"41010099000007-1\" date=\"2025-04-01\"/>");
	up_profiles_free();
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A profile that reads a file: document() is refused, the transform fails, nothing leaks out. */
static void
a_profile_cannot_read_files(void **state)
{
	char dir[] = "/tmp/wangan-upXXXXXX", sub[128], path[192];
	assert_non_null(mkdtemp(dir));
	snprintf(sub, sizeof(sub), "%s/zh-CN", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(sub, sizeof(sub), "%s/zh-CN/upstream", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	static const char reader[] =
	    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
	    "<xsl:template match='/'><out><xsl:copy-of select=\"document('/etc/hostname')\"/></out></xsl:template>"
	    "</xsl:stylesheet>";
	static const char plain[] =
	    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
	    "<xsl:template match='/'><out/></xsl:template></xsl:stylesheet>";
	snprintf(path, sizeof(path), "%s/moe-persons.xsl", sub);
	write_file(path, reader);
	snprintf(path, sizeof(path), "%s/province-yearend.xsl", sub);
	write_file(path, plain);
	assert_int_equal(up_profiles_load(dir), 0);
	xmlDocPtr in = xmlReadMemory(canon, (int)strlen(canon), "canon.xml", NULL, XML_PARSE_NONET);
	xmlChar *out = NULL;
	int len = 0;
	assert_int_equal(up_profile_run("moe-persons", in, &out, &len), -1);
	assert_null(out);
	assert_int_equal(up_profile_run("province-yearend", in, &out, &len), 0);
	assert_non_null(strstr((const char *)out, "<out/>"));
	xmlFree(out);
	xmlFreeDoc(in);
	up_profiles_free();
	unlink(path);
	snprintf(path, sizeof(path), "%s/moe-persons.xsl", sub);
	unlink(path);
	rmdir(sub);
	snprintf(sub, sizeof(sub), "%s/zh-CN", dir);
	rmdir(sub);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(built_profiles_are_valid_against_their_schemas),
		cmocka_unit_test(a_profile_cannot_read_files),
	};
	xmlInitParser();
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
