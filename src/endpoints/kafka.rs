//! Facts about Kafka clients that several rules share: which prefixes in a connector config
//! configure a Kafka client of their own, and the MSK IAM client settings.

use super::bootstrap::{self, MskAuth};
use crate::connector::{Config, ConfigEntry, Connector, Value};
use crate::finding::Edit;

/// A Kafka client that a connector creates itself: it gets only the bootstrap list and the
/// settings under its prefixes, never the worker's security settings.
pub struct EmbeddedClient {
    pub label: &'static str,
    pub bootstrap_key: &'static str,
    pub prefixes: &'static [&'static str],
}

pub const EMBEDDED_CLIENTS: [EmbeddedClient; 10] = [
    EmbeddedClient {
        label: "Debezium schema history (2.x and later)",
        bootstrap_key: "schema.history.internal.kafka.bootstrap.servers",
        prefixes: &["schema.history.internal.producer.", "schema.history.internal.consumer."],
    },
    EmbeddedClient {
        label: "Debezium database history (1.x)",
        bootstrap_key: "database.history.kafka.bootstrap.servers",
        prefixes: &["database.history.producer.", "database.history.consumer."],
    },
    EmbeddedClient {
        label: "MirrorMaker 2 source cluster",
        bootstrap_key: "source.cluster.bootstrap.servers",
        prefixes: &["source.cluster."],
    },
    EmbeddedClient {
        label: "MirrorMaker 2 target cluster",
        bootstrap_key: "target.cluster.bootstrap.servers",
        prefixes: &["target.cluster."],
    },
    EmbeddedClient {
        label: "Confluent license topic",
        bootstrap_key: "confluent.topic.bootstrap.servers",
        prefixes: &["confluent.topic."],
    },
    EmbeddedClient {
        label: "HTTP sink reporter",
        bootstrap_key: "reporter.bootstrap.servers",
        prefixes: &["reporter.admin.", "reporter.producer."],
    },
    EmbeddedClient { label: "Replicator source cluster", bootstrap_key: "src.kafka.bootstrap.servers", prefixes: &["src.kafka."] },
    EmbeddedClient { label: "Replicator destination cluster", bootstrap_key: "dest.kafka.bootstrap.servers", prefixes: &["dest.kafka."] },
    EmbeddedClient {
        label: "Debezium Kafka signal channel",
        bootstrap_key: "signal.kafka.bootstrap.servers",
        prefixes: &["signal.consumer."],
    },
    EmbeddedClient {
        label: "Debezium Cassandra agent's Kafka producer",
        bootstrap_key: "kafka.producer.bootstrap.servers",
        prefixes: &["kafka.producer."],
    },
];

/// Connector-level overrides of the worker's own clients (KIP-458): unset means inherited.
pub const OVERRIDE_PREFIXES: [&str; 3] = ["producer.override.", "consumer.override.", "admin.override."];

pub const IAM_SETTINGS: [(&str, &str); 4] = [
    ("security.protocol", "SASL_SSL"),
    ("sasl.mechanism", "AWS_MSK_IAM"),
    ("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;"),
    ("sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler"),
];

pub fn protocol_is_plaintext(protocol: &str) -> bool {
    protocol.eq_ignore_ascii_case("PLAINTEXT") || protocol.eq_ignore_ascii_case("SASL_PLAINTEXT")
}

/// SASL/PLAIN over SASL_PLAINTEXT sends the password itself in cleartext.
pub fn is_sasl_plain_over_plaintext(config: &Config, prefix: &str) -> bool {
    let protocol = config.text(&format!("{prefix}security.protocol"));
    let mechanism = config.text(&format!("{prefix}sasl.mechanism"));
    protocol.is_some_and(|p| p.trim().eq_ignore_ascii_case("SASL_PLAINTEXT"))
        && mechanism.is_some_and(|m| m.trim().eq_ignore_ascii_case("PLAIN"))
}

/// The prefix of a key ending in `suffix` (`schema.history.internal.producer.` for
/// `schema.history.internal.producer.security.protocol`).
pub fn prefix_of<'a>(key: &'a str, suffix: &str) -> Option<&'a str> {
    let prefix = key.strip_suffix(suffix)?;
    (prefix.is_empty() || prefix.ends_with('.')).then_some(prefix)
}

/// What the brokers in a bootstrap entry say: all loopback, the MSK listener all of them use.
pub struct BootstrapFacts {
    pub all_loopback: bool,
    pub msk_auth: Option<MskAuth>,
    pub msk_tls: Option<bool>,
    pub ports: Vec<u16>,
}

pub fn bootstrap_facts(value: &Value) -> Option<BootstrapFacts> {
    let text = value.text()?;
    let brokers = bootstrap::parse(text);
    if brokers.is_empty() {
        return None;
    }
    let listeners: Vec<_> = brokers.iter().filter(|b| b.is_msk()).filter_map(|b| b.msk_listener()).collect();
    let uniform = listeners.len() == brokers.len() && listeners.windows(2).all(|w| w[0].auth == w[1].auth && w[0].tls == w[1].tls);
    Some(BootstrapFacts {
        all_loopback: brokers.iter().all(|b| b.is_loopback()),
        msk_auth: uniform.then(|| listeners[0].auth),
        msk_tls: uniform.then(|| listeners[0].tls),
        ports: brokers.iter().filter_map(|b| b.port).collect(),
    })
}

/// Whether this connector's embedded clients should use MSK IAM: the MSK Connect link is IAM,
/// or the client's own bootstrap list is an MSK IAM listener.
pub fn iam_is_implied(connector: &Connector, bootstrap: Option<&ConfigEntry>) -> bool {
    let cluster_iam = connector.cluster.as_ref().is_some_and(|c| c.uses_iam());
    let listener_iam = bootstrap.and_then(|b| bootstrap_facts(&b.value)).is_some_and(|f| f.msk_auth == Some(MskAuth::Iam));
    cluster_iam || listener_iam
}

/// Edits that make every client under `prefixes` use MSK IAM, keeping keys already right.
pub fn iam_edits(config: &Config, prefixes: &[&str]) -> Vec<Edit> {
    let mut edits = Vec::new();
    for prefix in prefixes {
        for (suffix, value) in IAM_SETTINGS {
            let key = format!("{prefix}{suffix}");
            if config.text(&key) == Some(value) {
                continue;
            }
            edits.push(Edit::set(config, &key, value));
        }
    }
    edits
}
