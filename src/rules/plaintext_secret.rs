use super::destination::has_plaintext_link;
use super::{declare_rule, Context, Diagnostic, Downgrade, FixAvailability};
use crate::connector::{is_config_provider_reference, ConfigEntry, Format, Value};
use crate::finding::{Applicability, Category, Edit, Fix, Remediation, Severity};
use crate::{redact, text};
use std::ops::Range;

const PLACEHOLDERS: [&str; 12] = [
    "changeme",
    "change-me",
    "change_me",
    "password",
    "secret",
    "xxx",
    "xxxx",
    "****",
    "your-password",
    "your_password",
    "<password>",
    "todo",
];

declare_rule! {
    /// ## What it does
    /// Finds secrets written into the configuration as literal text rather than as a
    /// config-provider reference (`${secretsmanager:name:key}`, `${ssm::/path}`,
    /// `${file:/path:key}`, `${directory:...}`, `${env:...}`, `${secrets:...}`, `${vault:...}`,
    /// or any `${alias:...}`): passwords, secrets, tokens, private keys and passphrases
    /// (`connection.password`, `database.password`, `ssl.truststore.password`,
    /// `aws.secret.access.key`, `splunk.hec.token`, `snowflake.private.key`,
    /// `basic.auth.user.info`, ...), the password inside `sasl.jaas.config`, `user:pass@` and
    /// `password=` inside URLs, `Authorization` values in HTTP `headers`, and inline private keys
    /// (PEM blocks, JSON service-account keys). Worker configurations are checked too (a config
    /// provider's own AWS secret key, for example). A shell-style `${VAR}` is not a config
    /// provider: whatever fills it in writes the secret into the configuration, so it is
    /// reported at info level with that explanation.
    ///
    /// ## Why is this bad?
    /// Connector configurations are stored in Kafka's `connect-configs` topic, returned by the
    /// Connect REST API (masked only for keys the plugin declares as passwords, and never inside
    /// URLs or JAAS strings), kept by MSK Connect, and committed to repositories. Everyone who can
    /// read any of those holds the credential. The finding is high instead of medium when the
    /// same connector also sends data over a plaintext link.
    ///
    /// ## Example
    /// ```properties
    /// connector.class=io.confluent.connect.jdbc.JdbcSinkConnector
    /// connection.url=jdbc:postgresql://orders-db.internal.example.com:5432/orders?sslmode=verify-full
    /// connection.user=kafka
    /// connection.password=Sup3r-S3cret!
    /// ```
    ///
    /// Use instead:
    /// ```properties
    /// connector.class=io.confluent.connect.jdbc.JdbcSinkConnector
    /// connection.url=jdbc:postgresql://orders-db.internal.example.com:5432/orders?sslmode=verify-full
    /// connection.user=kafka
    /// connection.password=${secretsmanager:orders-sink:connection.password}
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the fix replaces the secret with `${secretsmanager:<connector>:<key>}`; the secret
    /// must exist in AWS Secrets Manager and the worker must declare the provider (the
    /// remediation shows both). Rotate the secret: it has been stored in plain text.
    ///
    /// ## References
    /// - <https://docs.aws.amazon.com/msk/latest/developerguide/msk-connect-config-provider.html>
    /// - <https://cwiki.apache.org/confluence/display/KAFKA/KIP-297%3A+Externalizing+Secrets+for+Connect+Configurations>
    pub static RULE = {
        code: "MSK120",
        name: "plaintext-secret",
        severity: Severity::Medium,
        category: Category::ExposedCredential,
        fix: FixAvailability::Sometimes,
        compliance: &["CWE-256", "CWE-798", "AWS Security Hub MSK.5 (secrets in logs)"],
        covers: &["Any configuration"],
        check: check,
    };
}

fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let connector = context.connector;
    let escalate = has_plaintext_link(context);
    let secret_name: String = match connector.name.as_deref() {
        Some(name) => name.chars().map(|c| if c.is_ascii_alphanumeric() || "/_+=.@-".contains(c) { c } else { '-' }).collect(),
        None if connector.is_worker() => "connect-worker".to_string(),
        None => "<connector-name>".to_string(),
    };
    let msk =
        matches!(connector.format, Format::MskConnectApi | Format::MskWorkerConfiguration | Format::Cloudformation | Format::TerraformPlan);
    for entry in &connector.config.entries {
        match &entry.value {
            Value::Unknown { shown } if redact::is_secret_key(&entry.key) => {
                let shell = shown.contains("${") && !shown.contains("(known after apply)");
                let message = if shell {
                    format!("{} is `{shown}`, a template rather than a config provider reference (`${{alias:path:key}}`): whatever fills it in writes the secret into the configuration in plain text", entry.key)
                } else {
                    format!("{} cannot be known from this input: check that it reaches the connector as a config provider reference, not as the secret itself", entry.key)
                };
                out.push(
                    Diagnostic::at_entry(entry, message, "Use a config provider reference such as ${secretsmanager:name:key}")
                        .downgraded(Some(Downgrade::Unverifiable)),
                );
            }
            Value::Unknown { .. } => {}
            Value::Text(text) => {
                let trimmed = text.trim();
                let Some((what, secret)) = literal_secret(entry, trimmed) else { continue };
                let reference = format!("${{secretsmanager:{secret_name}:{}}}", entry.key);
                let new_value = format!("{}{reference}{}", &trimmed[..secret.start], &trimmed[secret.end..]);
                let placeholder = PLACEHOLDERS.iter().any(|p| trimmed.eq_ignore_ascii_case(p))
                    || trimmed.starts_with('<')
                    || trimmed == "[hidden]"
                    || trimmed.chars().all(|c| c == '*');
                let mut message = format!("{} holds {what} as plain text", entry.key);
                if placeholder {
                    message.push_str(" (it looks like a placeholder, but the connector would use it as the credential)");
                }
                if escalate {
                    message.push_str("; this connector also sends data over a plaintext link");
                }
                let edit = Edit { key: Some(entry.key.clone()), pointer: entry.pointer.clone(), value: Some(new_value) };
                out.push(
                    Diagnostic::at_entry(
                        entry,
                        message,
                        "Move the secret to AWS Secrets Manager (or another config provider) and reference it",
                    )
                    .with_fix(Fix::new(format!("Reference the secret as {reference}"), Applicability::Unsafe, vec![edit]))
                    .with_remediation(if msk {
                        msk_remediation(&secret_name, &entry.key)
                    } else {
                        self_managed_remediation(&secret_name, &entry.key)
                    })
                    .escalated(escalate),
                );
            }
        }
    }
}

/// What secret the trimmed value holds literally, and where in it (the whole value for a secret
/// key): the fix puts the reference there.
fn literal_secret(entry: &ConfigEntry, trimmed: &str) -> Option<(&'static str, Range<usize>)> {
    if trimmed.is_empty() || is_reference(trimmed) {
        return None;
    }
    if redact::is_secret_key(&entry.key) {
        return Some(("a secret", 0..trimmed.len()));
    }
    let key = entry.key.as_str();
    if text::ends_with_ignore_ascii_case(key, "sasl.jaas.config") {
        let (start, end) = quoted_value_after(trimmed, "password=")?;
        return (!is_reference(&trimmed[start..end]))
            .then_some(("the JAAS password", start..end));
    }
    if key.eq_ignore_ascii_case("headers") || text::ends_with_ignore_ascii_case(key, ".headers") {
        let at = text::find_ignore_ascii_case(trimmed, "authorization:")? + "authorization:".len();
        let end = trimmed[at..].find('|').map_or(trimmed.len(), |i| at + i);
        let value = trimmed[at..end].trim();
        return (!value.is_empty() && !is_reference(value))
            .then_some(("an Authorization header", at..end));
    }
    if text::contains(trimmed, "PRIVATE KEY-----") || text::contains(trimmed, "\"private_key\"") {
        return Some(("a private key", 0..trimmed.len()));
    }
    if let Some(scheme_end) = text::find(trimmed, "://") {
        let authority = &trimmed[scheme_end + 3..];
        let authority = &authority[..authority.find(['/', '?']).unwrap_or(authority.len())];
        if let Some(at) = authority.rfind('@') {
            if let Some(colon) = authority[..at].find(':') {
                let start = scheme_end + 3 + colon + 1;
                let end = scheme_end + 3 + at;
                if !is_reference(&trimmed[start..end]) && end > start {
                    return Some(("a password in the URL", start..end));
                }
            }
        }
    }
    // Both names end in `=`, which most values do not hold.
    if !trimmed.contains('=') {
        return None;
    }
    for name in ["password=", "pwd="] {
        let Some(i) = text::find_ignore_ascii_case(trimmed, name)
            .filter(|&i| i == 0 || matches!(trimmed.as_bytes()[i - 1], b'?' | b'&' | b';' | b':'))
        else {
            continue;
        };
        let start = i + name.len();
        let end = trimmed[start..].find(['&', ';']).map_or(trimmed.len(), |e| start + e);
        if end > start && !is_reference(&trimmed[start..end]) {
            return Some(("a password in the URL", start..end));
        }
    }
    None
}

