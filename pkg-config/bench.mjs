#!/usr/bin/env node
// `make bench` (issue 11): one table, also written to target/bench.json. Every ratio is measured
// side by side in this run, on the same inputs: alternating batches of the two sides, the ratio
// taken per round, its median and quartiles over rounds; so a ratio holds on a busy machine where
// an absolute time does not. Targets are printed next to the values; a missed target never fails.
//
//   node pkg-config/bench.mjs            engine vs floor, wasm vs native, cold start, size, scale, page
//   node pkg-config/bench.mjs --peers    Checkov vs the npm CLI (npx) and the native CLI (make bench-peers),
//                                        merged into target/bench.json and the table
//   BENCH_QUICK=1                        fewer rounds and runs (for development; not for numbers to quote)
//   BENCH_MEASURE_SECS, BENCH_ROUNDS, BENCH_BATCH_MS (benches/engine.rs); BENCH_WASM_ROUNDS,
//   BENCH_WASM_BATCH_MS, BENCH_RUNS, BENCH_SCALE_RUNS, BENCH_PEER_RUNS; BENCH_ONLY=engine,wasm,cold,page,size,scale
//
// Inputs: tests/corpus/ (MANIFEST.tsv), and benches/generate.mjs's synthetic input (1,000
// connectors, ~2 MB JSON) and repository (5,000 files in five formats), both deterministic.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, release } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

import { repoDir, syntheticPath, writeRepo, writeSynthetic } from '../benches/generate.mjs';
import { attribute } from '../benches/wasm-sizes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'pkg');
const benchDir = join(root, 'target', 'bench');
const outFile = join(root, 'target', 'bench.json');
const corpusDir = join(root, 'tests', 'corpus');
const nativeCli = join(root, 'target', 'release', 'msk-connect-lint');
const quick = Boolean(process.env.BENCH_QUICK);
const peers = process.argv.includes('--peers');
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const want = (section) => !only || only.has(section);
const num = (name, full, short) => Number(process.env[name] ?? (quick ? short : full));
const ROUNDS = num('BENCH_ROUNDS', 15, 7);
const RUNS = num('BENCH_RUNS', 9, 5);
const TODAY = '2026-01-15';
const CLI_FLAGS = ['--no-config', '--fail-on', 'none'];
const log = (message) => process.stderr.write(`bench: ${message}\n`);
mkdirSync(benchDir, { recursive: true });

// --- statistics and rows ------------------------------------------------------------------------

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => {
    const at = p * (s.length - 1);
    const lo = Math.floor(at);
    const hi = Math.ceil(at);
    return s[lo] + (s[hi] - s[lo]) * (at - lo);
  };
  return { median: q(0.5), p25: q(0.25), p75: q(0.75), min: s[0], max: s[s.length - 1], n: s.length };
}

const rows = [];
/**
 * One line of the table. `s` is a stats object; `spread` says which spread is shown: 'IQR'
 * (quartiles) or 'min–max'. `target` is { op: '<=' | '>=', value } in the row's unit.
 */
function row(section, name, unit, s, { spread = s?.n >= 10 ? 'IQR' : 'min–max', target, note } = {}) {
  const r = { section, name, unit, median: s.median, n: s.n };
  if (s.n > 1) {
    r.spread = spread;
    [r.lo, r.hi] = spread === 'IQR' ? [s.p25, s.p75] : [s.min, s.max];
  }
  if (target) {
    r.target = target;
    r.pass = target.op === '<=' ? s.median <= target.value : s.median >= target.value;
  }
  if (note) r.note = note;
  rows.push(r);
  return r;
}
const one = (value) => ({ median: value, n: 1 });

// --- processes ------------------------------------------------------------------------------------

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (result.error) throw result.error;
  return result;
}

