/* jsonflat.c — flat JSON objects of the audit rows; see jsonflat.h. */
#include <string.h>
#include "buf.h"
#include "jsonflat.h"

/* a value's text at most this long (an audit row's field: a name, a note) */
#define JF_MAX_VALUE (64 * 1024)

static const char *
ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static int
hex4(const char *p, unsigned *u)
{
	*u = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0') : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10) :
		    c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16u;
		if (d == 16)
			return -1;
		*u = *u * 16 + d;
	}
	return 0;
}

static void
utf8(struct buf *b, unsigned u)
{
	char o[4];
	size_t n;
	if (u < 0x80) {
		o[0] = (char)u; n = 1;
	} else if (u < 0x800) {
		o[0] = (char)(0xc0 | (u >> 6)); o[1] = (char)(0x80 | (u & 0x3f)); n = 2;
	} else if (u < 0x10000) {
		o[0] = (char)(0xe0 | (u >> 12)); o[1] = (char)(0x80 | ((u >> 6) & 0x3f));
		o[2] = (char)(0x80 | (u & 0x3f)); n = 3;
	} else {
		o[0] = (char)(0xf0 | (u >> 18)); o[1] = (char)(0x80 | ((u >> 12) & 0x3f));
		o[2] = (char)(0x80 | ((u >> 6) & 0x3f)); o[3] = (char)(0x80 | (u & 0x3f)); n = 4;
	}
	buf_add(b, o, n);
}

/* A string at *pp (at its opening quote): its text in the arena, *pp after the closing quote; NULL: bad. */
static const char *
str(const char **pp, struct arena *ar)
{
	const char *p = *pp;
	struct buf b;
	if (*p != '"')
		return NULL;
	buf_init(&b, ar, JF_MAX_VALUE);
	for (p++; *p != '"'; p++) {
		if (*p == '\0' || (unsigned char)*p < 0x20)
			return NULL;
		if (*p != '\\') {
			buf_add(&b, p, 1);
			continue;
		}
		p++;
		switch (*p) {
		case '"': case '\\': case '/': buf_add(&b, p, 1); break;
		case 'n': buf_str(&b, "\n"); break;
		case 't': buf_str(&b, "\t"); break;
		case 'r': buf_str(&b, "\r"); break;
		case 'b': buf_str(&b, "\b"); break;
		case 'f': buf_str(&b, "\f"); break;
		case 'u': {
			unsigned u, lo;
			if (hex4(p + 1, &u) != 0)
				return NULL;
			p += 4;
			if (u >= 0xd800 && u < 0xdc00) {
				/* a surrogate pair: the low half must follow */
				if (p[1] != '\\' || p[2] != 'u' || hex4(p + 3, &lo) != 0 || lo < 0xdc00 || lo > 0xdfff)
					return NULL;
				u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
				p += 6;
			} else if (u >= 0xdc00 && u < 0xe000) {
				return NULL;
			}
			utf8(&b, u);
			break;
		}
		default:
			return NULL;
		}
	}
	*pp = p + 1;
	const char *s = buf_cstr(&b);
	return b.err ? NULL : s;
}

int
jf_parse(const char *s, struct arena *ar, struct jf_pair *out, size_t max)
{
	size_t n = 0;
	if (s == NULL)
		return -1;
	const char *p = ws(s);
	if (*p++ != '{')
		return -1;
	p = ws(p);
	if (*p == '}')
		return *ws(p + 1) == '\0' ? 0 : -1;
	for (;;) {
		if (n == max)
			return -1;
		const char *k = str(&p, ar);
		if (k == NULL)
			return -1;
		p = ws(p);
		if (*p++ != ':')
			return -1;
		p = ws(p);
		const char *v;
		if (*p == '"') {
			if ((v = str(&p, ar)) == NULL)
				return -1;
		} else if (strncmp(p, "null", 4) == 0) {
			v = NULL;
			p += 4;
		} else if (strncmp(p, "true", 4) == 0 || strncmp(p, "false", 5) == 0) {
			size_t len = *p == 't' ? 4 : 5;
			v = ar_strndup(ar, p, len);
			p += len;
		} else if (*p == '-' || (*p >= '0' && *p <= '9')) {
			const char *q = p;
			if (*q == '-')
				q++;
			if (!(*q >= '0' && *q <= '9'))
				return -1;
			while ((*q >= '0' && *q <= '9') || *q == '.' || *q == 'e' || *q == 'E' || *q == '+' || *q == '-')
				q++;
			v = ar_strndup(ar, p, (size_t)(q - p));
			p = q;
		} else {
			return -1;	/* an object or an array: not flat */
		}
		if (v == NULL && p[-1] != 'l')
			return -1;	/* out of memory */
		out[n].key = k;
		out[n].val = v;
		n++;
		p = ws(p);
		if (*p == ',') {
			p = ws(p + 1);
			continue;
		}
		if (*p == '}' && *ws(p + 1) == '\0')
			return (int)n;
		return -1;
	}
}
