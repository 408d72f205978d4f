use super::destination::{self, report};
use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::endpoints::link::{LinkKind, Posture};
use crate::finding::{Category, Severity};

declare_rule! {
    /// ## What it does
    /// Finds database connections that check the certificate chain but not that the certificate
    /// names the host. Reported as medium when the driver trusts the JVM's default public CA store
    /// (any certificate any public CA issued, for any name, then passes), and as low when it
    /// trusts a private CA the configuration names (`sslrootcert`, `trustCertificateKeyStoreUrl`,
    /// `trustStore`, ...).
    ///
    /// By driver and connector:
    ///
    /// <!-- catalogue -->
    ///
    /// ## Why is this bad?
    /// Any certificate from a trusted CA passes, whoever it was issued to. With a public or
    /// shared CA (the Amazon RDS CA signs every RDS instance in the region) another database's
    /// certificate is enough to sit in the middle.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=io.confluent.connect.jdbc.JdbcSinkConnector
    /// connection.url=jdbc:mysql://orders.cluster-abc.us-east-1.rds.amazonaws.com:3306/orders?useSSL=true&requireSSL=true&verifyServerCertificate=true
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=io.confluent.connect.jdbc.JdbcSinkConnector
    /// connection.url=jdbc:mysql://orders.cluster-abc.us-east-1.rds.amazonaws.com:3306/orders?sslMode=VERIFY_IDENTITY
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: with host name verification on, a certificate that does not name the host you
    /// connect to (an IP address, a CNAME) is refused; connect by the name in the certificate.
    ///
    /// ## References
    pub static RULE = {
        code: "MSK103",
        name: "database-link-hostname-unverified",
        severity: Severity::Low,
        category: Category::UnverifiedTls,
        fix: FixAvailability::Sometimes,
        compliance: &["CWE-297"],
        covers: &["JDBC (Confluent, Aiven)", "Debezium (MySQL, MariaDB, PostgreSQL, SQL Server, Oracle, Db2)", "Confluent Cloud managed JDBC and CDC"],
        catalogue: Some(|| destination::database_catalogue(Posture::HostnameUnverified)),
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    report(
        context,
        LinkKind::Database,
        Posture::HostnameUnverified,
        "Verify the host name too (VERIFY_IDENTITY, verify-full)",
        out,
    );
}
