/*
 * test_sha256.c — SHA-256 against the FIPS 180-4 examples, HMAC-SHA-256
 * against RFC 4231, and hex_encode(), from modules/core/sha256.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "sha256.h"

/* The hex digest of msg[0..n), hashed in pieces of `step` bytes. */
static void
digest(const void *msg, size_t n, size_t step, char hex[65])
{
	struct sha256 s;
	unsigned char out[32];
	const unsigned char *p = msg;

	sha256_init(&s);
	for (size_t i = 0; i < n; i += step)
		sha256_update(&s, p + i, n - i < step ? n - i : step);
	sha256_final(&s, out);
	hex_encode(out, sizeof(out), hex);
}

/* Checks msg in one piece and in pieces of 1, 3, 63, 64 and 65 bytes. */
static void
check(const char *msg, size_t n, const char *want)
{
	static const size_t steps[] = { 1, 3, 63, 64, 65 };
	char hex[65];

	digest(msg, n, n ? n : 1, hex);
	assert_string_equal(hex, want);
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		digest(msg, n, steps[i], hex);
		assert_string_equal(hex, want);
	}
}

static void
t_empty(void **state)
{
	check("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void
t_abc(void **state)
{
	check("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void
t_448(void **state)
{
	const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	assert_int_equal(strlen(m) * 8, 448);
	check(m, strlen(m), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void
t_896(void **state)
{
	const char *m = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	    "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	assert_int_equal(strlen(m) * 8, 896);
	check(m, strlen(m), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void
t_million_a(void **state)
{
	char *m = malloc(1000000);
	char hex[65];

	assert_non_null(m);
	memset(m, 'a', 1000000);
	digest(m, 1000000, 1000000, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	digest(m, 1000000, 1000, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(m);
}

/* Lengths around the padding boundary (55/56 and 119/120 bytes). */
static void
t_padding_boundaries(void **state)
{
	static const struct { size_t n; const char *want; } c[] = {
		{ 55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072" },
		{ 56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e" },
		{ 63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2" },
		{ 64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c" },
		{ 119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c" },
		{ 120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98" },
	};
	char m[128];

	memset(m, 'x', sizeof(m));
	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		check(m, c[i].n, c[i].want);
}

static void
hmac_hex(const void *key, size_t klen, const char *msg, char hex[65])
{
	unsigned char mac[32];
	hmac_sha256(key, klen, msg, strlen(msg), mac);
	hex_encode(mac, sizeof(mac), hex);
}

static void
t_hmac_rfc4231_1(void **state)
{
	unsigned char key[20];
	char hex[65];

	memset(key, 0x0b, sizeof(key));
	hmac_hex(key, sizeof(key), "Hi There", hex);
	assert_string_equal(hex, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

static void
t_hmac_rfc4231_2(void **state)
{
	char hex[65];

	hmac_hex("Jefe", 4, "what do ya want for nothing?", hex);
	assert_string_equal(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

static void
t_hmac_rfc4231_6(void **state)
{
	unsigned char key[131];
	char hex[65];

	memset(key, 0xaa, sizeof(key));
	hmac_hex(key, sizeof(key), "Test Using Larger Than Block-Size Key - Hash Key First", hex);
	assert_string_equal(hex, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

static void
t_hmac_rfc4231_7(void **state)
{
	unsigned char key[131];
	char hex[65];

	memset(key, 0xaa, sizeof(key));
	hmac_hex(key, sizeof(key), "This is a test using a larger than block-size key and a "
	    "larger than block-size data. The key needs to be hashed before being used by the "
	    "HMAC algorithm.", hex);
	assert_string_equal(hex, "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

/* A key of exactly one block is used as is, not hashed. */
static void
t_hmac_block_key(void **state)
{
	unsigned char key[64];
	char hex[65];

	for (int i = 0; i < 64; i++)
		key[i] = (unsigned char)i;
	hmac_hex(key, sizeof(key), "block-size key", hex);
	assert_string_equal(hex, "1dad230598e011a4e4eabc6c8da8f55ef9a66a8881d1e16e23ea116ae28231ec");
}

static void
t_hex_encode(void **state)
{
	const unsigned char in[] = { 0x00, 0x01, 0x7f, 0x80, 0xab, 0xff };
	char out[13];

	memset(out, 'X', sizeof(out));
	hex_encode(in, sizeof(in), out);
	assert_string_equal(out, "00017f80abff");
	hex_encode(in, 0, out);
	assert_string_equal(out, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_empty),
		cmocka_unit_test(t_abc),
		cmocka_unit_test(t_448),
		cmocka_unit_test(t_896),
		cmocka_unit_test(t_million_a),
		cmocka_unit_test(t_padding_boundaries),
		cmocka_unit_test(t_hmac_rfc4231_1),
		cmocka_unit_test(t_hmac_rfc4231_2),
		cmocka_unit_test(t_hmac_rfc4231_6),
		cmocka_unit_test(t_hmac_rfc4231_7),
		cmocka_unit_test(t_hmac_block_key),
		cmocka_unit_test(t_hex_encode),
	};
	return cmocka_run_group_tests_name("sha256", tests, NULL, NULL);
}
