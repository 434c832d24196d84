"""The paper forms (DESIGN.md: each print view is A4 for signature and
seal): the registration form of a unit with all five roles held, the pledge
texts to sign, a system's filing form, an incident's report sheet and a
cloud VM's registration form (seed 003 appendix 6), a hosted server's
(appendix 8) and a website filing (appendix 4), filled
with long-ish values through the module's own forms, each print on ONE A4
page in Chinese and in English.  Headless Chromium prints each page to PDF
(the page saved from the stack first, as a browser gets it) and the PDF's
pages are counted.  Chromium is a dependency (tools/deps): without it this
test fails, it does not skip."""
import concurrent.futures, datetime, os, re, shutil, subprocess, uuid
from lib import STACK, change_form, form, get, one, post, sql, unit_id

UNIT = "C-MA"
TAG = uuid.uuid4().hex[:6]
HOLDERS = {
    "first": ("欧阳明华", "党委书记、院长（兼）", "0371-68221234-8012", "13903710012",
              "ouyang.minghua.dean@math-statistics.example.edu.cn"),
    "direct": ("司马文静", "党委副书记、分管网络安全工作副院长", "0371-68221234-8015", "13903710015",
               "sima.wenjing.deputy@math-statistics.example.edu.cn"),
    "secadmin": ("诸葛晓东", "网络与信息化办公室主任、网络安全管理员", "0371-68221234-8023", "13903710023",
                 "zhuge.xiaodong.security@math-statistics.example.edu.cn"),
    "liaison": ("上官婉清", "学院办公室副主任（网络安全联络员）", "0371-68221234-8031", "13903710031",
                "shangguan.wanqing.liaison@math-statistics.example.edu.cn"),
    "sysadmin": ("慕容子轩", "信息系统管理员、实验中心高级工程师", "0371-68221234-8047", "13903710047",
                 "murong.zixuan.sysadmin@math-statistics.example.edu.cn"),
}
PURPOSE = ("数学与统计学院本科生与研究生课程教学、作业提交与在线考试平台，服务全院师生约三千人；"
           "同时承载学院科研项目申报、经费报销预审与学术活动通知发布等业务。\n"
           "系统存储学生学号、姓名、成绩及联系方式等个人信息，按学校数据分类分级办法列为重要数据。")
TEXTS = {
    "description": "2026年12月某日上午，学院教学平台访问异常缓慢，监测发现大量来自境外地址的异常请求，"
                   "随后首页被篡改为不良信息页面，初步判断为利用内容管理系统已公开漏洞实施的网页篡改攻击，"
                   "危害程度为较大。",
    "measures": "立即断开平台外网访问并保留日志与被篡改页面证据，启用备份页面恢复服务；"
                "通知网络与信息化办公室协同排查，修补内容管理系统漏洞并重置全部管理员口令。",
    "consequences": "平台中断服务约三小时，影响在线作业提交与一次随堂测验，暂未发现学生个人信息被窃取或泄露。",
    "suggestions": "建议学校统一组织对同类内容管理系统开展漏洞排查，加强网站上线前安全检测和日常监测预警。",
}


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise AssertionError("chromium is not installed: tools/deps installs it (make test runs tools/deps)")


def pages(html, name):
    """Pages of Chromium's PDF of the HTML, printed as a browser prints it."""
    out = os.path.join(STACK, "tmp", "print")
    os.makedirs(out, exist_ok=True)
    src, pdf = os.path.join(out, name + ".html"), os.path.join(out, name + ".pdf")
    with open(src, "wb") as f:
        f.write(html)
    if os.path.exists(pdf):
        os.unlink(pdf)
    subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--user-data-dir=" + os.path.join(out, "profile-" + name),
                    "--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + src],
                   capture_output=True, timeout=120)
    assert os.path.exists(pdf), "chromium made no PDF of " + name
    data = open(pdf, "rb").read()
    # page objects, not the /Pages tree
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def fill_registration():
    u = unit_id(UNIT)
    for role, (name, title, office, mobile, email) in HOLDERS.items():
        st, f, csrf = change_form(u, role)
        assert st == 200, (role, st)
        f.update({"role": role, "name": name, "title": title, "office_phone": office, "mobile": mobile,
                  "email": email, "csrf": csrf})
        r = post("/registration/%d/change" % u, f)
        assert r.status == 303, (role, r)
    return "/registration/%d/print" % u


