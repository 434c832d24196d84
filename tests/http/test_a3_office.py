"""The office's management pages (modules/office): units — search, create,
rename, parent (cycles refused), close with history kept and reopen;
accounts — create, change, disable/enable, password reset (typed or
generated, stored as argon2id and never audited in clear), the SSO name
unique.  Every write is audited with before/after, checks the version (409)
and refuses bad input with 422 and nothing changed; a create's double
submit makes one record; only the office writes, unit staff get 403."""
import ctypes, ctypes.util, json, time, uuid
from lib import forget, form, get, one, page, post, session, sql, unit_id


def tag():
    return uuid.uuid4().hex[:6].upper()


def audits(record, rid, action):
    return sql("SELECT login, before_data, after_data FROM audit WHERE module='office' AND record_type='%s'"
               " AND record_id=%d AND action='%s' ORDER BY id" % (record, rid, action))


def new_unit(code, name, parent="", kind="college"):
    f = form("/office/units")
    f.update({"code": code, "name": name, "name_en": "Unit " + code, "kind": kind, "parent": parent})
    r = post("/office/units", f)
    assert r.status == 303, r
    return int(one("SELECT id FROM unit WHERE code='%s'" % code))


def unit_form(uid):
    return form("/office/units/%d" % uid)


# --- roles --------------------------------------------------------------------

def test_only_the_office_opens_the_management_pages():
    uid = unit_id("C-CS")
    aid = int(one("SELECT id FROM account WHERE login='cs_admin'"))
    for path in ("/office/", "/office/units", "/office/units/%d" % uid, "/office/accounts",
                 "/office/accounts/%d" % aid):
        assert get(path, "office").status == 200, path
        for who in ("cs_admin", "cs_head", "center", "leader", "auditor"):
            assert get(path, who).status == 403, (path, who)
    # a staff POST with a valid token of its own is refused by role, and nothing changes
    st, x = page("/registration/", "cs_admin")
    ver = one("SELECT version FROM unit WHERE id=%d" % uid)
    r = post("/office/units/%d" % uid, {"csrf": x.findtext("./csrf"), "name": "被改名", "kind": "college",
                                        "version": ver}, "cs_admin")
    assert r.status == 403
    assert one("SELECT version FROM unit WHERE id=%d" % uid) == ver
    assert one("SELECT name FROM unit WHERE id=%d" % uid) != "被改名"


def test_a_post_without_the_csrf_token_is_refused():
    f = form("/office/units")
    f.update({"code": "X-" + tag(), "name": "无令牌", "kind": "college"})
    del f["csrf"]
    assert post("/office/units", f).status == 403
    assert one("SELECT COUNT(*) FROM unit WHERE name='无令牌'") == "0"


# --- units --------------------------------------------------------------------

def test_units_list_searches_by_code_and_name_and_pages_by_code():
    st, x = page("/office/units?q=C-CS")
    assert st == 200
    found = x.findall("./data/units/unit")
    assert "C-CS" in [u.get("code") for u in found]
    assert all("C-CS" in u.get("code").upper() or "C-CS" in u.findtext("name").upper() for u in found)
    name = one("SELECT name FROM unit WHERE code='C-ME'")
    st, x = page("/office/units?q=" + urlq(name))
    assert "C-ME" in [u.get("code") for u in x.findall("./data/units/unit")]
    # every open unit, in code order, across pages of 50
    total = int(one("SELECT COUNT(*) FROM unit WHERE active=1"))
    seen, after = [], ""
    for _ in range(100):
        st, x = page("/office/units?after=" + after)
        assert st == 200
        seen += [u.get("code") for u in x.findall("./data/units/unit")]
        after = x.find("./data/units").get("next") or ""
        if not after:
            break
    assert len(seen) == total and len(set(seen)) == total
    assert get("/office/units?q=" + "x" * 65).status == 400


def urlq(s):
    import urllib.parse
    return urllib.parse.quote(s)


def test_a_unit_is_created_once_audited_and_a_double_submit_makes_one():
    code = "T-" + tag()
    f = form("/office/units")
    parent = str(unit_id("C-CS"))
    f.update({"code": code, "name": "测试学院" + code, "name_en": "Test " + code, "kind": "college",
              "parent": parent})
    r1 = post("/office/units", f)
    r2 = post("/office/units", f)
    assert r1.status == 303 and r2.status == 303, (r1, r2)
    assert r1.header("location") == r2.header("location")
    assert one("SELECT COUNT(*) FROM unit WHERE code='%s'" % code) == "1"
    row = sql("SELECT name, name_en, kind, parent_id, active, created_by FROM unit WHERE code='%s'" % code)[0]
    assert row == ["测试学院" + code, "Test " + code, "college", parent, "1", "office"]
    uid = unit_id(code)
    a = audits("unit", uid, "create")
    assert len(a) == 1 and a[0][0] == "office"
    assert json.loads(a[0][2])["code"] == code and json.loads(a[0][2])["parent"] == parent
    # it shows in the pickers of other modules' data: an active unit
    st, x = page("/office/units/%d" % uid)
    assert x.find("./data/unit").get("parent-code") == "C-CS"
    assert x.findtext("./data/unit/parent-name") == one("SELECT name FROM unit WHERE code='C-CS'")


