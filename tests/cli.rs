//! The native CLI: formats, exit codes, stdin, directories, bad files mixed with good ones.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_msk-connect-lint"))
        .args(args)
        .arg("--no-config")
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

const BAD: &str = "tests/fixtures/rules/MSK001/bad-describe-connector.json";
const GOOD: &str = "tests/fixtures/rules/MSK001/ok-create-connector-iam.json";
const LOW_ONLY: &str = "tests/fixtures/rules/MSK012/bad-empty-algorithm.json";

#[test]
fn exit_codes() {
    assert_eq!(run(&[GOOD], None).status.code(), Some(0));
    assert_eq!(run(&[BAD], None).status.code(), Some(1));
    assert_eq!(run(&[LOW_ONLY], None).status.code(), Some(0));
    assert_eq!(run(&[LOW_ONLY, "--fail-on", "low"], None).status.code(), Some(1));
    assert_eq!(run(&[BAD, "--fail-on", "none"], None).status.code(), Some(0));
    assert_eq!(run(&[BAD, "--ignore", "MSK001"], None).status.code(), Some(0));
    assert_eq!(run(&["--bogus"], None).status.code(), Some(2));
    assert_eq!(run(&[GOOD, "--fail-on", "severe"], None).status.code(), Some(2));
    assert_eq!(run(&["does-not-exist.json"], None).status.code(), Some(2));
    assert_eq!(run(&[GOOD, BAD, "tests/cli.rs"], None).status.code(), Some(2), "an unreadable file makes the run 2");
}

#[test]
fn text_output_like_ruff() {
    let out = stdout(&run(&[BAD], None));
    assert!(out.contains(&format!("{BAD}:12:58: MSK001 [high] kafkaClusterEncryptionInTransit.encryptionType is `PLAINTEXT`")), "{out}");
    assert!(out.contains("  help: Re-create the connector"), "{out}");
    assert!(out.contains("  unsafe fix: Set encryption in transit to TLS"), "{out}");
    assert!(out.contains("Found 3 findings in 1 file (0 critical, 1 high, 0 medium, 1 low, 1 info)"), "{out}");
}

#[test]
fn json_document_with_errors_per_file() {
    let output = run(&[GOOD, BAD, "-", "--format", "json"], Some("{ not json"));
    assert_eq!(output.status.code(), Some(2));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["files"][0]["path"], GOOD);
    assert_eq!(value["files"][1]["report"]["findings"][1]["code"], "MSK001");
    assert_eq!(value["files"][2]["path"], "-");
    assert_eq!(value["files"][2]["error"]["line"], 1);
    assert_eq!(value["files"][2]["error"]["column"], 3);
    assert_eq!(value["summary"]["high"], 1);
    assert_eq!(value["passed"], false);
}

#[test]
fn stdin_directory_sarif_and_github() {
    let output = run(&["--format", "sarif", "-"], Some("connector.class=x\nproducer.override.security.protocol=PLAINTEXT\n"));
    assert_eq!(output.status.code(), Some(1));
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "MSK010");

    let output = run(&["tests/fixtures/rules/MSK020", "--format", "github"], None);
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(out.starts_with("::error file=tests/fixtures/rules/MSK020/bad-half-secured-worker.properties,line=2,col=19,"), "{out}");
    assert!(out.contains("title=MSK020 worker-kafka-client-plaintext [high]::"), "{out}");
}

