/* password.c — argon2id through libsodium; see password.h. */
#include <string.h>
#include <sodium.h>
#include "password.h"

/*
 * The interactive limits: about 0.1 s and 64 MiB a hash on a campus server.
 * A login costs one hash, so this bounds an online guesser before the
 * slow-down after failed attempts does, and an offline one far more.
 */
#define PW_OPS crypto_pwhash_OPSLIMIT_INTERACTIVE
#define PW_MEM crypto_pwhash_MEMLIMIT_INTERACTIVE

_Static_assert(crypto_pwhash_STRBYTES <= PW_HASH_MAX, "PW_HASH_MAX holds libsodium's string");

int
pw_init(void)
{
	/* 0 the first time, 1 when already started: both are fine */
	return sodium_init() < 0 ? -1 : 0;
}

int
pw_hash(const char *pw, size_t len, char out[PW_HASH_MAX])
{
	if (len < PW_MIN_LEN || len > PW_MAX_LEN)
		return -1;
	return crypto_pwhash_str_alg(out, pw, len, PW_OPS, PW_MEM,
	    crypto_pwhash_ALG_ARGON2ID13) == 0 ? 0 : -1;
}

int
pw_verify(const char *stored, const char *pw, size_t len)
{
	/* a length no hash was made from cannot match: skip the 64 MiB of work */
	if (stored == NULL || len == 0 || len > PW_MAX_LEN ||
	    strnlen(stored, PW_HASH_MAX) >= PW_HASH_MAX)
		return 0;
	return crypto_pwhash_str_verify(stored, pw, len) == 0;
}

int
pw_needs_rehash(const char *stored)
{
	return crypto_pwhash_str_needs_rehash(stored, PW_OPS, PW_MEM) != 0;
}
