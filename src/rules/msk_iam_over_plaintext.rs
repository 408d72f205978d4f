use super::msk_recreate::recreate;
use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::finding::{Applicability, Category, Edit, Fix, Severity};

declare_rule! {
    /// ## What it does
    /// Finds MSK Connect connectors that ask for IAM authentication over a `PLAINTEXT` link.
    ///
    /// ## Why is this bad?
    /// Amazon MSK only offers IAM access control on its TLS listeners (ports 9098, 9198, 20098):
    /// IAM without TLS does not exist. A connector created this way cannot authenticate, and the
    /// usual "fix" people reach for, switching authentication to `NONE`, leaves the link both
    /// unauthenticated and unencrypted.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "connectorName": "orders-sink",
    ///   "kafkaCluster": { "apacheKafkaCluster": { "bootstrapServers": "b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9098" } },
    ///   "kafkaClusterEncryptionInTransit": { "encryptionType": "PLAINTEXT" },
    ///   "kafkaClusterClientAuthentication": { "authenticationType": "IAM" }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "connectorName": "orders-sink",
    ///   "kafkaCluster": { "apacheKafkaCluster": { "bootstrapServers": "b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9098" } },
    ///   "kafkaClusterEncryptionInTransit": { "encryptionType": "TLS" },
    ///   "kafkaClusterClientAuthentication": { "authenticationType": "IAM" }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: setting `TLS` means re-creating the connector.
    ///
    /// ## References
    /// - <https://docs.aws.amazon.com/msk/latest/developerguide/port-info.html>
    /// - <https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html>
    pub static RULE = {
        code: "MSK003",
        name: "msk-iam-over-plaintext",
        severity: Severity::Medium,
        category: Category::InconsistentSetting,
        fix: FixAvailability::Sometimes,
        compliance: &[],
        covers: &["MSK Connect cluster link"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let connector = context.connector;
    let Some(cluster) = &connector.cluster else { return };
    if !cluster.uses_iam() {
        return;
    }
    let plaintext = cluster.encryption_in_force().is_some_and(|text| text.eq_ignore_ascii_case("PLAINTEXT"));
    if !plaintext {
        return;
    }
    let Some(auth) = &cluster.authentication_type else { return };
    let edit = cluster.encryption_type.as_ref().map(|field| Edit {
        key: None,
        pointer: field.location.pointer.clone(),
        value: Some("TLS".to_string()),
    });
    out.push(
        Diagnostic::at(
            auth.location.clone(),
            None,
            format!(
                "{} is IAM but {} is {}: MSK offers IAM only on its TLS listeners, so this connector cannot authenticate",
                cluster.names.authentication,
                cluster.names.encryption,
                cluster.encryption().and_then(|v| v.text()).map(str::trim).unwrap_or("not set (PLAINTEXT)")
            ),
            "Keep IAM and re-create the connector with encryption in transit TLS",
        )
        .with_fix(Fix::new(
            "Set encryption in transit to TLS (re-creates the connector)",
            Applicability::Unsafe,
            edit.into_iter().collect(),
        ))
        .with_remediation(recreate(connector, "TLS", "IAM", "IAM bootstrap brokers (port 9098)")),
    );
}
