"""Helpers more than one test file uses: upload bodies and sample files, the
pledge signing form, posts that answer in page XML, calls made at once, and
an incident filed for a unit.  Test files import them from here, never from
each other (run.py runs every test_* file; one importing another ties their
order and their state together)."""
import datetime, threading, uuid
from lib import ACC, form, one, page, post, request, sql, unit_id

PDF = b"%PDF-1.4\n% wangan test scan\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 4000
MIN = datetime.timedelta(minutes=1)


def fresh_unit(prefix="A1"):
    """A unit of its own with a staff and a head account (the demo's passwords of
    cs_admin and cs_head): whatever earlier tests left at the demo's units (a full
    overdue group at C-CS, a re-sign done at C-ME), its to-do holds only what the
    test puts there.  Returns (code, staff login, head login)."""
    t = uuid.uuid4().hex[:6]
    p = prefix.lower()
    code, staff, head = "%s-%s" % (prefix, t.upper()), p + "s" + t, p + "h" + t
    sql("INSERT INTO unit (code, name, kind) VALUES ('%s', '首页测试%s', 'college')" % (code, t))
    uid = unit_id(code)
    for login, role, like in ((staff, "unit_staff", "cs_admin"), (head, "unit_head", "cs_head")):
        sql("INSERT INTO account (login, name, role, unit_id, password_hash, password_set_at)"
            " SELECT '%s', '测试%s', '%s', %d, password_hash, NOW() FROM account WHERE login = '%s'"
            % (login, login, role, uid, like))
        ACC[login] = (ACC[like][0], role, code)
    return code, staff, head


def multipart(fields, files):
    """A multipart/form-data body as a browser sends it."""
    b = "----wanganTest" + uuid.uuid4().hex
    out = []
    for k, v in fields.items():
        out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" % (b, k)).encode())
        out.append(str(v).encode() + b"\r\n")
    for k, (name, data, ctype) in files.items():
        out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                    "Content-Type: %s\r\n\r\n" % (b, k, name, ctype)).encode())
        out.append(data + b"\r\n")
    out.append(("--%s--\r\n" % b).encode())
    return b"".join(out), "multipart/form-data; boundary=" + b


def sign_form(query, login="office"):
    return form("/pledges/sign?" + query, login)


def unit_sign_form(kind, code):
    """The office's form to record a unit's signed letter of kind; a unit with no
    first responsible person yet (a test's own unit) has its signer typed in."""
    f = sign_form("kind=%s&unit=%d" % (kind, unit_id(code)), "office")
    if not f.get("signer_name"):
        f.update({"signer_name": "测试负责人", "signer_title": "院长"})
    return f


def post_sign(form, scan=("scan.pdf", PDF, "application/pdf"), login="office"):
    body, ctype = multipart(form, {"scan": scan} if scan else {})
    return request("POST", "/pledges/sign", login, body=body, headers={"Content-Type": ctype})


def post_xml(path, f, login="office"):
    """A form post whose answer (a 422, a 409) comes back as page XML."""
    return request("POST", path, login, body=f, headers={"Accept": "application/xml"})


def location_id(r):
    """The id a 303 after a create points at."""
    assert r.status == 303, r
    return int(r.header("location").split("/")[-1].split("?")[0])


