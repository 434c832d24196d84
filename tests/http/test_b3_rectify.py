"""Inspection rectification notices (限期整改通知书, seed 003 art. 35; schema
035): the office issues one to a unit with its findings and the deadline the
notice states (a date, stored as the end of that day, not computed); the
unit submits its rectification report (a text and a file, as a threat
notice's response); the office returns it with a reason or closes it;
overdue past the deadline until closed, whoever's turn it is; the printable
notice; the to-do rows; another unit neither sees nor acts; CSRF; bad input
is a 422 with the values kept and nothing written; the list's search, sort,
unit filter and CSV/XLSX exports equal to its rows."""
import datetime, hashlib, uuid
from lib import form, get, one, page, request, sql, unit_id
from fixtures import ELF, PDF, at_once, dt, fresh_unit, location_id, multipart, now, post_xml
from listlib import csv_rows, xlsx_rows, walk as _walk


def walk(path, login="office"):
    return _walk(path, login, "./data/notices")[0]


BASE = "/incidents/rectify"
FINDINGS = ["门户网站后台使用弱口令。", "服务器未及时安装安全补丁。", "未建立日志留存制度。"]


def new_form(**kw):
    f = form(BASE + "/new?assignee=C-CS")
    f.update({"notice_no": "网信整改-" + uuid.uuid4().hex[:10], "inspection": "2026年度网络安全专项检查",
              "assignee": "C-CS", "issued_at": dt(now() - datetime.timedelta(hours=1)),
              "due_on": (datetime.date.today() + datetime.timedelta(days=15)).isoformat(),
              "findings": "\n".join(FINDINGS)})
    f.update(kw)
    return f


def issue(**kw):
    f = new_form(**kw)
    return location_id(request("POST", BASE + "/new", "office", body=f)), f


def notice(nid, login="office"):
    st, x = page("%s/%d" % (BASE, nid), login)
    assert st == 200, (nid, login, st)
    return x


def report(nid, login="cs_admin", result="已修改口令，安装补丁，建立日志制度。",
           file=("report.pdf", PDF, "application/pdf"), f=None):
    if f is None:
        x = notice(nid, login)
        f = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
        f["csrf"] = x.findtext("./csrf")
    f["result"] = result
    body, ctype = multipart(f, {"file": file} if file else {})
    return request("POST", "%s/%d/report" % (BASE, nid), login, body=body,
                   headers={"Content-Type": ctype, "Accept": "application/xml"}), f


def decide(nid, what, login="office", **kw):
    x = notice(nid, login)
    f = {"version": x.find("./data/notice").get("version"), "csrf": x.findtext("./csrf")}
    f.update(kw)
    return post_xml("%s/%d/%s" % (BASE, nid, what), f, login)


def row(nid):
    return sql("SELECT kind, unit_id, source, notice_no, inspection, description, due_at, status, version"
               " FROM inc_notice WHERE id=%d" % nid)[0]


def test_issue_with_findings_and_the_stated_deadline():
    nid, f = issue(due_on="2026-10-03", issued_at="2026-09-24T15:00",
                   findings="  门户网站后台使用弱口令。 \r\n\r\n服务器未及时安装安全补丁。\r\n未建立日志留存制度。\n")
    # the deadline as stated (a National Day holiday: not moved), the findings one a line
    # (the client shows a stored newline as \n)
    assert row(nid) == ["rectify", str(unit_id("C-CS")), "", f["notice_no"], f["inspection"], "\\n".join(FINDINGS),
                        "2026-10-03 23:59:59", "assigned", "1"]
    assert one("SELECT received_at FROM inc_notice WHERE id=%d" % nid) == "2026-09-24 15:00:00"
    a = sql("SELECT login, action, after_data FROM audit WHERE record_type='rectify' AND record_id=%d" % nid)
    assert len(a) == 1 and a[0][:2] == ["office", "create"] and '"due_at":"2026-10-03 23:59:59"' in a[0][2]
    n = notice(nid, "cs_admin").find("./data/notice")
    assert n.get("kind") == "rectify" and n.get("due") == "2026-10-03 23:59:59" and n.get("timing") == "overdue"
    assert [e.text for e in n.findall("./findings/finding")] == FINDINGS
    assert n.findtext("inspection") == f["inspection"]
    assert [c.get("action") for c in notice(nid, "cs_admin").findall("./data/can")] == ["report"]
    html = get("%s/%d" % (BASE, nid), "cs_admin").text
    assert "<ol class=\"findings\">" in html and FINDINGS[1] in html and "/incidents/rectify/%d/report" % nid in html
    # a threat notice is not one, nor the other way round
    assert get("/incidents/notices/%d" % nid).status == 404
    threat = one("SELECT id FROM inc_notice WHERE kind='threat' LIMIT 1")
    if threat:
        assert get("%s/%s" % (BASE, threat)).status == 404


