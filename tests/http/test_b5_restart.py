"""Restarts and supervision (issue 15): `tools/stack restart` (the master's
SIGUSR2 re-exec with the listening socket) loses no request — a stream of
page loads and saves through nginx during five restarts in a row gets no
error and every acknowledged save is in the database; a build that fails
its --check is not exec'd; a SIGKILLed master's workers end with it and the
stack's supervisor starts the module again; a relative --listen path is a
path, and a fresh socket appears only once it listens with its mode."""
import os, signal, stat, subprocess, threading, time
from lib import BIN, ROOT, STACK, change_form, get, post, sql, stack_config, unit_id, wait_for

TAG = os.urandom(3).hex()
UNIT, ROLE = "O-FIN", "sysadmin"     # a unit and role no other test changes
GOOD = {"name": "重启测试", "title": "系统管理员", "office_phone": "0371-68221234",
        "mobile": "13812345678"}
PAGES = ["/registration/", "/registration/?lang=en", "/", "/pledges/"]


def dead(pid):
    """The process has exited (gone, or a zombie nobody reaped yet)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def children(pid):
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return sorted(int(p) for p in out.split())


def master(module="registration"):
    return int(open(os.path.join(STACK, "run", module + ".pid")).read())


def stack(*args):
    r = subprocess.run([os.path.join(ROOT, "tools/stack")] + list(args), capture_output=True, text=True,
                       timeout=600, env=dict(os.environ, WANGAN_BIN=BIN))
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r


class Stream:
    """Clients that keep loading pages and saving a holder until stopped,
    keeping every answer that is not 2xx/3xx and the e-mail of every save
    the server acknowledged (303)."""

    def __init__(self):
        self.stop = threading.Event()
        self.errors, self.saved, self.n = [], [], 0
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.pages, args=(i,)) for i in range(2)]
        self.threads.append(threading.Thread(target=self.saves))

    def note(self, what, status):
        with self.lock:
            self.n += 1
            if not 200 <= status < 400:
                self.errors.append((what, status))

    def pages(self, k):
        i = k
        while not self.stop.is_set():
            path = PAGES[i % len(PAGES)]
            try:
                self.note(path, get(path).status)
            except Exception as e:          # a reset or a timeout: as bad as a 502
                self.note(path, 0)
                self.errors.append((path, repr(e)))
            i += 1

    def saves(self):
        u, i = unit_id(UNIT), 0
        while not self.stop.is_set():
            i += 1
            email = "r%s-%d@example.edu.cn" % (TAG, i)
            try:
                st, f, csrf = change_form(u, ROLE)
                self.note("change form", st)
                if st != 200:
                    continue
                f.update(GOOD, email=email, role=ROLE, csrf=csrf)
                r = post("/registration/%d/change" % u, f)
                self.note("save", r.status)
                if r.status == 303:
                    self.saved.append(email)
            except Exception as e:
                self.note("save", 0)
                self.errors.append(("save", repr(e)))

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.threads:
            t.join(120)


def test_five_restarts_in_a_row_lose_no_request_and_no_save():
    m = master()
    with Stream() as s:
        time.sleep(1)
        for _ in range(5):
            before = children(m)
            stack("restart", STACK, "registration")
            # the same master (pid and pidfile), serving with new workers; the old ones end
            assert master() == m and not dead(m)
            assert wait_for(lambda: all(dead(p) for p in before), 15), before
            assert not set(before) & set(children(m))
        n_five = s.n
        stack("restart", STACK, "all")      # every module once, the sign-in's too
        time.sleep(1)
    assert s.errors == [], s.errors[:20]
    assert n_five > 50 and len(s.saved) >= 5, (n_five, len(s.saved))
    got = {r[0] for r in sql("SELECT email FROM reg_holder WHERE unit_id=%d AND role='%s' AND email LIKE 'r%s-%%'"
                             % (unit_id(UNIT), ROLE, TAG))}
    assert set(s.saved) <= got, sorted(set(s.saved) - got)
    log = open(os.path.join(STACK, "log", "registration.log")).read()
    assert log.count("server: restarted with") >= 6


def conf_copy(name, **over):
    """The stack's config with some lines added (a later line wins, config.c)."""
    path = os.path.join(STACK, name + ".conf")
    with open(os.path.join(STACK, "wangan.conf")) as f, open(path, "w") as out:
        out.write(f.read())
        for k, v in over.items():
            out.write("%s = %s\n" % (k, v))
    os.chmod(path, 0o600)
    return path


def fcgi_health(sockpath):
    env = dict(os.environ, REQUEST_METHOD="GET", DOCUMENT_URI="/registration/health",
               SCRIPT_NAME="/registration/health", QUERY_STRING="")
    r = subprocess.run(["cgi-fcgi", "-bind", "-connect", sockpath], env=env, capture_output=True, timeout=10)
    return r.stdout.decode()


