use super::{declare_rule, Context, Diagnostic, Downgrade, FixAvailability};
use crate::connector::{StrimziKafka, Value};
use crate::endpoints::bootstrap;
use crate::finding::{Category, Severity};

declare_rule! {
    /// ## What it does
    /// Checks the Kafka links of Strimzi resources: a `KafkaConnect`'s `spec.bootstrapServers`,
    /// `spec.tls` and `spec.authentication`, and each cluster of a `KafkaMirrorMaker2`'s
    /// `spec.clusters`. The operator writes the clients' `security.protocol` from these: without
    /// `tls` it is `PLAINTEXT` (or `SASL_PLAINTEXT` with SCRAM, plain or OAuth authentication),
    /// whatever `spec.config` says, since the operator ignores `ssl.`, `sasl.` and `security.`
    /// keys there (MSK130 reports them). The `KafkaConnector` resources that name the cluster
    /// with the `strimzi.io/cluster` label run over this link too.
    ///
    /// ## Why is this bad?
    /// Every record the connectors read or write, the Connect cluster's configuration, offsets
    /// and status cross the network unencrypted. With `plain` authentication the password, and
    /// with `oauth` the access token, go with them in cleartext; reported as critical then.
    /// SCRAM keeps the password off the wire but not the data. Bootstrap servers on a loopback
    /// address cross no network and are reported as info.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: kafka.strimzi.io/v1beta2
    /// kind: KafkaConnect
    /// metadata:
    ///   name: my-connect
    /// spec:
    ///   bootstrapServers: my-cluster-kafka-bootstrap:9092
    ///   authentication:
    ///     type: scram-sha-512
    ///     username: my-connect
    ///     passwordSecret:
    ///       secretName: my-connect
    ///       password: password
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: kafka.strimzi.io/v1beta2
    /// kind: KafkaConnect
    /// metadata:
    ///   name: my-connect
    /// spec:
    ///   bootstrapServers: my-cluster-kafka-bootstrap:9093
    ///   tls:
    ///     trustedCertificates:
    ///       - secretName: my-cluster-cluster-ca-cert
    ///         pattern: "*.crt"
    ///   authentication:
    ///     type: scram-sha-512
    ///     username: my-connect
    ///     passwordSecret:
    ///       secretName: my-connect
    ///       password: password
    /// ```
    ///
    /// ## Fix safety
    /// No automatic fix: `spec.tls` needs the secret that holds the cluster's CA certificate and
    /// the bootstrap address of the TLS listener (9093 on Strimzi's own Kafka clusters).
    ///
    /// ## References
    /// - <https://strimzi.io/docs/operators/latest/configuring.html#type-KafkaConnectSpec-reference>
    /// - <https://strimzi.io/docs/operators/latest/configuring.html#type-KafkaMirrorMaker2ClusterSpec-reference>
    pub static RULE = {
        code: "MSK022",
        name: "strimzi-kafka-link-plaintext",
        severity: Severity::High,
        category: Category::PlaintextTransport,
        fix: FixAvailability::None,
        compliance: &["PCI DSS v4.0.1/4.2.1", "CWE-319"],
        covers: &["Strimzi KafkaConnect", "Strimzi KafkaMirrorMaker2"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let connector = context.connector;
    for kafka in &connector.strimzi_kafka {
        let Some(bootstrap) = &kafka.bootstrap_servers else { continue };
        if kafka.tls.is_some() {
            continue;
        }
        let list = match &bootstrap.value {
            Value::Text(list) => list,
            Value::Unknown { shown } => {
                out.push(
                    Diagnostic::at(
                        kafka.anchor.clone(),
                        None,
                        format!("{}: no tls, and bootstrapServers is `{shown}`, which cannot be known from this input", kafka.label),
                        "Check that it is a TLS listener and add spec.tls",
                    )
                    .downgraded(Some(Downgrade::Unverifiable)),
                );
                continue;
            }
        };
        let loopback = {
            let brokers = bootstrap::parse(list);
            !brokers.is_empty() && brokers.iter().all(|b| b.is_loopback())
        };
        let (consequence, cleartext) = consequence(kafka);
        let runs_here: Vec<String> = context
            .all
            .iter()
            .filter(|c| c.strimzi_cluster.is_some() && c.strimzi_cluster == connector.name)
            .map(|c| c.display_name())
            .collect();
        let connectors = match runs_here.len() {
            0 => String::new(),
            1 => format!("; the KafkaConnector {} runs on this cluster", runs_here[0]),
            _ => format!("; the KafkaConnectors {} run on this cluster", runs_here.join(", ")),
        };
        out.push(
            Diagnostic::at(
                bootstrap.location.clone(),
                None,
                format!("{}: no tls, so the operator connects to {} in plaintext: {consequence}{connectors}", kafka.label, list.trim()),
                "Add tls with the cluster CA's secret under trustedCertificates, and use the TLS listener's bootstrap address",
            )
            .escalated(cleartext)
            .downgraded(loopback.then_some(Downgrade::Loopback)),
        );
    }
}

/// What crosses in the clear, and whether a credential does.
fn consequence(kafka: &StrimziKafka) -> (&'static str, bool) {
    let authentication = kafka.authentication.as_ref().and_then(|f| f.value.text()).map(|t| t.trim().to_ascii_lowercase());
    match authentication.as_deref() {
        Some("plain") => ("SASL/PLAIN sends the password itself in cleartext, and every record with it", true),
        Some("oauth") => ("the OAuth access token crosses in cleartext, and every record with it", true),
        Some(scram) if scram.starts_with("scram") => ("SCRAM keeps the password off the wire, but every record crosses in the clear", false),
        Some("tls") => ("tls authentication needs spec.tls too; without it the operator has no TLS to authenticate over", false),
        _ => ("records, the Connect cluster's configuration, offsets and status cross the network unencrypted", false),
    }
}
