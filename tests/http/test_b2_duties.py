"""The year's duties (modules/duties, schema 034): the office opens this year
(a self-inspection day outside the year refused, nothing changed); a unit's
staff enter the training figures (a bad one refused with its message and
nothing saved; one below its threshold saved and shown as not met), upload a
scan (a double submit makes one file, a non-scan is refused), cannot submit
before the files are in, submit; another unit's staff can neither see nor act
on it, the leading group reads but cannot act, a POST without its CSRF token
changes nothing; the office returns it (a reason required), the unit submits
again, the office accepts.  The item is on the unit's home to-do while the
unit owes it, on the office's while it awaits review, and gone once done.  A
duty past its due day shows overdue, on the list and on the home page; the
office's new self-inspection day moves the units' due days; the office's
own duties are not the units' to see.  The unit's scorecard on the dashboard
lists its yearly duties and where each stands."""
import datetime
from lib import ACC, get, one, page, post, request, sql, today, unit_id
from fixtures import ELF, PDF, fresh_unit, multipart, post_xml


def csrf(login):
    st, x = page("/duties/", login)
    assert st == 200, (login, st)
    return x.findtext("./csrf")


def inst(code, duty, year):
    return int(one("SELECT i.id FROM duty_instance i JOIN duty_def d ON d.id = i.duty_id"
                   " WHERE i.unit_id = %d AND d.code = '%s' AND i.year = %d" % (unit_id(code), duty, year)))


def state(iid):
    return one("SELECT state FROM duty_instance WHERE id = %d" % iid)


def version(iid):
    return one("SELECT version FROM duty_instance WHERE id = %d" % iid)


def nfiles(iid):
    return int(one("SELECT COUNT(*) FROM duty_file WHERE instance_id = %d" % iid))


def values(iid):
    return {r[0]: r[1] for r in sql("SELECT f.code, v.value FROM duty_value v JOIN duty_figure f ON f.id = v.figure_id"
                                    " WHERE v.instance_id = %d" % iid)}


def home_items(login):
    st, x = page("/home/", login)
    assert st == 200, (login, st)
    return {(g.get("name"), int(i.get("record"))) for g in x.findall("./data/todo/group")
            for i in g.findall("item") if i.get("module") == "duties"}


def in_home(login, iid):
    return [g for g, r in home_items(login) if r == iid]


def open_year(year, due, login="office"):
    return post("/duties/year", {"csrf": csrf(login), "year": str(year), "inspect_due": due}, login)


def upload(iid, login, nonce, data=PDF, name="drill.pdf", note="演练记录"):
    st, x = page("/duties/%d" % iid, login)
    body, ctype = multipart({"csrf": x.findtext("./csrf"), "nonce": nonce, "note": note},
                            {"file": (name, data, "application/pdf")})
    return request("POST", "/duties/%d/files" % iid, login, body=body,
                   headers={"Content-Type": ctype, "Accept": "application/xml"})


def form_of(iid, login):
    st, x = page("/duties/%d" % iid, login)
    assert st == 200, (iid, login, st)
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    f["csrf"] = x.findtext("./csrf")
    return f, x


