"""The website watcher (issue 12, "After it is online": watching; seed 003
art. 26): `wangan-websites --watch-once` fetches every online filing's
domain (through websites.watch_connect_to, the test stack's nginx, which
serves tests/nginx/watch-sites.conf): an up site has no outage, a 500 and a
site that never answers each open one (the time-out cuts the hang, the round
takes bounded time), a redirect to another host is down, a site that
answers again closes its outage, a domain not online is never fetched.  The
site page shows "down now" and the outages; the unit marks one handled with
a note; an outage left unhandled past websites.trigger_hours is an
accountability trigger, listed for the office, which turns it with one click
into one incident of the incidents module (a second click makes none).
Both POSTs: CSRF, version/409, another unit 403, bad input 422."""
import os, socket, subprocess, time
from lib import BIN, BASE, STACK, get, one, page, post, sql, unit_id
from fixtures import post_xml, web_create

_sites = {}
_hang = []


def conf():
    """The stack's config with the watcher pointed at the stack's own nginx, short time-outs."""
    path = os.path.join(STACK, "tmp", "watch.conf")
    if not os.path.exists(path):
        port = BASE.rsplit(":", 1)[1]
        with open(os.path.join(STACK, "wangan.conf")) as f:
            text = f.read()
        text += ("\nwebsites.watch_connect_to = 127.0.0.1:%s\nwebsites.watch_timeout_seconds = 3\n"
                 "websites.watch_connect_seconds = 2\nwebsites.watch_parallel = 4\n" % port)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(text)
    return path


def hang_listener():
    """A socket nginx proxies hang.watch.test to: connections are taken by the kernel, never answered."""
    if not _hang:
        path = os.path.join(STACK, "run", "watch-hang.sock")
        if os.path.exists(path):
            os.unlink(path)
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(path)
        os.chmod(path, 0o777)   # nginx's workers (www-data when run as root) connect to it
        s.listen(64)
        _hang.append(s)


