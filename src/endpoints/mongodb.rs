//! MongoDB connection strings as the Java driver reads them (used by the MongoDB Kafka connector
//! and Debezium's MongoDB connector).

use super::link::{Ignored, Posture};
use super::url::{self, Url};
use crate::connector::{Config, ConfigEntry};
use crate::finding::{Applicability, Edit, Fix};

pub struct MongoVerdict {
    pub posture: Posture,
    pub reason: String,
    pub hosts: Vec<String>,
    /// `authMechanism=PLAIN` sends the password itself.
    pub plain_password: bool,
    /// URI options the Java driver does not implement (they change nothing).
    pub ignored_options: Vec<String>,
    pub url: Url,
}

/// Options other drivers know but the Java driver ignores with a warning (JAVA-3066).
pub const IGNORED_BY_JAVA: [&str; 4] =
    ["tlsAllowInvalidCertificates", "tlsCAFile", "tlsCertificateKeyFile", "tlsCertificateKeyFilePassword"];

/// `ssl_enabled` is a separate setting (Debezium's `mongodb.ssl.enabled`); the connection
/// string's own `tls`/`ssl` option overrides it, as the driver applies the string last.
pub fn analyze(text: &str, ssl_enabled: Option<bool>, ssl_setting: &str) -> MongoVerdict {
    let url = url::parse(text.trim());
    let srv = url.scheme == "mongodb+srv";
    let option = |name: &str| url.param(name).map(|p| p.value.to_ascii_lowercase());
    let explicit = option("tls").or_else(|| option("ssl"));
    let (tls, reason) = match explicit.as_deref() {
        Some("true") => (true, "tls=true in the connection string".to_string()),
        Some(_) => (false, format!("tls={} in the connection string turns TLS off", explicit.clone().unwrap_or_default())),
        None if srv => (true, "mongodb+srv:// turns TLS on".to_string()),
        None => match ssl_enabled {
            Some(true) => (true, format!("{ssl_setting}=true")),
            Some(false) => (false, format!("{ssl_setting}=false, and the connection string does not set tls=true")),
            None => (false, "mongodb:// without tls=true: the driver connects in plaintext".to_string()),
        },
    };
    let insecure_hostnames = ["tlsAllowInvalidHostnames", "tlsInsecure", "sslInvalidHostNameAllowed"]
        .iter()
        .find(|name| option(name).as_deref() == Some("true"))
        .map(|name| name.to_string());
    let (posture, reason) = match (tls, insecure_hostnames) {
        (false, _) => (Posture::Plaintext, reason),
        (true, Some(name)) => (Posture::HostnameUnverified, format!("{reason}, but {name}=true turns host name verification off")),
        (true, None) => (Posture::Verified, reason),
    };
    let ignored_options = IGNORED_BY_JAVA.iter().filter(|name| url.param(name).is_some()).map(|n| n.to_string()).collect();
    MongoVerdict {
        posture,
        reason,
        hosts: url.host_names(),
        plain_password: option("authMechanism").is_some_and(|m| m == "plain") && url.password.is_some(),
        ignored_options,
        url,
    }
}

impl MongoVerdict {
    /// The options of `entry`'s connection string that the Java driver ignores, and the string
    /// without them.
    pub fn ignored(&self, config: &Config, entry: &ConfigEntry) -> Option<Ignored> {
        if self.ignored_options.is_empty() {
            return None;
        }
        let mut cleaned = entry.text()?.trim().to_string();
        for name in &self.ignored_options {
            cleaned = url::without_param(&cleaned, &url::parse(&cleaned).params, name);
        }
        Some(Ignored {
            message: format!(
                "{} sets {}, which the MongoDB Java driver does not implement (it logs a warning and ignores them)",
                entry.key,
                self.ignored_options.join(", ")
            ),
            help: "Remove them; set trust with the JVM truststore or the connector's connection.ssl.* settings".to_string(),
            fix: Fix::new("Remove the unsupported options", Applicability::Safe, vec![Edit::set(config, &entry.key, &cleaned)]),
        })
    }
}
