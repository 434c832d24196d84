"""A change of a provisioned VM's purpose or settings, and a renewal of its
period (issue 11, "Life after provisioning"; letter art. 2): the VM's own
unit's staff file one, the office approves it (over the unit's quota only
with the override, recorded) or rejects it with a reason, the applicant may
withdraw it.  Until approved the VM keeps its values; approving applies them
(version + 1) and a renewal moves the re-registration due date.  Another
unit's staff and non-unit roles get 403, audited; bad input is 422 with the
message and nothing saved; one pending change a VM; a double submit files
one; two office accounts at once: one wins, one 409."""
import uuid

from lib import get, one, page, sql, unit_id
from fixtures import at_once, post_xml
from fixtures import cloud_create as create, cloud_letter as letter, cloud_state as state, \
    cloud_step as step


def active_vm():
    letter()
    vid = create()
    # the suite's earlier VMs fill the unit's quota: the office overrides (test_97 tests the rule)
    for a, who in (("submit", "cs_admin"), ("approve", "cs_head"), ("approve", "office")):
        assert step(vid, a, who, **({"override": "1"} if who == "office" else {})).status == 303
    ip = "10.98.%d.%d" % (vid // 250 % 250, vid % 250 + 1)
    r = step(vid, "provision", "center", server_name="chg-%d" % vid, ip=ip, netmask="255.255.255.0",
             gateway="10.98.0.254", provision_date="2026-01-05")
    assert r.status == 303, r
    assert state(vid) == "active"
    return vid


def change_form(vid, login="cs_admin", kind="change"):
    st, x = page("/cloud/%d/change%s" % (vid, "?kind=renewal" if kind == "renewal" else ""), login)
    assert st == 200, st
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    f["csrf"] = x.findtext("./csrf")
    return f


def file(vid, login="cs_admin", kind="change", **values):
    f = change_form(vid, login, kind)
    f.update(values)
    return post_xml("/cloud/%d/change" % vid, f, login)


def vm_row(vid):
    return sql("SELECT purpose, vcpu, memory_gib, disk_gib, sw_database, notes, period_from, period_to, version,"
               " COALESCE(rereg_due, '') FROM cloud_vm WHERE id=%d" % vid)[0]


def changes(vid):
    return int(one("SELECT COUNT(*) FROM cloud_change WHERE vm_id=%d" % vid))


def pending(vid):
    """The VM page's pending change (as office): (element, decision form's dict)."""
    st, x = page("/cloud/%d" % vid, "office")
    assert st == 200
    c = x.find("./data/changes/change[@state='pending']")
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/changes/form/field")}
    f["csrf"] = x.findtext("./csrf")
    return c, f


def decide(vid, action, login="office", **extra):
    st, x = page("/cloud/%d" % vid, login)
    assert st == 200, st
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/changes/form/field")}
    f.update({"action": action, "csrf": x.findtext("./csrf")})
    f.update(extra)
    return post_xml("/cloud/%d/decide" % vid, f, login)


def actions(vid, login):
    st, x = page("/cloud/%d" % vid, login)
    return {a.get("name") for a in x.findall("./data/actions/action")}


def denied(login, vid):
    return int(one("SELECT COUNT(*) FROM audit WHERE module='cloud' AND login='%s' AND action='denied'"
                   " AND record_id=%d" % (login, vid)))


def msgs(r):
    return {m.get("code") for m in r.xml().findall("./messages/msg")}


def error(r, name):
    f = r.xml().find("./data/form/field[@name='%s']" % name)
    return f.get("error") if f is not None else None


def test_a_change_takes_effect_only_when_the_office_approves_it():
    vid = active_vm()
    assert "may-change" in page("/cloud/%d" % vid, "cs_admin")[1].find("./data/changes").attrib
    assert page("/cloud/%d" % vid, "cs_admin")[1].find("./data/changes").get("may-change") == "1"
    before = vm_row(vid)
    f = change_form(vid)
    assert f["vcpu"] == "2" and f["purpose"] == "测试" and f["kind"] == "change"
    r = file(vid, vcpu="4", purpose="测试与教学", reason="选课高峰需要扩容")
    assert r.status == 303, r
    assert vm_row(vid) == before          # nothing applied yet, everywhere
    st, x = page("/cloud/%d" % vid, "cs_admin")
    assert x.find("./data/vm/vcpu").text == "2"
    c = x.find("./data/changes/change[@state='pending']")
    assert c is not None and c.get("kind") == "change" and c.findtext("reason") == "选课高峰需要扩容"
    diff = {e.get("name"): (e.get("old"), e.get("new")) for e in c.findall("field")}
    assert diff == {"purpose": ("测试", "测试与教学"), "vcpu": ("2", "4")}, diff   # only the changed fields
    assert x.find("./data/changes").get("may-change") == "0"   # one pending at a time
    assert "change-withdraw" in actions(vid, "cs_admin") and "change-approve" not in actions(vid, "cs_admin")
    assert {"change-approve", "change-reject"} <= actions(vid, "office")
    assert not {"change-approve", "change-withdraw"} & actions(vid, "center")
    cid = int(c.get("id"))
    assert sql("SELECT state, pending, old_vcpu, new_vcpu, requested_by FROM cloud_change WHERE id=%d" % cid) == \
        [["pending", "1", "2", "4", "cs_admin"]]
    # the suite's earlier VMs fill the unit's quota: the office overrides (the rule: the quota test below)
    r = decide(vid, "approve", override="1")
    assert r.status == 303, r
    after = vm_row(vid)
    assert after[:2] == ["测试与教学", "4"] and after[2:8] == before[2:8]
    assert int(after[8]) == int(before[8]) + 1
    assert sql("SELECT state, COALESCE(pending, 'null'), decided_by FROM cloud_change WHERE id=%d"
               % cid) == [["approved", "null", "office"]]
    assert sql("SELECT from_state, to_state, login FROM cloud_vm_step WHERE vm_id=%d AND reason='变更 #%d 已批准'"
               % (vid, cid)) == [["active", "active", "office"]]
    au = sql("SELECT before_data, after_data FROM audit WHERE module='cloud' AND record_id=%d"
             " AND action='change_approve'" % vid)
    assert len(au) == 1 and '"vcpu":"2"' in au[0][0] and '"vcpu":"4"' in au[0][1], au
    st, x = page("/cloud/%d" % vid, "cs_admin")
    assert x.find("./data/changes/change[@id='%d']" % cid).get("state") == "approved"
    assert any("变更 #%d 已批准" % cid == (s.findtext("reason") or "") for s in x.findall("./data/history/step"))
    assert x.find("./data/changes").get("may-change") == "1"
    # the diff stays as it was filed after a later change
    assert file(vid, vcpu="6", reason="再扩容").status == 303
    assert decide(vid, "approve", override="1").status == 303
    st, x = page("/cloud/%d" % vid, "cs_admin")
    old = {e.get("name"): (e.get("old"), e.get("new")) for e in x.findall("./data/changes/change[@id='%d']/field" % cid)}
    assert old["vcpu"] == ("2", "4")
    assert vm_row(vid)[1] == "6"


def test_other_units_and_non_unit_roles_are_403_audited():
    vid = active_vm()
    for login in ("me_admin", "office", "center", "leader"):
        n = denied(login, vid)
        assert get("/cloud/%d/change" % vid, login).status == 403, login
        assert denied(login, vid) == n + 1, login
    f = change_form(vid)
    f.update(vcpu="4", reason="x")
    st, x = page("/cloud/new", "me_admin")
    n = denied("me_admin", vid)
    assert post_xml("/cloud/%d/change" % vid, dict(f, csrf=x.findtext("./csrf")), "me_admin").status == 403
    assert denied("me_admin", vid) == n + 1
    st, x = page("/cloud/%d" % vid, "office")
    assert post_xml("/cloud/%d/change" % vid, dict(f, csrf=x.findtext("./csrf")), "office").status == 403
    assert changes(vid) == 0
    # the decision: the office only, the withdrawal the unit's own staff only
    assert file(vid, vcpu="4", reason="扩容").status == 303
    for action, login in (("approve", "center"), ("approve", "cs_admin"), ("reject", "cs_head"),
                          ("withdraw", "me_admin"), ("withdraw", "office")):
        n = denied(login, vid)
        st, x = page("/cloud/%d" % vid, "office")
        g = {e.get("name"): (e.text or "") for e in x.findall("./data/changes/form/field")}
        st, y = page("/cloud/", login)
        g.update(action=action, reason="x", csrf=y.findtext("./csrf"))
        assert post_xml("/cloud/%d/decide" % vid, g, login).status == 403, (action, login)
        assert denied(login, vid) == n + 1
    assert one("SELECT state FROM cloud_change WHERE vm_id=%d" % vid) == "pending"
    assert vm_row(vid)[1] == "2"


def test_bad_input_is_422_with_the_message_and_nothing_saved():
    vid = active_vm()
    before = vm_row(vid)
    steps = one("SELECT COUNT(*) FROM cloud_vm_step WHERE vm_id=%d" % vid)
    for field, bad, code in (("vcpu", "0", "cloud_range"), ("vcpu", "10000", "cloud_range"),
                             ("memory_gib", "0", "cloud_range"), ("memory_gib", "999999", "cloud_range"),
                             ("disk_gib", "0", "cloud_range"), ("disk_gib", "99999999", "cloud_range"),
                             ("purpose", "用" * 501, None), ("purpose", "", "required"),
                             ("reason", "", "required"), ("vcpu", "abc", None)):
        r = file(vid, **{field: bad, "reason": "原因" if field != "reason" else ""})
        assert r.status == 422, (field, bad, r)
        e = error(r, field)
        assert e and (code is None or e == code), (field, bad, e)
    r = file(vid, reason="没有改动")
    assert r.status == 422 and "cloud_change_none" in msgs(r)
    # a renewal: its end after its start, and after the current end (2026-12-31)
    for frm, to, code in (("2027-01-01", "2026-12-01", "cloud_renew_order"),
                          ("2027-01-01", "2027-01-01", "cloud_renew_order"),
                          ("2026-06-01", "2026-12-31", "cloud_renew_end"),
                          ("2026-06-01", "2026-10-01", "cloud_renew_end"),
                          ("2027-01-01", "2027-02-30", None)):
        r = file(vid, kind="renewal", period_from=frm, period_to=to, reason="继续使用")
        assert r.status == 422, (frm, to, r)
        assert error(r, "period_to") and (code is None or error(r, "period_to") == code), (frm, to, error(r, "period_to"))
    st, x = page("/cloud/%d/change?kind=renewal" % vid, "cs_admin")
    r = file(vid, kind="renewal", period_to="2026-12-31", reason="继续使用")
    assert r.status == 422
    html = get("/cloud/%d/change" % vid, "cs_admin").body.decode()
    assert "申请变更" in html
    assert changes(vid) == 0 and vm_row(vid) == before
    assert one("SELECT COUNT(*) FROM cloud_vm_step WHERE vm_id=%d" % vid) == steps


def test_the_message_is_on_the_page():
    vid = active_vm()
    f = change_form(vid)
    f.update(vcpu="0", reason="x")
    r = post_xml("/cloud/%d/change" % vid, f, "cs_admin")
    assert r.status == 422 and error(r, "vcpu") == "cloud_range"
    # the same post, rendered as HTML, says it in words
    from lib import post
    h = post("/cloud/%d/change" % vid, f, "cs_admin")
    assert h.status == 422 and "超出允许范围" in h.body.decode()
    assert changes(vid) == 0


def test_reject_needs_a_reason_and_the_applicant_withdraws():
    vid = active_vm()
    before = vm_row(vid)
    assert file(vid, disk_gib="100", reason="数据增长").status == 303
    r = decide(vid, "reject")
    assert r.status == 422, r
    assert r.xml().find("./data/changes/form/field[@name='reason']").get("error") == "required"
    assert one("SELECT state FROM cloud_change WHERE vm_id=%d" % vid) == "pending"
    r = decide(vid, "reject", reason="请先清理旧数据")
    assert r.status == 303, r
    assert sql("SELECT state, decided_by, decision_reason FROM cloud_change WHERE vm_id=%d" % vid) == \
        [["rejected", "office", "请先清理旧数据"]]
    assert vm_row(vid)[:8] == before[:8] and vm_row(vid)[8] == before[8]
    assert int(one("SELECT COUNT(*) FROM cloud_vm_step WHERE vm_id=%d AND reason LIKE '变更 #%% 已退回'" % vid)) == 1
    st, x = page("/cloud/%d" % vid, "cs_admin")
    assert x.find("./data/changes/change").findtext("decision") == "请先清理旧数据"
    # filed again, withdrawn by the applicant
    assert file(vid, disk_gib="80", reason="数据增长").status == 303
    r = decide(vid, "withdraw", "cs_admin")
    assert r.status == 303, r
    assert one("SELECT state FROM cloud_change WHERE vm_id=%d ORDER BY id DESC LIMIT 1" % vid) == "withdrawn"
    assert vm_row(vid)[3] == "50"
    assert one("SELECT COUNT(*) FROM audit WHERE module='cloud' AND record_id=%d AND action='change_withdraw'"
               % vid) == "1"


def test_one_pending_at_a_time_and_a_double_submit_files_one():
    vid = active_vm()
    f = change_form(vid)
    f.update(vcpu="4", reason="扩容")
    r1 = post_xml("/cloud/%d/change" % vid, f, "cs_admin")
    r2 = post_xml("/cloud/%d/change" % vid, f, "cs_admin")
    assert r1.status == 303 and r2.status == 303, (r1, r2)
    assert changes(vid) == 1
    for kind, extra in (("change", {"vcpu": "8"}), ("renewal", {"period_to": "2027-12-31"})):
        r = file(vid, kind=kind, reason="又一项", **extra)
        assert r.status == 422, r
        assert "cloud_change_pending" in msgs(r)
        assert changes(vid) == 1
    assert int(one("SELECT COUNT(*) FROM cloud_change WHERE vm_id=%d AND pending=1" % vid)) == 1
    # the key itself holds: a second pending row is refused by the database
    try:
        sql("INSERT INTO cloud_change (vm_id, kind, old_purpose, new_purpose, old_vcpu, new_vcpu, old_memory_gib,"
            " new_memory_gib, old_disk_gib, new_disk_gib, old_sw_database, new_sw_database, old_sw_app, new_sw_app,"
            " old_sw_other, new_sw_other, old_notes, new_notes, old_period_from, new_period_from, old_period_to,"
            " new_period_to, reason, requested_by, nonce) SELECT id, 'change', '', '', 1, 2, 1, 1, 1, 1, '', '',"
            " '', '', '', '', '', '', period_from, period_from, period_to, period_to, 'x', 't', '%s'"
            " FROM cloud_vm WHERE id=%d" % (uuid.uuid4().hex, vid))
    except Exception:
        pass
    assert changes(vid) == 1
    assert decide(vid, "withdraw", "cs_admin").status == 303
    assert file(vid, vcpu="8", reason="再来").status == 303
    assert changes(vid) == 2


def test_two_office_accounts_approving_at_once_one_wins():
    vid = active_vm()
    assert file(vid, memory_gib="8", reason="内存不足").status == 303
    ver = int(vm_row(vid)[8])
    st, x = page("/cloud/%d" % vid, "office")
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/changes/form/field")}
    f.update(action="approve", override="1", csrf=x.findtext("./csrf"))
    rs = at_once(lambda: post_xml("/cloud/%d/decide" % vid, f, "office"),
                 lambda: post_xml("/cloud/%d/decide" % vid, f, "office"))
    assert sorted(r.status for r in rs) == [303, 409], rs
    assert vm_row(vid)[2] == "8" and int(vm_row(vid)[8]) == ver + 1
    assert int(one("SELECT COUNT(*) FROM cloud_vm_step WHERE vm_id=%d AND reason LIKE '变更 #%% 已批准'" % vid)) == 1
    # the stale page again: 409 and the page as it now is
    r = post_xml("/cloud/%d/decide" % vid, f, "office")
    assert r.status == 409
    assert r.xml().find("./data/changes/change").get("state") == "approved"
    assert r.xml().find("./data/vm/memory_gib").text == "8"


def test_a_change_over_the_quota_needs_the_override_recorded():
    vid = active_vm()
    cs = unit_id("C-CS")
    used = int(one("SELECT COALESCE(SUM(vcpu), 0) FROM cloud_vm WHERE unit_id=%d AND state='active' AND id<>%d"
                   % (cs, vid)))
    filler = None
    if used < 60:
        nonce = uuid.uuid4().hex
        sql("INSERT INTO cloud_vm (unit_id, applicant, contact, apply_date, image_id, vcpu, memory_gib,"
            " disk_gib, period_from, period_to, purpose, state, ip, nonce, created_by, updated_by)"
            " SELECT %d, '配额', '1', CURDATE(), MIN(id), %d, 1, 1, CURDATE(), CURDATE(), '配额占位',"
            " 'active', '10.98.250.250', '%s', 'test', 'test' FROM cloud_image" % (cs, 60 - used, nonce))
        filler = one("SELECT id FROM cloud_vm WHERE nonce='%s'" % nonce)
    try:
        assert file(vid, vcpu="8", reason="扩容").status == 303
        st, x = page("/cloud/%d" % vid, "office")
        assert x.find("./data/changes").get("over") == "1"
        before = vm_row(vid)
        r = decide(vid, "approve")
        assert r.status == 422, r
        assert r.xml().find("./data/changes/form/field[@name='override']").get("error") == "cloud_quota"
        assert vm_row(vid) == before and one("SELECT state FROM cloud_change WHERE vm_id=%d" % vid) == "pending"
        r = decide(vid, "approve", override="1")
        assert r.status == 303, r
        assert vm_row(vid)[1] == "8"
        assert one("SELECT override FROM cloud_change WHERE vm_id=%d" % vid) == "1"
        after = one("SELECT after_data FROM audit WHERE module='cloud' AND record_id=%d AND action='change_approve'"
                    % vid)
        assert '"override":1' in after, after
        # a change that adds nothing (less disk) needs no override, even over the quota
        assert file(vid, disk_gib="40", reason="缩容").status == 303
        assert page("/cloud/%d" % vid, "office")[1].find("./data/changes").get("over") == "0"
        assert decide(vid, "approve").status == 303
        assert vm_row(vid)[3] == "40"
    finally:
        if filler:
            sql("DELETE FROM cloud_vm WHERE id=%s" % filler)


def test_renewal_moves_the_period_and_the_rereg_due_date():
    vid = active_vm()
    sql("UPDATE cloud_vm SET registered_on='2026-03-01', rereg_due=NULL, period_to='2026-12-31' WHERE id=%d" % vid)
    f = change_form(vid, kind="renewal")
    assert f["kind"] == "renewal" and f["period_from"] == "2027-01-01", f
    before = vm_row(vid)
    r = file(vid, kind="renewal", period_from="2027-01-01", period_to="2027-12-31", reason="继续承载选课系统")
    assert r.status == 303, r
    assert vm_row(vid) == before
    c, _ = pending(vid)
    diff = {e.get("name"): (e.get("old"), e.get("new")) for e in c.findall("field")}
    assert c.get("kind") == "renewal" and diff == {"period_from": ("2026-01-01", "2027-01-01"),
                                                   "period_to": ("2026-12-31", "2027-12-31")}, diff
    assert decide(vid, "approve").status == 303
    after = vm_row(vid)
    assert after[6:8] == ["2027-01-01", "2027-12-31"] and after[:6] == before[:6]
    assert after[9] == "2027-03-01", after      # one year after the registration, now within the period
    assert sql("SELECT to_state FROM cloud_vm_step WHERE vm_id=%d AND reason LIKE '续期 #%% 已批准'" % vid) == [["active"]]
    assert one("SELECT COUNT(*) FROM audit WHERE module='cloud' AND record_id=%d AND action='renewal_approve'"
               % vid) == "1"


def test_a_suspended_vm_may_be_renewed_not_changed():
    vid = active_vm()
    st, x = page("/cloud/%d" % vid, "center")
    r = post_xml("/cloud/%d/life" % vid, {"action": "suspend", "version": x.find("./data/vm").get("version"),
                                          "reason": "病毒未处置", "csrf": x.findtext("./csrf")}, "center")
    assert r.status == 303 and state(vid) == "suspended"
    st, x = page("/cloud/%d" % vid, "cs_admin")
    assert x.find("./data/changes").get("may-change") == "0" and x.find("./data/changes").get("may-renew") == "1"
    r = file(vid, vcpu="4", reason="扩容")
    assert r.status == 422 and "cloud_change_state" in msgs(r) and changes(vid) == 0
    r = file(vid, kind="renewal", period_to="2027-06-30", reason="整改后继续使用")
    assert r.status == 303, r
    assert decide(vid, "approve").status == 303
    assert vm_row(vid)[7] == "2027-06-30" and state(vid) == "suspended"
