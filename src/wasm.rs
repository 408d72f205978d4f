//! The wasm-bindgen binding: the only file that names `wasm_bindgen`, `js_sys` or `JsValue`.
//!
//! A thin adapter: take JS values, call the core, hand back plain JS objects (never `Map`s) or
//! throw a JS `Error` named `InputError` or `OptionsError`. `_cli` is the engine half of the Node
//! CLI (`cli.mjs` does the file system), so both CLIs render through the same Rust code.

use crate::options::{Options, OptionsInput};
use crate::render::{self, unified_diff, FileResult, Style};
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
  | "msk-worker-configuration" | "cloudformation" | "terraform-plan" | "terraform-hcl" | "strimzi" | "kubernetes" | "properties";
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

/// The Node CLI's help text (the native CLI's, from one place). Not a public API.
#[wasm_bindgen(js_name = _usage, skip_typescript)]
pub fn usage() -> String {
    crate::render::USAGE.to_string()
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

#[cfg(test)]
mod tests {
    //! The binding layer under Node and in Chromium (`make test-wasm`): plain objects, error names
    //! and positions, object input without ranges, and garbage that must never trap.

    use super::*;
    use js_sys::{Array, Object};
    use wasm_bindgen_test::{console_log, wasm_bindgen_test};

    const PROPERTIES: &str = "connector.class=io.confluent.connect.replicator.ReplicatorSourceConnector
src.kafka.bootstrap.servers=kafka-src.internal.example.com:9092
src.kafka.security.protocol=SASL_PLAINTEXT
src.kafka.sasl.mechanism=PLAIN
src.kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";
";

    const REST: &str = r#"{
  "name": "replicator",
  "config": {
    "connector.class": "io.confluent.connect.replicator.ReplicatorSourceConnector",
    "src.kafka.bootstrap.servers": "kafka-src.internal.example.com:9092",
    "src.kafka.security.protocol": "SASL_PLAINTEXT",
    "src.kafka.sasl.mechanism": "PLAIN",
    "src.kafka.sasl.jaas.config": "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";"
  }
}"#;

    fn get(value: &JsValue, key: &str) -> JsValue {
        Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    fn path(value: &JsValue, keys: &[&str]) -> JsValue {
        keys.iter().fold(value.clone(), |v, k| get(&v, k))
    }

    fn options(json: &str) -> JsValue {
        JSON::parse(json).unwrap()
    }

    fn error_name(error: &JsValue) -> String {
        get(error, "name").as_string().unwrap_or_default()
    }

    fn is_plain_object(value: &JsValue) -> bool {
        value.is_object() && Object::is(&Object::get_prototype_of(value), &Object::get_prototype_of(&Object::new()))
    }

    /// Every object in a result is a plain object or an array, never a `Map`.
    fn assert_plain(value: &JsValue) {
        if Array::is_array(value) {
            Array::from(value).for_each(&mut |item, _, _| assert_plain(&item));
        } else if value.is_object() {
            assert!(is_plain_object(value), "not a plain object: {value:?}");
            Object::values(value.unchecked_ref()).for_each(&mut |item, _, _| assert_plain(&item));
        }
    }

    #[wasm_bindgen_test]
    fn environment() {
        let browser = Reflect::has(&js_sys::global(), &JsValue::from_str("document")).unwrap_or(false);
        console_log!("wasm-bindgen tests running in {}", if browser { "a browser" } else { "Node" });
    }

    #[wasm_bindgen_test]
    fn validate_text_reports_findings_with_positions() {
        let report = validate(PROPERTIES.into(), JsValue::UNDEFINED).unwrap();
        assert_plain(&report);
        assert_eq!(path(&report, &["tool", "name"]), "msk-connect-lint");
        assert_eq!(path(&report, &["passed"]), false);
        let findings = Array::from(&get(&report, "findings"));
        let finding = findings.find(&mut |f, _, _| get(&f, "code") == "MSK011");
        assert_eq!(get(&finding, "severity"), "critical");
        assert_eq!(get(&finding, "key"), "src.kafka.security.protocol");
        assert_eq!(path(&finding, &["range", "start", "line"]), 3);
        assert_eq!(path(&finding, &["range", "start", "column"]), 29);
        assert!(path(&report, &["summary", "critical"]).as_f64().unwrap() >= 1.0);
        assert_eq!(path(&report, &["connectors", "0", "format"]), "properties");
    }

    #[wasm_bindgen_test]
    fn validate_object_has_pointers_but_no_ranges() {
        let text_report = validate(REST.into(), JsValue::UNDEFINED).unwrap();
        let report = validate(JSON::parse(REST).unwrap(), JsValue::UNDEFINED).unwrap();
        assert_plain(&report);
        let findings = Array::from(&get(&report, "findings"));
        assert!(findings.length() > 0);
        assert_eq!(findings.length(), Array::from(&get(&text_report, "findings")).length());
        findings.for_each(&mut |f, _, _| {
            assert!(!Reflect::has(&f, &JsValue::from_str("range")).unwrap());
            assert!(get(&f, "pointer").as_string().unwrap().starts_with("/config/"));
        });
        let connector = path(&report, &["connectors", "0"]);
        assert_eq!(get(&connector, "name"), "replicator");
        assert!(!Reflect::has(&get(&connector, "location"), &JsValue::from_str("range")).unwrap());
    }

    #[wasm_bindgen_test]
    fn options_select_severity_and_fail_on() {
        let report = validate(PROPERTIES.into(), options(r#"{"ignore":["MSK011"],"failOn":"none"}"#)).unwrap();
        assert_eq!(get(&report, "passed"), true);
        assert!(Array::from(&get(&report, "findings")).every(&mut |f, _, _| get(&f, "code") != "MSK011"));
        let report =
            validate(PROPERTIES.into(), options(r#"{"select":["sasl-plain-over-plaintext"],"severity":{"MSK011":"low"}}"#)).unwrap();
        assert_eq!(path(&report, &["findings", "0", "severity"]), "low");
        assert_eq!(path(&report, &["summary", "low"]), 1);
        assert_eq!(get(&report, "passed"), true);
    }

    #[wasm_bindgen_test]
    fn exceptions_expire_by_the_js_clock_unless_today_is_given() {
        let live = r#"{"exceptions":[{"rule":"MSK011","reason":"migrating","expires":"9999-12-31"}]}"#;
        let report = validate(PROPERTIES.into(), options(live)).unwrap();
        assert_eq!(path(&report, &["suppressed", "0", "reason"]), "migrating");
        assert_eq!(path(&report, &["suppressed", "0", "finding", "code"]), "MSK011");
        let dead = r#"{"exceptions":[{"rule":"MSK011","reason":"migrating","expires":"2000-01-01"}]}"#;
        let report = validate(PROPERTIES.into(), options(dead)).unwrap();
        assert_eq!(path(&report, &["expiredExceptions", "0", "expires"]), "2000-01-01");
        let pinned = r#"{"today":"1999-12-31","exceptions":[{"rule":"MSK011","reason":"migrating","expires":"2000-01-01"}]}"#;
        let report = validate(PROPERTIES.into(), options(pinned)).unwrap();
        assert_eq!(Array::from(&get(&report, "suppressed")).length(), 1);
    }

    #[wasm_bindgen_test]
    fn input_errors_are_named_and_located() {
        let error = validate("{\n  \"name\": \"x\",\n  oops\n}".into(), JsValue::UNDEFINED).unwrap_err();
        assert!(error.is_instance_of::<Error>());
        assert_eq!(error_name(&error), "InputError");
        assert_eq!(get(&error, "line"), 3);
        assert_eq!(get(&error, "column"), 3);
        assert!(get(&error, "message").as_string().unwrap().contains("JSON"));

        let error = validate("".into(), JsValue::UNDEFINED).unwrap_err();
        assert_eq!(error_name(&error), "InputError");
        assert_eq!(get(&error, "line"), 1);

        let error = validate(JSON::parse("[1, 2]").unwrap(), JsValue::UNDEFINED).unwrap_err();
        assert_eq!(error_name(&error), "InputError");
        assert!(get(&error, "line").is_undefined(), "an object has no positions");

        let error = validate(JsValue::from(42), JsValue::UNDEFINED).unwrap_err();
        assert!(error.is_instance_of::<js_sys::TypeError>());
    }

    #[wasm_bindgen_test]
    fn options_errors_are_named() {
        for bad in [
            r#"{"failon":"high"}"#,
            r#"{"failOn":"severe"}"#,
            r#"{"select":["MSK999"]}"#,
            r#"{"severity":{"MSK011":"huge"}}"#,
            r#"{"exceptions":[{"rule":"MSK011","reason":""}]}"#,
            r#"{"exceptions":[{"rule":"MSK011","reason":"r","expires":"soon"}]}"#,
            r#"{"format":"yaml"}"#,
            r#"{"today":"yesterday"}"#,
            r#"{"select":"MSK011"}"#,
            r#"[]"#,
            r#""high""#,
        ] {
            let error = validate(PROPERTIES.into(), options(bad)).unwrap_err();
            assert_eq!(error_name(&error), "OptionsError", "{bad}");
            let message = get(&error, "message").as_string().unwrap();
            assert!(!message.contains(" at line "), "{message}");
        }
        let error = fix(PROPERTIES.into(), options(r#"{"unsafeFixes":"yes"}"#)).unwrap_err();
        assert_eq!(error_name(&error), "OptionsError");
    }

    #[wasm_bindgen_test]
    fn fix_text_and_object() {
        let safe_only = fix(PROPERTIES.into(), JsValue::UNDEFINED).unwrap();
        assert_eq!(get(&safe_only, "output"), PROPERTIES);

        let result = fix(PROPERTIES.into(), options(r#"{"unsafeFixes":true}"#)).unwrap();
        assert_plain(&result);
        let output = get(&result, "output").as_string().unwrap();
        assert!(output.contains("src.kafka.security.protocol=SASL_SSL\n"), "{output}");
        assert!(output.starts_with("connector.class="), "formatting kept");
        assert_eq!(path(&result, &["applied", "0", "code"]), "MSK011");
        assert!(Array::from(&path(&result, &["remaining", "findings"])).every(&mut |f, _, _| get(&f, "code") != "MSK011"));

        let result = fix(JSON::parse(REST).unwrap(), options(r#"{"unsafeFixes":true}"#)).unwrap();
        let output = get(&result, "output");
        assert!(is_plain_object(&output), "an object in, an object out");
        assert_eq!(path(&output, &["config", "src.kafka.security.protocol"]), "SASL_SSL");
        assert!(!Reflect::has(&path(&result, &["applied", "0"]), &JsValue::from_str("range")).unwrap());
    }

    #[wasm_bindgen_test]
    fn rules_catalogue() {
        let rules = rules().unwrap();
        assert_plain(&rules);
        let rules = Array::from(&rules);
        assert!(rules.length() >= 10);
        rules.for_each(&mut |rule, _, _| {
            let docs = get(&rule, "docs").as_string().unwrap();
            assert!(docs.contains("## What it does"), "{docs}");
            assert!(get(&rule, "code").as_string().unwrap().starts_with("MSK"));
            assert!(Array::is_array(&get(&rule, "references")));
        });
    }

    #[wasm_bindgen_test]
    fn sarif_from_reports() {
        let report = validate(PROPERTIES.into(), JsValue::UNDEFINED).unwrap();
        let sarif = to_sarif(report.clone()).unwrap();
        assert_plain(&sarif);
        assert_eq!(get(&sarif, "version"), "2.1.0");
        let result = path(&sarif, &["runs", "0", "results", "0"]);
        assert_eq!(get(&result, "ruleId"), "MSK011");
        assert_eq!(path(&result, &["locations", "0", "physicalLocation", "artifactLocation", "uri"]), "input");

        let entries = Array::new();
        let entry = Object::new();
        Reflect::set(&entry, &"path".into(), &"conf/a b.properties".into()).unwrap();
        Reflect::set(&entry, &"report".into(), &report).unwrap();
        entries.push(&entry);
        let sarif = to_sarif(entries.into()).unwrap();
        assert_eq!(
            path(&sarif, &["runs", "0", "results", "0", "locations", "0", "physicalLocation", "artifactLocation", "uri"]),
            "conf/a%20b.properties"
        );

        for bad in [JsValue::from(1), JsValue::from_str("report"), JsValue::NULL, JSON::parse("[{\"x\":1}]").unwrap()] {
            assert!(to_sarif(bad).unwrap_err().is_instance_of::<js_sys::TypeError>());
        }
    }

    /// A small deterministic generator (xorshift), so a failure replays.
    struct Noise(u64);

    impl Noise {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    const PIECES: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "\\",
        "\\u",
        "\\uD800",
        "=",
        "\n",
        "\r\n",
        " ",
        "\t",
        "#",
        "!",
        "\u{feff}",
        "\u{1F600}",
        "é",
        "\0",
        "\"connector.class\"",
        "\"config\"",
        "\"name\"",
        "connector.class",
        "security.protocol",
        "SASL_PLAINTEXT",
        "PLAINTEXT",
        "ssl.",
        "bootstrap.servers",
        "localhost:9092",
        "b-1.x.kafka.us-east-1.amazonaws.com:9098",
        "${file:/x:y}",
        "jdbc:mysql://h/db?useSSL=false",
        "\"kafkaClusterEncryptionInTransit\"",
        "\"encryptionType\"",
        "\"Resources\"",
        "\"Type\"",
        "AWS::KafkaConnect::Connector",
        "\"resource_changes\"",
        "\"after\"",
        "\"after_unknown\"",
        "true",
        "null",
        "1e999",
        "-0",
        "curl -X POST",
        "apiVersion: v1",
        "resource \"x\" {",
    ];

    fn garbage(noise: &mut Noise) -> String {
        let mut text = String::new();
        for _ in 0..noise.below(40) {
            text.push_str(PIECES[noise.below(PIECES.len())]);
        }
        text
    }

    #[wasm_bindgen_test]
    fn garbage_never_traps() {
        let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
        let mut inputs: Vec<String> = (0..400).map(|_| garbage(&mut noise)).collect();
        inputs.push("[".repeat(100_000));
        inputs.push("{\"a\":".repeat(50_000));
        inputs.push(format!("{}{}", "[".repeat(199), "]".repeat(199)));
        inputs.push("a=b\\\n".repeat(10_000));
        inputs.push("\u{feff}".to_string());
        inputs.push(REST.replace("SASL_PLAINTEXT", "\u{1F600}").replace(':', "\u{0}"));
        for (i, cut) in (0..REST.len()).filter(|i| REST.is_char_boundary(*i)).enumerate() {
            if i % 3 == 0 {
                inputs.push(REST[..cut].to_string());
            }
        }
        let settings = [
            JsValue::UNDEFINED,
            options(r#"{"unsafeFixes":true}"#),
            options(r#"{"format":"properties"}"#),
            options(r#"{"format":"msk-connect-api"}"#),
        ];
        for (i, input) in inputs.iter().enumerate() {
            let options = &settings[i % settings.len()];
            for result in [validate(input.as_str().into(), options.clone()), fix(input.as_str().into(), options.clone())] {
                if let Err(error) = result {
                    assert_eq!(error_name(&error), "InputError", "input {i}: {input:?}");
                    assert!(get(&error, "line").as_f64().unwrap() >= 1.0);
                    assert!(get(&error, "column").as_f64().unwrap() >= 1.0);
                }
            }
            if let Ok(parsed) = JSON::parse(input) {
                if parsed.is_object() {
                    let _ = validate(parsed.clone(), JsValue::UNDEFINED);
                    let _ = fix(parsed, options.clone());
                }
            }
        }
        let odd_options =
            ["{}", "{\"select\":[]}", "{\"severity\":{}}", "{\"exceptions\":[]}", "{\"format\":\"auto\"}", "{\"exclude\":[\"x\"]}"];
        for text in odd_options {
            validate(PROPERTIES.into(), options(text)).unwrap();
        }
        for value in
            [JsValue::from(1), JsValue::TRUE, JsValue::from_str("x"), Array::new().into(), js_sys::Function::new_no_args("").into()]
        {
            assert!(validate(PROPERTIES.into(), value).is_err());
        }
        assert!(to_sarif(JSON::parse(r#"{"findings":[{"code":"MSK999","range":{"start":{"line":-1}}}]}"#).unwrap()).is_ok());
        assert!(to_sarif(JSON::parse(r#"[{"path":"x","error":{"line":"one"}}]"#).unwrap()).is_ok());
    }
}
