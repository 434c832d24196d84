/*
 * fixture.h — the per-test arena that the parser tests share: cmocka's
 * setup makes one, teardown frees everything it handed out.
 */
#ifndef WANGAN_TEST_FIXTURE_H
#define WANGAN_TEST_FIXTURE_H
#include <stdlib.h>
#include "arena.h"

static int
setup(void **state)
{
	struct arena *ar = malloc(sizeof(*ar));
	if (ar == NULL)
		return -1;
	ar_init(ar);
	*state = ar;
	return 0;
}

static int
teardown(void **state)
{
	ar_free(*state);
	free(*state);
	return 0;
}
#endif