def test_the_printed_notice():
    nid, f = issue(due_on="2026-12-31", issued_at="2026-12-01T09:30")
    r = get("%s/%d/print" % (BASE, nid), "cs_admin")
    assert r.status == 200, r
    t = r.text
    assert "限期整改通知书" in t and "编号：" + f["notice_no"] in t
    assert "于 2026 年 12 月 31 日前整改到位" in t and "2026 年 12 月 01 日" in t
    assert all(x in t for x in FINDINGS) and "网信办（盖章）" in t and "签发人：" in t and "回　执" in t
    assert "@page" in t                                                  # the print layout, A4
    en = get("%s/%d/print?lang=en" % (BASE, nid), "cs_admin").text
    assert "by 2026-12-31" in en and "Cybersecurity office (seal)" in en
    assert get("%s/%d/print" % (BASE, nid), "me_admin").status == 403


def test_report_return_report_close():
    nid, _ = issue()
    data = b"%PDF-1.4\n" + bytes(range(256)) * 300
    r, f = report(nid, file=("rectified.pdf", data, "application/pdf"))
    assert r.status == 303 and r.header("location") == "%s/%d?saved=rectify.report" % (BASE, nid), r.header("location")
    assert "已提交整改报告，等待网信办验收。" in get(r.header("location"), "cs_admin").text
    assert row(nid)[7:] == ["responded", "2"]
    got = sql("SELECT r.result, r.submitted_by, f.sha256, f.unit_id, r.file_id FROM inc_notice_response r"
              " JOIN inc_file f ON f.id=r.file_id WHERE r.notice_id=%d" % nid)
    assert len(got) == 1 and got[0][:4] == ["已修改口令，安装补丁，建立日志制度。", "cs_admin",
                                            hashlib.sha256(data).hexdigest(), str(unit_id("C-CS"))]
    d = get("/incidents/files/%s" % got[0][4], "office")
    assert d.status == 200 and d.body == data
    # the double submit of that report is one report
    r2, _ = report(nid, f=dict(f))
    assert r2.status == 303 and one("SELECT COUNT(*) FROM inc_notice_response WHERE notice_id=%d" % nid) == "1"
    assert {c.get("action") for c in notice(nid).findall("./data/can")} == {"close", "return"}
    assert notice(nid, "cs_admin").findall("./data/can") == []
    assert decide(nid, "close", "cs_admin").status == 403
    r = decide(nid, "return")
    assert r.status == 422 and r.xml().find("./data/form/field[@name='reason']").get("error") == "required"
    assert row(nid)[7] == "responded"
    assert decide(nid, "return", reason="缺少补丁安装记录。").status == 303
    assert row(nid)[7] == "returned"
    assert [c.get("action") for c in notice(nid, "cs_admin").findall("./data/can")] == ["report"]
    r, _ = report(nid, result="已补充补丁安装记录。")
    assert r.status == 303
    assert decide(nid, "close").status == 303
    assert sql("SELECT status, accepted_at IS NOT NULL, version FROM inc_notice WHERE id=%d" % nid) == \
        [["accepted", "1", "5"]]
    assert [x[0] for x in sql("SELECT COALESCE(decision, '') FROM inc_notice_response WHERE notice_id=%d"
                              " ORDER BY id" % nid)] == ["returned", "accepted"]
    x = notice(nid, "cs_head")
    assert x.find("./data/notice").get("timing") == "on_time" and x.findall("./data/can") == []
    assert [a[0] for a in sql("SELECT action FROM audit WHERE record_type='rectify' AND record_id=%d ORDER BY id"
                              % nid)] == ["create", "report", "return", "report", "close"]
    # a second close of the closed notice: 409, nothing changes
    f = {"version": "4", "csrf": notice(nid).findtext("./csrf")}
    assert post_xml("%s/%d/close" % (BASE, nid), f).status == 409
    assert row(nid)[8] == "5"


