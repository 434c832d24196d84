/*
 * test_request.c — req_parse_urlencoded(), req_decode(), req_utf8_ok(),
 * req_get() and req_cookie() from modules/core/request.c.
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
#include "request.h"

/* Each test gets a fresh arena as its state; the teardown frees it. */

/* Parses the NUL-terminated s into out (REQ_MAX_FIELDS slots). */
static enum req_err
parse(void **state, const char *s, struct kv *out, size_t *n)
{
	return req_parse_urlencoded(*state, s, strlen(s), out, REQ_MAX_FIELDS, n);
}

/* Percent-encodes every byte of s that is not [A-Za-z0-9_.-] into out. */
static void
encode(const char *s, char *out)
{
	static const char hx[] = "0123456789ABCDEF";
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-') {
			*out++ = (char)c;
		} else {
			*out++ = '%';
			*out++ = hx[c >> 4];
			*out++ = hx[c & 15];
		}
	}
	*out = '\0';
}

/* A malloc'd string: prefix followed by n copies of c. */
static char *
repeat(const char *prefix, const char *unit, size_t n)
{
	size_t pl = strlen(prefix), ul = strlen(unit);
	char *s = malloc(pl + ul * n + 1);
	assert_non_null(s);
	memcpy(s, prefix, pl);
	for (size_t i = 0; i < n; i++)
		memcpy(s + pl + i * ul, unit, ul);
	s[pl + ul * n] = '\0';
	return s;
}

static void
t_parse_basic(void **state)
{
	struct kv kv[REQ_MAX_FIELDS];
	size_t n = 99;

	assert_int_equal(parse(state, "a=1&bb=22&ccc=", kv, &n), REQ_OK);
	assert_int_equal(n, 3);
	assert_string_equal(kv[0].key, "a");
	assert_string_equal(kv[0].val, "1");
	assert_int_equal(kv[0].len, 1);
	assert_string_equal(kv[1].key, "bb");
	assert_string_equal(kv[1].val, "22");
	assert_int_equal(kv[1].len, 2);
	assert_string_equal(kv[2].key, "ccc");
	assert_string_equal(kv[2].val, "");
	assert_int_equal(kv[2].len, 0);
	assert_string_equal(req_get(kv, n, "bb"), "22");
	assert_null(req_get(kv, n, "b"));
	assert_null(req_get(kv, n, "A"));
}

static void
t_parse_empty(void **state)
{
	struct kv kv[REQ_MAX_FIELDS];
	size_t n = 99;

	assert_int_equal(parse(state, "", kv, &n), REQ_OK);
	assert_int_equal(n, 0);
	n = 99;
	assert_int_equal(parse(state, "&&&", kv, &n), REQ_OK);
	assert_int_equal(n, 0);
}

static void
t_parse_key_without_value(void **state)
{
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;

	assert_int_equal(parse(state, "flag&x=1", kv, &n), REQ_OK);
	assert_int_equal(n, 2);
	assert_string_equal(kv[0].key, "flag");
	assert_string_equal(kv[0].val, "");
	assert_int_equal(kv[0].len, 0);
	assert_string_equal(kv[1].key, "x");
	assert_string_equal(kv[1].val, "1");
}

static void
t_parse_empty_pieces(void **state)
{
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;

	assert_int_equal(parse(state, "&a=1&&b=2&", kv, &n), REQ_OK);
	assert_int_equal(n, 2);
	assert_string_equal(kv[0].key, "a");
	assert_string_equal(kv[1].key, "b");
	assert_string_equal(kv[1].val, "2");
}

static void
t_parse_plus_and_escapes(void **state)
{
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;

	assert_int_equal(parse(state,
	    "first+name=%E5%BC%A0+%E4%B8%89&x=a%2Bb%26c%3D&lc=%e4%b8%ad&eq=a=b", kv, &n),
	    REQ_OK);
	assert_int_equal(n, 4);
	assert_string_equal(kv[0].key, "first name");
	assert_string_equal(kv[0].val, "张 三");
	assert_int_equal(kv[0].len, strlen("张 三"));
	assert_string_equal(kv[1].val, "a+b&c=");
	assert_string_equal(kv[2].val, "中");
	/* only the first '=' separates key and value */
	assert_string_equal(kv[3].key, "eq");
	assert_string_equal(kv[3].val, "a=b");
}