/** Wall time (hrtime, ms) and peak RSS (GNU time's maximum resident set size, MiB) of one run. */
function timed(command, args, options = {}) {
  const t0 = process.hrtime.bigint();
  const result = run('/usr/bin/time', ['-v', command, ...args], options);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  return { ms, rssMiB: rss ? Number(rss[1]) / 1024 : NaN, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function decode(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

function walk(dir, keep, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out.sort();
}

const manifest = readFileSync(join(corpusDir, 'MANIFEST.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [slug, repo, path, commit, format] = line.split('\t');
    return { slug, repo, path, commit, format };
  });
/** Corpus files in name order, as the native bench reads them (benches/engine.rs). */
const corpusNames = readdirSync(corpusDir)
  .filter((f) => f !== 'MANIFEST.tsv' && statSync(join(corpusDir, f)).isFile())
  .sort();
const corpusTexts = corpusNames.map((f) => decode(readFileSync(join(corpusDir, f))));

/** The package's Node entry, from its manifest (not a path written here). */
const pkgJson = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
const entry = (condition) => join(pkg, pkgJson.exports['.'][condition]);
const pkgCli = join(pkg, typeof pkgJson.bin === 'string' ? pkgJson.bin : Object.values(pkgJson.bin)[0]);

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const tryRun = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  return {
    nproc: availableParallelism(),
    cpu: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? null,
    os: `${/PRETTY_NAME="?([^"\n]*)/.exec(osRelease)?.[1] ?? 'unknown'} (Linux ${release()})`,
    node: process.version,
    rustc: tryRun('rustc', ['--version']),
    wasmBindgen: tryRun('wasm-bindgen', ['--version']),
    loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  };
}

// --- 1. the engine against the floor (benches/engine.rs) ---------------------------------------

/**
 * The bench binary, built in a target directory of its own: the library is a cdylib, whose
 * output names carry no hash, so a bench build of it (panic=unwind, for the bench) and the
 * release build (panic=abort, for the CLI) overwrite each other and each rebuilds the other on
 * every run. Here both live in target/bench/cargo/, and the build is skipped while the binary is
 * newer than the sources (so a run rebuilds only after a change).
 */
function engineBinary() {
  const targetDir = join(benchDir, 'cargo');
  const stampFile = join(targetDir, 'engine-bench.json');
  const sources = [join(root, 'Cargo.toml'), join(root, 'Cargo.lock'), join(root, 'benches', 'engine.rs'), ...walk(join(root, 'src'), () => true)];
  const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  if (existsSync(stampFile)) {
    const { executable } = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (existsSync(executable) && statSync(executable).mtimeMs > newest) return executable;
  }
  log('building the bench binary (cargo build --release --bench engine, in target/bench/cargo)');
  const args = ['cargo', 'build', '--release', '-p', 'msk-connect-lint', '--bench', 'engine', '--message-format=json', '--target-dir', targetDir];
  const out = run('nice', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  if (out.status !== 0) throw new Error('cargo build --bench engine failed');
  for (const line of out.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const message = JSON.parse(line);
    if (message.reason === 'compiler-artifact' && message.target?.name === 'engine' && message.executable) {
      writeFileSync(stampFile, `${JSON.stringify({ executable: message.executable })}\n`);
      return message.executable;
    }
  }
  throw new Error('no engine bench executable in cargo output');
}

function engineFloor(binary) {
  log('engine vs floor (criterion, then interleaved rounds); log in target/bench/criterion.log');
  const env = {
    ...process.env,
    BENCH_MEASURE_SECS: process.env.BENCH_MEASURE_SECS ?? (quick ? '1' : '3'),
    BENCH_WARMUP_SECS: process.env.BENCH_WARMUP_SECS ?? (quick ? '0.5' : '1'),
    BENCH_ROUNDS: String(ROUNDS),
    BENCH_SYNTHETIC: syntheticPath,
  };
  const result = run('nice', [binary, '--bench'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  writeFileSync(join(benchDir, 'criterion.log'), result.stdout + result.stderr);
  if (result.status !== 0) throw new Error(`engine bench failed:\n${result.stderr}`);
  const e = JSON.parse(readFileSync(join(benchDir, 'engine.json'), 'utf8'));
  const ms = (s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, ['n'].includes(k) ? v : v / 1e6]));
  const S = 'engine vs the floor (native; floor = serde_json::from_str::<Value> of the same text)';
  const c = e.criterion;
  const syn = e.inputs.synthetic;
  row(S, `synthetic, ${(syn.bytes / 1e6).toFixed(2)} MB: parse (floor)`, 'ms', ms(c['synthetic/parse']));
  row(S, 'synthetic: check', 'ms', ms(c['synthetic/check']));
  row(S, 'synthetic: check / parse, interleaved', 'x', e.ratios.synthetic.ratio, { target: { op: '<=', value: 1.5 } });
  const cj = e.inputs.corpusJson;
  row(S, `corpus JSON, ${cj.files} files, ${(cj.bytes / 1024).toFixed(0)} KiB: parse, one pass`, 'ms', ms(c['corpus-json/parse']));
  row(S, 'corpus JSON: check, one pass', 'ms', ms(c['corpus-json/check']));
  row(S, 'corpus JSON: check / parse, interleaved', 'x', e.ratios.corpusJson.ratio, { target: { op: '<=', value: 1.5 } });
  const perFile = e.ratios.perFile.map((f) => f.ratio.median);
  const worst = e.ratios.perFile.reduce((a, b) => (b.ratio.median > a.ratio.median ? b : a));
  const best = e.ratios.perFile.reduce((a, b) => (b.ratio.median < a.ratio.median ? b : a));
  row(S, 'corpus JSON: check / parse per file, median of files', 'x', stats(perFile), {
    spread: 'min–max',
    target: { op: '<=', value: 1.5 },
    note: `files within 1.5x: ${perFile.filter((r) => r <= 1.5).length}/${perFile.length}; best ${best.file} ${best.ratio.median.toFixed(2)}x, worst ${worst.file} ${worst.ratio.median.toFixed(2)}x (spread here is across files)`,
  });
  const ca = e.inputs.corpusAll;
  row(S, `corpus, all ${ca.files} files (${(ca.bytes / 1024).toFixed(0)} KiB): check, one pass`, 'ms', ms(c['corpus-all/check']), {
    note: `${e.inputs.corpusNotJson.length} files are not JSON (properties, HCL, YAML, other): no JSON text to parse, so no floor; timed here and in wasm vs native`,
  });
  return e;
}

// --- 2. wasm vs native: the Node module's validate() and the native check(), interleaved -------

async function wasmVsNative(binary) {
  log('wasm vs native (Node module validate() vs native check(), alternating batches)');
  const lint = createRequire(import.meta.url)(entry('require'));
  const synthetic = readFileSync(syntheticPath, 'utf8');
  const sets = { corpus: corpusTexts, synthetic: [synthetic] };
  const options = { today: TODAY, failOn: 'none' };
  const server = spawn(binary, ['--serve'], { cwd: root, env: { ...process.env, BENCH_SYNTHETIC: syntheticPath }, stdio: ['pipe', 'pipe', 'inherit'] });
  let buffered = '';
  const waiting = [];
  server.stdout.setEncoding('utf8');
  server.stdout.on('data', (chunk) => {
    buffered += chunk;
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      waiting.shift()(line);
    }
  });
  const ask = (line) =>
    new Promise((resolve) => {
      waiting.push(resolve);
      server.stdin.write(`${line}\n`);
    });
  const wasmPass = (texts) => {
    let findings = 0;
    for (const text of texts) {
      try {
        findings += lint.validate(text, options).findings.length;
      } catch {
        // an input error is an answer too
      }
    }
    return findings;
  };
  const S = 'wasm vs native (same texts: Node module validate() vs native library check())';
  const result = {};
  try {
    const info = JSON.parse(await ask('info'));
    // Many short rounds rather than a few long ones: the median of the per-round ratios is what
    // holds when other work comes and goes on the machine.
    const batchMs = num('BENCH_WASM_BATCH_MS', 100, 60);
    const rounds = num('BENCH_WASM_ROUNDS', 31, 11);
    for (const [name, texts] of Object.entries(sets)) {
      const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
      const findings = wasmPass(texts);
      if (info[name].bytes !== bytes || info[name].files !== texts.length) throw new Error(`${name}: native read ${JSON.stringify(info[name])}, Node ${texts.length} files ${bytes} bytes`);
      for (let i = 0; i < 3; i++) wasmPass(texts);
      await ask(`${name} 3`);
      const t0 = process.hrtime.bigint();
      wasmPass(texts);
      const onePass = Number(process.hrtime.bigint() - t0) / 1e6;
      const n = Math.max(1, Math.ceil(batchMs / onePass));
      const native = [];
      const wasm = [];
      const ratio = [];
      for (let round = 0; round < rounds; round++) {
        const timeWasm = () => {
          const start = process.hrtime.bigint();
          for (let i = 0; i < n; i++) wasmPass(texts);
          return Number(process.hrtime.bigint() - start) / 1e6 / n;
        };
        let w;
        let nat;
        if (round % 2 === 0) {
          w = timeWasm();
          nat = Number(await ask(`${name} ${n}`)) / 1e6 / n;
        } else {
          nat = Number(await ask(`${name} ${n}`)) / 1e6 / n;
          w = timeWasm();
        }
        wasm.push(w);
        native.push(nat);
        ratio.push(w / nat);
      }
      const label = name === 'corpus' ? `corpus, ${texts.length} files` : `synthetic, ${(bytes / 1e6).toFixed(2)} MB`;
      const same = findings === info[name].findings ? 'same findings both sides' : `findings differ: wasm ${findings}, native ${info[name].findings}`;
      row(S, `${label}: native check(), one pass`, 'ms', stats(native));
      row(S, `${label}: wasm validate() in Node, one pass`, 'ms', stats(wasm));
      row(S, `${label}: wasm / native, interleaved`, 'x', stats(ratio), { target: { op: '<=', value: 1.3 }, note: `${rounds} rounds of ${n} pass${n === 1 ? '' : 'es'} a side; ${same} (${findings})` });
      result[name] = { files: texts.length, bytes, findings, nativeFindings: info[name].findings, passesPerBatch: n, native, wasm, ratio };
    }
  } finally {
    server.stdin.end();
  }
  return result;
}

// --- 3. cold start ---------------------------------------------------------------------------------

function coldStart() {
  log('cold start (fresh Node processes, CLIs on one small file)');
  const S = 'cold start';
  const url = pathToFileURL(entry('import')).href;
  const small = corpusNames.map((f) => join(corpusDir, f)).reduce((a, b) => (statSync(b).size < statSync(a).size ? b : a));
  const smallText = readFileSync(small, 'utf8');
  const probe = `
    const t0 = performance.now();
    const lint = await import(${JSON.stringify(url)});
    const t1 = performance.now();
    lint.validate(${JSON.stringify(smallText)}, { today: ${JSON.stringify(TODAY)} });
    const t2 = performance.now();
    console.log(JSON.stringify({ boot: t0, imported: t1 - t0, first: t2 - t0 }));`;
  const node = [];
  const nodeCli = [];
  const native = [];
  for (let i = 0; i < RUNS; i++) {
    const r = run(process.execPath, ['--input-type=module', '-e', probe]);
    if (r.status !== 0) throw new Error(r.stderr);
    node.push(JSON.parse(r.stdout));
    for (const [list, command, args] of [
      [nodeCli, process.execPath, [pkgCli, ...CLI_FLAGS, small]],
      [native, nativeCli, [...CLI_FLAGS, small]],
    ]) {
      const t0 = process.hrtime.bigint();
      const out = run(command, args);
      if (out.status !== 0) throw new Error(`${command} exited ${out.status}: ${out.stderr}`);
      list.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  const name = relative(root, small);
  row(S, 'Node: import() of the package to first validate() result', 'ms', stats(node.map((p) => p.first)), {
    note: `import alone ${stats(node.map((p) => p.imported)).median.toFixed(1)} ms; Node's own start-up before it ${stats(node.map((p) => p.boot)).median.toFixed(0)} ms; ${RUNS} fresh processes`,
  });
  row(S, `Node CLI (npm package's cli.mjs) on one small file, wall`, 'ms', stats(nodeCli), { note: `${name}, ${statSync(small).size} B, ${RUNS} runs` });
  row(S, 'native CLI on the same file, wall', 'ms', stats(native));
  return { file: name, node, nodeCliMs: nodeCli, nativeCliMs: native };
}

// --- 4. size ---------------------------------------------------------------------------------------

function namedTwin() {
  // The shipped module's twin with its name section: the same cargo output, wasm-bindgen and
  // wasm-opt -Oz as pkg-config/build.mjs, but names kept (-g changes no code). Cached.
  const source = join(root, 'target', 'wasm32-unknown-unknown', 'release', 'msk_connect_lint.wasm');
  const dir = join(benchDir, 'named');
  const out = join(dir, 'named.wasm');
  const stamp = join(dir, '.source');
  const key = `${statSync(source).size} ${statSync(source).mtimeMs}\n`;
  if (existsSync(out) && existsSync(stamp) && readFileSync(stamp, 'utf8') === key) return out;
  log('size: building the named twin of the .wasm (wasm-bindgen, wasm-opt -Oz -g; cached)');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const wasmOpt = join(root, 'node_modules', '.bin', 'wasm-opt');
  const features = run(wasmOpt, ['--print-features', source])
    .stdout.split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('--enable-'));
  const bindgen = run('wasm-bindgen', [source, '--target', 'web', '--out-dir', dir, '--out-name', 'msk_connect_lint', '--remove-producers-section']);
  if (bindgen.status !== 0) throw new Error(bindgen.stderr);
  const opt = run('nice', [wasmOpt, join(dir, 'msk_connect_lint_bg.wasm'), '-Oz', ...features, '-g', '--strip-producers', '-o', out]);
  if (opt.status !== 0) throw new Error(opt.stderr);
  writeFileSync(stamp, key);
  return out;
}

function size() {
  log('size');
  const S = 'size';
  const kib = (n) => n / 1024;
  const wasmFiles = walk(pkg, (p) => p.endsWith('.wasm'));
  const distinct = new Map();
  for (const file of wasmFiles) {
    const bytes = readFileSync(file);
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (!distinct.has(hash)) distinct.set(hash, { bytes, paths: [] });
    distinct.get(hash).paths.push(relative(pkg, file));
  }
  const result = { wasm: [] };
  for (const { bytes, paths } of distinct.values()) {
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;
    const where = paths.join(', ');
    row(S, `.wasm raw (${where})`, 'KiB', one(kib(bytes.length)), { note: `${distinct.size} distinct .wasm in pkg/, ${wasmFiles.length} files` });
    row(S, '.wasm gzip -9', 'KiB', one(kib(gzip)));
    row(S, '.wasm brotli q11', 'KiB', one(kib(brotli)));
    result.wasm.push({ paths, raw: bytes.length, gzip, brotli, code: attribute(bytes).code });
  }
  const glue = walk(pkg, (p) => /\.(c|m)?js$/.test(p));
  let glueRaw = 0;
  let glueGzip = 0;
  for (const file of glue) {
    const bytes = readFileSync(file);
    glueRaw += bytes.length;
    glueGzip += gzipSync(bytes, { level: 9 }).length;
  }
  row(S, `JS in the package (${glue.length} files: glue, entries, CLI)`, 'KiB', one(kib(glueRaw)), { note: `gzip -9 ${kib(glueGzip).toFixed(1)} KiB` });
  result.js = { files: glue.map((f) => relative(pkg, f)), raw: glueRaw, gzip: glueGzip };
  const pack = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkg });
  const packed = JSON.parse(pack.stdout)[0];
  row(S, 'npm tarball (npm pack)', 'KiB', one(kib(packed.size)), { note: `${packed.entryCount} files, ${kib(packed.unpackedSize).toFixed(0)} KiB unpacked` });
  result.tarball = { size: packed.size, unpackedSize: packed.unpackedSize, entryCount: packed.entryCount };

  const twin = namedTwin();
  const a = attribute(readFileSync(twin));
  const shippedCode = result.wasm[0]?.code;
  const same = shippedCode === a.code;
  row(S, 'code section (function bodies)', 'KiB', one(kib(a.code)), {
    note: `data section ${kib(a.data).toFixed(1)} KiB (constants; not split by function); named twin's code section ${same ? 'is byte-for-byte the size of' : `differs from (${shippedCode})`} the shipped one`,
  });
  for (const [reader, r] of Object.entries(a.readers)) {
    const crates = Object.entries(r.crates)
      .sort((x, y) => y[1] - x[1])
      .map(([c, n]) => `${c} ${kib(n).toFixed(1)}`)
      .join(', ');
    const parts = r.parser ? `parser crates ${kib(r.parser).toFixed(1)} KiB (${crates}) + reader module ${kib(r.module).toFixed(1)} KiB` : `the engine's own parser and reader module, ${r.functions} functions`;
    row(S, `reader ${reader}: code`, 'KiB', one(kib(r.parser + r.module)), { note: `${parts}; ${((100 * (r.parser + r.module)) / a.code).toFixed(1)}% of code` });
  }
  result.attribution = a;
  return result;
}

// --- 5. peers: Checkov ---------------------------------------------------------------------------------

const CONNECTOR_TYPES = ['aws_mskconnect_connector', 'aiven_kafka_connector', 'confluent_connector', 'kafka-connect_connector', 'kafka_connect_connector'];

function peersBench() {
  const S = 'peers (make bench-peers): the corpus\'s Terraform files, one run over all of them';
  const checkov = join(root, 'target', 'peers', 'venv', 'bin', 'checkov');
  if (!existsSync(checkov)) throw new Error('no Checkov in target/peers/venv: run `make bench-peers`');
  const checkovVersion = run(checkov, ['--version']).stdout.trim();
  const tf = manifest.filter((m) => m.format === 'terraform').map((m) => join(corpusDir, `${m.slug}.tf`));
  // The packed npm package, installed offline into a project of its own, run through npx.
  const npxDir = join(benchDir, 'npx');
  rmSync(npxDir, { recursive: true, force: true });
  mkdirSync(join(npxDir, 'project'), { recursive: true });
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', npxDir], { cwd: pkg }).stdout)[0];
  writeFileSync(join(npxDir, 'project', 'package.json'), '{ "name": "bench-npx", "private": true }\n');
  const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(npxDir, packed.filename)], { cwd: join(npxDir, 'project') });
  if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${install.stderr}`);
  const runs = num('BENCH_PEER_RUNS', 3, 1);
  const tools = {
    checkov: () => timed(checkov, ['--quiet', '--compact', '--skip-download', '--framework', 'terraform', '-o', 'json', ...tf.flatMap((f) => ['-f', f])], { env: { ...process.env, LOG_LEVEL: 'ERROR' } }),
    // Offline: the package is installed, so npx needs no registry (and a registry look-up's
    // latency is the network's, not the tool's).
    npx: () => timed('npx', ['--no', '--', 'msk-connect-lint', ...CLI_FLAGS, '--format', 'json', ...tf], { cwd: join(npxDir, 'project'), env: { ...process.env, npm_config_offline: 'true' } }),
    installed: () => timed(process.execPath, [join(npxDir, 'project', 'node_modules', '.bin', 'msk-connect-lint'), ...CLI_FLAGS, '--format', 'json', ...tf]),
    native: () => timed(nativeCli, [...CLI_FLAGS, '--format', 'json', ...tf]),
  };
  const times = Object.fromEntries(Object.keys(tools).map((t) => [t, []]));
  const last = {};
  for (let i = 0; i < runs; i++) {
    for (const [tool, go] of Object.entries(tools)) {
      log(`peers: ${tool}, run ${i + 1} of ${runs}`);
      const r = go();
      times[tool].push(r);
      last[tool] = r;
    }
  }
  // What each found: files with at least one problem on a connector resource.
  const found = {};
  try {
    let doc = JSON.parse(last.checkov.stdout);
    if (!Array.isArray(doc)) doc = [doc];
    const failed = doc.flatMap((d) => d.results?.failed_checks ?? []);
    const onConnectors = failed.filter((c) => CONNECTOR_TYPES.some((t) => String(c.resource).startsWith(`${t}.`)));
    found.checkov = {
      failedChecks: failed.length,
      onConnectors: onConnectors.length,
      connectorChecks: [...new Set(onConnectors.map((c) => c.check_id))],
      files: new Set(onConnectors.map((c) => c.file_abs_path ?? c.file_path)).size,
      failedByResourceType: failed.reduce((acc, c) => {
        const type = String(c.resource).split('.')[0];
        acc[type] = (acc[type] ?? 0) + 1;
        return acc;
      }, {}),
    };
  } catch (error) {
    found.checkov = { error: `unreadable output: ${error.message}`, status: last.checkov.status };
  }
  for (const tool of ['npx', 'installed', 'native']) {
    const doc = JSON.parse(last[tool].stdout);
    const files = doc.files.filter((f) => (f.report?.findings?.length ?? 0) > 0);
    found[tool] = { findings: doc.summary ? Object.values(doc.summary).reduce((a, b) => a + (typeof b === 'number' ? b : 0), 0) : null, files: files.length };
  }
  const wall = (t) => stats(times[t].map((r) => r.ms / 1000));
  const rss = (t) => stats(times[t].map((r) => r.rssMiB));
  const c = found.checkov;
  row(S, `Checkov ${checkovVersion}: wall, ${tf.length} files`, 's', wall('checkov'), {
    note:
      c.error ??
      `found connector problems in ${c.files}/${tf.length} files (${c.onConnectors} failed checks on connector resources${c.connectorChecks.length ? `: ${c.connectorChecks.join(', ')}` : ''}); its ${c.failedChecks} failed checks were on ${Object.entries(c.failedByResourceType)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
  });
  row(S, 'Checkov: peak RSS', 'MiB', rss('checkov'));
  row(S, 'npx msk-connect-lint (packed npm CLI, installed from the tarball; npm offline): wall', 's', wall('npx'), { note: `found connector problems in ${found.npx.files}/${tf.length} files` });
  row(S, 'npx msk-connect-lint: peak RSS', 'MiB', rss('npx'), { note: 'the largest single process (npx starts node for the CLI)' });
  row(S, 'the same CLI installed, without npx (node node_modules/.bin/msk-connect-lint): wall', 's', wall('installed'));
  row(S, 'native CLI: wall', 's', wall('native'), { note: `found connector problems in ${found.native.files}/${tf.length} files` });
  row(S, 'native CLI: peak RSS', 'MiB', rss('native'));
  const speedup = (tool) => stats(times.checkov.map((r, i) => r.ms / times[tool][i].ms));
  row(S, 'Checkov / npx msk-connect-lint, wall, per run', 'x', speedup('npx'), { target: { op: '>=', value: 30 } });
  row(S, 'Checkov / installed Node CLI without npx, wall, per run', 'x', speedup('installed'), { target: { op: '>=', value: 30 } });
  row(S, 'Checkov / native CLI, wall, per run', 'x', speedup('native'), { target: { op: '>=', value: 30 } });
  return {
    checkov: checkovVersion,
    files: tf.map((f) => relative(root, f)),
    runs,
    found,
    times: Object.fromEntries(Object.entries(times).map(([t, rs]) => [t, rs.map((r) => ({ ms: r.ms, rssMiB: r.rssMiB, status: r.status }))])),
  };
}

