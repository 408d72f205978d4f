// Secrets never leave the editor: distinct secret values of every kind the engine knows (see
// src/redact.rs and MSK120) are planted in a configuration, and none may appear in the findings,
// the tooltips, the exports, the share link (what it holds and the page it opens), or any console
// message. The fixed config may hold them (it is the user's own text), and the test checks that
// it does, so a search that finds nothing anywhere cannot pass for a clean page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { decodeShare, sharePayload } from '../../www/share.js';
import { editorValue, openPage, paste, shownCodes, start, tooltipTexts } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const SECRETS = {
  password: 'S3cr3tPwAAA1',
  urlParameter: 'S3cr3tParamKKK1',
  jaas: 'S3cr3tJaasBBB2',
  userInfoUrl: 'S3cr3tUrlCCC3',
  token: 'S3cr3tTokenDDD4',
  privateKey: 'S3cr3tPrivKeyEEE5',
  pem: 'S3cr3tPemFFF6',
  bearer: 'S3cr3tBearerGGG7',
  basic: 'S3cr3tBasicHHH8',
  basicUserInfo: 'S3cr3tUserInfoIII9',
  aws: 'S3cr3tAwsJJJ0',
};
const S = SECRETS;
const PEM = `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B${S.pem}\n-----END PRIVATE KEY-----`;

const JSON_TEXT = JSON.stringify(
  [
    {
      name: 'orders-jdbc',
      config: {
        'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
        'connection.url': `jdbc:postgresql://db.example.com:5432/app?user=app&password=${S.urlParameter}&sslmode=disable`,
        'connection.user': 'app',
        'connection.password': S.password,
        'producer.override.security.protocol': 'SASL_PLAINTEXT',
        'producer.override.sasl.mechanism': 'PLAIN',
        'producer.override.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="${S.jaas}";`,
      },
    },
    {
      name: 'logs-es',
      config: {
        'connector.class': 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
        'connection.url': `http://elastic:${S.userInfoUrl}@es.example.com:9200`,
        'value.converter': 'io.confluent.connect.avro.AvroConverter',
        'value.converter.schema.registry.url': 'http://registry.example.com:8081',
        'value.converter.basic.auth.credentials.source': 'USER_INFO',
        'value.converter.basic.auth.user.info': `sr:${S.basicUserInfo}`,
      },
    },
    { name: 'hec', config: { 'connector.class': 'com.splunk.kafka.connect.SplunkSinkConnector', 'splunk.hec.uri': 'http://splunk.example.com:8088', 'splunk.hec.token': S.token } },
    {
      name: 'warehouse',
      config: { 'connector.class': 'com.snowflake.kafka.connector.SnowflakeSinkConnector', 'snowflake.url.name': 'acct.snowflakecomputing.com:443', 'snowflake.user.name': 'u', 'snowflake.private.key': `MIIEvQIBADAN${S.privateKey}` },
    },
    {
      name: 'webhook',
      config: { 'connector.class': 'io.confluent.connect.http.HttpSinkConnector', 'http.api.url': 'http://api.example.com/ingest', headers: `Authorization: Bearer ${S.bearer}|X-Trace: 1`, 'http.headers.authorization': `Basic ${S.basic}` },
    },
    {
      name: 'archive',
      config: { 'connector.class': 'io.confluent.connect.s3.S3SinkConnector', 's3.bucket.name': 'b', 'aws.access.key.id': 'AKIAIOSFODNN7EXAMPLE', 'aws.secret.access.key': S.aws, 'ssl.keystore.type': 'PEM', 'ssl.keystore.key': PEM },
    },
  ],
  null,
  2,
);

/** The same kinds in one .properties connector (an HTTP sink with a JDBC-style URL parameter). */
const PROPERTIES_TEXT = [
  'connector.class=io.confluent.connect.http.HttpSinkConnector',
  'http.api.url=http://api.example.com/ingest',
  `headers=Authorization: Bearer ${S.bearer}|X-Trace: 1`,
  `http.headers.authorization=Basic ${S.basic}`,
  `https.ssl.key.password=${S.password}`,
  `producer.override.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="${S.jaas}";`,
  'producer.override.security.protocol=SASL_PLAINTEXT',
  `ssl.keystore.key=${PEM.replace(/\n/g, '\\n')}`,
  `oauth2.client.secret=${S.token}`,
  '',
].join('\n');

