"""The office's dashboard (issue 13): the units x duties matrix counted
against the records (each duty's rule recomputed here in Python from the
base tables, not from the module's SQL), a record changed and the cell
changing only after a refresh, the cells' links leading to the records
behind them, the sort and the pager along the index, the one-refresher
lock, the roles (unit staff 403 on the matrix, their own scorecard only),
the A4 landscape print view, CSV and XLSX (read back with openpyxl: Chinese
titles, the page's numbers), the charts' SVG with the monthly counts, and
the per-unit yearly scorecard from live data."""
import csv, datetime, html, io, re, subprocess, time, uuid
from lib import ACC, get, one, page, post, sql, stack_config, today

DUTIES = ("reg", "pledge", "sys", "vm", "web", "inc", "notice", "period")
SOON = 30	# dashboard.soon_days' default


def refresh(login="office"):
    """Forces a refresh through the page's button (POST with the CSRF token)."""
    st, x = page("/dashboard/", login)
    assert st == 200, st
    r = post("/dashboard/refresh", {"csrf": x.findtext("./csrf")}, login)
    assert r.status == 303 and "refreshed=1" in r.header("location"), r
    return r


def matrix_cells(query=""):
    """{code: {duty: (g, a, r, t)}} over every page of the matrix."""
    out, after, after_r, pages = {}, "", "", 0
    while True:
        q = query + ("&after=%s" % after if after else "") + ("&after_r=%s" % after_r if after_r else "")
        st, x = page("/dashboard/?" + q.lstrip("&"))
        assert st == 200, st
        units = x.find("./data/units")
        for u in units.findall("unit"):
            out[u.get("code")] = {c.get("d"): tuple(int(c.get(k)) for k in "gart") for c in u.findall("c")}
        pages += 1
        if units.get("next") is None:
            return out, pages
        after, after_r = units.get("next"), units.get("next-r") or ""


def cell(code, duty):
    """A unit's cell, read on the page whose keyset starts just before it."""
    st, x = page("/dashboard/?after=%s" % code[:-1])
    assert st == 200, st
    for u in x.findall("./data/units/unit"):
        if u.get("code") == code:
            c = [c for c in u.findall("c") if c.get("d") == duty][0]
            return tuple(int(c.get(k)) for k in "gart")
    raise AssertionError("unit %s not on the matrix" % code)


def d(s):
    return datetime.date.fromisoformat(s[:10]) if s and s != "NULL" else None


def t(s):
    return datetime.datetime.fromisoformat(s) if s and s != "NULL" else None


def tally(states):
    return (states.count(2), states.count(1), states.count(0), len(states))


# --- each duty's rule, from the base tables --------------------------------

