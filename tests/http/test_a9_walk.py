"""The real-browser walk (issue 13, Tests): at 1280 px and at 375 px each role
signs in through the real sign-in form (typing its login and password and
clicking the button), finds an item on its home page's to-do, follows its link
to the record, completes the step there with the record's own button, checks
the record changed in the database and the item left its to-do, and signs out.
At 375 px no page visited scrolls sideways.  The demo data offers each role
something waiting on it; each size takes a different record so the two runs
do not depend on each other's order.  One browser per size (browser.py)."""
from browser import Browser
from lib import ACC, BASE, one, sql

# (login, home-page link, step form's action, the hidden action (None: none),
#  table, state after, the record's print view, its expected A4 pages)
WALKS = {
    1280: [
        ("office", "/incidents/notices/3", "/incidents/notices/3/accept", None,
         "SELECT status FROM inc_notice WHERE id = 3", "accepted", None, 0),
        ("cs_head", "/cloud/2", "/cloud/2/step", "approve",
         "SELECT state FROM cloud_vm WHERE id = 2", "unit_approved", "/cloud/2/print", 1),
    ],
    375: [
        ("cs_head", "/websites/2", "/websites/2/step", "approve",
         "SELECT state FROM web_site WHERE id = 2", "approved", "/websites/2/print", 1),
    ],
}


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


def walk(width):
    seen = []
    with Browser(BASE, width) as b:
        for login, link, action, step, q, after, printed, pages in WALKS[width]:
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
            assert not b.css("a[href='%s']" % link) or login == "office", (login, link, "still on the to-do")
            sign_out(b)
    return seen


def test_walk_at_1280_px():
    assert walk(1280)


def test_walk_at_375_px_without_a_side_scroll():
    assert walk(375)
