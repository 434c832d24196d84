"""The everyday list tools (core/listq.h, core/sheet.h) on the pledges
module's lists, the coverage (/pledges/) and the vendors (/pledges/vendors):
search, sort both ways, keyset pages under every sort without gaps or
repeats, the filters kept in every link, CSV / XLSX exports of exactly the
rows the page shows, a unit's staff kept to their unit — checked against the
database."""
import contextlib, functools, re
from lib import get, page, sql, one, unit_id
from listlib import csv_rows, esc, links, q, xlsx_rows, walk as _walk, walk_plain as _walk_plain


def walk(path, login="office", rows="./data/rows", key=None):
    return _walk(path, login, rows, key, tools=True)


def walk_plain(path, login="office"):
    """Every row of the plain coverage (no tools) by its own ?after=K, with what the tests need of each."""
    return _walk_plain(path, login, "./data/rows", row_of)

PAGE = 50               # rows a page holds (PL_PAGE_ROWS)
COV = "/pledges/"
VEN = "/pledges/vendors"
KINDS = ["school_pledge", "unit_pledge", "letter1", "letter2", "website", "cloud_vm", "hosted_server", "software"]


def row_of(e):
    """A coverage row: its identity, code, name, status and the pager's key k (as PL_COVERAGE_SQL builds it)."""
    st = e.get("status")
    k = "%s%s%02d%s%010d" % ({"missing": "0", "resign": "1"}.get(st, "2"), e.get("changed") or "0000-00-00",
                             KINDS.index(e.get("kind")) + 1, e.get("party-type"), int(e.get("party-id")))
    return {"id": "%s:%s:%s" % (e.get("kind"), e.get("party-type"), e.get("party-id")), "code": e.get("code"),
            "name": e.findtext("name"), "status": st, "k": k}


def cov_id(e):
    return "%s:%s:%s" % (e.get("kind"), e.get("party-type"), e.get("party-id"))


def lit(s):
    return "_utf8mb4'%s' COLLATE utf8mb4_unicode_ci" % s.replace("\\", "\\\\").replace("'", "\\'")


def db_order(rows, order, where="1"):
    """The ids of rows in MariaDB's own order (the tables' collation), filtered by where."""
    parts = ["SELECT %s AS id, %s AS code, %s AS name, %s AS status, %s AS k"
             % (lit(r["id"]), lit(r["code"]), lit(r["name"]), lit(r["status"]), lit(r["k"])) for r in rows]
    return [r[0] for r in sql("SELECT id FROM (%s) t WHERE %s ORDER BY %s" % (" UNION ALL ".join(parts), where, order))]


