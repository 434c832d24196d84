/* valid.c — the validator table; see valid.h. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>
#include "valid.h"
#include "workday.h"

size_t
valid_utf8_len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static int
all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/*
 * GB 32100-2015: 18 characters from 0-9 and the capitals without I, O, S,
 * V, Z (31 symbols); character i (1-based, i < 18) weighs 3^(i-1) mod 31;
 * the 18th is the symbol at 31 - (sum mod 31), where 31 means 0.  The
 * first two are the registering authority and kind (e.g. 91 = company,
 * 12 = public institution); the check character already catches a typo
 * there, so they are not checked against a list that changes.
 */
static const char uscc_sym[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

char
valid_uscc_check(const char *s)
{
	static const int w[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
	int sum = 0;
	for (int i = 0; i < 17; i++) {
		const char *p = s[i] ? strchr(uscc_sym, s[i]) : NULL;
		if (p == NULL)
			return '\0';
		sum += (int)(p - uscc_sym) * w[i];
	}
	return uscc_sym[(31 - sum % 31) % 31];
}

int
valid_uscc(const char *s)
{
	return strlen(s) == 18 && s[17] != '\0' && valid_uscc_check(s) == s[17];
}

/* A domain name of letters, digits and inner hyphens, with at least one dot. */
static int
is_domain(const char *s, size_t n)
{
	size_t label = 0, dots = 0;
	if (n == 0 || n > 253)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '.') {
			if (label == 0 || s[i - 1] == '-')
				return 0;
			dots++;
			label = 0;
		} else if (isalnum((unsigned char)c) || (c == '-' && label > 0)) {
			if (++label > 63)
				return 0;
		} else {
			return 0;
		}
	}
	return label > 0 && s[n - 1] != '-' && dots > 0;
}

int
valid_url(const char *s)
{
	const char *sep = strstr(s, "://"), *a = s;
	size_t n = strlen(s);

	if (n == 0 || n > 2048)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] <= ' ' || s[i] >= 127 || strchr("\"'<>\\`{}|^", s[i]))
			return 0;
	if (sep != NULL) {
		size_t sl = (size_t)(sep - s);
		if (!(sl == 4 && strncasecmp(s, "http", 4) == 0) &&
		    !(sl == 5 && strncasecmp(s, "https", 5) == 0))
			return 0;
		a = sep + 3;
	}
	/* the authority: host, then an optional :port */
	size_t an = strcspn(a, "/?#"), hn;
	if (*a == '[') {
		char ip6[INET6_ADDRSTRLEN];
		unsigned char bin[16];
		const char *close = memchr(a, ']', an);
		if (close == NULL || (size_t)(close - a - 1) >= sizeof(ip6))
			return 0;
		memcpy(ip6, a + 1, (size_t)(close - a - 1));
		ip6[close - a - 1] = '\0';
		if (inet_pton(AF_INET6, ip6, bin) != 1)
			return 0;
		hn = (size_t)(close - a) + 1;
	} else {
		hn = strcspn(a, ":");
		if (hn > an)
			hn = an;
		if (!is_domain(a, hn))
			return 0;
	}
	if (hn < an) {
		size_t pn = an - hn - 1;
		if (a[hn] != ':' || !all_digits(a + hn + 1, pn) || pn > 5 ||
		    atol(a + hn + 1) < 1 || atol(a + hn + 1) > 65535)
			return 0;
	}
	/* path, query and fragment: RFC 3986 characters, %-escapes whole */
	for (const char *q = a + an; *q; q++) {
		if (*q == '%') {
			if (!isxdigit((unsigned char)q[1]) || !isxdigit((unsigned char)q[2]))
				return 0;
			q += 2;
		} else if (!isalnum((unsigned char)*q) && !strchr("-._~:/?#[]@!$&()*+,;=", *q)) {
			return 0;
		}
	}
	return 1;
}

static int
is_mobile(const char *s)
{
	if (strncmp(s, "+86", 3) == 0)
		s += 3;
	else if (strncmp(s, "86", 2) == 0 && strlen(s) == 13)
		s += 2;
	return strlen(s) == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9' &&
	    all_digits(s, 11);
}

