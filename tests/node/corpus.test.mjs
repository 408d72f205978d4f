// The JS API and the native CLI give identical reports for every file in tests/corpus.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { corpus, decode, pkg, runNative, scratch } from './helpers.mjs';

const { validate } = await import(join(pkg, 'index.mjs'));

// The native CLI fills `today` from its clock; pin it on both sides through the options file.
const today = '2026-01-15';

test('validate() = msk-connect-lint --format json, file by file, over the corpus', () => {
  const files = readdirSync(corpus)
    .filter((f) => f !== 'MANIFEST.tsv')
    .sort();
  assert.ok(files.length >= 100, `${files.length} corpus files`);
  const config = join(scratch({ 'options.json': JSON.stringify({ today }) }), 'options.json');
  const run = runNative(['--format', 'json', '--config', config, ...files.map((f) => join(corpus, f))]);
  assert.ok(run.status === 0 || run.status === 1 || run.status === 2, run.stderr);
  const document = JSON.parse(run.stdout);
  assert.equal(document.files.length, files.length);
  let reports = 0;
  for (const [i, file] of files.entries()) {
    const expected = document.files[i];
    assert.equal(expected.path, join(corpus, file));
    const text = decode(readFileSync(join(corpus, file)));
    let actual;
    try {
      actual = { report: validate(text, { today }) };
      reports++;
    } catch (error) {
      assert.equal(error.name, 'InputError', `${file}: ${error.stack}`);
      actual = { error: { message: error.message, line: error.line, column: error.column } };
    }
    const { path, ...native } = expected;
    assert.deepEqual(actual, native, file);
  }
  assert.ok(reports >= 50, `${reports} files gave reports`);
});
