// The page in Chromium: every sample, jumping to a finding, the fixed config, the exports (SARIF
// against its schema), the rule catalogue, files, policy, a 1 MB paste and a wasm that fails.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { bySeverity, lineStarts, offsetOf } from '../../www/report.js';
import { afterCheck, editorValue, findSarifSchema, frames, loadSample, openPage, paste, replaceText, root, sampleText, samples, shownCodes, start } from './helpers.mjs';

const require = createRequire(import.meta.url);

/** What each sample must show (codes included, worst first); the page must match the engine exactly. */
const EXPECTED = {
  's3-sink.properties': ['MSK130', 'MSK131'],
  'jdbc-mysql-sink.properties': ['MSK103', 'MSK130'],
  'opensearch-sink.properties': ['MSK130'],
  'worker-config.properties': ['MSK021'],
  'describe-connector-plaintext.json': ['MSK001', 'MSK002'],
  'debezium-postgres-iam-history-plaintext.json': ['MSK010'],
  'connect-distributed-sasl-plaintext.properties': ['MSK011', 'MSK012', 'MSK013'],
  'terraform-msk-connector.tf': ['MSK004'],
  'strimzi-kafkaconnect-and-connector.yaml': ['MSK022'],
  'secure-debezium-postgres-msk-iam.json': [],
};
const FORMAT = {
  's3-sink.properties': 'properties',
  'worker-config.properties': 'msk-worker-configuration',
  'describe-connector-plaintext.json': 'msk-connect-api',
  'debezium-postgres-iam-history-plaintext.json': 'msk-connect-api',
  'terraform-msk-connector.tf': 'terraform-hcl',
  'strimzi-kafkaconnect-and-connector.yaml': 'strimzi',
};

let env;
let session;
before(async () => {
  env = await start();
  session = await openPage(env);
});
after(async () => {
  if (session) {
    assert.deepEqual(session.foreign, [], 'no request left this origin');
    assert.deepEqual(session.errors, [], 'no console error or uncaught exception');
    assert.deepEqual(session.dialogs, []);
  }
  await env?.close();
});

const engine = (page, op, ...args) => page.evaluate(([o, a]) => window.mskConnectLint[o](...a), [op, args]);

// How fast the page loads is measured by `make bench` (tests/browser/bench.mjs), not asserted here:
// timings on a shared machine say little.
test('the page loads with the engine in a worker', async (t) => {
  const again = await openPage(env);
  try {
    t.diagnostic(`ready after ${await again.page.getAttribute('html', 'data-ready-ms')} ms`);
    assert.ok(Number(await again.page.getAttribute('html', 'data-ready-ms')) > 0);
    assert.equal(await again.page.evaluate(() => window.mskConnectLint.where), 'worker');
    assert.match(await again.page.textContent('#version'), /^v\d+\.\d+\.\d+/);
    assert.equal(await again.page.getAttribute('#results', 'data-state'), 'empty');
    assert.deepEqual(again.errors, []);
  } finally {
    await again.context.close();
  }
});

