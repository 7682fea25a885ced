"""Times the Python side of the benchmark cases, one call at a time, for bench/run.ts.

A line-based server (JSON per line): prints {"versions": {...}} once at start, then answers each
line on stdin with one line on stdout:
  {"op": "load", "name": str, "reference": str}  -> {"first": ms} (compiled, run once: the warm-up)
                                                     or {"error": str}
  {"op": "time", "name": str}                     -> {"ms": ms} (one more run) or {"error": str}
and exits when stdin closes. bench/run.ts asks for the core and the reference calls in turn, so
both sides are timed over the same stretch of the machine's time.

Each reference is Python run with `exec` in a namespace of its own (kept from its load on) holding
the shared sample x = np.random.RandomState(42).normal(5, 2, 1_000_000) (what np.random.seed(42);
np.random.normal(5, 2, 1_000_000) gives) and the libraries as np, scipy (with scipy.stats),
sklearn, torch and matplotlib (with matplotlib.cbook) when they are installed. A case whose library
is missing reports an error instead of a time; nothing here makes the benchmark fail.
"""

import json
import platform
import sys
import time
import traceback

import numpy as np

namespace = {"np": np}
versions = {"python": platform.python_version(), "numpy": np.__version__}

for module, alias in [("scipy.stats", "scipy"), ("sklearn", "sklearn"), ("torch", "torch")]:
    try:
        imported = __import__(module)
        namespace[alias] = imported
        versions[alias] = imported.__version__
    except Exception as err:  # noqa: BLE001 - any import failure just makes that library unavailable
        versions[alias] = f"unavailable ({type(err).__name__})"
try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.cbook  # noqa: F401 - reached as matplotlib.cbook in the references

    namespace["matplotlib"] = matplotlib
    versions["matplotlib"] = matplotlib.__version__
except Exception as err:  # noqa: BLE001
    versions["matplotlib"] = f"unavailable ({type(err).__name__})"

namespace["x"] = np.random.RandomState(42).normal(5, 2, 1_000_000)


def reply(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def error(err):
    traceback.print_exc(file=sys.stderr)
    return {"error": f"{type(err).__name__}: {err}".splitlines()[0][:200]}


def timed(code, ns):
    t0 = time.perf_counter()
    exec(code, ns)
    return (time.perf_counter() - t0) * 1e3


loaded = {}
reply({"versions": versions})
for line in sys.stdin:
    request = json.loads(line)
    name = request["name"]
    try:
        if request["op"] == "load":
            code = compile(request["reference"], f"<{name}>", "exec")
            ns = dict(namespace)
            loaded[name] = (code, ns)
            reply({"first": timed(code, ns)})  # the warm-up (also imports, caches)
        else:
            reply({"ms": timed(*loaded[name])})
    except Exception as err:  # noqa: BLE001
        reply(error(err))