def test_bad_unit_input_is_422_and_creates_nothing():
    n = one("SELECT COUNT(*) FROM unit")
    f = form("/office/units")
    for bad in ({"code": "有空 格", "name": "x", "kind": "college"},
                {"code": "B-" + tag(), "name": "", "kind": "college"},
                {"code": "B-" + tag(), "name": "x", "kind": "castle"},
                {"code": "B-" + tag(), "name": "y" * 129, "kind": "college"},
                {"code": "C-CS", "name": "重复代码", "kind": "college"},
                {"code": "B-" + tag(), "name": "x", "kind": "college", "parent": "999999"}):
        g = dict(f, **bad)
        r = get_xml_post("/office/units", g)
        assert r.status == 422, (bad, r)
    assert one("SELECT COUNT(*) FROM unit") == n
    r = get_xml_post("/office/units", dict(f, code="C-CS", name="重复代码", kind="college"))
    x = r.xml()
    assert x.find("./data/form/field[@name='code']").get("error") == "office_code_used"
    assert x.findtext("./data/form/field[@name='name']") == "重复代码"


def get_xml_post(path, f, login="office"):
    from lib import request
    return request("POST", path, login, body=f, headers={"Accept": "application/xml"})


def test_rename_is_audited_with_before_and_after_and_a_stale_version_is_409():
    code = "R-" + tag()
    uid = new_unit(code, "旧名称" + code)
    f = unit_form(uid)
    stale = dict(f)
    f.update({"name": "新名称" + code, "name_en": "Renamed"})
    r = post("/office/units/%d" % uid, f)
    assert r.status == 303 and "done=changed" in r.header("location")
    assert sql("SELECT name, name_en, version FROM unit WHERE id=%d" % uid) == [["新名称" + code, "Renamed", "2"]]
    a = audits("unit", uid, "change")
    assert len(a) == 1
    assert json.loads(a[0][1])["name"] == "旧名称" + code and json.loads(a[0][2])["name"] == "新名称" + code
    stale["name"] = "过期的修改"
    r = get_xml_post("/office/units/%d" % uid, stale)
    assert r.status == 409
    assert r.xml().find("./data").get("conflict") == "1"
    assert r.xml().findtext("./data/form/field[@name='name']") == "过期的修改"
    assert one("SELECT name FROM unit WHERE id=%d" % uid) == "新名称" + code
    assert len(audits("unit", uid, "change")) == 1


def test_a_parent_that_makes_a_cycle_is_refused():
    t = tag()
    a = new_unit("PA-" + t, "甲" + t)
    b = new_unit("PB-" + t, "乙" + t, parent=str(a))
    c = new_unit("PC-" + t, "丙" + t, parent=str(b))
    for parent in (a, c, b):
        if parent == b:
            continue
        f = unit_form(a)
        f["parent"] = str(parent)
        r = get_xml_post("/office/units/%d" % a, f)
        assert r.status == 422, (parent, r)
        assert r.xml().find("./data/form/field[@name='parent']").get("error") == "office_parent_cycle"
    assert one("SELECT parent_id IS NULL FROM unit WHERE id=%d" % a) == "1"
    # a legal move: c under a directly
    f = unit_form(c)
    f["parent"] = str(a)
    assert post("/office/units/%d" % c, f).status == 303
    assert one("SELECT parent_id FROM unit WHERE id=%d" % c) == str(a)


def test_closing_keeps_the_unit_hides_it_from_pickers_and_reopening_restores_it():
    t = tag()
    top = new_unit("CT-" + t, "撤销上级" + t)
    low = new_unit("CL-" + t, "撤销下级" + t, parent=str(top))
    # a unit with an open unit below cannot close
    f = unit_form(top)
    r = get_xml_post("/office/units/%d/close" % top, {"csrf": f["csrf"], "action": "close", "version": f["version"]})
    assert r.status == 422
    assert one("SELECT active FROM unit WHERE id=%d" % top) == "1"
    f = unit_form(low)
    r = post("/office/units/%d/close" % low, {"csrf": f["csrf"], "action": "close", "version": f["version"]})
    assert r.status == 303 and "done=closed" in r.header("location")
    row = sql("SELECT active, closed_at IS NOT NULL, closed_by FROM unit WHERE id=%d" % low)[0]
    assert row == ["0", "1", "office"]
    assert len(audits("unit", low, "close")) == 1
    # the row is still there, its page too; it leaves the list and the pickers
    assert get("/office/units/%d" % low).status == 200
    st, x = page("/office/units?q=CL-" + t)
    assert x.findall("./data/units/unit") == []
    assert str(low) not in [u.get("id") for u in x.findall("./data/pick/unit")]
    st, x = page("/office/units?closed=1&q=CL-" + t)
    assert [u.get("active") for u in x.findall("./data/units/unit")] == ["0"]
    st, x = page("/office/accounts")
    assert str(low) not in [u.get("id") for u in x.findall("./data/pick/unit")]
    # no new account in a closed unit, and no closed parent
    f = form("/office/accounts")
    f.update({"login": "cl" + t.lower(), "name": "撤销单位的人", "role": "unit_staff", "unit": str(low)})
    r = get_xml_post("/office/accounts", f)
    assert r.status == 422
    assert r.xml().find("./data/form/field[@name='unit']").get("error") == "office_unit_bad"
    g = form("/office/units")
    g.update({"code": "CX-" + t, "name": "x", "kind": "college", "parent": str(low)})
    assert get_xml_post("/office/units", g).status == 422
    # closing twice from the same version: 409
    r = get_xml_post("/office/units/%d/close" % low, {"csrf": f["csrf"], "action": "close", "version": "2"})
    assert r.status == 409
    # reopen
    f = unit_form(low)
    r = post("/office/units/%d/close" % low, {"csrf": f["csrf"], "action": "reopen", "version": f["version"]})
    assert r.status == 303
    assert sql("SELECT active, closed_at IS NULL, closed_by IS NULL FROM unit WHERE id=%d" % low) == [["1", "1", "1"]]
    assert len(audits("unit", low, "reopen")) == 1


