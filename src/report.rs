//! Runs the rules over the connectors of one input and assembles the report.

use crate::connector::{Connector, Location};
use crate::finding::{Category, Finding, Severity};
use crate::input::InputError;
use crate::options::{Exception, Options};
use crate::rules::registry::RULES;
use crate::rules::{Context, Downgrade, Rule};
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suppressed {
    pub finding: Finding,
    pub reason: String,
    pub expires: Option<String>,
}

/// An exception whose date has passed: it no longer suppresses anything.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExpiredException {
    pub rule: String,
    pub connector: Option<String>,
    pub key: Option<String>,
    pub reason: String,
    pub expires: String,
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

pub fn is_enabled(rule: &Rule, options: &Options) -> bool {
    (options.select.is_empty() || options.select.contains(&rule)) && !options.ignore.contains(&rule)
}

/// Every finding of every enabled rule, before policy (severity overrides, exceptions).
pub fn run_rules(connectors: &[Connector], options: &Options) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, connector) in connectors.iter().enumerate() {
        let context = Context::new(connector, connectors, &options.assume);
        for rule in RULES.iter().filter(|r| is_enabled(r, options)) {
            let mut diagnostics = Vec::new();
            (rule.check)(&context, &mut diagnostics);
            for diagnostic in diagnostics {
                let (severity, category) = match diagnostic.downgrade {
                    None if diagnostic.escalated => (escalate(rule.severity), rule.category),
                    None => (rule.severity, rule.category),
                    Some(Downgrade::Loopback) => (Severity::Info, rule.category),
                    Some(Downgrade::Unverifiable) => (Severity::Info, Category::Unverifiable),
                };
                let severity = match options.severity.iter().find(|(r, _)| r.code == rule.code) {
                    Some((_, level)) if diagnostic.downgrade.is_none() => *level,
                    _ => severity,
                };
                let message = match diagnostic.downgrade {
                    Some(Downgrade::Loopback) => {
                        format!("{} (reported as info: the address is loopback, so this link crosses no network)", diagnostic.message)
                    }
                    _ => diagnostic.message,
                };
                let mut fix = diagnostic.fix;
                let mut message = message;
                if let Some(origin) = origin_of(connector, &diagnostic.location) {
                    // The finding points where the value is set, which is not where it is used.
                    message.push_str(&format!(" (the value comes from {})", origin.what));
                    if let Some(fix) = fix.as_mut().filter(|_| origin.uses > 1) {
                        fix.title.push_str(&format!(" (edits {}, which {} places use: they all change)", origin.what, origin.uses));
                    }
                }
                if matches!(connector.config.insert, crate::connector::InsertPoint::Embedded) {
                    // The settings sit inside an encoded blob: the edit is advice, not a text change.
                    if let Some(fix) = fix.as_mut().filter(|f| f.edits.iter().any(|e| e.key.is_some())) {
                        fix.applicability = crate::finding::Applicability::DisplayOnly;
                    }
                }
                findings.push(Finding {
                    code: rule.code,
                    name: rule.name,
                    severity,
                    category,
                    message,
                    help: diagnostic.help,
                    connector: index,
                    key: diagnostic.key,
                    pointer: diagnostic.location.pointer.clone(),
                    range: None,
                    fix,
                    remediation: diagnostic.remediation,
                    references: rule.references.to_vec(),
                    compliance: rule.compliance.to_vec(),
                    location: Some(diagnostic.location),
                });
            }
        }
    }
    findings
}

/// The origin of the value a finding points at, when it is set elsewhere than where it is used
/// (a Terraform variable default, a CloudFormation parameter Default).
fn origin_of<'a>(connector: &'a Connector, location: &Location) -> Option<&'a crate::connector::Origin> {
    let entry = connector.config.entries.iter().find(|e| e.value_span == location.span && e.origin.is_some());
    let field = || {
        let cluster = connector.cluster.as_ref()?;
        [&cluster.bootstrap_servers, &cluster.encryption_type, &cluster.authentication_type]
            .into_iter()
            .flatten()
            .find(|f| f.location.span == location.span && f.origin.is_some())
    };
    entry.and_then(|e| e.origin.as_ref()).or_else(|| field().and_then(|f| f.origin.as_ref()))
}

fn escalate(severity: Severity) -> Severity {
    match severity {
        Severity::Info => Severity::Low,
        Severity::Low => Severity::Medium,
        Severity::Medium => Severity::High,
        Severity::High | Severity::Critical => Severity::Critical,
    }
}

pub fn build_report(text: Option<&str>, connectors: &[Connector], options: &Options) -> Report {
    let mut findings = run_rules(connectors, options);
    let index = text.map(LineIndex::new);
    let range_of = |location: &Location| index.as_ref().map(|i| i.range(location.span));
    for finding in &mut findings {
        finding.range = finding.location.as_ref().and_then(range_of);
    }
    findings.sort_by(|a, b| {
        let line = |f: &Finding| f.range.map(|r| (r.start.line, r.start.column));
        (a.connector, line(a), std::cmp::Reverse(a.severity), a.code).cmp(&(b.connector, line(b), std::cmp::Reverse(b.severity), b.code))
    });

    let mut kept = Vec::new();
    let mut suppressed = Vec::new();
    let mut expired = Vec::new();
    for finding in findings {
        let connector = &connectors[finding.connector];
        let matching: Vec<&Exception> = options.exceptions.iter().filter(|e| exception_matches(e, &finding, connector)).collect();
        let (live, dead): (Vec<&Exception>, Vec<&Exception>) = matching.into_iter().partition(|e| !has_expired(e, options));
        for exception in dead {
            let entry = ExpiredException {
                rule: exception.rule.clone(),
                connector: exception.connector.clone(),
                key: exception.key.clone(),
                reason: exception.reason.clone(),
                expires: exception.expires.clone().unwrap_or_default(),
            };
            if !expired.contains(&entry) {
                expired.push(entry);
            }
        }
        match live.first() {
            Some(exception) => {
                suppressed.push(Suppressed { finding, reason: exception.reason.clone(), expires: exception.expires.clone() })
            }
            None => kept.push(finding),
        }
    }

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

fn exception_matches(exception: &Exception, finding: &Finding, connector: &Connector) -> bool {
    let rule_matches = exception.rule == finding.code || exception.rule == finding.name;
    let connector_matches = exception.connector.as_ref().is_none_or(|name| connector.name.as_deref() == Some(name.as_str()));
    let key_matches = exception.key.as_ref().is_none_or(|key| finding.key.as_deref() == Some(key.as_str()));
    rule_matches && connector_matches && key_matches
}

/// An exception applies up to and including its `expires` day. ISO dates compare as text.
fn has_expired(exception: &Exception, options: &Options) -> bool {
    match (&exception.expires, &options.today) {
        (Some(expires), Some(today)) => today.as_str() > expires.as_str(),
        _ => false,
    }
}
