/*
 * mail.c — a reminder as an Internet message (RFC 5322, MIME): CRLF lines,
 * the subject as RFC 2047 encoded words ("=?UTF-8?B?…?=", each at most 75
 * characters, cut between UTF-8 characters, folded), the body UTF-8 in
 * base64 (76-character lines), so no line is long and no byte is 8-bit on
 * the wire whatever the server supports.  Message-ID is the outbox row's:
 * a message sent again after a crash between the server's "250" and the
 * row's update is recognisably the same message.
 */
#include <string.h>
#include <time.h>
#include "buf.h"
#include "remind.h"

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* n bytes of s in base64, a CRLF after every 76 characters when wrap. */
static void
base64(struct buf *b, const unsigned char *s, size_t n, int wrap)
{
	char q[4];
	size_t col = 0;
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		q[0] = b64[(v >> 18) & 63];
		q[1] = b64[(v >> 12) & 63];
		q[2] = i + 1 < n ? b64[(v >> 6) & 63] : '=';
		q[3] = i + 2 < n ? b64[v & 63] : '=';
		buf_add(b, q, 4);
		col += 4;
		if (wrap && col >= 76 && i + 3 < n) {
			buf_add(b, "\r\n", 2);
			col = 0;
		}
	}
	if (wrap)
		buf_add(b, "\r\n", 2);
}

/*
 * The subject as encoded words of at most 45 bytes each (60 base64
 * characters + 12), the first 39 (after "Subject: "): lines stay under 78.
 */
static void
subject_words(struct buf *b, const char *s)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		size_t cap = i == 0 ? 39 : 45;
		size_t k = n - i < cap ? n - i : cap;
		/* never cut a UTF-8 character: back up to a lead byte */
		while (k > 0 && i + k < n && ((unsigned char)s[i + k] & 0xC0) == 0x80)
			k--;
		if (k == 0)
			k = n - i < cap ? n - i : cap;
		if (i > 0)
			buf_add(b, "\r\n ", 3);
		buf_str(b, "=?UTF-8?B?");
		base64(b, (const unsigned char *)s + i, k, 0);
		buf_str(b, "?=");
		i += k;
	}
}

/* An address for a header: nothing that could end the line or start another header. */
static int
header_safe(const char *s)
{
	return *s && strpbrk(s, "\r\n<>\"") == NULL && strlen(s) < 200;
}

int
rm_message(struct buf *b, const char *from, const char *rcpt, const char *subject, const char *body,
    long long id, long date)
{
	char d[64];
	struct tm tm;
	time_t t = (time_t)date;
	if (!header_safe(from) || !header_safe(rcpt) || localtime_r(&t, &tm) == NULL ||
	    strftime(d, sizeof(d), "%a, %d %b %Y %H:%M:%S %z", &tm) == 0)
		return -1;
	const char *at = strrchr(from, '@');
	buf_printf(b, "Date: %s\r\nFrom: %s\r\nTo: %s\r\nMessage-ID: <wangan-remind-%lld@%s>\r\nSubject: ",
	    d, from, rcpt, id, at ? at + 1 : "localhost");
	subject_words(b, subject);
	buf_str(b, "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: base64\r\nAuto-Submitted: auto-generated\r\n\r\n");
	/* text/plain's canonical form has CRLF line ends, before it is encoded */
	struct buf crlf;
	buf_init(&crlf, b->ar, 2 * strlen(body) + 16);
	for (const char *p = body; *p; p++) {
		if (*p == '\n' && (p == body || p[-1] != '\r'))
			buf_add(&crlf, "\r", 1);
		buf_add(&crlf, p, 1);
	}
	if (crlf.err)
		return -1;
	base64(b, (const unsigned char *)crlf.p, crlf.len, 1);
	return b->err ? -1 : 0;
}
