/*
 * dashboard.h — the office's dashboard (issue 13): a matrix of units ×
 * duties read from a snapshot (schema/026-dashboard.sql), its print view
 * and exports, a per-unit yearly scorecard from live data, and the charts.
 *
 * The duties are a closed set (DASH_DUTIES): each has a code, the module
 * whose records it counts (no column when the site does not enable that
 * module), and one SELECT in sql.c giving per unit green, amber, red and
 * total.  The refresh (refresh.c) writes those into dash_unit set-based;
 * the scorecard (card.c) runs the same SELECTs for one unit and a year.
 *
 * Page XML under <data> (xslt/dashboard/ reads these):
 *  matrix  <snapshot at hm stale? ms/> <duties><duty code module/>…</duties>
 *          <units sort next? count><unit id code><name/><c d g a r t/>…</unit>…</units>
 *  print   the same, every unit of the page
 *  card    <unit id code year><name/></unit> <duties><duty code module g a r t/>…</duties>
 *          <yearly><d id code due stand><title/></d>…</yearly>? (the duties module on)
 *          <indicators><i ref duty?/>…</indicators> <unanswered><i ref why/>…</unanswered>
 *  charts  <year y/> <months><m n><cat tax code count/>…</m>…</months>
 *          <cats><cat tax code total/>…</cats> <rates><unit code g t pct><name/></unit>…</rates>
 */
#ifndef WANGAN_DASHBOARD_H
#define WANGAN_DASHBOARD_H
#include "app.h"
#include "auth.h"
#include "ctx.h"
#include "page.h"
#include "sql.h"
#include "tx.h"

#define DASH_PAGE_ROWS 50
#define DASH_CARD_MIN_YEAR 2000
#define DASH_CARD_MAX_YEAR 2100

/* code, the module whose records it counts */
#define DASH_DUTIES(D) \
	D(DUTY_REG, "reg", "registration") \
	D(DUTY_PLEDGE, "pledge", "pledges") \
	D(DUTY_SYS, "sys", "systems") \
	D(DUTY_VM, "vm", "cloud") \
	D(DUTY_WEB, "web", "websites") \
	D(DUTY_INC, "inc", "incidents") \
	D(DUTY_NOTICE, "notice", "incidents") \
	D(DUTY_PERIOD, "period", "incidents")
#define DASH_DUTY_ID_(id, code, mod) id,
enum dash_duty { DASH_DUTIES(DASH_DUTY_ID_) DUTY__MAX };
extern const char *const dash_duty_code[DUTY__MAX];
extern const char *const dash_duty_module[DUTY__MAX];

#define DASH_STATEMENTS(S) \
	/* the snapshot's state and the one-refresher lock (refresh.c) */ \
	S(DASH_SQL_META, 1) \
	S(DASH_SQL_LOCK, 0) \
	S(DASH_SQL_UNLOCK, 0) \
	S(DASH_SQL_READ_COMMITTED, 0) \
	/* the refresh: units, then one INSERT … SELECT per duty, the months, the meta row */ \
	S(DASH_SQL_UNITS, 0) \
	S(DASH_SQL_UP_REG, 5) \
	S(DASH_SQL_UP_PLEDGE, 3) \
	S(DASH_SQL_UP_SYS, 3) \
	S(DASH_SQL_UP_VM, 3) \
	S(DASH_SQL_UP_WEB, 2) \
	S(DASH_SQL_UP_INC, 4) \
	S(DASH_SQL_UP_NOTICE, 5) \
	S(DASH_SQL_UP_PERIOD, 9) \
	S(DASH_SQL_MONTHS_CLEAR, 0) \
	S(DASH_SQL_MONTHS, 0) \
	S(DASH_SQL_META_SET, 2) \
	/* the scorecard: the same SELECTs for one unit and a year (card.c) */ \
	S(DASH_SQL_CARD_REG, 5) \
	S(DASH_SQL_CARD_PLEDGE, 3) \
	S(DASH_SQL_CARD_SYS, 3) \
	S(DASH_SQL_CARD_VM, 3) \
	S(DASH_SQL_CARD_WEB, 2) \
	S(DASH_SQL_CARD_INC, 4) \
	S(DASH_SQL_CARD_NOTICE, 5) \
	S(DASH_SQL_CARD_PERIOD, 9) \
	S(DASH_SQL_UNIT, 1) \
	S(DASH_SQL_CARD_ROLES, 1) \
	/* the unit's yearly duties of the year (the duties module, schema 034): unit, year */ \
	S(DASH_SQL_CARD_YEARLY, 2) \
	/* the matrix, 51 rows along the index of its sort (matrix.c) */ \
	S(DASH_SQL_BY_CODE, 1) \
	S(DASH_SQL_BY_REG, 3) \
	S(DASH_SQL_BY_PLEDGE, 3) \
	S(DASH_SQL_BY_SYS, 3) \
	S(DASH_SQL_BY_VM, 3) \
	S(DASH_SQL_BY_WEB, 3) \
	S(DASH_SQL_BY_INC, 3) \
	S(DASH_SQL_BY_NOTICE, 3) \
	S(DASH_SQL_BY_PERIOD, 3) \
	/* the exports: every active unit by code (export.c) */ \
	S(DASH_SQL_ALL, 0) \
	/* the charts (charts.c) */ \
	S(DASH_SQL_MONTH_LIST, 1) \
	S(DASH_SQL_RATES, 0)
