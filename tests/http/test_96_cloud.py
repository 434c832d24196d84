"""Cloud-VM requests (issue 11, first slice): the flow by each role (cs_admin
files and submits, cs_head approves, office approves, center provisions),
the letter gate with its link, bad input 422 with nothing saved, 403 for
another unit's staff, concurrent approval (one 303, one 409), audit rows."""
import uuid
from lib import form, get, one, page, post, sql, unit_id
from fixtures import at_once, post_xml
from fixtures import CLOUD_REQ as REQ, cloud_create as create, cloud_letter as letter, cloud_state as state, \
    cloud_step as step


def test_the_whole_flow_and_audit():
    letter()
    vid = create()
    assert state(vid) == "draft"
    assert step(vid, "submit", "cs_admin").status == 303
    assert step(vid, "approve", "cs_head").status == 303
    assert step(vid, "approve", "office").status == 303
    r = step(vid, "provision", "center", server_name="t1", ip="10.20.0.%d" % (vid % 250 + 1),
             netmask="255.255.255.0", gateway="10.20.0.254", provision_date="2026-01-05")
    assert r.status == 303, r
    assert state(vid) == "active"
    assert int(one("SELECT COUNT(*) FROM cloud_vm_step WHERE vm_id=%d" % vid)) == 5
    assert int(one("SELECT COUNT(*) FROM audit WHERE module='cloud' AND record_id=%d" % vid)) >= 5
    st, x = page("/cloud/", "leader")
    assert st == 200 and x.find("./data/vms/vm") is not None


def test_reject_returns_and_resubmit_and_withdraw():
    letter()
    vid = create()
    assert step(vid, "submit", "cs_admin").status == 303
    r = step(vid, "reject", "cs_head")
    assert r.status == 422
    assert step(vid, "reject", "cs_head", reason="不完整").status == 303
    assert state(vid) == "returned"
    assert step(vid, "submit", "cs_admin").status == 303
    assert step(vid, "withdraw", "cs_admin").status == 303
    assert state(vid) == "withdrawn"


def test_the_letter_gate_links_to_the_signing():
    sql("UPDATE pledge_signing SET is_current = NULL WHERE kind='cloud_vm' AND party_type='unit' "
        "AND party_id=%d" % unit_id("C-ME"))
    vid = create("me_admin")
    r = step(vid, "submit", "me_admin")
    assert r.status == 422, r
    assert r.xml().find("./data/gate") is not None
    assert state(vid) == "draft"


def test_bad_input_is_422_and_nothing_saved():
    n = one("SELECT COUNT(*) FROM cloud_vm")
    other = one("SELECT id FROM sys_system WHERE unit_id=%d LIMIT 1" % unit_id("C-ME"))
    for over in ({"vcpu": "0"}, {"vcpu": "10000"}, {"memory_gib": "100000"}, {"period_to": "2025-01-01"},
                 {"image": "999"}, {"purpose": "长" * 501}, {"system": other}):
        f = form("/cloud/new", "cs_admin")
        f.update(REQ)
        f.update(over)
        r = post_xml("/cloud/new", f, "cs_admin")
        assert r.status == 422, (over, r)
    assert one("SELECT COUNT(*) FROM cloud_vm") == n


def test_other_units_staff_get_403():
    vid = create()
    assert get("/cloud/%d" % vid, "me_admin").status == 403
    assert get("/cloud/%d/edit" % vid, "me_admin").status == 403


def test_concurrent_approval_one_wins():
    letter()
    vid = create()
    assert step(vid, "submit", "cs_admin").status == 303
    st, x = page("/cloud/%d" % vid, "cs_head")
    f = {"action": "approve", "version": x.find("./data/vm").get("version"), "csrf": x.findtext("./csrf")}
    rs = at_once(lambda: post_xml("/cloud/%d/step" % vid, f, "cs_head"),
                 lambda: post_xml("/cloud/%d/step" % vid, f, "cs_head"))
    assert sorted(r.status for r in rs) == [303, 409], rs


def test_double_submit_makes_one_record():
    f = form("/cloud/new", "cs_admin")
    f.update(REQ)
    a = post("/cloud/new", f, "cs_admin")
    b = post("/cloud/new", f, "cs_admin")
    assert a.status == 303 and b.status == 303
    assert one("SELECT COUNT(*) FROM cloud_vm WHERE nonce='%s'" % f["nonce"]) == "1"