# --- accounts -----------------------------------------------------------------

def sodium():
    lib = ctypes.CDLL(ctypes.util.find_library("sodium") or "libsodium.so.23")
    assert lib.sodium_init() >= 0
    return lib


def verify(stored, pw):
    lib = sodium()
    s, p = stored.encode(), pw.encode()
    return lib.crypto_pwhash_str_verify(ctypes.c_char_p(s), ctypes.c_char_p(p), ctypes.c_ulonglong(len(p))) == 0


def new_account(login, unit="C-CS", role="unit_staff", sso=""):
    f = form("/office/accounts")
    f.update({"login": login, "name": "测试用户" + login, "role": role, "unit": str(unit_id(unit)), "sso_name": sso})
    r = post("/office/accounts", f)
    assert r.status == 303, r
    return int(one("SELECT id FROM account WHERE login='%s'" % login))


def test_an_account_is_created_once_with_its_role_unit_and_sso_name():
    login = "t" + tag().lower()
    f = form("/office/accounts")
    f.update({"login": login, "name": "张测试", "role": "unit_head", "unit": str(unit_id("C-ME")),
              "sso_name": "sso-" + login})
    r1, r2 = post("/office/accounts", f), post("/office/accounts", f)
    assert r1.status == 303 and r2.status == 303 and r1.header("location") == r2.header("location")
    rows = sql("SELECT name, role, unit_id, sso_name, active, password_hash IS NULL FROM account WHERE login='%s'"
               % login)
    assert rows == [["张测试", "unit_head", str(unit_id("C-ME")), "sso-" + login, "1", "1"]]
    aid = int(one("SELECT id FROM account WHERE login='%s'" % login))
    assert json.loads(audits("account", aid, "create")[0][2])["role"] == "unit_head"
    st, x = page("/office/accounts?q=" + login)
    assert [a.get("login") for a in x.findall("./data/accounts/account")] == [login]
    st, x = page("/office/accounts?role=auditor")
    assert {a.get("role") for a in x.findall("./data/accounts/account")} == {"auditor"}
    assert get("/office/accounts?role=king").status == 400


def test_bad_account_input_is_422_and_the_sso_name_maps_to_one_account():
    t = tag().lower()
    a = new_account("s" + t, sso="campus-" + t)
    n = one("SELECT COUNT(*) FROM account")
    f = form("/office/accounts")
    for bad, field, code in (({"login": "office"}, "login", "office_login_used"),
                             ({"login": "b" + t, "sso_name": "campus-" + t}, "sso_name", "office_sso_used"),
                             ({"login": "含 空格"}, "login", None),
                             ({"login": "c" + t, "role": "root"}, "role", None),
                             ({"login": "d" + t, "unit": "999999"}, "unit", "office_unit_bad")):
        g = dict(f, name="某人", role="unit_staff", unit=str(unit_id("C-CS")))
        g.update(bad)
        r = get_xml_post("/office/accounts", g)
        assert r.status == 422, (bad, r)
        e = r.xml().find("./data/form/field[@name='%s']" % field).get("error")
        assert e and (code is None or e == code), (bad, e)
    assert one("SELECT COUNT(*) FROM account") == n
    # changing another account to the same SSO name: 422, unchanged
    b = new_account("e" + t)
    g = form("/office/accounts/%d" % b)
    g["sso_name"] = "campus-" + t
    r = get_xml_post("/office/accounts/%d" % b, g)
    assert r.status == 422
    assert one("SELECT sso_name IS NULL FROM account WHERE id=%d" % b) == "1"
    assert a != b


