/*
 * jsonflat.h — reads the flat JSON objects the audit rows carry as
 * before/after ({"name":"…","parent":12,"x":null}: string, number, true,
 * false or null values, no nesting), so the audit viewer can show a
 * change as a diff of fields.  Anything else — a nested object, an array,
 * bad syntax, more than the caller's room — is refused (-1) and the viewer
 * shows the text as it is.
 */
#ifndef WANGAN_JSONFLAT_H
#define WANGAN_JSONFLAT_H
#include <stddef.h>
#include "arena.h"

struct jf_pair {
	const char *key;
	const char *val;	/* the string's text, a number or true/false as written; NULL: null */
};

/* Parses s into at most max pairs in the arena: the count, or -1. */
int jf_parse(const char *s, struct arena *ar, struct jf_pair *out, size_t max);
#endif
