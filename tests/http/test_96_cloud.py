"""Cloud-VM requests (issue 11, first slice): the flow by each role (cs_admin
files and submits, cs_head approves, office approves, center provisions),
the letter gate with its link, bad input 422 with nothing saved, 403 for
another unit's staff, concurrent approval (one 303, one 409), audit rows;
the print of appendix 6 and the export against schema/xml/cloud.xsd."""
import os, subprocess, uuid
from lib import BIN, ROOT, STACK, form, get, one, page, post, sql, unit_id
from fixtures import at_once, location_id, post_sign, post_xml, sign_form
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


def provisioned(login="cs_admin", **over):
    """A request taken through the whole flow to active, with its IP."""
    letter()
    vid = create(login, **over)
    assert step(vid, "submit", login).status == 303
    assert step(vid, "approve", "cs_head").status == 303
    assert step(vid, "approve", "office", override="1").status == 303
    r = step(vid, "provision", "center", server_name="exp-%d" % vid,
             ip="10.21.%d.%d" % (vid // 250 % 250, vid % 250 + 1), netmask="255.255.255.0",
             gateway="10.21.0.254", provision_date="2026-01-05")
    assert r.status == 303, r
    return vid


def test_print_is_appendix_6_for_whoever_reads_the_request():
    vid = create(applicant="王五", purpose="教学平台 <b>&")
    for login in ("cs_admin", "office", "center", "leader"):
        r = get("/cloud/%d/print" % vid, login)
        assert r.status == 200 and "@page" in r.text, (login, r)
    assert "王五" in r.text and "教学平台 &lt;b&gt;&amp;" in r.text
    for key in ("申请人（签字）", "单位负责人签字（盖章）", "审批人签字", "办理人签字", "（单位盖章）", "虚拟机配置"):
        assert key in r.text, key
    assert "Head of unit (signature and seal)" in get("/cloud/%d/print?lang=en" % vid).text
    assert get("/cloud/%d/print" % vid, "me_admin").status == 403
    assert get("/cloud/999999999/print").status == 404


def test_export_validates_against_its_xsd():
    sysid = one("SELECT id FROM sys_system WHERE unit_id=%d AND status <> 'retired' ORDER BY id LIMIT 1"
                % unit_id("C-CS"))
    vid = provisioned(system=sysid, sw_database="MySQL 8 & <redis>", notes="备注")
    r = get("/cloud/export.xml", "center")
    assert r.status == 200 and r.header("content-type").startswith("application/xml")
    assert "attachment" in r.header("content-disposition")
    path = os.path.join(STACK, "cloud-export.xml")
    with open(path, "wb") as f:
        f.write(r.body)
    xsd = os.path.join(ROOT, "schema/xml/cloud.xsd")
    v = subprocess.run(["xmllint", "--noout", "--schema", xsd, path], capture_output=True, text=True)
    assert v.returncode == 0, v.stderr[-2000:]
    assert b"MySQL 8 &amp; &lt;redis&gt;" in r.body
    ns = {"c": "urn:wangan:cloud:1"}
    vms = r.xml().findall("./c:vm", ns)
    assert len(vms) == int(one("SELECT COUNT(*) FROM cloud_vm"))
    e = [x for x in vms if x.get("id") == str(vid)][0]
    want = sql("SELECT v.state, u.code, v.applicant, i.code, v.vcpu, v.memory_gib, v.disk_gib, v.period_from,"
               " v.period_to, v.purpose, v.server_name, v.ip, v.netmask, v.gateway, v.provision_date"
               " FROM cloud_vm v JOIN unit u ON u.id=v.unit_id JOIN cloud_image i ON i.id=v.image_id"
               " WHERE v.id=%d" % vid)[0]
    t = lambda p: e.findtext(p, namespaces=ns)
    got = [e.get("state"), e.find("./c:unit", ns).get("code"), t("./c:applicant/c:name"),
           e.find("./c:image", ns).get("code"), t("./c:resources/c:vcpu"), t("./c:resources/c:memoryGiB"),
           t("./c:resources/c:diskGiB"), t("./c:period/c:from"), t("./c:period/c:to"), t("./c:purpose"),
           t("./c:provisioning/c:serverName"), t("./c:provisioning/c:ip"), t("./c:provisioning/c:netmask"),
           t("./c:provisioning/c:gateway"), t("./c:provisioning/c:date")]
    assert got == list(want)
    s = e.find("./c:systems/c:system", ns)
    assert s.get("id") == str(sysid) and s.text == one("SELECT name FROM sys_system WHERE id=%s" % sysid)
    # the CLI writes the same document
    out = os.path.join(STACK, "tmp", "cloud-cli.xml")
    subprocess.run([os.path.join(BIN, "wangan-cloud"), "--config", os.path.join(STACK, "wangan.conf"),
                    "--export", out], check=True, capture_output=True)
    strip = lambda b: b.split(b"generated=", 1)[1].split(b"\"", 2)[2]
    assert strip(open(out, "rb").read()) == strip(r.body)
    # office, leader, auditor and the centre; not the units
    for login in ("office", "leader", "auditor"):
        assert get("/cloud/export.xml", login).status == 200, login
    for login in ("cs_admin", "cs_head"):
        assert get("/cloud/export.xml", login).status == 403, login
