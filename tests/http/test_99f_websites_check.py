"""The centre's security check of a website filing (issue 12, "The flow"): a
checklist the site configures, each item passed or failed with a note, the
findings with a severity and a fix-by date; a failed check sends the site to
rectifying, the unit asks for a re-check, the next round passes and the
centre opens the site.  Every round stays on the page.  The check waits for
the website letter; bad input is 422 with nothing saved; of two checks at
once one lands; only the centre checks and only the unit's staff ask for the
re-check; the checklist page retires items without touching old checks; the
lists of failing checks and of findings past fix-by."""
import datetime, uuid
from lib import form, get, one, page, post, sql, today, unit_id
from fixtures import at_once, post_xml, web_approved as approved, web_check, web_check_fill, \
    web_check_form, web_letter as letter, web_passed, web_state as state, web_step as step


def dom(tag):
    return "%s-%s.web99f.edu.cn" % (tag, uuid.uuid4().hex[:6])


def checks(sid):
    return int(one("SELECT COUNT(*) FROM web_check WHERE site_id=%d" % sid))


def nothing_saved(sid, ver, st="approved"):
    assert checks(sid) == 0
    assert one("SELECT COUNT(*) FROM web_finding WHERE site_id=%d" % sid) == "0"
    assert one("SELECT COUNT(*) FROM web_check_result r JOIN web_check c ON c.id=r.check_id"
               " WHERE c.site_id=%d" % sid) == "0"
    assert state(sid) == st and one("SELECT version FROM web_site WHERE id=%d" % sid) == ver


def active_items():
    return int(one("SELECT COUNT(*) FROM web_check_item WHERE active=1"))


def denied(login, sid):
    return int(one("SELECT COUNT(*) FROM audit WHERE module='websites' AND login='%s' AND action='denied'"
                   " AND record_id=%d" % (login, sid)))


def week():
    return today() + datetime.timedelta(days=7)


def test_the_checklist_is_seeded_from_the_seeds_in_both_languages():
    codes = [r[0] for r in sql("SELECT code FROM web_check_item ORDER BY sort, id")]
    for c in ("no_ads", "no_commercial", "content_scope", "no_bbs", "comment_logs", "records_60d",
              "admin_password", "backend_hidden", "vulns_fixed"):
        assert c in codes
    assert one("SELECT COUNT(*) FROM web_check_item WHERE name='' OR name_en=''") == "0"
    assert "60" in one("SELECT name FROM web_check_item WHERE code='records_60d'")


