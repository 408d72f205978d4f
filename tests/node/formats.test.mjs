// The CI report formats: GitLab Code Quality validated against GitLab's documented format, and
// JUnit XML read back by a real JUnit reader (junitparser) with the counts a CI server shows.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { BROKEN, CLEAN, CRITICAL, root, runCli, runNative, scratch } from './helpers.mjs';

const require = createRequire(import.meta.url);
const Ajv = require(join(root, 'node_modules', 'ajv'));
const schema = JSON.parse(readFileSync(new URL('./schema/gitlab-code-quality.json', import.meta.url), 'utf8'));
const validateGitlab = new Ajv({ allErrors: true, strict: false }).compile(schema);
const python = join(root, 'target', 'venv', 'bin', 'python');

const dir = scratch({ 'critical.properties': CRITICAL, 'clean.properties': CLEAN, 'broken.json': BROKEN });
const files = ['critical.properties', 'clean.properties', 'broken.json'];

test('the GitLab schema rejects what it should (the validator is live)', () => {
  assert.equal(validateGitlab([{ description: 'x', check_name: 'c', fingerprint: 'f', severity: 'high', location: { path: 'a', lines: { begin: 1 } } }]), false);
  assert.equal(validateGitlab([{ description: 'x', check_name: 'c', fingerprint: 'f', severity: 'major', location: { path: 'a' } }]), false);
});

test('--format gitlab: valid Code Quality, one issue a finding or input error, stable unique fingerprints', () => {
  const native = runNative(['--format', 'gitlab', ...files], { cwd: dir });
  assert.equal(native.status, 2, 'an unreadable file makes the exit code 2, whatever the format');
  const issues = JSON.parse(native.stdout);
  assert.ok(validateGitlab(issues), JSON.stringify(validateGitlab.errors));
  const json = JSON.parse(runNative(['--format', 'json', ...files], { cwd: dir }).stdout);
  const findings = json.files.flatMap((f) => (f.report ? f.report.findings.map((x) => ({ ...x, path: f.path })) : []));
  assert.equal(issues.length, findings.length + 1);
  assert.deepEqual(
    issues.filter((i) => i.check_name !== 'input-error').map((i) => [i.location.path, i.check_name.split(' ')[0], i.location.lines.begin]),
    findings.map((f) => [f.path, f.code, f.range.start.line]),
  );
  assert.deepEqual(issues.find((i) => i.check_name === 'input-error').location, { path: 'broken.json', lines: { begin: 4 } });
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  assert.equal(issues.find((i) => i.check_name.startsWith('MSK011')).severity, 'blocker');
  assert.deepEqual(JSON.parse(runNative(['--format', 'gitlab', ...files], { cwd: dir }).stdout), issues, 'fingerprints are stable');
  assert.equal(runCli(['--format', 'gitlab', ...files], { cwd: dir }).stdout, native.stdout, 'the Node CLI prints the same');
});

test('--format junit: junitparser counts a case per file and rule, failures per rule that fired, an error per unreadable file', () => {
  const native = runNative(['--format', 'junit', ...files], { cwd: dir });
  assert.equal(runCli(['--format', 'junit', ...files], { cwd: dir }).stdout, native.stdout, 'the Node CLI prints the same');
  const path = join(dir, 'report.xml');
  writeFileSync(path, native.stdout);
  const counts = JSON.parse(execFileSync(python, [join(root, 'tests', 'python', 'junit_counts.py'), path], { encoding: 'utf8' }));
  const rules = JSON.parse(runNative(['--list-rules', '--format', 'json'], { cwd: dir }).stdout).length;
  const json = JSON.parse(runNative(['--format', 'json', ...files], { cwd: dir }).stdout);
  const fired = (p) => [...new Set(json.files.find((f) => f.path === p).report.findings.map((f) => f.code))];
  assert.equal(counts.tests, 2 * rules + 1);
  assert.equal(counts.errors, 1);
  assert.equal(counts.failures, fired('critical.properties').length);
  const suite = (name) => counts.suites.find((s) => s.name === name);
  assert.equal(suite('critical.properties').tests, rules);
  assert.deepEqual(suite('critical.properties').failed.map((n) => n.split(' ')[0]), fired('critical.properties').sort());
  assert.ok(suite('critical.properties').failure_types.includes('critical'));
  assert.deepEqual(suite('clean.properties').failed, []);
  assert.equal(suite('broken.json').errors, 1);
});

test('--format junit escapes what XML cannot hold as it is', () => {
  const odd = scratch({ 'a&b<"\'>.properties': CRITICAL.replace('username="u"', 'username="\u0001<u&>"') });
  const out = runNative(['--format', 'junit', '.'], { cwd: odd }).stdout;
  const path = join(odd, 'report.xml');
  writeFileSync(path, out);
  const counts = JSON.parse(execFileSync(python, [join(root, 'tests', 'python', 'junit_counts.py'), path], { encoding: 'utf8' }));
  assert.equal(counts.suites[0].name, './a&b<"\'>.properties');
});
