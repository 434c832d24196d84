/*
 * sql.c — the dashboard's statements.  Each duty is one SELECT giving per
 * unit (unit_id, g, a, r, t): green (done), amber (due soon / in
 * progress), red (overdue / missing), total.  The refresh wraps it in an
 * INSERT … SELECT … ON DUPLICATE KEY UPDATE for every unit (parameter unit
 * 0); the scorecard runs it for one unit.  A closed unit counts nothing.
 * The rules here are the ones the page's help text states (dhelp.*).
 */
#include "dashboard.h"

#define DASH_ONE_UNIT " (? = 0 OR u.id = ?)"

/*
 * reg — registration complete.  Per role the site keeps (registration.roles,
 * as a FIND_IN_SET list) a current holder: green when reported in time,
 * amber when its change reached the office late, red when nobody holds it.
 * Parameters: the number of roles (×2), the roles, unit (×2).
 */
#define DUTY_REG_SELECT \
	"SELECT u.id AS unit_id, IF(u.active = 1, COALESCE(h.g, 0), 0) AS g," \
	" IF(u.active = 1, COALESCE(h.a, 0), 0) AS a," \
	" IF(u.active = 1, GREATEST(CAST(? AS SIGNED) - COALESCE(h.g, 0) - COALESCE(h.a, 0), 0), 0) AS r," \
	" IF(u.active = 1, CAST(? AS SIGNED), 0) AS t" \
	" FROM unit u LEFT JOIN (SELECT unit_id, SUM(late = 0) AS g, SUM(late <> 0) AS a FROM reg_holder" \
	"  WHERE is_current = 1 AND FIND_IN_SET(role, ?) > 0 GROUP BY unit_id) h ON h.unit_id = u.id" \
	" WHERE" DASH_ONE_UNIT

/*
 * pledge — pledges current.  Every signing the unit owes (the school pledge
 * for the school, the unit pledge for every other unit, the letters
 * pledge_requirement names, each active person's software pledge): green
 * when current, amber when the kind is re-signed on a new first
 * responsible person (pledges.resign_kinds) and that person changed after
 * the signing, red when never signed.  A join and MIN, not a correlated
 * subquery (pledges/sql.c says why).  Parameters: resign kinds, unit (×2).
 */
#define DUTY_PLEDGE_SELECT \
	"SELECT u.id AS unit_id, COALESCE(SUM(x.st = 2), 0) AS g, COALESCE(SUM(x.st = 1), 0) AS a," \
	" COALESCE(SUM(x.st = 0), 0) AS r, COUNT(x.st) AS t" \
	" FROM unit u LEFT JOIN (SELECT q.unit_id," \
	"  CASE WHEN s.id IS NULL THEN 0 WHEN MIN(h.id) IS NOT NULL THEN 1 ELSE 2 END AS st" \
	"  FROM (SELECT IF(u.kind = 'school', 'school_pledge', 'unit_pledge') AS kind, 'unit' AS ptype," \
	"    u.id AS pid, u.id AS unit_id FROM unit u WHERE u.active = 1" \
	"   UNION ALL SELECT r.kind, 'unit', r.unit_id, r.unit_id FROM pledge_requirement r" \
	"    JOIN unit u ON u.id = r.unit_id WHERE u.active = 1 AND r.kind NOT IN ('letter2', 'software')" \
	"   UNION ALL SELECT 'software', 'person', p.id, p.unit_id FROM pledge_person p" \
	"    JOIN unit u ON u.id = p.unit_id WHERE p.active = 1 AND u.active = 1) q" \
	"  LEFT JOIN pledge_signing s ON s.kind = q.kind AND s.party_type = q.ptype" \
	"   AND s.party_id = q.pid AND s.is_current = 1" \
	"  LEFT JOIN reg_holder h ON q.ptype = 'unit' AND FIND_IN_SET(q.kind, ?) > 0" \
	"   AND h.unit_id = q.pid AND h.role = 'first' AND h.effective_date > s.signed_date" \
	"  GROUP BY q.kind, q.ptype, q.pid, q.unit_id, s.id) x ON x.unit_id = u.id" \
	" WHERE" DASH_ONE_UNIT " GROUP BY u.id"

/*
 * sys — systems filed and assessed on time.  Every system not retired:
 * red when its assessment is past due, or it runs (trial, online) without
 * a protection level or, at level 2 and up, without a public-security
 * filing number; amber when it is not graded or filed yet but not running,
 * or its assessment falls due within dashboard.soon_days; green otherwise.
 * Parameters: soon days, unit (×2).
 */