test('every sample in the menu', async () => {
  const { page } = session;
  assert.equal(await page.locator('#samples-list button').count(), samples.length);
  for (const { file } of samples) {
    await loadSample(page, file);
    assert.equal(await page.textContent('#input-name'), file);
    if (file === 'syntax-error.json') continue;
    assert.equal(await page.getAttribute('#results', 'data-state'), 'done', file);
    const report = await engine(page, 'validate', sampleText(file), { failOn: 'high' });
    const expected = EXPECTED[file];
    const shown = await shownCodes(page);
    assert.deepEqual(shown, report.connectors.flatMap((_, i) => report.findings.filter((f) => f.connector === i).sort(bySeverity).map((f) => f.code)), `${file}: page = engine, grouped and worst first`);
    for (const code of expected) assert.ok(shown.includes(code), `${file}: ${code} in ${shown}`);
    if (!expected.length) {
      assert.deepEqual(shown, [], `${file} has no findings`);
      assert.match(await page.textContent('#verdict'), /Pass.*No findings/);
      assert.equal(await page.locator('.clean').count(), report.connectors.length);
    }
    const counts = await page.$$eval('#counts .count', (items) => items.map((li) => li.textContent.trim()));
    assert.deepEqual(counts, ['critical', 'high', 'medium', 'low', 'info'].map((s) => `${report.summary[s]} ${s}`));
    assert.match(await page.textContent('#verdict'), report.passed ? /^Pass/ : /^Fail/);
    const detected = await page.textContent('#detected');
    for (const c of report.connectors) assert.ok(detected.includes(c.format), `${file}: ${detected}`);
    if (FORMAT[file]) assert.ok(detected.includes(FORMAT[file]), `${file}: ${detected}`);
    const chips = await page.$$eval('#connectors li', (items) => items.map((li) => li.textContent));
    assert.equal(chips.length, report.connectors.length);
    report.connectors.forEach((c, i) => {
      assert.ok(chips[i].includes(c.family) && chips[i].includes(c.format), chips[i]);
      if (c.class) assert.ok(chips[i].includes(c.class));
      if (c.name) assert.ok(chips[i].includes(c.name));
    });
  }
});

test('the syntax-error sample shows a located error and marks the line', async () => {
  const { page } = session;
  await loadSample(page, 'syntax-error.json');
  assert.equal(await page.getAttribute('#results', 'data-state'), 'error');
  const error = await page.evaluate((t) => window.mskConnectLint.validate(t).catch((e) => ({ name: e.name, line: e.line, column: e.column })), sampleText('syntax-error.json'));
  assert.deepEqual(error, { name: 'InputError', line: 10, column: 5 });
  assert.match(await page.textContent('#verdict'), /line 10, column 5/);
  assert.match(await page.textContent('#input-error'), /Line 10, column 5: invalid JSON/);
  assert.equal(await page.getAttribute('#editor-wrap', 'data-error-line'), '10');
  await frames(page);
  assert.equal(await page.locator('#editor .cm-error-line').count(), 1);
  assert.equal(await page.locator('#editor .cm-error-line').textContent(), sampleText('syntax-error.json').split('\n')[9]);
  for (const id of ['#export-json', '#export-sarif', '#export-md']) assert.equal(await page.isDisabled(id), true);
  await page.click('#goto-error');
  const caret = await page.$eval('#editor', (e) => {
    const before = e.value.slice(0, e.selectionStart);
    return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n'), focused: document.activeElement === e };
  });
  assert.deepEqual(caret, { line: 10, column: 5, focused: true });
  // Fixing the text clears the error.
  await paste(page, sampleText('syntax-error.json').replace('password}"\n', 'password}",\n').replace('"record_key",', '"record_key"'));
  assert.equal(await page.getAttribute('#results', 'data-state'), 'done');
  assert.equal(await page.getAttribute('#editor-wrap', 'data-error-line'), null);
  assert.equal(await page.locator('#editor .cm-error-line').count(), 0);
});

