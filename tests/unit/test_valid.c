/*
 * test_valid.c — valid_check() for every vtype, valid_utf8_len(),
 * valid_form() and valid_url() from modules/core/valid.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "valid.h"

struct vcase {
	const char *s;
	const char *want;	/* NULL: valid */
};

/* Checks every case against a field of the given type, optional, no maxlen. */
static void
check_all(enum vtype type, const struct vcase *c, size_t n)
{
	const struct vfield f = { "f", type, 0, 0, NULL };
	for (size_t i = 0; i < n; i++) {
		const char *got = valid_check(&f, c[i].s);
		if ((got == NULL) != (c[i].want == NULL) ||
		    (got != NULL && strcmp(got, c[i].want) != 0))
			fail_msg("type %d, \"%s\": got %s, want %s", (int)type, c[i].s,
			    got ? got : "NULL", c[i].want ? c[i].want : "NULL");
	}
}

#define CHECK_ALL(type, cases) check_all(type, cases, sizeof(cases) / sizeof(cases[0]))

static void
t_mobile(void **state)
{
	static const struct vcase c[] = {
		{ "13812345678", NULL },
		{ "19912345678", NULL },
		{ "+8613812345678", NULL },
		{ "8613812345678", NULL },
		{ "12812345678", "mobile" },	/* second digit 2 */
		{ "10812345678", "mobile" },
		{ "23812345678", "mobile" },
		{ "1381234567", "mobile" },	/* 10 digits */
		{ "138123456789", "mobile" },	/* 12 digits */
		{ "1381234567a", "mobile" },
		{ "138-1234-5678", "mobile" },
		{ "+86 13812345678", "mobile" },
		{ "+8612812345678", "mobile" },
		{ "+861381234567", "mobile" },
		{ "０13812345678", "mobile" },
	};
	CHECK_ALL(V_MOBILE, c);
}

static void
t_phone(void **state)
{
	static const struct vcase c[] = {
		{ "0371-68221234", NULL },
		{ "68221234", NULL },
		{ "(0371)68221234", NULL },
		{ "0371-68221234-123", NULL },
		{ "010 12345678", NULL },
		{ "+86-371-68221234", NULL },
		{ "abc", "phone" },
		{ "12", "phone" },
		{ "1234", "phone" },		/* shorter than 5 */
		{ "0371-6822a234", "phone" },
		{ "0371/68221234", "phone" },
		{ "0371+68221234", "phone" },	/* '+' only in front */
		{ "1234567890123456789012345", "phone" },	/* longer than 24 */
		{ "(-) (-) (-) 1234", "phone" },	/* four digits */
		{ "０３７１６８２２１２３４", "phone" },
	};
	CHECK_ALL(V_PHONE, c);
}

static void
t_email(void **state)
{
	static const struct vcase c[] = {
		{ "a.b@x.edu.cn", NULL },
		{ "zhang_san+reg@gaj.zhengzhou.gov.cn", NULL },
		{ "a@x-y.cn", NULL },
		{ "a-b_c%d@x.cn", NULL },
		{ "a@b", "email" },
		{ "@x.cn", "email" },
		{ "a@@x.cn", "email" },
		{ "a@x@y.cn", "email" },
		{ "a@x..cn", "email" },
		{ "a b@x.cn", "email" },
		{ "a@x.c", "email" },		/* one-letter top-level domain */
		{ "a@.cn", "email" },
		{ "a@x.cn.", "email" },
		{ "a@x.", "email" },
		{ "a@", "email" },
		{ "a", "email" },
		{ "a@x_y.cn", "email" },
		{ "a@x .cn", "email" },
		{ "张三@x.cn", "email" },
		{ "a@郑州.cn", "email" },
		/* dots in the local part: not first, last or doubled */
		{ ".a@x.cn", "email" },
		{ "a.@x.cn", "email" },
		{ "a..b@x.cn", "email" },
		{ ".@x.cn", "email" },
		/* hyphens at the ends of a domain label */
		{ "a@-x.cn", "email" },
		{ "a@x-.cn", "email" },
		{ "a@x.-cn", "email" },
		{ "a@x.cn-", "email" },
	};
	CHECK_ALL(V_EMAIL, c);
}

