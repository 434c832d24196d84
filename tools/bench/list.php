<?php
// list.php — the rival in `make bench`: the page a PHP shop would write for
// the registration list.  Same query as the module's first list page
// (REG_SQL_LIST_AFTER in modules/registration/main.c, copied as text, with
// after_code='', only_unit=0, missing='', late=0), a persistent mysqli
// connection, a prepared statement, and an HTML table echoed row by row.
// The database settings come from the php-fpm pool (env[] in the pool file
// that tools/bench/run writes).  mysqlnd talks utf8mb4 by default (PHP >= 8.1).

const LIST_SQL = "SELECT u.id, u.code, u.name, COALESCE(u.name_en, ''), u.kind,"
    . " f.name, f.mobile, d.name, d.mobile, s.name, s.mobile, l.name, l.mobile,"
    . " y.name, y.mobile,"
    . " EXISTS (SELECT 1 FROM reg_holder x WHERE x.unit_id = u.id AND x.late = 1)"
    . " FROM unit u"
    . " LEFT JOIN reg_holder f ON f.unit_id = u.id AND f.role = 'first' AND f.is_current = 1"
    . " LEFT JOIN reg_holder d ON d.unit_id = u.id AND d.role = 'direct' AND d.is_current = 1"
    . " LEFT JOIN reg_holder s ON s.unit_id = u.id AND s.role = 'secadmin' AND s.is_current = 1"
    . " LEFT JOIN reg_holder l ON l.unit_id = u.id AND l.role = 'liaison' AND l.is_current = 1"
    . " LEFT JOIN reg_holder y ON y.unit_id = u.id AND y.role = 'sysadmin' AND y.is_current = 1"
    . " WHERE u.active = 1 AND u.code > ? AND (? = 0 OR u.id = ?)"
    . " AND (? = '' OR NOT EXISTS (SELECT 1 FROM reg_holder m WHERE m.unit_id = u.id"
    . "  AND m.role = ? AND m.is_current = 1))"
    . " AND (? = 0 OR EXISTS (SELECT 1 FROM reg_holder z WHERE z.unit_id = u.id AND z.late = 1))"
    . " ORDER BY u.code ASC LIMIT 51";

const ROLES = ['第一责任人', '直接责任人', '安全管理员', '联络员', '系统管理员'];

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
try {
    $db = new mysqli('p:localhost', getenv('WANGAN_DB_USER'), getenv('WANGAN_DB_PASSWORD'),
        getenv('WANGAN_DB_NAME'), 0, getenv('WANGAN_DB_SOCKET'));
    $after = '';
    $only = 0;
    $missing = '';
    $late = 0;
    $st = $db->prepare(LIST_SQL);
    $st->bind_param('siissi', $after, $only, $only, $missing, $missing, $late);
    $st->execute();
    $res = $st->get_result();
} catch (mysqli_sql_exception $e) {
    http_response_code(503);
    header('Content-Type: text/plain; charset=utf-8');
    echo "database unavailable\n";
    exit;
}

header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">",
    "<title>网络安全责任人登记</title></head><body>\n<h1>网络安全责任人登记</h1>\n",
    "<table>\n<thead><tr><th>代码</th><th>单位</th>";
foreach (ROLES as $r) {
    echo '<th colspan="2">', $r, '</th>';
}
echo "</tr></thead>\n<tbody>\n";
$n = 0;
$last = '';
while (($row = $res->fetch_row()) !== null) {
    if (++$n > 50) {            // the 51st row only says "there is more"
        break;
    }
    $last = $row[1];
    echo '<tr', $row[15] ? ' class="late"' : '', '><td><a href="/registration/', $row[0], '">',
        htmlspecialchars($row[1]), '</a></td><td>', htmlspecialchars($row[2]), '</td>';
    for ($k = 5; $k < 15; $k++) {
        echo '<td>', htmlspecialchars($row[$k] ?? ''), '</td>';
    }
    echo "</tr>\n";
}
echo "</tbody></table>\n";
if ($n > 50) {
    echo '<p><a href="?after=', urlencode($last), '">下一页</a></p>', "\n";
}
echo "</body></html>\n";
$st->close();
