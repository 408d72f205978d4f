//! The report a check returns: the engine's findings with their ranges, after the policy's exceptions.

use crate::connector::{Connector, Location};
use crate::engine;
use crate::finding::{Finding, Severity};
use crate::input::InputError;
use crate::policy::{Exceptions, ExpiredException, Options, Suppressed};
use crate::span::{LineIndex, Range};
use serde::Serialize;

pub const TOOL_NAME: &str = "msk-connect-lint";
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

pub const TOOL: Tool = Tool { name: TOOL_NAME, version: VERSION };

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConnectorSummary {
    pub index: usize,
    pub name: Option<String>,
    pub format: &'static str,
    pub class: Option<String>,
    pub family: &'static str,
    pub location: ReportLocation,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportLocation {
    pub pointer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<Range>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub info: usize,
}

impl Summary {
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Critical => self.critical += 1,
            Severity::High => self.high += 1,
            Severity::Medium => self.medium += 1,
            Severity::Low => self.low += 1,
            Severity::Info => self.info += 1,
        }
    }

    pub fn merge(&mut self, other: &Summary) {
        self.critical += other.critical;
        self.high += other.high;
        self.medium += other.medium;
        self.low += other.low;
        self.info += other.info;
    }

    pub fn total(&self) -> usize {
        self.critical + self.high + self.medium + self.low + self.info
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub tool: Tool,
    pub connectors: Vec<ConnectorSummary>,
    pub findings: Vec<Finding>,
    pub suppressed: Vec<Suppressed>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expired_exceptions: Vec<ExpiredException>,
    pub summary: Summary,
    pub passed: bool,
}

impl Report {
    /// Without text positions: for input that came as a parsed object, whose text the caller never saw.
    pub fn strip_ranges(&mut self) {
        self.findings.iter_mut().for_each(|f| f.range = None);
        self.suppressed.iter_mut().for_each(|s| s.finding.range = None);
        self.connectors.iter_mut().for_each(|c| c.location.range = None);
    }
}

/// An input error at the edge: message plus 1-based line and UTF-16 column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LocatedError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl LocatedError {
    pub fn from_input(text: &str, error: &InputError) -> LocatedError {
        let position = LineIndex::new(text).position(error.offset);
        LocatedError { message: error.message.clone(), line: position.line, column: position.column }
    }
}

impl std::fmt::Display for LocatedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

pub fn build_report(text: Option<&str>, connectors: &[Connector], options: &Options) -> Report {
    let mut findings = engine::run(connectors, options);
    let index = text.map(LineIndex::new);
    let range_of = |location: &Location| index.as_ref().map(|i| i.range(location.span));
    for finding in &mut findings {
        finding.range = finding.location.as_ref().and_then(range_of);
    }
    findings.sort_by(|a, b| {
        let line = |f: &Finding| f.range.map(|r| (r.start.line, r.start.column));
        (a.connector, line(a), std::cmp::Reverse(a.severity), a.code).cmp(&(b.connector, line(b), std::cmp::Reverse(b.severity), b.code))
    });

    let Exceptions { kept, suppressed, expired } = options.apply_exceptions(findings, connectors);
    let mut summary = Summary::default();
    for finding in &kept {
        summary.add(finding.severity);
    }
    let passed = !kept.iter().any(|f| options.fail_on.fails(f.severity));
    Report {
        tool: TOOL,
        connectors: connectors
            .iter()
            .enumerate()
            .map(|(i, c)| ConnectorSummary {
                index: i,
                name: c.name.clone(),
                format: c.format.name(),
                class: c.class.clone(),
                family: c.family.name(),
                location: ReportLocation { pointer: c.location.pointer.clone(), range: range_of(&c.location) },
            })
            .collect(),
        findings: kept,
        suppressed,
        expired_exceptions: expired,
        summary,
        passed,
    }
}
