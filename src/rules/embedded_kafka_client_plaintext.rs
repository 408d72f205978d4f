use super::{declare_rule, Context, Diagnostic, Downgrade, FixAvailability};
use crate::connector::{ConfigEntry, Value};
use crate::endpoints::bootstrap::MskAuth;
use crate::endpoints::kafka::{
    bootstrap_facts, iam_edits, iam_is_implied, protocol_is_plaintext, EMBEDDED_CLIENTS, OVERRIDE_PREFIXES,
};
use crate::finding::{Applicability, Category, Edit, Fix, Severity};

declare_rule! {
    /// ## What it does
    /// Finds Kafka clients inside a connector's configuration that connect in plaintext: the
    /// connector's client overrides (`producer.override.`, `consumer.override.`,
    /// `admin.override.`), Debezium's schema history clients (`schema.history.internal.producer.`
    /// and `.consumer.`; `database.history.` in Debezium 1.x) and its Kafka signal channel
    /// (`signal.kafka.bootstrap.servers` with `signal.consumer.`), MirrorMaker 2 (`source.cluster.`,
    /// `target.cluster.`), Confluent's license topic client (`confluent.topic.`), the HTTP sink's
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
    let connector = context.connector;
    if connector.is_worker() {
        return;
    }
    let config = &connector.config;
    for prefix in OVERRIDE_PREFIXES {
        let Some(entry) = config.get(&format!("{prefix}security.protocol")) else { continue };
        report_explicit(context, entry, prefix, None, "the connector's own client override", out);
    }
    for client in &EMBEDDED_CLIENTS {
        let bootstrap = config.get(client.bootstrap_key).filter(|e| e.text().is_none_or(|t| !t.trim().is_empty()));
        let mut missing = Vec::new();
        for prefix in client.prefixes {
            match config.get(&format!("{prefix}security.protocol")) {
                Some(entry) => report_explicit(context, entry, prefix, bootstrap, client.label, out),
                None if bootstrap.is_some() => missing.push(*prefix),
                None => {}
            }
        }
        let Some(bootstrap) = bootstrap else { continue };
        if missing.is_empty() {
            continue;
        }
        let keys: Vec<String> = missing.iter().map(|p| format!("{p}security.protocol")).collect();
        let facts = bootstrap_facts(&bootstrap.value);
        let consequence = match facts.as_ref().and_then(|f| f.msk_tls) {
            Some(true) => " (against this MSK TLS listener it cannot even connect)",
            _ => "",
        };
        let message = format!(
            "{}: {} is set but {} {}, so {} in PLAINTEXT, Kafka's default; these clients do not inherit the worker's security settings{consequence}",
            client.label,
            client.bootstrap_key,
            keys.join(" and "),
            if keys.len() == 1 { "is not" } else { "are not" },
            if keys.len() == 1 { "that client connects" } else { "those clients connect" },
        );
        let (fix_title, applicability, edits) = secure_edits(context, &missing, Some(bootstrap));
        out.push(
            Diagnostic::at_entry(bootstrap, message, help(context, Some(bootstrap)))
                .with_fix(Fix::new(fix_title, applicability, edits))
                .downgraded(loopback(Some(bootstrap))),
        );
    }
}

fn report_explicit(
    context: &Context,
    entry: &ConfigEntry,
    prefix: &str,
    bootstrap: Option<&ConfigEntry>,
    label: &str,
    out: &mut Vec<Diagnostic>,
) {
    let config = &context.connector.config;
    match &entry.value {
        Value::Unknown { shown } => out.push(
            Diagnostic::at_entry(
                entry,
                format!("{label}: {} is `{shown}`, which cannot be known from this input", entry.key),
                "Check that it resolves to SSL or SASL_SSL",
            )
            .downgraded(Some(Downgrade::Unverifiable)),
        ),
        Value::Text(protocol) if protocol_is_plaintext(protocol.trim()) => {
            let message = format!("{label}: {} is `{}`, so this client's data crosses the network unencrypted", entry.key, protocol.trim());
            let (title, applicability, edits) =
                if protocol.trim().eq_ignore_ascii_case("SASL_PLAINTEXT") && !iam_is_implied(context.connector, bootstrap) {
                    ("Use SASL_SSL".to_string(), Applicability::Unsafe, vec![Edit::set(config, &entry.key, "SASL_SSL")])
                } else {
                    secure_edits(context, &[prefix], bootstrap)
                };
            out.push(
                Diagnostic::at_entry(entry, message, help(context, bootstrap))
                    .with_fix(Fix::new(title, applicability, edits))
                    .downgraded(loopback(bootstrap)),
            );
        }
        Value::Text(_) => {}
    }
}

fn secure_edits(
    context: &Context,
    prefixes: &[&str],
    bootstrap: Option<&ConfigEntry>,
) -> (String, Applicability, Vec<crate::finding::Edit>) {
    let connector = context.connector;
    let config = &connector.config;
    if iam_is_implied(connector, bootstrap) {
        let cluster_iam = connector.cluster.as_ref().is_some_and(|c| c.uses_iam());
        let applicability = if cluster_iam { Applicability::Safe } else { Applicability::Unsafe };
        return ("Use MSK IAM authentication over TLS (SASL_SSL)".to_string(), applicability, iam_edits(config, prefixes));
    }
    let tls_listener =
        bootstrap.and_then(|b| bootstrap_facts(&b.value)).is_some_and(|f| f.msk_tls == Some(true) && f.msk_auth == Some(MskAuth::None));
    let applicability = if tls_listener { Applicability::Safe } else { Applicability::Unsafe };
    let edits = prefixes.iter().map(|p| Edit::set(config, &format!("{p}security.protocol"), "SSL")).collect();
    ("Use TLS (security.protocol=SSL)".to_string(), applicability, edits)
}

fn help(context: &Context, bootstrap: Option<&ConfigEntry>) -> String {
    if iam_is_implied(context.connector, bootstrap) {
        "Give the client the MSK IAM settings: security.protocol=SASL_SSL, sasl.mechanism=AWS_MSK_IAM, the IAM login module and callback handler".to_string()
    } else {
        "Set security.protocol to SSL (or SASL_SSL with SASL) and point the bootstrap servers at a TLS listener".to_string()
    }
}

fn loopback(bootstrap: Option<&ConfigEntry>) -> Option<Downgrade> {
    bootstrap.and_then(|b| bootstrap_facts(&b.value)).filter(|f| f.all_loopback).map(|_| Downgrade::Loopback)
}
