// The page's own safety: input that looks like markup stays text and runs nothing, in every view
// and export and through share links; hidden characters (bidi, zero-width) show as escapes; the
// CSP is in force; and a full session makes no request to any other origin, and none after
// loading except the samples it is asked for.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { HIDDEN_CHARS, revealHidden } from '../../www/markdown.js';
import { decodeShare, sharePayload } from '../../www/share.js';
import { afterCheck, editorValue, frames, loadSample, openPage, paste, samples, shownCodes, start, tooltipTexts } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const IMG = '<img src=x onerror="window.__pwned=(window.__pwned||0)+1;alert(1)">';
const SCRIPT = '<script>window.__pwned=(window.__pwned||0)+1;alert(2)</script>';
const SVG = '<svg onload="alert(3)"><a href="javascript:alert(4)">x</a></svg>';

/** Markup in every place a user controls: names, classes, keys, URLs that messages quote. */
const HOSTILE = JSON.stringify(
  [
    {
      name: `orders ${IMG}`,
      config: {
        'connector.class': `io.confluent.connect.elasticsearch.ElasticsearchSinkConnector`,
        'connection.url': `http://es.example.com:9200/${IMG}${SCRIPT}`,
        'connection.username': 'elastic',
        'connection.password': `${SCRIPT}`,
        [`ssl.ignore.validity`]: `${SVG}`,
        [`transforms.${IMG}`]: SCRIPT,
      },
    },
    {
      name: `${SCRIPT}`,
      config: {
        'connector.class': `com.example.${SVG}`,
        'schema.registry.url': `http://registry:8081/${IMG}`,
        'producer.override.bootstrap.servers': `kafka:9092,${IMG}`,
      },
    },
  ],
  null,
  2,
);

/** The page's own scripts (www/index.html), the only ones there may be. */
const PAGE_SCRIPTS = ['engine-boot.js', 'app.js'];

async function assertInert(page, what) {
  const state = await page.evaluate(() => ({
    pwned: window.__pwned ?? 0,
    imgs: document.querySelectorAll('img').length,
    svgs: document.querySelectorAll('svg').length,
    scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    handlers: [...document.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => /^on/i.test(a.name))).length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => !/^(https?:|mailto:|blob:)/.test(a.href) && !a.getAttribute('href').startsWith('#')).length,
  }));
  assert.deepEqual(state, { pwned: 0, imgs: 0, svgs: 0, scripts: PAGE_SCRIPTS, handlers: 0, jsLinks: 0 }, what);
}

