/* upload.c — see upload.h. */
#include <stdio.h>
#include <string.h>
#include "log.h"
#include "sha256.h"
#include "resp.h"
#include "upload.h"

const char *
up_check(struct ctx *c, const char *name, const struct req_file **f, enum sniff_type *type)
{
	*f = NULL;
	*type = SNIFF_OTHER;
	for (size_t i = 0; i < c->req.nfiles; i++)
		if (strcmp(c->req.files[i].name, name) == 0)
			*f = &c->req.files[i];
	if (*f == NULL || (*f)->len == 0)
		return "required";
	if ((*f)->len > REQ_MAX_FILE)
		return "too_large";
	*type = sniff_type((*f)->data, (*f)->len);
	return *type == SNIFF_OTHER ? "scan_type" : NULL;
}

enum db_rc
up_store(struct ctx *c, int meta_sql, int chunk_sql, const struct req_file *f,
    enum sniff_type type, long long *id)
{
	struct sha256 h;
	unsigned char d[32];
	char hex[65];
	sha256_init(&h);
	sha256_update(&h, f->data, f->len);
	sha256_final(&h, d);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
	struct db_val m[] = {
		DBS(sniff_mime(type)), DBI((long long)f->len), DBS(hex), DBS(f->filename), DBS(c->acct.login),
	};
	enum db_rc rc = db_run(c->db, meta_sql, m, 5, NULL, NULL);
	if (rc != DB_OK)
		return rc;
	*id = (long long)db_insert_id(c->db);
	for (size_t off = 0, seq = 0; off < f->len; off += UP_CHUNK, seq++) {
		size_t n = f->len - off < UP_CHUNK ? f->len - off : UP_CHUNK;
		struct db_val ch[] = { DBI(*id), DBI((long long)seq), DBB(f->data + off, n) };
		if ((rc = db_run(c->db, chunk_sql, ch, 3, NULL, NULL)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

static int
chunk_row(void *arg, const struct db_row *r)
{
	struct ctx *c = arg;
	return resp_write(c, r->v[UP_CHUNK_DATA], r->len[UP_CHUNK_DATA]) != 0;	/* the reader went away: stop */
}

int
up_send(struct ctx *c, int chunk_sql, long long id, const char *mime, long long size,
    const char *name)
{
	char extra[256];
	const char *e = sniff_ext(sniff_of_mime(mime));
	snprintf(extra, sizeof(extra),
	    "Content-Disposition: attachment; filename=\"%s.%s\"\r\nContent-Length: %lld\r\n",
	    name, e, size);
	resp_header(c, 200, mime, extra);
	struct db_val v = DBI(id);
	if (db_run(c->db, chunk_sql, &v, 1, chunk_row, c) != DB_OK)
		log_msg("%s file %lld: reading failed after the header", c->reqid, id);
	return 200;
}