def test_a_failed_check_the_recheck_and_a_passing_round_take_the_site_online():
    letter()
    sid = approved(dom("flow"))
    st, x = page("/websites/%d" % sid, "center")
    assert "check" in {a.get("name") for a in x.findall("./data/actions/action")}
    assert len(x.findall("./data/checking/item")) == active_items()
    # the unit sees no check form
    st, x = page("/websites/%d" % sid, "cs_admin")
    assert x.find("./data/checking") is None
    r = web_check(sid, "failed", fails={"no_ads": "首页有商业广告链接", "backend_hidden": "后台 /admin 对外开放"},
                  findings=[("high", "后台管理入口公开", week()), ("low", "版权信息缺失", week())], note="第一次检查")
    assert r.status == 303, r
    assert state(sid) == "rectifying"
    row = sql("SELECT round, by_login, result, note FROM web_check WHERE site_id=%d" % sid)
    assert row == [["1", "center", "failed", "第一次检查"]]
    res = sql("SELECT i.code, r.result, r.note FROM web_check_result r JOIN web_check c ON c.id=r.check_id"
              " JOIN web_check_item i ON i.id=r.item_id WHERE c.site_id=%d ORDER BY i.code" % sid)
    assert len(res) == active_items()
    assert ["no_ads", "fail", "首页有商业广告链接"] in res and ["no_bbs", "pass", ""] in res
    f = sql("SELECT severity, description, fix_by, fixed_at IS NULL, unit_id FROM web_finding WHERE site_id=%d"
            " ORDER BY id" % sid)
    assert f[0] == ["high", "后台管理入口公开", week().isoformat(), "1", str(unit_id("C-CS"))]
    assert len(f) == 2
    # the unit's page: the round with its items and findings, the re-check form
    st, x = page("/websites/%d" % sid, "cs_admin")
    rounds = x.findall("./data/checks/check")
    assert [c.get("round") for c in rounds] == ["1"] and rounds[0].get("result") == "failed"
    assert {i.get("code"): i.get("result") for i in rounds[0].findall("item")}["no_ads"] == "fail"
    assert [d.findtext("description") for d in rounds[0].findall("finding")] == ["后台管理入口公开", "版权信息缺失"]
    assert "recheck" in {a.get("name") for a in x.findall("./data/actions/action")}
    assert x.find("./data/recheck/form") is not None
    # the centre cannot check again before the unit asks
    st, x = page("/websites/%d" % sid, "center")
    assert x.find("./data/checking") is None
    # the re-check request needs a note
    st, x = page("/websites/%d" % sid, "cs_admin")
    ver = x.find("./data/site").get("version")
    r = post_xml("/websites/%d/recheck" % sid, {"version": ver, "note": "", "csrf": x.findtext("./csrf")}, "cs_admin")
    assert r.status == 422 and state(sid) == "rectifying"
    assert r.xml().find("./data/recheck/form/field[@name='note']").get("error") == "required"
    r = post_xml("/websites/%d/recheck" % sid, {"version": ver, "note": "已删除广告，后台限制校内访问",
                                                 "csrf": x.findtext("./csrf")}, "cs_admin")
    assert r.status == 303, r
    assert state(sid) == "recheck"
    assert sql("SELECT DISTINCT fixed_by, fixed_note, fixed_at IS NOT NULL FROM web_finding WHERE site_id=%d" % sid) == \
        [["cs_admin", "已删除广告，后台限制校内访问", "1"]]
    # round 2 passes
    r = web_check(sid, "passed", note="复查通过")
    assert r.status == 303, r
    assert state(sid) == "passed"
    assert sql("SELECT round, result FROM web_check WHERE site_id=%d ORDER BY round" % sid) == \
        [["1", "failed"], ["2", "passed"]]
    # both rounds on the page, with the first round's items and findings kept
    html = get("/websites/%d" % sid, "office").text
    assert "首页有商业广告链接" in html and "后台管理入口公开" in html and "复查通过" in html
    st, x = page("/websites/%d" % sid, "office")
    rounds = x.findall("./data/checks/check")
    assert [(c.get("round"), c.get("result")) for c in rounds] == [("1", "failed"), ("2", "passed")]
    assert len(rounds[0].findall("finding")) == 2 and rounds[0].find("finding").get("fixed-by") == "cs_admin"
    assert len(rounds[1].findall("item")) == active_items()
    # then the base's opening takes it online
    r = step(sid, "open", "center", opinion="同意开通", ip="10.20.99.%d" % (sid % 250 + 1), exposed="1",
             svc_https="1", open_date=today().isoformat())
    assert r.status == 303, r
    assert state(sid) == "online"
    steps = sql("SELECT from_state, to_state, login FROM web_site_step WHERE site_id=%d ORDER BY id" % sid)
    assert [s[:2] for s in steps[-4:]] == [["approved", "rectifying"], ["rectifying", "recheck"],
                                          ["recheck", "passed"], ["passed", "online"]]
    assert steps[-3][2] == "cs_admin"
    acts = [a[0] for a in sql("SELECT action FROM audit WHERE module='websites' AND record_type='website'"
                              " AND record_id=%d ORDER BY id" % sid)]
    assert acts.count("check") == 2 and acts.count("recheck") == 1


def test_the_check_waits_for_the_website_letter():
    letter()
    cs = unit_id("C-CS")
    sid = approved(dom("gate"))
    f = web_check_fill(web_check_form(sid), "passed")
    ver = one("SELECT version FROM web_site WHERE id=%d" % sid)
    # the unit's letter withdrawn (as a new signing would supersede it), then given back
    held = [r[0] for r in sql("SELECT id FROM pledge_signing WHERE kind='website' AND party_type='unit'"
                              " AND party_id=%d AND is_current=1" % cs)]
    assert held
    sql("UPDATE pledge_signing SET is_current=0 WHERE id IN (%s)" % ",".join(held))
    try:
        st, x = page("/websites/%d" % sid, "center")
        assert x.find("./data/gate").get("unit-id") == str(cs)
        r = post_xml("/websites/%d/check" % sid, f, "center")
        assert r.status == 422, r
        assert "web_gate" in [m.get("code") for m in r.xml().findall("./messages/msg")]
        assert r.xml().find("./data/gate") is not None
        nothing_saved(sid, ver)
        html = post("/websites/%d/check" % sid, f, "center").text
        assert "/pledges/sign?kind=website&amp;unit=%d" % cs in html
        nothing_saved(sid, ver)
    finally:
        sql("UPDATE pledge_signing SET is_current=1 WHERE id IN (%s)" % ",".join(held))
    assert post_xml("/websites/%d/check" % sid, f, "center").status == 303
    assert state(sid) == "passed"


