"""Runs every test_* function of the test_*.py files here, in file order and
definition order, and prints one closing line: "http: N passed, N failed"."""
import importlib, inspect, os, sys, time, traceback

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
only = sys.argv[1:]
passed = failed = 0
for fname in sorted(f for f in os.listdir(here) if f.startswith("test_") and f.endswith(".py")):
    mod = importlib.import_module(fname[:-3])
    tests = [(n, f) for n, f in vars(mod).items() if n.startswith("test_") and inspect.isfunction(f)]
    tests.sort(key=lambda t: t[1].__code__.co_firstlineno)
    for name, fn in tests:
        if only and not any(o in fname[:-3] + "." + name for o in only):
            continue
        t0 = time.time()
        try:
            fn()
            passed += 1
            print("ok    %-60s %5.2fs" % (fname[:-3] + "." + name, time.time() - t0), flush=True)
        except Exception:
            failed += 1
            print("FAIL  %s.%s" % (fname[:-3], name), flush=True)
            traceback.print_exc()
line = "http: %d passed, %d failed" % (passed, failed)
print(line)
with open(os.path.join(os.environ["WANGAN_STACK"], "log", "http-result"), "w") as f:
    f.write(line + "\n")
sys.exit(1 if failed else 0)
