/* log.c — see log.h. */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include "log.h"

size_t
log_escape(char *out, size_t cap, const char *in, size_t len)
{
	static const char hx[] = "0123456789abcdef";
	size_t o = 0;

	if (cap == 0)
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)in[i];
		char e[4];
		size_t n = 2;
		e[0] = '\\';
		if (c == '\\')
			e[1] = '\\';
		else if (c == '\n')
			e[1] = 'n';
		else if (c == '\r')
			e[1] = 'r';
		else if (c == '\t')
			e[1] = 't';
		else if (c < 0x20 || c == 0x7f) {
			e[1] = 'x';
			e[2] = hx[c >> 4];
			e[3] = hx[c & 15];
			n = 4;
		} else {
			e[0] = (char)c;
			n = 1;
		}
		if (o + n >= cap)	/* never half an escape */
			break;
		for (size_t k = 0; k < n; k++)
			out[o++] = e[k];
	}
	out[o] = '\0';
	return o;
}

void
log_msg(const char *fmt, ...)
{
	char line[2048], msg[2048];
	struct timespec ts;
	struct tm tm;

	clock_gettime(CLOCK_REALTIME, &ts);
	localtime_r(&ts.tv_sec, &tm);
	size_t n = strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%S", &tm);
	n += (size_t)snprintf(line + n, sizeof(line) - n, ".%03ld [%d] ", ts.tv_nsec / 1000000, (int)getpid());
	va_list ap;
	va_start(ap, fmt);
	int m = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (m < 0)
		return;
	/* Values from requests (paths, logins) are in msg: one event, one line. */
	n += log_escape(line + n, sizeof(line) - n - 1, msg,
	    (size_t)m < sizeof(msg) ? (size_t)m : sizeof(msg) - 1);
	line[n++] = '\n';
	ssize_t w = write(STDERR_FILENO, line, n);
	(void)w;
}
