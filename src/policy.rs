//! Policy, the same everywhere (JS `options`, CLI flags and `.msk-connect-lint.json`): which
//! rules run, at what severity, which findings an exception suppresses, and what fails.

use crate::connector::{Assumptions, Connector, Format};
use crate::finding::{Finding, Severity};
use crate::rules::{self, Rule, RULES};
use serde::Deserialize;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Never,
    AtLeast(Severity),
}

impl FailOn {
    pub fn parse(text: &str) -> Result<FailOn, OptionsError> {
        if text.eq_ignore_ascii_case("none") || text.eq_ignore_ascii_case("never") {
            return Ok(FailOn::Never);
        }
        Severity::parse(text)
            .map(FailOn::AtLeast)
            .ok_or_else(|| OptionsError(format!("failOn: unknown severity {text:?} (critical, high, medium, low, info or none)")))
    }

    pub fn fails(self, severity: Severity) -> bool {
        matches!(self, FailOn::AtLeast(threshold) if severity >= threshold)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    pub rule: String,
    #[serde(default)]
    pub connector: Option<String>,
    #[serde(default)]
    pub key: Option<String>,
    pub reason: String,
    /// `YYYY-MM-DD`; the exception applies up to and including that day.
    #[serde(default)]
    pub expires: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub fail_on: FailOn,
    pub select: Vec<&'static Rule>,
    pub ignore: Vec<&'static Rule>,
    pub severity: Vec<(&'static Rule, Severity)>,
    pub exceptions: Vec<Exception>,
    pub format: Option<Format>,
    pub unsafe_fixes: bool,
    /// Today as `YYYY-MM-DD`, for exception expiry; the caller's clock (wasm has none of its own).
    pub today: Option<String>,
    pub assume: Assumptions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            fail_on: FailOn::AtLeast(Severity::High),
            select: Vec::new(),
            ignore: Vec::new(),
            severity: Vec::new(),
            exceptions: Vec::new(),
            format: None,
            unsafe_fixes: false,
            today: None,
            assume: Assumptions::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionsError(pub String);

impl OptionsError {
    /// The message without serde_json's " at line 1 column 9", which points into JSON the
    /// binding made (JS) or into a part of the caller's request (the plugin), not into a file.
    pub fn without_position(&self) -> &str {
        let message = self.0.as_str();
        match message.rfind(" at line ") {
            Some(at) if message[at + 9..].split(" column ").all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) => {
                &message[..at]
            }
            _ => message,
        }
    }
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The wire form of options (camelCase JSON), as JS callers and config files write them.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OptionsInput {
    pub fail_on: Option<String>,
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub severity: Option<BTreeMap<String, String>>,
    pub exceptions: Option<Vec<Exception>>,
    pub format: Option<String>,
    pub unsafe_fixes: Option<bool>,
    pub today: Option<String>,
    pub assume: Option<Assumptions>,
    /// Paths the CLI skips; the engine ignores it.
    pub exclude: Option<Vec<String>>,
}

impl OptionsInput {
    pub fn from_json(text: &str) -> Result<OptionsInput, OptionsError> {
        serde_json::from_str(text).map_err(|e| OptionsError(format!("options: {e}")))
    }

    /// Layers `other` over `self`: what `other` states wins.
    pub fn merged(self, other: OptionsInput) -> OptionsInput {
        OptionsInput {
            fail_on: other.fail_on.or(self.fail_on),
            select: other.select.or(self.select),
            ignore: other.ignore.or(self.ignore),
            severity: match (self.severity, other.severity) {
                (Some(mut base), Some(over)) => {
                    base.extend(over);
                    Some(base)
                }
                (base, over) => over.or(base),
            },
            exceptions: other.exceptions.or(self.exceptions),
            format: other.format.or(self.format),
            unsafe_fixes: other.unsafe_fixes.or(self.unsafe_fixes),
            today: other.today.or(self.today),
            assume: other.assume.or(self.assume),
            exclude: other.exclude.or(self.exclude),
        }
    }

    pub fn resolve(&self) -> Result<Options, OptionsError> {
        let rules = |field: &str, names: &Option<Vec<String>>| -> Result<Vec<&'static Rule>, OptionsError> {
            names.iter().flatten().flat_map(|n| n.split(',')).map(str::trim).filter(|n| !n.is_empty()).map(|n| lookup(field, n)).collect()
        };
        let mut severity = Vec::new();
        for (name, level) in self.severity.iter().flatten() {
            let level = Severity::parse(level).ok_or_else(|| {
                OptionsError(format!("severity.{name}: unknown severity {level:?} (critical, high, medium, low or info)"))
            })?;
            severity.push((lookup("severity", name)?, level));
        }
        for exception in self.exceptions.iter().flatten() {
            lookup("exceptions[].rule", &exception.rule)?;
            if exception.reason.trim().is_empty() {
                return Err(OptionsError(format!("exceptions: the exception for {} needs a reason", exception.rule)));
            }
            if let Some(date) = &exception.expires {
                if !is_date(date) {
                    return Err(OptionsError(format!("exceptions: expires {date:?} is not a date (YYYY-MM-DD)")));
                }
            }
        }
        let assume = self.assume.as_ref();
        for (name, version) in [
            ("debezium", assume.and_then(|a| a.debezium.as_ref())),
            ("mariadbConnectorJ", assume.and_then(|a| a.mariadb_connector_j.as_ref())),
        ] {
            let Some(version) = version else { continue };
            if !version.split('.').all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit())) {
                return Err(OptionsError(format!("assume.{name}: {version:?} is not a version like 2.3 or 1.9.7")));
            }
        }
        if let Some(today) = &self.today {
            if !is_date(today) {
                return Err(OptionsError(format!("today: {today:?} is not a date (YYYY-MM-DD)")));
            }
        }
        let format = match &self.format {
            None => None,
            Some(name) if name == "auto" => None,
            Some(name) => Some(Format::from_name(name).ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                OptionsError(format!("format: unknown input format {name:?} (auto, {})", names.join(", ")))
            })?),
        };
        Ok(Options {
            fail_on: match &self.fail_on {
                Some(text) => FailOn::parse(text)?,
                None => FailOn::AtLeast(Severity::High),
            },
            select: rules("select", &self.select)?,
            ignore: rules("ignore", &self.ignore)?,
            severity,
            exceptions: self.exceptions.clone().unwrap_or_default(),
            format,
            unsafe_fixes: self.unsafe_fixes.unwrap_or(false),
            today: self.today.clone(),
            assume: self.assume.clone().unwrap_or_default(),
        })
    }
}