test('markup in a configuration is shown as text and runs nothing', async () => {
  const session = await openPage(env);
  const { page, dialogs } = session;
  try {
    await paste(page, HOSTILE);
    assert.equal(await page.getAttribute('#results', 'data-state'), 'done');
    const codes = await shownCodes(page);
    for (const code of ['MSK110', 'MSK120', 'MSK130']) assert.ok(codes.includes(code), `${code} in ${codes}`);
    // The markup is there, as text.
    const text = await page.textContent('#results');
    assert.ok(text.includes('<img src=x onerror='), 'the connector name is shown literally');
    assert.ok(text.includes('<script>') || text.includes(SCRIPT.slice(0, 20)), 'the script tag is shown literally');
    await page.locator('.finding .why summary').first().click();
    await assertInert(page, 'findings');
    // The fixed config (diff and full text) and the rule catalogue.
    await page.click('#tab-fixed');
    await page.click('#unsafe-fixes');
    await page.waitForSelector('#panel-fixed[data-state="done"]');
    assert.ok((await page.textContent('#fixed-diff')).includes('<img src=x'));
    await page.check('input[name="fixed-view"][value="full"]');
    await assertInert(page, 'fixed config');
    // Exports render it as text too.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
    const md = readFileSync(await download.path(), 'utf8');
    assert.ok(!/<img|<script|<svg/i.test(md.replace(/`[^`]*`/g, '')), 'no markup outside code spans in the Markdown');
    // A syntax error quoting markup, a file named like markup, a policy reason with markup.
    await paste(page, `{ "name": "${IMG.replace(/"/g, "'")}", "config": { ${SCRIPT} } }`);
    assert.equal(await page.getAttribute('#results', 'data-state'), 'error');
    await afterCheck(page, () =>
      page.evaluate((name) => {
        const data = new DataTransfer();
        data.items.add(new File(['connector.class=io.confluent.connect.s3.S3SinkConnector\ns3.sse.enabled=true\n'], name));
        document.getElementById('editor').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, `${IMG}.properties`),
    );
    assert.equal(await page.textContent('#input-name'), `${IMG}.properties`);
    await page.click('#policy summary');
    await afterCheck(page, () => page.fill('#policy-text', JSON.stringify({ exceptions: [{ rule: 'MSK130', reason: IMG }] })));
    assert.ok((await page.textContent('.suppressed')).includes(IMG));
    await page.click('#nav-rules');
    await page.fill('#rule-search', IMG);
    await assertInert(page, 'everything');
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(session.errors, []);
    assert.deepEqual(session.foreign, [], 'the img src=x was never fetched');
    assert.ok(!session.requests.some((url) => /\/x$/.test(url)));
  } finally {
    await session.context.close();
  }
});

test('the Content-Security-Policy is in force: no inline script, no foreign connection', async () => {
  const session = await openPage(env);
  const { page } = session;
  try {
    const response = await page.goto(env.origin);
    await page.waitForSelector('html[data-engine="ready"]');
    const csp = response.headers()['content-security-policy'];
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(csp, /frame-ancestors 'none'/);
    const violations = await page.evaluate(async () => {
      const seen = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.body.append(script);
      const div = document.createElement('div');
      div.setAttribute('style', 'color: red');
      document.body.append(div);
      let fetchError = null;
      try {
        await fetch('https://example.com/exfiltrate');
      } catch (error) {
        fetchError = error.name;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { seen: seen.sort(), inline: window.__inline ?? null, fetchError, red: getComputedStyle(div).color };
    });
    assert.equal(violations.inline, null, 'inline script blocked');
    assert.equal(violations.fetchError, 'TypeError', 'foreign fetch blocked');
    assert.notEqual(violations.red, 'rgb(255, 0, 0)', 'inline style attribute blocked');
    assert.ok(violations.seen.includes('script-src-elem') && violations.seen.includes('connect-src'), violations.seen.join());
  } finally {
    await session.context.close();
  }
});

test('a full session makes no request to another origin, and none after loading but samples', async () => {
  const session = await openPage(env);
  const { page, requests } = session;
  try {
    const atLoad = requests.length;
    for (const { file } of samples) {
      await loadSample(page, file);
      if ((await page.getAttribute('#results', 'data-state')) !== 'done') continue;
      for (const summary of await page.locator('.finding .why summary').all()) await summary.click();
      for (const tab of await page.locator('.remediation [role="tab"]').all()) await tab.click();
      for (const link of await page.locator('.finding .goto').all()) await link.click();
      await page.click('#tab-fixed');
      await page.click('#unsafe-fixes');
      await page.waitForSelector('#panel-fixed[data-state="done"]');
      await page.click('#unsafe-fixes');
      await page.click('#tab-findings');
      for (const id of ['#export-json', '#export-sarif', '#export-md']) {
        await Promise.all([page.waitForEvent('download'), page.click(id)]);
      }
    }
    await page.click('#nav-rules');
    for (const summary of await page.locator('#rule-list summary').all()) await summary.click();
    await page.fill('#rule-search', 'tls');
    await page.click('#nav-check');
    await page.waitForTimeout(300);
    assert.deepEqual(session.foreign, []);
    const paths = [...new Set(requests.map((url) => new URL(url).pathname))].sort();
    for (const path of paths) {
      assert.match(path, /^\/(|[\w-]+\.(js|css|svg)|ui\/[\w-]+\.js|pkg\/(msk_connect_lint(\.js|_bg\.wasm)|codemirror\.js)|samples\/[\w.-]+)$/, path);
    }
    const later = requests.slice(atLoad).map((url) => new URL(url).pathname);
    for (const path of later) assert.match(path, /^\/(samples\/[\w.-]+|favicon\.svg)$/, `after load: ${path}`);
    assert.deepEqual(session.errors, []);
  } finally {
    await session.context.close();
  }
});

// --- Payloads: each one in keys and in values, through the editor, into every view and export.

/** Every payload bumps window.__pwned if it ever runs; none may. */
const RUN = 'window.__pwned=(window.__pwned||0)+1';
const PAYLOADS = {
  img: `<img src=x onerror="${RUN}">`,
  script: `<script>${RUN}</script>`,
  textarea: `</textarea><img src=x onerror=${RUN}>`,
  breaker: `"'><img src=x onerror=${RUN}>`,
  jsUrl: `javascript:${RUN}`,
  svg: `<svg onload="${RUN}"></svg>`,
  svgLink: `<svg><a xlink:href="javascript:${RUN}"><text>x</text></a></svg>`,
  mdLink: `[fix it](javascript:${RUN})`,
  bidi: 'rev\u202Eexe.\u2066iso\u2067rtl\u2068fsi\u2069end',
  zeroWidth: 'pass\u200Bwo\u200Drd\uFEFF',
};
const LONG_KEY = `${'k'.repeat(100_000)}.password`;

/**
 * One REST body with a connector per payload: the payload in the connector's name, in a URL (a
 * fix rewrites it), in a secret-named key (the message quotes the key) and in a duplicated key's
 * value (the message quotes the values); a JDBC URL that is the payload itself; a 100 000
 * character key. Duplicate keys are written by hand (JSON.stringify cannot).
 */
function hostileJson() {
  const connectors = Object.entries(PAYLOADS).map(([id, p], i) => ({
    name: `c${i} ${p}`,
    config: {
      'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
      'connection.url': `jdbc:postgresql://db${i}.example.com:5432/${p}?sslmode=disable`,
      [`${p}.password`]: `not-a-secret-${id}`,
      topics: 'orders',
      'topics\u0000dup': p,
    },
  }));
  connectors.push({ name: 'url is the payload', config: { 'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector', 'connection.url': PAYLOADS.jsUrl } });
  connectors.push({ name: 'long key', config: { 'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector', 'connection.url': 'jdbc:mysql://db.example.com:3306/app', [LONG_KEY]: 'x' } });
  return JSON.stringify(connectors, null, 2).replace(/"topics\\u0000dup"/g, '"topics"');
}

/** The same payloads in a .properties connector: keys escaped as Java reads them. */
function hostileProperties() {
  const key = (k) => k.replace(/[\\ =:#!]/g, '\\$&');
  const lines = ['connector.class=io.confluent.connect.jdbc.JdbcSinkConnector', 'connection.url=jdbc:postgresql://db.example.com:5432/app?sslmode=disable', 'topics=orders'];
  for (const [id, p] of Object.entries(PAYLOADS)) lines.push(`${key(`${p}.password`)}=not-a-secret-${id}`, `topics=${p}`);
  return `${lines.join('\n')}\n`;
}

/** Records CSP violations from the first script on (an init script is no inline script). */
async function watchCsp(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** Nothing ran, nothing active was created, the CSP was never tested. */
async function assertNothingRan(page, what) {
  const state = await page.evaluate((pageScripts) => {
    const all = [...document.querySelectorAll('*')];
    // CodeMirror puts an empty <img> (no src) next to its widgets, such as the hidden-character marks.
    const isWidgetBuffer = (n) => n.localName === 'img' && n.className === 'cm-widgetBuffer' && !n.hasAttribute('src') && n.closest('.cm-content');
    return {
      pwned: window.__pwned ?? 0,
      csp: window.__csp ?? ['no CSP watcher'],
      active: all.filter((n) => /^(img|svg|iframe|object|embed|frame|form|base|meta|link|style|script|textarea|math)$/i.test(n.localName) && !n.closest('head') && !(n.localName === 'textarea' && n.id === 'policy-text') && !(n.localName === 'script' && pageScripts.includes(n.getAttribute('src'))) && !isWidgetBuffer(n)).map((n) => n.localName),
      handlers: all.filter((n) => [...n.attributes].some((a) => /^on/i.test(a.name))).map((n) => n.localName),
      jsAttributes: all.filter((n) => [...n.attributes].some((a) => /^\s*javascript:/i.test(a.value) || /href$/i.test(a.name) && !n.closest('head') && !/^(https?:|mailto:|blob:|#)/i.test(a.value))).map((n) => n.outerHTML.slice(0, 80)),
      scripts: [...document.scripts].map((x) => x.getAttribute('src')),
    };
  }, PAGE_SCRIPTS);
  assert.deepEqual(state, { pwned: 0, csp: [], active: [], handlers: [], jsAttributes: [], scripts: PAGE_SCRIPTS }, what);
}


async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync(await download.path(), 'utf8');
}

/** Markdown outside code spans (any fence length). */
const outsideCode = (md) => md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/(`+)[^`]+?\1/g, '');

/** The elements under `selector` whose own text holds a raw hidden character. */
const hiddenTextNodes = (page, selector) =>
  page.$eval(selector, (root, source) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (new RegExp(source).test(n.data)) found.push(`${n.parentElement.className || n.parentElement.localName}: ${n.data.slice(0, 60)}`);
    return found;
  }, HIDDEN_CHARS.source);

/** How far the page scrolls sideways (a long key must wrap, not widen it). */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** What a payload looks like where the page shows it: hidden characters as escapes. */
const shownAs = (p) => revealHidden(p);
const hasHidden = (text) => new RegExp(HIDDEN_CHARS.source).test(text);

test('payloads in keys and values, in JSON and in .properties: shown as text everywhere, and nothing runs', async () => {
  for (const [format, text] of [['json', hostileJson()], ['properties', hostileProperties()]]) {
    const session = await openPage(env, { viewport: { width: 1400, height: 900 } });
    const { page, dialogs } = session;
    try {
      await watchCsp(session.context);
      await page.reload();
      await page.waitForSelector('html[data-engine="ready"]');
      await paste(page, text);
      assert.equal(await editorValue(page), text, `${format}: the editor holds the text as pasted`);
      assert.equal(await page.getAttribute('#results', 'data-state'), 'done', format);
      // Findings list: every payload is there, as text (hidden characters as escapes).
      const findings = await page.textContent('#results');
      for (const [id, p] of Object.entries(PAYLOADS)) assert.ok(findings.includes(shownAs(p)), `${format}: ${id} in the findings as text`);
      assert.deepEqual(await hiddenTextNodes(page, '#results'), [], `${format}: no raw hidden character in the findings`);
      if (format === 'json') {
        assert.ok(findings.includes(LONG_KEY), 'the 100 000 character key is shown whole');
        const px = await sideways(page);
        assert.ok(px <= 0, `the long key wraps: the page scrolls ${px} px sideways`);
      }
      for (const summary of await page.locator('.finding .why summary').all()) await summary.click();
      await assertNothingRan(page, `${format}: findings`);
      // Editor tooltips: each underline's message, the payloads as text.
      const tips = (await tooltipTexts(page)).join('\n');
      for (const id of ['img', 'script', 'svgLink', 'mdLink', 'bidi']) assert.ok(tips.includes(shownAs(PAYLOADS[id])), `${format}: ${id} in a tooltip`);
      assert.ok(!hasHidden(tips), `${format}: no raw hidden character in the tooltips`);
      await assertNothingRan(page, `${format}: tooltips`);
      // Fixed config: the diff, then the full text (unsafe fixes too).
      await page.click('#tab-fixed');
      await page.click('#unsafe-fixes');
      await page.waitForSelector('#panel-fixed[data-state="done"]');
      // The texts hold the payloads as written: JSON-escaped in the JSON input.
      const written = (p) => shownAs(format === 'json' ? JSON.stringify(p).slice(1, -1) : p);
      const diff = await page.textContent('#fixed-diff');
      for (const [id, p] of Object.entries(PAYLOADS)) assert.ok(diff.includes(written(p)), `${format}: diff: ${id}`);
      await page.check('input[name="fixed-view"][value="full"]');
      assert.ok((await sideways(page)) <= 0, `${format}: the fixed config tab does not widen the page`);
      const full = await page.textContent('#fixed-text');
      for (const [id, p] of Object.entries(PAYLOADS)) assert.ok(full.includes(written(p)), `${format}: full text: ${id}`);
      assert.deepEqual(await hiddenTextNodes(page, '#panel-fixed'), [], `${format}: no raw hidden character in the fixed config`);
      await assertNothingRan(page, `${format}: fixed config`);
      await page.check('input[name="fixed-view"][value="diff"]');
      await page.click('#unsafe-fixes');
      await page.click('#tab-findings');
      // Exports: Markdown has no markup or link outside code spans; JSON and SARIF keep the payloads as data.
      const md = await downloadText(page, '#export-md');
      const prose = outsideCode(md);
      assert.ok(!/<\/?(img|script|svg|textarea|a)\b/i.test(prose), `${format}: no tag outside code spans in the Markdown`);
      assert.ok(!/(^|[^\\])\]\(javascript:/i.test(prose) && !/(^|[^\\])\[fix it/.test(prose), `${format}: no link syntax in the Markdown`);
      assert.ok(!hasHidden(md) && md.includes('\\u202E'), `${format}: hidden characters escaped in the Markdown`);
      for (const [id, selector] of [['JSON', '#export-json'], ['SARIF', '#export-sarif']]) {
        const file = await downloadText(page, selector);
        assert.ok(!hasHidden(file), `${format}: ${id} writes hidden characters as escapes`);
        const data = JSON.stringify(JSON.parse(file));
        for (const [pid, p] of Object.entries(PAYLOADS)) assert.ok(data.includes(JSON.stringify(p).slice(1, -1)), `${format}: ${id} keeps ${pid} as data`);
      }
      await assertNothingRan(page, `${format}: exports`);
      // Share link: made, shown, then opened in a fresh tab, which renders it all as text too.
      await page.click('#share');
      await page.waitForSelector('#share-result:not([hidden])');
      const url = await page.inputValue('#share-url');
      assert.ok(!hasHidden(await page.textContent('#share-preview')), `${format}: share preview`);
      const held = await decodeShare(sharePayload(new URL(url).hash));
      for (const [id, p] of Object.entries(PAYLOADS)) assert.ok(held.text.includes(format === 'json' ? JSON.stringify(p).slice(1, -1) : p), `${format}: the link holds ${id}`);
      await assertNothingRan(page, `${format}: share link`);
      const opened = await openPage(env, { path: `/${new URL(url).hash}` });
      try {
        await watchCsp(opened.context);
        await opened.page.reload();
        await opened.page.waitForFunction(() => Number(document.getElementById('results').dataset.checks) > 0 && document.getElementById('results').dataset.state === 'done');
        const shared = await opened.page.textContent('#results');
        for (const [id, p] of Object.entries(PAYLOADS)) assert.ok(shared.includes(shownAs(p)), `${format}: opened link shows ${id}`);
        await assertNothingRan(opened.page, `${format}: opened share link`);
        assert.deepEqual([opened.errors, opened.dialogs, opened.foreign], [[], [], []]);
      } finally {
        await opened.context.close();
      }
      assert.deepEqual(dialogs, [], `${format}: no dialog opened`);
      assert.deepEqual(session.errors, [], format);
      assert.deepEqual(session.foreign, [], `${format}: no request left 127.0.0.1`);
      assert.ok(!session.requests.some((u) => /\/x$/.test(new URL(u).pathname)), `${format}: img src=x never fetched`);
    } finally {
      await session.context.close();
    }
  }
});

test('hidden characters in keys and values show as marked escapes, in the editor, findings, tooltips, fixed config and exports', async () => {
  const session = await openPage(env);
  const { page } = session;
  // A secret key with U+202E, a key that looks like `topics` (U+200B) given twice, and the other
  // bidi and zero-width characters in the name and values.
  const text = [
    '{',
    '  "name": "orders\u2066sink\u2067x\u2068y\u2069",',
    '  "config": {',
    '    "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",',
    '    "connection.url": "jdbc:postgresql://db.example.com:5432/app\u200D?sslmode=disable",',
    '    "connection\u202E.password": "hunter2",',
    '    "topics\u200B": "a\uFEFF",',
    '    "topics\u200B": "b"',
    '  }',
    '}',
    '',
  ].join('\n');
  const escapes = ['\\u2066', '\\u2067', '\\u2068', '\\u2069', '\\u200D', '\\u202E', '\\u200B', '\\uFEFF'];
  try {
    await paste(page, text);
    assert.equal(await editorValue(page), text, 'the editor keeps the characters');
    // The editor marks every one of them (CodeMirror's special-character widgets).
    await frames(page);
    const marked = await page.$$eval('#editor .cm-specialChar', (nodes) => nodes.map((n) => n.title));
    assert.equal(marked.length, (text.match(HIDDEN_CHARS) ?? []).length, `the editor marks each hidden character: ${marked}`);
    // Findings: the keys and values with marked escapes, named in the title; no raw character.
    const codes = await shownCodes(page);
    for (const code of ['MSK100', 'MSK120', 'MSK030']) assert.ok(codes.includes(code), `${code} in ${codes}`);
    assert.deepEqual(await hiddenTextNodes(page, '#results'), []);
    const marks = await page.$$eval('#results .hidden-char', (nodes) => nodes.map((n) => ({ text: n.textContent, title: n.title })));
    for (const e of escapes) assert.ok(marks.some((m) => m.text === e), `${e} marked in the findings`);
    assert.ok(marks.some((m) => m.text === '\\u202E' && m.title === 'hidden character U+202E: right-to-left override'), JSON.stringify(marks.slice(0, 3)));
    const secretMessage = await page.locator('.finding', { hasText: 'MSK120' }).locator('.message').textContent();
    assert.ok(secretMessage.startsWith('connection\\u202E.password holds a secret'), secretMessage);
    const duplicate = await page.locator('.finding', { hasText: 'MSK030' }).locator('.message').textContent();
    assert.ok(duplicate.startsWith('topics\\u200B is given 2 times'), duplicate);
    // The marks are visible: each has a box of its own.
    const box = await page.locator('#results .hidden-char').first().boundingBox();
    assert.ok(box && box.width > 10, `the mark is drawn (${box?.width} px)`);
    // The tooltip of the secret's underline.
    const tips = (await tooltipTexts(page)).join('\n');
    assert.ok(tips.includes('connection\\u202E.password'), tips);
    assert.ok(!hasHidden(tips));
    // Fixed config: diff and full text.
    await page.click('#tab-fixed');
    await page.click('#unsafe-fixes');
    await page.waitForSelector('#panel-fixed[data-state="done"]');
    assert.ok((await page.textContent('#fixed-diff')).includes('"connection\\u202E.password"'));
    assert.ok((await page.textContent('#fixed-text')).includes('"topics\\u200B": "a\\uFEFF"'));
    assert.deepEqual(await hiddenTextNodes(page, '#panel-fixed'), []);
    await page.click('#unsafe-fixes');
    await page.click('#tab-findings');
    // Exports: Markdown shows the escapes; JSON and SARIF write them as \u escapes, the same data.
    const md = await downloadText(page, '#export-md');
    assert.ok(!hasHidden(md) && md.includes('connection\\u202E.password holds a secret'), 'Markdown');
    for (const selector of ['#export-json', '#export-sarif']) {
      const file = await downloadText(page, selector);
      assert.ok(!hasHidden(file) && file.includes('connection\\u202e.password'), selector);
      assert.ok(JSON.stringify(JSON.parse(file)).includes('connection\u202E.password'), `${selector}: the parsed data keeps the character`);
    }
    // The share link keeps the characters (it is the text); what it holds is shown with escapes.
    await page.click('#share');
    await page.waitForSelector('#share-result:not([hidden])');
    const held = await decodeShare(sharePayload(new URL(await page.inputValue('#share-url')).hash));
    assert.ok(held.text.includes('"connection\u202E.password": "****"'), held.text);
    assert.ok((await page.textContent('#share-preview')).includes('connection\\u202E.password'));
    // A file name that reads backwards ("Trojan Source" in a name): shown, and exported, escaped.
    const name = 'orders\u202Eslairtnoc.properties';
    await afterCheck(page, () =>
      page.evaluate((n) => {
        const data = new DataTransfer();
        data.items.add(new File(['connector.class=io.confluent.connect.s3.S3SinkConnector\ns3.sse.enabled=true\n'], n));
        document.getElementById('editor').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, name),
    );
    assert.equal(await page.textContent('#input-name'), 'orders\\u202Eslairtnoc.properties');
    const [report] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
    assert.equal(report.suggestedFilename(), 'orders_slairtnoc.msk-connect-lint.md');
    assert.ok(readFileSync(await report.path(), 'utf8').startsWith('# msk-connect-lint report: `orders\\u202Eslairtnoc.properties`'));
    assert.deepEqual(session.errors, []);
  } finally {
    await session.context.close();
  }
});
