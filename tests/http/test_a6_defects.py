"""Issue 13, the defects seen on the walk: one test per defect, each failing
without its fix, and the help test (every view has help.<view> in both
languages)."""
import html, os, re
import xml.etree.ElementTree as ET
from lib import *


def test_chinese_first():
    # a browser asking for English still gets the site's default, Chinese
    r = get("/registration/", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert r.status == 200 and '<html lang="zh-CN"' in r.text, r
    # the switch is a link on the page, to ?lang=en, and the choice is kept a year
    assert re.search(r'<a class="lang" href="/registration/\?lang=en"', r.text), r
    r = get("/registration/?lang=en")
    ck = r.header("set-cookie") or ""
    assert "wangan_lang=en" in ck and "Max-Age=31536000" in ck, ck
    # the cookie alone keeps English, on another module too
    r = get("/systems/", headers={"Cookie": "wangan_lang=en", "Accept-Language": "zh-CN"})
    assert '<html lang="en"' in r.text
    # switching back to Chinese is kept the same way
    r = get("/systems/?lang=zh-CN", headers={"Cookie": "wangan_lang=en"})
    assert '<html lang="zh-CN"' in r.text and "wangan_lang=zh-CN" in (r.header("set-cookie") or "")


def notice_ok(text):
    """The success notice of an HTML page, as text."""
    m = re.search(r'<p class="notice ok" role="status">(.*?)</p>', text, re.S)
    return m and re.sub(r"\s+", " ", m.group(1)).strip()


def test_each_action_says_what_happened():
    # a checklist item added, then retired: two actions, two different notices
    tag = os.urandom(3).hex()
    f = form("/websites/checklist", "center")
    f.update({"name": "检查项 %s" % tag, "name_en": "Item " + tag, "sort": "96"})
    r = post("/websites/checklist", f, "center")
    assert r.status == 303 and r.header("location") == "/websites/checklist?saved=web_check_item.create", r
    item = one("SELECT id FROM web_check_item WHERE name='检查项 %s'" % tag)
    assert one("SELECT action FROM audit WHERE record_type='web_check_item' AND record_id=%s" % item) == "create"
    assert notice_ok(get(r.header("location"), "center").text) == "已添加检查项。"
    assert notice_ok(get(r.header("location") + "&lang=en", "center").text) == "The check item has been added."
    st, x = page("/websites/checklist", "center")
    ver = x.find("./data/checklist/item[@id='%s']" % item).get("version")
    r = post("/websites/checklist/%s" % item, {"action": "retire", "version": ver, "csrf": x.findtext("./csrf")}, "center")
    assert r.status == 303 and r.header("location") == "/websites/checklist?saved=web_check_item.retire", r
    assert one("SELECT action FROM audit WHERE record_type='web_check_item' AND record_id=%s "
               "ORDER BY id DESC LIMIT 1" % item) == "retire"
    assert notice_ok(get(r.header("location"), "center").text) == "已停用检查项。"
    # the page XML names the code; an unknown or hostile code falls back to the generic text
    st, x = page("/websites/checklist?saved=web_check_item.retire", "center")
    assert x.find("./messages/msg[@code='saved']").get("what") == "web_check_item.retire"
    assert notice_ok(get("/websites/checklist?saved=nothing.known", "center").text) == "已保存。变更已记录。"
    st, x = page("/websites/checklist?saved=%3Cb%3E", "center")
    assert x.find("./messages/msg[@code='saved']").get("what") is None
    # every code the modules write (record.action of their audit rows) has its string in both languages
    done = sql("SELECT DISTINCT record_type, action FROM audit WHERE request_id NOT LIKE 'cli%' "
               "AND request_id <> 'admin-cli' AND login <> 'watcher' AND action <> 'denied'")
    for lang in ("zh-CN", "en"):
        keys = set(re.findall(r'<s k="([^"]+)"', open(os.path.join(ROOT, "xslt/strings/%s.xml" % lang), encoding="utf-8").read()))
        missing = [(rec, act) for rec, act in done if "saved.%s_%s" % (rec, act) not in keys and (rec, act) not in NO_PAGE
                   and rec not in OWN_NOTICE]
        assert not missing, (lang, missing)


# audit rows whose action leads to no saved notice (the 303 goes elsewhere)
NO_PAGE = {("website", "outage_incident"),
           # signing in and out answers with the next page or the form, not a saved notice
           ("account", "login"), ("account", "login_failed"), ("account", "login_locked"),
           ("account", "logout"),
           # the system a website's opening files with it: the 303 is the website's (saved.website_open)
           ("system", "website_online")}
# records whose pages say what happened in their own words, checked by their own tests:
# the office's management pages (?done=, test_a3), the dashboard's refresh (test_a2),
# an import's result page (test_a5); rows the tests write straight into the audit table
OWN_NOTICE = {"unit", "account", "site_setting", "calendar", "dash_meta", "import", "bulk", "t_page"}


def strings(lang):
    """key -> text of xslt/strings/LANG.xml."""
    root = ET.parse(os.path.join(ROOT, "xslt/strings/%s.xml" % lang)).getroot()
    return {s.get("k"): "".join(s.itertext()) for s in root.findall("s")}


def views():
    """Every view of xslt/: a stylesheet in a module's folder that is not a
    module's shared common.xsl and not a part another stylesheet includes.
    Read from the files, so a view another module adds later is covered."""
    base = os.path.join(ROOT, "xslt")
    found, included = set(), set()
    for d in sorted(os.listdir(base)):
        if not os.path.isdir(os.path.join(base, d)) or d == "strings":
            continue
        for f in sorted(os.listdir(os.path.join(base, d))):
            if not f.endswith(".xsl"):
                continue
            text = open(os.path.join(base, d, f), encoding="utf-8").read()
            for inc in re.findall(r'<xsl:include\s+href="([^"]+)"', text):
                included.add(os.path.normpath(os.path.join(d, inc)))
            # a stylesheet that says it is "not a view" (core/sheet.xsl: export titles) has no page
            if f != "common.xsl" and "not a view" not in text[:600]:
                found.add(d + "/" + f[:-4])
    return sorted(v for v in found if v + ".xsl" not in included)


def help_of(text):
    """(summary, text) of the page's help block, unescaped."""
    m = re.search(r'<details class="help"><summary>(.*?)</summary><p>(.*?)</p></details>', text, re.S)
    assert m, text[:2000]
    return html.unescape(m.group(1)), html.unescape(m.group(2))


def test_every_view_has_help_in_both_languages():
    vs = views()
    assert "registration/list" in vs and "core/error" in vs and "incidents/board" in vs, vs
    zh, en = strings("zh-CN"), strings("en")
    missing = [(lang, v) for lang, t in (("zh-CN", zh), ("en", en)) for v in vs
               if not t.get("help." + v, "").strip()]
    assert not missing, missing
    # help texts are written for the page, not a copy of one text everywhere
    assert len({zh["help." + v] for v in vs}) == len(vs)
    # the page shell shows it, in a details block, in the page's language
    assert help_of(get("/registration/").text) == ("本页说明", zh["help.registration/list"])
    assert help_of(get("/incidents/?lang=en").text) == ("About this page", en["help.incidents/board"])
    # a print view's bar carries it too, and an error page
    u = unit_id("C-CS")
    assert help_of(get("/registration/%d/print" % u).text)[1] == zh["help.registration/print"]
    assert help_of(get("/registration/999999999").text)[1] == zh["help.core/error"]


def text_of(html_text):
    """The visible text of a page's main, tags dropped, entities decoded."""
    m = re.search(r"<main[^>]*>(.*)</main>", html_text, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1) if m else html_text))


