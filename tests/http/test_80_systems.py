"""System filing (issue 4): every page for every role; a unit's staff file
their own unit's systems and cannot grade them; 422 with values kept and
nothing written; the go-live gate; next due dates for every level from
go-live and from an assessment, across a year end; CII reports on the
overdue list; findings overdue and recorded as fixed (409 on concurrent
edits); assessment reports (413 over the cap, 422 for a renamed executable,
byte-identical downloads, 403 across units); 409 on concurrent edits; one
record on a double submit; CSRF; 403 across units, logged; filtered list
pages read along an index with 20,000 systems; the export validates."""
import datetime, hashlib, os, subprocess, uuid
from lib import BIN, ROOT, STACK, form, get, one, page, post, request, sql, page_today, today, unit_id
from fixtures import ELF, PDF, multipart, post_xml

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
    r = post("/systems/new", new_form(login, **over), login)
    assert r.status == 303, r
    return r.header("location").split("/")[2].split("?")[0]


def errors(r):
    return {e.get("name"): e.get("error") for e in r.xml().findall("./data/form/field") if e.get("error")}


def assess_form(sid, login="office", **over):
    f = form("/systems/%s/assess" % sid, login)
    f.update({"assessed_date": "2026-01-10", "agency": "测试测评中心", "result": "pass", "score": "88.5"})
    f.update(over)
    return f


def post_assess(sid, f, report=("report.pdf", PDF, "application/pdf"), login="office"):
    body, ctype = multipart(f, {"report": report} if report else {})
    return request("POST", "/systems/%s/assess" % sid, login, body=body,
                   headers={"Content-Type": ctype, "Accept": "application/xml"})


def assess(sid, **over):
    r = post_assess(sid, assess_form(sid, **over))
    assert r.status == 303, r
    return one("SELECT MAX(id) FROM sys_assessment WHERE system_id=%s" % sid)


def due_of(sid):
    return sql("SELECT COALESCE(last_assessed, 'NULL'), COALESCE(next_due, 'NULL') FROM sys_system "
               "WHERE id=%s" % sid)[0]


def add_finding(sid, aid, text="测试发现的问题", deadline="2026-02-01"):
    st, x = page("/systems/%s" % sid)
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    f.update({"assessment": aid, "finding": text, "fix_deadline": deadline, "csrf": x.findtext("./csrf")})
    return f, post("/systems/%s/findings" % sid, f)


def all_rows(path, section, elem, login="office"):
    """Every row of a paged list section (systems or findings), following its next links."""
    sep = "&" if "?" in path else "?"
    st, x = page(path, login)
    rows = x.findall("./data/%s/%s" % (section, elem))
    while x.find("./data/" + section).get("next"):
        n = x.find("./data/" + section)
        st, x = page("%s%safter_due=%s&after=%s" % (path, sep, n.get("next-due"), n.get("next")), login)
        rows += x.findall("./data/%s/%s" % (section, elem))
    return rows


def counts():
    return [one("SELECT COUNT(*) FROM %s" % t)
            for t in ("sys_system", "sys_assessment", "sys_report", "sys_report_chunk", "sys_finding")]


