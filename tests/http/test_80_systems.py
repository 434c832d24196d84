"""System filing (issue 4), the inventory so far: every page for every role;
a unit's staff file their own unit's systems and cannot grade them; the
office grades; 422 with values kept; the go-live gate; next due dates from
go-live for every level across a year end, and for CII; 409 on concurrent
edits; one system on a double submit; 403 across units (logged); CSRF."""
import datetime
from lib import form, get, one, page, post, request, sql, unit_id

ROLES = ["office", "leader", "auditor", "cs_admin", "cs_head"]
BASE = {"name": "测试系统", "kind": "info_system", "url": "test.example.edu.cn",
        "ips": "10.1.2.3, 2001:db8::10", "purpose": "测试用", "vendor": "", "hosting": "cloud_vm",
        "admin_name": "测试管理员", "admin_phone": "13800138000", "status": "building",
        "golive_date": "", "level": "", "graded_date": "", "review_date": "", "filing_no": "",
        "filing_date": "", "cii": "0"}


def new_form(login="office", **over):
    f = form("/systems/new", login)
    f.update(BASE)
    f.update(over)
    return f


def edit_form(sid, login="office", **over):
    f = form("/systems/%s/edit" % sid, login)
    f.update(over)
    return f


def create(login="office", **over):
    f = new_form(login, **over)
    r = post("/systems/new", f, login)
    assert r.status == 303, r
    return r.header("location").split("/")[2].split("?")[0]


def post_xml(path, f, login="office"):
    return request("POST", path, login, body=f, headers={"Accept": "application/xml"})


def errors(r):
    return {e.get("name"): e.get("error") for e in r.xml().findall("./data/form/field") if e.get("error")}


def test_every_page_for_every_role():
    cs = unit_id("C-CS")
    sid = one("SELECT id FROM sys_system WHERE unit_id=%d ORDER BY id LIMIT 1" % cs)
    assert sid, "demo data has systems for C-CS"
    for login in ROLES:
        for path in ("/systems/", "/systems/?overdue=1", "/systems/?level=3&status=online", "/systems/%s" % sid):
            for lang in ("", "lang=en"):
                sep = "&" if "?" in path else "?"
                r = get(path + (sep + lang if lang else ""), login)
                assert r.status == 200 and r.text.rstrip().endswith("</html>"), (login, path, r)
    for login in ("office", "cs_admin", "cs_head"):
        assert get("/systems/new", login).status == 200
        assert get("/systems/%s/edit" % sid, login).status == 200
    for login in ("leader", "auditor"):
        assert get("/systems/new", login).status == 403
    st, x = page("/systems/?unit=%d" % unit_id("C-ME"), "cs_admin")    # staff see their unit only
    assert {s.get("unit-id") for s in x.findall("./data/systems/system")} <= {str(cs)}


def test_staff_file_their_own_unit_and_cannot_grade():
    cs = unit_id("C-CS")
    audits = one("SELECT COUNT(*) FROM audit WHERE record_type='system'")
    sid = create("cs_admin", unit="C-ME", level="4", cii="1", filing_no="X1", filing_date="2026-01-05")
    row = sql("SELECT unit_id, COALESCE(level, 0), cii, filing_no, ips, created_by FROM sys_system WHERE id=%s" % sid)[0]
    assert row == [str(cs), "0", "0", "", "10.1.2.3, 2001:db8::10", "cs_admin"]
    assert int(one("SELECT COUNT(*) FROM audit WHERE record_type='system'")) == int(audits) + 1


def test_bad_input_is_422_with_values_kept_and_nothing_written():
    before = one("SELECT COUNT(*) FROM sys_system")
    f = new_form(ips="10.1.2.300 fe80::zz", admin_phone="12345", status="online", golive_date="",
                 url="http://bad url", name="保留这个名字", filing_no="A-1")
    r = post_xml("/systems/new", f)
    assert r.status == 422, r
    e = errors(r)
    assert e.get("ips") == "ips" and e.get("admin_phone") == "phone" and e.get("golive_date") == "required"
    assert e.get("url") == "url" and e.get("filing_date") == "filing_pair"
    kept = {x.get("name"): (x.text or "") for x in r.xml().findall("./data/form/field")}
    assert kept["name"] == "保留这个名字" and kept["ips"] == "10.1.2.300 fe80::zz"
    assert one("SELECT COUNT(*) FROM sys_system") == before


