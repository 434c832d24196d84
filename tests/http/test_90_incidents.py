"""Incidents (DOMAIN.md §6, issue 5): every page for every role in both
languages; filing the report sheet (a unit's written report timed by the
server, the office's oral or written first report); the first report's class
at 29, 31, 59, 61, 119 and 121 minutes (and 30:00 exactly) end to end; an
oral report logged later counts when it came first; the rectification report
due across a weekend and the Mid-Autumn holiday; the level confirmed by a
leader only; levels I-III through every report, level IV the simple flow,
closing, and a closed incident read only; CSRF; 422 with every value kept and
nothing written; 403 across units, audited; 409 on concurrent edits and
transitions with both versions; one incident per double submit; the board
nearest deadline first, paged along its index, overdue marked, and as XML;
the print view; the export valid against its XSD, over HTTP and the CLI."""
import datetime, os, re, subprocess, uuid
from lib import ACC, BIN, ROOT, STACK, add_workdays, calendar, form, get, one, page, post, request, sql, unit_id
from fixtures import ELF, MIN, PDF, at_once, dt, file_incident, location_id, multipart, now, post_xml, sheet

ROLES = ["office", "leader", "auditor", "cs_admin", "cs_head", "me_admin"]


def db_time(t):
    return t.strftime("%Y-%m-%d %H:%M:%S")


def incident(iid, login="office"):
    st, x = page("/incidents/%d" % iid, login)
    assert st == 200, (iid, login, st)
    return x


def clock(iid):
    return {s.get("kind"): s.attrib for s in incident(iid).findall("./data/incident/clock/step")}


def step(iid, name, login="office", files=None, **fields):
    """POSTs step name with the version and token the incident page gives login."""
    x = incident(iid, login)
    f = {"version": x.find("./data/incident").get("version"), "csrf": x.findtext("./csrf")}
    f.update(fields)
    if files is None:
        return post_xml("/incidents/%d/%s" % (iid, name), f, login)
    body, ctype = multipart(f, files)
    return request("POST", "/incidents/%d/%s" % (iid, name), login, body=body,
                   headers={"Content-Type": ctype, "Accept": "application/xml"})


def counts():
    return [int(one("SELECT COUNT(*) FROM %s" % t)) for t in ("inc_incident", "inc_step", "inc_file")]


def demo_incident(code):
    return int(one("SELECT MIN(i.id) FROM inc_incident i JOIN unit u ON u.id=i.unit_id WHERE u.code='%s' "
                   "AND i.created_by='demo'" % code))


def test_no_step_of_the_demo_lies_in_the_future():
    """The demo's incidents are dated back from the moment it ran: a proposal and
    a confirmation of an incident younger than four hours were dated after it
    (issue 14).  Every step is at or before now (the site's clock, 2 min skew)."""
    limit = (now() + 2 * MIN).strftime("%Y-%m-%d %H:%M:%S")
    rows = sql("SELECT s.incident_id, s.kind, s.at FROM inc_step s JOIN inc_incident i ON i.id = s.incident_id"
               " WHERE i.nonce LIKE 'demoincident%%' AND s.at > '%s'" % limit)
    assert rows == [], rows
    assert int(one("SELECT COUNT(*) FROM inc_step s JOIN inc_incident i ON i.id = s.incident_id"
                   " WHERE i.nonce LIKE 'demoincident%' AND s.kind IN ('propose', 'confirm')")) >= 4


def test_every_page_renders_for_every_role():
    cs = demo_incident("C-CS")
    notice = one("SELECT MIN(n.id) FROM inc_notice n JOIN unit u ON u.id=n.unit_id WHERE u.code='C-CS'")
    period = one("SELECT MIN(id) FROM inc_period")
    for login in ROLES:
        own = login != "me_admin"
        reads_all = login in ("office", "leader", "auditor")
        for path, ok in [("/incidents/", True), ("/incidents/list", True), ("/incidents/list?status=closed", True),
                         ("/incidents/%d" % cs, own), ("/incidents/%d/print" % cs, own),
                         ("/incidents/notices", True), ("/incidents/notices?status=overdue", True),
                         ("/incidents/notices?status=all", True), ("/incidents/notices/%s" % notice, own),
                         ("/incidents/periods", True), ("/incidents/periods/%s" % period, True),
                         ("/incidents/periods/%s?show=all" % period, True)]:
            for lang in ("", "lang=en"):
                sep = "&" if "?" in path else "?"
                r = get(path + (sep + lang if lang else ""), login)
                assert r.status == (200 if ok else 403), (login, path, lang, r)
                assert r.text.rstrip().endswith("</html>"), (login, path)
        writes = login in ("office", "cs_admin", "cs_head", "me_admin")
        for path in ("/incidents/new", "/incidents/new?lang=en"):
            assert get(path, login).status == (200 if writes else 403), (login, path)
        assert get("/incidents/%d/edit" % cs, login).status == (200 if writes and own else 403), login
        for path in ("/incidents/notices/new", "/incidents/periods/new"):
            assert get(path, login).status == (200 if login == "office" else 403), (login, path)
        assert get("/incidents/export.xml", login).status == (200 if reads_all else 403), login
        r = get("/incidents/board.xml", login)
        assert r.status == 200 and r.header("content-type").startswith("application/xml"), (login, r)
    assert get("/incidents/99999999").status == 404
    assert get("/incidents/?after=bad").status == 400


