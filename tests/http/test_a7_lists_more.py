"""The everyday list tools (core/listq.h, core/sheet.h) on the websites and
cloud lists: search, sort, every list's filter kept in the URL, keyset pages
under every sort, CSV / XLSX exports of exactly the rows the page shows, a
unit's staff kept to their unit — checked against the database."""
import contextlib, functools, html, re
from lib import get, page, sql, one, unit_id, today
from listlib import csv_rows, esc, links, q, xlsx_rows, walk as _walk, walk_plain as _walk_plain


def walk(path, login="office", rows="./data/sites", key="id"):
    return _walk(path, login, rows, key, tools=True)


def walk_plain(path, login="office", rows="./data/sites"):
    return _walk_plain(path, login, rows)

PAGE = 50           # rows a list page holds (WS_PAGE_ROWS, CL_PAGE_ROWS)
WEB = "/websites/"
CLOUD = "/cloud/"


@contextlib.contextmanager
def many():
    """More websites and VMs than a page holds, in C-CS (and a few in C-ME), in several states, with
    pairs of equal names and applicants (the tie decides); gone again afterwards."""
    cs, me = unit_id("C-CS"), unit_id("C-ME")
    wstates = ["online", "draft", "submitted", "approved", "discovered", "rectifying", "passed", "returned"]
    cstates = ["active", "submitted", "unit_approved", "office_approved", "returned", "draft", "suspended"]
    web, vms = [], []
    for i in range(80):
        unit = me if i % 8 == 7 else cs
        st = wstates[i % len(wstates)]
        web.append("(%d, '列表网站%02d', 'zl%03d.lists.example.edu.cn', '2026-01-05', '%s', %s, %s, '%s', '%s',"
                   " '%s', md5('zl-web-%d'), 'test', 'test')"
                   % (unit, i // 2, i, st, "'2026-01-10'" if st == "discovered" else "NULL",
                      "'10.77.%d.%d'" % (i // 200, i % 200) if st == "online" else "NULL",
                      "负责人%02d" % (i % 5), "管理员%02d" % (i % 7), ("external", "campus", "hosted")[i % 3], i))
        st = cstates[i % len(cstates)]
        vms.append("(%d, '%s', '申请人%02d', '1390000%04d', '2026-01-05', 2, 4, 40, '2026-01-01', '2027-12-31',"
                   " 'lists', '%s', %s, %s, md5('zl-vm-%d'), 'test', 'test')"
                   % (unit, "host" if i % 5 == 4 else "vm", i // 2, i, st,
                      "'zl-srv-%02d'" % i if i % 3 else "NULL",
                      "'10.78.%d.%d'" % (i // 200, i % 200) if st in ("active", "suspended") else "NULL", i))
    sql("INSERT INTO web_site (unit_id, name, domain, apply_date, state, file_by, ip, leader_name, admin_name,"
        " location, nonce, created_by, updated_by) VALUES " + ",".join(web))
    sql("INSERT INTO cloud_vm (unit_id, kind, applicant, contact, apply_date, vcpu, memory_gib, disk_gib,"
        " period_from, period_to, purpose, state, server_name, ip, nonce, created_by, updated_by) VALUES "
        + ",".join(vms))
    try:
        yield
    finally:
        sql("DELETE FROM web_site WHERE domain LIKE 'zl%.lists.example.edu.cn'")
        sql("DELETE FROM cloud_vm WHERE purpose = 'lists' AND created_by = 'test'")


def with_rows(fn):
    """The test runs with many()'s rows (run.py orders tests as defined: a wrapper keeps that order)."""
    @functools.wraps(fn)
    def run():
        with many():
            fn()
    return run


# -- websites ------------------------------------------------------------------

def ws_sql(where="1", order="w.id DESC"):
    return [r[0] for r in sql("SELECT w.id FROM web_site w JOIN unit u ON u.id = w.unit_id WHERE (%s) ORDER BY %s"
                              % (where, order))]


def ws_match(s):
    return ("w.name LIKE '{0}%' OR w.domain LIKE '{0}%' OR w.ip LIKE '{0}%' OR w.leader_name LIKE '{0}%'"
            " OR w.admin_name LIKE '{0}%' OR w.vm_id IN (SELECT id FROM cloud_vm WHERE ip LIKE '{0}%')"
            ).format(esc(s))


WS_SORTS = [("id", "asc", "w.id"), ("domain", "asc", "w.domain, w.id"), ("domain", "desc", "w.domain DESC, w.id DESC"),
            ("name", "asc", "w.name, w.id"), ("name", "desc", "w.name DESC, w.id DESC"),
            ("unit", "asc", "u.code, w.id"), ("unit", "desc", "u.code DESC, w.id DESC"),
            ("state", "asc", "w.state, w.id"), ("state", "desc", "w.state DESC, w.id DESC")]


@with_rows
def test_ws_search_by_name_domain_ip_and_person():
    name, domain, admin, leader = sql("SELECT name, domain, admin_name, leader_name FROM web_site"
                                      " WHERE admin_name <> '' AND leader_name <> '' ORDER BY id DESC LIMIT 1")[0]
    ip = one("SELECT ip FROM web_site WHERE ip IS NOT NULL AND ip <> '' ORDER BY id DESC LIMIT 1")
    vm_ip = one("SELECT v.ip FROM web_site w JOIN cloud_vm v ON v.id = w.vm_id WHERE v.ip IS NOT NULL"
                " ORDER BY w.id DESC LIMIT 1")
    tried = [s for s in (name[:2], name, domain, domain[:4], admin, leader, ip, ip and ip[:6], vm_ip) if s]
    assert len(tried) >= 7, tried
    for s in tried:
        seen, pages = walk(WEB + "?q=" + q(s))
        want = ws_sql(ws_match(s))
        assert seen == want and want, (s, seen, want)
    # the box shows what was searched for
    r = get(WEB + "?q=" + q(name))
    assert 'name="q"' in r.text and 'value="%s"' % html.escape(name, quote=True) in r.text
    # LIKE's characters mean themselves
    for s in ("%", "_", name[:1] + "%"):
        assert walk(WEB + "?q=" + q(s))[0] == ws_sql(ws_match(s)), s


@with_rows
def test_ws_sort_and_pages_visit_every_row_once():
    total = int(one("SELECT COUNT(*) FROM web_site"))
    assert total > PAGE, total
    for sort, d, order in WS_SORTS:
        seen, pages = walk(WEB + "?sort=%s&dir=%s" % (sort, d))
        assert seen == ws_sql(order=order), (sort, d)
        assert len(set(seen)) == total and pages >= 2
        st, x = page(WEB + "?sort=%s&dir=%s" % (sort, d))
        f = x.find("./data/filter")
        assert (f.get("sort"), f.get("dir")) == (sort, d)
    # the default (newest first) is the plain list, whose pages say so too
    assert walk_plain(WEB + "?state=") == ws_sql()


@with_rows
def test_ws_every_list_under_the_tools_is_the_plain_list():
    cs = unit_id("C-CS")
    # each list's plain rows (its own statements and cursors) are the tools' rows, whatever the sort
    cases = [("office", "state=online"), ("office", "unit=%d" % cs), ("office", "unit=%d&state=draft" % cs),
             ("office", "down=1"), ("office", "trigger=1"), ("office", "failing=1"), ("center", "mine=1"),
             ("cs_admin", "mine=1"), ("cs_head", "mine=1"), ("center", "for_suspension=1"),
             ("center", "refile=1"), ("cs_admin", "state=online"), ("center", "failing=1&unit=%d" % cs)]
    for login, f in cases:
        plain = walk_plain(WEB + "?" + f, login)
        seen, pages = walk(WEB + "?%s&sort=id&dir=asc" % f, login)
        assert seen == sorted(plain, key=int), (login, f, seen, plain)
        by_name, pages = walk(WEB + "?%s&sort=name&dir=desc" % f, login)
        assert sorted(by_name, key=int) == seen, (login, f)
    # and the SQL agrees on a few
    assert walk(WEB + "?state=online&sort=domain&dir=asc")[0] == ws_sql("w.state = 'online'", "w.domain, w.id")
    assert walk(WEB + "?unit=%d&sort=unit&dir=asc" % cs)[0] == ws_sql("w.unit_id = %d" % cs, "u.code, w.id")
    due = ws_sql("w.state = 'discovered' AND w.file_by < '%s'" % today(), "w.name, w.id")
    assert walk(WEB + "?for_suspension=1&sort=name&dir=asc", "center")[0] == due


@with_rows
def test_ws_links_keep_the_filter_search_and_sort():
    cs = unit_id("C-CS")
    s = q(one("SELECT name FROM web_site WHERE state = 'online' ORDER BY id LIMIT 1")[:2])
    r = get(WEB + "?state=online&q=%s&sort=name&dir=desc" % s)
    assert r.status == 200
    ls = links(r.text)
    assert WEB + "?sort=name&dir=asc&state=online&q=" + s in ls, ls
    assert WEB + "?sort=domain&dir=asc&state=online&q=" + s in ls, ls
    assert WEB + "?format=csv&state=online&q=%s&sort=name&dir=desc" % s in ls, ls
    assert WEB + "?format=xlsx&state=online&q=%s&sort=name&dir=desc" % s in ls, ls
    assert '<input type="hidden" name="sort" value="name">' in r.text
    # a list the filter bar has no field for rides along on the links and in the search form
    for f in ("for_suspension=1", "refile=1", "down=1", "trigger=1", "failing=1"):
        r = get(WEB + "?%s&sort=domain&dir=desc" % f, "center")
        assert r.status == 200, f
        ls = links(r.text)
        if "<tbody>" in r.text:                          # the column titles come with rows
            assert WEB + "?sort=domain&dir=asc&" + f in ls, (f, ls)
        assert WEB + "?format=csv&%s&sort=domain&dir=desc" % f in ls, (f, ls)
        k, v = f.split("=")
        assert '<input type="hidden" name="%s" value="%s">' % (k, v) in r.text, f
    # the pager of a sorted unit list keeps the unit and the sort
    st, x = page(WEB + "?unit=%d&sort=domain&dir=asc" % cs)
    n = x.find("./data/sites")
    assert n.get("next"), "C-CS has more than a page of websites"
    r = get(WEB + "?unit=%d&sort=domain&dir=asc" % cs)
    nxt = WEB + "?at=%s&after=%s&unit=%d&sort=domain&dir=asc" % (n.get("next-at"), n.get("next"), cs)
    assert nxt in links(r.text), links(r.text)
    seen, pages = walk(WEB + "?unit=%d&sort=domain&dir=asc" % cs)
    assert seen == ws_sql("w.unit_id = %d" % cs, "w.domain, w.id") and pages >= 2
    # the plain pager keeps every filter too (failing once fell off)
    r = get(WEB + "?failing=1&unit=%d" % cs, "center")
    st, x = page(WEB + "?failing=1&unit=%d" % cs, "center")
    if x.find("./data/sites").get("next"):
        assert WEB + "?after=%s&failing=1&unit=%d" % (x.find("./data/sites").get("next"), cs) in links(r.text)


@with_rows
def test_ws_exports_equal_the_rows():
    st, x = page(WEB + "?sort=domain&dir=desc&state=online")
    seen, pages = walk(WEB + "?sort=domain&dir=desc&state=online")
    rows = csv_rows(WEB + "?format=csv&sort=domain&dir=desc&state=online")
    assert rows[0] == ["编号", "单位代码", "单位名称", "网站名称", "网站域名", "服务器放置地点", "状态", "状态时间",
                       "备案期限"], rows[0]
    assert [r[0] for r in rows[1:]] == seen == ws_sql("w.state = 'online'", "w.domain DESC, w.id DESC") and seen
    for r, s in zip(rows[1:], x.findall("./data/sites/site")):
        assert (r[0], r[1], r[2], r[3], r[4], r[7]) == (s.get("id"), s.get("unit-code"), s.find("unit").text,
                                                         s.find("name").text, s.get("domain"), s.get("since"))
        assert r[6] and r[6] != s.get("state"), r         # the state's label, not its code
    # every row, not one page, in the page's order: the whole list by unit
    rows = xlsx_rows(WEB + "?format=xlsx&sort=unit&dir=asc")
    assert [r[0] for r in rows[1:]] == ws_sql(order="u.code, w.id")
    assert len(rows) - 1 > PAGE
    en = xlsx_rows(WEB + "?format=xlsx&sort=unit&dir=asc&lang=en")
    assert en[0][:2] == ["No.", "Unit code"] and en[0][7] == "State since", en[0]
    assert [r[0] for r in en[1:]] == [r[0] for r in rows[1:]]
    assert all(r[6] and not re.search(r"[\u4e00-\u9fff]", r[6]) for r in en[1:])    # the state's English label
    # a search's export, and the discovered list's deadlines
    s = one("SELECT domain FROM web_site ORDER BY id LIMIT 1")[:3]
    rows = csv_rows(WEB + "?format=csv&q=" + q(s))
    assert [r[0] for r in rows[1:]] == ws_sql(ws_match(s)) and len(rows) > 1
    rows = csv_rows(WEB + "?format=csv&for_suspension=1", "center")
    want = sql("SELECT id, file_by FROM web_site WHERE state = 'discovered' AND file_by < '%s' ORDER BY id DESC"
               % today("center"))
    assert [[r[0], r[8]] for r in rows[1:]] == want, (rows, want)


@with_rows
def test_ws_unit_staff_see_and_export_their_unit_only():
    cs, me = unit_id("C-CS"), unit_id("C-ME")
    other = one("SELECT name FROM web_site WHERE unit_id = %d ORDER BY id LIMIT 1" % me)
    assert other
    for login in ("cs_admin", "cs_head"):
        seen, pages = walk(WEB + "?q=" + q(other), login)
        assert seen == ws_sql("w.unit_id = %d AND (%s)" % (cs, ws_match(other))), (login, seen)
        # another unit asked for by its id: still their own
        seen, pages = walk(WEB + "?unit=%d&sort=name&dir=asc" % me, login)
        assert seen == ws_sql("w.unit_id = %d" % cs, "w.name, w.id") and seen, login
        rows = csv_rows(WEB + "?format=csv&unit=%d" % me, login)
        assert {r[1] for r in rows[1:]} == {"C-CS"} and [r[0] for r in rows[1:]] == ws_sql("w.unit_id = %d" % cs)
        rows = xlsx_rows(WEB + "?format=xlsx&sort=state&q=" + q(other), login)
        assert [r[0] for r in rows[1:]] == ws_sql("w.unit_id = %d AND (%s)" % (cs, ws_match(other)),
                                                  "w.state, w.id"), login
    rows = csv_rows(WEB + "?format=csv&for_suspension=1&unit=%d" % me, "cs_admin")
    assert {r[1] for r in rows[1:]} <= {"C-CS"}


def test_ws_bad_list_parameters_are_refused_clearly():
    r = get(WEB + "?sort=password")
    assert r.status == 400 and "无法按此列排序" in r.text, r.status
    r = get(WEB + "?sort=name&dir=sideways")
    assert r.status == 400 and "升序" in r.text
    r = get(WEB + "?q=" + q("网" * 65))
    assert r.status == 400 and "最多 64 个字" in r.text
    assert get(WEB + "?q=" + q("网" * 64)).status == 200
    assert get(WEB + "?q=" + q("a\x01b")).status == 400
    r = get(WEB + "?sort=name&after=5")
    assert r.status == 400 and "翻页地址无效" in r.text
    r = get(WEB + "?sort=state&at=online&after=5")         # the state's seek value is its number
    assert r.status == 400 and "翻页地址无效" in r.text
    r = get(WEB + "?format=pdf")
    assert r.status == 400 and "CSV" in r.text
    r = get(WEB + "?overdue=1&format=csv")                 # the findings past fix-by: their own list
    assert r.status == 400 and "CSV" in r.text
    r = get(WEB + "?sort=password&lang=en")
    assert r.status == 400 and "cannot be sorted" in r.text


# -- cloud -----------------------------------------------------------------------

def cl_sql(where="1", order="v.id DESC"):
    return [r[0] for r in sql("SELECT v.id FROM cloud_vm v JOIN unit u ON u.id = v.unit_id WHERE (%s) ORDER BY %s"
                              % (where, order))]


def cl_match(s):
    return ("v.server_name LIKE '{0}%' OR v.ip LIKE '{0}%' OR v.applicant LIKE '{0}%' OR v.contact LIKE '{0}%'"
            ).format(esc(s))


CL_SORTS = [("id", "asc", "v.id"), ("applicant", "asc", "v.applicant, v.id"),
            ("applicant", "desc", "v.applicant DESC, v.id DESC"), ("unit", "asc", "u.code, v.id"),
            ("unit", "desc", "u.code DESC, v.id DESC"), ("state", "asc", "v.state, v.id"),
            ("state", "desc", "v.state DESC, v.id DESC")]


@with_rows
def test_cl_search_by_name_ip_and_person():
    server, ip = sql("SELECT server_name, ip FROM cloud_vm WHERE server_name <> '' AND ip <> ''"
                     " ORDER BY id DESC LIMIT 1")[0]
    applicant, contact = sql("SELECT applicant, contact FROM cloud_vm ORDER BY id DESC LIMIT 1")[0]
    for s in (server, server[:3], ip, ip[:7], applicant, applicant[:1], contact):
        seen, pages = walk(CLOUD + "?q=" + q(s), rows="./data/vms")
        want = cl_sql(cl_match(s))
        assert seen == want and want, (s, seen[:5], want[:5])
    # the page shows the server's name the search found
    st, x = page(CLOUD + "?q=" + q(server))
    assert server in [v.findtext("server") for v in x.findall("./data/vms/vm")]
    r = get(CLOUD + "?q=" + q(applicant))
    assert 'value="%s"' % html.escape(applicant, quote=True) in r.text


@with_rows
def test_cl_sort_and_pages_visit_every_row_once():
    total = int(one("SELECT COUNT(*) FROM cloud_vm"))
    assert total > PAGE, total
    for sort, d, order in CL_SORTS:
        seen, pages = walk(CLOUD + "?sort=%s&dir=%s" % (sort, d), rows="./data/vms")
        assert seen == cl_sql(order=order), (sort, d)
        assert len(set(seen)) == total and pages >= 2
    # with the filters, as the plain list takes them
    cs = unit_id("C-CS")
    for login, f, where in [("office", "state=active", "v.state = 'active'"),
                            ("office", "kind=host", "v.kind = 'host'"),
                            ("office", "kind=vm&state=active", "v.kind = 'vm'"),      # a kind list ignores state
                            ("office", "unit=%d&state=active" % cs, "v.unit_id = %d AND v.state = 'active'" % cs),
                            ("office", "mine=1", "v.state = 'unit_approved'"),
                            ("center", "mine=1", "v.state = 'office_approved'"),
                            ("cs_head", "mine=1", "v.unit_id = %d AND v.state = 'submitted'" % cs)]:
        seen, pages = walk(CLOUD + "?%s&sort=applicant&dir=desc" % f, login, rows="./data/vms")
        assert seen == cl_sql(where, "v.applicant DESC, v.id DESC"), (login, f)
        plain = walk_plain(CLOUD + "?" + f, login, rows="./data/vms")
        assert sorted(plain, key=int) == sorted(seen, key=int), (login, f)


@with_rows
def test_cl_links_keep_the_filter_search_and_sort():
    cs = unit_id("C-CS")
    s = q(one("SELECT applicant FROM cloud_vm WHERE unit_id = %d AND kind = 'vm' ORDER BY id LIMIT 1" % cs)[:1])
    r = get(CLOUD + "?unit=%d&kind=vm&q=%s&sort=applicant&dir=desc" % (cs, s))
    assert r.status == 200
    ls = links(r.text)
    assert CLOUD + "?sort=applicant&dir=asc&kind=vm&unit=%d&q=%s" % (cs, s) in ls, ls
    assert CLOUD + "?sort=state&dir=asc&kind=vm&unit=%d&q=%s" % (cs, s) in ls, ls
    assert CLOUD + "?format=csv&kind=vm&unit=%d&q=%s&sort=applicant&dir=desc" % (cs, s) in ls, ls
    assert CLOUD + "?format=xlsx&kind=vm&unit=%d&q=%s&sort=applicant&dir=desc" % (cs, s) in ls, ls
    assert '<input type="hidden" name="kind" value="vm">' in r.text
    assert '<input type="hidden" name="unit" value="%d">' % cs in r.text
    r = get(CLOUD + "?mine=1&sort=unit&dir=asc")
    assert CLOUD + "?sort=unit&dir=desc&mine=1" in links(r.text)
    # the pager under a sort keeps the filter
    st, x = page(CLOUD + "?kind=vm&sort=unit&dir=asc")
    n = x.find("./data/vms")
    assert n.get("next"), "more than a page of VMs"
    r = get(CLOUD + "?kind=vm&sort=unit&dir=asc")
    assert CLOUD + "?at=%s&after=%s&kind=vm&sort=unit&dir=asc" % (n.get("next-at"), n.get("next")) \
        in links(r.text)
    seen, pages = walk(CLOUD + "?kind=vm&sort=unit&dir=asc", rows="./data/vms")
    assert seen == cl_sql("v.kind = 'vm'", "u.code, v.id") and pages >= 2
    # a date list keeps its order and cursor, and has no tools
    r = get(CLOUD + "?due=overdue")
    assert r.status == 200 and 'class="lt-search"' not in r.text and "format=csv" not in r.text
    assert get(CLOUD + "?due=overdue&format=csv").status == 400


@with_rows
def test_cl_exports_equal_the_rows():
    st, x = page(CLOUD + "?sort=applicant&dir=asc&kind=vm")
    rows = csv_rows(CLOUD + "?format=csv&sort=applicant&dir=asc&kind=vm")
    assert rows[0][:6] == ["编号", "单位代码", "单位", "申请人", "服务器名", "vCPU"], rows[0]
    assert [r[0] for r in rows[1:]] == cl_sql("v.kind = 'vm'", "v.applicant, v.id")
    assert len(rows) - 1 > PAGE
    for r, v in zip(rows[1:], x.findall("./data/vms/vm")):
        assert (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[9], r[10]) == (
            v.get("id"), v.get("unit-code"), v.findtext("unit"), v.findtext("applicant"), v.findtext("server") or "",
            v.get("vcpu"), v.get("memory"), v.get("disk"), v.get("since"), v.get("ip") or "")
        assert r[8] and r[8] != v.get("state") and r[11] and r[11] != v.get("kind"), r     # labels, not codes
    en = xlsx_rows(CLOUD + "?format=xlsx&sort=applicant&dir=asc&kind=vm&lang=en")
    assert en[0][:2] == ["No.", "Unit code"] and en[0][9] == "State since", en[0]
    assert [r[0] for r in en[1:]] == [r[0] for r in rows[1:]]
    xl = xlsx_rows(CLOUD + "?format=xlsx&sort=applicant&dir=asc&kind=vm")
    assert xl[0] == rows[0] and [r[0] for r in xl[1:]] == [r[0] for r in rows[1:]]


@with_rows
def test_cl_unit_staff_see_and_export_their_unit_only():
    cs, me = unit_id("C-CS"), unit_id("C-ME")
    other = one("SELECT applicant FROM cloud_vm WHERE unit_id = %d ORDER BY id LIMIT 1" % me)
    assert other
    for login in ("cs_admin", "cs_head"):
        seen, pages = walk(CLOUD + "?q=" + q(other), login, rows="./data/vms")
        assert seen == cl_sql("v.unit_id = %d AND (%s)" % (cs, cl_match(other))), login
        seen, pages = walk(CLOUD + "?unit=%d&sort=applicant&dir=asc" % me, login, rows="./data/vms")
        assert seen == cl_sql("v.unit_id = %d" % cs, "v.applicant, v.id") and seen, login
        rows = csv_rows(CLOUD + "?format=csv&unit=%d" % me, login)
        assert {r[1] for r in rows[1:]} == {"C-CS"} and [r[0] for r in rows[1:]] == cl_sql("v.unit_id = %d" % cs)
        rows = xlsx_rows(CLOUD + "?format=xlsx&sort=unit&q=" + q(other), login)
        assert {r[1] for r in rows[1:]} <= {"C-CS"}


def test_cl_bad_list_parameters_are_refused_clearly():
    r = get(CLOUD + "?sort=contact")
    assert r.status == 400 and "无法按此列排序" in r.text
    r = get(CLOUD + "?sort=applicant&dir=up")
    assert r.status == 400 and "升序" in r.text
    r = get(CLOUD + "?q=" + q("云" * 65))
    assert r.status == 400 and "最多 64 个字" in r.text
    r = get(CLOUD + "?sort=applicant&after=3")
    assert r.status == 400 and "翻页地址无效" in r.text
    r = get(CLOUD + "?at=2026-01-01&after=3")             # an id list's seek is an id, not a date
    assert r.status == 400 and "翻页地址无效" in r.text
    r = get(CLOUD + "?format=xls")
    assert r.status == 400 and "CSV" in r.text
    r = get(CLOUD + "?due=soon&at=nonsense")
    assert r.status == 400
    r = get(CLOUD + "?sort=contact&lang=en")
    assert r.status == 400 and "cannot be sorted" in r.text

