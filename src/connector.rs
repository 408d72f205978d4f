//! The one normalised view every rule reads. Input shapes become `Connector`s; rules never see
//! raw JSON, properties or YAML.

use crate::span::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    KafkaConnectRest,
    KafkaConnectConfig,
    KafkaConnectExpand,
    MskConnectApi,
    MskWorkerConfiguration,
    Cloudformation,
    TerraformPlan,
    TerraformHcl,
    Strimzi,
    Mirrormaker2,
    Kubernetes,
    Properties,
}

impl Format {
    pub const ALL: [Format; 12] = [
        Format::KafkaConnectRest,
        Format::KafkaConnectConfig,
        Format::KafkaConnectExpand,
        Format::MskConnectApi,
        Format::MskWorkerConfiguration,
        Format::Cloudformation,
        Format::TerraformPlan,
        Format::TerraformHcl,
        Format::Strimzi,
        Format::Mirrormaker2,
        Format::Kubernetes,
        Format::Properties,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::KafkaConnectRest => "kafka-connect-rest",
            Format::KafkaConnectConfig => "kafka-connect-config",
            Format::KafkaConnectExpand => "kafka-connect-expand",
            Format::MskConnectApi => "msk-connect-api",
            Format::MskWorkerConfiguration => "msk-worker-configuration",
            Format::Cloudformation => "cloudformation",
            Format::TerraformPlan => "terraform-plan",
            Format::TerraformHcl => "terraform-hcl",
            Format::Strimzi => "strimzi",
            Format::Mirrormaker2 => "mirrormaker2",
            Format::Kubernetes => "kubernetes",
            Format::Properties => "properties",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// What kind of thing a connector class is, as far as the rules care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// A Kafka Connect worker configuration, not a connector.
    Worker,
    Jdbc,
    DebeziumMysql,
    DebeziumMariadb,
    DebeziumPostgres,
    DebeziumSqlserver,
    DebeziumOracle,
    DebeziumDb2,
    DebeziumMongodb,
    /// The Debezium Cassandra agent: not a Kafka Connect connector, but it writes to Kafka itself.
    DebeziumCassandra,
    MirrorMaker,
    Replicator,
    S3,
    Elasticsearch,
    Opensearch,
    Mongodb,
    Http,
    Splunk,
    Snowflake,
    Redis,
    Neo4j,
    Couchbase,
    Cassandra,
    Jms,
    Influxdb,
    Camel,
    Unknown,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::Worker => "worker",
            Family::Jdbc => "jdbc",
            Family::DebeziumMysql => "debezium-mysql",
            Family::DebeziumMariadb => "debezium-mariadb",
            Family::DebeziumPostgres => "debezium-postgres",
            Family::DebeziumSqlserver => "debezium-sqlserver",
            Family::DebeziumOracle => "debezium-oracle",
            Family::DebeziumDb2 => "debezium-db2",
            Family::DebeziumMongodb => "debezium-mongodb",
            Family::DebeziumCassandra => "debezium-cassandra",
            Family::MirrorMaker => "mirror-maker",
            Family::Replicator => "replicator",
            Family::S3 => "s3",
            Family::Elasticsearch => "elasticsearch",
            Family::Opensearch => "opensearch",
            Family::Mongodb => "mongodb",
            Family::Http => "http",
            Family::Splunk => "splunk",
            Family::Snowflake => "snowflake",
            Family::Redis => "redis",
            Family::Neo4j => "neo4j",
            Family::Couchbase => "couchbase",
            Family::Cassandra => "cassandra",
            Family::Jms => "jms",
            Family::Influxdb => "influxdb",
            Family::Camel => "camel",
            Family::Unknown => "unknown",
        }
    }

    /// Kafka Connect accepts a fully qualified class, its simple name, or the simple name without
    /// the `Connector` suffix, so detection looks at the simple name.
    pub fn of_class(class: &str) -> Family {
        let simple = class.rsplit('.').next().unwrap_or(class).to_ascii_lowercase();
        let qualified = class.to_ascii_lowercase();
        let debezium = qualified.starts_with("io.debezium.");
        match () {
            _ if qualified.starts_with("io.confluent.connect.jdbc.") => Family::Jdbc,
            _ if qualified.starts_with("io.debezium.connector.jdbc.") => Family::Jdbc,
            _ if simple.starts_with("mysqlconnector") || (debezium && qualified.contains(".mysql.")) => Family::DebeziumMysql,
            _ if simple.starts_with("mariadbconnector") => Family::DebeziumMariadb,
            _ if simple.starts_with("postgresconnector") || (debezium && qualified.contains(".postgresql.")) => Family::DebeziumPostgres,
            _ if simple.starts_with("sqlserverconnector") => Family::DebeziumSqlserver,
            _ if simple.starts_with("oracleconnector") => Family::DebeziumOracle,
            _ if simple.starts_with("db2connector") => Family::DebeziumDb2,
            _ if simple.starts_with("mongodbconnector") => Family::DebeziumMongodb,
            _ if simple.starts_with("mirror") => Family::MirrorMaker,
            _ if simple.starts_with("replicator") => Family::Replicator,
            _ if simple.contains("s3") && simple.contains("sink") => Family::S3,
            _ if simple.starts_with("elasticsearch") => Family::Elasticsearch,
            _ if simple.starts_with("opensearch") => Family::Opensearch,
            _ if qualified.starts_with("com.mongodb.kafka.") => Family::Mongodb,
            _ if simple.starts_with("httpsink") => Family::Http,
            _ if simple.starts_with("splunk") => Family::Splunk,
            _ if simple.starts_with("snowflake") => Family::Snowflake,
            _ if simple.contains("redis") => Family::Redis,
            _ if simple.contains("neo4j") || qualified.starts_with("org.neo4j.connectors.") => Family::Neo4j,
            _ if qualified.starts_with("com.couchbase.connect.") => Family::Couchbase,
            _ if simple.contains("cassandra") => Family::Cassandra,
            _ if qualified.starts_with("io.confluent.connect.jms.")
                || qualified.starts_with("io.confluent.connect.ibm.mq.")
                || qualified.starts_with("com.ibm.eventstreams.connect.mq") =>
            {
                Family::Jms
            }
            _ if simple.contains("influxdb") => Family::Influxdb,
            _ if qualified.starts_with("org.apache.camel.kafkaconnector.") => Family::Camel,
            _ => Family::Unknown,
        }
    }
}

