/*
 * test_config.c — config_parse(), config_load(), config_get() and
 * config_int() from modules/core/config.c.
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
#include "config.h"

/* Each test gets a zeroed struct config (it is large) as its state. */
static int
setup(void **state)
{
	*state = calloc(1, sizeof(struct config));
	return *state != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	free(*state);
	return 0;
}

static void
t_comments_blanks_trim(void **state)
{
	struct config *c = *state;
	char err[128] = "";
	const char *text =
	    "# wangan test configuration\n"
	    "\n"
	    "   \n"
	    "  db_name =  wangan_test  \n"
	    "\tsite_name\t=\t郑州市 网安 \t\n"
	    "  # an indented comment = not a key\n"
	    "registration.max_upload=10\n"
	    "url = http://x/?a=b#frag\n"
	    "empty =\n";

	assert_int_equal(config_parse(c, text, err, sizeof(err)), 0);
	assert_string_equal(err, "");
	assert_int_equal(c->n, 5);
	assert_string_equal(config_get(c, "db_name", NULL), "wangan_test");
	assert_string_equal(c->db_name, "wangan_test");
	assert_string_equal(config_get(c, "site_name", NULL), "郑州市 网安");
	assert_string_equal(c->site_name, "郑州市 网安");
	assert_string_equal(config_get(c, "registration.max_upload", NULL), "10");
	/* only the first '=' splits; '#' inside a value is kept */
	assert_string_equal(config_get(c, "url", NULL), "http://x/?a=b#frag");
	assert_string_equal(config_get(c, "empty", "dflt"), "");
	assert_null(config_get(c, "# an indented comment", NULL));
}

static void
t_crlf_and_no_final_newline(void **state)
{
	struct config *c = *state;
	char err[128];

	assert_int_equal(config_parse(c, "a = 1\r\nb=2\r\n\r\nc = 3", err, sizeof(err)), 0);
	assert_int_equal(c->n, 3);
	assert_string_equal(config_get(c, "a", NULL), "1");
	assert_string_equal(config_get(c, "b", NULL), "2");
	assert_string_equal(config_get(c, "c", NULL), "3");
	assert_int_equal(config_parse(c, "", err, sizeof(err)), 0);
	assert_int_equal(c->n, 0);
}

static void
t_override(void **state)
{
	struct config *c = *state;
	char err[128];

	assert_int_equal(config_parse(c, "workers = 4\na = x\nworkers = 8\n", err, sizeof(err)), 0);
	assert_int_equal(c->n, 2);
	assert_string_equal(config_get(c, "workers", NULL), "8");
	assert_int_equal(c->workers, 8);
	/* a second parse starts from nothing */
	assert_int_equal(config_parse(c, "b = y\n", err, sizeof(err)), 0);
	assert_int_equal(c->n, 1);
	assert_null(config_get(c, "a", NULL));
	assert_int_equal(c->workers, 2);
}

static void
t_malformed(void **state)
{
	struct config *c = *state;
	char err[128];

	assert_int_equal(config_parse(c, "a = 1\n\n# fine\nno equals here\nb = 2\n",
	    err, sizeof(err)), -1);
	assert_string_equal(err, "line 4: expected key = value");
	assert_int_equal(config_parse(c, "a = 1\n = 2\n", err, sizeof(err)), -1);
	assert_string_equal(err, "line 2: bad key");
	assert_int_equal(config_parse(c, "\r\nkey\r\n", err, sizeof(err)), -1);
	assert_string_equal(err, "line 2: expected key = value");
	/* a short error buffer is truncated, not overrun */
	char small[8];
	assert_int_equal(config_parse(c, "x\n", small, sizeof(small)), -1);
	assert_string_equal(small, "line 1:");
}

static void
t_key_length(void **state)
{
	struct config *c = *state;
	char err[128], text[256];

	/* 63 bytes fit the key field, 64 do not */
	snprintf(text, sizeof(text), "%.63s = v\n",
	    "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk");
	assert_int_equal(config_parse(c, text, err, sizeof(err)), 0);
	assert_int_equal(strlen(c->e[0].key), 63);
	snprintf(text, sizeof(text), "x = 1\n%.64s = v\n",
	    "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk");
	assert_int_equal(config_parse(c, text, err, sizeof(err)), -1);
	assert_string_equal(err, "line 2: bad key");
}

