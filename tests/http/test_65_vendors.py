"""The vendor registry (issue 3, item 2): every vendor page for every role (a
unit's staff see the vendors serving their unit, and a refusal is audited);
a vendor is created with its audit row; a wrong USCC check character, a
code another vendor has and unknown unit codes are 422 with every value
kept and nothing written; one vendor per double submit; concurrent edits
from one version: one 303, the other 409 with what was typed; CSRF; the
list pages by (name, id); a letter (2) signing turns the vendor signed on
its page, in the list and in the coverage."""
import random, uuid
from lib import form, get, one, page, post, request, sql, unit_id
from fixtures import at_once, post_sign, post_xml, sign_form

SYMBOLS = "0123456789ABCDEFGHJKLMNPQRTUWXY"     # GB 32100-2015: no I, O, S, V, Z
WEIGHTS = [pow(3, i, 31) for i in range(17)]


def check_char(prefix):
    """The 18th character of a unified social credit code (valid.c valid_uscc_check)."""
    s = sum(SYMBOLS.index(ch) * w for ch, w in zip(prefix, WEIGHTS))
    return SYMBOLS[(31 - s % 31) % 31]


def new_uscc():
    """A valid synthetic code: company (91), an area, "MA" and 7 random symbols, and its check character."""
    prefix = "91" + "".join(random.choice("0123456789") for _ in range(6)) + "MA" + \
        "".join(random.choice(SYMBOLS) for _ in range(7))
    return prefix + check_char(prefix)


def demo_vendor(unit):
    """The demo vendor serving unit (wangan-pledges --demo)."""
    return int(one("SELECT MIN(v.id) FROM pledge_vendor v JOIN pledge_vendor_unit vu ON vu.vendor_id=v.id "
                   "JOIN unit u ON u.id=vu.unit_id WHERE u.code='%s' AND v.created_by='demo'" % unit))


def fields_of(r):
    return {e.get("name"): e for e in r.xml().findall("./data/form/field")}


def vendor_values(**kw):
    v = {"company": "测试信息技术有限公司 " + uuid.uuid4().hex[:6], "uscc": new_uscc(), "contact": "刘工",
         "phone": "0371-67781234", "email": "liu@vendor.example.com", "units": "C-CS"}
    v.update(kw)
    return v


def new_form(**kw):
    """The new-vendor form filled in with fresh values (kw overrides them)."""
    f = form("/pledges/vendors/new")
    f.update(vendor_values(**kw))
    return f


def create(**kw):
    f = new_form(**kw)
    r = post("/pledges/vendors/new", f)
    assert r.status == 303, r
    return int(r.header("location").split("/")[-1].split("?")[0]), f


def vendor_count():
    return int(one("SELECT COUNT(*) FROM pledge_vendor"))


def letter2_rows(vid):
    """The vendor's letter (2) rows in the coverage, every page followed."""
    path, rows = "/pledges/?kind=letter2&status=all", []
    while path:
        st, x = page(path)
        assert st == 200
        rows += [r for r in x.findall("./data/rows/row")
                 if r.get("party-type") == "vendor" and r.get("party-id") == str(vid)]
        nxt = x.find("./data/rows").get("next")
        path = "/pledges/?kind=letter2&status=all&after=" + nxt if nxt else None
    return rows