def test_overdue_until_closed_and_the_to_do():
    # a unit of its own: C-CS's to-do holds whatever earlier test files left there
    code, staff, _ = fresh_unit("B3")
    old, _ = issue(assignee=code, issued_at=dt(now() - datetime.timedelta(days=20)),
                   due_on=(datetime.date.today() - datetime.timedelta(days=3)).isoformat())
    fresh, _ = issue()
    ids = lambda path, login="office": [n.get("id") for n in page(path, login)[1].findall("./data/notices/notice")]
    over = ids(BASE + "?status=overdue")
    assert str(old) in over and str(fresh) not in over
    assert all(n.get("timing") == "overdue" for n in page(BASE + "?status=overdue")[1].findall("./data/notices/notice"))
    assert 'class="overdue"' in get(BASE + "?status=overdue").text
    # the to-do: the unit's while it is its turn
    todo = lambda nid: sql("SELECT actor, state, link, due_at FROM todo_incidents WHERE kind='rectify'"
                           " AND record_id=%d" % nid)
    assert todo(old) == [["unit", "assigned", "%s/%d" % (BASE, old),
                          (datetime.date.today() - datetime.timedelta(days=3)).isoformat() + " 23:59:59"]]
    home = get("/home/", staff).text
    assert "/incidents/rectify/%d" % old in home and "待单位整改" in home
    # reported late: still overdue (not closed), now the office's to-do
    assert report(old, staff)[0].status == 303
    assert str(old) in ids(BASE + "?status=overdue")
    assert notice(old).find("./data/notice").get("timing") == "overdue"
    assert [t[:2] for t in todo(old)] == [["office", "responded"]]
    assert "/incidents/rectify/%d" % old in get("/home/", "office").text
    assert "/incidents/rectify/%d" % old not in get("/home/", staff).text
    # and the threat notices' overdue list and to-do rows know nothing of it
    assert str(old) not in ids("/incidents/notices?status=overdue") + ids("/incidents/notices?status=all")
    assert one("SELECT COUNT(*) FROM todo_incidents WHERE kind='notice' AND record_id=%d" % old) == "0"
    # closed: neither overdue nor to do; late by its report
    assert decide(old, "close").status == 303
    assert str(old) not in ids(BASE + "?status=overdue") and str(old) not in ids(BASE + "?status=open")
    assert str(old) in ids(BASE + "?status=all")
    assert notice(old).find("./data/notice").get("timing") == "late"
    assert todo(old) == []


def test_another_unit_cannot_see_or_act():
    nid, _ = issue()
    denied = lambda: int(one("SELECT COUNT(*) FROM audit WHERE action='denied' AND record_type='rectify'"
                             " AND record_id=%d" % nid))
    d0 = denied()
    assert get("%s/%d" % (BASE, nid), "me_admin").status == 403
    g = {e.get("name"): (e.text or "") for e in notice(nid, "cs_admin").findall("./data/form/field")}
    r, _ = report(nid, "me_admin", f=dict(g, csrf=page("/incidents/", "me_admin")[1].findtext("./csrf")))
    assert r.status == 403
    assert denied() == d0 + 2
    assert row(nid)[7:] == ["assigned", "1"]
    assert one("SELECT COUNT(*) FROM inc_notice_response WHERE notice_id=%d" % nid) == "0"
    st, x = page(BASE + "?status=all&unit=%d" % unit_id("C-CS"), "me_admin")
    assert str(nid) not in [n.get("id") for n in x.findall("./data/notices/notice")]
    assert {n.get("unit-code") for n in x.findall("./data/notices/notice")} <= {"C-ME"}
    # units and the other roles do not issue or close
    for login in ("cs_admin", "leader", "auditor", "cs_head"):
        assert get(BASE + "/new", login).status == 403
    assert report(nid)[0].status == 303
    for login in ("cs_admin", "leader"):
        assert decide(nid, "close", login).status == 403
    assert row(nid)[7] == "responded"


