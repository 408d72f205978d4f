use super::destination::report;
use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::endpoints::link::{LinkKind, Posture};
use crate::finding::{Category, Severity};

declare_rule! {
    /// ## What it does
    /// Finds database connections that encrypt but accept any certificate: MySQL
    /// `sslMode=REQUIRED` (or the deprecated `useSSL=true&requireSSL=true`), PostgreSQL and
    /// Redshift `sslmode=require`, `sslfactory=...NonValidatingFactory`, SQL Server
    /// `trustServerCertificate=true`, MariaDB `sslMode=trust`, ClickHouse `sslmode=none`, jTDS
    /// `ssl=require`, Oracle native network encryption without TLS, and the Debezium
    /// equivalents (`database.ssl.mode=required`, `database.sslmode=require`,
    /// `driver.trustServerCertificate=true`).
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
    /// - <https://jdbc.postgresql.org/documentation/ssl/>
    pub static RULE = {
        code: "MSK102",
        name: "database-link-certificate-unverified",
        severity: Severity::Medium,
        category: Category::UnverifiedTls,
        fix: FixAvailability::Sometimes,
        references: &[
            "https://learn.microsoft.com/en-us/sql/connect/jdbc/configuring-the-client-for-ssl-encryption",
            "https://jdbc.postgresql.org/documentation/ssl/",
        ],
        compliance: &["CWE-295"],
        covers: &["JDBC (Confluent, Aiven)", "Debezium (MySQL, MariaDB, PostgreSQL, SQL Server, Oracle, Db2)", "Confluent Cloud managed JDBC and CDC"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    report(context, LinkKind::Database, Posture::CertificateUnverified, |_| false, "Verify the server's certificate and host name", out);
}
