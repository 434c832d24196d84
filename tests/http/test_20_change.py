"""Changing a holder: a valid change lands with its audit row and deadline;
bad input is a 422 that keeps the values and writes nothing; other units are
403 and logged; CSRF; double submit; concurrent edits."""
import datetime, json, os, threading
from lib import (add_workdays, calendar, change_form, get, one, page, page_today, post, sql, today, unit_id)

TAG = os.urandom(3).hex()      # names unique to this run
GOOD = {"name": "测试人员", "title": "网络安全员", "office_phone": "0371-68221234",
        "mobile": "13812345678", "email": "tester@example.edu.cn"}


def counts():
    return one("SELECT COUNT(*) FROM reg_holder"), one("SELECT COUNT(*) FROM audit")


def form_for(unit, role, login="office", **over):
    st, f, csrf = change_form(unit, role, login)
    assert st == 200, st
    f.update(GOOD)
    f.update(over)
    f["role"] = role
    f["csrf"] = csrf
    return f


def test_change_form_is_prefilled_with_the_current_holder():
    # a correction of the same holder's details is prefilled (a change of holder
    # starts empty since issue 13: tests/http/test_a6_defects.py)
    u = unit_id("C-EE")
    st, x = page("/registration/%d/change?role=secadmin&kind=correct" % u)
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    csrf = x.findtext("./csrf")
    assert st == 200 and csrf
    row = sql("SELECT id, version, name, title, COALESCE(office_phone,''), mobile, email FROM reg_holder "
              "WHERE unit_id=%d AND role='secadmin' AND is_current=1" % u)[0]
    assert [f["current_id"], f["version"], f["name"], f["title"], f["office_phone"], f["mobile"], f["email"]] == row
    assert len(f["nonce"]) == 32
    # the effective date is prefilled with the server's today, as the same page states it
    st, x = page("/registration/%d/change?role=secadmin" % u)
    assert x.find("./data/form/field[@name='effective_date']").text == page_today(x).isoformat()


def test_first_registration_of_a_role_with_deadline_across_holidays():
    # liaison: enabled on this site, no demo holder yet.  Effective Thursday
    # 2026-09-24; the 25th-27th (Mid-Autumn) and Oct 1-7 (National Day) are
    # off, Sunday Sep 20 and Saturday Oct 10 are make-up workdays.
    u = unit_id("C-CS")
    before = counts()
    f = form_for(u, "liaison", effective_date="2026-09-24")
    assert f["current_id"] == "0" and f["version"] == "0"
    r = post("/registration/%d/change" % u, f)
    assert r.status == 303, r
    assert r.header("location") == "/registration/%d?saved=holder.register" % u
    row = sql("SELECT name, deadline, late, is_current, reported_at, created_by FROM reg_holder "
              "WHERE unit_id=%d AND role='liaison'" % u)
    assert len(row) == 1
    name, deadline, late, cur, reported, by = row[0]
    want = add_workdays(datetime.date(2026, 9, 24), 5, calendar())
    assert want == datetime.date(2026, 10, 9)
    assert deadline == str(want), deadline
    assert late == ("1" if today() > want else "0")
    assert cur == "1" and name == "测试人员" and by == "office"
    assert counts() == (str(int(before[0]) + 1), str(int(before[1]) + 1))
    a = sql("SELECT login, action, record_type, after_data FROM audit ORDER BY id DESC LIMIT 1")[0]
    assert a[:3] == ["office", "register", "holder"]
    after = json.loads(a[3])
    assert after["name"] == "测试人员" and after["deadline"] == "2026-10-09"
    # the unit page shows it, with the deadline and the late flag
    st, x = page("/registration/%d" % u)
    h = [h for h in x.findall("./data/current/holder") if h.get("role") == "liaison"][0]
    assert h.findtext("deadline") == "2026-10-09" and h.get("late") == late


def test_change_closes_previous_holder_and_audits_before_and_after():
    u = unit_id("C-ME")
    old = sql("SELECT id, name, version FROM reg_holder WHERE unit_id=%d AND role='first' AND is_current=1" % u)[0]
    day = today().isoformat()
    f = form_for(u, "first", "me_admin", effective_date=day, name="新任书记")
    r = post("/registration/%d/change" % u, f, "me_admin")
    assert r.status == 303, r
    closed = sql("SELECT ended_date, is_current, version FROM reg_holder WHERE id=%s" % old[0])[0]
    assert closed == [day, "NULL", str(int(old[2]) + 1)]
    new = sql("SELECT name, deadline, late FROM reg_holder WHERE unit_id=%d AND role='first' AND is_current=1" % u)
    assert new[0][0] == "新任书记" and new[0][2] == "0"
    assert new[0][1] == str(add_workdays(datetime.date.fromisoformat(day), 5, calendar()))
    # the list (its read model is refreshed in the same transaction) shows the successor
    _, x = page("/registration/", "me_admin")
    row = x.find("./data/units/unit")
    assert [h.get("name") for h in row.findall("holder") if h.get("role") == "first"] == ["新任书记"]
    a = sql("SELECT login, role, action, before_data, after_data FROM audit ORDER BY id DESC LIMIT 1")[0]
    assert a[:3] == ["me_admin", "unit_staff", "change"]
    assert json.loads(a[3])["name"] == old[1] and json.loads(a[4])["name"] == "新任书记"