@contextlib.contextmanager
def many():
    """More persons (software pledge parties) and vendors than a page holds: persons mostly in C-CS, a few
    in C-ME, pairs sharing a name (the key decides); vendors, half serving C-CS; gone again afterwards."""
    cs, me = unit_id("C-CS"), unit_id("C-ME")
    persons = ",".join("(%d, '列表人员%02d', 'zlp%03d', 'test', 'test')" % (me if i % 9 == 8 else cs, i // 2, i)
                       for i in range(70))
    sql("INSERT INTO pledge_person (unit_id, name, staff_no, created_by, updated_by) VALUES " + persons)
    vendors = ",".join("('列表厂商%02d', '91ZL%014d', '联系人%02d', '0371-6000%04d', 'test', 'test')"
                       % (i // 2, i, i % 7, i) for i in range(64))
    sql("INSERT INTO pledge_vendor (name, uscc, contact, phone, created_by, updated_by) VALUES " + vendors)
    sql("INSERT INTO pledge_vendor_unit (vendor_id, unit_id) SELECT id, %d FROM pledge_vendor"
        " WHERE uscc LIKE '91ZL%%' AND MOD(id, 2) = 0" % cs)
    try:
        yield
    finally:
        sql("DELETE FROM pledge_vendor_unit WHERE vendor_id IN (SELECT id FROM pledge_vendor WHERE uscc LIKE '91ZL%')")
        sql("DELETE FROM pledge_vendor WHERE uscc LIKE '91ZL%'")
        sql("DELETE FROM pledge_person WHERE staff_no LIKE 'zlp%'")


def with_rows(fn):
    """The test runs with many()'s rows (run.py orders tests as defined: a wrapper keeps that order)."""
    @functools.wraps(fn)
    def run():
        with many():
            fn()
    return run


# -- the coverage -----------------------------------------------------------------

COV_SORTS = [("code", "asc", "code, k"), ("code", "desc", "code DESC, k DESC"),
             ("unit", "asc", "name, k"), ("unit", "desc", "name DESC, k DESC"),
             ("status", "asc", "status, k"), ("status", "desc", "status DESC, k DESC")]


@with_rows
def test_cov_sort_and_pages_visit_every_row_once():
    rows = walk_plain(COV + "?status=all")
    assert len(rows) > 2 * PAGE, len(rows)
    for sort, d, order in COV_SORTS:
        seen, pages = walk(COV + "?status=all&sort=%s&dir=%s" % (sort, d), key=cov_id)
        assert seen == db_order(rows, order), (sort, d)
        assert len(set(seen)) == len(rows) and pages >= 3
        st, x = page(COV + "?status=all&sort=%s&dir=%s" % (sort, d))
        f = x.find("./data/filter")
        assert (f.get("sort"), f.get("dir")) == (sort, d)
    # the default sort (the unit's code, ascending) is asked for by name too
    assert walk(COV + "?status=all&sort=code", key=cov_id)[0] == db_order(rows, "code, k")
    # with the filters, as the plain page takes them
    cs = unit_id("C-CS")
    for f in ("status=all&kind=software", "status=missing&unit=%d" % cs, "status=open", "kind=letter2&status=all"):
        plain = walk_plain(COV + "?" + f)
        seen, pages = walk(COV + "?%s&sort=unit&dir=desc" % f, key=cov_id)
        assert seen == db_order(plain, "name DESC, k DESC") and seen, f


@with_rows
def test_cov_search_by_unit_code_name_and_person():
    rows = walk_plain(COV + "?status=all")
    uname = one("SELECT name FROM unit WHERE code = 'C-CS'")
    for s in ("C-CS", "C-", uname, uname[:2], "列表人员0", "列表人员12", "zlp01", "列表厂商", "91ZL"):
        seen, pages = walk(COV + "?status=all&q=" + q(s), key=cov_id)
        want = db_order(rows, "code, k", "code LIKE '{0}%' OR name LIKE '{0}%'".format(esc(s)))
        assert seen == want and want, (s, seen[:5], want[:5])
    # a person's name finds their software pledge, with the other filters
    seen, pages = walk(COV + "?status=all&kind=software&q=" + q("列表人员03"), key=cov_id)
    want = [r[0] for r in sql("SELECT CONCAT('software:person:', id) FROM pledge_person"
                              " WHERE name = '列表人员03' ORDER BY staff_no, id")]
    assert sorted(seen) == sorted(want) and len(want) == 2, (seen, want)
    r = get(COV + "?q=" + q("列表人员03"))
    assert 'name="q"' in r.text and 'value="列表人员03"' in r.text
    # LIKE's characters mean themselves
    assert walk(COV + "?status=all&q=" + q("%"), key=cov_id)[0] == []
    assert walk(COV + "?status=all&q=" + q("zlp_"), key=cov_id)[0] == []


@with_rows
def test_cov_links_keep_the_filter_search_and_sort():
    cs = unit_id("C-CS")
    s = q("列表")
    r = get(COV + "?kind=software&status=all&unit=%d&q=%s&sort=unit&dir=desc" % (cs, s))
    assert r.status == 200
    ls = links(r.text)
    keep = "&status=all&kind=software&unit=%d" % cs
    assert COV + "?sort=unit&dir=asc%s&q=%s" % (keep, s) in ls, ls
    assert COV + "?sort=code&dir=asc%s&q=%s" % (keep, s) in ls, ls
    assert COV + "?sort=status&dir=asc%s&q=%s" % (keep, s) in ls, ls
    assert COV + "?format=csv%s&q=%s&sort=unit&dir=desc" % (keep, s) in ls, ls
    assert COV + "?format=xlsx%s&q=%s&sort=unit&dir=desc" % (keep, s) in ls, ls
    assert '<input type="hidden" name="sort" value="unit">' in r.text
    # the pager under a sort keeps every filter, the search and the sort
    st, x = page(COV + "?kind=software&status=all&unit=%d&q=%s&sort=unit&dir=desc" % (cs, s))
    n = x.find("./data/rows")
    assert n.get("next") and n.get("next-at"), "C-CS has more than a page of persons"
    nxt = COV + "?at=%s&after=%s%s&q=%s&sort=unit&dir=desc" % (n.get("next-at"), n.get("next"), keep, s)
    assert nxt in ls, ls
    st, x = page(nxt)
    assert x.find("./data/rows").get("first") == "1"
    r = get(nxt)
    assert COV + "?sort=unit&dir=desc%s&q=%s" % (keep, s) in links(r.text)       # back to the first page
    # the plain page keeps its own pager
    st, x = page(COV + "?status=all")
    n = x.find("./data/rows")
    assert n.get("next") and n.get("next-at") is None
    assert COV + "?after=%s&status=all" % n.get("next") in links(get(COV + "?status=all").text)


@with_rows
def test_cov_exports_equal_the_rows():
    seen, pages = walk(COV + "?status=all&sort=unit&dir=asc", key=lambda e: (e.get("code"), e.findtext("name")))
    rows = csv_rows(COV + "?format=csv&status=all&sort=unit&dir=asc")
    assert rows[0] == ["承诺书类别", "代码", "签署方", "状态", "签署日期", "第一责任人变更日期", "重签期限"], rows[0]
    assert [(r[1], r[2]) for r in rows[1:]] == seen and len(seen) > PAGE
    labels = {r[0] for r in rows[1:]} | {r[3] for r in rows[1:]}
    assert not labels & set(KINDS + ["missing", "signed", "resign"]), labels      # labels, not codes
    assert "承诺使用正版软件" in "".join(r[0] for r in rows[1:]) or any("软件" in r[0] for r in rows[1:])
    # the filters and the search, every page of them
    cs = unit_id("C-CS")
    f = "status=missing&kind=software&unit=%d&q=%s" % (cs, q("列表"))
    seen, pages = walk(COV + "?%s&sort=code&dir=desc" % f, key=lambda e: e.get("code"))
    rows = csv_rows(COV + "?format=csv&%s&sort=code&dir=desc" % f)
    assert [r[1] for r in rows[1:]] == seen and len(seen) > PAGE and pages >= 2
    xl = xlsx_rows(COV + "?format=xlsx&%s&sort=code&dir=desc" % f)
    assert xl[0] == rows[0] and [r[1] for r in xl[1:]] == seen
    assert all(r[3] == "未签" or r[3] == rows[1][3] for r in xl[1:])
    en = xlsx_rows(COV + "?format=xlsx&%s&sort=code&dir=desc&lang=en" % f)
    assert en[0] == ["Kind", "Code", "Party", "Status", "Signed on", "First responsible person changed on",
                     "Re-sign due"], en[0]
    assert [r[1] for r in en[1:]] == seen
    assert all(not re.search(r"[\u4e00-\u9fff]", r[0] + r[3]) for r in en[1:])


@with_rows
def test_cov_unit_staff_see_and_export_their_unit_only():
    cs, me = unit_id("C-CS"), unit_id("C-ME")
    mine = {r[0] for r in sql("SELECT staff_no FROM pledge_person WHERE unit_id = %d AND active = 1" % cs)} | {"C-CS"}
    other = {r[0] for r in sql("SELECT staff_no FROM pledge_person WHERE unit_id = %d AND active = 1" % me)}
    assert other
    for login in ("cs_admin", "cs_head"):
        seen, pages = walk(COV + "?status=all&unit=%d&sort=code" % me, login, key=lambda e: e.get("code"))
        assert set(seen) == mine and pages >= 2, (login, set(seen) ^ mine)
        rows = csv_rows(COV + "?format=csv&status=all&unit=%d&sort=code" % me, login)
        assert [r[1] for r in rows[1:]] == seen, login
        rows = xlsx_rows(COV + "?format=xlsx&status=all&q=" + q("列表人员"), login)
        assert rows[1:] and {r[1] for r in rows[1:]} <= mine and not {r[1] for r in rows[1:]} & other, login


def test_cov_bad_list_parameters_are_refused_clearly():
    r = get(COV + "?sort=password")
    assert r.status == 400 and "无法按此列排序" in r.text, r.status
    r = get(COV + "?sort=unit&dir=sideways")
    assert r.status == 400 and "升序" in r.text
    r = get(COV + "?q=" + q("网" * 65))
    assert r.status == 400 and "最多 64 个字" in r.text
    assert get(COV + "?q=" + q("网" * 64)).status == 200
    r = get(COV + "?sort=unit&after=5")
    assert r.status == 400 and "翻页地址无效" in r.text
    r = get(COV + "?format=pdf")
    assert r.status == 400 and "CSV" in r.text
    r = get(COV + "?sort=password&lang=en")
    assert r.status == 400 and "cannot be sorted" in r.text


# -- the vendors ------------------------------------------------------------------

def ven_sql(where="1", order="v.name, v.id"):
    return [r[0] for r in sql("SELECT v.id FROM pledge_vendor v WHERE (%s) ORDER BY %s" % (where, order))]


def ven_match(s):
    return "v.name LIKE '{0}%' OR v.uscc LIKE '{0}%' OR v.contact LIKE '{0}%'".format(esc(s))


VEN_SORTS = [("name", "asc", "v.name, v.id"), ("name", "desc", "v.name DESC, v.id DESC"),
             ("id", "asc", "v.id"), ("id", "desc", "v.id DESC")]


def vid(e):
    return e.get("id")


@with_rows
def test_ven_sort_and_pages_visit_every_row_once():
    total = int(one("SELECT COUNT(*) FROM pledge_vendor WHERE active = 1"))
    assert total > PAGE, total
    for sort, d, order in VEN_SORTS:
        seen, pages = walk(VEN + "?sort=%s&dir=%s" % (sort, d), rows="./data/vendors", key=vid)
        assert seen == ven_sql("v.active = 1", order), (sort, d)
        assert len(set(seen)) == total and pages >= 2
    # the default, by name, pages the same way
    assert walk(VEN, rows="./data/vendors", key=vid)[0] == ven_sql("v.active = 1")


@with_rows
def test_ven_search_by_name_uscc_and_contact():
    for s in ("列表厂商", "列表厂商1", "列表厂商07", "91ZL", "91ZL0000000000001", "联系人03"):
        seen, pages = walk(VEN + "?q=" + q(s), rows="./data/vendors", key=vid)
        want = ven_sql("v.active = 1 AND (%s)" % ven_match(s))
        assert seen == want and want, (s, seen[:5], want[:5])
    seen, pages = walk(VEN + "?q=" + q("列表厂商") + "&sort=id&dir=desc", rows="./data/vendors", key=vid)
    assert seen == ven_sql("v.active = 1 AND (%s)" % ven_match("列表厂商"), "v.id DESC") and pages >= 2
    assert walk(VEN + "?q=%25", rows="./data/vendors", key=vid)[0] == []


@with_rows
def test_ven_links_keep_the_filter_search_and_sort():
    s = q("列表")
    r = get(VEN + "?q=%s&sort=name&dir=desc" % s)
    ls = links(r.text)
    assert VEN + "?sort=name&dir=asc&q=" + s in ls, ls
    assert VEN + "?sort=id&dir=asc&q=" + s in ls, ls
    assert VEN + "?format=csv&q=%s&sort=name&dir=desc" % s in ls, ls
    assert VEN + "?format=xlsx&q=%s&sort=name&dir=desc" % s in ls, ls
    st, x = page(VEN + "?q=%s&sort=name&dir=desc" % s)
    n = x.find("./data/vendors")
    assert n.get("next")
    assert VEN + "?at=%s&after=%s&q=%s&sort=name&dir=desc" % (n.get("next-at"), n.get("next"), s) in ls, ls
    # the inactive list keeps active=0 everywhere
    sql("UPDATE pledge_vendor SET active = 0 WHERE uscc LIKE '91ZL%'")
    r = get(VEN + "?active=0&sort=id&dir=desc")
    ls = links(r.text)
    assert VEN + "?sort=id&dir=asc&active=0" in ls, ls
    assert VEN + "?format=csv&active=0&sort=id&dir=desc" in ls, ls
    assert '<input type="hidden" name="active" value="0">' in r.text
    seen, pages = walk(VEN + "?active=0&sort=id&dir=desc", rows="./data/vendors", key=vid)
    assert seen == ven_sql("v.active = 0", "v.id DESC") and pages >= 2
    rows = csv_rows(VEN + "?format=csv&active=0&sort=id&dir=desc")
    assert [r[0] for r in rows[1:]] == seen


@with_rows
def test_ven_exports_equal_the_rows():
    st, x = page(VEN + "?q=" + q("列表厂商"))
    seen, pages = walk(VEN + "?q=" + q("列表厂商"), rows="./data/vendors", key=vid)
    rows = csv_rows(VEN + "?format=csv&q=" + q("列表厂商"))
    assert rows[0] == ["编号", "企业名称", "统一社会信用代码", "联系人", "联系电话", "状态", "签署日期"], rows[0]
    assert [r[0] for r in rows[1:]] == seen and len(seen) > PAGE
    for r, v in zip(rows[1:], x.findall("./data/vendors/vendor")):
        assert (r[0], r[1], r[2], r[3], r[4]) == (v.get("id"), v.findtext("name"), v.get("uscc"),
                                                   v.findtext("contact"), v.findtext("phone"))
        assert r[5] == "未签" and r[6] == ""
    xl = xlsx_rows(VEN + "?format=xlsx&sort=id&dir=asc&q=" + q("列表厂商"))
    assert xl[0] == rows[0] and [r[0] for r in xl[1:]] == sorted(seen, key=int)
    en = csv_rows(VEN + "?format=csv&lang=en&q=" + q("列表厂商"))
    assert en[0][1:5] == ["Company name", "Unified social credit code", "Contact person", "Phone"], en[0]
    assert en[1][5] == "Not signed"


@with_rows
def test_ven_unit_staff_see_and_export_their_unit_only():
    cs = unit_id("C-CS")
    serving = "v.active = 1 AND v.id IN (SELECT vendor_id FROM pledge_vendor_unit WHERE unit_id = %d)" % cs
    for login in ("cs_admin", "cs_head"):
        seen, pages = walk(VEN + "?sort=name", login, rows="./data/vendors", key=vid)
        assert seen == ven_sql(serving) and seen, login
        rows = csv_rows(VEN + "?format=csv", login)
        assert [r[0] for r in rows[1:]] == ven_sql(serving), login
        rows = xlsx_rows(VEN + "?format=xlsx&sort=id&dir=desc&q=" + q("列表厂商"), login)
        assert [r[0] for r in rows[1:]] == ven_sql("%s AND (%s)" % (serving, ven_match("列表厂商")), "v.id DESC")
    assert walk(VEN, "me_admin", rows="./data/vendors", key=vid)[0] == ven_sql(
        "v.active = 1 AND v.id IN (SELECT vendor_id FROM pledge_vendor_unit WHERE unit_id = %d)" % unit_id("C-ME"))


def test_ven_bad_list_parameters_are_refused_clearly():
    r = get(VEN + "?sort=uscc")
    assert r.status == 400 and "无法按此列排序" in r.text, r.status
    r = get(VEN + "?sort=id&at=abc&after=5")
    assert r.status == 400 and "翻页地址无效" in r.text
    r = get(VEN + "?format=doc")
    assert r.status == 400 and "CSV" in r.text
    r = get(VEN + "?sort=uscc&lang=en")
    assert r.status == 400 and "cannot be sorted" in r.text
