"""The centre's tools (issue 11): whose is an IP (found, none, invalid 422,
403 for a unit's staff), and the OS image catalogue: add (a duplicate name
is 422), retire (the request form no longer offers it, a request naming it
is 422, old requests still show it), restore, 409 on a stale version, CSRF
and 403 for the unit roles, audit rows."""
import uuid
from lib import form, get, one, page, post, sql
from fixtures import post_xml
from test_96_cloud import REQ, create, letter, state, step


def active_vm():
    letter()
    vid = create()
    for a, who in (("submit", "cs_admin"), ("approve", "cs_head"), ("approve", "office")):
        assert step(vid, a, who).status == 303
    ip = "10.98.%d.%d" % (vid // 250 % 250, vid % 250 + 1)
    r = step(vid, "provision", "center", server_name="srv-%d" % vid, ip=ip, netmask="255.255.255.0",
             gateway="10.98.0.254", provision_date="2026-01-05")
    assert r.status == 303, r
    assert state(vid) == "active"
    return vid, ip


def test_ip_lookup_found_none_invalid_and_forbidden():
    vid, ip = active_vm()
    for who in ("center", "office", "leader", "auditor"):
        st, x = page("/cloud/ip?q=" + ip, who)
        assert st == 200, (who, st)
        v = x.find("./data/vm")
        assert v is not None and v.get("id") == str(vid)
        assert v.findtext("server-name") == "srv-%d" % vid
        assert v.findtext("applicant") and v.findtext("unit") and v.findtext("purpose") == "测试"
        assert v.get("since")
    r = get("/cloud/ip?q=" + ip, "center")
    assert r.status == 200 and ("/cloud/%d" % vid) in r.text
    st, x = page("/cloud/ip?q=10.254.254.254", "center")
    assert st == 200 and x.find("./data/vm") is None
    for bad in ("10.1.2", "999.1.1.1", "abc", "10.0.0.1.5"):
        r = get("/cloud/ip?q=" + bad, "center")
        assert r.status == 422, (bad, r.status)
    for who in ("cs_admin", "cs_head"):
        assert get("/cloud/ip?q=" + ip, who).status == 403
    st, x = page("/cloud/", "center")
    assert st == 200
    assert 'action="/cloud/ip"' in get("/cloud/", "center").text


def add_image(name, name_en, login="center"):
    f = form("/cloud/images", login)
    f.update({"name": name, "name_en": name_en})
    return post_xml("/cloud/images", f, login)


def image_id(name):
    return one("SELECT id FROM cloud_image WHERE name='%s'" % name)


def set_image(iid, action, login="center", version=None):
    st, x = page("/cloud/images", login)
    assert st == 200
    im = [e for e in x.findall("./data/catalogue/image") if e.get("id") == iid][0]
    f = {"action": action, "version": version or im.get("version"), "csrf": x.findtext("./csrf")}
    return post_xml("/cloud/images/%s" % iid, f, login)


def offered(login="cs_admin"):
    st, x = page("/cloud/new", login)
    assert st == 200
    return set(e.get("id") for e in x.findall("./data/images/image[@active='1']"))


def test_add_retire_restore_an_image():
    tag = uuid.uuid4().hex[:8]
    name, en = "麒麟%s" % tag, "Kylin %s" % tag
    n = one("SELECT COUNT(*) FROM cloud_image")
    assert add_image(name, en).status == 303
    iid = image_id(name)
    assert one("SELECT active FROM cloud_image WHERE id=%s" % iid) == "1"
    assert int(one("SELECT COUNT(*) FROM audit WHERE module='cloud' AND record_type='image' "
                   "AND record_id=%s" % iid)) == 1
    # the same name (zh or en) again: 422, nothing added
    assert add_image(name, "Other %s" % tag).status == 422
    assert add_image("别的%s" % tag, en).status == 422
    assert add_image("", "x").status == 422
    assert int(one("SELECT COUNT(*) FROM cloud_image")) == int(n) + 1
    assert iid in offered()
    # a request filed with it, before it is retired
    vid = create(image=iid)
    assert set_image(iid, "retire").status == 303
    assert one("SELECT active FROM cloud_image WHERE id=%s" % iid) == "0"
    assert iid not in offered()
    f = form("/cloud/new", "cs_admin")
    f.update(REQ)
    f["image"] = iid
    c = one("SELECT COUNT(*) FROM cloud_vm")
    assert post_xml("/cloud/new", f, "cs_admin").status == 422
    assert one("SELECT COUNT(*) FROM cloud_vm") == c
    # the old request still shows it
    st, x = page("/cloud/%d" % vid, "cs_admin")
    assert st == 200 and x.find("./data/vm/image").text == iid
    assert x.find("./data/images/image[@id='%s']" % iid) is not None
    st, x = page("/cloud/images", "leader")
    assert st == 200 and x.find("./data/catalogue/image[@id='%s'][@active='0']" % iid) is not None
    # a stale version: 409; the same step twice: 409
    old = one("SELECT version FROM cloud_image WHERE id=%s" % iid)
    assert set_image(iid, "restore", "office").status == 303
    assert set_image(iid, "retire", version=old).status == 409
    assert one("SELECT active FROM cloud_image WHERE id=%s" % iid) == "1"
    assert iid in offered()
    assert int(one("SELECT COUNT(*) FROM audit WHERE module='cloud' AND record_type='image' "
                   "AND record_id=%s" % iid)) == 3


def test_catalogue_csrf_and_unit_roles():
    tag = uuid.uuid4().hex[:8]
    assert add_image("统信%s" % tag, "UOS %s" % tag).status == 303
    iid = image_id("统信%s" % tag)
    n = one("SELECT COUNT(*) FROM cloud_image")
    ver = one("SELECT version FROM cloud_image WHERE id=%s" % iid)
    for who in ("cs_admin", "cs_head"):
        assert get("/cloud/images", who).status == 403
        f = form("/cloud/new", who)
        r = post_xml("/cloud/images", {"name": "x" + tag, "name_en": "x" + tag, "nonce": uuid.uuid4().hex,
                                       "csrf": f["csrf"]}, who)
        assert r.status == 403, r
        r = post_xml("/cloud/images/%s" % iid, {"action": "retire", "version": ver, "csrf": f["csrf"]}, who)
        assert r.status == 403, r
    f = form("/cloud/images", "center")
    f.update({"name": "y" + tag, "name_en": "y" + tag})
    for token in (None, "1.deadbeef"):
        g = dict(f)
        g.pop("csrf")
        if token:
            g["csrf"] = token
        assert post_xml("/cloud/images", g, "center").status == 403
        g = {"action": "retire", "version": ver}
        if token:
            g["csrf"] = token
        assert post_xml("/cloud/images/%s" % iid, g, "center").status == 403
    assert one("SELECT COUNT(*) FROM cloud_image") == n
    assert one("SELECT active FROM cloud_image WHERE id=%s" % iid) == "1"
