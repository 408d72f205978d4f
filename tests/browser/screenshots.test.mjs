// A screenshot of each main state, light and dark, wide and phone-sized, saved under
// tests/output/screenshots/ for review; and no state overflows the screen sideways.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadSample, openPage, screenshot, screenshots, start } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function noSidewaysScroll(page, what) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `${what}: the page is ${scrollWidth}px wide in a ${innerWidth}px window`);
}

/** The viewport with `selector` at its top (phones), and the whole page too for review. */
async function shot(page, name, phone, selector) {
  if (phone) {
    await screenshot(page, `${name}-full`, { fullPage: true });
    if (selector) await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'start' }), selector);
  }
  await screenshot(page, name);
}

async function states(page, prefix, viewport) {
  const phone = viewport.width < 600;
  await screenshot(page, `${prefix}empty`);
  await noSidewaysScroll(page, `${prefix}empty`);

  await loadSample(page, 'describe-connector-plaintext.json');
  await page.locator('.finding .why summary').first().click();
  await page.locator('.finding .goto').first().click();
  await page.evaluate(() => scrollTo(0, 0));
  await shot(page, `${prefix}findings`, phone, '#results');
  await noSidewaysScroll(page, `${prefix}findings`);

  await loadSample(page, 'jdbc-mysql-sink.properties');
  await page.click('#tab-fixed');
  await page.click('#unsafe-fixes');
  await page.waitForSelector('#panel-fixed[data-state="done"]');
  await shot(page, `${prefix}fixed-diff`, phone, '#result-tabs');
  await noSidewaysScroll(page, `${prefix}fixed-diff`);
  await page.click('#unsafe-fixes');
  await page.click('#tab-findings');

  await loadSample(page, 'syntax-error.json');
  await shot(page, `${prefix}error`, phone, '#results');
  await noSidewaysScroll(page, `${prefix}error`);

  await page.click('#nav-rules');
  await page.fill('#rule-search', 'schema history');
  await page.locator('#rule-list > li:not([hidden]) summary').first().click();
  await page.waitForSelector('#rule-list > li:not([hidden]) details[open] h4');
  await screenshot(page, `${prefix}rules`, { fullPage: !phone });
  await noSidewaysScroll(page, `${prefix}rules`);
  await page.fill('#rule-search', '');
  await page.click('#nav-check');
}

for (const [prefix, viewport, colorScheme] of [
  ['', WIDE, 'light'],
  ['dark-', WIDE, 'dark'],
  ['phone-', PHONE, 'light'],
  ['phone-dark-', PHONE, 'dark'],
]) {
  test(`screenshots: ${prefix || 'wide-'}${colorScheme}`, async () => {
    const session = await openPage(env, { viewport, colorScheme, isMobile: viewport === PHONE, hasTouch: viewport === PHONE, deviceScaleFactor: 1 });
    try {
      if (colorScheme === 'dark') {
        const background = await session.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.equal(background, 'rgb(15, 18, 22)', 'the dark palette follows the system');
      }
      await states(session.page, prefix, viewport);
      assert.deepEqual(session.errors, []);
      assert.deepEqual(session.foreign, []);
    } finally {
      await session.context.close();
    }
  });
}

test('screenshots are where the README says', () => {
  assert.ok(screenshots.endsWith('tests/output/screenshots'));
});
