//! Renderings of reports for people and pipelines: text (like ruff), GitHub workflow commands,
//! GitLab Code Quality, JUnit XML, and the multi-file JSON document. SARIF lives in `sarif.rs`.

use crate::finding::{Applicability, Finding, Severity};
use crate::report::{LocatedError, Report, Summary, Tool, TOOL};
use serde::Serialize;

/// A unified diff of a fix, as `--fix --diff` prints it.
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// One input file's outcome: a report, or the error that stopped it being read.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum FileResult {
    Report { path: String, report: Report },
    Error { path: String, error: LocatedError },
}

impl FileResult {
    pub fn path(&self) -> &str {
        match self {
            FileResult::Report { path, .. } | FileResult::Error { path, .. } => path,
        }
    }
}

/// `--format json`: one document for all files.
#[derive(Clone, Debug, Serialize)]
pub struct Document<'a> {
    pub tool: Tool,
    pub files: &'a [FileResult],
    pub summary: Summary,
    pub passed: bool,
}

pub fn document(files: &[FileResult]) -> Document<'_> {
    let mut summary = Summary::default();
    let mut passed = true;
    for file in files {
        match file {
            FileResult::Report { report, .. } => {
                summary.merge(&report.summary);
                passed &= report.passed;
            }
            FileResult::Error { .. } => passed = false,
        }
    }
    Document { tool: TOOL, files, summary, passed }
}

pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\u{1b}[{code}m{text}\u{1b}[0m")
        } else {
            text.to_string()
        }
    }

    fn severity(&self, severity: Severity) -> String {
        let code = match severity {
            Severity::Critical => "1;31",
            Severity::High => "31",
            Severity::Medium => "33",
            Severity::Low => "36",
            Severity::Info => "2",
        };
        self.paint(code, &format!("[{}]", severity.name()))
    }
}

fn position(finding: &Finding) -> String {
    finding.range.map_or_else(String::new, |r| format!("{}:{}:", r.start.line, r.start.column))
}

pub fn text(files: &[FileResult], style: &Style) -> String {
    let mut out = String::new();
    let mut fixable = 0;
    let mut unsafe_fixable = 0;
    for file in files {
        match file {
            FileResult::Error { path, error } => {
                out.push_str(&format!("{path}:{}:{}: {} {}\n", error.line, error.column, style.paint("1;31", "error:"), error.message));
            }
            FileResult::Report { path, report } => {
                for finding in &report.findings {
                    let connector = report.connectors.get(finding.connector).and_then(|c| c.name.as_deref());
                    let place = connector.map(|n| format!(" ({n})")).unwrap_or_default();
                    out.push_str(&format!(
                        "{path}:{} {} {} {}{place}\n",
                        position(finding),
                        style.paint("1", finding.code),
                        style.severity(finding.severity),
                        finding.message
                    ));
                    out.push_str(&format!("  {} {}\n", style.paint("32", "help:"), finding.help));
                    if let Some(fix) = &finding.fix {
                        let label = match fix.applicability {
                            Applicability::Safe => {
                                fixable += 1;
                                "fix"
                            }
                            Applicability::Unsafe => {
                                unsafe_fixable += 1;
                                "unsafe fix"
                            }
                            Applicability::DisplayOnly => "suggestion",
                        };
                        out.push_str(&format!("  {} {}\n", style.paint("32", &format!("{label}:")), fix.title));
                    }
                }
                for suppressed in &report.suppressed {
                    let f = &suppressed.finding;
                    out.push_str(&format!(
                        "{path}:{} {} {} suppressed: {}\n",
                        position(f),
                        style.paint("2", f.code),
                        style.paint("2", &format!("[{}]", f.severity.name())),
                        suppressed.reason
                    ));
                }
                for expired in &report.expired_exceptions {
                    out.push_str(&format!(
                        "{path}: warning: the exception for {} expired on {} and no longer applies ({})\n",
                        expired.rule, expired.expires, expired.reason
                    ));
                }
            }
        }
    }
    let doc = document(files);
    let errors = files.iter().filter(|f| matches!(f, FileResult::Error { .. })).count();
    let s = &doc.summary;
    let total = s.total();
    let files_word = if files.len() == 1 { "file" } else { "files" };
    let mut line = if total == 0 {
        format!("No findings in {} {files_word}", files.len())
    } else {
        format!(
            "Found {total} finding{} in {} {files_word} ({} critical, {} high, {} medium, {} low, {} info)",
            if total == 1 { "" } else { "s" },
            files.len(),
            s.critical,
            s.high,
            s.medium,
            s.low,
            s.info
        )
    };
    if errors > 0 {
        line.push_str(&format!("; {errors} {} could not be read", if errors == 1 { "file" } else { "files" }));
    }
    out.push_str(&line);
    out.push('\n');
    if fixable > 0 || unsafe_fixable > 0 {
        out.push_str(&format!("{fixable} fixable with --fix ({unsafe_fixable} more with --fix --unsafe-fixes)\n"));
    }
    out
}

