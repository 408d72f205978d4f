//! Debezium source connectors' database links, set by `database.*` keys rather than a URL.
//! Defaults changed between versions: `database.ssl.mode` (MySQL) and `database.sslmode`
//! (PostgreSQL) went from disabled to preferred/prefer in 2.3, and the SQL Server driver Debezium
//! bundles started encrypting by default in 2.0. The generation is read from the key names
//! (1.x `database.history.*` and `database.server.name`, 2.x `schema.history.internal.*` and
//! `topic.prefix`) unless the `assume.debezium` option states the version.

use super::link::{Link, LinkKind, Posture, Trust};
use super::modes::{self, ModeTable};
use super::mongodb;
use crate::connector::{Assumptions, ConfigEntry, Connector, Family};
use crate::finding::{Applicability, Edit};

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

/// A Debezium family whose TLS one setting chooses, with the family's mode table and its default
/// before and since 2.3 (when MySQL and PostgreSQL moved from no TLS to opportunistic TLS).
pub struct TlsSetting {
    pub family: Family,
    pub service: &'static str,
    pub key: &'static str,
    pub table: &'static ModeTable,
    pub default_before_2_3: &'static str,
    pub default_since_2_3: &'static str,
    pub references: &'static [&'static str],
}

pub static TLS_SETTINGS: [TlsSetting; 3] = [
    TlsSetting {
        family: Family::DebeziumMysql,
        service: "MySQL (Debezium)",
        key: "database.ssl.mode",
        table: &modes::MYSQL,
        default_before_2_3: "disabled",
        default_since_2_3: "preferred",
        references: &["https://debezium.io/documentation/reference/stable/connectors/mysql.html"],
    },
    TlsSetting {
        family: Family::DebeziumMariadb,
        service: "MariaDB (Debezium)",
        key: "database.ssl.mode",
        table: &modes::MARIADB,
        default_before_2_3: "disable",
        default_since_2_3: "disable",
        references: &["https://debezium.io/documentation/reference/stable/connectors/mariadb.html"],
    },
    TlsSetting {
        family: Family::DebeziumPostgres,
        service: "PostgreSQL (Debezium)",
        key: "database.sslmode",
        table: &modes::POSTGRES,
        default_before_2_3: "disable",
        default_since_2_3: "prefer",
        references: &["https://debezium.io/documentation/reference/stable/connectors/postgresql.html"],
    },
];

/// What the Debezium analysers read beyond `TLS_SETTINGS`, by posture, for the rule docs.
pub static NOTES: [(&str, Posture, &str); 5] = [
    ("SQL Server (Debezium)", Posture::Plaintext, "`database.encrypt=false` or `driver.encrypt=false`"),
    (
        "SQL Server (Debezium)",
        Posture::Plaintext,
        "no `database.encrypt` in Debezium 1.x, which bundles mssql-jdbc 9.4 (no encryption by default)",
    ),
    ("SQL Server (Debezium)", Posture::CertificateUnverified, "`database.trustServerCertificate=true`"),
    ("Oracle (Debezium)", Posture::Plaintext, "`database.hostname` without a TCPS `database.url`"),
    ("Db2 (Debezium)", Posture::Plaintext, "no `driver.sslConnection=true`"),
];

