use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::connector::Format;
use crate::finding::{Applicability, Category, Edit, Fix, Severity};

const REFUSED_PREFIXES: [&str; 17] = [
    "access.control.",
    "admin.",
    "admin.listeners.https.",
    "client.",
    "connect.",
    "inter.worker.",
    "internal.",
    "listeners.https.",
    "metrics.",
    "metrics.context.",
    "rest.",
    "sasl.",
    "security.",
    "socket.",
    "ssl.",
    "topic.tracking.",
    "worker.",
];

const REFUSED_KEYS: [&str; 13] = [
    "bootstrap.servers",
    "config.storage.topic",
    "connections.max.idle.ms",
    "connector.client.config.override.policy",
    "group.id",
    "listeners",
    "metric.reporters",
    "plugin.path",
    "receive.buffer.bytes",
    "response.http.headers.config",
    "scheduled.rebalance.max.delay.ms",
    "send.buffer.bytes",
    "status.storage.topic",
];

const PRODUCER_ALLOWED: [&str; 16] = [
    "acks",
    "batch.size",
    "buffer.memory",
    "compression.type",
    "enable.idempotence",
    "key.serializer",
    "linger.ms",
    "max.request.size",
    "metadata.max.age.ms",
    "metadata.max.idle.ms",
    "partitioner.class",
    "reconnect.backoff.max.ms",
    "reconnect.backoff.ms",
    "request.timeout.ms",
    "retry.backoff.ms",
    "value.serializer",
];

const CONSUMER_ALLOWED: [&str; 19] = [
    "allow.auto.create.topics",
    "auto.offset.reset",
    "check.crcs",
    "fetch.max.bytes",
    "fetch.max.wait.ms",
    "fetch.min.bytes",
    "heartbeat.interval.ms",
    "key.deserializer",
    "max.partition.fetch.bytes",
    "max.poll.interval.ms",
    "max.poll.records",
    "metadata.max.age.ms",
    "partition.assignment.strategy",
    "reconnect.backoff.max.ms",
    "reconnect.backoff.ms",
    "request.timeout.ms",
    "retry.backoff.ms",
    "session.timeout.ms",
    "value.deserializer",
];

declare_rule! {
    /// ## What it does
    /// Finds keys in an MSK Connect custom worker configuration that MSK Connect does not
    /// support: the `security.`, `ssl.`, `sasl.`, `admin.`, `client.`, `rest.` (and other)
    /// prefixes, keys such as `bootstrap.servers` and `connector.client.config.override.policy`,
    /// and `producer.` / `consumer.` keys outside the short tuning list MSK Connect accepts.
    ///
    /// ## Why is this bad?
    /// Such a key does not take effect, so it gives false comfort: the common
    /// `producer.ssl.endpoint.identification.algorithm=https` secures nothing (it is Kafka's
    /// default anyway, and not accepted here). On MSK Connect the worker's link to the cluster is
    /// set only by the connector's encryption in transit and authentication (see MSK001, MSK002);
    /// Kafka clients that a connector creates itself are secured inside the connector
    /// configuration (see MSK010).
    ///
    /// ## Example
    /// ```properties
    /// key.converter=org.apache.kafka.connect.storage.StringConverter
    /// producer.ssl.endpoint.identification.algorithm=https
    /// consumer.security.protocol=SSL
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// key.converter=org.apache.kafka.connect.storage.StringConverter
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the fix removes keys that do not take effect.
    ///
    /// ## References
    /// - <https://docs.aws.amazon.com/msk/latest/developerguide/msk-connect-workers.html>
    /// - <https://docs.aws.amazon.com/msk/latest/developerguide/msk-connect-supported-worker-config-properties.html>
    pub static RULE = {
        code: "MSK021",
        name: "msk-worker-refused-key",
        severity: Severity::Low,
        category: Category::IneffectiveSetting,
        fix: FixAvailability::Always,
        compliance: &[],
        covers: &["MSK Connect worker configurations"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let connector = context.connector;
    if connector.format != Format::MskWorkerConfiguration {
        return;
    }
    for entry in &connector.config.entries {
        let key = entry.key.as_str();
        let why = if let Some(setting) = key.strip_prefix("producer.") {
            (!PRODUCER_ALLOWED.contains(&setting)).then_some("MSK Connect accepts only a short list of producer. tuning keys")
        } else if let Some(setting) = key.strip_prefix("consumer.") {
            (!CONSUMER_ALLOWED.contains(&setting)).then_some("MSK Connect accepts only a short list of consumer. tuning keys")
        } else if REFUSED_KEYS.contains(&key) {
            Some("MSK Connect sets this key itself")
        } else if let Some(prefix) = REFUSED_PREFIXES.iter().find(|p| key.starts_with(*p)) {
            Some(if matches!(*prefix, "security." | "ssl." | "sasl.") {
                "MSK Connect does not accept security keys here"
            } else {
                "MSK Connect does not accept this prefix here"
            })
        } else {
            None
        };
        let Some(why) = why else { continue };
        let security = ["security.", "ssl.", "sasl."].iter().any(|s| key.contains(s));
        let tail = if security {
            "; the link to the cluster is set by the connector's encryption in transit (TLS) and authentication (IAM)"
        } else {
            ""
        };
        out.push(
            Diagnostic::at_entry(entry, format!("{key} has no effect in an MSK Connect worker configuration: {why}{tail}"), "Remove it")
                .with_fix(Fix::new(format!("Remove {key}"), Applicability::Safe, vec![Edit::remove(entry)])),
        );
    }
}