const leaks = (what, text) => Object.entries(SECRETS).filter(([, v]) => text.includes(v)).map(([k]) => `${what}: ${k}`);

/** The page's text and every attribute and form value, without the editor and the fixed config. */
const pageText = (page) =>
  page.evaluate(() => {
    const body = document.body.cloneNode(true);
    for (const id of ['editor-wrap', 'panel-fixed']) body.querySelector(`#${id}`)?.remove();
    const attributes = [...body.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.value));
    const values = [...document.querySelectorAll('input, textarea')].filter((n) => !n.closest('#editor-wrap')).map((n) => n.value);
    return [body.textContent, ...attributes, ...values].join('\n');
  });

async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync(await download.path(), 'utf8');
}

async function tooltips(page) {
  return (await tooltipTexts(page)).join('\n');
}

for (const [format, text] of [['JSON', JSON_TEXT], ['properties', PROPERTIES_TEXT]]) {
  test(`secrets (${format}): none in the findings, tooltips, exports, share link or console; the fixed config keeps them`, async () => {
    const session = await openPage(env);
    const { page } = session;
    const consoleText = [];
    page.on('console', (message) => consoleText.push(message.text()));
    try {
      await paste(page, text);
      assert.equal(await editorValue(page), text);
      const codes = await shownCodes(page);
      assert.ok(codes.filter((c) => c === 'MSK120').length >= 6, `the secrets are found: ${codes}`);
      // Findings with every detail open: "Why it matters" and each remediation tab.
      for (const summary of await page.locator('.finding .why summary').all()) await summary.click();
      for (const tab of await page.locator('.remediation [role="tab"]').all()) await tab.click();
      const found = [...leaks('findings', await pageText(page)), ...leaks('tooltips', await tooltips(page))];
      // The fixed config is the user's text: with safe fixes only, the secrets are still in it.
      await page.click('#tab-fixed');
      await page.waitForSelector('#panel-fixed[data-state="done"]');
      await page.check('input[name="fixed-view"][value="full"]');
      assert.deepEqual(leaks('fixed', await page.textContent('#fixed-text')).length, Object.values(SECRETS).filter((v) => text.includes(v)).length, 'the fixed config holds them');
      found.push(...leaks('fix summary', await page.textContent('#fix-summary')));
      await page.click('#tab-findings');
      for (const [name, selector] of [['Markdown', '#export-md'], ['JSON', '#export-json'], ['SARIF', '#export-sarif']]) found.push(...leaks(name, await downloadText(page, selector)));
      // The share link: the URL, what it holds, and the page it opens.
      await page.click('#share');
      await page.waitForSelector('#share-result:not([hidden])');
      const url = await page.inputValue('#share-url');
      const held = await decodeShare(sharePayload(new URL(url).hash));
      found.push(...leaks('share URL', decodeURIComponent(url)), ...leaks('share link text', held.text), ...leaks('page after sharing', await pageText(page)));
      assert.match(await page.textContent('#share-status'), /secret values? replaced by \*\*\*\*/);
      const opened = await openPage(env, { path: `/${new URL(url).hash}` });
      try {
        const other = [];
        opened.page.on('console', (message) => other.push(message.text()));
        await opened.page.waitForFunction(() => Number(document.getElementById('results').dataset.checks) > 0 && document.getElementById('results').dataset.state === 'done');
        found.push(...leaks('opened link: editor', await editorValue(opened.page)), ...leaks('opened link: page', await pageText(opened.page)), ...leaks('opened link: console', other.join('\n')));
        assert.deepEqual(opened.errors, []);
      } finally {
        await opened.context.close();
      }
      found.push(...leaks('console', consoleText.join('\n')));
      assert.deepEqual(found, [], 'no secret outside the editor and the fixed config');
      assert.deepEqual(session.errors, []);
      assert.deepEqual(session.foreign, []);
    } finally {
      await session.context.close();
    }
  });
}