impl Options {
    pub fn is_enabled(&self, rule: &Rule) -> bool {
        (self.select.is_empty() || self.select.contains(&rule)) && !self.ignore.contains(&rule)
    }

    /// The severity the policy gives `rule`'s findings, if it changes it.
    pub fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        self.severity.iter().find(|(r, _)| r.code == rule.code).map(|(_, level)| *level)
    }

    /// Splits findings into those that stand and those a live exception suppresses, and lists the
    /// exceptions that matched but have expired.
    pub fn apply_exceptions(&self, findings: Vec<Finding>, connectors: &[Connector]) -> Exceptions {
        let mut applied = Exceptions::default();
        for finding in findings {
            let connector = &connectors[finding.connector];
            let matching: Vec<&Exception> = self.exceptions.iter().filter(|e| e.matches(&finding, connector)).collect();
            let (live, dead): (Vec<&Exception>, Vec<&Exception>) = matching.into_iter().partition(|e| !e.has_expired(self));
            for exception in dead {
                let entry = ExpiredException {
                    rule: exception.rule.clone(),
                    connector: exception.connector.clone(),
                    key: exception.key.clone(),
                    reason: exception.reason.clone(),
                    expires: exception.expires.clone().unwrap_or_default(),
                };
                if !applied.expired.contains(&entry) {
                    applied.expired.push(entry);
                }
            }
            match live.first() {
                Some(exception) => {
                    applied.suppressed.push(Suppressed { finding, reason: exception.reason.clone(), expires: exception.expires.clone() })
                }
                None => applied.kept.push(finding),
            }
        }
        applied
    }
}

impl Exception {
    /// The rule may be named by code in any case or by name, as everywhere else in the options.
    fn matches(&self, finding: &Finding, connector: &Connector) -> bool {
        let rule_matches = rules::find(&self.rule).is_some_and(|rule| rule.code == finding.code);
        let connector_matches = self.connector.as_ref().is_none_or(|name| connector.name.as_deref() == Some(name.as_str()));
        let key_matches = self.key.as_ref().is_none_or(|key| finding.key.as_deref() == Some(key.as_str()));
        rule_matches && connector_matches && key_matches
    }

    /// An exception applies up to and including its `expires` day. ISO dates compare as text.
    fn has_expired(&self, options: &Options) -> bool {
        match (&self.expires, &options.today) {
            (Some(expires), Some(today)) => today.as_str() > expires.as_str(),
            _ => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suppressed {
    pub finding: Finding,
    pub reason: String,
    pub expires: Option<String>,
}

/// An exception whose date has passed: it no longer suppresses anything.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExpiredException {
    pub rule: String,
    pub connector: Option<String>,
    pub key: Option<String>,
    pub reason: String,
    pub expires: String,
}

/// What the exceptions did to a list of findings.
#[derive(Default)]
pub struct Exceptions {
    pub kept: Vec<Finding>,
    pub suppressed: Vec<Suppressed>,
    pub expired: Vec<ExpiredException>,
}

fn lookup(field: &str, name: &str) -> Result<&'static Rule, OptionsError> {
    rules::find(name).ok_or_else(|| {
        OptionsError(format!("{field}: unknown rule {name:?} (a code like {} or a name like {})", RULES[0].code, RULES[0].name))
    })
}

pub fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && matches!(text[5..7].parse::<u8>(), Ok(1..=12))
        && matches!(text[8..10].parse::<u8>(), Ok(1..=31))
}

/// Days since 1970-01-01 as `YYYY-MM-DD` (Howard Hinnant's civil-from-days).
pub fn date_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date_from_days(0), "1970-01-01");
        assert_eq!(date_from_days(20_785), "2026-11-28");
        assert!(is_date("2026-02-28"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("tomorrow"));
    }

    #[test]
    fn refuses_unknown_rules_and_severities() {
        let input = OptionsInput::from_json(r#"{"select":["MSK999"]}"#).unwrap();
        assert!(input.resolve().unwrap_err().0.contains("unknown rule \"MSK999\""));
        let input = OptionsInput::from_json(r#"{"failOn":"severe"}"#).unwrap();
        assert!(input.resolve().is_err());
        assert!(OptionsInput::from_json(r#"{"failon":"high"}"#).is_err());
        let input = OptionsInput::from_json(r#"{"exceptions":[{"rule":"MSK001","reason":" "}]}"#).unwrap();
        assert!(input.resolve().unwrap_err().0.contains("needs a reason"));
    }
}
