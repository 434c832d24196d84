/*
 * request.h — what a request brings: FastCGI parameters, the query string
 * and the url-encoded form, parsed under hard limits.  The parsers are pure
 * functions (fuzzed and unit-tested); req_read() is the only part that
 * touches libfcgi.
 */
#ifndef WANGAN_REQUEST_H
#define WANGAN_REQUEST_H
#include <stddef.h>
#include "arena.h"

#define REQ_MAX_PATH    1024
#define REQ_MAX_QUERY   4096
#define REQ_MAX_BODY    (64 * 1024)	/* url-encoded forms */
#define REQ_MAX_LONGFORM (256 * 1024)	/* a form of long texts (a template's clauses, url-encoded) */
#define REQ_MAX_FIELDS  64
#define REQ_MAX_KEY     64
#define REQ_MAX_VALUE   (32 * 1024)	/* a template's clauses in one textarea (pledges) */
#define REQ_MAX_HEADER  4096	/* any single CGI parameter we read */
#define REQ_MAX_FILES   4
#define REQ_MAX_FILE    (20u * 1024 * 1024)	/* one uploaded file (a scan) */
/* An upload route's body: its files plus room for the fields and part headers. */
#define REQ_MAX_UPLOAD  (REQ_MAX_FILE + 256u * 1024)
/*
 * What req_drain() reads and throws away of a body the module did not take
 * (too large, unrouted, wrong method), and for how long.  nginx's own
 * client_max_body_size limits (nginx-conf/modules/) sit well below the cap.
 */
#define REQ_MAX_DRAIN   (32u * 1024 * 1024)
#define REQ_DRAIN_MS    1000

enum req_method { REQ_GET, REQ_POST, REQ_HEAD, REQ_OTHER };

/* Parse results map to HTTP: REQ_OK, 400 bad syntax, 413 too large. */
enum req_err { REQ_OK = 0, REQ_BAD = 400, REQ_TOO_LARGE = 413 };

struct kv {
	const char *key;
	const char *val;
	size_t len;
};

struct req {
	enum req_method method;
	const char *path;		/* decoded path, no query */
	const char *query;
	const char *remote_user;
	const char *accept;
	const char *accept_lang;
	const char *cookie;
	const char *content_type;
	const char *cl;			/* CONTENT_LENGTH as sent, for req_body() */
	size_t content_length;
	struct kv q[REQ_MAX_FIELDS];
	size_t nq;
	struct kv f[REQ_MAX_FIELDS];
	size_t nf;
	struct req_file {		/* files of a multipart body, in order */
		const char *name, *filename;
		const unsigned char *data;	/* in the request's arena */
		size_t len;
	} files[REQ_MAX_FILES];
	size_t nfiles;
};

/*
 * Splits "a=1&b=%E4%B8%AD" into decoded pairs.  Rejects (REQ_BAD) bad
 * percent escapes, NUL bytes, invalid UTF-8, empty or over-long keys, a
 * repeated key, and more than max pairs.
 */
enum req_err req_parse_urlencoded(struct arena *ar, const char *s, size_t len,
    struct kv *out, size_t max, size_t *n);
/* Decodes %xx (and '+' as space when plus is set); -1 on a bad escape. */
long req_decode(const char *s, size_t len, char *out, int plus);
/* 1 if s[0..len) is valid UTF-8 with no control characters but \t \r \n. */
int  req_utf8_ok(const char *s, size_t len);
const char *req_get(const struct kv *kv, size_t n, const char *key);
/* A cookie's value from a Cookie header, copied into out (cap outlen). */
int  req_cookie(const char *header, const char *name, char *out, size_t outlen);

struct FCGX_Request;
/* Fills r from the FastCGI request's parameters and query string. */
enum req_err req_read(struct req *r, struct arena *ar, struct FCGX_Request *fr);
/*
 * Reads and parses a POST body of at most max bytes (REQ_MAX_BODY, or
 * REQ_MAX_UPLOAD on an upload route): url-encoded into r->f, and when
 * uploads is set also multipart/form-data, fields into r->f and files
 * into r->files.  413 past max, 400 for anything malformed.
 */
enum req_err req_body(struct req *r, struct arena *ar, struct FCGX_Request *fr,
    size_t max, int uploads);
/*
 * Reads and discards whatever is left of the request's stdin, up to its
 * end: call it after routing and req_body(), before the first byte of the
 * answer.  nginx stops sending a request body as soon as the response
 * header arrives, then waits for the end of the request: a worker that
 * answers first and reads afterwards waits for bytes that never come, until
 * nginx's fastcgi_read_timeout.  Returns 0 when stdin ended; -1 when the
 * body is over cap bytes (by CONTENT_LENGTH or as read), took over ms
 * milliseconds (counted once a body is announced or seen), or the peer
 * broke off.  Then the stream is closed, nothing
 * later blocks on it, and libfcgi closes the connection after the answer.
 */
int  req_drain(struct FCGX_Request *fr, size_t cap, int ms);
#endif