def test_every_vendor_page_for_every_role():
    ours, other = demo_vendor("C-CS"), demo_vendor("CENTER")
    assert ours != other
    for (code,) in sql("SELECT uscc FROM pledge_vendor WHERE created_by='demo'"):   # the demo's codes check
        assert len(code) == 18 and check_char(code[:17]) == code[17], code
    for login in ("office", "leader", "auditor", "cs_admin", "cs_head", "me_admin"):
        for lang in ("", "?lang=en"):
            r = get("/pledges/vendors" + lang, login)
            assert r.status == 200 and r.text.rstrip().endswith("</html>"), (login, r)
        writes = login == "office"
        reads_all = login in ("office", "leader", "auditor")
        for path in ("/pledges/vendors/new", "/pledges/vendors/%d/edit" % ours):
            for lang in ("", "?lang=en"):
                r = get(path + lang, login)
                assert r.status == (200 if writes else 403), (login, path, r)
        assert get("/pledges/vendors/%d" % ours, login).status == (200 if login != "me_admin" else 403), login
        denied = int(one("SELECT COUNT(*) FROM audit WHERE action='denied' AND record_type='vendor' "
                         "AND record_id=%d AND login='%s'" % (other, login)))
        r = get("/pledges/vendors/%d?lang=en" % other, login)
        assert r.status == (200 if reads_all else 403), (login, r.status)
        after = int(one("SELECT COUNT(*) FROM audit WHERE action='denied' AND record_type='vendor' "
                        "AND record_id=%d AND login='%s'" % (other, login)))
        assert after == denied + (0 if reads_all else 1), login       # the refusal is evidence
        # the list: everything for those who read all, the vendors serving one's unit otherwise
        st, x = page("/pledges/vendors", login)
        ids = {int(v.get("id")) for v in x.findall("./data/vendors/vendor")}
        assert (ours in ids) == (login != "me_admin") and (other in ids) == reads_all, (login, ids)
        if login == "me_admin":
            serving = {int(r[0]) for r in sql("SELECT vu.vendor_id FROM pledge_vendor_unit vu JOIN unit u "
                                              "ON u.id=vu.unit_id WHERE u.code='C-ME'")}
            assert ids <= serving, ids
    assert get("/pledges/vendors/99999999").status == 404
    assert get("/pledges/vendors/99999999/edit").status == 404
    assert get("/pledges/vendors?at=a&after=x").status == 400          # the pager's seek: an id
    # the vendor's page: fields, units served, the sign link for the office only
    st, x = page("/pledges/vendors/%d" % ours, "cs_admin")
    v = x.find("./data/vendor")
    assert v.get("uscc") == one("SELECT uscc FROM pledge_vendor WHERE id=%d" % ours)
    assert "C-CS" in [u.get("code") for u in v.findall("./units/unit")]
    assert "/pledges/sign?kind=letter2&amp;vendor=%d" % ours in get("/pledges/vendors/%d" % ours).text
    assert "/pledges/sign?kind=letter2" not in get("/pledges/vendors/%d" % ours, "cs_admin").text
    # the coverage links to the registry and names vendors as links
    html = get("/pledges/?kind=letter2&status=all").text
    assert 'href="/pledges/vendors"' in html and 'href="/pledges/vendors/%d"' % ours in html


def test_leader_and_staff_cannot_post():
    f = new_form()
    before = vendor_count()
    for login in ("leader", "auditor", "cs_admin"):
        assert post("/pledges/vendors/new", f, login).status == 403, login
    assert vendor_count() == before


def test_create_a_vendor_with_its_audit_row():
    cs, me = unit_id("C-CS"), unit_id("C-ME")
    audits = int(one("SELECT COUNT(*) FROM audit WHERE record_type='vendor' AND action='create'"))
    vid, f = create(units="C-CS，c-me\nC-CS", email="")       # full-width comma, any case, a repeat
    row = sql("SELECT name, uscc, contact, phone, email, active, version, created_by, nonce "
              "FROM pledge_vendor WHERE id=%d" % vid)[0]
    assert row == [f["company"], f["uscc"], "刘工", "0371-67781234", "", "1", "1", "office", f["nonce"]]
    assert sorted(int(r[0]) for r in sql("SELECT unit_id FROM pledge_vendor_unit WHERE vendor_id=%d" % vid)) \
        == sorted([cs, me])
    assert int(one("SELECT COUNT(*) FROM audit WHERE record_type='vendor' AND action='create'")) == audits + 1
    a = sql("SELECT login, module, before_data, after_data FROM audit WHERE record_type='vendor' "
            "AND action='create' AND record_id=%d" % vid)[0]
    assert a[:3] == ["office", "pledges", "NULL"]
    assert f["uscc"] in a[3] and '"units":["C-CS","C-ME"]' in a[3] and '"active":1' in a[3], a[3]
    st, x = page("/pledges/vendors/%d?saved=1" % vid)
    assert st == 200 and [m.get("code") for m in x.findall("./messages/msg")] == ["saved"]
    assert x.find("./data/vendor/name").text == f["company"]
    assert x.find("./data/letter").get("status") == "missing"
    # its units' staff now see it; a mobile number is a phone too
    assert get("/pledges/vendors/%d" % vid, "me_admin").status == 200
    vid2, _ = create(phone="13812345678", units="")
    assert one("SELECT phone FROM pledge_vendor WHERE id=%d" % vid2) == "13812345678"
    assert get("/pledges/vendors/%d" % vid2, "cs_admin").status == 403


