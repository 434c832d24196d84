/*
 * test_csv.c — csv_record() from modules/core/csv.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "fixture.h"
#include "csv.h"


/* One record of the NUL-terminated s from *pos, all CSV_MAX_FIELDS allowed. */
static int
rec(void **state, const char *s, size_t *pos, const char **f)
{
	return csv_record(*state, s, strlen(s), pos, f, CSV_MAX_FIELDS);
}

/* The first record of s, which must be malformed. */
static void
assert_bad(void **state, const char *s)
{
	const char *f[CSV_MAX_FIELDS];
	size_t pos = 0;
	if (rec(state, s, &pos, f) != -1)
		fail_msg("accepted: \"%s\"", s);
}

static void
t_simple(void **state)
{
	const char *f[CSV_MAX_FIELDS];
	const char *s = "a,bc,d\ne,f,g\n";
	size_t pos = 0;

	assert_int_equal(rec(state, s, &pos, f), 3);
	assert_string_equal(f[0], "a");
	assert_string_equal(f[1], "bc");
	assert_string_equal(f[2], "d");
	assert_int_equal(pos, 7);
	assert_int_equal(rec(state, s, &pos, f), 3);
	assert_string_equal(f[0], "e");
	assert_string_equal(f[2], "g");
	assert_int_equal(pos, strlen(s));
	assert_int_equal(rec(state, s, &pos, f), 0);
	assert_int_equal(rec(state, s, &pos, f), 0);
	assert_int_equal(pos, strlen(s));
}

static void
t_empty_input(void **state)
{
	const char *f[CSV_MAX_FIELDS];
	size_t pos = 0;

	assert_int_equal(rec(state, "", &pos, f), 0);
	assert_int_equal(pos, 0);
	pos = 10;
	assert_int_equal(csv_record(*state, "abc", 3, &pos, f, CSV_MAX_FIELDS), 0);
}

static void
t_quoted(void **state)
{
	const char *f[CSV_MAX_FIELDS];
	const char *s = "\"a,b\",\"c\"\"d\",\"\"\"\",e,\"\"\r\n";
	size_t pos = 0;

	assert_int_equal(rec(state, s, &pos, f), 5);
	assert_string_equal(f[0], "a,b");
	assert_string_equal(f[1], "c\"d");
	assert_string_equal(f[2], "\"");
	assert_string_equal(f[3], "e");
	assert_string_equal(f[4], "");
	assert_int_equal(pos, strlen(s));
}

static void
t_line_ends(void **state)
{
	const char *f[CSV_MAX_FIELDS];
	const char *s = "a,1\r\nb,2\nc,3\r\nd,4";
	size_t pos = 0;

	assert_int_equal(rec(state, s, &pos, f), 2);
	assert_string_equal(f[0], "a");
	assert_string_equal(f[1], "1");
	assert_int_equal(pos, 5);
	assert_int_equal(rec(state, s, &pos, f), 2);
	assert_string_equal(f[0], "b");
	assert_string_equal(f[1], "2");
	assert_int_equal(rec(state, s, &pos, f), 2);
	assert_string_equal(f[0], "c");
	assert_string_equal(f[1], "3");
	/* the last line without a line end */
	assert_int_equal(rec(state, s, &pos, f), 2);
	assert_string_equal(f[0], "d");
	assert_string_equal(f[1], "4");
	assert_int_equal(pos, strlen(s));
	assert_int_equal(rec(state, s, &pos, f), 0);
}

static void
t_last_line_quoted(void **state)
{
	const char *f[CSV_MAX_FIELDS];
	size_t pos = 0;

	assert_int_equal(rec(state, "x,\"y z\"", &pos, f), 2);
	assert_string_equal(f[1], "y z");
	assert_int_equal(pos, 7);
}

static void
t_bare_cr(void **state)
{
	const char *f[CSV_MAX_FIELDS];
	const char *s = "a\rb\r";
	size_t pos = 0;

	/* an old Mac line end also ends a record */
	assert_int_equal(rec(state, s, &pos, f), 1);
	assert_string_equal(f[0], "a");
	assert_int_equal(rec(state, s, &pos, f), 1);
	assert_string_equal(f[0], "b");
	assert_int_equal(rec(state, s, &pos, f), 0);
}

