//! The README's rule table is generated from the rule docs; this test keeps it so.

mod common;

use msk_connect_lint::rules;
use msk_connect_lint::rules::FixAvailability;

fn table() -> String {
    let mut out = String::from("| code | name | severity | fix | what it does |\n| --- | --- | --- | --- | --- |\n");
    for rule in rules() {
        let fix = match rule.fix {
            FixAvailability::Always => "yes",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::None => "no",
        };
        out.push_str(&format!(
            "| {} | `{}` | {} | {fix} | {} |\n",
            rule.code,
            rule.name,
            rule.severity.name(),
            rule.summary.replace('|', "\\|")
        ));
    }
    out
}

/// Which rules cover each connector family, from the rules' declared coverage.
fn families() -> String {
    let mut families: std::collections::BTreeMap<&str, Vec<&str>> = std::collections::BTreeMap::new();
    for rule in rules() {
        for family in &rule.covers {
            families.entry(family).or_default().push(rule.code);
        }
    }
    let mut out = String::from("| connector family or setting | rules |\n| --- | --- |\n");
    for (family, codes) in families {
        out.push_str(&format!("| {family} | {} |\n", codes.join(", ")));
    }
    out
}

fn check_section(name: &str, expected: &str) {
    let path = common::root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start_marker = format!("<!-- {name}:start -->\n");
    let end_marker = format!("<!-- {name}:end -->");
    let start = readme.find(&start_marker).unwrap_or_else(|| panic!("{name}:start marker")) + start_marker.len();
    let end = readme.find(&end_marker).unwrap_or_else(|| panic!("{name}:end marker"));
    if readme[start..end] != *expected {
        if std::env::var_os("UPDATE_README").is_some() {
            std::fs::write(&path, format!("{}{expected}{}", &readme[..start], &readme[end..])).unwrap();
        } else {
            panic!("README {name} table is stale: run `UPDATE_README=1 cargo test --test readme`");
        }
    }
}

#[test]
fn readme_tables_are_generated_from_the_rules() {
    check_section("rules", &table());
    check_section("families", &families());
}
