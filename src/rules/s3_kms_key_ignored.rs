use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::finding::{Applicability, Category, Edit, Fix, Severity};

declare_rule! {
    /// ## What it does
    /// Finds a Confluent S3 sink with `s3.sse.kms.key.id` set but `s3.ssea.name` not
    /// `aws:kms` (or `aws:kms:dsse`).
    ///
    /// ## Why is this bad?
    /// The connector uses the KMS key only when `s3.ssea.name=aws:kms`; otherwise the key id is
    /// ignored and objects get whatever the bucket's default encryption is (SSE-S3 for buckets
    /// since January 2023), not the customer-managed key the configuration names. Connector 11.x
    /// (AWS SDK v2) sends no encryption header at all for `aws:kms` without a key id, and 10.x
    /// used the AWS-managed key.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=io.confluent.connect.s3.S3SinkConnector
    /// s3.bucket.name=orders-archive
    /// s3.sse.kms.key.id=arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=io.confluent.connect.s3.S3SinkConnector
    /// s3.bucket.name=orders-archive
    /// s3.ssea.name=aws:kms
    /// s3.sse.kms.key.id=arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: with `aws:kms` the connector's role needs `kms:GenerateDataKey` on the key, or
    /// every write fails.
    ///
    /// ## References
    /// - <https://docs.confluent.io/kafka-connectors/s3-sink/current/configuration_options.html>
    /// - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html>
    pub static RULE = {
        code: "MSK131",
        name: "s3-kms-key-ignored",
        severity: Severity::Low,
        category: Category::IneffectiveSetting,
        fix: FixAvailability::Always,
        compliance: &[],
        covers: &["S3 (Confluent, Aiven, Lenses)"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let connector = context.connector;
    if !connector.class.as_deref().is_some_and(|c| c.starts_with("io.confluent.connect.s3.")) {
        return;
    }
    let config = &connector.config;
    let Some(key_id) = config.get("s3.sse.kms.key.id").filter(|e| e.text().is_some_and(|t| !t.trim().is_empty())) else { return };
    let algorithm = config.text("s3.ssea.name").map(str::trim).unwrap_or("");
    if algorithm.eq_ignore_ascii_case("aws:kms") || algorithm.eq_ignore_ascii_case("aws:kms:dsse") {
        return;
    }
    let stated = if algorithm.is_empty() { "not set".to_string() } else { format!("`{algorithm}`") };
    out.push(
        Diagnostic::at_entry(
            key_id,
            format!("s3.sse.kms.key.id is ignored: it is used only with s3.ssea.name=aws:kms, and s3.ssea.name is {stated}"),
            "Set s3.ssea.name=aws:kms",
        )
        .with_fix(Fix::new("Set s3.ssea.name=aws:kms", Applicability::Unsafe, vec![Edit::set(config, "s3.ssea.name", "aws:kms")])),
    );
}
