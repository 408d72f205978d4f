//! Rules: one file each, read top to bottom as docs, metadata, check. Registering a rule is one
//! line in the `rules!` list below.

mod destination;
mod msk_recreate;

use crate::connector::{Assumptions, ConfigEntry, Connector, Location};
use crate::endpoints::kafka::{self, KafkaLink};
use crate::endpoints::{self, link::Link};
use crate::finding::{Category, Fix, Remediation, Severity};
use std::cell::OnceCell;

/// Declares each rule's module and lists its `RULE` in `RULES`, in code order.
macro_rules! rules {
    ($($module:ident),* $(,)?) => {
        $(mod $module;)*
        /// Every rule, in code order.
        pub static RULES: &[&Rule] = &[$(&$module::RULE),*];
    };
}

rules! {
    msk_cluster_link_plaintext,
    msk_cluster_auth_none,
    msk_iam_over_plaintext,
    msk_bootstrap_port_mismatch,
    embedded_kafka_client_plaintext,
    sasl_plain_over_plaintext,
    kafka_client_hostname_verification_disabled,
    kafka_client_weak_tls_protocol,
    worker_kafka_client_plaintext,
    msk_worker_refused_key,
    strimzi_kafka_link_plaintext,
    duplicate_key,
    database_link_plaintext,
    database_link_tls_fallback,
    database_link_certificate_unverified,
    database_link_hostname_unverified,
    database_link_weak_tls_version,
    database_link_setting_refused,
    service_link_plaintext,
    credentials_over_plaintext,
    service_certificate_unverified,
    service_hostname_unverified,
    plaintext_secret,
    undeclared_config_provider,
    ineffective_security_setting,
    s3_kms_key_ignored,
    s3_no_server_side_encryption,
}

/// A rule by code (`MSK001`, any case) or name (`msk-cluster-link-plaintext`).
pub fn find(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code.eq_ignore_ascii_case(name) || r.name == name)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

/// Docs and references a rule takes from the driver and connector tables rather than writing
/// them out: the tables stay the one place for those facts.
pub struct Catalogue {
    /// Markdown put where the docs say `<!-- catalogue -->`.
    pub docs: String,
    pub references: Vec<&'static str>,
}

pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub category: Category,
    pub fix: FixAvailability,
    /// The rule's user-facing Markdown docs, captured from its `///` comment; its references are
    /// the links of the `## References` section.
    pub docs: &'static str,
    pub compliance: &'static [&'static str],
    /// The connector families and settings the rule covers, for the README's coverage table.
    pub covers: &'static [&'static str],
    /// Rules whose finding on the same key (or, for cluster-link findings, the same connector)
    /// replaces this rule's: the engine drops this one only when such a finding exists.
    pub superseded_by: &'static [&'static str],
    pub catalogue: Option<fn() -> Catalogue>,
    pub check: fn(&Context, &mut Vec<Diagnostic>),
}

/// What `declare_rule!` fills in when a rule does not say.
pub const DEFAULTS: Rule = Rule {
    code: "",
    name: "",
    severity: Severity::Info,
    category: Category::Unverifiable,
    fix: FixAvailability::None,
    docs: "",
    compliance: &[],
    covers: &[],
    superseded_by: &[],
    catalogue: None,
    check: |_, _| {},
};

impl Rule {
    /// The docs with rustdoc's leading space removed from each line, the catalogue filled in.
    pub fn markdown(&self) -> String {
        let markdown = self.docs.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n");
        let markdown = match self.catalogue {
            Some(catalogue) => {
                let catalogue = catalogue();
                let mut markdown = markdown.replace("<!-- catalogue -->", catalogue.docs.trim_end());
                let own = self.own_references();
                for reference in catalogue.references.iter().filter(|r| !own.contains(r)) {
                    markdown.push_str(&format!("\n- <{reference}>"));
                }
                markdown
            }
            None => markdown,
        };
        markdown.trim().to_string()
    }

