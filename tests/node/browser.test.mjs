// The browser entry (the package's "browser" condition, and www/pkg/ for the page) in headless
// Debian Chromium through playwright-core: top-level-await init, then the same API as Node.
import assert from 'node:assert/strict';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { CRITICAL, pkg, root } from './helpers.mjs';

const CHROMIUM = '/usr/bin/chromium';
const require = createRequire(import.meta.url);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

const PAGE = `<!doctype html><meta charset="utf-8"><title>t</title>
<script type="module">
  const results = {};
  try {
    const lint = await import('/pkg/web/index.js');
    const report = lint.validate(${JSON.stringify(CRITICAL)});
    let inputError = null;
    try { lint.validate('{'); } catch (e) { inputError = { name: e.name, line: e.line, isError: e instanceof Error }; }
    results.entry = {
      codes: report.findings.map((f) => f.code),
      plain: Object.getPrototypeOf(report.summary) === Object.prototype,
      rules: lint.rules().length,
      sarif: lint.toSarif(report).version,
      fixed: lint.fix(${JSON.stringify(CRITICAL)}, { unsafeFixes: true }).output.includes('SASL_SSL'),
      version: lint.version(),
      inputError,
    };
    const glue = await import('/www/pkg/msk_connect_lint.js');
    await glue.default();
    results.www = { passed: glue.validate(${JSON.stringify(CRITICAL)}).passed };
  } catch (e) {
    results.error = String(e && e.stack || e);
  }
  window.results = results;
</script>`;

let server;
let origin;
const requests = [];

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      return;
    }
    const file = normalize(join(root, url.pathname));
    const allowed = [join(root, 'pkg'), join(root, 'www', 'pkg')].some((dir) => file.startsWith(dir));
    if (!allowed || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(() => server?.close());

test('the browser entry and www/pkg work in headless Chromium', async () => {
  const { chromium } = require(join(root, 'node_modules', 'playwright-core'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.results !== undefined, null, { timeout: 30_000 });
    const results = await page.evaluate(() => window.results);
    assert.equal(results.error, undefined, results.error);
    assert.deepEqual(errors, []);
    const { version } = require(join(pkg, 'package.json'));
    assert.ok(results.entry.codes.includes('MSK011'));
    assert.equal(results.entry.plain, true);
    assert.ok(results.entry.rules >= 10);
    assert.equal(results.entry.sarif, '2.1.0');
    assert.equal(results.entry.fixed, true);
    assert.equal(results.entry.version, version);
    assert.deepEqual(results.entry.inputError, { name: 'InputError', line: 1, isError: true });
    assert.deepEqual(results.www, { passed: false });
    assert.ok(requests.includes('/pkg/web/msk_connect_lint_bg.wasm'));
    assert.ok(requests.includes('/www/pkg/msk_connect_lint_bg.wasm'));
  } finally {
    await browser.close();
  }
});
