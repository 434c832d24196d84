"""The everyday list tools (core/listq.h, core/sheet.h): search, sort, the
filter kept in the URL, keyset pages under every sort, and CSV / XLSX exports
of exactly the rows the page shows — checked against the database."""
import html, math, re, urllib.parse
from lib import get, page, sql, one, unit_id
from listlib import csv_rows, xlsx_rows, walk as _walk


def walk(path, login="office", rows="./data/units", key="code"):
    return _walk(path, login, rows, key)

REG = "/registration/"
PAGE = 50           # rows a list page holds (REG_PAGE_ROWS, SYS_PAGE_ROWS); other tests' rows fill several


def codes(x, path="./data/units/unit"):
    return [u.get("code") for u in x.findall(path)]


def sql_codes(where="1", order="code"):
    return [r[0] for r in sql("SELECT code FROM reg_summary WHERE active = 1 AND (%s) ORDER BY %s" % (where, order))]


# -- registration ------------------------------------------------------------

def test_reg_search_by_name_code_and_person():
    # a unit's name
    st, x = page(REG + "?q=" + urllib.parse.quote("计算机"))
    assert st == 200
    want = sql_codes("code LIKE '计算机%' OR name LIKE '计算机%' OR name_en LIKE '计算机%'")
    assert codes(x) == want and want, (codes(x), want)
    # a code prefix, in any case the collation folds
    st, x = page(REG + "?q=c-")
    want = sql_codes("code LIKE 'C-%'")
    assert codes(x) == want and len(want) > 1, (codes(x), want)
    # a person: the current security administrator of C-ME, by full name
    person = one("SELECT h.name FROM reg_holder h JOIN unit u ON u.id = h.unit_id WHERE u.code = 'C-ME'"
                 " AND h.role = 'secadmin' AND h.is_current = 1")
    st, x = page(REG + "?q=" + urllib.parse.quote(person))
    want = sql_codes("code LIKE '{0}%' OR name LIKE '{0}%' OR first_name LIKE '{0}%' OR direct_name LIKE '{0}%'"
                     " OR secadmin_name LIKE '{0}%' OR liaison_name LIKE '{0}%' OR sysadmin_name LIKE '{0}%'"
                     .format(person))
    assert "C-ME" in codes(x) and codes(x) == want, (person, codes(x), want)
    # the search box shows what was searched for
    r = get(REG + "?q=" + urllib.parse.quote(person))
    assert 'name="q"' in r.text and 'value="%s"' % html.escape(person) in r.text


def test_reg_search_stays_in_the_unit():
    other = one("SELECT name FROM unit WHERE code = 'C-ME'")
    st, x = page(REG + "?q=" + urllib.parse.quote(other), "cs_admin")
    assert st == 200 and codes(x) == [], codes(x)
    st, x = page(REG + "?q=c-", "cs_admin")
    assert codes(x) == ["C-CS"], codes(x)
    rows = csv_rows(REG + "?format=csv&q=c-", "cs_admin")
    assert [r[0] for r in rows[1:]] == ["C-CS"], rows
    rows = xlsx_rows(REG + "?format=xlsx&sort=name", "cs_admin")
    assert [r[0] for r in rows[1:]] == ["C-CS"], rows


def test_reg_sort_matches_sql():
    for sort, d, order in [("name", "asc", "name, code"), ("name", "desc", "name DESC, code DESC"),
                           ("code", "desc", "code DESC"), ("code", "asc", "code")]:
        st, x = page(REG + "?sort=%s&dir=%s" % (sort, d))
        assert st == 200
        f = x.find("./data/filter")
        assert (f.get("sort"), f.get("dir")) == (sort, d)
        assert codes(x) == sql_codes(order=order)[:PAGE], (sort, d)
        seen, pages = walk(REG + "?sort=%s&dir=%s" % (sort, d))
        assert seen == sql_codes(order=order), (sort, d)


def test_reg_url_keeps_filter_search_and_sort():
    r = get(REG + "?missing=liaison&q=c-&sort=name&dir=desc")
    assert r.status == 200
    links = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', r.text)]
    # the column titles keep the filter and the search, and turn the direction round
    assert REG + "?sort=name&dir=asc&missing=liaison&q=c-" in links, links
    assert REG + "?sort=code&dir=asc&missing=liaison&q=c-" in links, links
    # the exports carry all of it
    assert REG + "?format=csv&missing=liaison&q=c-&sort=name&dir=desc" in links, links
    assert REG + "?format=xlsx&missing=liaison&q=c-&sort=name&dir=desc" in links, links
    # and a new search from the filter bar keeps the order
    assert '<input type="hidden" name="sort" value="name">' in r.text
    assert '<input type="hidden" name="dir" value="desc">' in r.text