/// A configuration value as the input states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    /// Not knowable from the input: a Terraform interpolation, a CloudFormation `Ref`, a plan's
    /// `after_unknown`, a shell template. `shown` is what the input says instead, for messages.
    Unknown {
        shown: String,
    },
}

impl Value {
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            Value::Unknown { .. } => None,
        }
    }

    /// A string that is a template for something else (`${var.x}`, `${BOOTSTRAP}`) cannot be
    /// known; a Kafka config-provider reference (`${secretsmanager:name:key}`) is a literal that
    /// the worker resolves, so it stays text.
    pub fn from_text(text: String) -> Value {
        if has_template_interpolation(&text) {
            Value::Unknown { shown: text }
        } else {
            Value::Text(text)
        }
    }
}

/// True when `text` holds `${...}` that is not a config-provider reference `${alias:...}`.
pub fn has_template_interpolation(text: &str) -> bool {
    let mut rest = text;
    // A `char` pattern: this runs for every value, and a `&str` one sets up a searcher each call.
    while let Some(start) = rest.find('$') {
        let Some(inner) = rest[start + 1..].strip_prefix('{') else {
            rest = &rest[start + 1..];
            continue;
        };
        let Some(end) = inner.find('}') else { return false };
        if !is_config_provider_reference(&inner[..end]) {
            return true;
        }
        rest = &inner[end..];
    }
    false
}

/// `alias:[path:]key` with an alias of letters, digits, `_` or `-` (Kafka's ConfigTransformer).
pub fn is_config_provider_reference(inner: &str) -> bool {
    let Some((alias, rest)) = inner.split_once(':') else { return false };
    !alias.is_empty() && !rest.is_empty() && alias.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Appends one RFC 6901 reference token to a JSON pointer (or the format's equivalent path).
pub fn pointer_push(pointer: &str, token: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + token.len() + 1);
    out.push_str(pointer);
    out.push('/');
    if token.bytes().any(|b| b == b'~' || b == b'/') {
        out.push_str(&token.replace('~', "~0").replace('/', "~1"));
    } else {
        out.push_str(token);
    }
    out
}

/// Versions the input does not say, stated by the user because defaults changed between them.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    /// The Debezium version (`1.9`, `2.2`, `3.0`): its TLS defaults changed in 2.0 and 2.3.
    #[serde(default)]
    pub debezium: Option<String>,
    /// The MariaDB Connector/J version (`2.7`, `3.4`): 2.x has no `sslMode` and reads the
    /// `useSsl` flags its own way. Without it, 3.x.
    #[serde(default, rename = "mariadbConnectorJ")]
    pub mariadb_connector_j: Option<String>,
}

