/*
 * test_multipart.c — mp_parse(), mp_find() and mp_fields() from
 * modules/core/multipart.c.
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
#include "multipart.h"

/* Each test gets a fresh arena as its state; the teardown frees it. */

#define CT "multipart/form-data; boundary=XyZ"
/* A literal body and its length, NUL bytes included. */
#define BODY(s) (const unsigned char *)(s), sizeof(s) - 1
/* One field's headers, in the short form most tests use. */
#define FIELD(name) "Content-Disposition: form-data; name=\"" name "\"\r\n\r\n"

/* Parses body[0..len) sent as ct into p, all MP_MAX_PARTS slots offered. */
static enum mp_err
parse(void **state, const char *ct, const unsigned char *body, size_t len,
    struct mp_part *p, size_t *n)
{
	*n = 99;
	return mp_parse(*state, ct, body, len, p, MP_MAX_PARTS, n);
}

/* Appends the NUL-terminated s at b + *o. */
static void
put(char *b, size_t *o, const char *s)
{
	size_t l = strlen(s);
	memcpy(b + *o, s, l);
	*o += l;
}

/* Appends n copies of c at b + *o. */
static void
fill(char *b, size_t *o, int c, size_t n)
{
	memset(b + *o, c, n);
	*o += n;
}

/* Fails unless ct/body parses to the single field name=val. */
static void
assert_one_field(void **state, const char *ct, const unsigned char *body, size_t len,
    const char *name, const char *val)
{
	struct mp_part p[MP_MAX_PARTS];
	size_t n;

	assert_int_equal(parse(state, ct, body, len, p, &n), MP_OK);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].name, name);
	assert_null(p[0].filename);
	assert_string_equal((const char *)p[0].data, val);
	assert_int_equal(p[0].len, strlen(val));
}

/* Fails unless ct/body is rejected with want, and no parts are reported. */
static void
assert_err(void **state, const char *ct, const unsigned char *body, size_t len,
    enum mp_err want)
{
	struct mp_part p[MP_MAX_PARTS];
	size_t n;

	assert_int_equal(parse(state, ct, body, len, p, &n), want);
	assert_int_equal(n, 0);
}

static void
t_fields(void **state)
{
	static const char b[] =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n"
	    "\r\n"
	    "1700000000.abcdef\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"签字人\"\r\n"
	    "\r\n"
	    "张三\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"note\"\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "\r\n"
	    "line one\r\nline\ttwo\r\n\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"empty\"\r\n"
	    "\r\n"
	    "\r\n"
	    "--XyZ--\r\n";
	struct mp_part p[MP_MAX_PARTS];
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;

	assert_int_equal(parse(state, CT, BODY(b), p, &n), MP_OK);
	assert_int_equal(n, 4);
	assert_string_equal(p[0].name, "csrf");
	assert_null(p[0].filename);
	assert_null(p[0].type);
	assert_string_equal((const char *)p[0].data, "1700000000.abcdef");
	assert_int_equal(p[0].len, 17);
	assert_string_equal(p[1].name, "签字人");
	assert_string_equal((const char *)p[1].data, "张三");
	assert_int_equal(p[1].len, 6);
	assert_string_equal(p[2].name, "note");
	assert_string_equal(p[2].type, "text/plain; charset=UTF-8");
	/* the CRLF before the delimiter is the delimiter's, the one before it data */
	assert_string_equal((const char *)p[2].data, "line one\r\nline\ttwo\r\n");
	assert_int_equal(p[2].len, 20);
	assert_string_equal(p[3].name, "empty");
	assert_string_equal((const char *)p[3].data, "");
	assert_int_equal(p[3].len, 0);
	/* field values are copies, not pointers into the body */
	for (size_t i = 0; i < n; i++)
		assert_true((const char *)p[i].data < b || (const char *)p[i].data >= b + sizeof(b));

	assert_ptr_equal(mp_find(p, n, "note"), &p[2]);
	assert_null(mp_find(p, n, "Note"));
	assert_null(mp_find(p, n, "nothing"));
	assert_int_equal(mp_fields(p, n, kv, REQ_MAX_FIELDS), 4);
	assert_string_equal(req_get(kv, 4, "签字人"), "张三");
	assert_int_equal(kv[2].len, 20);
	assert_int_equal(mp_fields(p, n, kv, 2), 2);
	assert_string_equal(kv[1].key, "签字人");
}