def test_every_page_for_every_role():
    cs = unit_id("C-CS")
    sid = create("cs_admin", name="每页测试系统")
    aid = assess(sid)
    f, r = add_finding(sid, aid)
    assert r.status == 303, r
    fid = one("SELECT id FROM sys_finding WHERE system_id=%s" % sid)
    pages = ["/systems/", "/systems/?overdue=1", "/systems/?level=3&status=online", "/systems/?level=0",
             "/systems/?kind=website", "/systems/?unit=C-CS", "/systems/overdue",
             "/systems/overdue?list=findings", "/systems/%s" % sid, "/systems/%s/print" % sid]
    for login in ROLES:
        for path in pages:
            for lang in ("", "lang=en"):
                sep = "&" if "?" in path else "?"
                r = get(path + (sep + lang if lang else ""), login)
                assert r.status == 200 and r.text.rstrip().endswith("</html>"), (login, path, r)
        d = get("/systems/assessments/%s/report" % aid, login)
        assert d.status == 200 and d.body == PDF, login
        assert get("/systems/export.xml", login).status == (200 if login in ("office", "leader", "auditor") else 403)
    for login in ("office", "cs_admin", "cs_head"):
        for path in ("/systems/new", "/systems/%s/edit" % sid, "/systems/findings/%s" % fid):
            for lang in ("", "?lang=en"):
                r = get(path + lang, login)
                assert r.status == 200 and r.text.rstrip().endswith("</html>"), (login, path, r)
    assert get("/systems/%s/assess" % sid).status == 200
    assert get("/systems/%s/assess?lang=en" % sid).status == 200
    for login in ("leader", "auditor"):
        for path in ("/systems/new", "/systems/%s/edit" % sid, "/systems/findings/%s" % fid):
            assert get(path, login).status == 403, (login, path)
    for login in ("leader", "auditor", "cs_admin", "cs_head"):
        assert get("/systems/%s/assess" % sid, login).status == 403, login
    st, x = page("/systems/?unit=C-ME", "cs_admin")    # staff see their unit only
    assert {s.get("unit-id") for s in x.findall("./data/systems/system")} == {str(cs)}
    # the print view: the record's values and the blanks for signature and seal
    r = get("/systems/%s/print" % sid)
    for text in ("信息系统备案登记表", "每页测试系统", "单位负责人（签字）", "（单位盖章）", "网信办意见", "@page",
                 "10.1.2.3, 2001:db8::10", "测试测评中心"):
        assert text in r.text, text


def test_staff_file_their_own_unit_and_cannot_grade():
    cs = unit_id("C-CS")
    audits = one("SELECT COUNT(*) FROM audit WHERE record_type='system'")
    sid = create("cs_admin", unit="C-ME", level="4", cii="1", filing_no="X1", filing_date="2026-01-05",
                 ips="10.1.2.3\n2001:db8::10")
    row = sql("SELECT unit_id, COALESCE(level, 0), cii, filing_no, ips, created_by FROM sys_system WHERE id=%s" % sid)[0]
    assert row == [str(cs), "0", "0", "", "10.1.2.3, 2001:db8::10", "cs_admin"]
    a = sql("SELECT login, action FROM audit WHERE record_type='system' AND record_id=%s" % sid)
    assert a == [["cs_admin", "create"]]
    assert int(one("SELECT COUNT(*) FROM audit WHERE record_type='system'")) == int(audits) + 1
    # the office grades; the staff's later edit keeps the grading
    assert post("/systems/%s/edit" % sid, edit_form(sid, level="3", graded_date="2026-02-01",
                filing_no="41010099-1", filing_date="2026-02-10")).status == 303
    assert post("/systems/%s/edit" % sid, edit_form(sid, "cs_head", purpose="改用途", level="1",
                filing_no=""), "cs_head").status == 303
    assert sql("SELECT level, filing_no, purpose, updated_by FROM sys_system WHERE id=%s" % sid) == \
        [["3", "41010099-1", "改用途", "cs_head"]]


