"""Cloud-VM requests, the rules of the first slice: the separate approver
(the account that approved as the office cannot provision), the unit quota
and the office's override (in the row and the audit), invalid and duplicate
IPs at provisioning, CSRF on every POST route, another unit's staff on the
write routes, withdraw after the first review, concurrent edits of a
returned request, and the state filter's words.  Each refusal leaves the
request as it was."""
import time, re, uuid
from lib import account_cache_seconds, form, get, one, page, post, sql, unit_id, wait_for
from fixtures import at_once, post_xml
from fixtures import CLOUD_REQ as REQ, cloud_create as create, cloud_letter as letter, cloud_state as state, \
    cloud_step as step


def snap(vid):
    """What a refused step or edit must leave alone: the row and its history."""
    row = sql("SELECT state, version, COALESCE(ip, ''), COALESCE(center_by, ''), COALESCE(office_by, ''),"
              " office_override, purpose FROM cloud_vm WHERE id=%d" % vid)[0]
    steps = one("SELECT COUNT(*) FROM cloud_vm_step WHERE vm_id=%d" % vid)
    audit = one("SELECT COUNT(*) FROM audit WHERE module='cloud' AND record_id=%d AND action <> 'denied'" % vid)
    return row, steps, audit


def reviewed(**over):
    """A C-CS request the unit head approved (awaiting the office)."""
    letter()
    vid = create(**over)
    assert step(vid, "submit", "cs_admin").status == 303
    assert step(vid, "approve", "cs_head").status == 303
    assert state(vid) == "unit_approved"
    return vid


def approved(**over):
    """… and the office approved (awaiting the centre)."""
    vid = reviewed(**over)
    assert step(vid, "approve", "office").status == 303
    return vid