def _add_units(n):
    # more units than a page holds, pairs of them with the same name (the tie decides)
    values = ",".join("('ZL-%03d', '列表测试%03d', 'other')" % (i, i // 2) for i in range(n))
    sql("INSERT INTO unit (code, name, kind) VALUES " + values)


def _drop_units():
    sql("DELETE FROM reg_summary WHERE code LIKE 'ZL-%'")
    sql("DELETE FROM unit WHERE code LIKE 'ZL-%'")


def test_reg_pages_under_a_sort_visit_every_row_once():
    _add_units(73)
    try:
        total = int(one("SELECT COUNT(*) FROM reg_summary WHERE active = 1"))
        assert total > 80
        for sort, d, order in [("name", "asc", "name, code"), ("name", "desc", "name DESC, code DESC"),
                               ("code", "desc", "code DESC")]:
            seen, pages = walk(REG + "?sort=%s&dir=%s" % (sort, d))
            assert pages == math.ceil(total / PAGE) >= 2, (pages, total)
            assert seen == sql_codes(order=order), (sort, d)
            assert len(set(seen)) == total
        # a search over more than a page, pages kept in the search
        seen, pages = walk(REG + "?q=" + urllib.parse.quote("列表测试") + "&sort=name&dir=desc")
        assert pages == 2 and seen == sql_codes("name LIKE '列表测试%'", "name DESC, code DESC"), seen
        # the export holds every matching row, not one page, in the page's order
        rows = csv_rows(REG + "?format=csv&sort=name&dir=desc&q=" + urllib.parse.quote("列表测试"))
        assert [r[0] for r in rows[1:]] == seen
    finally:
        _drop_units()


def test_reg_csv_rows_equal_the_page():
    st, x = page(REG + "?sort=name&missing=liaison")
    rows = csv_rows(REG + "?format=csv&sort=name&missing=liaison")
    head = rows[0]
    assert head[:2] == ["单位代码", "单位名称"] and "第一责任人" in head and head[-1] == "有逾期报送", head
    body = rows[1:]
    # every row the list's pages show, in their order; the first page's rows as it shows them
    seen, pages = walk(REG + "?sort=name&missing=liaison")
    assert [r[0] for r in body] == seen and body
    assert [r[0] for r in body[:PAGE]] == codes(x)
    for r, u in zip(body, x.findall("./data/units/unit")):
        assert r[1] == u.find("name").text
        holders = u.findall("holder")
        assert r[2:2 + 2 * len(holders)] == sum([[h.get("name") or "", h.get("mobile") or ""] for h in holders], [])
        assert r[-1] == ("是" if u.get("late") == "1" else "")
    # the database agrees on who holds what
    for r in body:
        first = one("SELECT COALESCE(first_name, '') FROM reg_summary WHERE code = '%s'" % r[0]) or ""
        assert r[2] == first


def test_reg_xlsx_reads_back_with_chinese_and_english_titles():
    st, x = page(REG + "?sort=code&dir=desc&late=1")
    rows = xlsx_rows(REG + "?format=xlsx&sort=code&dir=desc&late=1")
    assert rows[0][:2] == ["单位代码", "单位名称"], rows[0]
    assert [r[0] for r in rows[1:]] == codes(x) == sql_codes("late = 1", "code DESC") and codes(x)
    rows_en = xlsx_rows(REG + "?format=xlsx&sort=code&dir=desc&late=1&lang=en")
    assert rows_en[0][:2] == ["Unit code", "Unit name"], rows_en[0]
    assert rows_en[1:] == [r[:-1] + ["Yes" if r[-1] == "是" else r[-1]] for r in rows[1:]]


def test_reg_bad_list_parameters_are_refused_clearly():
    r = get(REG + "?sort=password")
    assert r.status == 400 and "无法按此列排序" in r.text, r
    r = get(REG + "?sort=name&dir=sideways")
    assert r.status == 400 and "升序" in r.text, r
    r = get(REG + "?q=" + urllib.parse.quote("网" * 65))
    assert r.status == 400 and "最多 64 个字" in r.text, r
    r = get(REG + "?q=" + urllib.parse.quote("网" * 64))
    assert r.status == 200, r
    r = get(REG + "?sort=name&after=C-CS")          # a seek without its sort value
    assert r.status == 400 and "翻页地址无效" in r.text, r
    r = get(REG + "?format=pdf")
    assert r.status == 400 and "CSV" in r.text, r
    r = get(REG + "?sort=password&lang=en")
    assert r.status == 400 and "cannot be sorted" in r.text, r


# -- systems -----------------------------------------------------------------

SYS = "/systems/"


def ids(x):
    return [s.get("id") for s in x.findall("./data/systems/system")]


def sql_ids(where="1", order="s.id"):
    return [r[0] for r in sql("SELECT s.id FROM sys_system s WHERE (%s) ORDER BY %s" % (where, order))]


def _sys_match(q):
    return ("s.name LIKE '{0}%' OR s.url LIKE '{0}%' OR s.url LIKE 'http://{0}%' OR s.url LIKE 'https://{0}%'"
            " OR s.ips LIKE '{0}%' OR s.admin_name LIKE '{0}%'").format(q)


def test_sys_search_by_name_domain_ip_and_person():
    name, url, ip, admin = sql("SELECT name, url, ips, admin_name FROM sys_system ORDER BY id DESC LIMIT 1")[0]
    domain = re.sub(r"^https?://", "", url)
    for q, must in [(name[:3], None), (domain, url), (ip.split(",")[0][:9], None), (admin, None)]:
        st, x = page(SYS + "?q=" + urllib.parse.quote(q))
        assert st == 200, (q, st)
        want = sql_ids(_sys_match(q))
        assert ids(x) == want[:PAGE] and want, (q, ids(x), want)
    # a unit's staff search their own unit only, on the page and in the exports
    cs = unit_id("C-CS")
    st, x = page(SYS + "?q=" + urllib.parse.quote(name[:2]), "cs_admin")
    assert {s.get("unit-code") for s in x.findall("./data/systems/system")} <= {"C-CS"}
    assert ids(x) == sql_ids("s.unit_id = %d AND (%s)" % (cs, _sys_match(name[:2])))[:PAGE]
    rows = csv_rows(SYS + "?format=csv&sort=name&q=" + urllib.parse.quote(name[:2]), "cs_admin")
    assert {r[2] for r in rows[1:]} <= {"C-CS"}
    assert [r[0] for r in rows[1:]] == sql_ids("s.unit_id = %d AND (%s)" % (cs, _sys_match(name[:2])),
                                              "s.name, s.id")


def test_sys_sort_and_pages_visit_every_row_once():
    total = int(one("SELECT COUNT(*) FROM sys_system"))
    assert total > PAGE, total          # the demo data fill more than a page
    for sort, d, order in [("name", "asc", "s.name, s.id"), ("name", "desc", "s.name DESC, s.id DESC"),
                           ("id", "desc", "s.id DESC")]:
        seen, pages = walk(SYS + "?sort=%s&dir=%s" % (sort, d), rows="./data/systems", key="id")
        assert pages == math.ceil(total / PAGE) and seen == sql_ids(order=order), (sort, d, pages, total)
        assert len(set(seen)) == total
    # with a filter kept in the links, its rows only
    seen, pages = walk(SYS + "?sort=name&dir=desc&status=online", rows="./data/systems", key="id")
    assert seen == sql_ids("s.status = 'online'", "s.name DESC, s.id DESC") and seen
    q = urllib.parse.quote(one("SELECT name FROM sys_system WHERE status = 'online' ORDER BY id LIMIT 1")[:2])
    r = get(SYS + "?sort=name&dir=desc&status=online&q=" + q)
    links = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', r.text)]
    assert SYS + "?sort=name&dir=asc&status=online&q=" + q in links, links
    assert SYS + "?format=xlsx&status=online&q=%s&sort=name&dir=desc" % q in links, links


def test_sys_exports_equal_the_rows():
    want = sql_ids("1", "s.name DESC, s.id DESC")
    rows = csv_rows(SYS + "?format=csv&sort=name&dir=desc")
    assert rows[0][:4] == ["编号", "系统名称", "单位代码", "所属单位"], rows[0]
    assert [r[0] for r in rows[1:]] == want          # every row, not one page
    st, x = page(SYS + "?sort=name&dir=desc")
    for r, s in zip(rows[1:], x.findall("./data/systems/system")):
        assert (r[0], r[1], r[2], r[3]) == (s.get("id"), s.find("name").text, s.get("unit-code"), s.find("unit").text)
        assert r[8] == (s.get("next-due") or "")
    x2 = xlsx_rows(SYS + "?format=xlsx&sort=name&dir=desc&lang=en")
    assert x2[0][:2] == ["No.", "System name"], x2[0]
    assert [r[0] for r in x2[1:]] == want
    kinds = dict(sql("SELECT id, kind FROM sys_system"))
    assert all(r[4] and r[4] != kinds[r[0]] for r in rows[1:])      # the kind's Chinese label, not its code
    assert get(SYS + "?overdue=1&format=csv").status == 400
    assert get(SYS + "?sort=unit_id").status == 400


# -- unit pickers --------------------------------------------------------------

def _picker(text, list_id):
    m = re.search(r'<datalist id="%s">(.*?)</datalist>' % list_id, text, re.S)
    assert m, list_id
    return re.findall(r'<option value="([^"]*)">([^<]*)</option>', m.group(1))


def test_unit_pickers_offer_every_active_unit():
    units = sql("SELECT id, code, name FROM unit WHERE active = 1 ORDER BY code")
    # the threat notice's register form and the incident sheet: the code, name and code shown
    for path, field in [("/incidents/notices/new", "assignee"), ("/incidents/new", "unit")]:
        r = get(path)
        assert r.status == 200, (path, r)
        assert 'list="units-pick-%s"' % field in r.text, path
        opts = _picker(r.text, "units-pick-" + field)
        assert [(v, html.unescape(t)) for v, t in opts] == [(u[1], "%s (%s)" % (u[2], u[1])) for u in units], path
    # the pledges coverage filter takes the unit's id
    r = get("/pledges/")
    opts = _picker(r.text, "units-pick-unit")
    assert [v for v, t in opts] == [u[0] for u in units]
    # a unit's own staff have no picker: their unit is fixed
    assert "units-pick" not in get("/pledges/", "cs_admin").text
    # the server still checks what comes back
    st, x = page("/incidents/notices/new?assignee=NO-SUCH-UNIT")
    assert st == 200 and x.find("./data/systems") is None