def test_bad_input_is_422_with_values_kept_and_nothing_written():
    before = counts()
    f = new_form(ips="10.1.2.300 fe80::zz", admin_phone="工作电话", status="online", golive_date="",
                 url="http://bad url", name="保留这个名字", filing_no="A-1", level="2", kind="nonsense")
    r = post_xml("/systems/new", f)
    assert r.status == 422, r
    e = errors(r)
    assert e == {"ips": "sys_ips", "admin_phone": "phone", "golive_date": "required", "url": "sys_url",
                 "filing_date": "sys_filing_pair", "kind": "choice", "status": "sys_gate"}, e
    kept = {x.get("name"): (x.text or "") for x in r.xml().findall("./data/form/field")}
    assert kept["name"] == "保留这个名字" and kept["ips"] == "10.1.2.300 fe80::zz" and kept["filing_no"] == "A-1"
    r = post_xml("/systems/new", new_form(level="1", filing_no="A-1", filing_date="2026-01-01",
                                          status="online", golive_date=str(today() + datetime.timedelta(days=2))))
    assert r.status == 422 and errors(r) == {"filing_no": "sys_filing_level", "golive_date": "sys_future"}, r
    assert counts() == before
    # an unknown unit code from the office, a vendor that is not active
    r = post_xml("/systems/new", new_form(unit="NO-SUCH", vendor="999999"))
    assert r.status == 422 and errors(r) == {"unit": "sys_unit", "vendor": "sys_vendor"}, r
    assert "NO-SUCH" in r.text
    # the HTML page shows the messages in the page's language
    r = post("/systems/new?lang=en", new_form(ips="300.1.1.1"))
    assert r.status == 422 and "IPv4 or IPv6" in r.text
    assert counts() == before


REFUSED_URLS = ["javascript:alert(1)", "JavaScript:alert(document.cookie)", "  javascript:alert(1)",
                "JAVASCRIPT://jwc.example.edu.cn/%0aalert(1)", "java\tscript:alert(1)",
                "jav&#x09;ascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "DATA:text/html;base64,PHNjcmlwdD4=", "ftp://ftp.example.edu.cn/", "FTP://ftp.example.edu.cn",
                "vbscript:msgbox(1)", "VBScript:MsgBox(1)", "//evil.example.com", " //evil.example.com ",
                "\\\\evil.example.com", "http:evil.example.com", "https:/evil.example.com",
                "http://jwc.example.edu.cn@evil.example.com/", "http://exa mple.com"]
ACCEPTED_URLS = ["www.example.edu.cn", "http://jwc.example.edu.cn", "HTTPS://JWC.example.edu.cn/a?b=1#c",
                 "jwc.example.edu.cn:8443/app/"]


def test_url_only_http_https_or_a_bare_domain():
    before = counts()
    for url in REFUSED_URLS:
        r = post_xml("/systems/new", new_form(url=url, name="链接测试"))
        assert r.status == 422, (url, r)
        # (a tab inside is already no one-line text)
        assert errors(r) == {"url": "text" if "\t" in url else "sys_url"}, (url, errors(r))
        kept = {x.get("name"): (x.text or "") for x in r.xml().findall("./data/form/field")}
        assert kept["url"] == url.strip(), (url, kept["url"])
    # the page says why, in either language
    r = post("/systems/new?lang=en", new_form(url="javascript:alert(1)"))
    assert r.status == 422 and "javascript:" in r.text and "https://" in r.text, r
    r = post("/systems/new", new_form(url="javascript:alert(1)"))
    assert r.status == 422 and "不接受其他类型的地址" in r.text, r
    assert counts() == before
    assert one("SELECT COUNT(*) FROM sys_system WHERE name='链接测试'") == "0"
    # and an edit cannot bring one in either
    sid = create(name="链接测试编辑")
    r = post_xml("/systems/%s/edit" % sid, edit_form(sid, url="javascript:alert(1)"))
    assert r.status == 422 and errors(r) == {"url": "sys_url"}, r
    assert one("SELECT url FROM sys_system WHERE id=%s" % sid) == BASE["url"]
    for url in ACCEPTED_URLS:
        sid = create(url=url, name="链接通过")
        assert one("SELECT url FROM sys_system WHERE id=%s" % sid) == url
        if url.startswith("http"):      # the system page links what starts http:// or https://
            assert 'href="%s"' % url in get("/systems/%s" % sid).text, url