static void
t_line_length(void **state)
{
	struct config *c = *state;
	char err[128];
	char *text = malloc(CONFIG_MAX_LINE + 64);

	assert_non_null(text);
	/* a line of exactly CONFIG_MAX_LINE bytes is accepted */
	memcpy(text, "a = 1\nv = ", 10);
	memset(text + 10, 'x', CONFIG_MAX_LINE - 4);
	memcpy(text + 6 + CONFIG_MAX_LINE, "\n", 2);
	assert_int_equal(config_parse(c, text, err, sizeof(err)), 0);
	assert_int_equal(strlen(config_get(c, "v", "")), CONFIG_MAX_LINE - 4);
	/* one byte more is not */
	memcpy(text + 6 + CONFIG_MAX_LINE, "x\n", 3);
	assert_int_equal(config_parse(c, text, err, sizeof(err)), -1);
	assert_string_equal(err, "line 2: longer than 1024 bytes");
	free(text);
}

static void
t_too_many_keys(void **state)
{
	struct config *c = *state;
	char err[128];
	size_t size = (CONFIG_MAX_ENTRIES + 2) * 16, o = 0;
	char *text = malloc(size);

	assert_non_null(text);
	for (int i = 0; i < CONFIG_MAX_ENTRIES; i++)
		o += (size_t)snprintf(text + o, size - o, "k%d = %d\n", i, i);
	assert_int_equal(config_parse(c, text, err, sizeof(err)), 0);
	assert_int_equal(c->n, CONFIG_MAX_ENTRIES);
	/* overriding a key when full is fine */
	snprintf(text + o, size - o, "k0 = again\n");
	assert_int_equal(config_parse(c, text, err, sizeof(err)), 0);
	assert_string_equal(config_get(c, "k0", NULL), "again");
	snprintf(text + o, size - o, "k%d = 1\n", CONFIG_MAX_ENTRIES);
	assert_int_equal(config_parse(c, text, err, sizeof(err)), -1);
	assert_string_equal(err, "line 129: more than 128 keys");
	free(text);
}

static void
t_get_default(void **state)
{
	struct config *c = *state;
	char err[128];

	assert_int_equal(config_parse(c, "a = 1\n", err, sizeof(err)), 0);
	assert_string_equal(config_get(c, "a", "d"), "1");
	assert_string_equal(config_get(c, "b", "d"), "d");
	assert_null(config_get(c, "b", NULL));
	assert_string_equal(config_get(c, "A", "d"), "d");	/* keys are case-sensitive */
}

static void
t_int(void **state)
{
	struct config *c = *state;
	char err[128];
	const char *text =
	    "n = 42\nneg = -7\nbig = 999999\nsmall = -999999\n"
	    "junk = 12abc\nword = abc\nblank =\nhex = 0x10\nspace = 1 2\n"
	    "huge = 99999999999999999999\ntiny = -99999999999999999999\n"
	    "plus = +5\n";

	assert_int_equal(config_parse(c, text, err, sizeof(err)), 0);
	assert_int_equal(config_int(c, "n", 1, 0, 100), 42);
	assert_int_equal(config_int(c, "neg", 1, -10, 10), -7);
	/* out of range values are clamped */
	assert_int_equal(config_int(c, "big", 1, 0, 100), 100);
	assert_int_equal(config_int(c, "small", 1, 0, 100), 0);
	assert_int_equal(config_int(c, "neg", 1, 5, 10), 5);
	assert_int_equal(config_int(c, "huge", 1, 0, 100), 100);
	assert_int_equal(config_int(c, "tiny", 1, 0, 100), 0);
	/* garbage, empty and missing values give the default */
	assert_int_equal(config_int(c, "junk", 7, 0, 100), 7);
	assert_int_equal(config_int(c, "word", 7, 0, 100), 7);
	assert_int_equal(config_int(c, "blank", 7, 0, 100), 7);
	assert_int_equal(config_int(c, "hex", 7, 0, 100), 7);
	assert_int_equal(config_int(c, "space", 7, 0, 100), 7);
	assert_int_equal(config_int(c, "missing", 7, 0, 100), 7);
	assert_int_equal(config_int(c, "plus", 7, 0, 100), 5);
}

