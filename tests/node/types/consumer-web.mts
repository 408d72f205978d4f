// Type-checked as a browser or bundler consumer of the raw glue (`msk-connect-lint/web`).
import init, { initSync, validate, type Report } from 'msk-connect-lint/web';

await init();
const report: Report = validate('connector.class=x\n');
const sync: typeof initSync = initSync;
// @ts-expect-error: the input is text or an object
validate(42);
console.log(report.passed, sync);
