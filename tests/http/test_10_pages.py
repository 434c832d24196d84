"""Every page renders for every role; roles and units are enforced on reads;
languages; the page XML; request limits; unknown accounts."""
import os, subprocess
from lib import ACC, get, page, request, unit_id, one, STACK

ROLES_READ_ALL = {"office", "leader", "auditor"}


def test_every_page_for_every_role():
    cs, me = unit_id("C-CS"), unit_id("C-ME")
    for login, (pw, role, code) in ACC.items():
        own = unit_id(code)
        for path in ["/registration/", "/registration/%d" % own, "/registration/%d/print" % own,
                     "/registration/?missing=secadmin", "/registration/?late=1",
                     "/registration/%d?on=2025-01-01" % own]:
            r = get(path, login)
            assert r.status == 200, (login, path, r)
            assert r.header("content-type").startswith("text/html"), (login, path)
            assert "<html" in r.text and "</html>" in r.text, (login, path)
        r = get("/registration/%d/change?role=first" % own, login)
        assert r.status == (200 if role in ("unit_staff", "unit_head", "office") else 403), (login, r)
        r = get("/registration/export.xml", login)
        assert r.status == (200 if role in ROLES_READ_ALL else 403), (login, r.status)
        # reading another unit: only the roles that read all may
        other = me if own != me else cs
        r = get("/registration/%d" % other, login)
        assert r.status == (200 if role in ROLES_READ_ALL else 403), (login, r.status)


def test_list_shows_units_and_paginates_by_code():
    st, x = page("/registration/")
    assert st == 200
    codes = [u.get("code") for u in x.findall("./data/units/unit")]
    assert len(codes) == 14 and codes == sorted(codes), codes
    assert x.find("./data/units").get("next") is None       # 14 units fit one page
    # keyset: after the 5th code come the rest, in order
    st, x2 = page("/registration/?after=" + codes[4])
    assert [u.get("code") for u in x2.findall("./data/units/unit")] == codes[5:]
    assert x2.find("./data/units").get("prev") == codes[5]
    st, x3 = page("/registration/?before=" + codes[5])
    assert [u.get("code") for u in x3.findall("./data/units/unit")] == codes[:5]


def test_list_filters_missing_role_and_late():
    st, x = page("/registration/?missing=secadmin")
    got = {u.get("code") for u in x.findall("./data/units/unit")}
    want = set(one_col(
        "SELECT u.code FROM unit u WHERE NOT EXISTS (SELECT 1 FROM reg_holder h WHERE h.unit_id=u.id "
        "AND h.role='secadmin' AND h.is_current=1)"))
    assert got == want and got, (got, want)
    # the form shows the filter it applied, and only that one
    r = get("/registration/?missing=secadmin")
    assert r.text.count('<option value="secadmin" selected="selected">') == 1, r.text[:3000]
    assert r.text.count(' selected="selected"') == 1
    assert ' selected="selected"' not in get("/registration/").text
    st, x = page("/registration/?late=1")
    got = {u.get("code") for u in x.findall("./data/units/unit")}
    want = set(one_col("SELECT DISTINCT u.code FROM unit u JOIN reg_holder h ON h.unit_id=u.id WHERE h.late=1"))
    assert got == want and got, (got, want)


def one_col(q):
    from lib import sql
    return [r[0] for r in sql(q)]


def test_unit_staff_list_shows_only_own_unit():
    st, x = page("/registration/", "cs_admin")
    assert [u.get("code") for u in x.findall("./data/units/unit")] == ["C-CS"]


def test_unit_page_history_and_on_date():
    u = unit_id("C-CS")
    st, x = page("/registration/%d" % u)
    hist = x.findall("./data/history/holder")
    n = int(one("SELECT COUNT(*) FROM reg_holder WHERE unit_id=%d" % u))
    assert len(hist) == n and n >= 3
    cur = x.findall("./data/current/holder")
    assert len(cur) == int(one("SELECT COUNT(*) FROM reg_holder WHERE unit_id=%d AND is_current=1" % u))
    # who held 'first' on the day the current holder started: the current one
    eff = one("SELECT effective_date FROM reg_holder WHERE unit_id=%d AND role='first' AND is_current=1" % u)
    st, x = page("/registration/%d?on=%s" % (u, eff))
    firsts = [h for h in x.findall("./data/history/holder") if h.get("role") == "first"]
    assert len(firsts) == 1 and firsts[0].findtext("effective") == eff
    st, x = page("/registration/%d?on=2026-02-30" % u)
    assert st == 422


