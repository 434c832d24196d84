/*
 * test_jsonflat.c — the audit rows' flat JSON objects read back
 * (modules/core/jsonflat.c), as the audit viewer's diff reads them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "fixture.h"
#include "buf.h"
#include "jsonflat.h"

static void
t_flat(void **state)
{
	struct jf_pair p[8];
	int n = jf_parse("{\"code\":\"C-CS\", \"parent\":12,\"x\":null ,\"on\":true,\"neg\":-1.5e3}", *state, p, 8);
	assert_int_equal(n, 5);
	assert_string_equal(p[0].key, "code");
	assert_string_equal(p[0].val, "C-CS");
	assert_string_equal(p[1].val, "12");
	assert_null(p[2].val);
	assert_string_equal(p[3].val, "true");
	assert_string_equal(p[4].val, "-1.5e3");
	assert_int_equal(jf_parse("{}", *state, p, 8), 0);
	assert_int_equal(jf_parse("  { }  ", *state, p, 8), 0);
}

static void
t_escapes(void **state)
{
	struct jf_pair p[4];
	int n = jf_parse("{\"a\":\"q\\\"b\\\\s\\/\\n\",\"zh\":\"\\u8ba1\\u7b97\\u673a\",\"e\":\"\\ud83d\\ude00\"}", *state, p, 4);
	assert_int_equal(n, 3);
	assert_string_equal(p[0].val, "q\"b\\s/\n");
	assert_string_equal(p[1].val, "计算机");
	assert_string_equal(p[2].val, "\xf0\x9f\x98\x80");
}

/* What buf_json_field writes (every audit row), jf_parse reads back as it was. */
static void
t_round_trip(void **state)
{
	static const char *const vals[] = { "学院 \"新\"", "tab\there", "back\\slash", "", "line\nbreak" };
	struct buf b;
	struct jf_pair p[8];
	buf_init(&b, *state, 4096);
	buf_str(&b, "{");
	for (size_t i = 0; i < 5; i++) {
		char k[8] = "k0";
		k[1] = (char)('0' + i);
		buf_json_field(&b, k, vals[i]);
	}
	buf_str(&b, "}");
	assert_int_equal(jf_parse(buf_cstr(&b), *state, p, 8), 5);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(p[i].val, vals[i]);
}

static void
t_refused(void **state)
{
	static const char *const bad[] = {
		"", "[]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":{\"b\":1}}", "{\"a\":[1]}",
		"{\"a\":\"x}", "{\"a\":\"\\x\"}", "{\"a\":\"\\ud83d\"}", "{\"a\":\"\\udc00\"}", "{\"a\":1} x",
		"{\"a\":nul}", "{\"a\":\"\x01\"}", "{a:1}", "{\"a\":-}", "{\"a\":\"\\u12G4\"}",
	};
	struct jf_pair p[4];
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(jf_parse(bad[i], *state, p, 4), -1);
	assert_int_equal(jf_parse(NULL, *state, p, 4), -1);
	/* more pairs than room */
	assert_int_equal(jf_parse("{\"a\":1,\"b\":2,\"c\":3}", *state, p, 2), -1);
	assert_int_equal(jf_parse("{\"a\":1,\"b\":2}", *state, p, 2), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_flat, setup, teardown),
		cmocka_unit_test_setup_teardown(t_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(t_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(t_refused, setup, teardown),
	};
	return cmocka_run_group_tests_name("jsonflat", tests, NULL, NULL);
}
