use super::msk_recreate::recreate;
use super::{declare_rule, Context, Diagnostic, Downgrade, FixAvailability};
use crate::connector::Value;
use crate::finding::{Applicability, Category, Edit, Fix, Severity};

declare_rule! {
    /// ## What it does
    /// Checks that an MSK Connect connector talks to its Kafka cluster over TLS:
    /// `kafkaClusterEncryptionInTransit.encryptionType` (CloudFormation `EncryptionType`, Terraform
    /// `encryption_type`) must be `TLS`.
    ///
    /// ## Why is this bad?
    /// With `PLAINTEXT`, every record the connector reads or writes, and the worker's offsets,
    /// configs and status, cross the VPC unencrypted. The Terraform provider defaults the field to
    /// `PLAINTEXT` when the block is empty or absent; the API and CloudFormation require it. This is
    /// what AWS Security Hub control MSK.3 checks on deployed connectors; this rule finds it before
    /// deployment. Encryption cannot be changed on an existing connector: it must be re-created.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "connectorName": "orders-sink",
    ///   "connectorConfiguration": { "connector.class": "io.confluent.connect.s3.S3SinkConnector" },
    ///   "kafkaCluster": { "apacheKafkaCluster": { "bootstrapServers": "b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9092" } },
    ///   "kafkaClusterEncryptionInTransit": { "encryptionType": "PLAINTEXT" },
    ///   "kafkaClusterClientAuthentication": { "authenticationType": "NONE" }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "connectorName": "orders-sink",
    ///   "connectorConfiguration": { "connector.class": "io.confluent.connect.s3.S3SinkConnector" },
    ///   "kafkaCluster": { "apacheKafkaCluster": { "bootstrapServers": "b-1.demo.abc123.c2.kafka.us-east-1.amazonaws.com:9098" } },
    ///   "kafkaClusterEncryptionInTransit": { "encryptionType": "TLS" },
    ///   "kafkaClusterClientAuthentication": { "authenticationType": "IAM" }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the edit sets `TLS`, but the connector must be re-created, and its bootstrap servers
    /// must point at a TLS listener (port 9094, or 9098 with IAM). The remediation gives the
    /// console steps, the AWS CLI command, Terraform and CloudFormation.
    ///
    /// ## References
    /// - <https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html#msk-3>
    /// - <https://docs.aws.amazon.com/msk/latest/developerguide/mkc-create-connector-intro.html>
    /// - <https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mskconnect_connector>
    pub static RULE = {
        code: "MSK001",
        name: "msk-cluster-link-plaintext",
        severity: Severity::High,
        category: Category::PlaintextTransport,
        fix: FixAvailability::Always,
        compliance: &["AWS Security Hub MSK.3", "PCI DSS v4.0.1/4.2.1"],
        covers: &["MSK Connect cluster link"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let connector = context.connector;
    let Some(cluster) = &connector.cluster else { return };
    let name = cluster.names.encryption;
    let authentication = if cluster.uses_iam() { "IAM" } else { "NONE" };
    let bootstrap_hint = if cluster.uses_iam() { "IAM bootstrap brokers (port 9098)" } else { "TLS bootstrap brokers (port 9094)" };
    let remediation = recreate(connector, "TLS", authentication, bootstrap_hint);
    let diagnostic = match &cluster.encryption_type {
        Some(field) => match &field.value {
            Value::Unknown { shown } => {
                out.push(
                    Diagnostic::at(
                        field.location.clone(),
                        None,
                        format!("{name} is `{shown}`, which cannot be known from this input: the connector may talk to Kafka in plaintext"),
                        "Check that the value resolves to TLS when deployed",
                    )
                    .downgraded(Some(Downgrade::Unverifiable)),
                );
                return;
            }
            Value::Text(text) if text.trim().eq_ignore_ascii_case("TLS") => return,
            Value::Text(text) => {
                let edit = Edit { key: None, pointer: field.location.pointer.clone(), value: Some("TLS".to_string()) };
                Diagnostic::at(
                    field.location.clone(),
                    None,
                    format!("{name} is `{text}`: records, offsets and connector state cross the network to Kafka unencrypted"),
                    "Re-create the connector with encryption in transit TLS (it cannot be changed in place)",
                )
                .with_fix(Fix::new(
                    "Set encryption in transit to TLS (re-creates the connector)",
                    Applicability::Unsafe,
                    vec![edit],
                ))
            }
        },
        None => {
            let message = if cluster.defaults_apply {
                format!("{name} is not set, and the Terraform provider then uses PLAINTEXT: the connector talks to Kafka unencrypted")
            } else {
                format!("{name} is missing: the API requires it, and without TLS the connector talks to Kafka unencrypted")
            };
            let pointer = format!("{}/{}", cluster.anchor.pointer, name.replace('.', "/"));
            let edit = Edit { key: None, pointer, value: Some("TLS".to_string()) };
            Diagnostic::at(cluster.anchor.clone(), None, message, "Create the connector with encryption in transit TLS").with_fix(Fix::new(
                "Add encryption in transit TLS",
                Applicability::DisplayOnly,
                vec![edit],
            ))
        }
    };
    out.push(diagnostic.with_remediation(remediation));
}