#[test]
fn fix_diff_explain_and_list() {
    let output = run(&["--fix", "--diff", "tests/fixtures/rules/MSK012/bad-empty-algorithm.json"], None);
    let out = stdout(&output);
    assert!(out.contains("+  \"elastic.https.ssl.endpoint.identification.algorithm\": \"https\","), "{out}");
    assert_eq!(output.status.code(), Some(0));

    let dir = std::env::temp_dir().join(format!("mcl-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("worker.properties");
    std::fs::write(&file, "producer.ssl.endpoint.identification.algorithm=https\nkey.converter=x\n").unwrap();
    let output = run(&["--fix", file.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "key.converter=x\n");
    std::fs::remove_dir_all(&dir).unwrap();

    let out = stdout(&run(&["--explain", "MSK010"], None));
    assert!(out.starts_with("# MSK010 embedded-kafka-client-plaintext"), "{out}");
    assert!(out.contains("## Why is this bad?"));
    let out = stdout(&run(&["--list-rules"], None));
    assert!(out.lines().count() >= 11);
}

#[test]
fn globs_and_config_exclude() {
    let dir = std::env::temp_dir().join(format!("mcl-glob-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("connectors/legacy")).unwrap();
    std::fs::create_dir_all(dir.join("connectors/live")).unwrap();
    let bad = "connector.class=x\nproducer.override.security.protocol=PLAINTEXT\n";
    std::fs::write(dir.join("connectors/legacy/old.properties"), bad).unwrap();
    std::fs::write(dir.join("connectors/live/a.properties"), bad).unwrap();
    std::fs::write(dir.join("connectors/live/b.json"), r#"{"connector.class":"x"}"#).unwrap();
    std::fs::write(dir.join(".msk-connect-lint.json"), r#"{"exclude":["legacy"],"failOn":"none"}"#).unwrap();
    let run_in = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_msk-connect-lint")).args(args).current_dir(&dir).env("NO_COLOR", "1").output().unwrap()
    };
    let listed = |output: &Output| {
        let value: serde_json::Value = serde_json::from_str(&stdout(output)).unwrap();
        value["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap().to_string()).collect::<Vec<_>>()
    };
    let output = run_in(&["connectors", "--format", "json"]);
    assert_eq!(listed(&output), ["connectors/live/a.properties", "connectors/live/b.json"], "directories skip excluded paths");
    assert_eq!(output.status.code(), Some(0), "failOn none from the config file");
    let output = run_in(&["connectors/**/*.properties", "--format", "json"]);
    assert_eq!(listed(&output), ["connectors/live/a.properties"]);
    let output = run_in(&["connectors/live/[ab].*", "--format", "json", "--no-config"]);
    assert_eq!(listed(&output), ["connectors/live/a.properties", "connectors/live/b.json"]);
    let output = run_in(&["connectors/legacy/old.properties", "--format", "json"]);
    assert_eq!(listed(&output), ["connectors/legacy/old.properties"], "a file named outright is always read");
    let output = run_in(&["nothing/*.json"]);
    assert_eq!(output.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

const MODULE: &str = "tests/fixtures/iac/module";

#[test]
fn a_terraform_directory_is_one_module_with_findings_in_the_file_that_sets_each_value() {
    let out = stdout(&run(&[MODULE, "--fail-on", "none"], None));
    // The encryption comes from terraform.tfvars, the JDBC URL from the JSON file main.tf reads.
    assert!(out.contains("tests/fixtures/iac/module/terraform.tfvars:2:14: MSK001 [high]"), "{out}");
    assert!(out.contains("tests/fixtures/iac/module/connector.json:3:21: MSK101 [high]"), "{out}");
    assert!(out.contains("(orders-sink)"), "module findings name their connector: {out}");
    assert!(out.contains("Found 5 findings in 7 files"), "{out}");
    // Named on its own, main.tf is one file: its variables keep their defaults.
    let alone = stdout(&run(&["tests/fixtures/iac/module/main.tf", "--fail-on", "none"], None));
    assert!(!alone.contains("terraform.tfvars"), "{alone}");
}

#[test]
fn fixing_a_module_edits_each_file_where_its_value_is_set() {
    let out = stdout(&run(&[MODULE, "--fix", "--unsafe-fixes", "--diff", "--fail-on", "none"], None));
    assert!(out.contains("--- a/tests/fixtures/iac/module/terraform.tfvars\n+++ b/tests/fixtures/iac/module/terraform.tfvars"), "{out}");
    assert!(out.contains("+encryption = \"TLS\""), "{out}");
    assert!(
        out.contains("+  \"connection.url\": \"jdbc:postgresql://orders.internal.example.com:5432/orders?sslmode=verify-full\","),
        "{out}"
    );
    assert!(!out.contains("a/tests/fixtures/iac/module/variables.tf"), "untouched files are not in the diff: {out}");
}

#[test]
fn an_unreadable_file_in_a_module_leaves_no_file_of_it_silently_passing() {
    let dir = std::env::temp_dir().join(format!("msk-connect-lint-module-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("main.tf"), "resource \"aws_mskconnect_connector\" \"x\" {\n  name = \"x\"\n").unwrap();
    std::fs::write(dir.join("other.tf"), "variable \"a\" {}\n").unwrap();
    let output = run(&[dir.to_str().unwrap()], None);
    let out = stdout(&output);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(output.status.code(), Some(2));
    assert!(out.contains("main.tf:2:13: error: invalid HCL:"), "{out}");
    assert!(out.contains("other.tf:1:1: error: not checked:"), "{out}");
}
