//! The value parsers (URLs, bootstrap lists, MongoDB connection strings) directly, and every
//! family's reading of the same bytes as the value of the keys it reads: JDBC URLs per driver,
//! service URLs, provider references, JAAS configs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msk_connect_lint::endpoints::{bootstrap, mongodb, url};
use msk_connect_lint::{check, Options};

/// A connector class and the key whose value the fuzzer writes, one per family reading.
const SETTINGS: [(&str, &str); 12] = [
    ("io.confluent.connect.jdbc.JdbcSinkConnector", "connection.url"),
    ("io.debezium.connector.postgresql.PostgresConnector", "database.url"),
    ("io.debezium.connector.mongodb.MongoDbConnector", "mongodb.connection.string"),
    ("com.mongodb.kafka.connect.MongoSinkConnector", "connection.uri"),
    ("io.confluent.connect.elasticsearch.ElasticsearchSinkConnector", "connection.url"),
    ("com.redis.kafka.connect.RedisSinkConnector", "redis.uri"),
    ("org.neo4j.connectors.kafka.sink.Neo4jConnector", "neo4j.uri"),
    ("io.confluent.connect.s3.S3SinkConnector", "value.converter.schema.registry.url"),
    ("io.debezium.connector.mysql.MySqlConnector", "schema.history.internal.kafka.bootstrap.servers"),
    ("org.apache.kafka.connect.mirror.MirrorSourceConnector", "source.cluster.sasl.jaas.config"),
    ("com.example.InHouseConnector", "any.key"),
    ("com.example.InHouseConnector", "password"),
];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = url::parse(&text);
    let _ = url::without_param(&text, &parsed.params, "tls");
    let _ = url::with_param(&text, &parsed.params, "tls", "true", "?", "&");
    let _ = bootstrap::parse(&text);
    let _ = mongodb::analyze(&text, Some(false), "mongodb.ssl.enabled");
    // One line of a properties file: the value may not hold a line break of its own.
    let value: String = text.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    let options = Options::default();
    for (class, key) in SETTINGS {
        let config = format!("connector.class={class}\n{key}={value}\n");
        let _ = check(&config, &options);
    }
});
