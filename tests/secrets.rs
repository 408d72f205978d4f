//! Secrets never reach a message, the JSON report, SARIF or the text output.

mod common;

use common::options;
use msk_connect_lint::{check, render, sarif};

const SECRET: &str = "Hunter2-Very-Secret";

#[test]
fn secrets_are_never_echoed() {
    let inputs = [
        format!("connector.class=io.confluent.connect.s3.S3SinkConnector\nproducer.override.sasl.jaas.config=x\nconnection.password={SECRET}\nconnection.password={SECRET}x\n"),
        format!(
            "connector.class=x\nsrc.kafka.bootstrap.servers=k:9092\nsrc.kafka.security.protocol=SASL_PLAINTEXT\nsrc.kafka.sasl.mechanism=PLAIN\n\
             src.kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"{SECRET}\";\n\
             src.kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"{SECRET}\";\n"
        ),
        format!("connector.class=io.confluent.connect.jdbc.JdbcSinkConnector\nconnection.url=jdbc:postgresql://db.internal.example.com:5432/app?user=app&password={SECRET}&sslmode=require\n"),
        format!("connector.class=io.confluent.connect.elasticsearch.ElasticsearchSinkConnector\nconnection.url=http://elastic:{SECRET}@search.internal.example.com:9200\n"),
        // Terraform: a literal, a variable default, and a template with a literal part.
        format!(
            "variable \"pw\" {{\n  default = \"{SECRET}\"\n}}\nresource \"aiven_kafka_connector\" \"c\" {{\n  config = {{\n    \"connector.class\" = \"io.aiven.connect.jdbc.JdbcSinkConnector\"\n    \"connection.url\" = \"jdbc:postgresql://db.internal.example.com:5432/app\"\n    \"connection.password\" = var.pw\n    \"connection.user.password\" = \"{SECRET}${{var.suffix}}\"\n    \"db.password\" = \"{SECRET}\"\n  }}\n}}\n"
        ),
        // CloudFormation YAML: a parameter Default, and a !Sub with a literal part.
        format!(
            "Parameters:\n  Pw:\n    Type: String\n    Default: {SECRET}\nResources:\n  C:\n    Type: AWS::KafkaConnect::Connector\n    Properties:\n      ConnectorConfiguration:\n        connector.class: io.confluent.connect.jdbc.JdbcSinkConnector\n        connection.password: !Ref Pw\n        db.password: !Sub \"{SECRET}${{AWS::Region}}\"\n"
        ),
    ];
    for input in inputs {
        let report = check(&input, &options("{}")).unwrap();
        assert!(!report.findings.is_empty());
        let files = [render::FileResult::Report { path: "x.properties".into(), report: report.clone() }];
        let rendered = [
            serde_json::to_string(&report).unwrap(),
            serde_json::to_string(&sarif::sarif(&files)).unwrap(),
            render::text(&files, &render::Style { color: false }),
            render::github(&files),
        ];
        for output in rendered {
            assert!(!output.contains(SECRET), "secret echoed in {output}");
        }
        // Fix edits that rebuild a whole URL are redacted on the way out, yet applied for real.
        let transport_only = options(r#"{"unsafeFixes":true,"ignore":["MSK120"]}"#);
        let outcome = msk_connect_lint::fix(&input, &transport_only).unwrap();
        assert!(!serde_json::to_string(&outcome.applied).unwrap().contains(SECRET));
        if input.contains("connection.url") {
            assert!(!outcome.applied.is_empty());
            assert!(outcome.output.contains(SECRET), "the fixed text keeps the user's own values");
        }
    }
}