def test_unit_files_its_written_report_timed_by_the_server():
    cs = unit_id("C-CS")
    before = counts()
    t0 = now()
    iid, f = file_incident("cs_admin", report_at="2020-01-01T00:00", unit="C-ME")   # neither is the unit's to say
    row = sql("SELECT unit_id, reporting_unit_id, taxonomy, category, harm, filled_by, oral_at, written_at,"
              " reported_at, status, next_step, next_due, created_by, lim_first_ontime, lim_rectify_days"
              " FROM inc_incident WHERE id=%d" % iid)[0]
    assert row[:7] == [str(cs), str(cs), "gbt2023", "network_attack", "outage", "王测试", "NULL"], row
    written = datetime.datetime.fromisoformat(row[7])
    assert t0 - 2 * MIN <= written <= now() + MIN and row[8] == row[7]
    assert row[9:11] == ["open", "review"] and row[12:] == ["cs_admin", "1800", "1"]
    discovered = datetime.datetime.fromisoformat(f["discovered_at"])
    assert row[11] == db_time(discovered + 60 * MIN)         # the review: 60 minutes after discovery
    assert sql("SELECT kind, by_login, at FROM inc_step WHERE incident_id=%d" % iid) == [["written", "cs_admin", row[7]]]
    assert counts()[:2] == [before[0] + 1, before[1] + 1]
    a = sql("SELECT login, action, after_data FROM audit WHERE record_type='incident' AND record_id=%d" % iid)
    assert len(a) == 1 and a[0][:2] == ["cs_admin", "create"] and f["description"] in a[0][2]
    x = incident(iid, "cs_admin")
    assert [m.get("code") for m in x.findall("./messages/msg")] == []
    assert x.find("./data/incident/clock/step[@kind='first']").get("class") == "late"    # 45 min after the start
    assert x.find("./data/incident/clock/step[@kind='written']").get("class") == "on_time"
    assert {c.get("action") for c in x.findall("./data/can")} == {"edit", "handled"}
    assert {c.get("action") for c in incident(iid, "cs_head").findall("./data/can")} == {"edit", "review", "handled"}
    # filed under the site's reporting rules, named and versioned on the record and its page
    assert sql("SELECT profile, profile_version FROM inc_incident WHERE id=%d" % iid) == [["seed003", "2019-91"]]
    assert x.find("./data/incident").get("profile") == "seed003"
    assert "报告规则" in get("/incidents/%d" % iid, "cs_admin").text and "校政字〔2019〕91号" in \
        get("/incidents/%d" % iid, "cs_admin").text


def test_a_site_naming_no_known_reporting_profile_does_not_start():
    conf, out = os.path.join(STACK, "inc-profile.conf"), os.path.join(STACK, "inc-profile.xml")
    with open(os.path.join(STACK, "wangan.conf")) as f:
        text = f.read()
    try:
        for prof, ok in (("seed2099", False), ("national2025-other", True)):
            with open(conf, "w") as f:
                f.write(text + "\nincidents.profile = %s\n" % prof)
            r = subprocess.run([os.path.join(BIN, "wangan-incidents"), "--config", conf, "--export", out],
                               capture_output=True, text=True, timeout=120)
            if ok:
                # the export names each incident's own rules, whatever the site follows now
                assert r.returncode == 0, (r.returncode, r.stderr[-500:])
                with open(out, encoding="utf-8") as f:
                    xml = f.read()
                assert 'profile="seed003"' in xml and 'profileVersion="2019-91"' in xml
                assert 'profile="national2025-other"' not in xml
            else:
                assert r.returncode != 0 and "incidents.profile seed2099" in r.stderr, (r.returncode, r.stderr)
    finally:
        for f in (conf, out):
            if os.path.exists(f):
                os.unlink(f)


