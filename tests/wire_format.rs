//! The report's JSON is a contract with the wasm module, the web page and policy engines: pin it.

mod common;

use common::options;
use msk_connect_lint::{check, render, sarif};
use serde_json::json;

const INPUT: &str = r#"{
  "connectorName": "orders",
  "kafkaCluster": { "apacheKafkaCluster": { "bootstrapServers": "b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9098" } },
  "kafkaClusterEncryptionInTransit": { "encryptionType": "TLS" },
  "kafkaClusterClientAuthentication": { "authenticationType": "IAM" },
  "connectorConfiguration": {
    "connector.class": "com.example.kafka.connect.AuditSinkConnector",
    "producer.override.ssl.endpoint.identification.algorithm": ""
  }
}"#;

#[test]
fn report_json_is_exact() {
    let report = check(INPUT, &options("{}")).unwrap();
    let value = serde_json::to_value(&report).unwrap();
    let expected = json!({
        "tool": { "name": "msk-connect-lint", "version": msk_connect_lint::VERSION },
        "connectors": [{
            "index": 0, "name": "orders", "format": "msk-connect-api",
            "class": "com.example.kafka.connect.AuditSinkConnector", "family": "unknown",
            "location": { "pointer": "", "range": { "start": { "line": 1, "column": 1 }, "end": { "line": 10, "column": 2 } } }
        }],
        "findings": [{
            "code": "MSK012",
            "name": "kafka-client-hostname-verification-disabled",
            "severity": "medium",
            "category": "unverified-tls",
            "message": "producer.override.ssl.endpoint.identification.algorithm is empty: host name verification is off, and the client trusts the default public CA store, so a certificate any public CA issued for any name is accepted",
            "help": "Set it to https (the default) or remove it",
            "connector": 0,
            "key": "producer.override.ssl.endpoint.identification.algorithm",
            "pointer": "/connectorConfiguration/producer.override.ssl.endpoint.identification.algorithm",
            "range": { "start": { "line": 8, "column": 64 }, "end": { "line": 8, "column": 66 } },
            "fix": {
                "title": "Set it to https",
                "applicability": "safe",
                "edits": [{
                    "key": "producer.override.ssl.endpoint.identification.algorithm",
                    "pointer": "/connectorConfiguration/producer.override.ssl.endpoint.identification.algorithm",
                    "value": "https"
                }]
            },
            "references": [
                "https://cwiki.apache.org/confluence/display/KAFKA/KIP-294+-+Enable+TLS+hostname+verification+by+default",
                "https://kafka.apache.org/documentation/#security_confighostname"
            ],
            "compliance": ["CWE-297"]
        }],
        "suppressed": [],
        "summary": { "critical": 0, "high": 0, "medium": 1, "low": 0, "info": 0 },
        "passed": true
    });
    assert_eq!(value, expected, "{}", serde_json::to_string_pretty(&value).unwrap());
}

#[test]
fn exceptions_suppress_with_reason_and_expire() {
    let opts = options(
        r#"{"exceptions":[{"rule":"MSK012","connector":"orders","reason":"broker cert lacks SANs until ticket 42","expires":"2026-12-31"}]}"#,
    );
    let report = check(INPUT, &opts).unwrap();
    assert!(report.findings.is_empty());
    assert_eq!(report.suppressed.len(), 1);
    assert_eq!(report.suppressed[0].reason, "broker cert lacks SANs until ticket 42");

    let expired = options(
        r#"{"today":"2027-01-01","exceptions":[{"rule":"kafka-client-hostname-verification-disabled","reason":"r","expires":"2026-12-31"}]}"#,
    );
    let report = check(INPUT, &expired).unwrap();
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.expired_exceptions.len(), 1);
    let value = serde_json::to_value(&report).unwrap();
    assert_eq!(value["expiredExceptions"][0]["expires"], "2026-12-31");
}

#[test]
fn policy_options_change_the_decision() {
    let report = check(INPUT, &options(r#"{"failOn":"low"}"#)).unwrap();
    assert!(!report.passed);
    let report = check(INPUT, &options(r#"{"severity":{"MSK012":"high"}}"#)).unwrap();
    assert_eq!(report.findings[0].severity, msk_connect_lint::Severity::High);
    assert!(!report.passed);
    let report = check(INPUT, &options(r#"{"ignore":["kafka-client-hostname-verification-disabled"]}"#)).unwrap();
    assert!(report.findings.is_empty());
    let report = check(INPUT, &options(r#"{"select":["MSK001"]}"#)).unwrap();
    assert!(report.findings.is_empty());
}

#[test]
fn input_errors_are_located() {
    let error = check("{\n  \"name\": \"x\",\n  \"config\": {\n    \"a\": 1,\n  }\n}", &options("{}")).unwrap_err();
    assert_eq!((error.line, error.column), (5, 3));
    assert!(error.message.starts_with("invalid JSON"), "{}", error.message);
}

#[test]
fn sarif_has_rules_levels_regions_and_suppressions() {
    let opts = options(r#"{"exceptions":[{"rule":"MSK012","reason":"accepted risk"}]}"#);
    let report = check(INPUT, &opts).unwrap();
    let files = [render::FileResult::Report { path: "dir/my connector.json".to_string(), report }];
    let value = sarif::sarif(&files);
    assert_eq!(value["version"], "2.1.0");
    let run = &value["runs"][0];
    assert!(run["tool"]["driver"]["rules"].as_array().unwrap().len() >= 10);
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "MSK012");
    assert_eq!(result["level"], "warning");
    assert_eq!(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "dir/my%20connector.json");
    assert_eq!(result["locations"][0]["physicalLocation"]["region"]["startLine"], 8);
    assert_eq!(result["suppressions"][0]["justification"], "accepted risk");
}