def test_go_live_gate():
    sid = create(level="3", status="trial", golive_date="2026-03-02")
    f = edit_form(sid, status="online")
    r = post_xml("/systems/%s/edit" % sid, f)
    assert r.status == 422 and errors(r) == {"status": "sys_gate"}, r
    assert one("SELECT status FROM sys_system WHERE id=%s" % sid) == "trial"
    r = post("/systems/%s/edit" % sid, f)
    assert r.status == 422 and "须通过等级测评" in r.text        # the reason, on the page
    # a failed assessment does not open the gate; a passing one does
    assess(sid, result="fail", assessed_date="2026-02-20")
    assert post_xml("/systems/%s/edit" % sid, edit_form(sid, status="online")).status == 422
    assess(sid, result="basic_pass", assessed_date="2026-02-25")
    assert post("/systems/%s/edit" % sid, edit_form(sid, status="online")).status == 303
    assert one("SELECT status FROM sys_system WHERE id=%s" % sid) == "online"
    # filed online at once: there can be no assessment yet
    r = post_xml("/systems/new", new_form(level="2", status="online", golive_date="2026-03-02"))
    assert r.status == 422 and errors(r) == {"status": "sys_gate"}
    # level 1 needs no assessment
    sid1 = create(level="1", status="online", golive_date="2026-03-02")
    assert one("SELECT status FROM sys_system WHERE id=%s" % sid1) == "online"
    # raising an online system's level is no move to online: the edit is not refused
    assert post("/systems/%s/edit" % sid1, edit_form(sid1, level="2")).status == 303


def test_next_due_from_go_live_for_every_level_across_a_year_end():
    cases = [("4", "2025-11-30", "2026-05-30"), ("3", "2025-11-30", "2026-11-30"),
             ("2", "2025-11-30", "2027-11-30"), ("4", "2025-08-31", "2026-02-28"),
             ("1", "2025-11-30", "NULL"), ("", "2025-11-30", "NULL")]
    for level, live, due in cases:
        sid = create(level=level, status="trial", golive_date=live)
        assert due_of(sid) == ["NULL", due], (level, live)
    # retired: nothing due
    sid = create(level="3", status="retired", golive_date="2025-11-30")
    assert due_of(sid) == ["NULL", "NULL"]


def test_next_due_from_an_assessment_for_every_level_across_a_year_end():
    for level, months in (("4", 6), ("3", 12), ("2", 24)):
        sid = create(level=level, status="trial", golive_date="2025-01-06")
        assess(sid, assessed_date="2025-12-31")
        want = {"4": "2026-06-30", "3": "2026-12-31", "2": "2027-12-31"}[level]
        assert due_of(sid) == ["2025-12-31", want], level
        # an older assessment recorded later does not move the dates back
        assess(sid, assessed_date="2025-07-01")
        assert due_of(sid) == ["2025-12-31", want], level
        # the office changes the level: the cycle follows from the same assessment
        assert post("/systems/%s/edit" % sid, edit_form(sid, level="4")).status == 303
        assert due_of(sid) == ["2025-12-31", "2026-06-30"]
        st, x = page("/systems/%s" % sid)
        assert x.find("./data/system/last-assessed").text == "2025-12-31"
        assert x.find("./data/system").get("overdue") == ("1" if page_today(x) > datetime.date(2026, 6, 30) else "0")


def test_cii_report_due_dec_15_on_the_overdue_list():
    # never assessed, live since 2025-03-01, level 3: the 2025 report (Dec 15) comes before the cycle
    sid = create(level="3", status="trial", golive_date="2025-03-01", cii="1", name="关基测试系统")
    assert due_of(sid) == ["NULL", "2025-12-15"]
    rows = [s for s in all_rows("/systems/overdue?list=systems", "systems", "system") if s.get("id") == sid]
    assert rows and rows[0].get("due-kind") == "cii" and rows[0].get("cii") == "1", [s.attrib for s in rows]
    assert "关键信息基础设施年度测评报告应于 2025-12-15 前报送" in get("/systems/%s" % sid).text
    # assessed this year: next year's report
    assess(sid, assessed_date="2026-03-01")
    assert due_of(sid) == ["2026-03-01", "2027-03-01"]       # level 3: the cycle comes first
    assert post("/systems/%s/edit" % sid, edit_form(sid, level="2")).status == 303
    assert due_of(sid) == ["2026-03-01", "2027-12-15"]       # level 2: the report comes first
    st, x = page("/systems/%s" % sid)
    assert x.find("./data/system").get("due-kind") == "cii"
    # live this year and never assessed: this year's Dec 15, listed as coming when still ahead
    new = create(level="3", status="trial", golive_date="2026-06-30", cii="1", name="今年关基系统")
    assert due_of(new)[1] == "2026-12-15"
    st, x = page("/systems/overdue")
    coming = [s.get("id") for s in x.findall("./data/cii/system")]
    late = [s.get("id") for s in all_rows("/systems/overdue?list=systems", "systems", "system")]
    if page_today(x) <= datetime.date(2026, 12, 15):
        assert new in coming and new not in late
    else:
        assert new not in coming