def test_invalid_input_is_422_keeps_values_and_writes_nothing():
    u = unit_id("C-CS")
    # the form first: its GET signs cs_admin in, and a sign-in writes an audit row of its own
    f = form_for(u, "direct", "cs_admin", name="张三<b>&\"", mobile="12345", email="bad@",
                 office_phone="abc", effective_date="2026-02-30")
    before = counts()
    r = post("/registration/%d/change" % u, f, "cs_admin")
    assert r.status == 422, r
    assert "张三&lt;b&gt;&amp;" in r.text                   # kept, escaped
    assert "12345" in r.text and "bad@" in r.text
    assert counts() == before
    # the same through the page XML: every field kept, each error named
    r = post("/registration/%d/change" % u, f, "cs_admin")
    x = page_of(u, f, "cs_admin")
    fields = {e.get("name"): e for e in x.findall("./data/form/field")}
    assert fields["name"].text == "张三<b>&\"" and fields["name"].get("error") is None
    assert fields["mobile"].get("error") == "mobile"
    assert fields["email"].get("error") == "email"
    assert fields["office_phone"].get("error") == "phone"
    assert fields["effective_date"].get("error") == "date"
    # the record as it is now stands beside the rejected values
    assert x.findtext("./data/current/name") == one(
        "SELECT name FROM reg_holder WHERE unit_id=%d AND role='direct' AND is_current=1" % u)
    assert counts() == before


def page_of(u, f, login):
    from lib import request
    r = request("POST", "/registration/%d/change" % u, login, body=f, headers={"Accept": "application/xml"})
    return r.xml()


def test_future_and_backdated_effective_dates_are_refused():
    u = unit_id("C-CS")
    before = counts()
    tomorrow = (today() + datetime.timedelta(days=1)).isoformat()
    x = page_of(u, form_for(u, "direct", effective_date=tomorrow), "office")
    assert x.get("status") == "422"
    assert {e.get("name"): e.get("error") for e in x.findall("./data/form/field")}["effective_date"] == "future"
    cur = one("SELECT effective_date FROM reg_holder WHERE unit_id=%d AND role='direct' AND is_current=1" % u)
    earlier = (datetime.date.fromisoformat(cur) - datetime.timedelta(days=1)).isoformat()
    x = page_of(u, form_for(u, "direct", effective_date=earlier), "office")
    assert {e.get("name"): e.get("error") for e in x.findall("./data/form/field")}["effective_date"] == "before_current"
    assert counts() == before


def test_other_units_record_is_403_and_logged():
    me = unit_id("C-ME")
    before = one("SELECT COUNT(*) FROM reg_holder")
    denied = int(one("SELECT COUNT(*) FROM audit WHERE action='denied'"))
    assert get("/registration/%d/change?role=first" % me, "cs_admin").status == 403
    f = form_for(me, "first", "office")       # a valid form, borrowed
    st, _, csrf = change_form(unit_id("C-CS"), "first", "cs_admin")
    f["csrf"] = csrf                           # the attacker's own valid token
    r = post("/registration/%d/change" % me, f, "cs_admin")
    assert r.status == 403
    assert one("SELECT COUNT(*) FROM reg_holder") == before
    rows = sql("SELECT login, record_type, record_id FROM audit WHERE action='denied' ORDER BY id DESC LIMIT 2")
    assert int(one("SELECT COUNT(*) FROM audit WHERE action='denied'")) == denied + 2
    assert rows[0] == ["cs_admin", "unit", str(me)]
    # read-only roles cannot write anywhere
    f = form_for(me, "first", "office")
    st, _, csrf = change_form(me, "first", "office")
    for login in ("leader", "auditor"):
        from lib import page as pg
        _, x = pg("/registration/", login)
        f["csrf"] = x.findtext("csrf")
        assert post("/registration/%d/change" % me, f, login).status == 403
    assert one("SELECT COUNT(*) FROM reg_holder") == before