static void
t_file_binary(void **state)
{
	/* CR, LF, NUL, "--", a bare "--XyZ" line, and three near-delimiters */
	static const char data[] =
	    "%PDF-1.4\r\n\0\0\r\r\n\n--\r\n--\r\n-XyZ\r\n--XyZ"
	    "X\r\n--XyZ-\r\n--xyz\r\n--XyZ\n--Xy\r\n\xff\xfe\x80--XyZ\r\n";
	static const char b[] =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"scan\"; filename=\"scan.pdf\"\r\n"
	    "Content-Type: application/pdf\r\n"
	    "\r\n"
	    "%PDF-1.4\r\n\0\0\r\r\n\n--\r\n--\r\n-XyZ\r\n--XyZ"
	    "X\r\n--XyZ-\r\n--xyz\r\n--XyZ\n--Xy\r\n\xff\xfe\x80--XyZ\r\n"
	    "\r\n--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"signer\"\r\n"
	    "\r\n"
	    "李四\r\n"
	    "--XyZ--";
	struct mp_part p[MP_MAX_PARTS];
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;

	assert_int_equal(parse(state, CT, BODY(b), p, &n), MP_OK);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].name, "scan");
	assert_string_equal(p[0].filename, "scan.pdf");
	assert_string_equal(p[0].type, "application/pdf");
	assert_int_equal(p[0].len, sizeof(data) - 1);
	assert_memory_equal(p[0].data, data, sizeof(data) - 1);
	/* a file is not copied */
	assert_ptr_equal(p[0].data, (const unsigned char *)strstr(b, "%PDF"));
	assert_string_equal(p[1].name, "signer");
	assert_string_equal((const char *)p[1].data, "李四");
	assert_ptr_equal(mp_find(p, n, "scan"), &p[0]);
	/* only fields become key/value pairs */
	assert_int_equal(mp_fields(p, n, kv, REQ_MAX_FIELDS), 1);
	assert_string_equal(kv[0].key, "signer");
}

static void
t_preamble_epilogue(void **state)
{
	/* the preamble may hold a near-delimiter; the epilogue anything */
	static const char b[] =
	    "This is a preamble.\r\n--XyZX\r\n--XyZ\r\n"
	    FIELD("a") "1\r\n"
	    "--XyZ--\r\nepilogue \xff\0 --XyZ\r\n" FIELD("b") "2";
	/* transport padding after a delimiter */
	static const char pad[] = "--XyZ \t\r\n" FIELD("a") "1\r\n--XyZ\t\r\n" FIELD("b") "2\r\n--XyZ--";
	struct mp_part p[MP_MAX_PARTS];
	size_t n;

	assert_one_field(state, CT, BODY(b), "a", "1");
	assert_int_equal(parse(state, CT, BODY(pad), p, &n), MP_OK);
	assert_int_equal(n, 2);
	assert_string_equal((const char *)p[1].data, "2");
	/* no parts at all */
	assert_int_equal(parse(state, CT, BODY("--XyZ--"), p, &n), MP_OK);
	assert_int_equal(n, 0);
	assert_int_equal(parse(state, CT, BODY("preamble\r\n--XyZ--\r\n"), p, &n), MP_OK);
	assert_int_equal(n, 0);
}

static void
t_empty_data(void **state)
{
	/* a part with no data: the blank line's CRLF opens the delimiter */
	static const char b[] = "--XyZ\r\n" FIELD("a") "--XyZ\r\n" FIELD("b") "\r\n--XyZ--";
	static const char f[] = "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"scan\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n\r\n--XyZ--\r\n";
	struct mp_part p[MP_MAX_PARTS];
	size_t n;

	assert_int_equal(parse(state, CT, BODY(b), p, &n), MP_OK);
	assert_int_equal(n, 2);
	assert_string_equal((const char *)p[0].data, "");
	assert_int_equal(p[0].len, 0);
	assert_string_equal((const char *)p[1].data, "");
	assert_int_equal(p[1].len, 0);
	/* a file input left empty */
	assert_int_equal(parse(state, CT, BODY(f), p, &n), MP_OK);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].filename, "");
	assert_int_equal(p[0].len, 0);
}

