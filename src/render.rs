//! Renderings of reports for people and pipelines: text (like ruff), GitHub workflow commands,
//! and the multi-file JSON document. SARIF lives in `sarif.rs`.

use crate::finding::{Applicability, Finding, Severity};
use crate::report::{LocatedError, Report, Summary, Tool, TOOL};
use serde::Serialize;

/// The command line's help, shared by the native and the Node CLI.
pub const USAGE: &str = "\
Usage: msk-connect-lint [FILE... | DIR... | -] [options]

Checks Kafka Connect / MSK Connect configurations for data or credentials that cross a network
unencrypted or unverified. With no FILE, or with -, reads standard input.

Options:
  --format text|json|sarif|github   output format (default text)
  --format INPUT-FORMAT             force the input format: kafka-connect-rest, kafka-connect-config,
                                    kafka-connect-expand, msk-connect-api, msk-worker-configuration,
                                    cloudformation (JSON or YAML), terraform-plan, terraform-hcl,
                                    strimzi, kubernetes, properties
  --fail-on SEVERITY|none           exit 1 when a finding is at or above it (default high)
  --select CODES                    only these rules (codes or names, comma separated)
  --ignore CODES                    not these rules
  --severity CODE=LEVEL             change a rule's severity (repeatable)
  --fix                             apply safe fixes to the files in place
  --unsafe-fixes                    with --fix, also apply unsafe fixes
  --diff                            with --fix, print the changes instead of writing them
  --config FILE                     options file (default: .msk-connect-lint.json found upward)
  --no-config                       ignore .msk-connect-lint.json
  --explain CODE                    print a rule's documentation
  --list-rules                      list the rules
  --version                         print the version
  -h, --help                        print this help

Exit status: 0 nothing at or above --fail-on, 1 something is, 2 usage or input errors.";

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
