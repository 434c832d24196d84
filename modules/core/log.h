/*
 * log.h — one line per event on stderr (the stack redirects it to a file,
 * systemd to the journal).  Each line is written with a single write(2) so
 * lines from several workers never interleave.  What a message carries from
 * a request (a path with %0a in it, a login) cannot start a line of its own:
 * backslash, CR, LF, tab and other control bytes are written as \\ \r \n \t
 * and \xHH.
 */
#ifndef WANGAN_LOG_H
#define WANGAN_LOG_H
#include <stddef.h>
void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * Copies in[0..len) to out with the escapes above, NUL-terminated, at most
 * cap - 1 bytes and never half an escape; returns the length written.
 */
size_t log_escape(char *out, size_t cap, const char *in, size_t len);
#endif
