/*
 * server.h — the prefork master.  It opens the listening socket (or takes an
 * inherited one: fd 0 from spawn-fcgi, fd 3 from systemd socket activation),
 * forks N workers, replaces any worker that dies, and on SIGTERM/SIGINT asks
 * the workers to finish their request and exit, killing stragglers after a
 * grace period.
 */
#ifndef WANGAN_SERVER_H
#define WANGAN_SERVER_H

#define SERVER_BACKLOG 1024
#define SERVER_GRACE_SECONDS 10

struct server_opts {
	const char *listen;	/* unix socket path, host:port, or NULL for inherited */
	int workers;
	unsigned mode;		/* unix socket permissions */
	const char *group;	/* unix socket group, or NULL */
	const char *pidfile;
};

/* Runs in each worker: returns when the worker should exit. */
typedef int (*server_worker_fn)(int listen_fd, void *arg);

/* 1 once the worker was asked to stop (SIGTERM). */
int server_stopping(void);
int server_run(const struct server_opts *o, server_worker_fn fn, void *arg);
#endif
