"""Important periods (报平安, issue 5, item 7): the office declares a period;
each unit reports each day an all clear or an incident; the period's page
shows who has not reported today, paged by unit code; one report per unit and
day (a second is 409 and shows the first, a double submit is one); an
incident of another unit, a day outside the period and a period ending
before it starts are 422; the office reports for a unit by its code."""
import datetime, uuid
from lib import form, get, one, page, post, sql, today, unit_id
from fixtures import at_once, file_incident, location_id, post_xml


def declare(starts, ends, name=None):
    f = form("/incidents/periods/new")
    f.update({"period_name": name or "测试时期 " + uuid.uuid4().hex[:6], "starts": str(starts), "ends": str(ends),
              "remark": "请各单位每天 10 点前报平安。"})
    return location_id(post("/incidents/periods/new", f)), f


def period_page(pid, login="office", query=""):
    st, x = page("/incidents/periods/%d%s" % (pid, query), login)
    assert st == 200, (pid, login, st)
    return x


def report_form(pid, login):
    x = period_page(pid, login)
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    f["csrf"] = x.findtext("./csrf")
    return f


def missing_codes(pid, login="office"):
    codes, query = [], "?show=missing"
    while query:
        x = period_page(pid, login, query)
        codes += [u.get("code") for u in x.findall("./data/units/unit")]
        nxt = x.find("./data/units").get("next")
        query = "?show=missing&after=" + nxt if nxt else None
    return codes


def test_who_has_not_reported_today():
    day = today()
    pid, f = declare(day - datetime.timedelta(days=1), day + datetime.timedelta(days=1))
    assert sql("SELECT name, starts, ends, created_by FROM inc_period WHERE id=%d" % pid) == \
        [[f["period_name"], str(day - datetime.timedelta(days=1)), str(day + datetime.timedelta(days=1)), "office"]]
    active = [r[0] for r in sql("SELECT code FROM unit WHERE active=1 ORDER BY code")]
    assert missing_codes(pid) == active
    x = period_page(pid)
    assert x.find("./data/day").get("date") == str(day) and x.find("./data/day").get("reported") == "0"
    assert x.find("./data/day").get("units") == str(len(active))
    # C-CS all clear
    g = report_form(pid, "cs_admin")
    assert g["report"] == "clear"
    r = post("/incidents/periods/%d/report" % pid, g, "cs_admin")
    assert location_id(r) == pid
    assert sql("SELECT u.code, r.day, r.status, r.reported_by FROM inc_period_report r JOIN unit u ON u.id=r.unit_id"
               " WHERE r.period_id=%d" % pid) == [["C-CS", str(day), "clear", "cs_admin"]]
    assert "C-CS" not in missing_codes(pid) and len(missing_codes(pid)) == len(active) - 1
    x = period_page(pid, "cs_head")
    assert x.find("./data/mine/unit").get("report") == "clear"
    assert [u.get("code") for u in x.findall("./data/units/unit")] == []      # its own unit only, reported
    st, xr = page("/incidents/periods/%d?show=reported" % pid)
    assert [u.get("code") for u in xr.findall("./data/units/unit")] == ["C-CS"]
    # the double submit is one report; another form the same day is 409 showing the first
    assert post("/incidents/periods/%d/report" % pid, g, "cs_admin").status == 303
    h = report_form(pid, "cs_head")
    h.update({"report": "incident", "remark": "又来一次"})
    r = post_xml("/incidents/periods/%d/report" % pid, h, "cs_head")
    assert r.status == 409, r
    x = r.xml()
    assert x.find("./data").get("conflict") == "1" and x.find("./data/mine/unit").get("report") == "clear"
    assert x.find("./data/form/field[@name='remark']").text == "又来一次"
    assert one("SELECT COUNT(*) FROM inc_period_report WHERE period_id=%d" % pid) == "1"
    # C-ME reports its incident
    iid, _ = file_incident("me_admin", unit="C-ME")
    m = report_form(pid, "me_admin")
    m.update({"report": "incident", "incident_id": str(iid), "remark": "见报告单"})
    assert post("/incidents/periods/%d/report" % pid, m, "me_admin").status == 303
    assert sql("SELECT status, incident_id FROM inc_period_report WHERE period_id=%d AND unit_id=%d"
               % (pid, unit_id("C-ME"))) == [["incident", str(iid)]]
    assert period_page(pid).find("./data/day").get("reported") == "2"
    # the office for a unit, by code
    o = report_form(pid, "office")
    o.update({"report_unit": "A-LIB", "report": "clear"})
    assert post("/incidents/periods/%d/report" % pid, o, "office").status == 303
    assert "A-LIB" not in missing_codes(pid)
    assert int(one("SELECT COUNT(*) FROM audit WHERE record_type='period_report' AND action='report'")) >= 3
    # every role sees the page; the unit's staff see the form, the leader does not
    assert 'action="/incidents/periods/%d/report"' % pid not in get("/incidents/periods/%d" % pid, "leader").text
    for login in ("leader", "auditor", "me_admin"):
        assert get("/incidents/periods/%d?lang=en" % pid, login).status == 200


def test_reports_that_cannot_be():
    day = today()
    pid, _ = declare(day, day)
    cs_incident, _ = file_incident("cs_admin")
    m = report_form(pid, "me_admin")
    m.update({"report": "incident", "incident_id": str(cs_incident)})
    r = post_xml("/incidents/periods/%d/report" % pid, m, "me_admin")
    assert r.status == 422 and r.xml().find("./data/form/field[@name='incident_id']").get("error") == "unknown_incident"
    o = report_form(pid, "office")
    o.update({"report_unit": "NOPE", "report": "clear"})
    r = post_xml("/incidents/periods/%d/report" % pid, o, "office")
    assert r.status == 422 and r.xml().find("./data/form/field[@name='report_unit']").get("error") == "unknown_unit"
    # a period that is over
    past, _ = declare(day - datetime.timedelta(days=5), day - datetime.timedelta(days=3))
    p = report_form(past, "cs_admin")
    r = post_xml("/incidents/periods/%d/report" % past, p, "cs_admin")
    assert r.status == 422 and "outside_period" in [m.get("code") for m in r.xml().findall("./messages/msg")]
    assert period_page(past, "cs_admin").find("./data/can") is None
    assert period_page(past).find("./data/day").get("date") == str(day - datetime.timedelta(days=3))
    assert one("SELECT COUNT(*) FROM inc_period_report WHERE period_id IN (%d, %d)" % (pid, past)) == "0"
    # declaring: the last day before the first, and only the office
    f = form("/incidents/periods/new")
    before = one("SELECT COUNT(*) FROM inc_period")
    f.update({"period_name": "倒置", "starts": str(day), "ends": str(day - datetime.timedelta(days=1))})
    r = post_xml("/incidents/periods/new", f)
    assert r.status == 422 and r.xml().find("./data/form/field[@name='ends']").get("error") == "before_starts"
    assert r.xml().find("./data/form/field[@name='period_name']").text == "倒置"
    f["ends"] = str(day)
    assert post("/incidents/periods/new", f, "cs_admin").status == 403
    out = at_once(*[lambda: post("/incidents/periods/new", f)] * 2)
    assert [r.status for r in out] == [303, 303] and out[0].header("location") == out[1].header("location")
    assert int(one("SELECT COUNT(*) FROM inc_period")) == int(before) + 1
