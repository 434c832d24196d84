"""Threat notices (issue 5, item 6): the office registers a notice and so
assigns it to a unit, due 10 working days after it came — across the 2026
Mid-Autumn and National Day holidays with the make-up Saturday; the unit
responds with its result and a report file (checked by content, stored with
its SHA-256, downloadable byte for byte by those who read the unit); the
office returns it with a reason or accepts it; the overdue list; 422 with
values kept; one notice per double submit; a number registered twice; CSRF;
403 across units, audited; 409 when two decisions race."""
import datetime, hashlib, uuid
from lib import add_workdays, calendar, form, get, one, page, post, request, sql, unit_id
from fixtures import ELF, PDF, at_once, dt, location_id, multipart, now, post_xml


def new_form(**kw):
    f = form("/incidents/notices/new?assignee=C-CS")
    f.update({"source": "教育系统网络安全工作管理平台", "notice_no": "TB-" + uuid.uuid4().hex[:10],
              "received_at": dt(now() - datetime.timedelta(hours=2)), "assignee": "C-CS",
              "description": "网站存在弱口令。"})
    f.update(kw)
    return f


def register(**kw):
    f = new_form(**kw)
    return location_id(post("/incidents/notices/new", f)), f


def notice(nid, login="office"):
    st, x = page("/incidents/notices/%d" % nid, login)
    assert st == 200, (nid, login, st)
    return x


def respond(nid, login="cs_admin", result="已修改口令并复测。", file=("report.pdf", PDF, "application/pdf"), f=None):
    if f is None:
        f = {e.get("name"): (e.text or "") for e in notice(nid, login).findall("./data/form/field")}
        f["csrf"] = notice(nid, login).findtext("./csrf")
    f["result"] = result
    body, ctype = multipart(f, {"file": file} if file else {})
    return request("POST", "/incidents/notices/%d/respond" % nid, login, body=body,
                   headers={"Content-Type": ctype, "Accept": "application/xml"}), f


def decide(nid, what, login="office", **kw):
    x = notice(nid, login)
    f = {"version": x.find("./data/notice").get("version"), "csrf": x.findtext("./csrf")}
    f.update(kw)
    return post_xml("/incidents/notices/%d/%s" % (nid, what), f, login)


def test_due_ten_working_days_across_the_holidays():
    # received Thursday 2026-09-24: Sep 25-27 and Oct 1-7 are off, Saturday Oct 10 is worked
    nid, f = register(received_at="2026-09-24T15:00")
    want = add_workdays(datetime.date(2026, 9, 24), 10, calendar())
    assert want == datetime.date(2026, 10, 15)
    row = sql("SELECT unit_id, status, received_at, due_at, source, created_by FROM inc_notice WHERE id=%d" % nid)[0]
    assert row == [str(unit_id("C-CS")), "assigned", "2026-09-24 15:00:00", "2026-10-15 23:59:59", f["source"], "office"]
    n = notice(nid, "cs_admin").find("./data/notice")
    assert n.get("due") == "2026-10-15 23:59:59" and n.get("timing") == "overdue"
    a = sql("SELECT login, action, after_data FROM audit WHERE record_type='notice' AND record_id=%d" % nid)
    assert len(a) == 1 and a[0][:2] == ["office", "create"] and '"due_at":"2026-10-15 23:59:59"' in a[0][2]
    # the Spring Festival: the make-up Saturdays 02-14 and 02-28 count, 02-15 … 02-23 do not
    nid2, _ = register(received_at="2026-02-13T09:00")
    assert one("SELECT due_at FROM inc_notice WHERE id=%d" % nid2) == "2026-03-05 23:59:59"