def test_csrf():
    f = new_form()
    del f["csrf"]
    before = one("SELECT COUNT(*) FROM inc_notice")
    assert request("POST", BASE + "/new", "office", body=f).status == 403
    assert one("SELECT COUNT(*) FROM inc_notice") == before
    nid, _ = issue()
    g = {e.get("name"): (e.text or "") for e in notice(nid, "cs_admin").findall("./data/form/field")}
    assert report(nid, f=dict(g, csrf="1.deadbeef"))[0].status == 403
    assert report(nid)[0].status == 303
    x = notice(nid)
    assert post_xml("%s/%d/close" % (BASE, nid), {"version": x.find("./data/notice").get("version")}).status == 403
    assert row(nid)[7] == "responded"


def test_bad_input_is_422_with_a_message_and_nothing_changed():
    before = one("SELECT COUNT(*) FROM inc_notice"), one("SELECT COUNT(*) FROM audit WHERE record_type='rectify'")
    today = datetime.date.today()
    cases = [
        (dict(assignee="NOPE"), "assignee", "unknown_unit"),
        (dict(due_on="2026-02-30"), "due_on", "date"),
        (dict(due_on=(today - datetime.timedelta(days=1)).isoformat(), issued_at=dt(now())), "due_on", "due_range"),
        (dict(due_on=(today + datetime.timedelta(days=400)).isoformat()), "due_on", "due_range"),
        (dict(findings=" \n \n"), "findings", "required"),
        (dict(findings="\n".join("问题%d" % i for i in range(31))), "findings", "findings_many"),
        (dict(findings="好" * 301), "findings", "finding_long"),
        (dict(issued_at=dt(now() + datetime.timedelta(hours=2))), "issued_at", "future_time"),
        (dict(notice_no=""), "notice_no", "required"),
        (dict(inspection="检" * 129), "inspection", "too_long"),
    ]
    for over, field, code in cases:
        f = new_form(**over)
        r = post_xml(BASE + "/new", f)
        assert r.status == 422, (over, r)
        got = {e.get("name"): e for e in r.xml().findall("./data/form/field")}
        assert got[field].get("error") == code, (over, {k: e.get("error") for k, e in got.items()})
        assert got["inspection"].text == f["inspection"][:200] or field == "inspection"
        if field != "findings":
            assert got["findings"].text == f["findings"]
    html = request("POST", BASE + "/new", "office", body=new_form(due_on="2026-02-30")).text
    assert "请输入有效日期" in html
    html = request("POST", BASE + "/new", "office", body=new_form(findings="\n".join("问题%d" % i for i in range(31)))).text
    assert "问题最多 30 个" in html
    assert (one("SELECT COUNT(*) FROM inc_notice"), one("SELECT COUNT(*) FROM audit WHERE record_type='rectify'")) \
        == before
    # a number issued twice
    nid, f = issue()
    r = post_xml(BASE + "/new", new_form(notice_no=f["notice_no"]))
    assert r.status == 422 and r.xml().find("./data/form/field[@name='notice_no']").get("error") == "notice_taken"
    # a report needs its text and a real file
    for result, file, code in (("", ("r.pdf", PDF, "application/pdf"), None),
                               ("已整改。", ("r.pdf", ELF, "application/pdf"), "file_type"),
                               ("已整改。", None, "file_required")):
        r, _ = report(nid, result=result, file=file)
        assert r.status == 422, r
        assert [m.get("code") for m in r.xml().findall("./messages/msg") if m.get("field") == "file"] == \
            ([code] if code else [])
        assert r.xml().find("./data/form/field[@name='result']").text == (result or None)
    assert one("SELECT COUNT(*) FROM inc_notice_response WHERE notice_id=%d" % nid) == "0"
    assert row(nid)[7:] == ["assigned", "1"]


def test_double_issue_is_one_notice():
    f = new_form()
    before = int(one("SELECT COUNT(*) FROM inc_notice"))
    out = at_once(*[lambda: request("POST", BASE + "/new", "office", body=f)] * 3)
    assert [r.status for r in out] == [303] * 3 and len({r.header("location") for r in out}) == 1, out
    assert int(one("SELECT COUNT(*) FROM inc_notice")) == before + 1