def test_first_report_classes_at_the_edges():
    start = now().replace(second=0) - 3 * datetime.timedelta(hours=1)
    want = {29: "on_time", 30: "on_time", 31: "late", 59: "late", 60: "late", 61: "missed", 119: "missed",
            120: "missed", 121: "concealed"}
    for minutes, cls in want.items():
        iid, _ = file_incident(started_at=dt(start), discovered_at=dt(start), report_at=dt(start + minutes * MIN))
        c = clock(iid)["first"]
        assert (minutes, c["class"]) == (minutes, cls), c
        assert c["at"] == db_time(start + minutes * MIN) and c["due"] == db_time(start + 30 * MIN)
        assert one("SELECT reported_at FROM inc_incident WHERE id=%d" % iid) == db_time(start + minutes * MIN)
    # between 30 minutes and an hour the report is late: 缓报, seed 003's word
    iid, _ = file_incident(started_at=dt(start), discovered_at=dt(start), report_at=dt(start + 45 * MIN))
    assert clock(iid)["first"]["class"] == "late"
    t = get("/incidents/%d" % iid).text
    assert "缓报" in t and "迟报" not in t
    # a written first report classifies the same way, and is the written report too
    iid, _ = file_incident(started_at=dt(start), discovered_at=dt(start), report_kind="written",
                           report_at=dt(start + 61 * MIN), caller="")
    c = clock(iid)
    assert c["first"]["class"] == "missed" and c["written"]["class"] == "late"


def test_oral_report_logged_later_counts_when_it_came_first():
    iid, _ = file_incident("cs_admin", started_at=dt(now() - 90 * MIN), discovered_at=dt(now() - 80 * MIN))
    assert clock(iid)["first"]["class"] == "missed"
    start = datetime.datetime.fromisoformat(one("SELECT started_at FROM inc_incident WHERE id=%d" % iid))
    assert step(iid, "oral", "cs_admin", oral_at=dt(start + 20 * MIN), caller="x").status == 403   # the office's
    r = step(iid, "oral", oral_at=dt(start + 20 * MIN), caller="赵主任")
    assert r.status == 303, r
    c = clock(iid)
    assert c["first"]["class"] == "on_time" and c["first"]["at"] == db_time(start + 20 * MIN)
    assert c["written"]["class"] == "late"
    assert one("SELECT reported_at FROM inc_incident WHERE id=%d" % iid) == db_time(start + 20 * MIN)
    assert sql("SELECT by_login, detail FROM inc_step WHERE incident_id=%d AND kind='oral'" % iid) == [["office", "赵主任"]]
    # one oral report per incident: it is logged already
    assert step(iid, "oral", oral_at=dt(start + 25 * MIN), caller="x").status == 409
    # a call before the event started is no report of it
    iid2, _ = file_incident("cs_admin")
    start2 = one("SELECT started_at FROM inc_incident WHERE id=%d" % iid2)
    r = step(iid2, "oral", oral_at=dt(datetime.datetime.fromisoformat(start2) - MIN), caller="x")
    assert r.status == 422 and r.xml().find("./data/form/field[@name='oral_at']").get("error") == "before_start"
    assert one("SELECT oral_at FROM inc_incident WHERE id=%d" % iid2) == "NULL"


def test_rectification_due_across_weekend_and_holiday():
    # Handling ends Thursday 2026-09-24 at 18:30; Friday 25 to Sunday 27 are the
    # Mid-Autumn holiday and the weekend: one working day later is Monday 09-28.
    start = datetime.datetime(2026, 9, 24, 9, 0)
    iid, _ = file_incident(started_at=dt(start), discovered_at=dt(start), report_at=dt(start + 20 * MIN))
    r = step(iid, "handled", "cs_admin", handled_at="2026-09-24T18:30")
    assert r.status == 303, r
    want = add_workdays(datetime.date(2026, 9, 24), 1, calendar())
    assert want == datetime.date(2026, 9, 28)
    assert one("SELECT rectify_due FROM inc_incident WHERE id=%d" % iid) == "2026-09-28 23:59:59"
    c = clock(iid)
    assert c["rectify"]["due"] == "2026-09-28 23:59:59" and c["rectify"]["class"] == "overdue"
    assert c["handled"]["class"] == "done"
    # Wednesday 09-30 → National Day (10-01 to 10-07) → Thursday 10-08
    iid2, _ = file_incident(started_at=dt(start), discovered_at=dt(start), report_at=dt(start + 20 * MIN))
    assert step(iid2, "handled", handled_at="2026-09-30T09:00").status == 303
    assert one("SELECT rectify_due FROM inc_incident WHERE id=%d" % iid2) == "2026-10-08 23:59:59"