test('clicking a finding selects its range in the editor and scrolls to it', async () => {
  const { page } = session;
  for (const file of ['s3-sink.properties', 'describe-connector-plaintext.json', 'connect-distributed-sasl-plaintext.properties']) {
    await loadSample(page, file);
    const text = sampleText(file);
    const starts = lineStarts(text);
    const report = await engine(page, 'validate', text);
    const buttons = page.locator('.finding .goto');
    assert.equal(await buttons.count(), report.findings.length);
    for (let i = 0; i < report.findings.length; i++) {
      const button = buttons.nth(i);
      const index = Number(await button.getAttribute('data-finding'));
      const { range } = report.findings[index];
      await button.click();
      await frames(page);
      const got = await page.$eval('#editor', (e) => {
        // The selection's start on screen, inside the editor's scrolled area.
        const range = getSelection().rangeCount ? getSelection().getRangeAt(0).cloneRange() : null;
        range?.collapse(true);
        const rect = range?.getClientRects()[0] ?? range?.getBoundingClientRect();
        const box = e.closest('.cm-scroller').getBoundingClientRect();
        return {
          start: e.selectionStart,
          end: e.selectionEnd,
          focused: document.activeElement === e,
          inView: Boolean(rect) && rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1,
        };
      });
      const start = offsetOf(text, starts, range.start);
      const end = offsetOf(text, starts, range.end);
      if (start === end) {
        const line = range.start.line;
        assert.deepEqual([got.start, got.end], [starts[line - 1], starts[line] - 1], `${file} ${report.findings[index].code}: empty range selects its line`);
      } else {
        assert.deepEqual([got.start, got.end], [start, end], `${file} ${report.findings[index].code}`);
      }
      assert.equal(text.slice(0, got.start).split('\n').length, range.start.line);
      assert.ok(got.focused);
      assert.ok(got.inView, `${file}: line ${range.start.line} is scrolled into view`);
      // Escape goes back to the finding.
      await page.keyboard.press('Escape');
      assert.equal(await page.evaluate(() => document.activeElement.dataset.finding), String(index));
    }
  }
});

test('the fixed config: safe fixes, then unsafe ones, each re-validated by the page engine', async () => {
  const { page } = session;
  for (const file of ['jdbc-mysql-sink.properties', 's3-sink.properties', 'debezium-postgres-iam-history-plaintext.json', 'connect-distributed-sasl-plaintext.properties']) {
    await loadSample(page, file);
    const input = sampleText(file);
    await page.click('#tab-fixed');
    for (const unsafe of [false, true]) {
      if ((await page.isChecked('#unsafe-fixes')) !== unsafe) await page.click('#unsafe-fixes');
      await page.waitForSelector('#panel-fixed[data-state="done"]');
      const fixed = await page.textContent('#fixed-text');
      const expected = await engine(page, 'fix', input, { unsafeFixes: unsafe, failOn: 'high' });
      assert.equal(fixed, expected.output, `${file}: the full text is the engine's output`);
      const applied = await page.$$eval('#fix-summary .applied code', (nodes) => nodes.map((n) => n.textContent));
      assert.deepEqual(applied, expected.applied.map((f) => f.code));
      assert.ok(applied.length > 0, `${file}: something to fix (unsafe: ${unsafe})`);
      const after = await engine(page, 'validate', fixed);
      for (const f of expected.applied) {
        assert.ok(!after.findings.some((g) => g.code === f.code && g.key === f.key && g.pointer === f.pointer), `${file}: ${f.code} ${f.key} is fixed`);
      }
      // The diff: removed and added lines rebuild both texts.
      const rows = await page.$$eval('#fixed-diff tr', (trs) => trs.map((tr) => [tr.className, tr.querySelector('.text')?.textContent ?? null]));
      const dels = rows.filter(([c]) => c === 'diff-del').map(([, t]) => t);
      const adds = rows.filter(([c]) => c === 'diff-add').map(([, t]) => t);
      assert.ok(dels.length + adds.length > 0);
      for (const line of dels) assert.ok(input.split('\n').includes(line), `removed line from the input: ${line}`);
      for (const line of adds) assert.ok(fixed.split('\n').includes(line), `added line in the fixed text: ${line}`);
      if (file === 'jdbc-mysql-sink.properties' && !unsafe) assert.ok(dels.includes('ssl.mode=REQUIRED'));
      if (file === 'jdbc-mysql-sink.properties' && unsafe) assert.ok(adds.some((l) => l.includes('sslMode=VERIFY_IDENTITY')));
      // Copy works (clipboard) and the download is the fixed text.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-fixed')]);
      assert.equal(readFileSync(await download.path(), 'utf8'), fixed);
      assert.match(download.suggestedFilename(), /\.fixed\.(properties|json)$/);
    }
    // The full-text view, then back to the diff and the findings.
    await page.check('input[name="fixed-view"][value="full"]');
    assert.equal(await page.isVisible('#fixed-text'), true);
    assert.equal(await page.isVisible('#fixed-diff'), false);
    await page.check('input[name="fixed-view"][value="diff"]');
    await page.click('#unsafe-fixes');
    await page.click('#tab-findings');
  }
  // "Use as input" puts the fixed text in the editor and checks it.
  await loadSample(page, 's3-sink.properties');
  await page.click('#tab-fixed');
  await page.waitForSelector('#panel-fixed[data-state="done"]');
  await afterCheck(page, () => page.click('#use-fixed'));
  assert.ok(!(await shownCodes(page)).includes('MSK130'));
  assert.equal(await page.isVisible('#panel-findings'), true);
});