static void
t_quoted_boundary(void **state)
{
	static const char b[] =
	    "--a b'()+_,-./:=?\r\n" FIELD("x") "y\r\n--a b'()+_,-./:=?--";
	static const char w[] =
	    "------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n" FIELD("x") "y\r\n"
	    "------WebKitFormBoundary7MA4YWxkTrZu0gW--\r\n";

	assert_one_field(state, "multipart/form-data; boundary=\"a b'()+_,-./:=?\"", BODY(b),
	    "x", "y");
	assert_one_field(state,
	    "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW", BODY(w),
	    "x", "y");
	/* case, spacing, other parameters */
	assert_one_field(state, "Multipart/Form-Data ;charset=utf-8;  BOUNDARY=\"XyZ\"",
	    BODY("--XyZ\r\n" FIELD("x") "y\r\n--XyZ--"), "x", "y");
	/* a trailing space is not allowed (RFC 2046), even when the body has it */
	assert_err(state, "multipart/form-data; boundary=\"XyZ \"",
	    BODY("--XyZ \r\n" FIELD("x") "y\r\n--XyZ --"), MP_BAD);
	/* the boundary is case-sensitive */
	assert_err(state, "multipart/form-data; boundary=xyz",
	    BODY("--XyZ\r\n" FIELD("x") "y\r\n--XyZ--"), MP_BAD);
}

static void
t_bad_content_type(void **state)
{
	static const char *const bad[] = {
		"", "multipart/form-data", "multipart/form-data;", "multipart/form-data; ",
		"multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
		"multipart/form-data; boundary=\"XyZ", "multipart/form-data; boundary=Xy\"Z\"",
		"multipart/form-data; boundary=XyZ;", "multipart/form-data; boundary = XyZ",
		"multipart/form-data; boundary=XyZ; boundary=XyZ",
		"multipart/form-data boundary=XyZ", "multipart/form-dataa; boundary=XyZ",
		"multipart/mixed; boundary=XyZ", "text/plain; boundary=XyZ",
		"application/x-www-form-urlencoded",
		/* characters outside bchars, and a trailing space */
		"multipart/form-data; boundary=\"Xy\\\"Z\"", "multipart/form-data; boundary=\"XyZ \"",
		"multipart/form-data; boundary=\"Xy\tZ\"", "multipart/form-data; boundary=\"中\"",
		"multipart/form-data; boundary=Xy*Z", "multipart/form-data; boundary=\"Xy\\Z\"",
	};
	static const char b[] = "--XyZ\r\n" FIELD("x") "y\r\n--XyZ--";

	assert_err(state, NULL, BODY(b), MP_BAD);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct mp_part p[MP_MAX_PARTS];
		size_t n;
		if (parse(state, bad[i], BODY(b), p, &n) != MP_BAD)
			fail_msg("bad[%zu] accepted: %s", i, bad[i]);
	}
}

static void
t_boundary_length(void **state)
{
	char ct[128], b[256];
	size_t o = 0;

	/* 70 characters: the most RFC 2046 allows */
	memset(b, 0, sizeof(b));
	put(b, &o, "--");
	fill(b, &o, 'b', MP_MAX_BOUNDARY);
	put(b, &o, "\r\n" FIELD("x") "y\r\n--");
	fill(b, &o, 'b', MP_MAX_BOUNDARY);
	put(b, &o, "--");
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%.*s", MP_MAX_BOUNDARY, b + 2);
	assert_one_field(state, ct, (const unsigned char *)b, o, "x", "y");
	/* 71 is too long, even when the body matches */
	o = 0;
	put(b, &o, "--");
	fill(b, &o, 'b', MP_MAX_BOUNDARY + 1);
	put(b, &o, "\r\n" FIELD("x") "y\r\n--");
	fill(b, &o, 'b', MP_MAX_BOUNDARY + 1);
	put(b, &o, "--");
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=\"%.*s\"",
	    MP_MAX_BOUNDARY + 1, b + 2);
	assert_err(state, ct, (const unsigned char *)b, o, MP_BAD);
	/* one character is enough */
	assert_one_field(state, "multipart/form-data; boundary=-",
	    BODY("---\r\n" FIELD("x") "y\r\n-----"), "x", "y");
}

