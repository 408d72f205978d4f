// The wasm glue, loaded the same way in the worker and (as a fallback) on the main thread.
import init, { validate, fix, rules, toSarif, redact, version } from './pkg/msk_connect_lint.js';

const OPS = { validate, fix, rules, toSarif, redact, version };

/**
 * Instantiates the module (by default fetched from this origin; the worker passes the fetch it
 * started early); resolves to `{ version, rules }`.
 */
export async function initEngine(wasm = new URL('./pkg/msk_connect_lint_bg.wasm', import.meta.url)) {
  await init({ module_or_path: wasm });
  return { version: version(), rules: rules() };
}

export function callEngine(op, args = []) {
  const fn = OPS[op];
  if (!fn) throw new TypeError(`unknown engine call ${op}`);
  return fn(...args);
}

/** Errors cross postMessage as plain objects: structured cloning drops custom names and fields. */
export function errorToJson(error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const out = { name: error.name, message: error.message };
  if (typeof error.line === 'number') out.line = error.line;
  if (typeof error.column === 'number') out.column = error.column;
  return out;
}
