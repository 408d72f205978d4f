//! Terraform HCL, CloudFormation YAML and Kubernetes inputs: findings land on the user's source
//! (at a variable default or parameter Default when the value comes from there), fixes edit the
//! source in place, and re-checking the fixed text drops what was fixed.

mod common;

use common::{diff, files_in, options, read, root};
use msk_connect_lint::connector::{Format, Listener};
use msk_connect_lint::input;
use msk_connect_lint::{check, fix};

fn render(name: &str, text: &str) -> String {
    let report = check(text, &options("{}")).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut out = vec![format!("== {name}")];
    for c in &report.connectors {
        out.push(format!("connector {} {}/{}", c.name.as_deref().unwrap_or("-"), c.format, c.family));
    }
    for f in &report.findings {
        let at = f.range.map(|r| format!("{}:{}", r.start.line, r.start.column)).unwrap_or_default();
        out.push(format!("{at} {} {} {}", f.code, f.severity.name(), f.message));
    }
    let outcome = fix(text, &options(r#"{"unsafeFixes":true}"#)).unwrap_or_else(|e| panic!("{name}: fix: {e}"));
    out.push(format!("-- fixed {}", outcome.applied.len()));
    out.push(diff(text, &outcome.output));
    for applied in &outcome.applied {
        let again =
            outcome.remaining.findings.iter().any(|f| f.code == applied.code && f.connector == applied.connector && f.key == applied.key);
        assert!(!again, "{name}: {} {:?} still reported after its fix", applied.code, applied.key);
    }
    out.join("\n")
}

#[test]
fn iac_fixtures() {
    for file in files_in(&root().join("tests/fixtures/iac")) {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        insta::assert_snapshot!(name.clone(), render(&name, &read(&file)));
    }
}

#[test]
fn cluster_references_carry_what_the_cluster_accepts() {
    let text = read(&root().join("tests/fixtures/iac/terraform-cluster.tf"));
    let connectors = input::read(&text, None).unwrap();
    let brokers = connectors[0].cluster.as_ref().unwrap().brokers.as_ref().unwrap();
    assert_eq!(brokers.listener, Listener::Tls);
    let accepts = brokers.accepts.as_ref().unwrap();
    assert_eq!((accepts.plaintext, accepts.tls, accepts.iam), (Some(true), Some(false), Some(false)));
    assert_eq!(accepts.has(Listener::Tls), Some(false));
    let serverless = connectors[1].cluster.as_ref().unwrap().brokers.as_ref().unwrap();
    assert_eq!((serverless.listener, serverless.accepts.is_none()), (Listener::SaslIam, true));
    assert_eq!(serverless.cluster, "data.aws_msk_bootstrap_brokers.serverless");

    let text = read(&root().join("tests/fixtures/iac/cloudformation-insecure.yaml"));
    let connectors = input::read(&text, None).unwrap();
    let brokers = connectors[0].cluster.as_ref().unwrap().brokers.as_ref().unwrap();
    assert_eq!(brokers.listener, Listener::Plaintext);
    let accepts = brokers.accepts.as_ref().unwrap();
    assert_eq!((accepts.plaintext, accepts.tls, accepts.unauthenticated), (Some(true), Some(true), Some(true)));
    assert_eq!(connectors[0].name.as_deref(), Some("orders-sink"));
    assert_eq!(connectors[0].config.text("connection.user"), Some("loader"));
    assert_eq!(connectors[0].config.text("topics"), Some("orders"));
}

#[test]
fn strimzi_connectors_keep_their_connect_cluster() {
    let text = read(&root().join("tests/fixtures/iac/kubernetes-insecure.yaml"));
    let connectors = input::read(&text, None).unwrap();
    let formats: Vec<Format> = connectors.iter().map(|c| c.format).collect();
    assert_eq!(formats, [Format::Strimzi, Format::Properties, Format::Kubernetes, Format::Strimzi]);
    assert_eq!(connectors[0].strimzi_cluster.as_deref(), Some("my-connect"));
    assert_eq!(connectors[3].name.as_deref(), Some("my-connect"), "the KafkaConnect it names is read too");
    assert!(connectors[3].is_worker() && connectors[3].strimzi_kafka.len() == 1);
    for forced in ["strimzi", "kubernetes"] {
        let options = options(&format!(r#"{{"format":"{forced}"}}"#));
        assert_eq!(check(&text, &options).unwrap().connectors.len(), 4);
    }
}

#[test]
fn files_without_connectors_are_not_errors() {
    for text in
        ["variable \"x\" {\n  default = 1\n}\n", "resource \"aws_s3_bucket\" \"b\" {}\n", "apiVersion: v1\nkind: Namespace\n", "---\n"]
    {
        let report = check(text, &options("{}")).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert!(report.connectors.is_empty(), "{text:?}");
    }
    let options = options(r#"{"format":"terraform-hcl"}"#);
    assert!(check("# nothing\n", &options).unwrap().connectors.is_empty());
}

#[test]
fn syntax_errors_say_where_and_what_was_expected() {
    let error = check("resource \"aws_mskconnect_connector\" \"x\" {\n  name = \n}\n", &options("{}")).unwrap_err();
    assert_eq!((error.line, error.column), (2, 10), "{}", error.message);
    assert!(error.message.starts_with("invalid HCL") && error.message.contains("expected"), "{}", error.message);
    let error = check("apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnector\nspec:\n  config: {a: b\n", &options("{}")).unwrap_err();
    assert!(error.message.starts_with("invalid YAML"), "{}", error.message);
    assert!(error.line >= 4, "{}:{} {}", error.line, error.column, error.message);
}

#[test]
fn values_from_a_variable_default_are_fixed_at_the_default() {
    let text = read(&root().join("tests/fixtures/iac/terraform-insecure.tf"));
    let report = check(&text, &options("{}")).unwrap();
    let finding = report.findings.iter().find(|f| f.key.as_deref() == Some("database.ssl.mode")).unwrap();
    assert_eq!(finding.range.unwrap().start.line, 14, "points at the default");
    assert!(finding.message.contains("the default of variable `ssl_mode`"));
    assert!(finding.fix.as_ref().unwrap().title.contains("2 places use"));
    let fixed = fix(&text, &options(r#"{"unsafeFixes":true}"#)).unwrap().output;
    assert!(fixed.contains("default = \"verify_identity\""), "{fixed}");
}

/// A module directory: every file joined into one text; findings say which file they are in.
#[test]
fn a_module_directory_is_one_input() {
    let dir = root().join("tests/fixtures/iac/module");
    let contents: Vec<(String, String)> =
        files_in(&dir).iter().map(|f| (f.file_name().unwrap().to_string_lossy().to_string(), read(f))).collect();
    let files: Vec<(&str, &str)> = contents.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let (text, connectors) = input::read_module(&files).unwrap();
    assert_eq!(connectors.len(), 3);
    let parts = input::module::files(&text).unwrap();
    let report = check(&text, &options("{}")).unwrap();
    let mut lines = Vec::new();
    for f in &report.findings {
        let span = f.location.as_ref().unwrap().span;
        let (file, local) = input::module::locate(&parts, span.start).unwrap();
        let line = text[file.span.start..file.span.start + local].matches('\n').count() + 1;
        lines.push(format!("{}:{line} {} {}", file.path, f.code, f.message));
    }
    let outcome = fix(&text, &options(r#"{"unsafeFixes":true}"#)).unwrap();
    let fixed = input::module::split(&outcome.output).unwrap();
    for ((path, before), (fixed_path, after)) in contents.iter().zip(&fixed) {
        assert_eq!(path, fixed_path);
        if before != after {
            lines.push(format!("-- {path}\n{}", diff(before, after)));
        }
    }
    // The module's cluster accepts SCRAM, not the IAM the datagen connector names.
    let brokers = connectors[1].cluster.as_ref().unwrap().brokers.as_ref().unwrap();
    assert_eq!(brokers.accepts.as_ref().unwrap().has(Listener::SaslIam), Some(false));
    insta::assert_snapshot!("module", lines.join("\n"));
}