def test_role_and_unit_change_is_audited_takes_effect_and_a_stale_version_is_409():
    login = "r" + tag().lower()
    aid = new_account(login)
    f = form("/office/accounts/%d" % aid)
    stale = dict(f)
    f.update({"role": "unit_head", "unit": str(unit_id("C-ME"))})
    assert post("/office/accounts/%d" % aid, f).status == 303
    assert sql("SELECT role, unit_id FROM account WHERE id=%d" % aid) == [["unit_head", str(unit_id("C-ME"))]]
    a = audits("account", aid, "change")
    assert json.loads(a[0][1])["role"] == "unit_staff" and json.loads(a[0][2])["role"] == "unit_head"
    stale["name"] = "过期"
    r = get_xml_post("/office/accounts/%d" % aid, stale)
    assert r.status == 409
    assert one("SELECT name FROM account WHERE id=%d" % aid) != "过期"


def test_the_office_cannot_disable_itself_or_change_its_own_role():
    me = int(one("SELECT id FROM account WHERE login='office'"))
    f = form("/office/accounts/%d" % me)
    r = get_xml_post("/office/accounts/%d/active" % me, {"csrf": f["csrf"], "action": "disable",
                                                         "version": f["version"]})
    assert r.status == 422
    g = dict(f, role="unit_staff")
    r = get_xml_post("/office/accounts/%d" % me, g)
    assert r.status == 422
    assert sql("SELECT active, role FROM account WHERE id=%d" % me) == [["1", "office"]]


def test_disable_and_enable_an_account():
    t = tag().lower()
    aid = new_account("x" + t)
    f = form("/office/accounts/%d" % aid)
    r = post("/office/accounts/%d/active" % aid, {"csrf": f["csrf"], "action": "disable", "version": f["version"]})
    assert r.status == 303
    assert one("SELECT active FROM account WHERE id=%d" % aid) == "0"
    assert len(audits("account", aid, "disable")) == 1
    # a second disable from the same page: 409
    r = get_xml_post("/office/accounts/%d/active" % aid, {"csrf": f["csrf"], "action": "disable",
                                                          "version": f["version"]})
    assert r.status == 409
    f = form("/office/accounts/%d" % aid)
    assert post("/office/accounts/%d/active" % aid, {"csrf": f["csrf"], "action": "enable",
                                                    "version": f["version"]}).status == 303
    assert one("SELECT active FROM account WHERE id=%d" % aid) == "1"


def test_a_disabled_demo_account_is_refused_within_the_cache_time():
    """Disabling ends the account's sessions at once (a re-enable brings no old
    cookie back) and refuses its sign-in; on a Basic stack the workers' account
    cache lets it in for at most its time, then 403."""
    from lib import account_cache_seconds, AUTH_SESSION, sign_in, _send
    aid = int(one("SELECT id FROM account WHERE login='me_admin'"))
    assert get("/registration/", "me_admin").status == 200
    old = session("me_admin") if AUTH_SESSION else None
    f = form("/office/accounts/%d" % aid)
    assert post("/office/accounts/%d/active" % aid, {"csrf": f["csrf"], "action": "disable",
                                                    "version": f["version"]}).status == 303
    try:
        if AUTH_SESSION:
            assert one("SELECT COUNT(*) FROM login_session WHERE account_id=%d" % aid) == "0"
            r = _send("GET", "/registration/", headers={"Cookie": "wangan_session=" + old})
            assert r.status == 302 and "/login?next=" in r.header("location"), r
            r, tok = sign_in("me_admin")
            assert tok is None and r.status != 303, r
        else:
            time.sleep(account_cache_seconds() + 0.5)
            assert get("/registration/", "me_admin").status == 403
    finally:
        f = form("/office/accounts/%d" % aid)
        post("/office/accounts/%d/active" % aid, {"csrf": f["csrf"], "action": "enable", "version": f["version"]})
        forget("me_admin")
    assert one("SELECT active FROM account WHERE id=%d" % aid) == "1"
    if AUTH_SESSION:
        # enabled again, the old cookie stays dead; a new sign-in works
        r = _send("GET", "/registration/", headers={"Cookie": "wangan_session=" + old})
        assert r.status == 302, r
    assert get("/registration/", "me_admin").status == 200


def test_a_typed_password_is_stored_as_argon2id_and_never_audited():
    aid = new_account("p" + tag().lower())
    pw = "Korrekt-Pferd-" + tag()
    f = form("/office/accounts/%d" % aid)
    r = get_xml_post("/office/accounts/%d/password" % aid, {"csrf": f["csrf"], "mode": "set", "password": "short",
                                                            "version": f["version"]})
    assert r.status == 422
    assert one("SELECT password_hash IS NULL FROM account WHERE id=%d" % aid) == "1"
    r = post("/office/accounts/%d/password" % aid, {"csrf": f["csrf"], "mode": "set", "password": pw,
                                                   "version": f["version"]})
    assert r.status == 303
    h = one("SELECT password_hash FROM account WHERE id=%d" % aid)
    assert h.startswith("$argon2id$")
    assert verify(h, pw) and not verify(h, pw + "x")
    assert one("SELECT password_set_at IS NOT NULL FROM account WHERE id=%d" % aid) == "1"
    a = audits("account", aid, "password")
    assert len(a) == 1 and pw not in a[0][1] + a[0][2] and h not in a[0][2]
    assert one("SELECT COUNT(*) FROM audit WHERE after_data LIKE '%%%s%%' OR before_data LIKE '%%%s%%'"
               % (pw, pw)) == "0"


