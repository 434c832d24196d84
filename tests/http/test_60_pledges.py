"""Pledges (DOMAIN.md §2, issue 3): every page for every role; signing with a
scan (multipart upload) lands with its audit row and supersedes the old one;
CSRF; 422 with values kept; 403 across units; 409 on concurrent signings; one
signing on a double submit; uploads over 20 MiB are 413 and a renamed
executable 422, with nothing stored; a scan downloads byte-identical; the
re-sign deadline after a change of first responsible person across the
National Day holidays; the export validates against its XSD."""
import datetime, hashlib, os, subprocess, uuid
from lib import (ACC, ROOT, STACK, add_workdays, calendar, change_form, get, one, page, post,
                 request, sql, today, unit_id)
from fixtures import ELF, PDF, multipart, post_sign, sign_form

ROLES = ["office", "leader", "auditor", "cs_admin", "cs_head"]


def counts():
    return [one("SELECT COUNT(*) FROM %s" % t) for t in ("pledge_signing", "pledge_scan", "pledge_scan_chunk")]


def test_every_page_renders_for_every_role():
    cs = unit_id("C-CS")
    tpl = one("SELECT id FROM pledge_template WHERE kind='unit_pledge' AND version=1")
    for login in ROLES:
        for path in ["/pledges/", "/pledges/?status=all", "/pledges/units/%d" % cs, "/pledges/templates",
                     "/pledges/templates/%s" % tpl, "/pledges/templates/%s/print?unit=%d" % (tpl, cs)]:
            for lang in ("", "lang=en"):
                sep = "&" if "?" in path else "?"
                r = get(path + (sep + lang if lang else ""), login)
                assert r.status == 200, (login, path, lang, r)
                assert r.text.rstrip().endswith("</html>"), (login, path)
    # a signing of C-CS (the demo data has one) and its scan, for every role
    sid = one("SELECT id FROM pledge_signing WHERE party_type='unit' AND party_id=%d ORDER BY id LIMIT 1" % cs)
    assert sid is not None
    for login in ROLES:
        for path in ("/pledges/signings/%s" % sid, "/pledges/signings/%s/scan" % sid):
            assert get(path, login).status == 200, (login, path)
    for login in ROLES:
        assert get("/pledges/export.xml", login).status == (200 if login in ("office", "leader", "auditor") else 403)
    for login in ("office", "cs_admin", "cs_head"):
        assert get("/pledges/sign?kind=unit_pledge&unit=%d" % cs, login).status == 200, login
    for login in ("leader", "auditor"):   # they read, they do not sign
        assert get("/pledges/sign?kind=unit_pledge&unit=%d" % cs, login).status == 403, login


def test_print_has_numbered_clauses_blanks_and_the_signer():
    cs = unit_id("C-CS")
    tpl = one("SELECT id FROM pledge_template WHERE kind='unit_pledge' AND version=1")
    first = one("SELECT name FROM reg_holder WHERE unit_id=%d AND role='first' AND is_current=1" % cs)
    r = get("/pledges/templates/%s/print?unit=%d" % (tpl, cs))
    assert r.status == 200
    for text in ("一、", "十六、", "第一责任人（签字）", "党组织或单位公章（盖章）", first, "@page"):
        assert text in r.text, text


