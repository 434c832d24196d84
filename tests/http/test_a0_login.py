"""Signing in (modules/login): the form and its cookie, wrong passwords and
the slow-down, sign-out, the idle and absolute time-outs, the token rotated
at sign-in, the open redirect refused, CSRF on both posts, a disabled
account, and the session check nginx makes before every request.  Each test
signs in on its own (lib.sign_in), so the sessions lib keeps for the other
tests are not touched; times are moved through the database."""
import hashlib, os, socket, time
import xml.etree.ElementTree as ET
from lib import ACC, AUTH_SESSION, STACK, _send, request, sign_in
import lib

H = {"Accept": "application/xml"}
# The modules' sessions run in the site's zone (core worker.c); so do these
# statements (the tests run with TZ = the site's zone): NOW() is the same clock.
_off = time.strftime("%z")
SET_TZ = "SET time_zone = '%s:%s'; " % (_off[:3], _off[3:])


def sql(q):
    return lib.sql(SET_TZ + q)


def one(q):
    rows = sql(q)
    return rows[0][0] if rows else None


def sha(tok):
    return hashlib.sha256(tok.encode()).hexdigest()


def as_cookie(tok, path="/registration/", **kw):
    return _send("GET", path, headers=dict({"Cookie": "wangan_session=" + tok}, **kw.get("headers", {})))


def audits(login, action):
    return int(one("SELECT COUNT(*) FROM audit WHERE module = 'login' AND login = '%s' AND action = '%s'"
                   % (login, action)))


def account_id(login):
    return int(one("SELECT id FROM account WHERE login = '%s'" % login))


def form():
    """(pre-login cookie, token) of a fresh sign-in form."""
    f = _send("GET", "/login", headers=H)
    assert f.status == 200, f
    return f.cookie("wangan_pre"), f.xml().findtext("./csrf")


def post_login(login, pw, next_path="/", pre=None, csrf=None, cookie=""):
    if pre is None:
        pre, csrf = form()
    c = "wangan_pre=" + pre + ("; " + cookie if cookie else "")
    return _send("POST", "/login", {"login": login, "password": pw, "csrf": csrf or "", "next": next_path},
                 {"Cookie": c, "Accept": "application/xml"})


def test_the_door_sends_a_signed_out_page_to_the_form():
    assert AUTH_SESSION, "the test stack runs with WANGAN_AUTH=session"
    r = request("GET", "/systems/?kind=app", None)
    assert r.status == 302 and r.header("location").endswith("/login?next=/systems/?kind=app"), r
    # a form post gets the 401 page instead: a redirect would lose what was sent
    r = request("POST", "/systems/new", None, body={"name": "x"})
    assert r.status == 401 and "请先登录" in r.text and "Please sign in" in r.text, r
    # the form itself, and the pages around it, need no session
    f = request("GET", "/login", None)
    assert f.status == 200 and 'name="password"' in f.text and 'type="password"' in f.text
    assert 'action="/login"' in f.text


def test_form_sign_in_sets_the_cookie_and_its_flags():
    f = _send("GET", "/login")
    pre = f.cookies()["wangan_pre"]
    assert "HttpOnly" in pre and "SameSite=Lax" in pre and "Path=/" in pre and "Secure" not in pre, pre
    before = audits("cs_admin", "login")
    r, tok = sign_in("cs_admin", next_path="/pledges/")
    assert r.status == 303 and r.header("location") == "/pledges/", r
    flags = [p.strip() for p in r.cookies()["wangan_session"].split(";")]
    assert flags[0] == "wangan_session=" + tok and len(tok) == 64
    assert {"Path=/", "HttpOnly", "SameSite=Lax"} <= set(flags) and "Secure" not in flags, flags
    # only the token's hash is kept, for the right account
    assert one("SELECT account_id FROM login_session WHERE token_hash = '%s'" % sha(tok)) == str(account_id("cs_admin"))
    assert one("SELECT COUNT(*) FROM login_session WHERE token_hash = '%s'" % tok) == "0"
    assert audits("cs_admin", "login") == before + 1
    # the cookie is the person: nginx passes the login on as REMOTE_USER
    x = ET.fromstring(as_cookie(tok, headers=H).body)
    assert x.find("./account").get("login") == "cs_admin"
    # every signed-in page carries the sign-out button with its token
    page = as_cookie(tok).text
    assert '<form class="out" method="post" action="/logout">' in page
    assert ('name="csrf" value="%s"' % x.findtext("./csrf")[:11]) in page or x.findtext("./csrf")[:11] in page