def watch_once():
    hang_listener()
    t0 = time.time()
    r = subprocess.run([os.path.join(BIN, "wangan-websites"), "--config", conf(), "--watch-once"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return time.time() - t0


def online(domain, services="http"):
    sid = web_create(domain)
    sql("UPDATE web_site SET state='online', state_since=NOW(), center_by='center', center_at=NOW(),"
        " ip='10.99.0.1', exposed=1, services='%s', open_date=CURDATE(), version=version+1 WHERE id=%d"
        % (services, sid))
    return sid


def sites():
    """The filings of this file, made once: five online, one draft whose domain nginx also serves."""
    if not _sites:
        www = os.path.join(STACK, "tmp", "watch-www")
        os.makedirs(www, exist_ok=True)
        os.chmod(www, 0o755)
        with open(os.path.join(www, "big.html"), "w") as f:
            f.write("<!DOCTYPE html><title>big</title>" + "<p>校园网站</p>\n" * 8000)
        os.chmod(os.path.join(www, "big.html"), 0o644)
        for key in ("up", "fail", "hang", "samehost", "away", "big"):
            _sites[key] = online("%s.watch.test" % key)
        _sites["tls"] = online("tls.watch.test", "http,https")
        _sites["nofile"] = web_create("nofile.watch.test")   # a draft: not online, never fetched
    return _sites


def outages(sid):
    return sql("SELECT id, COALESCE(ended_at,''), status, error, COALESCE(handled_at,''),"
               " COALESCE(incident_id,'') FROM web_outage WHERE site_id=%d ORDER BY id" % sid)


def hosts_fetched():
    try:
        with open(os.path.join(STACK, "log", "watch-access.log")) as f:
            return [line.split(" ", 1)[0] for line in f]
    except FileNotFoundError:
        return []


def test_a_round_tells_up_from_down_and_cuts_a_hanging_site():
    s = sites()
    took = watch_once()
    # the hanging site costs one time-out (3 s), the others answer at once, four at a time
    assert took < 12, took
    assert outages(s["up"]) == []
    # a home page of 100 KB: the watcher stops reading after a few KiB, the status says up
    assert outages(s["big"]) == [] and one("SELECT last_status FROM web_site WHERE id=%d" % s["big"]) == "200"
    assert sql("SELECT last_status, watch_error, COALESCE(down_since,'') FROM web_site WHERE id=%d"
               % s["up"]) == [["200", "", ""]]
    assert [o[1:4] for o in outages(s["fail"])] == [["", "500", ""]]
    assert [o[1:4] for o in outages(s["hang"])] == [["", "0", "timeout"]]
    # a 3xx to the same host is up, to another host down; no redirect is followed
    assert outages(s["samehost"]) == []
    assert [o[1:4] for o in outages(s["away"])] == [["", "302", "redirect_offsite"]]
    # services name https: fetched as https (the test nginx speaks plain HTTP there: a TLS failure)
    assert [o[1:4] for o in outages(s["tls"])] == [["", "0", "tls"]]
    assert one("SELECT down_since IS NOT NULL FROM web_site WHERE id=%d" % s["fail"]) == "1"
    # an outage opened is audited, by the watcher; an up site's round is not
    assert sql("SELECT login, action FROM audit WHERE module='websites' AND record_type='website' AND"
               " record_id=%d AND action LIKE 'outage%%'" % s["fail"]) == [["watcher", "outage_open"]]
    assert one("SELECT COUNT(*) FROM audit WHERE action LIKE 'outage%%' AND record_id=%d" % s["up"]) == "0"
    # only filed, online domains were asked for; the draft's never, nor the away site's target
    got = hosts_fetched()
    for key in ("up", "fail", "hang", "samehost", "away", "big"):
        assert "%s.watch.test" % key in got, (key, got)
    assert "nofile.watch.test" not in got and "elsewhere.example.org" not in got


def test_a_connect_to_that_is_not_host_and_port_stops_the_watcher():
    path = os.path.join(STACK, "tmp", "watch-bad.conf")
    with open(conf()) as f:
        text = f.read()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text.replace("websites.watch_connect_to = ", "websites.watch_connect_to = http://x/"))
    r = subprocess.run([os.path.join(BIN, "wangan-websites"), "--config", path, "--watch-once"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode != 0 and "watch_connect_to" in r.stderr


def test_a_second_round_opens_no_second_outage():
    s = sites()
    watch_once()
    assert len(outages(s["fail"])) == 1 and len(outages(s["hang"])) == 1
    assert outages(s["up"]) == []


def test_the_site_page_shows_down_now_and_the_outages():
    s = sites()
    st, x = page("/websites/%d" % s["fail"], "cs_admin")
    assert st == 200
    w = x.find("./data/watch")
    assert w is not None and w.get("down-since") and w.get("status") == "500"
    o = x.findall("./data/outages/outage")
    assert len(o) == 1 and o[0].get("status") == "500" and o[0].get("ended") == "" and o[0].get("trigger") == "0"
    html = get("/websites/%d" % s["fail"], "cs_admin").text
    assert 'id="web-down"' in html and "当前无法访问" in html and 'class="outage-handle"' in html
    # the office sees it, but no incident button before the trigger hours
    html = get("/websites/%d" % s["fail"], "office").text
    assert 'id="web-down"' in html and 'class="outage-incident"' not in html
    st, x = page("/websites/%d" % s["up"], "cs_admin")
    assert x.find("./data/watch").get("down-since") == "" and x.findall("./data/outages/outage") == []
    assert 'id="web-up"' in get("/websites/%d" % s["up"], "cs_admin").text


def test_the_down_list_names_the_sites_down_now():
    s = sites()
    st, x = page("/websites/?down=1", "office")
    ids = [int(e.get("id")) for e in x.findall("./data/sites/site")]
    assert s["fail"] in ids and s["hang"] in ids and s["up"] not in ids and s["samehost"] not in ids
    assert x.find("./data/filter").get("down") == "1"
    # a unit's own roles see their unit's only
    st, x = page("/websites/?down=1", "me_admin")
    assert st == 200 and not set(int(e.get("id")) for e in x.findall("./data/sites/site")) & set(s.values())


def test_a_site_that_answers_again_ends_its_outage():
    s = sites()
    # the 500 site is fixed: its domain now answers 200
    sql("UPDATE web_site SET domain='fixed.watch.test' WHERE id=%d" % s["fail"])
    watch_once()
    o = outages(s["fail"])
    assert len(o) == 1 and o[0][1] != "", o
    assert one("SELECT COALESCE(down_since,'') FROM web_site WHERE id=%d" % s["fail"]) == ""
    assert one("SELECT COUNT(*) FROM audit WHERE module='websites' AND action='outage_end' AND record_id=%d"
               % s["fail"]) == "1"
    st, x = page("/websites/?down=1", "office")
    assert s["fail"] not in [int(e.get("id")) for e in x.findall("./data/sites/site")]
    st, x = page("/websites/%d" % s["fail"], "cs_admin")
    assert x.find("./data/outages/outage").get("ended") != "" and x.find("./data/watch").get("down-since") == ""


def seven_hours_back(sid):
    sql("UPDATE web_outage SET started_at = started_at - INTERVAL 7 HOUR WHERE site_id=%d AND ended_at IS NULL"
        % sid)


def trigger_ids(login="office"):
    st, x = page("/websites/?trigger=1", login)
    assert st == 200
    assert x.find("./data/filter").get("trigger") == "1"
    return [int(e.get("id")) for e in x.findall("./data/sites/site")]


def outage_form(sid, login):
    st, x = page("/websites/%d" % sid, login)
    assert st == 200
    o = x.find("./data/outages/outage")
    return {"outage": o.get("id"), "version": o.get("version"), "csrf": x.findtext("./csrf")}, o


def test_an_unhandled_outage_past_six_hours_is_a_trigger_the_unit_clears():
    s = sites()
    hang = s["hang"]
    assert hang not in trigger_ids()
    seven_hours_back(hang)
    assert hang in trigger_ids()
    f, o = outage_form(hang, "cs_admin")
    assert o.get("trigger") == "1"
    html = get("/websites/%d" % hang, "cs_admin").text
    assert 'class="trigger"' in html and "问责" in html
    assert 'class="outage-incident"' in get("/websites/%d" % hang, "office").text
    # an empty note: 422 with the message, nothing changed
    r = post_xml("/websites/%d/outage" % hang, dict(f, note=""), "cs_admin")
    assert r.status == 422
    assert r.xml().find("./data/outage-form/error").get("code") == "required"
    assert outages(hang)[0][4] == ""
    # no CSRF token: refused, nothing changed
    r = post("/websites/%d/outage" % hang, {"outage": f["outage"], "version": f["version"], "note": "x"}, "cs_admin")
    assert r.status == 403 and outages(hang)[0][4] == ""
    # another unit's staff: 403, audited, nothing changed
    denied = int(one("SELECT COUNT(*) FROM audit WHERE login='me_admin' AND action='denied' AND record_id=%d" % hang))
    me_csrf = page("/websites/", "me_admin")[1].findtext("./csrf")
    r = post("/websites/%d/outage" % hang, dict(f, csrf=me_csrf, note="不是我的"), "me_admin")
    assert r.status == 403 and outages(hang)[0][4] == ""
    assert int(one("SELECT COUNT(*) FROM audit WHERE login='me_admin' AND action='denied' AND record_id=%d"
                   % hang)) == denied + 1
    # the office does not mark a unit's outage handled
    r = post("/websites/%d/outage" % hang, dict(f, csrf=page("/websites/", "office")[1].findtext("./csrf"),
                                                note="x"), "office")
    assert r.status == 403 and outages(hang)[0][4] == ""
    # the unit marks it handled: no longer a trigger, the page says who and what
    r = post("/websites/%d/outage" % hang, dict(f, note="服务器重启，已恢复监听"), "cs_admin")
    assert r.status == 303, r
    assert sql("SELECT handled_by, handled_note FROM web_outage WHERE id=%s" % f["outage"]) == \
        [["cs_admin", "服务器重启，已恢复监听"]]
    assert hang not in trigger_ids()
    st, x = page("/websites/%d" % hang, "cs_admin")
    o = x.find("./data/outages/outage")
    assert o.get("handled-by") == "cs_admin" and o.findtext("note") == "服务器重启，已恢复监听"
    assert o.get("trigger") == "0"
    assert one("SELECT COUNT(*) FROM audit WHERE module='websites' AND action='outage_handled' AND record_id=%d"
               % hang) == "1"
    # the same form again (its version is gone): 409 with the page as it now is
    r = post_xml("/websites/%d/outage" % hang, dict(f, note="再次"), "cs_admin")
    assert r.status == 409
    assert sql("SELECT handled_note FROM web_outage WHERE id=%s" % f["outage"]) == [["服务器重启，已恢复监听"]]


def test_the_office_turns_a_trigger_into_one_incident():
    s = sites()
    away = s["away"]
    seven_hours_back(away)
    assert away in trigger_ids()
    f, o = outage_form(away, "office")
    before = int(one("SELECT COUNT(*) FROM inc_incident"))
    # the unit's own staff do not file it, nor another unit's: 403, nothing made
    for login in ("cs_admin", "me_admin"):
        r = post("/websites/%d/incident" % away, dict(f, csrf=page("/websites/", login)[1].findtext("./csrf")), login)
        assert r.status == 403, (login, r.status)
    # no CSRF token: refused
    assert post("/websites/%d/incident" % away, {"outage": f["outage"], "version": f["version"]}, "office").status == 403
    assert int(one("SELECT COUNT(*) FROM inc_incident")) == before
    r = post("/websites/%d/incident" % away, f, "office")
    assert r.status == 303, r
    iid = int(r.header("location").rstrip("/").split("/")[-1].split("?")[0])
    assert int(one("SELECT COUNT(*) FROM inc_incident")) == before + 1
    assert one("SELECT incident_id FROM web_outage WHERE id=%s" % f["outage"]) == str(iid)
    row = sql("SELECT unit_id, reporting_unit_id, system_id, started_at = (SELECT started_at FROM web_outage"
              " WHERE id=%s), category, harm, status, next_step <> '', INSTR(description, 'away.watch.test') > 0,"
              " lim_first_ontime, written_at IS NOT NULL FROM inc_incident WHERE id=%d" % (f["outage"], iid))[0]
    sysid = one("SELECT system_id FROM web_site WHERE id=%d" % away)
    assert row == [str(unit_id("C-CS")), str(unit_id("C-CS")), sysid, "1", "equipment_fault", "outage", "open",
                   "1", "1", "1800", "1"], row
    assert one("SELECT COUNT(*) FROM inc_step WHERE incident_id=%d" % iid) == "1"
    # a second click (the same form, or one from the page as it is now) makes none
    r = post_xml("/websites/%d/incident" % away, f, "office")
    assert r.status == 409
    assert r.xml().find("./data/outage-form").get("incident") == str(iid)
    f2, o2 = outage_form(away, "office")
    assert o2.get("incident") == str(iid) and o2.get("trigger") == "0"
    assert post_xml("/websites/%d/incident" % away, f2, "office").status == 409
    assert int(one("SELECT COUNT(*) FROM inc_incident")) == before + 1
    assert away not in trigger_ids()
    # the incidents module shows and handles it as its own, to the office and to the unit
    for login in ("office", "cs_admin"):
        r = get("/incidents/%d" % iid, login)
        assert r.status == 200 and "away.watch.test" in r.text, (login, r.status)
    assert 'href="/incidents/%d"' % iid in get("/websites/%d" % away, "cs_admin").text
