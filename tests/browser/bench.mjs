#!/usr/bin/env node
// `make bench`, the page's part (issue 11), in Debian's Chromium through playwright-core, on
// 127.0.0.1. pkg-config/bench.mjs imports `pageBench` and puts its numbers in the one table; run
// alone, this prints them as JSON. Numbers only: nothing here passes or fails on time.
//
// - time to ready: navigation start to the page ready for input with the engine loaded (the
//   page's `data-ready-ms`, performance.now() when it sets data-engine="ready"), fresh contexts,
//   and on the way: the editor mounted (`mcl:editor`), the engine's worker answered (`mcl:engine`);
// - module instantiation: in a fresh context on an empty page of the same origin, import of the
//   web glue and init (fetch, compile, instantiate the .wasm), then the first validate();
// - paste to findings: a 10 KB and a 100 KB paste into the editor, from the edit's input event
//   (performance mark `mcl:input`, www/ui/input.js) to its findings rendered (`mcl:rendered`,
//   www/ui/check.js), live checking on (so with the page's debounce), and from the check's start
//   (`mcl:check-start`) to rendered: the engine in its worker and the rendering;
// - a 1 MB check in the worker, the longest frame meanwhile, and the editor's re-check latency.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { synthetic } from '../../benches/generate.mjs';
import { serve } from '../../www/serve.mjs';
import { afterCheck, CHROMIUM, replaceText, www } from './helpers.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The synthetic connectors (benches/generate.mjs), as many as make at least `bytes`. */
function pasteText(bytes) {
  for (let n = 1; ; n++) {
    const text = synthetic(n);
    if (text.length >= bytes) return text;
  }
}

export async function pageBench({ loads = 7, reps = 7, log = () => {} } = {}) {
  const server = await serve({ root: www, port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const out = { chromium: browser.version(), loads, reps };
  try {
    log('page: time to ready');
    out.readyMs = [];
    out.editorMs = [];
    out.engineMs = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(origin);
      await page.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
      out.readyMs.push(Number(await page.getAttribute('html', 'data-ready-ms')));
      // Where it went: the editor mounted, the engine answered (www/app.js marks them).
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
      out.editorMs.push(marks['mcl:editor']);
      out.engineMs.push(marks['mcl:engine']);
      await context.close();
    }

    log('page: module instantiation');
    out.instantiateMs = [];
    out.firstValidateMs = [];
    out.compileOnlyMs = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext();
      await context.route(`${origin}/__bench.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
      const page = await context.newPage();
      await page.goto(`${origin}/__bench.html`);
      const t = await page.evaluate(async () => {
        const t0 = performance.now();
        const glue = await import('/pkg/msk_connect_lint.js');
        await glue.default({ module_or_path: '/pkg/msk_connect_lint_bg.wasm' });
        const t1 = performance.now();
        glue.validate('connector.class=x\n', { today: '2026-01-15' });
        const t2 = performance.now();
        const bytes = await (await fetch('/pkg/msk_connect_lint_bg.wasm')).arrayBuffer();
        const t3 = performance.now();
        await WebAssembly.compile(bytes);
        return { instantiate: t1 - t0, first: t2 - t1, compile: performance.now() - t3 };
      });
      out.instantiateMs.push(t.instantiate);
      out.firstValidateMs.push(t.first);
      out.compileOnlyMs.push(t.compile);
      await context.close();
    }

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(origin);
    await page.waitForSelector('html[data-engine="ready"]', { timeout: 30_000 });
    await page.waitForFunction(() => document.getElementById('results').dataset.state !== 'checking');

    log('page: paste to findings');
    out.paste = {};
    for (const size of [10_000, 100_000]) {
      const text = pasteText(size);
      const row = { bytes: text.length, inputToRenderedMs: [], checkToRenderedMs: [] };
      for (let i = 0; i < reps; i++) {
        await page.evaluate(() => performance.clearMarks());
        // Alternate two texts, so each paste changes the editor's text.
        await afterCheck(page, () => replaceText(page, i % 2 ? `${text}\n` : text), { timeout: 30_000 });
        const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => ({ name: m.name, t: m.startTime })));
        const input = marks.find((m) => m.name === 'mcl:input');
        const start = marks.find((m) => m.name === 'mcl:check-start' && m.t >= input.t);
        const rendered = marks.find((m) => m.name === 'mcl:rendered' && m.t >= start.t);
        row.inputToRenderedMs.push(rendered.t - input.t);
        row.checkToRenderedMs.push(rendered.t - start.t);
      }
      row.findings = await page.$$eval('.finding', (nodes) => nodes.length);
      out.paste[`${Math.round(size / 1000)} KB`] = row;
    }

    log('page: 1 MB check in the worker');
    const lines = ['connector.class=io.confluent.connect.jdbc.JdbcSinkConnector', 'connection.url=jdbc:mysql://db.internal.example.com:3306/app'];
    for (let i = 0, size = 0; size < 1_000_000; i++) {
      lines.push(`transforms.t${i}.field=some.value.${i}.padding.padding.padding.padding`);
      size += lines[lines.length - 1].length + 1;
    }
    const big = `${lines.join('\n')}\n`;
    out.bigCheckMs = [];
    for (let i = 0; i < 3; i++) {
      out.bigCheckMs.push(
        await page.evaluate(async (text) => {
          const t0 = performance.now();
          await window.mskConnectLint.validate(text);
          return performance.now() - t0;
        }, big),
      );
    }
    const frames = await page.evaluate(async (text) => {
      const gaps = [];
      let running = true;
      const done = window.mskConnectLint.validate(text).then(() => {
        running = false;
      });
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
    out.longestFrameMs = Math.max(0, ...frames);
    out.frames = frames.length;

    log('page: editor re-check latency');
    // An edit typed into the editor (CodeMirror) until its findings are shown, live (with the
    // debounce) and with Ctrl+Enter.
    const recheck = async (viaKey) => {
      const times = [];
      for (let i = 0; i < reps; i++) {
        times.push(
          await page.evaluate(async (key) => {
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
            document.execCommand('insertText', false, ' ');
            if (key) editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
            return (await shown) - t0;
          }, viaKey),
        );
      }
      return times;
    };
    await page.click('#samples-button');
    await page.click('#samples-list button[data-sample="jdbc-mysql-sink.properties"]');
    await page.waitForFunction(() => document.getElementById('results').dataset.state === 'done');
    await page.focus('#editor');
    await page.keyboard.press('Control+End');
    out.editLiveMs = await recheck(false);
    out.editNowMs = await recheck(true);
    // An edit at the end of a 1 MB text (live checking pauses there): time to the next frame.
    await page.uncheck('#live');
    await replaceText(page, big);
    await page.keyboard.press('Control+End');
    out.typingMs = [];
    for (let i = 0; i < reps; i++) {
      out.typingMs.push(
        await page.evaluate(async () => {
          const t0 = performance.now();
          document.execCommand('insertText', false, 'x');
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          return performance.now() - t0;
        }),
      );
    }
    out.bigBytes = big.length;
    await context.close();
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const quick = Boolean(process.env.BENCH_QUICK);
  const result = await pageBench({ loads: quick ? 7 : 9, reps: quick ? 5 : 9, log: (m) => console.error(m) });
  console.log(JSON.stringify(result, null, 2));
}