def test_secure_cookie_when_the_request_came_over_https():
    from test_45_limits import BEGIN, PARAMS, STDIN, ends, params, record, stdout
    for https, want in (("on", True), (None, False)):
        s = socket.socket(socket.AF_UNIX)
        s.settimeout(10)
        s.connect(os.path.join(STACK, "run", "login.sock"))
        env = {"REQUEST_METHOD": "GET", "DOCUMENT_URI": "/login/", "SCRIPT_NAME": "/login/", "QUERY_STRING": ""}
        if https:
            env["HTTPS"] = https
        s.sendall(record(BEGIN, b"\0\1\0\0\0\0\0\0") + record(PARAMS, params(env)) + record(PARAMS) + record(STDIN))
        data = b""
        while not ends(data):
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
        head = stdout(data).split(b"\r\n\r\n", 1)[0].decode()
        line = [h for h in head.split("\r\n") if h.startswith("Set-Cookie: wangan_pre=")]
        assert line and (("; Secure" in line[0]) == want), (https, head)


def test_wrong_password_and_unknown_login_get_the_same_answer():
    sql("DELETE FROM login_attempt WHERE login IN ('auditor', 'nobody_here')")
    sessions = one("SELECT COUNT(*) FROM login_session")
    failed = audits("auditor", "login_failed")
    t0 = time.time()
    r = post_login("auditor", "not-the-password")
    known = time.time() - t0
    t0 = time.time()
    u = post_login("nobody_here", "not-the-password")
    unknown = time.time() - t0
    for x in (r, u):
        assert x.status == 422 and x.cookie("wangan_session") is None, x
        codes = [m.get("code") for m in x.xml().findall("./messages/msg")]
        assert codes == ["bad_credentials"], codes
        assert x.xml().find("./data/form/field[@name='password']") is None   # never echoed
    assert r.xml().find("./data/form/field[@name='login']").text == "auditor"
    assert one("SELECT COUNT(*) FROM login_session") == sessions
    assert one("SELECT failures FROM login_attempt WHERE login = 'auditor'") == "1"
    assert one("SELECT failures FROM login_attempt WHERE login = 'nobody_here'") == "1"
    assert audits("auditor", "login_failed") == failed + 1
    assert audits("nobody_here", "login_failed") >= 1
    # the unknown login was hashed too (argon2id: tens of milliseconds), not answered at once
    assert unknown > 0.4 * known, (known, unknown)
    # an empty password is bad input, checked against nothing
    e = post_login("auditor", "")
    assert e.status == 422 and one("SELECT failures FROM login_attempt WHERE login = 'auditor'") == "1"
    # a good sign-in resets the count
    assert post_login("auditor", ACC["auditor"][0]).status == 303
    assert one("SELECT COUNT(*) FROM login_attempt WHERE login = 'auditor'") == "0"
    sql("DELETE FROM login_attempt WHERE login = 'nobody_here'")


