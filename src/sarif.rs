//! SARIF 2.1.0: rule metadata, levels from severity, regions, suppressions with their reason.

use crate::finding::{Finding, Severity};
use crate::render::FileResult;
use crate::report::{TOOL_NAME, VERSION};
use crate::rules::registry::RULES;
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

pub fn sarif(files: &[FileResult]) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.code,
                "name": rule.name,
                "shortDescription": { "text": rule.summary() },
                "fullDescription": { "text": rule.summary() },
                "help": { "text": rule.markdown(), "markdown": rule.markdown() },
                "helpUri": rule.references.first().copied().unwrap_or(INFORMATION_URI),
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
            FileResult::Error { path, error } => notifications.push(json!({
                "level": "error",
                "message": { "text": error.message },
                "locations": [{ "physicalLocation": {
                    "artifactLocation": { "uri": uri(path) },
                    "region": { "startLine": error.line, "startColumn": error.column }
                }}]
            })),
            FileResult::Report { path, report } => {
                for finding in &report.findings {
                    results.push(result(path, finding, None));
                }
                for suppressed in &report.suppressed {
                    results.push(result(path, &suppressed.finding, Some(&suppressed.reason)));
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

fn result(path: &str, finding: &Finding, suppression: Option<&str>) -> Value {
    let mut physical = json!({ "artifactLocation": { "uri": uri(path) } });
    if let Some(range) = finding.range {
        physical["region"] = json!({
            "startLine": range.start.line,
            "startColumn": range.start.column,
            "endLine": range.end.line,
            "endColumn": range.end.column
        });
    }
    let mut location = json!({ "physicalLocation": physical });
    if !finding.pointer.is_empty() {
        location["logicalLocations"] = json!([{ "fullyQualifiedName": finding.pointer, "kind": "member" }]);
    }
    let mut result = json!({
        "ruleId": finding.code,
        "ruleIndex": RULES.iter().position(|r| r.code == finding.code).unwrap_or(0),
        "level": level(finding.severity),
        "message": { "text": format!("{} Help: {}", finding.message, finding.help) },
        "locations": [location],
        "partialFingerprints": { "mskConnectLint/v1": format!("{}:{}:{}", finding.code, finding.pointer, finding.key.as_deref().unwrap_or("")) },
        "properties": {
            "severity": finding.severity.name(),
            "category": finding.category.name(),
            "connector": finding.connector
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
