"""Upstream reporting (issue "Upstream reporting", schema 036, modules/office/upstream*.c):
/office/upstream exports to each upstream through its profile — the MOE platform's
responsible-person list and the province's year-end package — full or incremental,
as a download whose log row carries its SHA-256; the CLI verb does the same as 'cli'.
Each profile's output is valid against its XSD (xmllint); an incremental right after
another is empty; after a change the next incremental holds exactly the changed
record; only the office may export, and never without the CSRF token."""
import hashlib, os, subprocess, tempfile, time
import xml.etree.ElementTree as ET
from lib import BIN, ROOT, STACK, change_form, get, one, page, post, sql, unit_id

LAG = 2         # UP_LAG in modules/office/upstream.h: the watermark's seconds behind the snapshot
MOE = "{urn:wangan:upstream:moe-persons:1}"
PROV = "{urn:wangan:upstream:province-yearend:1}"
XSD = {"moe": "schema/xml/upstream-moe-persons.xsd", "province": "schema/xml/upstream-province-yearend.xsd"}


def up_id(code):
    return int(one("SELECT id FROM upstream WHERE code='%s'" % code))


def csrf(login="office"):
    st, x = page("/office/upstream", login)
    assert st == 200, st
    return x.findtext("./csrf")


def export(code, kind="incremental", login="office"):
    r = post("/office/upstream/%d/export" % up_id(code), {"csrf": csrf(login), "kind": kind}, login)
    assert r.status == 200, r
    assert r.header("content-type").startswith("application/xml")
    assert "attachment" in r.header("content-disposition")
    return r


def settle():
    """Past the lag: what this test changed lies before the next export's watermark."""
    time.sleep(LAG + 1.2)


def valid(code, body):
    with tempfile.NamedTemporaryFile(suffix=".xml") as f:
        f.write(body)
        f.flush()
        v = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(ROOT, XSD[code]), f.name],
                           capture_output=True, text=True)
    assert v.returncode == 0, v.stderr


def persons(code, body):
    x = ET.fromstring(body)
    if code == "moe":
        return [(u.get("code"), p.get("role"), p.findtext(MOE + "name"))
                for u in x.findall(MOE + "unit") for p in u.findall(MOE + "person")]
    return [(p.get("unitCode"), p.get("role"), p.findtext(PROV + "name"))
            for p in x.findall(PROV + "responsiblePersons/" + PROV + "person")]


def systems(body):
    return [s.get("id") for s in ET.fromstring(body).findall(PROV + "systemInventory/" + PROV + "system")]


def log_row(eid):
    return sql("SELECT p.code, e.kind, e.status, e.by_login, COALESCE(e.since, ''), e.watermark,"
               " e.record_count, e.byte_size, e.sha256 FROM upstream_export e JOIN upstream p"
               " ON p.id = e.upstream_id WHERE e.id = %d" % eid)[0]


def change_holder(code, role, name):
    """A change of holder through the registration form, as a unit does it."""
    u = unit_id(code)
    st, f, token = change_form(u, role)
    assert st == 200, st
    f.update({"name": name, "title": "网络安全员", "office_phone": "0371-68221234",
              "mobile": "13812345678", "email": "up@example.edu.cn", "role": role, "csrf": token})
    r = post("/registration/%d/change" % u, f)
    assert r.status == 303, r


# --- the profiles -------------------------------------------------------------

def test_each_profile_is_valid_against_its_schema():
    for code in ("moe", "province"):
        r = export(code, "full")
        valid(code, r.body)
        got = persons(code, r.body)
        # every current holder of every active unit, as the registration export has them
        want = int(one("SELECT COUNT(*) FROM reg_holder h JOIN unit u ON u.id = h.unit_id"
                       " WHERE h.is_current = 1 AND u.active = 1"))
        assert len(got) == want > 0, (code, len(got), want)
        cs = one("SELECT name FROM reg_holder WHERE unit_id=%d AND role='first' AND is_current=1" % unit_id("C-CS"))
        assert ("C-CS", "first", cs) in got
    x = ET.fromstring(r.body)
    assert len(systems(r.body)) == int(one("SELECT COUNT(*) FROM sys_system")) > 0
    assert x.findtext(PROV + "summary/" + PROV + "systems") == str(len(systems(r.body)))
    filed = one("SELECT COUNT(*) FROM sys_system WHERE level >= 1 AND filing_no <> ''")
    assert x.findtext(PROV + "summary/" + PROV + "filed") == filed
    # a graded system carries its level and filing number
    sid, level, filing = sql("SELECT id, level, filing_no FROM sys_system WHERE level >= 2 AND filing_no <> ''"
                             " ORDER BY id LIMIT 1")[0]
    s = x.find(PROV + "systemInventory/" + PROV + "system[@id='%s']" % sid)
    assert s.get("level") == level and s.find(PROV + "filing").get("number") == filing