def provision(vid, login="center", **over):
    f = {"server_name": "rules-%d" % vid, "ip": "10.97.%d.%d" % (vid // 250 % 250, vid % 250 + 1),
         "netmask": "255.255.255.0", "gateway": "10.97.0.254", "provision_date": "2026-01-05"}
    f.update(over)
    return step(vid, "provision", login, **f)


def error(r, name):
    f = r.xml().find("./data/form/field[@name='%s']" % name)
    return f.get("error") if f is not None else None


def actions(vid, login):
    st, x = page("/cloud/%d" % vid, login)
    assert st == 200, st
    return {a.get("name") for a in x.findall("./data/actions/action")}


def test_separate_approver_the_office_approver_cannot_provision():
    vid = reviewed()
    # the same person: the centre's account approves as the office (its role
    # changed for the while), then, the centre's again, tries to provision
    # every worker keeps its own account cache: one page seeing the change is not all of
    # them seeing it, so each change waits out the cache before the next request counts
    sql("UPDATE account SET role='office' WHERE login='center'")
    try:
        time.sleep(account_cache_seconds() + 0.5)
        assert wait_for(lambda: "approve" in actions(vid, "center"), account_cache_seconds() + 10)
        assert step(vid, "approve", "center").status == 303
    finally:
        sql("UPDATE account SET role='center' WHERE login='center'")
    assert one("SELECT office_by FROM cloud_vm WHERE id=%d" % vid) == "center"
    time.sleep(account_cache_seconds() + 0.5)
    assert wait_for(lambda: "provision" in actions(vid, "center"), account_cache_seconds() + 10)
    before = snap(vid)
    r = provision(vid)
    assert r.status == 422, r
    assert error(r, "server_name") == "cloud_same_person"
    assert snap(vid) == before and state(vid) == "office_approved"
    # another office account approved: the centre provisions (test_96's flow)
    vid2 = approved()
    assert one("SELECT office_by FROM cloud_vm WHERE id=%d" % vid2) == "office"
    assert provision(vid2).status == 303 and state(vid2) == "active"


def test_quota_over_is_refused_unless_the_office_overrides():
    cs = unit_id("C-CS")
    used = int(one("SELECT COALESCE(SUM(vcpu), 0) FROM cloud_vm WHERE unit_id=%d AND state='active'" % cs))
    filler = None
    if used < 63:
        nonce = uuid.uuid4().hex
        sql("INSERT INTO cloud_vm (unit_id, applicant, contact, apply_date, image_id, vcpu, memory_gib,"
            " disk_gib, period_from, period_to, purpose, state, ip, nonce, created_by, updated_by)"
            " SELECT %d, '配额', '1', CURDATE(), MIN(id), %d, 1, 1, CURDATE(), CURDATE(), '配额占位',"
            " 'active', '10.97.250.250', '%s', 'test', 'test' FROM cloud_image" % (cs, 63 - used, nonce))
        filler = one("SELECT id FROM cloud_vm WHERE nonce='%s'" % nonce)
    try:
        vid = reviewed(vcpu="2")
        st, x = page("/cloud/%d" % vid, "office")
        assert x.find("./data/quota").get("over") == "1"
        before = snap(vid)
        r = step(vid, "approve", "office")
        assert r.status == 422, r
        assert error(r, "override") == "cloud_quota"
        assert snap(vid) == before
        r = step(vid, "approve", "office", override="1")
        assert r.status == 303, r
        assert state(vid) == "office_approved"
        assert one("SELECT office_override FROM cloud_vm WHERE id=%d" % vid) == "1"
        after = one("SELECT after_data FROM audit WHERE module='cloud' AND record_id=%d AND action='approve'"
                    " ORDER BY id DESC LIMIT 1" % vid)
        assert '"override":1' in after, after
        assert '"state":"office_approved"' in after
    finally:
        if filler:
            sql("DELETE FROM cloud_vm WHERE id=%s" % filler)
    # within the quota no override is needed, and none is recorded
    vid = approved()
    assert one("SELECT office_override FROM cloud_vm WHERE id=%d" % vid) == "0"


def test_invalid_ips_are_422_and_nothing_saved():
    vid = approved()
    before = snap(vid)
    for field, bad in (("ip", "10.0.0"), ("ip", "256.1.1.1"), ("ip", "10.0.0.1.5"), ("ip", "abc"),
                       ("ip", "::1"), ("ip", ""), ("ip", "10.0.0.1/24"), ("netmask", "255.255.255"),
                       ("gateway", "10.0.0.x")):
        r = provision(vid, **{field: bad})
        assert r.status == 422, (field, bad, r)
        assert error(r, field) == "cloud_ip", (field, bad)
    assert snap(vid) == before


def test_a_duplicate_active_ip_is_422_and_nothing_saved():
    a = approved()
    assert provision(a, ip="10.97.251.7").status == 303
    b = approved()
    before = snap(b)
    r = provision(b, ip="10.97.251.7")
    assert r.status == 422, r
    assert error(r, "ip") == "cloud_ip_dup"
    assert snap(b) == before
    assert provision(b, ip="10.97.251.8").status == 303


def test_every_post_route_needs_the_csrf_token():
    letter()
    vid = create()
    n = one("SELECT COUNT(*) FROM cloud_vm")
    for token in (None, "1.deadbeef", ""):
        f = form("/cloud/new", "cs_admin")
        f.update(REQ)
        f["csrf"] = token
        if token is None:
            del f["csrf"]
        assert post("/cloud/new", f, "cs_admin").status == 403, token
        assert one("SELECT COUNT(*) FROM cloud_vm") == n
        before = snap(vid)
        f = form("/cloud/%d/edit" % vid, "cs_admin")
        f["purpose"] = "改过"
        f["csrf"] = token
        if token is None:
            del f["csrf"]
        assert post("/cloud/%d/edit" % vid, f, "cs_admin").status == 403, token
        f = {"action": "submit", "version": before[0][1]}
        if token is not None:
            f["csrf"] = token
        assert post("/cloud/%d/step" % vid, f, "cs_admin").status == 403, token
        assert snap(vid) == before
    # a token of another account is no token
    f = {"action": "submit", "version": snap(vid)[0][1], "csrf": form("/cloud/new", "me_admin")["csrf"]}
    assert post("/cloud/%d/step" % vid, f, "cs_admin").status == 403
    assert state(vid) == "draft"
    # a reviewer's step too
    assert step(vid, "submit", "cs_admin").status == 303
    before = snap(vid)
    assert post("/cloud/%d/step" % vid, {"action": "approve", "version": before[0][1]}, "cs_head").status == 403
    assert snap(vid) == before


def test_another_units_staff_get_403_on_every_write():
    letter()
    draft = create()
    sent = create()
    assert step(sent, "submit", "cs_admin").status == 303
    csrf = form("/cloud/new", "me_admin")["csrf"]
    for vid, action, extra in ((sent, "approve", {}), (sent, "reject", {"reason": "不要"}), (sent, "withdraw", {}),
                               (draft, "submit", {})):
        before = snap(vid)
        f = {"action": action, "version": before[0][1], "csrf": csrf}
        f.update(extra)
        r = post_xml("/cloud/%d/step" % vid, f, "me_admin")
        assert r.status == 403, (action, r)
        assert snap(vid) == before
    before = snap(draft)
    f = dict(REQ, purpose="别人改的", version=before[0][1], csrf=csrf, nonce="")
    assert post("/cloud/%d/edit" % draft, f, "me_admin").status == 403
    assert snap(draft) == before
    assert int(one("SELECT COUNT(*) FROM audit WHERE module='cloud' AND login='me_admin' AND action='denied' AND record_id IN (%d,%d)"
                   % (draft, sent))) >= 5


def test_withdraw_after_the_first_review_is_refused_with_a_reason():
    vid = reviewed()
    assert "withdraw" not in actions(vid, "cs_admin")
    before = snap(vid)
    r = step(vid, "withdraw", "cs_admin")
    assert r.status == 422, r
    assert error(r, "action") == "cloud_withdraw_late"
    assert snap(vid) == before
    assert step(vid, "approve", "office").status == 303
    r = step(vid, "withdraw", "cs_admin")
    assert r.status == 422 and error(r, "action") == "cloud_withdraw_late"
    assert state(vid) == "office_approved"


def test_concurrent_edits_of_a_returned_request_one_wins():
    letter()
    vid = create()
    assert step(vid, "submit", "cs_admin").status == 303
    assert step(vid, "reject", "cs_head", reason="补充用途").status == 303
    assert state(vid) == "returned"
    f = form("/cloud/%d/edit" % vid, "cs_admin")
    ver = int(one("SELECT version FROM cloud_vm WHERE id=%d" % vid))
    a, b = dict(f, purpose="甲的修改"), dict(f, purpose="乙的修改")
    rs = at_once(lambda: post_xml("/cloud/%d/edit" % vid, a, "cs_admin"),
                 lambda: post_xml("/cloud/%d/edit" % vid, b, "cs_admin"))
    assert sorted(r.status for r in rs) == [303, 409], rs
    assert int(one("SELECT version FROM cloud_vm WHERE id=%d" % vid)) == ver + 1
    won = a if rs[0].status == 303 else b
    assert one("SELECT purpose FROM cloud_vm WHERE id=%d" % vid) == won["purpose"]
    # the stale form again: 409, the winner's text stays
    assert post_xml("/cloud/%d/edit" % vid, dict(f, purpose="丙"), "cs_admin").status == 409
    assert one("SELECT purpose FROM cloud_vm WHERE id=%d" % vid) == won["purpose"]
    assert state(vid) == "returned"


def test_the_state_filter_shows_the_states_words():
    zh = get("/cloud/?state=submitted", "office")
    assert zh.status == 200
    assert re.search(r'<option value="submitted"[^>]*>\s*待单位审核\s*</option>', zh.text), zh.text[:2000]
    assert not re.search(r'<option value="[a-z_]+"[^>]*>\s*[a-z_]+\s*</option>', zh.text)
    en = get("/cloud/?lang=en", "office")
    assert re.search(r'<option value="unit_approved"[^>]*>\s*Awaiting office\s*</option>', en.text)
    assert not re.search(r'<option value="[a-z_]+"[^>]*>\s*(draft|submitted|unit_approved)\s*</option>', en.text)