static void
t_parse_newline_allowed(void **state)
{
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;

	assert_int_equal(parse(state, "note=a%0D%0Ab%09c", kv, &n), REQ_OK);
	assert_int_equal(n, 1);
	assert_string_equal(kv[0].val, "a\r\nb\tc");
	assert_int_equal(kv[0].len, 6);
}

static void
t_parse_bad_escapes(void **state)
{
	static const char *const bad[] = {
		"a=%zz", "a=%4", "a=%", "a=%4g", "a=%g4", "a=1%", "a=%%41",
		"%zz=1", "%=1", "k%4=1", "a=1&b=%2",
	};
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (parse(state, bad[i], kv, &n) != REQ_BAD)
			fail_msg("bad[%zu] accepted", i);
}

static void
t_parse_empty_key(void **state)
{
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;

	assert_int_equal(parse(state, "=1", kv, &n), REQ_BAD);
	assert_int_equal(parse(state, "a=1&=2", kv, &n), REQ_BAD);
	assert_int_equal(parse(state, "=", kv, &n), REQ_BAD);
}

static void
t_parse_repeated_key(void **state)
{
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;

	assert_int_equal(parse(state, "a=1&a=2", kv, &n), REQ_BAD);
	assert_int_equal(parse(state, "a=1&b=2&a", kv, &n), REQ_BAD);
	/* the same key once decoded */
	assert_int_equal(parse(state, "a=1&%61=2", kv, &n), REQ_BAD);
	assert_int_equal(parse(state, "a+b=1&a%20b=2", kv, &n), REQ_BAD);
	/* keys are case-sensitive */
	assert_int_equal(parse(state, "a=1&A=2", kv, &n), REQ_OK);
	assert_int_equal(n, 2);
}

static void
t_parse_field_count(void **state)
{
	struct kv kv[REQ_MAX_FIELDS];
	char s[REQ_MAX_FIELDS * 16];
	size_t n, o = 0;

	for (int i = 0; i < REQ_MAX_FIELDS; i++)
		o += (size_t)snprintf(s + o, sizeof(s) - o, "%sk%d=%d", i ? "&" : "", i, i);
	assert_int_equal(parse(state, s, kv, &n), REQ_OK);
	assert_int_equal(n, REQ_MAX_FIELDS);
	assert_string_equal(kv[REQ_MAX_FIELDS - 1].key, "k63");
	assert_string_equal(kv[REQ_MAX_FIELDS - 1].val, "63");

	snprintf(s + o, sizeof(s) - o, "&k%d=x", REQ_MAX_FIELDS);
	assert_int_equal(parse(state, s, kv, &n), REQ_BAD);

	/* the caller's max, not only REQ_MAX_FIELDS */
	assert_int_equal(req_parse_urlencoded(*state, "a=1&b=2&c=3", 11, kv, 2, &n), REQ_BAD);
	assert_int_equal(req_parse_urlencoded(*state, "a=1&b=2", 7, kv, 2, &n), REQ_OK);
	assert_int_equal(n, 2);
}