def expect(uid, duty, year=None, day=None):
    day = day or today()
    now = datetime.datetime.now()
    year = year or day.year
    active = one("SELECT active FROM unit WHERE id=%d" % uid) == "1"
    if duty == "reg":
        roles = stack_config().get("registration.roles", "first,direct,secadmin").replace(" ", ",").split(",")
        roles = [r for r in roles if r]
        rows = sql("SELECT role, late FROM reg_holder WHERE unit_id=%d AND is_current=1" % uid)
        g = sum(1 for r, late in rows if r in roles and late == "0")
        a = sum(1 for r, late in rows if r in roles and late != "0")
        return (g, a, len(roles) - g - a, len(roles)) if active else (0, 0, 0, 0)
    if not active:
        return (0, 0, 0, 0)
    st = []
    if duty == "pledge":
        resign = stack_config().get("pledges.resign_kinds", "school_pledge,unit_pledge").split(",")
        kind = one("SELECT kind FROM unit WHERE id=%d" % uid)
        owed = [("school_pledge" if kind == "school" else "unit_pledge", "unit", uid)]
        owed += [(k, "unit", uid) for (k,) in sql("SELECT kind FROM pledge_requirement WHERE unit_id=%d"
                                                  " AND kind NOT IN ('letter2','software')" % uid)]
        owed += [("software", "person", int(p)) for (p,) in sql("SELECT id FROM pledge_person WHERE unit_id=%d"
                                                                 " AND active=1" % uid)]
        for k, pt, pid in owed:
            s = sql("SELECT signed_date FROM pledge_signing WHERE kind='%s' AND party_type='%s' AND party_id=%d"
                    " AND is_current=1" % (k, pt, pid))
            if not s:
                st.append(0)
                continue
            changed = pt == "unit" and k in resign and one(
                "SELECT COUNT(*) FROM reg_holder WHERE unit_id=%d AND role='first' AND effective_date > '%s'"
                % (uid, s[0][0])) != "0"
            st.append(1 if changed else 2)
    elif duty == "sys":
        for status, level, filing, due in sql("SELECT status, COALESCE(level,''), filing_no, COALESCE(next_due,'')"
                                              " FROM sys_system WHERE unit_id=%d AND status<>'retired'" % uid):
            unfiled = level == "" or (int(level) >= 2 and filing == "")
            due = d(due)
            if (due and due < day) or (status in ("trial", "online") and unfiled):
                st.append(0)
            elif unfiled or (due and due <= day + datetime.timedelta(days=SOON)):
                st.append(1)
            else:
                st.append(2)
    elif duty == "vm":
        for (due,) in sql("SELECT COALESCE(rereg_due,'') FROM cloud_vm WHERE unit_id=%d"
                          " AND state IN ('active','suspended')" % uid):
            due = d(due)
            st.append(0 if due and due < day else 1 if due and due <= day + datetime.timedelta(days=SOON) else 2)
    elif duty == "web":
        for state, late in sql("SELECT w.state, (SELECT COUNT(*) FROM web_finding f WHERE f.site_id=w.id"
                               " AND f.fixed_at IS NULL AND f.fix_by < '%s') FROM web_site w WHERE w.unit_id=%d"
                               " AND w.state NOT IN ('withdrawn','closed')" % (day.isoformat(), uid)):
            st.append(0 if state in ("discovered", "suspended") or late != "0" else 1 if state != "online" else 2)
    elif duty == "inc":
        for start, oral, written, ontime, late in sql(
                "SELECT started_at, COALESCE(oral_at,''), COALESCE(written_at,''), lim_first_ontime,"
                " lim_first_late FROM inc_incident WHERE unit_id=%d AND (level IS NULL OR level < 4)"
                " AND YEAR(started_at)=%d" % (uid, year)):
            start = t(start)
            first = min([x for x in (t(oral), t(written)) if x] or [None], key=lambda x: x or start)
            if first and first <= start + datetime.timedelta(seconds=int(ontime)):
                st.append(2)
            elif (first and first <= start + datetime.timedelta(seconds=int(late))) or \
                    (first is None and now <= start + datetime.timedelta(seconds=int(ontime))):
                st.append(1)
            else:
                st.append(0)
    elif duty == "notice":
        for status, responded, due, received in sql(
                "SELECT status, COALESCE(responded_at,''), due_at, received_at FROM inc_notice WHERE unit_id=%d"
                " AND kind='threat'" % uid):
            received, due, responded = t(received), t(due), t(responded)
            if not (received.year == year or (status != "accepted" and received.year < year)):
                continue
            if status == "accepted" and responded and responded <= due:
                st.append(2)
            elif status != "accepted" and now <= due:
                st.append(1)
            else:
                st.append(0)
    elif duty == "period":
        reported = {(p, r) for p, r in sql("SELECT period_id, day FROM inc_period_report WHERE unit_id=%d" % uid)}
        first, last = datetime.date(year, 1, 1), min(day, datetime.date(year, 12, 31))
        for pid, starts, ends in sql("SELECT id, starts, ends FROM inc_period"):
            x = max(d(starts), first)
            while x <= min(d(ends), last):
                st.append(2 if (pid, x.isoformat()) in reported else 1 if x == day else 0)
                x += datetime.timedelta(days=1)
    return tally(st)


def new_unit(tag, kind="college"):
    code = "T-DASH-%s-%s" % (tag, uuid.uuid4().hex[:4].upper())
    sql("INSERT INTO unit (code, name, name_en, kind) VALUES ('%s', '看板测试%s', 'Dash test %s', '%s')"
        % (code, tag, tag, kind))
    return code, int(one("SELECT id FROM unit WHERE code='%s'" % code))


