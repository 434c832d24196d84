"""The stack's files are not for every local user: the files with secrets
0600, logs 0640, the data folder 0700, and the MariaDB socket (which
mariadbd makes 0777) reachable only by the stack's user and group — not by
other users, nor by nginx's, which reaches only the module sockets."""
import glob, os, pwd, stat, subprocess
from lib import STACK, get

PROBE = ("import socket, sys\n"
         "s = socket.socket(socket.AF_UNIX)\n"
         "try:\n    s.connect(sys.argv[1])\nexcept OSError as e:\n    print(type(e).__name__)\n"
         "else:\n    print('connected')\n")


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def conf(key):
    for line in open(os.path.join(STACK, "wangan.conf")):
        if line.split("=")[0].strip() == key:
            return line.split("=", 1)[1].strip()


def connect_as(user, path):
    """What a connect() to the unix socket path does for user: 'connected' or the error's name."""
    pw = pwd.getpwnam(user)
    r = subprocess.run(["setpriv", "--reuid=%d" % pw.pw_uid, "--regid=%d" % pw.pw_gid, "--init-groups",
                        "/usr/bin/python3", "-c", PROBE, path], capture_output=True, text=True, timeout=10)
    return r.stdout.strip() or r.stderr.strip()


def test_secrets_and_logs_are_not_world_readable():
    for f in ("wangan.conf", "demo-accounts.txt"):
        assert mode(os.path.join(STACK, f)) == 0o600, (f, oct(mode(os.path.join(STACK, f))))
    assert mode(os.path.join(STACK, "htpasswd")) & 0o037 == 0, oct(mode(os.path.join(STACK, "htpasswd")))
    get("/systems/health")              # every module has logged by now
    logs = glob.glob(os.path.join(STACK, "log", "*.log"))
    names = {os.path.basename(f) for f in logs}
    assert {"registration.log", "pledges.log", "systems.log", "incidents.log", "mariadb.log",
            "nginx-error.log", "nginx-access.log", "migrate.log"} <= names, names
    loose = {os.path.basename(f): oct(mode(f)) for f in logs if mode(f) & ~0o640}
    assert not loose, loose
    assert mode(os.path.join(STACK, "log")) & 0o007 == 0
    assert mode(os.path.join(STACK, "db")) == 0o700, oct(mode(os.path.join(STACK, "db")))


def test_database_socket_only_for_the_stack_user_and_group():
    sock = conf("db_socket")
    assert stat.S_ISSOCK(os.stat(sock).st_mode), sock
    d = os.path.dirname(sock)
    st = os.stat(d)
    assert stat.S_IMODE(st.st_mode) & 0o007 == 0, oct(st.st_mode)
    assert st.st_uid == os.geteuid(), (st.st_uid, os.geteuid())
    if os.geteuid() != 0:
        return
    # nginx's user reaches a module socket, but neither it nor anyone else the database
    assert connect_as("www-data", os.path.join(STACK, "run", "systems.sock")) == "connected"
    for user in ("www-data", "nobody"):
        assert connect_as(user, sock) == "PermissionError", user
