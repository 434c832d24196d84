/*
 * test_csrf.c — csrf_make() and csrf_check() from modules/core/auth.c.
 * A token is "<unix time>.<64 hex digits of HMAC-SHA-256(secret, login|time)>".
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "csrf.h"
#include "sha256.h"

#define NOW 1750000000L
#define TTL 3600L

static struct config cfg;

static int
setup(void **state)
{
	memset(&cfg, 0, sizeof(cfg));
	cfg.csrf_secret = "s3cret-for-tests";
	cfg.csrf_ttl = TTL;
	return 0;
}

static void
t_format(void **state)
{
	char tok[80], hex[65];
	unsigned char mac[32];

	csrf_make(&cfg, "zhangsan", NOW, tok);
	assert_int_equal(strlen(tok), 11 + 64);
	assert_memory_equal(tok, "1750000000.", 11);
	/* the MAC is HMAC-SHA-256(secret, "login|time") in lower-case hex */
	const char *msg = "zhangsan|1750000000";
	hmac_sha256(cfg.csrf_secret, strlen(cfg.csrf_secret), msg, strlen(msg), mac);
	hex_encode(mac, sizeof(mac), hex);
	assert_string_equal(tok + 11, hex);
}

static void
t_valid(void **state)
{
	char tok[80];

	csrf_make(&cfg, "zhangsan", NOW, tok);
	assert_int_equal(csrf_check(&cfg, "zhangsan", tok, NOW), 1);
	assert_int_equal(csrf_check(&cfg, "zhangsan", tok, NOW + 1), 1);
	/* the last second of its life */
	assert_int_equal(csrf_check(&cfg, "zhangsan", tok, NOW + TTL), 1);
	csrf_make(&cfg, "张三", NOW, tok);
	assert_int_equal(csrf_check(&cfg, "张三", tok, NOW + 10), 1);
}

static void
t_other_login(void **state)
{
	char tok[80];

	csrf_make(&cfg, "zhangsan", NOW, tok);
	assert_int_equal(csrf_check(&cfg, "lisi", tok, NOW), 0);
	assert_int_equal(csrf_check(&cfg, "zhangsa", tok, NOW), 0);
	assert_int_equal(csrf_check(&cfg, "zhangsan ", tok, NOW), 0);
	assert_int_equal(csrf_check(&cfg, "", tok, NOW), 0);
}

static void
t_expired(void **state)
{
	char tok[80];

	csrf_make(&cfg, "zhangsan", NOW, tok);
	assert_int_equal(csrf_check(&cfg, "zhangsan", tok, NOW + TTL + 1), 0);
	assert_int_equal(csrf_check(&cfg, "zhangsan", tok, NOW + 86400), 0);
	/* a shorter ttl applies to tokens already issued */
	cfg.csrf_ttl = 60;
	assert_int_equal(csrf_check(&cfg, "zhangsan", tok, NOW + 61), 0);
	assert_int_equal(csrf_check(&cfg, "zhangsan", tok, NOW + 60), 1);
}

static void
t_future(void **state)
{
	char tok[80];

	/* auth.c allows 60 s of clock skew between workers, no more */
	csrf_make(&cfg, "zhangsan", NOW + 61, tok);
	assert_int_equal(csrf_check(&cfg, "zhangsan", tok, NOW), 0);
	csrf_make(&cfg, "zhangsan", NOW + 86400, tok);
	assert_int_equal(csrf_check(&cfg, "zhangsan", tok, NOW), 0);
	csrf_make(&cfg, "zhangsan", NOW + 3 * TTL, tok);
	assert_int_equal(csrf_check(&cfg, "zhangsan", tok, NOW), 0);
}

static void
t_tampered(void **state)
{
	char tok[80], t2[96];

	csrf_make(&cfg, "zhangsan", NOW, tok);
	/* each hex digit changed in turn */
	for (size_t i = 11; i < 75; i++) {
		memcpy(t2, tok, sizeof(tok));
		t2[i] = t2[i] == '0' ? '1' : '0';
		if (csrf_check(&cfg, "zhangsan", t2, NOW) != 0)
			fail_msg("digit %zu changed, token accepted", i);
	}
	/* upper-case hex is a different token */
	memcpy(t2, tok, sizeof(tok));
	for (char *p = t2 + 11; *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 'a' + 'A');
	if (strcmp(t2, tok) != 0)
		assert_int_equal(csrf_check(&cfg, "zhangsan", t2, NOW), 0);
	/* a later time with the old MAC */
	snprintf(t2, sizeof(t2), "%ld.%s", NOW + 1, tok + 11);
	assert_int_equal(csrf_check(&cfg, "zhangsan", t2, NOW + 1), 0);
	/* one digit short, one digit more */
	memcpy(t2, tok, sizeof(tok));
	t2[74] = '\0';
	assert_int_equal(csrf_check(&cfg, "zhangsan", t2, NOW), 0);
	snprintf(t2, sizeof(t2), "%s0", tok);
	assert_int_equal(csrf_check(&cfg, "zhangsan", t2, NOW), 0);
	/* made with another secret */
	cfg.csrf_secret = "another-secret";
	assert_int_equal(csrf_check(&cfg, "zhangsan", tok, NOW), 0);
}

static void
t_garbage(void **state)
{
	static const char *const bad[] = {
		"", "abc", "123.", "123", ".", "1750000000",
		"1750000000.", "1750000000x0000000000000000000000000000000000000000000000000000000000000000",
		".0000000000000000000000000000000000000000000000000000000000000000",
		"1750000000.000000000000000000000000000000000000000000000000000000000000000g",
		"1750000000.0000000000000000000000000000000000000000000000000000000000000000",
		"9223372036854775807.0000000000000000000000000000000000000000000000000000000000000000",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (csrf_check(&cfg, "zhangsan", bad[i], NOW) != 0)
			fail_msg("bad[%zu] accepted", i);
	assert_int_equal(csrf_check(&cfg, "zhangsan", NULL, NOW), 0);
}

/*
 * A time of LONG_MIN makes auth.c compute now - ts, a signed overflow
 * (undefined behaviour; UBSan reports it).  Skipped until auth.c checks
 * ts against now - csrf_ttl instead.
 */
static void
t_garbage_long_min(void **state)
{

	const char *tok =
	    "-9223372036854775808.0000000000000000000000000000000000000000000000000000000000000000";
	assert_int_equal(csrf_check(&cfg, "zhangsan", tok, NOW), 0);
}

static void
t_missing_secret(void **state)
{
	char tok[80];

	cfg.csrf_secret = NULL;
	csrf_make(&cfg, "zhangsan", NOW, tok);
	assert_int_equal(csrf_check(&cfg, "zhangsan", tok, NOW), 0);
	cfg.csrf_secret = "";
	csrf_make(&cfg, "zhangsan", NOW, tok);
	assert_int_equal(csrf_check(&cfg, "zhangsan", tok, NOW), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(t_format, setup),
		cmocka_unit_test_setup(t_valid, setup),
		cmocka_unit_test_setup(t_other_login, setup),
		cmocka_unit_test_setup(t_expired, setup),
		cmocka_unit_test_setup(t_future, setup),
		cmocka_unit_test_setup(t_tampered, setup),
		cmocka_unit_test_setup(t_garbage, setup),
		cmocka_unit_test_setup(t_garbage_long_min, setup),
		cmocka_unit_test_setup(t_missing_secret, setup),
	};
	return cmocka_run_group_tests_name("csrf", tests, NULL, NULL);
}