# -- the list's tools ---------------------------------------------------------------

def test_list_search_sort_unit_and_exports():
    tag = "RQ" + uuid.uuid4().hex[:6]
    made = {}
    for i in range(60):
        unit = "C-CS" if i % 2 else "C-ME"
        nid, _ = issue(notice_no="%s-%03d" % (tag, i), assignee=unit,
                       due_on=(datetime.date.today() + datetime.timedelta(days=1 + i // 2)).isoformat(),
                       findings="%s 问题 %d" % (tag, i))
        made[nid] = unit
    want = lambda where, order: [r[0] for r in sql(
        "SELECT n.id FROM inc_notice n WHERE n.kind='rectify' AND n.notice_no LIKE '%s%%' AND (%s) ORDER BY %s"
        % (tag, where, order))]
    # the search: a prefix of the number, across two pages, by deadline then id
    assert walk(BASE + "?status=open&q=" + tag) == want("1", "n.due_at, n.id")
    assert len(want("1", "n.id")) == 60
    assert walk(BASE + "?status=all&q=%s-01" % tag) == want("n.notice_no LIKE '%s-01%%'" % tag, "n.id DESC")
    # sorts, both directions
    assert walk(BASE + "?status=open&q=%s&sort=due&dir=desc" % tag) == want("1", "n.due_at DESC, n.id DESC")
    assert walk(BASE + "?status=all&q=%s&sort=id&dir=asc" % tag) == want("1", "n.id")
    # the office's unit filter, and a unit's own staff whatever they ask
    me, cs = unit_id("C-ME"), unit_id("C-CS")
    assert walk(BASE + "?status=open&q=%s&unit=%d" % (tag, me)) == want("n.unit_id=%d" % me, "n.due_at, n.id")
    assert walk(BASE + "?status=open&q=%s&unit=%d" % (tag, me), "cs_admin") == want("n.unit_id=%d" % cs,
                                                                                    "n.due_at, n.id")
    # the exports: the rows of the list, in its order, the status in words
    path = BASE + "?status=open&q=%s&sort=due&dir=desc" % tag
    rows = csv_rows(path + "&format=csv")
    assert rows[0] == ["通知书编号", "检查名称", "单位代码", "整改单位", "发现的问题", "下达时间", "整改期限", "状态", "时效"]
    ids = {r[1]: r[0] for r in sql("SELECT id, notice_no FROM inc_notice WHERE notice_no LIKE '%s%%'" % tag)}
    assert [ids[r[0]] for r in rows[1:]] == want("1", "n.due_at DESC, n.id DESC")
    st, x = page(path)
    for r, e in zip(rows[1:], x.findall("./data/notices/notice")):
        assert (r[0], r[2], r[3], r[5], r[6]) == (e.get("notice-no"), e.get("unit-code"), e.find("unit").text,
                                                  e.get("received"), e.get("due"))
        assert r[1] == e.find("inspection").text and r[4] == e.find("description").text
    assert {r[7] for r in rows[1:]} == {"待单位整改"} and {r[8] for r in rows[1:]} == {"未到期"}
    xr = xlsx_rows(path + "&format=xlsx&lang=en")
    assert xr[0][0] == "Notice number" and xr[0][1] == "Inspection"
    assert [r[0] for r in xr[1:]] == [r[0] for r in rows[1:]] and [r[4] for r in xr[1:]] == [r[4] for r in rows[1:]]
    assert {r[7] for r in xr[1:]} == {"Awaiting rectification"}
    # a unit's export holds its own unit only
    mine = csv_rows(BASE + "?status=all&format=csv&q=%s&unit=%d" % (tag, me), "cs_admin")
    assert {r[2] for r in mine[1:]} == {"C-CS"} and len(mine) == 31
    # the threat notices' list and export show none of them
    assert walk("/incidents/notices?status=all&q=" + tag) == []
    assert csv_rows("/incidents/notices?status=all&format=csv&q=" + tag)[1:] == []
    sql("DELETE FROM inc_notice WHERE id IN (%s)" % ",".join(map(str, made)))
