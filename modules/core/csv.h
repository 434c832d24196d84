/*
 * csv.h — RFC 4180 records: comma separated, fields optionally in double
 * quotes with "" for a quote, CRLF or LF line ends, UTF-8.  Used by the
 * loaders in tools/ (units, accounts, calendar).
 */
#ifndef WANGAN_CSV_H
#define WANGAN_CSV_H
#include <stddef.h>
#include "arena.h"

#define CSV_MAX_FIELDS 32
#define CSV_MAX_FIELD  4096

/*
 * Reads the record at *pos in s[0..len), advancing *pos past it.  Returns the
 * number of fields (≥ 1), 0 at the end of input, or -1 on a malformed record
 * (an unterminated quote, text after a closing quote, too many fields, a
 * field over CSV_MAX_FIELD, invalid UTF-8).
 */
int csv_record(struct arena *ar, const char *s, size_t len, size_t *pos,
    const char **fields, size_t max);
#endif
