// The Node CLI: every flag and exit code, stdin, directories, globs, the config file, --fix,
// colour; and, case by case, the same stdout, stderr and exit code as the native CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { BROKEN, CLEAN, CRITICAL, LOW_FIXABLE, REST, cli, native, runCli, runNative, scratch } from './helpers.mjs';

const tree = {
  'critical.properties': CRITICAL,
  'clean.properties': CLEAN,
  'low.properties': LOW_FIXABLE,
  'broken.json': BROKEN,
  'rest.json': REST,
  'latin1.properties': Buffer.from(`${CLEAN}# caf\xe9\n`, 'latin1'),
  'bom.json': `\u{feff}${REST}`,
  'sub/dir/nested.json': REST,
  'sub/dir/notes.txt': 'not a config',
  'sub/a-b/x.json': REST,
  'sub/a/x.properties': CRITICAL,
  'sub/skip.yaml': 'apiVersion: v1\n',
  '.hidden/x.json': BROKEN,
  'node_modules/y.json': BROKEN,
  'strict.json': JSON.stringify({ failOn: 'critical', ignore: ['MSK120'], severity: { MSK012: 'high' } }),
  'bad-config.json': '{"failOn": "high", "select": ["MSK011"], "typo": 1}',
  'policy.json': JSON.stringify({
    today: '2026-01-15',
    exceptions: [
      { rule: 'MSK011', reason: 'until the TLS listener exists', expires: '2026-12-31' },
      { rule: 'plaintext-secret', reason: 'moved to Secrets Manager next sprint', expires: '2026-01-14' },
    ],
  }),
};

// Arguments, and standard input when given; run by both CLIs in the same directory.
const cases = [
  [['critical.properties']],
  [['clean.properties']],
  [['low.properties']],
  [['rest.json', 'latin1.properties', 'bom.json']],
  [['.']],
  [['sub']],
  [['./sub/']],
  [['critical.properties', 'broken.json', 'clean.properties']],
  [['missing.json', 'clean.properties']],
  [['.', '--format', 'text']],
  [['.', '--format', 'json']],
  [['.', '--format', 'sarif']],
  [['.', '--format', 'github']],
  [['.', '--format', 'gitlab']],
  [['.', '--format', 'junit']],
  [['--format=json', 'critical.properties', 'broken.json']],
  [['--format', 'properties', 'rest.json']],
  [['--format', 'kafka-connect-rest', 'rest.json']],
  [['--format', 'yaml', 'rest.json']],
  [['--fail-on', 'none', 'critical.properties']],
  [['--fail-on', 'low', 'low.properties']],
  [['--fail-on=critical', 'critical.properties']],
  [['--fail-on', 'severe', 'critical.properties']],
  [['--select', 'MSK011', 'critical.properties']],
  [['--select', 'MSK011,plaintext-secret', '--format', 'json', 'critical.properties']],
  [['--ignore', 'MSK011', '--ignore', 'MSK120', 'critical.properties']],
  [['--select', 'MSK999', 'critical.properties']],
  [['--severity', 'MSK011=low', '--severity', 'MSK120=info', 'critical.properties']],
  [['--severity', 'MSK011', 'critical.properties']],
  [['--severity', 'MSK011=huge', 'critical.properties']],
  [['--explain', 'MSK011']],
  [['--explain', 'sasl-plain-over-plaintext']],
  [['--explain', 'msk011']],
  [['--explain', 'nope']],
  [['--list-rules']],
  [['--list-rules', '--format', 'json']],
  [['--version']],
  [['--help']],
  [['-h']],
  [['--help', '--bogus']],
  [['--bogus', '--help']],
  [['--version', '--diff']],
  [['--bogus']],
  [['--bogus=1']],
  [['--format']],
  [['--diff', 'low.properties']],
  [['--fix', '--diff', 'low.properties', 'critical.properties']],
  [['--fix', '--diff', '--unsafe-fixes', 'critical.properties', 'rest.json']],
  [['--fix', '-'], LOW_FIXABLE],
  [['-'], CRITICAL],
  [[], CRITICAL],
  [['--format', 'json'], REST],
  [['-', 'clean.properties'], CRITICAL],
  [[], ''],
  [['--config', 'strict.json', 'critical.properties', 'low.properties']],
  [['--config', 'bad-config.json', 'critical.properties']],
  [['--config', 'policy.json', 'critical.properties']],
  [['--config', 'policy.json', '--format', 'json', 'critical.properties']],
  [['--config', 'policy.json', '--format', 'sarif', 'critical.properties']],
  [['--severity=MSK011=low', '--select=MSK011', 'critical.properties']],
  [['--config', 'missing-config.json', 'critical.properties']],
  [['--no-config', 'critical.properties']],
];