static void
t_filename_path(void **state)
{
	static const struct { const char *raw, *want; } cases[] = {
		{ "scan.pdf", "scan.pdf" },
		{ "C:\\\\Users\\\\张三\\\\扫描件 1.pdf", "扫描件 1.pdf" },	/* escaped */
		{ "C:\\Users\\me\\scan.pdf", "scan.pdf" },	/* as browsers send it */
		{ "/home/me/scan.jpg", "scan.jpg" },
		{ "../../etc/passwd", "passwd" },
		{ "..\\..\\boot.ini", "boot.ini" },
		{ "dir/", "" },
		{ "a/b\\c/d.png", "d.png" },
		{ "..scan.pdf", "..scan.pdf" },
		{ "", "" },
	};
	static const char *const bad[] = { ".", "..", "a/..", "C:\\\\..", "/." };
	struct mp_part p[MP_MAX_PARTS];
	char b[512];
	size_t n;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int l = snprintf(b, sizeof(b), "--XyZ\r\nContent-Disposition: form-data; "
		    "name=\"f\"; filename=\"%s\"\r\n\r\n\x89PNG\r\n\r\n--XyZ--", cases[i].raw);
		assert_int_equal(parse(state, CT, (const unsigned char *)b, (size_t)l, p, &n),
		    MP_OK);
		assert_int_equal(n, 1);
		assert_string_equal(p[0].filename, cases[i].want);
		assert_int_equal(p[0].len, 6);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int l = snprintf(b, sizeof(b), "--XyZ\r\nContent-Disposition: form-data; "
		    "name=\"f\"; filename=\"%s\"\r\n\r\nx\r\n--XyZ--", bad[i]);
		if (parse(state, CT, (const unsigned char *)b, (size_t)l, p, &n) != MP_BAD)
			fail_msg("bad[%zu] accepted: %s", i, bad[i]);
	}
}

static void
t_missing_close(void **state)
{
	assert_err(state, CT, BODY(""), MP_BAD);
	assert_err(state, CT, (const unsigned char *)"", 0, MP_BAD);
	assert_err(state, CT, NULL, 0, MP_BAD);
	assert_err(state, CT, BODY("--XyZ-"), MP_BAD);
	assert_err(state, CT, BODY("no delimiter at all"), MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\n" FIELD("a") "1"), MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\n" FIELD("a") "1\r\n"), MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\n" FIELD("a") "1\r\n--XyZ"), MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\n" FIELD("a") "1\r\n--XyZ-"), MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\n" FIELD("a") "1\r\n--XyZ\r\n"), MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\n" FIELD("a") "1\r\n--XyZX--"), MP_BAD);
	/* headers cut off */
	assert_err(state, CT, BODY("--XyZ\r\n"), MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\nContent-Disposition: form-data; name=\"a\""),
	    MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"),
	    MP_BAD);
	/* a delimiter needs its CRLF, except the first */
	assert_err(state, CT, BODY("--XyZ\r\n" FIELD("a") "1--XyZ--"), MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\n" FIELD("a") "1\n--XyZ--"), MP_BAD);
}

