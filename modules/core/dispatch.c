/* dispatch.c — route matching; see dispatch.h. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "auth.h"
#include "ctx.h"
#include "dispatch.h"
#include "resp.h"

/* Matches "{id}/change" against "17/change"; fills c->id. */
static int
match(struct ctx *c, const char *pat, const char *path)
{
	long long id = 0;
	while (*pat && *path) {
		if (strncmp(pat, "{id}", 4) == 0) {
			if (*path < '1' || *path > '9')
				return 0;
			id = 0;
			for (; *path >= '0' && *path <= '9'; path++) {
				if (id > 100000000000000LL)
					return 0;
				id = id * 10 + (*path - '0');
			}
			pat += 4;
			continue;
		}
		/* i13 dash: "{code}" matches a unit code ([A-Za-z0-9_.-], 1 to 32); the handler reads it from the path */
		if (strncmp(pat, "{code}", 6) == 0) {
			size_t n = strspn(path, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-");
			if (n == 0 || n > 32)
				return 0;
			path += n;
			pat += 6;
			continue;
		}
		if (*pat++ != *path++)
			return 0;
	}
	if (*pat || *path)
		return 0;
	c->id = id;
	return 1;
}

static int
health(struct ctx *c)
{
	char b[256];
	snprintf(b, sizeof(b), "ok\nworker=%d requests=%lld connects=%lu prepares=%lu\n",
	    (int)getpid(), c->nrequest, db_connects(c->db), db_prepares(c->db));
	return resp_text(c, 200, b);
}

static const struct route health_route = { REQ_GET, "health", health, ROLES_ALL, ROUTE_NOAUTH };

const struct route *
dispatch_find(struct ctx *c, int *status)
{
	const struct module *m = c->mod;
	size_t plen = strlen(m->name);
	const char *p = c->req.path;
	enum req_method meth = c->req.method == REQ_HEAD ? REQ_GET : c->req.method;

	*status = 404;
	if (p[0] != '/' || strncmp(p + 1, m->name, plen) != 0 || p[plen + 1] != '/')
		return NULL;
	p += plen + 2;
	if (meth == REQ_GET && strcmp(p, "health") == 0)
		return &health_route;
	for (size_t i = 0; i < m->nroutes; i++) {
		if (!match(c, m->routes[i].pattern, p))
			continue;
		if (m->routes[i].method == meth)
			return &m->routes[i];
		*status = 405;
	}
	return NULL;
}

size_t
dispatch_body_limit(const struct route *rt)
{
	if (rt->flags & ROUTE_UPLOAD)
		return REQ_MAX_UPLOAD;
	return (rt->flags & ROUTE_LONGFORM) ? REQ_MAX_LONGFORM : REQ_MAX_BODY;
}
