"""The home page (issue 13, "Home and to-do"): `/` goes to /home/; each
person's to-do in three groups — overdue (how late), due soon (time left),
awaiting me — read from the modules' todo_* views (schema 025) and checked
here against the records: a record made due appears for its unit's staff
with its link and its time left in working days or minutes, never for
another unit's staff; backdated, it moves to overdue with how late.  The
office sees the approvals waiting on it and every unit's overdue summed;
the centre its provisioning; each module's kind of item shows at least
once; the guides render for every role."""
import datetime, uuid
from lib import calendar, add_workdays, get, one, page, sql, stack_config, unit_id
from fixtures import cloud_create, cloud_letter, cloud_step, file_incident, fresh_unit, now, web_create, web_step


def workdays_between(a, b, ex):
    """Working days strictly after a up to and including b (workday.c's wd_between)."""
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        kind = ex.get(d)
        if kind == "workday" or (kind is None and d.weekday() < 5):
            n += 1
    return n


def todo(login):
    st, x = page("/home/", login)
    assert st == 200, (login, st)
    return x


def items(x, group=None):
    path = "./data/todo/group/item" if group is None else "./data/todo/group[@name='%s']/item" % group
    return x.findall(path)


def find(x, module, kind, record, group=None):
    found = [i for i in items(x, group) if i.get("module") == module and i.get("kind") == kind
             and i.get("record") == str(record)]
    return found[0] if found else None


def site_today(x):
    return datetime.date.fromisoformat(x.get("today"))


def soon_days():
    return int(stack_config().get("home.soon_days", "5"))


def notice(unit_code, due):
    no = "TB-A1-" + uuid.uuid4().hex[:8]
    sql("INSERT INTO inc_notice (unit_id, source, notice_no, received_at, description, due_at, nonce,"
        " created_by, updated_by) VALUES (%d, 'test', '%s', NOW(), 'home test', '%s 23:59:59', '%s',"
        " 'test', 'test')"
        % (unit_id(unit_code), no, due.isoformat(), uuid.uuid4().hex))
    return int(one("SELECT id FROM inc_notice WHERE notice_no='%s'" % no))


def test_the_front_door_goes_home():
    r = get("/")
    assert r.status == 302, r
    assert r.header("location").endswith("/home/")
    st, x = page("/home/", "cs_admin")
    assert st == 200
    assert x.find("./nav/item[@module='home']") is not None


def test_a_notice_due_soon_for_its_unit_only_then_overdue_and_how_late():
    ex = calendar()
    code, staff, _ = fresh_unit()
    x = todo(staff)
    today = site_today(x)
    due = add_workdays(today, 2, ex)
    nid = notice(code, due)
    x = todo(staff)
    it = find(x, "incidents", "notice", nid, "soon")
    assert it is not None, [i.attrib for i in items(x)]
    assert it.get("link") == "/incidents/notices/%d" % nid
    assert it.get("left") == "2" and it.get("clock") == "workday"
    assert it.get("unit-id") == str(unit_id(code))
    assert "还剩 2 个工作日" in get("/home/", staff).text
    # another unit's staff never sees it, nor any item of another unit
    other = todo("me_admin")
    assert find(other, "incidents", "notice", nid) is None
    assert {i.get("unit-id") for i in items(other)} <= {str(unit_id("C-ME"))}
    assert {i.get("unit-id") for i in items(x)} <= {str(unit_id(code))}
    # backdated three working days: overdue, three working days late
    past = today
    for _ in range(3):
        past -= datetime.timedelta(days=1)
        while not (ex.get(past) == "workday" or (ex.get(past) is None and past.weekday() < 5)):
            past -= datetime.timedelta(days=1)
    sql("UPDATE inc_notice SET due_at='%s 23:59:59' WHERE id=%d" % (past.isoformat(), nid))
    x = todo(staff)
    assert find(x, "incidents", "notice", nid, "soon") is None
    it = find(x, "incidents", "notice", nid, "overdue")
    assert it is not None
    assert it.get("late") == str(workdays_between(past, today, ex)) == "3"
    assert it.get("late-days") == str((today - past).days)
    assert "逾期 3 个工作日" in get("/home/", staff).text
    # the office's summary counts it with every unit's overdue notices
    st, o = page("/home/", "office")
    row = o.find("./data/todo/summary/row[@module='incidents'][@kind='notice']")
    n = int(one("SELECT COUNT(*) FROM inc_notice WHERE kind='threat' AND open_=1 AND due_at < '%s'"
                % today.isoformat()))
    assert row is not None and int(row.get("count")) == n >= 1
    # answered and accepted: gone
    sql("UPDATE inc_notice SET status='accepted' WHERE id=%d" % nid)
    assert find(todo(staff), "incidents", "notice", nid) is None


