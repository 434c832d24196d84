/*
 * valid.h — the validator table (kcgi's kvalid): a module declares each form
 * field once — key, type, required, maximum length — and valid_form() checks
 * the whole form against it.  Handlers then see only valid values; the
 * errors are message codes per field that the page shows next to the field.
 */
#ifndef WANGAN_VALID_H
#define WANGAN_VALID_H
#include <stddef.h>
#include "request.h"

enum vtype {
	V_TEXT,		/* any printable UTF-8 on one line */
	V_MULTILINE,	/* printable UTF-8, newlines allowed */
	V_MOBILE,	/* mainland mobile: 1[3-9] + 9 digits, optional +86 */
	V_PHONE,	/* landline: digits, optional area code, dash, extension */
	V_EMAIL,
	V_DATE,		/* YYYY-MM-DD, a real date */
	V_INT,		/* decimal, non-negative, fits in long long */
	V_CHOICE,	/* one of the field's choices */
	V_TOKEN,	/* [A-Za-z0-9_.-]: codes, nonces */
	V_USCC,		/* unified social credit code (GB 32100-2015), check character verified */
	V__MAX
};

struct vfield {
	const char *key;
	enum vtype type;
	int required;
	size_t maxlen;		/* in characters (code points) */
	const char *const *choices;	/* V_CHOICE: NULL-terminated */
};

/* Returns NULL if s is valid for f, else the message code ("mobile", …). */
const char *valid_check(const struct vfield *f, const char *s);
/*
 * Validates every field of the table against the form.  vals[i] receives the
 * trimmed value (or "" when absent), errs[i] the message code or NULL.
 * Returns the number of fields in error.
 */
/* Gives field i the message code unless it has one already: 1 when it did,
 * so that a handler's further checks count their errors as they flag them. */
size_t valid_flag(const char **errs, int i, const char *code);
size_t valid_form(const struct vfield *t, size_t n, const struct kv *form,
    size_t nf, struct arena *ar, const char **vals, const char **errs);
size_t valid_utf8_len(const char *s);
/*
 * 1 if s is a web address that is safe to show as a link: an http:// or
 * https:// URL (scheme in any case) or a bare domain such as
 * www.example.edu.cn, each with an optional :port and path.  The host is
 * a domain name with at least one dot, an IPv4 address, or an IPv6 one in
 * brackets; no user@ part, no white space, quotes, angle brackets or
 * backslashes, %-escapes well formed.  Everything else is refused:
 * javascript:, data:, vbscript:, ftp:, "//host", "http:host" and the like.
 */
int valid_url(const char *s);
/*
 * 1 if s is a group robot's address the reminders may post to: an
 * https:// URL (valid_url) whose host, compared without case, is one of
 * hosts, a comma-separated list (remind.webhook_hosts): the office types
 * the address, so it cannot point the server at any host it likes.
 */
int valid_webhook(const char *s, const char *hosts);
/* remind.webhook_hosts when the site sets none: the two platforms' robot hosts. */
#define VALID_WEBHOOK_HOSTS "qyapi.weixin.qq.com,oapi.dingtalk.com"
/* 1 if s is an 18-character unified social credit code whose last character checks. */
int valid_uscc(const char *s);
/* The check character for the first 17 characters of s, or '\0' if one is not a code symbol. */
char valid_uscc_check(const char *s);
#endif
