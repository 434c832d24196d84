/*
 * audit.h — the audit row: who, when, which record, what it was and what it
 * became.  tx_run() writes a change's row inside the change's transaction,
 * so a change never lands without its row; auth_deny() writes a refusal's
 * row on its own.
 */
#ifndef WANGAN_AUDIT_H
#define WANGAN_AUDIT_H
#include "db.h"

struct ctx;

enum db_rc audit_write(struct ctx *c, const char *record_type, long long record_id,
    const char *action, const char *before, const char *after);
#endif