def test_a_generated_password_is_shown_once_and_its_argon2id_hash_verifies():
    aid = new_account("g" + tag().lower())
    f = form("/office/accounts/%d" % aid)
    r = get_xml_post("/office/accounts/%d/password" % aid, {"csrf": f["csrf"], "mode": "generate", "password": "",
                                                            "version": f["version"]})
    assert r.status == 200, r
    shown = r.xml().find("./data/password").get("shown")
    assert shown and len(shown) >= 16
    h = one("SELECT password_hash FROM account WHERE id=%d" % aid)
    assert verify(h, shown)
    # the page does not show it again
    st, x = page("/office/accounts/%d" % aid)
    assert x.find("./data/password").get("shown") is None
    a = audits("account", aid, "password")
    assert json.loads(a[0][2]) == {"password": "generated"}
    # two generations differ
    f = form("/office/accounts/%d" % aid)
    r = get_xml_post("/office/accounts/%d/password" % aid, {"csrf": f["csrf"], "mode": "generate", "password": "",
                                                            "version": f["version"]})
    assert r.xml().find("./data/password").get("shown") != shown


# --- site settings ------------------------------------------------------------

CHECK_SECONDS = 5	# core/setting.h SETTING_CHECK_SECONDS


def setting_form(key):
    st, x = page("/office/settings")
    assert st == 200
    s = x.find("./data/settings/setting[@key='%s']" % key)
    assert s is not None, key
    return {"csrf": x.findtext("./csrf"), "key": key, "version": s.get("version")}, s


def report_days():
    st, x = page("/registration/", "cs_admin")
    return int(x.find("./data/roles").get("report-days"))


def nav(login="cs_admin"):
    st, x = page("/registration/", login)
    return [i.get("module") for i in x.findall("./nav/item")]


def steady(pred, seconds):
    """pred holds on several requests in a row within seconds; then the rest of SETTING_CHECK_SECONDS
    is waited out, since a few requests may all meet the same worker: a worker that served none of
    them reloads on its first request after that, so the next test meets no stale one."""
    from lib import wait_for
    t0 = time.time()
    ok = wait_for(lambda: all(pred() for _ in range(4)), seconds, 0.25)
    rest = CHECK_SECONDS + 1 - (time.time() - t0)
    if rest > 0:
        time.sleep(rest)
    return ok


def test_settings_are_the_offices_only():
    assert get("/office/settings").status == 200
    for who in ("cs_admin", "cs_head", "leader", "auditor", "center"):
        assert get("/office/settings", who).status == 403


def test_bad_setting_values_are_422_and_store_nothing():
    n = one("SELECT COUNT(*) FROM site_setting")
    audit_n = one("SELECT COUNT(*) FROM audit WHERE record_type='site_setting'")
    for key, value in (("registration.report_days", "0"), ("registration.report_days", "61"),
                       ("registration.report_days", "5x"), ("registration.report_days", ""),
                       ("registration.report_days", "-3"), ("modules", "registration nosuch"),
                       ("modules", "registration registration"), ("modules", " , ")):
        f, s = setting_form(key)
        f.update({"value": value, "action": "save"})
        r = get_xml_post("/office/settings", f)
        assert r.status == 422, (key, value, r)
        assert r.xml().find("./data/form/field[@name='value']").get("error"), (key, value)
        assert r.xml().findtext("./data/form/field[@name='value']") == value.strip()
    # an unknown key is a bad request
    f, s = setting_form("modules")
    f.update({"key": "db_password", "value": "x", "action": "save"})
    assert post("/office/settings", f).status == 400
    assert one("SELECT COUNT(*) FROM site_setting") == n
    assert one("SELECT COUNT(*) FROM audit WHERE record_type='site_setting'") == audit_n


def test_a_deadline_change_applies_without_a_restart_within_the_check_time():
    conf = int(stack_default("registration.report_days", "5"))
    assert report_days() == conf
    new = conf + 2
    f, s = setting_form("registration.report_days")
    stale = dict(f)
    f.update({"value": str(new), "action": "save"})
    try:
        t0 = time.time()
        r = post("/office/settings", f)
        assert r.status == 303, r
        assert sql("SELECT value, updated_by FROM site_setting WHERE name='registration.report_days'") == \
            [[str(new), "office"]]
        a = sql("SELECT before_data, after_data FROM audit WHERE record_type='site_setting' AND action='change'"
                " ORDER BY id DESC LIMIT 1")[0]
        assert json.loads(a[0]) == {"name": "registration.report_days", "value": None}
        assert json.loads(a[1]) == {"name": "registration.report_days", "value": str(new)}
        assert steady(lambda: report_days() == new, CHECK_SECONDS + 3), report_days()
        assert time.time() - t0 <= CHECK_SECONDS + 3
        st, x = page("/office/settings")
        assert x.find("./data/settings/setting[@key='registration.report_days']").get("effective") == str(new)
        # the page it was saved from is stale now: 409, nothing changed
        stale.update({"value": "9", "action": "save"})
        r = get_xml_post("/office/settings", stale)
        assert r.status == 409
        assert one("SELECT value FROM site_setting WHERE name='registration.report_days'") == str(new)
    finally:
        f, s = setting_form("registration.report_days")
        f.update({"value": "", "action": "reset"})
        assert post("/office/settings", f).status == 303
    assert one("SELECT value IS NULL FROM site_setting WHERE name='registration.report_days'") == "1"
    assert steady(lambda: report_days() == conf, CHECK_SECONDS + 3)


