"""Imports of existing registers (issue 13, "Everyday list tools"): the
office uploads a CSV or XLSX of units and their responsible persons, sees
every row in a preview (bad ones with their line and reason), confirms,
and the records exist with the file's values; one bad row imports nothing;
the same file imported again changes nothing; pictures, zip bombs and
oversized files are refused in words; only the office may import."""
import csv, io, uuid, zipfile
import openpyxl
from fixtures import multipart
from lib import get, one, page, request, sql, unit_id

BASE = "/registration/import"
HEAD = ["单位代码", "单位名称", "单位类别", "角色", "姓名", "职务", "办公电话", "移动电话", "电子邮箱", "生效日期"]


def tag():
    return uuid.uuid4().hex[:8]


def csv_bytes(rows, head=HEAD):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(head)
    for r in rows:
        w.writerow(r)
    return out.getvalue().encode("utf-8")


def xlsx_bytes(rows, head=HEAD):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(head)
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def csrf(login="office"):
    st, x = page(BASE, login)
    assert st == 200, st
    return x.findtext("./csrf")


def upload(data, name="register.csv", login="office", token=None, base=BASE):
    """POSTs the file; the answer as (status, page XML or None)."""
    fields = {"csrf": token if token is not None else csrf()}
    body, ctype = multipart(fields, {"file": (name, data, "application/octet-stream")})
    r = request("POST", base, login, body=body, headers={"Content-Type": ctype, "Accept": "application/xml"})
    try:
        return r.status, r.xml()
    except Exception:
        return r.status, r


def confirm(x, login="office", token=None):
    f = {"csrf": token if token is not None else x.findtext("./csrf"),
         "sha256": x.find("./data/file").get("sha256"),
         "nonce": x.find("./data/confirm").get("nonce") if x.find("./data/confirm") is not None else "0" * 32}
    return request("POST", BASE + "/confirm", login, body=f, headers={"Accept": "application/xml"})


def rows_of(x):
    return [(int(r.get("line")), r.get("status"), r.get("err"), r.get("err-col"), r.get("err-line"))
            for r in x.findall("./data/rows/row")]


def person(code, role, name, mobile, email=None, title="院长", phone="0371-68221234", date=""):
    return [code, "", "", role, name, title, phone, mobile, email or "p%s@example.edu.cn" % mobile[-4:], date]


def unit_rows(code, uname, kind="学院", date=""):
    return [
        [code, uname, kind, "第一责任人", "甲一", "党委书记", "0371-68221234", "13800000001", "a1@example.edu.cn", date],
        [code, uname, kind, "直接责任人", "乙二", "院长", "", "13800000002", "b2@example.edu.cn", date],
        [code, uname, kind, "网络安全管理员", "丙三", "信息员", "0371-6822", "13800000003", "c3@example.edu.cn", date],
    ]


def current(code):
    """role -> (name, title, office_phone, mobile, email, effective_date) of the unit's current holders."""
    return {r[0]: tuple(r[1:]) for r in sql(
        "SELECT h.role, h.name, h.title, COALESCE(h.office_phone, ''), COALESCE(h.mobile, ''),"
        " COALESCE(h.email, ''), h.effective_date FROM reg_holder h JOIN unit u ON u.id = h.unit_id"
        " WHERE u.code = '%s' AND h.is_current = 1" % code)}


def state():
    """What an import could change: audit rows, units' and holders' versions and counts."""
    return (one("SELECT COUNT(*) FROM audit"), one("SELECT COUNT(*) FROM unit"),
            one("SELECT COALESCE(SUM(version), 0) FROM unit"), one("SELECT COUNT(*) FROM reg_holder"),
            one("SELECT COALESCE(SUM(version), 0) FROM reg_holder"))


def test_form_and_template():
    st, x = page(BASE)
    assert st == 200
    assert x.find("./data").get("step") == "form"
    assert [c.get("zh") for c in x.findall("./data/cols/col")] == HEAD
    r = get(BASE + "/template.csv")
    assert r.status == 200
    assert r.header("content-type").startswith("text/csv")
    assert r.body.startswith(b"\xef\xbb\xbf")
    assert r.body[3:].decode().strip() == ",".join(HEAD)
    # the HTML page links the template and says who may import
    page_html = get(BASE).text
    assert "template.csv" in page_html and "只有网信办可以导入" in page_html
    assert "Import units and responsible persons" in get(BASE + "?lang=en").text
    # the lists link the import for the office, and for nobody else
    for path in ("/registration/", "/systems/"):
        assert 'href="%simport"' % path in get(path).text, path
        assert 'href="%simport"' % path not in get(path, "cs_admin").text, path