def test_a_years_duty_from_evidence_to_done_for_its_unit_alone():
    day = today()
    year = day.year
    a, sa, ha = fresh_unit("B2")
    b, sb, hb = fresh_unit("B2")

    # the office opens the year; a self-inspection day outside it is refused, nothing changed
    before = one("SELECT COUNT(*) FROM duty_instance WHERE year = %d" % year)
    r = post_xml("/duties/year", {"csrf": csrf("office"), "year": str(year),
                                  "inspect_due": "%d-01-10" % (year + 1)})
    assert r.status == 422, r
    assert r.xml().find("./messages/msg[@code='du_year_date']") is not None, r.text[:600]
    assert one("SELECT COUNT(*) FROM duty_instance WHERE year = %d" % year) == before
    due = "%d-12-01" % year
    r = open_year(year, due)
    assert r.status == 303 and "saved=duty_year." in r.header("location"), r
    unit_duties = int(one("SELECT COUNT(*) FROM duty_def WHERE owner = 'unit' AND active = 1"))
    assert int(one("SELECT COUNT(*) FROM duty_instance WHERE unit_id = %d AND year = %d"
                   % (unit_id(a), year))) == unit_duties == 3
    assert one("SELECT due_date FROM duty_instance i JOIN duty_def d ON d.id = i.duty_id WHERE d.code ="
               " 'self_inspection' AND i.unit_id = %d AND i.year = %d" % (unit_id(a), year)) == due
    # opening again adds nothing
    n = one("SELECT COUNT(*) FROM duty_instance WHERE year = %d" % year)
    assert open_year(year, due).status == 303
    assert one("SELECT COUNT(*) FROM duty_instance WHERE year = %d" % year) == n

    # the unit's list: its own duties only, none of the office's
    st, x = page("/duties/?year=%d" % year, sa)
    assert st == 200
    rows = x.findall("./data/duties/rows/inst")
    assert len(rows) == 3 and {r.get("unit-id") for r in rows} == {str(unit_id(a))}, [r.attrib for r in rows]
    assert x.find("./data/duties/summary") is None
    # a unit that asks for another unit's list gets its own
    st, x = page("/duties/?year=%d&unit=%d" % (year, unit_id(b)), sa)
    assert {r.get("unit-id") for r in x.findall("./data/duties/rows/inst")} == {str(unit_id(a))}
    # the office filters by unit and duty
    st, x = page("/duties/?year=%d&unit=%d&duty=training" % (year, unit_id(b)))
    rows = x.findall("./data/duties/rows/inst")
    assert len(rows) == 1 and rows[0].get("unit-id") == str(unit_id(b)) and rows[0].get("code") == "training"
    assert x.find("./data/duties/summary/row[@code='training']") is not None

    iid = inst(a, "training", year)
    assert in_home(sa, iid), home_items(sa)
    assert not in_home(sb, iid)

    # figures: a bad one refused with its message, nothing saved
    f, x = form_of(iid, sa)
    assert "fig_staff_hours" in f and "fig_tech_hours" in f, f
    fig = x.find("./data/instance/figures/figure[@code='tech_hours']")
    assert fig.get("threshold") == "8" and fig.get("max") == "1000", fig.attrib
    v0 = version(iid)
    for bad, code in (("abc", "du_number"), ("4.55", "du_number"), ("2000", "du_range"), ("-1", "du_number")):
        r = post_xml("/duties/%d/figures" % iid, dict(f, fig_staff_hours=bad, fig_tech_hours="9"), sa)
        assert r.status == 422, (bad, r)
        fx = r.xml()
        assert fx.find("./messages/msg[@field='fig_staff_hours'][@code='%s']" % code) is not None, (bad, r.text[:800])
        assert fx.findtext("./data/form/field[@name='fig_staff_hours']") == bad   # what was typed is kept
        assert values(iid) == {} and version(iid) == v0
    r = post("/duties/%d/figures" % iid, dict(f, fig_staff_hours="4.5", fig_tech_hours="7", fig_staff_count="120"), sa)
    assert r.status == 303, r
    assert values(iid) == {"staff_hours": "4.50", "tech_hours": "7.00", "staff_count": "120.00"}
    st, x = page("/duties/%d" % iid, sa)
    assert x.find("./data/instance/figures/figure[@code='staff_hours']").get("met") == "1"
    assert x.find("./data/instance/figures/figure[@code='tech_hours']").get("met") == "0"
    # a save over an older version: 409, nothing overwritten
    r = post_xml("/duties/%d/figures" % iid, dict(f, fig_staff_hours="5", fig_tech_hours="8"), sa)
    assert r.status == 409, r
    assert values(iid)["staff_hours"] == "4.50"

    # submit before the files are in: refused
    f, x = form_of(iid, sa)
    r = post_xml("/duties/%d/submit" % iid, {"csrf": f["csrf"], "version": f["version"]}, sa)
    assert r.status == 422 and r.xml().find("./messages/msg[@code='du_files_missing']") is not None, r
    assert state(iid) == "open"

    # a scan: one file however often the form is sent; a non-scan refused
    r = upload(iid, sa, f["nonce"])
    assert r.status == 303, r
    r = upload(iid, sa, f["nonce"])
    assert r.status == 303, r
    assert nfiles(iid) == 1
    assert one("SELECT sha256 <> '' AND mime = 'application/pdf' FROM duty_file WHERE instance_id = %d" % iid) == "1"
    r = upload(iid, sa, "e" * 32, data=ELF, name="x.pdf")
    assert r.status == 422 and r.xml().find("./messages/msg[@field='file'][@code='scan_type']") is not None, r
    assert nfiles(iid) == 1
    # a wrong scan taken off again (not by another unit), its trace kept in the audit
    r = upload(iid, sa, "d" * 32, name="wrong.pdf", note="错传")
    assert r.status == 303 and nfiles(iid) == 2, r
    wrong = int(one("SELECT id FROM duty_file WHERE instance_id = %d AND filename = 'wrong.pdf'" % iid))
    assert post("/duties/files/%d/delete" % wrong, {"csrf": csrf(sb), "instance": str(iid)}, sb).status == 403
    assert nfiles(iid) == 2
    r = post("/duties/files/%d/delete" % wrong, {"csrf": csrf(sa), "instance": str(iid)}, sa)
    assert r.status == 303 and nfiles(iid) == 1, r
    assert one("SELECT COUNT(*) FROM duty_file_chunk WHERE file_id = %d" % wrong) == "0"
    assert "wrong.pdf" in one("SELECT before_data FROM audit WHERE record_type = 'duty_file' AND record_id = %d"
                              " AND action = 'delete'" % wrong)
    r = post("/duties/files/%d/delete" % wrong, {"csrf": csrf(sa), "instance": str(iid)}, sa)
    assert r.status == 303 and r.header("location").startswith("/duties/%d" % iid), r   # sent twice
    fid = int(one("SELECT id FROM duty_file WHERE instance_id = %d" % iid))
    r = get("/duties/files/%d" % fid, sa)
    assert r.status == 200 and r.body == PDF, r

    # another unit's staff: neither see nor act; the leading group reads, cannot act
    f, x = form_of(iid, sa)
    for path, body in (("/duties/%d" % iid, None), ("/duties/files/%d" % fid, None),
                       ("/duties/%d/figures" % iid, dict(f, fig_staff_hours="1", csrf=csrf(sb))),
                       ("/duties/%d/submit" % iid, {"csrf": csrf(sb), "version": f["version"]})):
        r = get(path, sb) if body is None else post(path, body, sb)
        assert r.status in (403, 404), (path, r)
    body, ctype = multipart({"csrf": csrf(sb), "nonce": "b" * 32}, {"file": ("x.pdf", PDF, "application/pdf")})
    r = request("POST", "/duties/%d/files" % iid, sb, body=body, headers={"Content-Type": ctype})
    assert r.status in (403, 404), r
    assert values(iid)["staff_hours"] == "4.50" and nfiles(iid) == 1 and state(iid) == "open"
    st, x = page("/duties/%d" % iid, "leader")
    assert st == 200 and x.find("./data/instance").get("writable") == "0"
    r = post("/duties/%d/submit" % iid, {"csrf": csrf("leader"), "version": f["version"]}, "leader")
    assert r.status == 403, r

    # a POST without its CSRF token changes nothing
    r = post("/duties/%d/submit" % iid, {"version": f["version"]}, sa)
    assert r.status == 403, r
    assert state(iid) == "open"

    # submitted: off the unit's to-do, on the office's
    r = post("/duties/%d/submit" % iid, {"csrf": f["csrf"], "version": f["version"]}, sa)
    assert r.status == 303, r
    assert state(iid) == "submitted"
    r = post("/duties/%d/submit" % iid, {"csrf": f["csrf"], "version": f["version"]}, sa)
    assert r.status == 303, r         # sent twice: the page, as after the first
    assert not in_home(sa, iid) and in_home("office", iid)
    assert upload(iid, sa, "c" * 32).status == 409 and nfiles(iid) == 1   # no more evidence once submitted
    assert post("/duties/files/%d/delete" % fid, {"csrf": csrf(sa), "instance": str(iid)}, sa).status == 409
    assert nfiles(iid) == 1

    # the office returns it (a reason required), the unit submits again, the office accepts
    f, x = form_of(iid, "office")
    assert x.find("./data/instance").get("decidable") == "1"
    r = post_xml("/duties/%d/return" % iid, {"csrf": f["csrf"], "version": f["version"], "reason": ""})
    assert r.status == 422 and r.xml().find("./messages/msg[@code='du_reason']") is not None, r
    assert state(iid) == "submitted"
    r = post("/duties/%d/return" % iid, {"csrf": f["csrf"], "version": f["version"], "reason": "技术人员学时未达 8 学时，请补充说明"})
    assert r.status == 303, r
    assert state(iid) == "returned"
    assert in_home(sa, iid) and not in_home("office", iid)
    f, x = form_of(iid, sa)
    assert x.findtext("./data/instance/reason").startswith("技术人员")
    assert post("/duties/%d/submit" % iid, {"csrf": f["csrf"], "version": f["version"]}, sa).status == 303
    f, x = form_of(iid, "office")
    assert post("/duties/%d/accept" % iid, {"csrf": f["csrf"], "version": f["version"]}).status == 303
    assert state(iid) == "accepted"
    assert not in_home(sa, iid) and not in_home("office", iid)
    st, x = page("/duties/?year=%d" % year, sa)
    assert x.find("./data/duties/rows/inst[@id='%d']" % iid).get("stand") == "done"
    actions = [r[0] for r in sql("SELECT action FROM audit WHERE record_type = 'duty_instance'"
                                 " AND record_id = %d AND action <> 'denied' ORDER BY id" % iid)]
    assert actions == ["figures", "submit", "return", "submit", "accept"], actions

    # overdue after the due day: on the list and on the home page
    drill = inst(a, "drill_unit", year)
    sql("UPDATE duty_instance SET due_date = '%s' WHERE id = %d" % (day - datetime.timedelta(days=3), drill))
    st, x = page("/duties/?year=%d" % year, sa)
    assert x.find("./data/duties/rows/inst[@id='%d']" % drill).get("stand") == "overdue"
    assert "overdue" in in_home(sa, drill), home_items(sa)
    st, x = page("/duties/%d" % drill, sa)
    assert x.find("./data/instance").get("stand") == "overdue"

    # the unit's scorecard (dashboard) shows its yearly duties and where each stands
    st, x = page("/dashboard/unit/%s?year=%d" % (a, year))
    assert st == 200, st
    stands = {d.get("code"): d.get("stand") for d in x.findall("./data/yearly/d")}
    insp_stand = "overdue" if datetime.date.fromisoformat(due) < day else "open"
    assert stands == {"self_inspection": insp_stand, "drill_unit": "overdue", "training": "done"}, stands
    assert x.find("./data/indicators/i[@ref='s002_12']").get("duty") == "yearly"
    assert page("/dashboard/unit/%s?year=%d" % (a, year), sb)[0] == 403

    # the office's new self-inspection day moves the units' due days
    due2 = "%d-12-10" % year
    assert open_year(year, due2).status == 303
    insp = inst(a, "self_inspection", year)
    assert one("SELECT due_date FROM duty_instance WHERE id = %d" % insp) == due2
    assert one("SELECT inspect_due FROM duty_year WHERE year = %d" % year) == due2

    # the office's own duties are not the units' to see
    own = int(one("SELECT i.id FROM duty_instance i JOIN duty_def d ON d.id = i.duty_id"
                  " WHERE d.code = 'summary_report' AND i.year = %d AND i.unit_id IS NULL" % year))
    assert get("/duties/%d" % own, sa).status in (403, 404)
    assert in_home("office", own)
    assert page("/duties/%d" % own, "auditor")[0] == 200