static void
t_too_many_parts(void **state)
{
	struct mp_part p[MP_MAX_PARTS + 1];
	size_t n, o = 0, cap = (MP_MAX_PARTS + 1) * 64 + 16;
	char *b = malloc(cap), f[64];

	assert_non_null(b);
	for (int i = 0; i < MP_MAX_PARTS; i++) {
		snprintf(f, sizeof(f), "--XyZ\r\n" FIELD("k%d") "%d\r\n", i, i);
		put(b, &o, f);
	}
	put(b, &o, "--XyZ--");
	assert_int_equal(mp_parse(*state, CT, (unsigned char *)b, o, p, MP_MAX_PARTS + 1, &n),
	    MP_OK);
	assert_int_equal(n, MP_MAX_PARTS);
	assert_string_equal(p[MP_MAX_PARTS - 1].name, "k63");
	assert_string_equal((const char *)p[MP_MAX_PARTS - 1].data, "63");
	/* the caller's max */
	assert_int_equal(mp_parse(*state, CT, (unsigned char *)b, o, p, 3, &n), MP_TOO_LARGE);
	assert_int_equal(n, 0);
	assert_int_equal(mp_parse(*state, CT, (unsigned char *)b, o, p, 0, &n), MP_TOO_LARGE);

	/* one more than MP_MAX_PARTS, however many slots the caller has */
	o -= strlen("--XyZ--");
	put(b, &o, "--XyZ\r\n" FIELD("one-more") "x\r\n--XyZ--");
	assert_int_equal(mp_parse(*state, CT, (unsigned char *)b, o, p, MP_MAX_PARTS + 1, &n),
	    MP_TOO_LARGE);
	assert_int_equal(n, 0);
	free(b);
}

static void
t_header_length(void **state)
{
	static const char cd[] = "Content-Disposition: form-data; name=\"a\"\r\n";
	struct mp_part p[MP_MAX_PARTS];
	char b[2 * MP_MAX_HEADER];
	size_t n, o = 0, pad = MP_MAX_HEADER - (sizeof(cd) - 1) - strlen("X-Pad: \r\n\r\n");

	/* the whole block, blank line included, is exactly MP_MAX_HEADER */
	put(b, &o, "--XyZ\r\n");
	put(b, &o, cd);
	put(b, &o, "X-Pad: ");
	fill(b, &o, 'p', pad);
	put(b, &o, "\r\n\r\n1\r\n--XyZ--");
	assert_int_equal(parse(state, CT, (unsigned char *)b, o, p, &n), MP_OK);
	assert_int_equal(n, 1);
	assert_string_equal((const char *)p[0].data, "1");

	/* one byte more */
	o = 0;
	put(b, &o, "--XyZ\r\n");
	put(b, &o, cd);
	put(b, &o, "X-Pad: ");
	fill(b, &o, 'p', pad + 1);
	put(b, &o, "\r\n\r\n1\r\n--XyZ--");
	assert_err(state, CT, (unsigned char *)b, o, MP_TOO_LARGE);

	/* a header that never ends, with the body ending before the limit or after */
	o = 0;
	put(b, &o, "--XyZ\r\n");
	put(b, &o, cd);
	fill(b, &o, 'p', 100);
	assert_err(state, CT, (unsigned char *)b, o, MP_BAD);
	fill(b, &o, 'p', MP_MAX_HEADER);
	assert_err(state, CT, (unsigned char *)b, o, MP_TOO_LARGE);
}

static void
t_field_length(void **state)
{
	struct mp_part p[MP_MAX_PARTS];
	size_t n, o = 0, cap = MP_MAX_VALUE + 256;
	char *b = malloc(cap);

	assert_non_null(b);
	put(b, &o, "--XyZ\r\n" FIELD("v"));
	fill(b, &o, 'x', MP_MAX_VALUE);
	put(b, &o, "\r\n--XyZ--");
	assert_int_equal(parse(state, CT, (unsigned char *)b, o, p, &n), MP_OK);
	assert_int_equal(p[0].len, MP_MAX_VALUE);
	assert_int_equal(strlen((const char *)p[0].data), MP_MAX_VALUE);

	o = 0;
	put(b, &o, "--XyZ\r\n" FIELD("v"));
	fill(b, &o, 'x', MP_MAX_VALUE + 1);
	put(b, &o, "\r\n--XyZ--");
	assert_err(state, CT, (unsigned char *)b, o, MP_TOO_LARGE);

	/* a file has no such limit */
	o = 0;
	put(b, &o, "--XyZ\r\nContent-Disposition: form-data; name=\"v\"; filename=\"v\"\r\n\r\n");
	fill(b, &o, 'x', MP_MAX_VALUE + 1);
	put(b, &o, "\r\n--XyZ--");
	assert_int_equal(parse(state, CT, (unsigned char *)b, o, p, &n), MP_OK);
	assert_int_equal(p[0].len, MP_MAX_VALUE + 1);
	free(b);
}

