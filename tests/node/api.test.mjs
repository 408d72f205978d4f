// The package API from ESM: validate, fix, rules, toSarif, version, errors, and no traps.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { BROKEN, CLEAN, CRITICAL, LOW_FIXABLE, REST, corpus, decode, pkg } from './helpers.mjs';

const { validate, fix, rules, toSarif, version } = await import(join(pkg, 'index.mjs'));
const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));

/** Every object in a result is plain (no Map, no class instance). */
function assertPlain(value, where = 'result') {
  if (Array.isArray(value)) value.forEach((item, i) => assertPlain(item, `${where}[${i}]`));
  else if (value !== null && typeof value === 'object') {
    assert.equal(Object.getPrototypeOf(value), Object.prototype, `${where} is not a plain object`);
    for (const [key, item] of Object.entries(value)) assertPlain(item, `${where}.${key}`);
  }
}

describe('validate', () => {
  test('text: findings with ranges, summary, passed', () => {
    const report = validate(CRITICAL);
    assertPlain(report);
    assert.deepEqual(report.tool, { name: 'msk-connect-lint', version: manifest.version });
    assert.equal(report.passed, false);
    const finding = report.findings.find((f) => f.code === 'MSK011');
    assert.equal(finding.severity, 'critical');
    assert.equal(finding.key, 'src.kafka.security.protocol');
    assert.deepEqual(finding.range.start, { line: 3, column: 29 });
    assert.ok(finding.message.length > 0 && finding.help.length > 0);
    assert.ok(!JSON.stringify(report).includes('password=\\"p\\"'), 'secrets are redacted');
    assert.equal(report.connectors[0].format, 'properties');
    assert.equal(report.summary.critical, report.findings.filter((f) => f.severity === 'critical').length);
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report, 'JSON round-trips unchanged');
  });

  test('a clean config passes with no findings', () => {
    const report = validate(CLEAN);
    assert.deepEqual(report.findings, []);
    assert.equal(report.passed, true);
    assert.deepEqual(report.summary, { critical: 0, high: 0, medium: 0, low: 0, info: 0 });
  });

  test('an object: pointers, no ranges, same findings as its text', () => {
    const fromText = validate(REST);
    const report = validate(JSON.parse(REST));
    assertPlain(report);
    assert.equal(report.findings.length, fromText.findings.length);
    for (const [i, finding] of report.findings.entries()) {
      assert.equal('range' in finding, false);
      assert.equal(finding.code, fromText.findings[i].code);
      assert.equal(finding.pointer, fromText.findings[i].pointer);
    }
    assert.equal('range' in report.connectors[0].location, false);
  });

  test('options: failOn, select, ignore, severity, format, exceptions, today', () => {
    assert.equal(validate(CRITICAL, { failOn: 'none' }).passed, true);
    assert.equal(validate(LOW_FIXABLE).passed, true);
    assert.equal(validate(LOW_FIXABLE, { failOn: 'low' }).passed, false);
    assert.deepEqual(validate(CRITICAL, { select: ['MSK011'] }).findings.map((f) => f.code), ['MSK011']);
    assert.ok(validate(CRITICAL, { ignore: ['sasl-plain-over-plaintext'] }).findings.every((f) => f.code !== 'MSK011'));
    const lowered = validate(CRITICAL, { select: ['MSK011'], severity: { MSK011: 'low' } });
    assert.equal(lowered.findings[0].severity, 'low');
    assert.equal(lowered.passed, true);
    assert.throws(() => validate(CRITICAL, { format: 'msk-connect-api' }), { name: 'InputError' });
    const exception = { rule: 'MSK011', reason: 'until the TLS listener exists', expires: '2030-06-30' };
    const suppressed = validate(CRITICAL, { select: ['MSK011'], exceptions: [exception], today: '2030-06-30' });
    assert.deepEqual(suppressed.findings, []);
    assert.equal(suppressed.suppressed[0].reason, exception.reason);
    assert.equal(suppressed.passed, true);
    const expired = validate(CRITICAL, { select: ['MSK011'], exceptions: [exception], today: '2030-07-01' });
    assert.equal(expired.findings.length, 1);
    assert.equal(expired.expiredExceptions[0].expires, '2030-06-30');
    const clock = validate(CRITICAL, { select: ['MSK011'], exceptions: [{ ...exception, expires: '2000-01-01' }] });
    assert.equal(clock.findings.length, 1, 'without today, the clock decides');
  });

  test('InputError with line and column for text, without for objects', () => {
    assert.throws(() => validate(BROKEN), (error) => {
      assert.ok(error instanceof Error);
      assert.equal(error.name, 'InputError');
      assert.equal(typeof error.line, 'number');
      assert.equal(typeof error.column, 'number');
      assert.equal(error.line, 4);
      return true;
    });
    assert.throws(() => validate(''), { name: 'InputError', line: 1, column: 1 });
    assert.throws(() => validate({ hello: 'world' }), (error) => {
      assert.equal(error.name, 'InputError');
      assert.equal('line' in error, false);
      return true;
    });
    assert.throws(() => validate(42), TypeError);
    assert.throws(() => validate(undefined), TypeError);
  });

  test('OptionsError for bad options', () => {
    for (const bad of [
      { failon: 'high' },
      { failOn: 'severe' },
      { select: ['MSK999'] },
      { select: 'MSK011' },
      { severity: { MSK011: 'huge' } },
      { exceptions: [{ rule: 'MSK011' }] },
      { exceptions: [{ rule: 'MSK011', reason: 'r', expires: 'soon' }] },
      { format: 'yaml' },
      { today: '31/12/2030' },
      { unsafeFixes: 'yes' },
      [],
      'strict',
      7,
    ]) {
      assert.throws(() => validate(CLEAN, bad), (error) => {
        assert.equal(error.name, 'OptionsError', JSON.stringify(bad));
        assert.doesNotMatch(error.message, / at line \d+ column \d+$/);
        return true;
      });
    }
    assert.doesNotThrow(() => validate(CLEAN, null));
    assert.doesNotThrow(() => validate(CLEAN, { failOn: undefined }));
  });
});