describe('the same output as the native CLI', () => {
  const dir = scratch(tree);
  for (const [args, input] of cases) {
    test(`msk-connect-lint ${args.join(' ')}${input === undefined ? '' : ' < stdin'}`, () => {
      const js = runCli(args, { cwd: dir, input });
      const rust = runNative(args, { cwd: dir, input });
      assert.equal(js.stdout, rust.stdout);
      assert.equal(js.stderr, rust.stderr);
      assert.equal(js.status, rust.status);
    });
  }

  test('--fix writes the same files in place', () => {
    const jsDir = scratch(tree);
    const rustDir = scratch(tree);
    const args = ['--fix', '--unsafe-fixes', 'low.properties', 'critical.properties', 'rest.json', 'broken.json'];
    const js = runCli(args, { cwd: jsDir });
    const rust = runNative(args, { cwd: rustDir });
    assert.deepEqual(js, rust);
    for (const file of ['low.properties', 'critical.properties', 'rest.json', 'broken.json']) {
      assert.equal(readFileSync(join(jsDir, file), 'utf8'), readFileSync(join(rustDir, file), 'utf8'), file);
    }
    assert.notEqual(readFileSync(join(jsDir, 'low.properties'), 'utf8'), LOW_FIXABLE);
  });

  test('exceptions from the config file suppress with their reason, and expire', () => {
    const doc = JSON.parse(runCli(['--config', 'policy.json', '--format', 'json', 'critical.properties'], { cwd: dir }).stdout);
    const report = doc.files[0].report;
    assert.equal(report.suppressed[0].finding.code, 'MSK011');
    assert.equal(report.suppressed[0].reason, 'until the TLS listener exists');
    assert.equal(report.expiredExceptions[0].rule, 'plaintext-secret');
    assert.ok(report.findings.some((f) => f.code === 'MSK120'), 'an expired exception no longer applies');
    const text = runCli(['--config', 'policy.json', 'critical.properties'], { cwd: dir }).stdout;
    assert.match(text, /MSK011 \[critical\] suppressed: until the TLS listener exists/);
    assert.match(text, /warning: the exception for plaintext-secret expired on 2026-01-14/);
  });

  test('.msk-connect-lint.json found upward from the working directory', () => {
    const root = scratch({ ...tree, '.msk-connect-lint.json': tree['strict.json'] });
    for (const [cwd, args] of [
      [join(root, 'sub', 'dir'), ['nested.json', '../../critical.properties', '../../low.properties']],
      [join(root, 'sub'), ['--no-config', '../critical.properties']],
      [root, ['--format', 'json', 'low.properties']],
    ]) {
      assert.deepEqual(runCli(args, { cwd }), runNative(args, { cwd }), `${cwd}: ${args.join(' ')}`);
    }
    const strict = runCli(['critical.properties', 'low.properties'], { cwd: root });
    assert.equal(strict.status, 1, 'MSK011 is critical, so failOn: critical fails');
    assert.match(strict.stdout, /MSK012 \[high\]/, 'severity override from the config file');
    assert.doesNotMatch(strict.stdout, /MSK120/, 'ignore from the config file');
    const flags = runCli(['--fail-on', 'none', 'critical.properties'], { cwd: root });
    assert.equal(flags.status, 0, 'flags win over the config file');
  });
});