#define DUTY_SYS_SELECT \
	"SELECT u.id AS unit_id, COALESCE(SUM(x.st = 2), 0) AS g, COALESCE(SUM(x.st = 1), 0) AS a," \
	" COALESCE(SUM(x.st = 0), 0) AS r, COUNT(x.st) AS t" \
	" FROM unit u LEFT JOIN (SELECT unit_id, CASE" \
	"   WHEN next_due < CURDATE() OR (status IN ('trial', 'online')" \
	"    AND (level IS NULL OR (level >= 2 AND filing_no = ''))) THEN 0" \
	"   WHEN level IS NULL OR (level >= 2 AND filing_no = '')" \
	"    OR next_due <= CURDATE() + INTERVAL ? DAY THEN 1 ELSE 2 END AS st" \
	"  FROM sys_system WHERE status <> 'retired') x ON x.unit_id = u.id AND u.active = 1" \
	" WHERE" DASH_ONE_UNIT " GROUP BY u.id"

/*
 * vm — VMs and hosted servers re-registered.  Every machine the unit holds
 * (active, suspended): red when its yearly re-registration is past due,
 * amber when due within dashboard.soon_days, green otherwise.
 * Parameters: soon days, unit (×2).
 */
#define DUTY_VM_SELECT \
	"SELECT u.id AS unit_id, COALESCE(SUM(x.st = 2), 0) AS g, COALESCE(SUM(x.st = 1), 0) AS a," \
	" COALESCE(SUM(x.st = 0), 0) AS r, COUNT(x.st) AS t" \
	" FROM unit u LEFT JOIN (SELECT unit_id, CASE WHEN rereg_due < CURDATE() THEN 0" \
	"   WHEN rereg_due <= CURDATE() + INTERVAL ? DAY THEN 1 ELSE 2 END AS st" \
	"  FROM cloud_vm WHERE state IN ('active', 'suspended')) x ON x.unit_id = u.id AND u.active = 1" \
	" WHERE" DASH_ONE_UNIT " GROUP BY u.id"

/*
 * web — websites filed and checked.  Every filing not withdrawn or closed:
 * red when found unfiled (discovered), suspended, or a finding of its
 * security check is open past its fix-by date; amber while the filing or
 * the check is under way (any other state but online); green when online
 * with nothing overdue.  Parameters: unit (×2).
 */
#define DUTY_WEB_SELECT \
	"SELECT u.id AS unit_id, COALESCE(SUM(x.st = 2), 0) AS g, COALESCE(SUM(x.st = 1), 0) AS a," \
	" COALESCE(SUM(x.st = 0), 0) AS r, COUNT(x.st) AS t" \
	" FROM unit u LEFT JOIN (SELECT w.unit_id, CASE" \
	"   WHEN w.state IN ('discovered', 'suspended') OR f.site_id IS NOT NULL THEN 0" \
	"   WHEN w.state <> 'online' THEN 1 ELSE 2 END AS st" \
	"  FROM web_site w LEFT JOIN (SELECT DISTINCT site_id FROM web_finding" \
	"   WHERE fixed_at IS NULL AND fix_by < CURDATE()) f ON f.site_id = w.id" \
	"  WHERE w.state NOT IN ('withdrawn', 'closed')) x ON x.unit_id = u.id AND u.active = 1" \
	" WHERE" DASH_ONE_UNIT " GROUP BY u.id"

/*
 * inc — incidents reported on time.  Every incident of the year (by its
 * start) on the reporting clock (levels I-III and those not confirmed yet;
 * a confirmed level IV runs the simple flow): green when the first report,
 * oral or written, came within the on-time limit the incident was filed
 * under; amber when late but not missed (缓报), or not reported yet and
 * still within the limit; red when missed (漏报), concealed (瞒报) or still
 * unreported past the limit.  Parameters: year (×2), unit (×2).
 */
#define DUTY_INC_SELECT \
	"SELECT u.id AS unit_id, COALESCE(SUM(x.st = 2), 0) AS g, COALESCE(SUM(x.st = 1), 0) AS a," \
	" COALESCE(SUM(x.st = 0), 0) AS r, COUNT(x.st) AS t" \
	" FROM unit u LEFT JOIN (SELECT unit_id, CASE" \
	"   WHEN fr <= started_at + INTERVAL lim_first_ontime SECOND THEN 2" \
	"   WHEN fr <= started_at + INTERVAL lim_first_late SECOND" \
	"    OR (fr IS NULL AND NOW() <= started_at + INTERVAL lim_first_ontime SECOND) THEN 1 ELSE 0 END AS st" \
	"  FROM (SELECT unit_id, started_at, lim_first_ontime, lim_first_late," \
	"    LEAST(COALESCE(oral_at, written_at), COALESCE(written_at, oral_at)) AS fr FROM inc_incident" \
	"    WHERE (level IS NULL OR level < 4) AND started_at >= MAKEDATE(?, 1)" \
	"     AND started_at < MAKEDATE(? + 1, 1)) i) x ON x.unit_id = u.id" \
	" WHERE" DASH_ONE_UNIT " GROUP BY u.id"

