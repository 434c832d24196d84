"""The real-browser walk (issue 13, Tests): at 1280 px and at 375 px each role
signs in through the real sign-in form (typing its login and password and
clicking the button), finds an item on its home page's to-do, follows its link
to the record, completes the step there with the record's own form (typing
what the form asks, attaching a file where it wants one), checks the record
changed in the database and the item left its to-do, and signs out.  At 375 px
no page visited scrolls sideways; prints are counted as A4 pages.

Each size makes its own records in a unit of its own (fixtures.fresh_unit),
so the walk depends neither on the demo's states nor on what earlier tests
left: a threat notice due today for the unit's staff to answer and the office
to accept, and a VM request the unit head, the office and the centre take in
turn, and an incident whose proposed level a leader confirms.  The auditor has nothing to do and is told so.  One browser per size
(browser.py)."""
import os, tempfile, uuid
from browser import Browser
from fixtures import PDF, cloud_create, cloud_letter, cloud_step, file_incident, fresh_unit, post_xml
from lib import ACC, BASE, one, page_today, page, sql, unit_id


def records(width):
    """The unit, its logins and the two records the walk takes, made as the unit would."""
    code, staff, head = fresh_unit("W%d" % width)
    st, x = page("/home/", staff)
    today = page_today(x)
    no = "TB-WALK-" + uuid.uuid4().hex[:8]
    sql("INSERT INTO inc_notice (unit_id, source, notice_no, received_at, description, due_at, nonce,"
        " created_by, updated_by) VALUES (%d, 'test', '%s', NOW(), '浏览器走查通报', '%s 23:59:59', '%s',"
        " 'office', 'office')" % (unit_id(code), no, today.isoformat(), uuid.uuid4().hex))
    nid = int(one("SELECT id FROM inc_notice WHERE notice_no='%s'" % no))
    cloud_letter(code)
    vid = cloud_create(staff)
    assert cloud_step(vid, "submit", staff).status == 303
    # an incident the office filed and proposed level III for: a leader confirms it
    iid, _ = file_incident("office", unit=code)
    st, x = page("/incidents/%d" % iid)
    assert post_xml("/incidents/%d/propose" % iid, {"version": x.find("./data/incident").get("version"),
                                                    "csrf": x.findtext("./csrf"), "level": "3"}).status == 303
    return staff, head, nid, vid, iid, today


def steps(width, scan):
    """(login, to-do link, step form's action, hidden action or None, what to fill,
    state query, state after, print view or None, its A4 pages)."""
    staff, head, nid, vid, iid, today = records(width)
    n, v, i = "/incidents/notices/%d" % nid, "/cloud/%d" % vid, "/incidents/%d" % iid
    nq, vq = "SELECT status FROM inc_notice WHERE id = %d" % nid, "SELECT state FROM cloud_vm WHERE id = %d" % vid
    ip = "10.99.%d.%d" % (width % 200, vid % 250 + 1)
    return [
        (staff, n, n + "/respond", None, {"result": "已排查并修补漏洞，复测正常。", "file": scan},
         nq, "responded", None, 0),
        (head, v, v + "/step", "approve", {}, vq, "unit_approved", v + "/print", 1),
        ("office", n, n + "/accept", None, {}, nq, "accepted", None, 0),
        ("office", v, v + "/step", "approve", {}, vq, "office_approved", None, 0),
        ("center", v, v + "/step", "provision",
         {"server_name": "walk-%d" % vid, "ip": ip, "netmask": "255.255.255.0", "gateway": "10.99.0.254",
          "provision_date": today.isoformat()}, vq, "active", None, 0),
        # the level the office proposed is preselected: the leader confirms it
        ("leader", i, i + "/confirm", None, {}, "SELECT COALESCE(level, 0) FROM inc_incident WHERE id = %d" % iid,
         "3", None, 0),
    ]


def sign_in(b, login):
    b.go("/login")
    b.one("input[name='login']").send_keys(login)
    b.one("input[name='password']").send_keys(ACC[login][0])
    b.click(b.one("form[action='/login'] button[type='submit']"))
    b.wait_path("/home/")
    assert b.css("form.out"), b.text()[:300]


def sign_out(b):
    b.click(b.one("form.out button"))
    b.wait_path("/login")
    # signed out on the server too: the home page sends the browser back to the form
    b.go("/home/")
    b.wait_path("/login")


def no_side_scroll(b, seen):
    if b.width < 500:
        sw, iw = b.overflow()
        assert iw == b.width and sw <= iw, ("horizontal scroll", b.path(), sw, iw)
    seen.append(b.path())


def fill(b, xp, values):
    for name, value in values.items():
        el = b.xpath(xp + "//*[@name='%s']" % name)
        if el.get_attribute("type") == "date":
            # a date input takes keys in the browser's locale order: set the value the picker would
            b.d.execute_script("arguments[0].value = arguments[1]", el, value)
        else:
            if el.get_attribute("type") != "file":
                el.clear()
            el.send_keys(value)


def walk(width):
    seen = []
    with tempfile.TemporaryDirectory() as tmp, Browser(BASE, width) as b:
        scan = os.path.join(tmp, "处置报告.pdf")
        with open(scan, "wb") as f:
            f.write(PDF)
        for login, link, action, step, values, q, after, printed, pages in steps(width, scan):
            before = one(q)
            assert before != after, (login, link, before)
            sign_in(b, login)
            no_side_scroll(b, seen)
            a = b.one("a[href='%s']" % link)       # the to-do item, as the home page shows it
            b.click(a)
            b.wait_path(link)
            no_side_scroll(b, seen)
            xp = "//form[@action='%s']" % action
            if step:
                xp += "[input[@name='action'][@value='%s']]" % step
            fill(b, xp, values)
            b.click(b.xpath(xp + "//button[@type='submit']"))
            b.wait(lambda: one(q) == after, "%s: %s becomes %s (is %s)" % (login, q, after, one(q)))
            b.wait_path(link)
            no_side_scroll(b, seen)
            if printed:
                b.go(printed)
                b.wait_path(printed)
                assert b.pdf_pages() == pages, (printed, pages)
            b.go("/home/")
            b.wait_path("/home/")
            no_side_scroll(b, seen)
            # done: the item left this person's to-do
            assert not b.css("a[href='%s']" % link), (login, link, "still on the to-do")
            sign_out(b)
        # the auditor acts on nothing: the home page says so
        sign_in(b, "auditor")
        no_side_scroll(b, seen)
        assert "今天没有待办事项" in b.text(), b.text()[:300]
        sign_out(b)
    return seen


def test_walk_at_1280_px():
    assert len(walk(1280)) >= 16


def test_walk_at_375_px_without_a_side_scroll():
    assert len(walk(375)) >= 16
