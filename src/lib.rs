//! msk-connect-lint: finds every place a Kafka Connect or MSK Connect connector configuration
//! sends data or credentials unencrypted or unverified, and says how to fix each one.
//!
//! The public API is `check`, `fix`, `rules` and `sarif`; everything else serves them.

pub mod cli;
pub mod connector;
pub mod endpoints;
pub mod engine;
pub mod finding;
pub mod fix;
pub mod input;
pub mod policy;
pub mod redact;
pub mod render;
pub mod report;
pub mod rules;
pub mod sarif;
pub mod span;

/// wasm-bindgen, for JS; wasm32-wasip1 (the WASI command, the Extism plugin) has std and a clock.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
mod wasm;

pub use finding::{Applicability, Category, Finding, Severity};
pub use policy::{FailOn, Options, OptionsError, OptionsInput};
pub use report::{LocatedError, Report, Summary, VERSION};

/// Checks one input (any supported format) and returns the report.
pub fn check(text: &str, options: &Options) -> Result<Report, LocatedError> {
    let options = with_today(options);
    let connectors = input::read(text, options.format).map_err(|e| LocatedError::from_input(text, &e))?;
    Ok(report::build_report(Some(text), &connectors, &options))
}

/// The input with fixes applied (safe ones, and unsafe ones when `options.unsafe_fixes`), the
/// findings that were fixed, and the report of what remains.
pub fn fix(text: &str, options: &Options) -> Result<fix::FixOutcome, LocatedError> {
    let options = with_today(options);
    fix::fix(text, &options).map_err(|e| LocatedError::from_input(text, &e))
}

/// The rule catalogue, with each rule's Markdown docs.
pub fn rules() -> Vec<RuleInfo> {
    rules::RULES.iter().map(|r| RuleInfo::of(r)).collect()
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub category: Category,
    pub fix: rules::FixAvailability,
    pub summary: String,
    pub docs: String,
    pub references: Vec<&'static str>,
    pub compliance: Vec<&'static str>,
    pub covers: Vec<&'static str>,
}

impl RuleInfo {
    pub fn of(rule: &rules::Rule) -> RuleInfo {
        RuleInfo {
            code: rule.code,
            name: rule.name,
            severity: rule.severity,
            category: rule.category,
            fix: rule.fix,
            summary: rule.summary(),
            docs: rule.markdown(),
            references: rule.references(),
            compliance: rule.compliance.to_vec(),
            covers: rule.covers.to_vec(),
        }
    }
}

/// Fills `today` from the system clock where there is one (WASI has one; wasm32-unknown-unknown
/// has none: the JS side passes it).
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn with_today(options: &Options) -> Options {
    let mut options = options.clone();
    if options.today.is_none() {
        if let Ok(elapsed) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            options.today = Some(policy::date_from_days((elapsed.as_secs() / 86_400) as i64));
        }
    }
    options
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn with_today(options: &Options) -> Options {
    options.clone()
}
