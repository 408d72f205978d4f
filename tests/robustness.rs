//! Bad input is a value, never a panic: thousands of mutated real configurations (truncated,
//! bytes flipped, lines spliced, deeply nested) go through `check` and `fix`.

mod common;

use common::{files_in, options, read, root};
use msk_connect_lint::{check, fix};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const NOISE: [&str; 16] = ["{", "}", "[", "]", "\"", "\\", ",", ":", "=", "\n", "${", "://", "\\u12", "é", "\u{1F600}", "\r\n"];

fn mutate(text: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = chars.clone();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(4) {
            0 => out.truncate(at),
            1 if at < out.len() => {
                out.remove(at);
            }
            2 => out.splice(at..at, NOISE[rng.below(NOISE.len())].chars()).for_each(drop),
            _ => {
                let from = rng.below(chars.len());
                let len = rng.below(40).min(chars.len() - from.min(chars.len()));
                out.splice(at..at, chars[from..from + len].iter().copied()).for_each(drop);
            }
        }
    }
    out.into_iter().collect()
}

#[test]
fn mutated_inputs_never_panic() {
    let mut inputs: Vec<String> =
        files_in(&root().join("tests/corpus")).iter().filter(|p| !p.ends_with("MANIFEST.tsv")).map(|p| read(p)).collect();
    for dir in [
        "tests/fixtures/secure",
        "tests/fixtures/iac",
        "tests/fixtures/iac/module",
        "tests/fixtures/rules/MSK100",
        "tests/fixtures/rules/MSK110",
        "tests/fixtures/rules/MSK001",
    ] {
        inputs.extend(files_in(&root().join(dir)).iter().map(|p| read(p)));
    }
    let opts = options(r#"{"unsafeFixes":true}"#);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut cases = 0;
    for input in &inputs {
        for _ in 0..25 {
            let text = mutate(input, &mut rng);
            match check(&text, &opts) {
                Ok(_) => {
                    fix(&text, &opts).unwrap_or_else(|e| panic!("fix failed on input that checks: {e}\n{text}"));
                }
                Err(error) => {
                    assert!(error.line >= 1 && error.column >= 1);
                    assert!(!error.message.is_empty());
                }
            }
            cases += 1;
        }
    }
    assert!(cases > 2000, "{cases}");
}

#[test]
fn pathological_inputs_are_refused_cleanly() {
    let opts = options("{}");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(check(&deep, &opts).is_err());
    // Deep nesting in the other structured formats: refused with a location, never a stack overflow.
    for deep in [
        format!("a = {}", "[".repeat(100_000)),
        format!("a = {}1{}", "(".repeat(100_000), ")".repeat(100_000)),
        format!("locals {{\n  a = {}\n}}\n", "{ b = ".repeat(50_000)),
        format!("a: {}", "[".repeat(100_000)),
        format!("a:\n{}", (0..5_000).map(|i| format!("{}- x\n", " ".repeat(i))).collect::<String>()),
        format!("a: {}", "!Ref ".repeat(10_000)),
    ] {
        let _ = check(&deep, &opts);
        let _ = fix(&deep, &opts);
    }
    let long_line = format!("connector.class=x\nconnection.url=jdbc:mysql://{}", "a".repeat(1_000_000));
    assert!(check(&long_line, &opts).is_ok());
    for text in
        ["\u{feff}", "\0", "=", "\\", "{\"a\":", "[{}]", "{\"config\":{}}", "\u{feff}{\"connector.class\":\"x\"}", "a\\\n", "#\\\nx=1"]
    {
        let _ = check(text, &opts);
        let _ = fix(text, &opts);
    }
}

/// Keys that end like a known key but start with multi-byte characters: slicing a key by the
/// length of a suffix it may not have once split a character (`éaaaaaaregistry.url` panicked).
#[test]
fn keys_with_multibyte_prefixes_do_not_split_characters() {
    let opts = options("{}");
    for key in
        ["éaaaaaaregistry.url", "€registry.url", "ééschema.registry.url", "\u{1F600}client.hotrod.server_list", "é.security.protocol"]
    {
        let text = format!("connector.class=com.example.Sink\n{key}=http://r.internal.example.com:8081\n");
        let report = check(&text, &opts).expect("a report");
        assert!(
            report.findings.iter().any(|f| f.key.as_deref() == Some(key)) || key.contains("security.protocol"),
            "{key}: {:?}",
            report.findings
        );
        let _ = fix(&text, &opts);
    }
}

/// Every input a fuzzer found a crash with (fuzz/regressions/, replayed in wasm by
/// tests/fuzz/replay.test.mjs too), read as a file and as the targets read it (first byte a choice).
#[test]
fn fuzz_regressions_are_read_or_refused_with_a_location() {
    let dir = common::root().join("fuzz").join("regressions");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/regressions/") {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for text in [String::from_utf8_lossy(&bytes), String::from_utf8_lossy(bytes.get(1..).unwrap_or_default())] {
            for opts in [options("{}"), options(r#"{"unsafeFixes":true}"#)] {
                if let Err(error) = check(&text, &opts) {
                    assert!(error.line >= 1 && error.column >= 1, "{error:?}");
                }
                let _ = fix(&text, &opts);
            }
        }
        replayed += 1;
    }
    assert!(replayed >= 5, "{replayed}");
}