    /// The first paragraph of "What it does", for one-line listings.
    pub fn summary(&self) -> String {
        let markdown = self.markdown();
        let body = markdown.split("## What it does").nth(1).unwrap_or(&markdown);
        body.trim().split("\n\n").next().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The links of the docs' `## References` section, then the catalogue's: worked out once
    /// per process for every rule (a catalogue builds its whole table to list them).
    pub fn references(&self) -> &'static [&'static str] {
        static REFERENCES: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
        let all = REFERENCES.get_or_init(|| RULES.iter().map(|rule| rule.collect_references()).collect());
        RULES.iter().position(|rule| std::ptr::eq(*rule, self)).map_or(&[], |i| all[i].as_slice())
    }

    fn collect_references(&self) -> Vec<&'static str> {
        let mut references = self.own_references();
        if let Some(catalogue) = self.catalogue {
            for reference in catalogue().references {
                if !references.contains(&reference) {
                    references.push(reference);
                }
            }
        }
        references
    }

    fn own_references(&self) -> Vec<&'static str> {
        let docs: &'static str = self.docs;
        let Some((_, section)) = docs.split_once("## References") else { return Vec::new() };
        section
            .lines()
            .map(str::trim)
            .take_while(|l| !l.starts_with("## "))
            .filter_map(|l| l.strip_prefix("- <").and_then(|l| l.strip_suffix('>')))
            .collect()
    }
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}
impl Eq for Rule {}
impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.code, self.name)
    }
}

/// Declares a rule: the `///` lines become its docs (biome's `declare_lint_rule!` idea, no
/// proc-macro); fields it does not name take `DEFAULTS`.
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* pub static $ident:ident = { $($field:ident : $value:expr),* $(,)? };) => {
        $(#[doc = $doc])*
        pub static $ident: $crate::rules::Rule = $crate::rules::Rule {
            docs: concat!($($doc, "\n"),*),
            $($field: $value,)*
            ..$crate::rules::DEFAULTS
        };
    };
}
pub(crate) use declare_rule;

/// What a rule sees: one connector, with the others of the same input for context.
pub struct Context<'a> {
    pub connector: &'a Connector,
    pub all: &'a [Connector],
    /// What rules work out once per input from all its connectors, not once per connector.
    pub shared: &'a Shared,
    pub assume: &'a Assumptions,
    /// The connector's destination and Kafka links, analysed once for all the rules that read them.
    links: OnceCell<Vec<Link>>,
    kafka: OnceCell<Vec<KafkaLink<'a>>>,
}

/// Per input, for all its connectors (an input may hold tens of thousands of them).
#[derive(Default)]
pub struct Shared {
    /// The config providers the input's workers declare; `None` when no worker has `config.providers`.
    pub provider_aliases: OnceCell<Option<Vec<String>>>,
}

impl<'a> Context<'a> {
    pub fn new(connector: &'a Connector, all: &'a [Connector], shared: &'a Shared, assume: &'a Assumptions) -> Self {
        Context { connector, all, shared, assume, links: OnceCell::new(), kafka: OnceCell::new() }
    }

    pub fn links(&self) -> &[Link] {
        self.links.get_or_init(|| endpoints::analyze(self.connector, self.assume))
    }

    /// A worker's link to its cluster, or the links of the Kafka clients a connector makes itself.
    pub fn kafka_links(&self) -> &[KafkaLink<'a>] {
        self.kafka.get_or_init(|| match self.connector.is_worker() {
            true => kafka::worker_link(self.connector).into_iter().collect(),
            false => kafka::connector_links(self.connector),
        })
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
    /// The documentation the verdict rests on (a driver's), when it is not the rule's own.
    pub references: &'static [&'static str],
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
            references: &[],
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

    pub fn citing(mut self, references: &'static [&'static str]) -> Self {
        self.references = references;
        self
    }

    pub fn downgraded(mut self, downgrade: Option<Downgrade>) -> Self {
        self.downgrade = downgrade;
        self
    }
}
