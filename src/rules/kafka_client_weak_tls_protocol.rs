use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::finding::{Applicability, Category, Edit, Fix, Severity};

const WEAK: [&str; 5] = ["SSLv2Hello", "SSLv2", "SSLv3", "TLSv1", "TLSv1.1"];

declare_rule! {
    /// ## What it does
    /// Finds TLS 1.0, TLS 1.1 or SSL 3 allowed by `ssl.enabled.protocols` or chosen by
    /// `ssl.protocol`, under any prefix (Kafka clients, `elastic.https.`, `https.` in the HTTP
    /// sink, `connection.` in the Aiven OpenSearch sink).
    ///
    /// ## Why is this bad?
    /// These versions have known weaknesses (BEAST, POODLE, SHA-1 based handshakes) and are
    /// deprecated by RFC 8996. Allowing them lets an attacker in the middle push the connection
    /// down to them. Kafka's own defaults have been TLS 1.2 and 1.3 only since 2.6; older clients
    /// (Kafka 2.0-2.4) still allowed TLS 1.0 and 1.1 by default.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=org.apache.kafka.connect.mirror.MirrorSourceConnector
    /// source.cluster.bootstrap.servers=kafka.internal.example.com:9093
    /// source.cluster.security.protocol=SSL
    /// source.cluster.ssl.enabled.protocols=TLSv1.2,TLSv1.1,TLSv1
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=org.apache.kafka.connect.mirror.MirrorSourceConnector
    /// source.cluster.bootstrap.servers=kafka.internal.example.com:9093
    /// source.cluster.security.protocol=SSL
    /// source.cluster.ssl.enabled.protocols=TLSv1.2,TLSv1.3
    /// ```
    ///
    /// ## Fix safety
    /// Safe: it allows TLS 1.2 and 1.3 (or chooses TLS 1.2), which every supported broker and
    /// JVM speaks.
    ///
    /// ## References
    /// - <https://www.rfc-editor.org/rfc/rfc8996>
    /// - <https://cwiki.apache.org/confluence/display/KAFKA/KIP-573%3A+Enable+TLSv1.3+by+default>
    pub static RULE = {
        code: "MSK013",
        name: "kafka-client-weak-tls-protocol",
        severity: Severity::Low,
        category: Category::WeakTls,
        fix: FixAvailability::Always,
        compliance: &["PCI DSS v4.0.1/4.2.1", "NIST SP 800-52r2"],
        covers: &["Kafka clients inside connectors", "Self-managed workers", "Elasticsearch", "OpenSearch", "HTTP sinks"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let config = &context.connector.config;
    for entry in &config.entries {
        let Some(value) = entry.text() else { continue };
        let (weak, replacement): (Vec<&str>, &str) = if entry.key.ends_with("ssl.enabled.protocols") {
            (value.split(',').map(str::trim).filter(|v| WEAK.iter().any(|w| w.eq_ignore_ascii_case(v))).collect(), "TLSv1.2,TLSv1.3")
        } else if entry.key.ends_with("ssl.protocol") {
            (WEAK.iter().copied().filter(|w| w.eq_ignore_ascii_case(value.trim())).collect(), "TLSv1.2")
        } else {
            continue;
        };
        if weak.is_empty() {
            continue;
        }
        out.push(
            Diagnostic::at_entry(
                entry,
                format!("{} allows {}, which RFC 8996 deprecates", entry.key, weak.join(", ")),
                format!("Allow only TLS 1.2 and 1.3 ({}={replacement})", entry.key),
            )
            .with_fix(Fix::new(
                format!("Set it to {replacement}"),
                Applicability::Safe,
                vec![Edit::set(config, &entry.key, replacement)],
            )),
        );
    }
}
