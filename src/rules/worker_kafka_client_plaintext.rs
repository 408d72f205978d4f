use super::{declare_rule, Context, Diagnostic, Downgrade, FixAvailability};
use crate::connector::{Config, Value};
use crate::endpoints::kafka::{protocol_is_plaintext, Protocol, WORKER_CLIENTS};
use crate::finding::{Applicability, Category, Edit, Fix, Severity};

declare_rule! {
    /// ## What it does
    /// Checks a self-managed Kafka Connect worker configuration (`connect-distributed.properties`,
    /// `connect-standalone.properties`): the worker's own clients (`security.protocol`), the
    /// producers of source tasks (`producer.security.protocol`) and the consumers of sink tasks
    /// (`consumer.security.protocol`) must each use `SSL` or `SASL_SSL`. Admin clients
    /// (`admin.`) fall back to the top-level settings.
    ///
    /// ## Why is this bad?
    /// Kafka's default `security.protocol` is `PLAINTEXT`. The worker builds its task producers
    /// and consumers from the `producer.` and `consumer.` settings only: a worker with
    /// `security.protocol=SSL` and no `producer.security.protocol` keeps its group traffic
    /// encrypted while every record its source connectors write goes out in plaintext. This is
    /// the most common half-secured worker. Bootstrap servers on a loopback address cross no
    /// network and are reported as info. (On MSK Connect the worker link is set by the
    /// connector's encryption in transit, see MSK001; Strimzi sets these keys itself.)
    ///
    /// ## Example
    /// ```properties
    /// bootstrap.servers=kafka-1.internal.example.com:9093
    /// group.id=connect-cluster
    /// security.protocol=SSL
    /// ssl.truststore.location=/etc/kafka/truststore.jks
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// bootstrap.servers=kafka-1.internal.example.com:9093
    /// group.id=connect-cluster
    /// security.protocol=SSL
    /// ssl.truststore.location=/etc/kafka/truststore.jks
    /// producer.security.protocol=SSL
    /// producer.ssl.truststore.location=/etc/kafka/truststore.jks
    /// consumer.security.protocol=SSL
    /// consumer.ssl.truststore.location=/etc/kafka/truststore.jks
    /// ```
    ///
    /// ## Fix safety
    /// Safe when some client of the worker is already secured: the fix copies its
    /// `security.protocol`, `ssl.*` and `sasl.*` settings to the clients that lack them. Unsafe
    /// when none is: it sets `SSL`, which needs a TLS listener and maybe a truststore.
    ///
    /// ## References
    /// - <https://docs.confluent.io/platform/current/connect/security.html>
    /// - <https://kafka.apache.org/documentation/#connect_running>
    pub static RULE = {
        code: "MSK020",
        name: "worker-kafka-client-plaintext",
        severity: Severity::High,
        category: Category::PlaintextTransport,
        fix: FixAvailability::Always,
        compliance: &["PCI DSS v4.0.1/4.2.1"],
        covers: &["Self-managed workers"],
        superseded_by: &["MSK011"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    if !context.connector.is_worker() {
        return;
    }
    let config = &context.connector.config;
    let Some(link) = context.kafka_links().first() else { return };
    let Some(bootstrap) = link.bootstrap else { return };
    let downgrade = link.loopback().then_some(Downgrade::Loopback);
    let source = secure_source(config);
    let mut implicit = Vec::new();
    let mut implicit_prefixes = Vec::new();
    for client in &link.clients {
        let key = format!("{}security.protocol", client.prefix);
        match &client.protocol {
            Protocol::Stated(entry) => match &entry.value {
                Value::Unknown { shown } => out.push(
                    Diagnostic::at_entry(
                        entry,
                        format!("{key} is `{shown}`, which cannot be known from this input"),
                        "Check that it resolves to SSL or SASL_SSL",
                    )
                    .downgraded(Some(Downgrade::Unverifiable)),
                ),
                Value::Text(protocol) if protocol_is_plaintext(protocol.trim()) => {
                    let (title, applicability, edits) = edits_for(config, &[client.prefix.as_str()], source.as_deref());
                    out.push(
                        Diagnostic::at_entry(
                            entry,
                            format!("{key} is `{}`: {} send their data unencrypted", protocol.trim(), client.label),
                            help(source.as_deref()),
                        )
                        .with_fix(Fix::new(title, applicability, edits))
                        .downgraded(downgrade),
                    );
                }
                Value::Text(_) => {}
            },
            Protocol::Default if client.inherits => {}
            Protocol::Default => {
                implicit.push(format!("{} ({key} is not set)", client.label));
                implicit_prefixes.push(client.prefix.as_str());
            }
        }
    }
    if implicit.is_empty() {
        return;
    }
    let (title, applicability, edits) = edits_for(config, &implicit_prefixes, source.as_deref());
    let not_inherited = if source.as_deref() == Some("") && implicit_prefixes.iter().any(|p| !p.is_empty()) {
        "; task producers and consumers do not inherit the top-level security.protocol"
    } else {
        ""
    };
    out.push(
        Diagnostic::at_entry(
            bootstrap,
            format!(
                "the worker connects to {} in PLAINTEXT, Kafka's default, for {}{not_inherited}",
                bootstrap.text().unwrap_or("its brokers").trim(),
                implicit.join("; ")
            ),
            help(source.as_deref()),
        )
        .with_fix(Fix::new(title, applicability, edits))
        .downgraded(downgrade),
    );
}

/// The prefix of a client already on SSL/SASL_SSL, whose settings the others can copy.
fn secure_source(config: &Config) -> Option<String> {
    WORKER_CLIENTS
        .iter()
        .map(|c| c.0)
        .find(|prefix| {
            config
                .text(&format!("{prefix}security.protocol"))
                .is_some_and(|p| matches!(p.trim().to_ascii_uppercase().as_str(), "SSL" | "SASL_SSL"))
        })
        .map(str::to_string)
}

fn edits_for(config: &Config, prefixes: &[&str], source: Option<&str>) -> (String, Applicability, Vec<Edit>) {
    let Some(source) = source else {
        let edits = prefixes.iter().map(|p| Edit::set(config, &format!("{p}security.protocol"), "SSL")).collect();
        return ("Use TLS (security.protocol=SSL)".to_string(), Applicability::Unsafe, edits);
    };
    let mut edits = Vec::new();
    for prefix in prefixes {
        for entry in config.entries.iter() {
            let Some(suffix) = entry.key.strip_prefix(source) else { continue };
            let is_security = suffix == "security.protocol" || suffix.starts_with("ssl.") || suffix.starts_with("sasl.");
            let Some(value) = entry.text().filter(|_| is_security) else { continue };
            let key = format!("{prefix}{suffix}");
            if config.text(&key) != Some(value) {
                edits.push(Edit::set(config, &key, value));
            }
        }
    }
    let from = if source.is_empty() { "the worker's top-level".to_string() } else { format!("the `{source}`") };
    (format!("Copy {from} TLS settings to these clients"), Applicability::Safe, edits)
}

fn help(source: Option<&str>) -> String {
    match source {
        Some(_) => {
            "Give these clients the same security settings as the worker's secured clients (security.protocol, ssl.*, sasl.*)".to_string()
        }
        None => "Set security.protocol, producer.security.protocol and consumer.security.protocol to SSL or SASL_SSL".to_string(),
    }
}
