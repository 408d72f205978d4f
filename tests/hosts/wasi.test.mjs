// The WASI command under Node's `node:wasi`: the native CLI's output and exit code, run for run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { WASI } from 'node:wasi';

const root = fileURLToPath(new URL('../..', import.meta.url));
const native = join(root, 'target', 'debug', 'msk-connect-lint');
const module = await WebAssembly.compile(readFileSync(join(root, 'dist', 'msk-connect-lint-wasi.wasm')));
const scratch = join(root, 'target', 'hosts');
mkdirSync(scratch, { recursive: true });

/**
 * The corpus as paths relative to the root: tests/corpus/ (all but its MANIFEST.tsv) when it is
 * there, else the .json and .properties files below tests/fixtures/.
 */
function corpus() {
  const real = statSync(join(root, 'tests', 'corpus'), { throwIfNoEntry: false })?.isDirectory();
  const base = join('tests', real ? 'corpus' : 'fixtures');
  const files = readdirSync(join(root, base), { recursive: true })
    .map((f) => join(base, f))
    .filter((f) => (real ? !f.endsWith('MANIFEST.tsv') : /\.(json|properties)$/.test(f)) && statSync(join(root, f)).isFile())
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  assert.ok(files.length >= 50, `${files.length} files`);
  return files;
}

/** { stdout, stderr, status } of the WASI command with the root preopened as / (its working directory). */
async function wasi(args) {
  const dir = mkdtempSync(join(scratch, 'wasi-'));
  const [out, err] = [join(dir, 'out'), join(dir, 'err')];
  const [stdout, stderr] = [openSync(out, 'w'), openSync(err, 'w')];
  try {
    const host = new WASI({ version: 'preview1', args: ['msk-connect-lint', ...args], env: {}, preopens: { '/': root }, stdout, stderr, returnOnExit: true });
    const status = host.start(await WebAssembly.instantiate(module, host.getImportObject()));
    return { stdout: readFileSync(out, 'utf8'), stderr: readFileSync(err, 'utf8'), status };
  } finally {
    closeSync(stdout);
    closeSync(stderr);
  }
}

function runNative(args) {
  const run = spawnSync(native, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 });
  if (run.error) throw run.error;
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

async function same(args) {
  assert.deepEqual(await wasi(args), runNative(args), args.join(' '));
}

// The native CLI fills `today` from its clock; both get this one.
const options = relative(root, join(scratch, 'node-options.json'));
writeFileSync(join(root, options), JSON.stringify({ today: '2026-01-15' }));

test('--format json over the corpus, at once and file by file', async () => {
  const files = corpus();
  await same(['--format', 'json', '--config', options, ...files]);
  const statuses = new Set();
  for (const file of files) {
    await same(['--format', 'json', '--config', options, file]);
    statuses.add(runNative(['--config', options, file]).status);
  }
  assert.ok(statuses.has(0) && statuses.has(1), `files that pass and files that fail: ${[...statuses]}`);
});

test('text, SARIF, fixes as diffs, rule docs', async () => {
  const files = corpus();
  for (const args of [
    ['--config', options, ...files.slice(0, 20)],
    ['--format', 'sarif', '--config', options, files[0]],
    ['--fix', '--unsafe-fixes', '--diff', '--config', options, ...files.slice(0, 10)],
    ['--help'],
    ['--version'],
    ['--explain', 'MSK012'],
  ]) {
    await same(args);
  }
});

test('errors exit 2 with the same message', async () => {
  const broken = relative(root, join(mkdtempSync(join(scratch, 'broken-')), 'broken.json'));
  writeFileSync(join(root, broken), '{\n  "name": ');
  for (const args of [['--bogus'], ['--no-config', broken], ['--no-config', 'target/hosts/no-such-file.json'], ['--fail-on', 'severe', '--no-config', broken]]) {
    assert.equal((await wasi(args)).status, 2, args.join(' '));
    await same(args);
  }
});
