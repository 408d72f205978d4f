// Type-checked as a CommonJS consumer (require through TypeScript's import = require).
import lint = require('msk-connect-lint');

const report: lint.Report = lint.validate('connector.class=x\n');
const codes: string[] = report.findings.map((f: lint.Finding) => f.code);
console.log(codes, lint.version(), lint.rules().length, lint.toSarif(report).runs.length);