impl Assumptions {
    /// Whether MariaDB Connector/J is assumed to be 2.x or older.
    pub fn mariadb_connector_j_2(&self) -> bool {
        self.mariadb_connector_j
            .as_deref()
            .and_then(|v| v.split('.').next())
            .and_then(|m| m.trim().parse::<u32>().ok())
            .is_some_and(|m| m < 3)
    }
}

/// Where something sits in the input: a JSON pointer (or the format's equivalent path) and,
/// when the input was text, its byte span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub pointer: String,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ConfigEntry {
    pub key: String,
    pub value: Value,
    pub key_span: Span,
    pub value_span: Span,
    /// The whole entry: a properties logical line with its line break, or a JSON member.
    pub entry_span: Span,
    pub pointer: String,
    /// Earlier entries with the same key, which the last one overrides.
    pub shadowed: Vec<Shadowed>,
    /// Set when the value is written elsewhere (a variable default, a parameter `Default`):
    /// `value_span` then points there, so findings and fixes land where the value is set.
    pub origin: Option<Origin>,
}

/// Where a value the entry only refers to is set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// For messages: "the default of variable `bootstrap`", "parameter `Brokers`'s Default".
    pub what: String,
    /// How many places in the input use it: a fix at the origin changes every one of them.
    pub uses: usize,
}

#[derive(Clone, Debug)]
pub struct Shadowed {
    pub value: Value,
    pub key_span: Span,
    pub value_span: Span,
}

impl ConfigEntry {
    pub fn text(&self) -> Option<&str> {
        self.value.text()
    }

    pub fn location(&self) -> Location {
        Location { pointer: self.pointer.clone(), span: self.value_span }
    }
}

/// How new keys are added to a connector's configuration by a fix.
#[derive(Clone, Debug)]
pub enum InsertPoint {
    /// A JSON object: `open` is just after `{`, `last_member_end` just after the last value,
    /// `indent` the white space before the last member's key.
    JsonObject { open: usize, last_member_end: Option<usize>, indent: String, pointer: String },
    /// A properties file: new lines go after `after` (the end of the last entry's line).
    Properties { after: usize },
    /// A YAML block mapping: new `key: value` lines go after the line holding `after` (the end
    /// of the last value), indented like the keys (`indent`).
    YamlBlock { after: usize, indent: String },
    /// An HCL object expression (`connector_configuration = { ... }`): new `"key" = "value"`
    /// lines go after the line holding `after` (the end of the last value).
    HclObject { after: usize, indent: String },
    /// The input cannot take new keys as text (a parsed object, an unknown map).
    None,
    /// The settings come from an encoded blob (a base64 worker configuration): every entry
    /// points at the blob, and no edit can be made as text.
    Embedded,
}

#[derive(Clone, Debug)]
pub struct Config {
    /// One entry per key, in the order the keys first appear; the value is the last one given.
    pub entries: Vec<ConfigEntry>,
    pub insert: InsertPoint,
    /// The map is wholly or partly unknown (a plan's `after_unknown`, Terraform's
    /// `merge(var.extra, {...})`): a key absent from `entries` may still be set.
    pub unknown: bool,
    /// Key to position in `entries`: rules look keys up constantly, and inputs can hold many.
    index: KeyIndex,
}

/// foldhash rather than std's SipHash: hashing the keys was 9% of a check's instructions. Its
/// seed is still random per process, so crafted keys cannot be made to collide.
type KeyIndex = std::collections::HashMap<String, usize, foldhash::fast::RandomState>;

impl Config {
    pub fn new(entries: Vec<ConfigEntry>, insert: InsertPoint, unknown: bool) -> Config {
        let index = entries.iter().enumerate().map(|(i, e)| (e.key.clone(), i)).collect();
        Config { entries, insert, unknown, index }
    }

    pub fn empty(unknown: bool) -> Config {
        Config::new(Vec::new(), InsertPoint::None, unknown)
    }

    pub fn get(&self, key: &str) -> Option<&ConfigEntry> {
        self.index.get(key).and_then(|&i| self.entries.get(i))
    }

