//! Links to services other than relational databases: HTTP(S) endpoints (search, HTTP sinks,
//! Splunk, object stores, Snowflake, schema registries), MongoDB, Redis, Neo4j, Couchbase,
//! Cassandra, Solace and IBM MQ, Infinispan, and any other URL-valued key using `http://`.

use super::http::{http_link, NoScheme};
use super::link::{Link, LinkKind, Posture, Trust};
use super::{mongodb, url};
use crate::connector::{ConfigEntry, Connector, Family};
use crate::finding::{Applicability, Edit};

pub fn links(connector: &Connector, out: &mut Vec<Link>) {
    let mut handled: Vec<String> = Vec::new();
    let config = &connector.config;
    let class = connector.class.as_deref().unwrap_or("").to_ascii_lowercase();
    let mut http = |key: &str, service: &str, no_scheme: NoScheme, credentials: Option<String>, out: &mut Vec<Link>| {
        handled.push(key.to_string());
        if let Some(entry) = config.get(key) {
            if let Some(link) = http_link(connector, entry, service, no_scheme, credentials) {
                out.push(link);
            }
        }
    };
    let has = |key: &str| config.text(key).is_some_and(|v| !v.trim().is_empty());
    let basic = |user: &str, password: &str| (has(user) && has(password)).then(|| format!("HTTP basic auth ({user} and {password})"));

    match connector.family {
        Family::Elasticsearch => {
            http("connection.url", "Elasticsearch", NoScheme::Http, basic("connection.username", "connection.password"), out)
        }
        Family::Opensearch => {
            http("connection.url", "OpenSearch", NoScheme::Http, basic("connection.username", "connection.password"), out)
        }
        Family::Http => {
            let auth = config.text("auth.type").unwrap_or("").to_ascii_uppercase();
            let confluent_basic = (auth == "BASIC").then(|| basic("connection.user", "connection.password")).flatten();
            let header = config
                .text("headers")
                .filter(|h| h.to_ascii_lowercase().contains("authorization"))
                .map(|_| "an Authorization header (headers)".to_string());
            let aiven_static = config
                .text("http.authorization.type")
                .filter(|t| t.eq_ignore_ascii_case("static"))
                .map(|_| "the static Authorization header (http.headers.authorization)".to_string());
            let credentials = confluent_basic.or(header).or(aiven_static);
            http("http.api.url", "HTTP endpoint", NoScheme::Ignore, credentials.clone(), out);
            http("http.url", "HTTP endpoint", NoScheme::Ignore, credentials, out);
            let secret = has("oauth2.client.secret").then(|| "the OAuth2 client secret (oauth2.client.secret)".to_string());
            http("oauth2.token.url", "OAuth2 token endpoint", NoScheme::Ignore, secret.clone(), out);
            http("oauth2.access.token.url", "OAuth2 token endpoint", NoScheme::Ignore, secret, out);
        }
        Family::Splunk => {
            let token = has("splunk.hec.token").then(|| "the HEC token (splunk.hec.token)".to_string());
            http("splunk.hec.uri", "Splunk HEC", NoScheme::Ignore, token, out);
        }
        Family::S3 => {
            http("store.url", "S3 endpoint", NoScheme::Https, None, out);
            http("aws.s3.endpoint", "S3 endpoint", NoScheme::Ignore, None, out);
            http("connect.s3.custom.endpoint", "S3 endpoint", NoScheme::Ignore, None, out);
        }
        Family::Snowflake => {
            http("snowflake.url.name", "Snowflake", NoScheme::Https, None, out);
            http("snowflake.oauth.token.endpoint", "Snowflake OAuth token endpoint", NoScheme::Https, None, out);
        }
        Family::Influxdb => http("influxdb.url", "InfluxDB", NoScheme::Ignore, basic("influxdb.username", "influxdb.password"), out),
        Family::Mongodb => mongodb_connector(connector, out),
        Family::Redis => redis(connector, out),
        Family::Neo4j => neo4j(connector, out),
        Family::Couchbase => couchbase(connector, out),
        Family::Cassandra => cassandra(connector, out),
        Family::Jms => jms(connector, &class, out),
        _ => {}
    }
    for entry in &config.entries {
        let key = entry.key.to_ascii_lowercase();
        if key.ends_with("registry.url") && !handled.contains(&entry.key) {
            handled.push(entry.key.clone());
            // `value.converter.schema.registry.url` shares `value.converter.` with its credentials.
            let prefix = ["schema.registry.url", "registry.url"].iter().find_map(|s| entry.key.strip_suffix(s)).unwrap_or("");
            let user_info = [
                format!("{prefix}basic.auth.user.info"),
                format!("{prefix}schema.registry.basic.auth.user.info"),
                "basic.auth.user.info".to_string(),
            ];
            let credentials = user_info.iter().find(|k| has(k)).map(|k| format!("HTTP basic auth ({k})"));
            if let Some(link) = http_link(connector, entry, "schema registry", NoScheme::Ignore, credentials) {
                out.push(link);
            }
        }
    }
    infinispan(connector, out);
    camel(connector, out, &mut handled);
    out.extend(trust_overrides(connector));
    for link in out.iter_mut().filter(|l| l.posture == Posture::HostnameUnverified) {
        if let Some((_, keys)) = TRUSTSTORES.iter().find(|(service, _)| *service == link.service) {
            link.trust = Trust::from_settings(keys.iter().filter_map(|k| config.get(k)));
        }
    }
}