def test_findings_overdue_and_recorded_as_fixed():
    sid = create("cs_admin", level="3", status="trial", golive_date="2026-01-05", name="整改测试系统")
    aid = assess(sid, assessed_date="2026-01-10", result="basic_pass")
    # a deadline before the assessment: 422, the text kept
    f, r = add_finding(sid, aid, text="保留的问题描述", deadline="2026-01-01")
    assert r.status == 422 and "保留的问题描述" in r.text
    f, r = add_finding(sid, aid, text="弱口令未整改", deadline="2026-02-01")
    assert r.status == 303, r
    assert post("/systems/%s/findings" % sid, f).status == 303             # double submit: one finding
    assert one("SELECT COUNT(*) FROM sys_finding WHERE system_id=%s" % sid) == "1"
    fid = one("SELECT id FROM sys_finding WHERE system_id=%s" % sid)
    found = [e for e in all_rows("/systems/overdue?list=findings", "findings", "finding", "cs_admin")
             if e.get("id") == fid]
    assert found and found[0].get("deadline") == "2026-02-01" and found[0].findtext("text") == "弱口令未整改"
    assert get("/systems/findings/%s" % fid, "me_admin").status == 403
    # two edits from the same version: one wins, the other is 409 with both shown
    a, b = form("/systems/findings/%s" % fid, "cs_admin"), form("/systems/findings/%s" % fid)
    a["done_date"], b["done_date"] = "2026-01-20", "2026-01-25"
    assert post("/systems/findings/%s" % fid, a, "cs_admin").status == 303
    r = post_xml("/systems/findings/%s" % fid, b)
    assert r.status == 409, r
    x = r.xml()
    assert x.find("./data/finding").get("done") == "2026-01-20"
    assert {e.get("name"): e.text for e in x.findall("./data/form/field")}["done_date"] == "2026-01-25"
    assert one("SELECT done_date FROM sys_finding WHERE id=%s" % fid) == "2026-01-20"
    assert post("/systems/findings/%s" % fid, a, "cs_admin").status == 303   # the same edit again lands
    # a date in the future or before the assessment: 422, nothing written
    c = form("/systems/findings/%s" % fid, "cs_admin")
    c["done_date"] = "2026-01-05"
    assert post_xml("/systems/findings/%s" % fid, c, "cs_admin").status == 422
    assert one("SELECT done_date FROM sys_finding WHERE id=%s" % fid) == "2026-01-20"
    assert fid not in [e.get("id") for e in all_rows("/systems/overdue?list=findings", "findings", "finding",
                                                     "cs_admin")]
    assert sql("SELECT login, action FROM audit WHERE record_type='finding' AND record_id=%s ORDER BY id" % fid) == \
        [["office", "create"], ["cs_admin", "done"]]


