//! The value parsers (URLs, bootstrap lists, MongoDB connection strings) directly, then one
//! family's reading of the same bytes as the value of a key it reads (JDBC URLs per driver,
//! service URLs, provider references, JAAS configs), the family picked by the first byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msk_connect_lint::endpoints::{bootstrap, mongodb, url};
use msk_connect_lint::{check, Options};

/// A connector class and the key whose value the fuzzer writes, one per family reading.
const SETTINGS: [(&str, &str); 16] = [
    ("io.confluent.connect.jdbc.JdbcSinkConnector", "connection.url"),
    ("io.confluent.connect.jdbc.JdbcSourceConnector", "connection.url"),
    ("io.debezium.connector.postgresql.PostgresConnector", "database.url"),
    ("io.debezium.connector.sqlserver.SqlServerConnector", "database.url"),
    ("io.debezium.connector.mongodb.MongoDbConnector", "mongodb.connection.string"),
    ("com.mongodb.kafka.connect.MongoSinkConnector", "connection.uri"),
    ("io.confluent.connect.elasticsearch.ElasticsearchSinkConnector", "connection.url"),
    ("io.confluent.connect.http.HttpSinkConnector", "headers"),
    ("com.redis.kafka.connect.RedisSinkConnector", "redis.uri"),
    ("org.neo4j.connectors.kafka.sink.Neo4jConnector", "neo4j.uri"),
    ("io.confluent.connect.s3.S3SinkConnector", "value.converter.schema.registry.url"),
    ("io.debezium.connector.mysql.MySqlConnector", "schema.history.internal.kafka.bootstrap.servers"),
    ("org.apache.kafka.connect.mirror.MirrorSourceConnector", "source.cluster.sasl.jaas.config"),
    ("io.confluent.connect.jdbc.JdbcSinkConnector", "producer.override.sasl.jaas.config"),
    ("com.example.InHouseConnector", "any.key"),
    ("com.example.InHouseConnector", "password"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let parsed = url::parse(&text);
    let _ = url::without_param(&text, &parsed.params, "tls");
    let _ = url::with_param(&text, &parsed.params, "tls", "true", "?", "&");
    let _ = bootstrap::parse(&text);
    let _ = mongodb::analyze(&text, Some(choice & 1 == 0), "mongodb.ssl.enabled");
    // One line of a properties file: the value may not hold a line break of its own.
    let value: String = text.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    let (class, key) = SETTINGS[usize::from(choice) % SETTINGS.len()];
    let _ = check(&format!("connector.class={class}\n{key}={value}\n"), &Options::default());
});
