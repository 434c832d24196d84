/* multipart.c — multipart/form-data parsing under hard limits; see multipart.h. */
#include <string.h>
#include <strings.h>
#include "multipart.h"

/* "\r\n--" and the boundary: what separates the parts. */
#define DELIM_MAX (4 + MP_MAX_BOUNDARY)

/* One parameter of a header value: the key in the header, the value unquoted. */
struct param {
	const char *key;
	size_t klen;
	const char *val;
	size_t vlen;
};

/* 1 if c may stand in an RFC 9110 token. */
static int
tchar(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* The index past the spaces and tabs at s[i..len). */
static size_t
ows(const char *s, size_t len, size_t i)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* 1 if s[0..n) is lit, ignoring ASCII case. */
static int
is(const char *s, size_t n, const char *lit)
{
	return n == strlen(lit) && strncasecmp(s, lit, n) == 0;
}

/*
 * 1 if s[0..n) may be a name or filename: UTF-8 (req_utf8_ok()) without
 * tab, CR, LF or the C1 controls U+0080..U+009F.
 */
static int
label_ok(const char *s, size_t n)
{
	if (!req_utf8_ok(s, n))
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		/* in valid UTF-8, 0xc2 always leads a two-byte sequence */
		if (c == '\t' || c == '\r' || c == '\n' ||
		    (c == 0xc2 && (unsigned char)s[i + 1] < 0xa0))
			return 0;
	}
	return 1;
}

/*
 * Reads the media type at the start of the header value s[0..len), which
 * must be want (ignoring case), and leaves *i after it.  Returns 1 if it
 * is, else 0.
 */
static int
media(const char *s, size_t len, size_t *i, const char *want)
{
	size_t j = ows(s, len, 0), wl = strlen(want);

	if (len - j < wl || strncasecmp(s + j, want, wl) != 0)
		return 0;
	j += wl;
	if (j < len && s[j] != ';' && s[j] != ' ' && s[j] != '\t')
		return 0;
	*i = j;
	return 1;
}

/*
 * Reads the parameter at s[*i..len): OWS ";" OWS token "=" value, the value
 * a token or a quoted string, and leaves *i after it.  The key stays in s;
 * the value is unquoted into *out as a C string and *out moves past it, so
 * a buffer of len + 1 bytes holds every value of the header.  Returns 1 for
 * a parameter, 0 when only OWS is left, -1 on bad syntax.
 */
static int
param(const char *s, size_t len, size_t *i, char **out, struct param *p)
{
	char *v = *out;
	size_t j = ows(s, len, *i), k, o = 0;

	if (j == len) {
		*i = j;
		return 0;
	}
	if (s[j] != ';')
		return -1;
	j = ows(s, len, j + 1);
	for (k = j; k < len && tchar((unsigned char)s[k]); k++)
		continue;
	if (k == j || k == len || s[k] != '=')
		return -1;
	p->key = s + j;
	p->klen = k - j;
	j = k + 1;
	if (j < len && s[j] == '"') {
		for (j++; j < len && s[j] != '"'; j++) {
			/* only \" and \\ are escapes: C:\scan.pdf keeps its backslash */
			if (s[j] == '\\' && j + 1 < len && (s[j + 1] == '"' || s[j + 1] == '\\'))
				j++;
			v[o++] = s[j];
		}
		if (j == len)
			return -1;	/* unterminated */
		j++;
	} else {
		for (k = j; k < len && tchar((unsigned char)s[k]); k++)
			v[o++] = s[k];
		if (k == j)
			return -1;
		j = k;
	}
	v[o] = '\0';
	p->val = v;
	p->vlen = o;
	*out = v + o + 1;
	*i = j;
	return 1;
}

/*
 * Fills dl with the delimiter "\r\n--boundary" for the request header ct,
 * and *dlen with its length.
 */