/* 0371-68221234, 68221234, (0371)68221234, 0371-68221234-123, 010 12345678 */
static int
is_phone(const char *s)
{
	size_t digits = 0, len = strlen(s);
	if (len < 5 || len > 24)
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (isdigit((unsigned char)c))
			digits++;
		else if (!(c == '-' || c == ' ' || c == '(' || c == ')' ||
		    (c == '+' && i == 0)))
			return 0;
	}
	return digits >= 5 && digits <= 20;
}

static int
is_email(const char *s)
{
	const char *at = strchr(s, '@');
	if (at == NULL || at == s || strchr(at + 1, '@') != NULL || strlen(s) > 254)
		return 0;
	for (const char *p = s; p < at; p++) {
		if (!(isalnum((unsigned char)*p) || strchr("._%+-", *p)))
			return 0;
		/* a dot neither first, last nor doubled (RFC 5322 dot-atom) */
		if (*p == '.' && (p == s || p + 1 == at || p[1] == '.'))
			return 0;
	}
	const char *dom = at + 1, *dot = strrchr(dom, '.');
	if (dot == NULL || dot == dom || dot[1] == '\0' || strlen(dot + 1) < 2)
		return 0;
	for (const char *p = dom; *p; p++) {
		if (!(isalnum((unsigned char)*p) || *p == '-' || *p == '.'))
			return 0;
		if (*p == '.' && (p == dom || p[1] == '.' || p[1] == '\0'))
			return 0;
		/* a hyphen neither starts nor ends a label */
		if (*p == '-' && (p == dom || p[-1] == '.' || p[1] == '.' || p[1] == '\0'))
			return 0;
	}
	return 1;
}

const char *
valid_check(const struct vfield *f, const char *s)
{
	size_t len = strlen(s);

	if (len == 0)
		return f->required ? "required" : NULL;
	if (!req_utf8_ok(s, len))
		return "text";
	if (f->maxlen && valid_utf8_len(s) > f->maxlen)
		return "too_long";
	switch (f->type) {
	case V_TEXT:
		return strpbrk(s, "\r\n\t") ? "text" : NULL;
	case V_MULTILINE:
		return NULL;
	case V_MOBILE:
		return is_mobile(s) ? NULL : "mobile";
	case V_PHONE:
		return is_phone(s) ? NULL : "phone";
	case V_EMAIL:
		return is_email(s) ? NULL : "email";
	case V_DATE:
		return wd_parse(s) == WD_INVALID ? "date" : NULL;
	case V_INT: {
		char *end;
		errno = 0;
		long long v = strtoll(s, &end, 10);
		return (!all_digits(s, len) || errno || *end || v < 0) ? "number" : NULL;
	}
	case V_CHOICE:
		for (const char *const *c = f->choices; c && *c; c++)
			if (strcmp(*c, s) == 0)
				return NULL;
		return "choice";
	case V_USCC:
		return valid_uscc(s) ? NULL : "uscc";
	case V_TOKEN:
		for (const char *p = s; *p; p++)
			if (!(isalnum((unsigned char)*p) || strchr("_.-", *p)))
				return "token";
		return NULL;
	case V__MAX:
		break;
	}
	return "invalid";
}

/* Trims ASCII white space at both ends into a copy from the arena. */
static const char *
trimmed(struct arena *ar, const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	const char *c = ar_strndup(ar, s, n);
	return c != NULL ? c : "";
}

size_t
valid_form(const struct vfield *t, size_t n, const struct kv *form, size_t nf,
    struct arena *ar, const char **vals, const char **errs)
{
	size_t bad = 0;
	for (size_t i = 0; i < n; i++) {
		const char *v = req_get(form, nf, t[i].key);
		vals[i] = trimmed(ar, v != NULL ? v : "");
		errs[i] = valid_check(&t[i], vals[i]);
		bad += errs[i] != NULL;
	}
	return bad;
}

size_t
valid_flag(const char **errs, int i, const char *code)
{
	if (errs[i] != NULL)
		return 0;
	errs[i] = code;
	return 1;
}

int
valid_webhook(const char *s, const char *hosts)
{
	if (strncasecmp(s, "https://", 8) != 0 || !valid_url(s) || strlen(s) > 500)
		return 0;
	const char *h = s + 8;
	size_t hn = strcspn(h, ":/?#");
	for (const char *p = hosts; *p;) {
		p += strspn(p, " ,");
		size_t n = strcspn(p, " ,");
		if (n > 0 && n == hn && strncasecmp(p, h, n) == 0)
			return 1;
		p += n;
	}
	return 0;
}
