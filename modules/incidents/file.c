/*
 * file.c — the files units send (a rectification report, the report on a
 * threat notice): checked by their bytes (PDF, JPEG or PNG, at most
 * REQ_MAX_FILE), stored in the database with their SHA-256 (core
 * upload.h), and sent back only to those who may read the unit's records.
 */
#include <stdlib.h>
#include <string.h>
#include "incidents.h"
#include "upload.h"

const struct req_file *
inc_upload(struct ctx *c, const char *name, enum sniff_type *type, const char **err)
{
	const struct req_file *f = NULL;
	*type = SNIFF_OTHER;
	*err = NULL;
	for (size_t i = 0; i < c->req.nfiles && f == NULL; i++)
		if (strcmp(c->req.files[i].name, name) == 0 && c->req.files[i].len > 0)
			f = &c->req.files[i];
	if (f == NULL)
		return NULL;	/* a file input left empty sends a part with no bytes */
	if (f->len > REQ_MAX_FILE)
		*err = "too_large";
	else if ((*type = sniff_type(f->data, f->len)) == SNIFF_OTHER)
		*err = "file_type";
	return f;
}

enum db_rc
inc_file_store(struct ctx *c, const struct req_file *f, enum sniff_type type, long long unit,
    long long *id)
{
	enum db_rc rc = up_store(c, SQL(INC_SQL_FILE_INSERT), SQL(INC_SQL_CHUNK_INSERT), f, type, id);
	if (rc != DB_OK)
		return rc;
	struct db_val p[] = { DBI(unit), DBI(*id) };
	return SQL_RUN(c, INC_SQL_FILE_UNIT, p, NULL, NULL);
}

struct file_row {
	struct ctx *c;
	long long id, size, unit;
	const char *mime;
};

static int
file_row(void *arg, const struct db_row *r)
{
	struct file_row *f = arg;
	f->id = atoll(r->v[FL_ID]);
	f->mime = ar_strdup(f->c->ar, r->v[FL_MIME]);
	f->size = atoll(r->v[FL_SIZE]);
	f->unit = atoll(r->v[FL_UNIT_ID]);
	return 0;
}

/* GET files/{id}: the file, as an attachment of its sniffed type, to those who read its unit. */
int
inc_file(struct ctx *c)
{
	struct file_row f = { c, 0, 0, 0, NULL };
	struct db_val p[] = { DBI(c->id) };
	enum db_rc rc = SQL_RUN(c, INC_SQL_FILE, p, file_row, &f);
	if (rc != DB_OK)
		return app_dberr(rc);
	if (f.id == 0 || f.mime == NULL)
		return 404;
	if (!auth_unit_read(c, f.unit))
		return auth_deny(c, "file", f.id);
	return up_send(c, SQL(INC_SQL_CHUNKS), f.id, f.mime, f.size, ar_printf(c->ar, "incident-file-%lld", f.id));
}