static enum mp_err
boundary(struct arena *ar, const char *ct, char *dl, size_t *dlen)
{
	const char *b = NULL;
	struct param p;
	size_t len, i, blen = 0;
	char *buf;
	int rc;

	if (ct == NULL)
		return MP_BAD;
	len = strlen(ct);
	if ((buf = ar_alloc(ar, len + 1)) == NULL)
		return MP_TOO_LARGE;
	if (!media(ct, len, &i, "multipart/form-data"))
		return MP_BAD;
	while ((rc = param(ct, len, &i, &buf, &p)) == 1) {
		if (!is(p.key, p.klen, "boundary"))
			continue;
		if (b != NULL)
			return MP_BAD;
		b = p.val;
		blen = p.vlen;
	}
	if (rc < 0 || b == NULL || blen == 0 || blen > MP_MAX_BOUNDARY || b[blen - 1] == ' ')
		return MP_BAD;
	/* RFC 2046 bchars; none is CR, which find() relies on */
	for (i = 0; i < blen; i++)
		if (!((b[i] >= 'a' && b[i] <= 'z') || (b[i] >= 'A' && b[i] <= 'Z') ||
		    (b[i] >= '0' && b[i] <= '9') || strchr("'()+_,-./:=? ", b[i]) != NULL))
			return MP_BAD;
	memcpy(dl, "\r\n--", 4);
	memcpy(dl + 4, b, blen);
	*dlen = 4 + blen;
	return MP_OK;
}

/*
 * What follows a delimiter's boundary at q (before end): returns 1 for "--"
 * (the last delimiter), 0 for optional spaces or tabs and CRLF, leaving
 * *next at the next part's headers, -1 if this is no delimiter after all.
 */
static int
follows(const unsigned char *q, const unsigned char *end, const unsigned char **next)
{
	if (end - q >= 2 && q[0] == '-' && q[1] == '-')
		return 1;
	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	if (end - q >= 2 && q[0] == '\r' && q[1] == '\n') {
		*next = q + 2;
		return 0;
	}
	return -1;
}

/*
 * The first delimiter dl[0..dlen) at or after p (before end) that follows()
 * accepts, with *last and *next set by follows(); NULL if there is none.
 * Linear in end - p: '\r' stands only first in dl (bchars hold no CR), so
 * no two compared stretches overlap.  (glibc's memmem() slows down by the
 * needle's length on bodies like "aaaa…" against a boundary of a's.)
 */
static const unsigned char *
find(const unsigned char *p, const unsigned char *end, const char *dl, size_t dlen,
    int *last, const unsigned char **next)
{
	const unsigned char *q;

	while ((size_t)(end - p) >= dlen &&
	    (q = memchr(p, '\r', (size_t)(end - p) - dlen + 1)) != NULL) {
		if (memcmp(q, dl, dlen) == 0 && (*last = follows(q + dlen, end, next)) >= 0)
			return q;
		p = q + 1;
	}
	return NULL;
}

/* Reads a Content-Disposition value s[0..len) into pt's name and filename. */
static enum mp_err
disposition(struct arena *ar, const char *s, size_t len, struct mp_part *pt)
{
	struct param p;
	size_t i, nlen = 0, flen = 0;
	const char *f = NULL;
	char *buf;
	int rc;

	if ((buf = ar_alloc(ar, len + 1)) == NULL)
		return MP_TOO_LARGE;
	if (!media(s, len, &i, "form-data"))
		return MP_BAD;
	while ((rc = param(s, len, &i, &buf, &p)) == 1) {
		if (is(p.key, p.klen, "name")) {
			if (pt->name != NULL)
				return MP_BAD;
			pt->name = p.val;
			nlen = p.vlen;
		} else if (is(p.key, p.klen, "filename")) {
			if (f != NULL)
				return MP_BAD;
			f = p.val;
			flen = p.vlen;
		}
	}
	if (rc < 0 || pt->name == NULL || nlen == 0 || nlen > MP_MAX_NAME ||
	    !label_ok(pt->name, nlen))
		return MP_BAD;
	if (f == NULL)
		return MP_OK;
	if (!label_ok(f, flen))
		return MP_BAD;
	/* keep the base name: browsers of old sent the whole path */
	for (i = flen; i > 0; i--)
		if (f[i - 1] == '/' || f[i - 1] == '\\')
			break;
	pt->filename = f + i;
	flen -= i;
	if (flen > MP_MAX_FILENAME || strcmp(pt->filename, ".") == 0 ||
	    strcmp(pt->filename, "..") == 0)
		return MP_BAD;
	return MP_OK;
}

/*
 * Reads the header block of a part from *p (before end) into pt's name,
 * filename and type, and leaves *p at the first byte of its data.
 */
