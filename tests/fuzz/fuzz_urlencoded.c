/*
 * fuzz_urlencoded.c — libFuzzer target for req_parse_urlencoded() (and
 * through it req_decode() and req_utf8_ok()) and req_cookie().  Beyond "does
 * not crash" it checks what request.h promises of an accepted form, that
 * re-encoding the pairs parses back to the same pairs, and req_utf8_ok()
 * against a plain transcription of Unicode's well-formed byte sequences
 * (Table 3-7).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Unicode 15, Table 3-7, plus request.h's rule on control characters. */
static int
utf8_ref(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		unsigned lo = 0x80, hi = 0xbf;
		size_t n;
		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
				return 0;
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3;
		else
			return 0;
		/* the second byte's range depends on the first */
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
		else if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
		if (len - i <= n)
			return 0;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (size_t k = 2; k <= n; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xbf)
				return 0;
		i += n + 1;
	}
	return 1;
}

/* Percent-encodes s[0..n) into out, which holds 3n. */
static size_t
encode(const char *s, size_t n, char *out)
{
	static const char hx[] = "0123456789ABCDEF";
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
			out[o++] = (char)c;
		} else {
			out[o++] = '%';
			out[o++] = hx[c >> 4];
			out[o++] = hx[c & 15];
		}
	}
	return o;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena ar;
	struct kv kv[REQ_MAX_FIELDS], kv2[REQ_MAX_FIELDS];
	size_t n = 0, n2 = 0;
	const char *s = (const char *)data;

	if (req_utf8_ok(s, size) != utf8_ref(data, size))
		abort();

	/* the same bytes as a Cookie header */
	char *h = malloc(size + 1), val[64];
	if (h == NULL)
		abort();
	memcpy(h, data, size);
	h[size] = '\0';
	int rc = req_cookie(h, "sid", val, sizeof(val));
	if (rc != 0 && rc != -1)
		abort();
	if (rc == 0 && strlen(val) >= sizeof(val))
		abort();
	free(h);

	enum req_err e = req_parse_urlencoded(&ar, s, size, kv, REQ_MAX_FIELDS, &n);
	if (e != REQ_OK && e != REQ_BAD && e != REQ_TOO_LARGE)
		abort();
	if (n > REQ_MAX_FIELDS)
		abort();
	if (e != REQ_OK) {
		ar_reset(&ar);
		return 0;
	}

	/* an accepted form: valid keys and values, no duplicates */
	size_t need = 1;
	for (size_t i = 0; i < n; i++) {
		size_t kl = strlen(kv[i].key);
		if (kl == 0 || kl > REQ_MAX_KEY || kv[i].len > REQ_MAX_VALUE ||
		    strlen(kv[i].val) != kv[i].len ||
		    !req_utf8_ok(kv[i].key, kl) || !req_utf8_ok(kv[i].val, kv[i].len))
			abort();
		for (size_t j = 0; j < i; j++)
			if (strcmp(kv[i].key, kv[j].key) == 0)
				abort();
		need += 3 * (kl + kv[i].len) + 2;
	}

	/* re-encoded, the pairs parse back to themselves */
	char *enc = malloc(need);
	size_t o = 0;
	if (enc == NULL)
		abort();
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			enc[o++] = '&';
		o += encode(kv[i].key, strlen(kv[i].key), enc + o);
		enc[o++] = '=';
		o += encode(kv[i].val, kv[i].len, enc + o);
	}
	if (req_parse_urlencoded(&ar, enc, o, kv2, REQ_MAX_FIELDS, &n2) != REQ_OK || n2 != n)
		abort();
	for (size_t i = 0; i < n; i++)
		if (strcmp(kv[i].key, kv2[i].key) != 0 || kv[i].len != kv2[i].len ||
		    memcmp(kv[i].val, kv2[i].val, kv[i].len) != 0)
			abort();
	free(enc);
	ar_reset(&ar);
	return 0;
}