def test_level_is_confirmed_by_a_leader_only():
    iid, _ = file_incident("cs_admin")
    for login in ("office", "cs_admin", "cs_head", "auditor"):
        assert step(iid, "confirm", login, level="3").status == 403, login
    assert step(iid, "confirm", "leader", level="3").status == 409          # nothing proposed yet
    for login in ("leader", "cs_head", "auditor"):
        assert step(iid, "propose", login, level="3").status == 403, login
    assert one("SELECT COALESCE(level_proposed, 0) FROM inc_incident WHERE id=%d" % iid) == "0"
    assert step(iid, "propose", level="2").status == 303
    assert step(iid, "propose", level="3").status == 303                    # again, until confirmed
    x = incident(iid, "leader")
    assert [c.get("action") for c in x.findall("./data/can")] == ["confirm"]
    assert "/incidents/%d/confirm" % iid in get("/incidents/%d" % iid, "leader").text
    assert "/incidents/%d/confirm" % iid not in get("/incidents/%d" % iid, "office").text
    r = step(iid, "confirm", "leader", level="3")
    assert r.status == 303, r
    assert sql("SELECT level_proposed, level FROM inc_incident WHERE id=%d" % iid) == [["3", "3"]]
    assert sql("SELECT kind, by_login, detail FROM inc_step WHERE incident_id=%d AND kind IN ('propose','confirm')"
               " ORDER BY id" % iid) == [["propose", "office", "2"], ["propose", "office", "3"], ["confirm", "leader", "3"]]
    a = sql("SELECT login, role, before_data, after_data FROM audit WHERE record_type='incident' AND record_id=%d"
            " AND action='confirm'" % iid)
    assert len(a) == 1 and a[0][:2] == ["leader", "leader"] and '"level":"0"' in a[0][2] and '"level":"3"' in a[0][3]
    assert step(iid, "propose", level="4").status == 409                    # confirmed: no more proposals


def test_levels_one_to_three_run_every_report_then_close():
    iid, _ = file_incident("cs_admin", started_at=dt(now() - 20 * MIN), discovered_at=dt(now() - 10 * MIN))
    assert step(iid, "propose", level="2").status == 303
    assert step(iid, "confirm", "leader", level="2").status == 303
    assert step(iid, "close").status == 409                                  # not every step is done
    assert step(iid, "review", "cs_admin").status == 403                     # the head reviews
    r = step(iid, "review", "cs_head")
    assert r.status == 303, r
    assert one("SELECT reviewed_by FROM inc_incident WHERE id=%d" % iid) == one(
        "SELECT name FROM account WHERE login='cs_head'")
    assert step(iid, "rectify", "cs_admin", files={}, text="x").status == 409   # before the end of handling
    assert step(iid, "handled", "cs_admin", handled_at=dt(now() - MIN)).status == 303
    r = step(iid, "rectify", "cs_admin", files={"file": ("rect.pdf", PDF, "application/pdf")}, text="整改完成：已加固。")
    assert r.status == 303, r
    fid = one("SELECT file_id FROM inc_step WHERE incident_id=%d AND kind='rectify'" % iid)
    d = get("/incidents/files/%s" % fid, "cs_head")
    assert d.status == 200 and d.body == PDF and d.header("content-type") == "application/pdf"
    assert get("/incidents/files/%s" % fid, "me_admin").status == 403
    c = clock(iid)
    assert {k: v["class"] for k, v in c.items()} == {"first": "on_time", "written": "on_time", "review": "on_time",
                                                     "handled": "done", "rectify": "on_time"}
    r = step(iid, "close")
    assert r.status == 303, r
    row = sql("SELECT status, next_step, next_due FROM inc_incident WHERE id=%d" % iid)[0]
    assert row == ["closed", "", "9999-12-31 23:59:59"]
    assert [s[0] for s in sql("SELECT kind FROM inc_step WHERE incident_id=%d ORDER BY id" % iid)] == \
        ["written", "propose", "confirm", "review", "handled", "rectify", "close"]
    # read only from now on
    version = one("SELECT version FROM inc_incident WHERE id=%d" % iid)
    assert incident(iid, "office").findall("./data/can") == []
    assert get("/incidents/%d/edit" % iid, "cs_admin").status == 303
    e = sheet("cs_admin")
    e.update({"version": version, "csrf": incident(iid, "cs_admin").findtext("./csrf")})
    r = post_xml("/incidents/%d/edit" % iid, e, "cs_admin")
    assert r.status == 409 and "closed" in [m.get("code") for m in r.xml().findall("./messages/msg")], r
    assert step(iid, "oral", oral_at=dt(now() - MIN), caller="x").status == 409
    assert one("SELECT version FROM inc_incident WHERE id=%d" % iid) == version
    st, x = page("/incidents/?lang=en")
    assert str(iid) not in [i.get("id") for i in x.findall("./data/incidents/incident")]


