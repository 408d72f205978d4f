#!/usr/bin/env node
// `make bench`: wasm size (raw, gzip), time to instantiate in Node, and validate throughput in Node
// over tests/corpus, with the native binary measured in the same run, as a ratio.
// Prints a table and writes target/bench/wasm.json (the performance issue extends this script).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'pkg');
const wasmFile = join(pkg, 'node', 'msk_connect_lint_bg.wasm');
const corpusDir = process.env.CORPUS ?? join(root, 'tests', 'corpus');
const nativeBin = join(root, 'target', 'release', 'msk-connect-lint');
const seconds = Number(process.env.BENCH_SECONDS ?? 3);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

function decode(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

// Size.
const wasmBytes = readFileSync(wasmFile);
const size = { raw: wasmBytes.length, gzip: gzipSync(wasmBytes, { level: 9 }).length };

// Instantiate: a fresh Node process each time, timing require() of the package (read, compile,
// instantiate, glue), and separately compile + instantiate of the bytes alone.
const probe = `
  const { performance } = require('node:perf_hooks');
  const t0 = performance.now();
  const lint = require(${JSON.stringify(join(pkg, 'index.cjs'))});
  const t1 = performance.now();
  lint.validate('connector.class=x\\n');
  const t2 = performance.now();
  const bytes = require('node:fs').readFileSync(${JSON.stringify(wasmFile)});
  const t3 = performance.now();
  new WebAssembly.Module(bytes);
  const t4 = performance.now();
  console.log(JSON.stringify({ require: t1 - t0, firstCall: t2 - t1, compile: t4 - t3 }));
`;
const probes = [];
for (let i = 0; i < 9; i++) {
  probes.push(JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })));
}
const instantiate = {
  requireMs: median(probes.map((p) => p.require)),
  firstValidateMs: median(probes.map((p) => p.firstCall)),
  compileOnlyMs: median(probes.map((p) => p.compile)),
};

// Throughput of validate() over the corpus, in this process.
const { createRequire } = await import('node:module');
const lint = createRequire(import.meta.url)(join(pkg, 'index.cjs'));
const names = readdirSync(corpusDir)
  .filter((f) => f !== 'MANIFEST.tsv' && statSync(join(corpusDir, f)).isFile())
  .sort();
const texts = names.map((f) => decode(readFileSync(join(corpusDir, f))));
const corpusBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const options = { today: '2026-01-15', failOn: 'none' };
const pass = () => {
  let errors = 0;
  for (const text of texts) {
    try {
      lint.validate(text, options);
    } catch {
      errors++;
    }
  }
  return errors;
};
for (let i = 0; i < 3; i++) pass();
let passes = 0;
let inputErrors = 0;
const start = process.hrtime.bigint();
let elapsed = 0;
while (elapsed < seconds || passes < 3) {
  inputErrors = pass();
  passes++;
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
}
const wasmApi = {
  files: texts.length,
  passes,
  seconds: elapsed,
  filesPerSecond: (passes * texts.length) / elapsed,
  mbPerSecond: (passes * corpusBytes) / 1e6 / elapsed,
  inputErrors,
};

// The two CLIs on the same files, repeated so that start-up is amortised; `--format github`
// keeps rendering cheap so the checking dominates.
const repeat = Number(process.env.BENCH_REPEAT ?? 20);
const args = ['--format', 'github', '--fail-on', 'none', '--no-config'];
const files = [];
for (let i = 0; i < repeat; i++) files.push(...names.map((f) => join(corpusDir, f)));
function timeCommand(command, commandArgs, runs = 3) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const result = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const t = Number(process.hrtime.bigint() - t0) / 1e9;
    if (result.error) throw result.error;
    if (result.status !== 0 && result.status !== 2) throw new Error(`${command} exited ${result.status}: ${result.stderr}`);
    times.push(t);
  }
  const s = median(times);
  return { seconds: s, filesPerSecond: files.length / s, mbPerSecond: (repeat * corpusBytes) / 1e6 / s };
}
const nativeCli = timeCommand(nativeBin, [...args, ...files]);
const nodeCli = timeCommand(process.execPath, [join(pkg, 'cli.mjs'), ...args, ...files]);

const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
  corpus: { files: texts.length, bytes: corpusBytes },
  wasm: size,
  instantiate,
  validate: wasmApi,
  cli: { repeat, files: files.length, native: nativeCli, node: nodeCli },
  ratios: {
    nativeCliOverWasmApi: nativeCli.filesPerSecond / wasmApi.filesPerSecond,
    nativeCliOverNodeCli: nativeCli.filesPerSecond / nodeCli.filesPerSecond,
  },
};
mkdirSync(join(root, 'target', 'bench'), { recursive: true });
writeFileSync(join(root, 'target', 'bench', 'wasm.json'), `${JSON.stringify(result, null, 2)}\n`);

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const f1 = (n) => n.toFixed(1);
console.log(`wasm module           ${kb(size.raw)} raw, ${kb(size.gzip)} gzip (${size.raw} / ${size.gzip} bytes)`);
console.log(`instantiate in Node   require() ${f1(instantiate.requireMs)} ms (compile alone ${f1(instantiate.compileOnlyMs)} ms), first validate ${f1(instantiate.firstValidateMs)} ms; median of 9 fresh processes`);
console.log(`validate() in Node    ${f1(wasmApi.filesPerSecond)} files/s, ${f1(wasmApi.mbPerSecond)} MB/s (${texts.length} corpus files, ${(corpusBytes / 1e6).toFixed(2)} MB, ${passes} passes)`);
console.log(`native CLI            ${f1(nativeCli.filesPerSecond)} files/s, ${f1(nativeCli.mbPerSecond)} MB/s (${files.length} files in one run, start-up included)`);
console.log(`Node CLI (wasm)       ${f1(nodeCli.filesPerSecond)} files/s, ${f1(nodeCli.mbPerSecond)} MB/s (same files, same flags)`);
console.log(`ratio native/wasm     ${result.ratios.nativeCliOverWasmApi.toFixed(2)}x vs validate(), ${result.ratios.nativeCliOverNodeCli.toFixed(2)}x CLI vs CLI`);
console.log('written to target/bench/wasm.json');
