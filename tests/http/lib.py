"""Helpers for the HTTP tests: a client that talks to the real nginx with
auth_basic, the page XML of a view, and SQL checks through the mariadb client
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
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body
        self.text = body.decode("utf-8", "replace")

    def header(self, name):
        return self.headers.get(name.lower())

    def xml(self):
        return ET.fromstring(self.body)

    def __repr__(self):
        return "<%d %s>" % (self.status, self.text[:300])


def request(method, path, login="office", body=None, headers=None, password=None):
    h = {"Connection": "close"}
    if login is not None:
        pw = password if password is not None else ACC[login][0]
        h["Authorization"] = "Basic " + base64.b64encode(("%s:%s" % (login, pw)).encode()).decode()
    if body is not None and not isinstance(body, bytes):
        body = urllib.parse.urlencode(body).encode()
        h["Content-Type"] = "application/x-www-form-urlencoded"
    h.update(headers or {})
    c = http.client.HTTPConnection(_host.hostname, _host.port, timeout=30)
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read()
    hdrs = {k.lower(): v for k, v in r.getheaders()}
    c.close()
    return Resp(r.status, hdrs, data)


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