def test_bad_input_is_422_with_its_message_and_saves_nothing():
    letter()
    sid = approved(dom("bad"))
    ver = one("SELECT version FROM web_site WHERE id=%d" % sid)
    ads = one("SELECT id FROM web_check_item WHERE code='no_ads'")
    past = (today() - datetime.timedelta(days=1)).isoformat()

    def case(result, fails=None, findings=(), drop=None):
        f = web_check_fill(web_check_form(sid), result, fails, findings, note="保留的说明")
        if drop:
            del f[drop]
        r = post_xml("/websites/%d/check" % sid, f, "center")
        assert r.status == 422, (result, fails, findings, drop, r.status)
        x = r.xml()
        assert x.find("./data/checking/form/field[@name='note']").text == "保留的说明"
        nothing_saved(sid, ver)
        return {e.get("name"): e.get("error") for e in x.findall("./data/checking/form/field") if e.get("error")}

    assert case("passed", drop="item" + ads) == {"item" + ads: "required"}
    assert case("failed", fails={"no_ads": ""}) == {"inote" + ads: "web_check_note"}
    assert case("failed", findings=[("high", "弱口令", past)]) == {"fix_by1": "web_fix_by_past"}
    assert case("passed", fails={"no_ads": "有广告"}) == {"item" + ads: "web_check_pass_failed",
                                                          "result": "web_check_pass_failed"}
    assert case("passed", findings=[("low", "小问题", week())]) == {"result": "web_check_pass_finding"}
    assert case("failed") == {"result": "web_check_nothing_failed"}
    assert case("failed", findings=[("high", "", week())]) == {"finding1": "required"}
    assert case("failed", findings=[("urgent", "弱口令", week())]).get("severity1")
    # the message in words on the page
    f = web_check_fill(web_check_form(sid), "failed", fails={"no_ads": ""})
    html = post("/websites/%d/check" % sid, f, "center").text
    assert "不符合的检查项须填写说明" in html
    nothing_saved(sid, ver)


def test_two_checks_at_once_one_lands_and_a_double_submit_checks_once():
    letter()
    sid = approved(dom("race"))
    f1 = web_check_fill(web_check_form(sid), "passed")
    f2 = web_check_fill(web_check_form(sid), "failed", findings=[("medium", "未修补漏洞", week())])
    assert f1["nonce"] != f2["nonce"] and f1["version"] == f2["version"]
    r1, r2 = at_once(lambda: post_xml("/websites/%d/check" % sid, f1, "center"),
                     lambda: post_xml("/websites/%d/check" % sid, f2, "center"))
    assert sorted([r1.status, r2.status]) == [303, 409], (r1.status, r2.status)
    assert checks(sid) == 1
    won = "passed" if r1.status == 303 else "rectifying"
    assert state(sid) == won
    assert one("SELECT COUNT(*) FROM web_site_step WHERE site_id=%d AND from_state='approved'" % sid) == "1"
    loser = r2 if r1.status == 303 else r1
    assert "conflict" in [m.get("code") for m in loser.xml().findall("./messages/msg")]
    # the winner's form sent again: the same check, not a second
    again = f1 if r1.status == 303 else f2
    assert post("/websites/%d/check" % sid, again, "center").status == 303
    assert checks(sid) == 1


