//! A secure configuration of each connector family gives no finding at all: the rules must not
//! cry wolf.

mod common;

use common::{files_in, read, report, root};

#[test]
fn secure_configurations_have_no_findings() {
    let files = files_in(&root().join("tests/fixtures/secure"));
    assert!(files.len() >= 10);
    for file in files {
        let report = report(&read(&file));
        assert!(!report.connectors.is_empty());
        let found: Vec<String> = report.findings.iter().map(|f| format!("{} {}", f.code, f.message)).collect();
        assert!(found.is_empty(), "{}: {found:#?}", file.display());
    }
}
