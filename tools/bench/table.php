<?php
// table.php — the "php table only" row of `make bench`: the registration
// list's table and nothing around it (no CSS, header, account, filter form,
// pager or footer; a little over half the list page's bytes).  This was the
// PHP rival before list.php sent the whole page; it stays as a reference for
// what the page around the table costs, not as the rival.  Same query as the
// module's first list page (REG_SQL_LIST_AFTER in
// modules/registration/main.c, copied as text, with after_code='',
// missing='', late=0), a persistent mysqli connection, a prepared
// statement, and an HTML table echoed row by row.  The database settings
// come from the php-fpm pool (env[] in the pool file that tools/bench/run
// writes).  mysqlnd talks utf8mb4 by default (PHP >= 8.1).

const LIST_SQL = "SELECT unit_id, code, name, name_en, kind,"
    . " first_name, first_mobile, direct_name, direct_mobile,"
    . " secadmin_name, secadmin_mobile, liaison_name, liaison_mobile,"
    . " sysadmin_name, sysadmin_mobile, late"
    . " FROM reg_summary"
    . " WHERE active = 1 AND code > ?"
    . " AND (? = '' OR (CASE ? WHEN 'first' THEN first_name WHEN 'direct' THEN direct_name"
    . "  WHEN 'secadmin' THEN secadmin_name WHEN 'liaison' THEN liaison_name"
    . "  ELSE sysadmin_name END) IS NULL)"
    . " AND (? = 0 OR late = 1)"
    . " ORDER BY code ASC LIMIT 51";

const ROLES = ['第一责任人', '直接责任人', '安全管理员', '联络员', '系统管理员'];

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
try {
    $db = new mysqli('p:localhost', getenv('WANGAN_DB_USER'), getenv('WANGAN_DB_PASSWORD'),
        getenv('WANGAN_DB_NAME'), 0, getenv('WANGAN_DB_SOCKET'));
    $after = '';
    $missing = '';
    $late = 0;
    $st = $db->prepare(LIST_SQL);
    $st->bind_param('sssi', $after, $missing, $missing, $late);
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
