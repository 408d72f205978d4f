//! The wasm-bindgen binding: the only file that names `wasm_bindgen`, `js_sys` or `JsValue`.
//!
//! A thin adapter: take JS values, call the core, hand back plain JS objects (never `Map`s) or
//! throw a JS `Error` named `InputError` or `OptionsError`. `_cli` is the engine half of the Node
//! CLI (`cli.mjs` does the file system), so both CLIs render through the same Rust code.

use crate::options::{Options, OptionsInput};
use crate::render::{self, FileResult, Style};
use crate::report::{LocatedError, Report};
use crate::{Finding, VERSION};
use js_sys::{Error, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
export type Severity = "critical" | "high" | "medium" | "low" | "info";
export type Category =
  | "plaintext-transport" | "unverified-tls" | "weak-tls" | "exposed-credential" | "missing-authentication"
  | "ineffective-setting" | "inconsistent-setting" | "at-rest" | "unverifiable";
export type InputFormat =
  | "kafka-connect-rest" | "kafka-connect-config" | "kafka-connect-expand" | "msk-connect-api"
  | "msk-worker-configuration" | "cloudformation" | "terraform-plan" | "terraform-hcl" | "strimzi" | "properties";
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
/** The engine version. */
export function version(): string;
"#;

/// Checks `input` (text, or a parsed object) and returns the report.
#[wasm_bindgen(skip_typescript)]
pub fn validate(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    set_panic_hook();
    let options = options_from(&options)?;
    let input = Input::from(&input)?;
    let mut report = crate::check(&input.text, &options).map_err(|e| input_error(&e, input.parsed))?;
    if input.parsed {
        strip_report_ranges(&mut report);
    }
    to_js(&report)
}

/// Applies fixes; `{ output, applied, remaining }`, with `output` of the same kind as `input`.
#[wasm_bindgen(skip_typescript)]
pub fn fix(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    set_panic_hook();
    let options = options_from(&options)?;
    let input = Input::from(&input)?;
    let mut outcome = crate::fix(&input.text, &options).map_err(|e| input_error(&e, input.parsed))?;
    if input.parsed {
        outcome.applied.iter_mut().for_each(strip_finding_range);
        strip_report_ranges(&mut outcome.remaining);
    }
    let result = to_js(&FixResult { output: &outcome.output, applied: &outcome.applied, remaining: &outcome.remaining })?;
    if input.parsed {
        let output = JSON::parse(&outcome.output).map_err(|_| named_error("InputError", "fix produced text that is not JSON"))?;
        Reflect::set(&result, &JsValue::from_str("output"), &output)?;
    }
    Ok(result)
}

/// The rule catalogue with each rule's Markdown docs.
#[wasm_bindgen(skip_typescript)]
pub fn rules() -> Result<JsValue, JsValue> {
    set_panic_hook();
    to_js(&crate::rules())
}

/// SARIF 2.1.0 for a report, an array of reports, or `{ path, report | error }` entries.
#[wasm_bindgen(js_name = toSarif, skip_typescript)]
pub fn to_sarif(reports: JsValue) -> Result<JsValue, JsValue> {
    set_panic_hook();
    let value = json_value(&reports)
        .ok_or_else(|| type_error("toSarif expects a report, an array of reports, or { path, report | error } entries"))?;
    let sarif = crate::sarif::sarif_from_json(&value).map_err(|e| type_error(&e))?;
    to_js(&sarif)
}

#[wasm_bindgen(skip_typescript)]
pub fn version() -> String {
    VERSION.to_string()
}

/// The engine half of the Node CLI, not a public API: options (the config file's text merged
/// under the flags), check or fix of every file, and the same renderings as the native CLI.
///
/// `files`: `[{ path, text } | { path, error }]`; `request`: `{ output, fix, diff, color, flags,
/// config?: { path, text } }`. Returns `{ stdout, stderr, writes: [{ path, text }], exitCode }`,
/// or `{ error }` for a usage or options error (exit code 2, as the native CLI).
#[wasm_bindgen(js_name = _cli, skip_typescript)]
pub fn cli(files: JsValue, request: JsValue) -> Result<JsValue, JsValue> {
    set_panic_hook();
    let files: Vec<CliFile> = serde_wasm_bindgen::from_value(files).map_err(|e| type_error(&e.to_string()))?;
    let request: CliRequest = serde_wasm_bindgen::from_value(request).map_err(|e| type_error(&e.to_string()))?;
    to_js(&run_cli(files, request))
}

#[derive(serde::Deserialize)]
struct CliFile {
    path: String,
    text: Option<String>,
    error: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct CliRequest {
    output: String,
    fix: bool,
    diff: bool,
    color: bool,
    flags: String,
    config: Option<CliConfig>,
}

#[derive(serde::Deserialize)]
struct CliConfig {
    path: String,
    text: String,
}

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct CliOutcome {
    stdout: String,
    stderr: String,
    writes: Vec<CliWrite>,
    exit_code: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

#[derive(Serialize)]
struct CliWrite {
    path: String,
    text: String,
}

fn run_cli(files: Vec<CliFile>, request: CliRequest) -> CliOutcome {
    let options = match cli_options(&request) {
        Ok(options) => options,
        Err(error) => return CliOutcome { error: Some(error), exit_code: 2, ..CliOutcome::default() },
    };
    let mut outcome = CliOutcome::default();
    let mut results = Vec::new();
    let mut diffs = String::new();
    for file in files {
        let path = file.path;
        let Some(text) = file.text else {
            let message = file.error.unwrap_or_else(|| "cannot read".to_string());
            results.push(FileResult::Error { path, error: LocatedError { message, line: 1, column: 1 } });
            continue;
        };
        if !request.fix {
            match crate::check(&text, &options) {
                Ok(report) => results.push(FileResult::Report { path, report }),
                Err(error) => results.push(FileResult::Error { path, error }),
            }
            continue;
        }
        match crate::fix(&text, &options) {
            Ok(fixed) => {
                if fixed.output != text {
                    if request.diff || path == "-" {
                        diffs.push_str(&unified_diff(&path, &text, &fixed.output));
                    } else {
                        outcome.writes.push(CliWrite { path: path.clone(), text: fixed.output });
                    }
                }
                let count = fixed.applied.len();
                if count > 0 {
                    outcome.stderr.push_str(&format!("{path}: fixed {count} finding{}\n", if count == 1 { "" } else { "s" }));
                }
                results.push(FileResult::Report { path, report: fixed.remaining });
            }
            Err(error) => results.push(FileResult::Error { path, error }),
        }
    }
    let rendered = match request.output.as_str() {
        "json" => serde_json::to_string_pretty(&render::document(&results)).unwrap_or_default() + "\n",
        "sarif" => serde_json::to_string_pretty(&crate::sarif::sarif(&results)).unwrap_or_default() + "\n",
        "github" => render::github(&results),
        _ => render::text(&results, &Style { color: request.color }),
    };
    outcome.stdout = diffs + &rendered;
    let errors = results.iter().any(|r| matches!(r, FileResult::Error { .. }));
    let failed = results.iter().any(|r| matches!(r, FileResult::Report { report, .. } if !report.passed));
    outcome.exit_code = if errors {
        2
    } else if failed {
        1
    } else {
        0
    };
    outcome
}

fn cli_options(request: &CliRequest) -> Result<Options, String> {
    let base = match &request.config {
        Some(config) => OptionsInput::from_json(&config.text).map_err(|e| format!("{}: {e}", config.path))?,
        None => OptionsInput::default(),
    };
    let flags = OptionsInput::from_json(&request.flags).map_err(|e| e.to_string())?;
    let mut options = base.merged(flags).resolve().map_err(|e| e.to_string())?;
    options.today = options.today.or_else(today);
    Ok(options)
}

fn unified_diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[derive(Serialize)]
struct FixResult<'a> {
    output: &'a str,
    applied: &'a [Finding],
    remaining: &'a Report,
}

/// The text to check, and whether it came from a parsed object (then it has no positions).
struct Input {
    text: String,
    parsed: bool,
}

impl Input {
    fn from(value: &JsValue) -> Result<Input, JsValue> {
        if let Some(text) = value.as_string() {
            return Ok(Input { text, parsed: false });
        }
        if !value.is_object() {
            return Err(type_error("expected the configuration as text or as a parsed object"));
        }
        let text = JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| named_error("InputError", "the object cannot be turned into JSON"))?;
        Ok(Input { text, parsed: true })
    }
}

fn strip_finding_range(finding: &mut Finding) {
    finding.range = None;
}

fn strip_report_ranges(report: &mut Report) {
    report.findings.iter_mut().for_each(strip_finding_range);
    report.suppressed.iter_mut().for_each(|s| strip_finding_range(&mut s.finding));
    report.connectors.iter_mut().for_each(|c| c.location.range = None);
}

/// `undefined` and `null` mean no options; anything else goes through `OptionsInput`'s JSON
/// form, so JS sees the same messages as the config file. `today` defaults to the JS clock.
fn options_from(value: &JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options { today: today(), ..Options::default() });
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(named_error("OptionsError", "options must be an object"));
    }
    let text = JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| named_error("OptionsError", "options cannot be turned into JSON"))?;
    let mut options =
        OptionsInput::from_json(&text).and_then(|o| o.resolve()).map_err(|e| named_error("OptionsError", without_position(&e.0)))?;
    options.today = options.today.or_else(today);
    Ok(options)
}

/// serde_json's " at line 1 column 9" points into text the caller never wrote.
fn without_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(at) if message[at + 9..].split(" column ").all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) => &message[..at],
        _ => message,
    }
}

/// Today in UTC as `YYYY-MM-DD`, as the native CLI computes it from the system clock.
fn today() -> Option<String> {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.get(..10).filter(|d| crate::options::is_date(d)).map(str::to_string)
}

fn json_value(value: &JsValue) -> Option<serde_json::Value> {
    if !value.is_object() {
        return None;
    }
    let text = JSON::stringify(value).ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsValue::from(Error::new(&e.to_string())))
}

fn named_error(name: &str, message: &str) -> JsValue {
    let error = Error::new(message);
    error.set_name(name);
    error.into()
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

/// An `InputError` with the position; a parsed object has no text positions, so none then.
fn input_error(error: &LocatedError, parsed: bool) -> JsValue {
    let value = named_error("InputError", &error.message);
    if !parsed {
        let _ = Reflect::set(&value, &JsValue::from_str("line"), &JsValue::from(error.line as f64));
        let _ = Reflect::set(&value, &JsValue::from_str("column"), &JsValue::from(error.column as f64));
    }
    value
}

fn set_panic_hook() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}
