"""`make bench-hosts`: the three wasm modules' sizes (raw, gzip -9) and `validate` from Python.

Times the plugin's `validate` through Python's `extism` over the corpus (the median of 5 passes,
per call, input text already read). CORPUS=dir times another directory's files instead.
"""

import gzip
import json
import os
import statistics
import time
from pathlib import Path

import extism

from hosts import PLUGIN, ROOT, TODAY, WASI, corpus, decode

MODULES = {
    "npm module (wasm-bindgen)": ROOT / "pkg" / "web" / "msk_connect_lint_bg.wasm",
    "Extism plugin": PLUGIN,
    "WASI command": WASI,
}

for name, path in MODULES.items():
    if path.exists():
        data = path.read_bytes()
        print(f"{name:27} {len(data) / 1024:7.1f} KiB raw, {len(gzip.compress(data, 9)) / 1024:6.1f} KiB gzip ({path.relative_to(ROOT)})")
    else:
        print(f"{name:27} not built ({path.relative_to(ROOT)})")

start = time.perf_counter()
plugin = extism.Plugin(PLUGIN.read_bytes(), wasi=True)
load_ms = (time.perf_counter() - start) * 1000
if "CORPUS" in os.environ:
    files = sorted(p for p in Path(os.environ["CORPUS"]).iterdir() if p.is_file() and p.name != "MANIFEST.tsv")
else:
    files = [ROOT / f for f in corpus()]
requests = [json.dumps({"input": decode(f.read_bytes()), "options": {"today": TODAY}}).encode() for f in files]
passes = []
for _ in range(5):
    start = time.perf_counter()
    for request in requests:
        try:
            plugin.call("validate", request)
        except extism.Error:
            pass  # an input error is an answer too
    passes.append((time.perf_counter() - start) / len(requests) * 1000)
size = sum(len(r) for r in requests) / len(requests)
print(f"plugin load (Python)        {load_ms:.0f} ms (compile and instantiate)")
print(f"validate from Python        {statistics.median(passes):.3f} ms per call ({len(requests)} files, {size / 1024:.1f} KiB on average, median of 5 passes)")