/// Settings that point a service's client at a CA of the user's own instead of the JVM's store.
const TRUSTSTORES: [(&str, &[&str]); 5] = [
    ("MongoDB", &["connection.ssl.truststore"]),
    ("Couchbase", &["couchbase.trust.store.path", "couchbase.trust.certificate.path"]),
    ("Cassandra", &["ssl.truststore.path"]),
    ("IBM MQ", &["mq.ssl.truststore.location"]),
    ("HTTP endpoint", &["https.ssl.truststore.location"]),
];

fn truthy(connector: &Connector, key: &str) -> Option<bool> {
    connector.config.text(key).map(|v| v.trim().eq_ignore_ascii_case("true"))
}

fn entry_true<'a>(connector: &'a Connector, key: &str) -> Option<&'a ConfigEntry> {
    connector.config.get(key).filter(|e| e.text().is_some_and(|t| t.trim().eq_ignore_ascii_case("true")))
}

fn entry_false<'a>(connector: &'a Connector, key: &str) -> Option<&'a ConfigEntry> {
    connector.config.get(key).filter(|e| e.text().is_some_and(|t| t.trim().eq_ignore_ascii_case("false")))
}

fn hosts_of(list: &str) -> Vec<String> {
    list.split([',', ' ', ';']).filter(|h| !h.is_empty()).map(|h| url::host_name(h.split("://").last().unwrap_or(h))).collect()
}

fn mongodb_connector(connector: &Connector, out: &mut Vec<Link>) {
    let Some(entry) = connector.config.get("connection.uri") else { return };
    let Some(text) = entry.text() else {
        out.push(Link::new(LinkKind::Service, "MongoDB", entry, Posture::Unknown, "the connection string cannot be known from this input"));
        return;
    };
    if text.trim().starts_with("${") {
        out.push(Link::new(LinkKind::Service, "MongoDB", entry, Posture::Unknown, "the connection string comes from a config provider"));
        return;
    }
    let verdict = mongodb::analyze(text, None, "");
    let mut link = Link::new(LinkKind::Service, "MongoDB", entry, verdict.posture, verdict.reason.clone()).on_hosts(&verdict.hosts);
    let url_params = &verdict.url.params;
    let fixed = |name: &str, value: &str| {
        url::with_param(
            text.trim(),
            url_params,
            name,
            value,
            if text.contains('?') {
                "&"
            } else if text.trim_end().ends_with('/') {
                "?"
            } else {
                "/?"
            },
            "&",
        )
    };
    link = match verdict.posture {
        Posture::Plaintext => link.fixed_by(
            "Add tls=true to the connection string",
            Applicability::Unsafe,
            vec![Edit::set(&connector.config, &entry.key, &fixed("tls", "true"))],
        ),
        Posture::HostnameUnverified => {
            let mut cleaned = text.trim().to_string();
            for name in ["tlsAllowInvalidHostnames", "tlsInsecure", "sslInvalidHostNameAllowed"] {
                cleaned = url::without_param(&cleaned, &url::parse(&cleaned).params, name);
            }
            link.fixed_by(
                "Remove the option that turns host name verification off",
                Applicability::Safe,
                vec![Edit::set(&connector.config, &entry.key, &cleaned)],
            )
        }
        _ => link,
    };
    if verdict.plain_password {
        link.cleartext_credentials = Some("the password in the connection string (authMechanism=PLAIN)".to_string());
    }
    link.ignored.extend(verdict.ignored(&connector.config, entry));
    out.push(link);
}