# --- incremental --------------------------------------------------------------

def test_an_incremental_right_after_another_is_empty():
    for code in ("moe", "province"):
        settle()
        first = export(code)
        valid(code, first.body)
        second = export(code)
        valid(code, second.body)
        assert persons(code, second.body) == [], code
        if code == "province":
            assert systems(second.body) == []
        e1, e2 = int(first.header("x-wangan-export")), int(second.header("x-wangan-export"))
        r1, r2 = log_row(e1), log_row(e2)
        assert r2[6] == "0" and second.header("x-wangan-rows") == "0"
        # the second started where the first ended
        assert r2[4] == r1[5], (r1, r2)
        assert r2[1] == "incremental" and r2[2] == "ok"


def test_after_a_change_the_next_incremental_has_exactly_that_record():
    export("moe")
    export("province")
    name = "增量" + os.urandom(2).hex()
    change_holder("C-ME", "secadmin", name)
    settle()
    for code in ("moe", "province"):
        r = export(code)
        valid(code, r.body)
        assert persons(code, r.body) == [("C-ME", "secadmin", name)], (code, persons(code, r.body))
        if code == "province":
            assert systems(r.body) == []
        assert r.header("x-wangan-rows") == "1"
        assert persons(code, export(code).body) == []
    # a system's change reaches the year-end package alone
    sid = one("SELECT MIN(id) FROM sys_system")
    # in the site's zone, as the modules' sessions write updated_at (core: SET time_zone)
    z = time.strftime("%z")
    sql("SET time_zone = '%s:%s'; UPDATE sys_system SET purpose = CONCAT('年终 ', '%s'), version = version + 1"
        " WHERE id = %s" % (z[:3], z[3:], os.urandom(2).hex(), sid))
    settle()
    r = export("province")
    valid("province", r.body)
    assert systems(r.body) == [sid], systems(r.body)
    assert persons("province", r.body) == []
    assert persons("moe", export("moe").body) == []


def test_a_full_export_holds_everything_and_the_next_incremental_starts_after_it():
    settle()
    full = export("moe", "full")
    row = log_row(int(full.header("x-wangan-export")))
    assert row[1] == "full" and row[4] == ""            # from the beginning
    inc = export("moe")
    assert persons("moe", inc.body) == []
    assert log_row(int(inc.header("x-wangan-export")))[4] == row[5]


# --- the log ------------------------------------------------------------------

def test_the_log_row_has_the_checksum_of_the_bytes_received():
    before = int(one("SELECT COUNT(*) FROM audit WHERE record_type='upstream_export'"))
    r = export("province", "full")
    eid = int(r.header("x-wangan-export"))
    code, kind, status, by, since, wm, rows, size, sha = log_row(eid)
    assert (code, kind, status, by) == ("province", "full", "ok", "office")
    assert sha == hashlib.sha256(r.body).hexdigest() == r.header("x-wangan-sha256")
    assert int(size) == len(r.body)
    x = ET.fromstring(r.body)
    n = int(x.findtext(PROV + "summary/" + PROV + "persons")) + int(x.findtext(PROV + "summary/" + PROV + "systems"))
    assert int(rows) == n
    assert x.findtext(PROV + "header/" + PROV + "watermark") == wm.replace(" ", "T")
    # one audit row per export, by the office
    assert int(one("SELECT COUNT(*) FROM audit WHERE record_type='upstream_export'")) == before + 1
    assert one("SELECT login FROM audit WHERE record_type='upstream_export' AND record_id=%d" % eid) == "office"
    # the list shows it as the last export, the log page lists it
    st, page_x = page("/office/upstream")
    u = page_x.find("./data/upstreams/upstream[@code='province']")
    assert u.get("last-id") == str(eid) and u.get("last-sha256") == sha
    st, lx = page("/office/upstream/log?upstream=%d" % up_id("province"))
    assert st == 200
    first = lx.find("./data/exports/export")
    assert first.get("id") == str(eid) and first.get("sha256") == sha
    assert all(e.get("upstream") == "province" for e in lx.findall("./data/exports/export"))
    # the HTML pages render
    for path in ("/office/upstream", "/office/upstream/log", "/office/upstream/log?lang=en"):
        h = get(path)
        assert h.status == 200 and "<html" in h.text, path
    assert "SHA-256" in get("/office/upstream").text


