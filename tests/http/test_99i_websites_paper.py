"""Website filing on paper and out of the system (issue 12): appendix 4
printed from the record (values filled, boxes ticked, the unit head as the
security officer) in Chinese and English, for whoever reads the filing and
403 for another unit; the XML export valid against schema/xml/websites.xsd,
with hostile text too, holding a filing's values, over HTTP and the CLI;
the demo with a filing in every state; the systems list showing a website
entry's live filing state, linked to the filing."""
import os, subprocess, uuid
from lib import BIN, ROOT, STACK, get, one, page, sql, today, unit_id
from fixtures import web_approved as approved, web_create as create, web_letter as letter, \
    web_state as state, web_step as step

STATES = ("draft", "submitted", "approved", "rectifying", "recheck", "passed", "online", "returned",
          "withdrawn", "suspended", "discovered", "closed")
NS = {"w": "urn:wangan:websites:1"}


def dom(tag):
    return "%s-%s.paper99i.edu.cn" % (tag, uuid.uuid4().hex[:6])


def online(d, **over):
    """A filing taken through the pages to online (the centre's check placed in the data, as test_99e)."""
    letter()
    sid = approved(d, **over)
    sql("UPDATE web_site SET state='passed', version=version+1 WHERE id=%d AND state='approved'" % sid)
    r = step(sid, "open", "center", opinion="检查通过，同意开通", ip="10.20.99.%d" % (sid % 250 + 1), exposed="0",
             svc_http="1", svc_other="1", services_other="SSH 管理", open_date=today().isoformat())
    assert r.status == 303, r
    assert state(sid) == "online"
    return sid


def test_print_is_appendix_4_filled_and_ticked_from_the_record():
    d = dom("print")
    sid = online(d, name="计算机学院 <实验> & \"开放\" 平台", build="own_db", build_reason="需要独立的报名数据库",
                 sections="学院概况、新闻动态", site_lang="Python 3", site_runtime="Gunicorn", site_db="PostgreSQL 16")
    row = sql("SELECT leader_name, leader_phone, admin_name, admin_phone, admin_email, admin_mobile, apply_date,"
              " open_date, ip, unit_opinion, center_opinion, DATE(unit_at), DATE(center_at) FROM web_site WHERE id=%d"
              % sid)[0]
    for login in ("cs_admin", "cs_head", "office", "leader", "auditor", "center"):
        r = get("/websites/%d/print" % sid, login)
        assert r.status == 200 and "@page" in r.text, (login, r)
    html = r.text
    # the paper's rows, the values from the record
    for key in ("校内网站备案登记表", "单位名称", "责任领导", "联系电话", "网站域名", "网站类型", "网站主要栏目",
                "服务器放置地点", "建站方式", "管理员姓名", "E-mail", "移动电话", "申请日期", "开通日期", "审核意见",
                "所在单位意见（盖章）", "网络信息中心意见", "以下由信息与网络管理中心填写", "IP地址", "IP对外开放",
                "服务类型（HTTP、FTP等）", "备注", "5、备案单位必须对本部门网站所存储的信息内容负责"):
        assert key in html, key
    for value in row:
        assert value and value in html, value
    assert d in html and "计算机学院 &lt;实验&gt; &amp; \"开放\" 平台" in html
    assert "Python 3" in html and "Gunicorn" in html and "PostgreSQL 16" in html and "学院概况、新闻动态" in html
    # the boxes ticked from the record
    for ticked in ("☑ 校园网络机房", "☑ 带有后台数据库的网站", "☑ 否", "☑ HTTP", "☑ 其他：SSH 管理"):
        assert ticked in html, ticked
    for blank in ("☐ 利用网站群建站", "☐ 是", "☐ HTTPS", "☐ FTP", "☐ 学校云虚拟机"):
        assert blank in html, blank
    assert "需要独立的报名数据库" in html
    # the security officer: the unit head from registration (art. 25)
    head = sql("SELECT name FROM reg_holder WHERE unit_id=%d AND role='first' AND is_current=1" % unit_id("C-CS"))
    if head:
        assert head[0][0] in html
    en = get("/websites/%d/print?lang=en" % sid).text
    for key in ("Campus Website Filing Form", "Opinion of the unit (seal):", "☑ With a back-end database",
                "☐ On the site-group platform", "☑ No", "☐ Yes", "☑ HTTP", "☑ Other: SSH 管理", "Site security officer",
                "To be filled in by the Information and Network Management Centre"):
        assert key in en, key
    assert d in en and row[8] in en
    # another unit's staff: 403, audited; no such filing: 404
    n = int(one("SELECT COUNT(*) FROM audit WHERE module='websites' AND login='me_admin' AND action='denied'"
                " AND record_id=%d" % sid))
    assert get("/websites/%d/print" % sid, "me_admin").status == 403
    assert int(one("SELECT COUNT(*) FROM audit WHERE module='websites' AND login='me_admin' AND action='denied'"
                   " AND record_id=%d" % sid)) == n + 1
    assert get("/websites/999999999/print").status == 404


