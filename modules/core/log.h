/*
 * log.h — one line per event on stderr (the stack redirects it to a file,
 * systemd to the journal).  Each line is written with a single write(2) so
 * lines from several workers never interleave.
 */
#ifndef WANGAN_LOG_H
#define WANGAN_LOG_H
void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif
