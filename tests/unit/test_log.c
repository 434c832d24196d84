/*
 * test_log.c — log_escape() and log_msg() from modules/core/log.c: what a
 * request brings (a path with %0a, a login with control bytes) never
 * starts a line of its own in the module log.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "log.h"

static void
esc(const char *in, size_t len, size_t cap, const char *want)
{
	char out[256];
	assert_true(cap <= sizeof(out));
	size_t n = log_escape(out, cap, in, len);
	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
}

static void
t_escape(void **state)
{
	esc("/systems/ok", 11, 256, "/systems/ok");
	esc("a\nb\rc\td", 7, 256, "a\\nb\\rc\\td");
	esc("back\\slash", 10, 256, "back\\\\slash");
	esc("\x01\x1b[31m\x7f", 7, 256, "\\x01\\x1b[31m\\x7f");
	esc("nul\0byte", 8, 256, "nul\\x00byte");
	/* UTF-8 passes as it is */
	esc("\xe4\xb8\xad\xe6\x96\x87", 6, 256, "\xe4\xb8\xad\xe6\x96\x87");
}

static void
t_escape_cut(void **state)
{
	/* the cap counts the NUL, and an escape is written whole or not at all */
	esc("abcdef", 6, 4, "abc");
	esc("ab\ncd", 5, 4, "ab");
	esc("ab\ncd", 5, 5, "ab\\n");
	esc("a\x01", 2, 5, "a");
	esc("a\x01", 2, 6, "a\\x01");
	esc("x", 1, 1, "");
}

/* What log_msg writes to stderr, read back through a temporary file. */
static char *
logged(const char *path)
{
	static char buf[8192];
	char tmpl[] = "/tmp/wangan-test-log-XXXXXX";
	int fd = mkstemp(tmpl);
	assert_true(fd >= 0);
	int saved = dup(STDERR_FILENO);
	assert_true(dup2(fd, STDERR_FILENO) >= 0);
	log_msg("%s auditor GET %s %d %ldus", "0000010000000001", path, 404, 12L);
	dup2(saved, STDERR_FILENO);
	close(saved);
	ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
	assert_true(n > 0);
	buf[n] = '\0';
	close(fd);
	unlink(tmpl);
	return buf;
}

static void
t_one_line(void **state)
{
	char *s = logged("/systems/x\n2026-01-01T00:00:00.000 [1] forged office POST /systems/1/edit 303 9us");
	/* one line, ending in the only newline */
	assert_non_null(strchr(s, '\n'));
	assert_int_equal(strchr(s, '\n') - s + 1, (long)strlen(s));
	assert_non_null(strstr(s, "GET /systems/x\\n2026-01-01T00:00:00.000 [1] forged"));
	assert_non_null(strstr(s, " 404 12us\n"));
	s = logged("/a\r\x1b]0;x\x07\\b");
	assert_non_null(strstr(s, "GET /a\\r\\x1b]0;x\\x07\\\\b 404"));
}

static void
t_long_message_is_cut_to_one_line(void **state)
{
	char path[4000];
	memset(path, '\n', sizeof(path) - 1);
	path[sizeof(path) - 1] = '\0';
	char *s = logged(path);
	assert_true(strlen(s) <= 2048);
	assert_int_equal(strchr(s, '\n') - s + 1, (long)strlen(s));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_escape),
		cmocka_unit_test(t_escape_cut),
		cmocka_unit_test(t_one_line),
		cmocka_unit_test(t_long_message_is_cut_to_one_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
