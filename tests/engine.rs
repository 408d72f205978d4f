//! What the engine and the policy decide beyond each rule: superseded findings, severities that
//! depend on the trust source, and exceptions.

mod common;

use common::options;
use msk_connect_lint::{check, Severity};

const SASL_PLAIN: &str = "connector.class=org.apache.kafka.connect.mirror.MirrorSourceConnector
source.cluster.bootstrap.servers=kafka.internal.example.com:9092
source.cluster.security.protocol=SASL_PLAINTEXT
source.cluster.sasl.mechanism=PLAIN
";

fn findings(text: &str, options_json: &str) -> Vec<(&'static str, Severity)> {
    let report = check(text, &options(options_json)).expect("readable input");
    report.findings.iter().map(|f| (f.code, f.severity)).collect()
}

#[test]
fn a_superseding_finding_replaces_the_lesser_one_only_while_its_rule_runs() {
    let all = findings(SASL_PLAIN, "{}");
    assert!(all.contains(&("MSK011", Severity::Critical)), "{all:?}");
    assert!(!all.iter().any(|(code, _)| *code == "MSK010"), "MSK011 supersedes MSK010 on the same key: {all:?}");
    let without = findings(SASL_PLAIN, r#"{"ignore":["MSK011"]}"#);
    assert!(without.contains(&("MSK010", Severity::High)), "with MSK011 ignored the transport finding stays: {without:?}");
}

#[test]
fn iam_over_plaintext_supersedes_the_port_mismatch_only_while_msk003_runs() {
    let text = r#"{"connectorName":"c","kafkaCluster":{"apacheKafkaCluster":{"bootstrapServers":"b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9098"}},
        "kafkaClusterEncryptionInTransit":{"encryptionType":"PLAINTEXT"},"kafkaClusterClientAuthentication":{"authenticationType":"IAM"},
        "connectorConfiguration":{"connector.class":"io.confluent.connect.s3.S3SinkConnector"}}"#;
    let codes = |json| findings(text, json).into_iter().map(|(c, _)| c).collect::<Vec<_>>();
    assert!(codes("{}").contains(&"MSK003") && !codes("{}").contains(&"MSK004"));
    assert!(codes(r#"{"ignore":["MSK003"]}"#).contains(&"MSK004"));
}

#[test]
fn host_name_checks_off_are_medium_with_the_public_store_and_low_with_a_private_ca() {
    let url = "connector.class=io.confluent.connect.jdbc.JdbcSinkConnector\nconnection.url=jdbc:mysql://db.internal.example.com:3306/x?sslMode=VERIFY_CA";
    assert_eq!(findings(url, r#"{"select":["MSK103"]}"#), [("MSK103", Severity::Medium)]);
    let private = format!("{url}&trustCertificateKeyStoreUrl=file:/opt/ca.jks");
    assert_eq!(findings(&private, r#"{"select":["MSK103"]}"#), [("MSK103", Severity::Low)]);
    let passed = format!("{url}\nconnection.trustCertificateKeyStoreUrl=file:/opt/ca.jks");
    assert_eq!(findings(&passed, r#"{"select":["MSK103"]}"#), [("MSK103", Severity::Low)], "a passed-through truststore counts");

    let kafka = "connector.class=io.confluent.connect.s3.S3SinkConnector\nconsumer.override.ssl.endpoint.identification.algorithm=\n";
    assert_eq!(findings(kafka, r#"{"select":["MSK012"]}"#), [("MSK012", Severity::Medium)]);
    let kafka = format!("{kafka}consumer.override.ssl.truststore.location=/opt/ca.jks\n");
    assert_eq!(findings(&kafka, r#"{"select":["MSK012"]}"#), [("MSK012", Severity::Low)]);
}

#[test]
fn an_exception_names_its_rule_by_code_in_any_case_or_by_name() {
    for rule in ["MSK011", "msk011", "sasl-plain-over-plaintext"] {
        let policy = format!(r#"{{"exceptions":[{{"rule":"{rule}","reason":"lab cluster"}}]}}"#);
        let report = check(SASL_PLAIN, &options(&policy)).unwrap();
        assert!(report.findings.iter().all(|f| f.code != "MSK011"), "{rule} did not match: {:?}", report.findings);
        assert!(report.suppressed.iter().any(|s| s.finding.code == "MSK011"), "{rule}");
    }
}

#[test]
fn database_findings_cite_their_driver() {
    let report = check(
        "connector.class=io.confluent.connect.jdbc.JdbcSinkConnector\nconnection.url=jdbc:mysql://db.internal.example.com:3306/x?sslMode=DISABLED",
        &options(r#"{"select":["MSK100"]}"#),
    )
    .unwrap();
    assert_eq!(report.findings[0].references, ["https://dev.mysql.com/doc/connector-j/en/connector-j-connp-props-security.html"]);
}
