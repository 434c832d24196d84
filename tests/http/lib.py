"""Helpers for the HTTP tests: a client that talks to the real nginx (signed
in through the real sign-in form, or with auth_basic on a WANGAN_AUTH=basic
stack), the page XML of a view, and SQL checks through the mariadb client
against the test stack's database."""
import base64, datetime, http.client, os, re, subprocess, time, urllib.parse
import xml.etree.ElementTree as ET

BASE = os.environ.get("WANGAN_BASE", "http://127.0.0.1:18089")
STACK = os.environ["WANGAN_STACK"]
ROOT = os.environ["WANGAN_ROOT"]
BIN = os.environ["WANGAN_BIN"]
_host = urllib.parse.urlparse(BASE)


def accounts():
    """login -> (password, role, unit code) from demo-accounts.txt."""
    out = {}
    with open(os.path.join(STACK, "demo-accounts.txt")) as f:
        for line in f:
            login, pw, role, unit = line.split()
            out[login] = (pw, role, unit)
    return out


ACC = accounts()


class Resp:
    def __init__(self, status, headers, body, raw=None):
        self.status, self.headers, self.body = status, headers, body
        self.raw = raw or []            # every header as sent, in order (Set-Cookie repeats)
        self.text = body.decode("utf-8", "replace")

    def header(self, name):
        return self.headers.get(name.lower())

    def cookies(self):
        """name -> the whole Set-Cookie value ("v; Path=/; HttpOnly …"), for each cookie set."""
        out = {}
        for k, v in self.raw:
            if k.lower() == "set-cookie":
                out[v.split("=", 1)[0].strip()] = v
        return out

    def cookie(self, name):
        """The value a Set-Cookie gave name, or None."""
        v = self.cookies().get(name)
        return v.split("=", 1)[1].split(";", 1)[0] if v is not None else None

    def xml(self):
        return ET.fromstring(self.body)

    def __repr__(self):
        return "<%d %s>" % (self.status, self.text[:300])


def _send(method, path, body=None, headers=None):
    """One request on its own connection, nothing added but what is given."""
    h = {"Connection": "close"}
    if body is not None and not isinstance(body, bytes):
        body = urllib.parse.urlencode(body).encode()
        h["Content-Type"] = "application/x-www-form-urlencoded"
    h.update(headers or {})
    c = http.client.HTTPConnection(_host.hostname, _host.port, timeout=30)
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read()
    raw = r.getheaders()
    hdrs = {k.lower(): v for k, v in raw}
    c.close()
    return Resp(r.status, hdrs, data, raw)


def session_auth():
    """True when the stack's nginx checks sessions (WANGAN_AUTH=session, the default)."""
    try:
        conf = open(os.path.join(STACK, "nginx", "server.conf")).read()
    except OSError:
        return True
    return re.search(r"^\s*auth_request\s+/_session;", conf, re.M) is not None


AUTH_SESSION = session_auth()
_sessions = {}      # login -> the wangan_session cookie its sign-in got


def sign_in(login, password=None, next_path="/"):
    """Signs in through the real form, as a browser does: GET /login (the
    pre-login cookie and the form's token), POST it.  Returns the POST's
    answer and the wangan_session cookie it set (None when refused)."""
    pw = password if password is not None else ACC[login][0]
    f = _send("GET", "/login", headers={"Accept": "application/xml"})
    assert f.status == 200, ("sign-in form", f.status, f.text[:300])
    pre = f.cookie("wangan_pre")
    assert pre, f.raw
    csrf = f.xml().findtext("./csrf")
    r = _send("POST", "/login", {"login": login, "password": pw, "csrf": csrf, "next": next_path},
              {"Cookie": "wangan_pre=" + pre})
    return r, r.cookie("wangan_session")


def session(login):
    """The session cookie of login, signing in once per login and reusing it."""
    if login not in _sessions:
        r, tok = sign_in(login)
        assert r.status == 303 and tok, ("sign-in of %s" % login, r.status, r.text[:500])
        _sessions[login] = tok
    return _sessions[login]


def forget(login=None):
    """Drops the kept session of login (every login's with None): the next request signs in again."""
    if login is None:
        _sessions.clear()
    else:
        _sessions.pop(login, None)