def stack_default(key, d):
    from lib import stack_config
    return stack_config().get(key, d)


def test_the_enabled_modules_setting_changes_the_navigation_of_every_module():
    full = nav()
    assert "registration" in full and "office" in full and len(full) > 3
    f, s = setting_form("modules")
    assert s.get("default").split() == full
    f.update({"value": "office, registration,pledges", "action": "save"})
    try:
        assert post("/office/settings", f).status == 303
        assert one("SELECT value FROM site_setting WHERE name='modules'") == "office registration pledges"
        assert steady(lambda: nav() == ["office", "registration", "pledges"], CHECK_SECONDS + 3), nav()
        st, x = page("/office/units")
        assert [i.get("module") for i in x.findall("./nav/item")] == ["office", "registration", "pledges"]
    finally:
        f, s = setting_form("modules")
        f.update({"value": "", "action": "reset"})
        assert post("/office/settings", f).status == 303
    assert steady(lambda: nav() == full, CHECK_SECONDS + 3)


# --- the audit viewer ---------------------------------------------------------

def entries(path, login="office"):
    st, x = page(path, login)
    assert st == 200, (path, st)
    return x.findall("./data/entries/entry"), x


def test_the_audit_viewer_is_read_by_the_office_the_leaders_and_the_auditor_only():
    for who in ("office", "leader", "auditor"):
        assert get("/office/audit", who).status == 200, who
    for who in ("cs_admin", "cs_head", "center"):
        assert get("/office/audit", who).status == 403, who
    for bad in ("rid=abc&rtype=unit", "rid=5", "from=2024-13-01", "bat=yesterday&bid=3", "login=a%20b",
                "unit=x"):
        assert get("/office/audit?" + bad).status == 400, bad


def test_the_audit_viewer_shows_a_change_as_a_diff_and_filters_by_record_person_unit_and_date():
    code = "AU-" + tag()
    uid = new_unit(code, "审计前" + code)
    f = unit_form(uid)
    f["name"] = "审计后" + code
    assert post("/office/units/%d" % uid, f).status == 303
    rows, x = entries("/office/audit?rtype=unit&rid=%d" % uid, "auditor")
    assert [e.get("action") for e in rows] == ["change", "create"]
    ch = rows[0]
    assert ch.get("login") == "office" and ch.get("module") == "office"
    name = ch.find("./field[@name='name']")
    assert name.get("before") == "审计前" + code and name.get("after") == "审计后" + code
    assert name.get("changed") == "1"
    assert ch.find("./field[@name='code']").get("changed") == "0"
    assert rows[1].find("./field[@name='code']").get("after") == code
    # the HTML shows the diff too
    r = get("/office/audit?rtype=unit&rid=%d" % uid, "leader")
    assert "<del>审计前" + code + "</del>" in r.text and "<ins>审计后" + code + "</ins>" in r.text
    # person
    rows, x = entries("/office/audit?login=office")
    assert rows and {e.get("login") for e in rows} == {"office"}
    rows, x = entries("/office/audit?login=no_such_person_a3")
    assert rows == []
    # the person's unit
    office_unit = one("SELECT unit_id FROM account WHERE login='office'")
    rows, x = entries("/office/audit?unit=%s" % office_unit)
    assert rows and {e.get("unit") for e in rows} == {office_unit}
    # date range: today has the change, tomorrow nothing, up to yesterday not this one
    # (the site's today, from a page: the rows carry the site's time, whatever the test host's zone)
    import datetime
    from lib import today as site_today
    day = site_today()
    one_day = datetime.timedelta(days=1)
    rows, x = entries("/office/audit?rtype=unit&rid=%d&from=%s&to=%s" % (uid, day, day))
    assert len(rows) == 2
    rows, x = entries("/office/audit?rtype=unit&rid=%d&from=%s" % (uid, day + one_day))
    assert rows == []
    rows, x = entries("/office/audit?rtype=unit&rid=%d&to=%s" % (uid, day - one_day))
    assert rows == []