fn redis(connector: &Connector, out: &mut Vec<Link>) {
    let config = &connector.config;
    let password = ["redis.password", "connect.redis.password"]
        .iter()
        .find(|k| config.text(k).is_some_and(|v| !v.is_empty()))
        .map(|k| format!("the Redis AUTH password ({k})"));
    if let Some(entry) = config.get("redis.uri") {
        let Some(text) = entry.text() else { return };
        let parsed = url::parse(text.trim());
        let credentials = parsed.password.as_ref().map(|_| "the Redis AUTH password in the URI".to_string()).or(password.clone());
        // redis.insecure is read only when redis.tls=true; a rediss:// URI alone keeps full verification.
        let tls_flag = truthy(connector, "redis.tls") == Some(true);
        let mut link = match (parsed.scheme.as_str(), tls_flag) {
            (_, true) => match entry_true(connector, "redis.insecure") {
                Some(insecure) => Link::new(
                    LinkKind::Service,
                    "Redis",
                    insecure,
                    Posture::CertificateUnverified,
                    "redis.tls=true with redis.insecure=true turns certificate verification off",
                )
                .fixed_by(
                    "Set redis.insecure=false",
                    Applicability::Safe,
                    vec![Edit::set(&connector.config, "redis.insecure", "false")],
                ),
                None => Link::new(LinkKind::Service, "Redis", entry, Posture::Verified, "redis.tls=true"),
            },
            ("rediss", false) => Link::new(LinkKind::Service, "Redis", entry, Posture::Verified, "rediss://"),
            ("redis", false) => Link::new(
                LinkKind::Service,
                "Redis",
                entry,
                Posture::Plaintext,
                "redis:// without redis.tls=true is plaintext (rediss:// is Redis over TLS)",
            )
            .fixed_by(
                "Use rediss://",
                Applicability::Unsafe,
                vec![Edit::set(&connector.config, "redis.uri", &format!("rediss://{}", &text.trim()[8..]))],
            ),
            _ => return,
        };
        link = link.on_hosts(&parsed.host_names()).addressed_by(entry);
        link.cleartext_credentials = credentials;
        out.push(link);
        return;
    }
    for (hosts_key, ssl_key) in [("redis.hosts", "redis.ssl.enabled"), ("connect.redis.host", "connect.redis.ssl.enabled")] {
        let Some(entry) = config.get(hosts_key) else { continue };
        let hosts = hosts_of(entry.text().unwrap_or(""));
        let mut link = if truthy(connector, ssl_key) == Some(true) {
            Link::new(LinkKind::Service, "Redis", entry, Posture::Verified, format!("{ssl_key}=true"))
        } else {
            Link::new(
                LinkKind::Service,
                "Redis",
                entry,
                Posture::Plaintext,
                format!("{ssl_key} is not true: the connector talks to Redis in plaintext"),
            )
            .fixed_by(
                format!("Set {ssl_key}=true"),
                Applicability::Unsafe,
                vec![Edit::set(&connector.config, ssl_key, "true")],
            )
        }
        .on_hosts(&hosts);
        link.cleartext_credentials = password.clone();
        out.push(link);
    }
}