def test_go_live_gate():
    sid = create(level="3", status="trial", golive_date="2026-03-02")
    f = edit_form(sid, status="online")
    r = post_xml("/systems/%s/edit" % sid, f)
    assert r.status == 422 and errors(r).get("status") == "gate", r
    assert one("SELECT status FROM sys_system WHERE id=%s" % sid) == "trial"
    # a failed assessment does not open the gate; a passing one does
    sql("INSERT INTO sys_assessment (system_id, assessed_date, agency, result, nonce, created_by) "
        "VALUES (%s, '2026-02-20', '测试测评机构', 'fail', 'gate-fail-%s', 'test')" % (sid, sid))
    assert post_xml("/systems/%s/edit" % sid, f).status == 422
    sql("INSERT INTO sys_assessment (system_id, assessed_date, agency, result, nonce, created_by) "
        "VALUES (%s, '2026-02-25', '测试测评机构', 'basic_pass', 'gate-pass-%s', 'test')" % (sid, sid))
    assert post("/systems/%s/edit" % sid, f).status == 303
    assert one("SELECT status FROM sys_system WHERE id=%s" % sid) == "online"
    # level 1 needs no assessment
    sid1 = create(level="1", status="online", golive_date="2026-03-02")
    assert one("SELECT status FROM sys_system WHERE id=%s" % sid1) == "online"


def test_next_due_from_go_live_for_every_level_across_a_year_end():
    cases = [("4", "2025-11-30", "2026-05-30"), ("3", "2025-11-30", "2026-11-30"),
             ("2", "2025-11-30", "2027-11-30"), ("4", "2025-08-31", "2026-02-28"),
             ("1", "2025-11-30", "NULL")]
    for level, live, due in cases:
        sid = create(level=level, status="trial", golive_date=live)
        assert one("SELECT COALESCE(next_due, 'NULL') FROM sys_system WHERE id=%s" % sid) == due, (level, live)
    # CII: the yearly report (Dec 15 of this year, nothing assessed yet) if it comes first
    sid = create(level="3", status="trial", golive_date="2026-06-30", cii="1")
    year = datetime.date.today().year
    want = min(datetime.date(2027, 6, 30), datetime.date(year, 12, 15))
    assert one("SELECT next_due FROM sys_system WHERE id=%s" % sid) == str(want)
    # overdue: a level 4 system live since 2025-01-06 and never assessed
    old = create(level="4", status="trial", golive_date="2025-01-06", name="逾期测试系统")
    st, x = page("/systems/?overdue=1&level=4")
    ids = [s.get("id") for s in x.findall("./data/systems/system")]
    while x.find("./data/systems").get("next") and old not in ids:
        st, x = page("/systems/?overdue=1&level=4&after=" + x.find("./data/systems").get("next"))
        ids += [s.get("id") for s in x.findall("./data/systems/system")]
    assert old in ids


def test_concurrent_edits_one_wins_the_other_409():
    sid = create()
    a, b = edit_form(sid, purpose="甲"), edit_form(sid, purpose="乙的说明")
    assert post("/systems/%s/edit" % sid, a).status == 303
    r = post_xml("/systems/%s/edit" % sid, b)
    assert r.status == 409, r
    x = r.xml()
    kept = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    assert kept["purpose"] == "乙的说明" and x.find("./data/current/purpose").text == "甲"
    assert one("SELECT purpose FROM sys_system WHERE id=%s" % sid) == "甲"


def test_double_submit_files_once():
    f = new_form(name="重复提交测试系统")
    before = one("SELECT COUNT(*) FROM sys_system")
    r1, r2 = post("/systems/new", f), post("/systems/new", f)
    assert r1.status == 303 and r2.status == 303 and r1.header("location") == r2.header("location")
    assert int(one("SELECT COUNT(*) FROM sys_system")) == int(before) + 1


def test_other_units_are_403_and_logged():
    sid = create("cs_admin")
    denied = one("SELECT COUNT(*) FROM audit WHERE action='denied' AND record_type='system'")
    assert get("/systems/%s" % sid, "me_admin").status == 403
    assert get("/systems/%s/edit" % sid, "me_admin").status == 403
    f = edit_form(sid, "cs_admin", name="被别人改")
    f["csrf"] = form("/systems/new", "me_admin")["csrf"]
    assert post("/systems/%s/edit" % sid, f, "me_admin").status == 403
    assert one("SELECT name FROM sys_system WHERE id=%s" % sid) == "测试系统"
    assert int(one("SELECT COUNT(*) FROM audit WHERE action='denied' AND record_type='system'")) == int(denied) + 3


def test_post_without_csrf_is_403():
    f = new_form()
    del f["csrf"]
    before = one("SELECT COUNT(*) FROM sys_system")
    assert post("/systems/new", f).status == 403
    assert one("SELECT COUNT(*) FROM sys_system") == before
