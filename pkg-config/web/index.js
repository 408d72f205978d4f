// Browser and bundler entry: fetches and instantiates the module once (top-level await), then
// offers the same synchronous API as Node. `msk-connect-lint/web` is the raw glue with `init`.
import init, { validate, fix, rules, toSarif, version } from './msk_connect_lint.js';

await init({ module_or_path: new URL('./msk_connect_lint_bg.wasm', import.meta.url) });

export { validate, fix, rules, toSarif, version };
