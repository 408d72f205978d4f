//! No secret reaches any output but the fixed configuration: distinct secrets planted in every
//! secret-carrying family, in every input format, through every renderer, the fix's report, the
//! `--fix --diff` view, error messages and panic messages.

mod common;

use common::options;
use msk_connect_lint::render::{self, FileResult};
use msk_connect_lint::{check, cli, sarif};

/// One secret per family, each distinct, so a leak names the family that leaked.
const PASSWORD: &str = "Pw-Planted-0001";
const JAAS: &str = "Jaas-Planted-0002";
const URL_USERINFO: &str = "Userinfo-Planted-0003";
const URL_PARAM: &str = "Param-Planted-0004";
const TOKEN: &str = "Token-Planted-0005";
const PRIVATE_KEY: &str = "MIIEvQIBADANBgkqhkiG9w0-Planted-0006";
const HEADER: &str = "Bearer-Planted-0007";
const API_SECRET: &str = "ApiSecret-Planted-0008";
const PEM_BODY: &str = "PemBodyPlanted0009";
const ALL: [&str; 9] = [PASSWORD, JAAS, URL_USERINFO, URL_PARAM, TOKEN, PRIVATE_KEY, HEADER, API_SECRET, PEM_BODY];

/// A connector whose every secret sits next to a finding, so that messages about those keys exist.
fn settings() -> Vec<(&'static str, String)> {
    vec![
        ("connector.class", "io.confluent.connect.jdbc.JdbcSinkConnector".into()),
        ("connection.url", format!("jdbc:postgresql://db.internal.example.com:5432/app?user=app&password={URL_PARAM}&sslmode=disable")),
        ("connection.password", PASSWORD.into()),
        ("producer.override.security.protocol", "SASL_PLAINTEXT".into()),
        ("producer.override.sasl.mechanism", "PLAIN".into()),
        (
            "producer.override.sasl.jaas.config",
            format!("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"{JAAS}\";"),
        ),
        ("value.converter.schema.registry.url", format!("http://registry:{URL_USERINFO}@registry.internal.example.com:8081")),
        ("value.converter.bearer.auth.token", TOKEN.into()),
        ("snowflake.private.key", PRIVATE_KEY.into()),
        ("headers", format!("Authorization:{HEADER}|Content-Type:application/json")),
        ("http.headers.authorization", format!("Bearer {HEADER}")),
        ("kafka.api.secret", API_SECRET.into()),
        ("producer.override.ssl.keystore.key", format!("-----BEGIN PRIVATE KEY----- {PEM_BODY} -----END PRIVATE KEY-----")),
        (
            "producer.override.ssl.truststore.certificates",
            format!("-----BEGIN ENCRYPTED PRIVATE KEY----- {PEM_BODY} -----END ENCRYPTED PRIVATE KEY-----"),
        ),
    ]
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

fn properties() -> String {
    settings().iter().map(|(k, v)| format!("{k}={v}\n")).collect()
}

fn json_object(indent: &str) -> String {
    let members: Vec<String> = settings().iter().map(|(k, v)| format!("{indent}{}: {}", json_string(k), json_string(v))).collect();
    members.join(",\n")
}

fn yaml_map(indent: &str) -> String {
    settings().iter().map(|(k, v)| format!("{indent}{k}: {}\n", json_string(v))).collect()
}

fn hcl_map(indent: &str) -> String {
    settings().iter().map(|(k, v)| format!("{indent}{} = {}\n", json_string(k), json_string(v))).collect()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]) } else { '=' });
        }
    }
    out
}

