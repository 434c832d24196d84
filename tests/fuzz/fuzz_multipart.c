/*
 * fuzz_multipart.c — libFuzzer target for mp_parse() (and through it
 * req_utf8_ok()), mp_find(), mp_fields() and sniff_type().  The input is a
 * Content-Type line, "\n", and the body; an input without "\n" is a body
 * sent with a fixed boundary.  Beyond "does not crash" it reads every byte
 * of every part, checks what multipart.h promises of an accepted body, and
 * that the parts written out again, with a boundary none of them holds,
 * parse back to the same parts.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "multipart.h"
#include "sniff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define BOUNDARY "fuzzBoundary7MA4YWxkTrZu0gW"

/* Where the bytes of every part are summed, so that reading them stays. */
volatile unsigned sink;

/* 1 if s[0..n) may be a name: UTF-8, no tab, CR, LF or C1 control. */
static int
label_ref(const char *s, size_t n)
{
	if (!req_utf8_ok(s, n) || memchr(s, '\t', n) != NULL || memchr(s, '\r', n) != NULL ||
	    memchr(s, '\n', n) != NULL)
		return 0;
	for (size_t i = 0; i + 1 < n; i++)
		if ((unsigned char)s[i] == 0xc2 && (unsigned char)s[i + 1] < 0xa0)
			return 0;
	return 1;
}

/* Appends s as a quoted string, escaping '"' and '\\', at out + o. */
static size_t
quote(char *out, size_t o, const char *s)
{
	out[o++] = '"';
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			out[o++] = '\\';
		out[o++] = *s;
	}
	out[o++] = '"';
	return o;
}

static size_t
put(char *out, size_t o, const void *s, size_t n)
{
	memcpy(out + o, s, n);
	return o + n;
}

/* Checks one accepted part against multipart.h; returns the sum of its bytes. */
static unsigned
check(const struct mp_part *pt, const unsigned char *body, size_t len)
{
	unsigned sum = 0;
	size_t nl = strlen(pt->name);

	if (nl == 0 || nl > MP_MAX_NAME || !label_ref(pt->name, nl))
		abort();
	if (pt->filename != NULL) {
		size_t fl = strlen(pt->filename);
		if (fl > MP_MAX_FILENAME || !label_ref(pt->filename, fl) ||
		    strpbrk(pt->filename, "/\\") != NULL || strcmp(pt->filename, ".") == 0 ||
		    strcmp(pt->filename, "..") == 0)
			abort();
		/* a file lies in the body */
		if (pt->data < body || pt->len > len || pt->data > body + len - pt->len)
			abort();
		enum sniff_type t = sniff_type(pt->data, pt->len);
		if ((unsigned)t >= SNIFF__MAX || sniff_mime(t) == NULL || sniff_ext(t) == NULL)
			abort();
		if (t == SNIFF_PDF && memcmp(pt->data, "%PDF-", 5) != 0)
			abort();
	} else if (pt->len > MP_MAX_VALUE || strlen((const char *)pt->data) != pt->len ||
	    !req_utf8_ok((const char *)pt->data, pt->len)) {
		abort();
	}
	if (pt->type != NULL && !label_ref(pt->type, strlen(pt->type)))
		abort();
	for (size_t i = 0; i < pt->len; i++)
		sum += pt->data[i];
	return sum;
}

/*
 * Writes parts[0..n) as a body with BOUNDARY into a malloc'd buffer; NULL
 * when a part holds the boundary or its headers would pass MP_MAX_HEADER.
 */