def close_units(like):
    """Removes the test's units and what it gave them, so later tests see the demo's units alone."""
    ids = "SELECT id FROM unit WHERE code LIKE '%s'" % like
    for table in ("reg_holder", "sys_system", "reg_summary", "dash_unit"):
        sql("DELETE FROM %s WHERE unit_id IN (%s)" % (table, ids))
    sql("DELETE FROM unit WHERE code LIKE '%s'" % like)


def holder(uid, role, late=0):
    sql("INSERT INTO reg_holder (unit_id, role, name, title, effective_date, is_current, reported_at, deadline,"
        " late, nonce, created_by, updated_by) VALUES (%d, '%s', '测试人', '职务', CURDATE(), 1, NOW(), CURDATE(),"
        " %d, '%s', 'test', 'test')" % (uid, role, late, uuid.uuid4().hex))


# --- the tests ---------------------------------------------------------------

def test_every_cell_counts_the_records_by_its_rule():
    refresh()
    cells, _ = matrix_cells()
    day = today()
    units = sql("SELECT id, code FROM unit WHERE active=1")
    assert len(cells) == len(units), (len(cells), len(units))
    seen = set()
    for uid, code in units:
        for duty in DUTIES:
            want = expect(int(uid), duty, day=day)
            assert cells[code][duty] == want, (code, duty, cells[code][duty], want)
            if want[3]:
                seen.add(duty)
    # the demo data gives every duty something to count, so no rule is checked on zeros alone
    assert seen == set(DUTIES), seen
    # red, amber and green all occur somewhere
    assert any(c[2] for u in cells.values() for c in u.values())
    assert any(c[1] for u in cells.values() for c in u.values())
    assert any(c[0] for u in cells.values() for c in u.values())


def test_a_changed_record_changes_its_cell_after_a_refresh_only():
    code, uid = new_unit("chg")
    try:
        refresh()
        nroles = expect(uid, "reg")[3]
        assert cell(code, "reg") == (0, 0, nroles, nroles)
        assert cell(code, "pledge") == (0, 0, 1, 1)	# the unit pledge, never signed
        holder(uid, "first")
        holder(uid, "direct", late=1)
        sql("INSERT INTO sys_system (unit_id, name, kind, hosting, admin_name, admin_phone, status, level,"
            " filing_no, next_due, created_by, updated_by) VALUES (%d, '看板测试系统', 'info_system', 'external',"
            " '管理员', '010-1234', 'online', 3, '', DATE_ADD(CURDATE(), INTERVAL 200 DAY), 'test', 'test')" % uid)
        sid = int(one("SELECT MAX(id) FROM sys_system WHERE unit_id=%d" % uid))
        # the snapshot is younger than dashboard.refresh_seconds: the page still shows the old counts
        assert cell(code, "reg") == (0, 0, nroles, nroles)
        assert cell(code, "sys") == (0, 0, 0, 0)
        refresh()
        assert cell(code, "reg") == (1, 1, nroles - 2, nroles) == expect(uid, "reg")
        assert cell(code, "sys") == (0, 0, 1, 1) == expect(uid, "sys")	# online, level 3, not filed
        sql("UPDATE sys_system SET filing_no='11010099999-00001', filing_date=CURDATE() WHERE id=%d" % sid)
        refresh()
        assert cell(code, "sys") == (1, 0, 0, 1) == expect(uid, "sys")
        # closed units leave the matrix
        sql("UPDATE unit SET active=0 WHERE id=%d" % uid)
        refresh()
        cells, _ = matrix_cells()
        assert code not in cells
    finally:
        close_units(code)


def test_the_snapshot_time_and_the_refresh_audit():
    before = int(one("SELECT COUNT(*) FROM audit WHERE module='dashboard' AND action='refresh'"))
    refresh()
    assert int(one("SELECT COUNT(*) FROM audit WHERE module='dashboard' AND action='refresh'")) == before + 1
    hm = one("SELECT DATE_FORMAT(refreshed_at, '%H:%i') FROM dash_meta WHERE id=1")
    r = get("/dashboard/")
    assert r.status == 200 and ("数据截至 %s" % hm) in r.text, hm
    # a GET does not refresh a fresh snapshot
    at = one("SELECT refreshed_at FROM dash_meta WHERE id=1")
    get("/dashboard/")
    assert one("SELECT refreshed_at FROM dash_meta WHERE id=1") == at
    # a stale one is refreshed by the next page, by one worker
    sql("UPDATE dash_meta SET refreshed_at = refreshed_at - INTERVAL 1 DAY WHERE id=1")
    assert get("/dashboard/").status == 200
    assert one("SELECT refreshed_at >= '%s' FROM dash_meta WHERE id=1" % at) == "1"