/// GitHub Actions workflow commands: `::error file=...,line=...,col=...::message`.
pub fn github(files: &[FileResult]) -> String {
    let mut out = String::new();
    for file in files {
        match file {
            FileResult::Error { path, error } => out.push_str(&format!(
                "::error file={},line={},col={},title={}::{}\n",
                escape_property(path),
                error.line,
                error.column,
                escape_property("msk-connect-lint: input error"),
                escape_data(&error.message)
            )),
            FileResult::Report { path, report } => {
                for finding in &report.findings {
                    let level = match finding.severity {
                        Severity::Critical | Severity::High => "error",
                        Severity::Medium | Severity::Low => "warning",
                        Severity::Info => "notice",
                    };
                    let mut properties = format!("file={}", escape_property(path));
                    if let Some(range) = finding.range {
                        properties.push_str(&format!(
                            ",line={},col={},endLine={},endColumn={}",
                            range.start.line, range.start.column, range.end.line, range.end.column
                        ));
                    }
                    properties.push_str(&format!(
                        ",title={}",
                        escape_property(&format!("{} {} [{}]", finding.code, finding.name, finding.severity.name()))
                    ));
                    out.push_str(&format!(
                        "::{level} {properties}::{}\n",
                        escape_data(&format!("{} Help: {}", finding.message, finding.help))
                    ));
                }
            }
        }
    }
    out
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// GitLab Code Quality (`artifacts:reports:codequality`): one issue a finding, and one an input
/// error, each with a fingerprint that stays the same while the finding does.
pub fn gitlab(files: &[FileResult]) -> serde_json::Value {
    let mut issues = Vec::new();
    for file in files {
        match file {
            FileResult::Error { path, error } => issues.push(serde_json::json!({
                "description": format!("input error: {}", error.message),
                "check_name": "input-error",
                "fingerprint": fingerprint(&[path, "input-error"]),
                "severity": "critical",
                "location": { "path": path, "lines": { "begin": error.line } },
            })),
            FileResult::Report { path, report } => {
                for finding in &report.findings {
                    let severity = match finding.severity {
                        Severity::Critical => "blocker",
                        Severity::High => "critical",
                        Severity::Medium => "major",
                        Severity::Low => "minor",
                        Severity::Info => "info",
                    };
                    let begin = finding.range.map_or(1, |r| r.start.line);
                    let end = finding.range.map_or(begin, |r| r.end.line);
                    let connector = finding.connector.to_string();
                    issues.push(serde_json::json!({
                        "description": format!("{} Help: {}", finding.message, finding.help),
                        "check_name": format!("{} {}", finding.code, finding.name),
                        "fingerprint": fingerprint(&[path, finding.code, &connector, &finding.pointer]),
                        "severity": severity,
                        "categories": ["Security"],
                        "location": { "path": path, "lines": { "begin": begin, "end": end } },
                    }));
                }
            }
        }
    }
    serde_json::Value::Array(issues)
}

/// FNV-1a over the parts, twice with different offsets, as 32 hex digits: stable across runs
/// and platforms, which `std`'s hasher does not promise.
fn fingerprint(parts: &[&str]) -> String {
    let hash = |seed: u64| {
        parts.iter().flat_map(|p| p.bytes().chain([0])).fold(seed, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
    };
    format!("{:016x}{:016x}", hash(0xcbf2_9ce4_8422_2325), hash(0x8422_2325_cbf2_9ce4))
}

/// JUnit XML as Jenkins and Azure DevOps show it: a test suite a file, a test case a rule that
/// ran on it (failed when the rule reported something, with each finding in the failure), and
/// an error case for a file that could not be read.
pub fn junit(files: &[FileResult]) -> String {
    let rules = crate::rules::RULES;
    let mut suites = String::new();
    let (mut tests, mut failures, mut errors) = (0, 0, 0);
    for file in files {
        let path = xml(file.path());
        match file {
            FileResult::Error { error, .. } => {
                tests += 1;
                errors += 1;
                suites.push_str(&format!(
                    "  <testsuite name=\"{path}\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase classname=\"{path}\" name=\"input\">\n      <error message=\"{}\" type=\"input-error\">{}:{}: {}</error>\n    </testcase>\n  </testsuite>\n",
                    xml(&error.message),
                    error.line,
                    error.column,
                    xml(&error.message)
                ));
            }
            FileResult::Report { report, .. } => {
                let mut cases = String::new();
                let mut suite_failures = 0;
                for rule in rules {
                    let found: Vec<&Finding> = report.findings.iter().filter(|f| f.code == rule.code).collect();
                    let name = xml(&format!("{} {}", rule.code, rule.name));
                    if found.is_empty() {
                        cases.push_str(&format!("    <testcase classname=\"{path}\" name=\"{name}\"/>\n"));
                        continue;
                    }
                    suite_failures += 1;
                    let worst = found.iter().map(|f| f.severity).max().unwrap_or(Severity::Info);
                    let details: Vec<String> =
                        found.iter().map(|f| format!("{} [{}] {} Help: {}", position(f), f.severity.name(), f.message, f.help)).collect();
                    cases.push_str(&format!(
                        "    <testcase classname=\"{path}\" name=\"{name}\">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n",
                        xml(&format!("{} finding{} ({})", found.len(), if found.len() == 1 { "" } else { "s" }, worst.name())),
                        worst.name(),
                        xml(&details.join("\n"))
                    ));
                }
                tests += rules.len();
                failures += suite_failures;
                suites.push_str(&format!(
                    "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{suite_failures}\" errors=\"0\">\n{cases}  </testsuite>\n",
                    rules.len()
                ));
            }
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"msk-connect-lint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">\n{suites}</testsuites>\n"
    )
}

/// Text for XML content and attributes; characters XML 1.0 cannot hold become U+FFFD.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}
