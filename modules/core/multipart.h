/*
 * multipart.h — multipart/form-data bodies (RFC 7578) parsed under hard
 * limits: the form fields of an upload as NUL-terminated copies, the files
 * as pointers into the body (no copy of a 20 MiB scan).  Like the other
 * request parsers it is a pure function, fuzzed and unit-tested; reading
 * the body and capping its size is the caller's job.
 *
 * What is accepted, and why it is strict where clients never differ:
 * - The boundary comes from the request's Content-Type, which must be
 *   multipart/form-data; the parameter may be a token or a quoted string
 *   of 1..70 characters from RFC 2046's bchars (no trailing space).
 * - A delimiter is CRLF "--" boundary followed by "--" (the last one) or
 *   by optional spaces or tabs and CRLF.  "--boundary" also opens the
 *   body without a CRLF before it.  "--boundaryX" is data, not a
 *   delimiter.  The preamble and the epilogue are ignored; a body without
 *   the closing delimiter is MP_BAD.
 * - Part headers end in CRLF only: a bare CR or LF, any other control
 *   character, or a folded line is MP_BAD.  Every client sends CRLF, and
 *   a parser that guesses line ends differently from a proxy or firewall in
 *   front of it is how requests get smuggled.
 * - Each part has one Content-Disposition: form-data with a name, and at
 *   most one filename and one Content-Type.  Parameter values are tokens
 *   or quoted strings; in these a backslash escapes only '"' and '\\' and
 *   is otherwise kept, since browsers send Windows paths unescaped.
 *   filename* (RFC 7578 4.2: senders must not use it) and other headers
 *   and parameters are ignored.
 * - Names and filenames are UTF-8 without control characters (C0, DEL,
 *   C1, tab).  A filename keeps only what follows its last '/' or '\\';
 *   "." or ".." is MP_BAD.  filename="" (a file input left empty) gives a
 *   file part with filename "".
 * - A field (no filename) is UTF-8 without controls but tab, CR and LF,
 *   at most MP_MAX_VALUE bytes.  A file's bytes are not looked at.
 * - Repeated names are kept, in order.
 * Time is linear in the body: every byte is looked at a bounded number of
 * times, whatever the boundary and the data.
 */
#ifndef WANGAN_MULTIPART_H
#define WANGAN_MULTIPART_H
#include <stddef.h>
#include "arena.h"
#include "request.h"

#define MP_MAX_PARTS     REQ_MAX_FIELDS	/* as many as a url-encoded form */
#define MP_MAX_BOUNDARY  70		/* RFC 2046 */
#define MP_MAX_HEADER    1024		/* one part's headers, blank line included */
#define MP_MAX_NAME      REQ_MAX_KEY	/* the same keys as url-encoded forms */
#define MP_MAX_FILENAME  255		/* bytes; what most file systems allow */
#define MP_MAX_VALUE     REQ_MAX_VALUE	/* a field, as in url-encoded forms */

/* Parse results map to HTTP, as request.h's do. */
enum mp_err { MP_OK = 0, MP_BAD = REQ_BAD, MP_TOO_LARGE = REQ_TOO_LARGE };

struct mp_part {
	const char *name;
	const char *filename;		/* NULL for a field */
	const char *type;		/* the part's Content-Type, or NULL */
	const unsigned char *data;	/* a field: NUL-terminated copy; a file: in the body */
	size_t len;
};

/*
 * Parses body[0..len), sent with the request header content_type, into
 * parts[0..*nparts).  At most max_parts parts (and never more than
 * MP_MAX_PARTS) are accepted.  Names, filenames, types and field values are
 * allocated from ar; file data points into body, which must outlive parts.
 * Returns MP_OK, MP_BAD for bad syntax (a missing or bad boundary, a
 * missing closing delimiter, bad part headers, invalid UTF-8), or
 * MP_TOO_LARGE when a limit is passed (more parts than allowed, a header
 * block over MP_MAX_HEADER, a field over MP_MAX_VALUE, the arena full).
 * *nparts is 0 unless MP_OK.
 */
enum mp_err mp_parse(struct arena *ar, const char *content_type,
    const unsigned char *body, size_t len, struct mp_part *parts,
    size_t max_parts, size_t *nparts);

/* The first part named name, a field or a file, or NULL. */
const struct mp_part *mp_find(const struct mp_part *parts, size_t n, const char *name);

/*
 * Copies the fields (the parts without a filename) of parts[0..n) into
 * out[0..max) as key/value pairs, in order, for req_get() and valid_form().
 * Returns how many it copied; fields past max are left out.
 */
size_t mp_fields(const struct mp_part *parts, size_t n, struct kv *out, size_t max);
#endif
