use super::destination;
use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::finding::{Category, Severity};

declare_rule! {
    /// ## What it does
    /// Finds JDBC driver settings that allow TLS 1.0 or 1.1 (or SSL 3), in the URL or passed
    /// through.
    ///
    /// The settings, by driver:
    ///
    /// <!-- catalogue -->
    ///
    /// ## Why is this bad?
    /// RFC 8996 deprecates TLS 1.0 and 1.1; allowing them lets an attacker in the middle push the
    /// connection down to them. Current drivers offer only TLS 1.2 and 1.3 unless told otherwise.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=io.confluent.connect.jdbc.JdbcSourceConnector
    /// connection.url=jdbc:mysql://db.internal.example.com:3306/app?sslMode=VERIFY_IDENTITY&tlsVersions=TLSv1.1,TLSv1.2
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=io.confluent.connect.jdbc.JdbcSourceConnector
    /// connection.url=jdbc:mysql://db.internal.example.com:3306/app?sslMode=VERIFY_IDENTITY&tlsVersions=TLSv1.2,TLSv1.3
    /// ```
    ///
    /// ## Fix safety
    /// Safe: every supported database server speaks TLS 1.2.
    ///
    /// ## References
    /// - <https://www.rfc-editor.org/rfc/rfc8996>
    pub static RULE = {
        code: "MSK104",
        name: "database-link-weak-tls-version",
        severity: Severity::Low,
        category: Category::WeakTls,
        fix: FixAvailability::Always,
        compliance: &["PCI DSS v4.0.1/4.2.1", "NIST SP 800-52r2"],
        covers: &["JDBC (Confluent, Aiven)"],
        catalogue: Some(destination::tls_versions_catalogue),
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    for link in context.links() {
        let Some(weak) = &link.weak_tls else { continue };
        out.push(
            Diagnostic::at(
                link.location.clone(),
                Some(&link.key),
                format!("the {} connection ({}) allows {} ({})", link.service, link.key, weak.versions.join(", "), weak.setting),
                "Allow only TLS 1.2 and 1.3",
            )
            .with_fix(weak.fix.clone()),
        );
    }
}