def test_bad_input_is_422_with_every_value_kept_and_nothing_written():
    good = new_uscc()
    wrong = good[:17] + next(ch for ch in SYMBOLS if ch != good[17])     # another check character
    before = vendor_count()
    for uscc, field_errors in ((wrong, {"uscc": "uscc"}),
                               (good.lower(), {"uscc": "uscc"}),         # capitals only, as GB 32100 writes them
                               (good, {"phone": "phone", "company": "required", "email": "email"})):
        f = new_form(uscc=uscc, units="C-CS C-ME", contact="陈联系人")
        if "phone" in field_errors:
            f.update(phone="电话 123", company="", email="not-an-address")
        r = post_xml("/pledges/vendors/new", f)
        assert r.status == 422, r
        got = fields_of(r)
        assert {k: e.get("error") for k, e in got.items() if e.get("error")} == field_errors, r
        for k in ("company", "uscc", "contact", "phone", "email", "units", "nonce"):
            assert (got[k].text or "") == f[k], k                     # nothing typed is lost
        html = request("POST", "/pledges/vendors/new", "office", body=f).text
        assert uscc in html and "陈联系人" in html
    assert vendor_count() == before
    assert one("SELECT COUNT(*) FROM pledge_vendor WHERE uscc='%s'" % good) == "0"


def test_duplicate_uscc_is_422():
    vid, f = create()
    other, _ = create()
    before = vendor_count()
    g = new_form(uscc=f["uscc"], contact="重复的联系人")
    r = post_xml("/pledges/vendors/new", g)
    assert r.status == 422, r
    got = fields_of(r)
    assert got["uscc"].get("error") == "uscc_taken" and got["contact"].text == "重复的联系人"
    assert vendor_count() == before
    # an edit that takes another vendor's code, too
    e = form("/pledges/vendors/%d/edit" % other)
    e["uscc"] = f["uscc"]
    r = post_xml("/pledges/vendors/%d/edit" % other, e)
    assert r.status == 422 and fields_of(r)["uscc"].get("error") == "uscc_taken", r
    assert one("SELECT version FROM pledge_vendor WHERE id=%d" % other) == "1"


def test_unknown_unit_codes_are_422_naming_them():
    before = vendor_count()
    f = new_form(units="C-CS, NOPE-1 ZZ9")
    r = post_xml("/pledges/vendors/new", f)
    assert r.status == 422, r
    x = r.xml()
    assert [u.get("code") for u in x.findall("./data/unknown-units/unit")] == ["NOPE-1", "ZZ9"]
    assert fields_of(r)["units"].get("error") == "unknown_units"
    assert fields_of(r)["units"].text == "C-CS, NOPE-1 ZZ9" and fields_of(r)["company"].text == f["company"]
    html = request("POST", "/pledges/vendors/new", "office", body=f).text
    assert "NOPE-1" in html and "ZZ9" in html
    assert vendor_count() == before
    assert one("SELECT COUNT(*) FROM pledge_vendor WHERE uscc='%s'" % f["uscc"]) == "0"
    # the same form, fixed, goes through with its nonce
    f["units"] = "C-CS"
    assert post("/pledges/vendors/new", f).status == 303
    assert vendor_count() == before + 1


