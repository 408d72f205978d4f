//! Debezium source connectors' database links, set by `database.*` keys rather than a URL.
//! Defaults changed between versions: `database.ssl.mode` (MySQL) and `database.sslmode`
//! (PostgreSQL) went from disabled to preferred/prefer in 2.3, and the SQL Server driver Debezium
//! bundles started encrypting by default in 2.0. The generation is read from the key names
//! (1.x `database.history.*` and `database.server.name`, 2.x `schema.history.internal.*` and
//! `topic.prefix`) unless the `assume.debezium` option states the version.

use super::jdbc::pg_mode_posture;
use super::links::{chosen_by, set, Link, LinkKind, Posture};
use super::mongodb;
use crate::connector::{ConfigEntry, Connector, Family};
use crate::finding::Applicability;
use crate::options::Assumptions;

/// The Debezium version a verdict assumes, as (major, minor).
fn version(connector: &Connector, assume: &Assumptions) -> ((u32, u32), String) {
    if let Some(stated) = &assume.debezium {
        let mut parts = stated.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
        let v = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
        return (v, format!("Debezium {stated}, as stated by the assume.debezium option"));
    }
    let config = &connector.config;
    let v1 = config.entries.iter().any(|e| e.key.starts_with("database.history.") || e.key == "database.server.name");
    let v2 = config.entries.iter().any(|e| e.key.starts_with("schema.history.internal.") || e.key == "topic.prefix");
    if v1 && !v2 {
        return (
            (1, 9),
            "Debezium 1.x, from its database.history / database.server.name keys; state another with the assume.debezium option"
                .to_string(),
        );
    }
    ((2, 3), "Debezium 2.3 or later; state an older version with the assume.debezium option".to_string())
}

/// Debezium MySQL's `database.ssl.mode` values.
pub fn mysql_mode_posture(mode: &str) -> (Posture, &'static str) {
    match mode.trim().to_ascii_lowercase().replace('-', "_").as_str() {
        "disabled" => (Posture::Plaintext, "TLS is off"),
        "preferred" => (Posture::Fallback, "falls back to plaintext when the server does not offer TLS"),
        "required" => (Posture::CertificateUnverified, "encrypts but does not check the certificate"),
        "verify_ca" => (Posture::HostnameUnverified, "checks the certificate but not the host name"),
        "verify_identity" => (Posture::Verified, "checks certificate and host name"),
        _ => (Posture::Unknown, "not a value Debezium knows"),
    }
}

/// Debezium MariaDB's `database.ssl.mode` values (hyphenated, unlike MySQL's).
fn mariadb_mode_posture(mode: &str) -> (Posture, &'static str) {
    match mode.trim().to_ascii_lowercase().replace('_', "-").as_str() {
        "disable" | "disabled" => (Posture::Plaintext, "TLS is off"),
        "trust" => (Posture::CertificateUnverified, "encrypts but checks neither certificate nor host name"),
        "verify-ca" => (Posture::HostnameUnverified, "checks the certificate but not the host name"),
        "verify-full" => (Posture::Verified, "checks certificate and host name"),
        _ => (Posture::Unknown, "not a value Debezium's MariaDB connector knows (disable, trust, verify-ca, verify-full)"),
    }
}

fn anchor(connector: &Connector) -> Option<&ConfigEntry> {
    let config = &connector.config;
    ["database.hostname", "database.url", "mongodb.connection.string", "mongodb.hosts", "connector.class"]
        .iter()
        .find_map(|k| config.get(k))
}