fn is_reference(text: &str) -> bool {
    let text = text.trim();
    text.starts_with("${") && text.ends_with('}') && is_config_provider_reference(&text[2..text.len() - 1])
}

/// The span of the value after `name` up to its closing quote (or `;`/space when unquoted).
fn quoted_value_after(text: &str, name: &str) -> Option<(usize, usize)> {
    let i = text::find_ignore_ascii_case(text, name)? + name.len();
    match text[i..].chars().next()? {
        q @ ('"' | '\'') => {
            let start = i + 1;
            let end = text[start..].find(q).map(|e| start + e)?;
            Some((start, end))
        }
        _ => {
            let end = text[i..].find([';', ' ']).map_or(text.len(), |e| i + e);
            Some((i, end))
        }
    }
}

/// Self-managed Kafka Connect: the worker's own properties file declares the provider.
fn self_managed_remediation(secret_name: &str, key: &str) -> Remediation {
    Remediation {
        console: Some(format!(
            "1. Store the secret outside the connector configuration: in AWS Secrets Manager as {secret_name} with the key {key}, \
             or in a file only the worker can read.\n\
             2. Declare a config provider in the worker configuration (connect-distributed.properties), for example:\n\
             config.providers=secretsmanager,file\n\
             config.providers.secretsmanager.class=com.amazonaws.kafka.config.providers.SecretsManagerConfigProvider\n\
             config.providers.secretsmanager.param.region=<region>\n\
             config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider\n\
             (the Secrets Manager provider's jar must be on the worker's plugin.path; Strimzi offers ${{secrets:<namespace>/<secret>:<key>}} instead).\n\
             3. Replace the value with ${{secretsmanager:{secret_name}:{key}}} or ${{file:/etc/kafka/secrets/{secret_name}.properties:{key}}}, \
             restart the workers if you changed their configuration, and rotate the old secret."
        )),
        aws_cli: Some(format!("aws secretsmanager create-secret --name {secret_name} --secret-string '{{\"{key}\":\"<the secret>\"}}'")),
        terraform: None,
        cloudformation: None,
    }
}

/// MSK Connect: the custom worker configuration declares the provider.
fn msk_remediation(secret_name: &str, key: &str) -> Remediation {
    Remediation {
        console: Some(format!(
            "1. In AWS Secrets Manager create a secret named {secret_name} with a key/value pair {key} = <the secret>.\n\
             2. Give the connector's service execution role secretsmanager:GetSecretValue on it.\n\
             3. Declare the config provider in the MSK Connect custom worker configuration:\n\
             config.providers=secretsmanager\n\
             config.providers.secretsmanager.class=com.amazonaws.kafka.config.providers.SecretsManagerConfigProvider\n\
             config.providers.secretsmanager.param.region=<region>\n\
             4. Replace the value with ${{secretsmanager:{secret_name}:{key}}} and rotate the old secret."
        )),
        aws_cli: Some(format!(
            "aws secretsmanager create-secret --name {secret_name} --secret-string '{{\"{key}\":\"<the secret>\"}}'\n\
             aws kafkaconnect create-worker-configuration --name with-secrets-provider \\\n  \
             --properties-file-content \"$(printf 'config.providers=secretsmanager\\nconfig.providers.secretsmanager.class=com.amazonaws.kafka.config.providers.SecretsManagerConfigProvider\\nconfig.providers.secretsmanager.param.region=<region>\\n' | base64 -w0)\""
        )),
        terraform: None,
        cloudformation: None,
    }
}
