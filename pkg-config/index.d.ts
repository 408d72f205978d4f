export { validate, fix, rules, toSarif, version } from "./node/msk_connect_lint.js";
export type {
  Severity, Category, InputFormat, Applicability, Position, Range, Edit, Fix, Remediation, Finding,
  ConnectorSummary, Suppressed, ExpiredException, Summary, Report, Exception, Options, FixResult, Rule,
  InputError, OptionsError, LocatedError, SarifInput, SarifLog,
} from "./node/msk_connect_lint.js";
