/*
 * sha256.h — SHA-256 and HMAC-SHA-256 (FIPS 180-4, RFC 2104).  Kept in core
 * so CSRF tokens and upload digests need no crypto library beyond libc.
 */
#ifndef WANGAN_SHA256_H
#define WANGAN_SHA256_H
#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char blk[64];
	size_t nblk;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
void sha256_final(struct sha256 *s, unsigned char out[32]);
void hmac_sha256(const void *key, size_t klen, const void *msg, size_t mlen,
    unsigned char out[32]);
/* Lower-case hex of n bytes into out, which holds 2n+1. */
void hex_encode(const unsigned char *in, size_t n, char *out);
#endif