static void
t_large_file(void **state)
{
	/* a 20 MiB scan of a's against a boundary of a's: the slow case for memmem() */
	size_t size = 20u * 1024 * 1024, o = 0, n;
	char *b = malloc(size + 512), ct[128];
	struct mp_part p[MP_MAX_PARTS];

	assert_non_null(b);
	put(b, &o, "--");
	fill(b, &o, 'a', MP_MAX_BOUNDARY);
	put(b, &o, "\r\nContent-Disposition: form-data; name=\"scan\"; filename=\"a.pdf\"\r\n\r\n");
	size_t start = o;
	fill(b, &o, 'a', size);
	put(b, &o, "\r\n--");
	fill(b, &o, 'a', MP_MAX_BOUNDARY);
	put(b, &o, "--\r\n");
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%.*s", MP_MAX_BOUNDARY, b + 2);
	assert_int_equal(parse(state, ct, (unsigned char *)b, o, p, &n), MP_OK);
	assert_int_equal(n, 1);
	assert_ptr_equal(p[0].data, (unsigned char *)b + start);
	assert_int_equal(p[0].len, size);
	free(b);
}

static void
t_bad_utf8(void **state)
{
	static const char *const bad[] = {
		/* field values */
		"--XyZ\r\n" FIELD("a") "\xff\r\n--XyZ--",
		"--XyZ\r\n" FIELD("a") "\xe4\xb8\r\n--XyZ--",
		"--XyZ\r\n" FIELD("a") "\xc0\xaf\r\n--XyZ--",
		"--XyZ\r\n" FIELD("a") "\x1b[0m\r\n--XyZ--",
		"--XyZ\r\n" FIELD("a") "\x7f\r\n--XyZ--",
		/* names and filenames */
		"--XyZ\r\n" FIELD("\xff") "1\r\n--XyZ--",
		"--XyZ\r\n" FIELD("a\tb") "1\r\n--XyZ--",
		"--XyZ\r\n" FIELD("a\xc2\x85") "1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\xed\xa0\x80.pdf\"\r\n"
		    "\r\nx\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\xc2\x9b.pdf\"\r\n"
		    "\r\nx\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\x01.pdf\"\r\n"
		    "\r\nx\r\n--XyZ--",
		/* a bad byte in a header we ignore */
		"--XyZ\r\nX-Note: \x01\r\n" FIELD("a") "1\r\n--XyZ--",
		"--XyZ\r\nContent-Type: text/plain\xff\r\n" FIELD("a") "1\r\n--XyZ--",
	};
	struct mp_part p[MP_MAX_PARTS];
	size_t n;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (parse(state, CT, (const unsigned char *)bad[i], strlen(bad[i]), p, &n) != MP_BAD)
			fail_msg("bad[%zu] accepted", i);
	/* a NUL in a field, inside the length */
	assert_err(state, CT, BODY("--XyZ\r\n" FIELD("a") "1\0002\r\n--XyZ--"), MP_BAD);
	/* a file's bytes are its own business */
	assert_int_equal(parse(state, CT, BODY("--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"f\"\r\n\r\n\xff\0\x1b\r\n--XyZ--"), p, &n), MP_OK);
	assert_int_equal(p[0].len, 3);
}

static void
t_no_disposition(void **state)
{
	static const char *const bad[] = {
		"--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nX-Other: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\n" FIELD("a") "1\r\n--XyZ\r\n\r\n2\r\n--XyZ--",
		/* not form-data, or no usable name */
		"--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-datax; name=\"a\"\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: ; name=\"a\"\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition:\r\n\r\n1\r\n--XyZ--",
		/* one of each */
		"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"
		    "Content-Disposition: form-data; name=\"b\"\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=\"a\"; name=\"b\"\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=\"a\"; filename=\"x\"; "
		    "filename=\"y\"\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Type: text/plain\r\nContent-Type: text/html\r\n" FIELD("a")
		    "1\r\n--XyZ--",
		/* parameter syntax */
		"--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=\"a\";\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name = \"a\"\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=\"a\"x\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data name=\"a\"\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=a b\r\n\r\n1\r\n--XyZ--",
		/* header syntax */
		"--XyZ\r\nContent-Disposition form-data; name=\"a\"\r\n\r\n1\r\n--XyZ--",
		"--XyZ\r\n: x\r\n" FIELD("a") "1\r\n--XyZ--",
		"--XyZ\r\nContent Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ--",
	};
	struct mp_part p[MP_MAX_PARTS];
	size_t n;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (parse(state, CT, (const unsigned char *)bad[i], strlen(bad[i]), p, &n) != MP_BAD)
			fail_msg("bad[%zu] accepted", i);
}