static void
t_date(void **state)
{
	static const struct vcase c[] = {
		{ "2024-02-29", NULL },
		{ "2000-02-29", NULL },
		{ "2026-12-31", NULL },
		{ "1900-01-01", NULL },
		{ "2023-02-29", "date" },
		{ "1900-02-29", "date" },	/* 1900 was not a leap year */
		{ "2026-13-01", "date" },
		{ "2026-00-01", "date" },
		{ "2026-01-00", "date" },
		{ "2026-04-31", "date" },
		{ "2026-1-01", "date" },
		{ "2026-01-1", "date" },
		{ "2026/01/01", "date" },
		{ "20260101", "date" },
		{ "2026-01-01 ", "date" },
		{ "1899-12-31", "date" },
		{ "２０２６-01-01", "date" },
	};
	CHECK_ALL(V_DATE, c);
}

static void
t_int(void **state)
{
	static const struct vcase c[] = {
		{ "0", NULL },
		{ "42", NULL },
		{ "007", NULL },
		{ "9223372036854775807", NULL },
		{ "9223372036854775808", "number" },
		{ "-1", "number" },
		{ "+1", "number" },
		{ "1.5", "number" },
		{ " 1", "number" },
		{ "1 ", "number" },
		{ "1e3", "number" },
		{ "0x10", "number" },
		{ "一", "number" },
	};
	CHECK_ALL(V_INT, c);
}

static void
t_token(void **state)
{
	static const struct vcase c[] = {
		{ "abc", NULL },
		{ "A-Z_0.9", NULL },
		{ "a b", "token" },
		{ "a/b", "token" },
		{ "a+b", "token" },
		{ "中", "token" },
		{ "a\tb", "token" },
	};
	CHECK_ALL(V_TOKEN, c);
}

static void
t_text(void **state)
{
	static const struct vcase text[] = {
		{ "郑州市 金水区", NULL },
		{ "a\nb", "text" },
		{ "a\r", "text" },
		{ "a\tb", "text" },
		{ "\x01", "text" },
		{ "\xff", "text" },
		{ "\xe4\xb8", "text" },
	};
	static const struct vcase multi[] = {
		{ "第一行\r\n第二行\n\t缩进", NULL },
		{ "\x01", "text" },
		{ "\x7f", "text" },
		{ "\xc0\xaf", "text" },
	};
	CHECK_ALL(V_TEXT, text);
	CHECK_ALL(V_MULTILINE, multi);
	/* invalid UTF-8 is "text" whatever the type */
	static const struct vcase any[] = { { "1\xff", "text" } };
	CHECK_ALL(V_INT, any);
	CHECK_ALL(V_MOBILE, any);
	CHECK_ALL(V_TOKEN, any);
}

static void
t_choice(void **state)
{
	static const char *const kinds[] = { "company", "school", "个体", NULL };
	const struct vfield f = { "kind", V_CHOICE, 1, 0, kinds };
	const struct vfield none = { "kind", V_CHOICE, 0, 0, NULL };

	assert_null(valid_check(&f, "company"));
	assert_null(valid_check(&f, "个体"));
	assert_string_equal(valid_check(&f, "Company"), "choice");
	assert_string_equal(valid_check(&f, "compan"), "choice");
	assert_string_equal(valid_check(&f, "company "), "choice");
	assert_string_equal(valid_check(&f, ""), "required");
	assert_string_equal(valid_check(&none, "company"), "choice");
}

static void
t_required(void **state)
{
	for (int t = 0; t < V__MAX; t++) {
		const struct vfield req = { "f", (enum vtype)t, 1, 0, NULL };
		const struct vfield opt = { "f", (enum vtype)t, 0, 0, NULL };
		const char *got = valid_check(&req, "");
		if (got == NULL || strcmp(got, "required") != 0)
			fail_msg("type %d: required field accepted \"\"", t);
		if (valid_check(&opt, "") != NULL)
			fail_msg("type %d: optional field rejected \"\"", t);
	}
}

static void
t_too_long(void **state)
{
	const struct vfield f = { "name", V_TEXT, 1, 4, NULL };
	const struct vfield ascii = { "code", V_TOKEN, 1, 3, NULL };
	const struct vfield mob = { "m", V_MOBILE, 1, 11, NULL };

	/* four code points in twelve bytes: within a maxlen of 4 */
	assert_null(valid_check(&f, "中文测试"));
	assert_null(valid_check(&f, "a中b𠀀"));
	assert_string_equal(valid_check(&f, "中文测试五"), "too_long");
	assert_string_equal(valid_check(&f, "abcde"), "too_long");
	assert_null(valid_check(&ascii, "abc"));
	assert_string_equal(valid_check(&ascii, "abcd"), "too_long");
	/* too_long is reported before the type check */
	assert_string_equal(valid_check(&mob, "+8613812345678"), "too_long");
	assert_int_equal(valid_utf8_len(""), 0);
	assert_int_equal(valid_utf8_len("abc"), 3);
	assert_int_equal(valid_utf8_len("中文测试"), 4);
	assert_int_equal(valid_utf8_len("é𠀀x"), 3);
}

