"""The WASI command under Python's `wasmtime`: the native CLI's output and exit code, run for run."""

import os
import tempfile
import unittest

import wasmtime

from hosts import ROOT, WASI, corpus, native, options_file, scratch_file

ENGINE = wasmtime.Engine()
MODULE = wasmtime.Module.from_file(ENGINE, str(WASI))


def wasi(args):
    """(stdout, stderr, exit code) of the WASI command with ROOT preopened as / (its working directory)."""
    with tempfile.TemporaryDirectory() as directory:
        out, err = os.path.join(directory, "out"), os.path.join(directory, "err")
        config = wasmtime.WasiConfig()
        config.argv = ["msk-connect-lint", *args]
        config.preopen_dir(str(ROOT), "/")
        config.stdout_file, config.stderr_file = out, err
        store = wasmtime.Store(ENGINE)
        store.set_wasi(config)
        linker = wasmtime.Linker(ENGINE)
        linker.define_wasi()
        instance = linker.instantiate(store, MODULE)
        try:
            instance.exports(store)["_start"](store)
            code = 0
        except wasmtime.ExitTrap as exit:
            code = exit.code
        with open(out) as stdout, open(err) as stderr:
            return stdout.read(), stderr.read(), code


class WasiCommand(unittest.TestCase):
    def same(self, args):
        self.assertEqual(wasi(args), native(args), args)

    def test_json_over_the_corpus_at_once_and_file_by_file(self):
        files, options = corpus(), options_file()
        self.same(["--format", "json", "--config", options, *files])
        codes = set()
        for file in files:
            self.same(["--format", "json", "--config", options, file])
            codes.add(native(["--config", options, file])[2])
        self.assertTrue({0, 1} <= codes, f"files that pass and files that fail: {codes}")

    def test_the_other_outputs_and_flags(self):
        files, options = corpus(), options_file()
        for args in (
            ["--config", options, *files[:20]],
            ["--format", "sarif", "--config", options, files[0]],
            ["--format", "github", "--config", options, *files[:10]],
            ["--fix", "--unsafe-fixes", "--diff", "--config", options, *files[:10]],
            ["--fail-on", "none", "--select", "MSK011,MSK012", "--no-config", *files[:20]],
            ["--no-config", "tests/fixtures"],
            ["--help"],
            ["--version"],
            ["--list-rules"],
            ["--explain", "MSK011"],
        ):
            self.same(args)

    def test_errors_and_their_exit_codes(self):
        broken = scratch_file("broken.json", '{\n  "name": ')
        for args in (
            ["--bogus"],
            ["--select", "MSK999", "--no-config", broken],
            ["--no-config", broken],
            ["--no-config", "target/hosts/no-such-file.json"],
            ["--config", "target/hosts/no-such-options.json", broken],
            ["--no-config", "target/hosts/nothing-matches-*.json"],
        ):
            stdout, stderr, code = wasi(args)
            self.assertEqual(code, 2, args)
            self.same(args)


if __name__ == "__main__":
    unittest.main()