def test_unit_name_and_code_are_separated_and_grades_use_the_standards_english():
    code, name, name_en = sql("SELECT code, name, COALESCE(name_en,'') FROM unit WHERE code='C-CS'")[0]
    uid = unit_id(code)
    t = text_of(get("/registration/%d" % uid).text)
    assert "%s（%s）" % (name, code) in t and name + code not in t
    t = text_of(get("/pledges/units/%d?lang=en" % uid).text)
    assert "%s (%s)" % (name_en or name, code) in t, t[:500]
    # an incident's unit and a system's unit, where the two ran together
    inc = one("SELECT i.id FROM inc_incident i JOIN unit u ON u.id = i.unit_id ORDER BY i.id LIMIT 1")
    iu = sql("SELECT u.code, u.name FROM inc_incident i JOIN unit u ON u.id = i.unit_id WHERE i.id=%s" % inc)[0]
    t = text_of(get("/incidents/%s" % inc).text)
    assert "%s（%s）" % (iu[1], iu[0]) in t and iu[1] + iu[0] not in t
    sid = one("SELECT id FROM sys_system ORDER BY id LIMIT 1")
    su = sql("SELECT u.code, u.name FROM sys_system s JOIN unit u ON u.id = s.unit_id WHERE s.id=%s" % sid)[0]
    t = text_of(get("/systems/%s" % sid).text)
    assert "%s（%s）" % (su[1], su[0]) in t and su[1] + su[0] not in t
    # the incident grades in the English of the national plan (GB/Z 20986), the levels of GB/T 22239
    t = text_of(get("/incidents/new?lang=en", "cs_admin").text)
    for g in ("Especially major (Level I)", "Major (Level II)", "Relatively major (Level III)", "General (Level IV)"):
        assert g in t, g
    assert "larger" not in t
    en = strings("en")
    assert not [k for k, v in en.items() if re.search(r"\blevel [1-5]\b", v)], \
        [k for k, v in en.items() if re.search(r"\blevel [1-5]\b", v)]


