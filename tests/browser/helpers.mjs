// Shared by the page's browser tests: the static server on a free port, Debian's Chromium driven by
// playwright-core (never a downloaded browser), and small waits on the page's own state.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../www/serve.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const www = join(root, 'www');
export const screenshots = join(root, 'tests', 'output', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The page's samples, from the menu's manifest. */
export const samples = JSON.parse(readFileSync(join(www, 'samples', 'index.json'), 'utf8'));
export const sampleText = (file) => readFileSync(join(www, 'samples', file), 'utf8');

/**
 * Serves www/ on 127.0.0.1 (a free port) and launches Chromium. `launch()` gives every run a
 * fresh, throw-away user-data-dir (playwright creates and deletes it).
 */
export async function start() {
  if (!existsSync(join(www, 'pkg', 'msk_connect_lint_bg.wasm'))) {
    throw new Error('www/pkg/ is missing: run `make build` first');
  }
  const server = await serve({ root: www, port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A new context and page: downloads on, the console and page errors recorded (a test fails on
 * any uncaught error), every request recorded, and requests to any other origin refused.
 */
export async function openPage(env, { path = '/', viewport = { width: 1400, height: 900 }, colorScheme = 'light', ...options } = {}) {
  const context = await env.browser.newContext({ viewport, colorScheme, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const requests = [];
  const foreign = [];
  const errors = [];
  const dialogs = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (new URL(url).origin === env.origin || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(env.origin) && !url.startsWith('blob:') && !url.startsWith('data:') && !foreign.includes(url)) foreign.push(url);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  const started = Date.now();
  await page.goto(env.origin + path);
  await page.waitForSelector('html[data-engine="ready"]', { timeout: 15_000 });
  const loadMs = Date.now() - started;
  return { context, page, requests, foreign, errors, dialogs, loadMs };
}

/** The number of checks the page has finished. */
export const checks = (page) => page.$eval('#results', (r) => Number(r.dataset.checks));

/** Runs `action` and waits until the page has finished a check after it (and is not checking). */
export async function afterCheck(page, action, { timeout = 20_000 } = {}) {
  const before = await checks(page);
  await action();
  await page.waitForFunction(
    (n) => {
      const r = document.getElementById('results');
      return Number(r.dataset.checks) > n && r.dataset.state !== 'checking';
    },
    before,
    { timeout },
  );
}

/** Loads a sample through the menu, as a user does. */
export async function loadSample(page, file) {
  await afterCheck(page, async () => {
    await page.click('#samples-button');
    await page.click(`#samples-list button[data-sample="${file}"]`);
  });
}

/**
 * Replaces the editor's text as a paste does: everything selected, then one paste event (the
 * editor's own paste handling; typing it would be far slower). Empty text deletes the selection.
 */
export async function paste(page, text) {
  await afterCheck(page, () => replaceText(page, text));
}

export async function replaceText(page, text) {
  await page.focus('#editor');
  await page.keyboard.press('Control+A');
  if (!text) return page.keyboard.press('Delete');
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.getElementById('editor').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The editor's text (its editable element offers `value`, as a textarea does). */
export const editorValue = (page) => page.$eval('#editor', (e) => e.value);

/** Waits until the editor has drawn (its measure and scroll run in animation frames). */
export const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The codes of the findings shown on the page, in page order. */
export const shownCodes = (page) => page.$$eval('.finding .code', (nodes) => nodes.map((n) => n.textContent));

export async function screenshot(page, name, options = {}) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), ...options });
}

/** The SARIF 2.1.0 schema vendored under tests/ (by the npm package's tests), if any. */
export function findSarifSchema(dir = join(root, 'tests')) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'output' && entry.name !== 'snapshots') {
      const found = findSarifSchema(path);
      if (found) return found;
    } else if (/^sarif-(schema-)?2\.1\.0.*\.json$/.test(entry.name)) return path;
  }
  return null;
}

export { dirname };

/** The text of every finding's editor tooltip (hovering each underline in turn). */
export async function tooltipTexts(page) {
  const texts = [];
  const ranges = page.locator('#editor .cm-lintRange');
  for (let i = 0; i < (await ranges.count()); i++) {
    // The visible start of the underline (a long line scrolls it sideways, under the gutter).
    const at = await ranges.nth(i).evaluate((range) => {
      range.scrollIntoView({ block: 'center', inline: 'start' });
      const r = range.getClientRects()[0];
      const left = Math.max(r.left, document.querySelector('#editor-wrap .cm-gutters').getBoundingClientRect().right + 1);
      return { x: Math.min(left + 4, (left + r.right) / 2), y: r.top + r.height / 2 };
    });
    await page.mouse.move(at.x, at.y);
    const tooltip = page.locator('#editor-wrap .cm-tooltip-lint');
    await tooltip.waitFor({ timeout: 5_000 });
    texts.push(await tooltip.textContent());
    await page.mouse.move(1, 1);
    await tooltip.waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
  }
  return texts;
}
