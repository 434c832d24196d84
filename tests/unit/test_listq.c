/*
 * test_listq.c — lq_parse() from modules/core/listq.c: sort keys only from
 * the list's table, directions, the search's limits and its LIKE escaping,
 * and the keyset seek of each type.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "fixture.h"
#include "listq.h"

static const struct lq_col cols[] = {
	{ "id", LQ_INT, 1 }, { "name", LQ_STR, 0 }, { "since", LQ_DATE, 0 },
};
static const struct lq_def def = { cols, 3, 1, LQ_INT };

static enum lq_err
parse(void **state, struct listq *lq, const char *sort, const char *dir, const char *q,
    const char *at, const char *after)
{
	return lq_parse(lq, &def, *state, sort, dir, q, at, after);
}

static void
t_defaults(void **state)
{
	struct listq lq;
	assert_int_equal(parse(state, &lq, NULL, NULL, NULL, NULL, NULL), LQ_OK);
	assert_int_equal(lq.sort, 0);
	assert_int_equal(lq.desc, 1);
	assert_int_equal(lq.first, 1);
	assert_string_equal(lq.q, "");
	assert_string_equal(lq.like, "");
	assert_int_equal(lq_variant(&lq), 1);
	/* empty values are absent ones, as a form's empty fields send them */
	assert_int_equal(parse(state, &lq, "", "", "", "", ""), LQ_OK);
	assert_int_equal(lq_variant(&lq), 1);
}

static void
t_sort(void **state)
{
	struct listq lq;
	assert_int_equal(parse(state, &lq, "name", "asc", NULL, NULL, NULL), LQ_OK);
	assert_int_equal(lq_variant(&lq), 2);
	assert_string_equal(lq_sort_key(&lq, &def), "name");
	assert_int_equal(parse(state, &lq, "since", "desc", NULL, NULL, NULL), LQ_OK);
	assert_int_equal(lq_variant(&lq), 5);
	/* only the table's keys, exactly: no column names of the SQL, no case games */
	assert_int_equal(parse(state, &lq, "w.name", NULL, NULL, NULL, NULL), LQ_BAD_SORT);
	assert_int_equal(parse(state, &lq, "Name", NULL, NULL, NULL, NULL), LQ_BAD_SORT);
	assert_int_equal(parse(state, &lq, "name;drop", NULL, NULL, NULL, NULL), LQ_BAD_SORT);
	assert_int_equal(parse(state, &lq, "name", "up", NULL, NULL, NULL), LQ_BAD_DIR);
	assert_int_equal(parse(state, &lq, "name", "ASC", NULL, NULL, NULL), LQ_BAD_DIR);
}

/* The plain list: no search and the default sort, in its default direction — and only then. */
static void
t_plain(void **state)
{
	struct listq lq;
	assert_int_equal(parse(state, &lq, NULL, NULL, NULL, NULL, NULL), LQ_OK);
	assert_true(lq_is_plain(&lq, &def));
	assert_int_equal(parse(state, &lq, "id", "desc", "", NULL, "12"), LQ_OK);
	assert_true(lq_is_plain(&lq, &def));	/* the older links' ?after=ID stays plain */
	assert_int_equal(parse(state, &lq, "id", "asc", NULL, NULL, NULL), LQ_OK);
	assert_false(lq_is_plain(&lq, &def));
	assert_int_equal(parse(state, &lq, "name", "desc", NULL, NULL, NULL), LQ_OK);
	assert_false(lq_is_plain(&lq, &def));
	assert_int_equal(parse(state, &lq, NULL, NULL, "a", NULL, NULL), LQ_OK);
	assert_false(lq_is_plain(&lq, &def));
	assert_int_equal(parse(state, &lq, NULL, NULL, "   ", NULL, NULL), LQ_OK);
	assert_true(lq_is_plain(&lq, &def));	/* blanks are no search */
}

static void
t_search(void **state)
{
	struct listq lq;
	assert_int_equal(parse(state, &lq, NULL, NULL, "  计算机 ", NULL, NULL), LQ_OK);
	assert_string_equal(lq.q, "计算机");
	assert_string_equal(lq.like, "计算机%");
	/* LIKE's own characters mean themselves */
	assert_int_equal(parse(state, &lq, NULL, NULL, "50%_a\\b", NULL, NULL), LQ_OK);
	assert_string_equal(lq.like, "50\\%\\_a\\\\b%");
	/* blanks only: no search */
	assert_int_equal(parse(state, &lq, NULL, NULL, "   ", NULL, NULL), LQ_OK);
	assert_string_equal(lq.like, "");
}

static void
t_search_limits(void **state)
{
	struct listq lq;
	char q[4 * LQ_MAX_Q + 8];
	memset(q, 'a', LQ_MAX_Q);
	q[LQ_MAX_Q] = '\0';
	assert_int_equal(parse(state, &lq, NULL, NULL, q, NULL, NULL), LQ_OK);
	q[LQ_MAX_Q] = 'a';
	q[LQ_MAX_Q + 1] = '\0';
	assert_int_equal(parse(state, &lq, NULL, NULL, q, NULL, NULL), LQ_LONG_Q);
	/* counted in characters: LQ_MAX_Q Chinese characters are fine */
	q[0] = '\0';
	for (int i = 0; i < LQ_MAX_Q; i++)
		strncat(q, "网", sizeof(q) - strlen(q) - 1);
	assert_int_equal(parse(state, &lq, NULL, NULL, q, NULL, NULL), LQ_OK);
	assert_int_equal(parse(state, &lq, NULL, NULL, "a\nb", NULL, NULL), LQ_BAD_Q);
	assert_int_equal(parse(state, &lq, NULL, NULL, "a\x01", NULL, NULL), LQ_BAD_Q);
	assert_int_equal(parse(state, &lq, NULL, NULL, "\xff\xfe", NULL, NULL), LQ_BAD_Q);
}

static void
t_seek(void **state)
{
	struct listq lq;
	assert_int_equal(parse(state, &lq, "name", "asc", NULL, "数学学院", "42"), LQ_OK);
	assert_int_equal(lq.first, 0);
	assert_string_equal(lq.at, "数学学院");
	assert_string_equal(lq.after, "42");
	assert_int_equal(parse(state, &lq, "since", NULL, NULL, "2026-02-30", "42"), LQ_BAD_SEEK);
	assert_int_equal(parse(state, &lq, "since", NULL, NULL, "2026-02-28", "42"), LQ_OK);
	assert_int_equal(parse(state, &lq, "name", NULL, NULL, "x", "4x"), LQ_BAD_SEEK);
	assert_int_equal(parse(state, &lq, "id", NULL, NULL, "abc", "4"), LQ_BAD_SEEK);
	/* one half of a seek is no seek */
	assert_int_equal(parse(state, &lq, "name", NULL, NULL, "x", NULL), LQ_BAD_SEEK);
	assert_int_equal(parse(state, &lq, "name", NULL, NULL, NULL, "4"), LQ_BAD_SEEK);
	/* ... except the older links' ?after=ID along a sort by the id itself */
	assert_int_equal(parse(state, &lq, NULL, NULL, NULL, NULL, "4"), LQ_OK);
	assert_string_equal(lq.at, "4");
	assert_string_equal(lq.after, "4");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(t_sort, setup, teardown),
		cmocka_unit_test_setup_teardown(t_plain, setup, teardown),
		cmocka_unit_test_setup_teardown(t_search, setup, teardown),
		cmocka_unit_test_setup_teardown(t_search_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(t_seek, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
