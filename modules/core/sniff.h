/*
 * sniff.h — what an uploaded file is, by its first bytes rather than by
 * its name or the Content-Type its sender claims.  Only the types the
 * platform accepts are told apart (scans: PDF, JPEG, PNG); everything
 * else, an executable or a script renamed to .pdf included, is
 * SNIFF_OTHER.  A signature says what a file claims to be, not that it is
 * well-formed: serve uploads back with the type from here, as an
 * attachment, with nosniff.
 */
#ifndef WANGAN_SNIFF_H
#define WANGAN_SNIFF_H
#include <stddef.h>

enum sniff_type {
	SNIFF_OTHER,
	SNIFF_PDF,	/* "%PDF-" at offset 0 */
	SNIFF_JPEG,	/* FF D8 FF */
	SNIFF_PNG,	/* 89 50 4E 47 0D 0A 1A 0A */
	SNIFF__MAX
};

/* The type of the file p[0..n); SNIFF_OTHER for anything shorter than a signature. */
enum sniff_type sniff_type(const unsigned char *p, size_t n);
/* The MIME type to serve t as: "application/pdf", …, "application/octet-stream". */
const char *sniff_mime(enum sniff_type t);
/* The file name extension for t, without the dot: "pdf", "jpg", "png", "bin". */
const char *sniff_ext(enum sniff_type t);
/* The type a MIME type stands for (as stored with a file), SNIFF_OTHER if none. */
enum sniff_type sniff_of_mime(const char *mime);
#endif
