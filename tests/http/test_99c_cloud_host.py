"""Hosted servers (appendix 8): a cloud_vm row of kind 'host' with its own
form (server configuration, security devices, the expert review with its
scan), the VM's flow with the hosted-server letter (appendix 7) and the
review as the gate at submission, no quota, the scan's download by role
and unit, and the IP uniqueness across VMs and hosts."""
import uuid
from lib import form, one, page, request, sql, unit_id
from fixtures import PDF, multipart, post_sign, post_xml, sign_form
from fixtures import cloud_approved, cloud_create, cloud_letter, cloud_state as state, cloud_step as step

HOST = {"applicant": "李四", "contact": "13900139000", "server_config": "Dell R740, 2×Xeon, 128G",
        "security_devices": "防火墙 + WAF", "period_from": "2026-01-01", "period_to": "2026-12-31",
        "purpose": "科研数据服务", "notes": "", "review_date": "2025-12-01", "review_ref": "论证[2025]7号"}


def host_letter(code="C-CS"):
    u = unit_id(code)
    if one("SELECT COUNT(*) FROM pledge_signing WHERE kind='hosted_server' AND party_type='unit' "
           "AND party_id=%d AND is_current=1" % u) == "0":
        f = sign_form("kind=hosted_server&unit=%d" % u, "office")
        assert post_sign(f, login="office").status == 303


def post_host(path, f, login, scan=("review.pdf", PDF, "application/pdf")):
    body, ctype = multipart(f, {"scan": scan} if scan else {})
    return request("POST", path, login, body=body, headers={"Content-Type": ctype, "Accept": "application/xml"})


def create(login="cs_admin", scan=("review.pdf", PDF, "application/pdf"), **over):
    f = form("/cloud/host/new", login)
    f.update(HOST)
    f["purpose"] = "科研数据服务 " + uuid.uuid4().hex[:6]
    f.update(over)
    r = post_host("/cloud/host/new", f, login, scan)
    assert r.status == 303, (r.status, r.body[:2000])
    return int(r.header("location").split("/")[-1].split("?")[0])


def count():
    return int(one("SELECT COUNT(*) FROM cloud_vm WHERE kind='host'"))


