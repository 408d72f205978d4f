use super::{declare_rule, Context, Diagnostic, FixAvailability};
use crate::connector::Config;
use crate::finding::{Category, Severity};

declare_rule! {
    /// ## What it does
    /// When the input holds the worker configuration as well as connectors (a JSON array of
    /// both, for example), checks that every config-provider reference `${alias:...}` in a
    /// connector names a provider the worker declares in `config.providers`, with a
    /// `config.providers.<alias>.class`. In the worker configuration itself, checks that each
    /// alias listed in `config.providers` has a class.
    ///
    /// ## Why is this bad?
    /// Kafka resolves a reference only through a declared provider; any other `${...}` is left as
    /// it is, and the connector receives the reference text itself: as a password, a truststore
    /// path, a URL. The connector then fails to authenticate or to trust the server, and the usual
    /// reaction, pasting the secret in directly or switching verification off, is worse.
    ///
    /// ## Example
    /// ```json
    /// [
    ///   { "config.providers": "secretsmanager", "config.providers.secretsmanager.class": "com.amazonaws.kafka.config.providers.SecretsManagerConfigProvider", "key.converter": "org.apache.kafka.connect.storage.StringConverter" },
    ///   { "name": "orders", "config": { "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector", "connection.url": "jdbc:postgresql://pg.internal.example.com/orders?sslmode=verify-full", "connection.password": "${ssm::/orders/password}" } }
    /// ]
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// [
    ///   { "config.providers": "secretsmanager", "config.providers.secretsmanager.class": "com.amazonaws.kafka.config.providers.SecretsManagerConfigProvider", "key.converter": "org.apache.kafka.connect.storage.StringConverter" },
    ///   { "name": "orders", "config": { "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector", "connection.url": "jdbc:postgresql://pg.internal.example.com/orders?sslmode=verify-full", "connection.password": "${secretsmanager:orders:password}" } }
    /// ]
    /// ```
    ///
    /// ## Fix safety
    /// No fix: declare the provider in the worker, or use one it declares.
    ///
    /// ## References
    /// - <https://kafka.apache.org/documentation/#config_providers>
    /// - <https://docs.aws.amazon.com/msk/latest/developerguide/msk-connect-config-provider.html>
    pub static RULE = {
        code: "MSK121",
        name: "undeclared-config-provider",
        severity: Severity::Low,
        category: Category::InconsistentSetting,
        fix: FixAvailability::None,
        compliance: &[],
        covers: &["Any configuration"],
        check: check,
    };
}

/// Aliases a worker declares with a class.
fn declared(worker: &Config) -> Vec<String> {
    let list = worker.text("config.providers").unwrap_or("");
    list.split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .filter(|a| worker.get(&format!("config.providers.{a}.class")).is_some())
        .map(str::to_string)
        .collect()
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let connector = context.connector;
    if connector.is_worker() {
        let Some(entry) = connector.config.get("config.providers") else { return };
        for alias in entry.text().unwrap_or("").split(',').map(str::trim).filter(|a| !a.is_empty()) {
            if connector.config.get(&format!("config.providers.{alias}.class")).is_none() {
                out.push(Diagnostic::at_entry(
                    entry,
                    format!(
                        "config.providers lists `{alias}` but config.providers.{alias}.class is not set: references to it stay unresolved"
                    ),
                    format!("Set config.providers.{alias}.class"),
                ));
            }
        }
        return;
    }
    let aliases = context.shared.provider_aliases.get_or_init(|| {
        let mut workers = context.all.iter().filter(|c| c.is_worker() && c.config.get("config.providers").is_some()).peekable();
        workers.peek().is_some().then(|| workers.flat_map(|w| declared(&w.config)).collect())
    });
    let Some(aliases) = aliases else { return };
    for entry in &connector.config.entries {
        let Some(text) = entry.text() else { continue };
        let mut rest = text;
        while let Some(start) = rest.find("${") {
            let inner = &rest[start + 2..];
            let Some(end) = inner.find('}') else { break };
            let reference = &inner[..end];
            rest = &inner[end..];
            let Some((alias, _)) = reference.split_once(':') else { continue };
            if alias.is_empty() || aliases.iter().any(|a| a == alias) {
                continue;
            }
            let known = if aliases.is_empty() { "none".to_string() } else { aliases.join(", ") };
            out.push(Diagnostic::at_entry(
                entry,
                format!("{} refers to config provider `{alias}`, but the worker declares only {known}: the connector receives the text `${{{alias}:...}}` itself", entry.key),
                format!("Declare `{alias}` in the worker's config.providers, or use a provider it declares"),
            ));
        }
    }
}
