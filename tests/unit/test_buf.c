/*
 * test_buf.c — capped growable strings from modules/core/buf.c.
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


static void
t_empty(void **state)
{
	struct buf b;

	buf_init(&b, *state, 16);
	assert_string_equal(buf_cstr(&b), "");
	assert_int_equal(b.len, 0);
	assert_int_equal(b.err, 0);
	assert_int_equal(buf_add(&b, "", 0), 0);
	assert_string_equal(buf_cstr(&b), "");
}

static void
t_append(void **state)
{
	struct buf b;

	buf_init(&b, *state, 64);
	assert_int_equal(buf_str(&b, "网安"), 0);
	assert_int_equal(buf_add(&b, "-xyz", 2), 0);
	assert_int_equal(buf_printf(&b, "%d/%s", 42, "ok"), 0);
	assert_string_equal(buf_cstr(&b), "网安-x42/ok");
	assert_int_equal(b.len, strlen("网安-x42/ok"));
	assert_int_equal(b.err, 0);
}

static void
t_growth(void **state)
{
	struct buf b;
	char want[5000];

	/* one byte at a time across several doublings */
	buf_init(&b, *state, sizeof(want) - 1);
	for (size_t i = 0; i < sizeof(want) - 1; i++) {
		want[i] = (char)('a' + i % 26);
		assert_int_equal(buf_add(&b, &want[i], 1), 0);
	}
	want[sizeof(want) - 1] = '\0';
	assert_int_equal(b.len, sizeof(want) - 1);
	assert_string_equal(buf_cstr(&b), want);
	assert_true(b.cap <= b.max + 1);
}

static void
t_cap_exact(void **state)
{
	struct buf b;

	buf_init(&b, *state, 8);
	assert_int_equal(buf_str(&b, "12345678"), 0);
	assert_string_equal(buf_cstr(&b), "12345678");
	assert_int_equal(b.err, 0);
	/* one byte past the maximum */
	assert_int_equal(buf_str(&b, "9"), -1);
	assert_int_equal(b.err, 1);
	assert_int_equal(b.len, 8);
	assert_string_equal(buf_cstr(&b), "12345678");
}

static void
t_cap_sticky(void **state)
{
	struct buf b;

	buf_init(&b, *state, 10);
	assert_int_equal(buf_str(&b, "abc"), 0);
	assert_int_equal(buf_str(&b, "defghijk"), -1);
	assert_int_equal(b.err, 1);
	/* once failed, even what would fit is refused */
	assert_int_equal(buf_str(&b, "d"), -1);
	assert_int_equal(buf_printf(&b, "%d", 1), -1);
	assert_int_equal(buf_json(&b, "e"), -1);
	assert_string_equal(buf_cstr(&b), "abc");
	assert_int_equal(b.len, 3);
}

static void
t_cap_huge(void **state)
{
	struct buf b;

	buf_init(&b, *state, 100);
	/* a length that would wrap b->len + n */
	assert_int_equal(buf_add(&b, "x", SIZE_MAX), -1);
	assert_int_equal(b.err, 1);
	buf_init(&b, *state, 0);
	assert_int_equal(buf_add(&b, "x", 1), -1);
}

static void
t_printf_limit(void **state)
{
	struct buf b;
	char big[600];

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	buf_init(&b, *state, 4096);
	/* buf_printf formats at most 511 bytes */
	assert_int_equal(buf_printf(&b, "%.511s", big), 0);
	assert_int_equal(b.len, 511);
	assert_int_equal(buf_printf(&b, "%s", big), -1);
	assert_int_equal(b.err, 1);
	assert_int_equal(b.len, 511);
}

static void
t_json(void **state)
{
	struct buf b;

	buf_init(&b, *state, 256);
	assert_int_equal(buf_json(&b, "say \"hi\" \\ back/slash"), 0);
	assert_string_equal(buf_cstr(&b), "say \\\"hi\\\" \\\\ back/slash");

	buf_init(&b, *state, 256);
	assert_int_equal(buf_json(&b, "a\nb\tc\rd\x01\x1f\x7f"), 0);
	assert_string_equal(buf_cstr(&b), "a\\u000ab\\u0009c\\u000dd\\u0001\\u001f\x7f");

	/* UTF-8 passes through untouched */
	buf_init(&b, *state, 256);
	assert_int_equal(buf_json(&b, "郑州 “网安” é"), 0);
	assert_string_equal(buf_cstr(&b), "郑州 “网安” é");

	buf_init(&b, *state, 256);
	assert_int_equal(buf_json(&b, NULL), 0);
	assert_int_equal(buf_json(&b, ""), 0);
	assert_string_equal(buf_cstr(&b), "");
}

static void
t_json_cap(void **state)
{
	struct buf b;

	/* three quotes need six bytes */
	buf_init(&b, *state, 5);
	assert_int_equal(buf_json(&b, "\"\"\""), -1);
	assert_int_equal(b.err, 1);
	assert_string_equal(buf_cstr(&b), "\\\"\\\"");
	buf_init(&b, *state, 6);
	assert_int_equal(buf_json(&b, "\"\"\""), 0);
	assert_string_equal(buf_cstr(&b), "\\\"\\\"\\\"");
	/* a control character needs six bytes, all or nothing */
	buf_init(&b, *state, 7);
	assert_int_equal(buf_json(&b, "ab\n"), -1);
	assert_string_equal(buf_cstr(&b), "ab");
	buf_init(&b, *state, 8);
	assert_int_equal(buf_json(&b, "ab\n"), 0);
	assert_string_equal(buf_cstr(&b), "ab\\u000a");
}

/* An object field by field: a comma between fields, none after the brace. */
static void
t_json_field(void **state)
{
	struct buf b;

	buf_init(&b, *state, 256);
	buf_str(&b, "{");
	assert_int_equal(buf_json_field(&b, "name", "say \"hi\""), 0);
	assert_int_equal(buf_json_field(&b, "k\"ey", ""), 0);
	buf_str(&b, "}");
	assert_string_equal(buf_cstr(&b), "{\"name\":\"say \\\"hi\\\"\",\"k\\\"ey\":\"\"}");
	/* after other members, the first field gets its comma */
	buf_init(&b, *state, 256);
	buf_str(&b, "{\"id\":7");
	buf_json_field(&b, "a", "b");
	assert_string_equal(buf_cstr(&b), "{\"id\":7,\"a\":\"b\"");
	/* over the cap: marked, and the result says so */
	buf_init(&b, *state, 8);
	buf_str(&b, "{");
	assert_int_equal(buf_json_field(&b, "long", "value"), -1);
	assert_int_equal(b.err, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(t_append, setup, teardown),
		cmocka_unit_test_setup_teardown(t_growth, setup, teardown),
		cmocka_unit_test_setup_teardown(t_cap_exact, setup, teardown),
		cmocka_unit_test_setup_teardown(t_cap_sticky, setup, teardown),
		cmocka_unit_test_setup_teardown(t_cap_huge, setup, teardown),
		cmocka_unit_test_setup_teardown(t_printf_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(t_json, setup, teardown),
		cmocka_unit_test_setup_teardown(t_json_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(t_json_field, setup, teardown),
	};
	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
