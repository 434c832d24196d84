/*
 * xsystem.h — a system as systems.xsd's <system>: the columns that select
 * it and the one writer of its XML.  Compiled into wangan-systems (its
 * /systems/export.xml, export.c) and wangan-office (the upstream canonical
 * export, modules/office/upcanon.c), so both documents hold the same
 * element from the same code.  Each binary keeps its statements in its
 * own sql.c: SELECT SYS_X_SELECT SYS_X_FROM with its own WHERE and ORDER BY.
 */
#ifndef WANGAN_XSYSTEM_H
#define WANGAN_XSYSTEM_H
#include "db.h"
#include "xmlout.h"

#define SYS_X_NS "urn:wangan:systems:1"

/* The columns, in systems.xsd's order. */
#define SYS_X_COLS(C) \
	C(XS_ID, "id") C(XS_UNIT_CODE, "code") C(XS_UNIT_NAME, "unit_name") C(XS_NAME, "name") \
	C(XS_KIND, "kind") C(XS_URL, "url") C(XS_IPS, "ips") C(XS_PURPOSE, "purpose") \
	C(XS_VENDOR_ID, "vendor_id") C(XS_VENDOR_NAME, "vendor_name") C(XS_VENDOR_USCC, "vendor_uscc") \
	C(XS_HOSTING, "hosting") C(XS_ADMIN, "admin_name") C(XS_PHONE, "admin_phone") \
	C(XS_STATUS, "status") C(XS_GOLIVE, "golive_date") C(XS_LEVEL, "level") \
	C(XS_GRADED, "graded_date") C(XS_REVIEW, "review_date") C(XS_FILING_NO, "filing_no") \
	C(XS_FILING_DATE, "filing_date") C(XS_CII, "cii") C(XS_ASSESSMENT, "assessment_id") \
	C(XS_ASSESSED, "assessed_date") C(XS_AGENCY, "agency") C(XS_RESULT, "result") \
	C(XS_SCORE, "score") C(XS_NEXT_DUE, "next_due") C(XS_UPDATED, "updated_at")
DB_COLUMNS(sys_x_col, SYS_X_COLS);
/* SYS_X_COLS' names, for a statement's DB_SQL entry (xsystem.c). */
extern const char *const sys_x_cols[sys_x_col__MAX + 1];

/* The select list giving SYS_X_COLS (after SELECT and any modifier), over SYS_X_FROM's aliases. */
#define SYS_X_SELECT \
	" s.id, u.code, u.name AS unit_name, s.name, s.kind, s.url, s.ips," \
	" s.purpose, COALESCE(v.id, 0) AS vendor_id, COALESCE(v.name, '') AS vendor_name," \
	" COALESCE(v.uscc, '') AS vendor_uscc, s.hosting, s.admin_name, s.admin_phone, s.status," \
	" COALESCE(s.golive_date, '') AS golive_date, COALESCE(s.level, 0) AS level," \
	" COALESCE(s.graded_date, '') AS graded_date, COALESCE(s.review_date, '') AS review_date," \
	" s.filing_no, COALESCE(s.filing_date, '') AS filing_date, s.cii," \
	" COALESCE(a.id, 0) AS assessment_id, COALESCE(a.assessed_date, '') AS assessed_date," \
	" COALESCE(a.agency, '') AS agency, COALESCE(a.result, '') AS result," \
	" COALESCE(a.score, '') AS score, COALESCE(s.next_due, '') AS next_due, s.updated_at"
/* The system with its unit, vendor (or none) and last assessment (or none). */
#define SYS_X_FROM \
	" FROM sys_system s JOIN unit u ON u.id = s.unit_id" \
	" LEFT JOIN pledge_vendor v ON v.id = s.vendor_id" \
	" LEFT JOIN sys_assessment a ON a.id = s.last_assessment_id"

/* Writes row r (SYS_X_COLS) as one <system>; a failure shows in x->err. */
void sys_x_row(struct xo *x, const struct db_row *r);
#endif
