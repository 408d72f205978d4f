//! The TLS mode settings of each database family, as data: one table per family, read by the JDBC,
//! Debezium and Confluent Cloud analysers alike and by MSK130's "right key, wrong name" checks.
//! Values compare without regard to case, as every driver listed here does.

use super::link::{Link, LinkKind, Posture};
use crate::connector::ConfigEntry;

pub struct Mode {
    pub value: &'static str,
    /// Other spellings the reader accepts for the same mode.
    pub aliases: &'static [&'static str],
    pub posture: Posture,
    /// What the mode does, as a predicate: "falls back to plaintext when ...".
    pub why: &'static str,
}

pub struct ModeTable {
    /// The values as a whole, for "not one of ...".
    pub reader: &'static str,
    pub modes: &'static [Mode],
    /// Who refuses any other value (so the connector fails to start), and on which version that
    /// was seen; none where it is not known, and another value cannot be verified.
    pub refused_by: Option<&'static str>,
}

impl ModeTable {
    pub fn find(&self, value: &str) -> Option<&'static Mode> {
        let value = value.trim();
        self.modes.iter().find(|m| m.value.eq_ignore_ascii_case(value) || m.aliases.iter().any(|a| a.eq_ignore_ascii_case(value)))
    }

    /// The first mode with `posture`: the verified one is what fixes set.
    pub fn with_posture(&self, posture: Posture) -> Option<&'static Mode> {
        self.modes.iter().find(|m| m.posture == posture)
    }

    pub fn verified(&self) -> &'static str {
        self.with_posture(Posture::Verified).map_or("", |m| m.value)
    }

    /// `value` read by this table; another value is refused or unknown, said with the values
    /// it knows.
    pub fn posture(&self, value: &str) -> (Posture, String) {
        if let Some(mode) = self.find(value) {
            return (mode.posture, mode.why.to_string());
        }
        let known = self.modes.iter().map(|m| m.value).collect::<Vec<_>>().join(", ");
        match self.refused_by {
            Some(who) => (Posture::Refused, format!("not one of {} ({known}); {who} refuses it", self.reader)),
            None => (Posture::Unknown, format!("not one of {} ({known})", self.reader)),
        }
    }

    /// The database link that `entry`, a setting read by this table, chooses; none when its value
    /// cannot be known from the input.
    pub fn link(&self, service: &str, entry: &ConfigEntry) -> Option<Link> {
        let value = entry.text()?.trim();
        let (posture, why) = self.posture(value);
        Some(Link::new(LinkKind::Database, service, entry, posture, format!("{}={value}: {why}", entry.key)))
    }

    /// The value of `other` that means what `value` means here (for moving a setting between
    /// families' spellings, `verify_identity` to `verify-full`); none for a mode that is not the
    /// first of its posture (`allow` is not `disable`).
    pub fn translate(&self, value: &str, other: &ModeTable) -> Option<&'static str> {
        let mode = self.find(value)?;
        let canonical = self.with_posture(mode.posture)?;
        std::ptr::eq(mode, canonical).then(|| other.with_posture(mode.posture)).flatten().map(|m| m.value)
    }
}

const fn mode(value: &'static str, aliases: &'static [&'static str], posture: Posture, why: &'static str) -> Mode {
    Mode { value, aliases, posture, why }
}

/// libpq's `sslmode`, as pgJDBC, the Redshift driver, Debezium PostgreSQL (`database.sslmode`) and
/// the Confluent Cloud connectors (`ssl.mode`, `database.sslmode`) read it.
pub static POSTGRES: ModeTable = ModeTable {
    reader: "the PostgreSQL sslmode values",
    modes: &[
        mode("disable", &[], Posture::Plaintext, "turns TLS off"),
        mode("allow", &[], Posture::Plaintext, "tries plaintext first and uses TLS only if the server insists"),
        mode("prefer", &[], Posture::Fallback, "falls back to plaintext when the server does not offer TLS"),
        mode("require", &[], Posture::CertificateUnverified, "encrypts but does not check the certificate"),
        mode("verify-ca", &[], Posture::HostnameUnverified, "checks the certificate but not the host name"),
        mode("verify-full", &[], Posture::Verified, "checks certificate and host name"),
    ],
    // pgJDBC compares without regard to case and throws "Invalid sslmode value" for anything
    // else, the empty value included (confirmed on 42.5.5); Debezium validates its own.
    refused_by: Some("the driver"),
};

/// What a pgJDBC `sslfactory` class does to the certificate check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Factory {
    /// The driver's own: `sslmode` decides (LibPQFactory, the default).
    Default,
    /// Accepts every certificate, whatever `sslmode` says.
    TrustsAll,
    /// Checks the chain against the JVM's trust store even under `sslmode=require`; the host
    /// name is still checked by `sslmode=verify-full` alone.
    JvmTrustStore,
    /// A class of the user's own: what it checks cannot be known.
    Custom,
}

