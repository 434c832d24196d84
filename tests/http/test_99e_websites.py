"""Website filing (issue 12): a unit's staff file a site (appendix 4), the
unit head approves with the unit's opinion, the centre's check waits for the
website letter, the centre opens the site with its IP, exposure and
services; the filing is the systems inventory's entry of kind website (made
or linked, never twice), which goes online with it.  Bad input is 422 with
the message and nothing saved; a double submit files once; two centre
accounts at once: one wins, one 409; another unit's staff get 403, audited."""
import uuid
from lib import form, get, one, page, post, sql, today, unit_id
from fixtures import WEB_FILING, at_once, location_id, post_xml, web_passed
from fixtures import web_approved as approved, web_create as create, web_letter as letter, \
    web_state as state, web_step as step


def dom(tag):
    return "%s-%s.web99e.edu.cn" % (tag, uuid.uuid4().hex[:6])


def to_passed(sid):
    # the centre's security check is its own part (tests of the check in test_99f):
    # here the filing passes one through the page
    web_passed(sid)


def opened(sid, **over):
    f = dict(opinion="检查通过，同意开通", ip="10.20.0.%d" % (sid % 250 + 1), exposed="1", svc_http="1",
             svc_https="1", open_date=today().isoformat())
    f.update(over)
    return step(sid, "open", "center", **f)


def denied(login, sid):
    return int(one("SELECT COUNT(*) FROM audit WHERE module='websites' AND login='%s' AND action='denied'"
                   " AND record_id=%d" % (login, sid)))


def test_the_letter_gate_holds_the_check_until_the_unit_signs():
    cs = unit_id("C-CS")
    sid = approved(dom("gate"))
    signed = one("SELECT COUNT(*) FROM pledge_signing WHERE kind='website' AND party_type='unit'"
                 " AND party_id=%d AND is_current=1" % cs)
    st, x = page("/websites/%d" % sid, "center")
    assert st == 200
    if signed == "0":
        g = x.find("./data/gate")
        assert g is not None and g.get("unit-id") == str(cs)
        html = get("/websites/%d" % sid, "cs_admin").text
        assert "/pledges/sign?kind=website&amp;unit=%d" % cs in html and "网站信息安全责任书" in html
    letter()
    st, x = page("/websites/%d" % sid, "center")
    assert x.find("./data/gate") is None


def test_a_filing_goes_from_draft_to_online_by_each_role():
    letter()
    d = dom("flow")
    before = int(one("SELECT COUNT(*) FROM sys_system WHERE kind='website'"))
    sid = create(d)
    assert state(sid) == "draft"
    row = sql("SELECT w.system_id, s.kind, s.url, s.hosting, s.status, s.unit_id FROM web_site w"
              " JOIN sys_system s ON s.id = w.system_id WHERE w.id=%d" % sid)[0]
    assert row[1:] == ["website", d, "campus", "planned", str(unit_id("C-CS"))]
    assert int(one("SELECT COUNT(*) FROM sys_system WHERE kind='website'")) == before + 1
    # the security officer is the unit head from registration, not typed
    st, x = page("/websites/%d" % sid, "cs_admin")
    head = sql("SELECT name FROM reg_holder WHERE unit_id=%d AND role='first' AND is_current=1" % unit_id("C-CS"))
    if head:
        assert x.find("./data/officer").get("name") == head[0][0]
    acts = {a.get("name") for a in x.findall("./data/actions/action")}
    assert acts == {"edit", "submit"}
    assert step(sid, "submit", "cs_admin").status == 303 and state(sid) == "submitted"
    st, x = page("/websites/%d" % sid, "cs_head")
    assert {"approve", "reject"} <= {a.get("name") for a in x.findall("./data/actions/action")}
    assert step(sid, "approve", "cs_head", opinion="同意，单位负责人审核").status == 303
    assert state(sid) == "approved"
    assert one("SELECT unit_opinion FROM web_site WHERE id=%d" % sid) == "同意，单位负责人审核"
    assert one("SELECT unit_by FROM web_site WHERE id=%d" % sid) == "cs_head"
    to_passed(sid)
    st, x = page("/websites/%d" % sid, "center")
    assert "open" in {a.get("name") for a in x.findall("./data/actions/action")}
    r = opened(sid, ip="10.20.1.5", svc_ftp="1")
    assert r.status == 303, r
    assert state(sid) == "online"
    row = sql("SELECT ip, exposed, services, open_date, center_by, center_opinion FROM web_site WHERE id=%d" % sid)[0]
    assert row == ["10.20.1.5", "1", "http,https,ftp", today().isoformat(), "center", "检查通过，同意开通"], row
    sysrow = sql("SELECT s.status, s.golive_date, s.ips FROM web_site w JOIN sys_system s ON s.id=w.system_id"
                 " WHERE w.id=%d" % sid)[0]
    assert sysrow == ["online", today().isoformat(), "10.20.1.5"]
    steps = sql("SELECT from_state, to_state, login FROM web_site_step WHERE site_id=%d ORDER BY id" % sid)
    assert steps[0] == ["", "draft", "cs_admin"]
    assert ["draft", "submitted", "cs_admin"] in steps and ["submitted", "approved", "cs_head"] in steps
    assert steps[-1] == ["passed", "online", "center"]
    assert int(one("SELECT COUNT(*) FROM audit WHERE module='websites' AND record_type='website'"
                   " AND record_id=%d" % sid)) == 5  # create, submit, approve, the check, open
    st, x = page("/websites/%d" % sid, "office")
    assert st == 200 and x.find("./data/site").get("state") == "online"
    assert x.findtext("./data/site/domain") == d