/*
 * notice — threat notices closed.  Every notice received in the year, and
 * every one still open that came before it: green when accepted with the
 * unit's response in time, amber when open and not yet due, red when open
 * past due or answered late.  The threat notices only: the rectification
 * notices of schema 035 (kind rectify) are no duty on this board yet.
 * Parameters: year (×3), unit (×2).
 */
#define DUTY_NOTICE_SELECT \
	"SELECT u.id AS unit_id, COALESCE(SUM(x.st = 2), 0) AS g, COALESCE(SUM(x.st = 1), 0) AS a," \
	" COALESCE(SUM(x.st = 0), 0) AS r, COUNT(x.st) AS t" \
	" FROM unit u LEFT JOIN (SELECT unit_id, CASE" \
	"   WHEN status = 'accepted' AND responded_at <= due_at THEN 2" \
	"   WHEN status <> 'accepted' AND NOW() <= due_at THEN 1 ELSE 0 END AS st" \
	"  FROM inc_notice WHERE kind = 'threat' AND ((received_at >= MAKEDATE(?, 1) AND received_at < MAKEDATE(? + 1, 1))" \
	"   OR (open_ = 1 AND received_at < MAKEDATE(?, 1)))) x ON x.unit_id = u.id" \
	" WHERE" DASH_ONE_UNIT " GROUP BY u.id"

/*
 * period — 报平安 sent.  Every day of every important period of the year up
 * to today is one report owed by every active unit: green per day
 * reported, amber for today while not reported yet, red per past day
 * without a report.  Parameters: year (×7: the year's first and last day,
 * and "today is in it"), unit (×2).
 */
#define DASH_YEAR_END "LEAST(CURDATE(), MAKEDATE(? + 1, 1) - INTERVAL 1 DAY)"
#define DUTY_PERIOD_SELECT \
	"SELECT u.id AS unit_id, IF(u.active = 1, COALESCE(r.done, 0), 0) AS g," \
	" IF(u.active = 1, GREATEST(e.today_n - COALESCE(r.today_done, 0), 0), 0) AS a," \
	" IF(u.active = 1, GREATEST(e.days - COALESCE(r.done, 0)" \
	"  - GREATEST(e.today_n - COALESCE(r.today_done, 0), 0), 0), 0) AS r," \
	" IF(u.active = 1, e.days, 0) AS t" \
	" FROM unit u CROSS JOIN (SELECT" \
	"  COALESCE(SUM(DATEDIFF(LEAST(p.ends, " DASH_YEAR_END "), GREATEST(p.starts, MAKEDATE(?, 1))) + 1), 0) AS days," \
	"  COALESCE(SUM(CURDATE() BETWEEN p.starts AND p.ends AND YEAR(CURDATE()) = ?), 0) AS today_n" \
	"  FROM inc_period p WHERE p.starts <= " DASH_YEAR_END " AND p.ends >= MAKEDATE(?, 1)) e" \
	" LEFT JOIN (SELECT r.unit_id, COUNT(*) AS done, SUM(r.day = CURDATE()) AS today_done" \
	"  FROM inc_period_report r JOIN inc_period p ON p.id = r.period_id" \
	"  WHERE r.day >= MAKEDATE(?, 1) AND r.day <= " DASH_YEAR_END " AND r.day BETWEEN p.starts AND p.ends" \
	"  GROUP BY r.unit_id) r ON r.unit_id = u.id" \
	" WHERE" DASH_ONE_UNIT

/* The refresh of one duty's four columns for every unit. */
#define DASH_UP(col, select) \
	"INSERT INTO dash_unit (unit_id, " col "_g, " col "_a, " col "_r, " col "_t) " select \
	" ON DUPLICATE KEY UPDATE " col "_g = VALUES(" col "_g), " col "_a = VALUES(" col "_a)," \
	" " col "_r = VALUES(" col "_r), " col "_t = VALUES(" col "_t)"

