"""What the list-tools tests share (test_a4, a7, a8, b3, b6): walking a
list's pages by its cursors, reading its CSV and XLSX exports back, its
links, and the escapes the tests' own SQL needs.  A key is an attribute's
name or a function of the row element."""
import csv, html, io, re, urllib.parse
import openpyxl
from lib import get, page


def _key(e, key):
    return key(e) if callable(key) else e.get(key)


def walk(path, login="office", rows="./data/rows", key="id", tools=False, count=False):
    """Every row of a list, following its next links (at + after), in order; and the pages it took.
    tools: the cursor must be the tools' (next-at); count: each page's count says its rows."""
    seen, pages, url = [], 0, path
    while url:
        st, x = page(url, login)
        assert st == 200, (url, st)
        pages += 1
        n = x.find(rows)
        if n is None:
            break
        seen += [_key(e, key) for e in n]
        if count:
            assert int(n.get("count")) == len(n), url
        if n.get("next") is None:
            break
        if tools:
            assert n.get("next-at") is not None, url       # the tools' cursor, not a plain list's
        sep = "&" if "?" in path else "?"
        url = "%s%sat=%s&after=%s" % (path, sep, n.get("next-at"), n.get("next"))
        assert pages < 400
    return seen, pages


def walk_plain(path, login="office", rows="./data/rows", key="id"):
    """Every row of a plain list (no tools), by its own cursors: ?after=, and ?from= where it has one."""
    seen, url, pages = [], path, 0
    while url:
        st, x = page(url, login)
        assert st == 200, (url, st)
        n = x.find(rows)
        seen += [_key(e, key) for e in n]
        pages += 1
        if n.get("next") is None:
            break
        assert n.get("next-at") is None, url
        url = "%s&after=%s" % (path, n.get("next"))
        if n.get("next-from"):
            url += "&from=" + n.get("next-from")
        assert pages < 400
    return seen


def csv_rows(path, login="office"):
    r = get(path, login)
    assert r.status == 200, (path, r.status, r.text[:300])
    assert r.header("content-type").startswith("text/csv"), r.header("content-type")
    assert "attachment" in r.header("content-disposition")
    assert r.body.startswith(b"\xef\xbb\xbf")          # Excel reads UTF-8 by its BOM
    return list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))


def xlsx_rows(path, login="office"):
    r = get(path, login)
    assert r.status == 200, (path, r.status)
    assert r.header("content-type").startswith("application/vnd.openxmlformats"), r.header("content-type")
    ws = openpyxl.load_workbook(io.BytesIO(r.body), read_only=True).worksheets[0]
    return [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]


def links(text):
    return [html.unescape(h) for h in re.findall(r'href="([^"]+)"', text)]


def q(s):
    return urllib.parse.quote(s)


def esc(s):
    """s for a LIKE prefix in the tests' own SQL, as listq.c escapes it."""
    return s.replace("\\", "\\\\\\\\").replace("'", "\\'").replace("%", "\\%").replace("_", "\\_")