def test_sign_with_a_scan_then_resign_supersedes():
    cs = unit_id("C-CS")
    before = counts()
    f = sign_form("kind=unit_pledge&unit=%d" % cs, "cs_admin")
    first = sql("SELECT name, title FROM reg_holder WHERE unit_id=%d AND role='first' AND is_current=1" % cs)[0]
    assert [f["signer_name"], f["signer_title"]] == first      # prefilled from registration
    assert f["kind"] == "unit_pledge" and f["party_type"] == "unit" and f["party_id"] == str(cs)
    old = one("SELECT COALESCE(MAX(id), 0) FROM pledge_signing WHERE kind='unit_pledge' AND party_id=%d "
              "AND party_type='unit' AND is_current=1" % cs)
    assert f["current_id"] == old
    f["signed_date"] = "2026-09-01"
    r = post_sign(f, login="cs_admin")
    assert r.status == 303, r
    sid = int(r.header("location").split("/")[-1].split("?")[0])
    row = sql("SELECT kind, party_type, party_id, unit_id, signer_name, signed_date, sealed, is_current, "
              "created_by FROM pledge_signing WHERE id=%d" % sid)[0]
    assert row == ["unit_pledge", "unit", str(cs), str(cs), first[0], "2026-09-01", "1", "1", "cs_admin"]
    after = counts()
    assert int(after[0]) == int(before[0]) + 1 and int(after[1]) == int(before[1]) + 1
    a = sql("SELECT login, action, record_type FROM audit WHERE record_type='signing' AND record_id=%d" % sid)
    assert a and a[0][0] == "cs_admin" and a[0][1] in ("sign", "resign")
    # signing again supersedes: one current signing, the old one points at the new
    g = sign_form("kind=unit_pledge&unit=%d" % cs, "cs_admin")
    assert g["current_id"] == str(sid)
    g["signed_date"] = "2026-09-02"
    r2 = post_sign(g, login="cs_admin")
    assert r2.status == 303, r2
    sid2 = int(r2.header("location").split("/")[-1].split("?")[0])
    assert sql("SELECT is_current, superseded_by FROM pledge_signing WHERE id=%d" % sid) == [["NULL", str(sid2)]]
    assert one("SELECT COUNT(*) FROM pledge_signing WHERE kind='unit_pledge' AND party_type='unit' "
               "AND party_id=%d AND is_current=1" % cs) == "1"
    st, x = page("/pledges/signings/%d" % sid2, "cs_admin")
    assert st == 200 and x.find("./data/signing").get("current") == "1"


def test_scan_downloads_byte_identical():
    cs = unit_id("C-CS")
    data = b"\x89PNG\r\n\x1a\n" + os.urandom(300 * 1024)    # several 60 KiB pieces
    f = sign_form("kind=unit_pledge&unit=%d" % cs, "cs_admin")
    r = post_sign(f, scan=("seal.png", data, "image/png"), login="cs_admin")
    assert r.status == 303, r
    sid = int(r.header("location").split("/")[-1].split("?")[0])
    d = get("/pledges/signings/%d/scan" % sid, "cs_admin")
    assert d.status == 200 and d.header("content-type") == "image/png"
    assert "attachment" in d.header("content-disposition")
    assert d.body == data
    want = hashlib.sha256(data).hexdigest()
    assert one("SELECT c.sha256 FROM pledge_signing s JOIN pledge_scan c ON c.id=s.scan_id "
               "WHERE s.id=%d" % sid) == want
    st, x = page("/pledges/signings/%d" % sid, "auditor")
    assert st == 200 and x.find("./data/signing/scan").get("sha256") == want


def test_other_units_are_403_and_logged():
    cs, me = unit_id("C-CS"), unit_id("C-ME")
    f = sign_form("kind=unit_pledge&unit=%d" % cs, "office")
    r = post_sign(f, login="office")
    assert r.status == 303
    sid = int(r.header("location").split("/")[-1].split("?")[0])
    denied = one("SELECT COUNT(*) FROM audit WHERE action='denied'")
    assert get("/pledges/sign?kind=unit_pledge&unit=%d" % cs, "me_admin").status == 403
    assert get("/pledges/signings/%d" % sid, "me_admin").status == 403
    assert get("/pledges/signings/%d/scan" % sid, "me_admin").status == 403
    assert get("/pledges/units/%d" % cs, "me_admin").status == 403
    before = counts()
    f["nonce"] = uuid.uuid4().hex
    f["csrf"] = sign_form("kind=unit_pledge&unit=%d" % me, "me_admin")["csrf"]
    assert post_sign(f, login="me_admin").status == 403     # a form for C-CS, posted by C-ME's staff
    assert counts() == before
    assert int(one("SELECT COUNT(*) FROM audit WHERE action='denied'")) >= int(denied) + 5
    # the coverage shows a unit's staff only their unit
    st, x = page("/pledges/?status=all", "me_admin")
    assert st == 200 and {r.get("unit-id") for r in x.findall("./data/rows/row")} == {str(me)}


def test_post_without_csrf_is_403_and_changes_nothing():
    cs = unit_id("C-CS")
    f = sign_form("kind=unit_pledge&unit=%d" % cs)
    before = counts()
    del f["csrf"]
    assert post_sign(f).status == 403
    f["csrf"] = "1.deadbeef"
    assert post_sign(f).status == 403
    assert counts() == before


