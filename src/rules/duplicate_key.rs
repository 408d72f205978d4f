use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::connector::{Location, Value};
use crate::finding::{Category, Severity};
use crate::redact::shown;

declare_rule! {
    /// ## What it does
    /// Finds a key given more than once, with different values, in the same connector
    /// configuration, worker configuration or MSK Connect cluster block. Keys no component reads
    /// (JSON "comments" such as `_comment`) are left alone.
    ///
    /// ## Why is this bad?
    /// Java's `Properties` and the JSON parsers Kafka Connect and AWS use keep the last value and
    /// drop the others without a word. A reviewer who reads the first value, say a TLS port,
    /// approves a configuration that actually uses the second, say the plaintext one.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=io.confluent.connect.s3.S3SinkConnector
    /// producer.override.security.protocol=SSL
    /// producer.override.security.protocol=PLAINTEXT
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=io.confluent.connect.s3.S3SinkConnector
    /// producer.override.security.protocol=SSL
    /// ```
    ///
    /// ## Fix safety
    /// No fix: which of the values was meant is for a person to decide.
    ///
    /// ## References
    /// - <https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/Properties.html#load(java.io.Reader)>
    pub static RULE = {
        code: "MSK030",
        name: "duplicate-key",
        severity: Severity::Low,
        category: Category::InconsistentSetting,
        fix: FixAvailability::None,
        compliance: &[],
        covers: &["Any configuration"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let connector = context.connector;
    let matters = |key: &str| !(key.starts_with('_') || key.starts_with("//") || key.starts_with('#'));
    for entry in connector.config.entries.iter().filter(|e| matters(&e.key) && e.shadowed.iter().any(|s| s.value != e.value)) {
        let earlier: Vec<String> = entry.shadowed.iter().map(|s| describe(&entry.key, &s.value)).collect();
        out.push(report(entry.location(), Some(&entry.key), &entry.key, &describe(&entry.key, &entry.value), &earlier));
    }
    let Some(cluster) = &connector.cluster else { return };
    let fields = [
        (&cluster.bootstrap_servers, cluster.names.bootstrap),
        (&cluster.encryption_type, cluster.names.encryption),
        (&cluster.authentication_type, cluster.names.authentication),
    ];
    for (field, name) in fields {
        let Some(field) = field.as_ref().filter(|f| f.shadowed.iter().any(|v| *v != f.value)) else { continue };
        let earlier: Vec<String> = field.shadowed.iter().map(|v| describe(name, v)).collect();
        out.push(report(field.location.clone(), None, name, &describe(name, &field.value), &earlier));
    }
}

fn describe(key: &str, value: &Value) -> String {
    match value {
        Value::Text(text) => format!("`{}`", shown(key, text)),
        Value::Unknown { shown } => format!("`{shown}`"),
    }
}

fn report(location: Location, key: Option<&str>, name: &str, last: &str, earlier: &[String]) -> Diagnostic {
    Diagnostic::at(
        location,
        key,
        format!(
            "{name} is given {} times; the last value, {last}, wins and the earlier ({}) are ignored",
            earlier.len() + 1,
            earlier.join(", ")
        ),
        "Keep one entry with the value you mean",
    )
}
