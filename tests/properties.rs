//! Properties that hold for every configuration, tried on generated ones (proptest): fixes are
//! idempotent and never add a finding, reports are deterministic, every range lies in the input
//! and covers the key or value it names, and no secret value reaches any output.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use msk_connect_lint::{check, fix, Report};
use proptest::prelude::*;

const CLASSES: [&str; 8] = [
    "io.confluent.connect.jdbc.JdbcSinkConnector",
    "io.debezium.connector.mysql.MySqlConnector",
    "io.debezium.connector.postgresql.PostgresConnector",
    "com.mongodb.kafka.connect.MongoSinkConnector",
    "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
    "io.confluent.connect.s3.S3SinkConnector",
    "org.apache.kafka.connect.mirror.MirrorSourceConnector",
    "com.example.InHouseConnector",
];

/// Keys the rules read, each with values that make them fire or not.
const SETTINGS: [(&str, &[&str]); 16] = [
    (
        "connection.url",
        &[
            "jdbc:mysql://db.internal.example.com:3306/x",
            "jdbc:postgresql://pg.internal.example.com/x?sslmode=require",
            "jdbc:db2://db2.internal.example.com:50000/x",
            "jdbc:sqlserver://sql.internal.example.com;encrypt=false",
            "http://es.internal.example.com:9200",
            "jdbc:mysql://db/x?sslMode=VERIFY_IDENTITY",
        ],
    ),
    (
        "connection.uri",
        &[
            "mongodb://m.internal.example.com:27017/",
            "mongodb+srv://c.example.mongodb.net/x",
            "mongodb://m:27017/?tls=true&tlsInsecure=true",
        ],
    ),
    ("database.hostname", &["db.internal.example.com", "localhost"]),
    ("database.sslmode", &["disable", "require", "verify-full", "verify_full"]),
    ("database.ssl.mode", &["disabled", "preferred", "verify_identity"]),
    (
        "schema.history.internal.kafka.bootstrap.servers",
        &["b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9098", "kafka.internal.example.com:9092"],
    ),
    ("schema.history.internal.producer.security.protocol", &["PLAINTEXT", "SSL", "SASL_PLAINTEXT"]),
    ("producer.override.security.protocol", &["PLAINTEXT", "SASL_SSL"]),
    ("source.cluster.security.protocol", &["SASL_PLAINTEXT", "SSL"]),
    ("source.cluster.sasl.mechanism", &["PLAIN", "SCRAM-SHA-512"]),
    ("consumer.override.ssl.endpoint.identification.algorithm", &["", "https"]),
    ("value.converter.schema.registry.url", &["http://registry.internal.example.com:8081", "https://registry.example.com"]),
    ("s3.sse.enabled", &["true"]),
    ("ssl.truststore.location", &["/opt/certs/truststore.jks"]),
    ("audit.endpoint", &["http://audit.internal.example.com/x", "ldap://ldap.internal.example.com"]),
    ("topics", &["orders"]),
];

/// Keys whose values are secrets, each given a value no output may hold.
const SECRET_KEYS: [&str; 4] = ["connection.password", "database.password", "sasl.jaas.config", "aws.secret.access.key"];

fn config() -> impl Strategy<Value = (String, Vec<String>)> {
    let class = prop::sample::select(CLASSES.to_vec());
    let settings = prop::collection::vec((0..SETTINGS.len(), 0..6usize), 0..8);
    let secrets = prop::collection::vec((0..SECRET_KEYS.len(), "[A-Za-z0-9]{12,20}"), 0..3);
    (class, settings, secrets).prop_map(|(class, settings, secrets)| {
        let mut text = format!("connector.class={class}\n");
        for (key, value) in settings {
            let (key, values) = SETTINGS[key];
            text.push_str(&format!("{key}={}\n", values[value % values.len()]));
        }
        let mut planted = Vec::new();
        for (key, secret) in secrets {
            let secret = format!("Zq{secret}");
            let value = match SECRET_KEYS[key] {
                "sasl.jaas.config" => {
                    format!("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"{secret}\";")
                }
                _ => secret.clone(),
            };
            text.push_str(&format!("{}={value}\n", SECRET_KEYS[key]));
            planted.push(secret);
        }
        (text, planted)
    })
}

fn report(text: &str) -> Report {
    check(text, &common::options("{}")).expect("generated configurations read")
}

fn subjects(report: &Report) -> Vec<(&'static str, Option<String>)> {
    let mut subjects: Vec<_> = report.findings.iter().map(|f| (f.code, f.key.clone())).collect();
    subjects.sort();
    subjects.dedup();
    subjects
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fixes_are_idempotent_and_never_add_a_finding((text, _) in config()) {
        for unsafe_fixes in [false, true] {
            let options = common::options(&format!(r#"{{"unsafeFixes":{unsafe_fixes}}}"#));
            let once = fix(&text, &options).expect("fix reads what check reads");
            let twice = fix(&once.output, &options).expect("a fix never breaks the input");
            prop_assert_eq!(&twice.output, &once.output, "a second fix changes nothing");
            prop_assert!(twice.applied.is_empty());
            let before = subjects(&check(&text, &options).unwrap());
            for subject in subjects(&once.remaining) {
                prop_assert!(before.contains(&subject), "the fix made {:?} appear", subject);
            }
        }
    }

    #[test]
    fn reports_are_deterministic((text, _) in config()) {
        let a = serde_json::to_string(&report(&text)).unwrap();
        let b = serde_json::to_string(&report(&text)).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn every_range_lies_in_the_input_and_covers_what_it_names((text, _) in config()) {
        let lines: Vec<&str> = text.split('\n').collect();
        for finding in report(&text).findings {
            let Some(range) = finding.range else { continue };
            prop_assert!(range.start.line >= 1 && range.end.line <= lines.len(), "{:?}", finding);
            prop_assert!(range.start.line == range.end.line, "properties values are one line: {:?}", finding);
            let line = lines[range.start.line - 1];
            // Generated text is ASCII, so UTF-16 columns are byte columns.
            let covered = line.get(range.start.column - 1..range.end.column - 1);
            prop_assert!(covered.is_some(), "{:?} outside {:?}", range, line);
            let covered = covered.unwrap_or_default();
            if let Some(key) = &finding.key {
                let (line_key, line_value) = line.split_once('=').unwrap_or((line, ""));
                prop_assert!(line_key == key && (covered == line_value || covered == key), "{} at {:?} covers {:?} of {:?}", finding.code, range, covered, line);
            }
        }
    }

    #[test]
    fn no_secret_value_reaches_any_output((text, planted) in config()) {
        let report = report(&text);
        let outputs = [
            serde_json::to_string(&report).unwrap(),
            serde_json::to_string(&msk_connect_lint::sarif::sarif(&[msk_connect_lint::render::FileResult::Report { path: "a".into(), report: report.clone() }])).unwrap(),
            msk_connect_lint::render::text(&[msk_connect_lint::render::FileResult::Report { path: "a".into(), report: report.clone() }], &msk_connect_lint::render::Style { color: false }),
            msk_connect_lint::render::github(&[msk_connect_lint::render::FileResult::Report { path: "a".into(), report: report.clone() }]),
            msk_connect_lint::render::junit(&[msk_connect_lint::render::FileResult::Report { path: "a".into(), report: report.clone() }]),
            serde_json::to_string(&msk_connect_lint::render::gitlab(&[msk_connect_lint::render::FileResult::Report { path: "a".into(), report }])).unwrap(),
        ];
        for secret in &planted {
            for output in &outputs {
                prop_assert!(!output.contains(secret.as_str()), "{} appears in {}", secret, output);
            }
        }
    }
}