def test_level_four_runs_the_simple_flow():
    iid, _ = file_incident("cs_admin", started_at=dt(now() - 300 * MIN), discovered_at=dt(now() - 290 * MIN))
    assert clock(iid)["review"]["class"] == "overdue"
    assert step(iid, "propose", level="4").status == 303
    assert step(iid, "confirm", "leader", level="4").status == 303
    c = clock(iid)
    assert [c[k]["class"] for k in ("first", "written", "review")] == ["na", "na", "na"]
    assert one("SELECT next_step FROM inc_incident WHERE id=%d" % iid) == "handled"
    assert step(iid, "review", "cs_head").status == 409                     # no review in level IV
    assert step(iid, "handled", "cs_admin", handled_at=dt(now() - MIN)).status == 303
    assert one("SELECT next_step FROM inc_incident WHERE id=%d" % iid) == "rectify"
    assert "处置情况书面报告" in get("/incidents/%d" % iid, "cs_admin").text
    r = step(iid, "rectify", "cs_admin", files={"file": ("empty.pdf", b"", "application/pdf")}, text="已处置。")
    assert r.status == 303, r                                               # the file is optional
    assert step(iid, "close").status == 303
    assert one("SELECT status FROM inc_incident WHERE id=%d" % iid) == "closed"


def test_post_without_csrf_is_403_and_changes_nothing():
    iid, _ = file_incident("cs_admin")
    before = counts()
    f = sheet("cs_admin")
    del f["csrf"]
    assert post("/incidents/new", f, "cs_admin").status == 403
    f["csrf"] = "1.deadbeef"
    assert post("/incidents/new", f, "cs_admin").status == 403
    version = one("SELECT version FROM inc_incident WHERE id=%d" % iid)
    for csrf in (None, "1.deadbeef"):
        g = {"version": version, "handled_at": dt(now() - MIN)}
        if csrf:
            g["csrf"] = csrf
        assert post("/incidents/%d/handled" % iid, g, "cs_admin").status == 403
    assert counts() == before
    assert one("SELECT version FROM inc_incident WHERE id=%d" % iid) == version


def test_bad_input_is_422_with_values_kept_and_nothing_written():
    before = counts()
    later = now() + 60 * MIN
    f = sheet("office", description="", started_at=dt(later), discovered_at="2026-13-01T10:00",
              category="gbt2023.no_such", system_id="999999", measures="已报警。", caller="")
    r = post_xml("/incidents/new", f)
    assert r.status == 422, r
    got = {e.get("name"): e for e in r.xml().findall("./data/form/field")}
    errors = {k: e.get("error") for k, e in got.items() if e.get("error")}
    assert errors == {"description": "required", "started_at": "future_time", "discovered_at": "datetime",
                      "category": "choice", "system_id": "unknown_system", "caller": "required"}, errors
    for k in ("started_at", "discovered_at", "measures", "filled_by", "category", "unit", "report_at", "nonce"):
        assert (got[k].text or "") == f[k], k
    html = request("POST", "/incidents/new", "office", body=f).text
    assert "已报警。" in html and "2026-13-01T10:00" in html
    # the discovery before the start, an unknown unit
    g = sheet("office", unit="NO-SUCH")
    g["discovered_at"] = dt(datetime.datetime.fromisoformat(g["started_at"]) - MIN)
    r = post_xml("/incidents/new", g)
    errors = {e.get("name"): e.get("error") for e in r.xml().findall("./data/form/field") if e.get("error")}
    assert r.status == 422 and errors == {"unit": "unknown_unit", "discovered_at": "before_start"}, errors
    assert counts() == before
    # a step: the end of handling missing, then before the start
    iid, _ = file_incident("cs_admin")
    before = counts()
    r = step(iid, "handled", "cs_admin", handled_at="")
    assert r.status == 422 and r.xml().find("./data/form").get("step") == "handled"
    r = step(iid, "handled", "cs_admin", handled_at="2020-01-01T10:00")
    x = r.xml()
    assert r.status == 422 and x.find("./data/form/field[@name='handled_at']").get("error") == "before_start"
    assert x.find("./data/form/field[@name='handled_at']").text == "2020-01-01T10:00"
    assert step(iid, "handled", "cs_admin", handled_at=dt(now())).status == 303
    r = step(iid, "rectify", "cs_admin", files={"file": ("x.pdf", ELF, "application/pdf")}, text="已整改。")
    assert r.status == 422 and [m.get("code") for m in r.xml().findall("./messages/msg") if m.get("field") == "file"] \
        == ["file_type"]
    assert r.xml().find("./data/form/field[@name='text']").text == "已整改。"
    assert counts()[2] == before[2] and one("SELECT rectify_at FROM inc_incident WHERE id=%d" % iid) == "NULL"


