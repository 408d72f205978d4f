// SARIF from the CLI and from toSarif, validated against the SARIF 2.1.0 JSON schema; and the
// GitHub workflow-command format of --format github.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { BROKEN, CLEAN, CRITICAL, LOW_FIXABLE, REST, corpus, pkg, root, runCli, scratch } from './helpers.mjs';

const require = createRequire(import.meta.url);
const Ajv = require(join(root, 'node_modules', 'ajv'));
const addFormats = require(join(root, 'node_modules', 'ajv-formats'));
const schema = JSON.parse(readFileSync(new URL('./schema/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function assertValidSarif(log, what) {
  const ok = validateSarif(log);
  assert.ok(ok, `${what}: ${ajv.errorsText(validateSarif.errors, { separator: '\n' })}`);
}

const { validate, toSarif } = await import(join(pkg, 'index.mjs'));
const today = '2026-01-15';
const exceptions = [{ rule: 'MSK011', reason: 'tracked in JIRA-1', expires: '2026-12-31' }];

test('the schema rejects what it should (the validator is live)', () => {
  assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: {} }] }), false);
  assert.equal(validateSarif({ version: '2.0.0', runs: [] }), false);
});

test('toSarif output is valid SARIF 2.1.0: one report, arrays, suppressions, errors', () => {
  const critical = validate(CRITICAL);
  assertValidSarif(toSarif(critical), 'one report');
  assertValidSarif(toSarif([critical, validate(CLEAN), validate(JSON.parse(REST))]), 'reports, one without ranges');
  const suppressed = validate(CRITICAL, { exceptions, today });
  assert.ok(suppressed.suppressed.length > 0);
  const log = toSarif([
    { path: 'conf/a b#1.properties', report: suppressed },
    { path: 'broken.json', error: { message: 'bad', line: 4, column: 1 } },
  ]);
  assertValidSarif(log, 'suppressions and an error');
  const result = log.runs[0].results.find((r) => r.ruleId === 'MSK011');
  assert.deepEqual(result.suppressions, [{ kind: 'external', justification: 'tracked in JIRA-1' }]);
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'conf/a%20b%231.properties');
  assert.equal(log.runs[0].invocations[0].toolExecutionNotifications[0].level, 'error');
});

test('every corpus file and the CLI over the corpus give valid SARIF', () => {
  const files = readdirSync(corpus).filter((f) => f !== 'MANIFEST.tsv');
  const entries = [];
  for (const file of files) {
    const text = readFileSync(join(corpus, file), 'latin1');
    try {
      const report = validate(text, { today });
      assertValidSarif(toSarif(report), file);
      entries.push({ path: file, report });
    } catch (error) {
      if (error.name !== 'InputError') throw error;
      entries.push({ path: file, error: { message: error.message, line: error.line, column: error.column } });
    }
  }
  assertValidSarif(toSarif(entries), 'the corpus as entries');
  const cli = runCli(['--format', 'sarif', corpus]);
  const log = JSON.parse(cli.stdout);
  assertValidSarif(log, 'CLI over the corpus');
  assert.ok(log.runs[0].results.length > 10);
  for (const result of log.runs[0].results) {
    assert.ok(log.runs[0].tool.driver.rules[result.ruleIndex].id === result.ruleId, result.ruleId);
    assert.ok(result.partialFingerprints['mskConnectLint/v1']);
    const score = Number(log.runs[0].tool.driver.rules[result.ruleIndex].properties['security-severity']);
    assert.ok(score >= 0 && score <= 10);
  }
});

test('GitHub annotations: ::level file=,line=,col=,endLine=,endColumn=,title=::message', () => {
  const dir = scratch({ 'critical.properties': CRITICAL, 'low.properties': LOW_FIXABLE, 'broken.json': BROKEN, 'a,b:c.json': REST, 'ok.properties': CLEAN });
  const { stdout, status } = runCli(['--format', 'github', '.'], { cwd: dir });
  assert.equal(status, 2);
  const lines = stdout.trimEnd().split('\n');
  assert.ok(lines.length >= 4);
  const command = /^::(error|warning|notice) file=([^,:]+)(?:,line=(\d+),col=(\d+)(?:,endLine=(\d+),endColumn=(\d+))?)?,title=([^,:]+)::(.+)$/;
  for (const line of lines) {
    const m = command.exec(line);
    assert.ok(m, `not a workflow command: ${line}`);
    assert.doesNotMatch(m[8], /[\r\n]/);
  }
  assert.ok(lines.some((l) => /^::error file=\.\/critical\.properties,line=3,col=29,endLine=3,endColumn=\d+,title=MSK011 sasl-plain-over-plaintext \[critical\]::/.test(l)));
  assert.ok(lines.some((l) => /^::warning file=\.\/low\.properties,line=5,.*title=MSK012 /.test(l)));
  assert.ok(lines.some((l) => /^::error file=\.\/broken\.json,line=4,col=1,title=msk-connect-lint%3A input error::/.test(l)));
  assert.ok(lines.some((l) => l.includes('file=./a%2Cb%3Ac.json,')), 'commas and colons in properties are escaped');
  assert.ok(!stdout.includes('ok.properties'), 'no line for a clean file');
});
