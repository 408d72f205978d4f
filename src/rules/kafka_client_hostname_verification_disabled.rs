use crate::endpoints::link::Trust;
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
    /// to weaken it. Reported as low when the client trusts a private CA of its own
    /// (`ssl.truststore.location` or `ssl.truststore.certificates` under the same prefix), and as
    /// medium when it trusts the JVM's default public CA store, as MSK clients normally do (Amazon
    /// MSK brokers present certificates from Amazon's public CA): then a certificate any public CA
    /// issued, for any name, is accepted.
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
        let prefix = entry.key.strip_suffix("ssl.endpoint.identification.algorithm").unwrap_or("");
        let truststores = ["ssl.truststore.location", "ssl.truststore.certificates"].map(|k| format!("{prefix}{k}"));
        // A Strimzi KafkaConnect's clients trust the CA of spec.tls.trustedCertificates.
        let strimzi = prefix.is_empty() && context.connector.strimzi_kafka.first().is_some_and(|k| k.trusted_certificates);
        let trust = match strimzi {
            true => Trust::PrivateCa("spec.tls.trustedCertificates".to_string()),
            false => Trust::from_settings(truststores.iter().filter_map(|k| config.get(k))),
        };
        let (trust, public_store) = match trust {
            Trust::DefaultStore => {
                ("the client trusts the default public CA store, so a certificate any public CA issued for any name is accepted".to_string(), true)
            }
            Trust::PrivateCa(key) => (format!("any certificate the private CA of {key} issued is accepted for any host"), false),
        };
        out.push(
            Diagnostic::at_entry(entry, format!("{} is empty: host name verification is off, and {trust}", entry.key), "Set it to https (the default) or remove it")
                .with_fix(Fix::new("Set it to https", Applicability::Safe, vec![Edit::set(config, &entry.key, "https")]))
                .escalated(public_store),
        );
    }
}
