// Keyboard only: from the top of the page to the editor, a sample from the menu, a finding and
// back, the remediation tabs and their copy button, the fix toggle, a download, an export, the
// rule catalogue. Every stop shows a visible focus indicator.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, start } from './helpers.mjs';

let env;
let session;
before(async () => {
  env = await start();
  session = await openPage(env);
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
});
after(async () => {
  if (session) {
    assert.deepEqual(session.errors, []);
    assert.deepEqual(session.foreign, []);
  }
  await env?.close();
});

const active = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return { id: e.id, tag: e.tagName.toLowerCase(), role: e.getAttribute('role'), text: e.textContent.trim().slice(0, 60), finding: e.dataset.finding ?? null };
  });

/** Whether the focused element shows a focus indicator (its outline, or its editor frame's). */
const focusVisible = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    const visible = (node) => {
      const s = getComputedStyle(node);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    };
    if (e.id === 'editor') return visible(e.closest('.editor'));
    const label = e.closest('label');
    if (e.type === 'radio' && label) return visible(label) || getComputedStyle(label).outlineStyle !== 'none';
    return visible(e);
  });

/** Presses Tab (or Shift+Tab) until `match` holds for the focused element; fails after `max`. */
async function tabTo(page, match, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await active(page);
    if (match(now)) {
      assert.ok(await focusVisible(page), `focus is visible on ${JSON.stringify(now)}`);
      return now;
    }
  }
  throw new Error(`not reached with ${back ? 'Shift+Tab' : 'Tab'} in ${max} steps`);
}

const waitChecked = (page, n) => page.waitForFunction((k) => Number(document.getElementById('results').dataset.checks) > k && document.getElementById('results').dataset.state !== 'checking', n);
const checks = (page) => page.$eval('#results', (r) => Number(r.dataset.checks));

test('a keyboard-only walk through the page', async () => {
  const { page } = session;
  // The first Tab stop is the skip link; it takes you to the editor.
  await page.keyboard.press('Tab');
  assert.equal((await active(page)).text, 'Skip to the editor');
  assert.ok(await focusVisible(page));
  await page.keyboard.press('Enter');
  assert.equal((await active(page)).id, 'editor');
  assert.ok(await focusVisible(page));

  // Back to the Samples button, open the menu, pick the describe-connector sample.
  await tabTo(page, (a) => a.id === 'samples-button', { back: true });
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#samples-button', 'aria-expanded'), 'true');
  let now = await active(page);
  assert.equal(now.tag, 'button');
  assert.ok(await focusVisible(page));
  for (let i = 0; i < 10 && !(await active(page)).text.startsWith('MSK Connect describe-connector'); i++) await page.keyboard.press('ArrowDown');
  assert.match((await active(page)).text, /^MSK Connect describe-connector/);
  const before = await checks(page);
  await page.keyboard.press('Enter');
  await waitChecked(page, before);
  assert.equal(await page.textContent('#input-name'), 'describe-connector-plaintext.json');
  assert.equal(await page.getAttribute('#samples-button', 'aria-expanded'), 'false');
  assert.equal((await active(page)).id, 'editor', 'the loaded sample is ready to edit');

  // Escape closes the menu and returns to its button.
  await tabTo(page, (a) => a.id === 'samples-button', { back: true });
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getAttribute('#samples-button', 'aria-expanded'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await page.getAttribute('#samples-button', 'aria-expanded'), 'false');
  assert.equal((await active(page)).id, 'samples-button');

  // Forward to the first finding's line button; Enter selects the line in the editor; Escape returns.
  now = await tabTo(page, (a) => a.finding !== null);
  assert.match(now.text, /^Line \d+, column \d+$/);
  const line = Number(/Line (\d+)/.exec(now.text)[1]);
  await page.keyboard.press('Enter');
  const caret = await page.$eval('#editor', (e) => ({ focused: document.activeElement === e, line: e.value.slice(0, e.selectionStart).split('\n').length, selected: e.selectionEnd > e.selectionStart }));
  assert.deepEqual(caret, { focused: true, line, selected: true });
  await page.keyboard.press('Escape');
  assert.equal((await active(page)).finding, now.finding);

  // Why it matters opens with Enter.
  await tabTo(page, (a) => a.tag === 'summary' && a.text === 'Why it matters');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.parentElement.open), true);

  // The remediation tabs: arrow keys move between them, Tab reaches the copy button.
  now = await tabTo(page, (a) => a.role === 'tab' && a.text === 'Console');
  await page.keyboard.press('ArrowRight');
  now = await active(page);
  assert.deepEqual([now.role, now.text], ['tab', 'AWS CLI']);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-selected')), 'true');
  await page.keyboard.press('End');
  assert.equal((await active(page)).text, 'CloudFormation');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  now = await tabTo(page, (a) => a.text === 'Copy');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('toast').textContent.includes('AWS CLI remediation copied'));
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^aws kafkaconnect create-connector/);

  // Back to the result tabs: the Fixed config tab, the unsafe-fixes switch, a download.
  await tabTo(page, (a) => a.id === 'tab-findings', { back: true });
  await page.keyboard.press('ArrowRight');
  assert.equal((await active(page)).id, 'tab-fixed');
  assert.equal(await page.isVisible('#panel-fixed'), true);
  await tabTo(page, (a) => a.id === 'unsafe-fixes');
  await page.keyboard.press('Space');
  assert.equal(await page.isChecked('#unsafe-fixes'), true);
  await page.waitForSelector('#panel-fixed[data-state="done"]');
  assert.match(await page.textContent('#fix-summary'), /[2-9] fixes applied.*MSK001/);
  await tabTo(page, (a) => a.id === 'download-fixed');
  const [fixed] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(fixed.suggestedFilename(), 'describe-connector-plaintext.fixed.json');
  // The full-text view through the radio group.
  await tabTo(page, (a) => a.tag === 'input' && a.id === '', { back: true });
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.isVisible('#fixed-text'), true);

  // Export the report.
  await tabTo(page, (a) => a.id === 'export-sarif', { back: true });
  const [sarif] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(sarif.suggestedFilename(), 'describe-connector-plaintext.sarif');

  // Ctrl+Enter checks again from anywhere.
  const n = await checks(page);
  await page.keyboard.press('Control+Enter');
  await waitChecked(page, n);

  // The rule catalogue: its link, the search box, a rule's documentation.
  await tabTo(page, (a) => a.id === 'nav-rules', { back: true, max: 120 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'rules-heading');
  await tabTo(page, (a) => a.id === 'rule-search');
  await page.keyboard.type('mongodb');
  await tabTo(page, (a) => a.tag === 'summary' && a.text === 'Documentation');
  await page.keyboard.press('Enter');
  // The docs render on the details' toggle event, which fires after the key press.
  await page.waitForFunction(() => document.activeElement.parentElement.open && document.activeElement.parentElement.querySelectorAll('h4').length >= 4);
  await tabTo(page, (a) => a.id === 'nav-check', { back: true, max: 120 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'editor');
});
