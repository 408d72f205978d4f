use super::destination::report;
use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::endpoints::link::{LinkKind, Posture};
use crate::finding::{Category, Severity};

declare_rule! {
    /// ## What it does
    /// Finds connections from a connector to a service other than a relational database that
    /// are not encrypted: `http://` (or, for the Elasticsearch and OpenSearch sinks, a URL with no
    /// scheme) in the Elasticsearch/OpenSearch `connection.url` (each URL of the list keeps its
    /// own scheme, whatever the Elasticsearch sink's docs say about one `https` URL), the HTTP sinks' `http.api.url` /
    /// `http.url`, Splunk's `splunk.hec.uri`, S3 endpoint overrides (`store.url`,
    /// `aws.s3.endpoint`, `connect.s3.custom.endpoint`), Snowflake's `snowflake.url.name`
    /// (`http://` turns TLS off), `influxdb.url`, schema registry URLs (`schema.registry.url`,
    /// `key.converter.schema.registry.url`, ...), Camel AWS kamelets with `protocol=http`;
    /// MongoDB connection strings without TLS (`mongodb://` without `tls=true`, `tls=false`
    /// even with `mongodb+srv://`, Debezium's `mongodb.ssl.enabled` off); `redis://` and Redis
    /// connectors without `ssl.enabled`; Neo4j `bolt://` / `neo4j://` without encryption;
    /// Couchbase without `couchbase.enable.tls`; Cassandra with `ssl.provider=None` (the
    /// default) or without `cassandra.ssl.enabled`; Solace `tcp://` / `smf://`; IBM MQ without
    /// `mq.ssl.cipher.suite`; Infinispan Hot Rod without `use_ssl`. Under any other key, of any
    /// connector class (older, forked and in-house connectors name their keys freely), a value
    /// that starts with a plaintext scheme is a link too: `http://`, `ws://`, `ftp://`,
    /// `ldap://`, `amqp://`, `mqtt://`, `redis://`, `bolt://`, `neo4j://`, `mongodb://` without
    /// TLS (and `jdbc:` URLs, reported by the database rules); a family's own reading of a key
    /// wins. Proxy settings are left alone (an HTTP proxy tunnels TLS), and so are namespaces.
    /// Values that cannot be known are reported as info.
    ///
    /// ## Why is this bad?
    /// Everything the connector sends or fetches crosses the network in the clear: documents
    /// indexed into search, records posted to an API, objects written to storage, schemas.
    /// A service on a loopback address crosses no network and is reported as info. When the
    /// same link also carries a password or token in cleartext, MSK111 reports it instead.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=io.confluent.connect.elasticsearch.ElasticsearchSinkConnector
    /// connection.url=http://search.internal.example.com:9200
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=io.confluent.connect.elasticsearch.ElasticsearchSinkConnector
    /// connection.url=https://search.internal.example.com:9200
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the service must accept TLS at that address (often on another port), and the JVM
    /// must trust its certificate.
    ///
    /// ## References
    /// - <https://docs.confluent.io/kafka-connectors/elasticsearch/current/configuration_options.html>
    /// - <https://www.mongodb.com/docs/drivers/java/sync/current/security/tls/>
    /// - <https://redis.io/docs/latest/operate/oss_and_stack/management/security/encryption/>
    pub static RULE = {
        code: "MSK110",
        name: "service-link-plaintext",
        severity: Severity::High,
        category: Category::PlaintextTransport,
        fix: FixAvailability::Sometimes,
        compliance: &["PCI DSS v4.0.1/4.2.1", "CWE-319"],
        covers: &["Elasticsearch", "OpenSearch", "HTTP sinks", "Splunk", "S3 (Confluent, Aiven, Lenses)", "Snowflake", "MongoDB (mongo-kafka, Debezium)", "Redis", "Neo4j", "Couchbase", "Cassandra", "Solace and IBM MQ", "InfluxDB", "Infinispan", "Camel AWS kamelets", "Schema registries", "URLs under any key, any connector"],
        superseded_by: &["MSK111"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    report(context, LinkKind::Service, Posture::Plaintext, "Use TLS to this service", out);
}