def workdays_between(a, b, ex):
    """Working days strictly after a up to and including b (workday.c's wd_between)."""
    import datetime
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        kind = ex.get(d)
        n += kind == "workday" or (kind is None and d.weekday() < 5)
    return n


PERSON = {"name": "接任人员", "title": "网络安全管理员", "office_phone": "", "mobile": "13900001111",
          "email": "successor@example.edu.cn"}


def test_a_change_of_holder_starts_empty_and_a_correction_prefills():
    u = unit_id("C-ME")
    old = sql("SELECT id, version, name, title, mobile, email FROM reg_holder "
              "WHERE unit_id=%d AND role='direct' AND is_current=1" % u)[0]
    # a new holder: empty person fields, the old holder shown beside, read only
    st, x = page("/registration/%d/change?role=direct" % u)
    assert st == 200 and x.find("./data").get("kind") == "successor"
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    assert [f[k] for k in ("name", "title", "office_phone", "mobile", "email")] == [""] * 5, f
    assert f["current_id"] == old[0]
    r = get("/registration/%d/change?role=direct" % u)
    aside = re.search(r'<aside class="previous".*?</aside>', r.text, re.S).group(0)
    assert old[2] in aside and old[4] in aside and "<input" not in aside
    assert 'value="%s"' % old[4] not in r.text      # the old mobile is in no input
    # a correction: the same holder's details prefilled, no effective date asked
    st, x = page("/registration/%d/change?role=direct&kind=correct" % u)
    assert x.find("./data").get("kind") == "correct"
    g = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    assert [g["name"], g["title"], g["mobile"], g["email"]] == old[2:], g
    # the correction updates the row in place: same id, same term, audited "correct"
    n_before = one("SELECT COUNT(*) FROM reg_holder WHERE unit_id=%d AND role='direct'" % u)
    g.update({"mobile": "13700002222", "csrf": x.findtext("./csrf"), "role": "direct", "kind": "correct"})
    r = post("/registration/%d/change" % u, g)
    assert r.status == 303 and r.header("location") == "/registration/%d?saved=holder.correct" % u, r
    row = sql("SELECT id, mobile, is_current, late FROM reg_holder WHERE unit_id=%d AND role='direct' "
              "AND is_current=1" % u)[0]
    assert row[0] == old[0] and row[1] == "13700002222"
    assert one("SELECT COUNT(*) FROM reg_holder WHERE unit_id=%d AND role='direct'" % u) == n_before
    a = sql("SELECT action, record_id FROM audit WHERE record_type='holder' ORDER BY id DESC LIMIT 1")[0]
    assert a == ["correct", old[0]]
    assert "已更正责任人信息" in get(r.header("location")).text
    # a stale correction (the version moved on) is a 409 and changes nothing
    g["mobile"] = "13700003333"
    g["nonce"] = os.urandom(16).hex()
    assert post("/registration/%d/change" % u, g).status == 409
    assert one("SELECT mobile FROM reg_holder WHERE id=%s" % old[0]) == "13700002222"
    # a change of holder: a new row, the old one ended
    st, x = page("/registration/%d/change?role=direct" % u)
    h = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    h.update(PERSON)
    h.update({"csrf": x.findtext("./csrf"), "role": "direct"})
    r = post("/registration/%d/change" % u, h)
    assert r.status == 303 and r.header("location") == "/registration/%d?saved=holder.change" % u, r
    assert one("SELECT name FROM reg_holder WHERE unit_id=%d AND role='direct' AND is_current=1" % u) == "接任人员"
    assert one("SELECT ended_date IS NOT NULL FROM reg_holder WHERE id=%s" % old[0]) == "1"
    # a correction of a vacant role is refused, nothing written
    vac = one("SELECT COUNT(*) FROM reg_holder WHERE unit_id=%d AND role='sysadmin'" % u)
    if vac == "0":
        st, x = page("/registration/%d/change?role=sysadmin&kind=correct" % u)
        assert x.find("./data").get("kind") == "successor"
        k = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
        k.update(PERSON)
        k.update({"csrf": x.findtext("./csrf"), "role": "sysadmin", "kind": "correct"})
        assert post("/registration/%d/change" % u, k).status == 422
        assert one("SELECT COUNT(*) FROM reg_holder WHERE unit_id=%d AND role='sysadmin'" % u) == "0"