def standalone(name, conf, listen):
    """A registration master run from the stack folder (cwd), with its own log."""
    log = open(os.path.join(STACK, "log", name + ".log"), "ab")
    p = subprocess.Popen([os.path.join(BIN, "wangan-registration"), "--config", conf, "--listen", listen,
                          "--workers", "2"], cwd=STACK, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    return p


def test_a_relative_listen_path_is_a_path_with_its_mode_and_no_temporary_left():
    conf = conf_copy("rel", socket_mode="0640")
    sock = os.path.join(STACK, "run", "rel.sock")
    p = standalone("rel", conf, "run/rel.sock")
    try:
        assert "ok" in wait_for(lambda: os.path.exists(sock) and fcgi_health(sock), 20)
        st = os.stat(sock)
        assert stat.S_ISSOCK(st.st_mode) and stat.S_IMODE(st.st_mode) == 0o640, oct(st.st_mode)
        assert [f for f in os.listdir(os.path.join(STACK, "run")) if ".tmp-" in f] == []
    finally:
        p.send_signal(signal.SIGTERM)
        assert p.wait(20) == 0
    assert not os.path.exists(sock)


def test_a_restart_whose_check_fails_keeps_the_running_build():
    conf = conf_copy("chk")
    sock = os.path.join(STACK, "run", "chk.sock")
    logf = os.path.join(STACK, "log", "chk.log")
    p = standalone("chk", conf, sock)
    try:
        assert "ok" in wait_for(lambda: os.path.exists(sock) and fcgi_health(sock), 20)
        kids = children(p.pid)
        with open(conf, "a") as f:          # a config the new build refuses: a too short secret
            f.write("csrf_secret = short\n")
        p.send_signal(signal.SIGUSR2)
        assert wait_for(lambda: "server: restart refused" in open(logf).read(), 60)
        assert children(p.pid) == kids and "ok" in fcgi_health(sock)
        with open(conf, "a") as f:          # fixed: the restart goes through, on a relative path too
            f.write("csrf_secret = %s\n" % stack_config()["csrf_secret"])
        p.send_signal(signal.SIGUSR2)
        assert wait_for(lambda: "server: restarted with" in open(logf).read(), 60)
        assert wait_for(lambda: all(dead(k) for k in kids), 15)
        assert p.poll() is None and "ok" in fcgi_health(sock)
    finally:
        p.send_signal(signal.SIGTERM)
        assert p.wait(20) == 0


def test_a_sigkilled_master_leaves_no_worker():
    sock = os.path.join(STACK, "run", "kill.sock")
    p = standalone("kill", conf_copy("kill"), sock)
    assert "ok" in wait_for(lambda: os.path.exists(sock) and fcgi_health(sock), 20)
    kids = children(p.pid)
    assert len(kids) == 2
    p.kill()
    p.wait(10)
    assert wait_for(lambda: all(dead(k) for k in kids), 5), [open("/proc/%d/stat" % k).read() for k in kids
                                                             if not dead(k)]
    os.unlink(sock)


def test_the_stack_supervisor_starts_a_killed_module_again():
    m = master()
    kids = children(m)
    os.kill(m, signal.SIGKILL)
    assert wait_for(lambda: dead(m) and all(dead(k) for k in kids), 5), kids
    # a second later the supervisor starts it again, with a fresh socket renamed over the old one
    assert wait_for(lambda: master() != m and not dead(master()) and len(children(master())) == 2, 30)
    assert wait_for(lambda: get("/registration/").status == 200, 20)
    assert "exited with status 137; starting it again" in open(os.path.join(STACK, "log", "registration.log")).read()


def test_a_socket_from_systemd_is_kept_across_a_restart_and_left_to_systemd():
    import socket
    path = os.path.join(STACK, "run", "sdr.sock")
    if os.path.exists(path):
        os.unlink(path)
    s = socket.socket(socket.AF_UNIX)
    s.bind(path)
    s.listen(16)
    if s.fileno() != 3:
        os.dup2(s.fileno(), 3, inheritable=True)
        s.close()
    else:
        s.detach()
    logf = os.path.join(STACK, "log", "sdr.log")
    log = open(logf, "ab")
    # LISTEN_PID must be the module's own pid: sh sets it to $$ and execs
    cmd = 'LISTEN_PID=$$ LISTEN_FDS=1 exec "$0" --config "$1" --workers 1 </dev/null'
    p = subprocess.Popen(["sh", "-c", cmd, os.path.join(BIN, "wangan-registration"),
                          os.path.join(STACK, "wangan.conf")], pass_fds=(3,), stdout=log, stderr=log)
    os.close(3)
    try:
        assert "ok" in wait_for(lambda: fcgi_health(path), 20)
        kids = children(p.pid)
        p.send_signal(signal.SIGUSR2)
        assert wait_for(lambda: "server: restarted with 1 workers" in open(logf).read(), 60)
        assert wait_for(lambda: all(dead(k) for k in kids), 15)
        assert "ok" in fcgi_health(path)
    finally:
        p.send_signal(signal.SIGTERM)
        assert p.wait(20) == 0
    assert os.path.exists(path)         # systemd's socket: not ours to remove
    os.unlink(path)
