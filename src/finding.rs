//! Finding, Severity, Category, Fix: the report's vocabulary.

use crate::connector::{pointer_push, Config, ConfigEntry, InsertPoint, Location};
use crate::span::Range;
use serde::{Deserialize, Serialize};

/// Ordered from least to most severe, so `>=` reads as "at least as bad as".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info];

    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    pub fn parse(name: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.name().eq_ignore_ascii_case(name))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    PlaintextTransport,
    UnverifiedTls,
    WeakTls,
    ExposedCredential,
    /// The connection is encrypted but the client does not authenticate (MSK `NONE`).
    MissingAuthentication,
    IneffectiveSetting,
    InconsistentSetting,
    AtRest,
    Unverifiable,
}

impl Category {
    pub fn name(self) -> &'static str {
        match self {
            Category::PlaintextTransport => "plaintext-transport",
            Category::UnverifiedTls => "unverified-tls",
            Category::WeakTls => "weak-tls",
            Category::ExposedCredential => "exposed-credential",
            Category::MissingAuthentication => "missing-authentication",
            Category::IneffectiveSetting => "ineffective-setting",
            Category::InconsistentSetting => "inconsistent-setting",
            Category::AtRest => "at-rest",
            Category::Unverifiable => "unverifiable",
        }
    }
}

/// Ordered like ruff's: `DisplayOnly < Unsafe < Safe`; "should this fix apply" is `>=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Shown to the user, never applied: the config alone cannot express it.
    DisplayOnly,
    /// Applied only when asked: it needs something outside the config (a TLS listener, a
    /// truststore, re-creating the connector).
    Unsafe,
    /// Applied by default: it only removes a weakening or states what the rest of the input
    /// already implies.
    Safe,
}

/// One change to the input: set (or add) `value` at a connector-config `key`, or at `pointer`
/// for fields outside the connector config; `value: null` removes the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub key: Option<String>,
    pub pointer: String,
    pub value: Option<String>,
}

impl Edit {
    /// Sets `key` in `config` to `value`, adding it when absent.
    pub fn set(config: &Config, key: &str, value: &str) -> Edit {
        let pointer = config.get(key).map(|e| e.pointer.clone()).unwrap_or_else(|| {
            let base = match &config.insert {
                InsertPoint::JsonObject { pointer, .. } => pointer.as_str(),
                _ => "",
            };
            pointer_push(base, key)
        });
        Edit { key: Some(key.to_string()), pointer, value: Some(value.to_string()) }
    }

    pub fn remove(entry: &ConfigEntry) -> Edit {
        Edit { key: Some(entry.key.clone()), pointer: entry.pointer.clone(), value: None }
    }

    /// Sets a field outside the connector config (a cluster-link field), by its pointer.
    pub fn at_pointer(pointer: &str, value: &str) -> Edit {
        Edit { key: None, pointer: pointer.to_string(), value: Some(value.to_string()) }
    }
}

/// An edit may carry a value rebuilt from the input (a whole URL with one parameter changed), so
/// what leaves the engine is redacted like any message; `fix` applies the real value inside.
impl Serialize for Edit {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let key = self.key.as_deref().unwrap_or_else(|| self.pointer.rsplit('/').next().unwrap_or(""));
        let mut edit = serializer.serialize_struct("Edit", 3)?;
        edit.serialize_field("key", &self.key)?;
        edit.serialize_field("pointer", &self.pointer)?;
        edit.serialize_field("value", &self.value.as_deref().map(|v| crate::redact::shown(key, v)))?;
        edit.end()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix, or none when there is nothing to edit.
    pub fn new(title: impl Into<String>, applicability: Applicability, edits: Vec<Edit>) -> Option<Fix> {
        (!edits.is_empty()).then(|| Fix { title: title.into(), applicability, edits })
    }
}

/// What to do where a config edit is not enough (the cluster link of an MSK Connect connector
/// cannot be changed after creation).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Remediation {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub console: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aws_cli: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terraform: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloudformation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub category: Category,
    pub message: String,
    pub help: String,
    pub connector: usize,
    pub key: Option<String>,
    pub pointer: String,
    /// Absent when the input had no text positions (a parsed object handed to the API).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<Range>,
    pub fix: Option<Fix>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remediation: Option<Remediation>,
    pub references: Vec<&'static str>,
    pub compliance: Vec<&'static str>,
    #[serde(skip)]
    pub location: Option<Location>,
}
