//! A destination link: one connection a connector opens to a database or service, and how well
//! its transport is protected. Analysers (`jdbc`, `debezium`, `services`) produce links; rules
//! report them by posture, so "what the driver does" lives in one place.

use crate::connector::{ConfigEntry, Connector, Location};
use crate::finding::{Applicability, Edit};

/// From worst to best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Posture {
    /// No TLS at all.
    Plaintext,
    /// TLS when the server offers it, plaintext otherwise, without a word.
    Fallback,
    /// TLS that accepts any certificate.
    CertificateUnverified,
    /// TLS that checks the certificate chain but not that it names the host.
    HostnameUnverified,
    Verified,
    /// Depends on something the input does not say.
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// A JDBC URL or a Debezium database connection.
    Database,
    /// HTTP(S) endpoints, object stores, document stores, caches, graph databases, brokers.
    Service,
}

#[derive(Clone, Debug)]
pub struct LinkFix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl LinkFix {
    /// The finding's fix; none when there is nothing to edit.
    pub fn to_fix(&self) -> Option<crate::finding::Fix> {
        crate::rules::kafka_clients::fix(self.title.clone(), self.applicability, self.edits.clone())
    }
}

#[derive(Clone, Debug)]
pub struct WeakTls {
    pub versions: Vec<String>,
    pub setting: String,
    pub fix: Option<LinkFix>,
}

#[derive(Clone, Debug)]
pub struct Link {
    pub kind: LinkKind,
    /// What is connected to, for messages: "MySQL (Connector/J)", "Elasticsearch".
    pub service: String,
    pub key: String,
    pub location: Location,
    pub posture: Posture,
    /// What in the configuration makes it so.
    pub reason: String,
    /// A version or default the verdict depends on, said in the message.
    pub assumption: Option<String>,
    pub loopback: bool,
    /// Credentials that this protocol sends as they are (HTTP basic auth, Redis AUTH, ...).
    pub cleartext_credentials: Option<String>,
    pub fix: Option<LinkFix>,
    pub weak_tls: Option<WeakTls>,
}

impl Link {
    pub fn new(kind: LinkKind, service: impl Into<String>, entry: &ConfigEntry, posture: Posture, reason: impl Into<String>) -> Link {
        Link {
            kind,
            service: service.into(),
            key: entry.key.clone(),
            location: entry.location(),
            posture,
            reason: reason.into(),
            assumption: None,
            loopback: false,
            cleartext_credentials: None,
            fix: None,
            weak_tls: None,
        }
    }

    pub fn assuming(mut self, assumption: Option<String>) -> Link {
        self.assumption = assumption;
        self
    }

    pub fn fixed_by(mut self, title: impl Into<String>, applicability: Applicability, edits: Vec<Edit>) -> Link {
        if !edits.is_empty() {
            self.fix = Some(LinkFix { title: title.into(), applicability, edits });
        }
        self
    }

    pub fn on_hosts(mut self, hosts: &[String]) -> Link {
        self.loopback = !hosts.is_empty() && hosts.iter().all(|h| super::is_loopback(h));
        self
    }

    /// The verdict with its reason and assumption, for a message.
    pub fn explanation(&self) -> String {
        match &self.assumption {
            Some(assumption) => format!("{} ({assumption})", self.reason),
            None => self.reason.clone(),
        }
    }
}

/// A database link whose TLS one setting chooses (`database.ssl.mode=...`), read with
/// `posture_of`; `None` when the value cannot be known from the input.
pub fn chosen_by(service: &str, entry: &ConfigEntry, posture_of: impl Fn(&str) -> (Posture, &'static str)) -> Option<Link> {
    let mode = entry.text()?.trim();
    let (posture, why) = posture_of(mode);
    Some(Link::new(LinkKind::Database, service, entry, posture, format!("{}={mode}: {why}", entry.key)))
}

/// Every destination link of a connector, from every analyser.
pub fn analyze(connector: &Connector, options: &crate::options::Assumptions) -> Vec<Link> {
    if connector.is_worker() {
        return Vec::new();
    }
    let mut links = Vec::new();
    super::jdbc::links(connector, &mut links);
    super::debezium::links(connector, options, &mut links);
    super::managed::links(connector, &mut links);
    super::services::links(connector, &mut links);
    links
}

/// An edit that sets `key` in this connector's config.
pub fn set(connector: &Connector, key: &str, value: &str) -> Edit {
    crate::rules::kafka_clients::set(&connector.config, key, value)
}
