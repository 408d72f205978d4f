use super::destination::{self, report};
use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::endpoints::link::{LinkKind, Posture};
use crate::finding::{Category, Severity};

declare_rule! {
    /// ## What it does
    /// Finds database TLS settings whose value the driver refuses, so the connector fails to
    /// start: a misspelt mode (`verify_full` for `verify-full`), an empty one, or a flag that is
    /// not a boolean. Read the way each driver reads them, as the conformance suite
    /// (tests/conformance) found on the real drivers.
    ///
    /// By driver and connector:
    ///
    /// <!-- catalogue -->
    ///
    /// ## Why is this bad?
    /// Nothing crosses the network in plaintext, but the connector never runs, and the quick
    /// way out under pressure is to delete the setting, which leaves the driver's default: for
    /// pgJDBC, `prefer`, which falls back to plaintext. The value meant is almost always the
    /// verified mode; set that instead.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=io.confluent.connect.jdbc.JdbcSinkConnector
    /// connection.url=jdbc:postgresql://orders-db.internal.example.com:5432/orders?sslmode=verify_full
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=io.confluent.connect.jdbc.JdbcSinkConnector
    /// connection.url=jdbc:postgresql://orders-db.internal.example.com:5432/orders?sslmode=verify-full
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the fix sets the verified mode (`sslmode=verify-full`), which needs a database
    /// that offers TLS with a certificate the client trusts.
    ///
    /// ## References
    /// - <https://jdbc.postgresql.org/documentation/use/#connection-parameters>
    pub static RULE = {
        code: "MSK105",
        name: "database-link-setting-refused",
        severity: Severity::Medium,
        category: Category::IneffectiveSetting,
        fix: FixAvailability::Sometimes,
        compliance: &["CWE-1188"],
        covers: &["JDBC (pgJDBC, MariaDB Connector/J 2.x)", "Debezium (PostgreSQL)"],
        catalogue: Some(|| destination::database_catalogue(Posture::Refused)),
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    report(context, LinkKind::Database, Posture::Refused, "Set a value the driver accepts: the verified mode", out);
}
