/*
 * hello.c — the floor for `make bench`: a bare libfcgi responder shaped like
 * a wangan module (a master that opens a unix socket and preforks N workers,
 * each in an FCGX_Accept_r loop), with no request parsing, database or XSLT.
 * Whatever a module costs beyond this is the module's own overhead.
 *
 *   hello --listen PATH [--workers N]
 *
 * The socket is made 0666: it is a bench on loopback, and nginx may run as
 * another user.  SIGTERM or SIGINT stops the master and its workers.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcgiapp.h>

#define HELLO_BACKLOG 1024	/* as SERVER_BACKLOG in modules/core/server.h */
#define HELLO_MAX_WORKERS 64

static volatile sig_atomic_t got_stop;

static void
on_stop(int sig)
{
	got_stop = 1;
	FCGX_ShutdownPending();
}

static int
worker(int fd)
{
	FCGX_Request r;

	if (FCGX_Init() != 0 || FCGX_InitRequest(&r, fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0)
		return 1;
	while (!got_stop && FCGX_Accept_r(&r) >= 0) {
		FCGX_PutS("Content-Type: text/plain\r\n\r\nok\n", r.out);
		FCGX_Finish_r(&r);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	const char *listen_path = NULL;
	int n = 2, fd;
	pid_t kids[HELLO_MAX_WORKERS];

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc)
			listen_path = argv[++i];
		else if (strcmp(argv[i], "--workers") == 0 && i + 1 < argc)
			n = atoi(argv[++i]);
		else {
			fprintf(stderr, "usage: hello --listen PATH [--workers N]\n");
			return 2;
		}
	}
	if (listen_path == NULL || n < 1 || n > HELLO_MAX_WORKERS) {
		fprintf(stderr, "usage: hello --listen PATH [--workers 1..%d]\n", HELLO_MAX_WORKERS);
		return 2;
	}
	if (FCGX_Init() != 0)
		return 1;
	unlink(listen_path);
	if ((fd = FCGX_OpenSocket(listen_path, HELLO_BACKLOG)) < 0 ||
	    chmod(listen_path, 0666) != 0) {
		fprintf(stderr, "hello: cannot listen on %s: %s\n", listen_path, strerror(errno));
		return 1;
	}

	struct sigaction sa = { .sa_handler = on_stop };	/* no SA_RESTART */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	for (int i = 0; i < n; i++) {
		kids[i] = fork();
		if (kids[i] == 0)
			_exit(worker(fd));
		if (kids[i] < 0) {
			fprintf(stderr, "hello: fork: %s\n", strerror(errno));
			n = i;
			got_stop = 1;
			break;
		}
	}
	/* The master only waits; a dead worker is not replaced (a bench would notice). */
	while (!got_stop) {
		pid_t p = wait(NULL);
		if (p < 0 && errno == ECHILD)
			break;
	}
	for (int i = 0; i < n; i++)
		kill(kids[i], SIGTERM);
	while (wait(NULL) > 0 || errno == EINTR)
		;
	unlink(listen_path);
	return 0;
}
