/* out.c — see out.h. */
#include <errno.h>
#include <string.h>
#include <sys/uio.h>
#include <fastcgi.h>
#include "out.h"

void
out_begin(struct out *o, FCGX_Request *fr)
{
	/* ipcFd and requestId are plain fields of libfcgi's public FCGX_Request. */
	o->fd = fr->ipcFd;
	o->id = fr->requestId;
	o->stream = fr->out;
	o->err = 0;
	o->n = 0;
}

/* Writes all of iov, resuming after short writes and signals. */
static int
write_all(int fd, struct iovec *iov, int cnt)
{
	while (cnt > 0) {
		ssize_t w = writev(fd, iov, cnt);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		while (cnt > 0 && (size_t)w >= iov->iov_len) {
			w -= (ssize_t)iov->iov_len;
			iov++;
			cnt--;
		}
		if (cnt > 0) {
			iov->iov_base = (char *)iov->iov_base + w;
			iov->iov_len -= (size_t)w;
		}
	}
	return 0;
}

int
out_flush(struct out *o)
{
	if (o->err || o->n == 0)
		return o->err ? -1 : 0;
	if (o->fd < 0) {
		if (FCGX_PutStr((const char *)o->b, (int)o->n, o->stream) != (int)o->n)
			o->err = 1;
	} else {
		/* FCGI_Header: version, type, request id, content length, padding, reserved */
		unsigned char h[8] = { 1, FCGI_STDOUT, (unsigned char)(o->id >> 8), (unsigned char)o->id,
		    (unsigned char)(o->n >> 8), (unsigned char)o->n, 0, 0 };
		struct iovec iov[2] = { { h, sizeof(h) }, { o->b, o->n } };
		if (write_all(o->fd, iov, 2) != 0)
			o->err = 1;
	}
	o->n = 0;
	return o->err ? -1 : 0;
}

int
out_write(struct out *o, const void *p, size_t n)
{
	const unsigned char *s = p;
	while (n > 0 && !o->err) {
		if (o->n == sizeof(o->b) && out_flush(o) != 0)
			break;
		size_t k = sizeof(o->b) - o->n < n ? sizeof(o->b) - o->n : n;
		memcpy(o->b + o->n, s, k);
		o->n += k;
		s += k;
		n -= k;
	}
	return o->err ? -1 : 0;
}