/// The same connector in every input format, each as a user keeps it.
fn inputs() -> Vec<(&'static str, String)> {
    vec![
        ("connector.properties", properties()),
        ("rest.json", format!("{{\n  \"name\": \"sink\",\n  \"config\": {{\n{}\n  }}\n}}\n", json_object("    "))),
        (
            "msk-api.json",
            format!(
                "{{\n  \"connectorName\": \"sink\",\n  \"connectorConfiguration\": {{\n{}\n  }},\n  \"kafkaClusterClientAuthentication\": {{\"authenticationType\": \"NONE\"}},\n  \"kafkaClusterEncryptionInTransit\": {{\"encryptionType\": \"PLAINTEXT\"}}\n}}\n",
                json_object("    ")
            ),
        ),
        (
            "main.tf",
            format!(
                "variable \"pw\" {{\n  default = \"{PASSWORD}\"\n}}\nresource \"aws_mskconnect_connector\" \"sink\" {{\n  name = \"sink\"\n  connector_configuration = {{\n{}    \"database.password\" = var.pw\n    \"db.password\" = \"{PASSWORD}${{var.suffix}}\"\n  }}\n}}\n",
                hcl_map("    ")
            ),
        ),
        (
            "confluent.tf",
            format!(
                "resource \"confluent_connector\" \"sink\" {{\n  config_sensitive = {{\n    \"connection.password\" = \"{PASSWORD}\"\n    \"kafka.api.secret\" = \"{API_SECRET}\"\n  }}\n  config_nonsensitive = {{\n    \"connector.class\" = \"PostgresSink\"\n    \"connection.host\" = \"db.internal.example.com\"\n    \"ssl.mode\" = \"disable\"\n  }}\n}}\n"
            ),
        ),
        (
            "template.yaml",
            format!(
                "Parameters:\n  Pw:\n    Type: String\n    Default: {PASSWORD}\nResources:\n  Sink:\n    Type: AWS::KafkaConnect::Connector\n    Properties:\n      ConnectorName: sink\n      ConnectorConfiguration:\n{}        database.password: !Ref Pw\n        db.password: !Sub \"{PASSWORD}${{AWS::Region}}\"\n",
                yaml_map("        ")
            ),
        ),
        (
            "connector.yaml",
            format!(
                "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaConnector\nmetadata:\n  name: sink\n  labels:\n    strimzi.io/cluster: connect\nspec:\n  class: io.confluent.connect.jdbc.JdbcSinkConnector\n  config:\n{}",
                yaml_map("    ")
            ),
        ),
        (
            "secret.yaml",
            format!(
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: connector-config\ndata:\n  connector.properties: {}\nstringData:\n  sink.json: {}\n",
                base64(properties().as_bytes()),
                json_string(&format!("{{\"name\": \"sink\", \"config\": {{{}}}}}", json_object("")))
            ),
        ),
    ]
}

fn assert_no_secret(what: &str, output: &str) {
    for secret in ALL {
        assert!(!output.contains(secret), "{what}: the secret {secret} is echoed in\n{output}");
    }
}

/// Every renderer of a file result: what the CLI's formats and the npm package give.
fn rendered(files: &[FileResult]) -> Vec<(&'static str, String)> {
    vec![
        ("json", serde_json::to_string(&render::document(files)).unwrap()),
        ("sarif", serde_json::to_string(&sarif::sarif(files)).unwrap()),
        ("text", render::text(files, &render::Style { color: false })),
        ("github", render::github(files)),
        ("gitlab", serde_json::to_string(&render::gitlab(files)).unwrap()),
        ("junit", render::junit(files)),
    ]
}