def test_csv_import_creates_and_changes():
    code = "imp-" + tag()
    old = one("SELECT code FROM unit WHERE active = 1 AND code NOT LIKE 'imp-%' ORDER BY id LIMIT 1")
    old_name = one("SELECT name FROM unit WHERE code = '%s'" % old)
    before = current(old)
    rows = unit_rows(code, "导入学院" + code[-4:])
    # an existing unit: a new security administrator, named by the English word for the role
    rows.append([old, old_name, "", "Security administrator", "丁四", "网络管理员", "", "13900000004",
                 "d4@example.edu.cn", ""])
    st, x = upload(csv_bytes(rows))
    assert st == 200, st
    got = rows_of(x)
    assert [g[0] for g in got] == [2, 3, 4, 5]
    assert [g[1] for g in got] == ["new", "new", "new", "change"]
    f = x.find("./data/file")
    assert (f.get("rows"), f.get("new"), f.get("change"), f.get("bad")) == ("4", "3", "1", "0")
    n_audit = int(one("SELECT COUNT(*) FROM audit"))
    r = confirm(x)
    assert r.status == 303, r
    loc = r.header("location")
    assert "/registration/import/" in loc
    # the unit and its holders, with the file's values
    assert sql("SELECT name, kind, created_by FROM unit WHERE code = '%s'" % code) == [
        ["导入学院" + code[-4:], "college", "office"]]
    cur = current(code)
    assert cur["first"][:5] == ("甲一", "党委书记", "0371-68221234", "13800000001", "a1@example.edu.cn")
    assert cur["direct"][:5] == ("乙二", "院长", "", "13800000002", "b2@example.edu.cn")
    assert cur["secadmin"][0] == "丙三"
    # the existing unit's administrator was replaced, the predecessor kept as history
    assert current(old)["secadmin"][:4] == ("丁四", "网络管理员", "", "13900000004")
    if "secadmin" in before:
        assert one("SELECT COUNT(*) FROM reg_holder h JOIN unit u ON u.id = h.unit_id WHERE u.code = '%s'"
                   " AND h.role = 'secadmin' AND h.name = '%s' AND h.is_current IS NULL"
                   " AND h.ended_date IS NOT NULL" % (old, before["secadmin"][0])) != "0"
    # audited: the unit created, four holders, the import itself
    assert int(one("SELECT COUNT(*) FROM audit")) == n_audit + 6
    uid = unit_id(code)
    assert one("SELECT COUNT(*) FROM audit WHERE record_type = 'unit' AND record_id = %d"
               " AND action = 'create'" % uid) == "1"
    # the list's read model shows them
    assert one("SELECT first_name FROM reg_summary WHERE unit_id = %d" % uid) == "甲一"
    # the result page says what happened
    st, x = page(loc[loc.index("/registration/"):])
    assert st == 200
    res = x.find("./data/result")
    assert (res.get("rows_total"), res.get("rows_created"), res.get("rows_changed"), res.get("rows_same")) == \
        ("4", "3", "1", "0")


def test_xlsx_import_with_dates():
    import datetime
    code = "imp-" + tag()
    rows = unit_rows(code, "表格学院" + code[-4:])
    rows[0][9] = datetime.date(2024, 3, 1)      # a date cell: a serial number in the file
    rows[1][9] = "2024-03-02"                   # a date typed as text
    rows[2][7] = 13800000003                    # a mobile typed as a number
    st, x = upload(xlsx_bytes(rows), name="register.xlsx")
    assert st == 200, (st, rows_of(x) if st == 422 else x)
    assert [g[1] for g in rows_of(x)] == ["new"] * 3
    assert confirm(x).status == 303
    cur = current(code)
    assert cur["first"][5] == "2024-03-01"
    assert cur["direct"][5] == "2024-03-02"
    assert cur["secadmin"][3] == "13800000003"