def test_bad_input_is_422_with_its_message_and_saves_nothing():
    n = one("SELECT COUNT(*) FROM web_site")
    taken = dom("taken")
    create(taken)
    n = one("SELECT COUNT(*) FROM web_site")
    nsys = one("SELECT COUNT(*) FROM sys_system")
    other_vm = one("SELECT id FROM cloud_vm WHERE unit_id=%d AND state='active' LIMIT 1" % unit_id("C-ME"))
    cases = [
        ({"domain": "http://www.x.edu.cn/"}, "domain", "web_domain"),
        ({"domain": "a..b.edu.cn"}, "domain", "web_domain"),
        ({"domain": "10.1.2.3"}, "domain", "web_domain"),
        ({"domain": "-x.edu.cn"}, "domain", "web_domain"),
        ({"domain": "nodot"}, "domain", "web_domain"),
        ({"domain": taken.upper()}, "domain", "web_domain_dup"),
        ({"admin_email": "not-an-email"}, "admin_email", None),
        ({"admin_mobile": "12345"}, "admin_mobile", None),
        ({"leader_phone": "电话"}, "leader_phone", None),
        ({"build": "own_db", "build_reason": ""}, "build_reason", "web_build_reason"),
        ({"location": "cloud_vm", "vm": ""}, "vm", "web_vm"),
        ({"location": "cloud_vm", "vm": other_vm}, "vm", "web_vm"),
        ({"apply_date": "2999-01-01"}, "apply_date", "web_apply_future"),
        ({"system": "999999"}, "system", "web_system"),
        ({"name": ""}, "name", "required"),
        ({"sections": "栏" * 501}, "sections", None),
    ]
    for over, field, code in cases:
        f = page_form("cs_admin")
        f.update(WEB_FILING)
        f.update({"domain": dom("bad")})
        f.update(over)
        r = post_xml("/websites/new", f, "cs_admin")
        assert r.status == 422, (over, r.status)
        fields = {e.get("name"): e for e in r.xml().findall("./data/form/field")}
        assert fields[field].get("error"), (over, field)
        if code:
            assert fields[field].get("error") == code, (over, fields[field].get("error"))
        # what was typed comes back
        assert fields["sections"].text == f["sections"]
    assert one("SELECT COUNT(*) FROM web_site") == n
    assert one("SELECT COUNT(*) FROM sys_system") == nsys
    html = post("/websites/new", dict(page_form("cs_admin"), **dict(WEB_FILING, domain="a..b")), "cs_admin").text
    assert "域名格式不正确" in html


def page_form(login):
    """The new filing form's fields as the page gives them: the nonce, the date applied, the token."""
    return form("/websites/new", login)


