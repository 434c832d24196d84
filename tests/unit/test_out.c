/*
 * test_out.c — a response as FastCGI STDOUT records (out.h): written
 * straight to the connection, at most OUT_MAX bytes per record, in order,
 * with the request's id, and nothing before out_flush() unless a record
 * filled up.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <cmocka.h>
#include <fastcgi.h>
#include "out.h"

static int sv[2];
static struct out o;

static int
setup(void **state)
{
	(void)state;
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		return -1;
	int big = 4 << 20;	/* the whole test response fits in the socket buffer */
	setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &big, sizeof(big));
	setsockopt(sv[1], SOL_SOCKET, SO_RCVBUF, &big, sizeof(big));
	fcntl(sv[1], F_SETFL, O_NONBLOCK);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	close(sv[0]);
	close(sv[1]);
	return 0;
}

/* Reads every record the socket holds; appends STDOUT content to got; returns the record count. */
static int
records(int id, unsigned char *got, size_t *len, size_t *largest)
{
	unsigned char h[8];
	int n = 0;
	*largest = 0;
	while (read(sv[1], h, 8) == 8) {
		assert_int_equal(h[0], 1);
		assert_int_equal(h[1], FCGI_STDOUT);
		assert_int_equal((h[2] << 8) | h[3], id);
		size_t clen = (size_t)((h[4] << 8) | h[5]), done = 0;
		while (done < clen) {
			ssize_t r = read(sv[1], got + *len + done, clen - done);
			assert_true(r > 0);
			done += (size_t)r;
		}
		*len += clen;
		*largest = clen > *largest ? clen : *largest;
		n++;
	}
	return n;
}

static void
small_response_is_one_record_at_flush(void **state)
{
	(void)state;
	FCGX_Request fr = { .requestId = 7, .ipcFd = sv[0] };
	unsigned char got[64];
	size_t len = 0, largest;
	out_begin(&o, &fr);
	assert_int_equal(out_write(&o, "Status: 200\r\n\r\n", 15), 0);
	assert_int_equal(out_write(&o, "<p>hi</p>", 9), 0);
	assert_int_equal(records(7, got, &len, &largest), 0);	/* nothing sent yet */
	assert_int_equal(out_flush(&o), 0);
	assert_int_equal(records(7, got, &len, &largest), 1);
	assert_int_equal(len, 24);
	assert_memory_equal(got, "Status: 200\r\n\r\n<p>hi</p>", 24);
	assert_int_equal(out_flush(&o), 0);	/* an empty flush sends nothing */
	assert_int_equal(records(7, got, &len, &largest), 0);
}

static void
long_response_in_full_records_in_order(void **state)
{
	(void)state;
	size_t total = 3 * OUT_MAX + 1234, len = 0, largest;
	unsigned char *want = malloc(total), *got = malloc(total);
	assert_non_null(want);
	assert_non_null(got);
	for (size_t i = 0; i < total; i++)
		want[i] = (unsigned char)(i * 7 + i / 251);
	FCGX_Request fr = { .requestId = 300, .ipcFd = sv[0] };
	out_begin(&o, &fr);
	for (size_t i = 0; i < total; i += 1000)	/* in pieces that straddle the records */
		assert_int_equal(out_write(&o, want + i, total - i < 1000 ? total - i : 1000), 0);
	assert_int_equal(out_flush(&o), 0);
	assert_int_equal(records(300, got, &len, &largest), 4);
	assert_int_equal(len, total);
	assert_int_equal(largest, OUT_MAX);
	assert_memory_equal(got, want, total);
	free(want);
	free(got);
}

static void
closed_connection_is_an_error(void **state)
{
	(void)state;
	int p[2];
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, p), 0);
	close(p[1]);
	FCGX_Request fr = { .requestId = 1, .ipcFd = p[0] };
	out_begin(&o, &fr);
	out_write(&o, "x", 1);
	assert_int_equal(out_flush(&o), -1);
	assert_int_equal(out_write(&o, "y", 1), -1);	/* and stays one */
	close(p[0]);
}

int
main(void)
{
	signal(SIGPIPE, SIG_IGN);	/* a write to a closed socket is an error, not a death */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(small_response_is_one_record_at_flush),
		cmocka_unit_test(long_response_in_full_records_in_order),
		cmocka_unit_test(closed_connection_is_an_error),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
