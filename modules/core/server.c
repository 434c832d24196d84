/* server.c — prefork master, supervision and the re-exec restart; see server.h. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "server.h"
#include "listen.h"
#include "log.h"

#define SERVER_MAX_WORKERS 256
#define SERVER_MAX_RETIRING 1024
#define SERVER_CHECK_SECONDS 120	/* the new build's --check, before a re-exec */
#define SERVER_ENV_OLD "WANGAN_OLD_WORKERS"

static volatile sig_atomic_t got_stop, got_child, got_restart, got_alarm;
static pid_t workers[SERVER_MAX_WORKERS];
static time_t started[SERVER_MAX_WORKERS];
/* The workers of the build before a re-exec: they finish their request and exit. */
static pid_t retiring[SERVER_MAX_RETIRING];
static time_t retire_by[SERVER_MAX_RETIRING];	/* then SIGKILL */
static sigset_t worker_open;	/* a worker's mask while it waits for a connection */

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
	else if (sig == SIGUSR2)
		got_restart = 1;
	else if (sig == SIGALRM)
		got_alarm = 1;
	else
		got_stop = 1;
}

/* In a worker: only ever runs inside server_wait(), between requests. */
static void
on_worker_stop(int sig)
{
	got_stop = 1;
}

int
server_wait(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	while (!got_stop) {
		if (ppoll(&p, 1, NULL, &worker_open) > 0)
			return 1;
		if (errno != EINTR)
			return 0;
	}
	return 0;
}

static pid_t
spawn(int fd, server_worker_fn fn, void *arg)
{
	pid_t master = getpid();
	pid_t pid = fork();
	if (pid != 0)
		return pid;
	/* A master that dies (SIGKILL, a crash) takes its workers along; the
	 * getppid() check covers a master that died before the prctl. */
	if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || getppid() != master)
		_exit(0);
	struct sigaction sa = { .sa_handler = on_worker_stop };	/* no SA_RESTART */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGHUP, SIG_IGN);
	signal(SIGUSR2, SIG_IGN);
	signal(SIGALRM, SIG_DFL);
	/*
	 * SIGTERM stays blocked except while waiting for a connection
	 * (server_wait): a stop never interrupts a request half read or half
	 * answered, it takes effect when the worker is idle.
	 */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	sigprocmask(SIG_SETMASK, &stop, NULL);
	sigemptyset(&worker_open);
	_exit(fn(fd, arg) == 0 ? 0 : 1);
}

static int
reap(pid_t p)
{
	for (int i = 0; i < SERVER_MAX_WORKERS; i++)
		if (workers[i] == p) {
			workers[i] = 0;
			return i;
		}
	for (int i = 0; i < SERVER_MAX_RETIRING; i++)
		if (retiring[i] == p)
			retiring[i] = 0;
	return -1;
}

static void
signal_all(int sig)
{
	for (int i = 0; i < SERVER_MAX_WORKERS; i++)
		if (workers[i] > 0)
			kill(workers[i], sig);
	for (int i = 0; i < SERVER_MAX_RETIRING; i++)
		if (retiring[i] > 0)
			kill(retiring[i], sig);
}

