// The engine off the main thread: a large paste is checked without freezing the page.
// Messages in: { id, op, args }. Out: { ready, version, rules } once, then { id, ok, value | error }.
// No static import: the module's fetch starts at once, alongside the glue's (which is two imports
// deep), instead of after it.
const wasm = fetch(new URL('./pkg/msk_connect_lint_bg.wasm', import.meta.url));
const core = import('./engine-core.js');

const ready = core
  .then(({ initEngine }) => initEngine(wasm))
  .then(
    (info) => postMessage({ ready: true, ...info }),
    (error) =>
      core
        .then(({ errorToJson }) => errorToJson(error))
        // The glue itself did not load: its error, as errorToJson would give it.
        .catch(() => ({ name: error?.name ?? 'Error', message: String(error?.message ?? error) }))
        .then((json) => postMessage({ ready: false, error: json })),
  );

addEventListener('message', async ({ data }) => {
  await ready;
  const { callEngine, errorToJson } = await core;
  const { id, op, args } = data;
  try {
    postMessage({ id, ok: true, value: callEngine(op, args) });
  } catch (error) {
    postMessage({ id, ok: false, error: errorToJson(error) });
  }
});
