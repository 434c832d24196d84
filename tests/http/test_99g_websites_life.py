"""A website after it is online (issue 12, "After it is online"): the unit's
staff re-file a change of domain, server or administrator, which takes
effect only when the centre approves it (the old record kept until then,
the diff shown); the centre suspends a site with a kind of reason and a
text (appendix 4 note 5) and restores it with a note; the centre or the
unit closes it for good, which frees its domain; the centre records a site
found online without a filing, which the unit must file within
websites.discover_days working days, and one past that deadline is listed
for suspension.  Bad input is 422 and nothing saved; two deciders at once:
one wins, one 409; another unit's staff get 403 on every POST, audited."""
import datetime
import uuid
from lib import add_workdays, calendar, get, one, page, post, sql, today, unit_id
from fixtures import at_once, location_id, post_xml
from fixtures import web_create as create, web_state as state


def dom(tag):
    return "%s-%s.web99g-life.edu.cn" % (tag, uuid.uuid4().hex[:6])


def online(d=None, **over):
    """A filing placed online by SQL: the flow to online is test_99e's; here it starts there."""
    sid = create(d or dom("on"), **over)
    sql("UPDATE web_site SET state='online', ip='10.30.%d.%d', exposed=1, services='http,https',"
        " open_date=CURDATE(), center_by='center', center_at=NOW(), version=version+1 WHERE id=%d"
        % (sid // 250 % 250, sid % 250 + 1, sid))
    assert state(sid) == "online"
    return sid


def xml_form(x, path):
    """The fields of the form at path in page XML x, as a dict."""
    return {e.get("name"): (e.text or "") for e in x.findall(path + "/field")}


def refile_form(sid, login="cs_admin", **over):
    st, x = page("/websites/%d/refile" % sid, login)
    assert st == 200, st
    f = xml_form(x, "./data/form")
    f["csrf"] = x.findtext("./csrf")
    f["reason"] = "更换服务器"
    f.update(over)
    return f


def refile(sid, login="cs_admin", **over):
    return post_xml("/websites/%d/refile" % sid, refile_form(sid, login, **over), login)


def decide(sid, action, login="center", **extra):
    st, x = page("/websites/%d" % sid, login)
    assert st == 200, st
    f = xml_form(x, "./data/refiles/form")
    g = {"action": action, "refile": f.get("refile", ""), "version": f.get("version", ""),
         "csrf": x.findtext("./csrf"), "reason": ""}
    g.update(extra)
    return post_xml("/websites/%d/refile/decide" % sid, g, login)


def life(sid, action, login="center", **extra):
    st, x = page("/websites/%d" % sid, login)
    assert st == 200, st
    f = {"action": action, "version": x.find("./data/site").get("version"), "csrf": x.findtext("./csrf")}
    f.update(extra)
    return post_xml("/websites/%d/life" % sid, f, login)


def col(sid, c):
    return one("SELECT %s FROM web_site WHERE id=%d" % (c, sid))


def denied(login, sid):
    return int(one("SELECT COUNT(*) FROM audit WHERE module='websites' AND login='%s' AND action='denied'"
                   " AND record_id=%d" % (login, sid)))


def test_a_refiling_shows_its_diff_and_keeps_the_old_record_until_approved():
    old = dom("rf")
    sid = online(old)
    new = dom("rf-new")
    admin = one("SELECT admin_name FROM web_site WHERE id=%d" % sid)
    r = refile(sid, domain=new.upper(), admin_name="赵新管理", admin_mobile="13900139009", location="external")
    assert r.status == 303, r.status
    # pending: the site keeps its old record everywhere
    assert col(sid, "domain") == old and col(sid, "admin_name") == admin and state(sid) == "online"
    st, x = page("/websites/%d" % sid, "cs_admin")
    assert x.findtext("./data/site/domain") == old
    rf = x.find("./data/refiles/refile")
    assert rf.get("state") == "pending"
    diff = {f.get("name"): (f.get("old"), f.get("new")) for f in rf.findall("field")}
    # only the changed fields, the domain lowercased by the filing form's rule
    assert diff == {"domain": (old, new), "admin_name": (admin, "赵新管理"), "location": ("campus", "external"),
                    "admin_mobile": ("13800138001", "13900139009")}, diff
    assert x.find("./data/refiles").get("may-refile") == "0"
    st, x = page("/websites/?state=online", "center")
    assert old in [s.get("domain") for s in x.findall("./data/sites/site")]
    # the centre's list of pending re-filings has it
    st, x = page("/websites/?refile=1", "center")
    assert str(sid) in [s.get("id") for s in x.findall("./data/sites/site")]
    acts = {a.get("name") for a in page("/websites/%d" % sid, "center")[1].findall("./data/refiles/action")}
    assert acts == {"approve", "reject"}
    # approved: applied in the same transaction, in the history and the audit
    ver = int(col(sid, "version"))
    assert decide(sid, "approve", reason="同意变更").status == 303
    assert col(sid, "domain") == new and col(sid, "admin_name") == "赵新管理"
    assert int(col(sid, "version")) == ver + 1 and state(sid) == "online"
    assert sql("SELECT s.url, s.hosting FROM sys_system s JOIN web_site w ON w.system_id=s.id WHERE w.id=%d"
               % sid)[0] == [new, "external"]
    assert col(sid, "location") == "external"
    assert one("SELECT state FROM web_refile WHERE site_id=%d" % sid) == "approved"
    assert one("SELECT pending IS NULL FROM web_refile WHERE site_id=%d" % sid) == "1"
    steps = [r[0] for r in sql("SELECT reason FROM web_site_step WHERE site_id=%d ORDER BY id" % sid)]
    assert any(s.startswith("重新备案 #") and "已提交" in s for s in steps)
    assert any("已批准" in s for s in steps)
    assert one("SELECT COUNT(*) FROM audit WHERE module='websites' AND record_id=%d AND action='refile_approve'"
               % sid) == "1"
    # the new domain is the live one; the old one free again
    assert one("SELECT id FROM web_site WHERE domain_active='%s'" % new) == str(sid)
    assert state(create(old)) == "draft"
    st, x = page("/websites/%d" % sid, "office")
    assert x.find("./data/refiles/refile").get("state") == "approved"
    assert x.find("./data/refiles/refile/decision").text == "同意变更"


def test_rejection_keeps_the_old_record_and_the_applicant_may_withdraw():
    sid = online()
    old = col(sid, "domain")
    assert refile(sid, domain=dom("rej")).status == 303
    r = decide(sid, "reject", reason="")
    assert r.status == 422 and one("SELECT state FROM web_refile WHERE site_id=%d" % sid) == "pending"
    assert decide(sid, "reject", reason="域名未经审批").status == 303
    assert col(sid, "domain") == old
    assert one("SELECT state FROM web_refile WHERE site_id=%d" % sid) == "rejected"
    # one pending at a time: a second while the first waits is a 422 that says so
    assert refile(sid, admin_phone="0371-60000001").status == 303
    n = one("SELECT COUNT(*) FROM web_refile WHERE site_id=%d" % sid)
    f = refile_form(sid, admin_phone="0371-60000002")
    r = post_xml("/websites/%d/refile" % sid, f, "cs_admin")
    assert r.status == 422
    assert one("SELECT COUNT(*) FROM web_refile WHERE site_id=%d" % sid) == n
    assert "该网站已有一份待审核的重新备案" in post("/websites/%d/refile" % sid, refile_form(sid, admin_phone="0371-60000003"), "cs_admin").text
    # the centre may not withdraw it; the applicant does
    assert decide(sid, "withdraw", "center").status == 403
    assert decide(sid, "withdraw", "cs_admin").status == 303
    assert one("SELECT state FROM web_refile WHERE site_id=%d ORDER BY id DESC LIMIT 1" % sid) == "withdrawn"
    assert col(sid, "admin_phone") == "0371-61234568"
    assert refile(sid, admin_phone="0371-60000004").status == 303


def test_bad_refiling_input_is_422_and_saves_nothing():
    sid = online()
    taken = dom("taken")
    create(taken)
    other_vm = one("SELECT id FROM cloud_vm WHERE unit_id=%d AND state='active' LIMIT 1" % unit_id("C-ME"))
    n = one("SELECT COUNT(*) FROM web_refile")
    ver = col(sid, "version")
    cases = [
        ({"domain": "http://x.edu.cn/"}, "domain", "web_domain"),
        ({"domain": taken}, "domain", "web_domain_dup"),
        ({"location": "cloud_vm", "vm": ""}, "vm", "web_vm"),
        ({"location": "cloud_vm", "vm": other_vm}, "vm", "web_vm"),
        ({"build": "own_db", "build_reason": ""}, "build_reason", "web_build_reason"),
        ({"admin_email": "nope"}, "admin_email", None),
        ({"admin_mobile": "123"}, "admin_mobile", None),
        ({"admin_phone": "电话"}, "admin_phone", None),
        ({"ip": "10.1.1"}, "ip", "web_ip"),
        ({"reason": ""}, "reason", "required"),
        ({}, "domain", "web_refile_none"),	# nothing changed
    ]
    for over, field, code in cases:
        r = refile(sid, **over)
        assert r.status == 422, (over, r.status)
        fields = {e.get("name"): e for e in r.xml().findall("./data/form/field")}
        assert fields[field].get("error"), (over, field)
        if code:
            assert fields[field].get("error") == code, (over, fields[field].get("error"))
    assert one("SELECT COUNT(*) FROM web_refile") == n and col(sid, "version") == ver
    assert "没有任何变更" in post("/websites/%d/refile" % sid, refile_form(sid), "cs_admin").text
    # a site not online cannot be re-filed
    draft = create(dom("draft"))
    r = refile(draft, domain=dom("x"))
    assert r.status == 422 and one("SELECT COUNT(*) FROM web_refile WHERE site_id=%d" % draft) == "0"


def test_two_deciders_at_once_one_wins_and_a_domain_taken_meanwhile_is_refused():
    sid = online()
    new = dom("race")
    assert refile(sid, domain=new).status == 303
    st, x = page("/websites/%d" % sid, "center")
    f = xml_form(x, "./data/refiles/form")
    g = {"action": "approve", "refile": f["refile"], "version": f["version"], "csrf": x.findtext("./csrf"),
         "reason": ""}
    r1, r2 = at_once(lambda: post_xml("/websites/%d/refile/decide" % sid, g, "center"),
                     lambda: post_xml("/websites/%d/refile/decide" % sid, g, "center"))
    assert sorted([r1.status, r2.status]) == [303, 409], (r1.status, r2.status)
    assert col(sid, "domain") == new
    assert one("SELECT COUNT(*) FROM web_site_step WHERE site_id=%d AND reason LIKE '%%已批准%%'" % sid) == "1"
    # a pending re-filing does not hold its new domain: taken meanwhile, its approval is refused
    sid2 = online()
    want = dom("want")
    old2 = col(sid2, "domain")
    assert refile(sid2, domain=want).status == 303
    other = create(want)
    r = decide(sid2, "approve")
    assert r.status == 422
    assert r.xml().find("./data/refiles/form/field[@name='action']").get("error") == "web_domain_dup"
    assert col(sid2, "domain") == old2 and one("SELECT state FROM web_refile WHERE site_id=%d" % sid2) == "pending"
    assert col(other, "domain") == want
    # a VM released meanwhile neither
    assert decide(sid2, "withdraw", "cs_admin").status == 303
    vm = one("SELECT id FROM cloud_vm WHERE unit_id=%d AND kind='vm' AND state='active' ORDER BY id LIMIT 1"
             % unit_id("C-CS"))
    assert refile(sid2, location="cloud_vm", vm=vm).status == 303
    sql("UPDATE cloud_vm SET state='released' WHERE id=%s  -- released while the re-filing waits" % vm)
    try:
        r = decide(sid2, "approve")
    finally:
        sql("UPDATE cloud_vm SET state='active' WHERE id=%s" % vm)
    assert r.status == 422
    assert r.xml().find("./data/refiles/form/field[@name='action']").get("error") == "web_vm"
    assert col(sid2, "location") == "campus" and col(sid2, "vm_id IS NULL") == "1"
    assert decide(sid2, "approve").status == 303
    assert col(sid2, "location") == "cloud_vm" and col(sid2, "vm_id") == vm


def test_the_centre_suspends_with_a_reason_and_restores_with_a_note():
    sid = online()
    # the reason kind and text are required
    for over, field in [({"kind": "", "reason": "有害信息"}, "kind"), ({"kind": "ads", "reason": ""}, "reason")]:
        r = life(sid, "suspend", **over)
        assert r.status == 422, over
        assert r.xml().find("./data/life/form/field[@name='%s']" % field).get("error") == "required"
        assert state(sid) == "online"
    # the unit cannot suspend or restore: 403, audited
    before = denied("cs_admin", sid)
    assert life(sid, "suspend", "cs_admin", kind="ads", reason="x").status == 403
    assert denied("cs_admin", sid) == before + 1 and state(sid) == "online"
    assert life(sid, "suspend", kind="vuln", reason="SQL注入漏洞逾期未修复").status == 303
    assert state(sid) == "suspended"
    row = sql("SELECT suspended_by, suspend_kind, suspend_reason FROM web_site WHERE id=%d" % sid)[0]
    assert row == ["center", "vuln", "SQL注入漏洞逾期未修复"]
    st, x = page("/websites/%d" % sid, "cs_admin")
    assert x.findtext("./data/site/suspend-kind") == "vuln"
    assert life(sid, "restore", "cs_head", note="x").status == 403
    r = life(sid, "restore", note="")
    assert r.status == 422 and state(sid) == "suspended"
    assert r.xml().find("./data/life/form/field[@name='note']").get("error") == "required"
    assert life(sid, "restore", note="漏洞已修复，复查通过").status == 303
    assert state(sid) == "online" and col(sid, "restore_note") == "漏洞已修复，复查通过"
    steps = sql("SELECT from_state, to_state, login, reason FROM web_site_step WHERE site_id=%d ORDER BY id" % sid)
    assert ["online", "suspended", "center", "安全漏洞未整改：SQL注入漏洞逾期未修复"] in steps
    assert steps[-1] == ["suspended", "online", "center", "漏洞已修复，复查通过"]
    assert one("SELECT COUNT(*) FROM audit WHERE module='websites' AND record_id=%d AND action IN"
               " ('suspend','restore')" % sid) == "2"
    html = get("/websites/%d" % sid, "center").text
    assert "已关停" in html or "关停" in html
    # a stale page: 409, nothing changed
    st, x = page("/websites/%d" % sid, "center")
    f = {"action": "suspend", "version": x.find("./data/site").get("version"), "csrf": x.findtext("./csrf"),
         "kind": "harmful", "reason": "有害信息"}
    r1, r2 = at_once(lambda: post_xml("/websites/%d/life" % sid, f, "center"),
                     lambda: post_xml("/websites/%d/life" % sid, f, "center"))
    assert sorted([r1.status, r2.status]) == [303, 409], (r1.status, r2.status)
    assert one("SELECT COUNT(*) FROM web_site_step WHERE site_id=%d AND to_state='suspended'" % sid) == "2"


def test_closing_frees_the_domain_and_drops_a_pending_refiling():
    d = dom("close")
    sid = online(d)
    assert refile(sid, admin_name="另一人").status == 303
    r = life(sid, "close", "cs_admin", reason="")
    assert r.status == 422 and state(sid) == "online"
    assert life(sid, "close", "cs_admin", reason="网站停止运行，已下线").status == 303
    assert state(sid) == "closed" and col(sid, "domain_active IS NULL") == "1"
    assert one("SELECT state FROM web_refile WHERE site_id=%d" % sid) == "withdrawn"
    assert col(sid, "close_reason") == "网站停止运行，已下线" and col(sid, "closed_by") == "cs_admin"
    # the domain may be filed again
    assert state(create(d)) == "draft"
    # a closed site is not suspended, restored or closed again
    assert life(sid, "close", "center", reason="x").status == 409


def test_another_units_staff_get_403_on_every_post():
    sid = online()
    assert refile(sid, admin_name="本单位改").status == 303
    ver = col(sid, "version")
    me = page("/websites/", "me_admin")[1].findtext("./csrf")
    rid = one("SELECT id FROM web_refile WHERE site_id=%d" % sid)
    rver = one("SELECT version FROM web_refile WHERE id=%s" % rid)
    before = denied("me_admin", sid)
    assert get("/websites/%d/refile" % sid, "me_admin").status == 403
    posts = [
        ("/websites/%d/refile" % sid, dict(refile_form(sid), csrf=me, domain=dom("idor"))),
        ("/websites/%d/refile/decide" % sid, {"action": "withdraw", "refile": rid, "version": rver, "csrf": me}),
        ("/websites/%d/refile/decide" % sid, {"action": "approve", "refile": rid, "version": rver, "csrf": me}),
        ("/websites/%d/life" % sid, {"action": "close", "version": ver, "reason": "越权", "csrf": me}),
        ("/websites/%d/life" % sid, {"action": "suspend", "version": ver, "kind": "ads", "reason": "x", "csrf": me}),
    ]
    for path, f in posts:
        assert post(path, f, "me_admin").status == 403, path
    assert denied("me_admin", sid) >= before + len(posts)
    assert post("/websites/discovered", {"unit": str(unit_id("C-ME")), "domain": dom("x"), "note": "x",
                                         "nonce": uuid.uuid4().hex, "csrf": me}, "me_admin").status == 403
    assert state(sid) == "online" and col(sid, "version") == ver
    assert one("SELECT state FROM web_refile WHERE id=%s" % rid) == "pending"
    # the office reads but does not decide
    assert decide(sid, "approve", "office").status == 403
    # no CSRF token on each POST: refused, nothing changed
    f = refile_form(sid)
    del f["csrf"]
    for path, g in [("/websites/%d/refile" % sid, f),
                    ("/websites/%d/refile/decide" % sid, {"action": "approve", "refile": rid, "version": rver}),
                    ("/websites/%d/life" % sid, {"action": "suspend", "version": ver, "kind": "ads", "reason": "x"}),
                    ("/websites/discovered", {"unit": str(unit_id("C-CS")), "domain": dom("nocsrf"), "note": "x",
                                              "nonce": uuid.uuid4().hex})]:
        assert post(path, g, "center" if "decide" in path or "life" in path or "discovered" in path
                    else "cs_admin").status == 403, path
    assert state(sid) == "online" and one("SELECT state FROM web_refile WHERE id=%s" % rid) == "pending"


def discover(login="center", **over):
    st, x = page("/websites/discovered", login)
    assert st == 200, st
    f = xml_form(x, "./data/form")
    f.update({"csrf": x.findtext("./csrf"), "unit": str(unit_id("C-CS")), "domain": dom("found"),
              "note": "巡查发现该网站在线运行，未见备案"})
    f.update(over)
    return f, post_xml("/websites/discovered", f, login)


def test_the_centre_records_a_site_found_unfiled_and_the_unit_files_it():
    # bad input: 422 with the message, nothing saved
    live = dom("live")
    create(live)
    n = one("SELECT COUNT(*) FROM web_site")
    for over, field, code in [({"domain": "not a domain"}, "domain", "web_domain"),
                              ({"domain": live}, "domain", "web_domain_dup"),
                              ({"unit": "999999"}, "unit", "web_unit"),
                              ({"note": ""}, "note", "required")]:
        f, r = discover(**over)
        assert r.status == 422, over
        assert r.xml().find("./data/form/field[@name='%s']" % field).get("error") == code, over
    assert one("SELECT COUNT(*) FROM web_site") == n
    f, r = discover()
    sid = location_id(r)
    # a double submit records it once
    assert post("/websites/discovered", f, "center").status == 303
    assert one("SELECT COUNT(*) FROM web_site WHERE domain='%s'" % f["domain"]) == "1"
    row = sql("SELECT state, discovered_by, file_by, apply_date, leader_name, admin_name, unit_id FROM web_site"
              " WHERE id=%d" % sid)[0]
    due = add_workdays(today(), 5, calendar()).isoformat()
    assert row == ["discovered", "center", due, today().isoformat(), "", "", str(unit_id("C-CS"))], row
    assert one("SELECT reason FROM web_site_step WHERE site_id=%d" % sid) == "巡查发现该网站在线运行，未见备案"
    # the unit sees it in its list and on its page, with the deadline
    st, x = page("/websites/?state=discovered", "cs_admin")
    s = [e for e in x.findall("./data/sites/site") if e.get("id") == str(sid)]
    assert s and s[0].get("file-by") == due
    st, x = page("/websites/%d" % sid, "cs_admin")
    assert x.find("./data/life").get("file-by") == due and x.find("./data/life").get("overdue") is None
    assert "edit" in {a.get("name") for a in x.findall("./data/actions/action")}
    # not yet past the deadline: the centre cannot suspend it
    assert "suspend" not in {a.get("name") for a in page("/websites/%d" % sid, "center")[1].findall("./data/life/action")}
    assert life(sid, "suspend", kind="other", reason="x").status == 409
    # the unit fills the form and submits: the normal flow
    st, x = page("/websites/%d/edit" % sid, "cs_admin")
    g = xml_form(x, "./data/form")
    g.update({"csrf": x.findtext("./csrf"), "name": "发现的网站", "leader_name": "李", "leader_phone": "0371-61234567",
              "site_lang": "PHP", "site_runtime": "Nginx", "sections": "新闻", "admin_name": "王",
              "admin_phone": "0371-61234568", "admin_email": "w@example.edu.cn", "admin_mobile": "13800138001",
              "system": "new", "location": "campus", "build": "site_group"})
    assert post("/websites/%d/edit" % sid, g, "cs_admin").status == 303
    st, x = page("/websites/%d" % sid, "cs_admin")
    f2 = {"action": "submit", "version": x.find("./data/site").get("version"), "csrf": x.findtext("./csrf")}
    assert post_xml("/websites/%d/step" % sid, f2, "cs_admin").status == 303
    assert state(sid) == "submitted"
    steps = sql("SELECT from_state, to_state FROM web_site_step WHERE site_id=%d ORDER BY id" % sid)
    assert steps == [["", "discovered"], ["discovered", "submitted"]]
    # the unit roles may not record one
    assert get("/websites/discovered", "cs_admin").status == 403


def test_a_discovered_site_past_its_deadline_is_listed_for_suspension_and_suspended():
    f, r = discover()
    sid = location_id(r)
    f, r = discover(unit=str(unit_id("C-ME")))
    me_sid = location_id(r)
    past = (today() - datetime.timedelta(days=1)).isoformat()
    sql("UPDATE web_site SET file_by='%s' WHERE id IN (%d, %d)  -- the deadline passed" % (past, sid, me_sid))
    st, x = page("/websites/?for_suspension=1", "center")
    ids = [s.get("id") for s in x.findall("./data/sites/site")]
    assert str(sid) in ids and str(me_sid) in ids
    assert all(s.get("state") == "discovered" and s.get("file-by") < today().isoformat()
               for s in x.findall("./data/sites/site"))
    # a unit role sees its own unit's only
    st, x = page("/websites/?for_suspension=1", "cs_admin")
    ids = [s.get("id") for s in x.findall("./data/sites/site")]
    assert str(sid) in ids and str(me_sid) not in ids
    st, x = page("/websites/%d" % sid, "center")
    assert x.find("./data/life").get("overdue") == "1"
    assert "suspend" in {a.get("name") for a in x.findall("./data/life/action")}
    assert "已逾期未备案" in get("/websites/%d" % sid, "center").text
    assert life(sid, "suspend", kind="other", reason="逾期未备案").status == 303
    assert state(sid) == "suspended"
    st, x = page("/websites/?for_suspension=1", "center")
    assert str(sid) not in [s.get("id") for s in x.findall("./data/sites/site")]
    # restored (never opened through a filing): back to discovered, with a new deadline
    assert life(sid, "restore", note="单位承诺限期备案").status == 303
    assert state(sid) == "discovered"
    assert col(sid, "file_by") == add_workdays(today(), 5, calendar()).isoformat()


def test_the_for_suspension_list_pages_by_deadline():
    cs = unit_id("C-CS")
    base = today() - datetime.timedelta(days=400)
    for i in range(53):
        sql("INSERT INTO web_site (unit_id, name, domain, apply_date, state, file_by, nonce, created_by, updated_by)"
            " VALUES (%d, 'p', 'p%d-%s.web99g-life.edu.cn', CURDATE(), 'discovered', '%s', '%s', 't', 't')"
            % (cs, i, uuid.uuid4().hex[:6], (base + datetime.timedelta(days=i % 7)).isoformat(), uuid.uuid4().hex))
    st, x = page("/websites/?for_suspension=1", "center")
    rows = x.findall("./data/sites/site")
    assert len(rows) == 50
    keys = [(s.get("file-by"), int(s.get("id"))) for s in rows]
    assert keys == sorted(keys)
    nx = x.find("./data/sites")
    assert nx.get("next") == rows[-1].get("id") and nx.get("next-from") == rows[-1].get("file-by")
    st, y = page("/websites/?for_suspension=1&from=%s&after=%s" % (nx.get("next-from"), nx.get("next")), "center")
    more = [(s.get("file-by"), int(s.get("id"))) for s in y.findall("./data/sites/site")]
    assert more and min(more) > keys[-1]
    assert get("/websites/?for_suspension=1&from=bad", "center").status == 400


def test_a_bad_discover_days_setting_stops_the_module_at_start():
    import os, subprocess, tempfile
    from lib import BIN, STACK
    conf = open(os.path.join(STACK, "wangan.conf"), encoding="utf-8").read()
    for value, ok in [("7", True), ("0", False), ("61", False), ("five", False), ("", True)]:
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "wangan.conf")
            with open(path, "w", encoding="utf-8") as f:
                f.write(conf + "\nwebsites.discover_days = %s\n" % value)
            os.chmod(path, 0o600)
            r = subprocess.run([os.path.join(BIN, "wangan-websites"), "--config", path, "--check"],
                               capture_output=True, text=True, timeout=60)
            assert (r.returncode == 0) == ok, (value, r.stdout, r.stderr)
            if not ok:
                assert "websites.discover_days" in r.stderr, r.stderr