def test_other_units_are_403_and_audited():
    iid, _ = file_incident("cs_admin")
    version = one("SELECT version FROM inc_incident WHERE id=%d" % iid)
    denied = int(one("SELECT COUNT(*) FROM audit WHERE action='denied' AND record_type='incident' AND record_id=%d" % iid))
    for path in ("/incidents/%d" % iid, "/incidents/%d/print" % iid, "/incidents/%d/edit" % iid):
        assert get(path, "me_admin").status == 403, path
    csrf = page("/incidents/", "me_admin")[1].findtext("./csrf")
    assert post("/incidents/%d/handled" % iid, {"version": version, "handled_at": dt(now()), "csrf": csrf},
                "me_admin").status == 403
    e = sheet("cs_admin")
    e.update({"version": version, "csrf": csrf})
    assert post("/incidents/%d/edit" % iid, e, "me_admin").status == 403
    assert one("SELECT version FROM inc_incident WHERE id=%d" % iid) == version
    after = int(one("SELECT COUNT(*) FROM audit WHERE action='denied' AND record_type='incident' AND record_id=%d" % iid))
    assert after == denied + 5
    assert one("SELECT login FROM audit WHERE action='denied' AND record_type='incident' AND record_id=%d"
               " ORDER BY id DESC LIMIT 1" % iid) == "me_admin"
    # lists show a unit's staff their own unit only
    for path in ("/incidents/", "/incidents/list"):
        st, x = page(path, "me_admin")
        assert {i.get("unit-code") for i in x.findall("./data/incidents/incident")} <= {"C-ME"}, path
    st, x = page("/incidents/list", "office")
    assert str(iid) in [i.get("id") for i in x.findall("./data/incidents/incident")]


def test_concurrent_edits_one_wins_the_other_409_with_both_versions():
    iid, _ = file_incident("cs_admin")
    path = "/incidents/%d/edit" % iid
    a = form(path, "cs_admin")
    b = form(path, "office")
    assert a["version"] == b["version"] == "1" and a["measures"] == "已下线并恢复备份。"
    a["measures"] = "甲：已封禁来源地址。"
    b["measures"] = "乙：已启用备用站点。"
    b["started_at"] = dt(datetime.datetime.fromisoformat(b["started_at"]) - MIN)     # the office may move it
    ra, rb = at_once(lambda: post_xml(path, a, "cs_admin"), lambda: post_xml(path, b, "office"))
    assert sorted([ra.status, rb.status]) == [303, 409], (ra, rb)
    won, lost, mine, theirs = (ra, rb, b, a) if ra.status == 303 else (rb, ra, a, b)
    x = lost.xml()
    assert x.find("./data").get("conflict") == "1"
    assert x.find("./data/form").get("from-version") == "1" and x.find("./data/incident").get("version") == "2"
    got = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    assert got["measures"] == mine["measures"] and got["version"] == "2"        # nothing typed is lost
    assert x.find("./data/now/form/field[@name='measures']").text == theirs["measures"]
    assert one("SELECT measures FROM inc_incident WHERE id=%d" % iid) == theirs["measures"]
    assert int(one("SELECT COUNT(*) FROM audit WHERE record_type='incident' AND action='edit' AND record_id=%d" % iid)) == 1
    # submitting the returned form again is a decision over the newer record
    got["csrf"] = mine["csrf"]
    login = "office" if mine is b else "cs_admin"
    assert post(path, got, login).status == 303
    assert sql("SELECT measures, version FROM inc_incident WHERE id=%d" % iid) == [[mine["measures"], "3"]]
    # the office cannot move the start past the first report
    d = form(path, "office")
    reported = datetime.datetime.fromisoformat(one("SELECT reported_at FROM inc_incident WHERE id=%d" % iid))
    d["started_at"] = dt(reported + MIN)
    r = post_xml(path, d, "office")
    assert r.status == 422 and r.xml().find("./data/form/field[@name='started_at']").get("error") == "after_report"
    # a double submit of one edit lands once
    c = form(path, "cs_admin")
    c["suggestions"] = "加强巡检。"
    assert post(path, c, "cs_admin").status == 303 and post(path, c, "cs_admin").status == 303
    assert one("SELECT version FROM inc_incident WHERE id=%d" % iid) == "4"


def test_concurrent_transitions_one_wins_the_other_409():
    iid, _ = file_incident("cs_admin")
    xo, xu = incident(iid, "office"), incident(iid, "cs_admin")
    fo = {"version": xo.find("./data/incident").get("version"), "csrf": xo.findtext("./csrf"), "level": "3"}
    fu = {"version": xu.find("./data/incident").get("version"), "csrf": xu.findtext("./csrf"),
          "handled_at": dt(now() - MIN)}
    ro, ru = at_once(lambda: post_xml("/incidents/%d/propose" % iid, fo, "office"),
                     lambda: post_xml("/incidents/%d/handled" % iid, fu, "cs_admin"))
    assert sorted([ro.status, ru.status]) == [303, 409], (ro, ru)
    lost, sent = (ru, fu) if ro.status == 303 else (ro, fo)
    x = lost.xml()
    assert x.find("./data/form").get("from-version") == "1" and x.find("./data/incident").get("version") == "2"
    for k, v in sent.items():
        if k not in ("csrf", "version"):
            assert x.find("./data/form/field[@name='%s']" % k).text == v, k
    row = sql("SELECT COALESCE(level_proposed, 0), COALESCE(handled_at, ''), version FROM inc_incident WHERE id=%d" % iid)[0]
    assert (row[0] == "3") != (row[1] != "") and row[2] == "2", row        # exactly one of the two
    assert int(one("SELECT COUNT(*) FROM inc_step WHERE incident_id=%d" % iid)) == 2


