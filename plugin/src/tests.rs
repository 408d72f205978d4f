use super::*;
use serde_json::{json, Value};

const CRITICAL: &str = "connector.class=io.confluent.connect.replicator.ReplicatorSourceConnector
src.kafka.bootstrap.servers=kafka-src.internal.example.com:9092
src.kafka.security.protocol=SASL_PLAINTEXT
src.kafka.sasl.mechanism=PLAIN
src.kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";
";

fn call(f: fn(&[u8]) -> Result<String, Error>, request: &Value) -> Result<Value, Error> {
    f(request.to_string().as_bytes()).map(|out| serde_json::from_str(&out).expect("the plugin answers JSON"))
}

fn error(f: fn(&[u8]) -> Result<String, Error>, request: &[u8]) -> Error {
    match f(request) {
        Err(error) => error,
        Ok(out) => panic!("{:?} gave {out}", String::from_utf8_lossy(request)),
    }
}

#[test]
fn validate_is_the_engines_report() {
    let options = json!({"today": "2026-01-15"});
    let report = call(validate, &json!({"input": CRITICAL, "options": options})).unwrap();
    let expected = msk_connect_lint::check(CRITICAL, &OptionsInput::from_json(&options.to_string()).unwrap().resolve().unwrap()).unwrap();
    assert_eq!(report, serde_json::to_value(&expected).unwrap());
    assert_eq!(report["passed"], false);
    assert!(report["findings"][0]["range"].is_object(), "text input has positions");
}

#[test]
fn parsed_objects_have_no_positions_and_fix_answers_in_kind() {
    let input = json!({"name": "r", "config": {"connector.class": "io.confluent.connect.replicator.ReplicatorSourceConnector",
        "src.kafka.bootstrap.servers": "b:9093", "src.kafka.security.protocol": "SSL",
        "src.kafka.ssl.endpoint.identification.algorithm": ""}});
    let report = call(validate, &json!({"input": input})).unwrap();
    assert!(!report["findings"].as_array().unwrap().is_empty());
    assert!(report["findings"].as_array().unwrap().iter().all(|f| f.get("range").is_none()));
    let fixed = call(fix, &json!({"input": input})).unwrap();
    assert_eq!(fixed["output"]["config"]["src.kafka.ssl.endpoint.identification.algorithm"], "https");
    assert!(fixed["applied"][0].get("range").is_none());
    let fixed = call(fix, &json!({"input": input.to_string()})).unwrap();
    assert!(fixed["output"].as_str().unwrap().contains("\"https\""), "text in, text out: {fixed}");
}

#[test]
fn input_errors_have_positions() {
    let e = error(validate, json!({"input": "{\n  \"name\": "}).to_string().as_bytes());
    assert_eq!((e.name, e.line, e.column), ("InputError", Some(2), Some(11)), "{e:?}");
    let json: Value = serde_json::from_str(&e.to_json()).unwrap();
    assert_eq!(json["name"], "InputError");
    assert_eq!(json["line"], 2);
}

#[test]
fn options_errors() {
    let e = error(validate, br#"{"input": "", "options": {"failOn": "severe"}}"#);
    assert_eq!(e.name, "OptionsError");
    assert!(e.message.starts_with("failOn: unknown severity"), "{}", e.message);
    let e = error(validate, br#"{"input": "", "options": {"typo": 1}}"#);
    assert_eq!(e.name, "OptionsError");
    assert!(!e.message.contains(" at line "), "no position in JSON the host never saw as a file: {}", e.message);
    assert_eq!(error(validate, br#"{"input": "", "options": [1]}"#).name, "OptionsError");
    let null = json!({"input": CRITICAL, "options": null});
    assert_eq!(call(validate, &null).unwrap(), call(validate, &json!({"input": CRITICAL})).unwrap(), "null is no options");
}

#[test]
fn requests_of_the_wrong_shape_are_type_errors() {
    for bad in
        [&b""[..], b"not json", b"[]", b"{}", br#"{"input": 1}"#, br#"{"input": "", "extra": 1}"#, b"\xff\xfe", br#"{"input": null}"#]
    {
        assert_eq!(error(validate, bad).name, "TypeError", "{:?}", String::from_utf8_lossy(bad));
        assert_eq!(error(fix, bad).name, "TypeError");
    }
}

#[test]
fn limits() {
    let big = format!(r#"{{"input": "{}"}}"#, "a".repeat(MAX_REQUEST_BYTES as usize));
    let e = error(validate, big.as_bytes());
    assert_eq!(e.name, "InputError");
    assert!(e.message.contains("at most"), "{}", e.message);
    // Nesting: deeper than serde_json's own limit (128) reaches the engine, which says how deep.
    let deep = format!(r#"{{"input": {}{}}}"#, "[".repeat(5000), "]".repeat(5000));
    let e = error(validate, deep.as_bytes());
    assert_eq!(e.name, "InputError");
    assert!(e.message.contains("nested deeper than"), "{}", e.message);
    let deep_text = json!({"input": format!("{}{}", "[".repeat(5000), "]".repeat(5000))});
    assert_eq!(error(validate, deep_text.to_string().as_bytes()).name, "InputError");
}

#[test]
fn rules_and_version() {
    let rules: Value = serde_json::from_str(&rules().unwrap()).unwrap();
    assert_eq!(rules.as_array().unwrap().len(), msk_connect_lint::rules().len());
    assert_eq!(version(), env!("CARGO_PKG_VERSION"), "the plugin is released with the engine");
}