static void
t_embedded_newlines(void **state)
{
	const char *f[CSV_MAX_FIELDS];
	const char *s = "\"第一行\n第二行\",x\n\"a\r\nb\",\"\n\"\ny\n";
	size_t pos = 0;

	assert_int_equal(rec(state, s, &pos, f), 2);
	assert_string_equal(f[0], "第一行\n第二行");
	assert_string_equal(f[1], "x");
	assert_int_equal(rec(state, s, &pos, f), 2);
	assert_string_equal(f[0], "a\r\nb");
	assert_string_equal(f[1], "\n");
	assert_int_equal(rec(state, s, &pos, f), 1);
	assert_string_equal(f[0], "y");
	assert_int_equal(rec(state, s, &pos, f), 0);
}

static void
t_unterminated(void **state)
{
	assert_bad(state, "\"abc");
	assert_bad(state, "\"abc\n");
	assert_bad(state, "a,\"b");
	assert_bad(state, "a,\"b\"\"");
	assert_bad(state, "\"");
	assert_bad(state, "x,\"line\nnext line\n");
}

static void
t_text_after_quote(void **state)
{
	assert_bad(state, "\"a\"b,c");
	assert_bad(state, "\"a\" ,b");
	assert_bad(state, "x,\"a\"\"\"b\n");
	assert_bad(state, "\"a\"\"b\"c");
	/* a quote inside an unquoted field */
	assert_bad(state, "a\"b,c");
	assert_bad(state, "a,b\"");
	assert_bad(state, " \"a\"");
}

static void
t_bad_after_good(void **state)
{
	const char *f[CSV_MAX_FIELDS];
	const char *s = "ok,1\n\"bad\n";
	size_t pos = 0;

	assert_int_equal(rec(state, s, &pos, f), 2);
	assert_int_equal(pos, 5);
	assert_int_equal(rec(state, s, &pos, f), -1);
}

static void
t_field_count(void **state)
{
	const char *f[CSV_MAX_FIELDS];
	char s[CSV_MAX_FIELDS * 4 + 8];
	size_t pos, o = 0;

	for (int i = 0; i < CSV_MAX_FIELDS; i++)
		o += (size_t)snprintf(s + o, sizeof(s) - o, "%s%d", i ? "," : "", i);
	pos = 0;
	assert_int_equal(rec(state, s, &pos, f), CSV_MAX_FIELDS);
	assert_string_equal(f[CSV_MAX_FIELDS - 1], "31");
	/* one more field */
	snprintf(s + o, sizeof(s) - o, ",x\n");
	pos = 0;
	assert_int_equal(rec(state, s, &pos, f), -1);
	/* one more, empty */
	snprintf(s + o, sizeof(s) - o, ",");
	pos = 0;
	assert_int_equal(rec(state, s, &pos, f), -1);
	/* the caller's max */
	pos = 0;
	assert_int_equal(csv_record(*state, "a,b,c", 5, &pos, f, 2), -1);
	pos = 0;
	assert_int_equal(csv_record(*state, "a,b", 3, &pos, f, 2), 2);
	pos = 0;
	assert_int_equal(csv_record(*state, "a", 1, &pos, f, 0), -1);
}

static void
t_field_length(void **state)
{
	const char *f[CSV_MAX_FIELDS];
	char *s = malloc(CSV_MAX_FIELD + 8);
	size_t pos;

	assert_non_null(s);
	memset(s, 'x', CSV_MAX_FIELD);
	s[CSV_MAX_FIELD] = '\0';
	pos = 0;
	assert_int_equal(rec(state, s, &pos, f), 1);
	assert_int_equal(strlen(f[0]), CSV_MAX_FIELD);
	s[CSV_MAX_FIELD] = 'x';
	s[CSV_MAX_FIELD + 1] = '\0';
	pos = 0;
	assert_int_equal(rec(state, s, &pos, f), -1);
	/* quoted: the quotes do not count, the content does */
	s[0] = '"';
	memset(s + 1, 'x', CSV_MAX_FIELD);
	s[CSV_MAX_FIELD + 1] = '"';
	s[CSV_MAX_FIELD + 2] = '\0';
	pos = 0;
	assert_int_equal(rec(state, s, &pos, f), 1);
	assert_int_equal(strlen(f[0]), CSV_MAX_FIELD);
	s[CSV_MAX_FIELD + 1] = 'x';
	s[CSV_MAX_FIELD + 2] = '"';
	s[CSV_MAX_FIELD + 3] = '\0';
	pos = 0;
	assert_int_equal(rec(state, s, &pos, f), -1);
	free(s);
}