// --- 6. scale: the CLIs over a 5,000-file repository -----------------------------------------------

function scale() {
  const repo = writeRepo();
  log(`scale: the CLIs over ${repo.files} files (${(repo.bytes / 1e6).toFixed(1)} MB)`);
  const S = `scale: the CLI over ${repo.files} files in nested folders (${(repo.bytes / 1e6).toFixed(1)} MB; .json, .properties, .tf, Strimzi and CloudFormation .yaml)`;
  const runs = num('BENCH_SCALE_RUNS', 3, 1);
  const args = [...CLI_FLAGS, '--format', 'github', relative(root, repoDir)];
  const native = [];
  const node = [];
  for (let i = 0; i < runs; i++) {
    for (const [list, command, a] of [
      [native, nativeCli, args],
      [node, process.execPath, [pkgCli, ...args]],
    ]) {
      const r = timed(command, a);
      if (r.status !== 0) throw new Error(`${command} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
      list.push({ ms: r.ms, rssMiB: r.rssMiB, lines: r.stdout.split('\n').length - 1 });
    }
  }
  const fps = (list) => stats(list.map((r) => repo.files / (r.ms / 1000)));
  const rss = (list) => stats(list.map((r) => r.rssMiB));
  row(S, 'native CLI: files per second', 'files/s', fps(native), { note: `${runs} runs; wall ${stats(native.map((r) => r.ms / 1000)).median.toFixed(2)} s; ${native[0].lines} annotation lines` });
  row(S, 'native CLI: peak RSS', 'MiB', rss(native));
  row(S, 'Node CLI: files per second', 'files/s', fps(node), { note: `wall ${stats(node.map((r) => r.ms / 1000)).median.toFixed(2)} s; ${node[0].lines} annotation lines` });
  row(S, 'Node CLI: peak RSS', 'MiB', rss(node));
  return { ...repo, runs, native, node };
}

// --- 7. the page ---------------------------------------------------------------------------------

async function page() {
  log('page (Chromium via playwright-core)');
  const { pageBench } = await import('../tests/browser/bench.mjs');
  const p = await pageBench({ loads: Math.max(7, RUNS), reps: RUNS, log: (m) => log(m) });
  const S = `the page (headless Chromium ${p.chromium}, 127.0.0.1)`;
  row(S, `time to ready: navigation start to ready, engine loaded`, 'ms', stats(p.readyMs), { note: `${p.loads} fresh loads` });
  row(S, `  of which: editor mounted`, 'ms', stats(p.editorMs), { note: 'navigation start to mcl:editor' });
  row(S, `  of which: engine loaded in its worker`, 'ms', stats(p.engineMs), { note: 'navigation start to mcl:engine' });
  for (const [label, r] of Object.entries(p.paste)) {
    row(S, `paste ${label} (${r.bytes} B): input event to findings rendered, live`, 'ms', stats(r.inputToRenderedMs), { note: `includes the live-check pause (250 ms + 1 ms a KB); ${r.findings} findings shown` });
    row(S, `paste ${label}: check start to findings rendered`, 'ms', stats(r.checkToRenderedMs), { note: 'the worker\'s validate() and the rendering' });
  }
  row(S, `check of a 1 MB properties file in the worker`, 'ms', stats(p.bigCheckMs), { note: `longest frame meanwhile ${p.longestFrameMs.toFixed(0)} ms over ${p.frames} frames` });
  row(S, 'editor: edit + Ctrl+Enter to findings shown', 'ms', stats(p.editNowMs));
  row(S, 'editor: edit in a 1 MB text to the next frame', 'ms', stats(p.typingMs));
  return p;
}

function chromiumColdStart(p) {
  const S = 'cold start';
  row(S, 'Chromium: web glue import + init (fetch, compile, instantiate)', 'ms', stats(p.instantiateMs), {
    note: `fresh contexts; then first validate() ${stats(p.firstValidateMs).median.toFixed(1)} ms; WebAssembly.compile of the bytes alone ${stats(p.compileOnlyMs).median.toFixed(1)} ms`,
  });
}

// --- the table -----------------------------------------------------------------------------------------

function fmt(value, unit) {
  if (value === undefined || value === null || Number.isNaN(value)) return '-';
  const digits = (v) => (Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
  if (unit === 'x') return `${value.toFixed(2)}x`;
  if (unit === 'files/s') return `${Math.round(value)}`;
  return value.toFixed(digits(value));
}

export function table(doc) {
  const lines = [];
  const m = doc.machine;
  lines.push(`msk-connect-lint ${doc.version} bench, ${doc.date}${doc.quick ? ' (BENCH_QUICK: short settings)' : ''}`);
  lines.push(`machine: ${m.nproc} cores, ${m.cpu}; ${m.os}; node ${m.node}; ${m.rustc}; load ${m.loadAverage}`);
  const widths = [68, 10, 24, 10, 6];
  const pad = (s, w, right) => (right ? String(s).padStart(w) : String(s).padEnd(w));
  let section = null;
  for (const r of doc.rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push('', section);
      lines.push(`  ${pad('measure', widths[0])} ${pad('median', widths[1], true)} ${pad('spread', widths[2], true)} ${pad('target', widths[3], true)} ${pad('', widths[4])}`);
    }
    const unit = r.unit === 'x' ? '' : ` ${r.unit}`;
    const spread = r.spread ? `${fmt(r.lo, r.unit)}–${fmt(r.hi, r.unit)} ${r.spread === 'IQR' ? 'IQR' : 'range'}` : '';
    const target = r.target ? `${r.target.op === '<=' ? '≤' : '≥'} ${fmt(r.target.value, r.unit)}` : '';
    const mark = r.target ? (r.pass ? 'pass' : 'MISS') : '';
    lines.push(`  ${pad(r.name, widths[0])} ${pad(fmt(r.median, r.unit) + unit, widths[1], true)} ${pad(spread, widths[2], true)} ${pad(target, widths[3], true)} ${mark}`);
    if (r.note) lines.push(`    ${r.note}`);
  }
  lines.push('', 'notes:');
  for (const note of doc.notes) lines.push(`  - ${note}`);
  return lines.join('\n');
}

const NOTES = [
  'spread: IQR = interquartile range of the samples or rounds (n >= 10), range = min-max (fewer); a ratio\'s median and spread are over its rounds, each round timing both sides back to back on the same input',
  'engine vs floor: benches/engine.rs (criterion, short runs: BENCH_MEASURE_SECS) for the times, its interleaved rounds for the ratios; the floor is serde_json::from_str::<serde_json::Value>, so only the corpus files that are JSON and the synthetic input have one',
  'wasm vs native: the native side is the same bench binary in serve mode (check() timed in its process, per batch, on request), the wasm side validate() from the npm package in this Node process; validate() includes building the report as JS objects, which is what a JS caller gets',
  'per reader: code-section bytes of the functions of each parser crate (and the crates only it pulls in) and of the engine\'s reader module, read from the name section of a twin of the shipped .wasm (same build, wasm-bindgen and wasm-opt -Oz, names kept with -g; the code section is the same size); inlined code counts for the function it was inlined into, generic code for the reader whose type it is instantiated with, and the exports\' shims (into which much of the engine is inlined) are none of them',
  'peak RSS: GNU time -v, maximum resident set size of the largest single process',
  'nothing here fails the build: a MISS is a target not met in this run on this machine',
];

// --- main ---------------------------------------------------------------------------------------------

const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
const previous = existsSync(outFile) ? JSON.parse(readFileSync(outFile, 'utf8')) : null;
const doc = { version, date: new Date().toISOString(), quick, machine: machine(), settings: { rounds: ROUNDS, runs: RUNS }, rows, data: {}, notes: NOTES };

if (peers) {
  doc.data.peers = peersBench();
  // Merge: this run's peer rows replace the earlier ones; every other row is kept as it was.
  if (previous) {
    const peerRows = rows.splice(0);
    rows.push(...previous.rows.filter((r) => !r.section.startsWith('peers')), ...peerRows);
    doc.data = { ...previous.data, peers: doc.data.peers };
    doc.date = previous.date;
    doc.peersDate = new Date().toISOString();
    doc.quick = previous.quick;
    doc.settings = previous.settings;
  }
} else {
  const s = writeSynthetic();
  log(`synthetic input: ${(s.bytes / 1e6).toFixed(2)} MB`);
  const needBinary = want('engine') || want('wasm');
  const binary = needBinary ? engineBinary() : null;
  if (want('engine')) doc.data.engine = engineFloor(binary);
  if (want('wasm')) doc.data.wasm = await wasmVsNative(binary);
  if (want('cold')) doc.data.cold = coldStart();
  const pageData = want('page') ? await page() : null;
  if (pageData) chromiumColdStart(pageData);
  if (want('size')) doc.data.size = size();
  if (want('scale')) doc.data.scale = scale();
  if (pageData) doc.data.page = pageData;
  // The page's rows after the rest, in the table; Chromium's cold start beside Node's.
  const order = (r) => ['engine', 'wasm', 'cold', 'size', 'scale', 'the page', 'peers'].findIndex((k) => r.section.startsWith(k));
  rows.sort((a, b) => order(a) - order(b));
  // Peer rows from an earlier `make bench-peers` stay, marked with their date.
  if (previous?.data?.peers) {
    rows.push(...previous.rows.filter((r) => r.section.startsWith('peers')));
    doc.data.peers = previous.data.peers;
    doc.peersDate = previous.peersDate ?? previous.date;
  }
}
if (doc.peersDate) doc.notes = [...NOTES, `peer rows from the run of ${doc.peersDate}`];
writeFileSync(outFile, `${JSON.stringify(doc, null, 2)}\n`);
console.log(table(doc));
console.log(`\nwritten to ${relative(root, outFile)}`);
