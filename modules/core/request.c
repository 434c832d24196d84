/* request.c — request parsing under hard limits; see request.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <fcgiapp.h>
#include "request.h"
#include "multipart.h"

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

long
req_decode(const char *s, size_t len, char *out, int plus)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '%') {
			if (i + 2 >= len)
				return -1;
			int hi = hexval((unsigned char)s[i + 1]);
			int lo = hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			out[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else if (plus && s[i] == '+') {
			out[o++] = ' ';
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	return (long)o;
}

int
req_utf8_ok(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned cp;
		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)
				return 0;
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			n = 1; cp = c & 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			n = 2; cp = c & 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			n = 3; cp = c & 0x07;
		} else {
			return 0;
		}
		if (i + n >= len)
			return 0;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		/* overlong forms, surrogates and values past U+10FFFF */
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
		    (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfffe || cp == 0xffff)
			return 0;
		i += n + 1;
	}
	return 1;
}

enum req_err
req_parse_urlencoded(struct arena *ar, const char *s, size_t len,
    struct kv *out, size_t max, size_t *n)
{
	*n = 0;
	size_t i = 0;
	while (i < len) {
		size_t end = i;
		while (end < len && s[end] != '&')
			end++;
		if (end == i) {		/* "a=1&&b=2": tolerate empty pieces */
			i++;
			continue;
		}
		const char *eq = memchr(s + i, '=', end - i);
		size_t klen = eq ? (size_t)(eq - (s + i)) : end - i;
		const char *v = eq ? eq + 1 : s + end;
		size_t vlen = eq ? (size_t)((s + end) - v) : 0;
		/* an over-long key is bad syntax, an over-long value too large */
		if (klen == 0 || klen > REQ_MAX_KEY * 3)
			return REQ_BAD;
		if (vlen > REQ_MAX_VALUE * 3)
			return REQ_TOO_LARGE;
		if (*n == max)
			return REQ_BAD;
		char *k = ar_alloc(ar, klen + 1);
		char *val = ar_alloc(ar, vlen + 1);
		if (k == NULL || val == NULL)
			return REQ_TOO_LARGE;
		long kl = req_decode(s + i, klen, k, 1);
		long vl = req_decode(v, vlen, val, 1);
		if (kl <= 0 || vl < 0 || kl > REQ_MAX_KEY)
			return REQ_BAD;
		if (vl > REQ_MAX_VALUE)
			return REQ_TOO_LARGE;
		if (!req_utf8_ok(k, (size_t)kl) || !req_utf8_ok(val, (size_t)vl))
			return REQ_BAD;
		if (req_get(out, *n, k) != NULL)
			return REQ_BAD;
		out[*n].key = k;
		out[*n].val = val;
		out[*n].len = (size_t)vl;
		(*n)++;
		i = end + 1;
	}
	return REQ_OK;
}

const char *
req_get(const struct kv *kv, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(kv[i].key, key) == 0)
			return kv[i].val;
	return NULL;
}

int
req_cookie(const char *h, const char *name, char *out, size_t outlen)
{
	size_t nlen = strlen(name);
	while (h != NULL && *h) {
		while (*h == ' ' || *h == ';')
			h++;
		const char *end = strchr(h, ';');
		size_t len = end ? (size_t)(end - h) : strlen(h);
		if (len > nlen && strncmp(h, name, nlen) == 0 && h[nlen] == '=') {
			size_t vlen = len - nlen - 1;
			if (vlen >= outlen)
				return -1;
			memcpy(out, h + nlen + 1, vlen);
			out[vlen] = '\0';
			return 0;
		}
		h = end;
	}
	return -1;
}

/* A CGI parameter, or NULL when absent or longer than REQ_MAX_HEADER. */
static const char *
param(struct FCGX_Request *fr, const char *name)
{
	const char *v = FCGX_GetParam(name, fr->envp);
	if (v != NULL && strnlen(v, REQ_MAX_HEADER + 1) > REQ_MAX_HEADER)
		return NULL;
	return v;
}

enum req_err
req_read(struct req *r, struct arena *ar, struct FCGX_Request *fr)
{
	const char *m = param(fr, "REQUEST_METHOD");
	const char *uri = param(fr, "DOCUMENT_URI");
	const char *cl = param(fr, "CONTENT_LENGTH");

	memset(r, 0, sizeof(*r));
	if (m == NULL)
		m = "";
	r->method = strcmp(m, "GET") == 0 ? REQ_GET : strcmp(m, "POST") == 0 ? REQ_POST :
	    strcmp(m, "HEAD") == 0 ? REQ_HEAD : REQ_OTHER;
	if (uri == NULL)
		uri = param(fr, "SCRIPT_NAME");
	if (uri == NULL || uri[0] != '/' || strlen(uri) > REQ_MAX_PATH ||
	    !req_utf8_ok(uri, strlen(uri)))
		return REQ_BAD;
	r->path = uri;
	/* Read raw: an over-long query must be a 413, not silently no query. */
	r->query = FCGX_GetParam("QUERY_STRING", fr->envp);
	r->remote_user = param(fr, "REMOTE_USER");
	r->accept = param(fr, "HTTP_ACCEPT");
	r->accept_lang = param(fr, "HTTP_ACCEPT_LANGUAGE");
	r->cookie = param(fr, "HTTP_COOKIE");
	r->content_type = param(fr, "CONTENT_TYPE");

	if (r->query != NULL) {
		size_t qlen = strlen(r->query);
		if (qlen > REQ_MAX_QUERY)
			return REQ_TOO_LARGE;
		enum req_err e = req_parse_urlencoded(ar, r->query, qlen, r->q, REQ_MAX_FIELDS, &r->nq);
		if (e != REQ_OK)
			return e;
	}
	r->cl = cl;
	return REQ_OK;
}

