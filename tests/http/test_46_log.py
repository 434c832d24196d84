"""The module log: what a request brings (a path with %0a or %0d in it, a
login) cannot write a line of its own."""
import os
from lib import STACK, get, wait_for

FORGED = "2026-01-01T00:00:00.000 [1] 0000010000000001 office POST /systems/1/edit 303 9us"


def log_lines(module):
    with open(os.path.join(STACK, "log", module + ".log"), encoding="utf-8", errors="replace") as f:
        return f.read().split("\n")


def test_a_path_with_newlines_cannot_forge_a_log_line():
    path = "/systems/x%0a" + FORGED.replace(" ", "%20") + "%0d%0aend%09%5c"
    r = get(path, "auditor")
    assert r.status == 404, r
    rid = r.header("x-request-id")
    line = wait_for(lambda: [l for l in log_lines("systems") if rid in l], 5)
    assert line and len(line) == 1, line
    assert ("GET /systems/x\\n" + FORGED + "\\r\\nend\\t\\\\ 404") in line[0], line
    assert not any(l.startswith(FORGED) or l.startswith("end") for l in log_lines("systems"))
