"""Shared by the host tests: where things are, the corpus, and the native CLI to compare with."""

import json
import os
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "dist" / "msk-connect-lint-plugin.wasm"
WASI = ROOT / "dist" / "msk-connect-lint-wasi.wasm"
NATIVE = ROOT / "target" / "debug" / "msk-connect-lint"

# The native CLI fills `today` from its clock; both sides get this one instead.
TODAY = "2026-01-15"


def corpus():
    """The corpus files as paths relative to ROOT: tests/corpus/ (all but its MANIFEST.tsv) when it
    is there, else the .json and .properties files below tests/fixtures/."""
    base = ROOT / "tests" / "corpus"
    if base.is_dir():
        files = sorted(p for p in base.rglob("*") if p.is_file() and p.name != "MANIFEST.tsv")
    else:
        base = ROOT / "tests" / "fixtures"
        files = sorted(p for p in base.rglob("*") if p.is_file() and p.suffix in (".json", ".properties"))
    assert len(files) >= 50, f"{len(files)} files in {base}"
    return [str(p.relative_to(ROOT)) for p in files]


def decode(data: bytes) -> str:
    """As the CLIs read files: UTF-8 when it is, otherwise ISO-8859-1 (as Java reads properties)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def options_file():
    """An options file under ROOT (so the WASI command, which sees ROOT as /, can read it too), as a relative path."""
    directory = ROOT / "target" / "hosts"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "options.json"
    path.write_text(json.dumps({"today": TODAY}))
    return str(path.relative_to(ROOT))


def native(args, stdin=b""):
    """(stdout, stderr, exit code) of the native CLI run in ROOT."""
    run = subprocess.run([str(NATIVE), *args], cwd=ROOT, input=stdin, capture_output=True, env={**os.environ, "NO_COLOR": "1"})
    return run.stdout.decode(), run.stderr.decode(), run.returncode


def scratch_file(name, text):
    """A file under ROOT/target/hosts, as a path relative to ROOT."""
    directory = Path(tempfile.mkdtemp(dir=ROOT / "target" / "hosts"))
    path = directory / name
    path.write_text(text)
    return str(path.relative_to(ROOT))