test('the result tabs\' badges: counts when there is a report, never "null"', async () => {
  const { page } = session;
  const tabs = () => page.$$eval('#result-tabs [role="tab"]', (nodes) => nodes.map((n) => n.textContent));
  // Fixes, none of them safe: with the default (safe fixes only) none applies.
  const file = 'describe-connector-plaintext.json';
  await loadSample(page, file);
  const report = await engine(page, 'validate', sampleText(file), { failOn: 'high' });
  const unsafe = report.findings.filter((f) => f.fix?.applicability === 'unsafe').length;
  assert.ok(unsafe > 0 && !report.findings.some((f) => f.fix?.applicability === 'safe'), `${file}: unsafe fixes only`);
  assert.deepEqual(await tabs(), [`Findings${report.findings.length}`, `Fixed config${unsafe} unsafe`]);
  if (await page.isChecked('#unsafe-fixes')) await page.click('#unsafe-fixes');
  await page.click('#tab-fixed');
  await page.waitForSelector('#panel-fixed[data-state="done"]');
  const summary = await page.textContent('#fix-summary');
  assert.match(summary, new RegExp(`^No fix applies; .* ${unsafe} more with unsafe fixes\\.`));
  assert.doesNotMatch(summary, /null/);
  await page.click('#tab-findings');
  // A safe fix; no fix at all; no report.
  await loadSample(page, 's3-sink.properties');
  assert.deepEqual(await tabs(), ['Findings2', 'Fixed config1 safe']);
  assert.equal(await page.getAttribute('#tab-fixed .tab-count', 'title'), '1 safe fix available');
  await loadSample(page, 'secure-debezium-postgres-msk-iam.json');
  assert.deepEqual(await tabs(), ['Findings0', 'Fixed config']);
  await afterCheck(page, () => page.click('#clear'));
  assert.deepEqual(await tabs(), ['Findings', 'Fixed config']);
});

test('copy buttons put the text on the clipboard', async () => {
  const { page, context } = session;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  await loadSample(page, 'describe-connector-plaintext.json');
  const report = await engine(page, 'validate', sampleText('describe-connector-plaintext.json'));
  const msk001 = report.findings.find((f) => f.code === 'MSK001');
  const card = page.locator('.finding', { has: page.locator('.code', { hasText: 'MSK001' }) });
  const tabs = card.locator('[role="tab"]');
  assert.deepEqual(await tabs.allTextContents(), ['Console', 'AWS CLI', 'Terraform', 'CloudFormation']);
  await tabs.nth(1).click();
  assert.equal(await tabs.nth(1).getAttribute('aria-selected'), 'true');
  const panel = card.locator('[role="tabpanel"]:not([hidden])');
  assert.equal(await panel.locator('pre').textContent(), msk001.remediation.awsCli);
  await panel.locator('button.copy').click();
  await page.waitForFunction(() => document.getElementById('toast').textContent.includes('copied'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), msk001.remediation.awsCli);
});