fn neo4j(connector: &Connector, out: &mut Vec<Link>) {
    let config = &connector.config;
    let Some(entry) = config.get("neo4j.uri").or_else(|| config.get("neo4j.server.uri")) else { return };
    let Some(text) = entry.text() else { return };
    let parsed = url::parse(text.split(',').next().unwrap_or("").trim());
    let encrypted_key =
        if config.get("neo4j.security.encrypted").is_some() { "neo4j.security.encrypted" } else { "neo4j.encryption.enabled" };
    let trust_key = ["neo4j.security.trust-strategy", "neo4j.encryption.trust.strategy"].into_iter().find(|k| config.get(k).is_some());
    let trust_all =
        trust_key.and_then(|k| config.get(k)).filter(|e| e.text().is_some_and(|t| t.trim().eq_ignore_ascii_case("TRUST_ALL_CERTIFICATES")));
    let password = config
        .text("neo4j.authentication.basic.password")
        .filter(|p| !p.is_empty())
        .map(|_| "the basic-auth password (neo4j.authentication.basic.password)".to_string());
    let mut link = match parsed.scheme.as_str() {
        "bolt+s" | "neo4j+s" => Link::new(LinkKind::Service, "Neo4j", entry, Posture::Verified, format!("{}://", parsed.scheme)),
        "bolt+ssc" | "neo4j+ssc" => Link::new(
            LinkKind::Service,
            "Neo4j",
            entry,
            Posture::CertificateUnverified,
            format!("{}:// accepts self-signed certificates: any certificate passes", parsed.scheme),
        )
        .fixed_by(
            "Use the +s scheme",
            Applicability::Unsafe,
            vec![Edit::set(&connector.config, &entry.key, &text.trim().replacen("+ssc://", "+s://", 1))],
        ),
        "bolt" | "neo4j" if truthy(connector, encrypted_key) == Some(true) => match trust_all {
            Some(t) => Link::new(
                LinkKind::Service,
                "Neo4j",
                t,
                Posture::CertificateUnverified,
                format!("{}=TRUST_ALL_CERTIFICATES accepts any certificate", t.key),
            )
            .fixed_by(
                "Trust only CA-signed certificates",
                Applicability::Unsafe,
                vec![Edit::set(&connector.config, &t.key, "TRUST_SYSTEM_CA_SIGNED_CERTIFICATES")],
            ),
            None => match entry_false(connector, "neo4j.security.hostname-verification-enabled") {
                Some(h) => Link::new(
                    LinkKind::Service,
                    "Neo4j",
                    h,
                    Posture::HostnameUnverified,
                    "neo4j.security.hostname-verification-enabled=false",
                )
                .fixed_by(
                    "Turn host name verification on",
                    Applicability::Safe,
                    vec![Edit::set(&connector.config, &h.key, "true")],
                ),
                None => Link::new(LinkKind::Service, "Neo4j", entry, Posture::Verified, format!("{encrypted_key}=true")),
            },
        },
        "bolt" | "neo4j" => Link::new(
            LinkKind::Service,
            "Neo4j",
            entry,
            Posture::Plaintext,
            format!("{}:// without {encrypted_key}=true is unencrypted", parsed.scheme),
        )
        .fixed_by(
            "Use the neo4j+s:// scheme",
            Applicability::Unsafe,
            vec![Edit::set(&connector.config, &entry.key, &text.trim().replacen("://", "+s://", 1))],
        ),
        _ => return,
    };
    link = link.on_hosts(&parsed.host_names()).addressed_by(entry);
    link.cleartext_credentials = password;
    out.push(link);
}

fn couchbase(connector: &Connector, out: &mut Vec<Link>) {
    let config = &connector.config;
    let Some(entry) = config.get("couchbase.seed.nodes") else { return };
    let text = entry.text().unwrap_or("");
    let hosts = hosts_of(text);
    // A couchbases:// seed node turns TLS on whatever couchbase.enable.tls says.
    let tls = truthy(connector, "couchbase.enable.tls") == Some(true) || text.trim_start().starts_with("couchbases://");
    let link = if !tls {
        Link::new(
            LinkKind::Service,
            "Couchbase",
            entry,
            Posture::Plaintext,
            "couchbase.enable.tls is not true: the connector talks to Couchbase in plaintext (the default)",
        )
        .fixed_by(
            "Set couchbase.enable.tls=true",
            Applicability::Unsafe,
            vec![Edit::set(&connector.config, "couchbase.enable.tls", "true")],
        )
    } else if let Some(off) = entry_false(connector, "couchbase.enable.hostname.verification") {
        Link::new(LinkKind::Service, "Couchbase", off, Posture::HostnameUnverified, "couchbase.enable.hostname.verification=false")
            .fixed_by("Turn host name verification on", Applicability::Safe, vec![Edit::set(&connector.config, &off.key, "true")])
    } else {
        Link::new(LinkKind::Service, "Couchbase", entry, Posture::Verified, "couchbase.enable.tls=true")
    };
    out.push(link.on_hosts(&hosts));
}

