/*
 * test_arena.c — the per-request bump allocator from modules/core/arena.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "fixture.h"
#include "arena.h"

#define MB (1024u * 1024)


static int
all_zero(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != 0)
			return 0;
	return 1;
}

static void
t_init(void **state)
{
	struct arena *ar = *state;
	assert_null(ar->head);
	assert_int_equal(ar->total, 0);
	/* reset and free of an empty arena are harmless */
	ar_reset(ar);
	ar_free(ar);
	assert_null(ar->head);
}

static void
t_aligned_zeroed(void **state)
{
	struct arena *ar = *state;
	unsigned char *prev = NULL;
	static const size_t sizes[] = { 1, 3, 16, 17, 100, 4000, 20000, 1, 0, 7 };

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		unsigned char *p = ar_alloc(ar, sizes[i]);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % 16, 0);
		assert_true(all_zero(p, sizes[i]));
		/* write the whole block: ASan catches an overlap or overrun */
		memset(p, 0xa5, sizes[i]);
		if (prev != NULL)
			assert_true(p != prev || sizes[i - 1] == 0);
		prev = p;
	}
	assert_int_equal(ar->total, 16 + 16 + 16 + 32 + 112 + 4000 + 20000 + 16 + 0 + 16);
}

static void
t_strings(void **state)
{
	struct arena *ar = *state;

	assert_string_equal(ar_strdup(ar, "郑州"), "郑州");
	assert_string_equal(ar_strndup(ar, "abcdef", 3), "abc");
	assert_string_equal(ar_strndup(ar, "", 0), "");
	assert_string_equal(ar_printf(ar, "%s-%05d-%c", "id", 42, 'x'), "id-00042-x");
	assert_string_equal(ar_printf(ar, "%s", ""), "");

	/* longer than a chunk */
	char *big = malloc(40000);
	assert_non_null(big);
	memset(big, 'y', 39999);
	big[39999] = '\0';
	char *p = ar_printf(ar, "<%s>", big);
	assert_non_null(p);
	assert_int_equal(strlen(p), 40001);
	assert_int_equal(p[0], '<');
	assert_int_equal(p[40000], '>');
	assert_string_equal(ar_strdup(ar, big), big);
	free(big);
}

static void
t_cap_single(void **state)
{
	struct arena *ar = *state;

	assert_null(ar_alloc(ar, AR_MAX_TOTAL + 1));
	/* sizes that would wrap when rounded up */
	assert_null(ar_alloc(ar, SIZE_MAX));
	assert_null(ar_alloc(ar, SIZE_MAX - 8));
	assert_int_equal(ar->total, 0);
	assert_null(ar_strndup(ar, "x", AR_MAX_TOTAL));
}

static void
t_cap_total(void **state)
{
	struct arena *ar = *state;
	int n = 0;

	while (ar_alloc(ar, MB) != NULL)
		n++;
	assert_int_equal(n, AR_MAX_TOTAL / MB);
	assert_int_equal(ar->total, AR_MAX_TOTAL);
	assert_null(ar_alloc(ar, 1));
	assert_null(ar_strdup(ar, ""));
	assert_null(ar_printf(ar, "%d", 1));
	/* the cap is per request: a reset gives it all back */
	ar_reset(ar);
	assert_int_equal(ar->total, 0);
	assert_non_null(ar_alloc(ar, MB));
	ar_reset(ar);
	assert_non_null(ar_alloc(ar, AR_MAX_TOTAL));
	assert_null(ar_alloc(ar, 1));
}

static void
t_reset_reuses_chunk(void **state)
{
	struct arena *ar = *state;

	unsigned char *p = ar_alloc(ar, 100);
	assert_non_null(p);
	memset(p, 0xee, 100);
	ar_reset(ar);
	assert_int_equal(ar->total, 0);
	assert_non_null(ar->head);
	/* the same memory again, zeroed */
	unsigned char *q = ar_alloc(ar, 100);
	assert_ptr_equal(p, q);
	assert_true(all_zero(q, 100));
}

static void
t_reset_frees_large(void **state)
{
	struct arena *ar = *state;

	assert_non_null(ar_alloc(ar, 100));
	assert_non_null(ar_alloc(ar, 100000));
	ar_reset(ar);
	/* the newest chunk held one large block: nothing is kept */
	assert_null(ar->head);
	assert_int_equal(ar->total, 0);
	assert_non_null(ar_alloc(ar, 10));
	ar_free(ar);
	assert_null(ar->head);
	assert_int_equal(ar->total, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_init, setup, teardown),
		cmocka_unit_test_setup_teardown(t_aligned_zeroed, setup, teardown),
		cmocka_unit_test_setup_teardown(t_strings, setup, teardown),
		cmocka_unit_test_setup_teardown(t_cap_single, setup, teardown),
		cmocka_unit_test_setup_teardown(t_cap_total, setup, teardown),
		cmocka_unit_test_setup_teardown(t_reset_reuses_chunk, setup, teardown),
		cmocka_unit_test_setup_teardown(t_reset_frees_large, setup, teardown),
	};
	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
