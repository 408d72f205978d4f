// The package API from CommonJS (require), as older Node tooling uses it.
'use strict';
const assert = require('node:assert/strict');
const { join } = require('node:path');
const { test } = require('node:test');

const pkg = join(__dirname, '..', '..', 'pkg');
const lint = require(join(pkg, 'index.cjs'));

const CRITICAL = `connector.class=io.confluent.connect.replicator.ReplicatorSourceConnector
src.kafka.bootstrap.servers=kafka-src.internal.example.com:9092
src.kafka.security.protocol=SASL_PLAINTEXT
`;

test('require() gives the API', () => {
  assert.deepEqual(Object.keys(lint).sort(), ['fix', 'rules', 'toSarif', 'validate', 'version']);
  const report = lint.validate(CRITICAL);
  assert.equal(report.passed, false);
  assert.ok(report.findings.some((f) => f.code === 'MSK010' || f.code === 'MSK011'));
  assert.equal(lint.toSarif(report).version, '2.1.0');
  assert.equal(lint.version(), require(join(pkg, 'package.json')).version);
  assert.ok(lint.rules().length >= 10);
  assert.equal(typeof lint.fix(CRITICAL, { unsafeFixes: true }).output, 'string');
});

test('errors are Error instances with a name', () => {
  assert.throws(() => lint.validate('{'), (e) => e instanceof Error && e.name === 'InputError' && e.line === 1);
  assert.throws(() => lint.validate(CRITICAL, { nope: 1 }), (e) => e instanceof Error && e.name === 'OptionsError');
});