static void
t_parse_value_length(void **state)
{
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;
	char *s;

	s = repeat("v=", "x", REQ_MAX_VALUE);
	assert_int_equal(parse(state, s, kv, &n), REQ_OK);
	assert_int_equal(n, 1);
	assert_int_equal(kv[0].len, REQ_MAX_VALUE);
	assert_int_equal(strlen(kv[0].val), REQ_MAX_VALUE);
	free(s);

	s = repeat("v=", "x", REQ_MAX_VALUE + 1);
	assert_int_equal(parse(state, s, kv, &n), REQ_TOO_LARGE);
	free(s);

	/* escaped: one decoded byte over, three times as many raw */
	s = repeat("v=", "%41", REQ_MAX_VALUE + 1);
	assert_int_equal(parse(state, s, kv, &n), REQ_TOO_LARGE);
	free(s);

	/* 中 is 3 bytes: as many as fit, then one more that does not */
	s = repeat("v=", "%E4%B8%AD", REQ_MAX_VALUE / 3);
	assert_int_equal(parse(state, s, kv, &n), REQ_OK);
	assert_int_equal(kv[0].len, REQ_MAX_VALUE / 3 * 3);
	free(s);
	s = repeat("v=", "%E4%B8%AD", REQ_MAX_VALUE / 3 + 1);
	assert_int_equal(parse(state, s, kv, &n), REQ_TOO_LARGE);
	free(s);

	/* far past the raw limit */
	s = repeat("v=", "x", REQ_MAX_VALUE * 3 + 1);
	assert_int_equal(parse(state, s, kv, &n), REQ_TOO_LARGE);
	free(s);
}

static void
t_parse_key_length(void **state)
{
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;
	char *s;

	s = repeat("", "k", REQ_MAX_KEY);
	assert_int_equal(parse(state, s, kv, &n), REQ_OK);
	assert_int_equal(strlen(kv[0].key), REQ_MAX_KEY);
	free(s);
	/* over-long keys are bad syntax (request.h), however long */
	s = repeat("", "k", REQ_MAX_KEY + 1);
	assert_int_equal(parse(state, s, kv, &n), REQ_BAD);
	free(s);
	s = repeat("", "k", REQ_MAX_KEY * 3 + 1);
	assert_int_equal(parse(state, s, kv, &n), REQ_BAD);
	free(s);
}

static void
t_parse_invalid_utf8(void **state)
{
	static const char *const bad[] = {
		"a=%FF", "a=%C0%AF", "a=%C0%80", "a=%E0%80%AF", "a=%ED%A0%80",
		"a=%E4%B8", "a=%E4%B8x", "a=%80", "a=%F4%90%80%80", "a=%F8%88%80%80%80",
		"%FF=1", "a=\xff", "a=\xe4\xb8", "\xc3=1",
	};
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (parse(state, bad[i], kv, &n) != REQ_BAD)
			fail_msg("bad[%zu] accepted", i);
}

static void
t_parse_nul_and_controls(void **state)
{
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;

	assert_int_equal(parse(state, "a=%00", kv, &n), REQ_BAD);
	assert_int_equal(parse(state, "a=x%00y", kv, &n), REQ_BAD);
	assert_int_equal(parse(state, "a%00=1", kv, &n), REQ_BAD);
	assert_int_equal(parse(state, "%00=1", kv, &n), REQ_BAD);
	assert_int_equal(parse(state, "a=%01", kv, &n), REQ_BAD);
	assert_int_equal(parse(state, "a=%1B", kv, &n), REQ_BAD);
	assert_int_equal(parse(state, "a=%7F", kv, &n), REQ_BAD);
	/* a raw NUL inside the given length */
	assert_int_equal(req_parse_urlencoded(*state, "a=1\0b", 5, kv, REQ_MAX_FIELDS, &n),
	    REQ_BAD);
}

static void
t_parse_length_bound(void **state)
{
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;

	/* only s[0..len) is read */
	assert_int_equal(req_parse_urlencoded(*state, "a=1&b=2", 3, kv, REQ_MAX_FIELDS, &n),
	    REQ_OK);
	assert_int_equal(n, 1);
	assert_string_equal(kv[0].val, "1");
	assert_int_equal(req_parse_urlencoded(*state, "a=%41", 4, kv, REQ_MAX_FIELDS, &n),
	    REQ_BAD);
}

