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

/// The worker's clients and the prefix of each. `admin.` falls back to the top level; the
/// producers of source tasks and the consumers of sink tasks do not (Kafka's `Worker.java`).
pub const WORKER_CLIENTS: [(&str, &str, bool); 4] = [
    ("", "the worker's own clients (group membership, config, offset and status topics)", false),
    ("producer.", "the producers of source tasks", false),
    ("consumer.", "the consumers of sink tasks", false),
    ("admin.", "the admin clients (topic creation, dead letter queues)", true),
];

/// What the brokers in a bootstrap entry say: all loopback, the MSK listener all of them use.
pub struct BootstrapFacts {
    pub all_loopback: bool,
    pub msk_auth: Option<MskAuth>,
    pub msk_tls: Option<bool>,
}

impl BootstrapFacts {
    pub fn of(value: &Value) -> Option<BootstrapFacts> {
        let brokers = bootstrap::parse(value.text()?);
        if brokers.is_empty() {
            return None;
        }
        let listeners: Vec<_> = brokers.iter().filter(|b| b.is_msk()).filter_map(|b| b.msk_listener()).collect();
        let uniform = listeners.len() == brokers.len() && listeners.windows(2).all(|w| w[0].auth == w[1].auth && w[0].tls == w[1].tls);
        Some(BootstrapFacts {
            all_loopback: brokers.iter().all(|b| b.is_loopback()),
            msk_auth: uniform.then(|| listeners[0].auth),
            msk_tls: uniform.then(|| listeners[0].tls),
        })
    }
}

/// A client's `security.protocol`, as the client reads it.
pub enum Protocol<'a> {
    /// Not set: Kafka's default, `PLAINTEXT`.
    Default,
    Stated(&'a ConfigEntry),
}

/// One prefix of a Kafka client and its protocol.
pub struct ClientPrefix<'a> {
    pub prefix: String,
    pub label: String,
    pub protocol: Protocol<'a>,
    /// Unset means the top level's setting applies (the worker's `admin.`).
    pub inherits: bool,
}

/// A Kafka link: clients that share a bootstrap list (parsed once), each under its prefixes.
pub struct KafkaLink<'a> {
    pub label: String,
    pub bootstrap: Option<&'a ConfigEntry>,
    pub facts: Option<BootstrapFacts>,
    pub clients: Vec<ClientPrefix<'a>>,
    /// The connector's MSK Connect link uses IAM, so its own clients should too.
    pub cluster_iam: bool,
    /// Where the clients take their settings from, for messages.
    pub scope: String,
}

impl KafkaLink<'_> {
    pub fn loopback(&self) -> bool {
        self.facts.as_ref().is_some_and(|f| f.all_loopback)
    }

    /// The clients should use MSK IAM: the MSK Connect link is IAM, or the bootstrap list is an
    /// MSK IAM listener.
    pub fn iam_implied(&self) -> bool {
        self.cluster_iam || self.facts.as_ref().is_some_and(|f| f.msk_auth == Some(MskAuth::Iam))
    }

    /// The bootstrap list is the MSK listener for TLS without client authentication.
    pub fn tls_listener(&self) -> bool {
        self.facts.as_ref().is_some_and(|f| f.msk_tls == Some(true) && f.msk_auth == Some(MskAuth::None))
    }
}

/// The Kafka links a connector's own clients make: its client overrides (KIP-458: unset means
/// inherited from the worker, so only stated protocols count) and the clients it creates itself,
/// which get only their bootstrap list and their own prefixed settings.
pub fn connector_links(connector: &Connector) -> Vec<KafkaLink<'_>> {
    let config = &connector.config;
    let cluster_iam = connector.cluster.as_ref().is_some_and(|c| c.uses_iam());
    let mut links = Vec::new();
    let overrides: Vec<ClientPrefix> = OVERRIDE_PREFIXES
        .iter()
        .filter_map(|prefix| {
            let entry = config.get(&format!("{prefix}security.protocol"))?;
            Some(ClientPrefix {
                prefix: prefix.to_string(),
                label: "the connector's own client override".to_string(),
                protocol: Protocol::Stated(entry),
                inherits: true,
            })
        })
        .collect();
    if !overrides.is_empty() {
        links.push(KafkaLink {
            label: "the connector's own client override".to_string(),
            bootstrap: None,
            facts: None,
            clients: overrides,
            cluster_iam,
            scope: "an override the connector states replaces the worker's setting".to_string(),
        });
    }
    for alias in connector.mirrormaker_clusters() {
        let prefix = format!("{alias}.");
        let bootstrap = config.get(&format!("{prefix}bootstrap.servers")).filter(|e| e.text().is_none_or(|t| !t.trim().is_empty()));
        let label = format!("MirrorMaker 2 cluster `{alias}`");
        // MirrorMakerConfig gives each cluster its `<alias>.` settings, then the top-level ones.
        let stated = config.get(&format!("{prefix}security.protocol")).or_else(|| config.get("security.protocol"));
        let protocol = stated.map_or(Protocol::Default, Protocol::Stated);
        let scope = format!("MirrorMaker 2 gives this cluster's clients only the `{prefix}` and top-level settings");
        let clients = vec![ClientPrefix { prefix, label: label.clone(), protocol, inherits: false }];
        let facts = bootstrap.and_then(|b| BootstrapFacts::of(&b.value));
        links.push(KafkaLink { label, bootstrap, facts, clients, cluster_iam, scope });
    }
    for client in &EMBEDDED_CLIENTS {
        let bootstrap = config.get(client.bootstrap_key).filter(|e| e.text().is_none_or(|t| !t.trim().is_empty()));
        let clients: Vec<ClientPrefix> = client
            .prefixes
            .iter()
            .filter_map(|prefix| {
                let protocol = match config.get(&format!("{prefix}security.protocol")) {
                    Some(entry) => Protocol::Stated(entry),
                    None if bootstrap.is_some() => Protocol::Default,
                    None => return None,
                };
                Some(ClientPrefix { prefix: prefix.to_string(), label: client.label.to_string(), protocol, inherits: false })
            })
            .collect();
        if clients.is_empty() {
            continue;
        }
        let facts = bootstrap.and_then(|b| BootstrapFacts::of(&b.value));
        let scope = "these clients do not inherit the worker's security settings".to_string();
        links.push(KafkaLink { label: client.label.to_string(), bootstrap, facts, clients, cluster_iam, scope });
    }
    links
}

/// A self-managed worker's link to its cluster: its own clients and those of its tasks.
pub fn worker_link(connector: &Connector) -> Option<KafkaLink<'_>> {
    let config = &connector.config;
    let bootstrap = config.get("bootstrap.servers").filter(|e| e.text().is_none_or(|t| !t.trim().is_empty()))?;
    let clients = WORKER_CLIENTS
        .iter()
        .map(|&(prefix, label, inherits)| ClientPrefix {
            prefix: prefix.to_string(),
            label: label.to_string(),
            protocol: config.get(&format!("{prefix}security.protocol")).map_or(Protocol::Default, Protocol::Stated),
            inherits,
        })
        .collect();
    Some(KafkaLink {
        label: "the worker".to_string(),
        bootstrap: Some(bootstrap),
        facts: BootstrapFacts::of(&bootstrap.value),
        clients,
        cluster_iam: false,
        scope: "task producers and consumers do not inherit the top-level security.protocol".to_string(),
    })
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
