//! The binding layer under Node and in Chromium (`make test-wasm`): plain objects, error names
//! and positions, object input without ranges, and garbage that must never trap.

use super::*;
use js_sys::{Array, Object};
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

const PROPERTIES: &str = "connector.class=io.confluent.connect.replicator.ReplicatorSourceConnector
src.kafka.bootstrap.servers=kafka-src.internal.example.com:9092
src.kafka.security.protocol=SASL_PLAINTEXT
src.kafka.sasl.mechanism=PLAIN
src.kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";
";

const REST: &str = r#"{
  "name": "replicator",
  "config": {
    "connector.class": "io.confluent.connect.replicator.ReplicatorSourceConnector",
    "src.kafka.bootstrap.servers": "kafka-src.internal.example.com:9092",
    "src.kafka.security.protocol": "SASL_PLAINTEXT",
    "src.kafka.sasl.mechanism": "PLAIN",
    "src.kafka.sasl.jaas.config": "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";"
  }
}"#;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn path(value: &JsValue, keys: &[&str]) -> JsValue {
    keys.iter().fold(value.clone(), |v, k| get(&v, k))
}

fn options(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn error_name(error: &JsValue) -> String {
    get(error, "name").as_string().unwrap_or_default()
}

fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && Object::is(&Object::get_prototype_of(value), &Object::get_prototype_of(&Object::new()))
}

/// Every object in a result is a plain object or an array, never a `Map`.
fn assert_plain(value: &JsValue) {
    if Array::is_array(value) {
        Array::from(value).for_each(&mut |item, _, _| assert_plain(&item));
    } else if value.is_object() {
        assert!(is_plain_object(value), "not a plain object: {value:?}");
        Object::values(value.unchecked_ref()).for_each(&mut |item, _, _| assert_plain(&item));
    }
}

#[wasm_bindgen_test]
fn environment() {
    let browser = Reflect::has(&js_sys::global(), &JsValue::from_str("document")).unwrap_or(false);
    console_log!("wasm-bindgen tests running in {}", if browser { "a browser" } else { "Node" });
}

#[wasm_bindgen_test]
fn validate_text_reports_findings_with_positions() {
    let report = validate(PROPERTIES.into(), JsValue::UNDEFINED).unwrap();
    assert_plain(&report);
    assert_eq!(path(&report, &["tool", "name"]), "msk-connect-lint");
    assert_eq!(path(&report, &["passed"]), false);
    let findings = Array::from(&get(&report, "findings"));
    let finding = findings.find(&mut |f, _, _| get(&f, "code") == "MSK011");
    assert_eq!(get(&finding, "severity"), "critical");
    assert_eq!(get(&finding, "key"), "src.kafka.security.protocol");
    assert_eq!(path(&finding, &["range", "start", "line"]), 3);
    assert_eq!(path(&finding, &["range", "start", "column"]), 29);
    assert!(path(&report, &["summary", "critical"]).as_f64().unwrap() >= 1.0);
    assert_eq!(path(&report, &["connectors", "0", "format"]), "properties");
}

#[wasm_bindgen_test]
fn validate_object_has_pointers_but_no_ranges() {
    let text_report = validate(REST.into(), JsValue::UNDEFINED).unwrap();
    let report = validate(JSON::parse(REST).unwrap(), JsValue::UNDEFINED).unwrap();
    assert_plain(&report);
    let findings = Array::from(&get(&report, "findings"));
    assert!(findings.length() > 0);
    assert_eq!(findings.length(), Array::from(&get(&text_report, "findings")).length());
    findings.for_each(&mut |f, _, _| {
        assert!(!Reflect::has(&f, &JsValue::from_str("range")).unwrap());
        assert!(get(&f, "pointer").as_string().unwrap().starts_with("/config/"));
    });
    let connector = path(&report, &["connectors", "0"]);
    assert_eq!(get(&connector, "name"), "replicator");
    assert!(!Reflect::has(&get(&connector, "location"), &JsValue::from_str("range")).unwrap());
}

