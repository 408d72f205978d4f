//! The README's rule table is generated from the rule docs; this test keeps it so.

mod common;

use msk_connect_lint::rules;
use msk_connect_lint::rules::FixAvailability;

const START: &str = "<!-- rules:start -->\n";
const END: &str = "<!-- rules:end -->";

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

#[test]
fn readme_rule_table_is_generated_from_the_docs() {
    let path = common::root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme.find(START).expect("rules:start marker") + START.len();
    let end = readme.find(END).expect("rules:end marker");
    let expected = table();
    if readme[start..end] != expected {
        if std::env::var_os("UPDATE_README").is_some() {
            std::fs::write(&path, format!("{}{expected}{}", &readme[..start], &readme[end..])).unwrap();
        } else {
            panic!("README rule table is stale: run `UPDATE_README=1 cargo test --test readme`");
        }
    }
}