def test_double_submit_makes_one_vendor():
    f = new_form()
    before = vendor_count()
    r1 = post("/pledges/vendors/new", f)
    r2 = post("/pledges/vendors/new", f)
    assert r1.status == 303 and r2.status == 303, (r1, r2)
    assert r1.header("location") == r2.header("location")
    assert vendor_count() == before + 1
    assert one("SELECT COUNT(*) FROM pledge_vendor WHERE nonce='%s'" % f["nonce"]) == "1"
    # at the same moment, too
    g = new_form()
    out = at_once(*[lambda: post("/pledges/vendors/new", g)] * 3)
    assert [r.status for r in out] == [303] * 3 and len({r.header("location") for r in out}) == 1, out
    assert one("SELECT COUNT(*) FROM pledge_vendor WHERE uscc='%s'" % g["uscc"]) == "1"


def test_concurrent_edits_one_wins_the_other_409():
    vid, _ = create(units="C-CS")
    path = "/pledges/vendors/%d/edit" % vid
    a = form(path)
    b = form(path)
    assert a["version"] == b["version"] == "1" and a["active"] == "1" and a["units"] == "C-CS"
    a["contact"] = "甲的联系人"
    b.update(contact="乙的联系人", phone="010-88886666", units="C-CS C-ME")
    ra, rb = at_once(lambda: post_xml(path, a), lambda: post_xml(path, b))
    out = {"a": ra, "b": rb}
    assert sorted(r.status for r in out.values()) == [303, 409], out
    won, lost = ("a", "b") if out["a"].status == 303 else ("b", "a")
    mine = a if lost == "a" else b
    theirs = a if won == "a" else b
    x = out[lost].xml()
    assert x.find("./data").get("conflict") == "1"
    assert "conflict" in [m.get("code") for m in x.findall("./messages/msg")]
    got = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    for k in ("company", "contact", "phone", "units"):
        assert got[k] == mine[k], k                       # what the loser typed is all there
    assert got["version"] == "2"                          # resubmitting is a decision over the newer record
    assert x.find("./data/vendor/contact").text == theirs["contact"]      # beside the record as it is now
    assert one("SELECT contact FROM pledge_vendor WHERE id=%d" % vid) == theirs["contact"]
    assert int(one("SELECT COUNT(*) FROM audit WHERE record_type='vendor' AND action='update' "
                   "AND record_id=%d" % vid)) == 1
    html = request("POST", path, "office", body=mine).text
    assert mine["contact"] in html and theirs["contact"] in html
    # submitting the returned form again replaces it, with before and after in the audit
    got["csrf"] = mine["csrf"]
    r = post(path, got)
    assert r.status == 303, r
    assert sql("SELECT contact, version FROM pledge_vendor WHERE id=%d" % vid) == [[mine["contact"], "3"]]
    before, after = sql("SELECT before_data, after_data FROM audit WHERE record_type='vendor' "
                        "AND action='update' AND record_id=%d ORDER BY id DESC LIMIT 1" % vid)[0]
    assert theirs["contact"] in before and mine["contact"] in after
    # a double submit of one edit lands once: the second finds its own values there
    c = form(path)
    c["email"] = "twice@vendor.example.com"
    assert post(path, c).status == 303
    assert post(path, c).status == 303
    assert one("SELECT version FROM pledge_vendor WHERE id=%d" % vid) == "4"


def test_deactivate_moves_the_vendor_out_of_the_list_and_the_coverage():
    vid, _ = create()
    assert len(letter2_rows(vid)) == 1
    f = form("/pledges/vendors/%d/edit" % vid)
    del f["active"]                                       # the box unticked sends nothing
    assert post("/pledges/vendors/%d/edit" % vid, f).status == 303
    assert one("SELECT active FROM pledge_vendor WHERE id=%d" % vid) == "0"
    after = one("SELECT after_data FROM audit WHERE record_type='vendor' AND action='update' "
                "AND record_id=%d" % vid)
    assert '"active":0' in after
    st, x = page("/pledges/vendors/%d" % vid)
    assert x.find("./data/vendor").get("active") == "0"
    assert letter2_rows(vid) == []
    # searched by its USCC: a rerun leaves more than a page of inactive vendors before it
    uscc = one("SELECT uscc FROM pledge_vendor WHERE id=%d" % vid)
    listed = lambda q: vid in {int(v.get("id")) for v in
                               page("/pledges/vendors?q=%s%s" % (uscc, q))[1].findall("./data/vendors/vendor")}
    assert not listed("") and listed("&active=0")
    g = form("/pledges/vendors/%d/edit" % vid)
    assert g["active"] == "0"
    g["active"] = "1"
    assert post("/pledges/vendors/%d/edit" % vid, g).status == 303
    assert listed("") and len(letter2_rows(vid)) == 1