def fill_system():
    u = unit_id(UNIT)
    vendor = one("SELECT id FROM pledge_vendor ORDER BY CHAR_LENGTH(name) DESC, id LIMIT 1")
    f = form("/systems/new")
    f.update({"unit": UNIT, "name": "数学与统计学院教学科研综合服务平台（含在线考试子系统）" + TAG,
              "kind": "info_system", "url": "https://teaching-platform.math-statistics.example.edu.cn/portal/",
              "ips": "10.20.130.11, 10.20.130.12\n202.196.64.135\n2001:db8:20:130::11", "purpose": PURPOSE,
              "vendor": vendor or "", "hosting": "hosted_server", "admin_name": "慕容子轩",
              "admin_phone": "0371-68221234-8047", "status": "trial", "golive_date": "2024-09-01",
              "level": "3", "graded_date": "2024-06-18", "review_date": "2024-07-02",
              "filing_no": "41010099003-24017", "filing_date": "2024-08-15", "cii": "0"})
    r = post("/systems/new", f)
    assert r.status == 303, r
    sid = int(r.header("location").split("/")[2].split("?")[0])
    assert one("SELECT unit_id FROM sys_system WHERE id=%d" % sid) == str(u)
    # its grading assessment, for the form's last-assessment line (the report upload is test_80's)
    sql("INSERT INTO sys_assessment (system_id, assessed_date, agency, result, score, nonce, created_by) "
        "VALUES (%d, '2024-07-20', '河南省信息安全等级保护测评中心有限公司', 'basic_pass', 86.50, '%s', 'test')"
        % (sid, uuid.uuid4().hex))
    return "/systems/%d/print" % sid


def fill_incident():
    f = form("/incidents/new?unit=" + UNIT)
    start = datetime.datetime.now().replace(microsecond=0, second=0) - datetime.timedelta(minutes=50)
    t = lambda m: (start + datetime.timedelta(minutes=m)).strftime("%Y-%m-%dT%H:%M")
    system = one("SELECT id FROM sys_system WHERE name LIKE '%%%s' ORDER BY id DESC LIMIT 1" % TAG)
    f.update({"unit": UNIT, "reporting_unit": UNIT, "started_at": t(0), "discovered_at": t(6),
              "filled_by": "诸葛晓东", "category": "gbt2023.network_attack", "harm_outage": "1",
              "harm_paralysis": "1", "harm_leaked": "1", "level_reported": "3", "system_id": system or "",
              "report_kind": "oral", "report_at": t(12), "caller": "司马文静"})
    f.update(TEXTS)
    r = post("/incidents/new", f)
    assert r.status == 303, r
    return "/incidents/%s/print" % r.header("location").split("/")[-1].split("?")[0]