static void
t_unknown_type(void **state)
{
	const struct vfield f = { "f", V__MAX, 0, 0, NULL };
	assert_string_equal(valid_check(&f, "x"), "invalid");
}

static void
t_form(void **state)
{
	static const struct vfield t[] = {
		{ "name", V_TEXT, 1, 8, NULL },
		{ "mobile", V_MOBILE, 1, 0, NULL },
		{ "email", V_EMAIL, 0, 0, NULL },
		{ "note", V_MULTILINE, 0, 0, NULL },
		{ "code", V_TOKEN, 1, 0, NULL },
		{ "date", V_DATE, 1, 0, NULL },
	};
	const struct kv form[] = {
		{ "name", "  张三 \t", 9 },
		{ "mobile", "12812345678", 11 },
		{ "note", "\r\n 第一行\n第二行 \n", 0 },
		{ "code", " \t\r\n ", 5 },
		{ "date", " 2025-10-10\n", 12 },
		{ "other", "ignored", 7 },
	};
	const char *vals[6], *errs[6];
	struct arena ar;

	ar_init(&ar);
	assert_int_equal(valid_form(t, 6, form, 6, &ar, vals, errs), 2);
	assert_string_equal(vals[0], "张三");
	assert_null(errs[0]);
	assert_string_equal(vals[1], "12812345678");
	assert_string_equal(errs[1], "mobile");
	assert_string_equal(vals[2], "");
	assert_null(errs[2]);
	assert_string_equal(vals[3], "第一行\n第二行");
	assert_null(errs[3]);
	assert_string_equal(vals[4], "");
	assert_string_equal(errs[4], "required");
	assert_string_equal(vals[5], "2025-10-10");
	assert_null(errs[5]);

	/* an empty form: every required field in error, values "" */
	assert_int_equal(valid_form(t, 6, NULL, 0, &ar, vals, errs), 4);
	for (int i = 0; i < 6; i++)
		assert_string_equal(vals[i], "");
	assert_string_equal(errs[0], "required");
	assert_null(errs[2]);
	ar_free(&ar);
}

/* GB 32100-2015 check characters: the standard's own example and public company codes. */
static void
t_uscc(void **state)
{
	(void)state;
	assert_true(valid_uscc("91350100M000100Y43"));	/* GB 32100-2015's example */
	assert_true(valid_uscc("91110000802100433B"));
	assert_true(valid_uscc("91440300708461136T"));	/* check character a letter */
	assert_false(valid_uscc("91350100M000100Y44"));	/* wrong check character */
	assert_false(valid_uscc("91350100M000100Y4"));	/* 17 characters */
	assert_false(valid_uscc("91350100M000100Y433"));	/* 19 */
	assert_false(valid_uscc("91350100I000100Y43"));	/* I is not a symbol */
	assert_false(valid_uscc("91350100m000100Y43"));	/* lower case */
	assert_false(valid_uscc("91350100M000100Z43"));
	assert_false(valid_uscc(""));
	/* a transposition of two digits is caught */
	assert_false(valid_uscc("91110000801200433B"));
	assert_int_equal(valid_uscc_check("91350100M000100Y4"), '3');
	assert_int_equal(valid_uscc_check("91440300708461136"), 'T');
	assert_int_equal(valid_uscc_check("9144030070846113I"), '\0');	/* not a symbol */
	assert_int_equal(valid_uscc_check("914403"), '\0');	/* too short */
	struct vfield f = { "uscc", V_USCC, 1, 18, NULL };
	assert_null(valid_check(&f, "91440300708461136T"));
	assert_string_equal(valid_check(&f, "91440300708461136X"), "uscc");
}