def test_the_timer_s_command_refreshes_a_stale_snapshot():
    """wangan-dashboard --refresh, as wangan-dashboard-refresh.service runs it."""
    import os
    from lib import BIN, STACK
    sql("UPDATE dash_meta SET refreshed_at = refreshed_at - INTERVAL 1 DAY WHERE id=1")
    old = one("SELECT refreshed_at FROM dash_meta WHERE id=1")
    r = subprocess.run([os.path.join(BIN, "wangan-dashboard"), "--config", os.path.join(STACK, "wangan.conf"),
                        "--refresh"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "refreshed" in r.stdout, (r.returncode, r.stdout, r.stderr)
    # the snapshot says when and by what: the command line, not a person
    assert sql("SELECT refreshed_at > '%s', refreshed_by FROM dash_meta WHERE id=1" % old) == [["1", "cli"]]
    # fresh now: the next page reads it and does not refresh it again
    at = one("SELECT refreshed_at FROM dash_meta WHERE id=1")
    assert get("/dashboard/").status == 200
    assert one("SELECT refreshed_at FROM dash_meta WHERE id=1") == at


def test_only_one_refresher_at_a_time_the_others_read_the_previous_snapshot():
    refresh()
    at = one("SELECT refreshed_at FROM dash_meta WHERE id=1")
    conf = stack_config()
    holder_sql = "SELECT GET_LOCK('wangan-dashboard', 5); SELECT SLEEP(3); SELECT RELEASE_LOCK('wangan-dashboard');"
    import os
    p = subprocess.Popen(["mariadb", "--no-defaults", "-S", conf["db_socket"], "-u", conf["db_user"],
                          "-D", conf["db_name"], "-e", holder_sql],
                         env=dict(os.environ, MYSQL_PWD=conf["db_password"]), stdout=subprocess.DEVNULL)
    try:
        time.sleep(0.7)
        st, x = page("/dashboard/")
        r = post("/dashboard/refresh", {"csrf": x.findtext("./csrf")})
        assert r.status == 303 and "busy=1" in r.header("location"), r
        # and a stale snapshot is still served while someone else holds the lock
        sql("UPDATE dash_meta SET refreshed_at = '%s' - INTERVAL 1 DAY WHERE id=1" % at)
        st, x = page("/dashboard/")
        assert st == 200 and x.find("./data/snapshot").get("stale") == "1"
        assert len(x.findall("./data/units/unit")) > 0
    finally:
        p.wait(timeout=20)
    refresh()
    assert one("SELECT refreshed_at > '%s' - INTERVAL 1 SECOND FROM dash_meta WHERE id=1" % at) == "1"


def test_cells_link_to_the_records_behind_them():
    code, uid = new_unit("lnk")
    try:
        holder(uid, "first")
        sql("INSERT INTO sys_system (unit_id, name, kind, hosting, admin_name, admin_phone, status, level,"
            " filing_no, next_due, created_by, updated_by) VALUES (%d, '看板链接系统', 'info_system', 'external',"
            " '管理员', '010-1234', 'online', 2, 'X-1', DATE_SUB(CURDATE(), INTERVAL 3 DAY), 'test', 'test')" % uid)
        refresh()
        r = get("/dashboard/?after=%s" % code[:-1])
        assert r.status == 200
        row = re.search(r'<tr><th scope="row"><a href="/dashboard/unit/%s">.*?</tr>' % re.escape(code), r.text, re.S)
        assert row, code
        links = dict(re.findall(r'data-duty="(\w+)"[^>]*><a href="([^"]+)"', row.group(0)))
        assert html.unescape(links["reg"]) == "/registration/%d" % uid
        assert html.unescape(links["sys"]) == "/systems/?overdue=1&unit=%s" % code	# red: assessment overdue
        assert html.unescape(links["pledge"]) == "/pledges/?status=open&unit=%d" % uid
        # a unit with nothing to count has no link
        assert "vm" not in links and "web" not in links
        # the links open the records
        rr = get(html.unescape(links["reg"]))
        assert rr.status == 200 and "看板测试lnk" in rr.text
        st, x = page(html.unescape(links["sys"]))
        assert st == 200
        systems = x.findall("./data/systems/system")
        assert [s.get("unit-code") for s in systems] == [code] and systems[0].get("overdue") == "1"
        st, x = page(html.unescape(links["pledge"]))
        assert st == 200
        # the page of a demo unit with websites: its link lists that unit's filings, as many as the cell counts
        wid, wcode = sql("SELECT u.id, u.code FROM unit u JOIN web_site w ON w.unit_id=u.id WHERE u.active=1"
                         " AND w.state NOT IN ('withdrawn','closed') GROUP BY u.id ORDER BY COUNT(*) DESC LIMIT 1")[0]
        g, a, red, tot = cell(wcode, "web")
        sites, url = [], "/websites/?unit=%s" % wid
        while url:          # every page of the list, by its own next link
            r = get(url)
            assert r.status == 200, (url, r)
            st, x = page(url)
            sites += x.findall("./data/sites/site")
            nxt = re.search(r'<a rel="next" href="([^"]+)"', r.text)
            url = html.unescape(nxt.group(1)) if nxt else None
            assert url is None or url.startswith("/websites/?after=") and url.count("?") == 1, url
            assert len(sites) < 10000
        assert sites and all(s.get("unit-id") == wid for s in sites)
        assert sum(1 for s in sites if s.get("state") not in ("withdrawn", "closed")) == tot
    finally:
        close_units(code)


def test_sort_by_any_duty_worst_first_and_the_pager_walks_every_unit():
    for i in range(56):
        sql("INSERT INTO unit (code, name, kind) VALUES ('T-DASHP-%02d-%s', '分页测试%02d', 'office')"
            % (i, uuid.uuid4().hex[:3], i))
    try:
        refresh()
        codes = [c for (c,) in sql("SELECT code FROM unit WHERE active=1 ORDER BY code")]
        cells, pages = matrix_cells()
        assert pages >= 2 and sorted(cells) == sorted(codes)
        # by code: the pages in the database's collation order, 50 a page
        seen = []
        after = ""
        while True:
            st, x = page("/dashboard/" + ("?after=" + after if after else ""))
            us = x.find("./data/units")
            seen += [u.get("code") for u in us.findall("unit")]
            assert len(us.findall("unit")) <= 50
            if us.get("next") is None:
                break
            assert len(us.findall("unit")) == 50
            after = us.get("next")
        assert seen == codes
        for duty in ("reg", "sys", "pledge", "period"):
            st, x = page("/dashboard/?sort=%s" % duty)
            assert x.find("./data/units").get("sort") == duty
            order, after, after_r = [], "", ""
            while True:
                q = "/dashboard/?sort=%s%s" % (duty, "&after=%s&after_r=%s" % (after, after_r) if after else "")
                st, x = page(q)
                us = x.find("./data/units")
                for u in us.findall("unit"):
                    c = [c for c in u.findall("c") if c.get("d") == duty][0]
                    order.append((-int(c.get("r")), u.get("code")))
                if us.get("next") is None:
                    break
                after, after_r = us.get("next"), us.get("next-r")
            assert len(order) == len(codes) and {c for _, c in order} == set(codes), duty
            # worst first, the code within a tie (the database's order of codes)
            rank = {c: i for i, c in enumerate(codes)}
            assert order == sorted(order, key=lambda o: (o[0], rank[o[1]])), duty
            # and the numbers are the records' own
            for neg_r, c in order[:5]:
                uid = int(one("SELECT id FROM unit WHERE code='%s'" % c))
                assert -neg_r == expect(uid, duty)[2], (duty, c)
        # the sort is kept in the URL: the column titles link to it, the pager keeps it
        r = get("/dashboard/?sort=sys")
        assert 'href="/dashboard/?sort=reg"' in r.text and "sort=sys&amp;after=" in r.text
        assert get("/dashboard/?sort=nonsense").status == 400
        assert get("/dashboard/?after=%27%20OR%201%3D1").status == 400
    finally:
        close_units("T-DASHP-%")


def test_roles_matrix_for_office_leader_auditor_scorecard_for_own_unit():
    for login in ("office", "leader", "auditor"):
        assert get("/dashboard/", login).status == 200, login
        assert get("/dashboard/matrix.csv", login).status == 200, login
        assert get("/dashboard/charts", login).status == 200, login
    for login in ("cs_admin", "cs_head", "center"):
        for path in ("/dashboard/", "/dashboard/print", "/dashboard/matrix.csv", "/dashboard/matrix.xlsx",
                     "/dashboard/charts"):
            assert get(path, login).status == 403, (login, path)
    own = ACC["cs_admin"][2]
    other = one("SELECT code FROM unit WHERE active=1 AND code <> '%s' ORDER BY code LIMIT 1" % own)
    st, x = page("/dashboard/unit/%s" % own, "cs_admin")
    assert st == 200 and x.find("./data/unit").get("code") == own
    denied = int(one("SELECT COUNT(*) FROM audit WHERE login='cs_admin' AND module='dashboard'"))
    assert get("/dashboard/unit/%s" % other, "cs_admin").status == 403
    assert get("/dashboard/unit/%s" % other, "cs_head").status == 403
    assert int(one("SELECT COUNT(*) FROM audit WHERE login='cs_admin' AND module='dashboard'")) == denied + 1
    assert get("/dashboard/unit/%s" % other, "auditor").status == 200
    # only the office refreshes, and only with the form's token
    st, x = page("/dashboard/", "leader")
    assert post("/dashboard/refresh", {"csrf": x.findtext("./csrf")}, "leader").status == 403
    assert post("/dashboard/refresh", {"csrf": "1.bad"}, "office").status == 403
    assert get("/dashboard/unit/NO-SUCH-UNIT").status == 404


def test_print_view_is_a4_landscape_with_the_matrix():
    refresh()
    r = get("/dashboard/print?sort=reg")
    assert r.status == 200
    assert "@page{size:A4 landscape" in r.text
    st, x = page("/dashboard/print?sort=reg")
    units = x.findall("./data/units/unit")
    assert units and x.find("./data/units").get("sort") == "reg"
    for u in units[:3]:
        assert ('/dashboard/unit/%s' % u.get("code")) in r.text
    assert "<script" not in r.text


def test_csv_and_xlsx_hold_the_matrix_with_chinese_titles():
    import openpyxl
    refresh()
    cells, _ = matrix_cells()
    r = get("/dashboard/matrix.csv")
    assert r.status == 200 and r.header("content-type").startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))
    head, body = rows[0], rows[1:]
    assert head[:2] == ["单位代码", "单位名称"]
    assert "责任人登记 · 完成" in head and "系统备案与测评 · 逾期/缺失" in head and "重要时期报平安 · 合计" in head
    assert len(head) == 2 + 4 * len(DUTIES)
    assert [b[0] for b in body] == [c for (c,) in sql("SELECT code FROM unit WHERE active=1 ORDER BY code")]
    for b in body:
        for i, duty in enumerate(DUTIES):
            assert tuple(int(v) for v in b[2 + 4 * i: 6 + 4 * i]) == cells[b[0]][duty], (b[0], duty)
    r = get("/dashboard/matrix.xlsx")
    assert r.status == 200 and "spreadsheetml" in r.header("content-type") and r.body[:2] == b"PK"
    wb = openpyxl.load_workbook(io.BytesIO(r.body), read_only=True)
    ws = wb.worksheets[0]
    xrows = [list(v) for v in ws.iter_rows(values_only=True)]
    assert [str(v) for v in xrows[0]] == head
    assert len(xrows) == len(body) + 1
    for xr in xrows[1:]:
        for i, duty in enumerate(DUTIES):
            assert tuple(int(v) for v in xr[2 + 4 * i: 6 + 4 * i]) == cells[xr[0]][duty], (xr[0], duty)
    name = one("SELECT name FROM unit WHERE code='%s'" % xrows[1][0])
    assert xrows[1][1] == name
    # English titles on request
    r = get("/dashboard/matrix.csv?lang=en")
    assert r.body.decode("utf-8-sig").startswith('"Unit code","Unit"')