def test_a_double_submit_files_once():
    f = dict(page_form("cs_admin"), **dict(WEB_FILING, domain=dom("twice")))
    n = int(one("SELECT COUNT(*) FROM web_site"))
    r1, r2 = at_once(lambda: post("/websites/new", f, "cs_admin"), lambda: post("/websites/new", f, "cs_admin"))
    assert r1.status == 303 and r2.status == 303, (r1.status, r2.status)
    assert location_id(r1) == location_id(r2)
    assert int(one("SELECT COUNT(*) FROM web_site")) == n + 1
    assert one("SELECT COUNT(*) FROM web_site WHERE domain='%s'" % f["domain"]) == "1"
    # one after the other, too: the second is no "domain taken" but goes where the first went
    f = dict(page_form("cs_admin"), **dict(WEB_FILING, domain=dom("again")))
    a = post("/websites/new", f, "cs_admin")
    b = post("/websites/new", f, "cs_admin")
    assert a.status == 303 and b.status == 303 and location_id(a) == location_id(b), (a.status, b.status)
    # another form with the same domain is refused
    g = dict(page_form("cs_admin"), **dict(WEB_FILING, domain=f["domain"]))
    r = post_xml("/websites/new", g, "cs_admin")
    assert r.status == 422 and r.xml().find("./data/form/field[@name='domain']").get("error") == "web_domain_dup"


def test_the_unit_head_returns_with_a_reason_and_the_staff_resubmit_or_withdraw():
    sid = create(dom("ret"))
    assert step(sid, "submit", "cs_admin").status == 303
    r = step(sid, "reject", "cs_head", reason="")
    assert r.status == 422 and state(sid) == "submitted"
    assert r.xml().find("./data/form/field[@name='reason']").get("error") == "required"
    assert step(sid, "reject", "cs_head", reason="主要栏目不全").status == 303
    assert state(sid) == "returned"
    assert one("SELECT return_reason FROM web_site WHERE id=%d" % sid) == "主要栏目不全"
    # edited while returned, then submitted again
    f = {e.get("name"): (e.text or "") for e in page("/websites/%d/edit" % sid, "cs_admin")[1].findall("./data/form/field")}
    f["csrf"] = page("/websites/%d/edit" % sid, "cs_admin")[1].findtext("./csrf")
    f["sections"] = "概况、新闻、通知、招生"
    assert post("/websites/%d/edit" % sid, f, "cs_admin").status == 303
    assert one("SELECT sections FROM web_site WHERE id=%d" % sid) == "概况、新闻、通知、招生"
    # the system stays the one it had: no second copy
    sys1 = one("SELECT system_id FROM web_site WHERE id=%d" % sid)
    assert sys1 and int(one("SELECT COUNT(*) FROM sys_system WHERE url=(SELECT domain FROM web_site WHERE id=%d)" % sid)) == 1
    # an edit from a stale page: 409, nothing lost
    f["sections"] = "旧页面的修改"
    r = post_xml("/websites/%d/edit" % sid, f, "cs_admin")
    assert r.status == 409
    assert r.xml().find("./data/form/field[@name='sections']").text == "旧页面的修改"
    assert one("SELECT sections FROM web_site WHERE id=%d" % sid) == "概况、新闻、通知、招生"
    assert step(sid, "submit", "cs_admin").status == 303
    assert step(sid, "withdraw", "cs_admin").status == 303 and state(sid) == "withdrawn"
    # a withdrawn filing frees its domain
    d = one("SELECT domain FROM web_site WHERE id=%d" % sid)
    assert state(create(d)) == "draft"


def test_an_existing_inventory_entry_is_linked_never_copied():
    cs = unit_id("C-CS")
    sql("INSERT INTO sys_system (unit_id, name, kind, url, hosting, admin_name, admin_phone, status, created_by,"
        " updated_by) VALUES (%d, '已登记网站99e', 'website', 'old.web99e.edu.cn', 'campus', '王', '0371-1234567',"
        " 'online', 'test', 'test')" % cs)
    sys = one("SELECT MAX(id) FROM sys_system WHERE name='已登记网站99e'")
    st, x = page("/websites/new", "cs_admin")
    assert sys in [s.get("id") for s in x.findall("./data/systems/system")]
    n = one("SELECT COUNT(*) FROM sys_system")
    sid = create(dom("link"), system=sys)
    assert one("SELECT system_id FROM web_site WHERE id=%d" % sid) == sys
    assert one("SELECT COUNT(*) FROM sys_system") == n
    # a second filing cannot take the same entry
    st, x = page("/websites/new", "cs_admin")
    assert sys not in [s.get("id") for s in x.findall("./data/systems/system")]
    f = dict(page_form("cs_admin"), **dict(WEB_FILING, domain=dom("link2"), system=sys))
    r = post_xml("/websites/new", f, "cs_admin")
    assert r.status == 422
    assert r.xml().find("./data/form/field[@name='system']").get("error") == "web_system"
    # another unit's entry neither
    me_sys = one("SELECT MIN(id) FROM sys_system WHERE unit_id=%d" % unit_id("C-ME"))
    f = dict(page_form("cs_admin"), **dict(WEB_FILING, domain=dom("link3"), system=me_sys))
    assert post_xml("/websites/new", f, "cs_admin").status == 422


