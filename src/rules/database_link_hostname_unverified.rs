use super::destination::report;
use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::endpoints::link::{LinkKind, Posture};
use crate::finding::{Category, Severity};

declare_rule! {
    /// ## What it does
    /// Finds database connections that check the certificate chain but not that the certificate
    /// names the host: MySQL `sslMode=VERIFY_CA` and the deprecated
    /// `useSSL=true&requireSSL=true&verifyServerCertificate=true` (which maps to `VERIFY_CA`:
    /// no legacy combination gives `VERIFY_IDENTITY`), PostgreSQL `sslmode=verify-ca`, Redshift
    /// with no `sslmode` (its driver's default is `verify-ca`), MariaDB `verify-ca`, Oracle TCPS
    /// without `oracle.net.ssl_server_dn_match=true` (drivers before 19.15/21.6, such as the ojdbc8
    /// 19.7 the Confluent JDBC connector bundles, do not match the name by default), Db2 with `sslConnection=true` (host name
    /// validation is off unless turned on), and Debezium's `verify_ca` / `verify-ca`.
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
    /// - <https://dev.mysql.com/doc/connector-j/en/connector-j-connp-props-security.html>
    /// - <https://docs.aws.amazon.com/redshift/latest/mgmt/jdbc20-configuration-options.html>
    pub static RULE = {
        code: "MSK103",
        name: "database-link-hostname-unverified",
        severity: Severity::Low,
        category: Category::UnverifiedTls,
        fix: FixAvailability::Sometimes,
        references: &[
            "https://dev.mysql.com/doc/connector-j/en/connector-j-connp-props-security.html",
            "https://docs.aws.amazon.com/redshift/latest/mgmt/jdbc20-configuration-options.html",
        ],
        compliance: &["CWE-297"],
        covers: &["JDBC (Confluent, Aiven)", "Debezium (MySQL, MariaDB, PostgreSQL, SQL Server, Oracle, Db2)", "Confluent Cloud managed JDBC and CDC"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    report(
        context,
        LinkKind::Database,
        Posture::HostnameUnverified,
        |_| false,
        "Verify the host name too (VERIFY_IDENTITY, verify-full)",
        out,
    );
}