def test_the_audit_viewer_pages_by_at_and_id_and_each_filter_uses_its_index():
    rid = int(time.time() * 1000) % 1000000000
    # 120 rows of one record, several in the same second: the key (at, id) orders them
    sql("INSERT INTO audit (at, login, role, unit_id, module, record_type, record_id, action, before_data,"
        " after_data, request_id) SELECT NOW() - INTERVAL (seq DIV 3) SECOND, 'pager', 'office', NULL, 'office',"
        " 't_page', %d, CONCAT('n', seq), NULL, CONCAT('{\"n\":', seq, '}'), 'test' FROM seq_1_to_120" % rid)
    want = [r[0] for r in sql("SELECT id FROM audit WHERE record_type='t_page' AND record_id=%d"
                              " ORDER BY at DESC, id DESC" % rid)]
    assert len(want) == 120
    got, path, pages = [], "/office/audit?rtype=t_page&rid=%d" % rid, 0
    while path:
        rows, x = entries(path)
        got += [e.get("id") for e in rows]
        pages += 1
        nx = x.find("./data/entries")
        path = ("/office/audit?rtype=t_page&rid=%d&bat=%s&bid=%s" % (rid, urlq(nx.get("next-at")), nx.get("next-id"))
                if nx.get("next-at") else "")
    assert got == want and pages == 3
    # a big table: every filter's statement reads along its index, never sorting the rows
    n = int(one("SELECT COUNT(*) FROM audit"))
    if n < 50000:
        sql("INSERT INTO audit (at, login, role, unit_id, module, record_type, record_id, action, request_id)"
            " SELECT NOW() - INTERVAL seq MINUTE, CONCAT('bulk', seq MOD 50), 'unit_staff', 1 + seq MOD 14,"
            " 'bulk', 'bulk', seq, 'change', 'bulk' FROM seq_1_to_60000")
        sql("ANALYZE TABLE audit")
    tail = (" a.at >= '1000-01-01' AND a.at < '9998-12-31' + INTERVAL 1 DAY AND (a.at < '9999-12-31 23:59:59'"
            " OR (a.at = '9999-12-31 23:59:59' AND a.id < 99999999999)) AND (0 = 0 OR a.unit_id = 0) AND"
            " ('' = '' OR a.login = '') AND ('' = '' OR (a.record_type = '' AND a.record_id = 0))"
            " ORDER BY a.at DESC, a.id DESC LIMIT 51")
    for index, lead in (("audit_at", ""), ("audit_unit_at", " a.unit_id = 3 AND"),
                        ("audit_login", " a.login = 'bulk7' AND"),
                        ("audit_rec_at", " a.record_type = 'bulk' AND a.record_id = 77 AND")):
        q = ("EXPLAIN SELECT a.id FROM audit a FORCE INDEX (%s) LEFT JOIN unit u ON u.id = a.unit_id WHERE%s%s"
             % (index, lead, tail))
        plan = sql(q)[0]
        assert plan[5] == index, (index, plan)
        assert "filesort" not in plan[-1], (index, plan)
    t0 = time.time()
    rows, x = entries("/office/audit?login=bulk7")
    assert len(rows) == 50 and x.find("./data/entries").get("next-at")
    assert time.time() - t0 < 2


# --- the working-day calendar -------------------------------------------------

def multipart(fields, files):
    b = "----office" + uuid.uuid4().hex
    out = b""
    for k, v in fields.items():
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (b, k, v)).encode()
    for k, (fname, data) in files.items():
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\nContent-Type: text/csv"
                "\r\n\r\n" % (b, k, fname)).encode() + data + b"\r\n"
    out += ("--%s--\r\n" % b).encode()
    return out, "multipart/form-data; boundary=" + b


def cal_post(year, data, login="office"):
    from lib import request
    st, x = page("/office/calendar?year=%d" % year, "office")
    body, ctype = multipart({"csrf": x.findtext("./csrf"), "year": str(year), "action": "preview"},
                            {"csv": ("%d.csv" % year, data)})
    return request("POST", "/office/calendar", login, body=body,
                   headers={"Content-Type": ctype, "Accept": "application/xml"})


def year_rows(year):
    return sql("SELECT day, kind, name FROM calendar_day WHERE YEAR(day)=%d ORDER BY day" % year)


def test_the_calendar_shows_twelve_months_with_holidays_make_up_days_and_weekends():
    assert get("/office/calendar?year=2026", "cs_admin").status == 403
    assert get("/office/calendar?year=20x6").status == 400
    st, x = page("/office/calendar?year=2026")
    assert st == 200
    months = x.findall("./data/months/month")
    assert len(months) == 12
    days = {d.get("date"): d.get("kind") for d in x.iter("d") if d.get("date")}
    assert len(days) == 365
    stored = {r[0]: r[1] for r in year_rows(2026)}
    assert stored and all(days[d] == k for d, k in stored.items())
    # a Saturday or Sunday not in the table is a weekend; every week row has seven cells
    import datetime
    for d, k in days.items():
        if d not in stored:
            wk = datetime.date.fromisoformat(d).weekday() >= 5
            assert (k == "weekend") == wk, (d, k)
    assert all(len(w.findall("d")) == 7 for m in months for w in m.findall("week"))
    assert int(x.find("./data/calendar").get("holidays")) == sum(1 for k in stored.values() if k == "holiday")


