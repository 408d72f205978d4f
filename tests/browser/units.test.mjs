// The page's pure modules under Node (diff, Markdown, report helpers, what the page says about a
// report), the samples, and the static server's headers. No browser needed.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { diffLines, hunks, splitLines, unifiedDiff } from '../../www/diff.js';
import { HIDDEN_CHARS, parseBlocks, parseInline, revealHidden, safeHref, section } from '../../www/markdown.js';
import {
  bySeverity,
  cliJson,
  exportName,
  groupByConnector,
  jsonText,
  lineStarts,
  offsetOf,
  redactValue,
  reportToMarkdown,
} from '../../www/report.js';
import {
  LIVE_LIMIT,
  countLines,
  detectedText,
  diagnosticOf,
  errorRange,
  errorVerdict,
  findingGroups,
  fixSummary,
  hiddenNote,
  limitGroups,
  fixedName,
  fixedPlaceholder,
  fixActionName,
  formatBytes,
  inputName,
  inputStatusText,
  languageOf,
  liveDelay,
  matchesTerms,
  oneFixOptions,
  parsePolicy,
  routeOf,
  ruleCountText,
  ruleSearchText,
  searchTerms,
  shortUrl,
  tabBadges,
  verdict,
} from '../../www/present.js';
import { CSP, serve } from '../../www/serve.mjs';
import { LONG_LINK, decodeShare, encodeShare, maskMissedSecrets, shareNote, sharePayload } from '../../www/share.js';
import { root, samples, www } from './helpers.mjs';

const apply = (ops) => ops.filter((op) => op.type !== 'del').map((op) => op.text);
const original = (ops) => ops.filter((op) => op.type !== 'add').map((op) => op.text);

test('diff: the script rebuilds both sides and is minimal on small edits', () => {
  const a = 'a\nb\nc\nd\ne\nf\n';
  const b = 'a\nc\nd\nX\ne\nf\nG\n';
  const ops = diffLines(a, b);
  assert.deepEqual(original(ops), splitLines(a));
  assert.deepEqual(apply(ops), splitLines(b));
  assert.equal(ops.filter((op) => op.type !== 'same').length, 3);
  assert.deepEqual(
    ops.filter((op) => op.type !== 'same').map((op) => [op.type, op.text, op.oldLine ?? op.newLine]),
    [['del', 'b', 2], ['add', 'X', 4], ['add', 'G', 7]],
  );
});

test('diff: random edits always rebuild both sides', () => {
  let seed = 42;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let round = 0; round < 200; round++) {
    const a = Array.from({ length: rand(30) }, () => `line ${rand(8)}`);
    const b = a.slice();
    for (let k = rand(6); k > 0; k--) {
      const at = rand(b.length + 1);
      if (rand(2)) b.splice(at, 1);
      else b.splice(at, 0, `new ${rand(5)}`);
    }
    const ops = diffLines(a.join('\n'), b.join('\n'));
    assert.deepEqual(original(ops), splitLines(a.join('\n')));
    assert.deepEqual(apply(ops), splitLines(b.join('\n')));
  }
});

test('diff: a large input with a few changes, and the fallback is still correct', () => {
  const lines = Array.from({ length: 40_000 }, (_, i) => `key.${i}=value ${i}`);
  const changed = lines.slice();
  changed[100] = 'key.100=changed';
  changed.splice(20_000, 1);
  changed.push('added=1');
  const ops = diffLines(lines.join('\n'), changed.join('\n'));
  assert.equal(ops.filter((op) => op.type !== 'same').length, 4);
  const forced = diffLines('a\nb\nc', 'x\ny\nz', { maxEdits: 1 });
  assert.deepEqual(apply(forced), ['x', 'y', 'z']);
  // Past the budget, the linear fallback still finds the lines a fix changed, removed or added.
  const many = lines.slice();
  for (let i = 0; i < many.length; i += 7) many[i] = `key.${i}=fixed`;
  many.splice(30_001, 2);
  many.splice(10_000, 0, 'inserted=1');
  const linear = diffLines(lines.join('\n'), many.join('\n'), { maxEdits: 10 });
  assert.deepEqual(original(linear), lines);
  assert.deepEqual(apply(linear), many);
  const changes = linear.filter((op) => op.type !== 'same').length;
  assert.ok(changes <= 2 * Math.ceil(lines.length / 7) + 3, `${changes} changed lines, not the whole middle`);
  const shown = hunks(ops, 3);
  assert.ok(shown.length < 40, 'unchanged runs are collapsed');
  assert.ok(shown.some((h) => h.type === 'skip' && h.count > 10_000));
});