static void
t_parse_chinese_round_trip(void **state)
{
	static const char *const vals[] = {
		"郑州市公安局网络安全保卫支队",
		"张三",
		"河南省郑州市金水区 农业路 1 号（东门）",
		"备注：第一行\r\n第二行 ✓ 𠀀",
	};
	struct kv kv[REQ_MAX_FIELDS];
	char s[2048], enc[1024];
	size_t n, o = 0;

	for (size_t i = 0; i < 4; i++) {
		encode(vals[i], enc);
		o += (size_t)snprintf(s + o, sizeof(s) - o, "%s%s%zu=%s", i ? "&" : "",
		    i == 1 ? "%E5%A7%93%E5%90%8D" : "f", i, enc);
	}
	assert_int_equal(parse(state, s, kv, &n), REQ_OK);
	assert_int_equal(n, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(kv[i].val, vals[i]);
		assert_int_equal(kv[i].len, strlen(vals[i]));
	}
	assert_string_equal(kv[1].key, "姓名1");
	assert_string_equal(req_get(kv, n, "姓名1"), "张三");

	/* raw UTF-8, as some clients send it, is accepted as is */
	assert_int_equal(parse(state, "名称=郑州+市", kv, &n), REQ_OK);
	assert_int_equal(n, 1);
	assert_string_equal(kv[0].key, "名称");
	assert_string_equal(kv[0].val, "郑州 市");
}

static void
t_decode(void **state)
{
	char out[32];

	assert_int_equal(req_decode("a%20b+c", 7, out, 1), 5);
	assert_string_equal(out, "a b c");
	assert_int_equal(req_decode("a%20b+c", 7, out, 0), 5);
	assert_string_equal(out, "a b+c");
	assert_int_equal(req_decode("", 0, out, 1), 0);
	assert_string_equal(out, "");
	assert_int_equal(req_decode("%41%42", 6, out, 1), 2);
	assert_string_equal(out, "AB");
	assert_int_equal(req_decode("%4", 2, out, 1), -1);
	assert_int_equal(req_decode("%", 1, out, 1), -1);
	assert_int_equal(req_decode("x%41", 3, out, 1), -1);	/* escape cut by len */
	assert_int_equal(req_decode("%x1", 3, out, 1), -1);
	assert_int_equal(req_decode("%00", 3, out, 1), 1);
	assert_int_equal(out[0], '\0');
}