def test_invalid_input_is_422_with_values_kept():
    cs = unit_id("C-CS")
    f = sign_form("kind=unit_pledge&unit=%d" % cs)
    before = counts()
    f["signer_name"] = ""
    f["signer_title"] = "书记（测试）"
    f["signed_date"] = (today() + datetime.timedelta(days=3)).isoformat()
    r = request("POST", "/pledges/sign", "office", body=multipart(f, {"scan": ("a.pdf", PDF, "application/pdf")})[0],
                headers={"Content-Type": multipart({}, {})[1], "Accept": "application/xml"})
    # (a fresh boundary in the header means the body does not parse: 400, nothing stored)
    assert r.status == 400
    body, ctype = multipart(f, {"scan": ("a.pdf", PDF, "application/pdf")})
    r = request("POST", "/pledges/sign", "office", body=body,
                headers={"Content-Type": ctype, "Accept": "application/xml"})
    assert r.status == 422, r
    x = r.xml()
    fields = {e.get("name"): e for e in x.findall("./data/form/field")}
    assert fields["signer_name"].get("error") == "required"
    assert fields["signed_date"].get("error") == "future"
    assert fields["signer_title"].text == "书记（测试）"
    assert x.find("./data").get("scan-again") == "1"
    assert counts() == before


def test_renamed_executable_is_422_and_nothing_stored():
    cs = unit_id("C-CS")
    f = sign_form("kind=unit_pledge&unit=%d" % cs)
    before = counts()
    body, ctype = multipart(f, {"scan": ("scan.pdf", ELF, "application/pdf")})
    r = request("POST", "/pledges/sign", "office", body=body,
                headers={"Content-Type": ctype, "Accept": "application/xml"})
    assert r.status == 422, r
    assert [m.get("code") for m in r.xml().findall("./messages/msg") if m.get("field") == "scan"] == ["scan_type"]
    r = post_sign(f, scan=None)
    assert r.status == 422
    assert counts() == before


def test_over_20_mib_is_413_and_nothing_stored():
    cs = unit_id("C-CS")
    f = sign_form("kind=unit_pledge&unit=%d" % cs)
    before = counts()
    big = b"%PDF-1.4\n" + b"\0" * (20 * 1024 * 1024)      # 9 bytes over the limit
    r = post_sign(f, scan=("big.pdf", big, "application/pdf"))
    assert r.status == 413, r
    huge = b"%PDF-1.4\n" + b"\0" * (22 * 1024 * 1024)     # past nginx's limit too
    assert post_sign(f, scan=("huge.pdf", huge, "application/pdf")).status == 413
    assert counts() == before
    assert get("/pledges/").status == 200      # the workers are fine


def test_double_submit_makes_one_signing():
    me = unit_id("C-ME")
    f = sign_form("kind=unit_pledge&unit=%d" % me, "me_admin")
    before = counts()
    r1 = post_sign(f, login="me_admin")
    r2 = post_sign(f, login="me_admin")
    assert r1.status == 303 and r2.status == 303, (r1, r2)
    assert r1.header("location") == r2.header("location")
    assert int(counts()[0]) == int(before[0]) + 1
    assert one("SELECT COUNT(*) FROM pledge_signing WHERE nonce='%s'" % f["nonce"]) == "1"


def test_concurrent_signings_one_wins_the_other_409():
    me = unit_id("C-ME")
    a = sign_form("kind=unit_pledge&unit=%d" % me, "me_admin")
    b = sign_form("kind=unit_pledge&unit=%d" % me, "office")
    assert a["current_id"] == b["current_id"]
    b["signer_title"] = "第二个表单"
    assert post_sign(a, login="me_admin").status == 303
    body, ctype = multipart(b, {"scan": ("b.pdf", PDF, "application/pdf")})
    r = request("POST", "/pledges/sign", "office", body=body,
                headers={"Content-Type": ctype, "Accept": "application/xml"})
    assert r.status == 409, r
    x = r.xml()
    assert x.find("./data").get("conflict") == "1"
    fields = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    assert fields["signer_title"] == "第二个表单"            # nothing typed is lost
    assert fields["current_id"] != b["current_id"]           # resubmitting replaces the one current now
    assert one("SELECT COUNT(*) FROM pledge_signing WHERE kind='unit_pledge' AND party_type='unit' "
               "AND party_id=%d AND is_current=1" % me) == "1"


