//! Helpers shared by the integration tests.
#![allow(dead_code)]

use msk_connect_lint::{check, Options, OptionsInput, Report};
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Options with a fixed date, so snapshots do not depend on the day they run.
pub fn options(json: &str) -> Options {
    let mut input = OptionsInput::from_json(json).expect("valid options");
    input.today.get_or_insert_with(|| "2026-11-28".to_string());
    input.resolve().expect("valid options")
}

pub fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8(bytes).unwrap_or_else(|e| e.into_bytes().iter().map(|&b| char::from(b)).collect())
}

pub fn report(text: &str) -> Report {
    check(text, &options("{}")).unwrap_or_else(|e| panic!("input error {e}"))
}

pub fn codes(report: &Report) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.code).collect()
}

pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// A line diff in unified form, for readable snapshots.
pub fn diff(before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after).unified_diff().context_radius(1).to_string()
}
