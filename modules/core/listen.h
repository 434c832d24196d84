/*
 * listen.h — the module's listening socket: inherited (a re-exec's
 * WANGAN_LISTEN_FD, systemd's fd 3, spawn-fcgi's fd 0) or opened from
 * --listen.  A --listen value with a '/' is a unix socket path (relative
 * paths too); anything else is HOST:PORT.  A fresh unix socket is bound
 * under PATH.tmp-PID, given its group and mode, listening, and only then
 * renamed over PATH: nginx never finds the path missing or refusing.
 */
#ifndef WANGAN_LISTEN_H
#define WANGAN_LISTEN_H
#include "server.h"

/* The environment a re-exec passes the socket in (server.c). */
#define LISTEN_ENV_FD "WANGAN_LISTEN_FD"
#define LISTEN_ENV_OWN "WANGAN_LISTEN_OWN"

/* The listening fd, or -1 (logged). */
int listen_open(const struct server_opts *o);
/* 1 when o->listen is a unix socket path rather than HOST:PORT. */
int listen_is_path(const char *spec);
/* 1 when this process made the socket file (it removes it at the end, a re-exec keeps it). */
int listen_owns_path(void);
/* Removes the socket file if it is still the one this process made (not a successor's). */
void listen_remove(const struct server_opts *o);
#endif