static void
t_utf8(void **state)
{
	static const struct { const char *s; int ok; } cases[] = {
		{ "plain ASCII ~", 1 },
		{ "tab\there\r\n", 1 },
		{ "中文", 1 },
		{ "\xc3\xa9", 1 },			/* é */
		{ "\xc2\x80", 1 },			/* U+0080, smallest 2-byte */
		{ "\xdf\xbf", 1 },			/* U+07FF */
		{ "\xe0\xa0\x80", 1 },			/* U+0800, smallest 3-byte */
		{ "\xed\x9f\xbf", 1 },			/* U+D7FF, below surrogates */
		{ "\xee\x80\x80", 1 },			/* U+E000, above surrogates */
		{ "\xef\xbf\xbd", 1 },			/* U+FFFD */
		{ "\xf0\x90\x80\x80", 1 },		/* U+10000, smallest 4-byte */
		{ "\xf0\x9f\x98\x80", 1 },		/* emoji */
		{ "\xf4\x8f\xbf\xbf", 1 },		/* U+10FFFF */
		/* control characters */
		{ "\x01", 0 }, { "a\x1f", 0 }, { "\x7f", 0 }, { "\x1b[0m", 0 },
		/* overlong forms */
		{ "\xc0\x80", 0 }, { "\xc0\xaf", 0 }, { "\xc1\xbf", 0 },
		{ "\xe0\x80\x80", 0 }, { "\xe0\x9f\xbf", 0 },
		{ "\xf0\x80\x80\x80", 0 }, { "\xf0\x8f\xbf\xbf", 0 },
		/* surrogates */
		{ "\xed\xa0\x80", 0 }, { "\xed\xad\xbf", 0 }, { "\xed\xb0\x80", 0 },
		{ "\xed\xbf\xbf", 0 },
		/* past U+10FFFF, and bytes that never start a sequence */
		{ "\xf4\x90\x80\x80", 0 }, { "\xf5\x80\x80\x80", 0 },
		{ "\xf7\xbf\xbf\xbf", 0 }, { "\xf8\x88\x80\x80\x80", 0 },
		{ "\xfc\x84\x80\x80\x80\x80", 0 }, { "\xfe", 0 }, { "\xff", 0 },
		/* lone continuation bytes */
		{ "\x80", 0 }, { "a\xbf", 0 },
		/* truncated sequences, at the end and before another byte */
		{ "\xc3", 0 }, { "\xe4\xb8", 0 }, { "\xe4", 0 }, { "\xf0\x9f\x98", 0 },
		{ "\xe4\xb8" "a", 0 }, { "\xc3" "a", 0 }, { "\xf0\x9f\x98" "a", 0 },
		{ "\xe4\xb8\xe4\xb8\xad", 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (req_utf8_ok(cases[i].s, strlen(cases[i].s)) != cases[i].ok)
			fail_msg("cases[%zu]: want %d", i, cases[i].ok);
	assert_int_equal(req_utf8_ok("", 0), 1);
	/* NUL is a control character; len, not the terminator, bounds the check */
	assert_int_equal(req_utf8_ok("a\0b", 3), 0);
	assert_int_equal(req_utf8_ok("中", 2), 0);
	assert_int_equal(req_utf8_ok("中\xff", 3), 1);
}

static void
t_cookie(void **state)
{
	char out[16];

	assert_int_equal(req_cookie("sid=abc; lang=zh-CN", "lang", out, sizeof(out)), 0);
	assert_string_equal(out, "zh-CN");
	assert_int_equal(req_cookie("sid=abc; lang=zh-CN", "sid", out, sizeof(out)), 0);
	assert_string_equal(out, "abc");
	assert_int_equal(req_cookie("lang=en", "lang", out, sizeof(out)), 0);
	assert_string_equal(out, "en");
	/* a name that is a prefix or suffix of another is not confused */
	assert_int_equal(req_cookie("xsid=1; sidx=2; sid=3", "sid", out, sizeof(out)), 0);
	assert_string_equal(out, "3");
	assert_int_equal(req_cookie("xsid=1; sidx=2", "sid", out, sizeof(out)), -1);
	assert_int_equal(req_cookie("sid", "sid", out, sizeof(out)), -1);
	assert_int_equal(req_cookie("", "sid", out, sizeof(out)), -1);
	assert_int_equal(req_cookie(NULL, "sid", out, sizeof(out)), -1);
	assert_int_equal(req_cookie(";;  ;", "sid", out, sizeof(out)), -1);
	/* stray separators and an empty value */
	assert_int_equal(req_cookie(";; sid=1;", "sid", out, sizeof(out)), 0);
	assert_string_equal(out, "1");
	assert_int_equal(req_cookie("a=1; sid=", "sid", out, sizeof(out)), 0);
	assert_string_equal(out, "");
	/* the first of two wins */
	assert_int_equal(req_cookie("sid=1; sid=2", "sid", out, sizeof(out)), 0);
	assert_string_equal(out, "1");
	/* the value must fit with its terminator */
	assert_int_equal(req_cookie("sid=abcd", "sid", out, 5), 0);
	assert_string_equal(out, "abcd");
	assert_int_equal(req_cookie("sid=abcde", "sid", out, 5), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_parse_basic, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_key_without_value, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_empty_pieces, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_plus_and_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_newline_allowed, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_bad_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_empty_key, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_repeated_key, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_field_count, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_value_length, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_key_length, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_invalid_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_nul_and_controls, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_length_bound, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse_chinese_round_trip, setup, teardown),
		cmocka_unit_test(t_decode),
		cmocka_unit_test(t_utf8),
		cmocka_unit_test(t_cookie),
	};
	return cmocka_run_group_tests_name("request", tests, NULL, NULL);
}