fn cassandra(connector: &Connector, out: &mut Vec<Link>) {
    let config = &connector.config;
    let password = ["auth.password", "cassandra.password"]
        .iter()
        .find(|k| config.text(k).is_some_and(|v| !v.is_empty()))
        .map(|k| format!("the password ({k}), which Cassandra's plain-text authenticator sends as it is"));
    let (entry, tls, setting) = if let Some(entry) = config.get("contactPoints") {
        let provider = config.text("ssl.provider").unwrap_or("None");
        (entry, !provider.trim().eq_ignore_ascii_case("none"), format!("ssl.provider={}", provider.trim()))
    } else if let Some(entry) = config.get("cassandra.contact.points") {
        (entry, truthy(connector, "cassandra.ssl.enabled") == Some(true), "cassandra.ssl.enabled".to_string())
    } else {
        return;
    };
    let hosts = hosts_of(entry.text().unwrap_or(""));
    let mut link = if !tls {
        let (key, value) = if entry.key == "contactPoints" { ("ssl.provider", "JDK") } else { ("cassandra.ssl.enabled", "true") };
        Link::new(
            LinkKind::Service,
            "Cassandra",
            entry,
            Posture::Plaintext,
            format!("{setting}: the connector talks to Cassandra in plaintext (the default)"),
        )
        .fixed_by(format!("Set {key}={value}"), Applicability::Unsafe, vec![Edit::set(&connector.config, key, value)])
    } else if let Some(off) = entry_false(connector, "ssl.hostnameValidation") {
        Link::new(LinkKind::Service, "Cassandra", off, Posture::HostnameUnverified, "ssl.hostnameValidation=false").fixed_by(
            "Turn host name validation on",
            Applicability::Safe,
            vec![Edit::set(&connector.config, &off.key, "true")],
        )
    } else {
        Link::new(LinkKind::Service, "Cassandra", entry, Posture::Verified, setting)
    };
    link = link.on_hosts(&hosts);
    link.cleartext_credentials = password;
    out.push(link);
}

fn jms(connector: &Connector, class: &str, out: &mut Vec<Link>) {
    let config = &connector.config;
    if class.contains("solace") {
        let Some(entry) = config.get("solace.host").or_else(|| config.get("sol.host")) else { return };
        let text = entry.text().unwrap_or("").trim().to_string();
        let scheme = text.find("://").map(|i| text[..i].to_ascii_lowercase()).unwrap_or_else(|| "tcp".to_string());
        let password = ["solace.password", "sol.password"]
            .iter()
            .find(|k| config.text(k).is_some_and(|v| !v.is_empty()))
            .map(|k| format!("the basic-auth password ({k})"));
        if matches!(scheme.as_str(), "tcps" | "smfs") {
            return;
        }
        let secured = match text.find("://") {
            Some(i) => format!("tcps://{}", &text[i + 3..]),
            None => format!("tcps://{text}"),
        };
        let mut link = Link::new(
            LinkKind::Service,
            "Solace",
            entry,
            Posture::Plaintext,
            format!("{scheme}:// is plaintext (tcps:// is Solace over TLS)"),
        )
        .on_hosts(&hosts_of(&text))
        .fixed_by(
            "Use tcps:// (the broker's TLS port)",
            Applicability::Unsafe,
            vec![Edit::set(&connector.config, &entry.key, &secured)],
        );
        link.cleartext_credentials = password;
        out.push(link);
        return;
    }
    if class.contains("ibmmq") || class.contains(".mq") {
        let Some(entry) = ["mq.hostname", "mq.connection.list", "mq.connection.name.list"].iter().find_map(|k| config.get(k)) else {
            return;
        };
        if config.text("mq.ssl.cipher.suite").is_some_and(|s| !s.trim().is_empty()) {
            if config.text("mq.ssl.peer.name").is_none_or(|p| p.trim().is_empty()) {
                out.push(
                    Link::new(LinkKind::Service, "IBM MQ", entry, Posture::HostnameUnverified, "mq.ssl.cipher.suite is set but mq.ssl.peer.name is not: any certificate the truststore accepts is taken for the queue manager")
                        .on_hosts(&hosts_of(entry.text().unwrap_or(""))),
                );
            }
            return;
        }
        out.push(
            Link::new(
                LinkKind::Service,
                "IBM MQ",
                entry,
                Posture::Plaintext,
                "no mq.ssl.cipher.suite: the channel to the queue manager is not encrypted",
            )
            .on_hosts(&hosts_of(entry.text().unwrap_or(""))),
        );
    }
}