def test_a_draft_prints_with_its_boxes_and_blank_centre_part():
    vm = sql("SELECT id, ip FROM cloud_vm WHERE unit_id=%d AND kind='vm' AND state='active' AND ip IS NOT NULL"
             " ORDER BY id LIMIT 1" % unit_id("C-CS"))
    over = {"location": "cloud_vm", "vm": vm[0][0]} if vm else {}
    sid = create(dom("draft"), **over)
    html = get("/websites/%d/print" % sid, "cs_admin").text
    assert "☑ 利用网站群建站" in html and "☐ 带有后台数据库的网站" in html
    assert "☐ 是" in html and "☐ 否" in html and "☐ HTTP" in html
    if vm:
        assert "☑ 学校云虚拟机（%s）" % vm[0][1] in html and "☐ 校园网络机房" in html
    assert one("SELECT state FROM web_site WHERE id=%d" % sid) == "draft"


def export_file(body, name):
    path = os.path.join(STACK, "tmp", name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(body)
    v = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(ROOT, "schema/xml/websites.xsd"), path],
                       capture_output=True, text=True)
    assert v.returncode == 0, v.stderr[-2000:]
    return path


def test_the_export_validates_against_its_xsd_and_holds_a_filings_values():
    d = dom("export")
    sid = online(d, name="网站 \"引号\" 'single' <标签> & 符号", sections="栏目 <a> & \"b\"",
                 notes="备注：<script>alert('x')</script> & more", build="own_db", build_reason="理由 & <原因>")
    r = get("/websites/export.xml", "center")
    assert r.status == 200 and r.header("content-type").startswith("application/xml")
    assert "attachment" in r.header("content-disposition")
    export_file(r.body, "websites-export.xml")
    assert "网站 &quot;引号&quot; 'single' &lt;标签&gt; &amp; 符号".encode() in r.body or \
        "网站 \"引号\" 'single' &lt;标签&gt; &amp; 符号".encode() in r.body
    sites = r.xml().findall("./w:site", NS)
    assert len(sites) == int(one("SELECT COUNT(*) FROM web_site"))
    ids = [int(s.get("id")) for s in sites]
    assert ids == sorted(ids)
    e = [s for s in sites if s.get("id") == str(sid)][0]
    want = sql("SELECT w.state, u.code, w.domain, w.name, w.site_lang, w.sections, w.location, w.build,"
               " w.build_reason, w.leader_name, w.admin_name, w.admin_email, w.admin_mobile, w.apply_date,"
               " w.open_date, w.ip, w.system_id, w.notes, w.unit_opinion, DATE(w.unit_at)"
               " FROM web_site w JOIN unit u ON u.id=w.unit_id WHERE w.id=%d" % sid)[0]
    t = lambda p: e.findtext(p, namespaces=NS)
    got = [e.get("state"), e.find("./w:unit", NS).get("code"), t("./w:domain"), t("./w:name"),
           t("./w:siteType/w:language"), t("./w:sections"), e.find("./w:location", NS).get("kind"),
           e.find("./w:build", NS).get("kind"), t("./w:build/w:reason"), t("./w:leader/w:name"),
           t("./w:admin/w:name"), t("./w:admin/w:email"), t("./w:admin/w:mobile"), t("./w:applied"),
           t("./w:opened"), t("./w:center/w:ip"), e.find("./w:system", NS).get("id"), t("./w:notes"),
           t("./w:unitOpinion"), e.find("./w:unitOpinion", NS).get("date")]
    assert got == list(want), (got, want)
    assert t("./w:center/w:exposed") == "false"
    assert [s.text for s in e.findall("./w:center/w:service", NS)] == ["http", "other"]
    assert t("./w:center/w:otherService") == "SSH 管理"
    # the CLI writes the same document
    out = os.path.join(STACK, "tmp", "websites-cli.xml")
    subprocess.run([os.path.join(BIN, "wangan-websites"), "--config", os.path.join(STACK, "wangan.conf"),
                    "--export", out], check=True, capture_output=True)
    strip = lambda b: b.split(b"generated=", 1)[1].split(b"\"", 2)[2]
    assert strip(open(out, "rb").read()) == strip(r.body)
    # office, leader, auditor and the centre; not the units
    for login in ("office", "leader", "auditor"):
        assert get("/websites/export.xml", login).status == 200, login
    for login in ("cs_admin", "cs_head"):
        assert get("/websites/export.xml", login).status == 403, login


