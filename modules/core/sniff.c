/* sniff.c — file types by signature; see sniff.h. */
#include <string.h>
#include "sniff.h"

/* The signature each type's files start with; SNIFF_OTHER has none. */
static const struct {
	const char *magic;
	size_t len;
} magics[SNIFF__MAX] = {
	[SNIFF_OTHER] = { NULL, 0 },
	[SNIFF_PDF] = { "%PDF-", 5 },
	[SNIFF_JPEG] = { "\xff\xd8\xff", 3 },
	[SNIFF_PNG] = { "\x89PNG\r\n\x1a\n", 8 },
};

static const char *const mimes[SNIFF__MAX] = {
	[SNIFF_OTHER] = "application/octet-stream",
	[SNIFF_PDF] = "application/pdf",
	[SNIFF_JPEG] = "image/jpeg",
	[SNIFF_PNG] = "image/png",
};

static const char *const exts[SNIFF__MAX] = {
	[SNIFF_OTHER] = "bin",
	[SNIFF_PDF] = "pdf",
	[SNIFF_JPEG] = "jpg",
	[SNIFF_PNG] = "png",
};

enum sniff_type
sniff_type(const unsigned char *p, size_t n)
{
	for (int t = SNIFF_OTHER + 1; t < SNIFF__MAX; t++)
		if (n >= magics[t].len && memcmp(p, magics[t].magic, magics[t].len) == 0)
			return (enum sniff_type)t;
	return SNIFF_OTHER;
}

/* Out-of-range values read as SNIFF_OTHER, so a bad enum serves nothing executable. */
const char *
sniff_mime(enum sniff_type t)
{
	return (unsigned)t < SNIFF__MAX ? mimes[t] : mimes[SNIFF_OTHER];
}

const char *
sniff_ext(enum sniff_type t)
{
	return (unsigned)t < SNIFF__MAX ? exts[t] : exts[SNIFF_OTHER];
}

enum sniff_type
sniff_of_mime(const char *mime)
{
	for (int t = SNIFF_OTHER + 1; mime != NULL && t < SNIFF__MAX; t++)
		if (strcmp(mime, mimes[t]) == 0)
			return (enum sniff_type)t;
	return SNIFF_OTHER;
}
