"""The everyday list tools on the incidents module's lists (issue 13): the
incident list and the threat notices — search, sortable columns, the status
and unit filters kept in every link, keyset pages under every sort, CSV and
XLSX of exactly the rows shown, the office's ?unit=ID as the dashboard's
cells link it, a unit's staff kept to their unit, bad parameters refused —
checked against the database (core/listq.h, core/sheet.h)."""
import datetime, html, re, uuid
from lib import get, one, page, sql, unit_id
from listlib import csv_rows, links, q, xlsx_rows, walk as _walk


def walk(path, rows, login="office"):
    return _walk(path, login, rows, count=True)

PAGE = 50           # INC_PAGE_ROWS
INC = "/incidents/list"
NOT = "/incidents/notices"


# -- the rows the tests add ----------------------------------------------------------

def _add_incidents(n=73):
    """n incidents of C-CS and C-ME tagged TAG, start times in pairs (the id breaks the tie)."""
    tag = "LQ" + uuid.uuid4().hex[:6]
    cs, me = unit_id("C-CS"), unit_id("C-ME")
    base = datetime.datetime(2026, 3, 1, 8, 0, 0)
    vals = []
    for i in range(n):
        u = cs if i % 3 else me
        start = base + datetime.timedelta(hours=i // 2)
        rep = start + datetime.timedelta(minutes=7 * (i % 5))
        closed = i % 4 == 0
        vals.append("(%d, %d, '%s', '%s', '%s', '填%s%d', 'gbt2023', 'malware', '描述%s-%03d 列表测试', '', '', '',"
                    " '%s', %s, 1800, 3600, 7200, 3600, 3600, 1, '%s%03d', 'test', 'test')"
                    % (u, u, start, start, rep, tag, i % 3, tag, i, "closed" if closed else "open",
                       "'%s'" % (rep + datetime.timedelta(days=1)) if closed else "NULL", tag, i))
    sql("INSERT INTO inc_incident (unit_id, reporting_unit_id, started_at, discovered_at, reported_at, filled_by,"
        " taxonomy, category, description, measures, consequences, suggestions, status, closed_at,"
        " lim_first_ontime, lim_first_late, lim_first_missed, lim_written, lim_review, lim_rectify_days, nonce,"
        " created_by, updated_by) VALUES " + ",".join(vals))
    return tag


def _drop_incidents(tag):
    sql("DELETE FROM inc_incident WHERE nonce LIKE '%s%%'" % tag)


def _add_notices(n=80):
    """n notices of C-CS and C-ME numbered TAG-NNN, due dates in pairs, some accepted, some overdue."""
    tag = "NQ" + uuid.uuid4().hex[:6]
    cs, me = unit_id("C-CS"), unit_id("C-ME")
    base = datetime.datetime.now().replace(microsecond=0) - datetime.timedelta(days=20)
    vals = []
    for i in range(n):
        u = cs if i % 3 else me
        rec = base + datetime.timedelta(hours=5 * i)
        due = datetime.datetime(2026, 1, 1) + datetime.timedelta(days=i // 2) if i % 5 == 0 else \
            rec + datetime.timedelta(days=14, hours=(i // 2) % 3)
        status = "accepted" if i % 4 == 0 else "assigned"
        resp = "'%s'" % (rec + datetime.timedelta(days=1)) if status == "accepted" else "NULL"
        vals.append("(%d, 'LQ测试平台', '%s-%03d', '%s', '列表通报%s %d', '%s', '%s', %s, '%s%03d', 'test', 'test')"
                    % (u, tag, i, rec, tag, i, due, status, resp, tag, i))
    sql("INSERT INTO inc_notice (unit_id, source, notice_no, received_at, description, due_at, status,"
        " responded_at, nonce, created_by, updated_by) VALUES " + ",".join(vals))
    return tag


def _drop_notices(tag):
    sql("DELETE FROM inc_notice WHERE nonce LIKE '%s%%'" % tag)


# -- the incident list ---------------------------------------------------------------

def inc_ids(where="1", order="i.id DESC"):
    return [r[0] for r in sql("SELECT i.id FROM inc_incident i JOIN unit u ON u.id = i.unit_id WHERE (%s)"
                              " ORDER BY %s" % (where, order))]


def _inc_match(s):
    num = s.lstrip("#")
    return ("i.id = %s OR i.description LIKE '{0}%%' OR i.filled_by LIKE '{0}%%' OR u.code LIKE '{0}%%'"
            " OR u.name LIKE '{0}%%' OR u.name_en LIKE '{0}%%'" % (num if num.isdigit() else "0")).format(s)


def test_inc_search_by_description_number_unit_and_person():
    tag = _add_incidents()
    try:
        for s in ["描述" + tag, "填" + tag + "1", "C-ME", one("SELECT name FROM unit WHERE code = 'C-CS'")[:3]]:
            seen, pages = walk(INC + "?q=" + q(s), "./data/incidents")
            want = inc_ids(_inc_match(s))
            assert seen == want and want, (s, seen, want)
        seen, pages = walk(INC + "?q=" + q("描述" + tag), "./data/incidents")
        assert pages == 2 and len(seen) == 73
        # the number: that incident only, with or without its #
        nid = one("SELECT id FROM inc_incident WHERE nonce = '%s005'" % tag)
        for s in [nid, "#" + nid]:
            st, x = page(INC + "?q=" + q(s))
            assert [e.get("id") for e in x.findall("./data/incidents/incident")] == inc_ids(_inc_match(s)), s
            assert nid in [e.get("id") for e in x.findall("./data/incidents/incident")]
        # the search box shows it
        r = get(INC + "?q=" + q("填" + tag))
        assert 'name="q"' in r.text and 'value="%s"' % html.escape("填" + tag) in r.text
    finally:
        _drop_incidents(tag)


def test_inc_sorts_equal_sql_over_every_page():
    tag = _add_incidents()
    try:
        total = int(one("SELECT COUNT(*) FROM inc_incident"))
        for sort, d, order in [("id", "desc", "i.id DESC"), ("id", "asc", "i.id"),
                               ("started", "asc", "i.started_at, i.id"),
                               ("started", "desc", "i.started_at DESC, i.id DESC"),
                               ("reported", "asc", "i.reported_at, i.id"),
                               ("reported", "desc", "i.reported_at DESC, i.id DESC")]:
            st, x = page(INC + "?sort=%s&dir=%s" % (sort, d))
            f = x.find("./data/filter")
            assert (f.get("sort"), f.get("dir")) == (sort, d)
            seen, pages = walk(INC + "?sort=%s&dir=%s" % (sort, d), "./data/incidents")
            assert seen == inc_ids(order=order) and len(seen) == total > PAGE, (sort, d)
        # with the filters, their rows only, in the sort's order
        me = unit_id("C-ME")
        seen, _ = walk(INC + "?status=closed&unit=%d&sort=started&dir=desc" % me, "./data/incidents")
        assert seen == inc_ids("i.status = 'closed' AND i.unit_id = %d" % me, "i.started_at DESC, i.id DESC")
        assert seen
        seen, _ = walk(INC + "?status=open&q=%s&sort=reported&dir=asc" % q("描述" + tag), "./data/incidents")
        assert seen == inc_ids("i.status = 'open' AND (%s)" % _inc_match("描述" + tag), "i.reported_at, i.id")
        assert len(seen) > PAGE
    finally:
        _drop_incidents(tag)


def test_inc_links_keep_the_filters():
    tag = _add_incidents(120)           # 80 of C-CS, 60 of them open
    try:
        cs = unit_id("C-CS")
        s = q("描述" + tag)
        r = get(INC + "?status=open&unit=%d&q=%s&sort=started&dir=asc" % (cs, s))
        assert r.status == 200, r
        got = links(r.text)
        keep = "&status=open&unit=%d" % cs
        assert INC + "?sort=started&dir=desc%s&q=%s" % (keep, s) in got, got
        assert INC + "?sort=id&dir=asc%s&q=%s" % (keep, s) in got, got
        assert INC + "?sort=reported&dir=asc%s&q=%s" % (keep, s) in got, got
        assert INC + "?format=csv%s&q=%s&sort=started&dir=asc" % (keep, s) in got, got
        assert INC + "?format=xlsx%s&q=%s&sort=started&dir=asc" % (keep, s) in got, got
        assert '<input type="hidden" name="unit" value="%d">' % cs in r.text
        assert '<input type="hidden" name="sort" value="started">' in r.text
        # the unit shown by name, with a way back to every unit that keeps the rest
        name = one("SELECT name FROM unit WHERE id = %d" % cs)
        assert "单位：%s" % name in r.text
        assert INC + "?status=open&q=%s&sort=started&dir=asc" % s in got, got
        # the pager: next keeps everything, first comes back to the first page
        path = INC + "?status=open&unit=%d&sort=started&dir=desc" % cs
        st, x = page(path)
        n = x.find("./data/incidents")
        assert n.get("next"), "more than a page"
        nxt = INC + "?at=%s&after=%s%s&sort=started&dir=desc" % (n.get("next-at"), n.get("next"), keep)
        assert nxt in links(get(path).text)
        r = get(nxt)
        assert INC + "?sort=started&dir=desc" + keep in links(r.text)
    finally:
        _drop_incidents(tag)


def test_inc_exports_equal_the_rows():
    tag = _add_incidents()
    try:
        path = "?sort=started&dir=asc&q=" + q("描述" + tag)
        seen, pages = walk(INC + path, "./data/incidents")
        rows = csv_rows(INC + "?format=csv&" + path[1:])
        assert rows[0] == ["编号", "单位代码", "事发单位", "事件分类", "事件描述（摘要）", "事件级别", "事件起始时间",
                           "报告时间", "状态", "结案时间", "填报人"], rows[0]
        assert [r[0] for r in rows[1:]] == seen and len(seen) == 73     # every page, in page order
        st, x = page(INC + path)
        for r, e in zip(rows[1:], x.findall("./data/incidents/incident")):
            assert (r[0], r[1], r[2], r[4]) == (e.get("id"), e.get("unit-code"), e.find("unit").text,
                                                e.find("summary").text)
            assert (r[6], r[7]) == (e.get("started"), e.get("reported"))
            assert r[8] == {"open": "处理中", "closed": "已结案"}[e.get("status")]
            assert r[9] == (e.get("closed") or "")
        db = {row[0]: row[1:] for row in sql("SELECT id, filled_by, category FROM inc_incident WHERE nonce LIKE '%s%%'"
                                             % tag)}
        assert all(r[10] == db[r[0]][0] for r in rows[1:])
        assert {r[3] for r in rows[1:]} == {"恶意程序事件"}, {r[3] for r in rows[1:]}      # the category's words
        # XLSX: the same rows; English titles and words with lang=en
        xr = xlsx_rows(INC + "?format=xlsx&lang=en&" + path[1:])
        assert xr[0][:3] == ["No.", "Unit code", "Incident unit"], xr[0]
        assert [r[0] for r in xr[1:]] == seen
        assert [r[:2] + r[4:5] + r[6:8] + r[9:] for r in xr[1:]] == [r[:2] + r[4:5] + r[6:8] + r[9:] for r in rows[1:]]
        names = dict(sql("SELECT code, COALESCE(NULLIF(name_en, ''), name) FROM unit"))
        assert all(r[2] == names[r[1]] for r in xr[1:])
        assert {r[8] for r in xr[1:]} == {"open", "closed"}
    finally:
        _drop_incidents(tag)


def test_inc_unit_staff_see_and_export_their_own_unit_only():
    tag = _add_incidents()
    try:
        cs, me = unit_id("C-CS"), unit_id("C-ME")
        # ?unit= of another unit changes nothing for them
        for path in [INC + "?unit=%d" % me, INC + "?q=C-ME", INC + "?q=" + q("描述" + tag)]:
            seen, _ = walk(path, "./data/incidents", "cs_admin")
            want = inc_ids("i.unit_id = %d" % cs + (" AND (%s)" % _inc_match("描述" + tag) if "LQ" in path else
                                                    " AND (%s)" % _inc_match("C-ME") if "q=" in path else ""))
            assert seen == want, path
        rows = csv_rows(INC + "?format=csv&unit=%d&sort=reported" % me, "cs_admin")
        assert {r[1] for r in rows[1:]} == {"C-CS"}
        assert [r[0] for r in rows[1:]] == inc_ids("i.unit_id = %d" % cs, "i.reported_at DESC, i.id DESC")
        xr = xlsx_rows(INC + "?format=xlsx&q=C-ME", "cs_head")
        assert xr[1:] == []
    finally:
        _drop_incidents(tag)


def test_inc_bad_parameters_are_refused_clearly():
    for path, text in [("?sort=password", "无法按此列排序"), ("?sort=started&dir=up", "升序"),
                       ("?q=" + q("网" * 65), "最多 64 个字"), ("?sort=started&after=5", "翻页地址无效"),
                       ("?format=pdf", "CSV"), ("?unit=C-CS", "单位的编号"), ("?unit=0", "单位的编号"),
                       ("?sort=id&at=x&after=3", "翻页地址无效")]:
        r = get(INC + path)
        assert r.status == 400 and text in r.text, (path, r)
    assert get(INC + "?q=" + q("网" * 64)).status == 200
    r = get(INC + "?sort=password&lang=en")
    assert r.status == 400 and "cannot be sorted" in r.text
    r = get(INC + "?unit=x&lang=en")
    assert r.status == 400 and "unit=NUMBER" in r.text
    # a unit that does not exist: no rows, not every unit's
    st, x = page(INC + "?unit=999999")
    assert st == 200 and x.findall("./data/incidents/incident") == []


# -- threat notices ------------------------------------------------------------------

def nt_ids(where="1", order="n.id DESC"):
    # the threat notices' list: a rectification notice (schema 035) is another list's
    return [r[0] for r in sql("SELECT n.id FROM inc_notice n JOIN unit u ON u.id = n.unit_id"
                              " WHERE n.kind = 'threat' AND (%s)"
                              " ORDER BY %s" % (where, order))]


def _nt_match(s):
    return ("n.notice_no LIKE '{0}%' OR n.description LIKE '{0}%' OR u.code LIKE '{0}%' OR u.name LIKE '{0}%'"
            " OR u.name_en LIKE '{0}%'").format(s)


class _Status(dict):
    """The status filters in SQL; overdue against the site's clock (the tests run in its zone), not the server's NOW()."""
    def __getitem__(self, k):
        if k == "overdue":
            return "n.waiting = 1 AND n.due_at < '%s'" % datetime.datetime.now().replace(microsecond=0)
        return dict.__getitem__(self, k)


STATUS = _Status({"open": "n.open_ = 1", "all": "1"})


def test_nt_search_by_number_description_and_unit():
    tag = _add_notices()
    try:
        for st_, s in [("all", tag), ("all", "列表通报" + tag), ("open", tag + "-01"), ("all", "C-ME"),
                       ("open", one("SELECT name FROM unit WHERE code = 'C-CS'"))]:
            seen, pages = walk(NOT + "?status=%s&q=%s" % (st_, q(s)), "./data/notices")
            order = "n.id DESC" if st_ == "all" else "n.due_at, n.id"
            want = nt_ids("(%s) AND (%s)" % (STATUS[st_], _nt_match(s)), order)
            assert seen == want and want, (st_, s, seen, want)
        seen, pages = walk(NOT + "?status=all&q=" + tag, "./data/notices")
        assert len(seen) == 80 and pages == 2
    finally:
        _drop_notices(tag)


def test_nt_sorts_equal_sql_over_every_page_for_every_status():
    tag = _add_notices()
    try:
        for st_ in ("open", "overdue", "all"):
            default = "n.id DESC" if st_ == "all" else "n.due_at, n.id"
            seen, _ = walk(NOT + "?status=" + st_, "./data/notices")
            assert seen == nt_ids(STATUS[st_], default) and seen, st_
            for sort, d, order in [("due", "asc", "n.due_at, n.id"), ("due", "desc", "n.due_at DESC, n.id DESC"),
                                   ("received", "asc", "n.received_at, n.id"),
                                   ("received", "desc", "n.received_at DESC, n.id DESC"),
                                   ("id", "asc", "n.id"), ("id", "desc", "n.id DESC")]:
                seen, pages = walk(NOT + "?status=%s&sort=%s&dir=%s" % (st_, sort, d), "./data/notices")
                assert seen == nt_ids(STATUS[st_], order), (st_, sort, d)
        assert len(nt_ids(STATUS["all"])) > PAGE and len(nt_ids(STATUS["open"])) > PAGE
        me = unit_id("C-ME")
        seen, _ = walk(NOT + "?status=all&unit=%d&sort=due&dir=desc" % me, "./data/notices")
        assert seen == nt_ids("n.unit_id = %d" % me, "n.due_at DESC, n.id DESC") and seen
    finally:
        _drop_notices(tag)


def test_nt_links_keep_status_unit_search_and_sort():
    tag = _add_notices()
    try:
        me = unit_id("C-ME")
        r = get(NOT + "?status=all&unit=%d&q=%s&sort=received&dir=desc" % (me, tag))
        assert r.status == 200, r
        got = links(r.text)
        keep = "&status=all&unit=%d" % me
        assert NOT + "?sort=received&dir=asc%s&q=%s" % (keep, tag) in got, got
        assert NOT + "?sort=due&dir=asc%s&q=%s" % (keep, tag) in got, got
        assert NOT + "?format=csv%s&q=%s&sort=received&dir=desc" % (keep, tag) in got, got
        assert NOT + "?format=xlsx%s&q=%s&sort=received&dir=desc" % (keep, tag) in got, got
        # the status tabs keep the unit and the search
        assert NOT + "?status=overdue&unit=%d&q=%s" % (me, tag) in got, got
        assert '<input type="hidden" name="status" value="all">' in r.text
        assert '<input type="hidden" name="unit" value="%d">' % me in r.text
        cs = unit_id("C-CS")
        path = NOT + "?status=all&unit=%d&sort=received" % cs
        st, x = page(path)
        n = x.find("./data/notices")
        assert n.get("next")
        # under status=all every sort runs newest first unless told otherwise
        nxt = NOT + "?at=%s&after=%s&status=all&unit=%d&sort=received&dir=desc" % (n.get("next-at"), n.get("next"), cs)
        assert nxt in links(get(path).text), links(get(path).text)
    finally:
        _drop_notices(tag)


def test_nt_exports_equal_the_rows():
    tag = _add_notices()
    try:
        for st_ in ("open", "all"):
            path = "?status=%s&sort=due&dir=desc" % st_
            seen, _ = walk(NOT + path, "./data/notices")
            rows = csv_rows(NOT + path + "&format=csv")
            assert rows[0] == ["通报编号", "通报来源", "单位代码", "处置单位", "事件描述", "接收时间", "反馈期限", "状态",
                               "时效"], rows[0]
            nos = dict(sql("SELECT notice_no, id FROM inc_notice"))
            assert [nos[r[0]] for r in rows[1:]] == seen and len(seen) > PAGE
            st, x = page(NOT + path)
            for r, e in zip(rows[1:], x.findall("./data/notices/notice")):
                assert (r[0], r[2], r[3], r[5], r[6]) == (e.get("notice-no"), e.get("unit-code"), e.find("unit").text,
                                                          e.get("received"), e.get("due"))
                assert r[4] == e.find("description").text and r[1] == e.find("source").text
            xr = xlsx_rows(NOT + path + "&format=xlsx&lang=en")
            assert xr[0][0] == "Notice number" and [nos[r[0]] for r in xr[1:]] == seen
            assert [r[:3] + r[4:7] for r in xr[1:]] == [r[:3] + r[4:7] for r in rows[1:]]
        # the status and the timing in words, not codes
        rows = csv_rows(NOT + "?status=all&format=csv&q=" + tag)
        assert {r[7] for r in rows[1:]} == {"待单位处置", "已通过"}, {r[7] for r in rows[1:]}
        assert "已超期" in {r[8] for r in rows[1:]}
    finally:
        _drop_notices(tag)


def test_nt_unit_staff_see_and_export_their_own_unit_only():
    tag = _add_notices()
    try:
        cs, me = unit_id("C-CS"), unit_id("C-ME")
        seen, _ = walk(NOT + "?status=all&unit=%d" % me, "./data/notices", "cs_admin")
        assert seen == nt_ids("n.unit_id = %d" % cs) and seen
        seen, _ = walk(NOT + "?status=open&q=" + tag, "./data/notices", "cs_admin")
        assert seen == nt_ids("n.unit_id = %d AND n.open_ = 1 AND (%s)" % (cs, _nt_match(tag)), "n.due_at, n.id")
        rows = csv_rows(NOT + "?status=all&format=csv&unit=%d" % me, "cs_admin")
        assert {r[2] for r in rows[1:]} == {"C-CS"}
        assert xlsx_rows(NOT + "?status=all&format=xlsx&q=C-ME", "cs_head")[1:] == []
    finally:
        _drop_notices(tag)


def test_nt_bad_parameters_are_refused_clearly():
    for path, text in [("?sort=unit", "无法按此列排序"), ("?status=all&dir=sideways", "升序"),
                       ("?q=" + q("通" * 65), "最多 64 个字"), ("?sort=due&after=3", "翻页地址无效"),
                       ("?format=doc", "CSV"), ("?unit=-1", "单位的编号")]:
        r = get(NOT + path)
        assert r.status == 400 and text in r.text, (path, r)
    assert get(NOT + "?q=" + q("\x01")).status == 400


# -- important periods -----------------------------------------------------------

PER = "/incidents/periods"


def _add_periods(n=64):
    """n periods of 2024 named TAG-NNN (pairs start on the same day), C-CS reporting some of their days."""
    tag = "PQ" + uuid.uuid4().hex[:6]
    vals = []
    for i in range(n):
        start = datetime.date(2024, 1, 1) + datetime.timedelta(days=3 * (i // 2))
        end = start + datetime.timedelta(days=i % 4)
        vals.append("('%s-%03d 保障', '%s', '%s', '备注%d', '%s%03d', 'test')" % (tag, (n - i) % 37, start, end, i, tag, i))
    sql("INSERT INTO inc_period (name, starts, ends, remark, nonce, created_by) VALUES " + ",".join(vals))
    cs = unit_id("C-CS")
    sql("INSERT INTO inc_period_report (period_id, unit_id, day, status, remark, reported_at, reported_by, nonce)"
        " SELECT p.id, %d, p.starts + INTERVAL k.d DAY, 'clear', '', NOW(), 'test', CONCAT('%s', p.id, '-', k.d)"
        " FROM inc_period p JOIN (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2) k"
        " ON p.starts + INTERVAL k.d DAY <= p.ends AND k.d < p.id %% 3"
        " WHERE p.nonce LIKE '%s%%'" % (cs, tag, tag))
    return tag


def _drop_periods(tag):
    sql("DELETE r FROM inc_period_report r JOIN inc_period p ON p.id = r.period_id WHERE p.nonce LIKE '%s%%'" % tag)
    sql("DELETE FROM inc_period WHERE nonce LIKE '%s%%'" % tag)


def pd_ids(where="1", order="p.id DESC"):
    return [r[0] for r in sql("SELECT p.id FROM inc_period p WHERE (%s) ORDER BY %s" % (where, order))]


def test_pd_search_sorts_and_pages_equal_sql():
    tag = _add_periods()
    try:
        seen, pages = walk(PER + "?q=" + tag, "./data/periods")
        assert seen == pd_ids("p.name LIKE '%s%%'" % tag) and len(seen) == 64 and pages == 2
        seen, _ = walk(PER + "?q=" + q(tag + "-01"), "./data/periods")
        assert seen == pd_ids("p.name LIKE '%s-01%%'" % tag) and seen
        for sort, d, order in [("id", "desc", "p.id DESC"), ("id", "asc", "p.id"), ("starts", "asc", "p.starts, p.id"),
                               ("starts", "desc", "p.starts DESC, p.id DESC"), ("name", "asc", "p.name, p.id"),
                               ("name", "desc", "p.name DESC, p.id DESC")]:
            seen, pages = walk(PER + "?sort=%s&dir=%s" % (sort, d), "./data/periods")
            assert seen == pd_ids(order=order) and pages >= 2, (sort, d)
        # the links keep the search, the unit and the sort
        cs = unit_id("C-CS")
        r = get(PER + "?unit=%d&q=%s&sort=starts&dir=asc" % (cs, tag))
        got = links(r.text)
        assert PER + "?sort=starts&dir=desc&unit=%d&q=%s" % (cs, tag) in got, got
        assert PER + "?sort=name&dir=asc&unit=%d&q=%s" % (cs, tag) in got, got
        assert PER + "?format=xlsx&unit=%d&q=%s&sort=starts&dir=asc" % (cs, tag) in got, got
        st, x = page(PER + "?unit=%d&q=%s&sort=starts&dir=asc" % (cs, tag))
        n = x.find("./data/periods")
        assert PER + "?at=%s&after=%s&unit=%d&q=%s&sort=starts&dir=asc" % (n.get("next-at"), n.get("next"), cs, tag) in got
    finally:
        _drop_periods(tag)


def test_pd_unit_counts_its_reported_days():
    tag = _add_periods()
    try:
        cs, me = unit_id("C-CS"), unit_id("C-ME")
        want = {r[0]: (r[1], r[2]) for r in sql(
            "SELECT p.id, DATEDIFF(p.ends, p.starts) + 1, (SELECT COUNT(*) FROM inc_period_report r"
            " WHERE r.period_id = p.id AND r.unit_id = %d) FROM inc_period p WHERE p.nonce LIKE '%s%%'" % (cs, tag))}
        assert any(int(v[1]) > 0 for v in want.values()) and any(v[1] < v[0] for v in want.values())
        for path, login in [(PER + "?unit=%d&q=%s" % (cs, tag), "office"), (PER + "?unit=%d&q=%s" % (me, tag), "cs_admin")]:
            got = {}
            url = path
            while url:
                st, x = page(url, login)
                assert st == 200
                for e in x.findall("./data/periods/period"):
                    got[e.get("id")] = (e.get("days"), e.get("reported"))
                n = x.find("./data/periods")
                url = n.get("next") and "%s&at=%s&after=%s" % (path, n.get("next-at"), n.get("next"))
            assert got == want, (login, got, want)
            assert x.find("./data/filter").get("unit-name") == one("SELECT name FROM unit WHERE id = %d" % cs)
        # without a unit, no counts
        st, x = page(PER + "?q=" + tag)
        assert all(e.get("reported") is None for e in x.findall("./data/periods/period"))
        # the export: the same rows in the same order, with the unit's counts when there is one
        seen, _ = walk(PER + "?q=%s&sort=name" % tag, "./data/periods")
        names = dict(sql("SELECT id, name FROM inc_period WHERE nonce LIKE '%s%%'" % tag))
        rows = csv_rows(PER + "?format=csv&q=%s&sort=name" % tag)
        assert rows[0] == ["名称", "开始日期", "结束日期", "备注"], rows[0]
        assert [r[0] for r in rows[1:]] == [names[i] for i in seen]
        rows = xlsx_rows(PER + "?format=xlsx&q=%s&sort=name&unit=%d&lang=en" % (tag, cs))
        assert rows[0][-2:] == ["Days so far", "Days reported"], rows[0]
        assert [(r[4], r[5]) for r in rows[1:]] == [want[i] for i in seen]
        rows = csv_rows(PER + "?format=csv&q=%s&sort=name&unit=%d" % (tag, me), "cs_admin")
        assert [(r[4], r[5]) for r in rows[1:]] == [want[i] for i in seen]
    finally:
        _drop_periods(tag)


def test_pd_bad_parameters_are_refused_clearly():
    for path, text in [("?sort=ends", "无法按此列排序"), ("?sort=starts&at=2024-13-01&after=3", "翻页地址无效"),
                       ("?dir=x", "升序"), ("?format=json", "CSV"), ("?unit=%27", "单位的编号")]:
        r = get(PER + path)
        assert r.status == 400 and text in r.text, (path, r)
    assert get(PER + "?sort=starts&at=2024-12-01&after=3").status == 200


# -- the dashboard's links -----------------------------------------------------------

def test_dashboard_cells_land_on_the_units_records():
    st, x = page("/dashboard/")
    assert st == 200
    r = get("/dashboard/")
    got = [h for h in links(r.text) if h.startswith("/incidents/")]
    inc = [h for h in got if h.startswith(INC + "?unit=")]
    nts = [h for h in got if h.startswith(NOT + "?")]
    pds = [h for h in got if h.startswith(PER + "?unit=")]
    assert inc and nts and pds, got
    for h in pds[:3]:
        u = int(re.search(r"unit=(\d+)", h).group(1))
        st, x = page(h)
        assert st == 200 and x.find("./data/filter").get("unit") == str(u)
        for e in x.findall("./data/periods/period"):
            assert e.get("reported") == one("SELECT COUNT(*) FROM inc_period_report WHERE period_id = %s"
                                            " AND unit_id = %d" % (e.get("id"), u))
    for h in inc[:3] + nts[:3]:
        u = int(re.search(r"unit=(\d+)", h).group(1))
        if h.startswith(INC):
            seen, _ = walk(h, "./data/incidents")
            assert seen == inc_ids("i.unit_id = %d" % u), h
        else:
            st_ = re.search(r"status=(\w+)", h).group(1)
            seen, _ = walk(h, "./data/notices")
            assert seen == nt_ids("n.unit_id = %d AND %s" % (u, STATUS[st_]),
                                  "n.id DESC" if st_ == "all" else "n.due_at, n.id"), h
        # the unit shown by name
        st, x = page(h)
        assert x.find("./data/filter").get("unit-name") == one("SELECT name FROM unit WHERE id = %d" % u)
    # the yearly scorecard's links too
    code = one("SELECT code FROM unit WHERE id = %d" % int(re.search(r"unit=(\d+)", inc[0]).group(1)))
    card = [h for h in links(get("/dashboard/unit/" + code).text) if h.startswith("/incidents/")]
    assert any(h.startswith(INC + "?unit=") for h in card) and any(h.startswith(NOT) for h in card), card
    for h in card:
        assert get(h).status == 200, h
