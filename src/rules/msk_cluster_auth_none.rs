use super::msk_recreate::recreate;
use super::{declare_rule, Context, Diagnostic, Downgrade, FixAvailability};
use crate::connector::Value;
use crate::finding::{Applicability, Category, Edit, Fix, Severity};

declare_rule! {
    /// ## What it does
    /// Checks that an MSK Connect connector authenticates to its cluster with IAM:
    /// `kafkaClusterClientAuthentication.authenticationType` must be `IAM`, not `NONE`.
    ///
    /// ## Why is this bad?
    /// `NONE` only works against a cluster that lets unauthenticated clients in (AWS Security Hub
    /// MSK.6 flags such clusters): anything that reaches the brokers can then read and write every
    /// topic. With IAM the connector signs in with its service execution role, over TLS on port
    /// 9098. The Terraform provider defaults the field to `NONE`.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "connectorName": "orders-sink",
    ///   "kafkaCluster": { "apacheKafkaCluster": { "bootstrapServers": "b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9094" } },
    ///   "kafkaClusterEncryptionInTransit": { "encryptionType": "TLS" },
    ///   "kafkaClusterClientAuthentication": { "authenticationType": "NONE" }
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
    /// Unsafe: the connector must be re-created, the cluster must have IAM access control on, the
    /// bootstrap servers must be the IAM listener (9098), and the service execution role needs
    /// `kafka-cluster:*` permissions.
    ///
    /// ## References
    /// - <https://docs.aws.amazon.com/msk/latest/developerguide/msk-connect-service-execution-role.html>
    /// - <https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html#msk-6>
    pub static RULE = {
        code: "MSK002",
        name: "msk-cluster-auth-none",
        severity: Severity::Low,
        category: Category::MissingAuthentication,
        fix: FixAvailability::Always,
        compliance: &["AWS Security Hub MSK.6"],
        covers: &["MSK Connect cluster link"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let connector = context.connector;
    let Some(cluster) = &connector.cluster else { return };
    let name = cluster.names.authentication;
    let remediation = recreate(connector, "TLS", "IAM", "IAM bootstrap brokers (port 9098)");
    let diagnostic = match &cluster.authentication_type {
        Some(field) => match &field.value {
            Value::Unknown { shown } => {
                out.push(
                    Diagnostic::at(
                        field.location.clone(),
                        None,
                        format!("{name} is `{shown}`, which cannot be known from this input"),
                        "Check that it resolves to IAM",
                    )
                    .downgraded(Some(Downgrade::Unverifiable)),
                );
                return;
            }
            Value::Text(text) if !text.trim().eq_ignore_ascii_case("NONE") => return,
            Value::Text(text) => {
                let edit = Edit { key: None, pointer: field.location.pointer.clone(), value: Some("IAM".to_string()) };
                Diagnostic::at(
                    field.location.clone(),
                    None,
                    format!("{name} is `{text}`: the connector does not authenticate, so the cluster must accept unauthenticated clients"),
                    "Re-create the connector with IAM authentication and the cluster's IAM bootstrap brokers (port 9098)",
                )
                .with_fix(Fix::new("Use IAM authentication (re-creates the connector)", Applicability::Unsafe, vec![edit]))
            }
        },
        None => {
            let message = if cluster.defaults_apply {
                format!("{name} is not set, and the Terraform provider then uses NONE: the connector does not authenticate")
            } else {
                format!("{name} is missing: the API requires it; without IAM the connector does not authenticate")
            };
            let pointer = format!("{}/{}", cluster.anchor.pointer, name.replace('.', "/"));
            let edit = Edit { key: None, pointer, value: Some("IAM".to_string()) };
            Diagnostic::at(cluster.anchor.clone(), None, message, "Create the connector with IAM authentication").with_fix(Fix::new(
                "Add IAM authentication",
                Applicability::DisplayOnly,
                vec![edit],
            ))
        }
    };
    out.push(diagnostic.with_remediation(remediation));
}