static void
t_chinese(void **state)
{
	const char *f[CSV_MAX_FIELDS];
	const char *s = "code,name,name_en,kind\n"
	    "ZZ-GA-01,郑州市公安局网安支队,\"Zhengzhou PSB, Cyber Security\",police\n"
	    "ZZ-JS-02,\"金水区“智慧”社区\",,community\n";
	size_t pos = 0;

	assert_int_equal(rec(state, s, &pos, f), 4);
	assert_string_equal(f[3], "kind");
	assert_int_equal(rec(state, s, &pos, f), 4);
	assert_string_equal(f[0], "ZZ-GA-01");
	assert_string_equal(f[1], "郑州市公安局网安支队");
	assert_string_equal(f[2], "Zhengzhou PSB, Cyber Security");
	assert_string_equal(f[3], "police");
	assert_int_equal(rec(state, s, &pos, f), 4);
	assert_string_equal(f[1], "金水区“智慧”社区");
	assert_string_equal(f[2], "");
	assert_int_equal(rec(state, s, &pos, f), 0);
}

static void
t_empty_fields(void **state)
{
	const char *f[CSV_MAX_FIELDS];
	const char *s = ",,\n\n\"\",a\na,";
	size_t pos = 0;

	assert_int_equal(rec(state, s, &pos, f), 3);
	assert_string_equal(f[0], "");
	assert_string_equal(f[1], "");
	assert_string_equal(f[2], "");
	/* a blank line is one empty field */
	assert_int_equal(rec(state, s, &pos, f), 1);
	assert_string_equal(f[0], "");
	assert_int_equal(rec(state, s, &pos, f), 2);
	assert_string_equal(f[0], "");
	assert_string_equal(f[1], "a");
	/* a trailing comma at the end of input */
	assert_int_equal(rec(state, s, &pos, f), 2);
	assert_string_equal(f[0], "a");
	assert_string_equal(f[1], "");
	assert_int_equal(rec(state, s, &pos, f), 0);
}

static void
t_invalid_utf8(void **state)
{
	const char *f[CSV_MAX_FIELDS];
	size_t pos = 0;

	assert_bad(state, "\xff");
	assert_bad(state, "a,\xe4\xb8,b");
	assert_bad(state, "\"\xc0\xaf\"");
	assert_bad(state, "\xed\xa0\x80");
	assert_bad(state, "a\x01");
	/* a NUL byte inside the input */
	assert_int_equal(csv_record(*state, "a\0b", 3, &pos, f, CSV_MAX_FIELDS), -1);
	pos = 0;
	assert_int_equal(csv_record(*state, "\"a\0b\"", 5, &pos, f, CSV_MAX_FIELDS), -1);
}

static void
t_fields_survive(void **state)
{
	const char *f1[CSV_MAX_FIELDS], *f2[CSV_MAX_FIELDS];
	const char *s = "one,two\nthree,four\n";
	size_t pos = 0;

	/* fields live in the arena until it is reset */
	assert_int_equal(rec(state, s, &pos, f1), 2);
	assert_int_equal(rec(state, s, &pos, f2), 2);
	assert_string_equal(f1[0], "one");
	assert_string_equal(f1[1], "two");
	assert_string_equal(f2[0], "three");
	assert_string_equal(f2[1], "four");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_simple, setup, teardown),
		cmocka_unit_test_setup_teardown(t_empty_input, setup, teardown),
		cmocka_unit_test_setup_teardown(t_quoted, setup, teardown),
		cmocka_unit_test_setup_teardown(t_line_ends, setup, teardown),
		cmocka_unit_test_setup_teardown(t_last_line_quoted, setup, teardown),
		cmocka_unit_test_setup_teardown(t_bare_cr, setup, teardown),
		cmocka_unit_test_setup_teardown(t_embedded_newlines, setup, teardown),
		cmocka_unit_test_setup_teardown(t_unterminated, setup, teardown),
		cmocka_unit_test_setup_teardown(t_text_after_quote, setup, teardown),
		cmocka_unit_test_setup_teardown(t_bad_after_good, setup, teardown),
		cmocka_unit_test_setup_teardown(t_field_count, setup, teardown),
		cmocka_unit_test_setup_teardown(t_field_length, setup, teardown),
		cmocka_unit_test_setup_teardown(t_chinese, setup, teardown),
		cmocka_unit_test_setup_teardown(t_empty_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(t_invalid_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(t_fields_survive, setup, teardown),
	};
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
