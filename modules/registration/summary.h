/*
 * summary.h — the SQL that recomputes reg_summary, the list page's read
 * model: one row per unit, clustered by unit code, with the unit's code,
 * names, kind and active flag, each role's current holder and whether any
 * change was reported late (schema/008-registration-list.sql).  The list
 * then reads 51 consecutive rows of one table instead of joining five
 * holder rows per unit and probing for late changes.  The change transaction refreshes its unit's row,
 * so the summary is never behind a committed change; wangan-admin refreshes
 * every row after loading units or holders.  Whatever else changes a unit's
 * code, names, kind or active flag must refresh its row in the same
 * transaction.
 */
#ifndef WANGAN_REG_SUMMARY_H
#define WANGAN_REG_SUMMARY_H

#define REG_SUMMARY_JOIN(a, role) \
	" LEFT JOIN reg_holder " a " ON " a ".unit_id = u.id AND " a ".role = '" role \
	"' AND " a ".is_current = 1"

/* REPLACE … SELECT for the units the caller's WHERE picks. */
#define REG_SUMMARY_REFRESH(where) \
	"REPLACE INTO reg_summary (code, unit_id, name, name_en, kind, active," \
	" first_name, first_mobile, direct_name, direct_mobile," \
	" secadmin_name, secadmin_mobile, liaison_name, liaison_mobile, sysadmin_name," \
	" sysadmin_mobile, late)" \
	" SELECT u.code, u.id, u.name, COALESCE(u.name_en, ''), u.kind, u.active," \
	" f.name, f.mobile, d.name, d.mobile, s.name, s.mobile, l.name, l.mobile," \
	" y.name, y.mobile," \
	" EXISTS (SELECT 1 FROM reg_holder x WHERE x.unit_id = u.id AND x.late = 1)" \
	" FROM unit u" \
	REG_SUMMARY_JOIN("f", "first") REG_SUMMARY_JOIN("d", "direct") \
	REG_SUMMARY_JOIN("s", "secadmin") REG_SUMMARY_JOIN("l", "liaison") \
	REG_SUMMARY_JOIN("y", "sysadmin") where
#endif
