/* resp.c — the response's bytes; see resp.h. */
#include <stdio.h>
#include <string.h>
#include "ctx.h"
#include "out.h"
#include "resp.h"

static const struct {
	int code;
	const char *text;
} reasons[] = {
	{ 200, "OK" }, { 303, "See Other" }, { 400, "Bad Request" },
	{ 403, "Forbidden" }, { 404, "Not Found" }, { 405, "Method Not Allowed" },
	{ 409, "Conflict" }, { 413, "Payload Too Large" }, { 422, "Unprocessable Entity" },
	{ 500, "Internal Server Error" }, { 503, "Service Unavailable" },
};

const char *
resp_reason(int code)
{
	for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].code == code)
			return reasons[i].text;
	return "";
}

int
resp_write(struct ctx *c, const void *p, size_t n)
{
	if (c->out == NULL)
		return fwrite(p, 1, n, stdout) == n ? 0 : -1;
	return out_write(c->out, p, n);
}

void
resp_header(struct ctx *c, int status, const char *type, const char *extra)
{
	static const char fixed[] =
	    "X-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\n"
	    "Referrer-Policy: same-origin\r\nCache-Control: no-store\r\n"
	    "Content-Security-Policy: default-src 'none'; style-src 'self' 'unsafe-inline'; "
	    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'\r\n";
	char h[RESP_MAX_HEADER];
	if (c->sent || c->out == NULL) {
		c->sent = 1;
		return;
	}
	c->sent = 1;
	int n = snprintf(h, sizeof(h), "Status: %d %s\r\nContent-Type: %s\r\n%s"
	    "X-Request-Id: %s\r\n%s%s%s%s\r\n",
	    status, resp_reason(status), type, fixed, c->reqid,
	    c->cookie ? "Set-Cookie: " : "", c->cookie ? c->cookie : "", c->cookie ? "\r\n" : "",
	    extra ? extra : "");
	/* The cookie and extra headers are ours and short; a cut header would be a bug. */
	if (n < 0 || (size_t)n >= sizeof(h))
		n = snprintf(h, sizeof(h), "Status: 500 Internal Server Error\r\n"
		    "Content-Type: text/plain; charset=utf-8\r\n\r\n");
	out_write(c->out, h, (size_t)n);
}

int
resp_text(struct ctx *c, int status, const char *text)
{
	resp_header(c, status, "text/plain; charset=utf-8", NULL);
	resp_write(c, text, strlen(text));
	return status;
}

int
resp_redirect(struct ctx *c, const char *url)
{
	char extra[REQ_MAX_PATH + 32];
	/* Same-site paths only: "//host" or "/\\host" would leave the site. */
	if (url == NULL || strpbrk(url, "\r\n") != NULL || url[0] != '/' || url[1] == '/' ||
	    url[1] == '\\' || strlen(url) > REQ_MAX_PATH)
		return 500;
	snprintf(extra, sizeof(extra), "Location: %s\r\n", url);
	resp_header(c, 303, "text/plain; charset=utf-8", extra);
	return 303;
}