def test_the_log_pages_by_id():
    up = up_id("moe")
    # failed attempts: in the log, never the start of an incremental
    sql("INSERT INTO upstream_export (upstream_id, kind, status, started_at, finished_at, by_login, watermark)"
        " VALUES " + ",".join(["(%d, 'incremental', 'failed', '2020-01-01', '2020-01-01', 'pager', '2020-01-01')"
                               % up] * 60))
    total = int(one("SELECT COUNT(*) FROM upstream_export WHERE upstream_id=%d" % up))
    assert total > 50
    seen, path = [], "/office/upstream/log?upstream=%d" % up
    while path:
        st, x = page(path)
        assert st == 200
        ids = [int(e.get("id")) for e in x.findall("./data/exports/export")]
        assert len(ids) <= 50
        seen += ids
        nxt = x.find("./data/exports").get("next")
        path = "/office/upstream/log?upstream=%d&before=%s" % (up, nxt) if nxt else None
    assert seen == sorted(seen, reverse=True) and len(seen) == len(set(seen)) == total
    # a failed row is not where the next incremental starts
    settle()
    r = export("moe")
    assert log_row(int(r.header("x-wangan-export")))[4] != "2020-01-01 00:00:00"
    st, x = page("/office/upstream")
    assert x.find("./data/upstreams/upstream[@code='moe']").get("last-id") == r.header("x-wangan-export")


# --- who may ------------------------------------------------------------------

def test_only_the_office_may_see_or_export():
    n = one("SELECT COUNT(*) FROM upstream_export")
    for who in ("cs_admin", "cs_head", "center", "leader", "auditor"):
        for path in ("/office/upstream", "/office/upstream/log"):
            assert get(path, who).status == 403, (path, who)
        # a POST with the person's own valid token is refused by role
        token = None
        for path in ("/registration/", "/systems/", "/cloud/"):
            r = get(path, who, headers={"Accept": "application/xml"})
            if r.status == 200:
                token = r.xml().findtext("./csrf")
                break
        assert token, who
        r = post("/office/upstream/%d/export" % up_id("moe"), {"csrf": token, "kind": "full"}, who)
        assert r.status == 403, (who, r)
    assert one("SELECT COUNT(*) FROM upstream_export") == n


def test_a_post_without_the_csrf_token_is_refused():
    n = one("SELECT COUNT(*) FROM upstream_export")
    r = post("/office/upstream/%d/export" % up_id("moe"), {"kind": "full"})
    assert r.status == 403
    r = post("/office/upstream/%d/export" % up_id("moe"), {"kind": "full", "csrf": "0" * 40})
    assert r.status == 403
    # a kind that is neither is a bad request; an unknown upstream is 404
    assert post("/office/upstream/%d/export" % up_id("moe"), {"kind": "all", "csrf": csrf()}).status == 400
    assert post("/office/upstream/999999/export", {"kind": "full", "csrf": csrf()}).status == 404
    assert one("SELECT COUNT(*) FROM upstream_export") == n


def test_a_disabled_upstream_refuses_to_export():
    n = one("SELECT COUNT(*) FROM upstream_export")
    sql("UPDATE upstream SET enabled = 0 WHERE code = 'province'")
    try:
        token = csrf()
        r = post("/office/upstream/%d/export" % up_id("province"), {"kind": "full", "csrf": token})
        assert r.status == 409, r
        st, x = page("/office/upstream")
        assert x.find("./data/upstreams/upstream[@code='province']").get("enabled") == "0"
    finally:
        sql("UPDATE upstream SET enabled = 1 WHERE code = 'province'")
    assert one("SELECT COUNT(*) FROM upstream_export") == n


# --- the command line ---------------------------------------------------------

def cli(*args):
    return subprocess.run([os.path.join(BIN, "wangan-office"), "--config", os.path.join(STACK, "wangan.conf"),
                           "--upstream-export"] + list(args), capture_output=True, text=True)


def test_the_cli_writes_the_file_and_the_log_row_as_cli():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "moe.xml")
        r = cli("moe", "--full", path)
        assert r.returncode == 0, r.stderr
        body = open(path, "rb").read()
        valid("moe", body)
        eid = int(one("SELECT MAX(id) FROM upstream_export"))
        code, kind, status, by, since, wm, rows, size, sha = log_row(eid)
        assert (code, kind, status, by) == ("moe", "full", "ok", "cli")
        assert sha == hashlib.sha256(body).hexdigest() and int(size) == len(body)
        assert sha in r.stderr
        settle()
        path2 = os.path.join(d, "moe-inc.xml")
        assert cli("moe", path2).returncode == 0
        body = open(path2, "rb").read()
        valid("moe", body)
        assert log_row(eid + 1)[1] == "incremental" and log_row(eid + 1)[4] == wm
        # an unknown upstream or a missing file name: an error, and nothing logged
        n = one("SELECT COUNT(*) FROM upstream_export")
        assert cli("nosuch", path).returncode != 0
        assert cli("moe").returncode != 0
        assert one("SELECT COUNT(*) FROM upstream_export") == n
