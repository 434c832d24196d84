"""No request may hold a worker: a body over its route's limit, or a body sent
to a path or method the module does not take, is answered at once, and the
worker takes the next request at once.  Through nginx (which answers 413
itself where the limit is known), and straight at a module's socket the way
nginx talks FastCGI: it stops sending the body once the answer begins, then
waits for the end of the request."""
import concurrent.futures, http.client, os, select, socket, struct, time
from lib import STACK, _host, auth_headers, get, request

FORM = "application/x-www-form-urlencoded"


def timed(method, path, body=b"", ctype=None, login="auditor", timeout=10):
    """(status or the exception's name, seconds) of one request on its own connection."""
    h = dict(auth_headers(login), Connection="close")
    if ctype:
        h["Content-Type"] = ctype
    t0 = time.time()
    c = http.client.HTTPConnection(_host.hostname, _host.port, timeout=timeout)
    try:
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        r.read()
        return r.status, time.time() - t0
    except Exception as e:          # a timeout is the failure this file is about
        return type(e).__name__, time.time() - t0
    finally:
        c.close()


def multipart(size):
    b = "wangan%d" % size
    head = ('--%s\r\nContent-Disposition: form-data; name="csrf"\r\n\r\nx\r\n'
            '--%s\r\nContent-Disposition: form-data; name="report"; filename="r.pdf"\r\n'
            'Content-Type: application/pdf\r\n\r\n%%PDF-1.4\n' % (b, b)).encode()
    tail = ("\r\n--%s--\r\n" % b).encode()
    return head + b"\0" * (size - len(head) - len(tail)) + tail, "multipart/form-data; boundary=" + b


def test_twenty_bad_bodies_in_parallel_leave_the_workers_free():
    form = b"name=" + b"a" * (300000 - 5)                 # over 64 KiB (and 256 KiB)
    up, up_type = multipart(int(20.5 * 1024 * 1024))      # over 20 MiB + 256 KiB
    mib = b"x" * (1024 * 1024)
    mp_mib, mp_type = multipart(1024 * 1024)
    cases = [
        # oversized form bodies
        (413, "POST", "/systems/new", form, FORM),
        (413, "POST", "/systems/1/edit", form, FORM),
        (413, "POST", "/incidents/new", form, FORM),
        (413, "POST", "/pledges/templates/new", form, FORM),
        (413, "POST", "/pledges/vendors/new", form, FORM),
        (413, "POST", "/registration/1/change", form, FORM),
        # oversized uploads
        (413, "POST", "/systems/1/assess", up, up_type),
        (413, "POST", "/pledges/sign", up, up_type),
        (413, "POST", "/incidents/1/rectify", up, up_type),
        # bodies to paths no route takes
        (404, "POST", "/systems/0/assess", mp_mib, mp_type),
        (404, "POST", "/incidents/notices/0/respond", mp_mib, mp_type),
        (404, "POST", "/incidents/nothing", form[:60000], FORM),
        (413, "POST", "/pledges/nothing", form, FORM),
        # bodies with a method the route does not take
        (405, "PUT", "/systems/1/assess", mib, "application/octet-stream"),
        (405, "PUT", "/pledges/sign", mib, "application/octet-stream"),
        (405, "DELETE", "/incidents/1/rectify", mib, "application/octet-stream"),
        (405, "POST", "/systems/", form[:60000], FORM),
        # a body with GET: the route runs (the auditor may not) and the body is dropped
        (403, "GET", "/systems/1/assess", mp_mib, mp_type),
        (403, "GET", "/pledges/sign", mib, "application/octet-stream"),
        (403, "GET", "/incidents/notices/new", mib[:250000], "application/octet-stream"),
    ]
    assert len(cases) == 20
    with concurrent.futures.ThreadPoolExecutor(len(cases)) as ex:
        got = list(ex.map(lambda c: timed(c[1], c[2], c[3], c[4]), cases))
    t0 = time.time()
    pages = [get(p, "auditor").status for p in ("/systems/", "/pledges/", "/incidents/", "/registration/")]
    took = time.time() - t0
    bad = [(c[:3], g) for c, g in zip(cases, got) if g[0] != c[0] or g[1] > 5]
    assert not bad, bad
    assert pages == [200] * 4 and took < 1.0, (pages, took)
    assert max(g[1] for g in got) < 5, got