def test_respond_return_respond_accept():
    nid, _ = register()
    assert [c.get("action") for c in notice(nid, "cs_admin").findall("./data/can")] == ["respond"]
    assert notice(nid, "office").findall("./data/can") == []
    data = b"%PDF-1.4\n" + bytes(range(256)) * 600          # several 60 KiB pieces
    r, f = respond(nid, file=("handling.pdf", data, "application/pdf"))
    assert r.status == 303, r
    assert sql("SELECT status, version FROM inc_notice WHERE id=%d" % nid) == [["responded", "2"]]
    resp = sql("SELECT r.result, r.submitted_by, f.sha256, f.size, f.unit_id, r.file_id FROM inc_notice_response r"
               " JOIN inc_file f ON f.id=r.file_id WHERE r.notice_id=%d" % nid)
    assert len(resp) == 1 and resp[0][:5] == ["已修改口令并复测。", "cs_admin", hashlib.sha256(data).hexdigest(),
                                              str(len(data)), str(unit_id("C-CS"))]
    d = get("/incidents/files/%s" % resp[0][5], "auditor")
    assert d.status == 200 and d.body == data and "attachment" in d.header("content-disposition")
    assert get("/incidents/files/%s" % resp[0][5], "me_admin").status == 403
    # the double submit of that response is one response
    r2, _ = respond(nid, f=dict(f))
    assert r2.status == 303 and one("SELECT COUNT(*) FROM inc_notice_response WHERE notice_id=%d" % nid) == "1"
    assert {c.get("action") for c in notice(nid, "office").findall("./data/can")} == {"accept", "return"}
    assert decide(nid, "accept", "cs_admin").status == 403                  # the office decides
    r = decide(nid, "return")
    assert r.status == 422 and r.xml().find("./data/form/field[@name='reason']").get("error") == "required"
    r = decide(nid, "return", reason="报告缺少复测截图。")
    assert r.status == 303, r
    assert one("SELECT status FROM inc_notice WHERE id=%d" % nid) == "returned"
    assert sql("SELECT decision, decided_by, reason FROM inc_notice_response WHERE notice_id=%d" % nid) == \
        [["returned", "office", "报告缺少复测截图。"]]
    r, _ = respond(nid, result="已补充复测截图。")
    assert r.status == 303
    assert decide(nid, "accept").status == 303
    row = sql("SELECT status, accepted_at IS NOT NULL, version FROM inc_notice WHERE id=%d" % nid)[0]
    assert row == ["accepted", "1", "5"]
    assert [r[0] for r in sql("SELECT COALESCE(decision, '') FROM inc_notice_response WHERE notice_id=%d ORDER BY id"
                              % nid)] == ["returned", "accepted"]
    x = notice(nid, "cs_head")
    assert x.find("./data/notice").get("timing") == "on_time" and x.findall("./data/can") == []
    assert len(x.findall("./data/notice/responses/response")) == 2
    assert [a[0] for a in sql("SELECT action FROM audit WHERE record_type='notice' AND record_id=%d ORDER BY id"
                              % nid)] == ["create", "respond", "return", "respond", "accept"]


def test_overdue_list():
    old, _ = register(received_at=dt(now() - datetime.timedelta(days=30)), assignee="C-ME")
    fresh, _ = register()
    st, x = page("/incidents/notices?status=overdue")
    ids = [n.get("id") for n in x.findall("./data/notices/notice")]
    assert str(old) in ids and str(fresh) not in ids
    assert all(n.get("timing") == "overdue" for n in x.findall("./data/notices/notice"))
    dues = [n.get("due") for n in x.findall("./data/notices/notice")]
    assert dues == sorted(dues)
    assert 'class="overdue"' in get("/incidents/notices?status=overdue").text
    # a unit sees its own
    st, x = page("/incidents/notices?status=overdue", "cs_admin")
    assert str(old) not in [n.get("id") for n in x.findall("./data/notices/notice")]
    st, x = page("/incidents/notices?status=all", "me_admin")
    assert str(old) in [n.get("id") for n in x.findall("./data/notices/notice")]
    assert {n.get("unit-code") for n in x.findall("./data/notices/notice")} == {"C-ME"}
    # answered late: no longer overdue, and late
    r, _ = respond(old, "me_admin")
    assert r.status == 303
    st, x = page("/incidents/notices?status=overdue")
    assert str(old) not in [n.get("id") for n in x.findall("./data/notices/notice")]
    assert notice(old).find("./data/notice").get("timing") == "late"