def test_the_demo_has_a_filing_in_every_state_with_its_history():
    have = dict(sql("SELECT state, COUNT(*) FROM web_site WHERE created_by='demo' GROUP BY state"))
    missing = [s for s in STATES if int(have.get(s, 0)) < 1]
    assert not missing, (missing, have)
    assert int(have["online"]) >= 3
    # every demo filing has its inventory entry and a history ending in its state
    bad = sql("SELECT w.id, w.state FROM web_site w LEFT JOIN sys_system s ON s.id = w.system_id"
              " WHERE w.created_by='demo' AND (s.id IS NULL OR s.kind <> 'website' OR w.state <>"
              " (SELECT t.to_state FROM web_site_step t WHERE t.site_id = w.id ORDER BY t.id DESC LIMIT 1))")
    assert not bad, bad
    # online: IP, exposure, services, date opened; the entry online too
    rows = sql("SELECT w.ip, w.exposed, w.services, w.open_date, s.status FROM web_site w JOIN sys_system s"
               " ON s.id = w.system_id WHERE w.created_by='demo' AND w.state='online'")
    for ip, exposed, services, opened, status in rows:
        assert ip and exposed in ("0", "1") and services and opened and status == "online", rows
    # one runs on a demo cloud VM of its unit, with the VM's address
    on_vm = sql("SELECT w.ip, v.ip FROM web_site w JOIN cloud_vm v ON v.id = w.vm_id AND v.unit_id = w.unit_id"
                " WHERE w.created_by='demo' AND w.state='online' AND w.location='cloud_vm'")
    assert on_vm and on_vm[0][0] == on_vm[0][1], on_vm
    # the steps past the pages carry their who and when
    for st, cols in (("rectifying", "center_by, center_at"), ("passed", "center_by, center_at"),
                     ("suspended", "suspended_by, suspended_at, suspend_reason"),
                     ("closed", "closed_by, closed_at, close_reason"),
                     ("discovered", "discovered_by, discovered_at, file_by")):
        for r in sql("SELECT %s FROM web_site WHERE created_by='demo' AND state='%s'" % (cols, st)):
            assert all(r), (st, r)
    # run again: nothing more written
    n = one("SELECT COUNT(*) FROM web_site")
    out = subprocess.run([os.path.join(BIN, "wangan-websites"), "--config", os.path.join(STACK, "wangan.conf"),
                          "--demo"], capture_output=True, text=True)
    assert out.returncode == 0 and "nothing written" in out.stdout, out
    assert one("SELECT COUNT(*) FROM web_site") == n


def listing(sysid):
    """The systems list's page that starts at the entry (the list pages by id, oldest first)."""
    return "/systems/?unit=C-CS&kind=website&after=%d" % (sysid - 1)


def chip(sysid, login="office"):
    st, x = page(listing(sysid), login)
    assert st == 200
    rows = [s for s in x.findall("./data/systems/system") if s.get("id") == str(sysid)]
    assert rows, "system %s not on the list's first page" % sysid
    return rows[0]


def test_the_systems_list_shows_a_website_entrys_filing_state():
    letter()
    sid = create(dom("chip"))
    sysid = int(one("SELECT system_id FROM web_site WHERE id=%d" % sid))
    s = chip(sysid)
    assert (s.get("web-id"), s.get("web-state"), s.get("web-link")) == (str(sid), "draft", "1")
    html = get(listing(sysid)).text
    assert 'href="/websites/%d" data-web-state="draft"' % sid in html
    # the system's own page too
    st, x = page("/systems/%d" % sysid)
    assert st == 200 and x.find("./data/website").get("id") == str(sid)
    assert 'data-web-state="draft"><a href="/websites/%d">' % sid in get("/systems/%d" % sysid).text
    assert step(sid, "submit", "cs_admin").status == 303
    assert chip(sysid, "cs_admin").get("web-state") == "submitted"
    html = get(listing(sysid), "cs_admin").text
    assert 'href="/websites/%d" data-web-state="submitted"' % sid in html and "网站备案 待单位审核" in html
    # withdrawn: no live filing, no chip
    assert step(sid, "withdraw", "cs_admin").status == 303
    s = chip(sysid)
    assert s.get("web-id") is None and s.get("web-state") is None
    assert 'href="/websites/%d"' % sid not in get(listing(sysid)).text
    st, x = page("/systems/%d" % sysid)
    assert st == 200 and x.find("./data/website") is None
    # an entry of another kind has none
    other = sql("SELECT id FROM sys_system WHERE unit_id=%d AND kind <> 'website' LIMIT 1" % unit_id("C-CS"))
    if other:
        st, x = page("/systems/?unit=C-CS")
        for e in x.findall("./data/systems/system"):
            if e.get("kind") != "website":
                assert e.get("web-id") is None