def test_resign_due_after_a_new_first_responsible_person_across_holidays():
    # C-EE signs its unit pledge on 2026-09-01; its first responsible person
    # changes with effect Thursday 2026-09-24.  Sep 25-27 (Mid-Autumn) and
    # Oct 1-7 (National Day) are off, Saturday Oct 10 is a make-up workday:
    # the re-sign is due 10 working days later, on 2026-10-15.
    ee = unit_id("C-EE")
    sql("UPDATE reg_holder SET effective_date='2026-01-05' WHERE unit_id=%d AND role='first' AND is_current=1" % ee)
    f = sign_form("kind=unit_pledge&unit=%d" % ee)
    f["signed_date"] = "2026-09-01"
    assert post_sign(f).status == 303
    st, fields, csrf = change_form(ee, "first")
    fields.update({"name": "新书记", "title": "党委书记", "mobile": "13912345678",
                   "email": "secretary@example.edu.cn", "effective_date": "2026-09-24", "csrf": csrf})
    r = post("/registration/%d/change" % ee, fields)
    assert r.status == 303, r
    st, x = page("/pledges/?status=resign&kind=unit_pledge")
    rows = [r for r in x.findall("./data/rows/row") if r.get("party-id") == str(ee)]
    assert len(rows) == 1, [r.attrib for r in x.findall("./data/rows/row")]
    want = add_workdays(datetime.date(2026, 9, 24), 10, calendar())
    assert want == datetime.date(2026, 10, 15)
    assert rows[0].get("changed") == "2026-09-24" and rows[0].get("due") == str(want)
    assert rows[0].get("overdue") == ("1" if today() > want else "0")
    # a signing after the change clears it
    g = sign_form("kind=unit_pledge&unit=%d" % ee)
    g["signed_date"] = "2026-09-28"
    assert post_sign(g).status == 303
    st, x = page("/pledges/?status=all&kind=unit_pledge&unit=%d" % ee)
    assert [r.get("status") for r in x.findall("./data/rows/row") if r.get("party-id") == str(ee)] == ["signed"]


def test_persons_and_the_software_pledge():
    cs = unit_id("C-CS")
    st, x = page("/pledges/units/%d" % cs, "cs_admin")
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    staff = "T" + uuid.uuid4().hex[:8]
    f.update({"name": "张测试", "staff_no": staff, "csrf": x.findtext("./csrf")})
    assert post("/pledges/units/%d/persons" % cs, f, "cs_admin").status == 303
    assert post("/pledges/units/%d/persons" % cs, f, "cs_admin").status == 303    # double submit
    pid = int(one("SELECT id FROM pledge_person WHERE staff_no='%s'" % staff))
    assert one("SELECT COUNT(*) FROM pledge_person WHERE staff_no='%s'" % staff) == "1"
    st, x = page("/pledges/?kind=software&status=missing&unit=%d" % cs)
    assert str(pid) in [r.get("party-id") for r in x.findall("./data/rows/row")]
    g = sign_form("kind=software&person=%d" % pid, "cs_admin")
    assert g["signer_name"] == "张测试" and g["party_type"] == "person"
    assert post_sign(g, login="cs_admin").status == 303
    assert get("/pledges/sign?kind=software&person=%d" % pid, "me_admin").status == 403
    # a second person with the same staff number: 422, the name kept
    x2 = page("/pledges/units/%d" % cs, "cs_admin")[1]
    h = {e.get("name"): (e.text or "") for e in x2.findall("./data/form/field")}
    h.update({"name": "李重复", "staff_no": staff, "csrf": x2.findtext("./csrf")})
    r = request("POST", "/pledges/units/%d/persons" % cs, "cs_admin", body=h,
                headers={"Accept": "application/xml"})
    assert r.status == 422 and "李重复" in r.text


def test_export_validates_against_its_xsd():
    r = get("/pledges/export.xml")
    assert r.status == 200 and "attachment" in r.header("content-disposition")
    path = os.path.join(STACK, "pledges-export.xml")
    with open(path, "wb") as f:
        f.write(r.body)
    v = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(ROOT, "schema/xml/pledges.xsd"), path],
                       capture_output=True, text=True)
    assert v.returncode == 0, v.stderr[-2000:]
    x = r.xml()
    ns = {"p": "urn:wangan:pledges:1"}
    assert len(x.findall("./p:templates/p:template", ns)) >= 8
    assert int(one("SELECT COUNT(*) FROM pledge_signing")) == len(x.findall("./p:signings/p:signing", ns))
    assert get("/pledges/export.xml", "cs_admin").status == 403