def test_the_pages_render_in_both_languages():
    year = today().year
    for lang in ("zh-CN", "en"):
        for path, login in (("/duties/?year=%d" % year, "office"), ("/duties/year", "office"),
                            ("/duties/", "cs_admin")):
            r = get(path + ("&" if "?" in path else "?") + "lang=" + lang, login)
            assert r.status == 200 and "<html" in r.text, (path, lang, r)
    r = get("/duties/year", "cs_admin")
    assert r.status == 403, r


def test_home_lists_duties_only_where_the_site_runs_them():
    """A second home process whose config leaves duties out (as test_93_nav does for
    the navigation) lists none of the unit's duties; the stack's lists them."""
    import os, signal, subprocess
    from lib import BIN, STACK, wait_for
    year = today().year
    a, sa, ha = fresh_unit("B2")
    assert open_year(year, "%d-12-10" % year).status == 303
    iid = inst(a, "training", year)
    assert in_home(sa, iid)
    conf = os.path.join(STACK, "duties-off.conf")
    sock = os.path.join(STACK, "run", "duties-off.sock")
    with open(os.path.join(STACK, "wangan.conf")) as f:
        text = f.read()
    mods = [m for m in text.split("\nmodules = ", 1)[1].split("\n", 1)[0].split() if m != "duties"]
    with open(conf, "w") as f:        # a later line overrides the stack's own
        f.write(text + "\nmodules = %s\n" % " ".join(mods))
    if os.path.exists(sock):
        os.unlink(sock)
    p = subprocess.Popen([os.path.join(BIN, "wangan-home"), "--config", conf, "--listen", sock, "--workers", "1"],
                         stderr=subprocess.DEVNULL)
    try:
        assert wait_for(lambda: os.path.exists(sock), 15)
        xml = wait_for(lambda: (lambda o: o if "</page>" in o else None)(_fcgi_as(sock, "/home/", sa)), 15)
        assert xml and "Status: 200" in xml and "<todo" in xml, xml[:1500]
        assert 'module="registration"' in xml, xml[:3000]     # the unit's other items are there
        assert 'module="duties"' not in xml, xml[:3000]
        # the same database: the stack's own home (duties on) lists the duty
        assert in_home(sa, iid)
    finally:
        p.send_signal(signal.SIGTERM)
        assert p.wait(15) == 0
        if os.path.exists(conf):
            os.unlink(conf)


def _fcgi_as(sock, path, login):
    import os, subprocess
    env = dict(os.environ, REQUEST_METHOD="GET", DOCUMENT_URI=path, SCRIPT_NAME=path, QUERY_STRING="",
               REMOTE_USER=login, HTTP_ACCEPT="application/xml")
    r = subprocess.run(["cgi-fcgi", "-bind", "-connect", sock], env=env, capture_output=True, timeout=20)
    return r.stdout.decode("utf-8", "replace")
