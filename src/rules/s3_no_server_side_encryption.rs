use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::finding::{Applicability, Category, Edit, Fix, Severity};

declare_rule! {
    /// ## What it does
    /// Finds S3 sinks that ask for no server-side encryption: the Confluent S3 sink without
    /// `s3.ssea.name` and the Aiven S3 sink without `aws.s3.sse.algorithm`. (When a KMS key id is
    /// set but ignored, MSK131 reports it instead.)
    ///
    /// ## Why is this bad?
    /// This is about data at rest, not in transit, so it is information: S3 encrypts new objects
    /// with SSE-S3 by default since January 2023, but only a KMS key of your own gives you
    /// control over who can decrypt and an audit trail of every use. Stating the algorithm also
    /// keeps the objects encrypted if the bucket's default is ever changed.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=io.confluent.connect.s3.S3SinkConnector
    /// s3.bucket.name=orders-archive
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
    /// Unsafe: the fix states SSE-S3 (`AES256`), which changes nothing for buckets with default
    /// encryption; choose `aws:kms` and a key of your own where that matters.
    ///
    /// ## References
    /// - <https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html>
    /// - <https://docs.confluent.io/kafka-connectors/s3-sink/current/configuration_options.html>
    pub static RULE = {
        code: "MSK140",
        name: "s3-no-server-side-encryption",
        severity: Severity::Info,
        category: Category::AtRest,
        fix: FixAvailability::Always,
        compliance: &["AWS Foundational Security Best Practices S3.17 (KMS at rest)"],
        covers: &["S3 (Confluent, Aiven, Lenses)"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let connector = context.connector;
    let class = connector.class.as_deref().unwrap_or("");
    let config = &connector.config;
    let key = if class.starts_with("io.confluent.connect.s3.") {
        if config.text("s3.sse.kms.key.id").is_some_and(|t| !t.trim().is_empty()) {
            return;
        }
        "s3.ssea.name"
    } else if class.starts_with("io.aiven.kafka.connect.s3.") {
        "aws.s3.sse.algorithm"
    } else {
        return;
    };
    if config.text(key).is_some_and(|t| !t.trim().is_empty()) {
        return;
    }
    let Some(anchor) = config.get("s3.bucket.name").or_else(|| config.get("aws.s3.bucket.name")).or_else(|| config.get("connector.class"))
    else {
        return;
    };
    out.push(
        Diagnostic::at_entry(
            anchor,
            format!("{key} is not set: objects get only the bucket's default encryption"),
            format!("Set {key}=aws:kms with a KMS key of your own, or AES256"),
        )
        .with_fix(Fix::new(format!("Set {key}=AES256"), Applicability::Unsafe, vec![Edit::set(config, key, "AES256")])),
    );
}
