// Shared by the node --test suites: where things are, fixtures, and running both CLIs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const pkg = join(root, 'pkg');
export const cli = join(pkg, 'cli.mjs');
export const native = join(root, 'target', 'debug', 'msk-connect-lint');
export const corpus = join(root, 'tests', 'corpus');

/** Critical: SASL/PLAIN credentials over a plaintext link (MSK011), and more. */
export const CRITICAL = `connector.class=io.confluent.connect.replicator.ReplicatorSourceConnector
src.kafka.bootstrap.servers=kafka-src.internal.example.com:9092
src.kafka.security.protocol=SASL_PLAINTEXT
src.kafka.sasl.mechanism=PLAIN
src.kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";
`;

/** No findings. */
export const CLEAN = `connector.class=io.confluent.connect.replicator.ReplicatorSourceConnector
src.kafka.bootstrap.servers=kafka-src.internal.example.com:9093
src.kafka.security.protocol=SSL
`;

/** Low only (MSK012, host name verification off against a private CA), with a safe fix. */
export const LOW_FIXABLE = `${CLEAN}src.kafka.ssl.truststore.location=/etc/kafka/truststore.jks
src.kafka.ssl.endpoint.identification.algorithm=
`;

/** The REST body form of CRITICAL. */
export const REST = JSON.stringify(
  {
    name: 'replicator',
    config: Object.fromEntries(
      CRITICAL.trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    ),
  },
  null,
  2,
);

export const BROKEN = '{\n  "name": "x",\n  "config": {\n';

/** A fresh temporary directory with `files` ({ relative path: text }) written into it. */
export function scratch(files = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mcl-test-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function spawn(command, args, { cwd = root, input, env = {} } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The Node CLI from pkg/. */
export function runCli(args, options) {
  return spawn(process.execPath, [cli, ...args], options);
}

/** The native CLI (target/debug). */
export function runNative(args, options) {
  return spawn(native, args, options);
}

/** Bytes to text as both CLIs read files: UTF-8 (BOM kept), else ISO-8859-1. */
export function decode(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return Buffer.from(bytes).toString('latin1');
  }
}