def test_optional_roles_are_not_set_and_not_gaps():
    conf = stack_config()
    req = conf.get("registration.required_roles", "first,direct,secadmin").replace(" ", "").split(",")
    assert "liaison" not in req and "sysadmin" not in req
    st, x = page("/registration/")
    hs = x.findall("./data/units/unit/holder")
    assert hs and all(h.get("required") == ("1" if h.get("role") in req else "0") for h in hs)
    gaps = [h for h in hs if h.get("required") == "1" and not h.get("name")]
    notset = [h for h in hs if h.get("required") == "0" and not h.get("name")]
    assert notset, "the demo leaves optional roles empty"
    t = get("/registration/").text
    assert t.count('<strong class="gap">缺</strong>') == len(gaps)
    assert t.count('<span class="muted notset">未设</span>') == len(notset)
    # the unit page says the same
    u = [e for e in x.findall("./data/units/unit") if any(h.get("required") == "0" and not h.get("name")
                                                         for h in e.findall("holder"))][0]
    t = get("/registration/%s" % u.get("id")).text
    assert "未设（本站不要求登记此类别）" in t


def test_late_says_which_role_and_how_late():
    import datetime
    # a role nobody holds yet, registered 40 days after it changed: late
    u, code = sql("SELECT u.id, u.code FROM unit u WHERE u.active = 1 AND NOT EXISTS (SELECT 1 FROM reg_holder h "
                  "WHERE h.unit_id = u.id AND h.role = 'sysadmin') ORDER BY u.code LIMIT 1")[0]
    u = int(u)
    eff = datetime.date.today() - datetime.timedelta(days=40)
    st, x = page("/registration/%d/change?role=sysadmin" % u)
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    f.update(PERSON)
    f.update({"csrf": x.findtext("./csrf"), "role": "sysadmin", "effective_date": eff.isoformat()})
    r = post("/registration/%d/change" % u, f)
    assert r.status == 303, r
    hid, deadline, reported = sql("SELECT id, deadline, DATE(reported_at) FROM reg_holder WHERE unit_id=%d "
                                  "AND role='sysadmin' AND is_current=1 AND late=1" % u)[0]
    days = workdays_between(datetime.date.fromisoformat(deadline), datetime.date.fromisoformat(reported), calendar())
    assert days > 0
    after = code[:-1] + chr(ord(code[-1]) - 1)
    st, x = page("/registration/?late=1&after=" + after)
    unit = [e for e in x.findall("./data/units/unit") if e.get("id") == str(u)][0]
    items = [i for i in unit.findall("late-item") if i.get("holder") == hid]
    assert items and items[0].get("role") == "sysadmin" and items[0].get("days") == str(days), \
        [i.attrib for i in unit.findall("late-item")]
    t = get("/registration/?late=1&after=" + after).text
    want = "%s逾期 %d 个工作日（期限 %s，%s 报送）" % (strings("zh-CN")["role.sysadmin"], days, deadline, reported)
    assert re.search(r'<a class="late-item" href="%d#h-%s"[^>]*>%s</a>' % (u, hid, re.escape(want)), t), want
    # the link lands on that row of the unit's history
    assert 'id="h-%s"' % hid in get("/registration/%d" % u).text


NARROW_PAGES = ["/registration/", "/registration/%(u)d", "/registration/%(u)d/change?role=first",
                "/pledges/", "/pledges/vendors", "/pledges/templates", "/systems/", "/systems/overdue",
                "/incidents/", "/incidents/list", "/incidents/notices", "/incidents/periods",
                "/cloud/", "/websites/"]


def test_no_horizontal_page_scroll_at_375px():
    """Every list (and a unit's pages) in Chromium at 375 px: the page never
    scrolls sideways (a wide table scrolls in its own box), and the nav's
    items wrap whole: each link sits on one line."""
    import base64
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    o = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=375,812"):
        o.add_argument(a)
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    bad = []
    try:
        d.execute_cdp_cmd("Network.enable", {})
        auth = base64.b64encode(("office:%s" % ACC["office"][0]).encode()).decode()
        d.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"Authorization": "Basic " + auth}})
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                          {"width": 375, "height": 812, "deviceScaleFactor": 1, "mobile": False})
        u = unit_id("C-CS")
        for p in NARROW_PAGES:
            for lang in ("zh-CN", "en"):
                d.get(BASE + (p % {"u": u}) + ("&" if "?" in p else "?") + "lang=" + lang)
                sw, w = d.execute_script("return [document.scrollingElement.scrollWidth, window.innerWidth]")
                assert w == 375, w      # the page is laid out at 375 px, not zoomed out
                # a nav link broken over two lines is taller than one line of it
                broken = d.execute_script(
                    "return Array.prototype.filter.call(document.querySelectorAll('.nav a'), function(a){"
                    "var r=a.getClientRects();return r.length>1}).map(function(a){return a.textContent})")
                if sw > w or broken:
                    bad.append((p, lang, sw, broken))
    finally:
        d.quit()
    assert not bad, bad
