// Type-checked (tsc --noEmit) against the installed tarball, as an ESM consumer would write it.
import { fix, rules, toSarif, validate, version } from 'msk-connect-lint';
import type { Finding, FixResult, InputError, Options, Report, Rule, SarifLog, Severity } from 'msk-connect-lint';

const options: Options = {
  failOn: 'high',
  select: ['MSK011'],
  ignore: ['duplicate-key'],
  severity: { MSK012: 'medium' },
  exceptions: [{ rule: 'MSK011', reason: 'until the listener exists', expires: '2030-01-01' }],
  format: 'auto',
  unsafeFixes: false,
  today: '2026-01-15',
};

const report: Report = validate('connector.class=x\n', options);
const object: Report = validate({ name: 'x', config: { 'connector.class': 'x' } });
const worst: Severity | undefined = report.findings[0]?.severity;
const line: number | undefined = report.findings[0]?.range?.start.line;
const passed: boolean = report.passed && object.passed;
const fixed: FixResult<string> = fix('a=b\n', { unsafeFixes: true });
const text: string = fixed.output;
const applied: Finding[] = fixed.applied;
const fixedObject: FixResult<unknown> = fix({ name: 'x' });
const catalogue: Rule[] = rules();
const docs: string = catalogue[0].docs;
const sarif: SarifLog = toSarif([{ path: 'a.json', report }, { path: 'b.json', error: { message: 'bad', line: 1, column: 1 } }]);
const v: string = version();

try {
  validate('{');
} catch (error) {
  const e = error as InputError;
  const where: string = `${e.name} ${e.line ?? 0}:${e.column ?? 0} ${e.message}`;
  console.log(where);
}

// @ts-expect-error: the input is text or an object
validate(42);
// @ts-expect-error: not a severity
validate('', { failOn: 'severe' });
// @ts-expect-error: unknown option
validate('', { failon: 'high' });
// @ts-expect-error: findings are not strings
const wrong: string[] = report.findings;

console.log(worst, line, passed, text, applied, fixedObject, docs, sarif.version, v, wrong);
