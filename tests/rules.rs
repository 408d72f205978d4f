//! Every rule: its docs have the required sections, its `Example` fires it and its `Use instead`
//! does not, its fixtures behave as named, and its fixes converge without breaking the input.

mod common;

use common::{codes, diff, files_in, options, read, report, root};
use msk_connect_lint::finding::Applicability;
use msk_connect_lint::rules::FixAvailability;
use msk_connect_lint::rules::RULES;
use msk_connect_lint::{check, fix, render};

const SECTIONS: [&str; 6] = ["## What it does", "## Why is this bad?", "## Example", "Use instead:", "## Fix safety", "## References"];

/// The fenced code block that follows `marker` in the rule's Markdown.
fn code_block_after(markdown: &str, marker: &str) -> String {
    let after = markdown.split(marker).nth(1).unwrap_or_else(|| panic!("no {marker}"));
    let start = after.find("```").expect("a code block") + 3;
    let body = &after[start..];
    let body = &body[body.find('\n').expect("fence line") + 1..];
    body[..body.find("```").expect("closing fence")].to_string()
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    for (i, rule) in RULES.iter().enumerate() {
        assert!(rule.code.starts_with("MSK") && rule.code.len() == 6, "{}", rule.code);
        assert!(rule.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{}", rule.name);
        for other in &RULES[i + 1..] {
            assert_ne!(rule.code, other.code);
            assert_ne!(rule.name, other.name);
        }
    }
    let mut sorted: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    sorted.sort();
    assert_eq!(sorted, RULES.iter().map(|r| r.code).collect::<Vec<_>>(), "registry is in code order");
}

#[test]
fn docs_have_every_section() {
    for rule in RULES {
        let markdown = rule.markdown();
        for section in SECTIONS {
            assert!(markdown.contains(section), "{} lacks {section}", rule.code);
        }
        assert!(!rule.summary().is_empty(), "{} has no summary", rule.code);
        assert!(!rule.references().is_empty(), "{} has no references", rule.code);
    }
}

#[test]
fn doc_examples_fire_and_use_instead_does_not() {
    for rule in RULES {
        let markdown = rule.markdown();
        let example = code_block_after(&markdown, "## Example");
        let fixed = code_block_after(&markdown, "Use instead:");
        let only = options(&format!(r#"{{"select":["{}"]}}"#, rule.code));
        let fired = check(&example, &only).unwrap_or_else(|e| panic!("{} example: {e}", rule.code));
        assert!(!fired.findings.is_empty(), "{}: its Example does not fire it", rule.code);
        assert!(fired.findings.iter().all(|f| f.code == rule.code));
        let quiet = check(&fixed, &only).unwrap_or_else(|e| panic!("{} use instead: {e}", rule.code));
        assert!(quiet.findings.is_empty(), "{}: its Use instead fires it: {:?}", rule.code, quiet.findings);
    }
}

#[test]
fn every_rule_has_fixtures_that_fire_and_fixtures_that_do_not() {
    for rule in RULES {
        let dir = root().join("tests/fixtures/rules").join(rule.code);
        let files = files_in(&dir);
        let name = |p: &std::path::PathBuf| p.file_name().unwrap().to_string_lossy().to_string();
        assert!(files.iter().any(|p| name(p).starts_with("bad-")), "{}: no bad- fixture", rule.code);
        assert!(files.iter().any(|p| name(p).starts_with("ok-")), "{}: no ok- fixture", rule.code);
        for file in &files {
            let report = report(&read(file));
            let fired = codes(&report).contains(&rule.code);
            if name(file).starts_with("bad-") {
                assert!(fired, "{} does not fire on {}", rule.code, file.display());
            } else {
                assert!(!fired, "{} fires on {}: {:?}", rule.code, file.display(), report.findings);
            }
        }
    }
}

#[test]
fn fixture_snapshots() {
    for rule in RULES {
        let dir = root().join("tests/fixtures/rules").join(rule.code);
        for file in files_in(&dir) {
            let text = read(&file);
            let name = file.file_name().unwrap().to_string_lossy().to_string();
            let snapshot = render_case(&name, &text);
            insta::with_settings!({ snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(format!("{}__{name}", rule.code), snapshot);
            });
        }
    }
}

/// clippy-style UI output: the input, the diagnostics, then each fix level as a diff.
fn render_case(name: &str, text: &str) -> String {
    let report = report(text);
    let files = [render::FileResult::Report { path: name.to_string(), report }];
    let mut out = format!(
        "# Input\n\n```\n{}\n```\n\n# Diagnostics\n\n```\n{}```\n",
        text.trim_end(),
        render::text(&files, &render::Style { color: false })
    );
    for (title, unsafe_fixes) in [("Fixed (safe)", false), ("Fixed (safe and unsafe)", true)] {
        let outcome = fix(text, &options(&format!(r#"{{"unsafeFixes":{unsafe_fixes}}}"#))).expect("fix succeeds");
        let changes = diff(text, &outcome.output);
        out.push_str(&format!("\n# {title}\n\n```diff\n{}```\n", if changes.is_empty() { "(no change)\n".to_string() } else { changes }));
    }
    out
}

#[test]
fn fixes_converge_and_never_break_the_input() {
    let mut fixtures = Vec::new();
    for rule in RULES {
        fixtures.extend(files_in(&root().join("tests/fixtures/rules").join(rule.code)));
    }
    for file in fixtures {
        let text = read(&file);
        for unsafe_fixes in [false, true] {
            let opts = options(&format!(r#"{{"unsafeFixes":{unsafe_fixes}}}"#));
            let outcome = fix(&text, &opts).expect("fix succeeds");
            if outcome.remaining.connectors.is_empty() {
                continue; // every setting was removed: nothing left to check
            }
            let again = check(&outcome.output, &opts)
                .unwrap_or_else(|e| panic!("{}: fixed output does not parse: {e}\n{}", file.display(), outcome.output));
            let threshold = if unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe };
            for applied in &outcome.applied {
                assert!(
                    !again.findings.iter().any(|f| f.code == applied.code && f.pointer == applied.pointer && f.message == applied.message),
                    "{}: fixed finding {} comes back",
                    file.display(),
                    applied.code
                );
            }
            assert!(
                !again.findings.iter().any(|f| f.fix.as_ref().is_some_and(|fx| fx.applicability >= threshold)),
                "{}: fixable findings remain after fixing: {:?}",
                file.display(),
                again.findings.iter().filter(|f| f.fix.is_some()).map(|f| f.code).collect::<Vec<_>>()
            );
            let twice = fix(&outcome.output, &opts).expect("fix succeeds");
            assert_eq!(twice.output, outcome.output, "{}: fixing twice changes the output", file.display());
        }
    }
}

#[test]
fn rules_that_declare_no_fix_never_emit_one() {
    let mut inputs: Vec<String> = Vec::new();
    for rule in RULES {
        inputs.extend(files_in(&root().join("tests/fixtures/rules").join(rule.code)).iter().map(|f| read(f)));
    }
    for text in inputs {
        for finding in report(&text).findings {
            let rule = RULES.iter().find(|r| r.code == finding.code).unwrap();
            if rule.fix == FixAvailability::None {
                assert!(finding.fix.is_none(), "{} declares no fix but emitted one", rule.code);
            }
            if rule.fix == FixAvailability::Always && finding.severity != msk_connect_lint::Severity::Info {
                assert!(finding.fix.is_some(), "{} declares a fix always but emitted none: {}", rule.code, finding.message);
            }
        }
    }
}
