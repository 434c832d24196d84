/* ctx.c — see ctx.h. */
#include "ctx.h"

const char *
ctx_q(const struct ctx *c, const char *key)
{
	return req_get(c->req.q, c->req.nq, key);
}

const char *
ctx_f(const struct ctx *c, const char *key)
{
	return req_get(c->req.f, c->req.nf, key);
}