def at_once(*calls):
    """Runs the calls in threads started together; their results in order."""
    out = [None] * len(calls)
    ts = [threading.Thread(target=lambda i=i, f=f: out.__setitem__(i, f())) for i, f in enumerate(calls)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return out


def now():
    return datetime.datetime.now().replace(microsecond=0)


def dt(t):
    """A time as a datetime-local input sends it."""
    return t.strftime("%Y-%m-%dT%H:%M:%S") if t.second else t.strftime("%Y-%m-%dT%H:%M")


def sheet(login="office", unit="C-CS", **kw):
    """The new-sheet form, filled in: an attack on unit that started 45 minutes ago."""
    f = form("/incidents/new" + ("?unit=" + unit if login == "office" else ""), login)
    start = now() - 45 * MIN
    f.update({"started_at": dt(start), "discovered_at": dt(start + 5 * MIN), "filled_by": "王测试",
              "category": "gbt2023.network_attack", "harm_outage": "1", "description": "门户网站被篡改。" + uuid.uuid4().hex[:6],
              "measures": "已下线并恢复备份。"})
    if login == "office":
        f.update({"unit": unit, "report_kind": "oral", "report_at": dt(start + 10 * MIN), "caller": "李报告"})
    f.update(kw)
    return f


def file_incident(login="office", **kw):
    f = sheet(login, **kw)
    return location_id(post("/incidents/new", f, login)), f


# Cloud-VM requests (test_96, test_97): a filled-in request, the unit's
# cloud-VM letter, a request filed, a step taken from the page's version.
CLOUD_REQ = {"applicant": "张三", "contact": "13800138000", "image": "4", "image_other": "", "vcpu": "2",
             "memory_gib": "4", "disk_gib": "50", "sw_database": "", "sw_app": "", "sw_other": "",
             "period_from": "2026-01-01", "period_to": "2026-12-31", "purpose": "测试", "notes": ""}


def cloud_letter(code="C-CS"):
    u = unit_id(code)
    if one("SELECT COUNT(*) FROM pledge_signing WHERE kind='cloud_vm' AND party_type='unit' "
           "AND party_id=%d AND is_current=1" % u) == "0":
        assert post_sign(unit_sign_form("cloud_vm", code), login="office").status == 303


def cloud_create(login="cs_admin", **over):
    f = form("/cloud/new", login)
    f.update(CLOUD_REQ)
    f.update(over)
    return location_id(post("/cloud/new", f, login))


def cloud_step(vid, action, login, **extra):
    st, x = page("/cloud/%d" % vid, login)
    assert st == 200, st
    f = {"action": action, "version": x.find("./data/vm").get("version"), "csrf": x.findtext("./csrf")}
    f.update(extra)
    return post_xml("/cloud/%d/step" % vid, f, login)


def cloud_approved(vid, staff="cs_admin", head="cs_head"):
    """Submitted and approved by the unit head and the office: over the unit's
    quota knowingly, as the earlier tests leave that unit's VMs active."""
    assert cloud_step(vid, "submit", staff).status == 303
    assert cloud_step(vid, "approve", head).status == 303
    assert cloud_step(vid, "approve", "office", override="1").status == 303


def cloud_state(vid):
    return one("SELECT state FROM cloud_vm WHERE id=%d" % vid)


# Website filings (test_99e and after): a filled-in filing of appendix 4, the
# unit's website letter, a filing filed, a step taken from the page's version.
WEB_FILING = {"name": "测试网站", "leader_name": "李领导", "leader_phone": "0371-61234567",
              "site_lang": "PHP 8", "site_runtime": "Nginx + PHP-FPM", "site_db": "MariaDB",
              "sections": "概况、新闻、通知", "location": "campus", "vm": "", "build": "site_group",
              "build_reason": "", "admin_name": "王管理", "admin_phone": "0371-61234568",
              "admin_email": "wang@example.edu.cn", "admin_mobile": "13800138001", "system": "new", "notes": ""}


def web_letter(code="C-CS"):
    u = unit_id(code)
    if one("SELECT COUNT(*) FROM pledge_signing WHERE kind='website' AND party_type='unit' "
           "AND party_id=%d AND is_current=1" % u) == "0":
        assert post_sign(unit_sign_form("website", code), login="office").status == 303


def web_create(domain, login="cs_admin", **over):
    f = form("/websites/new", login)
    f.update(WEB_FILING)
    f["domain"] = domain
    f.update(over)
    return location_id(post("/websites/new", f, login))


def web_step(sid, action, login, **extra):
    st, x = page("/websites/%d" % sid, login)
    assert st == 200, st
    f = {"action": action, "version": x.find("./data/site").get("version"), "csrf": x.findtext("./csrf")}
    f.update(extra)
    return post_xml("/websites/%d/step" % sid, f, login)


def web_state(sid):
    return one("SELECT state FROM web_site WHERE id=%d" % sid)


def web_approved(domain, staff="cs_admin", head="cs_head", **over):
    """A filing submitted and approved by the unit head: awaiting the centre's check."""
    sid = web_create(domain, staff, **over)
    assert web_step(sid, "submit", staff).status == 303
    assert web_step(sid, "approve", head, opinion="同意").status == 303
    return sid


# The centre's security check (test_99f and after): the check form as the
# site page gives it, every active item answered (pass unless named in
# fails: {code: note}), findings as (severity, description, fix_by) rows.
def web_check_form(sid, login="center"):
    st, x = page("/websites/%d" % sid, login)
    assert st == 200, st
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/checking/form/field")}
    assert f, "no check form on the page of %d for %s" % (sid, login)
    f["csrf"] = x.findtext("./csrf")
    return f


def web_check_fill(f, result="passed", fails=None, findings=(), note=""):
    fails = fails or {}
    codes = {r[0]: r[1] for r in sql("SELECT id, code FROM web_check_item")}
    for k in list(f):
        if k.startswith("item"):
            code = codes[k[4:]]
            f[k] = "fail" if code in fails else "pass"
            f["inote" + k[4:]] = fails.get(code, "")
    for i, (sev, desc, by) in enumerate(findings):
        f["severity%d" % (i + 1)], f["finding%d" % (i + 1)], f["fix_by%d" % (i + 1)] = sev, desc, str(by)
    f["result"] = result
    f["note"] = note
    return f


def web_check(sid, result="passed", fails=None, findings=(), note="", login="center"):
    f = web_check_fill(web_check_form(sid), result, fails, findings, note)
    return post_xml("/websites/%d/check" % sid, f, login)


def web_passed(sid):
    """An approved filing (or one awaiting its re-check) through a passing check, via the page."""
    web_letter(one("SELECT u.code FROM web_site w JOIN unit u ON u.id = w.unit_id WHERE w.id=%d" % sid))
    r = web_check(sid, "passed", note="检查通过")
    assert r.status == 303, r
    assert web_state(sid) == "passed"
