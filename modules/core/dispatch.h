/*
 * dispatch.h — which route of the module a request is for: the path below
 * /NAME/ matched against each pattern ("{id}" matches a positive integer,
 * filling c->id; "{code}" a unit code, which the handler reads from the
 * path), then the method; and the core's own health route.
 */
#ifndef WANGAN_DISPATCH_H
#define WANGAN_DISPATCH_H
#include "app.h"

/* The route, or NULL with *status 404 (no such path) or 405 (not this method). */
const struct route *dispatch_find(struct ctx *c, int *status);
/* The body limit of a route: REQ_MAX_UPLOAD, REQ_MAX_LONGFORM or REQ_MAX_BODY. */
size_t dispatch_body_limit(const struct route *rt);
#endif
