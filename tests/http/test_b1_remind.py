"""E-mail reminders (issue 14, "Reminders"): `wangan-home --remind` runs one
round against a real SMTP server (aiosmtpd, started here on a local port)
through a config copy that points at it.  A unit of the test's own gets an
assessment due in one working day: its staff gets one digest (recipient,
Chinese subject RFC 2047-encoded with English, body in both languages with
the record's link), the head nothing yet; a second round sends nothing new.
Then the mail server is stopped, an incident filed (an hour's clock: mail at
once), a round sends nothing and the outbox keeps the mail with a retry
time; with the server back the next round delivers it exactly once."""
import datetime, json, re, email, email.header, email.policy, os, socket, subprocess, time, uuid
from aiosmtpd.controller import Controller
from lib import BIN, STACK, add_workdays, calendar, one, sql, today, unit_id
from fixtures import MIN, dt, file_incident, fresh_unit, now

BASE = "https://wangan.test"


class Sink:
    """What the SMTP server accepted: (envelope recipients, parsed message)."""
    def __init__(self):
        self.mails = []

    async def handle_DATA(self, server, session, envelope):
        self.mails.append((list(envelope.rcpt_tos), email.message_from_bytes(envelope.content,
                                                                              policy=email.policy.default)))
        return "250 OK"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start(sink, port):
    c = Controller(sink, hostname="127.0.0.1", port=port)
    c.start()
    return c


def config(port):
    path = os.path.join(STACK, "remind-b1.conf")
    with open(os.path.join(STACK, "wangan.conf")) as f:
        text = f.read()
    with open(path, "w") as f:        # a later line overrides the stack's own
        f.write(text + "\nremind.smtp_url = smtp://127.0.0.1:%d\nremind.smtp_tls = off\n"
                "remind.from = wangan-test@example.edu.cn\nremind.base_url = %s\n"
                # any hour of the test's day: the digest's hour is a site setting
                "remind.digest_hour = 0\nremind.retry_base_seconds = 1\nremind.smtp_timeout_seconds = 5\n"
                % (port, BASE))
    return path