test('exports: JSON (the CLI shape), SARIF valid against the 2.1.0 schema, Markdown', async (t) => {
  const { page } = session;
  for (const file of ['describe-connector-plaintext.json', 'connect-distributed-sasl-plaintext.properties', 'secure-debezium-postgres-msk-iam.json']) {
    await loadSample(page, file);
    const report = await engine(page, 'validate', sampleText(file), { failOn: 'high' });
    const base = file.replace(/\.[^.]+$/, '');
    const get = async (id) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
      return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
    };
    const json = await get('#export-json');
    assert.equal(json.name, `${base}.msk-connect-lint.json`);
    const parsed = JSON.parse(json.text);
    assert.equal(parsed.files[0].path, file);
    assert.deepEqual(parsed.files[0].report.findings.map((f) => f.code), report.findings.map((f) => f.code));
    assert.equal(parsed.passed, report.passed);

    const sarif = await get('#export-sarif');
    assert.equal(sarif.name, `${base}.sarif`);
    const log = JSON.parse(sarif.text);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].results.length, report.findings.length);
    const schemaPath = findSarifSchema();
    if (!schemaPath) {
      t.diagnostic('no SARIF 2.1.0 schema under tests/: structure checked only');
    } else {
      const Ajv = require(join(root, 'node_modules', 'ajv'));
      const addFormats = require(join(root, 'node_modules', 'ajv-formats'));
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
      assert.ok(validate(log), `${file}: ${ajv.errorsText(validate.errors)}`);
    }

    const md = await get('#export-md');
    assert.equal(md.name, `${base}.msk-connect-lint.md`);
    assert.match(md.text, new RegExp(`^# msk-connect-lint report: \`${file.replace(/\./g, '\\.')}\``));
    for (const f of report.findings) assert.ok(md.text.includes(`${f.code} `), `${file}: ${f.code} in the Markdown`);
    assert.match(md.text, report.passed ? /\*\*pass\*\*/ : /\*\*fail\*\*/);
  }
});

test('exports and findings never show a secret from the input', async () => {
  const { page } = session;
  const secret = 'hunter2-Sup3rS3cret';
  const text = [
    'connector.class=io.confluent.connect.jdbc.JdbcSinkConnector',
    `connection.url=jdbc:postgresql://db.internal.example.com:5432/app?user=app&password=${secret}&sslmode=require`,
    `connection.password=${secret}`,
    'connection.user=app',
    '',
  ].join('\n');
  await paste(page, text);
  const codes = await shownCodes(page);
  assert.ok(codes.includes('MSK102') && codes.includes('MSK120'), codes.join());
  const panel = await page.textContent('#panel-findings');
  assert.ok(!panel.includes(secret), 'findings panel');
  for (const id of ['#export-json', '#export-sarif', '#export-md']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
    assert.ok(!readFileSync(await download.path(), 'utf8').includes(secret), id);
  }
  assert.match(await page.textContent('#privacy'), /never show secret values/);
});

test('fail-on and the policy box change the verdict and the findings', async () => {
  const { page } = session;
  await loadSample(page, 's3-sink.properties');
  assert.match(await page.textContent('#verdict'), /^Pass/);
  await afterCheck(page, () => page.selectOption('#fail-on', 'low'));
  assert.match(await page.textContent('#verdict'), /^Fail.*2 at or above low/);
  await page.click('#policy summary');
  await afterCheck(page, () => page.fill('#policy-text', '{ "ignore": ["MSK130"], "severity": { "MSK131": "high" } }'));
  assert.deepEqual(await shownCodes(page), ['MSK131']);
  assert.equal(await page.textContent('.finding .badge'), 'high');
  await afterCheck(page, () => page.fill('#policy-text', '{ "exceptions": [{ "rule": "MSK131", "reason": "KMS key set by bucket policy" }] }'));
  assert.match(await page.textContent('.suppressed'), /Suppressed by the policy \(1\).*KMS key set by bucket policy/s);
  await afterCheck(page, () => page.fill('#policy-text', '{ "ignore": ["MSK999"] }'));
  assert.match(await page.textContent('#policy-error'), /MSK999/);
  await afterCheck(page, () => page.fill('#policy-text', '{ nope'));
  assert.match(await page.textContent('#policy-error'), /not valid JSON/);
  await afterCheck(page, () => page.fill('#policy-text', ''));
  await afterCheck(page, () => page.selectOption('#fail-on', 'high'));
  assert.equal(await page.textContent('#policy-error'), '');
});