static void
t_core_defaults(void **state)
{
	struct config *c = *state;
	char err[128];

	assert_int_equal(config_parse(c, "# nothing\n", err, sizeof(err)), 0);
	assert_null(c->db_host);
	assert_null(c->db_socket);
	assert_int_equal(c->db_port, 3306);
	assert_string_equal(c->db_name, "wangan");
	assert_string_equal(c->db_user, "wangan");
	assert_null(c->db_password);
	assert_string_equal(c->xslt_dir, "/usr/share/wangan/xslt");
	assert_null(c->csrf_secret);
	assert_int_equal(c->csrf_ttl, 8 * 3600);
	assert_int_equal(c->account_cache_seconds, 5);
	assert_string_equal(c->timezone, "Asia/Shanghai");
	assert_string_equal(c->site_name, "");
	assert_null(c->socket_group);
	assert_int_equal(c->socket_mode, 0660);
	assert_int_equal(c->workers, 2);
}

static void
t_core_values(void **state)
{
	struct config *c = *state;
	char err[128];
	const char *text =
	    "db_host = db.internal\ndb_port = 70000\ncsrf_secret = s3cret\n"
	    "csrf_ttl = 5\nsocket_mode = 0600\nworkers = 1000\nsocket_group = www-data\n"
	    "account_cache_seconds = 1000\n";

	assert_int_equal(config_parse(c, text, err, sizeof(err)), 0);
	assert_string_equal(c->db_host, "db.internal");
	assert_int_equal(c->db_port, 65535);
	assert_string_equal(c->csrf_secret, "s3cret");
	assert_int_equal(c->csrf_ttl, 60);
	assert_int_equal(c->account_cache_seconds, 300);
	assert_int_equal(c->socket_mode, 0600);
	assert_int_equal(c->workers, 256);
	assert_string_equal(c->socket_group, "www-data");
}

static void
t_socket_mode(void **state)
{
	static const struct { const char *text; unsigned want; } c[] = {
		{ "socket_mode = 0600\n", 0600 },
		{ "socket_mode = 660\n", 0660 },
		{ "socket_mode = 0\n", 0 },
		{ "socket_mode = 0777\n", 0777 },
		/* malformed or out of range: the default, never a surprise */
		{ "socket_mode = 0668\n", 0660 },
		{ "socket_mode = 0o600\n", 0660 },
		{ "socket_mode = rw-rw----\n", 0660 },
		{ "socket_mode =\n", 0660 },
		{ "socket_mode = 1777\n", 0660 },
		{ "socket_mode = -1\n", 0660 },
	};
	struct config *cfg = *state;
	char err[128];

	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		assert_int_equal(config_parse(cfg, c[i].text, err, sizeof(err)), 0);
		if (cfg->socket_mode != c[i].want)
			fail_msg("%s: mode %o, want %o", c[i].text, cfg->socket_mode, c[i].want);
	}
}

static void
t_load(void **state)
{
	struct config *c = *state;
	char err[256], path[] = "/tmp/wangan-test-config-XXXXXX";
	int fd = mkstemp(path);
	const char *text = "# from a file\ndb_name = from_file\nworkers=3\n";

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	assert_int_equal(config_load(c, path, err, sizeof(err)), 0);
	assert_string_equal(c->db_name, "from_file");
	assert_int_equal(c->workers, 3);
	unlink(path);
	assert_int_equal(config_load(c, path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "cannot open"));
	assert_memory_equal(err, path, strlen(path));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_comments_blanks_trim, setup, teardown),
		cmocka_unit_test_setup_teardown(t_crlf_and_no_final_newline, setup, teardown),
		cmocka_unit_test_setup_teardown(t_override, setup, teardown),
		cmocka_unit_test_setup_teardown(t_malformed, setup, teardown),
		cmocka_unit_test_setup_teardown(t_key_length, setup, teardown),
		cmocka_unit_test_setup_teardown(t_line_length, setup, teardown),
		cmocka_unit_test_setup_teardown(t_too_many_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(t_get_default, setup, teardown),
		cmocka_unit_test_setup_teardown(t_int, setup, teardown),
		cmocka_unit_test_setup_teardown(t_core_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(t_core_values, setup, teardown),
		cmocka_unit_test_setup_teardown(t_socket_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(t_load, setup, teardown),
	};
	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