def test_logout_needs_the_token_and_ends_the_session_on_the_server():
    r, tok = sign_in("cs_head")
    x = ET.fromstring(as_cookie(tok, headers=H).body)
    csrf = x.findtext("./csrf")
    cookie = {"Cookie": "wangan_session=" + tok}
    # another site's post (no token, or a token of another account) ends nothing
    assert _send("POST", "/logout", {}, cookie).status == 403
    other = ET.fromstring(as_cookie(sign_in("me_admin")[1], headers=H).body).findtext("./csrf")
    assert _send("POST", "/logout", {"csrf": other}, cookie).status == 403
    assert as_cookie(tok).status == 200
    before = audits("cs_head", "logout")
    out = _send("POST", "/logout", {"csrf": csrf}, cookie)
    assert out.status == 303 and out.header("location") == "/login?out=1", out
    gone = out.cookies()["wangan_session"]
    assert gone.startswith("wangan_session=;") and "Max-Age=0" in gone, gone
    assert one("SELECT COUNT(*) FROM login_session WHERE token_hash = '%s'" % sha(tok)) == "0"
    assert audits("cs_head", "logout") == before + 1
    # the old cookie, replayed, is nobody's
    r = as_cookie(tok)
    assert r.status == 302 and "/login?next=/registration/" in r.header("location"), r
    assert "login-out" in _send("GET", "/login?out=1").text


def test_idle_time_out():
    _, tok = sign_in("leader")
    _, tok2 = sign_in("leader")
    sql("UPDATE login_session SET last_seen_at = NOW() - INTERVAL 31 MINUTE WHERE token_hash = '%s'" % sha(tok))
    sql("UPDATE login_session SET last_seen_at = NOW() - INTERVAL 29 MINUTE WHERE token_hash = '%s'" % sha(tok2))
    r = as_cookie(tok)
    assert r.status == 302 and "/login?next=" in r.header("location"), r
    assert as_cookie(tok2).status == 200
    # a request moves last_seen_at (at most once a minute): the 29 idle minutes start again
    assert int(one("SELECT TIMESTAMPDIFF(SECOND, last_seen_at, NOW()) FROM login_session WHERE token_hash = '%s'"
                   % sha(tok2))) < 30


def test_last_seen_moves_at_most_once_a_minute():
    _, tok = sign_in("leader")
    sql("UPDATE login_session SET last_seen_at = NOW() - INTERVAL 30 SECOND WHERE token_hash = '%s'" % sha(tok))
    seen = one("SELECT last_seen_at FROM login_session WHERE token_hash = '%s'" % sha(tok))
    for _ in range(3):
        assert as_cookie(tok).status == 200
    assert one("SELECT last_seen_at FROM login_session WHERE token_hash = '%s'" % sha(tok)) == seen
    sql("UPDATE login_session SET last_seen_at = NOW() - INTERVAL 61 SECOND WHERE token_hash = '%s'" % sha(tok))
    assert as_cookie(tok).status == 200
    assert int(one("SELECT TIMESTAMPDIFF(SECOND, last_seen_at, NOW()) FROM login_session WHERE token_hash = '%s'"
                   % sha(tok))) < 5


def test_absolute_time_out():
    _, tok = sign_in("leader")
    # busy all along (seen just now), but signed in 10 hours and a minute ago
    sql("UPDATE login_session SET created_at = NOW() - INTERVAL 601 MINUTE WHERE token_hash = '%s'" % sha(tok))
    r = as_cookie(tok)
    assert r.status == 302 and "/login?next=" in r.header("location"), r
    sql("UPDATE login_session SET created_at = NOW() - INTERVAL 599 MINUTE WHERE token_hash = '%s'" % sha(tok))
    assert as_cookie(tok).status == 200


def test_the_token_is_new_at_every_sign_in_and_the_old_one_ends():
    _, old = sign_in("center")
    pre, csrf = form()
    r = post_login("center", ACC["center"][0], pre=pre, csrf=csrf, cookie="wangan_session=" + old)
    new = r.cookie("wangan_session")
    assert r.status == 303 and new and new != old
    assert one("SELECT COUNT(*) FROM login_session WHERE token_hash = '%s'" % sha(old)) == "0"
    assert as_cookie(old).status == 302 and as_cookie(new).status == 200


