//! Every real configuration in tests/corpus gives findings or a located error, never a
//! crash; the outcome per file is snapshotted so every change in it is reviewed.

mod common;

use common::{files_in, options, read, root};
use msk_connect_lint::{check, fix};
use std::collections::BTreeMap;

#[test]
fn corpus_outcomes() {
    let corpus = root().join("tests").join("corpus");
    let mut lines = Vec::new();
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut parsed, mut errors) = (0, 0);
    for file in files_in(&corpus) {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        if name == "MANIFEST.tsv" {
            continue;
        }
        let text = read(&file);
        match check(&text, &options("{}")) {
            Ok(report) => {
                parsed += 1;
                let formats: Vec<String> = report.connectors.iter().map(|c| format!("{}/{}", c.format, c.family)).collect();
                let mut codes: BTreeMap<String, usize> = BTreeMap::new();
                for finding in &report.findings {
                    *codes.entry(format!("{}:{}", finding.code, finding.severity.name())).or_default() += 1;
                    *by_rule.entry(finding.code).or_default() += 1;
                }
                let codes: Vec<String> = codes.iter().map(|(c, n)| if *n == 1 { c.clone() } else { format!("{c}x{n}") }).collect();
                lines.push(format!(
                    "{name}: {} | {}",
                    formats.join(", "),
                    if codes.is_empty() { "no findings".to_string() } else { codes.join(" ") }
                ));
                assert!(fix(&text, &options(r#"{"unsafeFixes":true}"#)).is_ok(), "{name}: fix failed");
            }
            Err(error) => {
                errors += 1;
                assert!(error.line >= 1 && error.column >= 1);
                let message: String = error.message.chars().take(110).collect();
                lines.push(format!("{name}: error {}:{} {message}", error.line, error.column));
            }
        }
    }
    lines.push(String::new());
    lines.push(format!("parsed {parsed}, errors {errors}"));
    for (code, count) in by_rule {
        lines.push(format!("{code}: {count}"));
    }
    insta::assert_snapshot!("corpus", lines.join("\n"));
}