    pub fn text(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(ConfigEntry::text)
    }

    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a ConfigEntry> + 'a {
        self.entries.iter().filter(move |e| e.key.starts_with(prefix))
    }
}

/// Builds a `Config`, folding duplicate keys the way Java's `Properties` and Jackson do: the last
/// value wins, at the last position, and the earlier ones are kept as shadowed.
pub struct ConfigBuilder {
    entries: Vec<ConfigEntry>,
    index: KeyIndex,
}

impl ConfigBuilder {
    pub fn new() -> Self {
        ConfigBuilder { entries: Vec::new(), index: KeyIndex::default() }
    }

    pub fn push(&mut self, entry: ConfigEntry) {
        if let Some(existing) = self.index.get(&entry.key).and_then(|&i| self.entries.get_mut(i)) {
            let previous = Shadowed { value: existing.value.clone(), key_span: existing.key_span, value_span: existing.value_span };
            let mut shadowed = std::mem::take(&mut existing.shadowed);
            shadowed.push(previous);
            *existing = ConfigEntry { shadowed, ..entry };
            return;
        }
        self.index.insert(entry.key.clone(), self.entries.len());
        self.entries.push(entry);
    }

    pub fn build(self, insert: InsertPoint) -> Config {
        Config { entries: self.entries, insert, unknown: false, index: self.index }
    }
}

impl Default for ConfigBuilder {
    fn default() -> Self {
        Self::new()
    }
}

/// One field of the MSK Connect cluster link (`bootstrapServers`, `encryptionType`, ...).
#[derive(Clone, Debug)]
pub struct Field {
    pub value: Value,
    pub location: Location,
    /// Other values given for the same field earlier in the same object.
    pub shadowed: Vec<Value>,
    pub origin: Option<Origin>,
}

/// The MSK Connect connector's link to its Kafka cluster, from the API, CloudFormation or
/// Terraform shapes. Plain Kafka Connect shapes have none.
#[derive(Clone, Debug)]
pub struct ClusterLink {
    pub bootstrap_servers: Option<Field>,
    pub encryption_type: Option<Field>,
    pub authentication_type: Option<Field>,
    /// What an absent `encryption_type` means: Terraform's provider defaults to PLAINTEXT and
    /// authentication to NONE; the API and CloudFormation require both.
    pub defaults_apply: bool,
    /// Where to point when a field is missing: the object that should hold it.
    pub anchor: Location,
    /// Field names in this shape's spelling, for messages and edits.
    pub names: ClusterFieldNames,
    /// The bootstrap servers come from a reference to an MSK cluster attribute
    /// (`!GetAtt Cluster.BootstrapBrokerStringTls`, `aws_msk_cluster.x.bootstrap_brokers_tls`).
    pub brokers: Option<BrokerReference>,
}

/// A bootstrap-servers reference to an MSK cluster: the listener it names and, when the cluster
/// is defined in the same input, what the cluster accepts.
#[derive(Clone, Debug)]
pub struct BrokerReference {
    /// The cluster as the input names it (`MskCluster`, `aws_msk_cluster.main`).
    pub cluster: String,
    /// The attribute referenced (`BootstrapBrokerStringTls`, `bootstrap_brokers_sasl_iam`).
    pub attribute: String,
    pub listener: Listener,
    pub accepts: Option<ClusterAccepts>,
}

/// An MSK client listener, as the bootstrap attribute names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Listener {
    /// Port 9092: no encryption, no authentication.
    Plaintext,
    /// 9094: TLS, optionally mutual TLS.
    Tls,
    /// 9096: SASL/SCRAM over TLS.
    SaslScram,
    /// 9098: IAM over TLS.
    SaslIam,
}

impl Listener {
    pub fn encrypted(self) -> bool {
        self != Listener::Plaintext
    }
}

/// What an MSK cluster defined in the same input accepts from clients. `None` fields are not
/// knowable (a variable, an intrinsic).
#[derive(Clone, Debug)]
pub struct ClusterAccepts {
    /// Where the cluster is defined, for findings.
    pub location: Location,
    /// `client_broker` / `ClientBroker` is PLAINTEXT or TLS_PLAINTEXT.
    pub plaintext: Option<bool>,
    /// `client_broker` / `ClientBroker` is TLS (the default) or TLS_PLAINTEXT.
    pub tls: Option<bool>,
    pub iam: Option<bool>,
    pub scram: Option<bool>,
    pub tls_client_auth: Option<bool>,
    pub unauthenticated: Option<bool>,
    /// Serverless clusters accept IAM over TLS only.
    pub serverless: bool,
}

