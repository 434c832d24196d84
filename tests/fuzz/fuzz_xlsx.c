/*
 * fuzz_xlsx.c — libFuzzer target for the table reader of imports: the input
 * goes through rowsrc_open()/rowsrc_next() (so as a zip through xlsxread.c,
 * otherwise as CSV), and every row is checked against the limits
 * xlsxread.h and rowsrc.h promise.  The seeds in corpus/fuzz_xlsx/ are
 * workbooks written by openpyxl, which the fuzzer mutates inside the zip
 * structure as well as outside it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rowsrc.h"
#include "xlsxread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena ar;
	struct rowsrc rs;
	const char *f[ROWSRC_MAX_FIELDS + 4];
	long last = 0, rows = 0;
	int n;

	ar_init(&ar);
	if (rowsrc_open(&rs, &ar, data, size) != 0) {
		if (rs.err == NULL)
			abort();	/* a refusal always says why */
		ar_free(&ar);
		return 0;
	}
	while ((n = rowsrc_next(&rs, f, ROWSRC_MAX_FIELDS + 4)) > 0) {
		if (n > ROWSRC_MAX_FIELDS || ++rows > ROWSRC_MAX_ROWS)
			abort();
		/* lines only go forward */
		if (rs.line <= last && rs.kind == ROWSRC_XLSX)
			abort();
		last = rs.line;
		int nonempty = 0;
		for (int i = 0; i < n; i++) {
			size_t len = strlen(f[i]);
			if (rs.kind == ROWSRC_XLSX && len > XLSX_MAX_CELL)
				abort();
			nonempty |= len > 0;
		}
		if (!nonempty)
			abort();	/* empty rows are skipped */
	}
	if (n < 0 && rs.err == NULL)
		abort();
	rowsrc_close(&rs);
	ar_free(&ar);
	return 0;
}
