"""The Extism plugin from Python's `extism` host: every corpus file's report is the native CLI's."""

import json
import random
import sys
import time
import unittest

import extism

from hosts import PLUGIN, ROOT, TODAY, corpus, decode, native, options_file

BROKEN = '{\n  "name": "x",\n  "config": {\n'
CRITICAL = """connector.class=io.confluent.connect.replicator.ReplicatorSourceConnector
src.kafka.bootstrap.servers=kafka-src.internal.example.com:9092
src.kafka.security.protocol=SASL_PLAINTEXT
src.kafka.sasl.mechanism=PLAIN
src.kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";
"""
MAX_REQUEST_BYTES = 16 << 20  # plugin/src/lib.rs


def load():
    # WASI gives the plugin its clock (for `today`); without it the module does not instantiate.
    return extism.Plugin(PLUGIN.read_bytes(), wasi=True)


def call(plugin, name, request):
    """The parsed answer, or ("error", the parsed Extism error)."""
    data = request if isinstance(request, bytes) else json.dumps(request).encode()
    try:
        return json.loads(plugin.call(name, data))
    except extism.Error as error:
        return ("error", json.loads(str(error)))


class Plugin(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.plugin = load()

    def test_validate_is_the_native_report_for_every_corpus_file(self):
        files = corpus()
        stdout, stderr, code = native(["--format", "json", "--config", options_file(), *files])
        self.assertIn(code, (0, 1, 2), stderr)
        document = json.loads(stdout)
        self.assertEqual(len(document["files"]), len(files))
        reports, elapsed = 0, 0.0
        for file, expected in zip(files, document["files"]):
            self.assertEqual(expected.pop("path"), file)
            request = json.dumps({"input": decode((ROOT / file).read_bytes()), "options": {"today": TODAY}}).encode()
            start = time.perf_counter()
            answer = call(self.plugin, "validate", request)
            elapsed += time.perf_counter() - start
            if isinstance(answer, tuple):
                error = answer[1]
                self.assertEqual(error.pop("name"), "InputError", file)
                answer = {"error": error}
            else:
                answer = {"report": answer}
                reports += 1
            self.assertEqual(answer, expected, file)
        self.assertGreaterEqual(reports, len(files) // 2)
        print(f"\nvalidate from Python (extism): {elapsed / len(files) * 1000:.2f} ms per call over {len(files)} files", file=sys.stderr)

    def test_named_errors(self):
        kind, error = call(self.plugin, "validate", {"input": BROKEN})
        self.assertEqual((error["name"], error["line"], error["column"]), ("InputError", 4, 1))
        kind, error = call(self.plugin, "validate", {"input": CRITICAL, "options": {"failOn": "severe"}})
        self.assertEqual(error["name"], "OptionsError")
        self.assertTrue(error["message"].startswith("failOn: unknown severity"), error)
        kind, error = call(self.plugin, "fix", {"input": 7})
        self.assertEqual(error["name"], "TypeError")

    def test_fix_rules_version(self):
        fixed = call(self.plugin, "fix", {"input": CRITICAL, "options": {"unsafeFixes": True}})
        self.assertIn("SASL_SSL", fixed["output"])
        self.assertTrue(fixed["applied"])
        self.assertTrue(fixed["remaining"]["passed"])
        rules = call(self.plugin, "rules", b"")
        stdout, _, _ = native(["--list-rules", "--format", "json"])
        self.assertEqual(rules, json.loads(stdout))
        version = self.plugin.call("version", b"").decode()
        self.assertEqual(native(["--version"])[0], f"msk-connect-lint {version}\n")

    def test_today_comes_from_the_hosts_clock(self):
        exception = {"rule": "MSK011", "reason": "migration", "expires": "2000-01-01"}
        report = call(self.plugin, "validate", {"input": CRITICAL, "options": {"exceptions": [exception]}})
        self.assertEqual(len(report["expiredExceptions"]), 1, "expired, by WASI's clock")
        report = call(self.plugin, "validate", {"input": CRITICAL, "options": {"exceptions": [exception], "today": "1999-12-31"}})
        self.assertNotIn("expiredExceptions", report)

    def test_garbage_never_crashes_the_host(self):
        rng = random.Random(13)
        garbage = [b"", b"\x00", b"\xff\xfe\xfd", b"null", b"[]", b'{"input"', b'{"input": "' + b"\\u" * 1000 + b'"}']
        garbage += [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))) for _ in range(100)]
        garbage += [json.dumps({"input": "".join(rng.choice('{}[]":,=\n\\ax#') for _ in range(300))}).encode() for _ in range(100)]
        garbage += [b'{"input": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", json.dumps({"input": "{" * 100_000}).encode()]
        for data in garbage:
            for name in ("validate", "fix"):
                answer = call(self.plugin, name, data)
                if isinstance(answer, tuple):
                    self.assertIn(answer[1]["name"], ("InputError", "OptionsError", "TypeError"), (name, data[:80], answer))
        self.assertTrue(call(self.plugin, "validate", {"input": CRITICAL})["findings"], "the plugin still works")

    def test_an_oversized_input_is_an_error_not_an_out_of_memory(self):
        huge = b'{"input": "' + b"a" * (MAX_REQUEST_BYTES + 1) + b'"}'
        kind, error = call(self.plugin, "validate", huge)
        self.assertEqual(error["name"], "InputError")
        self.assertIn("at most", error["message"])
        deep = json.dumps({"input": "[" * 1000 + "]" * 1000})
        kind, error = call(self.plugin, "validate", deep.encode())
        self.assertEqual((error["name"], error["line"]), ("InputError", 1))
        self.assertIn("nested deeper than", error["message"])
        self.assertTrue(call(self.plugin, "validate", {"input": CRITICAL})["findings"], "the plugin still works")


if __name__ == "__main__":
    unittest.main()