/// The link a `TlsSetting` family makes: by its setting, or by the default of the version.
fn chosen_link(setting: &TlsSetting, connector: &Connector, at: &ConfigEntry, v: (u32, u32), assumption: &str) -> Option<Link> {
    let config = &connector.config;
    let link = match config.get(setting.key) {
        Some(entry) => setting.table.link(setting.service, entry)?,
        None => {
            let (default, changed) = if v >= (2, 3) {
                (setting.default_since_2_3, setting.default_before_2_3)
            } else {
                (setting.default_before_2_3, setting.default_since_2_3)
            };
            let mode = setting.table.find(default)?;
            let (reason, assumption) = match (default == changed, v >= (2, 3)) {
                (true, _) => (format!("no {}: the default `{default}` {}", setting.key, mode.why), None),
                (false, true) => (
                    format!("no {}: the default `{default}` {}", setting.key, mode.why),
                    Some(format!("assumes {assumption}; before 2.3 the default was `{changed}`")),
                ),
                (false, false) => (
                    format!("no {}: before Debezium 2.3 the default `{default}` {}", setting.key, mode.why),
                    Some(format!("assumes {assumption}")),
                ),
            };
            Link::new(LinkKind::Database, setting.service, at, mode.posture, reason).assuming(assumption)
        }
    };
    let verified = setting.table.verified().to_ascii_lowercase();
    Some(
        link.fixed_by(format!("Set {}={verified}", setting.key), Applicability::Unsafe, vec![Edit::set(config, setting.key, &verified)])
            .documented_by(setting.references),
    )
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
    match connector.family {
        Family::DebeziumMysql | Family::DebeziumMariadb | Family::DebeziumPostgres => {
            let Some(setting) = TLS_SETTINGS.iter().find(|s| s.family == connector.family) else { return };
            let Some(mut link) = chosen_link(setting, connector, at, v, &assumption) else { return };
            if connector.family == Family::DebeziumPostgres {
                // Debezium hands `database.sslfactory` and `database.sslhostnameverifier` to pgJDBC.
                let factory = config.get("database.sslfactory");
                let verifier = config.get("database.sslhostnameverifier");
                let (factory_class, verifier_class) = (factory.and_then(|e| e.text()), verifier.and_then(|e| e.text()));
                if let Some((posture, why)) = modes::pgjdbc_override(link.posture, factory_class, verifier_class) {
                    let fix = link.fix.take().filter(|_| posture != Posture::Unknown);
                    let entry = if why.starts_with("sslfactory") { factory } else { verifier }.unwrap_or(at);
                    link = Link::new(LinkKind::Database, setting.service, entry, posture, format!("database.{why}"))
                        .documented_by(setting.references);
                    link.fix = fix;
                }
            }
            let trust_keys: &[&str] = match connector.family {
                Family::DebeziumPostgres => &["database.sslrootcert"],
                _ => &["database.ssl.truststore"],
            };
            let trust = match Trust::from_settings(trust_keys.iter().filter_map(|k| config.get(k))) {
                // pgJDBC's DefaultJavaSSLFactory checks against the JVM's store, not root.crt.
                Trust::DefaultStore
                    if connector.family == Family::DebeziumPostgres
                        && config.text("database.sslfactory").map(modes::pgjdbc_factory) != Some(modes::Factory::JvmTrustStore) =>
                {
                    Trust::PrivateCa("pgJDBC's default root certificate file, ~/.postgresql/root.crt".to_string())
                }
                trust => trust,
            };
            out.push(link.on_hosts(&hosts).trusting(trust));
        }
        Family::DebeziumSqlserver => {
            let get = |name: &str| config.get(&format!("driver.{name}")).or_else(|| config.get(&format!("database.{name}")));
            let encrypt = get("encrypt");
            let trust = get("trustServerCertificate").filter(|e| e.text().is_some_and(|t| t.trim().eq_ignore_ascii_case("true")));
            let link = match (encrypt.and_then(|e| e.text().map(|t| (e, t.trim().to_ascii_lowercase()))), trust) {
                (Some((entry, value)), _) if modes::SQLSERVER.find(&value).is_some_and(|m| m.posture == Posture::Plaintext) => Link::new(
                    LinkKind::Database,
                    "SQL Server (Debezium)",
                    entry,
                    Posture::Plaintext,
                    format!("{}={value}: only the login packet is encrypted", entry.key),
                )
                .fixed_by(format!("Set {}=true", entry.key), Applicability::Unsafe, vec![Edit::set(config, &entry.key, "true")]),
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
                    vec![Edit::set(config, &entry.key, "false")],
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
                    vec![Edit::set(config, "database.encrypt", "true")],
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
                        .fixed_by(format!("Set {}=true", entry.key), Applicability::Unsafe, vec![Edit::set(config, &entry.key, "true")])
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
                    vec![Edit::set(config, "driver.sslConnection", "true")],
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
                Link::new(LinkKind::Service, "MongoDB (Debezium)", entry, verdict.posture, verdict.reason.clone()).on_hosts(&verdict.hosts);
            if verdict.posture == Posture::Plaintext && verdict.url.param("tls").is_none() && verdict.url.param("ssl").is_none() {
                link = link.fixed_by(
                    "Set mongodb.ssl.enabled=true",
                    Applicability::Unsafe,
                    vec![Edit::set(config, "mongodb.ssl.enabled", "true")],
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
                        vec![Edit::set(config, &allowed.key, "false")],
                    );
                }
            }
            if verdict.plain_password {
                link.cleartext_credentials = Some("the password in the connection string (authMechanism=PLAIN)".to_string());
            }
            link = link.addressed_by(entry);
            if entry.key == "mongodb.connection.string" {
                link.ignored.extend(verdict.ignored(config, entry));
            }
            out.push(link);
        }
        _ => {}
    }
}
