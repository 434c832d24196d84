/*
 * password.h — passwords at rest: libsodium's argon2id (crypto_pwhash_str),
 * the string it writes carrying its own salt and cost, so raising the cost
 * later leaves old hashes verifiable (pw_needs_rehash tells when to rewrite
 * one at the next good login).  Nothing else in wangan sees a password.
 */
#ifndef WANGAN_PASSWORD_H
#define WANGAN_PASSWORD_H
#include <stddef.h>

/* crypto_pwhash_STRBYTES: the stored string with its NUL fits in this */
#define PW_HASH_MAX 128
/* what a person may choose: long enough to resist guessing, short enough to bound the hash's work */
#define PW_MIN_LEN 10
#define PW_MAX_LEN 128

/* Once per process, before any other call; 0, or -1 when libsodium cannot start. */
int pw_init(void);
/*
 * Writes the argon2id string of pw[0..len) to out (PW_HASH_MAX bytes).
 * 0, or -1 when the length is outside PW_MIN_LEN..PW_MAX_LEN or the hash
 * fails (out of memory: argon2id takes 64 MiB at the interactive cost).
 */
int pw_hash(const char *pw, size_t len, char out[PW_HASH_MAX]);
/* 1 when pw matches the stored string, 0 when not (or the string is not one of ours). */
int pw_verify(const char *stored, const char *pw, size_t len);
/* 1 when the stored string was made at another cost than pw_hash uses now. */
int pw_needs_rehash(const char *stored);
#endif