def test_an_assessment_shows_only_when_due_soon_and_then_overdue():
    ex = calendar()
    code, staff, _ = fresh_unit()
    today = site_today(todo(staff))
    name = "首页测试系统" + uuid.uuid4().hex[:6]
    far = add_workdays(today, soon_days() + 3, ex)
    sql("INSERT INTO sys_system (unit_id, name, kind, hosting, admin_name, admin_phone, status, level,"
        " next_due, created_by, updated_by) VALUES (%d, '%s', 'info_system', 'external', '管理员',"
        " '0371-1', 'online', 2, '%s', 'test', 'test')" % (unit_id(code), name, far.isoformat()))
    sid = int(one("SELECT id FROM sys_system WHERE name='%s'" % name))
    # far off: a scheduled duty awaits nobody yet
    assert find(todo(staff), "systems", "assessment", sid) is None
    near = add_workdays(today, 1, ex)
    sql("UPDATE sys_system SET next_due='%s' WHERE id=%d" % (near.isoformat(), sid))
    it = find(todo(staff), "systems", "assessment", sid, "soon")
    assert it is not None and it.get("left") == "1" and it.get("link") == "/systems/%d" % sid
    assert find(todo("me_admin"), "systems", "assessment", sid) is None
    sql("UPDATE sys_system SET next_due='%s' WHERE id=%d" % ((today - datetime.timedelta(days=10)).isoformat(), sid))
    it = find(todo(staff), "systems", "assessment", sid, "overdue")
    assert it is not None
    assert it.get("late") == str(workdays_between(today - datetime.timedelta(days=10), today, ex))
    assert it.get("late-days") == "10"
    # a finding of its assessment, to fix by a date: soon, then fixed and gone
    sql("INSERT INTO sys_assessment (system_id, assessed_date, agency, result, nonce, created_by)"
        " VALUES (%d, '%s', '测评机构', 'basic_pass', '%s', 'test')" % (sid, today.isoformat(), uuid.uuid4().hex))
    aid = int(one("SELECT MAX(id) FROM sys_assessment WHERE system_id=%d" % sid))
    fix = add_workdays(today, 2, ex)
    sql("INSERT INTO sys_finding (assessment_id, system_id, description, fix_deadline, nonce, created_by,"
        " updated_by) VALUES (%d, %d, '弱口令', '%s', '%s', 'test', 'test')" % (aid, sid, fix.isoformat(), uuid.uuid4().hex))
    fid = int(one("SELECT MAX(id) FROM sys_finding WHERE system_id=%d" % sid))
    it = find(todo(staff), "systems", "finding", fid, "soon")
    assert it is not None and it.get("left") == "2" and it.get("link") == "/systems/%d" % sid
    assert find(todo("me_admin"), "systems", "finding", fid) is None
    sql("UPDATE sys_finding SET done_date='%s' WHERE id=%d" % (today.isoformat(), fid))
    assert find(todo(staff), "systems", "finding", fid) is None
    sql("UPDATE sys_system SET status='retired', next_due=NULL WHERE id=%d" % sid)
    assert find(todo(staff), "systems", "assessment", sid) is None


