//! SARIF 2.1.0: rule metadata, levels from severity, regions, suppressions with their reason.

use crate::finding::Severity;
use crate::render::FileResult;
use crate::report::{TOOL_NAME, VERSION};
use crate::rules::RULES;
use serde_json::{json, Value};

pub const INFORMATION_URI: &str = "https://github.com/msk-connect-lint/msk-connect-lint";

pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium | Severity::Low => "warning",
        Severity::Info => "note",
    }
}

/// The score GitHub code scanning reads to rank security results.
fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "0.0",
    }
}

/// SARIF for reports in their JSON wire form: one report, an array of reports, or an array of
/// `{ path, report }` / `{ path, error }` (the CLI's `files`). The JS `toSarif` and the native CLI
/// both come through here.
pub fn sarif_from_json(input: &Value) -> Result<Value, String> {
    let entries: Vec<Value> = match input {
        Value::Array(items) => items.clone(),
        Value::Object(map) if map.contains_key("files") => map.get("files").and_then(Value::as_array).cloned().unwrap_or_default(),
        Value::Object(_) => vec![input.clone()],
        _ => return Err("toSarif expects a report, an array of reports, or an array of { path, report | error }".to_string()),
    };
    let mut files = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let path = entry.get("path").and_then(Value::as_str).map(str::to_string).unwrap_or_else(|| {
            if entries.len() == 1 {
                "input".to_string()
            } else {
                format!("input-{}", i + 1)
            }
        });
        if let Some(error) = entry.get("error") {
            files.push(SarifFile::Error { path, error: error.clone() });
        } else if let Some(report) = entry.get("report").or_else(|| entry.get("findings").map(|_| entry)) {
            files.push(SarifFile::Report { path, report: report.clone() });
        } else {
            return Err(format!("toSarif: entry {i} is neither a report nor {{ path, report | error }}"));
        }
    }
    Ok(render(&files))
}

pub fn sarif(files: &[FileResult]) -> Value {
    let value = serde_json::to_value(files).unwrap_or(Value::Null);
    sarif_from_json(&value).unwrap_or(Value::Null)
}

enum SarifFile {
    Report { path: String, report: Value },
    Error { path: String, error: Value },
}

fn render(files: &[SarifFile]) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.code,
                "name": rule.name,
                "shortDescription": { "text": rule.summary() },
                "fullDescription": { "text": rule.summary() },
                "help": { "text": rule.markdown(), "markdown": rule.markdown() },
                "helpUri": rule.references().first().copied().unwrap_or(INFORMATION_URI),
                "defaultConfiguration": { "level": level(rule.severity) },
                "properties": {
                    "tags": ["security", rule.category.name()],
                    "security-severity": security_severity(rule.severity),
                    "precision": "high"
                }
            })
        })
        .collect();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for file in files {
        match file {
            SarifFile::Error { path, error } => notifications.push(json!({
                "level": "error",
                "message": { "text": error.get("message").and_then(Value::as_str).unwrap_or("input error") },
                "locations": [{ "physicalLocation": {
                    "artifactLocation": { "uri": uri(path) },
                    "region": {
                        "startLine": error.get("line").and_then(Value::as_u64).unwrap_or(1).max(1),
                        "startColumn": error.get("column").and_then(Value::as_u64).unwrap_or(1).max(1)
                    }
                }}]
            })),
            SarifFile::Report { path, report } => {
                for finding in report.get("findings").and_then(Value::as_array).into_iter().flatten() {
                    results.push(result(path, finding, None));
                }
                for suppressed in report.get("suppressed").and_then(Value::as_array).into_iter().flatten() {
                    let reason = suppressed.get("reason").and_then(Value::as_str).unwrap_or("");
                    results.push(result(path, suppressed.get("finding").unwrap_or(&Value::Null), Some(reason)));
                }
            }
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": TOOL_NAME,
                "version": VERSION,
                "semanticVersion": VERSION,
                "informationUri": INFORMATION_URI,
                "rules": rules
            }},
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications
            }],
            "results": results
        }]
    })
}

fn result(path: &str, finding: &Value, suppression: Option<&str>) -> Value {
    let text = |key: &str| finding.get(key).and_then(Value::as_str).unwrap_or("");
    let code = text("code");
    let severity = Severity::parse(text("severity")).unwrap_or(Severity::Info);
    let mut physical = json!({ "artifactLocation": { "uri": uri(path) } });
    if let Some(range) = finding.get("range").filter(|r| r.is_object()) {
        let at = |end: &str, field: &str| range.get(end).and_then(|p| p.get(field)).and_then(Value::as_u64).unwrap_or(1).max(1);
        physical["region"] = json!({
            "startLine": at("start", "line"),
            "startColumn": at("start", "column"),
            "endLine": at("end", "line"),
            "endColumn": at("end", "column")
        });
    }
    let mut location = json!({ "physicalLocation": physical });
    let pointer = text("pointer");
    if !pointer.is_empty() {
        location["logicalLocations"] = json!([{ "fullyQualifiedName": pointer, "kind": "member" }]);
    }
    let mut result = json!({
        "ruleId": code,
        "ruleIndex": RULES.iter().position(|r| r.code == code).unwrap_or(0),
        "level": level(severity),
        "message": { "text": format!("{} Help: {}", text("message"), text("help")) },
        "locations": [location],
        "partialFingerprints": { "mskConnectLint/v1": format!("{code}:{pointer}:{}", text("key")) },
        "properties": {
            "severity": severity.name(),
            "category": text("category"),
            "connector": finding.get("connector").cloned().unwrap_or(Value::Null)
        }
    });
    if let Some(reason) = suppression {
        result["suppressions"] = json!([{ "kind": "external", "justification": reason }]);
    }
    result
}
/// A relative path as a URI reference: forward slashes, spaces and `%` escaped.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    for c in path.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            c => out.push(c),
        }
    }
    out
}
