//! Runs the enabled rules over the connectors of one input and turns what they report into
//! findings: severity (the rule's, adjusted for loopback, unverifiable and aggravated cases, then
//! the policy's), references, and which findings another rule's supersede.

use crate::connector::{Connector, InsertPoint, Origin};
use crate::finding::{Applicability, Category, Finding, Severity};
use crate::policy::Options;
use crate::rules::{Context, Diagnostic, Downgrade, Rule, Shared, RULES};
use crate::span::Span;
use std::collections::HashMap;

/// Every finding of every enabled rule, before exceptions, in rule order per connector.
pub fn run(connectors: &[Connector], options: &Options) -> Vec<Finding> {
    let enabled: Vec<(&Rule, &'static [&'static str])> =
        RULES.iter().copied().filter(|r| options.is_enabled(r)).map(|r| (r, r.references())).collect();
    let mut findings = Vec::new();
    let shared = Shared::default();
    for (index, connector) in connectors.iter().enumerate() {
        let context = Context::new(connector, connectors, &shared, &options.assume);
        let first = findings.len();
        let origins = origins(connector);
        for (rule, references) in &enabled {
            let mut diagnostics = Vec::new();
            (rule.check)(&context, &mut diagnostics);
            findings.extend(diagnostics.into_iter().map(|d| finding(rule, references, index, connector, &origins, d, options)));
        }
        drop_superseded(&mut findings, first);
    }
    findings
}

fn finding(
    rule: &Rule,
    references: &[&'static str],
    index: usize,
    connector: &Connector,
    origins: &HashMap<Span, &Origin>,
    diagnostic: Diagnostic,
    options: &Options,
) -> Finding {
    let (severity, category) = match diagnostic.downgrade {
        None if diagnostic.escalated => (escalate(rule.severity), rule.category),
        None => (rule.severity, rule.category),
        Some(Downgrade::Loopback) => (Severity::Info, rule.category),
        Some(Downgrade::Unverifiable) => (Severity::Info, Category::Unverifiable),
    };
    let severity = match options.severity_of(rule) {
        Some(level) if diagnostic.downgrade.is_none() => level,
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
    if let Some(origin) = origins.get(&diagnostic.location.span) {
        // The finding points where the value is set, which is not where it is used.
        message.push_str(&format!(" (the value comes from {})", origin.what));
        if let Some(fix) = fix.as_mut().filter(|_| origin.uses > 1) {
            fix.title.push_str(&format!(" (edits {}, which {} places use: they all change)", origin.what, origin.uses));
        }
    }
    if matches!(connector.config.insert, InsertPoint::Embedded) {
        // The settings sit inside an encoded blob: the edit is advice, not a text change.
        if let Some(fix) = fix.as_mut().filter(|f| f.edits.iter().any(|e| e.key.is_some())) {
            fix.applicability = Applicability::DisplayOnly;
        }
    }
    Finding {
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
        references: if diagnostic.references.is_empty() { references.to_vec() } else { diagnostic.references.to_vec() },
        compliance: rule.compliance.to_vec(),
        location: Some(diagnostic.location),
    }
}

/// The origin of the value a finding points at, when it is set elsewhere than where it is used
/// (a Terraform variable default, a CloudFormation parameter Default).
/// Where each value that comes from elsewhere (a variable, a parameter) is set, by the span of
/// its use: looked up once per finding, so a connector of many keys is not scanned for each.
fn origins(connector: &Connector) -> HashMap<Span, &Origin> {
    let fields = connector.cluster.iter().flat_map(|c| [&c.bootstrap_servers, &c.encryption_type, &c.authentication_type]).flatten();
    let mut origins: HashMap<Span, &Origin> = fields.filter_map(|f| Some((f.location.span, f.origin.as_ref()?))).collect();
    // An entry's origin wins over a cluster field's at the same place, as it always has.
    origins.extend(connector.config.entries.iter().filter_map(|e| Some((e.value_span, e.origin.as_ref()?))));
    origins
}

fn escalate(severity: Severity) -> Severity {
    match severity {
        Severity::Info => Severity::Low,
        Severity::Low => Severity::Medium,
        Severity::Medium => Severity::High,
        Severity::High | Severity::Critical => Severity::Critical,
    }
}

/// Drops, among the findings of one connector (from `first` on), each one that a finding of a
/// rule it names in `superseded_by` replaces: same key, or both about the cluster link (no key).
fn drop_superseded(findings: &mut Vec<Finding>, first: usize) {
    let connector = findings.split_off(first);
    // By (code, key): a connector may have tens of thousands of findings, so no pairwise scan.
    let present: std::collections::HashSet<(&str, Option<&str>)> = connector.iter().map(|f| (f.code, f.key.as_deref())).collect();
    let superseded = |f: &Finding| {
        let Some(rule) = crate::rules::find(f.code) else { return false };
        rule.superseded_by.iter().any(|code| present.contains(&(*code, f.key.as_deref())))
    };
    let kept: Vec<Finding> = connector.iter().filter(|f| !superseded(f)).cloned().collect();
    findings.extend(kept);
}