static void
t_url(void **state)
{
	static const char *const ok[] = {
		"www.example.edu.cn", "jwc.example.edu.cn", "a.b", "xn--fiqs8s.example.cn",
		"my-site.example.edu.cn", "10.1.2.3", "jwc.example.edu.cn:8443/app/",
		"http://jwc.example.edu.cn", "https://jwc.example.edu.cn/",
		"https://jwc.example.edu.cn/a/b.html?x=1&y=%E4%B8%AD#top",
		"HTTPS://JWC.EXAMPLE.EDU.CN", "Http://jwc.example.edu.cn:80",
		"https://[2001:db8::1]:8443/", "http://10.1.2.3/status",
		"https://mp.weixin.qq.com/s/AbC-dEf_123~",
	};
	static const char *const bad[] = {
		"", "javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)",
		"javascript://jwc.example.edu.cn/%0aalert(1)", "java script:alert(1)",
		"jav&#x09;ascript:alert(1)", "javascript&colon;alert(1)",
		"data:text/html,<script>alert(1)</script>", "data:text/html;base64,PHNjcmlwdD4=",
		"vbscript:msgbox(1)", "VBScript:msgbox(1)", "ftp://ftp.example.edu.cn/",
		"file:///etc/passwd", "mailto:a@example.edu.cn", "//evil.example.com",
		"\\\\evil.example.com", "/\\evil.example.com", "http:evil.example.com",
		"https:/evil.example.com", "http:///evil.example.com", "http://", "https://:443/",
		"http://good.example.edu.cn@evil.example.com/", "http://user:pw@evil.example.com",
		"http://evil.example.com:99999/", "http://evil.example.com:/", "http://evil.example.com:8a",
		"http://localhost/", "localhost", "example", "-bad.example.com", "bad-.example.com",
		"bad..example.com", "example.com.", ".example.com", "http://[::1/", "http://[nothex]/",
		"http://exa mple.com", " http://example.com", "http://example.com/\"a", "http://example.com/'a",
		"http://example.com/<a>", "http://example.com/%zz", "http://example.com/%4",
		"http://例子.中国/", "jwc.example.edu.cn\t", "jwc.example.edu.cn\n",
		"http://example.com/`x`", "http://example.com/{x}",
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (!valid_url(ok[i]))
			fail_msg("refused \"%s\"", ok[i]);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (valid_url(bad[i]))
			fail_msg("accepted \"%s\"", bad[i]);
	char long_url[2100] = "https://example.com/";
	memset(long_url + 20, 'a', sizeof(long_url) - 21);
	long_url[sizeof(long_url) - 1] = '\0';
	assert_false(valid_url(long_url));
}

/* A further check flags a field once: its first message stays, the count says whether it was new. */
static void
t_flag(void **state)
{
	const char *errs[2] = { NULL, "date" };
	(void)state;
	assert_int_equal(valid_flag(errs, 0, "required"), 1);
	assert_string_equal(errs[0], "required");
	assert_int_equal(valid_flag(errs, 0, "other"), 0);
	assert_string_equal(errs[0], "required");
	assert_int_equal(valid_flag(errs, 1, "web_open_before"), 0);
	assert_string_equal(errs[1], "date");
}

static void
t_webhook(void **state)
{
	const char *hosts = "qyapi.weixin.qq.com, oapi.dingtalk.com,127.0.0.1";
	assert_true(valid_webhook("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", hosts));
	assert_true(valid_webhook("HTTPS://OAPI.DingTalk.com/robot/send?access_token=x", hosts));
	assert_true(valid_webhook("https://127.0.0.1:8443/hook", hosts));
	assert_false(valid_webhook("http://qyapi.weixin.qq.com/cgi-bin/webhook/send", hosts));	/* not TLS */
	assert_false(valid_webhook("https://qyapi.weixin.qq.com.evil.example/x", hosts));
	assert_false(valid_webhook("https://evil.example/?h=qyapi.weixin.qq.com", hosts));
	assert_false(valid_webhook("https://user@qyapi.weixin.qq.com/x", hosts));
	assert_false(valid_webhook("https://oapi.dingtalk.co/x", hosts));
	assert_false(valid_webhook("https://10.0.0.1/x", hosts));
	assert_false(valid_webhook("https://qyapi.weixin.qq.com/x", ""));
	assert_false(valid_webhook("https://qyapi.weixin.qq.com/a b", hosts));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_mobile),
		cmocka_unit_test(t_phone),
		cmocka_unit_test(t_email),
		cmocka_unit_test(t_date),
		cmocka_unit_test(t_int),
		cmocka_unit_test(t_token),
		cmocka_unit_test(t_text),
		cmocka_unit_test(t_choice),
		cmocka_unit_test(t_required),
		cmocka_unit_test(t_too_long),
		cmocka_unit_test(t_unknown_type),
		cmocka_unit_test(t_form),
		cmocka_unit_test(t_uscc),
		cmocka_unit_test(t_url),
		cmocka_unit_test(t_flag),
		cmocka_unit_test(t_webhook),
	};
	return cmocka_run_group_tests_name("valid", tests, NULL, NULL);
}
