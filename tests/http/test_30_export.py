"""The registry export: streamed XML that validates against its XSD and
carries every active unit with its current holders."""
import os, subprocess, tempfile
import xml.etree.ElementTree as ET
from lib import ROOT, BIN, STACK, get, one, sql

NS = "{urn:wangan:registration:1}"


def validate(data):
    with tempfile.NamedTemporaryFile(suffix=".xml", delete=False) as f:
        f.write(data)
    try:
        r = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(ROOT, "schema/xml/registration.xsd"),
                            f.name], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
    finally:
        os.unlink(f.name)


def test_export_validates_and_is_complete():
    r = get("/registration/export.xml")
    assert r.status == 200 and r.header("content-type").startswith("application/xml")
    validate(r.body)
    x = ET.fromstring(r.body)
    units = x.findall(NS + "unit")
    assert len(units) == int(one("SELECT COUNT(*) FROM unit WHERE active=1"))
    holders = sum(len(u.findall(NS + "holder")) for u in units)
    assert holders == int(one("SELECT COUNT(*) FROM reg_holder WHERE is_current=1"))
    cs = [u for u in units if u.get("code") == "C-CS"][0]
    first = [h for h in cs.findall(NS + "holder") if h.get("role") == "first"][0]
    want = sql("SELECT h.name, h.mobile FROM reg_holder h JOIN unit u ON u.id=h.unit_id "
               "WHERE u.code='C-CS' AND h.role='first' AND h.is_current=1")[0]
    assert [first.findtext(NS + "name"), first.findtext(NS + "mobile")] == want


def test_export_cli_matches_http():
    out = os.path.join(STACK, "tmp", "export.xml")
    subprocess.run([os.path.join(BIN, "wangan-registration"), "--config", os.path.join(STACK, "wangan.conf"),
                    "--export", out], check=True, capture_output=True)
    data = open(out, "rb").read()
    validate(data)
    http = get("/registration/export.xml").body
    strip = lambda b: b.split(b"generated=", 1)[1].split(b"\"", 2)[2]
    assert strip(data) == strip(http)


def test_export_escapes_hostile_text():
    # a holder name with markup characters must come out as text, and still validate
    u = one("SELECT id FROM unit WHERE code='O-HR'")
    sql("UPDATE reg_holder SET title='主任 <x> & \"q\"' WHERE unit_id=%s AND role='first' AND is_current=1" % u)
    r = get("/registration/export.xml")
    validate(r.body)
    assert b"&lt;x&gt; &amp;" in r.body