def test_a_calendar_csv_with_bad_rows_loads_nothing_and_names_each_line():
    before = year_rows(2026)
    data = ("date,kind,name\n2026-01-01,holiday,元旦\n2026-02-30,holiday,不存在\n2025-12-31,holiday,去年\n"
            "2026-03-02,workday,周一调休\n2026-05-01,vacation,劳动节\n2026-01-01,holiday,重复\n"
            "2026-06-01\n").encode()
    r = cal_post(2026, data)
    assert r.status == 422, r
    errs = {(int(e.get("line")), e.get("reason")) for e in r.xml().findall("./data/errors/row")}
    assert errs == {(3, "date"), (4, "year"), (5, "weekday"), (6, "kind"), (7, "dup"), (8, "fields")}
    assert "第 3 行" in get_html_post_cal(2026, data)
    assert year_rows(2026) == before
    # a file naming no day is refused too
    r = cal_post(2026, b"date,kind,name\n")
    assert r.status == 422 and year_rows(2026) == before


def get_html_post_cal(year, data):
    from lib import request
    st, x = page("/office/calendar?year=%d" % year)
    body, ctype = multipart({"csrf": x.findtext("./csrf"), "year": str(year), "action": "preview"},
                            {"csv": ("c.csv", data)})
    return request("POST", "/office/calendar", "office", body=body, headers={"Content-Type": ctype}).text


def test_a_calendar_year_is_previewed_then_loaded_all_at_once_and_audited():
    year = 2031
    sql("DELETE FROM calendar_day WHERE YEAR(day)=%d" % year)
    sql("INSERT INTO calendar_day (day, kind, name) VALUES ('2031-01-01','holiday','元旦'),"
        " ('2031-12-25','holiday','待删除')")
    data = ("\ufeffdate,kind,name\r\n2031-01-01,holiday,元旦节\r\n2031-10-01,holiday,国庆节\r\n"
            "2031-10-11,workday,国庆调休上班\r\n").encode()
    r = cal_post(year, data)
    assert r.status == 200, r
    x = r.xml()
    pv = x.find("./data/preview")
    assert (pv.get("rows"), pv.get("adds"), pv.get("changes"), pv.get("removes")) == ("3", "2", "1", "1")
    what = {c.get("date"): c.get("what") for c in pv.findall("change")}
    assert what == {"2031-01-01": "change", "2031-10-01": "add", "2031-10-11": "add", "2031-12-25": "remove"}
    kinds = {d.get("date"): d.get("kind") for d in x.iter("d") if d.get("date")}
    assert kinds["2031-10-11"] == "workday" and kinds["2031-10-01"] == "holiday" and kinds["2031-12-25"] != "holiday"
    # the preview changed nothing
    assert len(year_rows(year)) == 2
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    f["csrf"] = x.findtext("./csrf")
    r = post("/office/calendar", f)
    assert r.status == 303 and "done=loaded" in r.header("location")
    assert year_rows(year) == [["2031-01-01", "holiday", "元旦节"], ["2031-10-01", "holiday", "国庆节"],
                               ["2031-10-11", "workday", "国庆调休上班"]]
    a = audits("calendar", year, "load")
    assert len(a) == 1
    assert json.loads(a[0][1]) == {"year": year, "holidays": 2, "workdays": 0}
    assert json.loads(a[0][2]) == {"year": year, "holidays": 2, "workdays": 1}
    # a tampered confirm (a bad row in the text) loads nothing
    f["csv_text"] = f["csv_text"] + "\n2031-13-01,holiday,x"
    st, x = page("/office/calendar?year=%d" % year)
    f["csrf"] = x.findtext("./csrf")
    assert get_xml_post("/office/calendar", f).status == 422
    assert len(year_rows(year)) == 3
    sql("DELETE FROM calendar_day WHERE YEAR(day)=%d" % year)


def reg_roles(login="cs_admin"):
    st, x = page("/registration/", login)
    return [r.get("code") for r in x.findall("./data/roles/role")]


def test_the_optional_roles_setting_applies_without_a_restart():
    full = reg_roles()
    conf = stack_default("registration.roles", "first,direct,secadmin").replace(" ", "").split(",")
    assert full == conf
    for bad in ("first,boss", "liaison,liaison", "first;direct"):
        f, s = setting_form("registration.roles")
        f.update({"value": bad, "action": "save"})
        assert get_xml_post("/office/settings", f).status == 422, bad
    f, s = setting_form("registration.roles")
    f.update({"value": "sysadmin", "action": "save"})
    try:
        assert post("/office/settings", f).status == 303
        # stored in registration's order, the three of seed 000 always kept
        assert one("SELECT value FROM site_setting WHERE name='registration.roles'") == "first,direct,secadmin,sysadmin"
        assert steady(lambda: reg_roles() == ["first", "direct", "secadmin", "sysadmin"], CHECK_SECONDS + 3), \
            reg_roles()
    finally:
        f, s = setting_form("registration.roles")
        f.update({"value": "", "action": "reset"})
        assert post("/office/settings", f).status == 303
    assert steady(lambda: reg_roles() == full, CHECK_SECONDS + 3)