def test_a_site_on_a_cloud_vm_names_one_of_the_units_live_vms():
    vm = one("SELECT id FROM cloud_vm WHERE unit_id=%d AND kind='vm' AND state='active' LIMIT 1" % unit_id("C-CS"))
    st, x = page("/websites/new", "cs_admin")
    assert vm in [v.get("id") for v in x.findall("./data/vms/vm")]
    sid = create(dom("vm"), location="cloud_vm", vm=vm)
    st, x = page("/websites/%d" % sid, "cs_admin")
    assert x.findtext("./data/site/vm") == vm
    assert x.findtext("./data/site/vm-ip") == one("SELECT ip FROM cloud_vm WHERE id=%s" % vm)
    assert one("SELECT hosting FROM sys_system s JOIN web_site w ON w.system_id=s.id WHERE w.id=%d" % sid) == "cloud_vm"
    # a campus site names no VM, whatever the form sent
    sid = create(dom("novm"), location="campus", vm=vm)
    assert one("SELECT vm_id IS NULL FROM web_site WHERE id=%d" % sid) == "1"


def test_the_centres_opening_checks_its_fields_and_two_at_once_one_wins():
    letter()
    sid = approved(dom("open"))
    to_passed(sid)
    ver = one("SELECT version FROM web_site WHERE id=%d" % sid)
    for over, field, code in [({"ip": "10.1.1"}, "ip", "web_ip"), ({"exposed": ""}, "exposed", "required"),
                              ({"svc_http": "", "svc_https": ""}, "svc_http", "web_services"),
                              ({"open_date": "2000-01-01"}, "open_date", "web_open_before"),
                              ({"open_date": "2999-01-01"}, "open_date", "web_open_future"),
                              ({"svc_other": "1", "services_other": ""}, "services_other", "required")]:
        r = opened(sid, **over)
        assert r.status == 422, (over, r.status)
        assert r.xml().find("./data/form/field[@name='%s']" % field).get("error") == code, over
        assert state(sid) == "passed" and one("SELECT version FROM web_site WHERE id=%d" % sid) == ver
    # the centre's staff only: the unit and the office may not open it
    assert step(sid, "open", "cs_admin", ip="10.2.2.2").status == 403
    assert post("/websites/%d/step" % sid, {"action": "open", "version": ver, "csrf": page("/websites/%d" % sid)[1].findtext("./csrf")}, "office").status == 403
    st, x = page("/websites/%d" % sid, "center")
    f = {"action": "open", "version": ver, "csrf": x.findtext("./csrf"), "ip": "10.20.9.9", "exposed": "0",
         "svc_https": "1", "open_date": today().isoformat(), "opinion": ""}
    r1, r2 = at_once(lambda: post_xml("/websites/%d/step" % sid, f, "center"),
                     lambda: post_xml("/websites/%d/step" % sid, f, "center"))
    assert sorted([r1.status, r2.status]) == [303, 409], (r1.status, r2.status)
    assert state(sid) == "online"
    assert one("SELECT COUNT(*) FROM web_site_step WHERE site_id=%d AND to_state='online'" % sid) == "1"