#[wasm_bindgen_test]
fn options_select_severity_and_fail_on() {
    let report = validate(PROPERTIES.into(), options(r#"{"ignore":["MSK011"],"failOn":"none"}"#)).unwrap();
    assert_eq!(get(&report, "passed"), true);
    assert!(Array::from(&get(&report, "findings")).every(&mut |f, _, _| get(&f, "code") != "MSK011"));
    let report = validate(PROPERTIES.into(), options(r#"{"select":["sasl-plain-over-plaintext"],"severity":{"MSK011":"low"}}"#)).unwrap();
    assert_eq!(path(&report, &["findings", "0", "severity"]), "low");
    assert_eq!(path(&report, &["summary", "low"]), 1);
    assert_eq!(get(&report, "passed"), true);
}

#[wasm_bindgen_test]
fn exceptions_expire_by_the_js_clock_unless_today_is_given() {
    let live = r#"{"exceptions":[{"rule":"MSK011","reason":"migrating","expires":"9999-12-31"}]}"#;
    let report = validate(PROPERTIES.into(), options(live)).unwrap();
    assert_eq!(path(&report, &["suppressed", "0", "reason"]), "migrating");
    assert_eq!(path(&report, &["suppressed", "0", "finding", "code"]), "MSK011");
    let dead = r#"{"exceptions":[{"rule":"MSK011","reason":"migrating","expires":"2000-01-01"}]}"#;
    let report = validate(PROPERTIES.into(), options(dead)).unwrap();
    assert_eq!(path(&report, &["expiredExceptions", "0", "expires"]), "2000-01-01");
    let pinned = r#"{"today":"1999-12-31","exceptions":[{"rule":"MSK011","reason":"migrating","expires":"2000-01-01"}]}"#;
    let report = validate(PROPERTIES.into(), options(pinned)).unwrap();
    assert_eq!(Array::from(&get(&report, "suppressed")).length(), 1);
}

#[wasm_bindgen_test]
fn input_errors_are_named_and_located() {
    let error = validate("{\n  \"name\": \"x\",\n  oops\n}".into(), JsValue::UNDEFINED).unwrap_err();
    assert!(error.is_instance_of::<Error>());
    assert_eq!(error_name(&error), "InputError");
    assert_eq!(get(&error, "line"), 3);
    assert_eq!(get(&error, "column"), 3);
    assert!(get(&error, "message").as_string().unwrap().contains("JSON"));

    let error = validate("".into(), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(error_name(&error), "InputError");
    assert_eq!(get(&error, "line"), 1);

    let error = validate(JSON::parse("[1, 2]").unwrap(), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(error_name(&error), "InputError");
    assert!(get(&error, "line").is_undefined(), "an object has no positions");

    let error = validate(JsValue::from(42), JsValue::UNDEFINED).unwrap_err();
    assert!(error.is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn options_errors_are_named() {
    for bad in [
        r#"{"failon":"high"}"#,
        r#"{"failOn":"severe"}"#,
        r#"{"select":["MSK999"]}"#,
        r#"{"severity":{"MSK011":"huge"}}"#,
        r#"{"exceptions":[{"rule":"MSK011","reason":""}]}"#,
        r#"{"exceptions":[{"rule":"MSK011","reason":"r","expires":"soon"}]}"#,
        r#"{"format":"yaml"}"#,
        r#"{"today":"yesterday"}"#,
        r#"{"select":"MSK011"}"#,
        r#"[]"#,
        r#""high""#,
    ] {
        let error = validate(PROPERTIES.into(), options(bad)).unwrap_err();
        assert_eq!(error_name(&error), "OptionsError", "{bad}");
        let message = get(&error, "message").as_string().unwrap();
        assert!(!message.contains(" at line "), "{message}");
    }
    let error = fix(PROPERTIES.into(), options(r#"{"unsafeFixes":"yes"}"#)).unwrap_err();
    assert_eq!(error_name(&error), "OptionsError");
}

#[wasm_bindgen_test]
fn fix_text_and_object() {
    let safe_only = fix(PROPERTIES.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&safe_only, "output"), PROPERTIES);

    let result = fix(PROPERTIES.into(), options(r#"{"unsafeFixes":true}"#)).unwrap();
    assert_plain(&result);
    let output = get(&result, "output").as_string().unwrap();
    assert!(output.contains("src.kafka.security.protocol=SASL_SSL\n"), "{output}");
    assert!(output.starts_with("connector.class="), "formatting kept");
    assert_eq!(path(&result, &["applied", "0", "code"]), "MSK011");
    assert!(Array::from(&path(&result, &["remaining", "findings"])).every(&mut |f, _, _| get(&f, "code") != "MSK011"));

    let result = fix(JSON::parse(REST).unwrap(), options(r#"{"unsafeFixes":true}"#)).unwrap();
    let output = get(&result, "output");
    assert!(is_plain_object(&output), "an object in, an object out");
    assert_eq!(path(&output, &["config", "src.kafka.security.protocol"]), "SASL_SSL");
    assert!(!Reflect::has(&path(&result, &["applied", "0"]), &JsValue::from_str("range")).unwrap());
}

#[wasm_bindgen_test]
fn rules_catalogue() {
    let rules = rules().unwrap();
    assert_plain(&rules);
    let rules = Array::from(&rules);
    assert!(rules.length() >= 10);
    rules.for_each(&mut |rule, _, _| {
        let docs = get(&rule, "docs").as_string().unwrap();
        assert!(docs.contains("## What it does"), "{docs}");
        assert!(get(&rule, "code").as_string().unwrap().starts_with("MSK"));
        assert!(Array::is_array(&get(&rule, "references")));
    });
}

#[wasm_bindgen_test]
fn sarif_from_reports() {
    let report = validate(PROPERTIES.into(), JsValue::UNDEFINED).unwrap();
    let sarif = to_sarif(report.clone()).unwrap();
    assert_plain(&sarif);
    assert_eq!(get(&sarif, "version"), "2.1.0");
    let result = path(&sarif, &["runs", "0", "results", "0"]);
    assert_eq!(get(&result, "ruleId"), "MSK011");
    assert_eq!(path(&result, &["locations", "0", "physicalLocation", "artifactLocation", "uri"]), "input");

    let entries = Array::new();
    let entry = Object::new();
    Reflect::set(&entry, &"path".into(), &"conf/a b.properties".into()).unwrap();
    Reflect::set(&entry, &"report".into(), &report).unwrap();
    entries.push(&entry);
    let sarif = to_sarif(entries.into()).unwrap();
    assert_eq!(
        path(&sarif, &["runs", "0", "results", "0", "locations", "0", "physicalLocation", "artifactLocation", "uri"]),
        "conf/a%20b.properties"
    );

    for bad in [JsValue::from(1), JsValue::from_str("report"), JsValue::NULL, JSON::parse("[{\"x\":1}]").unwrap()] {
        assert!(to_sarif(bad).unwrap_err().is_instance_of::<js_sys::TypeError>());
    }
}

/// A small deterministic generator (xorshift), so a failure replays.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\\",
    "\\u",
    "\\uD800",
    "=",
    "\n",
    "\r\n",
    " ",
    "\t",
    "#",
    "!",
    "\u{feff}",
    "\u{1F600}",
    "é",
    "\0",
    "\"connector.class\"",
    "\"config\"",
    "\"name\"",
    "connector.class",
    "security.protocol",
    "SASL_PLAINTEXT",
    "PLAINTEXT",
    "ssl.",
    "bootstrap.servers",
    "localhost:9092",
    "b-1.x.kafka.us-east-1.amazonaws.com:9098",
    "${file:/x:y}",
    "jdbc:mysql://h/db?useSSL=false",
    "\"kafkaClusterEncryptionInTransit\"",
    "\"encryptionType\"",
    "\"Resources\"",
    "\"Type\"",
    "AWS::KafkaConnect::Connector",
    "\"resource_changes\"",
    "\"after\"",
    "\"after_unknown\"",
    "true",
    "null",
    "1e999",
    "-0",
    "curl -X POST",
    "apiVersion: v1",
    "resource \"x\" {",
];

fn garbage(noise: &mut Noise) -> String {
    let mut text = String::new();
    for _ in 0..noise.below(40) {
        text.push_str(PIECES[noise.below(PIECES.len())]);
    }
    text
}

#[wasm_bindgen_test]
fn garbage_never_traps() {
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
    let mut inputs: Vec<String> = (0..400).map(|_| garbage(&mut noise)).collect();
    inputs.push("[".repeat(100_000));
    inputs.push("{\"a\":".repeat(50_000));
    inputs.push(format!("{}{}", "[".repeat(199), "]".repeat(199)));
    inputs.push("a=b\\\n".repeat(10_000));
    inputs.push("\u{feff}".to_string());
    inputs.push(REST.replace("SASL_PLAINTEXT", "\u{1F600}").replace(':', "\u{0}"));
    for (i, cut) in (0..REST.len()).filter(|i| REST.is_char_boundary(*i)).enumerate() {
        if i % 3 == 0 {
            inputs.push(REST[..cut].to_string());
        }
    }
    let settings = [
        JsValue::UNDEFINED,
        options(r#"{"unsafeFixes":true}"#),
        options(r#"{"format":"properties"}"#),
        options(r#"{"format":"msk-connect-api"}"#),
    ];
    for (i, input) in inputs.iter().enumerate() {
        let options = &settings[i % settings.len()];
        for result in [validate(input.as_str().into(), options.clone()), fix(input.as_str().into(), options.clone())] {
            if let Err(error) = result {
                assert_eq!(error_name(&error), "InputError", "input {i}: {input:?}");
                assert!(get(&error, "line").as_f64().unwrap() >= 1.0);
                assert!(get(&error, "column").as_f64().unwrap() >= 1.0);
            }
        }
        if let Ok(parsed) = JSON::parse(input) {
            if parsed.is_object() {
                let _ = validate(parsed.clone(), JsValue::UNDEFINED);
                let _ = fix(parsed, options.clone());
            }
        }
    }
    let odd_options =
        ["{}", "{\"select\":[]}", "{\"severity\":{}}", "{\"exceptions\":[]}", "{\"format\":\"auto\"}", "{\"exclude\":[\"x\"]}"];
    for text in odd_options {
        validate(PROPERTIES.into(), options(text)).unwrap();
    }
    for value in [JsValue::from(1), JsValue::TRUE, JsValue::from_str("x"), Array::new().into(), js_sys::Function::new_no_args("").into()] {
        assert!(validate(PROPERTIES.into(), value).is_err());
    }
    assert!(to_sarif(JSON::parse(r#"{"findings":[{"code":"MSK999","range":{"start":{"line":-1}}}]}"#).unwrap()).is_ok());
    assert!(to_sarif(JSON::parse(r#"[{"path":"x","error":{"line":"one"}}]"#).unwrap()).is_ok());
}

#[wasm_bindgen_test]
fn cli_steps_with_plain_objects() {
    let argv = JSON::parse(r#"["--fix", "--unsafe-fixes", "a.properties"]"#).unwrap();
    let step = cli(argv.clone(), options("{}")).unwrap();
    assert_plain(&step);
    assert_eq!(path(&step, &["readConfig", "path"]), ".msk-connect-lint.json");
    assert_eq!(path(&step, &["readConfig", "search"]), true);
    let step = cli(argv.clone(), options(r#"{"config":null}"#)).unwrap();
    assert_eq!(path(&step, &["readFiles", "paths", "0"]), "a.properties", "null: no config file found");
    assert_eq!(path(&step, &["readFiles", "extensions", "1"]), "properties");

    let files = format!(r#"{{"config":null,"files":[{{"path":"a.properties","text":{}}}]}}"#, serde_json::to_string(PROPERTIES).unwrap());
    let step = cli(argv.clone(), options(&files)).unwrap();
    assert_plain(&step);
    let finish = get(&step, "finish");
    assert_eq!(path(&finish, &["effects", "0", "write", "path"]), "a.properties");
    assert!(path(&finish, &["effects", "0", "write", "text"]).as_string().unwrap().contains("protocol=SASL_SSL\n"));
    assert!(path(&finish, &["effects", "1", "stderr"]).as_string().unwrap().starts_with("a.properties: fixed "));
    assert!(get(&finish, "stdout").as_string().unwrap().contains(" in 1 file"));
    assert!(get(&finish, "exitCode").as_f64().is_some());

    let failed = r#"{"config":null,"files":[],"writeFailed":{"path":"a.properties","error":"Permission denied (os error 13)"}}"#;
    let finish = get(&cli(argv.clone(), options(failed)).unwrap(), "finish");
    assert_eq!(get(&finish, "exitCode"), 2);
    assert_eq!(get(&finish, "stdout"), "");
    assert!(path(&finish, &["effects", "0", "stderr"]).as_string().unwrap().starts_with("msk-connect-lint: a.properties: cannot write: "));

    for bad in [r#"{"files":[{"path":"a"}]}"#, r#"{"today":"2026-01-01"}"#, r#"{"colour":true}"#] {
        assert!(cli(argv.clone(), options(bad)).unwrap_err().is_instance_of::<js_sys::TypeError>(), "{bad}");
    }
    assert!(cli(JsValue::from_str("--fix"), options("{}")).unwrap_err().is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn redact_masks_secret_values_in_the_text() {
    let out = redact(REST.into(), JsValue::UNDEFINED).unwrap().as_string().unwrap();
    assert!(out.contains(r#"password=\"****\";"#) && !out.contains(r#"password=\"p\""#), "{out}");
    assert_eq!(out.lines().count(), REST.lines().count());
    let out = redact(PROPERTIES.into(), options(r#"{"format":"properties"}"#)).unwrap().as_string().unwrap();
    assert!(out.contains("password=\"****\";"), "{out}");
    assert_eq!(error_name(&redact("{ oops".into(), JsValue::UNDEFINED).unwrap_err()), "InputError");
    assert!(redact(JSON::parse("{}").unwrap(), JsValue::UNDEFINED).unwrap_err().is_instance_of::<js_sys::TypeError>());
}

/// A text over the byte cap is refused from its head, with the native error and location.
#[wasm_bindgen_test]
fn validate_refuses_a_text_over_the_cap_before_copying_it() {
    let text = format!("connector.class=x\n#{}", "a".repeat(crate::MAX_INPUT_BYTES + 10));
    let error = validate(JsValue::from_str(&text), JsValue::UNDEFINED).expect_err("over the cap");
    assert_eq!(error_name(&error), "InputError");
    let native = crate::check(&text, &Options::default()).expect_err("natively too");
    let message = get(&error, "message").as_string().unwrap_or_default();
    assert_eq!(message, native.message);
    assert_eq!(get(&error, "line").as_f64(), Some(native.line as f64));
    assert_eq!(get(&error, "column").as_f64(), Some(native.column as f64));
}