static char *
write_body(const struct mp_part *p, size_t n, size_t *olen)
{
	size_t need = sizeof("--" BOUNDARY "--\r\n"), o = 0;
	char *out;

	for (size_t i = 0; i < n; i++) {
		size_t h = 2 * strlen(p[i].name) + 2 * (p[i].filename ? strlen(p[i].filename) : 0) +
		    (p[i].type ? strlen(p[i].type) : 0) + 96;
		if (h > MP_MAX_HEADER || memmem(p[i].data, p[i].len, "--" BOUNDARY, 2 + strlen(BOUNDARY)))
			return NULL;
		need += h + p[i].len + sizeof(BOUNDARY) + 8;
	}
	if ((out = malloc(need)) == NULL)
		abort();
	for (size_t i = 0; i < n; i++) {
		o = put(out, o, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=",
		    strlen("--" BOUNDARY "\r\nContent-Disposition: form-data; name="));
		o = quote(out, o, p[i].name);
		if (p[i].filename != NULL) {
			o = put(out, o, "; filename=", 11);
			o = quote(out, o, p[i].filename);
		}
		o = put(out, o, "\r\n", 2);
		if (p[i].type != NULL) {
			o = put(out, o, "Content-Type: ", 14);
			o = put(out, o, p[i].type, strlen(p[i].type));
			o = put(out, o, "\r\n", 2);
		}
		o = put(out, o, "\r\n", 2);
		o = put(out, o, p[i].data, p[i].len);
		o = put(out, o, "\r\n", 2);
	}
	o = put(out, o, "--" BOUNDARY "--\r\n", strlen("--" BOUNDARY "--\r\n"));
	if (o > need)
		abort();
	*olen = o;
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena ar;
	struct mp_part p[MP_MAX_PARTS], q[MP_MAX_PARTS];
	struct kv kv[REQ_MAX_FIELDS];
	const uint8_t *nl = memchr(data, '\n', size);
	const unsigned char *body = data;
	size_t len = size, n = 99, n2 = 99;
	char *ct;

	if (nl != NULL) {
		ct = malloc((size_t)(nl - data) + 1);
		if (ct == NULL)
			abort();
		memcpy(ct, data, (size_t)(nl - data));
		ct[nl - data] = '\0';
		body = nl + 1;
		len = size - (size_t)(nl - data) - 1;
	} else if ((ct = strdup("multipart/form-data; boundary=XyZ")) == NULL) {
		abort();
	}

	enum mp_err e = mp_parse(&ar, ct, body, len, p, MP_MAX_PARTS, &n);
	free(ct);
	if (e != MP_OK && e != MP_BAD && e != MP_TOO_LARGE)
		abort();
	if (e != MP_OK) {
		if (n != 0)
			abort();
		ar_reset(&ar);
		return 0;
	}
	if (n > MP_MAX_PARTS)
		abort();
	size_t nf = 0;
	for (size_t i = 0; i < n; i++) {
		sink += check(&p[i], body, len);
		const struct mp_part *f = mp_find(p, n, p[i].name);
		if (f == NULL || f > &p[i] || strcmp(f->name, p[i].name) != 0)
			abort();
		nf += p[i].filename == NULL;
	}
	if (mp_fields(p, n, kv, REQ_MAX_FIELDS) != nf)
		abort();

	/* written out again, the parts read back the same */
	size_t olen;
	char *out = write_body(p, n, &olen);
	if (out != NULL) {
		if (mp_parse(&ar, "multipart/form-data; boundary=\"" BOUNDARY "\"",
		    (const unsigned char *)out, olen, q, MP_MAX_PARTS, &n2) != MP_OK || n2 != n)
			abort();
		for (size_t i = 0; i < n; i++)
			if (strcmp(p[i].name, q[i].name) != 0 ||
			    (p[i].filename == NULL) != (q[i].filename == NULL) ||
			    (p[i].filename && strcmp(p[i].filename, q[i].filename) != 0) ||
			    (p[i].type == NULL) != (q[i].type == NULL) ||
			    (p[i].type && strcmp(p[i].type, q[i].type) != 0) ||
			    p[i].len != q[i].len || memcmp(p[i].data, q[i].data, p[i].len) != 0)
				abort();
		free(out);
	}
	ar_reset(&ar);
	return 0;
}
