use super::destination::{self, report};
use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::endpoints::link::{LinkKind, Posture};
use crate::finding::{Category, Severity};

declare_rule! {
    /// ## What it does
    /// Finds database connections that encrypt but accept any certificate.
    ///
    ///
    /// By driver and connector:
    ///
    /// <!-- catalogue -->
    ///
    /// ## Why is this bad?
    /// Encryption without authentication of the server stops a passive eavesdropper only. Anyone
    /// who can redirect the connection (DNS, ARP, a compromised hop) presents their own
    /// certificate, reads the credentials and the data, and forwards them.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "connector.class": "io.debezium.connector.sqlserver.SqlServerConnector",
    ///   "database.hostname": "sql.internal.example.com",
    ///   "topic.prefix": "erp",
    ///   "database.encrypt": "true",
    ///   "database.trustServerCertificate": "true"
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "connector.class": "io.debezium.connector.sqlserver.SqlServerConnector",
    ///   "database.hostname": "sql.internal.example.com",
    ///   "topic.prefix": "erp",
    ///   "database.encrypt": "true",
    ///   "driver.trustStore": "/opt/certs/sql-ca.jks"
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: verification fails until the JVM (or the driver's truststore setting) trusts the
    /// database's CA.
    ///
    /// ## References
    /// - <https://learn.microsoft.com/en-us/sql/connect/jdbc/configuring-the-client-for-ssl-encryption>
    pub static RULE = {
        code: "MSK102",
        name: "database-link-certificate-unverified",
        severity: Severity::Medium,
        category: Category::UnverifiedTls,
        fix: FixAvailability::Sometimes,
        compliance: &["CWE-295"],
        covers: &["JDBC (Confluent, Aiven)", "Debezium (MySQL, MariaDB, PostgreSQL, SQL Server, Oracle, Db2)", "Confluent Cloud managed JDBC and CDC"],
        catalogue: Some(|| destination::database_catalogue(Posture::CertificateUnverified)),
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    report(context, LinkKind::Database, Posture::CertificateUnverified, "Verify the server's certificate and host name", out);
}