def test_bad_input_is_422_and_nothing_written():
    before = one("SELECT COUNT(*) FROM inc_notice")
    f = new_form(assignee="NOPE", received_at="2026-02-30T10:00", description="", notice_no="保留的编号")
    r = post_xml("/incidents/notices/new", f)
    assert r.status == 422, r
    got = {e.get("name"): e for e in r.xml().findall("./data/form/field")}
    assert {k: e.get("error") for k, e in got.items() if e.get("error")} == \
        {"assignee": "unknown_unit", "received_at": "datetime", "description": "required"}
    assert got["notice_no"].text == "保留的编号" and got["source"].text == f["source"]
    g = new_form(received_at=dt(now() + datetime.timedelta(hours=1)))
    r = post_xml("/incidents/notices/new", g)
    assert r.status == 422 and r.xml().find("./data/form/field[@name='received_at']").get("error") == "future_time"
    assert one("SELECT COUNT(*) FROM inc_notice") == before
    # a response needs a result and a real report file
    nid, _ = register()
    for result, file, code in (("", ("r.pdf", PDF, "application/pdf"), None),
                               ("已处置。", ("r.pdf", ELF, "application/pdf"), "file_type"),
                               ("已处置。", None, "file_required")):
        r, _ = respond(nid, result=result, file=file)
        assert r.status == 422, r
        msgs = [m.get("code") for m in r.xml().findall("./messages/msg") if m.get("field") == "file"]
        assert msgs == ([code] if code else []), msgs
        assert r.xml().find("./data/form/field[@name='result']").text == (result or None)
    assert one("SELECT COUNT(*) FROM inc_notice_response WHERE notice_id=%d" % nid) == "0"
    assert one("SELECT status FROM inc_notice WHERE id=%d" % nid) == "assigned"


def test_double_submit_and_a_number_registered_twice():
    f = new_form()
    before = int(one("SELECT COUNT(*) FROM inc_notice"))
    out = at_once(*[lambda: post("/incidents/notices/new", f)] * 3)
    assert [r.status for r in out] == [303] * 3 and len({r.header("location") for r in out}) == 1, out
    assert int(one("SELECT COUNT(*) FROM inc_notice")) == before + 1
    g = new_form(notice_no=f["notice_no"], description="同一个编号")
    r = post_xml("/incidents/notices/new", g)
    assert r.status == 422 and r.xml().find("./data/form/field[@name='notice_no']").get("error") == "notice_taken"
    assert r.xml().find("./data/form/field[@name='description']").text == "同一个编号"
    assert int(one("SELECT COUNT(*) FROM inc_notice")) == before + 1


def test_csrf_and_other_units():
    nid, _ = register()
    f = new_form()
    del f["csrf"]
    before = one("SELECT COUNT(*) FROM inc_notice")
    assert post("/incidents/notices/new", f).status == 403
    assert one("SELECT COUNT(*) FROM inc_notice") == before
    g = {e.get("name"): (e.text or "") for e in notice(nid, "cs_admin").findall("./data/form/field")}
    r, _ = respond(nid, f=dict(g, csrf="1.deadbeef"))
    assert r.status == 403
    denied = int(one("SELECT COUNT(*) FROM audit WHERE action='denied' AND record_type='notice' AND record_id=%d" % nid))
    assert get("/incidents/notices/%d" % nid, "me_admin").status == 403
    r, _ = respond(nid, "me_admin", f=dict(g, csrf=page("/incidents/", "me_admin")[1].findtext("./csrf")))
    assert r.status == 403
    assert int(one("SELECT COUNT(*) FROM audit WHERE action='denied' AND record_type='notice' AND record_id=%d"
                   % nid)) == denied + 2
    assert one("SELECT status FROM inc_notice WHERE id=%d" % nid) == "assigned"
    for login in ("leader", "auditor", "cs_head"):
        assert get("/incidents/notices/new", login).status == 403


def test_accept_and_return_at_once_one_wins():
    nid, _ = register()
    assert respond(nid)[0].status == 303
    x = notice(nid)
    f = {"version": x.find("./data/notice").get("version"), "csrf": x.findtext("./csrf")}
    ra, rr = at_once(lambda: post_xml("/incidents/notices/%d/accept" % nid, dict(f)),
                     lambda: post_xml("/incidents/notices/%d/return" % nid, dict(f, reason="再查。")))
    assert sorted([ra.status, rr.status]) == [303, 409], (ra, rr)
    lost = rr if ra.status == 303 else ra
    x = lost.xml()
    assert x.find("./data").get("conflict") == "1" and x.find("./data/form").get("from-version") == "2"
    assert x.find("./data/notice").get("version") == "3"
    assert one("SELECT status FROM inc_notice WHERE id=%d" % nid) == ("accepted" if ra.status == 303 else "returned")
    assert one("SELECT COUNT(*) FROM inc_notice_response WHERE notice_id=%d AND decision IS NOT NULL" % nid) == "1"
