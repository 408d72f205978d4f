#!/usr/bin/env node
// `make bench`, the page's part: time to ready on 127.0.0.1 (median of fresh loads), and a check
// of a 1 MB configuration through the page's engine (in its Web Worker), with the frame times the
// page keeps while that runs. Numbers only: nothing here passes or fails on time.
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
  const row = (name, value) => console.log(`${name.padEnd(52)} ${value}`);
  console.log('\nweb page (Chromium, 127.0.0.1)');
  row('time to ready, median of 7 fresh loads', `${median(loads).toFixed(0)} ms (min ${Math.min(...loads).toFixed(0)}, max ${Math.max(...loads).toFixed(0)})`);
  row('check of a 1 MB properties file in the worker, median of 3', `${median(checks).toFixed(0)} ms`);
  row('longest frame while that check runs', `${Math.max(0, ...frames).toFixed(0)} ms over ${frames.length} frames`);
} finally {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
}
