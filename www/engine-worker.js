// The engine off the main thread: a large paste is checked without freezing the page.
// Messages in: { id, op, args }. Out: { ready, version, rules } once, then { id, ok, value | error }.
import { initEngine, callEngine, errorToJson } from './engine-core.js';

const ready = initEngine().then(
  (info) => postMessage({ ready: true, ...info }),
  (error) => postMessage({ ready: false, error: errorToJson(error) }),
);

addEventListener('message', async ({ data }) => {
  await ready;
  const { id, op, args } = data;
  try {
    postMessage({ id, ok: true, value: callEngine(op, args) });
  } catch (error) {
    postMessage({ id, ok: false, error: errorToJson(error) });
  }
});
