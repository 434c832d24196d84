<?php
// list.php — the rival in `make bench`: the registration list page as a PHP
// shop would write it, in plain PHP.  It sends the same page as the module's
// GET /registration/ (layout.xsl + registration/list.xsl, in zh-CN): the
// head with the same inline CSS, the header with the account and the
// language switch, the navigation (every module of the site), the page's
// help, the filter form with the list tools (search box, CSV/XLSX export,
// the office's import link, sortable column titles), the table of 50 units
// (optional roles left empty shown as 未设, required ones as 缺, and under
// 有逾期 the unit's late items), the pager and the footer with a request id and today's date, plus the
// module's response headers.  tools/bench/run checks before timing that both
// pages are the same size within 2 % (today they are byte for byte the
// same but for the sign-out token and the request id).
//
// The same work as the module, request for request:
//  - the account behind REMOTE_USER (the module's CORE_SQL_ACCOUNT), kept
//    for 5 s like the module's account cache (account_cache_seconds), in
//    APCu when php-apcu is loaded, else looked up on every request;
//  - the list statement (REG_LIST_SQL in modules/registration/main.c, copied
//    as text; the _OWN variant for an account that sees only its unit), with
//    ?after / ?before / ?missing / ?late checked as the module checks them;
//  - when a shown unit is late, the late holders of the page's code range
//    (REG_SQL_LATE_ITEMS, copied as text), three at most per unit as
//    list.c's late_row keeps them, and each one's working days late counted
//    as core/workday.c's wd_between counts them over the calendar_day rows
//    of the days they span (read each request: nothing is kept between
//    requests, where the module re-reads the whole calendar every 300 s);
//  - registration.roles and registration.required_roles from the pool's env;
//  - a persistent mysqli connection; the statement is prepared on each
//    request, since PHP keeps no statement between requests;
//  - every value through htmlspecialchars.
// Only zh-CN and only the plain list: the rival does not switch language
// (?lang, cookie, Accept-Language) nor search, sort or export (?q, ?sort,
// ?format), which the bench never asks for; it links to them as the page does.
// Settings come from the php-fpm pool (env[] in the pool file that
// tools/bench/run writes from the stack's wangan.conf).  mysqlnd talks
// utf8mb4 by default (PHP >= 8.1).

function list_sql(bool $own, bool $back): string
{
    return "SELECT unit_id, code, name, name_en, kind,"
        . " first_name, first_mobile, direct_name, direct_mobile,"
        . " secadmin_name, secadmin_mobile, liaison_name, liaison_mobile,"
        . " sysadmin_name, sysadmin_mobile, late"
        . " FROM reg_summary"
        . " WHERE " . ($own ? "unit_id = ? AND " : "") . "active = 1 AND code " . ($back ? "<" : ">") . " ?"
        . " AND (? = '' OR (CASE ? WHEN 'first' THEN first_name WHEN 'direct' THEN direct_name"
        . "  WHEN 'secadmin' THEN secadmin_name WHEN 'liaison' THEN liaison_name"
        . "  ELSE sysadmin_name END) IS NULL)"
        . " AND (? = 0 OR late = 1)"
        . " ORDER BY code " . ($back ? "DESC" : "ASC") . " LIMIT 51";
}

const ACCOUNT_SQL = "SELECT a.id, a.login, a.name, a.role, a.unit_id, u.code, u.name,"
    . " COALESCE(u.name_en, '') FROM account a JOIN unit u ON u.id = a.unit_id"
    . " WHERE a.login = ? AND a.active = 1";

// the late holders of the units the page spans (REG_SQL_LATE_ITEMS in
// modules/registration/sql.c, copied as text): code from … to
const LATE_SQL = "SELECT h.unit_id, h.id, h.role, h.name, h.deadline, DATE(h.reported_at) AS reported,"
    . " COALESCE(h.is_current, 0) AS current"
    . " FROM unit u STRAIGHT_JOIN reg_holder h ON h.unit_id = u.id AND h.late = 1"
    . " WHERE u.code BETWEEN ? AND ? AND u.active = 1"
    . " ORDER BY u.code, h.deadline DESC, h.id DESC LIMIT 1000";
// the calendar's exceptions (core's CORE_SQL_CALENDAR), only the days the
// late items span: the module keeps the whole table per worker for 300 s,
// the rival keeps nothing between requests and reads this range each time
const CALENDAR_SQL = "SELECT day, kind FROM calendar_day WHERE day > ? AND day <= ?";