enum req_err
req_body(struct req *r, struct arena *ar, struct FCGX_Request *fr, size_t max, int uploads)
{
	const char *cl = r->cl;
	char *end = NULL;
	struct mp_part parts[MP_MAX_PARTS];
	size_t nparts = 0;

	if (r->method != REQ_POST)
		return REQ_OK;
	unsigned long long len = cl != NULL && *cl ? strtoull(cl, &end, 10) : 0;
	if (cl != NULL && *cl && *end != '\0')
		return REQ_BAD;
	if (len > max)
		return REQ_TOO_LARGE;
	r->content_length = (size_t)len;
	int form = r->content_type != NULL &&
	    strncasecmp(r->content_type, "application/x-www-form-urlencoded", 33) == 0;
	int multi = uploads && r->content_type != NULL &&
	    strncasecmp(r->content_type, "multipart/form-data", 19) == 0;
	if (!form && !multi)
		return len == 0 ? REQ_OK : REQ_BAD;
	char *body = ar_alloc(ar, (size_t)len + 1);
	if (body == NULL)
		return REQ_TOO_LARGE;
	for (size_t got = 0; got < len; ) {	/* FCGX_GetStr takes an int */
		int want = len - got > (1u << 30) ? 1 << 30 : (int)(len - got);
		int n = FCGX_GetStr(body + got, want, fr->in);
		if (n <= 0)
			return REQ_BAD;
		got += (size_t)n;
	}
	if (form)
		return req_parse_urlencoded(ar, body, (size_t)len, r->f, REQ_MAX_FIELDS, &r->nf);
	enum mp_err e = mp_parse(ar, r->content_type, (const unsigned char *)body, (size_t)len,
	    parts, MP_MAX_PARTS, &nparts);
	if (e != MP_OK)
		return (enum req_err)e;
	r->nf = mp_fields(parts, nparts, r->f, REQ_MAX_FIELDS);
	/* One value per key, as in url-encoded forms: no guessing which one counts. */
	for (size_t i = 1; i < r->nf; i++)
		if (req_get(r->f, i, r->f[i].key) != NULL)
			return REQ_BAD;
	for (size_t i = 0; i < nparts; i++) {
		if (parts[i].filename == NULL)
			continue;
		if (r->nfiles == REQ_MAX_FILES)
			return REQ_TOO_LARGE;
		r->files[r->nfiles++] = (struct req_file){ parts[i].name, parts[i].filename,
		    parts[i].data, parts[i].len };
	}
	return REQ_OK;
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000L + (t.tv_nsec - t0->tv_nsec) / 1000000L;
}

int
req_drain(struct FCGX_Request *fr, size_t cap, int ms)
{
	char trash[8192];
	const char *cl = FCGX_GetParam("CONTENT_LENGTH", fr->envp);
	struct timespec t0;
	size_t got = 0;

	if (fr->in == NULL)
		return 0;
	/* a body announced past the cap is not worth reading: close at once */
	if (cl != NULL && *cl && (strnlen(cl, 21) > 20 || strtoull(cl, NULL, 10) > cap))
		goto refuse;
	/*
	 * Without a body nginx sends the end of stdin with the parameters, so
	 * the time limit (two system calls) is only for a request with one.
	 */
	int timed = cl != NULL && *cl && strtoull(cl, NULL, 10) > 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		/* every read waits at most for what is left of the time limit */
		long left = ms - ms_since(&t0);
		if (left <= 0)
			goto refuse;
		struct timeval tv = { .tv_sec = left / 1000, .tv_usec = (left % 1000) * 1000 };
		if (timed)
			setsockopt(fr->ipcFd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		int n = FCGX_GetStr(trash, sizeof(trash), fr->in);
		if (n <= 0)
			break;
		got += (size_t)n;
		if (got > cap)
			goto refuse;
		timed = 1;	/* a body after all, unannounced */
	}
	/* end of stdin (0), or a timeout or broken-off peer (an errno) */
	struct timeval none = { 0, 0 };
	if (timed)
		setsockopt(fr->ipcFd, SOL_SOCKET, SO_RCVTIMEO, &none, sizeof(none));
	if (FCGX_GetError(fr->in) == 0)
		return 0;
	fr->keepConnection = 0;
	return -1;
refuse:
	FCGX_FClose(fr->in);
	fr->keepConnection = 0;
	return -1;
}