test('opening, and dropping, a file; a Latin-1 properties file', async () => {
  const { page } = session;
  const dir = tmpdir();
  const latin1 = join(dir, 'caf\u00e9-sink.properties');
  writeFileSync(latin1, Buffer.from('# caf\u00e9\nconnector.class=io.confluent.connect.elasticsearch.ElasticsearchSinkConnector\nconnection.url=http://es.internal.example.com:9200\n', 'latin1'));
  await afterCheck(page, () => page.setInputFiles('#file-input', latin1));
  assert.equal(await page.textContent('#input-name'), 'caf\u00e9-sink.properties');
  assert.match(await page.textContent('#input-status'), /ISO-8859-1/);
  assert.ok((await editorValue(page)).startsWith('# caf\u00e9\n'));
  assert.ok((await shownCodes(page)).includes('MSK110'));

  await afterCheck(page, () =>
    page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      const target = document.getElementById('editor');
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, sampleText('describe-connector-plaintext.json')),
  );
  assert.equal(await page.textContent('#input-name'), 'dropped.json');
  assert.deepEqual((await shownCodes(page)).slice(0, 1), ['MSK001']);
  assert.equal(await page.evaluate(() => document.body.classList.contains('dragging')), false);
});

test('the rule catalogue: every rule, searchable, docs rendered as DOM', async () => {
  const { page } = session;
  const rules = await engine(page, 'rules');
  await page.click('#nav-rules');
  // The view changes on hashchange, a task after the click: wait for it, do not race it.
  await page.waitForSelector('#view-rules:not([hidden])');
  assert.equal(await page.isVisible('#view-check'), false);
  assert.equal(await page.locator('#rule-list > li').count(), rules.length);
  assert.equal(await page.textContent('#rule-count'), `${rules.length} rules.`);
  await page.fill('#rule-search', 'sslmode');
  const visible = await page.$$eval('#rule-list > li:not([hidden])', (items) => items.map((li) => li.dataset.code));
  assert.deepEqual(visible, rules.filter((r) => [r.code, r.name, r.severity, r.category, r.summary, r.docs].join('\n').toLowerCase().includes('sslmode')).map((r) => r.code));
  assert.ok(visible.length > 0 && visible.length < rules.length);
  await page.fill('#rule-search', 'zzqqxx');
  assert.equal(await page.textContent('#rule-count'), `0 of ${rules.length} rules match.`);
  await page.fill('#rule-search', '');
  // A deep link opens the rule and renders its docs (headings, code, links), with no raw Markdown.
  await page.goto(`${env.origin}/#rules/MSK010`);
  await page.waitForSelector('html[data-engine="ready"]');
  const docs = page.locator('#rule-MSK010 details');
  assert.equal(await docs.getAttribute('open'), '');
  await page.waitForSelector('#rule-MSK010 details h4');
  const headings = await docs.locator('h4').allTextContents();
  assert.deepEqual(headings, ['What it does', 'Why is this bad?', 'Example', 'Fix safety', 'References']);
  assert.ok((await docs.locator('pre code').count()) >= 2);
  const links = await docs.locator('a').evaluateAll((as) => as.map((a) => [a.protocol, a.rel, a.target]));
  assert.ok(links.length > 0);
  for (const [protocol, rel, target] of links) assert.deepEqual([protocol, rel, target], ['https:', 'noopener noreferrer', '_blank']);
  const prose = await docs.evaluate((d) => [...d.querySelectorAll('p, li')].map((n) => n.textContent).join('\n'));
  assert.doesNotMatch(prose, /```|^## |<https?:/m);
  assert.equal(await page.evaluate(() => document.activeElement.closest('li')?.id), 'rule-MSK010');
  // From a finding, "All about" leads to the rule.
  await page.click('#nav-check');
  await loadSample(page, 's3-sink.properties');
  await page.locator('.finding .why summary').first().click();
  assert.ok((await page.locator('.finding .why').first().textContent()).length > 100);
  await page.locator('.finding .why a[href="#rules/MSK130"]').first().click();
  await page.waitForSelector('#rule-MSK130');
  assert.equal(await page.evaluate(() => document.activeElement.closest('li')?.id), 'rule-MSK130');
  await page.click('#nav-check');
});

test('a 1 MB paste: live checking pauses, Check works, the page stays responsive', async (t) => {
  const { page } = session;
  const lines = ['connector.class=io.confluent.connect.jdbc.JdbcSinkConnector', 'connection.url=jdbc:mysql://db.internal.example.com:3306/app'];
  for (let i = 0, size = 0; size < 1_050_000; i++) {
    lines.push(`transforms.t${i}.field=some.value.${i}.padding.padding.padding.padding`);
    size += lines[lines.length - 1].length + 1;
  }
  const big = `${lines.join('\n')}\n`;
  const before = Number(await page.getAttribute('#results', 'data-checks'));
  // A real paste from the clipboard (playwright's fill() types into the field, far slower).
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  await page.evaluate((text) => navigator.clipboard.writeText(text), big);
  await replaceText(page, '');
  await page.focus('#editor');
  const started = Date.now();
  await page.keyboard.press('Control+V');
  await page.waitForFunction((n) => document.getElementById('editor').value.length === n, big.length);
  t.diagnostic(`the paste took ${Date.now() - started} ms`);
  await page.waitForTimeout(400);
  assert.equal(Number(await page.getAttribute('#results', 'data-checks')), before, 'no live check above 256 KB');
  assert.match(await page.textContent('#input-status'), /live checking pauses above 256 KB/);
  // The editor holds every line (it draws only those in view): the last line number is the count.
  await page.keyboard.press('Control+End');
  await frames(page);
  // (The first element is the gutter's hidden width gauge, "99999".)
  const numbers = await page.locator('#editor-wrap .cm-lineNumbers .cm-gutterElement').evaluateAll((es) => es.filter((e) => e.style.visibility !== 'hidden').map((e) => e.textContent));
  assert.equal(Math.max(...numbers.map(Number).filter(Number.isFinite)), lines.length + 1);
  assert.ok(numbers.length < 500, `only the lines in view are drawn (${numbers.length})`);
  // Check: the engine works in the worker while the page keeps answering.
  await page.click('#check-now');
  const latencies = [];
  while ((await page.getAttribute('#results', 'data-state')) === 'checking') {
    const t0 = Date.now();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
    latencies.push(Date.now() - t0);
  }
  await page.waitForFunction((n) => Number(document.getElementById('results').dataset.checks) > n, before);
  assert.equal(await page.getAttribute('#results', 'data-state'), 'done');
  // The page kept rendering frames while the worker checked (how fast: `make bench`).
  t.diagnostic(`frames while checking: ${latencies.join(', ')} ms`);
  assert.ok((await shownCodes(page)).includes('MSK101'));
  // Typing at the end of a 1 MB text stays quick.
  await page.focus('#editor');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('x.y=1', { delay: 0 });
  assert.ok((await editorValue(page)).endsWith('x.y=1'));
  await page.click('#clear');
  await page.waitForSelector('#results[data-state="empty"]');
});

test('a wasm that cannot load: a clear message, never a blank page', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await context.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(env.origin);
  await page.waitForSelector('html[data-engine="error"]', { timeout: 15_000 });
  assert.equal(await page.isVisible('#load-error'), true);
  assert.match(await page.textContent('#load-error'), /The checker could not be loaded/);
  assert.match(await page.textContent('#verdict'), /not available/);
  assert.equal(await page.isDisabled('#check-now'), true);
  assert.equal(await page.isVisible('#editor'), true);
  assert.deepEqual(errors, []);
  await context.close();
});
