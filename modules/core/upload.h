/*
 * upload.h — a file a user sent (a signed scan, an assessment report),
 * stored in the database by the module that owns it: one row of metadata
 * (type, size, SHA-256, the name it came with) and the bytes in pieces of
 * at most UP_CHUNK, so neither storing nor sending needs max_allowed_packet
 * raised and a download streams in constant memory.  The type is sniffed
 * from the bytes (sniff.h), never taken from the name.
 */
#ifndef WANGAN_UPLOAD_H
#define WANGAN_UPLOAD_H
#include "ctx.h"
#include "db.h"
#include "sniff.h"

/* A piece fits one BLOB column and one result buffer (DB_MAX_COLLEN). */
#define UP_CHUNK (60u * 1024)
/* The one column of a module's chunk_sql for up_send(): the piece's bytes. */
enum { UP_CHUNK_DATA, UP_CHUNK__MAX };

/*
 * The file field name of the request, checked: *f is the file (NULL when
 * none was sent) and *type its sniffed type.  Returns NULL when it is a
 * PDF, JPEG or PNG of at most REQ_MAX_FILE bytes, else the message code for
 * the field: "too_large" (answer 413), "required" or "scan_type" (422).
 */
const char *up_check(struct ctx *c, const char *name, const struct req_file **f, enum sniff_type *type);
/*
 * Stores f as type: meta_sql inserts (mime, size, sha256, filename, login),
 * chunk_sql (id, seq, data).  The new id in *id.  Call inside the
 * transaction that records what the file belongs to.
 */
enum db_rc up_store(struct ctx *c, int meta_sql, int chunk_sql, const struct req_file *f,
    enum sniff_type type, long long *id);
/*
 * Sends stored file id as an attachment "name.ext": the header (type, length,
 * disposition), then the pieces chunk_sql (id) selects in order.  200; past
 * the header a failure can only cut the download short.
 */
int up_send(struct ctx *c, int chunk_sql, long long id, const char *mime, long long size,
    const char *name);
#endif
