use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::finding::{Applicability, Category, Edit, Fix, Severity};

declare_rule! {
    /// ## What it does
    /// Finds `ssl.endpoint.identification.algorithm` set to an empty value, under any prefix: the
    /// worker's clients, `producer.`, `consumer.override.`, Debezium's history clients, and the
    /// clients that reuse Kafka's SSL settings for other services (`elastic.https.` in the
    /// Elasticsearch sink, `connection.` in the Aiven OpenSearch sink).
    ///
    /// ## Why is this bad?
    /// An empty value turns host name verification off: the client accepts any certificate its
    /// truststore trusts, for any host, so anyone holding such a certificate can sit in the middle.
    /// The default has been `https` (verification on) since Kafka 2.0, so the key is only ever set
    /// to weaken it.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=io.debezium.connector.mysql.MySqlConnector
    /// schema.history.internal.kafka.bootstrap.servers=b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9094
    /// schema.history.internal.producer.security.protocol=SSL
    /// schema.history.internal.consumer.security.protocol=SSL
    /// schema.history.internal.producer.ssl.endpoint.identification.algorithm=
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=io.debezium.connector.mysql.MySqlConnector
    /// schema.history.internal.kafka.bootstrap.servers=b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9094
    /// schema.history.internal.producer.security.protocol=SSL
    /// schema.history.internal.consumer.security.protocol=SSL
    /// schema.history.internal.producer.ssl.endpoint.identification.algorithm=https
    /// ```
    ///
    /// ## Fix safety
    /// Safe: it sets `https`, the default. A broker whose certificate does not name its host then
    /// fails to connect, which is the point; fix the certificate rather than the check.
    ///
    /// ## References
    /// - <https://cwiki.apache.org/confluence/display/KAFKA/KIP-294+-+Enable+TLS+hostname+verification+by+default>
    /// - <https://kafka.apache.org/documentation/#security_confighostname>
    pub static RULE = {
        code: "MSK012",
        name: "kafka-client-hostname-verification-disabled",
        severity: Severity::Low,
        category: Category::UnverifiedTls,
        fix: FixAvailability::Always,
        references: &[
            "https://cwiki.apache.org/confluence/display/KAFKA/KIP-294+-+Enable+TLS+hostname+verification+by+default",
            "https://kafka.apache.org/documentation/#security_confighostname",
        ],
        compliance: &["CWE-297"],
        covers: &["Kafka clients inside connectors", "Self-managed workers", "Elasticsearch", "OpenSearch"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let config = &context.connector.config;
    for entry in &config.entries {
        if !entry.key.ends_with("ssl.endpoint.identification.algorithm") {
            continue;
        }
        let Some(value) = entry.text() else { continue };
        if !value.trim().is_empty() {
            continue;
        }
        out.push(
            Diagnostic::at_entry(
                entry,
                format!("{} is empty: host name verification is off, so any trusted certificate is accepted for any host", entry.key),
                "Set it to https (the default) or remove it",
            )
            .with_fix(Fix::new("Set it to https", Applicability::Safe, vec![Edit::set(config, &entry.key, "https")])),
        );
    }
}
