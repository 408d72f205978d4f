#!/usr/bin/env node
// `make bench`, the page's part: time to ready on 127.0.0.1 (median of fresh loads, the editor
// bundle and the engine both loaded), a check of a 1 MB configuration through the page's engine
// (in its Web Worker) with the frame times the page keeps meanwhile, and the editor's re-check
// latency: an edit typed into the editor (CodeMirror) until its findings are shown, live (with
// the debounce) and with Ctrl+Enter, and an edit's next frame in a 1 MB text. Numbers only:
// nothing here passes or fails on time.
import { chromium } from 'playwright-core';

import { serve } from '../../www/serve.mjs';
import { CHROMIUM, www } from './helpers.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve({ root: www, port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
try {
  const loads = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(origin);
    await page.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
    loads.push(Number(await page.getAttribute('html', 'data-ready-ms')));
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin);
  await page.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
  const lines = ['connector.class=io.confluent.connect.jdbc.JdbcSinkConnector', 'connection.url=jdbc:mysql://db.internal.example.com:3306/app'];
  for (let i = 0, size = 0; size < 1_000_000; i++) {
    lines.push(`transforms.t${i}.field=some.value.${i}.padding.padding.padding.padding`);
    size += lines[lines.length - 1].length + 1;
  }
  const big = `${lines.join('\n')}\n`;
  const checks = [];
  for (let i = 0; i < 3; i++) {
    checks.push(await page.evaluate(async (text) => {
      const t0 = performance.now();
      await window.mskConnectLint.validate(text);
      return performance.now() - t0;
    }, big));
  }
  const frames = await page.evaluate(async (text) => {
    const gaps = [];
    let running = true;
    const done = window.mskConnectLint.validate(text).then(() => { running = false; });
    let last = performance.now();
    while (running) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }
    await done;
    return gaps;
  }, big);
  // Re-check latency: from an edit in the editor to the finished check's findings on the page.
  const recheck = async (key) => {
    const times = [];
    for (let i = 0; i < 9; i++) {
      times.push(
        await page.evaluate(async (viaKey) => {
          const results = document.getElementById('results');
          const before = results.dataset.checks;
          const shown = new Promise((resolve) => {
            const observer = new MutationObserver(() => {
              if (results.dataset.checks !== before && results.dataset.state !== 'checking') {
                observer.disconnect();
                resolve(performance.now());
              }
            });
            observer.observe(results, { attributes: true });
          });
          const editor = document.getElementById('editor');
          editor.focus();
          const t0 = performance.now();
          // An edit as typing makes it (beforeinput/input through the editor), then Ctrl+Enter or not.
          document.execCommand('insertText', false, ' ');
          if (viaKey) editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
          return (await shown) - t0;
        }, key),
      );
    }
    return times;
  };
  await page.click('#samples-button');
  await page.click('#samples-list button[data-sample="jdbc-mysql-sink.properties"]');
  await page.waitForFunction(() => document.getElementById('results').dataset.state === 'done');
  await page.focus('#editor');
  await page.keyboard.press('Control+End');
  const live = await recheck(false);
  const now = await recheck(true);
  // An edit at the end of a 1 MB text (live checking pauses there): time to the next frame.
  await page.uncheck('#live');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const editor = document.getElementById('editor');
    editor.focus();
    document.execCommand('selectAll');
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, big);
  await page.keyboard.press('Control+End');
  const typing = [];
  for (let i = 0; i < 9; i++) {
    typing.push(
      await page.evaluate(async () => {
        const t0 = performance.now();
        document.execCommand('insertText', false, 'x');
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - t0;
      }),
    );
  }
  const row = (name, value) => console.log(`${name.padEnd(52)} ${value}`);
  console.log('\nweb page (Chromium, 127.0.0.1)');
  row('time to ready, median of 7 fresh loads', `${median(loads).toFixed(0)} ms (min ${Math.min(...loads).toFixed(0)}, max ${Math.max(...loads).toFixed(0)})`);
  row('check of a 1 MB properties file in the worker, median of 3', `${median(checks).toFixed(0)} ms`);
  row('longest frame while that check runs', `${Math.max(0, ...frames).toFixed(0)} ms over ${frames.length} frames`);
  row('editor: edit to findings shown, live (incl. debounce)', `${median(live).toFixed(0)} ms median of ${live.length} (max ${Math.max(...live).toFixed(0)})`);
  row('editor: edit + Ctrl+Enter to findings shown', `${median(now).toFixed(0)} ms median of ${now.length} (max ${Math.max(...now).toFixed(0)})`);
  row('editor: edit in a 1 MB text to the next frame', `${median(typing).toFixed(0)} ms median of ${typing.length} (max ${Math.max(...typing).toFixed(0)})`);
} finally {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
}
