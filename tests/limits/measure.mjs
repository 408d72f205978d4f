#!/usr/bin/env node
// The limits table (README, "Limits"): each adversarial input of inputs.mjs through the native
// binary and through the wasm module under Node, each in a fresh process: wall time, peak RSS,
// and what it answered (a report, or the located error). Written to target/limits.json.
// Run by `make limits` (and `make bench`); the README's table is this script's output.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../node/helpers.mjs';
import { write } from './inputs.mjs';

const dir = join(root, 'target', 'limits');
const native = join(root, 'target', 'release', 'msk-connect-lint');
const entry = join(root, 'pkg', 'index.cjs');
const list = write(dir);

/** Peak RSS and wall time of a command, from GNU time (the `time` package). */
function measure(command, args) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const lines = result.stderr.trim().split('\n');
  return { ms, rssMiB: Number(lines.at(-1)) / 1024, stdout: result.stdout, status: result.status, stderr: lines.slice(0, -1).join('\n') };
}

// In Node: read the bytes as the Node CLI does (UTF-8, else ISO-8859-1), validate, print the outcome.
const probe = `
  const lint = require(${JSON.stringify(entry)});
  const bytes = require('node:fs').readFileSync(process.argv[1]);
  let text;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { text = bytes.toString('latin1'); }
  const t0 = performance.now();
  let outcome;
  try {
    const report = lint.validate(text, {});
    outcome = { findings: report.findings.length };
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) throw error;
    outcome = { error: error.name + ' ' + error.line + ':' + error.column + ' ' + error.message };
  }
  console.log(JSON.stringify({ ...outcome, validateMs: performance.now() - t0 }));
`;

const rows = [];
for (const [name, , what] of list) {
  const file = join(dir, name);
  const n = measure(native, ['--format', 'json', file]);
  const doc = n.stdout ? JSON.parse(n.stdout) : null;
  const result = doc?.files?.[0];
  const nativeOutcome = result?.error ? `error ${result.error.line}:${result.error.column} ${result.error.message}` : `${result?.report?.findings?.length ?? '?'} findings`;
  const w = measure(process.execPath, ['-e', probe, file]);
  const wasm = w.status === 0 ? JSON.parse(w.stdout) : { error: `exit ${w.status}: ${w.stderr.split('\n').at(-1)}` };
  rows.push({
    input: name,
    what,
    bytes: readFileSync(file).length,
    native: { ms: Math.round(n.ms), rssMiB: Math.round(n.rssMiB), outcome: nativeOutcome },
    wasm: { ms: Math.round(w.ms), validateMs: Math.round(wasm.validateMs ?? NaN), rssMiB: Math.round(w.rssMiB), outcome: wasm.error ?? `${wasm.findings} findings` },
  });
  const last = rows.at(-1);
  console.error(`${name}: native ${last.native.ms} ms ${last.native.rssMiB} MiB; wasm ${last.wasm.ms} ms ${last.wasm.rssMiB} MiB`);
}
const machine = `${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores, node ${process.version}`;
writeFileSync(join(root, 'target', 'limits.json'), `${JSON.stringify({ machine, rows }, null, 2)}\n`);

const mib = (b) => (b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(1)} MiB` : `${b} B`);
const short = (o) => o.replace(/^error (\d+:\d+) (.{0,70}).*$/, 'error at $1: $2…').replace(/^InputError (\d+:\d+) (.{0,70}).*$/, 'error at $1: $2…');
console.log('| input | size | native: time, peak RSS | wasm in Node: time, peak RSS | answer |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.what} | ${mib(r.bytes)} | ${r.native.ms} ms, ${r.native.rssMiB} MiB | ${r.wasm.ms} ms, ${r.wasm.rssMiB} MiB | ${short(r.native.outcome)} |`);
}