def test_only_the_centre_checks_and_only_the_units_staff_ask_the_recheck():
    letter()
    sid = approved(dom("roles"))
    f = web_check_fill(web_check_form(sid), "failed", findings=[("high", "弱口令", week())])
    ver = one("SELECT version FROM web_site WHERE id=%d" % sid)
    for login in ("office", "cs_admin", "cs_head"):
        g = dict(f, csrf=page("/websites/%d" % sid, login)[1].findtext("./csrf"))
        before = denied(login, sid)
        assert post("/websites/%d/check" % sid, g, login).status == 403, login
        assert denied(login, sid) == before + 1, login
    g = dict(f, csrf=page("/websites/", "me_admin")[1].findtext("./csrf"))
    assert post("/websites/%d/check" % sid, g, "me_admin").status == 403
    nothing_saved(sid, ver)
    assert post_xml("/websites/%d/check" % sid, f, "center").status == 303
    assert state(sid) == "rectifying"
    ver = one("SELECT version FROM web_site WHERE id=%d" % sid)
    # another unit's staff, the centre, the office: not theirs to ask
    for login in ("me_admin", "center", "office"):
        x = page("/websites/", login)[1]
        before = denied(login, sid)
        r = post("/websites/%d/recheck" % sid, {"version": ver, "note": "越权", "csrf": x.findtext("./csrf")}, login)
        assert r.status == 403, login
        assert denied(login, sid) == before + 1, login
    assert state(sid) == "rectifying"
    assert one("SELECT COUNT(*) FROM web_finding WHERE site_id=%d AND fixed_at IS NOT NULL" % sid) == "0"
    # a stale version: 409
    x = page("/websites/%d" % sid, "cs_admin")[1]
    r = post_xml("/websites/%d/recheck" % sid, {"version": str(int(ver) - 1), "note": "已整改",
                                                 "csrf": x.findtext("./csrf")}, "cs_admin")
    assert r.status == 409 and state(sid) == "rectifying"


def test_the_checklist_page_adds_and_retires_items_and_old_checks_keep_them():
    assert get("/websites/checklist", "cs_admin").status == 403
    assert get("/websites/checklist", "office").status == 200
    st, x = page("/websites/checklist", "center")
    assert st == 200
    assert len(x.findall("./data/checklist/item")) >= 9
    name = "网站备案信息已公示 %s" % uuid.uuid4().hex[:6]
    f = form("/websites/checklist", "center")
    f.update({"name": name, "name_en": "Filing number shown " + name[-6:], "sort": "95"})
    assert post("/websites/checklist", f, "center").status == 303
    item = one("SELECT id FROM web_check_item WHERE name='%s'" % name)
    assert one("SELECT code FROM web_check_item WHERE id=%s" % item) == "item" + item
    assert one("SELECT action FROM audit WHERE record_type='web_check_item' AND record_id=%s" % item) == "create"
    # the same name again: 422, one row
    g = form("/websites/checklist", "office")
    g.update({"name": name, "name_en": "again", "sort": ""})
    r = post_xml("/websites/checklist", g, "office")
    assert r.status == 422 and r.xml().find("./data/form/field[@name='name']").get("error") == "web_item_dup"
    assert one("SELECT COUNT(*) FROM web_check_item WHERE name='%s'" % name) == "1"
    # the next check asks it
    letter()
    sid = approved(dom("cat"))
    assert "item" + item in web_check_form(sid)
    assert web_check(sid, "passed").status == 303
    assert one("SELECT result FROM web_check_result WHERE item_id=%s" % item) == "pass"
    # retired: the next check no longer asks it; the old check keeps it
    st, x = page("/websites/checklist", "center")
    ver = x.find("./data/checklist/item[@id='%s']" % item).get("version")
    assert x.find("./data/checklist/item[@id='%s']" % item).get("used") == "1"
    r = post("/websites/checklist/%s" % item, {"action": "retire", "version": ver, "csrf": x.findtext("./csrf")}, "center")
    assert r.status == 303
    assert one("SELECT active FROM web_check_item WHERE id=%s" % item) == "0"
    r = post_xml("/websites/checklist/%s" % item, {"action": "retire", "version": ver, "csrf": x.findtext("./csrf")},
                 "center")
    assert r.status == 409
    sid2 = approved(dom("cat2"))
    assert "item" + item not in web_check_form(sid2)
    st, x = page("/websites/%d" % sid, "center")
    assert item_named(x, name)
    assert one("SELECT COUNT(*) FROM web_check_item WHERE id=%s" % item) == "1"
    # restored, asked again
    st, x = page("/websites/checklist", "office")
    ver = x.find("./data/checklist/item[@id='%s']" % item).get("version")
    r = post("/websites/checklist/%s" % item, {"action": "restore", "version": ver, "csrf": x.findtext("./csrf")}, "office")
    assert r.status == 303 and "item" + item in web_check_form(sid2)


