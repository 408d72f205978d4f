// The npm tarball in a browser app, as a bundler user meets it: `npm pack`, installed offline
// into a fresh app, built with Vite (the default entry: top-level await, the .wasm found through
// `new URL(…, import.meta.url)`) and with esbuild (the README's recipe: `msk-connect-lint/web`
// and the .wasm through esbuild's file loader), each served from 127.0.0.1 under the page's CSP
// and run in Debian's Chromium: `validate` works, and the .wasm comes from the bundle's assets.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { build as vite } from 'vite';
import { serve } from '../../www/serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = join(root, 'pkg');
const work = mkdtempSync(join(tmpdir(), 'msk-connect-lint-bundlers-'));
const app = join(work, 'app');
let browser;

const INPUT = 'connector.class=io.confluent.connect.jdbc.JdbcSinkConnector\\nconnection.url=jdbc:mysql://db.internal.example.com:3306/app\\n';
// What the app does with the package: check a config, and put the outcome on the page.
const SHOW = `
  const report = validate('${INPUT}');
  document.body.dataset.result = JSON.stringify({ version: version(), codes: report.findings.map((f) => f.code), passed: report.passed });
`;

before(() => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: pkg, encoding: 'utf8' }));
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'bundled-app', version: '1.0.0', private: true, type: 'module' }));
  const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, packed[0].filename)], {
    cwd: app,
    encoding: 'utf8',
    env: { ...process.env, npm_config_cache: join(work, '.npm-cache'), npm_config_update_notifier: 'false' },
  });
  assert.equal(install.status, 0, install.stderr);
});

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Serves `dir` and opens it in Chromium; the result the app put on the page, and every request. */
async function runInChromium(dir) {
  browser ??= await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const server = await serve({ root: dir, port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.body?.dataset.result, null, { timeout: 15_000 }).catch(() => {});
    const result = await page.evaluate(() => document.body.dataset.result ?? null);
    return { result: result && JSON.parse(result), requests: requests.map((u) => new URL(u).pathname), errors, foreign: requests.filter((u) => !u.startsWith(origin)) };
  } finally {
    await context.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

function assertWorks(run, label) {
  assert.deepEqual(run.errors, [], `${label}: no errors`);
  assert.deepEqual(run.foreign, []);
  assert.ok(run.result, `${label}: the app ran`);
  assert.match(run.result.version, /^\d+\.\d+\.\d+/);
  assert.ok(run.result.codes.includes('MSK101'), `${label}: ${run.result.codes}`);
  assert.equal(run.result.passed, false);
}

test('Vite: the default entry, built and served, loads its .wasm from the assets', { timeout: 120_000 }, async () => {
  const src = join(app, 'vite');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>vite app</title><script type="module" src="./main.js"></script>\n');
  writeFileSync(join(src, 'main.js'), `import { validate, version } from 'msk-connect-lint';\n${SHOW}`);
  const outDir = join(work, 'dist-vite');
  await vite({ root: src, logLevel: 'warn', configFile: false, build: { outDir, emptyOutDir: true } });
  const assets = readdirSync(join(outDir, 'assets'));
  assert.ok(assets.some((f) => /^msk_connect_lint_bg-[\w-]+\.wasm$/.test(f)), `the .wasm is an asset: ${assets}`);
  const run = await runInChromium(outDir);
  assertWorks(run, 'vite');
  assert.ok(run.requests.some((p) => /^\/assets\/msk_connect_lint_bg-[\w-]+\.wasm$/.test(p)), run.requests.join(' '));
});

test('esbuild: msk-connect-lint/web with the file loader, built and served, loads its .wasm from the assets', { timeout: 120_000 }, async () => {
  const src = join(app, 'esbuild');
  mkdirSync(src, { recursive: true });
  writeFileSync(
    join(src, 'main.js'),
    `import init, { validate, version } from 'msk-connect-lint/web';\nimport wasm from 'msk-connect-lint/web/msk_connect_lint_bg.wasm';\nawait init({ module_or_path: new URL(wasm, import.meta.url) });\n${SHOW}`,
  );
  const outdir = join(work, 'dist-esbuild');
  await esbuild({
    entryPoints: [join(src, 'main.js')],
    bundle: true,
    format: 'esm',
    outdir: join(outdir, 'assets'),
    loader: { '.wasm': 'file' },
    assetNames: '[name]-[hash]',
    logLevel: 'warning',
    absWorkingDir: app,
  });
  writeFileSync(join(outdir, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>esbuild app</title><script type="module" src="assets/main.js"></script>\n');
  const assets = readdirSync(join(outdir, 'assets'));
  assert.ok(assets.some((f) => /^msk_connect_lint_bg-\w+\.wasm$/.test(f)), `the .wasm is an asset: ${assets}`);
  const run = await runInChromium(outdir);
  assertWorks(run, 'esbuild');
  assert.ok(run.requests.some((p) => /^\/assets\/msk_connect_lint_bg-\w+\.wasm$/.test(p)), run.requests.join(' '));
});
