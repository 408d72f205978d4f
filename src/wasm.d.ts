// The package's TypeScript declarations, put into the wasm-bindgen output by src/wasm.rs.
export type Severity = "critical" | "high" | "medium" | "low" | "info";
export type Category =
  | "plaintext-transport" | "unverified-tls" | "weak-tls" | "exposed-credential" | "missing-authentication"
  | "ineffective-setting" | "inconsistent-setting" | "at-rest" | "unverifiable";
export type InputFormat =
  | "kafka-connect-rest" | "kafka-connect-config" | "kafka-connect-expand" | "msk-connect-api"
  | "msk-worker-configuration" | "cloudformation" | "terraform-plan" | "terraform-hcl" | "strimzi" | "mirrormaker2" | "kubernetes" | "properties";
export type Applicability = "safe" | "unsafe" | "display-only";

/** 1-based line, 1-based UTF-16 column. */
export interface Position { line: number; column: number }
export interface Range { start: Position; end: Position }

/** Set `value` at a connector-config `key` (or at `pointer`); `value: null` removes the key. */
export interface Edit { key: string | null; pointer: string; value: string | null }
export interface Fix { title: string; applicability: Applicability; edits: Edit[] }
/** What to do where a config edit is not enough. */
export interface Remediation { console?: string; awsCli?: string; terraform?: string; cloudformation?: string }

export interface Finding {
  /** Stable rule code, never reused: "MSK001". */
  code: string;
  /** Kebab-case rule name. */
  name: string;
  severity: Severity;
  category: Category;
  /** What is wrong, naming the key; secret values redacted. */
  message: string;
  /** What to do. */
  help: string;
  /** Index into `Report.connectors`. */
  connector: number;
  key: string | null;
  /** RFC 6901 pointer into the input (or the format's path). */
  pointer: string;
  /** Absent when the input was a parsed object (no text positions). */
  range?: Range;
  fix: Fix | null;
  remediation?: Remediation;
  references: string[];
  compliance: string[];
}

export interface ConnectorSummary {
  index: number;
  name: string | null;
  format: InputFormat;
  class: string | null;
  family: string;
  location: { pointer: string; range?: Range };
}

export interface Suppressed { finding: Finding; reason: string; expires: string | null }
export interface ExpiredException { rule: string; connector: string | null; key: string | null; reason: string; expires: string }
export interface Summary { critical: number; high: number; medium: number; low: number; info: number }

export interface Report {
  tool: { name: string; version: string };
  connectors: ConnectorSummary[];
  /** Sorted by connector, then line, then severity (worst first). */
  findings: Finding[];
  /** Findings matched by a policy exception, with its reason. */
  suppressed: Suppressed[];
  /** Present when an exception's `expires` date has passed. */
  expiredExceptions?: ExpiredException[];
  /** Counts of `findings` by severity. */
  summary: Summary;
  /** No finding at or above `failOn`. */
  passed: boolean;
}

/** A policy exception: matching findings become `suppressed`, until `expires` (YYYY-MM-DD) has passed. */
export interface Exception { rule: string; connector?: string; key?: string; reason: string; expires?: string }

export interface Options {
  /** `passed` is false when a finding is at or above this (default "high"). */
  failOn?: Severity | "none" | "never";
  /** Only these rules (codes or names). */
  select?: string[];
  /** Not these rules (codes or names). */
  ignore?: string[];
  /** Per-rule severity overrides, keyed by code or name. */
  severity?: Record<string, Severity>;
  exceptions?: Exception[];
  /** Force the input format (default "auto": detect it). */
  format?: InputFormat | "auto";
  /** `fix` also applies unsafe fixes. */
  unsafeFixes?: boolean;
  /** Today as YYYY-MM-DD, for exception expiry (default: the local clock, in UTC). */
  today?: string;
  /** Versions the configuration does not state, where defaults changed between them. */
  assume?: { debezium?: string };
  /** Paths the CLI skips; the engine ignores it. */
  exclude?: string[];
}

/** `output` is text when the input was text, and a parsed object when it was an object. */
export interface FixResult<T = string> { output: T; applied: Finding[]; remaining: Report }

export interface Rule {
  code: string;
  name: string;
  severity: Severity;
  category: Category;
  fix: "none" | "sometimes" | "always";
  /** The first paragraph of the docs. */
  summary: string;
  /** The rule's documentation, Markdown. */
  docs: string;
  references: string[];
  compliance: string[];
  /** The connector families and settings the rule covers. */
  covers: string[];
}

/** Thrown when the input cannot be read; `line`/`column` (1-based) only for text input. */
export interface InputError extends Error { name: "InputError"; line?: number; column?: number }
/** Thrown when the options are invalid (unknown field, rule, severity or date). */
export interface OptionsError extends Error { name: "OptionsError" }

export interface LocatedError { message: string; line: number; column: number }
export type SarifInput =
  | Report
  | Report[]
  | Array<{ path: string; report: Report } | { path: string; error: LocatedError }>
  | { files: Array<{ path: string; report: Report } | { path: string; error: LocatedError }> };
/** A SARIF 2.1.0 log. */
export interface SarifLog { $schema: string; version: "2.1.0"; runs: Array<Record<string, unknown>> }

/** Checks a configuration (text in any supported format, or an already-parsed object). */
export function validate(input: string | object, options?: Options): Report;
/** Applies the safe fixes (and the unsafe ones with `unsafeFixes`), keeping the text's formatting. */
export function fix(input: string, options?: Options): FixResult<string>;
export function fix(input: object, options?: Options): FixResult<unknown>;
/** The rule catalogue, with each rule's Markdown docs. */
export function rules(): Rule[];
/** SARIF 2.1.0 for one report, several, or `{ path, report | error }` entries. */
export function toSarif(reports: SarifInput): SarifLog;
/** The text with every secret value replaced by a placeholder ("****"), keys and layout kept (used by the page's share links; not in the package's entry points). */
export function redact(input: string, options?: Options): string;
/** The engine version. */
export function version(): string;