def test_next_is_a_local_path_only():
    pw = ACC["auditor"][0]
    for bad in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "/\t/evil.example",
                "http:/evil.example", "javascript:alert(1)", "evil.example"):
        r = post_login("auditor", pw, next_path=bad)
        assert r.status == 303 and r.header("location") == "/", (bad, r.header("location"))
        f = _send("GET", "/login?next=" + __import__("urllib.parse").parse.quote(bad, safe=""), headers=H)
        assert f.xml().find("./data/form/field[@name='next']").text == "/", bad
    good = "/systems/?kind=app&level=2"
    assert post_login("auditor", pw, next_path=good).header("location") == good
    # nginx's own form, next unescaped: answered with the same next escaped, then kept whole
    r = _send("GET", "/login?next=/systems/?kind=app&level=2")
    assert r.status == 303 and r.header("location") == "/login?next=%2Fsystems%2F%3Fkind%3Dapp%26level%3D2", r
    f = _send("GET", r.header("location"), headers=H)
    assert f.xml().find("./data/form/field[@name='next']").text == good
    r = _send("GET", "/login?next=//evil.example/")
    assert r.status == 303 and r.header("location") == "/login?next=%2F", r


def test_csrf_on_the_sign_in_form():
    pw = ACC["auditor"][0]
    pre, csrf = form()
    pre2, csrf2 = form()
    assert pre != pre2
    sessions = one("SELECT COUNT(*) FROM login_session")
    assert post_login("auditor", pw, pre=pre, csrf="").status == 403
    assert post_login("auditor", pw, pre=pre, csrf=csrf2).status == 403     # another browser's token
    r = _send("POST", "/login", {"login": "auditor", "password": pw, "csrf": csrf})   # no pre-login cookie
    assert r.status == 403
    assert one("SELECT COUNT(*) FROM login_session") == sessions
    assert post_login("auditor", pw, pre=pre, csrf=csrf).status == 303


def test_five_wrong_passwords_slow_the_login_down():
    login, pw = "me_admin", ACC["me_admin"][0]
    sql("DELETE FROM login_attempt WHERE login = '%s'" % login)
    locks = audits(login, "login_locked")
    try:
        got = [post_login(login, "wrong-%d" % i).status for i in range(5)]
        assert got == [422] * 4 + [429], got
        assert audits(login, "login_locked") == locks + 1
        wait = int(one("SELECT TIMESTAMPDIFF(SECOND, NOW(), locked_until) FROM login_attempt WHERE login = '%s'" % login))
        assert 25 <= wait <= 30, wait
        # the sixth try, with the RIGHT password, is refused unchecked, saying how long to wait
        failures = one("SELECT failures FROM login_attempt WHERE login = '%s'" % login)
        r = post_login(login, pw)
        assert r.status == 429 and r.cookie("wangan_session") is None, r
        left = int(r.xml().find("./data").get("locked"))
        assert 0 < left <= 30
        pre, csrf = form()
        html = _send("POST", "/login", {"login": login, "password": pw, "csrf": csrf, "next": "/"},
                     {"Cookie": "wangan_pre=" + pre}).text
        assert "login-locked" in html and "秒后再试" in html, html[:2000]
        assert one("SELECT failures FROM login_attempt WHERE login = '%s'" % login) == failures
        # the lock over, the right password gets in, and the count is gone
        sql("UPDATE login_attempt SET locked_until = NOW() - INTERVAL 1 SECOND WHERE login = '%s'" % login)
        r = post_login(login, pw)
        assert r.status == 303 and r.cookie("wangan_session"), r
        assert one("SELECT COUNT(*) FROM login_attempt WHERE login = '%s'" % login) == "0"
        # past the fifth, each failure doubles the lock: 60 s after the sixth, never over 15 min
        sql("INSERT INTO login_attempt (login, failures, last_failed_at) VALUES ('%s', 5, NOW())" % login)
        assert post_login(login, "wrong").status == 429
        wait = int(one("SELECT TIMESTAMPDIFF(SECOND, NOW(), locked_until) FROM login_attempt WHERE login = '%s'" % login))
        assert 55 <= wait <= 60, wait
        sql("UPDATE login_attempt SET failures = 40, locked_until = NULL WHERE login = '%s'" % login)
        assert post_login(login, "wrong").status == 429
        wait = int(one("SELECT TIMESTAMPDIFF(SECOND, NOW(), locked_until) FROM login_attempt WHERE login = '%s'" % login))
        assert 895 <= wait <= 900, wait
    finally:
        sql("DELETE FROM login_attempt WHERE login = '%s'" % login)