def test_double_submit_files_one_incident():
    f = sheet("cs_admin")
    before = counts()[0]
    r1 = post("/incidents/new", f, "cs_admin")
    r2 = post("/incidents/new", f, "cs_admin")
    assert r1.status == r2.status == 303 and r1.header("location") == r2.header("location")
    assert counts()[0] == before + 1
    g = sheet("office")
    out = at_once(*[lambda: post("/incidents/new", g, "office")] * 3)
    assert [r.status for r in out] == [303] * 3 and len({r.header("location") for r in out}) == 1, out
    assert one("SELECT COUNT(*) FROM inc_incident WHERE nonce='%s'" % g["nonce"]) == "1"
    assert one("SELECT COUNT(*) FROM inc_step s JOIN inc_incident i ON i.id=s.incident_id WHERE i.nonce='%s'"
               % g["nonce"]) == "1"
    # a step's double submit is one step
    iid = location_id(r1)
    h = incident(iid, "cs_admin")
    hf = {"version": h.find("./data/incident").get("version"), "csrf": h.findtext("./csrf"), "handled_at": dt(now())}
    assert post("/incidents/%d/handled" % iid, hf, "cs_admin").status == 303
    assert post("/incidents/%d/handled" % iid, hf, "cs_admin").status == 303
    assert one("SELECT COUNT(*) FROM inc_step WHERE incident_id=%d AND kind='handled'" % iid) == "1"


def test_board_nearest_deadline_first_paged_along_its_index():
    # 55 open incidents of C-FL with deadlines an hour apart, some past
    fl = unit_id("C-FL")
    base = now().replace(second=0)
    tag = uuid.uuid4().hex[:8]
    values = ",".join(
        "(%d,%d,'%s','%s','%s','t','gbt2023','other','x','','','','open','%s','written',1800,3600,7200,3600,3600,1,"
        "'%s%02d','test','test')" % (fl, fl, db_time(base), db_time(base), db_time(base),
                                     db_time(base + (i - 5) * 60 * MIN), tag, i) for i in range(55))
    sql("INSERT INTO inc_incident (unit_id, reporting_unit_id, started_at, discovered_at, reported_at, filled_by,"
        " taxonomy, category, description, measures, consequences, suggestions, status, next_due, next_step,"
        " lim_first_ontime, lim_first_late, lim_first_missed, lim_written, lim_review, lim_rectify_days, nonce,"
        " created_by, updated_by) VALUES " + values)
    want = [r[0] for r in sql("SELECT id FROM inc_incident WHERE status='open' ORDER BY next_due, id")]
    got, path, pages = [], "/incidents/", 0
    while path:
        st, x = page(path)
        assert st == 200
        rows = x.findall("./data/incidents/incident")
        assert len(rows) <= 50
        for r in rows:
            due = r.get("next-due")
            if due:
                left = int(r.get("left"))
                assert (r.get("overdue") == "1") == (left < 0), r.attrib
        got += [r.get("id") for r in rows]
        pages += 1
        nxt = x.find("./data/incidents").get("next")
        path = "/incidents/?after=" + nxt if nxt else None
    assert got == want and pages >= 2, (len(got), len(want))
    html = get("/incidents/").text
    assert 'class="overdue"' in html and 'rel="next" href="/incidents/?after=' in html
    # the wall display's XML: the same page, whatever the client accepts
    r = get("/incidents/board.xml", "auditor", headers={"Accept": "text/html"})
    assert r.status == 200 and r.header("content-type").startswith("application/xml")
    x = r.xml()
    assert x.get("view") == "incidents/board" and [i.get("id") for i in x.findall("./data/incidents/incident")] == want[:50]
    sql("UPDATE inc_incident SET status='closed', next_due='9999-12-31 23:59:59' WHERE nonce LIKE '%s%%'" % tag)


