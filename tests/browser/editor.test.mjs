// The editor (CodeMirror, bundled into www/pkg/codemirror.js) and share links, in Chromium:
// highlighting per format, findings as underlines with gutter marks and hover messages, "Apply
// fix" as one undoable edit, the cursor and the findings pointing at each other, and a share
// link that holds the configuration with its secrets removed. Screenshots (light and dark) go
// to tests/output/screenshots/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { decodeShare, sharePayload } from '../../www/share.js';
import { afterCheck, editorValue, frames, loadSample, openPage, paste, sampleText, screenshot, screenshots, shownCodes, start } from './helpers.mjs';

let env;
let session;
before(async () => {
  mkdirSync(screenshots, { recursive: true });
  env = await start();
  session = await openPage(env);
});
after(async () => {
  assert.deepEqual(session?.errors, [], 'no page errors, no CSP violations');
  assert.deepEqual(session?.foreign, []);
  await session?.context.close();
  await env?.close();
});

const engine = (page, op, ...args) => page.evaluate(([o, a]) => window.mskConnectLint[o](...a), [op, args]);

/** The highlighting classes the editor shows for the text now in it. */
const tokens = (page) => page.$$eval('#editor [class*="tok-"]', (spans) => [...new Set(spans.flatMap((s) => [...s.classList].filter((c) => c.startsWith('tok-'))))].sort());

async function hoverFinding(page, nth = 0) {
  const range = page.locator('#editor .cm-lintRange').nth(nth);
  await range.scrollIntoViewIfNeeded();
  await range.hover();
  await page.waitForSelector('#editor-wrap .cm-tooltip-lint', { timeout: 5_000 });
  return page.locator('#editor-wrap .cm-tooltip-lint');
}