def test_post_without_csrf_is_403_and_changes_nothing():
    vid, _ = create()
    f = new_form()
    e = form("/pledges/vendors/%d/edit" % vid)
    e["contact"] = "不应保存"
    before = vendor_count()
    for path, g in (("/pledges/vendors/new", f), ("/pledges/vendors/%d/edit" % vid, e)):
        h = dict(g)
        del h["csrf"]
        assert post(path, h).status == 403, path
        h["csrf"] = "1.deadbeef"
        assert post(path, h).status == 403, path
    assert vendor_count() == before
    assert one("SELECT version FROM pledge_vendor WHERE id=%d" % vid) == "1"


def test_list_pages_by_name_and_id():
    # 55 vendors no longer active (the coverage leaves them out), names the URL must escape
    tag = uuid.uuid4().hex[:6]
    values = ",".join("('分页&测试 %s+%02d #', '%s', '联系人', '0371-60000000', 0, 'test', 'test')"
                      % (tag, i // 2, new_uscc()) for i in range(55))       # pairs share a name: id breaks the tie
    sql("INSERT INTO pledge_vendor (name, uscc, contact, phone, active, created_by, updated_by) VALUES " + values)
    want = [r[0] for r in sql("SELECT id FROM pledge_vendor WHERE active=0 ORDER BY name, id")]
    got, path, pages = [], "/pledges/vendors?active=0", 0
    while path:
        st, x = page(path)
        assert st == 200
        vs = x.find("./data/vendors")
        got += [v.get("id") for v in vs.findall("./vendor")]
        assert int(vs.get("count")) == len(vs.findall("./vendor")) <= 50
        pages += 1
        path = ("/pledges/vendors?active=0&at=%s&after=%s" % (vs.get("next-at"), vs.get("next"))
                if vs.get("next") else None)
    assert got == want and pages >= 2, (len(got), len(want))
    html = get("/pledges/vendors?active=0").text
    assert 'rel="next" href="/pledges/vendors?at=' in html and "&amp;after=" in html and "&amp;active=0" in html


def test_letter2_signing_turns_the_vendor_signed():
    vid, f = create(units="C-CS")
    assert [r.get("status") for r in letter2_rows(vid)] == ["missing"]
    st, x = page("/pledges/vendors/%d" % vid)
    assert x.find("./data/letter").get("status") == "missing" and x.findall("./data/signings/signing") == []
    assert get("/pledges/sign?kind=letter2&vendor=%d" % vid, "cs_admin").status == 403   # the office's
    g = sign_form("kind=letter2&vendor=%d" % vid)
    assert g["party_type"] == "vendor" and g["party_id"] == str(vid) and g["current_id"] == "0"
    g.update(signer_name="刘总", signer_title="总经理", signed_date="2026-09-03")
    r = post_sign(g)
    assert r.status == 303, r
    sid = r.header("location").split("/")[-1].split("?")[0]
    for login in ("office", "auditor", "cs_admin"):
        st, x = page("/pledges/vendors/%d" % vid, login)
        l = x.find("./data/letter")
        assert (l.get("status"), l.get("signing-id"), l.get("signed")) == ("signed", sid, "2026-09-03"), login
        s = x.findall("./data/signings/signing")
        assert [e.get("id") for e in s] == [sid] and s[0].find("signer").get("name") == "刘总"
    assert get("/pledges/signings/%s" % sid, "cs_admin").status == 200
    assert get("/pledges/signings/%s" % sid, "me_admin").status == 403
    rows = letter2_rows(vid)
    assert [(r.get("status"), r.get("signing-id")) for r in rows] == [("signed", sid)]
    st, x = page("/pledges/vendors", "cs_admin")
    v = [v for v in x.findall("./data/vendors/vendor") if v.get("id") == str(vid)]
    assert v and v[0].get("status") == "signed" and v[0].get("signed") == "2026-09-03"