def test_print_view_in_the_seed_layout():
    iid, f = file_incident("cs_admin", category="gbz2007.harmful_program", harm_leaked="1", level_reported="3",
                           suggestions="建议全校排查。")
    assert one("SELECT CONCAT(taxonomy, '.', category) FROM inc_incident WHERE id=%d" % iid) == "gbz2007.harmful_program"
    r = get("/incidents/%d/print" % iid, "cs_head")
    assert r.status == 200
    for text in ("网络信息安全突发事件报告单", "报告单位", "报告时间", "事发单位", "事件起始时间", "填报人", "审核人",
                 "有害程序类事件", "网络攻击类事件", "灾害类事件", "Ⅰ级", "Ⅳ级", "网络中断", "数据泄密",
                 "事件描述（包括突发事件发生原因、性质，初步原因和危害程度判断）", "处置措施", "事件后果的初步估计",
                 "有关意见和建议", "建议全校排查。", f["description"], "单位负责人（签字）", "单位公章（盖章）",
                 "@page{size:A4", "@media print"):
        assert text in r.text, text
    # ticked: the category, the harms, the unit's estimate of the level
    assert re.search(r"☑</span>有害程序类事件", r.text) and re.search(r"☑</span>数据泄密", r.text)
    assert re.search(r"☑</span>网络中断", r.text) and re.search(r"☑</span>Ⅲ级", r.text)
    assert not re.search(r"☑</span>网络攻击类事件", r.text) and r.text.count("☑") == 4
    assert "恶意程序事件" not in r.text                   # the other version's categories are not offered
    assert get("/incidents/%d/print?lang=en" % iid, "cs_head").status == 200


def test_the_affected_system_is_one_of_the_units():
    cs, me = unit_id("C-CS"), unit_id("C-ME")
    tag = uuid.uuid4().hex[:6]
    for unit in (cs, me):
        sql("INSERT INTO sys_system (unit_id, name, kind, hosting, admin_name, admin_phone, status, created_by,"
            " updated_by) VALUES (%d, '教务系统 %s', 'info_system', 'cloud_vm', '管理员', '0371-60000000', 'online',"
            " 'test', 'test')" % (unit, tag))
    ours = int(one("SELECT id FROM sys_system WHERE unit_id=%d AND name='教务系统 %s'" % (cs, tag)))
    theirs = int(one("SELECT id FROM sys_system WHERE unit_id=%d AND name='教务系统 %s'" % (me, tag)))
    st, x = page("/incidents/new", "cs_admin")
    offered = [int(e.get("id")) for e in x.findall("./data/systems/system")]
    assert ours in offered and theirs not in offered
    r = post_xml("/incidents/new", sheet("cs_admin", system_id=str(theirs)), "cs_admin")
    assert r.status == 422 and r.xml().find("./data/form/field[@name='system_id']").get("error") == "unknown_system"
    iid, _ = file_incident("cs_admin", system_id=str(ours))
    assert one("SELECT system_id FROM inc_incident WHERE id=%d" % iid) == str(ours)
    assert incident(iid, "auditor").find("./data/incident/system").text == "教务系统 " + tag
    assert "教务系统 " + tag in get("/incidents/%d/print" % iid, "cs_admin").text


def test_export_validates_against_its_xsd():
    r = get("/incidents/export.xml")
    assert r.status == 200 and "attachment" in r.header("content-disposition")
    path = os.path.join(STACK, "incidents-export.xml")
    with open(path, "wb") as f:
        f.write(r.body)
    xsd = os.path.join(ROOT, "schema/xml/incidents.xsd")
    v = subprocess.run(["xmllint", "--noout", "--schema", xsd, path], capture_output=True, text=True,
                       errors="replace")
    assert v.returncode == 0, v.stderr[-2000:]
    ns = {"i": "urn:wangan:incidents:1"}
    x = r.xml()
    incidents = x.findall("./i:incidentList/i:incident", ns)
    assert len(incidents) == int(one("SELECT COUNT(*) FROM inc_incident"))
    assert len(x.findall("./i:incidentList/i:incident/i:steps/i:step", ns)) == int(one("SELECT COUNT(*) FROM inc_step"))
    # the threat notices (the rectification notices of schema 035 are the school's own, not exported)
    assert len(x.findall("./i:notices/i:notice", ns)) == int(one("SELECT COUNT(*) FROM inc_notice WHERE kind='threat'"))
    assert len(x.findall("./i:notices/i:notice/i:responses/i:response", ns)) == \
        int(one("SELECT COUNT(*) FROM inc_notice_response r JOIN inc_notice n ON n.id = r.notice_id"
                " WHERE n.kind = 'threat'"))
    me = demo_incident("C-ME")
    e = [i for i in incidents if i.get("id") == str(me)][0]
    classes = {s.get("kind"): s.get("class") for s in e.findall("./i:clock/i:step", ns)}
    assert classes["first"] == "missed" and classes["written"] == "late" and classes["review"] == "overdue"
    assert [s.get("kind") for s in e.findall("./i:steps/i:step", ns)] == ["oral", "written", "propose", "confirm"]
    assert get("/incidents/export.xml", "cs_admin").status == 403
    # the same from the command line
    out = os.path.join(STACK, "incidents-cli.xml")
    p = subprocess.run([os.path.join(BIN, "wangan-incidents"), "--config", os.path.join(STACK, "wangan.conf"),
                        "--export", out], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr[-2000:]
    v = subprocess.run(["xmllint", "--noout", "--schema", xsd, out], capture_output=True, text=True,
                       errors="replace")
    assert v.returncode == 0, v.stderr[-2000:]
