use super::destination::report;
use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::endpoints::link::{LinkKind, Posture};
use crate::finding::{Category, Severity};

declare_rule! {
    /// ## What it does
    /// Finds service connections that check the certificate but not the host name:
    /// `https.host.verifier.enabled=false` (Confluent HTTP sink), MongoDB's
    /// `tlsAllowInvalidHostnames=true` / `tlsInsecure=true` (in the Java driver both only turn
    /// host name checks off) and Debezium's `mongodb.ssl.invalid.hostname.allowed=true`,
    /// `couchbase.enable.hostname.verification=false`, Cassandra's
    /// `ssl.hostnameValidation=false`, Neo4j's `neo4j.security.hostname-verification-enabled=false`,
    /// and IBM MQ TLS without `mq.ssl.peer.name`.
    ///
    /// ## Why is this bad?
    /// Any certificate from a trusted CA passes, whoever it names: a certificate issued for
    /// another service by the same CA is enough to sit in the middle. Reported as medium when the
    /// client trusts the JVM's default public CA store (then a certificate any public CA issued,
    /// for any name, passes) and as low when it trusts a private CA the configuration names
    /// (`connection.ssl.truststore`, `couchbase.trust.store.path`, `ssl.truststore.path`, ...).
    ///
    /// ## Example
    /// ```properties
    /// connector.class=com.mongodb.kafka.connect.MongoSinkConnector
    /// connection.uri=mongodb://orders-db.internal.example.com:27017/?tls=true&tlsAllowInvalidHostnames=true
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=com.mongodb.kafka.connect.MongoSinkConnector
    /// connection.uri=mongodb://orders-db.internal.example.com:27017/?tls=true
    /// ```
    ///
    /// ## Fix safety
    /// Safe: it removes the setting that turns the check off. Connect by the name the
    /// certificate gives.
    ///
    /// ## References
    /// - <https://www.mongodb.com/docs/manual/reference/connection-string-options/#tls-options>
    /// - <https://docs.couchbase.com/kafka-connector/current/security.html>
    pub static RULE = {
        code: "MSK113",
        name: "service-hostname-unverified",
        severity: Severity::Low,
        category: Category::UnverifiedTls,
        fix: FixAvailability::Sometimes,
        compliance: &["CWE-297"],
        covers: &["HTTP sinks", "MongoDB (mongo-kafka, Debezium)", "Couchbase", "Cassandra", "Neo4j", "Solace and IBM MQ"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    report(context, LinkKind::Service, Posture::HostnameUnverified, "Verify the host name too", out);
}
