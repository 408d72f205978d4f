use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::endpoints::kafka::{is_sasl_plain_over_plaintext, prefix_of};
use crate::finding::{Applicability, Category, Edit, Fix, Severity};

declare_rule! {
    /// ## What it does
    /// Finds Kafka clients, in connector or worker configurations, that use SASL/PLAIN over
    /// `SASL_PLAINTEXT`: `security.protocol=SASL_PLAINTEXT` with `sasl.mechanism=PLAIN`, under any
    /// prefix (`producer.`, `schema.history.internal.consumer.`, `source.cluster.`, ...).
    ///
    /// ## Why is this bad?
    /// SASL/PLAIN sends the user name and the password themselves to the broker. Over
    /// `SASL_PLAINTEXT` nothing encrypts them: anyone who can see the traffic can replay the
    /// password, and every record after it crosses in the clear too. (SCRAM and GSSAPI do not
    /// send the password, but their data is still plaintext: MSK010 and MSK020 report those.)
    ///
    /// ## Example
    /// ```properties
    /// connector.class=org.apache.kafka.connect.mirror.MirrorSourceConnector
    /// source.cluster.bootstrap.servers=kafka.internal.example.com:9092
    /// source.cluster.security.protocol=SASL_PLAINTEXT
    /// source.cluster.sasl.mechanism=PLAIN
    /// source.cluster.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="mm2" password="${file:/opt/secrets.properties:mm2.password}";
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=org.apache.kafka.connect.mirror.MirrorSourceConnector
    /// source.cluster.bootstrap.servers=kafka.internal.example.com:9093
    /// source.cluster.security.protocol=SASL_SSL
    /// source.cluster.sasl.mechanism=PLAIN
    /// source.cluster.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="mm2" password="${file:/opt/secrets.properties:mm2.password}";
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: `SASL_SSL` needs a listener that speaks TLS, which usually has another port.
    ///
    /// ## References
    /// - <https://kafka.apache.org/documentation/#security_sasl_plain>
    pub static RULE = {
        code: "MSK011",
        name: "sasl-plain-over-plaintext",
        severity: Severity::Critical,
        category: Category::PlaintextTransport,
        fix: FixAvailability::Always,
        compliance: &["PCI DSS v4.0.1/4.2.1", "CWE-319"],
        covers: &["Kafka clients inside connectors", "Self-managed workers"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let config = &context.connector.config;
    for entry in &config.entries {
        let Some(prefix) = prefix_of(&entry.key, "security.protocol") else { continue };
        if !is_sasl_plain_over_plaintext(config, prefix) {
            continue;
        }
        let client = if prefix.is_empty() { "the client".to_string() } else { format!("the `{prefix}` client") };
        out.push(
            Diagnostic::at_entry(
                entry,
                format!("{} is SASL_PLAINTEXT with {prefix}sasl.mechanism=PLAIN: {client} sends its password in cleartext", entry.key),
                "Use SASL_SSL (SASL over TLS) against the broker's TLS listener",
            )
            .with_fix(Fix::new("Use SASL_SSL", Applicability::Unsafe, vec![Edit::set(config, &entry.key, "SASL_SSL")])),
        );
    }
}