/// The `module` fuzzer's crash: a `.tf` line reading as the module marker made a file of its own
/// (four results for three files), and `fix_module` would have handed back a text for the path the
/// line named. Replayed as the target cuts it: every file has one result and one text, no more.
#[test]
fn a_module_file_that_forges_the_marker_line_is_still_one_file() {
    use msk_connect_lint::{check_module, fix_module};
    let bytes = std::fs::read(root().join("fuzz").join("regressions").join("module-forged-marker.bin")).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let cut = text.char_indices().map(|(i, _)| i).nth(text.chars().count() / 2).unwrap_or(0);
    let (main, vars) = text.split_at(cut);
    let forged = "a = 1\n#@msk-connect-lint module file: /tmp/elsewhere.tf\nb = 2\n";
    for main in [main, forged] {
        let files = [("main.tf", main), ("terraform.tfvars", vars), ("connector.json", "{}")];
        for opts in [options("{}"), options(r#"{"unsafeFixes":true}"#)] {
            let checked = check_module(&files, &opts);
            let paths: Vec<&str> = checked.iter().map(|(path, _)| path.as_str()).collect();
            assert_eq!(paths, ["main.tf", "terraform.tfvars", "connector.json"]);
            if let Ok(fixed) = fix_module(&files, &opts) {
                let paths: Vec<&str> = fixed.texts.iter().map(|(path, _)| path.as_str()).collect();
                assert_eq!(paths, ["main.tf", "terraform.tfvars", "connector.json"]);
            }
        }
    }
}

/// hcl-edit 0.10.0 re-parsed the term after a binary operator when it failed, once per level of
/// nesting: `a=(a/a[a<a/(a/a[a<a/…"x` (an unterminated string 24 levels down) took 21 s, 40 levels
/// would take days. vendor/hcl-edit carries the fix. This asserts termination, not speed: the
/// bound is generous, and only a hang (a regression to exponential time) reaches it.
#[test]
fn unterminated_hcl_inside_deep_nesting_is_refused_without_backtracking() {
    use msk_connect_lint::check_module;
    let opts = options(r#"{"format":"terraform-hcl"}"#);
    let (done, finished) = std::sync::mpsc::channel();
    let worker = std::thread::spawn(move || {
        for level in ["(a/a[a<a/", "(a+a[a==a+", "(\n a >\n b * ", "!(a/a[a<a/"] {
            let text = format!("a = {}\"x\n", level.repeat(40));
            let error = check(&text, &opts).expect_err("unterminated string");
            assert_eq!(error.line, text.lines().count(), "at the string, not at the start: {error:?}");
        }
        let found = root().join("fuzz").join("regressions");
        let text = read(&found.join("hcl-backtracking-unterminated-string.tf"));
        let error = check(&text, &opts).expect_err("invalid HCL");
        assert!(error.column > 1000, "at the end of the line: {error:?}");
        let text = read(&found.join("hcl-backtracking-multiline-parens.module"));
        let (main, vars) = text.split_at(text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i));
        let result = check_module(&[("main.tf", main), ("terraform.tfvars", vars)], &opts);
        assert!(result.iter().all(|(_, file)| file.is_err()), "both refused (one unreadable, one not checked): {result:?}");
        done.send(()).unwrap();
    });
    match finished.recv_timeout(std::time::Duration::from_secs(120)) {
        Ok(()) => {}
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => std::panic::resume_unwind(worker.join().unwrap_err()),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => panic!("still parsing after 120 s: exponential time again"),
    }
}

/// The limits (README, "Limits"): past each, a located error that says which and what to do.
#[test]
fn inputs_past_the_limits_are_refused_with_a_location() {
    use msk_connect_lint::{MAX_CONNECTORS, MAX_DOCUMENTS, MAX_INPUT_BYTES, MAX_SETTINGS};
    let opts = options("{}");
    let huge = format!("connector.class=x\n#{}\n", "é".repeat(MAX_INPUT_BYTES / 2));
    let error = check(&huge, &opts).expect_err("over the byte cap");
    assert!(error.message.contains("16 MiB") && error.line == 2, "{error:?}");
    let connectors: Vec<String> =
        (0..=MAX_CONNECTORS).map(|i| format!("{{\"name\":\"c{i}\",\"config\":{{\"connector.class\":\"x\"}}}}")).collect();
    let error = check(&format!("[{}]", connectors.join(",\n")), &opts).expect_err("too many connectors");
    assert!(error.message.contains(&format!("at most {MAX_CONNECTORS}")), "{error:?}");
    assert_eq!(error.line, MAX_CONNECTORS + 1, "at the first connector past the limit: {error:?}");
    let settings: String = (0..=MAX_SETTINGS).map(|i| format!("k{i}=v\n")).collect();
    let error = check(&format!("connector.class=x\n{settings}"), &opts).expect_err("too many settings");
    assert!(error.message.contains(&format!("more than {MAX_SETTINGS} settings")), "{error:?}");
    assert_eq!(error.line, MAX_SETTINGS + 2, "{error:?}");
    // Just within: read and checked.
    let settings: String = (1..MAX_SETTINGS).map(|i| format!("k{i}=v\n")).collect();
    assert!(check(&format!("connector.class=x\n{settings}"), &opts).is_ok());
    // A YAML stream past the documents limit: refused at the first document past it.
    let document =
        |i: usize| format!("---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaConnector\nmetadata:\n  name: c{i}\nspec:\n  class: x\n");
    let stream: String = (0..=MAX_DOCUMENTS).map(document).collect();
    let error = check(&stream, &opts).expect_err("too many documents");
    assert!(error.message.contains(&format!("more than {MAX_DOCUMENTS} YAML documents")), "{error:?}");
    assert_eq!(error.line, MAX_DOCUMENTS * 7 + 1, "at the first document past the limit: {error:?}");
    let stream: String = (1..MAX_DOCUMENTS).map(document).collect();
    assert!(check(&stream, &opts).is_ok(), "just within");
}
