"""A VM's life after provisioning (issue 11): the unit's staff release an
active VM (it keeps its IP), the centre decommissions a released or expired
one (the IP is free again: a new VM is provisioned on it) and refuses an
active one still in its period, suspends with a reason (the unit sees who
and why) and lifts it with a note.  Other roles and another unit's staff get
403, audited; bad input is 422 with the message and nothing saved; two
centre accounts at once: one wins, one 409; the history lists every step."""
from lib import get, one, page, post, sql, today
from fixtures import at_once, cloud_approved, post_xml
from fixtures import cloud_create as create, cloud_letter as letter, cloud_state as state, \
    cloud_step as step


def active_vm(ip=None):
    letter()
    vid = create()
    cloud_approved(vid)
    ip = ip or "10.99.%d.%d" % (vid // 250 % 250, vid % 250 + 1)
    r = step(vid, "provision", "center", server_name="life-%d" % vid, ip=ip, netmask="255.255.255.0",
             gateway="10.99.0.254", provision_date="2026-01-05")
    assert r.status == 303, r
    assert state(vid) == "active"
    return vid, ip


def life(vid, action, login, **extra):
    st, x = page("/cloud/%d" % vid, login)
    assert st == 200, st
    f = {"action": action, "version": x.find("./data/vm").get("version"), "csrf": x.findtext("./csrf")}
    f.update(extra)
    return post_xml("/cloud/%d/life" % vid, f, login)


def actions(vid, login):
    st, x = page("/cloud/%d" % vid, login)
    assert st == 200, st
    return {a.get("name") for a in x.findall("./data/actions/action")}


def snap(vid):
    row = sql("SELECT state, version, COALESCE(ip_active, ''), COALESCE(suspended_by, ''),"
              " COALESCE(ended_by, '') FROM cloud_vm WHERE id=%d" % vid)[0]
    steps = one("SELECT COUNT(*) FROM cloud_vm_step WHERE vm_id=%d" % vid)
    return row, steps


def denied(vid, login):
    return int(one("SELECT COUNT(*) FROM audit WHERE module='cloud' AND login='%s' AND action='denied'"
                   " AND record_id=%d" % (login, vid)))


def test_release_keeps_the_ip_then_decommission_frees_it():
    vid, ip = active_vm()
    assert "release" in actions(vid, "cs_admin")
    assert "release" not in actions(vid, "center") and "decommission" not in actions(vid, "center")
    assert life(vid, "release", "cs_admin", reason="不再需要").status == 303
    assert state(vid) == "released"
    assert one("SELECT ended_by FROM cloud_vm WHERE id=%d" % vid) == "cs_admin"
    assert one("SELECT end_reason FROM cloud_vm WHERE id=%d" % vid) == "不再需要"
    assert one("SELECT ip_active FROM cloud_vm WHERE id=%d" % vid) == ip
    st, x = page("/cloud/%d" % vid, "cs_admin")
    assert x.findtext("./data/end/ended-by") == "cs_admin"
    # a released VM still holds its address: another VM cannot be provisioned on it
    letter()
    other = create()
    cloud_approved(other)
    f = dict(server_name="x", ip=ip, netmask="255.255.255.0", gateway="10.99.0.254", provision_date="2026-01-05")
    r = step(other, "provision", "center", **f)
    assert r.status == 422 and state(other) == "office_approved"
    # the centre takes it down: the address is free, the record kept
    assert "decommission" in actions(vid, "center")
    assert life(vid, "decommission", "center").status == 303
    assert state(vid) == "decommissioned"
    assert one("SELECT ip_active IS NULL FROM cloud_vm WHERE id=%d" % vid) == "1"
    assert one("SELECT ip FROM cloud_vm WHERE id=%d" % vid) == ip
    assert one("SELECT end_reason FROM cloud_vm WHERE id=%d" % vid) == "不再需要"
    assert step(other, "provision", "center", **f).status == 303
    assert state(other) == "active"
    # the history lists every step
    steps = sql("SELECT from_state, to_state, login FROM cloud_vm_step WHERE vm_id=%d ORDER BY id" % vid)
    assert [s[1] for s in steps] == ["draft", "submitted", "unit_approved", "office_approved", "active",
                                     "released", "decommissioned"]
    assert steps[-2] == ["active", "released", "cs_admin"] and steps[-1] == ["released", "decommissioned", "center"]
    st, x = page("/cloud/%d" % vid, "cs_admin")
    assert [s.get("to") for s in x.findall("./data/history/step")][-2:] == ["released", "decommissioned"]
    assert int(one("SELECT COUNT(*) FROM audit WHERE module='cloud' AND record_id=%d AND action IN"
                   " ('release', 'decommission')" % vid)) == 2
    # nothing more to do with it
    assert actions(vid, "center") == set() and actions(vid, "cs_admin") == set()


def test_decommission_of_an_active_vm_in_its_period_is_refused():
    vid, ip = active_vm()
    sql("UPDATE cloud_vm SET period_to = '2099-12-31' WHERE id=%d" % vid)
    before = snap(vid)
    r = life(vid, "decommission", "center")
    assert r.status == 422, r
    assert r.xml().find("./data/end/form/field[@name='action']").get("error") == "cloud_decom_early"
    assert r.xml().find("./messages/msg[@code='cloud_decom_early']") is not None
    st, x = page("/cloud/%d" % vid, "center")
    html = post("/cloud/%d/life" % vid, {"action": "decommission", "version": x.find("./data/vm").get("version"),
                                         "csrf": x.findtext("./csrf")}, "center")
    assert html.status == 422 and "仍在使用期限内" in html.text
    assert snap(vid) == before
    # its period over: the page says so, and the centre may take it down
    sql("UPDATE cloud_vm SET period_to = DATE_SUB('%s', INTERVAL 1 DAY) WHERE id=%d" % (today(), vid))
    end = one("SELECT period_to FROM cloud_vm WHERE id=%d" % vid)
    st, x = page("/cloud/%d" % vid, "cs_admin")
    assert x.find("./data/end").get("period-ended") == end
    assert end in get("/cloud/%d" % vid, "cs_admin").text
    assert "decommission" in actions(vid, "center")
    assert life(vid, "decommission", "center", reason="期满未续").status == 303
    assert state(vid) == "decommissioned"


def test_suspend_and_lift_with_reasons_shown_to_the_unit():
    vid, ip = active_vm()
    before = snap(vid)
    r = life(vid, "suspend", "center")
    assert r.status == 422, r
    assert r.xml().find("./data/end/form/field[@name='reason']").get("error") == "required"
    assert r.xml().find("./messages/msg[@field='reason']") is not None
    assert life(vid, "suspend", "center", reason="x" * 501).status == 422
    assert snap(vid) == before
    assert life(vid, "suspend", "center", reason="网页含有害信息").status == 303
    assert state(vid) == "suspended"
    assert one("SELECT ip_active FROM cloud_vm WHERE id=%d" % vid) == ip   # still holds it
    st, x = page("/cloud/%d" % vid, "cs_admin")
    assert x.findtext("./data/end/suspended-by") == "center"
    assert x.findtext("./data/end/suspend-reason") == "网页含有害信息"
    assert x.findtext("./data/end/suspended-at")
    assert "网页含有害信息" in get("/cloud/%d" % vid, "cs_admin").text
    assert "release" not in actions(vid, "cs_admin")
    assert actions(vid, "center") == {"lift"}
    # a suspended VM in its period cannot be decommissioned
    sql("UPDATE cloud_vm SET period_to = '2099-12-31' WHERE id=%d" % vid)
    r = life(vid, "decommission", "center")
    assert r.status == 422 and state(vid) == "suspended"
    before = snap(vid)
    assert life(vid, "lift", "center").status == 422
    assert snap(vid) == before
    assert life(vid, "lift", "center", reason="已整改").status == 303
    assert state(vid) == "active"
    steps = sql("SELECT from_state, to_state, reason FROM cloud_vm_step WHERE vm_id=%d ORDER BY id" % vid)
    assert steps[-2:] == [["active", "suspended", "网页含有害信息"], ["suspended", "active", "已整改"]]
    assert int(one("SELECT COUNT(*) FROM audit WHERE module='cloud' AND record_id=%d AND action IN"
                   " ('suspend', 'lift')" % vid)) == 2


def test_other_roles_and_another_units_staff_get_403_audited():
    vid, ip = active_vm()
    csrf = page("/cloud/", "me_admin")[1].findtext("./csrf")
    for login, action in (("me_admin", "release"), ("office", "release"), ("center", "release"),
                          ("cs_admin", "suspend"), ("cs_head", "suspend"), ("office", "suspend"),
                          ("leader", "suspend"), ("cs_admin", "decommission"), ("office", "lift")):
        before = snap(vid)
        n = denied(vid, login)
        st, x = page("/cloud/", login)
        f = {"action": action, "version": before[0][1], "reason": "x", "csrf": x.findtext("./csrf")}
        r = post_xml("/cloud/%d/life" % vid, f, login)
        assert r.status == 403, (login, action, r)
        assert snap(vid) == before
        assert denied(vid, login) == n + 1, (login, action)
    # without the CSRF token: 403, nothing changed
    before = snap(vid)
    assert post("/cloud/%d/life" % vid, {"action": "release", "version": before[0][1]}, "cs_admin").status == 403
    assert snap(vid) == before
    # a state where the action does not apply: 422 with the message
    letter()
    draft = create()
    r = life(draft, "release", "cs_admin")
    assert r.status == 422 and state(draft) == "draft"


def test_two_centre_accounts_at_once_one_wins():
    vid, ip = active_vm()
    st, x = page("/cloud/%d" % vid, "center")
    f = {"action": "suspend", "version": x.find("./data/vm").get("version"), "reason": "病毒未处置",
         "csrf": x.findtext("./csrf")}
    rs = at_once(lambda: post_xml("/cloud/%d/life" % vid, f, "center"),
                 lambda: post_xml("/cloud/%d/life" % vid, f, "center"))
    assert sorted(r.status for r in rs) == [303, 409], rs
    assert state(vid) == "suspended"
    assert int(one("SELECT COUNT(*) FROM cloud_vm_step WHERE vm_id=%d AND to_state='suspended'" % vid)) == 1
    # the stale page again: 409, the page as it now is
    r = post_xml("/cloud/%d/life" % vid, f, "center")
    assert r.status == 409 and r.xml().find("./data/vm").get("state") == "suspended"


def test_the_demo_has_a_suspended_and_a_released_vm():
    n = {s: int(one("SELECT COUNT(*) FROM cloud_vm WHERE created_by='demo' AND state='%s'" % s))
         for s in ("suspended", "released")}
    if int(one("SELECT COUNT(*) FROM cloud_vm WHERE created_by='demo'")) == 0:
        return  # a stack without demo data
    assert n["suspended"] >= 1 and n["released"] >= 1, n
