/* test_password.c — argon2id strings: a right password verifies, anything else does not. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "password.h"

static void
test_round_trip(void **state)
{
	char h[PW_HASH_MAX], h2[PW_HASH_MAX];
	const char *pw = "长城-Great-Wall-1987";

	assert_int_equal(pw_init(), 0);
	assert_int_equal(pw_hash(pw, strlen(pw), h), 0);
	assert_true(strncmp(h, "$argon2id$", 10) == 0);
	assert_int_equal(pw_verify(h, pw, strlen(pw)), 1);
	/* one byte off, a prefix, or empty: no */
	assert_int_equal(pw_verify(h, "长城-Great-Wall-1988", strlen(pw)), 0);
	assert_int_equal(pw_verify(h, pw, strlen(pw) - 1), 0);
	assert_int_equal(pw_verify(h, "", 0), 0);
	/* the salt is fresh each time: the same password, another string */
	assert_int_equal(pw_hash(pw, strlen(pw), h2), 0);
	assert_true(strcmp(h, h2) != 0);
	assert_int_equal(pw_needs_rehash(h), 0);
}

static void
test_limits(void **state)
{
	char h[PW_HASH_MAX], big[PW_MAX_LEN + 2];

	assert_int_equal(pw_init(), 0);
	assert_int_equal(pw_hash("short", 5, h), -1);
	memset(big, 'a', sizeof(big));
	assert_int_equal(pw_hash(big, PW_MAX_LEN + 1, h), -1);
	assert_int_equal(pw_hash(big, PW_MAX_LEN, h), 0);
	/* not one of our strings, or none at all */
	assert_int_equal(pw_verify("$1$abc$def", "aaaaaaaaaa", 10), 0);
	assert_int_equal(pw_verify(NULL, "aaaaaaaaaa", 10), 0);
	assert_int_equal(pw_needs_rehash("$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"), 1);
}

int
main(void)
{
	const struct CMUnitTest t[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests(t, NULL, NULL);
}