test('diff: unified output looks like diff -u', () => {
  const ops = diffLines('a\nb\nc\n', 'a\nB\nc\n');
  assert.equal(unifiedDiff(ops, 'a/x', 'b/x'), '--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
  assert.equal(unifiedDiff(diffLines('same', 'same'), 'a', 'b'), '');
});

test('markdown: the block and inline forms the rule docs use', () => {
  const md = [
    '## What it does',
    'Finds things that',
    'protect nothing:',
    '- `s3.sse.enabled`: not a key',
    '  of any sink;',
    '- second',
    '',
    'Use instead:',
    '```properties',
    'a=<b>',
    '```',
    'Ports 9094 and',
    '9098. are TLS',
    '',
    '1. one',
    '2. two',
  ].join('\n');
  assert.deepEqual(parseBlocks(md), [
    { type: 'heading', level: 2, text: 'What it does' },
    { type: 'paragraph', text: 'Finds things that\nprotect nothing:' },
    { type: 'list', ordered: false, start: 1, items: ['`s3.sse.enabled`: not a key of any sink;', 'second'] },
    { type: 'paragraph', text: 'Use instead:' },
    { type: 'code', lang: 'properties', text: 'a=<b>' },
    { type: 'paragraph', text: 'Ports 9094 and\n9098. are TLS' },
    { type: 'list', ordered: true, start: 1, items: ['one', 'two'] },
  ]);
  assert.deepEqual(parseInline('see `a<b>` and <https://x.example/p> or [t](javascript:void) **bold**'), [
    { type: 'text', text: 'see ' },
    { type: 'code', text: 'a<b>' },
    { type: 'text', text: ' and ' },
    { type: 'link', text: 'https://x.example/p', href: 'https://x.example/p' },
    { type: 'text', text: ' or ' },
    { type: 'link', text: 't', href: 'javascript:void' },
    { type: 'text', text: ' ' },
    { type: 'strong', text: 'bold' },
  ]);
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.equal(safeHref('data:text/html,x'), null);
  assert.equal(safeHref('https://docs.aws.amazon.com/x'), 'https://docs.aws.amazon.com/x');
  assert.equal(safeHref('#rules/MSK001'), '#rules/MSK001');
  assert.equal(section('## A\none\n```\n## not a heading\n```\n## B\ntwo', 'A'), 'one\n```\n## not a heading\n```');
  assert.equal(section('## A\none', 'Missing'), '');
});

test('report: secrets in fix values are masked, references are kept', () => {
  const cases = [
    ['connection.url', 'jdbc:mysql://db:3306/app?user=app&password=hunter2&sslMode=VERIFY_IDENTITY', 'jdbc:mysql://db:3306/app?user=app&password=****&sslMode=VERIFY_IDENTITY'],
    ['connection.url', 'https://elastic:hunter2@es.example.com:9200', 'https://elastic:****@es.example.com:9200'],
    ['connection.url', 'https://elastic:${secretsmanager:es:password}@es.example.com', 'https://elastic:${secretsmanager:es:password}@es.example.com'],
    ['connection.url', 'jdbc:sqlserver://db:1433;databaseName=x;password=hunter2;encrypt=true', 'jdbc:sqlserver://db:1433;databaseName=x;password=****;encrypt=true'],
    ['sasl.jaas.config', 'PlainLoginModule required username="u" password="hunter2";', 'PlainLoginModule required username="u" password="****";'],
    ['sasl.jaas.config', 'PlainLoginModule required username="u" password="${file:/s:p}";', 'PlainLoginModule required username="u" password="${file:/s:p}";'],
    ['database.password', '${secretsmanager:db:password}', '${secretsmanager:db:password}'],
    ['database.password', 'hunter2', '****'],
    ['headers', 'Authorization: Bearer abc.def', 'Authorization: ****'],
    ['s3.sse.kms.key.id', 'arn:aws:kms:eu-west-1:1:key/abc', 'arn:aws:kms:eu-west-1:1:key/abc'],
    ['security.protocol', 'SASL_SSL', 'SASL_SSL'],
  ];
  for (const [key, value, expected] of cases) assert.equal(redactValue(key, value), expected, `${key}=${value}`);
});

const REPORT = {
  tool: { name: 'msk-connect-lint', version: '0.1.0' },
  connectors: [{ index: 0, name: 'a<img src=x onerror=alert(1)>', format: 'properties', class: 'x.Y', family: 'jdbc', location: { pointer: '' } }],
  findings: [
    { code: 'MSK103', name: 'n', severity: 'low', category: 'c', message: 'low `a`', help: 'h', connector: 0, key: 'k', pointer: '/k', range: { start: { line: 2, column: 1 }, end: { line: 2, column: 3 } }, fix: { title: 't', applicability: 'unsafe', edits: [{ key: 'connection.url', pointer: '/connection.url', value: 'jdbc:postgresql://h/db?password=hunter2&sslmode=verify-full' }] }, references: [], compliance: [] },
    { code: 'MSK001', name: 'm', severity: 'high', category: 'c', message: 'value <script>alert(1)</script>', help: 'h', connector: 0, key: null, pointer: '/p', range: { start: { line: 5, column: 1 }, end: { line: 5, column: 2 } }, fix: null, remediation: { awsCli: 'aws kafkaconnect create-connector ```' }, references: ['https://example.com'], compliance: ['AWS Security Hub MSK.3'] },
  ],
  suppressed: [],
  summary: { critical: 0, high: 1, medium: 0, low: 1, info: 0 },
  passed: false,
};

test('report: grouping, ordering, JSON export in the CLI shape without secrets', () => {
  const [group] = groupByConnector(REPORT);
  assert.deepEqual(group.findings.map((f) => f.code), ['MSK001', 'MSK103']);
  assert.equal([...REPORT.findings].sort(bySeverity)[0].code, 'MSK001');
  const json = cliJson(REPORT, 'x.properties');
  assert.deepEqual(Object.keys(json), ['tool', 'files', 'summary', 'passed']);
  assert.equal(json.files[0].path, 'x.properties');
  assert.ok(!JSON.stringify(json).includes('hunter2'));
  assert.equal(REPORT.findings[0].fix.edits[0].value.includes('hunter2'), true, 'the input report is not modified');
});

test('report: Markdown export escapes markup and fences code safely', () => {
  const md = reportToMarkdown(REPORT, { path: 'x.properties', failOn: 'high' });
  assert.ok(md.startsWith('# msk-connect-lint report: `x.properties`'));
  assert.match(md, /Result: \*\*fail\*\*/);
  assert.ok(md.indexOf('MSK001') < md.indexOf('MSK103'), 'worst first');
  assert.ok(!md.includes('<script>') && !md.includes('<img'), 'no raw markup from values');
  assert.ok(md.includes('&lt;script&gt;'));
  assert.ok(md.includes('````sh\naws kafkaconnect create-connector ```\n````'));
  assert.ok(!md.includes('hunter2'));
});

test('markdown: finding messages read code spans only, so quoted keys never become links', () => {
  const message = '[fix](https://evil.example/) <https://evil.example/> **b** a\\*b holds `x[y](z)`';
  assert.deepEqual(parseInline(message, { codeOnly: true }), [
    { type: 'text', text: '[fix](https://evil.example/) <https://evil.example/> **b** a\\*b holds ' },
    { type: 'code', text: 'x[y](z)' },
  ]);
  assert.ok(parseInline(message).some((n) => n.type === 'link'), 'the rule docs still get links');
  // The Markdown export escapes the same marks outside code spans.
  const md = reportToMarkdown({ ...REPORT, connectors: [{ ...REPORT.connectors[0], name: '[x](javascript:alert(1)) **b**' }] });
  assert.ok(md.includes('\\[x\\](javascript:alert(1)) \\*\\*b\\*\\*'), md);
});

// Bidi controls and zero-width characters: the escapes the page and the exports show instead.
const HIDDEN = ['\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200d', '\ufeff'];

test('hidden characters: every bidi control and zero-width character becomes a visible escape', () => {
  for (const ch of HIDDEN) {
    const escape = `\\u${ch.charCodeAt(0).toString(16).toUpperCase()}`;
    assert.equal(revealHidden(`a${ch}b`), `a${escape}b`);
    assert.equal(revealHidden(`a${ch}b`).match(HIDDEN_CHARS), null, escape);
  }
  assert.equal(revealHidden('plain.key=value é ü 日本'), 'plain.key=value é ü 日本', 'other text is untouched');
  // JSON exports: the same data after parsing, and no raw hidden character in the file.
  const value = { key: `connection${HIDDEN.join('')}.url`, [`k\u202e`]: 1 };
  const text = jsonText(value);
  assert.equal(text.match(HIDDEN_CHARS), null, text);
  assert.deepEqual(JSON.parse(text), value);
  assert.ok(text.includes('\\u202e') && text.endsWith('}\n'));
  // Markdown: escapes in prose and in code spans alike.
  const md = reportToMarkdown({ ...REPORT, connectors: [{ ...REPORT.connectors[0], name: `orders\u202esink` }] }, { path: 'x\u200b.json' });
  assert.equal(md.match(HIDDEN_CHARS), null);
  assert.ok(md.includes('orders\\u202Esink') && md.includes('`x\\u200B.json`'), md.slice(0, 200));
});

test('report: line and UTF-16 column to offset', () => {
  const text = 'a=1\nüñí=😀x\nlast';
  const starts = lineStarts(text);
  assert.deepEqual(starts, [0, 4, 12]);
  assert.equal(text.slice(offsetOf(text, starts, { line: 2, column: 5 }), offsetOf(text, starts, { line: 2, column: 7 })), '😀');
  assert.equal(offsetOf(text, starts, { line: 9, column: 1 }), 12);
  assert.equal(offsetOf(text, starts, { line: 1, column: 99 }), 3);
  assert.equal(exportName('dir/s3-sink.properties', '.sarif'), 's3-sink.sarif');
  assert.equal(exportName('', '.md'), 'config.md');
  assert.equal(exportName('orders\u202Egnp.exe.json', '.md'), 'orders_gnp.exe.md', 'no hidden character in a download name');
});

test('samples: the manifest lists every file, and the brief examples are exact copies', () => {
  const files = readdirSync(join(www, 'samples')).filter((f) => f !== 'index.json').sort();
  assert.deepEqual(samples.map((s) => s.file).sort(), files);
  for (const s of samples) assert.ok(s.title && s.description, s.file);
  const seeds = join(root, 'tests', 'seed-examples');
  for (const file of readdirSync(seeds).filter((f) => f.endsWith('.properties'))) {
    assert.equal(readFileSync(join(www, 'samples', file), 'utf8'), readFileSync(join(seeds, file), 'utf8'), file);
  }
  const secure = join(root, 'tests', 'fixtures', 'secure', 'debezium-postgres-msk-iam.json');
  assert.equal(readFileSync(join(www, 'samples', 'secure-debezium-postgres-msk-iam.json'), 'utf8'), readFileSync(secure, 'utf8'));
});

test('server: MIME types, the CSP header, no directory escape', async () => {
  const server = await serve({ root: www, port: 0 });
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const expect = {
      '/': 'text/html; charset=utf-8',
      '/app.js': 'text/javascript; charset=utf-8',
      '/ui/findings.js': 'text/javascript; charset=utf-8',
      '/style.css': 'text/css; charset=utf-8',
      '/pkg/msk_connect_lint_bg.wasm': 'application/wasm',
      '/pkg/msk_connect_lint.js': 'text/javascript; charset=utf-8',
      '/samples/index.json': 'application/json; charset=utf-8',
      '/samples/s3-sink.properties': 'text/plain; charset=utf-8',
    };
    for (const [path, type] of Object.entries(expect)) {
      const response = await fetch(base + path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), type, path);
      assert.equal(response.headers.get('content-security-policy'), CSP, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      await response.arrayBuffer();
    }
    assert.equal(CSP, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    for (const path of ['/../Makefile', '/%2e%2e/Makefile', '/..%2fMakefile', '/missing.js']) {
      const response = await fetch(base + path);
      assert.ok([403, 404].includes(response.status), `${path}: ${response.status}`);
      await response.arrayBuffer();
    }
    assert.equal((await fetch(base + '/', { method: 'POST' })).status, 405);
    const html = await (await fetch(base + '/')).text();
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
    assert.equal(meta, CSP.replace("; frame-ancestors 'none'", ''), 'the <meta> policy is the header minus frame-ancestors');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    assert.doesNotMatch(html, /\sstyle=|\son[a-z]+=/i, 'no inline style or handler attributes');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

// --- present.js: what the page says about a report ---------------------------------------

const finding = (code, severity, fix, extra = {}) => ({ code, name: 'n', severity, connector: 0, message: 'm', help: 'h', pointer: '/p', fix, ...extra });
const fixOf = (applicability) => ({ title: 't', applicability, edits: [] });

test('present: the result tabs\' badges count safe fixes, else unsafe ones, never "null"', () => {
  assert.deepEqual(tabBadges(null), { findings: null, fixed: null });
  const withFixes = (...kinds) => ({ ...REPORT, findings: kinds.map((k, i) => finding(`MSK00${i}`, 'high', k && fixOf(k))) });
  // The defect: fixes, none safe, showed "Fixed confignull".
  assert.deepEqual(tabBadges(withFixes('unsafe', 'unsafe', null)), {
    findings: { text: '3' },
    fixed: { text: '2 unsafe', title: 'No safe fix; 2 unsafe fixes with "Include unsafe fixes"' },
  });
  assert.deepEqual(tabBadges(withFixes('unsafe')).fixed.title, 'No safe fix; 1 unsafe fix with "Include unsafe fixes"');
  assert.deepEqual(tabBadges(withFixes('safe', 'unsafe', 'display-only')).fixed, { text: '1 safe', title: '1 safe fix available' });
  assert.deepEqual(tabBadges(withFixes('safe', 'safe')).fixed, { text: '2 safe', title: '2 safe fixes available' });
  assert.deepEqual(tabBadges(withFixes('display-only', null)), { findings: { text: '2' }, fixed: null });
  assert.deepEqual(tabBadges({ ...REPORT, findings: [] }), { findings: { text: '0' }, fixed: null });
});

test('present: verdict wording for each threshold', () => {
  // REPORT: one high, one low, failed.
  assert.deepEqual(verdict(REPORT, 'high'), { className: 'verdict verdict-fail', word: 'Fail', text: ' 2 findings, 1 at or above high (fails on high or worse).' });
  assert.equal(verdict(REPORT, 'low').text, ' 2 findings, 2 at or above low (fails on low or worse).');
  assert.equal(verdict(REPORT, 'critical').text, ' 2 findings (fails on critical).');
  assert.equal(verdict(REPORT, 'info').text, ' 2 findings, 2 at or above info (fails on any finding).');
  assert.equal(verdict(REPORT, 'none').text, ' 2 findings (never fails).');
  const clean = { ...REPORT, findings: [finding('MSK013', 'info', null)], passed: true };
  assert.deepEqual(verdict(clean, 'high'), { className: 'verdict verdict-pass', word: 'Pass', text: ' 1 finding (fails on high or worse).' });
  assert.equal(verdict({ ...clean, findings: [] }, 'high').text, ' No findings (fails on high or worse).');
  assert.equal(errorVerdict({ name: 'InputError', message: 'x', line: 10, column: 5 }), 'The input cannot be read: line 10, column 5.');
  assert.equal(errorVerdict({ name: 'InputError', message: 'x' }), 'The input cannot be read.');
  assert.equal(errorVerdict({ name: 'OptionsError', message: 'x' }), 'The policy or options are invalid.');
  assert.deepEqual(errorRange({ line: 10, column: 5 }), { start: { line: 10, column: 5 }, end: { line: 10, column: 6 } });
  assert.equal(errorRange({ message: 'no position' }), null);
});

test('present: detected formats, and findings grouped by connector, worst first, with their index', () => {
  assert.equal(detectedText(REPORT), 'Detected properties: 1 connector.');
  const two = { ...REPORT, connectors: [REPORT.connectors[0], { ...REPORT.connectors[0], name: '', class: null, family: 'worker', format: 'msk-worker-configuration' }] };
  assert.equal(detectedText(two), 'Detected properties, msk-worker-configuration: 2 connectors.');
  assert.equal(detectedText({ ...REPORT, connectors: [] }), 'No connector found.');
  const groups = findingGroups({ ...two, findings: [...REPORT.findings, finding('MSK999', 'medium', null, { connector: 7 })] });
  assert.deepEqual(
    groups.map((g) => [g.label, g.heading, g.findings.map((f) => [f.finding.code, f.index])]),
    [
      ['a<img src=x onerror=alert(1)>', '2 findings', [['MSK001', 1], ['MSK103', 0]]],
      ['Worker configuration', 'no findings', []],
      ['Other findings', '1 finding', [['MSK999', 2]]],
    ],
  );
});

test('present: a long list of findings is cut at the limit, with the count of those left out', () => {
  const g = (n) => ({ label: `c${n}`, findings: Array.from({ length: n }, (_, i) => i) });
  const cut = limitGroups([g(3), g(0), g(2), g(0), g(1)], 4);
  assert.deepEqual(cut.groups.map((x) => [x.label, x.findings.length, x.more]), [['c3', 3, 0], ['c0', 0, 0], ['c2', 1, 1]]);
  assert.deepEqual([cut.shown, cut.hidden], [4, 2]);
  assert.deepEqual(limitGroups([g(2)], 5).hidden, 0, 'nothing cut under the limit');
  assert.equal(
    hiddenNote({ shown: 200, hidden: 31_476 }),
    'Showing 200 of 31,676 findings: 31,476 more are not shown here, to keep the page responsive. The exports (JSON, SARIF, Markdown) hold all of them.',
  );
  assert.match(hiddenNote({ shown: 1, hidden: 1 }), /^Showing 1 of 2 findings: 1 more is not shown/);
});

test('present: the fix summary and the Fixed config placeholder', () => {
  const remaining = { findings: [finding('MSK001', 'high', fixOf('unsafe')), finding('MSK002', 'low', null)], summary: { critical: 0, high: 1, medium: 0, low: 1, info: 0 }, passed: false };
  assert.deepEqual(fixSummary({ applied: [], remaining, unsafeFixes: false }), {
    headline: 'No fix applies',
    details: '; after them: 1 high, 1 low (still fails). 1 more with unsafe fixes. 1 needs a change outside the file (see the remediation).',
  });
  const applied = [finding('MSK012', 'medium', fixOf('safe')), finding('MSK013', 'info', fixOf('safe'))];
  const clean = { findings: [], summary: { critical: 0, high: 0, medium: 0, low: 0, info: 0 }, passed: true };
  assert.deepEqual(fixSummary({ applied, remaining: clean, unsafeFixes: true }), { headline: '2 fixes applied', details: '; after them: no findings (passes).' });
  assert.equal(fixSummary({ applied: applied.slice(1), remaining, unsafeFixes: true }).details, '; after them: 1 high, 1 low (still fails). 1 needs a change outside the file (see the remediation).');
  assert.equal(fixSummary({ applied: applied.slice(1), remaining, unsafeFixes: true }).headline, '1 fix applied');
  assert.equal(fixedPlaceholder({ fixError: new Error('boom'), inputError: null, report: REPORT }), 'The fixes could not be applied: boom');
  assert.equal(fixedPlaceholder({ inputError: new Error('x'), report: null }), 'Fix the input error first.');
  assert.equal(fixedPlaceholder({ report: REPORT }), 'Applying the fixes…');
  assert.equal(fixedPlaceholder({ report: null }), 'Check a configuration to see it with the fixes applied.');
});

test('present: the policy box, the input status line, names and the rule search', () => {
  const FAIL_ON = ['critical', 'high', 'medium', 'low', 'info', 'none'];
  assert.deepEqual(parsePolicy('  ', FAIL_ON), { options: {} });
  assert.match(parsePolicy('{ nope', FAIL_ON).error, /^The policy is not valid JSON: /);
  assert.equal(parsePolicy('[1]', FAIL_ON).error, 'The policy must be a JSON object.');
  assert.equal(parsePolicy('null', FAIL_ON).error, 'The policy must be a JSON object.');
  assert.deepEqual(parsePolicy('{ "failOn": "low", "exclude": ["x"], "ignore": ["MSK002"] }', FAIL_ON), { options: { ignore: ['MSK002'] }, failOn: 'low' });
  assert.deepEqual(parsePolicy('{ "failOn": "bogus" }', FAIL_ON), { options: {} });

  assert.equal(inputStatusText('', { bytes: 0, live: true }), '');
  assert.equal(inputStatusText('', { bytes: 0, live: true, note: 'n' }), 'n');
  assert.equal(inputStatusText('a=1\nb=ü', { bytes: 8, live: true, note: 'not UTF-8: read as ISO-8859-1' }), '2 lines, 8 B · not UTF-8: read as ISO-8859-1');
  const big = `a=1\n${'x'.repeat(LIVE_LIMIT)}`;
  assert.equal(inputStatusText(big, { bytes: big.length, live: true }), '2 lines, 256.0 KB · live checking pauses above 256 KB: press Check (Ctrl+Enter)');
  assert.equal(inputStatusText(big, { bytes: big.length, live: false }), '2 lines, 256.0 KB');
  assert.deepEqual([formatBytes(1023), formatBytes(1536), formatBytes(3 * 1024 * 1024)], ['1023 B', '1.5 KB', '3.0 MB']);
  assert.deepEqual([countLines(''), countLines('a\nb\n')], [1, 3]);
  assert.deepEqual([liveDelay(10), liveDelay(100_000), liveDelay(10_000_000)], [250, 350, 1000]);

  assert.equal(inputName('s3.properties', null), 's3.properties');
  assert.equal(inputName('', REPORT), 'config.properties');
  assert.equal(inputName('', { connectors: [{ format: 'msk-connect-api' }] }), 'config.json');
  assert.equal(inputName('', null), 'config.json');
  assert.equal(fixedName('dir/s3-sink.properties', null), 's3-sink.fixed.properties');
  assert.equal(fixedName('', null), 'config.fixed.json');
  assert.equal(shortUrl('https://www.example.com/a/b/'), 'example.com/a/b');
  assert.equal(shortUrl('https://docs.example.com/'), 'docs.example.com');
  assert.equal(shortUrl('not a url'), 'not a url');

  assert.deepEqual(routeOf('rules/msk010'), { rules: true, code: 'MSK010' });
  assert.deepEqual(routeOf('rules'), { rules: true, code: '' });
  assert.deepEqual(routeOf('check'), { rules: false, code: '' });
  const text = ruleSearchText({ code: 'MSK102', name: 'jdbc-tls', severity: 'high', category: 'c', summary: 'PostgreSQL sslmode', docs: 'Docs' });
  assert.ok(matchesTerms(text, searchTerms('  SSLMODE msk102 ')));
  assert.ok(!matchesTerms(text, searchTerms('sslmode mongodb')));
  assert.deepEqual(searchTerms('   '), []);
  assert.equal(ruleCountText(3, 40, true), '3 of 40 rules match.');
  assert.equal(ruleCountText(40, 40, false), '40 rules.');
});

test('present: the editor\'s language, from the detected format or else the text', () => {
  const report = (format) => ({ connectors: [{ format }] });
  assert.equal(languageOf('x', report('terraform-hcl')), 'hcl');
  assert.equal(languageOf('x', report('strimzi')), 'yaml');
  assert.equal(languageOf('x', report('mirrormaker2')), 'properties');
  assert.equal(languageOf('{', report('properties')), 'properties');
  assert.equal(languageOf('x', report('msk-connect-api')), 'json');
  assert.equal(languageOf(''), 'text');
  assert.equal(languageOf('  \n\uFEFF[1]'), 'json');
  assert.equal(languageOf('\uFEFF{"a": 1}'), 'json');
  assert.equal(languageOf('# c\nresource "aws_mskconnect_connector" "x" {\n}'), 'hcl');
  assert.equal(languageOf('apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaConnector\n'), 'yaml');
  assert.equal(languageOf('---\na: 1\n'), 'yaml');
  assert.equal(languageOf('connector.class=x\ntopics=t\n'), 'properties');
  assert.equal(languageOf('# only a comment'), 'properties');
  // Java properties may use ":" as the separator: "=" anywhere makes it properties.
  assert.equal(languageOf('connector.class: x\ntopics=t\n'), 'properties');
});

test('present: findings as editor diagnostics, and their fix actions', () => {
  const finding = { code: 'MSK001', name: 'plaintext', severity: 'critical', message: 'uses `PLAINTEXT`', fix: null };
  assert.deepEqual(diagnosticOf(finding), { severity: 'error', markClass: 'cm-sev-critical', source: 'MSK001 plaintext (critical)', message: 'MSK001: uses PLAINTEXT' });
  assert.deepEqual(['critical', 'high', 'medium', 'low', 'info'].map((severity) => diagnosticOf({ ...finding, severity }).severity), ['error', 'error', 'warning', 'info', 'hint']);
  assert.equal(fixActionName(finding), null);
  assert.equal(fixActionName({ ...finding, fix: { applicability: 'safe' } }), 'Apply fix');
  assert.equal(fixActionName({ ...finding, fix: { applicability: 'unsafe' } }), 'Apply unsafe fix');
  assert.equal(fixActionName({ ...finding, fix: { applicability: 'display-only' } }), null);
});

test('present: the options that apply one finding\'s fix, and no other', () => {
  const f = (connector, key, extra = {}) => ({ code: 'MSK021', connector, key, fix: { applicability: 'safe' }, ...extra });
  const report = { connectors: [{ name: 'a' }, { name: null }], findings: [f(0, 'x'), f(0, 'y'), f(1, 'x'), { ...f(0, 'z'), code: 'MSK001' }] };
  const mine = report.findings[0];
  const options = oneFixOptions({ failOn: 'high', ignore: ['MSK002'], select: ['MSK001'], exceptions: [{ rule: 'MSK009', reason: 'r' }] }, mine, report);
  assert.deepEqual(options, {
    failOn: 'high',
    select: ['MSK021'],
    unsafeFixes: false,
    exceptions: [
      { rule: 'MSK009', reason: 'r' },
      { rule: 'MSK021', reason: 'the page applies one fix at a time', key: 'y', connector: 'a' },
      // The unnamed connector's finding on the same key cannot be told apart: no exception.
    ],
  });
  assert.equal(oneFixOptions({}, { ...mine, fix: { applicability: 'unsafe' } }, report).unsafeFixes, true);
  assert.deepEqual(oneFixOptions({}, mine, null).exceptions, []);
});

test('share links: a round trip through the fragment, and damaged links refused', async () => {
  const shared = { text: 'connector.class=x\r\npassword=****\n\u00e9\u{1F600}\n'.repeat(50), format: 'properties', policy: '{"ignore":["MSK002"]}', failOn: 'medium' };
  const payload = await encodeShare(shared);
  assert.match(payload, /^[A-Za-z0-9_-]+$/, 'base64url, nothing a URL would escape');
  assert.ok(payload.length < shared.text.length / 4, 'compressed');
  assert.deepEqual(await decodeShare(payload), shared);
  assert.deepEqual(await decodeShare(await encodeShare({ text: '' })), { text: '', format: 'auto', policy: '', failOn: 'high' });
  await assert.rejects(decodeShare(payload.slice(0, payload.length / 2)), /damaged or cut short/);
  await assert.rejects(decodeShare('a+b/c='), /damaged/);
  assert.equal(sharePayload('#share=abc'), 'abc');
  assert.equal(sharePayload('share='), '');
  assert.equal(sharePayload('#rules/MSK001'), null);
  assert.equal(sharePayload(''), null);
  assert.equal(shareNote({ length: 100, secrets: 1 }), '1 secret value replaced by ****.');
  assert.equal(shareNote({ length: 100, secrets: 0 }), 'No secret values found.');
  assert.match(shareNote({ length: LONG_LINK + 1, secrets: 2 }), /^2 secret values replaced by \*\*\*\*\. The link is 64 KB long/);
});

test('share links: literal secrets the redaction left (MSK120 still finds them) are masked, quotes kept', () => {
  const text = '{\n  "headers": "Authorization: Bearer tok|X: 1",\n  "connection.password": "****",\n  "p": "${DB}"\n}\n';
  const at = (line, from, to) => ({ start: { line, column: from }, end: { line, column: to } });
  const findings = [
    { code: 'MSK120', severity: 'high', range: at(2, 14, 46) },
    { code: 'MSK120', severity: 'high', range: at(3, 26, 32) },
    { code: 'MSK120', severity: 'info', range: at(4, 8, 14) },
    { code: 'MSK100', severity: 'high', range: at(4, 8, 14) },
  ];
  assert.equal(text.split('\n')[1].slice(13, 45), '"Authorization: Bearer tok|X: 1"');
  const out = maskMissedSecrets(text, findings);
  assert.equal(out, '{\n  "headers": "****",\n  "connection.password": "****",\n  "p": "${DB}"\n}\n');
  assert.equal(maskMissedSecrets(out, findings.slice(1)), out, 'masked values and other rules are left alone');
  assert.equal(maskMissedSecrets('k=Bearer tok\n', [{ code: 'MSK120', severity: 'high', range: at(1, 3, 13) }]), 'k=****\n');
});