def test_a_body_nginx_refuses_gets_the_platforms_words():
    r = request("POST", "/systems/new", "auditor", body=b"name=" + b"a" * 300000,
                headers={"Content-Type": FORM})
    assert r.status == 413
    assert "提交的内容过大" in r.text and "nothing was saved" in r.text.lower(), r.text[:500]


# FastCGI, as nginx speaks it (fastcgi.h): 8-byte records.
BEGIN, END, PARAMS, STDIN, STDOUT = 1, 3, 4, 5, 6


def record(kind, content=b"", rid=1):
    return struct.pack(">BBHHBx", 1, kind, rid, len(content), 0) + content


def params(d):
    out = b""
    for k, v in d.items():
        k, v = k.encode(), v.encode()
        for n in (len(k), len(v)):
            out += bytes([n]) if n < 128 else struct.pack(">I", n | 0x80000000)
        out += k + v
    return out


def fastcgi(module, method, uri, body, length=None, ctype=FORM, stall=False, timeout=5.0):
    """Sends one request to the module's socket like nginx: the body in 32 KiB
    records, watching for the answer, and no more body once it begins.  With
    stall, stops after 64 KiB and keeps the connection open.  Returns (status
    line, seconds until the end of the request or None, the connection)."""
    s = socket.socket(socket.AF_UNIX)
    s.connect(os.path.join(STACK, "run", module + ".sock"))
    env = {"REQUEST_METHOD": method, "DOCUMENT_URI": uri, "SCRIPT_NAME": uri, "QUERY_STRING": "",
           "CONTENT_TYPE": ctype, "CONTENT_LENGTH": str(len(body) if length is None else length),
           "REMOTE_USER": "auditor"}
    t0 = time.time()
    s.sendall(record(BEGIN, struct.pack(">HB5x", 1, 0)) + record(PARAMS, params(env)) + record(PARAMS))
    s.setblocking(False)
    sent, answered, data = 0, False, b""
    while time.time() - t0 < timeout:
        want_write = not answered and sent <= len(body) and not (stall and sent >= 65536)
        r, w, _ = select.select([s], [s] if want_write else [], [], 0.05)
        if r:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                chunk = b""
            if not chunk:
                break
            data += chunk
            answered = True
        elif w:
            piece = body[sent:sent + 32768]
            try:
                s.send(record(STDIN, piece))     # an empty record ends stdin
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                continue
            sent += len(piece) if piece else 1
        if ends(data):
            break
    done = time.time() - t0 if ends(data) else None
    out = stdout(data)
    return out.split(b"\r\n", 1)[0].decode(), done, s


def records(data):
    while len(data) >= 8:
        _, kind, _, n, pad = struct.unpack(">BBHHB", data[:7])
        if len(data) < 8 + n + pad:
            return
        yield kind, data[8:8 + n]
        data = data[8 + n + pad:]


def ends(data):
    return any(k == END for k, _ in records(data))


def stdout(data):
    return b"".join(c for k, c in records(data) if k == STDOUT)


def test_module_reads_a_refused_body_before_it_answers():
    # a body the route refuses unread, one sent to no route, one with a wrong method
    for method, uri, size, want in (("POST", "/systems/new", 1 << 20, "413"),
                                    ("POST", "/systems/0/assess", 1 << 20, "404"),
                                    ("PUT", "/systems/1/assess", 3 << 20, "405"),
                                    ("POST", "/systems/1/assess", 21 << 20, "413")):
        status, done, s = fastcgi("systems", method, uri, b"a" * size)
        s.close()
        assert status.startswith("Status: " + want), (uri, status)
        assert done is not None and done < 2, (uri, done)


def test_a_stalled_or_endless_body_holds_a_worker_at_most_a_second():
    t0 = time.time()
    # more than the two workers: a body announced far past the drain cap,
    # and bodies that stop coming half way
    jobs = [dict(body=b"a" * 65536, length=1 << 30)] + [dict(body=b"a" * (1 << 20))] * 2
    with concurrent.futures.ThreadPoolExecutor(len(jobs)) as ex:
        got = list(ex.map(lambda j: fastcgi("systems", "POST", "/systems/new", stall=True, **j), jobs))
    for status, done, s in got:
        s.close()
        assert status.startswith("Status: 413"), (status, done)
        assert done is not None and done < 3.5, done
    r = get("/systems/", "auditor")
    assert r.status == 200 and time.time() - t0 < 4, (r.status, time.time() - t0)
    log = open(os.path.join(STACK, "log", "systems.log")).read()
    assert "request body left unread" in log