def test_an_incident_step_runs_on_minutes_for_the_role_that_takes_it():
    # an incident of a unit of its own, filed by the office 45 minutes after it started
    code, staff, head = fresh_unit()
    iid, _ = file_incident("office", unit=code)
    # the site's times (the tests run in the site's zone: tests/run)
    rows = sql("SELECT id, next_step, next_due FROM inc_incident"
               " WHERE status='open' AND id=%d AND next_due < '9999-01-01'" % iid)
    assert rows, "a filed incident has a next step with its clock"
    step = rows[0][1]
    mins = int((datetime.datetime.fromisoformat(rows[0][2]) - now()).total_seconds() // 60)
    login = head if step == "review" else staff
    it = find(todo(login), "incidents", "incident_step", iid)
    assert it is not None, [i.attrib for i in items(todo(login))]
    assert it.get("clock") == "hour" and it.get("state") == step
    assert it.get("link") == "/incidents/%d" % iid
    got = int(it.get("late")) if it.get("late") else -int(it.get("left"))
    assert abs(got - (-mins)) <= 2, (got, mins)
    if step == "review":
        assert find(todo(staff), "incidents", "incident_step", iid) is None
    assert find(todo("me_admin"), "incidents", "incident_step", iid) is None
    assert find(todo("cs_admin"), "incidents", "incident_step", iid) is None


def test_a_proposed_level_awaits_the_leaders_at_once_and_leaves_when_confirmed():
    from fixtures import post_xml
    code, staff, _ = fresh_unit()
    iid, _ = file_incident("office", unit=code)
    assert find(todo("leader"), "incidents", "incident_step", iid) is None     # nothing proposed yet

    def act(name, login, **f):
        st, x = page("/incidents/%d" % iid, login)
        f.update({"version": x.find("./data/incident").get("version"), "csrf": x.findtext("./csrf")})
        return post_xml("/incidents/%d/%s" % (iid, name), f, login)
    assert act("propose", "office", level="2").status == 303
    # the unit's written report is still owed (its step's clock): the leader is asked all the same
    assert one("SELECT next_step FROM inc_incident WHERE id=%d" % iid) != "confirm"
    it = find(todo("leader"), "incidents", "incident_step", iid, "awaiting")
    assert it is not None and it.get("state") == "confirm" and it.get("link") == "/incidents/%d" % iid
    assert it.get("due") is None and it.get("actor") == "leader"
    assert act("confirm", "leader", level="2").status == 303
    assert find(todo("leader"), "incidents", "incident_step", iid) is None


def test_the_office_sees_approvals_the_centre_its_provisioning():
    cloud_letter("C-CS")
    vid = cloud_create("cs_admin")
    assert cloud_step(vid, "submit", "cs_admin").status == 303
    it = find(todo("cs_head"), "cloud", "request", vid, "awaiting")
    assert it is not None and it.get("state") == "submitted" and it.get("link") == "/cloud/%d" % vid
    assert find(todo("office"), "cloud", "request", vid) is None
    assert cloud_step(vid, "approve", "cs_head").status == 303
    o = todo("office")
    it = find(o, "cloud", "request", vid, "awaiting")
    assert it is not None and it.get("state") == "unit_approved"
    assert it.find("unit").text == one("SELECT name FROM unit WHERE code='C-CS'")
    # the office's awaiting items are all the office's to take
    assert {i.get("actor") for i in items(o)} == {"office"}
    assert find(todo("cs_admin"), "cloud", "request", vid) is None
    assert find(todo("center"), "cloud", "request", vid) is None
    assert cloud_step(vid, "approve", "office", override="1").status == 303
    it = find(todo("center"), "cloud", "request", vid, "awaiting")
    assert it is not None and it.get("state") == "office_approved"
    assert find(todo("office"), "cloud", "request", vid) is None


def test_a_re_registration_due_and_a_website_filing_to_approve():
    ex = calendar()
    today = site_today(todo("cs_admin"))
    vid = int(one("SELECT id FROM cloud_vm WHERE unit_id=%d AND state='active' ORDER BY id LIMIT 1"
                  % unit_id("C-CS")))
    sql("UPDATE cloud_vm SET rereg_due='%s' WHERE id=%d" % (today.isoformat(), vid))
    it = find(todo("cs_admin"), "cloud", "rereg", vid, "soon")
    assert it is not None and it.get("left") == "0" and it.get("link") == "/cloud/%d/rereg" % vid
    assert "今天到期" in get("/home/", "cs_admin").text
    sid = web_create("home-%s.a1.edu.cn" % uuid.uuid4().hex[:6], "cs_admin")
    assert web_step(sid, "submit", "cs_admin").status == 303
    it = find(todo("cs_head"), "websites", "site", sid, "awaiting")
    assert it is not None and it.get("state") == "submitted" and it.get("link") == "/websites/%d" % sid
    assert find(todo("center"), "websites", "site", sid) is None


def test_registration_and_pledges_gaps_as_the_site_keeps_them():
    cs = unit_id("C-CS")
    roles = [r.strip() for r in stack_config().get("registration.roles", "").replace(" ", ",").split(",") if r.strip()]
    x = todo("cs_admin")
    # an optional role the site does not keep is no gap
    for r in ("liaison", "sysadmin"):
        missing = one("SELECT COUNT(*) FROM reg_holder WHERE unit_id=%d AND role='%s' AND is_current=1" % (cs, r)) == "0"
        shown = any(i.get("kind") == "holder_missing" and i.get("state") == r for i in items(x))
        assert shown == (missing and r in roles), r
    # a required role without a current holder is
    hid = one("SELECT id FROM reg_holder WHERE unit_id=%d AND role='secadmin' AND is_current=1" % cs)
    sql("UPDATE reg_holder SET is_current=NULL WHERE id=%s" % hid)
    try:
        it = [i for i in items(todo("cs_admin"), "awaiting") if i.get("kind") == "holder_missing"
              and i.get("state") == "secadmin"]
        assert it and it[0].get("link") == "/registration/%d" % cs
        assert not [i for i in items(todo("me_admin")) if i.get("kind") == "holder_missing"
                    and i.get("unit-id") == str(cs)]
    finally:
        sql("UPDATE reg_holder SET is_current=1 WHERE id=%s" % hid)
    # the letters C-CS must sign and has not: each one item
    want = {r[0] for r in sql("SELECT q.kind FROM pledge_requirement q LEFT JOIN pledge_signing s ON"
                              " s.kind=q.kind AND s.party_type='unit' AND s.party_id=q.unit_id AND s.is_current=1"
                              " WHERE q.unit_id=%d AND s.id IS NULL" % cs)}
    got = {i.get("state") for i in items(todo("cs_admin")) if i.get("kind") == "sign_missing"
           and i.get("record") == str(cs)}
    assert want <= got


def test_a_re_sign_after_a_new_first_responsible_person_is_overdue_by_the_setting():
    ex = calendar()
    code, staff, _ = fresh_unit()
    uid = unit_id(code)
    today = site_today(todo(staff))
    kind = stack_config().get("pledges.resign_kinds", "school_pledge,unit_pledge").split(",")[0].strip()
    # the unit signed forty days ago; its first responsible person changed thirty days ago
    signed, since = today - datetime.timedelta(days=40), today - datetime.timedelta(days=30)
    sql("INSERT INTO pledge_signing (kind, template_id, party_type, party_id, unit_id, signer_name, signed_date,"
        " is_current, nonce, created_by, updated_by) SELECT '%s', MIN(id), 'unit', %d, %d, '旧负责人', '%s', 1,"
        " '%s', 'test', 'test' FROM pledge_template WHERE kind = '%s'"
        % (kind, uid, uid, signed.isoformat(), uuid.uuid4().hex, kind))
    sql("INSERT INTO reg_holder (unit_id, role, name, title, effective_date, is_current, reported_at, deadline,"
        " nonce, created_by, updated_by) VALUES (%d, 'first', '新负责人', '院长', '%s', 1, NOW(), '%s', '%s',"
        " 'test', 'test')" % (uid, since.isoformat(), today.isoformat(), uuid.uuid4().hex))
    days = int(stack_config().get("pledges.resign_days", "10"))
    x = todo(staff)
    due = add_workdays(since, days, ex)
    assert due < today
    found = [i for i in items(x) if i.get("kind") == "resign" and i.get("state") == kind]
    assert len(found) == 1, [i.attrib for i in items(x)]
    it = found[0]
    assert it.get("due") == due.isoformat()
    assert it in items(x, "overdue")
    assert it.get("late") == str(workdays_between(due, today, ex))
    st, o = page("/home/", "office")
    row = o.find("./data/todo/summary/row[@module='pledges'][@kind='resign']")
    assert row is not None and int(row.get("count")) >= 1
    assert not [i for i in items(todo("cs_admin")) if i.get("kind") == "resign" and i.get("unit-id") == str(uid)]
    # signed again after the change: the re-sign is gone
    sql("UPDATE pledge_signing SET signed_date = '%s' WHERE party_id = %d AND kind = '%s'"
        % (today.isoformat(), uid, kind))
    assert not [i for i in items(todo(staff)) if i.get("kind") == "resign"]


def test_todays_all_clear_in_an_important_period():
    cs = unit_id("C-CS")
    day = site_today(todo("cs_admin")).isoformat()
    rows = sql("SELECT p.id FROM inc_period p LEFT JOIN inc_period_report r ON r.period_id=p.id AND"
               " r.day='%s' AND r.unit_id=%d WHERE p.starts <= '%s' AND p.ends >= '%s'"
               " AND r.id IS NULL" % (day, cs, day, day))
    if not rows:
        sql("INSERT INTO inc_period (name, starts, ends, nonce, created_by) VALUES ('首页测试时期',"
            " '%s', '%s', '%s', 'test')" % (day, day, uuid.uuid4().hex))
        rows = sql("SELECT MAX(id) FROM inc_period")
    pid = int(rows[0][0])
    it = find(todo("cs_admin"), "incidents", "period_report", pid)
    assert it is not None and it.get("clock") == "hour" and it.get("link") == "/incidents/periods/%d" % pid
    sql("INSERT INTO inc_period_report (period_id, unit_id, day, status, reported_at, reported_by, nonce)"
        " VALUES (%d, %d, '%s', 'clear', NOW(), 'cs_admin', '%s')" % (pid, cs, day, uuid.uuid4().hex))
    assert find(todo("cs_admin"), "incidents", "period_report", pid) is None


def test_an_empty_to_do_says_so_and_the_auditor_has_nothing_to_do():
    x = todo("auditor")
    assert not items(x)
    assert x.find("./data/todo/summary") is not None
    assert "今天没有待办事项" in get("/home/", "auditor").text
    assert "Nothing to do today" in get("/home/?lang=en", "auditor").text


def test_the_guides_render_for_every_role_in_both_languages():
    for role in ("unit_staff", "unit_head", "office", "leader", "auditor", "center"):
        st, x = page("/home/guide/%s" % role, "cs_admin")
        assert st == 200 and x.find("./data/guide").get("role") == role
        zh, en = get("/home/guide/%s" % role, "cs_admin").text, get("/home/guide/%s?lang=en" % role, "cs_admin").text
        assert "使用指南" in zh and "User guide" in en
        assert zh.count('class="guide-module"') >= 4
    assert get("/home/guide/nobody", "cs_admin").status == 404
    assert '/home/guide/unit_staff' in get("/home/", "cs_admin").text


def test_a_module_the_site_does_not_enable_adds_nothing():
    """A second home process whose config leaves incidents out (as test_93 does for the nav)."""
    import os, signal, subprocess
    from lib import BIN, STACK, wait_for
    conf = os.path.join(STACK, "home-a1.conf")
    sock = os.path.join(STACK, "run", "home-a1.sock")
    with open(os.path.join(STACK, "wangan.conf")) as f:
        text = f.read()
    with open(conf, "w") as f:        # a later line overrides the stack's own
        f.write(text + "\nmodules = home registration pledges systems cloud websites\n")
    if os.path.exists(sock):
        os.unlink(sock)
    p = subprocess.Popen([os.path.join(BIN, "wangan-home"), "--config", conf, "--listen", sock,
                          "--workers", "1"], stderr=subprocess.DEVNULL)

    def fcgi():
        env = dict(os.environ, REQUEST_METHOD="GET", DOCUMENT_URI="/home/", SCRIPT_NAME="/home/",
                   QUERY_STRING="", REMOTE_USER="cs_admin", HTTP_ACCEPT="application/xml")
        r = subprocess.run(["cgi-fcgi", "-bind", "-connect", sock], env=env, capture_output=True, timeout=20)
        out = r.stdout.decode("utf-8", "replace")
        return out if "</page>" in out else None
    try:
        # the stack's own home page has incidents items for C-CS (the demo's notice, its incident)
        assert [i for i in items(todo("cs_admin")) if i.get("module") == "incidents"]
        assert wait_for(lambda: os.path.exists(sock), 15)
        out = wait_for(fcgi, 15)
        assert out and "Status: 200" in out, out
        assert 'module="pledges"' in out and 'module="incidents"' not in out, out[:3000]
    finally:
        p.send_signal(signal.SIGTERM)
        assert p.wait(15) == 0
        if os.path.exists(conf):
            os.unlink(conf)