def test_an_unknown_login_is_slowed_down_the_same_way():
    login = "no_such_person"
    sql("DELETE FROM login_attempt WHERE login = '%s'" % login)
    try:
        got = [post_login(login, "guess-%d" % i) for i in range(6)]
        assert [g.status for g in got] == [422] * 4 + [429, 429]
        assert got[5].xml().find("./data").get("locked")
    finally:
        sql("DELETE FROM login_attempt WHERE login = '%s'" % login)


def test_a_disabled_account_has_no_session():
    _, tok = sign_in("leader")
    assert as_cookie(tok).status == 200
    sql("UPDATE account SET active = 0 WHERE login = 'leader'")
    try:
        r = as_cookie(tok)
        assert r.status == 302 and "/login?next=" in r.header("location"), r
        s = post_login("leader", ACC["leader"][0])
        assert s.status == 422 and s.cookie("wangan_session") is None
        assert [m.get("code") for m in s.xml().findall("./messages/msg")] == ["bad_credentials"]
    finally:
        sql("UPDATE account SET active = 1 WHERE login = 'leader'")
        sql("DELETE FROM login_attempt WHERE login = 'leader'")
    assert as_cookie(tok).status == 200


def fcgi(sock, env, body=b""):
    """(status, head, body) of one FastCGI request straight to a module's socket, as nginx sends it."""
    from test_45_limits import BEGIN, PARAMS, STDIN, ends, params, record, stdout
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(10)
    s.connect(sock)
    base = {"REQUEST_METHOD": "GET", "QUERY_STRING": "", "CONTENT_LENGTH": str(len(body)),
            "CONTENT_TYPE": "application/x-www-form-urlencoded", "SCRIPT_NAME": env.get("DOCUMENT_URI", "/")}
    base.update(env)
    s.sendall(record(BEGIN, b"\0\1\0\0\0\0\0\0") + record(PARAMS, params(base)) + record(PARAMS)
              + (record(STDIN, body) if body else b"") + record(STDIN))
    data = b""
    while not ends(data):
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    head, _, rest = stdout(data).partition(b"\r\n\r\n")
    head = head.decode()
    return int(head.split(" ", 2)[1]), head, rest


