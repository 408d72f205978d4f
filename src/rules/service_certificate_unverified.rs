use super::destination::report;
use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::endpoints::link::{LinkKind, Posture};
use crate::finding::{Category, Severity};

declare_rule! {
    /// ## What it does
    /// Finds service connections that accept any certificate:
    /// `connection.trust.all.certificates=true` (Aiven OpenSearch sink 4.x),
    /// `http.ssl.trust.all.certs=true` (Aiven HTTP sink), `splunk.hec.ssl.validate.certs=false`,
    /// `redis.insecure=true`, Neo4j's `TRUST_ALL_CERTIFICATES` trust strategy and the
    /// `bolt+ssc://` / `neo4j+ssc://` schemes (self-signed accepted).
    ///
    /// ## Why is this bad?
    /// TLS that trusts every certificate protects only against a passive eavesdropper: anyone
    /// who can redirect the connection presents their own certificate and reads everything,
    /// tokens and passwords included.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=com.splunk.kafka.connect.SplunkSinkConnector
    /// splunk.hec.uri=https://splunk-hec.internal.example.com:8088
    /// splunk.hec.ssl.validate.certs=false
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=com.splunk.kafka.connect.SplunkSinkConnector
    /// splunk.hec.uri=https://splunk-hec.internal.example.com:8088
    /// splunk.hec.ssl.trust.store.path=/opt/certs/splunk-ca.jks
    /// ```
    ///
    /// ## Fix safety
    /// Safe for settings that only switch verification back on; unsafe where a scheme or trust
    /// strategy changes. Either way the JVM, or the connector's truststore setting, must trust
    /// the service's CA.
    ///
    /// ## References
    /// - <https://github.com/splunk/kafka-connect-splunk#configuration-schema-structure>
    /// - <https://neo4j.com/docs/java-manual/current/connect-advanced/>
    pub static RULE = {
        code: "MSK112",
        name: "service-certificate-unverified",
        severity: Severity::Medium,
        category: Category::UnverifiedTls,
        fix: FixAvailability::Always,
        compliance: &["CWE-295"],
        covers: &["OpenSearch", "HTTP sinks", "Splunk", "Redis", "Neo4j"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    report(context, LinkKind::Service, Posture::CertificateUnverified, "Verify the service's certificate", out);
}
