"""tx_run, the one way a module writes: a row held by another transaction
past lock_wait_seconds makes it try the whole transaction three times, then
answer 503 "busy" with nothing written; the same form, submitted again once
the row is free, lands once, and a double submit of it goes where the first
went."""
import os, subprocess, time
from lib import STACK, change_form, one, post, request, unit_id

GOOD = {"name": "锁等待测试", "title": "网络安全员", "office_phone": "0371-68221234",
        "mobile": "13812345678", "email": "lock@example.edu.cn"}


def conf():
    out = {}
    with open(os.path.join(STACK, "wangan.conf")) as f:
        for line in f:
            if "=" in line and not line.lstrip().startswith("#"):
                k, v = line.split("=", 1)
                out[k.strip()] = v.strip()
    return out


def hold_rows(unit, seconds):
    """A second session that locks every holder row of the unit, for seconds."""
    c = conf()
    p = subprocess.Popen(["mariadb", "--no-defaults", "-n", "-S", c["db_socket"], "-u", c["db_user"],
                          "-D", c["db_name"], "--batch", "--skip-column-names"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                         env=dict(os.environ, MYSQL_PWD=c["db_password"]))
    p.stdin.write("BEGIN;\nSELECT COUNT(*) FROM (SELECT id FROM reg_holder WHERE unit_id = %d FOR UPDATE) x;\n"
                  "SELECT SLEEP(%d);\nROLLBACK;\n" % (unit, seconds))
    p.stdin.flush()
    assert p.stdout.readline().strip() != "", "the locking session did not lock"
    return p


def test_a_held_row_is_tried_three_times_then_busy_and_nothing_lost():
    wait = int(conf().get("lock_wait_seconds", "5"))
    u = unit_id("C-CS")
    st, f, csrf = change_form(u, "secadmin", "cs_admin")
    assert st == 200
    f.update(GOOD, role="secadmin", csrf=csrf, name="锁等待" + os.urandom(3).hex())
    before = one("SELECT COUNT(*) FROM reg_holder WHERE unit_id = %d" % u)
    log = os.path.join(STACK, "log", "registration.log")
    log_at = os.path.getsize(log)
    locker = hold_rows(u, 3 * wait + 20)
    try:
        t0 = time.time()
        r = request("POST", "/registration/%d/change" % u, "cs_admin", body=f,
                    headers={"Accept": "application/xml"})
        took = time.time() - t0
    finally:
        locker.kill()
        locker.wait()
    assert r.status == 503, r
    assert r.xml().find("./data").get("code") == "busy", r
    # three tries, each waiting lock_wait_seconds, and no more
    assert 3 * wait - 0.5 <= took < 3 * wait + 10, took
    with open(log, encoding="utf-8", errors="replace") as lf:
        lf.seek(log_at)
        tail = lf.read()
    assert "try 3 of 3" in tail and "waited too long for a lock" in tail, tail[-2000:]
    assert one("SELECT COUNT(*) FROM reg_holder WHERE unit_id = %d" % u) == before
    assert one("SELECT COUNT(*) FROM form_nonce WHERE nonce = '%s'" % f["nonce"]) == "0"
    # nothing typed is lost: the same form lands once the row is free, and only once
    r1 = post("/registration/%d/change" % u, f, "cs_admin")
    r2 = post("/registration/%d/change" % u, f, "cs_admin")
    assert r1.status == 303 and r2.status == 303, (r1, r2)
    assert r1.header("location") == r2.header("location") == "/registration/%d?saved=holder.change" % u
    assert int(one("SELECT COUNT(*) FROM reg_holder WHERE unit_id = %d" % u)) == int(before) + 1
    assert one("SELECT COUNT(*) FROM reg_holder WHERE name = '%s'" % f["name"]) == "1"
    assert one("SELECT then_url FROM form_nonce WHERE nonce = '%s'" % f["nonce"]) == r1.header("location")
