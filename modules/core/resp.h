/*
 * resp.h — the response's bytes: the header block every answer carries
 * (security headers, the request id, the language cookie), the body, a
 * same-site redirect and a plain-text answer.  Output goes to the FastCGI
 * stream through out.h, or to stdout in a CLI run.
 */
#ifndef WANGAN_RESP_H
#define WANGAN_RESP_H
#include <stddef.h>
#include "request.h"

/* Room for the response headers: the fixed ones, a cookie and a Location. */
#define RESP_MAX_HEADER (2048 + REQ_MAX_PATH)

struct ctx;

/* Sends the status line and headers once; later calls do nothing. */
void resp_header(struct ctx *c, int status, const char *type, const char *extra);
int  resp_write(struct ctx *c, const void *p, size_t n);
/* A 303 to a path on this site ("/…", never "//…"); 500 for anything else. */
int  resp_redirect(struct ctx *c, const char *url);
int  resp_text(struct ctx *c, int status, const char *text);
const char *resp_reason(int status);
#endif
