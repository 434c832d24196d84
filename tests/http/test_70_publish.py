"""Publishing a template version (issue 3, item 1) and the letters a unit
must also sign: the office publishes the next version from the current text;
it is valid against the template XSD and its Schematron rules; signings
keep their version while new ones use the new one; 422 with the text kept;
409 when another version was published meanwhile; one version per double
submit; only the office; CSRF."""
import base64, os, subprocess
from lib import ROOT, STACK, get, one, page, post, request, sql, unit_id


def publish_form(kind, login="office"):
    st, x = page("/pledges/templates/new?kind=" + kind, login)
    assert st == 200, st
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    f["csrf"] = x.findtext("./csrf")
    return f


def post_xml(path, form, login="office"):
    return request("POST", path, login, body=form, headers={"Accept": "application/xml"})


def latest(kind):
    return sql("SELECT id, version FROM pledge_template WHERE kind='%s' ORDER BY version DESC LIMIT 1" % kind)[0]


def body_of(tid):
    """A template's XML as stored (base64 through the client, which escapes newlines)."""
    b64 = one("SELECT REPLACE(TO_BASE64(body), CHAR(10), '') FROM pledge_template WHERE id=%s" % tid)
    return base64.b64decode(b64).decode("utf-8")


def validate(body):
    path = os.path.join(STACK, "published.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)
    for args in (["--schema", "schema/xml/pledge-template.xsd"], ["--schematron", "schema/pledges/pledge-template.sch"]):
        v = subprocess.run(["xmllint", "--noout"] + [os.path.join(ROOT, a) if a.startswith("schema") else a
                                                      for a in args] + [path], capture_output=True, text=True)
        assert v.returncode == 0, v.stderr[-1500:]


def test_form_starts_from_the_current_text():
    f = publish_form("website")
    tid, ver = latest("website")
    assert f["based_on"] == tid and f["kind"] == "website" and len(f["nonce"]) == 32
    assert f["title"] == "{site}网站信息安全责任书"
    lines = f["clauses"].splitlines()
    assert lines[0].startswith("不利用校园网络危害国家安全")
    assert lines[2] == "- 煽动抗拒、破坏宪法和法律、行政法规实施的;"
    assert sum(1 for l in lines if not l.startswith("- ")) == 5


def test_publish_the_next_version_and_signings_keep_theirs():
    cs = unit_id("C-CS")
    old_id, old_ver = latest("website")
    f = publish_form("website")
    f["clauses"] += "\n签订单位应于每学期开学后两周内自查网站并报网信办。"
    f["note"] = "增加第六条：每学期自查"
    audits = one("SELECT COUNT(*) FROM audit WHERE action='publish'")
    r = post("/pledges/templates/new", f)
    assert r.status == 303, r
    new_id, new_ver = latest("website")
    assert int(new_ver) == int(old_ver) + 1 and r.header("location") == "/pledges/templates/%s?saved=template.publish" % new_id
    body = body_of(new_id)
    validate(body)
    assert 'version="%s"' % new_ver in body and 'kind="website"' in body
    assert int(one("SELECT COUNT(*) FROM audit WHERE action='publish'")) == int(audits) + 1
    html = get("/pledges/templates/%s" % new_id).text
    assert "六、" in html and "每学期开学后两周内自查" in html and "示例理工学院网站信息安全责任书" in html
    # the signature lines came along
    assert "责任单位（盖章）" in get("/pledges/templates/%s/print?unit=%d" % (new_id, cs)).text
    # a new signing form offers the new version; the version signed before stays
    sql("INSERT IGNORE INTO pledge_requirement (kind, unit_id, created_by) VALUES ('website', %d, 'test')" % cs)
    st, x = page("/pledges/sign?kind=website&unit=%d" % cs)
    assert x.find("./data/template").get("id") == new_id
    signed = sql("SELECT template_id FROM pledge_signing WHERE kind='unit_pledge'")
    assert all(t[0] == one("SELECT id FROM pledge_template WHERE kind='unit_pledge' AND version=1") for t in signed)


def test_bad_text_is_422_and_kept():
    f = publish_form("website")
    before = one("SELECT COUNT(*) FROM pledge_template")
    f["clauses"] = "- 分项不能在第一行\n第一条"
    f["note"] = "测试：保留我输入的说明"
    r = post_xml("/pledges/templates/new", f)
    assert r.status == 422, r
    fields = {e.get("name"): e for e in r.xml().findall("./data/form/field")}
    assert fields["clauses"].get("error") == "item_first"
    assert fields["clauses"].text == "- 分项不能在第一行\n第一条"
    assert fields["note"].text == "测试：保留我输入的说明"
    f["clauses"] = ""
    f["note"] = ""
    r = post_xml("/pledges/templates/new", f)
    assert r.status == 422
    fields = {e.get("name"): e for e in r.xml().findall("./data/form/field")}
    assert fields["clauses"].get("error") == "required" and fields["note"].get("error") == "required"
    assert one("SELECT COUNT(*) FROM pledge_template") == before


def test_concurrent_publishing_one_wins_the_other_409():
    a, b = publish_form("website"), publish_form("website")
    a["note"], b["note"] = "甲的修订", "乙的修订"
    assert post("/pledges/templates/new", a).status == 303
    won_id, won_ver = latest("website")
    r = post_xml("/pledges/templates/new", b)
    assert r.status == 409, r
    x = r.xml()
    assert x.find("./data").get("conflict") == "1" and x.find("./data/base").get("id") == won_id
    fields = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    assert fields["note"] == "乙的修订" and fields["based_on"] == won_id
    assert latest("website") == [won_id, won_ver]


def test_double_submit_publishes_once():
    f = publish_form("cloud_vm")
    f["note"] = "重复提交测试"
    before = one("SELECT COUNT(*) FROM pledge_template WHERE kind='cloud_vm'")
    r1, r2 = post("/pledges/templates/new", f), post("/pledges/templates/new", f)
    assert r1.status == 303 and r2.status == 303 and r1.header("location") == r2.header("location")
    assert int(one("SELECT COUNT(*) FROM pledge_template WHERE kind='cloud_vm'")) == int(before) + 1


def test_only_the_office_publishes_and_csrf_holds():
    for login in ("leader", "auditor", "cs_admin", "cs_head"):
        assert get("/pledges/templates/new?kind=website", login).status == 403, login
    f = publish_form("website")
    f["note"] = "x"
    before = one("SELECT COUNT(*) FROM pledge_template")
    assert post("/pledges/templates/new", f, "cs_admin").status == 403
    del f["csrf"]
    assert post("/pledges/templates/new", f).status == 403
    assert one("SELECT COUNT(*) FROM pledge_template") == before


def test_office_requires_a_letter_of_a_unit():
    me = unit_id("C-ME")
    st, x = page("/pledges/units/%d" % me)
    csrf = x.findtext("./csrf")
    sql("DELETE FROM pledge_requirement WHERE kind='hosted_server' AND unit_id=%d" % me)
    r = post("/pledges/units/%d/requirements" % me, {"kind": "hosted_server", "action": "add", "csrf": csrf})
    assert r.status == 303, r
    st, x = page("/pledges/units/%d" % me)
    before = [k.get("code") for k in x.findall("./data/requirements/kind")]
    assert "hosted_server" in before
    st, x = page("/pledges/?kind=hosted_server&status=missing")
    assert str(me) in [r.get("party-id") for r in x.findall("./data/rows/row")]
    assert one("SELECT COUNT(*) FROM audit WHERE action='require' AND record_id=%d" % me) == "1"
    assert post("/pledges/units/%d/requirements" % me,
                {"kind": "hosted_server", "action": "remove", "csrf": page("/pledges/units/%d" % me, "me_admin")[1].findtext("./csrf")},
                "me_admin").status == 403
    r = post("/pledges/units/%d/requirements" % me, {"kind": "hosted_server", "action": "remove", "csrf": csrf})
    assert r.status == 303
    after = [k.get("code") for k in page("/pledges/units/%d" % me)[1].findall("./data/requirements/kind")]
    assert after == [k for k in before if k != "hosted_server"]
    assert post("/pledges/units/%d/requirements" % me, {"kind": "unit_pledge", "action": "add", "csrf": csrf}).status == 400
