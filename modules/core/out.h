/*
 * out.h — a response's bytes on the FastCGI connection.
 *
 * libfcgi's output stream writes a record every 8 KiB, so a 21 KiB page
 * cost three write(2) calls, each waking nginx, plus a fourth for the end
 * records.  Here a response collects up to OUT_MAX bytes and goes out as
 * one STDOUT record written straight to the connection; libfcgi's
 * FCGX_Finish_r then adds the empty STDOUT record and END_REQUEST in one
 * more write.  A longer response (an export) goes out OUT_MAX at a time.
 */
#ifndef WANGAN_OUT_H
#define WANGAN_OUT_H
#include <stddef.h>
#include <fcgiapp.h>

/* A FastCGI record holds at most 65,535 bytes of content. */
#define OUT_MAX 65535

struct out {
	int fd;		/* the connection, or -1: fall back to libfcgi's stream */
	int id;		/* the FastCGI request id */
	FCGX_Stream *stream;
	int err;
	size_t n;
	unsigned char b[OUT_MAX];
};

/* Starts a response on the request libfcgi has just accepted. */
void out_begin(struct out *o, FCGX_Request *fr);
/* Adds n bytes; sends a full record when the buffer fills.  0 or -1. */
int  out_write(struct out *o, const void *p, size_t n);
/* Sends what is buffered; call before FCGX_Finish_r.  0 or -1. */
int  out_flush(struct out *o);
#endif