pub fn links(connector: &Connector, assume: &Assumptions, out: &mut Vec<Link>) {
    let config = &connector.config;
    let Some(at) = anchor(connector) else { return };
    let hosts: Vec<String> =
        config.text("database.hostname").map(|h| h.split(',').map(|s| s.trim().to_string()).collect()).unwrap_or_default();
    let (v, assumption) = version(connector, assume);
    let since_2_3 = v >= (2, 3);
    match connector.family {
        Family::DebeziumMysql => {
            let fix = |l: Link| {
                l.fixed_by(
                    "Set database.ssl.mode=verify_identity",
                    Applicability::Unsafe,
                    vec![set(connector, "database.ssl.mode", "verify_identity")],
                )
            };
            let link = match config.get("database.ssl.mode") {
                Some(entry) => {
                    let Some(link) = chosen_by("MySQL (Debezium)", entry, mysql_mode_posture) else { return };
                    link
                }
                None if since_2_3 => Link::new(
                    LinkKind::Database,
                    "MySQL (Debezium)",
                    at,
                    Posture::Fallback,
                    "no database.ssl.mode: the default `preferred` falls back to plaintext when the server does not offer TLS",
                )
                .assuming(Some(format!("assumes {assumption}; before 2.3 the default was `disabled`"))),
                None => Link::new(
                    LinkKind::Database,
                    "MySQL (Debezium)",
                    at,
                    Posture::Plaintext,
                    "no database.ssl.mode: the default before Debezium 2.3 is `disabled`",
                )
                .assuming(Some(format!("assumes {assumption}"))),
            };
            out.push(fix(link).on_hosts(&hosts));
        }
        Family::DebeziumMariadb => {
            let fix = |l: Link| {
                l.fixed_by(
                    "Set database.ssl.mode=verify-full",
                    Applicability::Unsafe,
                    vec![set(connector, "database.ssl.mode", "verify-full")],
                )
            };
            let link = match config.get("database.ssl.mode") {
                Some(entry) => {
                    let Some(link) = chosen_by("MariaDB (Debezium)", entry, mariadb_mode_posture) else { return };
                    link
                }
                None => Link::new(
                    LinkKind::Database,
                    "MariaDB (Debezium)",
                    at,
                    Posture::Plaintext,
                    "no database.ssl.mode: the MariaDB connector defaults to `disable`",
                ),
            };
            out.push(fix(link).on_hosts(&hosts));
        }
        Family::DebeziumPostgres => {
            let fix = |l: Link| {
                l.fixed_by(
                    "Set database.sslmode=verify-full",
                    Applicability::Unsafe,
                    vec![set(connector, "database.sslmode", "verify-full")],
                )
            };
            let non_validating =
                config.get("database.sslfactory").filter(|e| e.text().is_some_and(|t| t.ends_with("NonValidatingFactory")));
            let link = match config.get("database.sslmode") {
                Some(entry) => {
                    let posture_of = |mode: &str| pg_mode_posture(mode).unwrap_or((Posture::Unknown, "not a value the driver knows"));
                    let Some(link) = chosen_by("PostgreSQL (Debezium)", entry, posture_of) else { return };
                    link
                }
                None if since_2_3 => Link::new(
                    LinkKind::Database,
                    "PostgreSQL (Debezium)",
                    at,
                    Posture::Fallback,
                    "no database.sslmode: the default `prefer` falls back to plaintext when the server does not offer TLS",
                )
                .assuming(Some(format!("assumes {assumption}; before 2.3 the default was `disable`"))),
                None => Link::new(
                    LinkKind::Database,
                    "PostgreSQL (Debezium)",
                    at,
                    Posture::Plaintext,
                    "no database.sslmode: the default before Debezium 2.3 is `disable`",
                )
                .assuming(Some(format!("assumes {assumption}"))),
            };
            let link = match non_validating {
                Some(factory) if link.posture > Posture::CertificateUnverified => Link::new(
                    LinkKind::Database,
                    "PostgreSQL (Debezium)",
                    factory,
                    Posture::CertificateUnverified,
                    "database.sslfactory=...NonValidatingFactory trusts every certificate",
                ),
                _ => link,
            };
            out.push(fix(link).on_hosts(&hosts));
        }
        Family::DebeziumSqlserver => {
            let get = |name: &str| config.get(&format!("driver.{name}")).or_else(|| config.get(&format!("database.{name}")));
            let encrypt = get("encrypt");
            let trust = get("trustServerCertificate").filter(|e| e.text().is_some_and(|t| t.trim().eq_ignore_ascii_case("true")));
            let link = match (encrypt.and_then(|e| e.text().map(|t| (e, t.trim().to_ascii_lowercase()))), trust) {
                (Some((entry, value)), _) if matches!(value.as_str(), "false" | "no" | "optional") => Link::new(
                    LinkKind::Database,
                    "SQL Server (Debezium)",
                    entry,
                    Posture::Plaintext,
                    format!("{}={value}: only the login packet is encrypted", entry.key),
                )
                .fixed_by(
                    format!("Set {}=true", entry.key),
                    Applicability::Unsafe,
                    vec![set(connector, &entry.key, "true")],
                ),
                (_, Some(entry)) => Link::new(
                    LinkKind::Database,
                    "SQL Server (Debezium)",
                    entry,
                    Posture::CertificateUnverified,
                    format!("{}=true: the driver accepts any certificate", entry.key),
                )
                .fixed_by(
                    format!("Set {}=false", entry.key),
                    Applicability::Unsafe,
                    vec![set(connector, &entry.key, "false")],
                ),
                (Some(_), None) => return,
                (None, None) if v < (2, 0) => Link::new(
                    LinkKind::Database,
                    "SQL Server (Debezium)",
                    at,
                    Posture::Plaintext,
                    "no database.encrypt: the mssql-jdbc 9.4 driver Debezium 1.x bundles does not encrypt by default",
                )
                .assuming(Some(format!("assumes {assumption}")))
                .fixed_by(
                    "Set database.encrypt=true",
                    Applicability::Unsafe,
                    vec![set(connector, "database.encrypt", "true")],
                ),
                (None, None) => return,
            };
            out.push(link.on_hosts(&hosts));
        }
        Family::DebeziumOracle if config.get("database.url").is_none() => {
            let nne = ["driver.oracle.net.encryption_client", "database.oracle.net.encryption_client"].iter().find_map(|k| config.text(k));
            if nne.is_some_and(|v| v.trim().eq_ignore_ascii_case("REQUIRED")) {
                return;
            }
            out.push(
                Link::new(
                    LinkKind::Database,
                    "Oracle (Debezium)",
                    at,
                    Posture::Plaintext,
                    "database.hostname without database.url: Debezium connects over plain TCP; TLS needs a TCPS database.url",
                )
                .on_hosts(&hosts),
            );
        }
        Family::DebeziumDb2 => {
            let ssl = ["driver.sslConnection", "database.sslConnection"].iter().find_map(|k| config.get(k));
            let link = match ssl {
                Some(entry) if entry.text().is_some_and(|t| t.trim().eq_ignore_ascii_case("true")) => return,
                Some(entry) => {
                    Link::new(LinkKind::Database, "Db2 (Debezium)", entry, Posture::Plaintext, format!("{}: TLS is off", entry.key))
                        .fixed_by(format!("Set {}=true", entry.key), Applicability::Unsafe, vec![set(connector, &entry.key, "true")])
                }
                None => Link::new(
                    LinkKind::Database,
                    "Db2 (Debezium)",
                    at,
                    Posture::Plaintext,
                    "no driver.sslConnection: the Db2 JCC driver defaults to sslConnection=false",
                )
                .fixed_by(
                    "Set driver.sslConnection=true",
                    Applicability::Unsafe,
                    vec![set(connector, "driver.sslConnection", "true")],
                ),
            };
            out.push(link.on_hosts(&hosts));
        }
        Family::DebeziumMongodb => {
            let ssl_entry = config.get("mongodb.ssl.enabled");
            let ssl_enabled = ssl_entry.and_then(|e| e.text()).map(|t| t.trim().eq_ignore_ascii_case("true"));
            let (entry, text) = match (config.get("mongodb.connection.string"), config.get("mongodb.hosts")) {
                (Some(e), _) => match e.text() {
                    Some(t) => (e, t.to_string()),
                    None => {
                        out.push(Link::new(
                            LinkKind::Service,
                            "MongoDB (Debezium)",
                            e,
                            Posture::Unknown,
                            "the connection string cannot be known from this input",
                        ));
                        return;
                    }
                },
                (None, Some(e)) => {
                    let hosts = e.text().unwrap_or("").rsplit('/').next().unwrap_or("").to_string();
                    (e, format!("mongodb://{hosts}/"))
                }
                (None, None) => return,
            };
            let verdict = mongodb::analyze(&text, ssl_enabled, "mongodb.ssl.enabled");
            let mut link =
                Link::new(LinkKind::Service, "MongoDB (Debezium)", entry, verdict.posture, verdict.reason).on_hosts(&verdict.hosts);
            if verdict.posture == Posture::Plaintext && verdict.url.param("tls").is_none() && verdict.url.param("ssl").is_none() {
                link = link.fixed_by(
                    "Set mongodb.ssl.enabled=true",
                    Applicability::Unsafe,
                    vec![set(connector, "mongodb.ssl.enabled", "true")],
                );
            }
            if verdict.posture == Posture::Verified {
                if let Some(allowed) = config
                    .get("mongodb.ssl.invalid.hostname.allowed")
                    .filter(|e| e.text().is_some_and(|t| t.trim().eq_ignore_ascii_case("true")))
                {
                    link = Link::new(
                        LinkKind::Service,
                        "MongoDB (Debezium)",
                        allowed,
                        Posture::HostnameUnverified,
                        "mongodb.ssl.invalid.hostname.allowed=true turns host name verification off",
                    )
                    .on_hosts(&verdict.hosts)
                    .fixed_by(
                        "Set mongodb.ssl.invalid.hostname.allowed=false",
                        Applicability::Safe,
                        vec![set(connector, &allowed.key, "false")],
                    );
                }
            }
            if verdict.plain_password {
                link.cleartext_credentials = Some("the password in the connection string (authMechanism=PLAIN)".to_string());
            }
            out.push(link);
        }
        _ => {}
    }
}