fn infinispan(connector: &Connector, out: &mut Vec<Link>) {
    for entry in &connector.config.entries {
        let Some(prefix) = entry.key.strip_suffix("client.hotrod.server_list") else { continue };
        let ssl = format!("{prefix}client.hotrod.use_ssl");
        if truthy(connector, &ssl) == Some(true) {
            continue;
        }
        out.push(
            Link::new(
                LinkKind::Service,
                "Infinispan (Hot Rod)",
                entry,
                Posture::Plaintext,
                format!("{ssl} is not true: the Hot Rod client connects in plaintext"),
            )
            .on_hosts(&hosts_of(entry.text().unwrap_or("")))
            .fixed_by(format!("Set {ssl}=true"), Applicability::Unsafe, vec![Edit::set(&connector.config, &ssl, "true")]),
        );
    }
}

fn camel(connector: &Connector, out: &mut Vec<Link>, handled: &mut Vec<String>) {
    for entry in &connector.config.entries {
        if !entry.key.starts_with("camel.") {
            continue;
        }
        let lower = entry.key.to_ascii_lowercase();
        if lower.ends_with(".protocol") && entry.text().is_some_and(|t| t.trim().eq_ignore_ascii_case("http")) {
            handled.push(entry.key.clone());
            out.push(
                Link::new(
                    LinkKind::Service,
                    "AWS service endpoint",
                    entry,
                    Posture::Plaintext,
                    format!("{}=http: the AWS SDK talks plain HTTP", entry.key),
                )
                .fixed_by("Use https", Applicability::Safe, vec![Edit::set(&connector.config, &entry.key, "https")]),
            );
        }
    }
}

/// Explicit settings that accept any certificate or skip the host name, for services whose
/// main link is analysed elsewhere (HTTP sinks, OpenSearch, Splunk).
fn trust_overrides(connector: &Connector) -> Vec<Link> {
    let mut links = Vec::new();
    let table: [(&str, &str, Posture, &str, &str); 4] = [
        ("connection.trust.all.certificates", "true", Posture::CertificateUnverified, "OpenSearch", "false"),
        ("http.ssl.trust.all.certs", "true", Posture::CertificateUnverified, "HTTP endpoint", "false"),
        ("splunk.hec.ssl.validate.certs", "false", Posture::CertificateUnverified, "Splunk HEC", "true"),
        ("https.host.verifier.enabled", "false", Posture::HostnameUnverified, "HTTP endpoint", "true"),
    ];
    for (key, bad, posture, service, good) in table {
        let Some(entry) = connector.config.get(key).filter(|e| e.text().is_some_and(|t| t.trim().eq_ignore_ascii_case(bad))) else {
            continue;
        };
        let why = match posture {
            Posture::CertificateUnverified => "any certificate is accepted",
            _ => "the certificate is not checked against the host name",
        };
        links.push(Link::new(LinkKind::Service, service, entry, posture, format!("{key}={bad}: {why}")).fixed_by(
            format!("Set {key}={good}"),
            Applicability::Safe,
            vec![Edit { key: Some(key.to_string()), pointer: entry.pointer.clone(), value: Some(good.to_string()) }],
        ));
    }
    links
}
