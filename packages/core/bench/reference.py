"""Times the Python side of every benchmark case in one process (called once by bench/run.ts).

Reads {"quick": bool, "cases": [{"name": str, "reference": str}, ...]} as JSON on stdin and writes
{"versions": {...}, "results": {name: {"ms": float, "runs": int} | {"error": str}}} as JSON on stdout.
Each reference is Python run with `exec` in a namespace holding the shared sample
x = np.random.RandomState(42).normal(5, 2, 1_000_000) (what np.random.seed(42);
np.random.normal(5, 2, 1_000_000) gives) and the libraries as np, scipy (with scipy.stats),
sklearn, torch and matplotlib (with matplotlib.cbook) when they are installed. A case whose library
is missing reports an error instead of a time; nothing here makes the benchmark fail.
"""

import json
import platform
import statistics
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

job = json.load(sys.stdin)
quick = bool(job.get("quick"))
namespace["x"] = np.random.RandomState(42).normal(5, 2, 1_000_000)

# Median of several runs after a warm-up; slow cases (seconds per run) get fewer runs.
MAX_RUNS = 3 if quick else 9
BUDGET_S = 2.0 if quick else 6.0

results = {}
for case in job["cases"]:
    name = case["name"]
    try:
        code = compile(case["reference"], f"<{name}>", "exec")
        ns = dict(namespace)
        t0 = time.perf_counter()
        exec(code, ns)  # warm-up (also imports, caches)
        first = time.perf_counter() - t0
        runs = max(1, min(MAX_RUNS, int(BUDGET_S / max(first, 1e-9))))
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            exec(code, ns)
            times.append(time.perf_counter() - t0)
        results[name] = {"ms": statistics.median(times) * 1e3, "runs": runs}
    except Exception as err:  # noqa: BLE001
        results[name] = {"error": f"{type(err).__name__}: {err}".splitlines()[0][:200]}
        traceback.print_exc(file=sys.stderr)

json.dump({"versions": versions, "results": results}, sys.stdout)