def item_named(x, name):
    return any(i.findtext("name") == name for i in x.findall("./data/checks/check/item"))


def test_the_lists_of_failing_checks_and_of_findings_past_fix_by():
    letter()
    failing = approved(dom("fail"))
    assert web_check(failing, "failed", findings=[("critical", "网站被挂马", week())]).status == 303
    asked = approved(dom("asked"))
    assert web_check(asked, "failed", fails={"no_bbs": "开设了论坛"}).status == 303
    x = page("/websites/%d" % asked, "cs_admin")[1]
    assert post("/websites/%d/recheck" % asked, {"version": x.find("./data/site").get("version"), "note": "论坛已关闭",
                                                  "csrf": x.findtext("./csrf")}, "cs_admin").status == 303
    ok = approved(dom("ok"))
    web_passed(ok)
    st, x = page("/websites/?failing=1", "office")
    rows = {s.get("id"): s.get("state") for s in x.findall("./data/sites/site")}
    assert rows.get(str(failing)) == "rectifying" and rows.get(str(asked)) == "recheck"
    assert str(ok) not in rows and set(rows.values()) <= {"rectifying", "recheck"}
    ids = [int(s.get("id")) for s in x.findall("./data/sites/site")]
    assert ids == sorted(ids, reverse=True)
    st, x = page("/websites/?failing=1", "me_admin")
    assert all(s.get("unit-code") == "C-ME" for s in x.findall("./data/sites/site"))
    # a finding past its fix-by (the date placed in the data): listed, oldest first, marked on the page
    fid = int(one("SELECT id FROM web_finding WHERE site_id=%d" % failing))
    sql("UPDATE web_finding SET fix_by = CURDATE() - INTERVAL 400 DAY WHERE id=%d" % fid)
    st, x = page("/websites/?overdue=1", "office")
    assert st == 200
    got = x.findall("./data/findings/finding")
    assert got and got[0].get("id") == str(fid) and got[0].get("site") == str(failing)
    dates = [(g.get("fix-by"), int(g.get("id"))) for g in got]
    assert dates == sorted(dates)
    assert str(fid) in [g.get("id") for g in page("/websites/?overdue=1", "cs_admin")[1].findall("./data/findings/finding")]
    st, x = page("/websites/?overdue=1", "me_admin")
    assert str(fid) not in [g.get("id") for g in x.findall("./data/findings/finding")]
    assert all(g.get("unit-code") == "C-ME" for g in x.findall("./data/findings/finding"))
    st, x = page("/websites/%d" % failing, "cs_admin")
    assert x.find("./data/checks/check/finding[@id='%d']" % fid).get("overdue") == "1"
    assert "已逾整改期限" in get("/websites/%d" % failing, "cs_admin").text
    # one not yet due is not listed
    assert all(g.get("fix-by") < today().isoformat() for g in got)
    # more than a page: 50 rows and a cursor that carries on along (fix_by, id)
    check = one("SELECT check_id FROM web_finding WHERE id=%d" % fid)
    cs = unit_id("C-CS")
    sql("INSERT INTO web_finding (check_id, site_id, unit_id, severity, description, fix_by) VALUES " +
        ",".join("(%s, %d, %d, 'low', 'p%d', CURDATE() - INTERVAL %d DAY)" % (check, failing, cs, i, 300 - i % 5)
                 for i in range(55)))
    st, x = page("/websites/?overdue=1", "office")
    rows = x.findall("./data/findings/finding")
    n = x.find("./data/findings")
    assert len(rows) == 50 and n.get("next") == rows[-1].get("id") and n.get("next-at") == rows[-1].get("fix-by")
    st, y = page("/websites/?overdue=1&at=%s&after=%s" % (n.get("next-at"), n.get("next")), "office")
    more = y.findall("./data/findings/finding")
    key = lambda g: (g.get("fix-by"), int(g.get("id")))
    assert more and key(more[0]) > key(rows[-1])
    assert not {g.get("id") for g in rows} & {g.get("id") for g in more}
    assert get("/websites/?overdue=1&at=nonsense", "office").status == 400
    # fixed: no longer listed
    sql("UPDATE web_finding SET fixed_at=NOW(), fixed_by='t' WHERE id=%d" % fid)
    assert str(fid) not in [g.get("id") for g in page("/websites/?overdue=1", "office")[1].findall("./data/findings/finding")]