def test_gb18030_csv_from_excel():
    """Excel on a Chinese Windows saves "CSV" in GB 18030: read as such, English titles too."""
    code = "imp-" + tag()
    head = ["Unit code", "Unit name", "Unit kind", "Role", "Name", "Title", "Office phone", "Mobile", "Email",
            "Effective date", "备注"]
    rows = [r + ["旧表的备注"] for r in unit_rows(code, "编码学院")]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(head)
    w.writerows(rows)
    st, x = upload(out.getvalue().encode("gb18030"))
    assert st == 200, (st, rows_of(x))
    assert [t.text for t in x.findall("./data/ignored/title")] == ["备注"]
    assert confirm(x).status == 303
    assert one("SELECT name FROM unit WHERE code = '%s'" % code) == "编码学院"
    assert current(code)["first"][0] == "甲一"


def test_one_bad_row_imports_nothing():
    code = "imp-" + tag()
    rows = unit_rows(code, "坏行学院")
    rows[1][7] = "12345"            # line 3: not a mobile number
    rows.append([code, "坏行学院", "学院", "第一责任人", "重复", "书记", "", "13800000009", "x@example.edu.cn", ""])
    rows.append(["no-such-unit-" + tag(), "", "", "第一责任人", "某", "某", "", "13800000010", "y@example.edu.cn", ""])
    before = state()
    st, x = upload(csv_bytes(rows))
    assert st == 422, st
    got = rows_of(x)
    assert got[0][1] == "new"
    assert got[1] == (3, "bad", "mobile", "mobile", None)
    assert got[3] == (5, "bad", "imp_duplicate", "unit_code", "2")      # the same unit and role as line 2
    assert got[4][1:4] == ("bad", "required", "unit_name")
    assert x.find("./data/confirm") is None
    # the HTML names the line and the reason
    body, headers = _multipart_html(csv_bytes(rows))
    r = request("POST", BASE, "office", body=body, headers=headers)
    assert r.status == 422
    assert "请输入11位手机号码" in r.text and "有误" in r.text
    # a confirm forced with the file's hash checks again and writes nothing
    x.find("./data").append(_confirm_elem())
    r = confirm(x)
    assert r.status == 422, r
    assert state() == before
    assert one("SELECT COUNT(*) FROM unit WHERE code = '%s'" % code) == "0"


def _multipart_html(data):
    body, ctype = multipart({"csrf": csrf()}, {"file": ("r.csv", data, "text/csv")})
    return body, {"Content-Type": ctype}


def _confirm_elem():
    import xml.etree.ElementTree as ET
    e = ET.Element("confirm")
    e.set("nonce", uuid.uuid4().hex)
    return e


def test_reimport_changes_nothing():
    code = "imp-" + tag()
    data = xlsx_bytes(unit_rows(code, "再导学院"))
    st, x = upload(data, name="again.xlsx")
    assert st == 200
    assert confirm(x).status == 303
    before = state()
    st, x = upload(data, name="again.xlsx")
    assert st == 200
    assert [g[1] for g in rows_of(x)] == ["same"] * 3
    r = confirm(x)
    assert r.status == 303
    assert state() == before
    loc = r.header("location")
    st, x = page(loc[loc.index("/registration/"):])
    res = x.find("./data/result")
    assert (res.get("rows_created"), res.get("rows_changed"), res.get("rows_same")) == ("0", "0", "3")
    assert "变更 0 行" in get(loc[loc.index("/registration/"):]).text


def test_double_confirm_lands_once():
    code = "imp-" + tag()
    st, x = upload(csv_bytes(unit_rows(code, "双击学院")))
    assert st == 200
    r1 = confirm(x)
    n = state()
    r2 = confirm(x)
    assert r1.status == r2.status == 303
    assert r1.header("location") == r2.header("location")
    assert state() == n
    assert one("SELECT COUNT(*) FROM reg_holder h JOIN unit u ON u.id = h.unit_id WHERE u.code = '%s'" % code) == "3"


def _bomb():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet>" + " " * (40 * 1024 * 1024) + "</worksheet>")
    return out.getvalue()