impl ClusterAccepts {
    /// An MSK Serverless cluster: IAM over TLS and nothing else.
    pub fn serverless(location: Location) -> ClusterAccepts {
        ClusterAccepts {
            location,
            plaintext: Some(false),
            tls: Some(true),
            iam: Some(true),
            scram: Some(false),
            tls_client_auth: Some(false),
            unauthenticated: Some(false),
            serverless: true,
        }
    }

    /// Whether the cluster has the listener: `None` when its settings are not knowable.
    pub fn has(&self, listener: Listener) -> Option<bool> {
        match listener {
            Listener::Plaintext => self.plaintext,
            Listener::Tls => self.tls,
            Listener::SaslScram => Some(self.tls? && self.scram?),
            Listener::SaslIam => Some(self.tls? && self.iam?),
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct ClusterFieldNames {
    pub encryption: &'static str,
    pub authentication: &'static str,
    pub bootstrap: &'static str,
}

impl ClusterLink {
    pub fn encryption(&self) -> Option<&Value> {
        self.encryption_type.as_ref().map(|f| &f.value)
    }

    pub fn authentication(&self) -> Option<&Value> {
        self.authentication_type.as_ref().map(|f| &f.value)
    }

    /// The encryption in force: the stated one, or the provider's PLAINTEXT when it is absent and
    /// defaults apply; `None` when it cannot be known (absent without a default, or a value such
    /// as a variable, an intrinsic or a `dynamic` block).
    pub fn encryption_in_force(&self) -> Option<&str> {
        match self.encryption() {
            Some(value) => value.text().map(str::trim),
            None if self.defaults_apply => Some("PLAINTEXT"),
            None => None,
        }
    }

    /// The authentication in force: the stated one, or Terraform's default NONE.
    pub fn uses_iam(&self) -> bool {
        self.authentication().and_then(Value::text).is_some_and(|t| t.eq_ignore_ascii_case("IAM"))
    }
}

#[derive(Clone, Debug)]
pub struct Connector {
    pub name: Option<String>,
    pub format: Format,
    pub class: Option<String>,
    pub family: Family,
    pub location: Location,
    pub config: Config,
    pub cluster: Option<ClusterLink>,
    /// The Kafka Connect cluster a Strimzi `KafkaConnector` names (`strimzi.io/cluster` label).
    pub strimzi_cluster: Option<String>,
    /// The Kafka clusters a Strimzi `KafkaConnect` or `KafkaMirrorMaker2` connects to, as its
    /// spec sets them: the operator writes the clients' security settings from these.
    pub strimzi_kafka: Vec<StrimziKafka>,
}

/// One Kafka cluster of a Strimzi resource: `spec` of a `KafkaConnect`, or one entry of a
/// `KafkaMirrorMaker2`'s `spec.clusters`.
#[derive(Clone, Debug)]
pub struct StrimziKafka {
    /// `KafkaConnect my-connect`, or the MirrorMaker 2 cluster alias.
    pub label: String,
    pub bootstrap_servers: Option<Field>,
    /// `tls`: present means the operator sets `security.protocol` to SSL (or SASL_SSL).
    pub tls: Option<Location>,
    /// `tls.trustedCertificates` names the CA the clients trust.
    pub trusted_certificates: bool,
    /// `authentication.type`: `tls`, `scram-sha-256`, `scram-sha-512`, `plain`, `oauth`.
    pub authentication: Option<Field>,
    /// The object to point at when `tls` is missing.
    pub anchor: Location,
}

impl Connector {
    pub fn is_worker(&self) -> bool {
        self.family == Family::Worker
    }

    /// The cluster aliases of a dedicated MirrorMaker 2 (`clusters = a, b`).
    pub fn mirrormaker_clusters(&self) -> Vec<&str> {
        if self.format != Format::Mirrormaker2 {
            return Vec::new();
        }
        self.config.text("clusters").map(|c| c.split(',').map(str::trim).filter(|a| !a.is_empty()).collect()).unwrap_or_default()
    }

    pub fn display_name(&self) -> String {
        self.name.clone().unwrap_or_else(|| "connector".to_string())
    }
}
