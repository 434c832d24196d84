"""The navigation is the site's modules (config `modules`, core nav.c): the
test stack runs all four and links all four; a second registration process
with a config that leaves incidents out links no /incidents/ page, in its
HTML and in its page XML."""
import os, re, signal, subprocess
from lib import BIN, STACK, get, page, stack_config, wait_for

# the stack's modules line: every module built, in the navigation's order (tools/stack)
FOUR = stack_config()["modules"].split()
assert [m for m in FOUR if m in ("registration", "pledges", "systems", "incidents", "cloud", "websites")] == \
    ["registration", "pledges", "systems", "incidents", "cloud", "websites"], FOUR


def nav_links(html):
    m = re.search(r'<nav class="nav">(.*?)</nav>', html, re.S)
    assert m, html[:1500]
    return re.findall(r'<a href="(/[a-z]+/)"', m.group(1))


def test_the_stack_links_its_four_modules_in_order():
    for path in ("/registration/", "/pledges/", "/systems/", "/incidents/"):
        st, x = page(path)
        assert st == 200
        assert [(i.get("module"), i.get("href")) for i in x.findall("./nav/item")] == \
            [(m, "/%s/" % m) for m in FOUR], path
        r = get(path + "?lang=en")
        assert nav_links(r.text) == ["/%s/" % m for m in FOUR], path
        here = path.strip("/")
        assert '<a href="/%s/" aria-current="page">' % here in r.text


def fcgi(sock, path, accept="text/html"):
    env = dict(os.environ, REQUEST_METHOD="GET", DOCUMENT_URI=path, SCRIPT_NAME=path, QUERY_STRING="",
               REMOTE_USER="office", HTTP_ACCEPT=accept)
    r = subprocess.run(["cgi-fcgi", "-bind", "-connect", sock], env=env, capture_output=True, timeout=20)
    return r.stdout.decode("utf-8", "replace")


def test_a_site_without_incidents_has_no_incidents_link():
    conf = os.path.join(STACK, "nav-test.conf")
    sock = os.path.join(STACK, "run", "nav-test.sock")
    with open(os.path.join(STACK, "wangan.conf")) as f:
        text = f.read()
    with open(conf, "w") as f:        # a later line overrides the stack's own
        f.write(text + "\nmodules = registration pledges systems\n")
    if os.path.exists(sock):
        os.unlink(sock)
    p = subprocess.Popen([os.path.join(BIN, "wangan-registration"), "--config", conf, "--listen", sock,
                          "--workers", "1"], stderr=subprocess.DEVNULL)
    try:
        assert wait_for(lambda: os.path.exists(sock), 15)
        html = wait_for(lambda: (lambda o: o if "</html>" in o else None)(fcgi(sock, "/registration/")), 15)
        assert html and "Status: 200" in html, html
        assert nav_links(html) == ["/registration/", "/pledges/", "/systems/"], html[:2000]
        assert "/incidents/" not in html
        xml = fcgi(sock, "/registration/", "application/xml")
        assert "<nav>" in xml and 'module="systems"' in xml and "incidents" not in xml, xml[:1500]
    finally:
        p.send_signal(signal.SIGTERM)
        assert p.wait(15) == 0
        if os.path.exists(conf):
            os.unlink(conf)