static enum mp_err
headers(struct arena *ar, const unsigned char **p, const unsigned char *end,
    struct mp_part *pt)
{
	const char *s = (const char *)*p;
	size_t avail = (size_t)(end - *p);
	size_t lim = avail < MP_MAX_HEADER ? avail : MP_MAX_HEADER;
	size_t i = 0, k, c;
	int cd = 0;
	enum mp_err e;

	for (;;) {
		const char *nl = memchr(s + i, '\n', lim - i);
		if (nl == NULL)
			return avail > lim ? MP_TOO_LARGE : MP_BAD;
		k = (size_t)(nl - s);
		if (k == i || s[k - 1] != '\r')
			return MP_BAD;
		if (k - 1 == i)
			break;		/* the blank line */
		for (c = i; c < k - 1; c++)
			if (((unsigned char)s[c] < 0x20 && s[c] != '\t') || s[c] == 0x7f)
				return MP_BAD;
		/* a token, ':', the value without OWS on either side */
		for (c = i; c < k - 1 && tchar((unsigned char)s[c]); c++)
			continue;
		if (c == i || s[c] != ':')
			return MP_BAD;
		const char *name = s + i, *v = s + ows(s, k - 1, c + 1);
		size_t nlen = c - i, vlen = (size_t)(s + k - 1 - v);
		while (vlen > 0 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
			vlen--;
		if (is(name, nlen, "Content-Disposition")) {
			if (cd++)
				return MP_BAD;
			if ((e = disposition(ar, v, vlen, pt)) != MP_OK)
				return e;
		} else if (is(name, nlen, "Content-Type")) {
			if (pt->type != NULL || !label_ok(v, vlen))
				return MP_BAD;
			if ((pt->type = ar_strndup(ar, v, vlen)) == NULL)
				return MP_TOO_LARGE;
		}
		i = k + 1;
	}
	if (!cd)
		return MP_BAD;
	*p += i + 2;
	return MP_OK;
}

enum mp_err
mp_parse(struct arena *ar, const char *content_type, const unsigned char *body,
    size_t len, struct mp_part *parts, size_t max_parts, size_t *nparts)
{
	const unsigned char *end, *p = body, *d, *q;
	char dl[DELIM_MAX];
	size_t dlen, n = 0;
	int last = -1;
	enum mp_err e;

	*nparts = 0;
	if (max_parts > MP_MAX_PARTS)
		max_parts = MP_MAX_PARTS;
	if ((e = boundary(ar, content_type, dl, &dlen)) != MP_OK)
		return e;
	/* too short for even "--boundary--" */
	if (body == NULL || len < dlen)
		return MP_BAD;
	end = body + len;
	/* the first delimiter may open the body, without its CRLF */
	if (memcmp(body, dl + 2, dlen - 2) == 0)
		last = follows(body + dlen - 2, end, &p);
	if (last < 0 && find(body, end, dl, dlen, &last, &p) == NULL)
		return MP_BAD;
	while (!last) {
		if (n == max_parts)
			return MP_TOO_LARGE;
		struct mp_part *pt = &parts[n];
		memset(pt, 0, sizeof(*pt));
		if ((e = headers(ar, &p, end, pt)) != MP_OK)
			return e;
		/* from the blank line's CRLF: an empty part's delimiter starts there */
		d = p;
		if ((q = find(d - 2, end, dl, dlen, &last, &p)) == NULL)
			return MP_BAD;
		pt->len = q > d ? (size_t)(q - d) : 0;
		pt->data = d;
		if (pt->filename == NULL) {
			if (pt->len > MP_MAX_VALUE)
				return MP_TOO_LARGE;
			if (!req_utf8_ok((const char *)d, pt->len))
				return MP_BAD;
			pt->data = (const unsigned char *)ar_strndup(ar, (const char *)d, pt->len);
			if (pt->data == NULL)
				return MP_TOO_LARGE;
		}
		n++;
	}
	*nparts = n;
	return MP_OK;
}

const struct mp_part *
mp_find(const struct mp_part *parts, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(parts[i].name, name) == 0)
			return &parts[i];
	return NULL;
}

size_t
mp_fields(const struct mp_part *parts, size_t n, struct kv *out, size_t max)
{
	size_t o = 0;

	for (size_t i = 0; i < n && o < max; i++) {
		if (parts[i].filename != NULL)
			continue;
		out[o].key = parts[i].name;
		out[o].val = (const char *)parts[i].data;
		out[o].len = parts[i].len;
		o++;
	}
	return o;
}
