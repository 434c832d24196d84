"""Cloud VMs by the calendar (issue 11): the yearly re-registration by the
unit (the due date moves a year on, the history and the cloud_rereg row;
another unit's staff and the office 403; missing ticks 422 and nothing
saved; a double submit records one), the due-soon and overdue lists, the
reclaimable list and the centre's reclaim (refused when not reclaimable,
one of two at once 409, the IP free again), by unit, expiring, by kind, and
a filtered list paged past 50.  Dates are placed in the data with SQL."""
import datetime, uuid
from lib import account_cache_seconds, form, get, one, page, sql, today, unit_id, wait_for
from fixtures import at_once, post_xml
from fixtures import cloud_create as create, cloud_letter as letter, cloud_state as state, cloud_step as step

D = datetime.timedelta(days=1)


def active_vm(login="cs_admin", head="cs_head", unit="C-CS"):
    letter(unit)
    vid = create(login)
    # the suite's earlier VMs fill the unit's quota: the office overrides (test_97 tests the rule)
    for a, who in (("submit", login), ("approve", head), ("approve", "office")):
        assert step(vid, a, who, **({"override": "1"} if who == "office" else {})).status == 303
    ip = "10.99.%d.%d" % (vid // 250 % 250, vid % 250 + 1)
    r = step(vid, "provision", "center", server_name="rr-%d" % vid, ip=ip, netmask="255.255.255.0",
             gateway="10.99.0.254", provision_date=str(today()))
    assert r.status == 303, r
    assert state(vid) == "active"
    return vid, ip


def place(vid, registered=None, due=None, period_to="2035-12-31"):
    sql("UPDATE cloud_vm SET registered_on=%s, rereg_due=%s, period_to='%s' WHERE id=%d" % (
        "'%s'" % registered if registered else "NULL", "'%s'" % due if due else "NULL", period_to, vid))


def year_on(d):
    try:
        return d.replace(year=d.year + 1)
    except ValueError:
        return d.replace(year=d.year + 1, day=28)


def ids(path, login="office"):
    st, x = page(path, login)
    assert st == 200, (path, st)
    return [int(v.get("id")) for v in x.findall("./data/vms/vm")], x


def rereg_form(vid, login="cs_admin"):
    f = form("/cloud/%d/rereg" % vid, login)
    f.update({"purpose_ok": "1", "still_needed": "1", "logs_kept": "1", "admin_name": "李管理",
              "admin_contact": "13900000000"})
    return f


def test_provisioning_registers_and_sets_the_due_date():
    vid, _ = active_vm()
    t = today()
    assert one("SELECT registered_on FROM cloud_vm WHERE id=%d" % vid) == str(t)
    # CLOUD_REQ's period ends 2026-12-31: shorter than a year from now, so none is due
    due = one("SELECT COALESCE(rereg_due, '') FROM cloud_vm WHERE id=%d" % vid)
    end = datetime.date(2026, 12, 31)
    assert due == ("" if year_on(t) > end else str(year_on(t)))


def test_rereg_by_the_unit_moves_the_due_date_on_and_double_submit_records_one():
    vid, _ = active_vm()
    t = today()
    place(vid, registered=t - 360 * D, due=t + 5 * D)
    st, x = page("/cloud/%d" % vid, "cs_admin")
    assert x.find("./data/life").get("may-rereg") == "1"
    assert x.find("./data/life").get("due") == str(t + 5 * D)
    steps = int(one("SELECT COUNT(*) FROM cloud_vm_step WHERE vm_id=%d" % vid))
    f = rereg_form(vid)
    r1 = post_xml("/cloud/%d/rereg" % vid, f, "cs_admin")
    assert r1.status == 303, r1
    r2 = post_xml("/cloud/%d/rereg" % vid, f, "cs_admin")
    assert r2.status == 303, r2
    assert one("SELECT registered_on FROM cloud_vm WHERE id=%d" % vid) == str(t)
    assert one("SELECT rereg_due FROM cloud_vm WHERE id=%d" % vid) == str(year_on(t))
    rows = sql("SELECT login, admin_name, admin_contact, purpose_ok, still_needed, logs_kept, due_was, due_next"
               " FROM cloud_rereg WHERE vm_id=%d" % vid)
    assert rows == [["cs_admin", "李管理", "13900000000", "1", "1", "1", str(t + 5 * D), str(year_on(t))]]
    assert int(one("SELECT COUNT(*) FROM cloud_vm_step WHERE vm_id=%d" % vid)) == steps + 1
    assert one("SELECT to_state FROM cloud_vm_step WHERE vm_id=%d ORDER BY id DESC LIMIT 1" % vid) == "reregistered"
    assert one("SELECT COUNT(*) FROM audit WHERE module='cloud' AND record_id=%d AND action='rereg'" % vid) == "1"
    st, x = page("/cloud/%d" % vid, "cs_admin")
    assert x.find("./data/reregs/rereg").findtext("admin") == "李管理"
    assert state(vid) == "active"


def test_rereg_refused_for_others_and_missing_ticks_save_nothing():
    vid, _ = active_vm()
    t = today()
    place(vid, registered=t - 360 * D, due=t + 5 * D)

    def snap():
        return (sql("SELECT registered_on, rereg_due, version FROM cloud_vm WHERE id=%d" % vid),
                one("SELECT COUNT(*) FROM cloud_rereg WHERE vm_id=%d" % vid))
    before = snap()
    assert get("/cloud/%d/rereg" % vid, "me_admin").status == 403
    assert get("/cloud/%d/rereg" % vid, "office").status == 403
    f = rereg_form(vid)
    g = form("/cloud/new", "me_admin")
    assert post_xml("/cloud/%d/rereg" % vid, dict(f, csrf=g["csrf"]), "me_admin").status == 403
    for missing in ("purpose_ok", "logs_kept", "admin_name"):
        h = dict(f)
        h.pop(missing)
        r = post_xml("/cloud/%d/rereg" % vid, h, "cs_admin")
        assert r.status == 422, (missing, r)
        assert r.xml().find("./data/form/field[@name='%s']" % missing).get("error")
    h = dict(f)
    h.pop("still_needed")
    r = post_xml("/cloud/%d/rereg" % vid, h, "cs_admin")
    assert r.status == 422 and r.xml().find("./data/release") is not None
    assert snap() == before


def test_due_soon_and_overdue_lists():
    t = today()
    soon, _ = active_vm()
    late, _ = active_vm()
    fine, _ = active_vm()
    place(soon, registered=t - 355 * D, due=t + 10 * D)
    place(late, registered=t - 370 * D, due=t - 5 * D)
    place(fine, registered=t - 100 * D, due=t + 265 * D)
    got, x = ids("/cloud/?due=soon")
    assert soon in got and late not in got and fine not in got
    v = [e for e in x.findall("./data/vms/vm") if e.get("id") == str(soon)][0]
    assert v.get("date") == str(t + 10 * D)
    got, _ = ids("/cloud/?due=overdue")
    assert late in got and soon not in got and fine not in got
    got, _ = ids("/cloud/?due=overdue", "cs_admin")
    assert late in got
    got, _ = ids("/cloud/?due=overdue", "me_admin")
    assert late not in got


def test_reclaimable_list_reclaim_and_refusal():
    t = today()
    old, ip = active_vm()
    young, _ = active_vm()
    place(old, registered=t - 4 * 366 * D, due=t - 3 * 366 * D)
    place(young, registered=t - 400 * D, due=t - 35 * D)
    got, _ = ids("/cloud/?reclaimable=1")
    assert old in got and young not in got
    # not reclaimable: 422, nothing changed
    st, x = page("/cloud/%d" % young, "center")
    assert x.find("./data/life").get("may-reclaim") == "0"
    f = {"version": x.find("./data/vm").get("version"), "reason": "x", "csrf": x.findtext("./csrf")}
    r = post_xml("/cloud/%d/reclaim" % young, f, "center")
    assert r.status == 422, r
    assert any(m.get("code") == "cloud_not_reclaimable" for m in r.xml().findall("./messages/msg"))
    assert state(young) == "active" and one("SELECT ended_by FROM cloud_vm WHERE id=%d" % young) == "NULL"
    # the unit cannot reclaim
    g = form("/cloud/new", "cs_admin")
    assert post_xml("/cloud/%d/reclaim" % old, dict(f, csrf=g["csrf"]), "cs_admin").status == 403
    # the centre reclaims: the record kept, the IP free again
    st, x = page("/cloud/%d" % old, "center")
    assert x.find("./data/life").get("may-reclaim") == "1"
    f = {"version": x.find("./data/vm").get("version"), "reason": "三年未备案", "csrf": x.findtext("./csrf")}
    r = post_xml("/cloud/%d/reclaim" % old, f, "center")
    assert r.status == 303, r
    assert sql("SELECT state, ended_by, end_reason, ip, COALESCE(ip_active, '') FROM cloud_vm WHERE id=%d"
               % old) == [["reclaimed", "center", "三年未备案", ip, ""]]
    assert one("SELECT to_state FROM cloud_vm_step WHERE vm_id=%d ORDER BY id DESC LIMIT 1" % old) == "reclaimed"
    assert one("SELECT COUNT(*) FROM audit WHERE module='cloud' AND record_id=%d AND action='reclaim'" % old) == "1"
    st, x = page("/cloud/ip?q=" + ip, "center")
    assert x.find("./data/vm") is None
    got, _ = ids("/cloud/?reclaimable=1")
    assert old not in got
    # the same form again: the state moved on
    assert post_xml("/cloud/%d/reclaim" % old, f, "center").status == 409


def test_two_centre_accounts_reclaim_at_once_one_wins():
    t = today()
    vid, _ = active_vm()
    place(vid, registered=t - 4 * 366 * D, due=t - 3 * 366 * D)
    sql("UPDATE account SET role='center' WHERE login='auditor'")
    try:
        def may(login):
            st, x = page("/cloud/%d" % vid, login)
            return st == 200 and x.find("./data/life").get("may-reclaim") == "1"
        assert wait_for(lambda: may("auditor"), account_cache_seconds() + 10)
        fs = []
        for who in ("center", "auditor"):
            st, x = page("/cloud/%d" % vid, who)
            fs.append((who, {"version": x.find("./data/vm").get("version"), "reason": who,
                             "csrf": x.findtext("./csrf")}))
        rs = at_once(*[lambda w=w, f=f: post_xml("/cloud/%d/reclaim" % vid, f, w) for w, f in fs])
        assert sorted(r.status for r in rs) == [303, 409], rs
    finally:
        sql("UPDATE account SET role='auditor' WHERE login='auditor'")
    assert state(vid) == "reclaimed"
    assert one("SELECT COUNT(*) FROM cloud_vm_step WHERE vm_id=%d AND to_state='reclaimed'" % vid) == "1"


def test_by_unit_list_and_a_unit_role_sees_only_its_own():
    me = unit_id("C-ME")
    cs = unit_id("C-CS")
    st, x = page("/cloud/?unit=%d" % me, "office")
    assert st == 200
    units = {v.get("unit-id") for v in x.findall("./data/vms/vm")}
    assert units == {str(me)}
    st, x = page("/cloud/?unit=%d" % me, "cs_admin")
    assert st == 200
    units = {v.get("unit-id") for v in x.findall("./data/vms/vm")}
    assert units <= {str(cs)} and units
    st, x = page("/cloud/?due=overdue&unit=%d" % me, "cs_admin")
    assert {v.get("unit-id") for v in x.findall("./data/vms/vm")} <= {str(cs)}


def test_expiring_list():
    t = today()
    ending, _ = active_vm()
    ended, _ = active_vm()
    later, _ = active_vm()
    place(ending, registered=t - 30 * D, period_to=str(t + 5 * D))
    place(ended, registered=t - 30 * D, period_to=str(t - 2 * D))
    place(later, registered=t - 30 * D, period_to=str(t + 300 * D))
    got, x = ids("/cloud/?expiring=1")
    assert ending in got and ended in got and later not in got
    e = [v for v in x.findall("./data/vms/vm") if v.get("id") == str(ended)][0]
    assert e.get("expired") == "1" and e.get("date") == str(t - 2 * D)
    assert 'href="/cloud/?expiring=1"' in get("/cloud/", "office").text


def test_kind_list():
    tag = uuid.uuid4().hex
    sql("INSERT INTO cloud_vm (kind, unit_id, applicant, contact, apply_date, vcpu, memory_gib, disk_gib,"
        " period_from, period_to, purpose, nonce, created_by, updated_by) VALUES ('host', %d, '托管', '1',"
        " CURDATE(), 8, 32, 1000, CURDATE(), '2030-01-01', '托管服务器', '%s', 'test', 'test')"
        % (unit_id("C-CS"), tag))
    host = int(one("SELECT id FROM cloud_vm WHERE nonce='%s'" % tag))
    vid, _ = active_vm()
    got, x = ids("/cloud/?kind=host")
    assert host in got and vid not in got
    assert all(v.get("kind") == "host" for v in x.findall("./data/vms/vm"))
    got, _ = ids("/cloud/?kind=vm")
    assert vid in got and host not in got
    got, _ = ids("/cloud/?kind=host", "me_admin")
    assert host not in got
    assert get("/cloud/?kind=box", "office").status == 400


def test_a_filtered_list_pages_past_fifty():
    tag = uuid.uuid4().hex[:8]
    cs = unit_id("C-CS")
    sql("INSERT INTO cloud_vm (unit_id, applicant, contact, apply_date, vcpu, memory_gib, disk_gib, period_from,"
        " period_to, purpose, state, registered_on, rereg_due, nonce, created_by, updated_by)"
        " SELECT %d, 'p', '1', CURDATE(), 1, 1, 1, '2000-01-01', '2035-01-01', 'page', 'active',"
        " '2000-01-01', '2001-01-01' + INTERVAL (seq MOD 3) DAY, CONCAT('%s', LPAD(seq, 24, '0')),"
        " 'pagetest', 'pagetest' FROM seq_1_to_60" % (cs, tag))
    try:
        made = {int(r[0]) for r in sql("SELECT id FROM cloud_vm WHERE nonce LIKE '%s%%'" % tag)}
        assert len(made) == 60
        seen, path, pages = [], "/cloud/?due=overdue", 0
        while path and pages < 5:
            st, x = page(path, "office")
            assert st == 200
            vms = x.findall("./data/vms/vm")
            assert len(vms) <= 50
            seen += [int(v.get("id")) for v in vms]
            dates = [(v.get("date"), int(v.get("id"))) for v in vms]
            assert dates == sorted(dates)
            n = x.find("./data/vms").get("next")
            path = ("/cloud/?due=overdue&after=%s&at=%s" % (n, x.find("./data/vms").get("next-at"))) if n else None
            pages += 1
        assert pages >= 2
        assert len(seen) == len(set(seen))
        assert made <= set(seen)
        assert seen[:60] and set(seen[:50]) <= made  # the oldest due come first
    finally:
        sql("DELETE FROM cloud_vm WHERE created_by='pagetest'")
