/* server.c — prefork master and supervision; see server.h. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <fcgiapp.h>
#include "server.h"
#include "log.h"

#define SERVER_MAX_WORKERS 256

static volatile sig_atomic_t got_stop, got_child;
static pid_t workers[SERVER_MAX_WORKERS];
static time_t started[SERVER_MAX_WORKERS];
static int own_path;	/* we bound the unix socket path, so we remove it */

int
server_stopping(void)
{
	return got_stop != 0;
}

static void
on_signal(int sig)
{
	if (sig == SIGCHLD)
		got_child = 1;
	else
		got_stop = 1;
}

/* In a worker: stop accepting; libfcgi's accept returns on EINTR. */
static void
on_worker_stop(int sig)
{
	got_stop = 1;
	FCGX_ShutdownPending();
}

static int
is_socket(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

static int
open_unix(const struct server_opts *o)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd = -1;

	if (strlen(o->listen) >= sizeof(sa.sun_path)) {
		log_msg("server: socket path too long: %s", o->listen);
		goto fail;
	}
	memcpy(sa.sun_path, o->listen, strlen(o->listen) + 1);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		goto fail;
	unlink(o->listen);	/* a stale socket from a crash would block bind */
	mode_t old = umask(0177);
	int rc = bind(fd, (struct sockaddr *)&sa, sizeof(sa));
	umask(old);
	if (rc != 0)
		goto fail;
	if (o->group != NULL && *o->group) {
		struct group *g = getgrnam(o->group);
		if (g == NULL || chown(o->listen, (uid_t)-1, g->gr_gid) != 0) {
			log_msg("server: cannot give %s to group %s", o->listen, o->group);
			goto fail;
		}
	}
	if (chmod(o->listen, o->mode) != 0 || listen(fd, SERVER_BACKLOG) != 0)
		goto fail;
	own_path = 1;
	return fd;
fail:
	log_msg("server: cannot listen on %s: %s", o->listen, strerror(errno));
	if (fd >= 0)
		close(fd);
	return -1;
}

/* host:port for setups where the module runs on another host than nginx. */
static int
open_tcp(const char *spec)
{
	char host[256];
	const char *colon = strrchr(spec, ':');
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE }, *ai = NULL;
	int fd = -1, one = 1;

	if (colon == NULL || (size_t)(colon - spec) >= sizeof(host))
		goto fail;
	memcpy(host, spec, (size_t)(colon - spec));
	host[colon - spec] = '\0';
	if (getaddrinfo(host, colon + 1, &hints, &ai) != 0)
		goto fail;
	fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
	    bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, SERVER_BACKLOG) != 0)
		goto fail;
	freeaddrinfo(ai);
	return fd;
fail:
	log_msg("server: cannot listen on %s: %s", spec, strerror(errno));
	if (ai != NULL)
		freeaddrinfo(ai);
	if (fd >= 0)
		close(fd);
	return -1;
}

static int
open_listener(const struct server_opts *o)
{
	const char *fds = getenv("LISTEN_FDS"), *pid = getenv("LISTEN_PID");

	/* systemd socket activation wins over --listen, so one unit file serves both */
	if (fds != NULL && pid != NULL && atoi(fds) >= 1 && atol(pid) == (long)getpid() && is_socket(3))
		return 3;
	if (o->listen != NULL)
		return o->listen[0] == '/' || o->listen[0] == '.' ? open_unix(o) : open_tcp(o->listen);
	if (is_socket(0))
		return 0;	/* spawn-fcgi and inetd style */
	log_msg("server: no --listen given and fd 0 is not a socket");
	return -1;
}

static pid_t
spawn(int fd, server_worker_fn fn, void *arg)
{
	pid_t pid = fork();
	if (pid != 0)
		return pid;
	struct sigaction sa = { .sa_handler = on_worker_stop };	/* no SA_RESTART */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGHUP, SIG_IGN);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	_exit(fn(fd, arg) == 0 ? 0 : 1);
}

static void
stop_all(void)
{
	for (int i = 0; i < SERVER_MAX_WORKERS; i++)
		if (workers[i] > 0)
			kill(workers[i], SIGTERM);
	time_t deadline = time(NULL) + SERVER_GRACE_SECONDS;
	for (;;) {
		int left = 0;
		pid_t p;
		while ((p = waitpid(-1, NULL, WNOHANG)) > 0)
			for (int i = 0; i < SERVER_MAX_WORKERS; i++)
				if (workers[i] == p)
					workers[i] = 0;
		for (int i = 0; i < SERVER_MAX_WORKERS; i++)
			left += workers[i] > 0;
		if (left == 0)
			return;
		if (time(NULL) >= deadline) {
			log_msg("server: %d workers did not stop in %ds, killing them", left,
			    SERVER_GRACE_SECONDS);
			for (int i = 0; i < SERVER_MAX_WORKERS; i++)
				if (workers[i] > 0)
					kill(workers[i], SIGKILL);
		}
		struct timespec ts = { 0, 50 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
}

int
server_run(const struct server_opts *o, server_worker_fn fn, void *arg)
{
	int n = o->workers < 1 ? 1 : o->workers > SERVER_MAX_WORKERS ? SERVER_MAX_WORKERS : o->workers;
	int fd = open_listener(o);
	if (fd < 0)
		return -1;
	if (o->pidfile != NULL) {
		FILE *f = fopen(o->pidfile, "w");
		if (f != NULL) {
			fprintf(f, "%d\n", (int)getpid());
			fclose(f);
		}
	}

	struct sigaction sa = { .sa_handler = on_signal };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGHUP, SIG_IGN);

	/* Block the signals outside sigsuspend so none slips between check and wait. */
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &old);

	for (int i = 0; i < n; i++) {
		workers[i] = spawn(fd, fn, arg);
		started[i] = time(NULL);
	}
	log_msg("server: master up with %d workers", n);
	while (!got_stop) {
		sigsuspend(&old);
		if (!got_child)
			continue;
		got_child = 0;
		int status;
		pid_t p;
		while ((p = waitpid(-1, &status, WNOHANG)) > 0) {
			for (int i = 0; i < n; i++) {
				if (workers[i] != p)
					continue;
				workers[i] = 0;
				if (got_stop)
					break;
				if (WIFSIGNALED(status))
					log_msg("server: worker %d killed by signal %d; replacing it", (int)p, WTERMSIG(status));
				else
					log_msg("server: worker %d exited with %d; replacing it", (int)p, WEXITSTATUS(status));
				/* A worker that dies at once would make us fork in a loop: pace it. */
				if (time(NULL) - started[i] < 1)
					sleep(1);
				workers[i] = spawn(fd, fn, arg);
				started[i] = time(NULL);
			}
		}
	}
	log_msg("server: stopping");
	stop_all();
	if (own_path)
		unlink(o->listen);
	if (o->pidfile != NULL)
		unlink(o->pidfile);
	close(fd);
	return 0;
}
