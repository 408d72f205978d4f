use super::destination::diagnostic;
use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::endpoints::link::Posture;
use crate::finding::{Category, Severity};

declare_rule! {
    /// ## What it does
    /// Finds unencrypted connections that carry a password or token as it is: HTTP basic auth
    /// (Elasticsearch/OpenSearch `connection.username`/`connection.password`, the HTTP sink's
    /// `auth.type=BASIC`, InfluxDB, a schema registry's `basic.auth.user.info`, `user:pass@`
    /// in a URL), bearer and static `Authorization` headers, Splunk HEC tokens, OAuth2 client
    /// secrets sent to an `http://` token URL, the Redis `AUTH` password, Neo4j and Solace
    /// basic-auth passwords, Cassandra's plain-text authenticator, and MongoDB with
    /// `authMechanism=PLAIN`.
    ///
    /// ## Why is this bad?
    /// The secret itself crosses the network in the clear, on every connection. Whoever sees it
    /// once can replay it from anywhere, long after the traffic is gone. (Database drivers and
    /// MongoDB's default SCRAM do not send the password itself; their plaintext links are
    /// reported by MSK100 and MSK110.)
    ///
    /// ## Example
    /// ```properties
    /// connector.class=io.confluent.connect.elasticsearch.ElasticsearchSinkConnector
    /// connection.url=http://search.internal.example.com:9200
    /// connection.username=kafka-connect
    /// connection.password=${secretsmanager:search:password}
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=io.confluent.connect.elasticsearch.ElasticsearchSinkConnector
    /// connection.url=https://search.internal.example.com:9200
    /// connection.username=kafka-connect
    /// connection.password=${secretsmanager:search:password}
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the service must accept TLS at that address. Rotate the secret after the fix: it
    /// may already have been seen.
    ///
    /// ## References
    /// - <https://datatracker.ietf.org/doc/html/rfc7617#section-4>
    /// - <https://cwe.mitre.org/data/definitions/523.html>
    pub static RULE = {
        code: "MSK111",
        name: "credentials-over-plaintext",
        severity: Severity::Critical,
        category: Category::PlaintextTransport,
        fix: FixAvailability::Sometimes,
        compliance: &["PCI DSS v4.0.1/4.2.1", "CWE-523"],
        covers: &["Elasticsearch", "OpenSearch", "HTTP sinks", "Splunk", "InfluxDB", "Schema registries", "Redis", "Neo4j", "Cassandra", "Solace and IBM MQ", "MongoDB (mongo-kafka, Debezium)"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    for link in context.links() {
        let Some(credentials) = &link.cleartext_credentials else { continue };
        if !matches!(link.posture, Posture::Plaintext | Posture::Fallback) {
            continue;
        }
        let mut found = diagnostic(link, "Use TLS to this service, then rotate the secret");
        found.message = format!("{}; {credentials} crosses it in cleartext", found.message);
        out.push(found);
    }
}