/// pgJDBC's `sslfactory` classes (class names are exact), confirmed on 42.5.5.
pub fn pgjdbc_factory(class: &str) -> Factory {
    match class.trim() {
        "" | "org.postgresql.ssl.LibPQFactory" | "org.postgresql.ssl.jdbc4.LibPQFactory" => Factory::Default,
        "org.postgresql.ssl.NonValidatingFactory" => Factory::TrustsAll,
        "org.postgresql.ssl.DefaultJavaSSLFactory" => Factory::JvmTrustStore,
        _ => Factory::Custom,
    }
}

/// pgJDBC's own host name verifier; any other `sslhostnameverifier` class replaces the check
/// `sslmode=verify-full` makes, so what is checked cannot be known.
pub const PGJDBC_HOSTNAME_VERIFIER: &str = "org.postgresql.ssl.PGjdbcHostnameVerifier";

/// How pgJDBC's `sslfactory` and `sslhostnameverifier` change the posture `sslmode` gives: the
/// new posture and why, or none. Confirmed on 42.5.5.
pub fn pgjdbc_override(posture: Posture, factory: Option<&str>, verifier: Option<&str>) -> Option<(Posture, String)> {
    if !matches!(posture, Posture::CertificateUnverified | Posture::HostnameUnverified | Posture::Verified) {
        return None;
    }
    if let Some(class) = factory.map(str::trim) {
        match pgjdbc_factory(class) {
            Factory::TrustsAll if posture > Posture::CertificateUnverified => {
                return Some((Posture::CertificateUnverified, format!("sslfactory={class} trusts every certificate")));
            }
            Factory::Custom => {
                return Some((
                    Posture::Unknown,
                    format!("sslfactory={class} is a class of its own: it decides which certificates pass, which the configuration does not say"),
                ));
            }
            Factory::JvmTrustStore if posture == Posture::CertificateUnverified => {
                return Some((
                    Posture::HostnameUnverified,
                    format!("sslfactory={class} checks the certificate against the JVM's trust store, but sslmode=require does not check the host name"),
                ));
            }
            _ => {}
        }
    }
    match verifier.map(str::trim) {
        Some(class) if posture == Posture::Verified && !class.is_empty() && class != PGJDBC_HOSTNAME_VERIFIER => Some((
            Posture::Unknown,
            format!("sslhostnameverifier={class} replaces the driver's host name check with a class of its own, which the configuration does not say"),
        )),
        _ => None,
    }
}

/// MySQL's `sslMode` (Connector/J 8.0.13 and later), Debezium MySQL's `database.ssl.mode` and the
/// Confluent Cloud MySQL CDC source's.
pub static MYSQL: ModeTable = ModeTable {
    reader: "MySQL's TLS modes",
    modes: &[
        mode("DISABLED", &[], Posture::Plaintext, "turns TLS off"),
        mode("PREFERRED", &[], Posture::Fallback, "falls back to plaintext when the server does not offer TLS"),
        mode("REQUIRED", &[], Posture::CertificateUnverified, "encrypts but does not check the certificate"),
        mode("VERIFY_CA", &[], Posture::HostnameUnverified, "checks the certificate but not the host name"),
        mode("VERIFY_IDENTITY", &[], Posture::Verified, "checks certificate and host name"),
    ],
    refused_by: None,
};