static void
stop_all(void)
{
	signal_all(SIGTERM);
	time_t deadline = time(NULL) + SERVER_GRACE_SECONDS;
	for (;;) {
		int left = 0;
		pid_t p;
		while ((p = waitpid(-1, NULL, WNOHANG)) > 0)
			reap(p);
		for (int i = 0; i < SERVER_MAX_WORKERS; i++)
			left += workers[i] > 0;
		for (int i = 0; i < SERVER_MAX_RETIRING; i++)
			left += retiring[i] > 0;
		if (left == 0)
			return;
		if (time(NULL) >= deadline) {
			log_msg("server: %d workers did not stop in %ds, killing them", left,
			    SERVER_GRACE_SECONDS);
			signal_all(SIGKILL);
		}
		struct timespec ts = { 0, 50 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
}

/* The workers a re-exec left running (SERVER_ENV_OLD): ours, since the pid is the same. */
static void
take_old_workers(void)
{
	const char *v = getenv(SERVER_ENV_OLD);
	int n = 0;
	if (v == NULL)
		return;
	while (*v) {
		char *end;
		long p = strtol(v, &end, 10);
		if (end == v)
			break;
		if (p > 1 && n < SERVER_MAX_RETIRING)
			retiring[n++] = (pid_t)p;
		v = *end ? end + 1 : end;
	}
	unsetenv(SERVER_ENV_OLD);
}

/* Asks the old build's workers to finish: the new ones accept on the same socket meanwhile. */
static void
retire_old_workers(int n)
{
	int old = 0;
	for (int i = 0; i < SERVER_MAX_RETIRING; i++)
		if (retiring[i] > 0 && kill(retiring[i], SIGTERM) == 0) {
			retire_by[i] = time(NULL) + SERVER_GRACE_SECONDS;
			old++;
		}
	if (old > 0)
		alarm(SERVER_GRACE_SECONDS);
	log_msg("server: restarted with %d workers; %d old workers finish their requests", n, old);
}

/* SIGALRM: the old workers past their grace period get SIGKILL; the alarm is set for the next. */
static void
kill_late_workers(void)
{
	time_t now = time(NULL), next = 0;
	for (int i = 0; i < SERVER_MAX_RETIRING; i++) {
		if (retiring[i] <= 0)
			continue;
		if (retire_by[i] <= now) {
			log_msg("server: old worker %d did not finish in %ds; killing it",
			    (int)retiring[i], SERVER_GRACE_SECONDS);
			kill(retiring[i], SIGKILL);
		} else if (next == 0 || retire_by[i] < next) {
			next = retire_by[i];
		}
	}
	if (next > 0)
		alarm((unsigned)(next - now));
}

/* Runs the new build with --check (configuration, statements, stylesheets): 0 when it passes. */
static int
check_build(const struct server_opts *o)
{
	static char check[] = "--check";
	int n = 0;
	while (o->argv[n] != NULL)
		n++;
	char **args = calloc((size_t)n + 2, sizeof(*args));
	if (args == NULL)
		return -1;
	memcpy(args, o->argv, (size_t)n * sizeof(*args));
	args[n] = check;
	pid_t p = fork();
	if (p == 0) {
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0)
			dup2(null, 1);	/* its "OK" line; its errors go to our log */
		execvp(args[0], args);
		_exit(127);
	}
	free(args);
	if (p < 0)
		return -1;
	int status = 0;
	time_t deadline = time(NULL) + SERVER_CHECK_SECONDS;
	pid_t r;
	while ((r = waitpid(p, &status, WNOHANG)) == 0 && time(NULL) < deadline) {
		struct timespec ts = { 0, 50 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	if (r == 0) {
		kill(p, SIGKILL);
		waitpid(p, &status, 0);
		log_msg("server: restart refused: %s --check took over %ds", o->argv[0], SERVER_CHECK_SECONDS);
		return -1;
	}
	if (r < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		log_msg("server: restart refused: %s --check failed (status %d); this build keeps running",
		    o->argv[0], status);
		return -1;
	}
	return 0;
}

/*
 * SIGUSR2: the same process (same pid: systemd and the pidfile keep
 * tracking it) execs the binary at argv[0] again — a new build if one was
 * installed there — handing over the listening socket and the list of the
 * running workers.  Those go on serving while the new build starts; its
 * master then starts its workers and asks the old ones to finish.  The
 * listening socket never closes, so a connection made meanwhile waits in
 * its backlog.  A build that fails --check is not exec'd.
 */
static void
reexec(const struct server_opts *o, int fd)
{
	char num[16], old[SERVER_MAX_RETIRING * 12];
	size_t len = 0;

	if (o->argv == NULL || o->argv[0] == NULL) {
		log_msg("server: restart refused: no command line to exec");
		return;
	}
	log_msg("server: restart asked: checking %s", o->argv[0]);
	if (check_build(o) != 0)
		return;
	old[0] = '\0';
	for (int i = 0; i < SERVER_MAX_WORKERS + SERVER_MAX_RETIRING; i++) {
		pid_t p = i < SERVER_MAX_WORKERS ? workers[i] : retiring[i - SERVER_MAX_WORKERS];
		if (p > 0 && len + 12 < sizeof(old))
			len += (size_t)snprintf(old + len, sizeof(old) - len, "%s%d", len ? "," : "", (int)p);
	}
	snprintf(num, sizeof(num), "%d", fd);
	if (setenv(LISTEN_ENV_FD, num, 1) != 0 || setenv(SERVER_ENV_OLD, old, 1) != 0 ||
	    (listen_owns_path() && setenv(LISTEN_ENV_OWN, "1", 1) != 0) || fcntl(fd, F_SETFD, 0) != 0) {
		log_msg("server: restart failed: %s", strerror(errno));
	} else {
		log_msg("server: restarting: exec %s", o->argv[0]);
		/*
		 * Signals stay blocked across the exec, so one sent meanwhile
		 * waits for the new master.  An alarm would survive it too and
		 * cut the next old workers' grace short: the new master sets its own.
		 */
		unsigned left = alarm(0);
		execvp(o->argv[0], o->argv);
		alarm(left);
		log_msg("server: restart failed: cannot exec %s: %s; this build keeps running",
		    o->argv[0], strerror(errno));
	}
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	unsetenv(LISTEN_ENV_FD);
	unsetenv(LISTEN_ENV_OWN);
	unsetenv(SERVER_ENV_OLD);
}

/* Written aside and renamed: a reader during a restart's rewrite never sees it empty. */
static void
write_pidfile(const char *path)
{
	char tmp[4096];
	if (path == NULL || snprintf(tmp, sizeof(tmp), "%s.tmp-%d", path, (int)getpid()) >= (int)sizeof(tmp))
		return;
	FILE *f = fopen(tmp, "w");
	if (f == NULL)
		return;
	int ok = fprintf(f, "%d\n", (int)getpid()) > 0;
	if (fclose(f) != 0 || !ok || rename(tmp, path) != 0) {
		log_msg("server: cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
	}
}

int
server_run(const struct server_opts *o, server_worker_fn fn, void *arg)
{
	int n = o->workers < 1 ? 1 : o->workers > SERVER_MAX_WORKERS ? SERVER_MAX_WORKERS : o->workers;
	int restarted = getenv(LISTEN_ENV_FD) != NULL;
	if (restarted)
		take_old_workers();
	int fd = listen_open(o);
	if (fd < 0)
		return -1;
	/*
	 * Non-blocking accept: the workers wait in poll() (server_wait), and a
	 * worker that lost the race for a connection gets EAGAIN instead of
	 * sitting in accept(), where a stop could not reach it.
	 */
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0) {
		log_msg("server: cannot make the socket non-blocking: %s", strerror(errno));
		return -1;
	}
	write_pidfile(o->pidfile);

	struct sigaction sa = { .sa_handler = on_signal };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGHUP, SIG_IGN);

	/* Block the signals outside sigsuspend so none slips between check and wait. */
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGCHLD);
	sigaddset(&block, SIGUSR2);
	sigaddset(&block, SIGALRM);
	sigprocmask(SIG_BLOCK, &block, &old);
	/* A re-exec comes in with them blocked: let sigsuspend open them. */
	sigdelset(&old, SIGTERM);
	sigdelset(&old, SIGINT);
	sigdelset(&old, SIGCHLD);
	sigdelset(&old, SIGUSR2);
	sigdelset(&old, SIGALRM);

	for (int i = 0; i < n; i++) {
		workers[i] = spawn(fd, fn, arg);
		started[i] = time(NULL);
	}
	if (restarted)
		retire_old_workers(n);
	else
		log_msg("server: master up with %d workers", n);
	while (!got_stop) {
		sigsuspend(&old);
		if (got_alarm) {
			got_alarm = 0;
			kill_late_workers();
		}
		if (got_restart && !got_stop) {
			got_restart = 0;
			reexec(o, fd);
		}
		if (!got_child)
			continue;
		got_child = 0;
		int status;
		pid_t p;
		while ((p = waitpid(-1, &status, WNOHANG)) > 0) {
			int i = reap(p);
			if (i < 0 || i >= n || got_stop)
				continue;
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
	log_msg("server: stopping");
	stop_all();
	listen_remove(o);
	if (o->pidfile != NULL)
		unlink(o->pidfile);
	close(fd);
	return 0;
}
