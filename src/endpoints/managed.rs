//! Confluent Cloud fully managed database connectors (`connector.class` without a package, like
//! `MySqlSink`): they take `connection.host` and an `ssl.mode` of their own, default `prefer`;
//! the managed CDC sources use Debezium-style keys with their own defaults.

use super::debezium::mysql_mode_posture;
use super::jdbc::pg_mode_posture;
use super::links::{chosen_by, set, Link, LinkKind, Posture};
use crate::connector::Connector;
use crate::finding::Applicability;

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
    let link = if is_managed_jdbc(class) {
        match config.get("ssl.mode") {
            Some(entry) => {
                let posture_of =
                    |mode: &str| pg_mode_posture(mode).unwrap_or((Posture::Unknown, "not a value the managed connector knows"));
                let Some(link) = chosen_by(&service, entry, posture_of) else { return };
                link
            }
            None => Link::new(
                LinkKind::Database,
                service,
                at,
                Posture::Fallback,
                "no ssl.mode: the managed connector's default `prefer` falls back to plaintext when the server does not offer TLS",
            ),
        }
        .fixed_by("Set ssl.mode=verify-full", Applicability::Unsafe, vec![set(connector, "ssl.mode", "verify-full")])
    } else if matches!(class, "MySqlCdcSource" | "MySqlCdcSourceV2") {
        match config.get("database.ssl.mode") {
            Some(entry) => {
                let Some(link) = chosen_by(&service, entry, mysql_mode_posture) else { return };
                link
            }
            None => Link::new(
                LinkKind::Database,
                service,
                at,
                Posture::Fallback,
                "no database.ssl.mode: the default `preferred` falls back to plaintext",
            ),
        }
        .fixed_by(
            "Set database.ssl.mode=verify_identity",
            Applicability::Unsafe,
            vec![set(connector, "database.ssl.mode", "verify_identity")],
        )
    } else if matches!(class, "PostgresCdcSource" | "PostgresCdcSourceV2") {
        match config.get("database.sslmode") {
            Some(entry) => {
                let posture_of = |mode: &str| pg_mode_posture(mode).unwrap_or((Posture::Unknown, "not a value the connector knows"));
                let Some(link) = chosen_by(&service, entry, posture_of) else { return };
                link
            }
            None => Link::new(
                LinkKind::Database,
                service,
                at,
                Posture::Fallback,
                "no database.sslmode: the default `prefer` falls back to plaintext",
            ),
        }
        .fixed_by(
            "Set database.sslmode=verify-full",
            Applicability::Unsafe,
            vec![set(connector, "database.sslmode", "verify-full")],
        )
    } else if matches!(class, "SqlServerCdcSource" | "SqlServerCdcSourceV2") {
        match config.text("database.encrypt") {
            Some(v) if v.trim().eq_ignore_ascii_case("true") => return,
            _ => Link::new(
                LinkKind::Database,
                service,
                config.get("database.encrypt").unwrap_or(at),
                Posture::Plaintext,
                "database.encrypt is not true (the managed SQL Server CDC source defaults to false)",
            ),
        }
        .fixed_by("Set database.encrypt=true", Applicability::Unsafe, vec![set(connector, "database.encrypt", "true")])
    } else {
        return;
    };
    out.push(link.on_hosts(&hosts));
}
