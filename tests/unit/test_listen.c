/*
 * test_listen.c — listen.c: a --listen value with a '/' is a path, relative
 * ones too; a fresh unix socket appears under its name only once it has its
 * mode and listens, with no temporary name left; a stop removes the socket
 * file only while it is still the one this process made.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <cmocka.h>
#include "listen.h"

static char dir[] = "/tmp/wangan-listen-XXXXXX";

static int
in_tmp(void **state)
{
	if (mkdtemp(dir) == NULL || chdir(dir) != 0)
		return -1;
	return 0;
}

static int
out_of_tmp(void **state)
{
	unlink("sub/x.sock");
	rmdir("sub");
	if (chdir("/") != 0)
		return -1;
	return rmdir(dir);
}

static int
connects(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	int rc = connect(fd, (struct sockaddr *)&sa, sizeof(sa));
	close(fd);
	return rc == 0;
}

static void
t_a_slash_makes_a_path(void **state)
{
	assert_true(listen_is_path("/run/wangan/x.sock"));
	assert_true(listen_is_path("var/run/x.sock"));
	assert_true(listen_is_path("./x.sock"));
	assert_false(listen_is_path("127.0.0.1:9000"));
	assert_false(listen_is_path("localhost:9000"));
}

static void
t_a_relative_path_gets_its_mode_and_no_temporary_is_left(void **state)
{
	struct server_opts o = { .listen = "sub/x.sock", .mode = 0640 };
	struct stat st;
	assert_int_equal(mkdir("sub", 0700), 0);
	int fd = listen_open(&o);
	assert_true(fd >= 0);
	assert_int_equal(stat("sub/x.sock", &st), 0);
	assert_true(S_ISSOCK(st.st_mode));
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_true(connects("sub/x.sock"));
	DIR *d = opendir("sub");
	struct dirent *e;
	int n = 0;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	assert_int_equal(n, 1);		/* x.sock only, no x.sock.tmp-PID */
	assert_true(listen_owns_path());

	/* a successor renamed its own socket over the path: ours to keep, not to remove */
	int other = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	snprintf(sa.sun_path, sizeof(sa.sun_path), "sub/y.sock");
	assert_int_equal(bind(other, (struct sockaddr *)&sa, sizeof(sa)), 0);
	assert_int_equal(rename("sub/y.sock", "sub/x.sock"), 0);
	listen_remove(&o);
	assert_int_equal(stat("sub/x.sock", &st), 0);
	close(other);
	unlink("sub/x.sock");
	close(fd);

	/* our own is removed */
	fd = listen_open(&o);
	assert_true(fd >= 0);
	listen_remove(&o);
	assert_int_not_equal(stat("sub/x.sock", &st), 0);
	close(fd);
}

static void
t_a_handed_over_socket_wins_over_listen(void **state)
{
	int sv[2];
	char num[16];
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	snprintf(num, sizeof(num), "%d", sv[0]);
	setenv(LISTEN_ENV_FD, num, 1);
	struct server_opts o = { .listen = "sub/never.sock", .mode = 0600 };
	assert_int_equal(listen_open(&o), sv[0]);
	assert_null(getenv(LISTEN_ENV_FD));	/* the workers do not see it */
	assert_int_not_equal(access("sub/never.sock", F_OK), 0);
	setenv(LISTEN_ENV_FD, "12x", 1);	/* not a socket: --listen instead */
	o.listen = "sub/x.sock";
	int fd = listen_open(&o);
	assert_true(fd >= 0 && fd != 12);
	close(fd);
	close(sv[0]);
	close(sv[1]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_a_slash_makes_a_path),
		cmocka_unit_test(t_a_relative_path_gets_its_mode_and_no_temporary_is_left),
		cmocka_unit_test(t_a_handed_over_socket_wins_over_listen),
	};
	return cmocka_run_group_tests(tests, in_tmp, out_of_tmp);
}