def test_reports_upload_download_and_limits():
    sid = create("cs_admin", level="2", status="trial", golive_date="2026-01-05")
    before = counts()
    data = b"\x89PNG\r\n\x1a\n" + os.urandom(200 * 1024)    # several 60 KiB pieces
    r = post_assess(sid, assess_form(sid), report=("scan.png", data, "image/png"))
    assert r.status == 303, r
    aid = one("SELECT MAX(id) FROM sys_assessment WHERE system_id=%s" % sid)
    d = get("/systems/assessments/%s/report" % aid, "cs_head")
    assert d.status == 200 and d.header("content-type") == "image/png" and d.body == data
    assert "attachment" in d.header("content-disposition")
    assert one("SELECT r.sha256 FROM sys_assessment a JOIN sys_report r ON r.id=a.report_id WHERE a.id=%s"
               % aid) == hashlib.sha256(data).hexdigest()
    denied = int(one("SELECT COUNT(*) FROM audit WHERE action='denied'"))
    assert get("/systems/assessments/%s/report" % aid, "me_admin").status == 403
    assert int(one("SELECT COUNT(*) FROM audit WHERE action='denied'")) == denied + 1
    after = counts()
    # a renamed executable, no file, a future date, a bad score: 422, the values kept, nothing stored
    f = assess_form(sid, agency="保留机构名称")
    r = post_assess(sid, f, report=("report.pdf", ELF, "application/pdf"))
    assert r.status == 422, r
    assert [m.get("code") for m in r.xml().findall("./messages/msg") if m.get("field") == "report"] == ["scan_type"]
    assert "保留机构名称" in r.text and r.xml().find("./data").get("report-again") == "1"
    assert post_assess(sid, f, report=None).status == 422
    r = post_assess(sid, assess_form(sid, assessed_date=str(today() + datetime.timedelta(days=1)), score="100.5"))
    assert r.status == 422 and errors(r) == {"assessed_date": "sys_future", "score": "sys_score"}, r
    # over the cap: 413 from the module, and from nginx past its limit
    big = b"%PDF-1.4\n" + b"\0" * (20 * 1024 * 1024)
    assert post_assess(sid, f, report=("big.pdf", big, "application/pdf")).status == 413
    huge = b"%PDF-1.4\n" + b"\0" * (22 * 1024 * 1024)
    assert post_assess(sid, f, report=("huge.pdf", huge, "application/pdf")).status == 413
    assert counts() == after
    assert int(after[1]) == int(before[1]) + 1 and int(after[2]) == int(before[2]) + 1
    # a double submit records one assessment; the office only
    g = assess_form(sid, assessed_date="2026-02-01")
    assert post_assess(sid, g).status == 303 and post_assess(sid, g).status == 303
    assert one("SELECT COUNT(*) FROM sys_assessment WHERE nonce='%s'" % g["nonce"]) == "1"
    g["nonce"] = uuid.uuid4().hex
    g["csrf"] = form("/systems/%s/edit" % sid, "cs_admin")["csrf"]
    assert post_assess(sid, g, login="cs_admin").status == 403
    assert get("/systems/%s" % sid).status == 200      # the workers are fine


def test_concurrent_edits_one_wins_the_other_409():
    sid = create()
    a, b = edit_form(sid, purpose="甲"), edit_form(sid, purpose="乙的说明")
    assert post("/systems/%s/edit" % sid, a).status == 303
    r = post_xml("/systems/%s/edit" % sid, b)
    assert r.status == 409, r
    x = r.xml()
    kept = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    assert kept["purpose"] == "乙的说明" and x.find("./data/current/purpose").text == "甲"
    assert kept["version"] == x.find("./data/current/version").text != b["version"]
    assert one("SELECT purpose FROM sys_system WHERE id=%s" % sid) == "甲"
    assert "乙的说明" in post("/systems/%s/edit" % sid, b).text          # both versions on the page
    # the same edit submitted twice lands once and goes to the system
    c = edit_form(sid, purpose="丙")
    assert post("/systems/%s/edit" % sid, c).status == 303
    assert post("/systems/%s/edit" % sid, c).status == 303
    assert one("SELECT version FROM sys_system WHERE id=%s" % sid) == str(int(c["version"]) + 1)