def test_languages():
    r = get("/registration/?lang=en")
    assert r.status == 200 and 'lang="en"' in r.text
    assert "wangan_lang=en" in (r.header("set-cookie") or "")
    r = get("/registration/", headers={"Cookie": "wangan_lang=en"})
    assert 'lang="en"' in r.text
    r = get("/registration/")
    assert 'lang="zh-CN"' in r.text
    # Chinese first (issue 13): the browser's language does not override the site's default
    r = get("/registration/", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert 'lang="zh-CN"' in r.text
    # the visible text differs: Chinese by default, English on request
    zh, en = get("/registration/").text, get("/registration/?lang=en").text
    assert zh != en


def test_page_xml_on_request():
    r = get("/registration/", headers={"Accept": "application/xml"})
    assert r.status == 200 and r.header("content-type").startswith("application/xml")
    x = r.xml()
    assert x.tag == "page" and x.get("view") == "registration/list" and x.findtext("csrf")
    # a browser's Accept lists application/xml later: it still gets HTML
    r = get("/registration/", headers={"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9"})
    assert r.header("content-type").startswith("text/html")


def as_sso_user(user, path, accept="text/html"):
    """(status, body) of a GET straight to the module's socket with REMOTE_USER
    = user, as nginx passes it once an auth_request (campus SSO) accepted a
    name: a name the platform may not know, which no session check can give."""
    import socket
    from test_45_limits import BEGIN, PARAMS, STDIN, ends, params, record, stdout
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(10)
    s.connect(os.path.join(STACK, "run", "registration.sock"))
    env = {"REQUEST_METHOD": "GET", "DOCUMENT_URI": path, "SCRIPT_NAME": path, "QUERY_STRING": "",
           "REMOTE_USER": user, "HTTP_ACCEPT": accept}
    s.sendall(record(BEGIN, b"\0\1\0\0\0\0\0\0") + record(PARAMS, params(env)) + record(PARAMS)
              + record(STDIN))
    data = b""
    while not ends(data):
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    head, _, body = stdout(data).partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def test_unknown_account_gets_clear_403():
    # a login nginx accepts but the platform does not know
    from lib import AUTH_SESSION
    if not AUTH_SESSION:
        with open(os.path.join(STACK, "htpasswd"), "a") as f:
            pw = subprocess.run(["openssl", "passwd", "-apr1", "ghostpw"], capture_output=True, text=True).stdout.strip()
            f.write("ghost:%s\n" % pw)
        r = request("GET", "/registration/", "ghost", password="ghostpw")
        assert r.status == 403 and "<html" in r.text
        r = request("GET", "/registration/", "ghost", password="ghostpw", headers={"Accept": "application/xml"})
        assert r.xml().find("./data").get("code") == "unknown_account"
        return
    # under session auth the session check only names known accounts; an SSO
    # gateway may assert any name: the module answers it with the clear 403
    st, body = as_sso_user("ghost", "/registration/")
    assert st == 403 and b"<html" in body, (st, body[:300])
    st, body = as_sso_user("ghost", "/registration/", "application/xml")
    import xml.etree.ElementTree as ET
    assert st == 403 and ET.fromstring(body).find("./data").get("code") == "unknown_account"
    # and a session cookie that is not one signs nobody in: the door sends a page to the form
    r = request("GET", "/registration/", None, headers={"Cookie": "wangan_session=" + "0" * 64})
    assert r.status == 302 and "/login?next=/registration/" in r.header("location"), r


def test_not_found_and_method():
    assert get("/registration/999999").status == 404
    assert get("/registration/nope").status == 404
    assert request("DELETE", "/registration/").status in (404, 405)
    assert request("POST", "/registration/", body={"a": "b"}).status == 405


def test_a_handler_that_gives_up_gets_the_error_page_not_its_half_built_view():
    # the list picks its view, then finds the paging key malformed: the answer
    # is the error page with its code, not an empty list page with status 400
    st, x = page("/registration/?after=%3Cscript%3E")
    assert st == 400
    assert x.get("view") == "core/error" and x.find("./data").get("code") == "bad_request", x.attrib
    r = get("/registration/?after=%3Cscript%3E")
    assert r.status == 400 and "<table" not in r.text


def test_request_limits():
    r = get("/registration/?q=" + "x" * 5000)
    assert r.status == 413, r
    r = get("/registration/?a=%zz")
    assert r.status == 400
    r = get("/registration/?a=%C0%AF")          # overlong UTF-8
    assert r.status == 400
    r = get("/registration/?" + "&".join("k%d=1" % i for i in range(80)))
    assert r.status == 400
    big = {"csrf": "x", "name": "y" * 70000}
    r = request("POST", "/registration/%d/change" % unit_id("C-CS"), body=big)
    assert r.status == 413


def test_security_headers():
    r = get("/registration/")
    assert r.header("x-frame-options") == "DENY"
    assert "default-src 'none'" in r.header("content-security-policy")
    assert r.header("x-request-id") and len(r.header("x-request-id")) == 16


def test_account_changes_take_effect_within_the_cache_ttl():
    # accounts are cached per worker for account_cache_seconds (the test
    # stack sets 1); an entry cached before the change is at most that old
    # once that many seconds have passed since it (time(NULL) has whole seconds)
    import time
    from lib import account_cache_seconds, sql, wait_for
    from lib import AUTH_SESSION
    ttl = account_cache_seconds()
    assert get("/registration/", "auditor").status == 200
    assert as_sso_user("auditor", "/registration/")[0] == 200
    changed = time.time()
    sql("UPDATE account SET active = 0 WHERE login = 'auditor'")
    try:
        if AUTH_SESSION:
            # the session check reads the account on every request: refused at once
            r = get("/registration/", "auditor")
            assert r.status == 302 and "/login?next=" in r.header("location"), r
        time.sleep(max(0.0, changed + ttl + 0.2 - time.time()))
        # the module's own account cache (what an SSO name meets) has let it go too
        assert [as_sso_user("auditor", "/registration/")[0] for _ in range(6)] == [403] * 6
        if not AUTH_SESSION:
            assert [get("/registration/", "auditor").status for _ in range(6)] == [403] * 6
    finally:
        sql("UPDATE account SET active = 1 WHERE login = 'auditor'")
    assert wait_for(lambda: get("/registration/", "auditor").status == 200, 10)


def test_list_rows_show_the_data_escaped():
    """The rows (r:for-each, core/rows.h) carry every unit of the page XML, and
    a holder's name with markup characters arrives as text, never as markup."""
    import html
    from lib import sql
    u = unit_id("C-CS")
    old = one("SELECT first_name FROM reg_summary WHERE unit_id = %d" % u)
    hostile = '<script>alert(1)</script>&"x'
    sql("UPDATE reg_summary SET first_name = '%s' WHERE unit_id = %d" % (hostile.replace("'", "''"), u))
    try:
        st, x = page("/registration/")
        r = get("/registration/")
        assert st == 200 and r.status == 200
        assert "<script>" not in r.text
        assert "<td>" + html.escape(hostile, quote=False) + "<small>" in r.text, r.text[:2000]
        for unit in x.findall("./data/units/unit"):
            row = '<tr><td>%s</td><th><a href="%s">%s</a></th>' % (
                unit.get("code"), unit.get("id"), html.escape(unit.findtext("name"), quote=False))
            assert row in r.text, row
            # a vacant required role is a gap (缺); a vacant optional one is "not set" (issue 13)
            missing = sum(1 for h in unit.findall("holder") if h.get("name") is None and h.get("required") == "1")
            notset = sum(1 for h in unit.findall("holder") if h.get("name") is None and h.get("required") == "0")
            cells = r.text.split(row, 1)[1].split("</tr>", 1)[0]
            assert cells.count('<strong class="gap">') == missing, (row, cells)
            assert cells.count('<span class="muted notset">') == notset, (row, cells)
            assert cells.count("<strong>") == (1 if unit.get("late") == "1" else 0), (row, cells)
    finally:
        sql("UPDATE reg_summary SET first_name = %s WHERE unit_id = %d" %
            ("NULL" if old in (None, "NULL") else "'%s'" % old.replace("'", "''"), u))
