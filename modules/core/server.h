/*
 * server.h — the prefork master.  It opens the listening socket (or takes an
 * inherited one: fd 0 from spawn-fcgi, fd 3 from systemd socket activation),
 * forks N workers, replaces any worker that dies, and on SIGTERM/SIGINT asks
 * the workers to finish their request and exit, killing stragglers after a
 * grace period.  SIGUSR2 restarts it without losing a request: the master
 * checks the binary at argv[0] (--check), execs it with the listening
 * socket, and the new build's workers take over from the old ones (server.c).
 * A worker ends when its master dies (PR_SET_PDEATHSIG).
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
	char **argv;		/* the command line a restart (SIGUSR2) execs again */
};

/* Runs in each worker: returns when the worker should exit. */
typedef int (*server_worker_fn)(int listen_fd, void *arg);

/* 1 once the worker was asked to stop (SIGTERM). */
int server_stopping(void);
/*
 * In a worker: waits until the listening socket has a connection (1) or
 * the worker is asked to stop (0).  Only here does a SIGTERM get through,
 * so a stop or a restart never cuts a request short.
 */
int server_wait(int listen_fd);
int server_run(const struct server_opts *o, server_worker_fn fn, void *arg);
#endif