describe('flags and exit codes', () => {
  const dir = scratch(tree);

  test('exit 0: nothing at or above --fail-on', () => {
    assert.equal(runCli(['clean.properties'], { cwd: dir }).status, 0);
    assert.equal(runCli(['low.properties'], { cwd: dir }).status, 0);
    assert.equal(runCli(['--fail-on', 'none', 'critical.properties'], { cwd: dir }).status, 0);
    assert.equal(runCli(['--list-rules'], { cwd: dir }).status, 0);
  });

  test('exit 1: a finding at or above --fail-on', () => {
    assert.equal(runCli(['critical.properties'], { cwd: dir }).status, 1);
    assert.equal(runCli(['--fail-on', 'low', 'low.properties'], { cwd: dir }).status, 1);
    assert.equal(runCli(['--fail-on', 'high', 'clean.properties', 'critical.properties'], { cwd: dir }).status, 1);
  });

  test('exit 2: usage, options and input errors; one bad file does not stop the others', () => {
    for (const args of [['--bogus'], ['--format'], ['--diff', 'x'], ['--fail-on', 'severe', 'clean.properties'], ['--explain', 'nope']]) {
      const result = runCli(args, { cwd: dir });
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^msk-connect-lint: .+\nRun `msk-connect-lint --help` for usage\.\n$/);
      assert.equal(result.stdout, '');
    }
    const mixed = runCli(['--format', 'json', 'critical.properties', 'broken.json', 'missing.json', 'clean.properties'], { cwd: dir });
    assert.equal(mixed.status, 2, 'the worst wins');
    const doc = JSON.parse(mixed.stdout);
    assert.deepEqual(doc.files.map((f) => f.path), ['critical.properties', 'broken.json', 'missing.json', 'clean.properties']);
    assert.equal(doc.files[0].report.passed, false);
    assert.deepEqual(Object.keys(doc.files[1].error), ['message', 'line', 'column']);
    assert.equal(doc.files[1].error.line, 4);
    assert.match(doc.files[2].error.message, /^cannot read: No such file or directory \(os error 2\)$/);
    assert.equal(doc.files[3].report.passed, true);
    assert.equal(doc.passed, false);
  });

  test('text: one line per finding, help, and a summary line with counts', () => {
    const { stdout } = runCli(['critical.properties', 'low.properties', 'broken.json'], { cwd: dir });
    assert.match(stdout, /^critical\.properties:3:29: MSK011 \[critical\] .+$/m);
    assert.match(stdout, /^ {2}help: .+$/m);
    assert.match(stdout, /^broken\.json:4:1: error: .+$/m);
    assert.match(stdout, /^Found 3 findings in 3 files \(1 critical, 0 high, 1 medium, 1 low, 0 info\); 1 file could not be read$/m);
    assert.match(runCli(['clean.properties'], { cwd: dir }).stdout, /^No findings in 1 file$/m);
  });

  test('a directory recurses into .json, .properties, .yaml, .yml, .tf and .tfvars, skipping dot-names and node_modules', () => {
    const doc = JSON.parse(runCli(['--format', 'json', '.'], { cwd: dir }).stdout);
    const paths = doc.files.map((f) => f.path);
    assert.ok(paths.includes('./sub/dir/nested.json'));
    assert.ok(paths.includes('./latin1.properties'));
    assert.ok(paths.includes('./sub/skip.yaml'));
    assert.ok(!paths.some((p) => p.includes('.hidden') || p.includes('node_modules') || p.endsWith('.txt')));
    assert.deepEqual(paths.filter((p) => p.startsWith('./sub/')), ['./sub/a/x.properties', './sub/a-b/x.json', './sub/dir/nested.json', './sub/skip.yaml']);
  });

  test('globs are expanded when the shell did not (quoted, or on Windows)', () => {
    const doc = JSON.parse(runCli(['--format', 'json', 'sub/**/*.json', '*.properties'], { cwd: dir }).stdout);
    assert.deepEqual(doc.files.map((f) => f.path), [
      'sub/a-b/x.json',
      'sub/dir/nested.json',
      'clean.properties',
      'critical.properties',
      'latin1.properties',
      'low.properties',
    ]);
    const none = runCli(['nothing/*.json'], { cwd: dir });
    assert.equal(none.status, 2);
    assert.match(none.stdout, /^nothing\/\*\.json:1:1: error: cannot read: no file matches this pattern$/m);
  });

  test('exclude paths from the config file apply to directories and globs', () => {
    const root = scratch({ ...tree, '.msk-connect-lint.json': JSON.stringify({ exclude: ['sub/a', 'broken.json', '**/nested.json', '*.yaml'] }) });
    const doc = JSON.parse(runCli(['--format', 'json', '.'], { cwd: join(root, 'sub') }).stdout);
    assert.deepEqual(doc.files.map((f) => f.path), ['./a-b/x.json']);
    const globbed = JSON.parse(runCli(['--format', 'json', '*.json'], { cwd: root }).stdout);
    assert.ok(!globbed.files.some((f) => f.path === 'broken.json'));
    const named = JSON.parse(runCli(['--format', 'json', 'broken.json'], { cwd: root }).stdout);
    assert.deepEqual(named.files.map((f) => f.path), ['broken.json'], 'a file named outright is still checked');
  });

  test('--fix writes in place, --diff shows instead, --unsafe-fixes goes further', () => {
    const fixDir = scratch(tree);
    const shown = runCli(['--fix', '--diff', 'low.properties'], { cwd: fixDir });
    assert.match(shown.stdout, /^--- a\/low\.properties\n\+\+\+ b\/low\.properties\n@@ /);
    assert.match(shown.stdout, /^\+src\.kafka\.ssl\.endpoint\.identification\.algorithm=https$/m);
    assert.equal(readFileSync(join(fixDir, 'low.properties'), 'utf8'), LOW_FIXABLE, '--diff does not write');
    const fixed = runCli(['--fix', 'low.properties', 'critical.properties'], { cwd: fixDir });
    assert.equal(fixed.status, 1, 'MSK011 has only an unsafe fix');
    assert.match(fixed.stderr, /^low\.properties: fixed 1 finding$/m);
    assert.match(readFileSync(join(fixDir, 'low.properties'), 'utf8'), /algorithm=https\n$/);
    assert.equal(readFileSync(join(fixDir, 'critical.properties'), 'utf8'), CRITICAL);
    const unsafe = runCli(['--fix', '--unsafe-fixes', 'critical.properties'], { cwd: fixDir });
    assert.match(readFileSync(join(fixDir, 'critical.properties'), 'utf8'), /^src\.kafka\.security\.protocol=SASL_SSL$/m);
    assert.doesNotMatch(unsafe.stdout, /MSK011/);
  });

  test('--explain and --list-rules', () => {
    const explain = runCli(['--explain', 'MSK011']);
    assert.match(explain.stdout, /^# MSK011 sasl-plain-over-plaintext\n\nSeverity: critical\. Category: [a-z-]+\.\n\n/);
    assert.match(explain.stdout, /## What it does/);
    const list = runCli(['--list-rules']).stdout.trim().split('\n');
    assert.ok(list.length >= 10);
    assert.match(list[0], /^MSK\d{3} {2}\S+ +\S+ +\S/);
    assert.ok(JSON.parse(runCli(['--list-rules', '--format', 'json']).stdout).every((r) => r.docs.length > 0));
  });

  test('colour only on a terminal, and never with NO_COLOR', () => {
    const tty = (command, env) => {
      // `script` gives the command a terminal; its typescript goes to /dev/null.
      const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
      return result.stdout;
    };
    const nodeCmd = `${process.execPath} ${cli} critical.properties`;
    const coloured = tty(nodeCmd, { NO_COLOR: '' });
    assert.match(coloured, /\u001b\[1;31m\[critical\]\u001b\[0m/);
    assert.equal(coloured, tty(`${native} critical.properties`, { NO_COLOR: '' }), 'the same colours as the native CLI');
    assert.doesNotMatch(tty(nodeCmd, { NO_COLOR: '1' }), /\u001b\[/);
    assert.doesNotMatch(runCli(['critical.properties'], { cwd: dir }).stdout, /\u001b\[/, 'not on a pipe');
  });

  test('--version and --help', () => {
    const pkgVersion = JSON.parse(readFileSync(new URL('../../pkg/package.json', import.meta.url), 'utf8')).version;
    assert.equal(runCli(['--version']).stdout, `msk-connect-lint ${pkgVersion}\n`);
    for (const flag of ['--help', '-h']) {
      const help = runCli([flag]);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /^Usage: msk-connect-lint /);
      for (const option of ['--format', '--fail-on', '--select', '--ignore', '--severity', '--fix', '--unsafe-fixes', '--diff', '--config', '--no-config', '--explain', '--list-rules']) {
        assert.ok(help.stdout.includes(`  ${option}`), option);
      }
    }
  });

  test('a write error is reported and ends the run, exit 2, as natively', () => {
    const readOnly = () => {
      const fixDir = scratch(tree);
      cpSync(join(fixDir, 'low.properties'), join(fixDir, 'ro.properties'));
      spawnSync('chmod', ['a-w', join(fixDir, 'ro.properties')]);
      writeFileSync(join(fixDir, 'probe'), '');
      return fixDir;
    };
    const result = runCli(['--fix', 'ro.properties'], { cwd: readOnly() });
    if (process.getuid?.() === 0) {
      assert.equal(result.status, 0, 'root writes anyway');
    } else {
      assert.equal(result.status, 2);
      assert.match(result.stderr, /ro\.properties: cannot write: Permission denied \(os error 13\)/);
      const args = ['--fix', 'low.properties', 'ro.properties', 'rest.json'];
      const [jsDir, rustDir] = [readOnly(), readOnly()];
      assert.deepEqual(runCli(args, { cwd: jsDir }), runNative(args, { cwd: rustDir }));
      assert.notEqual(readFileSync(join(jsDir, 'low.properties'), 'utf8'), LOW_FIXABLE, 'written before the failure');
    }
  });
});