def test_charts_draw_the_monthly_counts_as_svg_and_a_table():
    refresh()
    year = today().year
    want = {int(m): int(n) for m, n in sql("SELECT MONTH(started_at), COUNT(*) FROM inc_incident"
                                           " WHERE YEAR(started_at)=%d GROUP BY MONTH(started_at)" % year)}
    assert sum(want.values()) > 0, "the demo files incidents this year"
    r = get("/dashboard/charts")
    assert r.status == 200 and "<svg" in r.text and "<script" not in r.text
    got = {int(m): int(n) for m, n in re.findall(r'<g data-month="(\d+)" data-total="(\d+)"', r.text)}
    assert len(got) == 12
    assert {m: n for m, n in got.items() if n} == want
    # the categories' table: each row's months as the database has them
    bycat = {}
    for tax, cat, m, n in sql("SELECT taxonomy, category, MONTH(started_at), COUNT(*) FROM inc_incident"
                              " WHERE YEAR(started_at)=%d GROUP BY taxonomy, category, MONTH(started_at)" % year):
        bycat.setdefault((tax, cat), {})[int(m)] = int(n)
    for (tax, cat), months in bycat.items():
        row = re.search(r'<tr data-tax="%s" data-cat="%s">(.*?)</tr>' % (tax, cat), r.text, re.S)
        assert row, (tax, cat)
        cellsm = dict(re.findall(r'<td data-month="(\d+)">(\d*)</td>', row.group(1)))
        assert {int(k): int(v) for k, v in cellsm.items() if v and v != "0"} == months, (tax, cat)
    # the on-time rate per unit, its numbers as a table too
    for code, g, tot in re.findall(r'<tr data-unit="([^"]+)"><th scope="row">.*?</th><td>(\d+)</td><td>(\d+)</td>',
                                   r.text):
        uid = int(one("SELECT id FROM unit WHERE code='%s'" % code))
        e = expect(uid, "inc")
        assert (int(g), int(tot)) == (e[0], e[3]), code
    r = get("/dashboard/charts?year=%d" % (year - 1))
    assert r.status == 200 and "<svg" in r.text
    assert get("/dashboard/charts?year=abc").status == 400