#define DASH_ROW_SELECT \
	"SELECT unit_id, code, name, name_en, reg_g, reg_a, reg_r, reg_t, pledge_g, pledge_a, pledge_r, pledge_t," \
	" sys_g, sys_a, sys_r, sys_t, vm_g, vm_a, vm_r, vm_t, web_g, web_a, web_r, web_t," \
	" inc_g, inc_a, inc_r, inc_t, notice_g, notice_a, notice_r, notice_t," \
	" period_g, period_a, period_r, period_t FROM dash_unit"
/* Worst first: the red count down, then the code, along (active, X_r DESC, code). */
#define DASH_BY(col) DASH_ROW_SELECT " WHERE active = 1 AND (" col "_r < ? OR (" col "_r = ? AND code > ?))" \
	" ORDER BY " col "_r DESC, code LIMIT 51"

static const char *const row_cols[] = { "unit_id", "code", "name", "name_en",
	"reg_g", "reg_a", "reg_r", "reg_t", "pledge_g", "pledge_a", "pledge_r", "pledge_t",
	"sys_g", "sys_a", "sys_r", "sys_t", "vm_g", "vm_a", "vm_r", "vm_t", "web_g", "web_a", "web_r", "web_t",
	"inc_g", "inc_a", "inc_r", "inc_t", "notice_g", "notice_a", "notice_r", "notice_t",
	"period_g", "period_a", "period_r", "period_t", NULL };
static DB_COLNAMES(yearly_cols, DASH_YEARLY_COLS);
static DB_COLNAMES(meta_cols, DASH_META_COLS);
static DB_COLNAMES(cell_cols, DASH_CELL_COLS);
static DB_COLNAMES(unit_cols, DASH_UNIT_COLS);
static DB_COLNAMES(month_cols, DASH_MONTH_COLS);
static DB_COLNAMES(rate_cols, DASH_RATE_COLS);
static const char *const role_cols[] = { "liaison", "sysadmin", NULL };