def fill_cloud():
    """A cloud-VM request with every field long-ish, provisioned, hosting the unit's longest-named system."""
    f = form("/cloud/new", "cs_admin")
    other = one("SELECT id FROM cloud_image WHERE is_other = 1 AND active = 1 ORDER BY id LIMIT 1")
    f.update({"applicant": "欧阳明华" + TAG, "contact": "0371-68221234-8012 / 13903710012",
              "apply_date": "2026-03-02", "image": other, "image_other": "Ubuntu Server 22.04 LTS 64位（含安全加固基线）",
              "vcpu": "16", "memory_gib": "64", "disk_gib": "2048",
              "sw_database": "MySQL 8.0 社区版、Redis 7.2 缓存集群", "sw_app": "Nginx 1.24、Tomcat 9、Java 17 运行环境",
              "sw_other": "ELK 日志采集代理（系统与访问日志保存不少于90天）", "period_from": "2026-03-15",
              "period_to": "2029-03-14", "purpose": PURPOSE, "notes": "需开放校外访问 443 端口，经网信办审批后由信息中心配置防火墙策略；"
              "每日凌晨增量备份，每周全量备份至学校备份存储。"})
    r = post("/cloud/new", f, "cs_admin")
    assert r.status == 303, r
    vid = int(r.header("location").split("/")[-1].split("?")[0])
    sysid = one("SELECT id FROM sys_system WHERE unit_id=%d ORDER BY CHAR_LENGTH(name) DESC, id LIMIT 1"
                % unit_id("C-CS"))
    if sysid:
        sql("INSERT INTO cloud_vm_system (vm_id, system_id) VALUES (%d, %s)" % (vid, sysid))
    # the centre's part, as provisioning writes it (the flow itself is test_96's)
    sql("UPDATE cloud_vm SET state='active', office_by='office', center_by='center',"
        " server_name='cs-teaching-platform-prod-%s', ip='10.250.%d.%d', netmask='255.255.255.0',"
        " gateway='10.250.%d.254', provision_date='2026-03-16' WHERE id=%d"
        % (TAG, vid // 250 % 250, vid % 250 + 1, vid // 250 % 250, vid))
    return "/cloud/%d/print" % vid


def fill_host():
    """A hosted server (appendix 8) with every field long-ish, provisioned (rows as the flow writes them)."""
    long_ = "Dell PowerEdge R750，2×Intel Xeon Gold 6338（32核），512GB 内存，8×3.84TB SSD（RAID 10），双电源，双万兆网卡"
    sql("INSERT INTO cloud_vm (kind, unit_id, applicant, contact, apply_date, image_id, vcpu, memory_gib, disk_gib,"
        " server_config, security_devices, period_from, period_to, purpose, notes, review_date, review_ref,"
        " state, office_by, center_by, server_name, ip, netmask, gateway, provision_date, nonce, created_by,"
        " updated_by) VALUES ('host', %d, '欧阳明华%s', '0371-68221234-8012 / 13903710012', '2026-03-02', NULL, 0, 0, 0,"
        " '%s', '%s', '2026-03-15', '2029-03-14', '%s', '%s', '2026-01-10', '校网论证〔2026〕第012号',"
        " 'active', 'office', 'center', 'cs-hpc-storage-%s', NULL, '255.255.255.0', '10.251.0.254',"
        " '2026-03-16', REPLACE(UUID(), '-', ''), 'cs_admin', 'cs_admin')"
        % (unit_id("C-CS"), TAG, long_, "机柜前端部署下一代防火墙（含入侵防御模块）、Web 应用防火墙，主机安装杀毒软件与主机审计代理",
           PURPOSE, "需开放校外访问 443 端口，经网信办审批后由信息中心配置防火墙策略；每周全量备份至学校备份存储。", TAG))
    hid = int(one("SELECT MAX(id) FROM cloud_vm WHERE kind='host' AND server_name='cs-hpc-storage-%s'" % TAG))
    sql("UPDATE cloud_vm SET ip='10.251.%d.%d' WHERE id=%d" % (hid // 250 % 250, hid % 250 + 1, hid))
    return "/cloud/%d/print" % hid


def fill_website():
    """A website filing (appendix 4) with every field long-ish, approved and opened (the centre's part filled)."""
    from fixtures import web_letter
    web_letter()
    f = form("/websites/new", "cs_admin")
    f.update({"name": "计算机科学与技术学院教学科研综合门户网站（含实验教学与学科竞赛子站）" + TAG,
              "domain": "teaching-portal-%s.computer-science.example.edu.cn" % TAG, "leader_name": "欧阳明华",
              "leader_phone": "0371-68221234-8012", "site_lang": "Java 17、TypeScript 5",
              "site_runtime": "Tomcat 9 + Nginx 1.24（反向代理）", "site_db": "MySQL 8.0 社区版（主从）",
              "sections": "学院概况、师资队伍、本科教学、研究生教育、科学研究、学科竞赛、党建工作、学生工作、"
                          "招生就业、合作交流、校友之家、通知公告、下载专区",
              "location": "campus", "vm": "", "build": "own_db",
              "build_reason": "学科竞赛报名与成绩查询需要独立的后台数据库，网站群平台不提供该功能。",
              "admin_name": "慕容子轩", "admin_phone": "0371-68221234-8047",
              "admin_email": "murong.zixuan.sysadmin@computer-science.example.edu.cn",
              "admin_mobile": "13903710047", "system": "new", "notes": "需开放校外访问 443 端口。"})
    r = post("/websites/new", f, "cs_admin")
    assert r.status == 303, r
    sid = int(r.header("location").split("/")[-1].split("?")[0])
    # the flow's steps are test_99e's: the filing placed where opening leaves it
    sql("UPDATE web_site SET state='online', submitted_by='cs_admin', submitted_at=NOW(), unit_by='cs_head',"
        " unit_at=NOW(), unit_opinion='同意该网站备案，网站内容由学院网络与信息化办公室负责审核，单位负责人承担安全责任。',"
        " center_by='center', center_at=NOW(), center_opinion='经安全检查未发现高危漏洞，同意开通，请按期开展自查。',"
        " ip='10.252.%d.%d', exposed=1, services='http,https,ftp,other', services_other='SSH 运维（仅校内）',"
        " open_date=apply_date WHERE id=%d" % (sid // 250 % 250, sid % 250 + 1, sid))
    return "/websites/%d/print" % sid


def fill_rectify():
    """A rectification notice (限期整改通知书) with eight findings of a long line each, and a long inspection name."""
    f = form("/incidents/rectify/new")
    f.update({"notice_no": "网信整改〔2026〕第%s号" % TAG, "assignee": UNIT,
              "inspection": "2026年度全校网络安全责任制落实情况暨重要信息系统等级保护专项检查",
              "due_on": "2026-12-31",
              "findings": "\n".join("第%d项：门户网站后台管理页面对校外开放且使用弱口令，未启用双因素认证和登录失败锁定策略，存在被暴力破解的风险。" % i
                                    for i in range(1, 9))})
    r = post("/incidents/rectify/new", f)
    assert r.status == 303, r
    return "/incidents/rectify/%s/print" % r.header("location").split("/")[-1].split("?")[0]


def test_every_paper_form_prints_on_one_a4_page_in_both_languages():
    chromium()
    u = unit_id(UNIT)
    views = {"registration": fill_registration(), "systems": fill_system(), "incidents": fill_incident(),
             "cloud": fill_cloud(), "cloud-host": fill_host(), "websites": fill_website(),
             "rectify": fill_rectify()}
    # the pledge texts to sign: the unit's pledge for this unit, and every other current text blank
    for kind, tid in sql("SELECT kind, MAX(id) FROM pledge_template GROUP BY kind"):
        views["pledges-" + kind] = "/pledges/templates/%s/print%s" % (tid, "?unit=%d" % u if kind == "unit_pledge" else "")
    jobs = {}
    for name, path in sorted(views.items()):
        langs = ("zh", "en") if not name.startswith("pledges-") or name == "pledges-unit_pledge" else ("zh",)
        for lang in langs:
            r = get(path + ("" if lang == "zh" else ("&" if "?" in path else "?") + "lang=en"))
            assert r.status == 200 and "@page" in r.text, (path, lang, r)
            jobs["%s/%s" % (name, lang)] = r.body
    # two Chromiums at a time: one a core
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        done = {k: ex.submit(pages, html, k.replace("/", "-")) for k, html in jobs.items()}
        counts = {k: f.result() for k, f in done.items()}
    spilled = {k: n for k, n in counts.items() if n != 1}
    assert not spilled, "printed on more than one A4 page (or none): %s; all: %s" % (spilled, counts)