def auth_headers(login, password=None):
    """The headers that make a request login's: its session cookie, or Basic on a basic stack."""
    if not AUTH_SESSION:
        pw = password if password is not None else ACC[login][0]
        return {"Authorization": "Basic " + base64.b64encode(("%s:%s" % (login, pw)).encode()).decode()}
    tok = sign_in(login, password)[1] if password is not None else session(login)
    return {"Cookie": "wangan_session=%s" % tok}


def request(method, path, login="office", body=None, headers=None, password=None):
    h = auth_headers(login, password) if login is not None else {}
    for k, v in (headers or {}).items():
        if k.lower() == "cookie" and "Cookie" in h:
            h["Cookie"] += "; " + v        # the test's cookies besides the session's
        else:
            h[k] = v
    return _send(method, path, body, h)


def get(path, login="office", **kw):
    return request("GET", path, login, **kw)


def page(path, login="office"):
    """The page XML of a view (Accept: application/xml), with its status."""
    r = get(path, login, headers={"Accept": "application/xml"})
    return r.status, r.xml()


def page_today(x):
    """The site's today that a page XML carries (page/@today, core/app.c)."""
    return datetime.date.fromisoformat(x.get("today"))


def today(login="office"):
    """The server's today in the site's time zone, from a page it renders now:
    what its forms and deadlines count from, whatever the test host's clock says."""
    st, x = page("/registration/", login)
    assert st == 200, st
    return page_today(x)


def post(path, form, login="office"):
    return request("POST", path, login, body=form)


def stack_config():
    """The test stack's wangan.conf as key -> value (a later line wins, as in config.c)."""
    conf = {}
    with open(os.path.join(STACK, "wangan.conf")) as f:
        for line in f:
            if "=" in line and not line.lstrip().startswith("#"):
                k, v = line.split("=", 1)
                conf[k.strip()] = v.strip()
    return conf


def account_cache_seconds():
    """How long a worker keeps an account (config.c's default is 5)."""
    return int(stack_config().get("account_cache_seconds", "5"))


def sql(query):
    """Rows of a query as lists of strings (tab separated by the client)."""
    conf = stack_config()
    env = dict(os.environ, MYSQL_PWD=conf["db_password"])
    out = subprocess.run(["mariadb", "--no-defaults", "-S", conf["db_socket"], "-u", conf["db_user"],
                          "-D", conf["db_name"], "--batch", "--skip-column-names", "-e", query],
                         env=env, check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines()]


def one(query):
    rows = sql(query)
    return rows[0][0] if rows else None


def unit_id(code):
    return int(one("SELECT id FROM unit WHERE code = '%s'" % re.sub(r"[^A-Za-z0-9_-]", "", code)))


def form(path, login="office"):
    """GETs a page with a form; returns its fields' values, and the CSRF token as "csrf"."""
    st, x = page(path, login)
    assert st == 200, (path, login, st)
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    f["csrf"] = x.findtext("./csrf")
    return f


def change_form(unit, role, login="office"):
    """GETs the change form; returns (status, dict of field values, csrf)."""
    st, x = page("/registration/%d/change?role=%s" % (unit, role), login)
    fields = {f.get("name"): (f.text or "") for f in x.findall("./data/form/field")}
    csrf = x.findtext("./csrf")
    return st, fields, csrf


def wait_for(pred, seconds=10.0, step=0.1):
    end = time.time() + seconds
    while time.time() < end:
        v = pred()
        if v:
            return v
        time.sleep(step)
    return pred()


# The working-day calendar as the platform loads it, for expected deadlines.
def calendar():
    import csv, datetime, glob
    ex = {}
    for f in sorted(glob.glob(os.path.join(ROOT, "data/calendar/*.csv"))):
        for row in csv.DictReader(open(f, encoding="utf-8")):
            ex[datetime.date.fromisoformat(row["date"])] = row["kind"]
    return ex


def add_workdays(day, n, ex):
    import datetime
    while n > 0:
        day += datetime.timedelta(days=1)
        kind = ex.get(day)
        if kind == "workday" or (kind is None and day.weekday() < 5):
            n -= 1
    return day