describe('fix', () => {
  test('safe fixes by default, keeping the text', () => {
    const result = fix(LOW_FIXABLE);
    assertPlain(result);
    assert.equal(result.output, LOW_FIXABLE.replace('identification.algorithm=\n', 'identification.algorithm=https\n'));
    assert.deepEqual(result.applied.map((f) => f.code), ['MSK012']);
    assert.deepEqual(result.remaining.findings, []);
  });

  test('unsafe fixes only when asked', () => {
    assert.ok(fix(CRITICAL).applied.every((f) => f.fix.applicability === 'safe'));
    const result = fix(CRITICAL, { unsafeFixes: true });
    assert.match(result.output, /^src\.kafka\.security\.protocol=SASL_SSL$/m);
    assert.ok(result.applied.some((f) => f.code === 'MSK011'));
    assert.ok(result.remaining.findings.every((f) => f.code !== 'MSK011'));
  });

  test('an object in, an object out', () => {
    const result = fix(JSON.parse(REST), { unsafeFixes: true });
    assertPlain(result);
    assert.equal(typeof result.output, 'object');
    assert.equal(result.output.config['src.kafka.security.protocol'], 'SASL_SSL');
    assert.ok(result.applied.every((f) => !('range' in f)));
  });
});

test('rules: the catalogue with Markdown docs', () => {
  const catalogue = rules();
  assertPlain(catalogue);
  assert.ok(catalogue.length >= 10);
  assert.equal(new Set(catalogue.map((r) => r.code)).size, catalogue.length);
  for (const rule of catalogue) {
    assert.match(rule.code, /^MSK\d{3}$/);
    assert.match(rule.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.match(rule.docs, /## What it does/);
    assert.match(rule.docs, /## Why is this bad\?/);
    assert.ok(['critical', 'high', 'medium', 'low', 'info'].includes(rule.severity));
    assert.ok(['none', 'sometimes', 'always'].includes(rule.fix));
    assert.ok(rule.summary.length > 0);
  }
});

test('toSarif: one report, several, and path entries', () => {
  const report = validate(CRITICAL);
  const one = toSarif(report);
  assertPlain(one);
  assert.equal(one.version, '2.1.0');
  assert.equal(one.runs[0].results.length, report.findings.length);
  assert.equal(one.runs[0].tool.driver.rules.length, rules().length);
  const two = toSarif([report, validate(LOW_FIXABLE)]);
  assert.equal(two.runs[0].results.length, report.findings.length + 1);
  const entries = toSarif([
    { path: 'a.properties', report },
    { path: 'b.json', error: { message: 'bad', line: 2, column: 3 } },
  ]);
  assert.equal(entries.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'a.properties');
  assert.equal(entries.runs[0].invocations[0].executionSuccessful, false);
  assert.throws(() => toSarif('nope'), TypeError);
  assert.throws(() => toSarif([{ nothing: true }]), TypeError);
});

test('version matches the package', () => {
  assert.equal(version(), manifest.version);
});

test('CommonJS and ESM share one instance', () => {
  const cjs = createRequire(import.meta.url)(join(pkg, 'index.cjs'));
  assert.equal(cjs.validate, validate);
  assert.deepEqual(Object.keys(cjs).sort(), ['fix', 'rules', 'toSarif', 'validate', 'version']);
});

/** Deterministic noise, so a failure replays. */
function* noise(seed) {
  let x = seed;
  for (;;) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    yield x >>> 0;
  }
}

test('garbage never traps: every call returns a report or throws a named error', () => {
  const random = noise(20261128);
  const below = (n) => random.next().value % n;
  const texts = readdirSync(corpus)
    .filter((f) => f !== 'MANIFEST.tsv')
    .map((f) => decode(readFileSync(join(corpus, f))));
  const inputs = ['', '\u{feff}', '\ud800', '{"a":"\ud800"}', '[', '['.repeat(1e5), '{"a":'.repeat(5e4), 'a=\\u12', '\0'.repeat(100)];
  for (const text of texts) {
    for (let i = 0; i < 6; i++) {
      const chars = [...text];
      const mutated = chars.slice();
      for (let k = 0; k < 1 + below(8); k++) {
        const at = below(Math.max(1, mutated.length));
        const op = below(4);
        if (op === 0) mutated.splice(at, 1 + below(20));
        else if (op === 1) mutated.splice(at, 0, ...'{}[]":,=\\\n\u{1F600}\ud800'.charAt(below(14)));
        else if (op === 2) mutated.splice(at, 0, ...chars.slice(below(chars.length), below(chars.length)));
        else mutated[at] = String.fromCharCode(below(0x10000));
      }
      inputs.push(mutated.join(''), text.slice(0, below(text.length + 1)));
    }
  }
  const optionSets = [undefined, { unsafeFixes: true }, { format: 'properties' }, { format: 'kafka-connect-rest' }, { failOn: 'info' }];
  let reports = 0;
  let errors = 0;
  for (const [i, input] of inputs.entries()) {
    const options = optionSets[i % optionSets.length];
    for (const call of [() => validate(input, options), () => fix(input, options)]) {
      try {
        const result = call();
        assert.equal(typeof result, 'object');
        reports++;
      } catch (error) {
        assert.ok(!(error instanceof WebAssembly.RuntimeError), `trap on input ${i}: ${error.stack}\n${JSON.stringify(input).slice(0, 500)}`);
        assert.equal(error.name, 'InputError', `input ${i}: ${error.stack}`);
        assert.ok(error.line >= 1 && error.column >= 1);
        errors++;
      }
    }
    let parsed;
    try {
      parsed = JSON.parse(input);
    } catch {
      continue;
    }
    for (const call of [() => validate(parsed, options), () => fix(parsed, options)]) {
      try {
        call();
      } catch (error) {
        assert.ok(!(error instanceof WebAssembly.RuntimeError), `trap on parsed input ${i}: ${error.stack}`);
        assert.ok(['InputError', 'TypeError'].includes(error.name), error.stack);
      }
    }
  }
  assert.ok(reports > 100 && errors > 100, `${reports} reports, ${errors} errors`);
  // Still alive after all that: a trap would have left the instance unusable.
  assert.equal(validate(CRITICAL).passed, false);
});
