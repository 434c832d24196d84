/* csv.c — see csv.h. */
#include <string.h>
#include "csv.h"
#include "request.h"

int
csv_record(struct arena *ar, const char *s, size_t len, size_t *pos,
    const char **fields, size_t max)
{
	size_t i = *pos, n = 0;
	char *tmp = NULL;

	if (i >= len)
		return 0;
	if (max > CSV_MAX_FIELDS)
		max = CSV_MAX_FIELDS;
	tmp = ar_alloc(ar, CSV_MAX_FIELD + 1);
	if (tmp == NULL)
		return -1;
	for (;;) {
		size_t t = 0;
		if (n == max)
			return -1;
		if (i < len && s[i] == '"') {
			i++;
			for (;;) {
				if (i >= len)
					return -1;	/* unterminated quote */
				if (s[i] == '"') {
					if (i + 1 < len && s[i + 1] == '"') {
						i++;
					} else {
						i++;
						break;
					}
				}
				if (t == CSV_MAX_FIELD)
					return -1;
				tmp[t++] = s[i++];
			}
			if (i < len && s[i] != ',' && s[i] != '\n' && s[i] != '\r')
				return -1;
		} else {
			while (i < len && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
				if (s[i] == '"' || t == CSV_MAX_FIELD)
					return -1;
				tmp[t++] = s[i++];
			}
		}
		if (!req_utf8_ok(tmp, t) || memchr(tmp, '\0', t) != NULL)
			return -1;
		fields[n] = ar_strndup(ar, tmp, t);
		if (fields[n] == NULL)
			return -1;
		n++;
		if (i < len && s[i] == ',') {
			i++;
			continue;
		}
		if (i < len && s[i] == '\r')
			i++;
		if (i < len && s[i] == '\n')
			i++;
		break;
	}
	*pos = i;
	return (int)n;
}