const PAGE_ROWS = 50;
const LATE_PER_UNIT = 3;    // REG_LATE_PER_UNIT: the newest three per unit
const WD_MAX_SPAN = 3660;   // core/workday.h
// the summary's columns, in role order: name at 5 + 2k, mobile at 6 + 2k
const ROLES = ['first' => '第一责任人', 'direct' => '直接责任人', 'secadmin' => '网络安全管理员',
    'liaison' => '网络安全联络员', 'sysadmin' => '信息系统管理员'];
const ACCT_ROLES = ['unit_staff' => '单位工作人员', 'unit_head' => '单位负责人', 'office' => '网信办',
    'leader' => '领导小组', 'auditor' => '审计'];
const BASE = '/registration/';

// layout.xsl's css and registration/list.xsl's css-extra, as the module sends them
const CSS = <<<'CSS'

:root{--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--bg:#f6f8fa;--accent:#0b5cad;--bad:#b42318;--badbg:#fdecea;--ok:#1a7f37;--okbg:#e6f4ea;--warn:#8a5300;--warnbg:#fff4d6}
*{box-sizing:border-box}
html{font-size:16px}
body{margin:0;color:var(--ink);background:#fff;line-height:1.55;font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--accent)}
a:focus,button:focus,input:focus,select:focus{outline:2px solid var(--accent);outline-offset:1px}
.top{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;padding:.6rem 1.25rem;background:#12355b;color:#fff}
.top a{color:#fff}
.brand{flex:1 1 auto}
.brand .app{font-weight:700;font-size:1.1rem;text-decoration:none}
.brand .site{margin-left:.75rem;opacity:.85}
.who{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;font-size:.9rem}
.who .role,.who .unit{opacity:.85}
.who .role{border:1px solid rgba(255,255,255,.5);border-radius:3px;padding:0 .35rem}
.who form.out{display:inline;margin:0}
.who form.out button{font:inherit;color:#fff;background:none;border:1px solid rgba(255,255,255,.5);border-radius:3px;padding:0 .4rem;cursor:pointer}
.nav{flex-basis:100%;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.95rem}
.nav a{text-decoration:none;padding:.15rem 0;border-bottom:2px solid transparent;white-space:nowrap}
.nav a[aria-current]{border-bottom-color:#fff}
main{max-width:78rem;margin:0 auto;padding:1rem 1.25rem 2rem}
h1{font-size:1.45rem;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:1.75rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1.25rem 0 .4rem}
.sub{color:var(--muted);font-weight:400;font-size:.95rem;margin-left:.5rem}
.notice{padding:.6rem .9rem;border-radius:4px;border-left:4px solid;margin:0 0 1rem}
.notice p{margin:0}
.notice ul{margin:.35rem 0 0;padding-left:1.25rem}
.notice.ok{background:var(--okbg);border-color:var(--ok);color:#0f4d22}
.notice.warn{background:var(--warnbg);border-color:#d4a72c;color:#5c3b00}
.notice.bad{background:var(--badbg);border-color:var(--bad);color:#7a1a12}
.notice.info{background:var(--bg);border-color:var(--line)}
table{border-collapse:collapse;width:100%;margin:.25rem 0 1rem}
th,td{border:1px solid var(--line);padding:.35rem .55rem;text-align:left;vertical-align:top}
thead th{background:var(--bg);font-weight:600;white-space:nowrap}
tbody tr:nth-child(even){background:#fbfcfd}
td.num,th.num{white-space:nowrap}
/* positioned, so a visually hidden (position:absolute) label inside stays in the scrolling box */
.tablewrap{overflow-x:auto;position:relative}
.small,.mobile{color:var(--muted);font-size:.85rem}
.mobile{display:block}
.late{color:var(--bad);font-weight:600}
.muted{color:var(--muted)}
.actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.5rem 0 1rem}
.button,button{display:inline-block;font:inherit;padding:.35rem .9rem;border:1px solid var(--accent);border-radius:4px;background:var(--accent);color:#fff;text-decoration:none;cursor:pointer}
.button.secondary,button.secondary{background:#fff;color:var(--accent)}
form.inline{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.6rem .8rem;background:var(--bg);border:1px solid var(--line);border-radius:4px;margin:0 0 1rem}
form.inline label{display:inline-flex;gap:.35rem;align-items:center}
input,select{font:inherit;padding:.3rem .45rem;border:1px solid #8c959f;border-radius:3px;background:#fff;max-width:100%}
.field{display:grid;grid-template-columns:10rem minmax(0,28rem);gap:.25rem 1rem;margin:.6rem 0}
.field>label{padding-top:.3rem;font-weight:600;text-align:right}
.field input,.field select{width:100%}
.field.invalid input,.field.invalid select{border-color:var(--bad);background:#fffafa}
.req{color:var(--bad);margin-left:.15rem}
.ferr{color:var(--bad);margin:.2rem 0 0;font-size:.9rem}
.hint{color:var(--muted);margin:.2rem 0 0;font-size:.85rem}
.formbuttons{margin:1.25rem 0 0 11rem;display:flex;gap:1rem;align-items:center}
.field>.label{padding-top:.3rem;font-weight:600;text-align:right}
.field label.check{display:inline-flex;gap:.4rem;align-items:center;padding-top:.3rem;font-weight:400}
.field label.check input{width:auto}
.conflict{border:1px solid #d4a72c;background:var(--warnbg);border-radius:4px;padding:.25rem 1rem .5rem;margin:0 0 1.25rem}
.conflict h2{border:0;margin-top:.75rem}
table.compare{background:#fff}
table.compare th[scope=row]{white-space:nowrap;background:var(--bg)}
table.compare tr.differs td{font-weight:600}
table.compare tr.differs td:last-child{background:#fff8e1}
.pager{display:flex;gap:1.5rem;margin:.5rem 0}
details.help{float:right;max-width:100%;margin:0 0 .5rem 1rem;font-size:.9rem}
details.help summary{cursor:pointer;color:var(--accent)}
details.help[open]{float:none;margin:0 0 1rem;padding:.5rem .8rem;background:var(--bg);border:1px solid var(--line);border-radius:4px}
details.help p{margin:.35rem 0 0;max-width:48rem}
.foot{max-width:78rem;margin:0 auto;padding:1rem 1.25rem 2rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
code{font-family:ui-monospace,"SFMono-Regular",Consolas,monospace}
@media (max-width:40rem){.field{grid-template-columns:1fr}.field>label,.field>.label{text-align:left}.formbuttons{margin-left:0}}
main p,main dd,main li,main h1,main h2{overflow-wrap:anywhere}
/* narrow screens (375 px): nav items wrap whole, a wide table scrolls inside its own box, never the page */
@media (max-width:48rem){.top{padding:.5rem .75rem}main{padding:.75rem .75rem 1.5rem}main table{display:block;max-width:100%;overflow-x:auto;position:relative}thead th{white-space:normal}td.num,th.num{white-space:normal}input,select,textarea{max-width:100%}form.inline{padding:.5rem}form.inline label{flex-wrap:wrap;max-width:100%}.foot{padding:1rem .75rem}}
@media print{.top,.foot,form.inline,.actions,.pager,details.help{display:none}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}}

.crumbs{margin:0}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.code,td.code{font-family:ui-monospace,Consolas,monospace;font-size:.9rem}
small.dates{display:block;color:var(--muted);font-size:.85rem}
tr.overdue td{background:var(--badbg)}
.chip{white-space:nowrap;font-weight:600}
.chip-ok{color:var(--ok)}
.chip-bad{color:var(--bad)}
.chip-warn{color:var(--warn)}
.chip-alarm{color:#fff;background:var(--bad);border-radius:3px;padding:0 .3rem}
.chip-muted{color:var(--muted);font-weight:400}
.due{white-space:nowrap}
dl.facts{display:grid;grid-template-columns:10rem minmax(0,1fr);gap:.35rem 1rem;margin:.5rem 0 1rem}
dl.facts dt{font-weight:600;text-align:right}
dl.facts dd{margin:0}
.multi{white-space:pre-line}
.field.wide{grid-template-columns:10rem minmax(0,40rem)}
.field textarea{width:100%;font:inherit;line-height:1.6;padding:.3rem .45rem;border:1px solid #8c959f;border-radius:3px;background:#fff;resize:vertical}
.field textarea:focus{outline:2px solid var(--accent);outline-offset:1px}
.field.invalid textarea{border-color:var(--bad);background:#fffafa}
.field p.static{margin:0;padding-top:.3rem}
@media (max-width:40rem){dl.facts,.field.wide{grid-template-columns:1fr}dl.facts dt{text-align:left}}

table.units tbody th{font-weight:400}
table.units tbody td:first-child{font-family:ui-monospace,Consolas,monospace;font-size:.9rem;white-space:nowrap}
table.units small{display:block;color:var(--muted);font-size:.85rem}
table.units strong{color:var(--bad)}
.export{margin-left:auto}
table.units a.late-item{display:block;font-size:.85rem;white-space:nowrap}
table.units .notset{font-size:.9rem}

CSS;

function h(?string $s): string
{
    return htmlspecialchars($s ?? '');
}

// a date as days since 1970-01-01, as core/workday.c counts them
function day_num(string $ymd): int
{
    return intdiv((int)gmmktime(0, 0, 0, (int)substr($ymd, 5, 2), (int)substr($ymd, 8, 2), (int)substr($ymd, 0, 4)), 86400);
}

// wd_between: the working days in (from, to], the calendar's exceptions
// first, else Monday to Friday
function workdays_between(array $cal, string $from, string $to): int
{
    $a = day_num($from);
    $b = min(day_num($to), $a + WD_MAX_SPAN);
    $n = 0;
    for ($d = $a + 1; $d <= $b; $d++) {
        $n += ($cal[$d] ?? (($d + 3) % 7 < 5)) ? 1 : 0;
    }
    return $n;
}

function fail(int $status, string $text): never
{
    http_response_code($status);
    header('Content-Type: text/plain; charset=utf-8');
    echo $text, "\n";
    exit;
}

// registration.roles: the three roles of seed 000 are always kept
$enabled = [];
$conf_roles = ',' . str_replace(' ', ',', getenv('WANGAN_ROLES') ?: 'first,direct,secadmin') . ',';
// registration.required_roles: the roles a unit must fill; a vacant optional
// role is "not set" (未设), not a gap (缺)
$required = [];
$conf_req = ',' . str_replace(' ', ',', getenv('WANGAN_REQUIRED_ROLES') ?: 'first,direct,secadmin') . ',';
$k = 0;
foreach (ROLES as $code => $label) {
    if ($k++ < 3 || str_contains($conf_roles, ",$code,")) {
        $enabled[$code] = $k - 1;
        $required[$k - 1] = str_contains($conf_req, ",$code,");
    }
}
date_default_timezone_set(getenv('WANGAN_TIMEZONE') ?: 'UTC');

$token_ok = fn(?string $s): bool => $s === null || $s === ''
    || (strlen($s) <= 32 && preg_match('/^[A-Za-z0-9_.-]+$/', $s) === 1);
$after = $_GET['after'] ?? null;
$before = $_GET['before'] ?? null;
$missing = $_GET['missing'] ?? '';
if (!is_string($missing) || !isset($enabled[$missing])) {
    $missing = '';
}
if (!is_string($after ?? '') || !is_string($before ?? '') || !$token_ok($after) || !$token_ok($before)) {
    fail(400, 'bad request');
}
$late = ($_GET['late'] ?? '') === '1' ? 1 : 0;
$back = $before !== null && $before !== '';
$key = $back ? $before : ($after ?? '');

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
try {
    $db = new mysqli('p:localhost', getenv('WANGAN_DB_USER'), getenv('WANGAN_DB_PASSWORD'),
        getenv('WANGAN_DB_NAME'), 0, getenv('WANGAN_DB_SOCKET'));

    $login = (string)($_SERVER['REMOTE_USER'] ?? '');
    $cache = function_exists('apcu_fetch') && apcu_enabled();
    $acct = $cache ? apcu_fetch('wangan.account.' . $login) : false;
    if ($acct === false) {
        $st = $db->prepare(ACCOUNT_SQL);
        $st->bind_param('s', $login);
        $st->execute();
        $acct = $st->get_result()->fetch_row();
        $st->close();
        if ($acct === null) {
            fail(403, 'unknown account');
        }
        if ($cache) {
            apcu_store('wangan.account.' . $login, $acct, 5);
        }
    }
    [, $acct_login, $acct_name, $acct_role, $acct_unit, , $acct_unit_name] = $acct;
    $all = in_array($acct_role, ['office', 'leader', 'auditor'], true);

    $st = $db->prepare(list_sql(!$all, $back));
    if ($all) {
        $st->bind_param('sssi', $key, $missing, $missing, $late);
    } else {
        $st->bind_param('isssi', $acct_unit, $key, $missing, $missing, $late);
    }
    $st->execute();
    $rows = $st->get_result()->fetch_all(MYSQLI_NUM);
    $st->close();
} catch (mysqli_sql_exception $e) {
    fail(503, 'database unavailable');
}

$more = count($rows) > PAGE_ROWS;
$rows = array_slice($rows, 0, PAGE_ROWS);    // the 51st row only says "there is more"
if ($back) {
    $rows = array_reverse($rows);            // walking backwards fetched them in descending order
}
$shown = count($rows);

// The late items of the page's late units, as list.c's late_row attaches
// them: at most three per unit, the days being the working days from the
// deadline to the day it was reported (core/workday.c's wd_between).
$late_items = [];
$any_late = false;
$at = [];
foreach ($rows as $i => $r) {
    $any_late = $any_late || $r[15] == 1;
    $at[$r[0]] = $i;
}
if ($any_late) {
    try {
        $st = $db->prepare(LATE_SQL);
        $lo = $rows[0][1];
        $hi = $rows[$shown - 1][1];
        $st->bind_param('ss', $lo, $hi);
        $st->execute();
        $found = $st->get_result()->fetch_all(MYSQLI_NUM);
        $st->close();
        $from = $to = null;
        foreach ($found as $it) {
            $i = $at[$it[0]] ?? null;
            if ($i === null || count($late_items[$i] ?? []) >= LATE_PER_UNIT) {
                continue;
            }
            $late_items[$i][] = $it;
            $from = $from === null || $it[4] < $from ? $it[4] : $from;
            $to = $to === null || $it[5] > $to ? $it[5] : $to;
        }
        $cal = [];
        if ($from !== null) {
            $st = $db->prepare(CALENDAR_SQL);
            $st->bind_param('ss', $from, $to);
            $st->execute();
            foreach ($st->get_result()->fetch_all(MYSQLI_NUM) as [$d, $kind]) {
                $cal[day_num($d)] = $kind === 'workday';
            }
            $st->close();
        }
    } catch (mysqli_sql_exception $e) {
        fail(503, 'database unavailable');
    }
}
$prev = $next = '';
if ($shown > 0) {
    if (($back && $more) || (!$back && $key !== '')) {
        $prev = $rows[0][1];
    }
    if ((!$back && $more) || $back) {
        $next = $rows[$shown - 1][1];
    }
}
$keep = ($missing !== '' ? '&missing=' . $missing : '') . ($late ? '&late=1' : '');
$query = '';
foreach (explode('&', $_SERVER['QUERY_STRING'] ?? '') as $part) {
    if ($part !== '' && !str_starts_with($part, 'lang=')) {
        $query .= $part . '&';
    }
}
// the sign-out button's token, as core/csrf.c makes it: "<time>.<HMAC-SHA-256(secret, login|time)>"
$now = time();
$csrf = $now . '.' . hash_hmac('sha256', $acct_login . '|' . $now, getenv('WANGAN_CSRF_SECRET') ?: '');
$reqid = sprintf('%06x%010x', getmypid() & 0xffffff, hrtime(true) & 0xffffffffff);

header_remove('X-Powered-By');
header('Content-Type: text/html; charset=utf-8');
header('X-Content-Type-Options: nosniff');
header('X-Frame-Options: DENY');
header('Referrer-Policy: same-origin');
header('Cache-Control: no-store');
header("Content-Security-Policy: default-src 'none'; style-src 'self' 'unsafe-inline'; "
    . "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'");
header('X-Request-Id: ' . $reqid);
?>
<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>网络安全责任人登记 · 网络安全责任制管理平台</title><style><?= CSS ?></style></head><body><header class="top"><div class="brand"><a href="/home/" class="app">网络安全责任制管理平台</a><?php
$site = getenv('WANGAN_SITE_NAME') ?: '';
if ($site !== '') { ?><span class="site"><?= h($site) ?></span><?php } ?></div><div class="who"><span class="name"><?= h($acct_name) ?></span><span class="role"><?= h(ACCT_ROLES[$acct_role] ?? $acct_role) ?></span><?php
if ($acct_unit_name !== '') { ?><span class="unit"><?= h($acct_unit_name) ?></span><?php } ?><a class="lang" href="<?= BASE ?>?<?= h($query) ?>lang=en" hreflang="en" lang="en">English</a><form class="out" method="post" action="/logout"><input type="hidden" name="csrf" value="<?= h($csrf) ?>"><button type="submit">退出</button></form></div><nav class="nav"><a href="/home/">首页</a><a href="/registration/" aria-current="page">责任人登记</a><a href="/pledges/">承诺书与责任书</a><a href="/systems/">信息系统备案</a><a href="/incidents/">安全事件</a><a href="/cloud/">云主机</a><a href="/websites/">网站备案</a><a href="/dashboard/">工作台</a><a href="/office/">网信办管理</a></nav></header><main id="main"><details class="help"><summary>本页说明</summary><p>各单位第一责任人、直接责任人和网络安全管理员的登记情况。“缺”表示本站要求登记而尚未登记的类别，“未设”表示可选类别未登记；“有逾期”列出哪一项变更超过报送期限及逾期的工作日数。</p></details><h1>网络安全责任人登记</h1><p class="muted">各单位须明确第一责任人、直接责任人和网络安全管理员；人员变更须在生效之日起 <?= (int)(getenv('WANGAN_REPORT_DAYS') ?: 5) ?> 个工作日内报送网信办。<?php
if (!$all) { ?> 您只能查看本单位。<?php } ?></p><form class="inline filter" method="get" action="<?= BASE ?>"><label class="lt-search">搜索：<input type="search" name="q" maxlength="64" value="" placeholder="单位代码、单位名称或责任人姓名"></label><label>缺少：<select name="missing"><option value="">（不限）</option><?php
foreach ($enabled as $code => $_) { ?><option value="<?= $code ?>"<?= $code === $missing ? ' selected="selected"' : '' ?>><?= ROLES[$code] ?></option><?php } ?></select></label><label><input type="checkbox" name="late" value="1"<?= $late ? ' checked="checked"' : '' ?>>仅显示有逾期报送的单位</label><button type="submit">筛选</button><?php
if ($missing !== '' || $late) { ?><a href="<?= BASE ?>">清除筛选</a><?php }
?><span class="lt-exports"><a class="export" href="<?= BASE ?>?format=csv<?= h($keep) ?>">导出 CSV</a> <a class="export" href="<?= BASE ?>?format=xlsx<?= h($keep) ?>">导出 Excel</a></span><?php
if ($all) { ?><a class="export" href="<?= BASE ?>export.xml">导出 XML</a><?php }
if ($acct_role === 'office') { ?><a href="<?= BASE ?>import">导入单位与责任人</a><?php } ?></form><?php
if ($shown > 0) { ?><div class="tablewrap"><table class="units"><thead><tr><th scope="col" aria-sort="ascending"><a class="lt-sort" href="<?= BASE ?>?sort=code&amp;dir=desc<?= h($keep) ?>">单位代码 ▲</a></th><th scope="col"><a class="lt-sort" href="<?= BASE ?>?sort=name&amp;dir=asc<?= h($keep) ?>">单位名称</a></th><?php
    foreach ($enabled as $code => $_) { ?><th scope="col"><?= ROLES[$code] ?></th><?php } ?><th scope="col">报送</th></tr></thead><tbody><?php
    foreach ($rows as $i => $r) {
        echo '<tr><td>', h($r[1]), '</td><th><a href="', $r[0], '">', h($r[2]), '</a></th>';
        foreach ($enabled as $k) {
            $name = $r[5 + 2 * $k];
            if ($name !== null) {
                echo '<td>', h($name), '<small>', h($r[6 + 2 * $k]), '</small></td>';
            } elseif ($required[$k]) {
                echo '<td><strong class="gap">缺</strong></td>';
            } else {
                echo '<td><span class="muted notset">未设</span></td>';
            }
        }
        if ($r[15]) {
            echo '<td><strong>有逾期</strong>';
            foreach ($late_items[$i] ?? [] as $it) {
                echo '<a class="late-item" href="', $it[0], '#h-', $it[1], '" title="', h($it[3]), '">',
                    ROLES[$it[2]] ?? h($it[2]), '逾期 ', workdays_between($cal, $it[4], $it[5]),
                    ' 个工作日（期限 ', $it[4], '，', $it[5], ' 报送）</a>';
            }
            echo '</td></tr>';
        } else {
            echo '<td></td></tr>';
        }
    } ?></tbody></table></div><?php
} else { ?><p class="notice info">没有符合条件的单位。</p><?php } ?><nav class="pager" aria-label="分页"><?php
if ($prev !== '') { ?><a rel="prev" href="<?= BASE ?>?before=<?= h($prev . $keep) ?>">上一页</a><?php }
if ($next !== '') { ?><a rel="next" href="<?= BASE ?>?after=<?= h($next . $keep) ?>">下一页</a><?php } ?><span class="muted">本页 <?= $shown ?> 项</span></nav></main><footer class="foot">请求编号：<code><?= $reqid ?></code><span class="sep"> · </span>今天：<?= date('Y-m-d') ?></footer></body></html>