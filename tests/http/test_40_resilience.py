"""The module process: statements prepared once, a killed worker replaced,
a database restart survived, the socket inherited from spawn-fcgi or
systemd, and a graceful stop."""
import os, signal, socket, subprocess, time
from lib import BIN, ROOT, STACK, get, wait_for


def health():
    r = get("/registration/health")
    assert r.status == 200
    return dict(kv.split("=") for kv in r.text.split()[1:])


def master_pid():
    return int(open(os.path.join(STACK, "run", "registration.pid")).read())


def workers():
    out = subprocess.run(["pgrep", "-P", str(master_pid())], capture_output=True, text=True).stdout
    return sorted(int(p) for p in out.split())


def test_statements_prepared_once_not_per_request():
    seen = {}
    for _ in range(40):
        h = health()
        seen[h["worker"]] = h
        assert get("/registration/").status == 200
    for w, h in seen.items():
        before = h
        for _ in range(20):
            get("/registration/")
        # every worker connected once and prepared its table once
        assert before["connects"] == "1", before
    after = {}
    for _ in range(40):
        h = health()
        after[h["worker"]] = h
    for w in after:
        if w in seen:
            assert after[w]["prepares"] == seen[w]["prepares"], (seen[w], after[w])
            assert int(after[w]["requests"]) > int(seen[w]["requests"])


def test_worker_killed_with_sigkill_is_replaced():
    ws = workers()
    assert len(ws) == 2, ws
    os.kill(ws[0], signal.SIGKILL)
    # kill() returns before the worker is gone: one woken in accept() still
    # takes a waiting connection before it dies, and nginx sees a reset
    assert wait_for(lambda: not os.path.exists("/proc/%d" % ws[0]), 10)
    for _ in range(30):
        assert get("/registration/").status == 200
    new = wait_for(lambda: (lambda w: w if len(w) == 2 and ws[0] not in w else None)(workers()), 15)  # an ASan worker starts slowly on a busy machine
    assert new and ws[0] not in new and ws[1] in new, (ws, new)
    assert "killed by signal 9" in open(os.path.join(STACK, "log", "registration.log")).read()


def test_database_restart_gives_503_then_recovers():
    pidf = os.path.join(STACK, "run", "mysqld.pid")
    pid = int(open(pidf).read())
    assert get("/registration/").status == 200
    os.kill(pid, signal.SIGTERM)
    assert wait_for(lambda: not os.path.exists("/proc/%d" % pid), 60)
    r = get("/registration/")
    assert r.status == 503, r
    assert "<html" in r.text and r.header("x-request-id") in r.text
    assert get("/registration/?lang=en").status == 503
    subprocess.run([os.path.join(ROOT, "tools/stack"), "db-up", STACK], check=True, capture_output=True)
    ok = [get("/registration/").status for _ in range(10)]
    assert ok == [200] * 10, ok
    # each worker reconnected once and re-prepared
    h = health()
    assert int(h["connects"]) >= 2


def fcgi_health(sockpath):
    env = dict(os.environ, REQUEST_METHOD="GET", DOCUMENT_URI="/registration/health",
               SCRIPT_NAME="/registration/health", QUERY_STRING="")
    r = subprocess.run(["cgi-fcgi", "-bind", "-connect", sockpath], env=env, capture_output=True, timeout=10)
    return r.stdout.decode()


def listening(name):
    """A fresh listening unix socket in the stack's run folder."""
    path = os.path.join(STACK, "run", name)
    if os.path.exists(path):
        os.unlink(path)
    s = socket.socket(socket.AF_UNIX)
    s.bind(path)
    s.listen(16)
    return path, s


def serves_then_stops(p, path):
    """The module answers health on path, then exits 0 on SIGTERM."""
    try:
        out = wait_for(lambda: "ok" in fcgi_health(path) and fcgi_health(path), 10)
        assert "Status: 200" in out and "worker=" in out, out
    finally:
        p.send_signal(signal.SIGTERM)
        assert p.wait(15) == 0
        os.unlink(path)


def test_socket_inherited_on_fd0_like_spawn_fcgi():
    path, s = listening("fd0.sock")
    p = subprocess.Popen([os.path.join(BIN, "wangan-registration"), "--config",
                          os.path.join(STACK, "wangan.conf"), "--workers", "1"],
                         stdin=s.fileno(), stderr=subprocess.DEVNULL)
    s.close()
    serves_then_stops(p, path)


def test_socket_from_systemd_activation():
    path, s = listening("sd.sock")
    if s.fileno() != 3:
        os.dup2(s.fileno(), 3, inheritable=True)
        s.close()
    else:
        s.detach()
    # LISTEN_PID must be the module's own pid: sh sets it to $$ and execs
    cmd = 'LISTEN_PID=$$ LISTEN_FDS=1 exec "$0" --config "$1" --workers 1 </dev/null'
    p = subprocess.Popen(["sh", "-c", cmd, os.path.join(BIN, "wangan-registration"),
                          os.path.join(STACK, "wangan.conf")], pass_fds=(3,), stderr=subprocess.DEVNULL)
    os.close(3)
    serves_then_stops(p, path)


def test_sigterm_stops_gracefully_and_removes_socket():
    sock = os.path.join(STACK, "run", "g.sock")
    pidf = os.path.join(STACK, "run", "g.pid")
    p = subprocess.Popen([os.path.join(BIN, "wangan-registration"), "--config", os.path.join(STACK, "wangan.conf"),
                          "--listen", sock, "--pidfile", pidf, "--workers", "2"], stderr=subprocess.DEVNULL)
    assert wait_for(lambda: os.path.exists(sock), 10)
    assert "ok" in wait_for(lambda: fcgi_health(sock), 10)
    kids = subprocess.run(["pgrep", "-P", str(p.pid)], capture_output=True, text=True).stdout.split()
    assert len(kids) == 2
    p.send_signal(signal.SIGTERM)
    assert p.wait(15) == 0
    assert not os.path.exists(sock) and not os.path.exists(pidf)
    for k in kids:
        assert not os.path.exists("/proc/%s" % k) or open("/proc/%s/stat" % k).read().split()[2] == "Z"