def test_sso_mode_turns_the_form_off_and_maps_campus_names():
    """A second login and registration module on the stack's database, with
    login.mode = sso: the form is off, no session is ever valid, and the core
    maps an SSO name to the account whose sso_name it is, before any login."""
    import subprocess
    from lib import BIN
    d = os.path.join(STACK, "tmp", "sso")
    os.makedirs(d, exist_ok=True)
    conf = os.path.join(d, "wangan.conf")
    with open(os.path.join(STACK, "wangan.conf")) as f:
        text = f.read()
    fd = os.open(conf, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.write(fd, (text + "\nlogin.mode = sso\nlogin.sso_url = https://sso.example.edu.cn/cas/login\n").encode())
    os.close(fd)
    procs = {}
    try:
        for m in ("login", "registration"):
            sock = os.path.join(d, m + ".sock")
            if os.path.exists(sock):
                os.unlink(sock)
            procs[m] = subprocess.Popen([os.path.join(BIN, "wangan-" + m), "--config", conf, "--listen", sock,
                                         "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for m in procs:
            end = time.time() + 15
            while not os.path.exists(os.path.join(d, m + ".sock")) and time.time() < end:
                time.sleep(0.1)
        lsock, rsock = os.path.join(d, "login.sock"), os.path.join(d, "registration.sock")
        st, head, body = fcgi(lsock, {"DOCUMENT_URI": "/login/"})
        assert st == 200 and b"https://sso.example.edu.cn/cas/login" in body and b'type="password"' not in body, body[:500]
        st, _, _ = fcgi(lsock, {"DOCUMENT_URI": "/login/", "REQUEST_METHOD": "POST"},
                        b"login=cs_admin&password=" + ACC["cs_admin"][0].encode())
        assert st == 403
        _, tok = sign_in("cs_admin")
        assert fcgi(lsock, {"DOCUMENT_URI": "/login/session", "HTTP_COOKIE": "wangan_session=" + tok})[0] == 401
        # campus names: one of its own, and one that is another account's login
        sql("UPDATE account SET sso_name = 'campus-0042' WHERE login = 'cs_admin'")
        sql("UPDATE account SET sso_name = 'me_admin' WHERE login = 'cs_head'")
        who = {}
        for name in ("campus-0042", "me_admin", "auditor"):
            st, _, body = fcgi(rsock, {"DOCUMENT_URI": "/registration/", "REMOTE_USER": name,
                                       "HTTP_ACCEPT": "application/xml"})
            assert st == 200, (name, st, body[:300])
            who[name] = ET.fromstring(body).find("./account").get("login")
        assert who == {"campus-0042": "cs_admin", "me_admin": "cs_head", "auditor": "auditor"}, who
        # the password site's modules take an SSO name only when no login has it
        from test_10_pages import as_sso_user
        st, body = as_sso_user("campus-0042", "/registration/", "application/xml")
        assert st == 200 and ET.fromstring(body).find("./account").get("login") == "cs_admin"
        st, body = as_sso_user("me_admin", "/registration/", "application/xml")
        assert st == 200 and ET.fromstring(body).find("./account").get("login") == "me_admin"
    finally:
        sql("UPDATE account SET sso_name = NULL WHERE login IN ('cs_admin', 'cs_head')")
        for p in procs.values():
            p.terminate()
        for p in procs.values():
            p.wait(20)


def old_cost_hash(pw):
    """An argon2id string of pw at a cost lower than core/password.c's, made by
    the same libsodium the modules link (crypto_pwhash_str_alg, ops 1, 8 MiB)."""
    import ctypes, ctypes.util
    na = ctypes.CDLL(ctypes.util.find_library("sodium") or "libsodium.so.23")
    assert na.sodium_init() >= 0
    out = ctypes.create_string_buffer(128)
    na.crypto_pwhash_str_alg.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulonglong,
                                         ctypes.c_ulonglong, ctypes.c_size_t, ctypes.c_int]
    assert na.crypto_pwhash_str_alg(out, pw.encode(), len(pw), 1, 8 << 20, 2) == 0   # 2: ARGON2ID13
    return out.value.decode()


def test_a_hash_of_an_older_cost_is_rewritten_at_the_next_sign_in():
    pw = ACC["center"][0]
    old = old_cost_hash(pw)
    assert "m=8192,t=1" in old, old
    sql("UPDATE account SET password_hash = '%s' WHERE login = 'center'" % old)
    version = one("SELECT version FROM account WHERE login = 'center'")
    r, tok = sign_in("center")
    assert r.status == 303 and tok, r
    new = one("SELECT password_hash FROM account WHERE login = 'center'")
    assert new != old and new.startswith("$argon2id$") and "m=8192,t=1" not in new, new
    assert one("SELECT version FROM account WHERE login = 'center'") == version
    # the same password, at today's cost: it still signs in, and is left alone now
    assert sign_in("center")[0].status == 303
    assert one("SELECT password_hash FROM account WHERE login = 'center'") == new