/// MariaDB Connector/J 3.x's `sslMode` (with the aliases its `SslMode` enum accepts) and Debezium
/// MariaDB's `database.ssl.mode`.
pub static MARIADB: ModeTable = ModeTable {
    reader: "MariaDB's TLS modes",
    modes: &[
        mode("disable", &["disabled", "0", "false"], Posture::Plaintext, "turns TLS off"),
        mode("trust", &["required"], Posture::CertificateUnverified, "encrypts but checks neither certificate nor host name"),
        mode("verify-ca", &["verify_ca"], Posture::HostnameUnverified, "checks the certificate but not the host name"),
        mode("verify-full", &["verify_identity", "verify-identity", "1", "true"], Posture::Verified, "checks certificate and host name"),
    ],
    refused_by: None,
};

/// mssql-jdbc's `encrypt`, read by the JDBC and Debezium SQL Server analysers. `true` verifies
/// only while `trustServerCertificate` is not true, which the analysers check.
pub static SQLSERVER: ModeTable = ModeTable {
    reader: "mssql-jdbc's encrypt values",
    modes: &[
        mode("false", &["no", "optional"], Posture::Plaintext, "encrypts only the login packet, not the queries and data"),
        mode("strict", &[], Posture::Verified, "uses TDS 8.0 with full certificate validation"),
        mode("true", &["mandatory", "yes"], Posture::Verified, "encrypts and validates the certificate"),
    ],
    refused_by: None,
};

/// jTDS's `ssl`.
pub static JTDS: ModeTable = ModeTable {
    reader: "jTDS's ssl values",
    modes: &[
        mode("off", &[], Posture::Plaintext, "turns TLS off"),
        mode("request", &[], Posture::Fallback, "falls back to plaintext when the server does not offer TLS"),
        mode("require", &[], Posture::CertificateUnverified, "encrypts but does not check the certificate"),
        mode("authenticate", &[], Posture::Verified, "checks the certificate"),
    ],
    refused_by: None,
};

/// Db2 JCC's `sslConnection`; `sslClientHostnameValidation=BASIC` adds the host name check.
pub static DB2: ModeTable = ModeTable {
    reader: "the Db2 JCC driver's sslConnection values",
    modes: &[
        mode("false", &[], Posture::Plaintext, "turns TLS off"),
        mode(
            "true",
            &[],
            Posture::HostnameUnverified,
            "checks the certificate but, without sslClientHostnameValidation=BASIC, not the host name",
        ),
    ],
    refused_by: None,
};

/// The ClickHouse JDBC driver's `ssl`; `sslmode=none` turns the certificate check off.
pub static CLICKHOUSE: ModeTable = ModeTable {
    reader: "the ClickHouse driver's ssl values",
    modes: &[
        mode("false", &[], Posture::Plaintext, "turns TLS off"),
        mode("true", &[], Posture::Verified, "uses TLS with sslmode=strict (the default)"),
    ],
    refused_by: None,
};

/// The Snowflake JDBC driver's `ssl` (HTTPS by default).
pub static SNOWFLAKE: ModeTable = ModeTable {
    reader: "the Snowflake driver's ssl values",
    modes: &[
        mode("off", &["false"], Posture::Plaintext, "makes the driver talk plain HTTP"),
        mode("on", &["true"], Posture::Verified, "uses HTTPS"),
    ],
    refused_by: None,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_values_and_aliases_without_regard_to_case() {
        assert_eq!(MYSQL.find("verify_identity").map(|m| m.posture), Some(Posture::Verified));
        assert!(MYSQL.find("verify-identity").is_none(), "Connector/J and Debezium take underscores only");
        assert_eq!(MARIADB.find("REQUIRED").map(|m| m.posture), Some(Posture::CertificateUnverified));
        assert_eq!(POSTGRES.verified(), "verify-full");
        assert_eq!(MYSQL.translate("verify_ca", &POSTGRES), Some("verify-ca"));
        assert_eq!(POSTGRES.translate("allow", &MYSQL), None);
        assert_eq!(POSTGRES.posture("verify_full").0, Posture::Refused);
        assert_eq!(POSTGRES.posture("").0, Posture::Refused);
        assert_eq!(MYSQL.posture("bogus").0, Posture::Unknown);
    }
}
