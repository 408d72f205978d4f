use super::destination::{self, report};
use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::endpoints::link::{LinkKind, Posture};
use crate::finding::{Category, Severity};

declare_rule! {
    /// ## What it does
    /// Finds connections from a connector to its database that are not encrypted, read the way
    /// each JDBC driver or Debezium connector reads its settings. Settings passed to the driver outside the URL count too: `connection.<prop>` for the
    /// Confluent JDBC connector (10.0 and later), `database.<prop>` and `driver.<prop>` for
    /// Debezium.
    /// Embedded databases (SQLite, H2 in memory or file) are not network links. When the URL
    /// cannot be known (a config-provider reference, a Terraform value) or the driver is one the
    /// linter does not know, it says so at info level.
    ///
    /// By driver and connector:
    ///
    /// <!-- catalogue -->
    ///
    /// ## Why is this bad?
    /// Every row the connector reads or writes, and the queries themselves, cross the network in
    /// the clear. Sinks often write personal data; CDC sources stream every change of every
    /// captured table. A database on a loopback address crosses no network and is reported as
    /// info.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=io.confluent.connect.jdbc.JdbcSinkConnector
    /// connection.url=jdbc:postgresql://orders-db.internal.example.com:5432/orders?sslmode=disable
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=io.confluent.connect.jdbc.JdbcSinkConnector
    /// connection.url=jdbc:postgresql://orders-db.internal.example.com:5432/orders?sslmode=verify-full&sslrootcert=/opt/certs/rds-ca.pem
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the fix asks the driver for TLS with full verification (`sslMode=VERIFY_IDENTITY`,
    /// `sslmode=verify-full`, `encrypt=true`, ...). The database must offer TLS, and the JVM must
    /// trust its CA (Amazon RDS's CA is not in the JVM's default truststore: give the driver a
    /// truststore, for example with the `s3import` config provider on MSK Connect).
    ///
    /// ## References
    pub static RULE = {
        code: "MSK100",
        name: "database-link-plaintext",
        severity: Severity::High,
        category: Category::PlaintextTransport,
        fix: FixAvailability::Sometimes,
        compliance: &["PCI DSS v4.0.1/4.2.1", "CWE-319"],
        covers: &["JDBC (Confluent, Aiven)", "Debezium (MySQL, MariaDB, PostgreSQL, SQL Server, Oracle, Db2)", "Confluent Cloud managed JDBC and CDC"],
        catalogue: Some(|| destination::database_catalogue(Posture::Plaintext)),
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    report(context, LinkKind::Database, Posture::Plaintext, "Turn TLS on with certificate and host name verification", out);
}