test('the editor highlights JSON, YAML, HCL and properties', async () => {
  const { page } = session;
  await loadSample(page, 'describe-connector-plaintext.json');
  await frames(page);
  assert.ok((await tokens(page)).includes('tok-propertyName'), 'JSON keys');
  assert.ok((await tokens(page)).includes('tok-string'), 'JSON strings');
  await loadSample(page, 's3-sink.properties');
  await frames(page);
  const props = await tokens(page);
  assert.ok(props.includes('tok-comment') || props.includes('tok-definition') || props.includes('tok-propertyName'), `properties: ${props}`);
  await paste(page, 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaConnector\nspec:\n  config:\n    # plaintext\n    connection.url: "jdbc:mysql://db:3306/a"\n');
  await frames(page);
  const yaml = await tokens(page);
  assert.ok(yaml.includes('tok-comment') && yaml.includes('tok-string'), `YAML: ${yaml}`);
  await paste(page, 'resource "aws_mskconnect_connector" "sink" {\n  # plaintext\n  connector_configuration = {\n    "connection.url" = "jdbc:mysql://db:3306/a"\n    "tasks.max" = 1\n  }\n}\n');
  await frames(page);
  const hcl = await tokens(page);
  assert.ok(hcl.includes('tok-keyword') && hcl.includes('tok-comment') && hcl.includes('tok-string') && hcl.includes('tok-number'), `HCL: ${hcl}`);
});

test('findings: underlines at their ranges, severity marks in the gutter, the message on hover', async () => {
  const { page } = session;
  await loadSample(page, 'jdbc-mysql-sink.properties');
  const text = sampleText('jdbc-mysql-sink.properties');
  const report = await engine(page, 'validate', text);
  const ranged = report.findings.filter((f) => f.range);
  assert.ok(ranged.length >= 3);
  await frames(page);
  // One underline per finding with a range (the editor may split one at a line end), and its class names the severity.
  const underlines = await page.$$eval('#editor .cm-lintRange', (spans) => spans.map((s) => ({ text: s.textContent, severity: [...s.classList].find((c) => c.startsWith('cm-sev-')) })));
  for (const f of ranged) {
    assert.ok(underlines.some((u) => u.severity === `cm-sev-${f.severity}`), `${f.code}: an underline marked ${f.severity}`);
  }
  const lines = text.split('\n');
  for (const u of underlines) assert.ok(text.includes(u.text), `underlined text is the config's: ${u.text}`);
  // A gutter mark on each finding's line.
  const marks = await page.$$eval('#editor-wrap .cm-gutter-lint .cm-gutterElement', (els) => els.filter((e) => e.querySelector('.cm-lint-marker')).length);
  assert.equal(marks, new Set(ranged.map((f) => f.range.start.line)).size);
  assert.ok(lines.length > 3);
  // Hover (on a short line, so nothing scrolls sideways): the finding's code and message.
  const nth = underlines.findIndex((u) => u.text.startsWith('/opt/kafka'));
  const tooltip = await hoverFinding(page, nth);
  const shown = await tooltip.textContent();
  const finding = ranged.find((f) => shown.includes(f.message));
  assert.ok(finding, shown);
  assert.ok(shown.startsWith(finding.code), shown);
  assert.equal(lines[finding.range.start.line - 1].split('=')[1], underlines[nth].text);
  await screenshot(page, 'editor-findings');
  await page.mouse.move(5, 5);
});

test('the cursor in a finding\'s range highlights its finding; the finding selects its range', async () => {
  const { page } = session;
  await loadSample(page, 's3-sink.properties');
  const report = await engine(page, 'validate', sampleText('s3-sink.properties'));
  await frames(page);
  assert.equal(await page.locator('.finding.current').count(), 0);
  await page.locator('#editor .cm-lintRange').first().click();
  const current = await page.$$eval('.finding.current', (cards) => cards.map((c) => c.querySelector('.code').textContent));
  assert.ok(current.length >= 1, 'a finding is highlighted');
  const line = await page.$eval('#editor', (e) => e.value.slice(0, e.selectionStart).split('\n').length);
  for (const code of current) assert.ok(report.findings.some((f) => f.code === code && f.range.start.line <= line && line <= f.range.end.line), code);
  assert.equal(await page.getAttribute('.finding.current', 'aria-current'), 'true');
  // Moving out of every range clears it.
  await page.keyboard.press('Control+Home');
  await page.waitForFunction(() => !document.querySelector('.finding.current'));
});

test('"Apply fix" in the editor: one finding fixed as one edit, and one undo restores the text', async () => {
  const { page } = session;
  await loadSample(page, 'worker-config.properties');
  const original = sampleText('worker-config.properties');
  const before = await engine(page, 'validate', original);
  const fixable = before.findings.filter((f) => f.fix?.applicability === 'safe');
  assert.equal(fixable.length, 2, 'two findings of one rule with safe fixes');
  await frames(page);
  const tooltip = await hoverFinding(page, 0);
  const action = tooltip.locator('.cm-diagnosticAction', { hasText: 'Apply fix' });
  assert.equal(await action.count(), 1);
  await afterCheck(page, () => action.click());
  const fixed = await editorValue(page);
  assert.notEqual(fixed, original);
  const after = await engine(page, 'validate', fixed);
  // Only the hovered finding is fixed: the rule's other finding is still there.
  assert.equal(after.findings.filter((f) => f.code === fixable[0].code).length, 1, JSON.stringify(after.findings.map((f) => f.code)));
  assert.equal((await shownCodes(page)).filter((c) => c === fixable[0].code).length, 1);
  await screenshot(page, 'editor-apply-fix');
  // One undo puts the text back as it was.
  await afterCheck(page, async () => {
    await page.focus('#editor');
    await page.keyboard.press('Control+Z');
  });
  assert.equal(await editorValue(page), original);
});

test('a share link holds the configuration with secrets removed, and restores it with the format and policy', async () => {
  const { page } = session;
  const secret = 'hunter2-share-me-not';
  const text = `{\n  "name": "orders-sink",\n  "config": {\n    "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",\n    "connection.url": "jdbc:mysql://db.internal.example.com:3306/app?user=app&password=${secret}",\n    "connection.password": "${secret}",\n    "topics": "orders"\n  }\n}\n`;
  await paste(page, text);
  await page.selectOption('#format', 'kafka-connect-rest');
  await page.click('#policy summary');
  const policy = JSON.stringify({ severity: { MSK101: 'medium' } });
  await afterCheck(page, () => page.fill('#policy-text', policy));
  assert.match(await page.textContent('#share-note'), /replaced by \*\*\*\*/);
  await page.click('#share');
  await page.waitForSelector('#share-result:not([hidden])');
  const url = await page.inputValue('#share-url');
  const { origin, pathname, hash, search } = new URL(url);
  assert.equal(origin + pathname, `${env.origin}/`);
  assert.equal(search, '', 'nothing in the query string: the fragment is never sent');
  assert.ok(!url.includes(secret));
  // What the link holds: the engine's redaction of the text, the format and the policy.
  const held = await decodeShare(sharePayload(hash));
  assert.equal(held.text, await engine(page, 'redact', text, { format: 'kafka-connect-rest' }));
  assert.ok(!held.text.includes(secret) && held.text.includes('"connection.password": "****"') && held.text.includes('password=****'), held.text);
  assert.equal(held.text.split('\n').length, text.split('\n').length, 'the text keeps its shape');
  assert.deepEqual({ format: held.format, policy: held.policy }, { format: 'kafka-connect-rest', policy });
  assert.equal(await page.textContent('#share-preview'), held.text);
  assert.match(await page.textContent('#share-status'), /2 secret values replaced/);
  await page.click('.share-preview summary');
  // The input side: the text with its secret, the link, and what the link holds (secrets removed).
  await page.waitForFunction(() => !document.getElementById('toast').classList.contains('show'), null, { timeout: 10_000 });
  await page.locator('.input-pane').screenshot({ path: join(screenshots, 'share-link-made.png') });

  // Opening the link: a fresh tab restores all three, and checks the text.
  const opened = await openPage(env, { path: `/${hash}` });
  try {
    const p = opened.page;
    await p.waitForFunction(() => Number(document.getElementById('results').dataset.checks) > 0 && document.getElementById('results').dataset.state === 'done');
    assert.equal(await editorValue(p), held.text);
    assert.equal(await p.inputValue('#format'), 'kafka-connect-rest');
    assert.equal(await p.inputValue('#policy-text'), policy);
    assert.equal(await p.textContent('#input-name'), 'shared link');
    const report = await p.evaluate((t) => window.mskConnectLint.validate(t, { format: 'kafka-connect-rest', severity: { MSK101: 'medium' } }), held.text);
    assert.deepEqual([...(await shownCodes(p))].sort(), report.findings.map((f) => f.code).sort());
    assert.ok(report.findings.some((f) => f.code === 'MSK101' && f.severity === 'medium'), 'the policy applies');
    assert.ok((await p.textContent('.finding.sev-medium .code')).includes('MSK101'));
    await screenshot(p, 'share-link-opened');
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.context.close();
  }
});

test('no share link for text the engine cannot read (its secrets could not be found)', async () => {
  const { page } = session;
  await page.selectOption('#format', 'auto');
  await page.fill('#policy-text', '');
  await paste(page, '{ "name": "x", "config": { "connection.password": "hunter2" ');
  await page.click('#share');
  await page.waitForFunction(() => document.getElementById('toast').textContent.startsWith('No link'));
  assert.equal(await page.isHidden('#share-result'), true);
});

test('the editor in the dark palette', async () => {
  const dark = await openPage(env, { colorScheme: 'dark' });
  try {
    const { page } = dark;
    await loadSample(page, 'jdbc-mysql-sink.properties');
    await frames(page);
    const bg = await page.$eval('#editor-wrap .cm-editor', (e) => getComputedStyle(e).backgroundColor);
    assert.equal(bg, 'rgb(13, 17, 23)', 'the editor follows the dark palette');
    const texts = await page.locator('#editor .cm-lintRange').allTextContents();
    await hoverFinding(page, texts.findIndex((t) => t.startsWith('/opt/kafka')));
    await screenshot(page, 'dark-editor-findings');
    assert.deepEqual(dark.errors, []);
  } finally {
    await dark.context.close();
  }
});