def test_double_submit_files_once():
    f = new_form(name="重复提交测试系统")
    before = one("SELECT COUNT(*) FROM sys_system")
    r1, r2 = post("/systems/new", f), post("/systems/new", f)
    assert r1.status == 303 and r2.status == 303 and r1.header("location") == r2.header("location")
    assert int(one("SELECT COUNT(*) FROM sys_system")) == int(before) + 1


def test_other_units_are_403_and_logged():
    sid = create("cs_admin")
    aid = assess(sid)
    denied = one("SELECT COUNT(*) FROM audit WHERE action='denied' AND record_type='system'")
    for path in ("/systems/%s" % sid, "/systems/%s/edit" % sid, "/systems/%s/print" % sid,
                 "/systems/assessments/%s/report" % aid):
        assert get(path, "me_admin").status == 403, path
    f = edit_form(sid, "cs_admin", name="被别人改")
    f["csrf"] = form("/systems/new", "me_admin")["csrf"]
    assert post("/systems/%s/edit" % sid, f, "me_admin").status == 403
    assert one("SELECT name FROM sys_system WHERE id=%s" % sid) == "测试系统"
    assert int(one("SELECT COUNT(*) FROM audit WHERE action='denied' AND record_type='system'")) == int(denied) + 5
    assert one("SELECT login FROM audit WHERE action='denied' AND record_type='system' ORDER BY id DESC LIMIT 1") \
        == "me_admin"


def test_post_without_csrf_is_403_and_changes_nothing():
    sid = create(level="3", status="trial", golive_date="2026-01-05")
    aid = assess(sid)
    add_finding(sid, aid)
    fid = one("SELECT id FROM sys_finding WHERE system_id=%s" % sid)
    before = counts() + [one("SELECT version FROM sys_system WHERE id=%s" % sid)]
    posts = [("/systems/new", new_form()), ("/systems/%s/edit" % sid, edit_form(sid, name="不应保存")),
             ("/systems/findings/%s" % fid, form("/systems/findings/%s" % fid)),
             ("/systems/%s/findings" % sid, {"assessment": aid, "finding": "x", "fix_deadline": "2026-03-01",
                                              "nonce": uuid.uuid4().hex, "csrf": "1.deadbeef"})]
    for path, f in posts:
        for token in (None, "1.deadbeef"):
            g = dict(f)
            g.pop("csrf", None)
            if token:
                g["csrf"] = token
            assert post(path, g).status == 403, path
    r = post_assess(sid, {k: v for k, v in assess_form(sid).items() if k != "csrf"})
    assert r.status == 403
    assert counts() + [one("SELECT version FROM sys_system WHERE id=%s" % sid)] == before


