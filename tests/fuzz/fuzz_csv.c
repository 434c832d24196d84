/*
 * fuzz_csv.c — libFuzzer target for csv_record(): reads every record of the
 * input as the loaders in tools/ do, checks what csv.h promises of each
 * record, and that a record written back out (every field quoted) reads
 * back to the same fields.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "csv.h"
#include "request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Writes fields as one RFC 4180 record into out (cap 2 × content + 3n + 2). */
static size_t
write_record(const char **f, int n, char *out)
{
	size_t o = 0;
	for (int i = 0; i < n; i++) {
		if (i > 0)
			out[o++] = ',';
		out[o++] = '"';
		for (const char *p = f[i]; *p; p++) {
			if (*p == '"')
				out[o++] = '"';
			out[o++] = *p;
		}
		out[o++] = '"';
	}
	out[o++] = '\r';
	out[o++] = '\n';
	return o;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena ar;
	/* more room than CSV_MAX_FIELDS: csv_record() must clamp max */
	const char *f[CSV_MAX_FIELDS + 8], *g[CSV_MAX_FIELDS + 8];
	const char *s = (const char *)data;
	size_t pos = 0, last = 0;
	int rc;

	while ((rc = csv_record(&ar, s, size, &pos, f, CSV_MAX_FIELDS + 8)) != 0) {
		if (rc < 0)
			break;
		/* each record consumes input: the loaders' loops end */
		if (rc > CSV_MAX_FIELDS || pos <= last || pos > size)
			abort();
		last = pos;
		size_t need = 2;
		for (int i = 0; i < rc; i++) {
			size_t l = strlen(f[i]);
			if (l > CSV_MAX_FIELD || !req_utf8_ok(f[i], l))
				abort();
			need += 2 * l + 3;
		}
		char *out = malloc(need);
		if (out == NULL)
			abort();
		size_t len = write_record(f, rc, out), p2 = 0;
		if (len > need)
			abort();
		if (csv_record(&ar, out, len, &p2, g, CSV_MAX_FIELDS) != rc || p2 != len)
			abort();
		for (int i = 0; i < rc; i++)
			if (strcmp(f[i], g[i]) != 0)
				abort();
		free(out);
		ar_reset(&ar);
	}
	if (rc == 0 && pos != size)
		abort();
	ar_reset(&ar);
	return 0;
}
