//! Links under keys no family knows: older, forked and in-house connectors name their keys
//! freely, so a value that is a URL or connection string with a known scheme is a link of that
//! kind under any key. A family's own reading wins: keys another analyser linked are skipped.

use super::http::{http_link, is_placeholder, NoScheme};
use super::link::{Link, LinkKind, Posture};
use super::{jdbc, mongodb, url};
use crate::connector::{Assumptions, ConfigEntry, Connector, Value};
use crate::finding::{Applicability, Edit};
use crate::text;

/// A plaintext scheme, what speaks it, and its TLS form.
struct Scheme {
    plain: &'static str,
    service: &'static str,
    secure: &'static str,
}

const SCHEMES: [Scheme; 8] = [
    Scheme { plain: "ws", service: "WebSocket endpoint", secure: "wss" },
    Scheme { plain: "ftp", service: "FTP server", secure: "ftps" },
    Scheme { plain: "ldap", service: "LDAP server", secure: "ldaps" },
    Scheme { plain: "amqp", service: "AMQP broker", secure: "amqps" },
    Scheme { plain: "mqtt", service: "MQTT broker", secure: "mqtts" },
    Scheme { plain: "redis", service: "Redis", secure: "rediss" },
    Scheme { plain: "bolt", service: "Neo4j (Bolt)", secure: "bolt+s" },
    Scheme { plain: "neo4j", service: "Neo4j", secure: "neo4j+s" },
];

/// Every link under a key that `linked` (the keys other analysers read as links) does not hold.
pub fn links(connector: &Connector, assume: &Assumptions, linked: &[Link], out: &mut Vec<Link>) {
    for entry in &connector.config.entries {
        let Value::Text(text) = &entry.value else { continue };
        let text = text.trim();
        // Every link below starts with a scheme (`jdbc:`, `mongodb://`, `http://`, `ftp://`), so a
        // value without a colon (most of them) is none.
        if !text.contains(':') || is_placeholder(text) {
            continue;
        }
        let key = entry.key.as_str();
        // Proxies are not destinations; XML and schema namespaces are names, not addresses.
        if text::find_ignore_ascii_case(key, "proxy").is_some()
            || text::ends_with_ignore_ascii_case(key, "namespace")
            || linked.iter().any(|l| l.reads(key))
        {
            continue;
        }
        let lower = text.to_ascii_lowercase();
        let link = if lower.starts_with("jdbc:") {
            jdbc::analyze(connector, entry, &jdbc::Passthrough { entries: Vec::new() }, assume).filter(|l| l.posture != Posture::Unknown)
        } else if lower.starts_with("mongodb://") {
            Some(mongodb_link(entry, text))
        } else if lower.split(',').any(|u| u.trim().starts_with("http://")) {
            if camel_override_unused(connector, entry) {
                continue;
            }
            http_link(connector, entry, "HTTP endpoint", NoScheme::Ignore, None)
        } else {
            scheme_link(connector, entry, text, &lower)
        };
        out.extend(link);
    }
}

/// Camel kamelets read `uriEndpointOverride` only together with `overrideEndpoint=true`.
fn camel_override_unused(connector: &Connector, entry: &ConfigEntry) -> bool {
    let Some(prefix) = entry.key.strip_suffix("uriEndpointOverride") else { return false };
    !connector.config.text(&format!("{prefix}overrideEndpoint")).is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

fn mongodb_link(entry: &ConfigEntry, text: &str) -> Link {
    let verdict = mongodb::analyze(text, None, "");
    let mut link = Link::new(LinkKind::Service, "MongoDB", entry, verdict.posture, verdict.reason.clone()).on_hosts(&verdict.hosts);
    if verdict.plain_password {
        link.cleartext_credentials = Some("the password in the connection string (authMechanism=PLAIN)".to_string());
    }
    link
}

fn scheme_link(connector: &Connector, entry: &ConfigEntry, text: &str, lower: &str) -> Option<Link> {
    let scheme = SCHEMES.iter().find(|s| lower.strip_prefix(s.plain).is_some_and(|rest| rest.starts_with("://")))?;
    let rest = text.get(scheme.plain.len()..).unwrap_or_default();
    let parsed = url::parse(text);
    let mut link = Link::new(
        LinkKind::Service,
        scheme.service,
        entry,
        Posture::Plaintext,
        format!("{}:// is plaintext ({}:// is the TLS form)", scheme.plain, scheme.secure),
    )
    .on_hosts(&parsed.host_names())
    .fixed_by(
        format!("Use {}://", scheme.secure),
        Applicability::Unsafe,
        vec![Edit::set(&connector.config, &entry.key, &format!("{}{rest}", scheme.secure))],
    );
    if parsed.password.is_some() {
        link.cleartext_credentials = Some("the user name and password in the URL".to_string());
    }
    Some(link)
}
