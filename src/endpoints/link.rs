//! A link: one connection a connector opens to a database or service, and how well its transport
//! is protected. Analysers produce links; rules report them by posture, so "what the driver does"
//! lives in one place.

use crate::connector::{ConfigEntry, Location};
use crate::finding::{Applicability, Edit, Fix};

/// From worst to best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
    /// The driver refuses the setting, so the connector fails to start: nothing crosses the
    /// network, but the configuration is broken.
    Refused,
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

/// What the client checks the server's certificate against. It matters when the host name is
/// not checked: with the platform's default store any certificate any public CA issued, to
/// anyone for any name, passes; with a private CA only certificates that CA issued do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trust {
    /// The JVM's (or the driver's bundled) store of public CAs.
    DefaultStore,
    /// A CA of the user's own, named by this setting (`sslrootcert`, `trustStore`, ...).
    PrivateCa(String),
}

impl Trust {
    /// The setting among `keys` that is present in the configuration names a private CA.
    pub fn from_settings<'a>(present: impl IntoIterator<Item = &'a ConfigEntry>) -> Trust {
        present
            .into_iter()
            .find(|e| e.text().is_none_or(|t| !t.trim().is_empty()))
            .map_or(Trust::DefaultStore, |e| Trust::PrivateCa(e.key.clone()))
    }
}

#[derive(Clone, Debug)]
pub struct WeakTls {
    pub versions: Vec<String>,
    pub setting: String,
    pub fix: Option<Fix>,
}

/// Settings on a link that its driver does not read, found while reading them as it does.
#[derive(Clone, Debug)]
pub struct Ignored {
    pub message: String,
    pub help: String,
    pub fix: Option<Fix>,
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
    pub fix: Option<Fix>,
    pub weak_tls: Option<WeakTls>,
    pub trust: Trust,
    /// The key holding the address, where the verdict is reported at another key (the setting
    /// that turns a check off): the address is then this link's too.
    pub address_key: Option<String>,
    pub ignored: Vec<Ignored>,
    /// The driver's or service's own documentation of the settings the verdict rests on; empty
    /// when the rule's references say it all.
    pub references: &'static [&'static str],
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
            trust: Trust::DefaultStore,
            address_key: None,
            ignored: Vec::new(),
            references: &[],
        }
    }

    pub fn assuming(mut self, assumption: Option<String>) -> Link {
        self.assumption = assumption;
        self
    }

    pub fn fixed_by(mut self, title: impl Into<String>, applicability: Applicability, edits: Vec<Edit>) -> Link {
        self.fix = Fix::new(title, applicability, edits);
        self
    }

    pub fn on_hosts(mut self, hosts: &[String]) -> Link {
        self.loopback = !hosts.is_empty() && hosts.iter().all(|h| super::is_loopback(h));
        self
    }

    pub fn addressed_by(mut self, entry: &ConfigEntry) -> Link {
        self.address_key = Some(entry.key.clone());
        self
    }

    /// Whether this link reads `key`: as its own, or as the address it reports elsewhere.
    pub fn reads(&self, key: &str) -> bool {
        self.key == key || self.address_key.as_deref() == Some(key)
    }

    pub fn trusting(mut self, trust: Trust) -> Link {
        self.trust = trust;
        self
    }

    pub fn documented_by(mut self, references: &'static [&'static str]) -> Link {
        self.references = references;
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
