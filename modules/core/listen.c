/* listen.c — opening or inheriting the listening socket; see listen.h. */
#include <errno.h>
#include <grp.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "listen.h"
#include "log.h"

static int own_path;		/* we made the unix socket file, so we remove it */
static dev_t own_dev;		/* ... and which file that is: a successor may have */
static ino_t own_ino;		/* renamed its own over the path since */

int
listen_is_path(const char *spec)
{
	return strchr(spec, '/') != NULL;
}

int
listen_owns_path(void)
{
	return own_path;
}

static int
is_socket(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

static void
remember_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0) {
		own_path = 1;
		own_dev = st.st_dev;
		own_ino = st.st_ino;
	}
}

void
listen_remove(const struct server_opts *o)
{
	struct stat st;
	if (own_path && o->listen != NULL && stat(o->listen, &st) == 0 &&
	    st.st_dev == own_dev && st.st_ino == own_ino)
		unlink(o->listen);
}

static int
open_unix(const struct server_opts *o)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char tmp[sizeof(sa.sun_path)];
	int fd = -1;

	int n = snprintf(tmp, sizeof(tmp), "%s.tmp-%d", o->listen, (int)getpid());
	if (n < 0 || (size_t)n >= sizeof(tmp)) {
		log_msg("server: socket path too long: %s", o->listen);
		return -1;
	}
	memcpy(sa.sun_path, tmp, (size_t)n + 1);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		goto fail;
	unlink(tmp);	/* left by a crashed process that had our pid */
	mode_t old = umask(0177);
	int rc = bind(fd, (struct sockaddr *)&sa, sizeof(sa));
	umask(old);
	if (rc != 0)
		goto fail;
	if (o->group != NULL && *o->group) {
		struct group *g = getgrnam(o->group);
		if (g == NULL || chown(tmp, (uid_t)-1, g->gr_gid) != 0) {
			log_msg("server: cannot give %s to group %s", tmp, o->group);
			goto fail_unlink;
		}
	}
	/* Listening before the rename: a connect that finds the path is queued, never refused. */
	if (chmod(tmp, o->mode) != 0 || listen(fd, SERVER_BACKLOG) != 0 || rename(tmp, o->listen) != 0)
		goto fail_unlink;
	remember_path(o->listen);
	return fd;
fail_unlink:
	unlink(tmp);
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

/* The socket a re-exec handed over (server.c), taken out of the environment the workers get. */
static int
inherited(const struct server_opts *o)
{
	const char *v = getenv(LISTEN_ENV_FD);
	char *end;
	if (v == NULL)
		return -1;
	long fd = strtol(v, &end, 10);
	int own = getenv(LISTEN_ENV_OWN) != NULL;
	unsetenv(LISTEN_ENV_FD);
	unsetenv(LISTEN_ENV_OWN);
	if (*v == '\0' || *end != '\0' || fd < 0 || fd > 1024 || !is_socket((int)fd)) {
		log_msg("server: %s=%s is no socket; opening one", LISTEN_ENV_FD, v);
		return -1;
	}
	if (own && o->listen != NULL)
		remember_path(o->listen);
	return (int)fd;
}

int
listen_open(const struct server_opts *o)
{
	const char *fds = getenv("LISTEN_FDS"), *pid = getenv("LISTEN_PID");
	int fd = inherited(o);

	if (fd >= 0)
		return fd;
	/* systemd socket activation wins over --listen, so one unit file serves both */
	if (fds != NULL && pid != NULL && atoi(fds) >= 1 && atol(pid) == (long)getpid() && is_socket(3))
		return 3;
	if (o->listen != NULL)
		return listen_is_path(o->listen) ? open_unix(o) : open_tcp(o->listen);
	if (is_socket(0))
		return 0;	/* spawn-fcgi and inetd style */
	log_msg("server: no --listen given and fd 0 is not a socket");
	return -1;
}
