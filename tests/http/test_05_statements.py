"""The statement table is checked: against the server when a module starts
(tests/db/stmt_check.c drives db.c with deliberately wrong entries against the
test stack's MariaDB), and at compile time (a call whose argument array has the
wrong length does not compile)."""
import os, subprocess, tempfile
from lib import BIN, ROOT, STACK

CHECK = os.path.join(os.path.dirname(BIN), "tests", "db", "stmt_check")


def test_wrong_entries_stop_the_module_at_prepare():
    r = subprocess.run([CHECK, os.path.join(STACK, "wangan.conf")], capture_output=True, text=True,
                       timeout=60)
    lines = r.stdout.splitlines()
    assert r.returncode == 0, r.stdout + r.stderr
    # every case ran and came out right; the wrong ones were refused, not taken for a lost server
    assert len([l for l in lines if l.startswith("ok ")]) >= 12, r.stdout
    assert not [l for l in lines if l.startswith("FAIL")], r.stdout


def test_every_module_checks_its_statements_at_start():
    for m in sorted(os.listdir(BIN)):
        if not m.startswith("wangan-") or m == "wangan-admin":
            continue
        r = subprocess.run([os.path.join(BIN, m), "--config", os.path.join(STACK, "wangan.conf"), "--check"],
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 0 and "statements" in r.stdout, (m, r.stdout, r.stderr)


def _compile(nargs):
    src = (
        '#include "db.h"\n'
        'DB_STATEMENTS(t_sql, T_LIST, T__MAX);\n'
        'enum db_rc f(struct db *db);\n'
        'enum db_rc f(struct db *db) {\n'
        '  struct db_val p[] = { %s };\n'
        '  return DB_RUN(db, T_TWO, p, NULL, NULL);\n'
        '}\n' % ", ".join(["DBI(1)"] * nargs))
    flags = subprocess.run(["pkg-config", "--cflags", "libmariadb", "libxml-2.0"], capture_output=True,
                           text=True).stdout.split()
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "t.c")
        with open(path, "w") as f:
            f.write("#define T_LIST(S) S(T_ONE, 1) S(T_TWO, 2)\n" + src)
        return subprocess.run(["cc", "-std=c11", "-Werror", "-fsyntax-only", "-I", os.path.join(ROOT, "modules/core"),
                               *flags, path], capture_output=True, text=True)


def test_a_call_with_the_wrong_argument_count_does_not_compile():
    assert _compile(2).returncode == 0, _compile(2).stderr
    for n in (1, 3):
        r = _compile(n)
        assert r.returncode != 0, "DB_RUN with %d arguments for a 2-parameter statement compiled" % n