def test_filtered_pages_read_along_an_index_with_20000_systems():
    """20,000 systems in one unit; a filtered page must read about as many
    index entries as it shows, not the table.  Counted with the server's
    Handler_read_* counters around the request (the tests run one at a time)."""
    ee = unit_id("C-EE")
    sql("INSERT INTO sys_system (unit_id, name, kind, hosting, admin_name, admin_phone, status, level,"
        " golive_date, next_due, created_by, updated_by) SELECT %d, CONCAT('批量系统', seq), 'other',"
        " 'external', '批量', '13800138000', 'trial', 2, '2030-01-01', '2032-01-01', 'bulk-test', 'bulk-test'"
        " FROM seq_1_to_20000" % ee)
    try:
        def reads(path):
            def total():
                return sum(int(r[1]) for r in sql("SHOW GLOBAL STATUS LIKE 'Handler_read%'")
                           if r[0] in ("Handler_read_next", "Handler_read_prev", "Handler_read_rnd_next",
                                       "Handler_read_first", "Handler_read_key"))
            t0 = total()
            st, x = page(path)
            assert st == 200, path
            return total() - t0, x
        assert int(one("SELECT COUNT(*) FROM sys_system")) > 20000
        for path in ("/systems/?level=4", "/systems/?kind=mobile_app", "/systems/?status=retired",
                     "/systems/?unit=C-CS", "/systems/?overdue=1", "/systems/?overdue=1&unit=C-CS",
                     "/systems/?unit=C-CS&level=3", "/systems/?level=0", "/systems/overdue"):
            n, x = reads(path)
            assert n < 2000, (path, n)
        n, x = reads("/systems/?unit=C-EE&kind=other")
        assert n < 2000 and x.find("./data/systems").get("count") == "50"
        # paging by id: 50 rows a page, in order, none twice
        seen = []
        path = "/systems/?unit=C-EE&status=trial"
        for _ in range(3):
            st, x = page(path)
            ids = [int(s.get("id")) for s in x.findall("./data/systems/system")]
            assert len(ids) == 50 and ids == sorted(ids) and not set(ids) & set(seen)
            seen += ids
            path = "/systems/?unit=C-EE&status=trial&after=%s" % x.find("./data/systems").get("next")
        # overdue pages by (due date, id)
        st, x = page("/systems/?overdue=1")
        dues = [(s.get("next-due"), int(s.get("id"))) for s in x.findall("./data/systems/system")]
        assert dues == sorted(dues) and all(d < str(page_today(x)) for d, i in dues)
    finally:
        sql("DELETE FROM sys_system WHERE created_by='bulk-test'")


def test_export_validates_and_matches_the_inventory():
    r = get("/systems/export.xml")
    assert r.status == 200 and r.header("content-type").startswith("application/xml")
    assert "attachment" in r.header("content-disposition")
    path = os.path.join(STACK, "systems-export.xml")
    with open(path, "wb") as f:
        f.write(r.body)
    v = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(ROOT, "schema/xml/systems.xsd"), path],
                       capture_output=True, text=True)
    assert v.returncode == 0, v.stderr[-2000:]
    ns = {"s": "urn:wangan:systems:1"}
    x = r.xml()
    systems = x.findall("./s:system", ns)
    assert len(systems) == int(one("SELECT COUNT(*) FROM sys_system"))
    sid = one("SELECT id FROM sys_system WHERE last_assessment_id IS NOT NULL AND level >= 2 "
              "AND filing_no <> '' ORDER BY id DESC LIMIT 1")
    want = sql("SELECT s.level, s.filing_no, a.assessed_date, a.result, COALESCE(s.next_due, '') FROM sys_system s "
               "JOIN sys_assessment a ON a.id = s.last_assessment_id WHERE s.id=%s" % sid)[0]
    e = [s for s in systems if s.get("id") == sid][0]
    got = [e.find("./s:grading", ns).get("level"), e.findtext("./s:grading/s:filing/s:number", namespaces=ns),
           e.findtext("./s:lastAssessment/s:date", namespaces=ns),
           e.findtext("./s:lastAssessment/s:result", namespaces=ns), e.findtext("./s:nextDue", "", ns)]
    assert got == want
    # the CLI writes the same document
    out = os.path.join(STACK, "tmp", "systems-cli.xml")
    subprocess.run([os.path.join(BIN, "wangan-systems"), "--config", os.path.join(STACK, "wangan.conf"),
                    "--export", out], check=True, capture_output=True)
    data = open(out, "rb").read()
    strip = lambda b: b.split(b"generated=", 1)[1].split(b"\"", 2)[2]
    assert strip(data) == strip(r.body)
    # markup in a typed value comes out as text, and still validates
    hostile = create(name='系统 <x> & "q"', purpose="a\nb")
    r = get("/systems/export.xml")
    assert b"\xe7\xb3\xbb\xe7\xbb\x9f &lt;x&gt; &amp;" in r.body
    with open(path, "wb") as f:
        f.write(r.body)
    assert subprocess.run(["xmllint", "--noout", "--schema", os.path.join(ROOT, "schema/xml/systems.xsd"), path],
                          capture_output=True).returncode == 0
    assert hostile