def test_no_unit_sees_or_changes_another_units_site():
    sid = create(dom("idor"))
    for path in ("/websites/%d" % sid, "/websites/%d/edit" % sid):
        assert get(path, "me_admin").status == 403
    assert denied("me_admin", sid) >= 2
    st, x = page("/websites/", "me_admin")
    assert all(s.get("unit-code") == "C-ME" for s in x.findall("./data/sites/site"))
    st, x = page("/websites/?unit=%d" % unit_id("C-CS"), "me_admin")
    assert all(s.get("unit-code") == "C-ME" for s in x.findall("./data/sites/site"))
    me = page("/websites/new", "me_admin")[1]
    f = {e.get("name"): (e.text or "") for e in page("/websites/%d/edit" % sid, "cs_admin")[1].findall("./data/form/field")}
    f["csrf"] = me.findtext("./csrf")
    f["sections"] = "越权修改"
    assert post("/websites/%d/edit" % sid, f, "me_admin").status == 403
    r = post("/websites/%d/step" % sid, {"action": "submit", "version": f["version"], "csrf": f["csrf"]}, "me_admin")
    assert r.status == 403
    assert state(sid) == "draft" and one("SELECT sections FROM web_site WHERE id=%d" % sid) != "越权修改"
    # the unit's own staff may not approve their filing; the head may not open it
    assert step(sid, "submit", "cs_admin").status == 303
    assert step(sid, "approve", "cs_admin").status == 403
    assert step(sid, "approve", "center").status == 403
    assert state(sid) == "submitted"
    # the office, the leader and the centre read every unit's filings
    for login in ("office", "leader", "auditor", "center"):
        assert get("/websites/%d" % sid, login).status == 200
    # no CSRF token: refused, nothing changed
    st, x = page("/websites/%d" % sid, "cs_head")
    r = post("/websites/%d/step" % sid, {"action": "approve", "version": x.find("./data/site").get("version")}, "cs_head")
    assert r.status == 403 and state(sid) == "submitted"


def test_the_list_pages_by_id_and_filters_by_state_and_awaiting_me():
    ids = [create(dom("list%d" % i)) for i in range(3)]
    sub = ids[0]
    assert step(sub, "submit", "cs_admin").status == 303
    st, x = page("/websites/?state=submitted", "office")
    assert all(s.get("state") == "submitted" for s in x.findall("./data/sites/site"))
    assert str(sub) in [s.get("id") for s in x.findall("./data/sites/site")]
    st, x = page("/websites/?mine=1", "cs_head")
    assert x.find("./data/filter").get("state") == "submitted"
    assert str(sub) in [s.get("id") for s in x.findall("./data/sites/site")]
    # the centre awaits a check (approved, recheck) and an opening (passed); the staff a returned filing
    a = approved(dom("await-a"))
    b = approved(dom("await-b"))
    to_passed(b)
    st, x = page("/websites/?mine=1", "center")
    got = {s.get("id"): s.get("state") for s in x.findall("./data/sites/site")}
    assert got.get(str(a)) == "approved" and got.get(str(b)) == "passed", got
    assert set(got.values()) <= {"approved", "recheck", "passed"}
    assert x.find("./data/filter").get("awaiting") == "approved recheck passed"
    ids = [int(i) for i in got]
    assert ids == sorted(ids, reverse=True)
    r = create(dom("await-r"))
    assert step(r, "submit", "cs_admin").status == 303
    assert step(r, "reject", "cs_head", reason="补充栏目").status == 303
    st, x = page("/websites/?mine=1", "cs_admin")
    got = {s.get("id"): s.get("state") for s in x.findall("./data/sites/site")}
    assert got.get(str(r)) == "returned" and set(got.values()) <= {"returned", "rectifying", "discovered"}
    assert all(s.get("unit-code") == "C-CS" for s in x.findall("./data/sites/site"))
    # the office takes no step of the flow: nothing awaits it here
    st, x = page("/websites/?mine=1", "office")
    assert x.findall("./data/sites/site") == []
    # more than a page: 50 rows and the cursor
    cs = unit_id("C-CS")
    have = int(one("SELECT COUNT(*) FROM web_site WHERE unit_id=%d" % cs))
    for i in range(max(0, 52 - have)):
        sql("INSERT INTO web_site (unit_id, name, domain, apply_date, nonce, created_by, updated_by) VALUES"
            " (%d, 'p', 'p%d-%s.web99e.edu.cn', CURDATE(), '%s', 't', 't')" % (cs, i, uuid.uuid4().hex[:6], uuid.uuid4().hex))
    st, x = page("/websites/", "cs_admin")
    rows = x.findall("./data/sites/site")
    assert len(rows) == 50 and x.find("./data/sites").get("next") == rows[-1].get("id")
    st, y = page("/websites/?after=%s" % rows[-1].get("id"), "cs_admin")
    more = [int(s.get("id")) for s in y.findall("./data/sites/site")]
    assert more and max(more) < int(rows[-1].get("id"))
    assert get("/websites/?state=nonsense", "office").status == 400
