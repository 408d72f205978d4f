use super::{declare_rule, Context, Diagnostic, Downgrade, FixAvailability};
use crate::connector::{Config, ConfigEntry, Value};
use crate::endpoints::kafka::{iam_edits, protocol_is_plaintext, KafkaLink, Protocol};
use crate::finding::{Applicability, Category, Edit, Fix, Severity};

declare_rule! {
    /// ## What it does
    /// Finds Kafka clients inside a connector's configuration that connect in plaintext: the
    /// connector's client overrides (`producer.override.`, `consumer.override.`,
    /// `admin.override.`), Debezium's schema history clients (`schema.history.internal.producer.`
    /// and `.consumer.`; `database.history.` in Debezium 1.x) and its Kafka signal channel
    /// (`signal.kafka.bootstrap.servers` with `signal.consumer.`), MirrorMaker 2 (`source.cluster.`,
    /// `target.cluster.`; in dedicated mode, `connect-mirror-maker.properties`, each alias of `clusters`
    /// with its `<alias>.` settings or the top-level ones), Confluent's license topic client (`confluent.topic.`), the HTTP sink's
    /// reporter (`reporter.admin.`, `reporter.producer.`) and Replicator (`src.kafka.`,
    /// `dest.kafka.`), and the Debezium Cassandra agent (`kafka.producer.`). A client is plaintext when its `security.protocol` is `PLAINTEXT` or
    /// `SASL_PLAINTEXT`, or when its bootstrap servers are set and `security.protocol` is not:
    /// Kafka's default is `PLAINTEXT`.
    ///
    /// ## Why is this bad?
    /// These clients do not inherit the worker's security settings, nor MSK Connect's
    /// encryption in transit: they get only their bootstrap list and their own prefixed settings.
    /// Debezium's schema history holds the DDL of every captured table, and MirrorMaker moves whole
    /// topics. Against an MSK cluster with only TLS listeners the client fails to connect;
    /// against one with a plaintext listener its data crosses the network in the clear. Bootstrap
    /// servers on a loopback address cross no network and are reported as info.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=io.debezium.connector.mysql.MySqlConnector
    /// schema.history.internal.kafka.bootstrap.servers=b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9092
    /// schema.history.internal.kafka.topic=schema-changes.inventory
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=io.debezium.connector.mysql.MySqlConnector
    /// schema.history.internal.kafka.bootstrap.servers=b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9098
    /// schema.history.internal.kafka.topic=schema-changes.inventory
    /// schema.history.internal.producer.security.protocol=SASL_SSL
    /// schema.history.internal.producer.sasl.mechanism=AWS_MSK_IAM
    /// schema.history.internal.producer.sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;
    /// schema.history.internal.producer.sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler
    /// schema.history.internal.consumer.security.protocol=SASL_SSL
    /// schema.history.internal.consumer.sasl.mechanism=AWS_MSK_IAM
    /// schema.history.internal.consumer.sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;
    /// schema.history.internal.consumer.sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler
    /// ```
    ///
    /// ## Fix safety
    /// Safe when the connector's MSK Connect link already uses IAM: the fix gives the client the
    /// same IAM settings (`SASL_SSL`, `AWS_MSK_IAM`, the IAM login module and callback handler).
    /// Unsafe otherwise: the fix sets `SSL` (or turns `SASL_PLAINTEXT` into `SASL_SSL`), which
    /// needs the bootstrap servers to be a TLS listener (9094 on MSK) and, for private CAs, a
    /// truststore.
    ///
    /// ## References
    /// - <https://debezium.io/documentation/reference/stable/connectors/mysql.html#debezium-mysql-connector-pass-through-database-history-properties-for-configuring-producer-and-consumer-clients>
    /// - <https://docs.aws.amazon.com/msk/latest/developerguide/mkc-debeziumsource-connector-example.html>
    /// - <https://cwiki.apache.org/confluence/display/KAFKA/KIP-458%3A+Connector+Client+Config+Override+Policy>
    pub static RULE = {
        code: "MSK010",
        name: "embedded-kafka-client-plaintext",
        severity: Severity::High,
        category: Category::PlaintextTransport,
        fix: FixAvailability::Always,
        compliance: &["PCI DSS v4.0.1/4.2.1"],
        covers: &["Kafka clients inside connectors", "Debezium (schema history, signals)", "MirrorMaker 2", "Confluent Replicator", "Confluent HTTP sink", "Confluent proprietary connectors"],
        superseded_by: &["MSK011"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    if context.connector.is_worker() {
        return;
    }
    let config = &context.connector.config;
    for link in context.kafka_links() {
        let mut missing = Vec::new();
        for client in &link.clients {
            match &client.protocol {
                Protocol::Stated(entry) => report_stated(context, link, entry, &client.prefix, out),
                Protocol::Default => missing.push(client.prefix.as_str()),
            }
        }
        let Some(bootstrap) = link.bootstrap.filter(|_| !missing.is_empty()) else { continue };
        let keys: Vec<String> = missing.iter().map(|p| format!("{p}security.protocol")).collect();
        let consequence = match link.facts.as_ref().and_then(|f| f.msk_tls) {
            Some(true) => " (against this MSK TLS listener it cannot even connect)",
            _ => "",
        };
        let message = format!(
            "{}: {} is set but {} {}, so {} in PLAINTEXT, Kafka's default; {}{consequence}",
            link.label,
            bootstrap.key,
            keys.join(" and "),
            if keys.len() == 1 { "is not" } else { "are not" },
            if keys.len() == 1 { "that client connects" } else { "those clients connect" },
            link.scope,
        );
        out.push(
            Diagnostic::at_entry(bootstrap, message, help(link))
                .with_fix(secure(config, link, &missing))
                .downgraded(link.loopback().then_some(Downgrade::Loopback)),
        );
    }
}

fn report_stated(context: &Context, link: &KafkaLink, entry: &ConfigEntry, prefix: &str, out: &mut Vec<Diagnostic>) {
    let config = &context.connector.config;
    match &entry.value {
        Value::Unknown { shown } => out.push(
            Diagnostic::at_entry(
                entry,
                format!("{}: {} is `{shown}`, which cannot be known from this input", link.label, entry.key),
                "Check that it resolves to SSL or SASL_SSL",
            )
            .downgraded(Some(Downgrade::Unverifiable)),
        ),
        Value::Text(protocol) if protocol_is_plaintext(protocol.trim()) => {
            let message =
                format!("{}: {} is `{}`, so this client's data crosses the network unencrypted", link.label, entry.key, protocol.trim());
            let fix = if protocol.trim().eq_ignore_ascii_case("SASL_PLAINTEXT") && !link.iam_implied() {
                Fix::new("Use SASL_SSL", Applicability::Unsafe, vec![Edit::set(config, &entry.key, "SASL_SSL")])
            } else {
                secure(config, link, &[prefix])
            };
            out.push(
                Diagnostic::at_entry(entry, message, help(link))
                    .with_fix(fix)
                    .downgraded(link.loopback().then_some(Downgrade::Loopback)),
            );
        }
        Value::Text(_) => {}
    }
}

/// MSK IAM when the link implies it (safe when the connector's own link already is IAM), else TLS
/// (safe only against the MSK TLS listener).
fn secure(config: &Config, link: &KafkaLink, prefixes: &[&str]) -> Option<Fix> {
    if link.iam_implied() {
        let applicability = if link.cluster_iam { Applicability::Safe } else { Applicability::Unsafe };
        return Fix::new("Use MSK IAM authentication over TLS (SASL_SSL)", applicability, iam_edits(config, prefixes));
    }
    let applicability = if link.tls_listener() { Applicability::Safe } else { Applicability::Unsafe };
    let edits = prefixes.iter().map(|p| Edit::set(config, &format!("{p}security.protocol"), "SSL")).collect();
    Fix::new("Use TLS (security.protocol=SSL)", applicability, edits)
}

fn help(link: &KafkaLink) -> String {
    if link.iam_implied() {
        "Give the client the MSK IAM settings: security.protocol=SASL_SSL, sasl.mechanism=AWS_MSK_IAM, the IAM login module and callback handler".to_string()
    } else {
        "Set security.protocol to SSL (or SASL_SSL with SASL) and point the bootstrap servers at a TLS listener".to_string()
    }
}