DB_STATEMENTS(dash_sql_id, DASH_STATEMENTS, DASH_SQL__MAX);
extern const struct db_stmt dash_sql[DASH_SQL__MAX];

/* A matrix row: the unit, then g, a, r, t of each duty in DASH_DUTIES' order. */
#define DASH_ROW_COLS(C) C(DR_ID, "unit_id") C(DR_CODE, "code") C(DR_NAME, "name") C(DR_NAME_EN, "name_en")
DB_COLUMNS(dash_row_col, DASH_ROW_COLS);
#define DASH_ROW_NCOLS (dash_row_col__MAX + 4 * DUTY__MAX)

/* DASH_SQL_META */
#define DASH_META_COLS(C) C(DM_AT, "refreshed_at") C(DM_HM, "hm") C(DM_MS, "refresh_ms") C(DM_STALE, "stale")
DB_COLUMNS(dash_meta_col, DASH_META_COLS);

/* A duty's SELECT for the scorecard */
#define DASH_CELL_COLS(C) C(DC_UNIT, "unit_id") C(DC_G, "g") C(DC_A, "a") C(DC_R, "r") C(DC_T, "t")
DB_COLUMNS(dash_cell_col, DASH_CELL_COLS);

/* DASH_SQL_UNIT */
#define DASH_UNIT_COLS(C) C(DU_ID, "id") C(DU_CODE, "code") C(DU_NAME, "name") C(DU_NAME_EN, "name_en") \
	C(DU_ACTIVE, "active")
DB_COLUMNS(dash_unit_col, DASH_UNIT_COLS);

/* DASH_SQL_CARD_YEARLY */
#define DASH_YEARLY_COLS(C) C(DY_ID, "id") C(DY_CODE, "code") C(DY_TITLE, "title_zh") C(DY_TITLE_EN, "title_en") \
	C(DY_DUE, "due_date") C(DY_STAND, "stand")
DB_COLUMNS(dash_yearly_col, DASH_YEARLY_COLS);

/* DASH_SQL_MONTH_LIST */
#define DASH_MONTH_COLS(C) C(DMO_MONTH, "month") C(DMO_TAX, "taxonomy") C(DMO_CAT, "category") C(DMO_N, "n")
DB_COLUMNS(dash_month_col, DASH_MONTH_COLS);

/* DASH_SQL_RATES */
#define DASH_RATE_COLS(C) C(DRA_CODE, "code") C(DRA_NAME, "name") C(DRA_NAME_EN, "name_en") \
	C(DRA_G, "inc_g") C(DRA_T, "inc_t")
DB_COLUMNS(dash_rate_col, DASH_RATE_COLS);

#define DASH_VIEWS(V) V(DASH_VIEW_MATRIX, "dashboard/matrix") V(DASH_VIEW_PRINT, "dashboard/print") \
	V(DASH_VIEW_CARD, "dashboard/card") V(DASH_VIEW_CHARTS, "dashboard/charts")
#define DASH_VIEW_ID_(id, name) id,
enum dash_view { DASH_VIEWS(DASH_VIEW_ID_) DASH_VIEW__MAX };

struct dash_settings {
	long refresh_seconds;	/* dashboard.refresh_seconds: the snapshot's age before a refresh */
	long soon_days;		/* dashboard.soon_days: a due date this close is amber */
	char roles[128];	/* registration.roles: the roles a unit must fill */
	long nroles;
	char resign_kinds[256];	/* pledges.resign_kinds */
	int enabled[DUTY__MAX];	/* the duty's module is in the site's modules line */
	int yearly;		/* the duties module (the year's duties) is in it */
};
extern struct dash_settings dash_set;

/* refresh.c */
enum db_rc dash_refresh(struct ctx *c, int force, int *done);
enum db_rc dash_meta(struct ctx *c, xmlNodePtr parent);
int dash_refresh_post(struct ctx *c);
/* the current year on the site's clock */
int dash_year(void);

/* matrix.c */
int dash_matrix(struct ctx *c);
int dash_print(struct ctx *c);
void dash_duties_node(struct ctx *c, xmlNodePtr parent);
/* One <unit> of a matrix row (or of the scorecard's numbers). */
void dash_unit_node(struct ctx *c, xmlNodePtr parent, const struct db_row *r);

/* export.c */
int dash_csv(struct ctx *c);
int dash_xlsx(struct ctx *c);

/* card.c */
int dash_card(struct ctx *c);

/* charts.c */
int dash_charts(struct ctx *c);
#endif