static void
t_line_ends(void **state)
{
	struct mp_part p[MP_MAX_PARTS];
	size_t n;

	/* "--XyZ" and LF is no delimiter: all this is preamble */
	assert_int_equal(parse(state, CT, BODY("--XyZ\nContent-Disposition: form-data; "
	    "name=\"a\"\r\n\r\n1\r\n--XyZ--"), p, &n), MP_OK);
	assert_int_equal(n, 0);
	/* CRLF only in headers: bare LF or CR, and folded lines */
	assert_err(state, CT, BODY("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\n\n"
	    "1\r\n--XyZ--"), MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\n"
	    "1\r\n--XyZ--"), MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\nX-Note: a\n" FIELD("a") "1\r\n--XyZ--"), MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\r\n\r\n"
	    "1\r\n--XyZ--"), MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\rX: y\r\n"
	    "\r\n1\r\n--XyZ--"), MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n"
	    "\r\n1\r\n--XyZ--"), MP_BAD);
	assert_err(state, CT, BODY("--XyZ\r\n Content-Disposition: form-data; name=\"a\"\r\n"
	    "\r\n1\r\n--XyZ--"), MP_BAD);
	/* a field keeps its line ends as sent */
	assert_one_field(state, CT, BODY("--XyZ\r\n" FIELD("a") "1\n2\r3\r\n\r\n--XyZ--"), "a",
	    "1\n2\r3\r\n");
}

static void
t_escaped_quotes(void **state)
{
	static const char b[] =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"say \\\"hi\\\"\"; filename=\"a\\\"b.pdf\"\r\n"
	    "\r\n%PDF-\r\n"
	    "--XyZ\r\n"
	    "content-disposition: FORM-DATA; NAME=\"back\\\\slash;\\x=y\"\r\n"
	    "\r\n1\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition:form-data;name=token-name.1\t;\tFileName=\"\"  \r\n"
	    "CONTENT-TYPE:  image/png \t\r\n"
	    "\r\n\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"u\"; filename*=UTF-8''%E4%B8%AD.pdf; "
	    "size=3; x=\"\"\r\n"
	    "Content-Transfer-Encoding: 8bit\r\n"
	    "X-Unknown: \"unbalanced\r\n"
	    "\r\nabc\r\n"
	    "--XyZ--";
	struct mp_part p[MP_MAX_PARTS];
	size_t n;

	assert_int_equal(parse(state, CT, BODY(b), p, &n), MP_OK);
	assert_int_equal(n, 4);
	assert_string_equal(p[0].name, "say \"hi\"");
	assert_string_equal(p[0].filename, "a\"b.pdf");
	assert_int_equal(p[0].len, 5);
	/* "\\" is one backslash, then a path separator only in filenames */
	assert_string_equal(p[1].name, "back\\slash;\\x=y");
	assert_null(p[1].filename);
	assert_string_equal((const char *)p[1].data, "1");
	assert_string_equal(p[2].name, "token-name.1");
	assert_string_equal(p[2].filename, "");
	assert_string_equal(p[2].type, "image/png");
	assert_int_equal(p[2].len, 0);
	/* filename* is not a filename */
	assert_string_equal(p[3].name, "u");
	assert_null(p[3].filename);
	assert_string_equal((const char *)p[3].data, "abc");
}

