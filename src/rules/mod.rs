//! Rules: one file each, read top to bottom as docs, metadata, check. `registry.rs` lists them.

mod destination;
mod msk_recreate;
pub mod registry;

mod credentials_over_plaintext;
mod database_link_certificate_unverified;
mod database_link_hostname_unverified;
mod database_link_plaintext;
mod database_link_tls_fallback;
mod database_link_weak_tls_version;
mod duplicate_key;
mod embedded_kafka_client_plaintext;
mod ineffective_security_setting;
mod kafka_client_hostname_verification_disabled;
mod kafka_client_weak_tls_protocol;
mod msk_bootstrap_port_mismatch;
mod msk_cluster_auth_none;
mod msk_cluster_link_plaintext;
mod msk_iam_over_plaintext;
mod msk_worker_refused_key;
mod plaintext_secret;
mod s3_kms_key_ignored;
mod s3_no_server_side_encryption;
mod sasl_plain_over_plaintext;
mod service_certificate_unverified;
mod service_hostname_unverified;
mod service_link_plaintext;
mod undeclared_config_provider;
mod worker_kafka_client_plaintext;

use crate::connector::{ConfigEntry, Connector, Location};
use crate::finding::{Category, Fix, Remediation, Severity};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub category: Category,
    pub fix: FixAvailability,
    /// The rule's user-facing Markdown docs, captured from its `///` comment.
    pub docs: &'static str,
    pub references: &'static [&'static str],
    pub compliance: &'static [&'static str],
    /// The connector families and settings the rule covers, for the README's coverage table.
    pub covers: &'static [&'static str],
    pub check: fn(&Context, &mut Vec<Diagnostic>),
}

impl Rule {
    /// The docs with rustdoc's leading space removed from each line.
    pub fn markdown(&self) -> String {
        self.docs.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n").trim().to_string()
    }

    /// The first paragraph of "What it does", for one-line listings.
    pub fn summary(&self) -> String {
        let markdown = self.markdown();
        let body = markdown.split("## What it does").nth(1).unwrap_or(&markdown);
        body.trim().split("\n\n").next().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Declares a rule: the `///` lines become its docs (biome's `declare_lint_rule!` idea, no proc-macro).
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* pub static $ident:ident = { $($field:ident : $value:expr),* $(,)? };) => {
        $(#[doc = $doc])*
        pub static $ident: $crate::rules::Rule = $crate::rules::Rule {
            docs: concat!($($doc, "\n"),*),
            $($field: $value),*
        };
    };
}
pub(crate) use declare_rule;

/// What a rule sees: one connector, with the others of the same input for context.
pub struct Context<'a> {
    pub connector: &'a Connector,
    pub all: &'a [Connector],
    pub assume: &'a crate::connector::Assumptions,
    /// The connector's destination links, analysed once for all the rules that read them.
    pub links: std::cell::OnceCell<Vec<crate::endpoints::link::Link>>,
}

impl<'a> Context<'a> {
    pub fn new(connector: &'a Connector, all: &'a [Connector], assume: &'a crate::connector::Assumptions) -> Self {
        Context { connector, all, assume, links: std::cell::OnceCell::new() }
    }
}

/// Why a finding is reported below its rule's severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Downgrade {
    /// The link goes to a loopback address and crosses no network.
    Loopback,
    /// The value cannot be known from the input.
    Unverifiable,
}

/// What a rule reports; the engine adds the rule's metadata and turns it into a `Finding`.
pub struct Diagnostic {
    pub message: String,
    pub help: String,
    pub key: Option<String>,
    pub location: Location,
    pub fix: Option<Fix>,
    pub remediation: Option<Remediation>,
    pub downgrade: Option<Downgrade>,
    /// One level above the rule's severity, for the aggravated case its docs describe.
    pub escalated: bool,
}

impl Diagnostic {
    pub fn at(location: Location, key: Option<&str>, message: impl Into<String>, help: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            help: help.into(),
            key: key.map(str::to_string),
            location,
            fix: None,
            remediation: None,
            downgrade: None,
            escalated: false,
        }
    }

    pub fn at_entry(entry: &ConfigEntry, message: impl Into<String>, help: impl Into<String>) -> Self {
        Diagnostic::at(entry.location(), Some(&entry.key), message, help)
    }

    pub fn with_fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }

    pub fn with_remediation(mut self, remediation: Remediation) -> Self {
        self.remediation = Some(remediation);
        self
    }

    pub fn escalated(mut self, escalated: bool) -> Self {
        self.escalated = escalated;
        self
    }

    pub fn downgraded(mut self, downgrade: Option<Downgrade>) -> Self {
        self.downgrade = downgrade;
        self
    }
}
