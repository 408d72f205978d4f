// The fuzz corpora (fuzz/corpus/, grown by `make fuzz` or `make fuzz-smoke`, and the committed
// fuzz/regressions/) replayed through the wasm module under Node: `validate` and `fix` answer a
// report or a located InputError, never a trap. A trap is a RuntimeError, and it leaves the
// instance unusable, so the first one fails the test with the input that caused it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from '../node/helpers.mjs';

const { validate, fix } = await import(join(root, 'pkg', 'index.mjs'));

function inputs() {
  const dirs = [join(root, 'fuzz', 'regressions')];
  const corpus = join(root, 'fuzz', 'corpus');
  if (existsSync(corpus)) dirs.push(...readdirSync(corpus).map((t) => join(corpus, t)));
  return dirs.filter(existsSync).flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)));
}

const decoder = new TextDecoder('utf-8');

function replay(text, options, where) {
  for (const call of [validate, fix]) {
    try {
      call(text, options);
    } catch (error) {
      assert.ok(!(error instanceof WebAssembly.RuntimeError), `${call.name} trapped on ${where}: ${error.message}`);
      assert.equal(error.name, 'InputError', `${call.name} on ${where}: ${error.stack}`);
      assert.ok(error.line >= 1 && error.column >= 1, `${where}: the error is located: ${error.message}`);
    }
  }
}

test('the fuzz corpora replay through validate and fix without a trap', () => {
  const files = inputs();
  assert.ok(files.length >= 10, `corpora to replay (${files.length}); fuzz/regressions/ at least is committed`);
  for (const file of files) {
    // A fuzzer still running replaces its corpus files as it goes.
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      if (error.code === 'ENOENT') continue;
      throw error;
    }
    // The targets read the first byte as a choice (format, options) and the rest as text; both readings.
    const whole = decoder.decode(bytes);
    const rest = decoder.decode(bytes.subarray(1));
    replay(whole, {}, file);
    replay(rest, { unsafeFixes: true }, `${file} (after its first byte)`);
  }
});
