/*
 * test_setting.c — the site settings' cache (modules/core/setting.c): the
 * office's value over wangan.conf's, "back to the default", numbers out of
 * range ignored, and the modules list checked against what the site runs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "config.h"
#include "setting.h"

static int
setup(void **state)
{
	struct config *c = calloc(1, sizeof(*c));
	char err[128];
	if (c == NULL || config_parse(c, "registration.report_days = 5\nmodules = registration pledges office\n",
	    err, sizeof(err)) != 0)
		return -1;
	setting_reset();
	*state = c;
	return 0;
}

static int
teardown(void **state)
{
	setting_reset();
	free(*state);
	return 0;
}

static void
t_override(void **state)
{
	struct config *c = *state;
	assert_int_equal(setting_int(c, "registration.report_days", 9, 1, 60), 5);
	setting_put("registration.report_days", "7");
	assert_int_equal(setting_int(c, "registration.report_days", 9, 1, 60), 7);
	assert_string_equal(setting_get(c, "registration.report_days", "x"), "7");
	/* back to the default: a NULL value */
	setting_put("registration.report_days", NULL);
	assert_int_equal(setting_int(c, "registration.report_days", 9, 1, 60), 5);
	/* a bad stored value is ignored, the config's used */
	setting_put("registration.report_days", "99");
	assert_int_equal(setting_int(c, "registration.report_days", 9, 1, 60), 5);
	setting_put("registration.report_days", "3x");
	assert_int_equal(setting_int(c, "registration.report_days", 9, 1, 60), 5);
	/* neither: the caller's default */
	assert_int_equal(setting_int(c, "pledges.resign_days", 10, 1, 90), 10);
	assert_string_equal(setting_get(c, "nothing", "d"), "d");
}

static void
t_modules(void **state)
{
	struct config *c = *state;
	size_t n;
	const char *const *m = setting_modules(c, &n);
	assert_int_equal(n, 3);
	assert_string_equal(m[2], "office");
	setting_put("modules", "office, registration");
	m = setting_modules(c, &n);
	assert_int_equal(n, 2);
	assert_string_equal(m[0], "office");
	assert_string_equal(m[1], "registration");
	/* a module the site does not run: the config's list stands */
	setting_put("modules", "office cloud");
	m = setting_modules(c, &n);
	assert_int_equal(n, 3);
	assert_string_equal(m[0], "registration");
}

static void
t_parse(void **state)
{
	struct config *c = *state;
	const char *out[CONFIG_MAX_MODULES];
	char buf[256], bad[40];
	size_t n;
	assert_int_equal(setting_parse_modules(c, " pledges,office ", out, CONFIG_MAX_MODULES, &n, buf, sizeof(buf),
	    bad, sizeof(bad)), 0);
	assert_int_equal(n, 2);
	assert_string_equal(out[0], "pledges");
	assert_int_equal(setting_parse_modules(c, "pledges pledges", out, CONFIG_MAX_MODULES, &n, buf, sizeof(buf),
	    bad, sizeof(bad)), -1);
	assert_string_equal(bad, "pledges");
	assert_int_equal(setting_parse_modules(c, "websites", out, CONFIG_MAX_MODULES, &n, buf, sizeof(buf),
	    bad, sizeof(bad)), -1);
	assert_string_equal(bad, "websites");
	assert_int_equal(setting_parse_modules(c, " , ", out, CONFIG_MAX_MODULES, &n, buf, sizeof(buf),
	    bad, sizeof(bad)), -1);
	assert_int_equal(setting_parse_modules(c, "registration office", out, 1, &n, buf, sizeof(buf),
	    bad, sizeof(bad)), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_override, setup, teardown),
		cmocka_unit_test_setup_teardown(t_modules, setup, teardown),
		cmocka_unit_test_setup_teardown(t_parse, setup, teardown),
	};
	return cmocka_run_group_tests_name("setting", tests, NULL, NULL);
}
