"""wangan-admin loads CSV all-or-nothing; with more than a page of units the
list pages by code with next/previous links.  Runs last: it adds units."""
import os, subprocess
from lib import BIN, STACK, one, page


def admin(*args):
    return subprocess.run([os.path.join(BIN, "wangan-admin"), "--config", os.path.join(STACK, "wangan.conf")]
                          + list(args), capture_output=True, text=True)


def csv(name, lines):
    path = os.path.join(STACK, "tmp", name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path


def test_bad_csv_row_loads_nothing_and_names_the_line():
    before = one("SELECT COUNT(*) FROM unit")
    path = csv("bad.csv", ["code,name,name_en,kind", "X-1,单位一,,office", "X-2,\"单位,二\",,office",
                           "X 3,坏代码,,office"])
    r = admin("load-units", path)
    assert r.returncode != 0 and "bad.csv:4" in r.stderr and "code" in r.stderr, r.stderr
    assert one("SELECT COUNT(*) FROM unit") == before
    r = admin("load-calendar", csv("cal.csv", ["date,kind,name", "2026-02-30,holiday,bad"]))
    assert r.returncode != 0 and "cal.csv:2" in r.stderr


def test_more_than_a_page_of_units_pages_by_code():
    lines = ["code,name,name_en,kind"] + ["P-%03d,测试单位%03d,Test unit %03d,office" % (i, i, i) for i in range(60)]
    r = admin("load-units", csv("units.csv", lines))
    assert r.returncode == 0, r.stderr
    assert "loaded 60 units" in r.stdout
    total = int(one("SELECT COUNT(*) FROM unit WHERE active = 1"))
    assert total == 74
    _, x = page("/registration/")
    first = [u.get("code") for u in x.findall("./data/units/unit")]
    assert len(first) == 50 and x.find("./data/units").get("next") == first[-1]
    assert x.find("./data/units").get("prev") is None
    _, x = page("/registration/?after=" + first[-1])
    second = [u.get("code") for u in x.findall("./data/units/unit")]
    assert len(second) == total - 50 and second[0] > first[-1]
    assert x.find("./data/units").get("next") is None and x.find("./data/units").get("prev") == second[0]
    _, x = page("/registration/?before=" + second[0])
    assert [u.get("code") for u in x.findall("./data/units/unit")] == first
    # a loaded unit has no holders yet: every role is listed as missing
    _, x = page("/registration/?missing=first")
    assert "P-000" in [u.get("code") for u in x.findall("./data/units/unit")]


def test_loaded_rows_carry_the_sites_time():
    """wangan-admin writes in the site's zone like the modules: a unit loaded
    now has created_at within a minute of the site's clock (the tests run in
    the site's zone; tests/run), not eight hours off (UTC)."""
    import datetime
    r = admin("load-units", csv("tz.csv", ["code,name,name_en,kind", "TZ-1,时区测试单位,Zone test,office"]))
    assert r.returncode == 0, r.stderr
    at = datetime.datetime.fromisoformat(one("SELECT created_at FROM unit WHERE code = 'TZ-1'"))
    assert abs((datetime.datetime.now() - at).total_seconds()) < 60, at