static void
t_repeated_names(void **state)
{
	static const char b[] =
	    "--XyZ\r\n" FIELD("unit") "a\r\n"
	    "--XyZ\r\n" FIELD("unit") "b\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"unit\"; filename=\"u.png\"\r\n\r\n"
	    "c\r\n"
	    "--XyZ\r\n" FIELD("unit") "d\r\n"
	    "--XyZ--";
	struct mp_part p[MP_MAX_PARTS];
	struct kv kv[REQ_MAX_FIELDS];
	size_t n;

	assert_int_equal(parse(state, CT, BODY(b), p, &n), MP_OK);
	assert_int_equal(n, 4);
	assert_string_equal((const char *)p[0].data, "a");
	assert_string_equal((const char *)p[1].data, "b");
	assert_string_equal(p[2].filename, "u.png");
	assert_memory_equal(p[2].data, "c", 1);
	assert_string_equal((const char *)p[3].data, "d");
	assert_ptr_equal(mp_find(p, n, "unit"), &p[0]);
	assert_int_equal(mp_fields(p, n, kv, REQ_MAX_FIELDS), 3);
	assert_string_equal(kv[2].val, "d");
}

static void
t_name_length(void **state)
{
	struct mp_part p[MP_MAX_PARTS];
	char b[1024], name[MP_MAX_FILENAME + 2];
	size_t n;
	int l;

	memset(name, 'k', sizeof(name));
	name[MP_MAX_NAME] = '\0';
	l = snprintf(b, sizeof(b), "--XyZ\r\n" FIELD("%s") "1\r\n--XyZ--", name);
	assert_int_equal(parse(state, CT, (unsigned char *)b, (size_t)l, p, &n), MP_OK);
	assert_int_equal(strlen(p[0].name), MP_MAX_NAME);
	name[MP_MAX_NAME] = 'k';
	name[MP_MAX_NAME + 1] = '\0';
	l = snprintf(b, sizeof(b), "--XyZ\r\n" FIELD("%s") "1\r\n--XyZ--", name);
	assert_err(state, CT, (unsigned char *)b, (size_t)l, MP_BAD);

	/* filenames count after the path is gone */
	memset(name, 'f', sizeof(name));
	name[MP_MAX_FILENAME] = '\0';
	l = snprintf(b, sizeof(b), "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; "
	    "filename=\"C:\\dir\\%s\"\r\n\r\nx\r\n--XyZ--", name);
	assert_int_equal(parse(state, CT, (unsigned char *)b, (size_t)l, p, &n), MP_OK);
	assert_int_equal(strlen(p[0].filename), MP_MAX_FILENAME);
	name[MP_MAX_FILENAME] = 'f';
	name[MP_MAX_FILENAME + 1] = '\0';
	l = snprintf(b, sizeof(b), "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; "
	    "filename=\"%s\"\r\n\r\nx\r\n--XyZ--", name);
	assert_err(state, CT, (unsigned char *)b, (size_t)l, MP_BAD);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(t_file_binary, setup, teardown),
		cmocka_unit_test_setup_teardown(t_preamble_epilogue, setup, teardown),
		cmocka_unit_test_setup_teardown(t_empty_data, setup, teardown),
		cmocka_unit_test_setup_teardown(t_quoted_boundary, setup, teardown),
		cmocka_unit_test_setup_teardown(t_bad_content_type, setup, teardown),
		cmocka_unit_test_setup_teardown(t_boundary_length, setup, teardown),
		cmocka_unit_test_setup_teardown(t_filename_path, setup, teardown),
		cmocka_unit_test_setup_teardown(t_missing_close, setup, teardown),
		cmocka_unit_test_setup_teardown(t_too_many_parts, setup, teardown),
		cmocka_unit_test_setup_teardown(t_header_length, setup, teardown),
		cmocka_unit_test_setup_teardown(t_field_length, setup, teardown),
		cmocka_unit_test_setup_teardown(t_large_file, setup, teardown),
		cmocka_unit_test_setup_teardown(t_bad_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(t_no_disposition, setup, teardown),
		cmocka_unit_test_setup_teardown(t_line_ends, setup, teardown),
		cmocka_unit_test_setup_teardown(t_escaped_quotes, setup, teardown),
		cmocka_unit_test_setup_teardown(t_repeated_names, setup, teardown),
		cmocka_unit_test_setup_teardown(t_name_length, setup, teardown),
	};
	return cmocka_run_group_tests_name("multipart", tests, NULL, NULL);
}
