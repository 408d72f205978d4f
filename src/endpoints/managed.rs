//! Confluent Cloud fully managed database connectors (`connector.class` without a package, like
//! `MySqlSink`): they take `connection.host` and an `ssl.mode` of their own, default `prefer`;
//! the managed CDC sources use Debezium-style keys with their own defaults.

use super::link::{Link, LinkKind, Posture};
use super::modes::{self, ModeTable};
use crate::connector::{Config, ConfigEntry, Connector};
use crate::finding::{Applicability, Edit};

/// What the managed analyser reads, by posture, for the rule docs.
pub static NOTES: [(&str, Posture, &str); 4] = [
    ("Confluent Cloud JDBC connectors (MySqlSink, PostgresSink, ...)", Posture::Fallback, "no `ssl.mode` (default `prefer`)"),
    ("Confluent Cloud MySQL CDC source", Posture::Fallback, "no `database.ssl.mode` (default `preferred`)"),
    ("Confluent Cloud PostgreSQL CDC source", Posture::Fallback, "no `database.sslmode` (default `prefer`)"),
    ("Confluent Cloud SQL Server CDC source", Posture::Plaintext, "`database.encrypt` not `true` (default `false`)"),
];

/// The link the mode setting `key` chooses, or the managed connector's default when it is absent,
/// with the fix to the table's verified mode.
fn chosen(service: &str, at: &ConfigEntry, config: &Config, key: &str, table: &ModeTable, default: &str, why: &str) -> Option<Link> {
    let link = match config.get(key) {
        Some(entry) => table.link(service, entry)?,
        None => Link::new(LinkKind::Database, service, at, table.find(default).map_or(Posture::Unknown, |m| m.posture), why),
    };
    let verified = table.verified().to_ascii_lowercase();
    Some(link.fixed_by(format!("Set {key}={verified}"), Applicability::Unsafe, vec![Edit::set(config, key, &verified)]))
}

pub fn is_managed_jdbc(class: &str) -> bool {
    matches!(
        class,
        "MySqlSink"
            | "MySqlSource"
            | "PostgresSink"
            | "PostgresSource"
            | "SqlServerSink"
            | "MicrosoftSqlServerSink"
            | "MicrosoftSqlServerSource"
            | "SqlServerSource"
    )
}

pub fn links(connector: &Connector, out: &mut Vec<Link>) {
    let Some(class) = connector.class.as_deref() else { return };
    let config = &connector.config;
    let host = config.get("connection.host").or_else(|| config.get("database.hostname"));
    let Some(at) = host.or_else(|| config.get("connector.class")) else { return };
    let hosts: Vec<String> = host.and_then(|h| h.text()).map(|h| vec![h.trim().to_string()]).unwrap_or_default();
    let service = format!("{class} (Confluent Cloud)");
    let set = |key: &str, value: &str| vec![Edit::set(config, key, value)];
    let link = if is_managed_jdbc(class) {
        chosen(
            &service,
            at,
            config,
            "ssl.mode",
            &modes::POSTGRES,
            "prefer",
            "no ssl.mode: the managed connector's default `prefer` falls back to plaintext when the server does not offer TLS",
        )
    } else if matches!(class, "MySqlCdcSource" | "MySqlCdcSourceV2") {
        chosen(
            &service,
            at,
            config,
            "database.ssl.mode",
            &modes::MYSQL,
            "preferred",
            "no database.ssl.mode: the default `preferred` falls back to plaintext",
        )
    } else if matches!(class, "PostgresCdcSource" | "PostgresCdcSourceV2") {
        chosen(
            &service,
            at,
            config,
            "database.sslmode",
            &modes::POSTGRES,
            "prefer",
            "no database.sslmode: the default `prefer` falls back to plaintext",
        )
    } else if matches!(class, "SqlServerCdcSource" | "SqlServerCdcSourceV2") {
        match config.text("database.encrypt") {
            Some(v) if v.trim().eq_ignore_ascii_case("true") => return,
            _ => Some(
                Link::new(
                    LinkKind::Database,
                    service,
                    config.get("database.encrypt").unwrap_or(at),
                    Posture::Plaintext,
                    "database.encrypt is not true (the managed SQL Server CDC source defaults to false)",
                )
                .fixed_by("Set database.encrypt=true", Applicability::Unsafe, set("database.encrypt", "true")),
            ),
        }
    } else {
        return;
    };
    let Some(link) = link else { return };
    let link = link.documented_by(&["https://docs.confluent.io/cloud/current/connectors/overview.html"]);
    out.push(link.on_hosts(&hosts));
}