def test_host_whole_flow():
    host_letter()
    hid = create()
    row = sql("SELECT kind, vcpu, memory_gib, disk_gib, server_config, review_ref, review_scan_id IS NOT NULL"
              " FROM cloud_vm WHERE id=%d" % hid)[0]
    assert row == ["host", "0", "0", "0", HOST["server_config"], HOST["review_ref"], "1"]
    st, x = page("/cloud/%d" % hid, "cs_admin")
    assert st == 200 and x.findtext("./data/vm/kind") == "host"
    assert x.findtext("./data/vm/security_devices") == HOST["security_devices"]
    assert x.find("./data/quota") is None
    # a host prints as appendix 8, not the VM's appendix 6 (one A4 page: test_95)
    r = request("GET", "/cloud/%d/print" % hid, "cs_admin")
    assert r.status == 200 and "托管服务器备案登记表" in r.text and "云服务（虚拟机）" not in r.text
    assert HOST["server_config"] in r.text and HOST["review_ref"] in r.text and "经办人签字" in r.text
    r = request("GET", "/cloud/%d/print?lang=en" % hid, "cs_admin")
    assert r.status == 200 and "Hosted server registration form" in r.text
    assert step(hid, "submit", "cs_admin").status == 303 and state(hid) == "submitted"
    assert step(hid, "approve", "cs_head").status == 303 and state(hid) == "unit_approved"
    st, x = page("/cloud/%d" % hid, "office")
    assert x.find("./data/quota") is None   # no quota for a host
    assert step(hid, "approve", "office").status == 303 and state(hid) == "office_approved"
    ip = "10.99.%d.%d" % (hid // 250 % 250, hid % 250 + 1)
    r = step(hid, "provision", "center", server_name="host-%d" % hid, ip=ip, netmask="255.255.255.0",
             gateway="10.99.0.1", provision_date="2026-01-05")
    assert r.status == 303 and state(hid) == "active"
    assert one("SELECT ip_active FROM cloud_vm WHERE id=%d" % hid) == ip
    steps = [s[0] for s in sql("SELECT to_state FROM cloud_vm_step WHERE vm_id=%d ORDER BY id" % hid)]
    assert steps == ["draft", "submitted", "unit_approved", "office_approved", "active"]
    # the centre's IP lookup finds the host
    st, x = page("/cloud/ip?q=" + ip, "center")
    assert st == 200 and ("/cloud/%d" % hid) in request("GET", "/cloud/ip?q=" + ip, "center").body.decode()
    # the list labels the kind
    st, x = page("/cloud/", "office")
    assert any(v.get("kind") == "host" and v.get("id") == str(hid) for v in x.findall("./data/vms/vm"))
    assert "托管服务器" in request("GET", "/cloud/", "office").body.decode()


def test_gate_without_letter():
    u = unit_id("C-ME")
    sql("UPDATE pledge_signing SET is_current=NULL WHERE kind='hosted_server' AND party_type='unit' AND party_id=%d" % u)
    hid = create("me_admin")
    r = step(hid, "submit", "me_admin")
    assert r.status == 422 and state(hid) == "draft"
    body = r.body.decode()
    assert "kind=hosted_server&amp;unit=%d" % u in body or 'kind="hosted_server"' in body


def test_submit_without_review_refused():
    host_letter()
    hid = create(scan=None, review_ref="")
    r = step(hid, "submit", "cs_admin")
    assert r.status == 422 and "cloud_review" in r.body.decode() and state(hid) == "draft"
    # the edit adds the reference and the scan, and then it goes
    f = form("/cloud/%d/host" % hid, "cs_admin")
    f.update(review_ref="论证[2025]9号")
    assert post_host("/cloud/%d/host" % hid, f, "cs_admin").status == 303
    assert one("SELECT review_scan_id IS NOT NULL FROM cloud_vm WHERE id=%d" % hid) == "1"
    assert step(hid, "submit", "cs_admin").status == 303 and state(hid) == "submitted"


def test_scan_kept_sniffed_and_read_by_role():
    hid = create()
    scan = one("SELECT review_scan_id FROM cloud_vm WHERE id=%d" % hid)
    # an edit without a new file keeps the scan
    f = form("/cloud/%d/host" % hid, "cs_admin")
    f.update(notes="改")
    assert post_host("/cloud/%d/host" % hid, f, "cs_admin", scan=None).status == 303
    assert one("SELECT review_scan_id FROM cloud_vm WHERE id=%d" % hid) == scan
    for login in ("cs_admin", "office"):
        r = request("GET", "/cloud/%d/review" % hid, login)
        assert r.status == 200 and r.body == PDF and "pdf" in r.header("content-type")
    assert request("GET", "/cloud/%d/review" % hid, "me_admin").status == 403
    # HTML or PHP renamed .pdf: refused by the sniffing, nothing saved
    for fake in (b"<html><script>alert(1)</script></html>", b"<?php system($_GET['c']); ?>"):
        n = count()
        f = form("/cloud/host/new", "cs_admin")
        f.update(HOST)
        r = post_host("/cloud/host/new", f, "cs_admin", ("review.pdf", fake, "application/pdf"))
        assert r.status == 422 and count() == n
        assert "scan" in r.body.decode()


def test_bad_input_nothing_saved():
    n = count()
    f = form("/cloud/host/new", "cs_admin")
    f.update(HOST)
    f.update(server_config="x" * 501, period_to="2025-01-01")
    r = post_host("/cloud/host/new", f, "cs_admin")
    assert r.status == 422 and count() == n
    b = r.body.decode()
    assert "server_config" in b and "cloud_period" in b
    assert int(one("SELECT COUNT(*) FROM cloud_scan")) >= 0


def test_other_unit_403_and_double_submit():
    hid = create()
    assert page("/cloud/%d" % hid, "me_admin")[0] == 403
    assert request("GET", "/cloud/%d/host" % hid, "me_admin").status == 403
    f = form("/cloud/host/new", "cs_admin")
    f.update(HOST)
    f["purpose"] = "double " + uuid.uuid4().hex[:6]
    r1 = post_host("/cloud/host/new", f, "cs_admin")
    r2 = post_host("/cloud/host/new", f, "cs_admin")
    assert r1.status == 303 and r2.status in (303, 409)
    assert one("SELECT COUNT(*) FROM cloud_vm WHERE purpose='%s'" % f["purpose"]) == "1"


def test_ip_unique_across_kinds():
    host_letter()
    cloud_letter()
    # a VM on an address, then a host refused on it
    vid = cloud_create()
    cloud_approved(vid)
    ip = "10.98.%d.%d" % (vid // 250 % 250, vid % 250 + 1)
    assert step(vid, "provision", "center", server_name="vm", ip=ip, netmask="255.255.255.0",
                gateway="10.98.0.1", provision_date="2026-01-05").status == 303
    hid = create()
    cloud_approved(hid)
    r = step(hid, "provision", "center", server_name="h", ip=ip, netmask="255.255.255.0",
             gateway="10.98.0.1", provision_date="2026-01-05")
    assert r.status == 422 and state(hid) == "office_approved"
    # a host on an address, then a VM refused on it
    ip2 = "10.97.%d.%d" % (hid // 250 % 250, hid % 250 + 1)
    assert step(hid, "provision", "center", server_name="h", ip=ip2, netmask="255.255.255.0",
                gateway="10.97.0.1", provision_date="2026-01-05").status == 303
    v2 = cloud_create()
    cloud_approved(v2)
    r = step(v2, "provision", "center", server_name="v", ip=ip2, netmask="255.255.255.0",
             gateway="10.97.0.1", provision_date="2026-01-05")
    assert r.status == 422 and state(v2) == "office_approved"


def test_the_export_holds_hosts_with_their_fields_and_validates():
    import os, subprocess
    host_letter()
    hid = create()
    r = request("GET", "/cloud/export.xml", "center")
    assert r.status == 200
    stack, root = os.environ["WANGAN_STACK"], os.environ["WANGAN_ROOT"]
    path = os.path.join(stack, "cloud-export-hosts.xml")
    with open(path, "wb") as f:
        f.write(r.body)
    v = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(root, "schema/xml/cloud.xsd"), path],
                       capture_output=True, text=True)
    assert v.returncode == 0, v.stderr[-2000:]
    ns = {"c": "urn:wangan:cloud:1"}
    x = r.xml()
    # every record, hosts (which have no image) too
    assert len(x.findall("./c:vm", ns)) == int(one("SELECT COUNT(*) FROM cloud_vm"))
    h = x.find("./c:vm[@id='%d']" % hid, ns)
    assert h is not None and h.get("kind") == "host"
    assert h.find("./c:image", ns) is None and h.find("./c:resources", ns) is None
    assert h.findtext("./c:hosting/c:configuration", namespaces=ns) == HOST["server_config"]
    assert h.findtext("./c:hosting/c:securityDevices", namespaces=ns) == HOST["security_devices"]
    assert h.findtext("./c:hosting/c:review/c:date", namespaces=ns) == HOST["review_date"]
    assert h.findtext("./c:hosting/c:review/c:reference", namespaces=ns) == HOST["review_ref"]
    vm = x.find("./c:vm[@kind='vm']", ns)
    assert vm is not None and vm.find("./c:image", ns) is not None and vm.find("./c:hosting", ns) is None