def test_scorecard_is_live_and_says_what_it_cannot_answer():
    code, uid = new_unit("card")
    try:
        holder(uid, "first")
        st, x = page("/dashboard/unit/%s" % code)	# no refresh: live data
        assert st == 200
        duties = {e.get("code"): tuple(int(e.get(k)) for k in "gart") for e in x.findall("./data/duties/duty")}
        assert set(duties) == set(DUTIES)
        for duty in DUTIES:
            assert duties[duty] == expect(uid, duty), duty
        assert duties["reg"][0] == 1
        # a demo unit with data, this year and last year
        demo = ACC["cs_admin"][2]
        did = int(one("SELECT id FROM unit WHERE code='%s'" % demo))
        for year in (today().year, today().year - 1):
            st, x = page("/dashboard/unit/%s?year=%d" % (demo, year))
            assert st == 200 and x.find("./data/unit").get("year") == str(year)
            for e in x.findall("./data/duties/duty"):
                assert tuple(int(e.get(k)) for k in "gart") == expect(did, e.get("code"), year=year), \
                    (year, e.get("code"))
        refs = [i.get("ref") for i in x.findall("./data/indicators/i")]
        assert "s002_1" in refs and "s002_10" in refs
        why = {i.get("ref"): i.get("why") for i in x.findall("./data/unanswered/i")}
        # the year's duties (modules/duties) answer the drill and the training hours where the site runs them
        yearly = "duties" in stack_config()["modules"].split()
        if yearly:
            assert "s002_12" in refs and "s002_7" in refs and "s002_12" not in why and "s002_7" not in why
            assert x.find("./data/yearly") is not None
        else:
            assert why.get("s002_12") == "training" and why.get("s002_7") == "drill"
        roles = x.find("./data/roles")
        assert roles.get("liaison") == one("SELECT COUNT(*) FROM reg_holder WHERE unit_id=%d AND role='liaison'"
                                           " AND is_current=1" % did)
        r = get("/dashboard/unit/%s" % demo)
        assert "暂不能回答" in r.text and "平台不记录会议" in r.text and "@page" in r.text
        assert ("平台尚无培训学时" in r.text) != yearly
        assert get("/dashboard/unit/%s?year=1999" % demo).status == 400
        assert get("/dashboard/unit/%s?year=20x5" % demo).status == 400
    finally:
        close_units(code)
