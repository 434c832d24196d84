"""The deadline of a change of responsible person in calendar days (seed 003
letter (1): "责任人变更后，应在两天内以书面形式通知", core limit.h): the
office sets registration.report_days 2 and registration.report_unit days on
/office/settings (a choice: anything else is a 422 with nothing stored);
a change effective on the Friday before National Day is then due on the
Sunday, the holiday and the weekend counted; back to the default, working
days again."""
import datetime, time
from lib import add_workdays, calendar, page, post, request, one, unit_id
from fixtures import fresh_unit

CHECK = 5 + 3       # core/setting.h SETTING_CHECK_SECONDS, and slack
GOOD = {"name": "测试人员", "title": "网络安全员", "office_phone": "0371-68221234",
        "mobile": "13812345678", "email": "tester@example.edu.cn"}


def setting(key, value, action="save"):
    st, x = page("/office/settings")
    s = x.find("./data/settings/setting[@key='%s']" % key)
    assert s is not None, key
    f = {"csrf": x.findtext("./csrf"), "key": key, "version": s.get("version"), "value": value, "action": action}
    return request("POST", "/office/settings", "office", body=f, headers={"Accept": "application/xml"}), s


def roles(login="office"):
    return page("/registration/", login)[1].find("./data/roles")


def change(u, role, eff):
    st, x = page("/registration/%d/change?role=%s" % (u, role))
    assert st == 200
    f = {e.get("name"): (e.text or "") for e in x.findall("./data/form/field")}
    f.update(GOOD)
    f.update({"role": role, "csrf": x.findtext("./csrf"), "effective_date": eff})
    r = post("/registration/%d/change" % u, f)
    assert r.status == 303, r
    return one("SELECT deadline FROM reg_holder WHERE unit_id=%d AND role='%s' AND is_current=1" % (u, role))


def test_calendar_days_for_a_change_of_responsible_person():
    code, _, _ = fresh_unit("B3")
    u = unit_id(code)
    # the default: 5 working days (seed 000): Friday 2026-09-25 is itself off (Mid-Autumn)
    assert roles().get("report-unit") == "workdays"
    r, s = setting("registration.report_unit", "weeks")
    assert r.status == 422 and s.get("type") == "choice"
    assert [c.get("code") for c in s.findall("choice")] == ["workdays", "days"]
    assert one("SELECT COUNT(*) FROM site_setting WHERE name='registration.report_unit' AND value IS NOT NULL") == "0"
    try:
        assert setting("registration.report_days", "2")[0].status == 303
        assert setting("registration.report_unit", "days")[0].status == 303
        # every worker reloads on its first request once SETTING_CHECK_SECONDS have passed; polling a
        # few requests could meet one worker only, and the next change another that has not reloaded yet
        time.sleep(CHECK)
        assert roles().get("report-unit") == "days" and roles().get("report-days") == "2"
        # effective Wednesday 2026-09-30: due Friday 2026-10-02, a National Day holiday, not moved
        assert change(u, "first", "2026-09-30") == "2026-10-02"
        # effective Friday 2026-12-04: due Sunday 2026-12-06
        assert change(u, "direct", "2026-12-04") == "2026-12-06"
        # effective 2025-12-30: due 2026-01-01 across the year end (New Year's day)
        assert change(u, "secadmin", "2025-12-30") == "2026-01-01"
        t = request("GET", "/registration/%d/change?role=first" % u, "office").text
        assert "<strong>2</strong> 天内报送网信办" in t and "工作日内报送" not in t, t
    finally:
        setting("registration.report_unit", "", "reset")
        setting("registration.report_days", "", "reset")
    time.sleep(CHECK)
    assert roles().get("report-unit") == "workdays"
    # working days again: Friday 2026-11-27 + 5 working days
    want = add_workdays(datetime.date(2026, 11, 27), 5, calendar())
    assert change(u, "first", "2026-11-27") == str(want) == "2026-12-04"
    assert "个工作日内报送网信办" in request("GET", "/registration/%d/change?role=first" % u, "office").text