def test_post_without_valid_csrf_is_403_and_changes_nothing():
    u = unit_id("C-CS")
    before = counts()
    f = form_for(u, "direct", "cs_admin", name="无令牌" + TAG)
    for bad in [None, "", "garbage", f["csrf"][:-1] + ("0" if f["csrf"][-1] != "0" else "1"),
                "1.%s" % ("0" * 64)]:
        g = dict(f)
        if bad is None:
            del g["csrf"]
        else:
            g["csrf"] = bad
        r = post("/registration/%d/change" % u, g, "cs_admin")
        assert r.status == 403, (bad, r)
    # a token made for another account does not carry over
    _, x = page("/registration/", "cs_head")
    g = dict(f, csrf=x.findtext("csrf"))
    assert post("/registration/%d/change" % u, g, "cs_admin").status == 403
    assert counts()[0] == before[0]
    assert one("SELECT COUNT(*) FROM reg_holder WHERE name='无令牌" + TAG + "'") == "0"


def test_double_submit_makes_one_change():
    u = unit_id("C-CS")
    before = int(one("SELECT COUNT(*) FROM reg_holder"))
    f = form_for(u, "secadmin", "cs_admin", name="重复提交" + TAG, effective_date=today().isoformat())
    r1 = post("/registration/%d/change" % u, f, "cs_admin")
    r2 = post("/registration/%d/change" % u, f, "cs_admin")
    assert r1.status == 303 and r2.status == 303, (r1, r2)
    assert r1.header("location") == r2.header("location")
    assert int(one("SELECT COUNT(*) FROM reg_holder")) == before + 1
    assert one("SELECT COUNT(*) FROM reg_holder WHERE name='重复提交" + TAG + "'") == "1"
    # and the same submit fired twice at once
    f = form_for(u, "secadmin", "cs_admin", name="并发重复" + TAG, effective_date=today().isoformat())
    res = race([f, f], u, "cs_admin")
    assert sorted(r.status for r in res) == [303, 303], res
    assert one("SELECT COUNT(*) FROM reg_holder WHERE name='并发重复" + TAG + "'") == "1"


def race(forms, u, login):
    logins = login if isinstance(login, list) else [login] * len(forms)
    out = [None] * len(forms)
    barrier = threading.Barrier(len(forms))

    def go(i):
        barrier.wait()
        out[i] = post("/registration/%d/change" % u, forms[i], logins[i])
    ts = [threading.Thread(target=go, args=(i,)) for i in range(len(forms))]
    [t.start() for t in ts]
    [t.join() for t in ts]
    return out


def test_concurrent_edits_one_wins_other_409_nothing_lost():
    u = unit_id("C-CS")
    day = today().isoformat()
    a = form_for(u, "direct", "cs_admin", name="甲编辑" + TAG, effective_date=day)
    b = form_for(u, "direct", "cs_head", name="乙编辑" + TAG, mobile="13900001111", effective_date=day)
    assert a["version"] == b["version"] and a["nonce"] != b["nonce"]
    ra = post("/registration/%d/change" % u, a, "cs_admin")
    assert ra.status == 303
    rb = post("/registration/%d/change" % u, b, "cs_head")
    assert rb.status == 409, rb
    assert "乙编辑" + TAG in rb.text and "13900001111" in rb.text      # the loser's values are on the page
    assert "甲编辑" + TAG in rb.text                                    # and so is the record now
    from lib import request
    x = request("POST", "/registration/%d/change" % u, "cs_head", body=b,
                headers={"Accept": "application/xml"}).xml()
    assert x.find("./data").get("conflict") == "1"
    assert x.findtext("./data/current/name") == "甲编辑" + TAG
    assert {e.get("name"): e.text for e in x.findall("./data/form/field")}["name"] == "乙编辑" + TAG
    assert one("SELECT name FROM reg_holder WHERE unit_id=%d AND role='direct' AND is_current=1" % u) == "甲编辑" + TAG
    # truly at once: exactly one of two different edits lands
    c = form_for(u, "direct", "cs_admin", name="丙并发" + TAG, effective_date=day)
    d = form_for(u, "direct", "cs_head", name="丁并发" + TAG, effective_date=day)
    res = race([c, d], u, ["cs_admin", "cs_head"])
    assert sorted(r.status for r in res) == [303, 409], res
    names = {r[0] for r in sql("SELECT name FROM reg_holder WHERE name IN ('丙并发" + TAG + "','丁并发" + TAG + "')")}
    assert len(names) == 1
    assert one("SELECT COUNT(*) FROM reg_holder WHERE unit_id=%d AND role='direct' AND is_current=1" % u) == "1"


def test_print_view_has_the_form():
    u = unit_id("C-CS")
    r = get("/registration/%d/print" % u)
    assert r.status == 200
    name = one("SELECT name FROM reg_holder WHERE unit_id=%d AND role='first' AND is_current=1" % u)
    assert name in r.text and "计算机与软件学院" in r.text
    assert "签字" in r.text and "盖章" in r.text and "A4" in r.text
    assert "Signature" in get("/registration/%d/print?lang=en" % u).text or \
        "signature" in get("/registration/%d/print?lang=en" % u).text