def test_non_tables_refused():
    before = state()
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    for data, name, code in ((png, "register.xlsx", "imp_not_table"), (_bomb(), "bomb.xlsx", "imp_xlsx_bomb"),
                             (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.xls", "imp_xls_old"),
                             (b"PK\x03\x04garbage", "broken.xlsx", "imp_xlsx_zip"),
                             (csv_bytes([], head=["姓名", "电话"]), "wrong.csv", "imp_column_missing")):
        assert len(data) < 2 * 1024 * 1024
        st, x = upload(data, name=name)
        assert st == 422, (name, st)
        assert x.find("./data/error").get("code") == code, name
    # the words, in HTML
    body, ctype = multipart({"csrf": csrf()}, {"file": ("register.xlsx", png, "image/png")})
    r = request("POST", BASE, "office", body=body, headers={"Content-Type": ctype})
    assert r.status == 422 and "这不是表格文件" in r.text and "本次未导入任何内容" in r.text
    assert state() == before
    # nothing that is no table is even kept
    import hashlib
    for data in (png, _bomb()):
        assert one("SELECT COUNT(*) FROM imp_file WHERE sha256 = '%s'" % hashlib.sha256(data).hexdigest()) == "0"


def test_oversized_refused():
    # past the module's 2 MiB but inside nginx's allowance: the module's own 413
    big = csv_bytes([["c", "n", "", "第一责任人", "x" * 30, "t", "", "13800000000", "a@b.cn", ""]] * 28000)
    assert 2 * 1024 * 1024 < len(big) < 2250 * 1024, len(big)
    st, x = upload(big)
    assert st == 413
    assert x.find("./data/error").get("code") == "imp_too_large"
    # past nginx's: its 413 page in the platform's words (HTML, not page XML)
    body, ctype = multipart({"csrf": csrf()}, {"file": ("huge.csv", big * 2, "text/csv")})
    r = request("POST", BASE, "office", body=body, headers={"Content-Type": ctype})
    assert r.status == 413
    assert "导入文件过大" in r.text and "2 MB" in r.text and "Nothing was imported" in r.text


def test_only_the_office_imports():
    data = csv_bytes(unit_rows("imp-" + tag(), "越权学院"))
    token = csrf()
    for login in ("cs_admin", "cs_head", "leader", "auditor"):
        assert get(BASE, login).status == 403, login
        assert get(BASE + "/template.csv", login).status == 403, login
        body, ctype = multipart({"csrf": token}, {"file": ("r.csv", data, "text/csv")})
        assert request("POST", BASE, login, body=body, headers={"Content-Type": ctype}).status == 403, login
    st, x = upload(data)
    assert st == 200
    before = state()
    r = request("POST", BASE + "/confirm", "cs_admin",
                body={"csrf": token, "sha256": x.find("./data/file").get("sha256"), "nonce": uuid.uuid4().hex})
    assert r.status == 403
    assert state()[1:] == before[1:]


def test_csrf_required():
    code = "imp-" + tag()
    data = csv_bytes(unit_rows(code, "令牌学院"))
    st, _ = upload(data, token="")
    assert st == 403
    st, x = upload(data)
    assert st == 200
    before = state()
    r = confirm(x, token="bogus")
    assert r.status == 403
    assert state()[1:] == before[1:]
    assert one("SELECT COUNT(*) FROM unit WHERE code = '%s'" % code) == "0"


# ---- systems (POST /systems/import) ------------------------------------------------

SYS = "/systems/import"
SYS_HEAD = ["单位代码", "系统名称", "类别", "网址", "IP地址", "用途", "部署方式", "管理员", "管理员电话", "状态",
            "上线日期", "等级"]


def sys_upload(data, name="systems.csv"):
    return upload(data, name=name, base=SYS)


def sys_confirm(x):
    f = {"csrf": x.findtext("./csrf"), "sha256": x.find("./data/file").get("sha256"),
         "nonce": x.find("./data/confirm").get("nonce")}
    return request("POST", SYS + "/confirm", "office", body=f, headers={"Accept": "application/xml"})


def systems_of(code):
    return {r[0]: r[1:] for r in sql(
        "SELECT s.name, s.kind, s.url, s.ips, s.hosting, s.admin_name, s.admin_phone, s.status,"
        " COALESCE(s.golive_date, ''), COALESCE(s.level, ''), COALESCE(s.next_due, ''), s.version"
        " FROM sys_system s JOIN unit u ON u.id = s.unit_id WHERE u.code = '%s'" % code)}


def test_systems_import_creates_changes_and_reimports_nothing():
    code = one("SELECT code FROM unit WHERE active = 1 AND code NOT LIKE 'imp-%' ORDER BY id DESC LIMIT 1")
    t = tag()
    rows = [[code, "教务系统" + t, "信息系统", "https://jw.example.edu.cn", "10.1.2.3 10.1.2.4", "教学管理",
             "学校云虚拟机", "王五", "13800001111", "试运行", "", "第二级"],
            [code, "门户网站" + t, "website", "www.example.edu.cn", "", "", "external", "赵六",
             "0371-68220000", "online", "2023-09-01", "1"]]
    st, x = sys_upload(xlsx_bytes(rows, head=SYS_HEAD), name="systems.xlsx")
    assert st == 200, (st, rows_of(x))
    assert [g[1] for g in rows_of(x)] == ["new", "new"]
    assert sys_confirm(x).status == 303
    got = systems_of(code)
    assert got["教务系统" + t][:9] == ["info_system", "https://jw.example.edu.cn", "10.1.2.3, 10.1.2.4",
                                    "cloud_vm", "王五", "13800001111", "trial", "", "2"]
    portal = got["门户网站" + t]
    assert portal[:9] == ["website", "www.example.edu.cn", "", "external", "赵六", "0371-68220000", "online",
                          "2023-09-01", "1"]
    # the same file again: nothing changes
    before = (one("SELECT COUNT(*) FROM audit"), systems_of(code))
    data = csv_bytes(rows, head=SYS_HEAD)
    st, x = sys_upload(data)
    assert [g[1] for g in rows_of(x)] == ["same", "same"]
    assert sys_confirm(x).status == 303
    assert (one("SELECT COUNT(*) FROM audit"), systems_of(code)) == before
    # one value changed: that system's row is updated (version + 1, audited), the other left alone
    rows[0][7] = "钱七"
    st, x = sys_upload(csv_bytes(rows, head=SYS_HEAD))
    assert [g[1] for g in rows_of(x)] == ["change", "same"]
    assert sys_confirm(x).status == 303
    after = systems_of(code)
    assert after["教务系统" + t][4] == "钱七"
    assert int(after["教务系统" + t][-1]) == int(got["教务系统" + t][-1]) + 1
    assert after["门户网站" + t] == portal
    sid = one("SELECT s.id FROM sys_system s JOIN unit u ON u.id = s.unit_id WHERE u.code = '%s'"
              " AND s.name = '教务系统%s'" % (code, t))
    assert one("SELECT COUNT(*) FROM audit WHERE record_type = 'system' AND record_id = %s"
               " AND action = 'update'" % sid) == "1"


def test_systems_bad_rows_import_nothing():
    code = one("SELECT code FROM unit WHERE active = 1 AND code NOT LIKE 'imp-%' ORDER BY id LIMIT 1")
    t = tag()
    rows = [[code, "好系统" + t, "信息系统", "", "", "", "校外", "甲", "13800002222", "规划中", "", ""],
            ["no-unit-" + t, "无单位" + t, "信息系统", "", "", "", "校外", "乙", "13800002222", "规划中", "", ""],
            [code, "坏地址" + t, "信息系统", "", "10.1.2.300", "", "校外", "丙", "13800002222", "规划中", "", ""],
            [code, "闸门" + t, "信息系统", "", "", "", "校外", "丁", "13800002222", "已上线", "2024-01-01", "第三级"],
            [code, "好系统" + t, "网站", "", "", "", "校外", "戊", "13800002222", "规划中", "", ""]]
    n = one("SELECT COUNT(*) FROM sys_system")
    st, x = sys_upload(csv_bytes(rows, head=SYS_HEAD))
    assert st == 422
    got = rows_of(x)
    assert got[0][1] == "new"
    assert got[1][1:4] == ("bad", "sys_unit", "unit_code")
    assert got[2][1:4] == ("bad", "sys_ips", "ips")
    assert got[3][1:4] == ("bad", "sys_gate", "status")          # level 3 online without an assessment
    assert got[4][1:5] == ("bad", "imp_duplicate", "unit_code", "2")
    assert one("SELECT COUNT(*) FROM sys_system") == n
    assert get(SYS, "cs_admin").status == 403
