use super::destination::{self, report};
use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::endpoints::link::{LinkKind, Posture};
use crate::finding::{Category, Severity};

declare_rule! {
    /// ## What it does
    /// Finds database connections that use TLS only when the server offers it and otherwise
    /// carry on in plaintext without a word. The Debezium version is read from the key names (1.x
    /// uses `database.history.*`); the `assume.debezium` option states it.
    ///
    ///
    /// By driver and connector:
    ///
    /// <!-- catalogue -->
    ///
    /// ## Why is this bad?
    /// Opportunistic TLS gives no protection against the attacker it is meant for: anyone who
    /// can tamper with the connection can strip the server's TLS offer, and the driver then
    /// sends credentials and data in plaintext. The configuration looks encrypted in a test
    /// environment and silently is not in production. It also checks no certificate when it
    /// does use TLS.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=io.confluent.connect.jdbc.JdbcSinkConnector
    /// connection.url=jdbc:mysql://orders.cluster-abc.us-east-1.rds.amazonaws.com:3306/orders
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=io.confluent.connect.jdbc.JdbcSinkConnector
    /// connection.url=jdbc:mysql://orders.cluster-abc.us-east-1.rds.amazonaws.com:3306/orders?sslMode=VERIFY_IDENTITY&trustCertificateKeyStoreUrl=file:/opt/certs/rds-truststore.jks
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the fix asks for verified TLS (`sslMode=VERIFY_IDENTITY`, `sslmode=verify-full`,
    /// `database.ssl.mode=verify_identity`). The JVM must trust the database's CA.
    ///
    /// ## References
    /// - <https://issues.redhat.com/browse/DBZ-6340>
    pub static RULE = {
        code: "MSK101",
        name: "database-link-tls-fallback",
        severity: Severity::High,
        category: Category::PlaintextTransport,
        fix: FixAvailability::Sometimes,
        compliance: &["PCI DSS v4.0.1/4.2.1", "CWE-319"],
        covers: &["JDBC (Confluent, Aiven)", "Debezium (MySQL, MariaDB, PostgreSQL, SQL Server, Oracle, Db2)", "Confluent Cloud managed JDBC and CDC"],
        catalogue: Some(|| destination::database_catalogue(Posture::Fallback)),
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    report(context, LinkKind::Database, Posture::Fallback, "Require TLS with certificate and host name verification", out);
}