const struct db_stmt dash_sql[DASH_SQL__MAX] = {
	DB_SQL(DASH_SQL_META,
	    "SELECT COALESCE(CAST(refreshed_at AS CHAR), '') AS refreshed_at,"
	    " COALESCE(DATE_FORMAT(refreshed_at, '%H:%i'), '') AS hm, refresh_ms,"
	    " (refreshed_at IS NULL OR refreshed_at < NOW() - INTERVAL ? SECOND) AS stale"
	    " FROM dash_meta WHERE id = 1", meta_cols),
	/* 0 s: a worker that does not get it at once reads the previous snapshot */
	DB_SQL(DASH_SQL_LOCK, "SELECT GET_LOCK('wangan-dashboard', 0) AS n", db_count_cols),
	DB_SQL(DASH_SQL_UNLOCK, "SELECT RELEASE_LOCK('wangan-dashboard') AS n", db_count_cols),
	/* the refresh reads without locking the modules' rows (no shared locks of INSERT … SELECT) */
	DB_SQL(DASH_SQL_READ_COMMITTED, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED", NULL),
	DB_SQL(DASH_SQL_UNITS,
	    "INSERT INTO dash_unit (unit_id, code, name, name_en, active)"
	    " SELECT id, code, name, COALESCE(name_en, ''), active FROM unit"
	    " ON DUPLICATE KEY UPDATE code = VALUES(code), name = VALUES(name), name_en = VALUES(name_en),"
	    " active = VALUES(active)", NULL),
	DB_SQL(DASH_SQL_UP_REG, DASH_UP("reg", DUTY_REG_SELECT), NULL),
	DB_SQL(DASH_SQL_UP_PLEDGE, DASH_UP("pledge", DUTY_PLEDGE_SELECT), NULL),
	DB_SQL(DASH_SQL_UP_SYS, DASH_UP("sys", DUTY_SYS_SELECT), NULL),
	DB_SQL(DASH_SQL_UP_VM, DASH_UP("vm", DUTY_VM_SELECT), NULL),
	DB_SQL(DASH_SQL_UP_WEB, DASH_UP("web", DUTY_WEB_SELECT), NULL),
	DB_SQL(DASH_SQL_UP_INC, DASH_UP("inc", DUTY_INC_SELECT), NULL),
	DB_SQL(DASH_SQL_UP_NOTICE, DASH_UP("notice", DUTY_NOTICE_SELECT), NULL),
	DB_SQL(DASH_SQL_UP_PERIOD, DASH_UP("period", DUTY_PERIOD_SELECT), NULL),
	DB_SQL(DASH_SQL_MONTHS_CLEAR, "DELETE FROM dash_month", NULL),
	DB_SQL(DASH_SQL_MONTHS,
	    "INSERT INTO dash_month (year, month, taxonomy, category, n)"
	    " SELECT YEAR(started_at), MONTH(started_at), taxonomy, category, COUNT(*) FROM inc_incident"
	    " GROUP BY YEAR(started_at), taxonomy, category, MONTH(started_at)", NULL),
	DB_SQL(DASH_SQL_META_SET,
	    "UPDATE dash_meta SET refreshed_at = NOW(), refresh_ms = ?, refreshed_by = ? WHERE id = 1", NULL),
	DB_SQL(DASH_SQL_CARD_REG, DUTY_REG_SELECT, cell_cols),
	DB_SQL(DASH_SQL_CARD_PLEDGE, DUTY_PLEDGE_SELECT, cell_cols),
	DB_SQL(DASH_SQL_CARD_SYS, DUTY_SYS_SELECT, cell_cols),
	DB_SQL(DASH_SQL_CARD_VM, DUTY_VM_SELECT, cell_cols),
	DB_SQL(DASH_SQL_CARD_WEB, DUTY_WEB_SELECT, cell_cols),
	DB_SQL(DASH_SQL_CARD_INC, DUTY_INC_SELECT, cell_cols),
	DB_SQL(DASH_SQL_CARD_NOTICE, DUTY_NOTICE_SELECT, cell_cols),
	DB_SQL(DASH_SQL_CARD_PERIOD, DUTY_PERIOD_SELECT, cell_cols),
	DB_SQL(DASH_SQL_UNIT,
	    "SELECT id, code, name, COALESCE(name_en, '') AS name_en, active FROM unit WHERE code = ?", unit_cols),
	/* seed 002 indicator 5.2: the liaison and the system administrator named */
	DB_SQL(DASH_SQL_CARD_ROLES,
	    "SELECT COALESCE(SUM(role = 'liaison'), 0) AS liaison, COALESCE(SUM(role = 'sysadmin'), 0) AS sysadmin"
	    " FROM reg_holder WHERE unit_id = ? AND is_current = 1", role_cols),
	/*
	 * The unit's yearly duties (schema 034) and where each stands, as the
	 * duties module says (modules/duties/due.h): accepted is done, submitted
	 * awaits the office, open or returned past its due day is overdue.
	 */
	DB_SQL(DASH_SQL_CARD_YEARLY,
	    "SELECT i.id, d.code, d.title_zh, d.title_en, i.due_date,"
	    " CASE WHEN i.state = 'accepted' THEN 'done' WHEN i.state = 'submitted' THEN 'submitted'"
	    "  WHEN i.due_date < CURDATE() THEN 'overdue' ELSE i.state END AS stand"
	    " FROM duty_instance i JOIN duty_def d ON d.id = i.duty_id WHERE i.unit_id = ? AND i.year = ?"
	    " ORDER BY d.sort, d.id", yearly_cols),
	DB_SQL(DASH_SQL_BY_CODE, DASH_ROW_SELECT " WHERE active = 1 AND code > ? ORDER BY code LIMIT 51", row_cols),
	DB_SQL(DASH_SQL_BY_REG, DASH_BY("reg"), row_cols),
	DB_SQL(DASH_SQL_BY_PLEDGE, DASH_BY("pledge"), row_cols),
	DB_SQL(DASH_SQL_BY_SYS, DASH_BY("sys"), row_cols),
	DB_SQL(DASH_SQL_BY_VM, DASH_BY("vm"), row_cols),
	DB_SQL(DASH_SQL_BY_WEB, DASH_BY("web"), row_cols),
	DB_SQL(DASH_SQL_BY_INC, DASH_BY("inc"), row_cols),
	DB_SQL(DASH_SQL_BY_NOTICE, DASH_BY("notice"), row_cols),
	DB_SQL(DASH_SQL_BY_PERIOD, DASH_BY("period"), row_cols),
	DB_SQL(DASH_SQL_ALL, DASH_ROW_SELECT " WHERE active = 1 ORDER BY active, code", row_cols),
	DB_SQL(DASH_SQL_MONTH_LIST,
	    "SELECT month, taxonomy, category, n FROM dash_month WHERE year = ? ORDER BY taxonomy, category, month",
	    month_cols),
	/* the on-time rate per unit: the units with incidents this year, worst first */
	DB_SQL(DASH_SQL_RATES,
	    "SELECT code, name, name_en, inc_g, inc_t FROM dash_unit WHERE active = 1 AND inc_t > 0"
	    " ORDER BY inc_r DESC, code LIMIT 50", rate_cols),
};