#[test]
fn planted_secrets_reach_no_report_in_any_format() {
    let planted = |text: &str| ALL.iter().filter(|s| text.contains(*s)).count();
    for (path, input) in inputs() {
        assert!(planted(&input) > 0 || path == "secret.yaml", "{path}: the input holds its secrets");
        let report = check(&input, &options("{}")).unwrap_or_else(|e| panic!("{path}: {e:?}"));
        assert!(report.findings.len() >= 3, "{path}: a finding next to the secrets: {:?}", report.findings);
        let files = [FileResult::Report { path: path.into(), report }];
        for (format, output) in rendered(&files) {
            assert_no_secret(&format!("{path} as {format}"), &output);
        }
        // Fixes that rebuild a whole URL are applied for real; what they report is masked.
        let outcome = msk_connect_lint::fix(&input, &options(r#"{"unsafeFixes":true}"#)).unwrap();
        // Configurations embedded in a Secret's values are reported, not edited inside.
        assert!(!outcome.applied.is_empty() || path == "secret.yaml", "{path}: something to fix");
        assert_no_secret(&format!("{path}: the fixes applied"), &serde_json::to_string(&outcome.applied).unwrap());
        assert_no_secret(&format!("{path}: what remains"), &serde_json::to_string(&outcome.remaining).unwrap());
    }
}

/// The CLI end to end over a file of each format: every `--format`, and `--fix --diff`, whose view
/// of the changes goes to logs as much as any report does.
#[test]
fn the_cli_prints_no_secret_in_any_output() {
    let inputs = inputs();
    let formats = ["text", "json", "sarif", "github", "gitlab", "junit"];
    for (path, input) in &inputs {
        let io = cli::Io {
            files: Some(vec![cli::Source { path: path.to_string(), text: Ok(input.clone()) }]),
            config: Some(None),
            ..cli::Io::default()
        };
        let runs: Vec<Vec<String>> = formats
            .iter()
            .map(|f| vec![path.to_string(), "--format".into(), f.to_string()])
            .chain([vec![path.to_string(), "--fix".into(), "--unsafe-fixes".into(), "--diff".into()]])
            .collect();
        for argv in runs {
            let cli::Step::Finish(outcome) = cli::step(&argv, &io) else { panic!("{argv:?} asks for more") };
            let stderr: String =
                outcome.effects.iter().filter_map(|e| if let cli::Effect::Stderr(t) = e { Some(t.as_str()) } else { None }).collect();
            assert_no_secret(&format!("{argv:?} stdout"), &outcome.stdout);
            assert_no_secret(&format!("{argv:?} stderr"), &stderr);
            if argv.contains(&"--diff".to_string()) && *path != "secret.yaml" {
                assert!(outcome.stdout.contains("+++"), "{argv:?}: a diff was printed: {}", outcome.stdout);
            }
        }
    }
}

/// A syntax error next to a secret: the message locates it and says what was expected, and
/// never quotes the secret (parsers that quote the offending text are the risk).
#[test]
fn input_errors_never_quote_the_input() {
    let broken = [
        ("json", format!("{{\"connector.class\": \"x\", \"connection.password\": \"{PASSWORD}\" \"next\": 1}}")),
        ("json, unterminated", format!("{{\"connection.password\": \"{PASSWORD}")),
        ("yaml", format!("connector.class: x\nconnection.password: \"{PASSWORD}\" trailing\n")),
        ("yaml, bad indent", format!("a:\n  connection.password: {PASSWORD}\n b: [\n")),
        ("hcl", format!("resource \"aws_mskconnect_connector\" \"c\" {{\n  connector_configuration = {{\n    \"connection.password\" = \"{PASSWORD}\" +\n  }}\n")),
        ("hcl, unterminated", format!("locals {{\n  pw = \"{PASSWORD}\n}}\n")),
        ("properties", format!("connection.password={PASSWORD}\n\u{0}\n")),
    ];
    let mut refused = 0;
    for (what, text) in broken {
        let Err(error) = check(&text, &options("{}")) else { continue };
        refused += 1;
        assert!(error.line >= 1 && error.column >= 1, "{what}: located: {error:?}");
        assert_no_secret(&format!("{what}: the error"), &format!("{error:?} {}", serde_json::to_string(&error).unwrap()));
        let files = [FileResult::Error { path: "x".into(), error }];
        for (format, output) in rendered(&files) {
            assert_no_secret(&format!("{what} as {format}"), &output);
        }
    }
    assert!(refused >= 5, "most of these inputs are refused: {refused}");
}
