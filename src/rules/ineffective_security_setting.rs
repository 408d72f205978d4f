use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::connector::{Connector, Family, Format};
use crate::endpoints::debezium::{TlsSetting, TLS_SETTINGS};
use crate::finding::{Applicability, Category, Edit, Fix, Severity};

declare_rule! {
    /// ## What it does
    /// Finds settings that look like protection but that the connector does not read, so they
    /// protect nothing:
    /// - `s3.sse.enabled`: not a key of the Confluent, Aiven or Lenses S3 sinks (only Trino's
    ///   `hive.s3.sse.enabled` exists); server-side encryption is `s3.ssea.name` (Confluent) or
    ///   `aws.s3.sse.algorithm` (Aiven), and the Lenses S3 sink has no such setting;
    /// - `ssl.ignore.validity`: not a key of any Kafka Connect connector;
    /// - `ssl.mode`, `ssl.truststore.*` and `ssl.keystore.*` on the self-managed Confluent (and
    ///   Aiven) JDBC connectors: they have no `ssl.*` keys and pass only `connection.<prop>` to
    ///   the driver (the fully managed Confluent Cloud connectors, `connector.class=MySqlSink`
    ///   and the like, do read `ssl.mode`);
    /// - `connection.<prop>` on the Aiven JDBC connector, which, unlike Confluent's 10.x, passes
    ///   nothing but `connection.url`, `connection.user` and `connection.password` to the driver;
    /// - `database.ssl.truststore*` on Debezium SQL Server (it passes `database.<prop>` to
    ///   mssql-jdbc, which knows `trustStore`, not `ssl.truststore`: use `driver.trustStore`);
    /// - `database.ssl.mode` on Debezium PostgreSQL (the key is `database.sslmode`) and
    ///   `database.sslmode` on Debezium MySQL or MariaDB (the key is `database.ssl.mode`);
    /// - MySQL Connector/J's deprecated `useSSL`, `requireSSL` and `verifyServerCertificate`
    ///   when `sslMode` is also set (the driver then ignores them);
    /// - MongoDB URI options the Java driver does not implement (`tlsAllowInvalidCertificates`,
    ///   `tlsCAFile`, `tlsCertificateKeyFile`, `tlsCertificateKeyFilePassword`: it logs a warning
    ///   and goes on);
    /// - `redis.insecure` without `redis.tls=true` (the Redis connector reads it only then);
/// - `ssl.*`, `sasl.*` and `security.*` in a Strimzi `KafkaConnect`'s `spec.config` (the
///   operator drops them and sets security from `spec.tls` and `spec.authentication`), except
///   `ssl.endpoint.identification.algorithm`, `ssl.cipher.suites`, `ssl.protocol` and
///   `ssl.enabled.protocols`, which it passes on.
    ///
    /// ## Why is this bad?
    /// A reviewer, or an auditor, reads the key and believes the control is in place. The
    /// connector accepts unknown keys without a word, so nothing ever says otherwise. The real
    /// exposure, if any, is reported by the rule for that link; this rule says which lines to
    /// delete or rewrite so the configuration stops claiming what it does not do.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=io.confluent.connect.jdbc.JdbcSinkConnector
    /// connection.url=jdbc:mysql://orders.cluster-abc.us-east-1.rds.amazonaws.com:3306/orders?sslMode=VERIFY_IDENTITY
    /// ssl.mode=REQUIRED
    /// ssl.truststore.location=/opt/kafka/connect-certs/rds-ca-2019-root.jks
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=io.confluent.connect.jdbc.JdbcSinkConnector
    /// connection.url=jdbc:mysql://orders.cluster-abc.us-east-1.rds.amazonaws.com:3306/orders?sslMode=VERIFY_IDENTITY&trustCertificateKeyStoreUrl=file:/opt/kafka/connect-certs/rds-ca-2019-root.jks
    /// ```
    ///
    /// ## Fix safety
    /// Safe where the fix removes a key or parameter that does nothing. Unsafe where it renames a
    /// misspelt Debezium key to the real one, or moves a truststore to where the driver reads it
    /// (`ssl.truststore.location` to `connection.trustCertificateKeyStoreUrl` for MySQL through
    /// the Confluent JDBC connector), since that changes how the connector connects.
    ///
    /// ## References
    /// - <https://docs.confluent.io/kafka-connectors/jdbc/current/sink-connector/sink_config_options.html>
    /// - <https://docs.confluent.io/kafka-connectors/s3-sink/current/configuration_options.html>
    /// - <https://dev.mysql.com/doc/connector-j/en/connector-j-connp-props-security.html>
    pub static RULE = {
        code: "MSK130",
        name: "ineffective-security-setting",
        severity: Severity::Low,
        category: Category::IneffectiveSetting,
        fix: FixAvailability::Always,
        compliance: &[],
        covers: &["S3 (Confluent, Aiven, Lenses)", "JDBC (Confluent, Aiven)", "Debezium (MySQL, MariaDB, PostgreSQL, SQL Server, Oracle, Db2)", "Elasticsearch", "MongoDB (mongo-kafka, Debezium)", "Redis"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let connector = context.connector;
    let strimzi_connect = connector.format == Format::Strimzi && connector.is_worker();
    if connector.is_worker() && !strimzi_connect {
        return;
    }
    let class = connector.class.as_deref().unwrap_or("");
    let self_managed_jdbc = class.starts_with("io.confluent.connect.jdbc.") || class.starts_with("io.aiven.connect.jdbc.");
    let config = &connector.config;
    for entry in &config.entries {
        let key = entry.key.as_str();
        let removal = |why: String, out: &mut Vec<Diagnostic>| {
            out.push(Diagnostic::at_entry(entry, why, format!("Remove {key}")).with_fix(Fix::new(
                format!("Remove {key}"),
                Applicability::Safe,
                vec![Edit::remove(entry)],
            )));
        };
        if strimzi_connect && strimzi_forbidden(key) {
            removal(
                format!("{key} is ignored in a Strimzi KafkaConnect's spec.config: the operator sets the clients' security from spec.tls and spec.authentication"),
                out,
            );
        } else if key == "s3.sse.enabled" {
            let real = if class.starts_with("io.aiven.") { "aws.s3.sse.algorithm" } else { "s3.ssea.name=AES256 or s3.ssea.name=aws:kms" };
            removal(
                format!("s3.sse.enabled is not a key of any S3 sink connector, so it encrypts nothing; server-side encryption is {real}"),
                out,
            );
        } else if key == "ssl.ignore.validity" {
            removal("ssl.ignore.validity is not a key of any Kafka Connect connector: it changes nothing".to_string(), out);
        } else if let Some(driver_key) = mysql_truststore_equivalent(connector, key) {
            // Confluent's JDBC connector passes connection.<prop> to Connector/J: move the truststore
            // there, so the CA the user meant to trust is the one the driver uses.
            let target = format!("connection.{driver_key}");
            let value = match (driver_key, entry.text()) {
                ("trustCertificateKeyStoreUrl", Some(path)) if !path.contains(':') || path.starts_with('/') => {
                    format!("file:{}", path.trim())
                }
                (_, Some(value)) => value.trim().to_string(),
                (_, None) => continue,
            };
            let mut edits = vec![Edit::remove(entry)];
            if config.get(&target).is_none() {
                edits.push(Edit::set(config, &target, &value));
            }
            out.push(
                Diagnostic::at_entry(
                    entry,
                    format!("{key} is not read by the self-managed JDBC connector (it has no ssl.* keys): Connector/J reads its truststore from {driver_key}, passed as {target}"),
                    format!("Move it to {target}"),
                )
                .with_fix(Fix::new(format!("Move it to {target}"), Applicability::Unsafe, edits)),
            );
        } else if self_managed_jdbc
            && (key == "ssl.mode" || key.starts_with("ssl.truststore.") || key.starts_with("ssl.keystore.") || key == "ssl.key.password")
        {
            let hint = if key == "ssl.mode" {
                "TLS is set in connection.url (sslMode=VERIFY_IDENTITY for MySQL, sslmode=verify-full for PostgreSQL)"
            } else {
                "the driver's truststore is set in connection.url (trustCertificateKeyStoreUrl for MySQL, sslrootcert for PostgreSQL, trustStore for SQL Server)"
            };
            removal(format!("{key} is not read by the self-managed JDBC connector (it has no ssl.* keys, and passes only connection.<prop> to the driver): {hint}"), out);
        } else if class.starts_with("io.aiven.connect.jdbc.")
            && key.starts_with("connection.")
            && !matches!(key, "connection.url" | "connection.user" | "connection.password")
        {
            removal(format!("{key} is not passed to the driver by the Aiven JDBC connector (only Confluent's JDBC connector 10.0 and later passes connection.<prop>): put it in connection.url"), out);
        } else if let Some((setting, spelt_as)) = debezium_tls_misspelt(connector.family, key) {
            // The value in the family's own spelling: as it is when the family knows it, else the
            // mode of the family whose key was used, translated.
            let value = |v: &str| {
                let own = setting.table.find(v).map(|m| m.value);
                own.or_else(|| spelt_as.table.translate(v, setting.table)).map(str::to_ascii_lowercase)
            };
            rename(connector, entry, setting.key, value, out);
        } else if connector.family == Family::DebeziumSqlserver && key.starts_with("database.ssl.") {
            let real = match key {
                "database.ssl.truststore" => Some("driver.trustStore"),
                "database.ssl.truststore.password" => Some("driver.trustStorePassword"),
                "database.ssl.truststore.type" => Some("driver.trustStoreType"),
                _ => None,
            };
            let why = format!(
                "{key} is not read by Debezium's SQL Server connector: it reaches mssql-jdbc as `{}`, which the driver does not know",
                &key["database.".len()..]
            );
            match real {
                Some(real) => {
                    let value = entry.text().unwrap_or("").trim().to_string();
                    let mut edits = vec![Edit::remove(entry)];
                    if config.get(real).is_none() && !value.is_empty() {
                        edits.push(Edit::set(config, real, &value));
                    }
                    out.push(
                        Diagnostic::at_entry(entry, format!("{why}; the driver reads {real}"), format!("Use {real}")).with_fix(Fix::new(
                            format!("Use {real}"),
                            Applicability::Unsafe,
                            edits,
                        )),
                    );
                }
                None => removal(why, out),
            }
        } else if key == "redis.insecure"
            && entry.text().is_some_and(|t| t.trim().eq_ignore_ascii_case("true"))
            && !config.text("redis.tls").is_some_and(|t| t.trim().eq_ignore_ascii_case("true"))
        {
            removal("redis.insecure is read only together with redis.tls=true: here it changes nothing".to_string(), out);
        }
    }
    ignored_by_drivers(context, out);
}

/// The `spec.config` keys the Strimzi operator drops from a `KafkaConnect` (it writes them itself),
/// less the TLS tuning it lets through.
fn strimzi_forbidden(key: &str) -> bool {
    const ALLOWED: [&str; 4] = ["ssl.endpoint.identification.algorithm", "ssl.cipher.suites", "ssl.protocol", "ssl.enabled.protocols"];
    ["ssl.", "sasl.", "security."].iter().any(|p| key.starts_with(p)) && !ALLOWED.contains(&key)
}

/// A Debezium family's TLS key written as another family's (`database.ssl.mode` on PostgreSQL,
/// `database.sslmode` on MySQL): the family's own setting and the one whose key was used.
fn debezium_tls_misspelt(family: Family, key: &str) -> Option<(&'static TlsSetting, &'static TlsSetting)> {
    let setting = TLS_SETTINGS.iter().find(|s| s.family == family && s.key != key)?;
    let spelt_as = TLS_SETTINGS.iter().find(|s| s.key == key)?;
    Some((setting, spelt_as))
}

/// The Connector/J property a Kafka-style truststore key was meant to be, for the Confluent JDBC
/// connector (which passes `connection.<prop>` to the driver) with a MySQL URL.
fn mysql_truststore_equivalent(connector: &Connector, key: &str) -> Option<&'static str> {
    let confluent = connector.class.as_deref().is_some_and(|c| c.starts_with("io.confluent.connect.jdbc."));
    let mysql = connector.config.text("connection.url").is_some_and(|u| u.trim_start().to_ascii_lowercase().starts_with("jdbc:mysql"));
    if !(confluent && mysql) {
        return None;
    }
    match key {
        "ssl.truststore.location" => Some("trustCertificateKeyStoreUrl"),
        "ssl.truststore.password" => Some("trustCertificateKeyStorePassword"),
        "ssl.truststore.type" => Some("trustCertificateKeyStoreType"),
        _ => None,
    }
}

fn rename(
    connector: &Connector,
    entry: &crate::connector::ConfigEntry,
    real: &str,
    map: impl Fn(&str) -> Option<String>,
    out: &mut Vec<Diagnostic>,
) {
    let value = entry.text().and_then(|v| map(v.trim()));
    let mut edits = vec![Edit::remove(entry)];
    if let Some(value) = &value {
        if connector.config.get(real).is_none() {
            edits.push(Edit::set(&connector.config, real, value));
        }
    }
    out.push(
        Diagnostic::at_entry(
            entry,
            format!("{} is not a key of this Debezium connector, which reads {real}", entry.key),
            format!("Use {real}"),
        )
        .with_fix(Fix::new(format!("Use {real}"), Applicability::Unsafe, edits)),
    );
}

/// What the link analysers found their drivers ignore (Connector/J's legacy flags next to
/// `sslMode`, MongoDB options the Java driver does not implement).
fn ignored_by_drivers(context: &Context, out: &mut Vec<Diagnostic>) {
    for link in context.links() {
        for ignored in &link.ignored {
            out.push(
                Diagnostic::at(link.location.clone(), Some(&link.key), ignored.message.clone(), ignored.help.clone())
                    .with_fix(ignored.fix.clone()),
            );
        }
    }
}