def round_(conf):
    r = subprocess.run([os.path.join(BIN, "wangan-home"), "--config", conf, "--remind"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr + r.stdout
    return r.stdout


def text(msg):
    return msg.get_body(("plain",)).get_content()


def to(sink, addr, subject=""):
    return [m for rcpt, m in sink.mails if addr in rcpt and subject in m["Subject"]]


def is_workday(day, ex):
    kind = ex.get(day)
    return kind == "workday" or (kind is None and day.weekday() < 5)


def test_reminders_reach_the_person_once_and_survive_an_outage():
    ex = calendar()
    code, staff, head = fresh_unit("B1")
    uid = unit_id(code)
    tag = uuid.uuid4().hex[:6]
    se, he = "%s-%s@example.edu.cn" % (staff, tag), "%s-%s@example.edu.cn" % (head, tag)
    sql("UPDATE account SET email='%s' WHERE login='%s'" % (se, staff))
    sql("UPDATE account SET email='%s' WHERE login='%s'" % (he, head))
    day = today(staff)
    name = "提醒测试系统" + tag
    sql("INSERT INTO sys_system (unit_id, name, kind, hosting, admin_name, admin_phone, status, level,"
        " next_due, created_by, updated_by) VALUES (%d, '%s', 'info_system', 'external', '管理员',"
        " '0371-1', 'online', 2, '%s', 'test', 'test')" % (uid, name, add_workdays(day, 1, ex).isoformat()))
    sid = int(one("SELECT id FROM sys_system WHERE name='%s'" % name))
    sink, port = Sink(), free_port()
    conf = config(port)
    smtp = start(sink, port)
    try:
        round_(conf)
        # (an important period of the demo's may be on: its all-clear of today is mailed too)
        mine = to(sink, se, "待办事项提醒")
        if is_workday(day, ex):
            assert len(mine) == 1, [m["Subject"] for m in mine]
            m = mine[0]
            raw = m.as_string()
            assert "=?UTF-8?B?" in raw.split("\n\n", 1)[0], raw[:600]     # the subject is RFC 2047-encoded
            assert "待办事项提醒" in m["Subject"] and "to-do reminder" in m["Subject"], m["Subject"]
            assert m["To"] == se and m["From"] == "wangan-test@example.edu.cn"
            body = text(m)
            assert name in body and "等级测评到期" in body and "Assessment due" in body, body
            assert "%s/systems/%d" % (BASE, sid) in body, body
            assert body.index("还剩 1 个工作日") < body.index("1 working day(s) left"), body   # Chinese first
            # recorded once, for the staff only: one working day before reaches no head yet
            assert one("SELECT COUNT(*) FROM remind_sent WHERE module='systems' AND record_id=%d"
                       " AND stage='before:1' AND account_id=(SELECT id FROM account WHERE login='%s')"
                       % (sid, staff)) == "1"
        else:
            # a day off: nothing of a working-day deadline
            assert mine == []
        assert to(sink, he) == []
        # the next round: nothing new
        n = len(sink.mails)
        round_(conf)
        assert len(sink.mails) == n, [m["Subject"] for _, m in sink.mails[n:]]
        # done: the item leaves todo_item, nothing more of it ever
        sql("UPDATE sys_system SET status='retired', next_due=NULL WHERE id=%d" % sid)

        # the mail server goes away; an incident's clock mails at once
        smtp.stop()
        smtp = None
        start_at = now() - MIN
        iid, _ = file_incident(staff, started_at=dt(start_at), discovered_at=dt(start_at))
        actor, late = sql("SELECT actor, due_at IS NOT NULL AND due_at < NOW() FROM todo_item"
                          " WHERE module='incidents' AND kind='incident_step' AND record_id=%d"
                          " AND actor IN ('unit', 'unit_head')" % iid)[0]
        expect = {se if actor == "unit" else he}
        if late == "1":
            expect.add(he)
        out = round_(conf)
        assert len(sink.mails) == n, out
        rows = sql("SELECT o.rcpt, o.attempts, o.sent_at IS NULL, o.next_try_at > o.created_at, o.last_error"
                   " FROM remind_outbox o WHERE o.account_id IN (SELECT id FROM account WHERE unit_id=%d)"
                   " AND o.sent_at IS NULL" % uid)
        assert {r[0] for r in rows} == expect, rows
        for rcpt, attempts, unsent, later, err in rows:
            assert attempts == "1" and unsent == "1" and later == "1" and err, rows
        # the server is back; once the retry time has come, the mail arrives, once
        smtp = start(sink, port)
        time.sleep(2.5)
        round_(conf)
        round_(conf)
        got = [(rcpt, m) for rcpt, m in sink.mails[n:] if re.search(r"/incidents/%d\s" % iid, text(m))]
        assert len(got) == len(sink.mails) - n, [m["Subject"] for _, m in sink.mails[n:]]
        assert sorted(r[0] for r, _ in got) == sorted(expect), [(r, m["Subject"]) for r, m in got]
        for _, m in got:
            assert "紧急" in m["Subject"] and "Urgent" in m["Subject"], m["Subject"]
            assert "%s/incidents/%d" % (BASE, iid) in text(m)
        assert one("SELECT COUNT(*) FROM remind_outbox WHERE account_id IN"
                   " (SELECT id FROM account WHERE unit_id=%d) AND sent_at IS NULL" % uid) == "0"
        time.sleep(1.5)
        round_(conf)
        assert len(sink.mails) == n + len(expect)
    finally:
        if smtp is not None:
            smtp.stop()
        os.unlink(conf)


def test_a_mail_queued_during_an_outage_is_dropped_when_its_item_is_done_first():
    code, staff, head = fresh_unit("B1")
    uid = unit_id(code)
    tag = uuid.uuid4().hex[:6]
    for login in (staff, head):
        sql("UPDATE account SET email='%s-%s@example.edu.cn' WHERE login='%s'" % (login, tag, login))
    sink, port = Sink(), free_port()
    conf = config(port)             # no server on the port: every mail stays in the outbox
    try:
        start_at = now() - MIN
        iid, _ = file_incident(staff, started_at=dt(start_at), discovered_at=dt(start_at))
        round_(conf)
        mine = ("SELECT COUNT(*) FROM remind_outbox o JOIN remind_sent s ON s.outbox_id = o.id"
                " WHERE s.module='incidents' AND s.record_id=%d AND o.sent_at IS NULL AND %s")
        assert one(mine % (iid, "o.cancelled_at IS NULL")) != "0"
        # the incident is done (closed) before the server comes back
        sql("UPDATE inc_incident SET status='closed' WHERE id=%d" % iid)
        out = round_(conf)
        assert re.search(r"[1-9]\d* dropped", out), out
        assert one(mine % (iid, "o.cancelled_at IS NULL")) == "0"
        assert one(mine % (iid, "o.cancelled_at IS NOT NULL")) != "0"
        # the server is back: nothing about the closed incident arrives
        smtp = start(sink, port)
        try:
            time.sleep(2.5)
            round_(conf)
        finally:
            smtp.stop()
        assert [m for _, m in sink.mails if re.search(r"/incidents/%d\s" % iid, text(m))] == []
    finally:
        os.unlink(conf)


# --- the second channel: a unit's group robot ---------------------------------

class Robot:
    """A group robot's HTTPS endpoint (a self-signed certificate the round is told to trust):
    the JSON bodies it was posted, answered as enterprise WeChat answers (errcode 0),
    or refused (errcode 93000) while refuse is set."""
    def __init__(self, tmp):
        import http.server, ssl, threading
        self.posts, self.refuse = [], False
        self.cert = os.path.join(tmp, "robot-cert.pem")
        key = os.path.join(tmp, "robot-key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", key, "-out", self.cert], check=True, capture_output=True)
        robot = self

        class H(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                n = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(n)
                if not robot.refuse:
                    robot.posts.append((self.path, self.headers.get("Content-Type"), json.loads(body)))
                out = b'{"errcode":93000,"errmsg":"invalid webhook url"}' if robot.refuse else \
                    b'{"errcode":0,"errmsg":"ok"}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

            def log_message(self, *a):
                pass
        self.srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(self.cert, key)
        self.srv.socket = ctx.wrap_socket(self.srv.socket, server_side=True)
        self.port = self.srv.server_address[1]
        threading.Thread(target=self.srv.serve_forever, daemon=True).start()

    def stop(self):
        self.srv.shutdown()
        self.srv.server_close()


def test_the_office_sets_a_units_group_robot_and_only_a_robot_host_is_taken():
    from lib import form, page, post
    code, _, _ = fresh_unit("B1")
    uid = unit_id(code)
    good = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + uuid.uuid4().hex
    for bad in ("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x",      # not TLS
                "https://qyapi.weixin.qq.com.evil.example/send",              # not the host
                "https://10.0.0.1/hook"):                                     # an inside address
        f = form("/office/units/%d" % uid)
        f["webhook_url"] = bad
        r = post("/office/units/%d" % uid, f)
        assert r.status == 422, (bad, r.status)
        assert "群机器人地址须是 https://" in r.text, bad
        assert one("SELECT COALESCE(webhook_url, '') FROM unit WHERE id=%d" % uid) == ""
    f = form("/office/units/%d" % uid)
    f["webhook_url"] = good
    assert post("/office/units/%d" % uid, f).status == 303
    assert one("SELECT webhook_url FROM unit WHERE id=%d" % uid) == good
    # the audit keeps the host, not the robot's key
    after = one("SELECT after_data FROM audit WHERE module='office' AND record_type='unit' AND record_id=%d"
                " AND action='change' ORDER BY id DESC LIMIT 1" % uid)
    assert json.loads(after)["webhook"] == "https://qyapi.weixin.qq.com/…" and "key=" not in after
    # the unit's own staff cannot set it
    st, _ = page("/office/units/%d" % uid, "cs_admin")
    assert st == 403
    f = form("/office/units/%d" % uid)
    f["webhook_url"] = ""
    assert post("/office/units/%d" % uid, f).status == 303
    assert one("SELECT webhook_url IS NULL FROM unit WHERE id=%d" % uid) == "1"


def test_a_units_robot_is_told_once_and_a_refusal_is_retried():
    code, staff, head = fresh_unit("B1")
    uid = unit_id(code)
    robot = Robot(STACK)
    sink, port = Sink(), free_port()
    conf = config(port)
    with open(conf, "a") as f:
        f.write("remind.webhook_hosts = 127.0.0.1\nremind.webhook_ca_file = %s\n" % robot.cert)
    url = "https://127.0.0.1:%d/cgi-bin/webhook/send?key=%s" % (robot.port, uuid.uuid4().hex)
    sql("UPDATE unit SET webhook_url='%s' WHERE id=%d" % (url, uid))
    smtp = start(sink, port)
    try:
        robot.refuse = True
        start_at = now() - MIN
        iid, _ = file_incident(staff, started_at=dt(start_at), discovered_at=dt(start_at))
        round_(conf)
        hook = ("SELECT attempts, sent_at IS NOT NULL, last_error FROM remind_outbox"
                " WHERE channel='webhook' AND account_id=%d AND body LIKE CONCAT('%%/incidents/%d', CHAR(10), '%%')"
                % (uid, iid))
        rows = sql(hook)
        assert len(rows) == 1 and rows[0][0] == "1" and rows[0][1] == "0" and "refused" in rows[0][2], rows
        assert robot.posts == []
        # the robot takes it now: delivered once, and never again
        robot.refuse = False
        time.sleep(2.5)
        round_(conf)
        round_(conf)
        mine = [p for p in robot.posts if "/incidents/%d\n" % iid in p[2]["text"]["content"]]
        assert len(mine) == 1, robot.posts
        path, ctype, body = mine[0]
        assert path.endswith(url.split("/", 3)[3]) and ctype.startswith("application/json"), (path, ctype)
        assert body["msgtype"] == "text"
        content = body["text"]["content"]
        assert "紧急" in content and "Urgent" in content and content.index("紧急") < content.index("Urgent")
        assert "%s/incidents/%d" % (BASE, iid) in content and len(content.encode()) <= 2048
        assert sql(hook)[0][1] == "1"
        assert one("SELECT COUNT(*) FROM remind_sent WHERE module='incidents' AND record_id=%d"
                   " AND channel='webhook' AND account_id=%d" % (iid, uid)) != "0"
        # the robot hears of its own unit only (every item names its unit)
        name = one("SELECT name FROM unit WHERE id=%d" % uid)
        for p in robot.posts:
            items = re.findall(r"【[^】]+】[^\n]*（([^）]*)）", p[2]["text"]["content"])
            assert items and set(items) == {name}, p[2]["text"]["content"]
    finally:
        smtp.stop()
        robot.stop()
        sql("UPDATE unit SET webhook_url=NULL WHERE id=%d" % uid)
        os.unlink(conf)
