//! msk-connect-lint: finds every place a Kafka Connect or MSK Connect connector configuration
//! sends data or credentials unencrypted or unverified, and says how to fix each one.
//!
//! The public API is `check`, `fix`, `rules` and `sarif`; everything else serves them.

pub mod cli;
pub mod connector;
pub mod crash;
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
pub mod text;

/// wasm-bindgen, for JS; wasm32-wasip1 (the WASI command, the Extism plugin) has std and a clock.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
mod wasm;

/// For std front doors (the native CLI, the WASI command, the Extism plugin): a panic prints where, never what.
pub use crash::install_stderr as install_panic_hook;
pub use finding::{Applicability, Category, Finding, Severity};
pub use input::{MAX_CONNECTORS, MAX_DOCUMENTS, MAX_INPUT_BYTES, MAX_SETTINGS};
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

/// One file of a Terraform module and what was found in it: every file of the module has an
/// entry, and each report lists the module's connectors (findings index into them).
pub type ModuleResult = Vec<(String, Result<Report, LocatedError>)>;

/// Checks a Terraform module: its `.tf` and `.tfvars` files (and any file `file()` reads) as one
/// input, so variables, locals and tfvars resolve across files; findings land in the file that
/// holds what they point at, with that file's lines and columns.
pub fn check_module(files: &[(&str, &str)], options: &Options) -> ModuleResult {
    let options = with_today(options);
    let joined = input::module::join(files);
    match input::read(&joined, options.format) {
        Ok(connectors) => split_module_report(&joined, report::build_report(Some(&joined), &connectors, &options), &connectors, &options),
        Err(error) => module_error(&joined, &error),
    }
}

/// What `fix_module` did: each file's text after the fixes, how many findings they fixed, and what
/// remains, by file.
pub struct ModuleFix {
    pub texts: Vec<(String, String)>,
    pub fixed: usize,
    pub remaining: ModuleResult,
}

/// `fix` for a Terraform module.
pub fn fix_module(files: &[(&str, &str)], options: &Options) -> Result<ModuleFix, ModuleResult> {
    let options = with_today(options);
    let joined = input::module::join(files);
    let outcome = fix::fix(&joined, &options).map_err(|error| module_error(&joined, &error))?;
    // A fix edits values only, so the markers stay and every file comes back.
    let texts = input::module::split(&outcome.output)
        .ok_or_else(|| module_error(&joined, &input::InputError::new("a fix damaged the module", 0)))?;
    let connectors = input::read(&outcome.output, options.format).unwrap_or_default();
    let remaining = split_module_report(&outcome.output, outcome.remaining, &connectors, &options);
    Ok(ModuleFix { texts, fixed: outcome.applied.len(), remaining })
}

/// An input error of the joined text, located in its file; the module's other files were not
/// checked, and say so rather than pass.
fn module_error(joined: &str, error: &input::InputError) -> ModuleResult {
    let files = input::module::files(joined).unwrap_or_default();
    let at = input::module::position(joined, &files, error.offset);
    let (broken, line, column) = at.map_or(("the module", 1, 1), |(path, p)| (path, p.line, p.column));
    files
        .iter()
        .map(|file| {
            let error = if file.path == broken {
                // The reader names the file in its message; the location names it already.
                let message = error.message.strip_prefix(&format!("{broken}: ")).unwrap_or(&error.message).to_string();
                LocatedError { message, line, column }
            } else {
                LocatedError {
                    message: format!("not checked: {broken}, in the same Terraform module, cannot be read ({line}:{column})"),
                    line: 1,
                    column: 1,
                }
            };
            (file.path.clone(), Err(error))
        })
        .collect()
}

/// The module's report, one per file: each finding in the file its location falls in, its range
/// (and each connector's) counted in that file.
fn split_module_report(joined: &str, report: Report, connectors: &[connector::Connector], options: &Options) -> ModuleResult {
    let files = input::module::files(joined).unwrap_or_default();
    let file_of = |span: span::Span| input::module::locate(&files, span.start).map(|(file, _)| file);
    let local = |span: span::Span| {
        let file = file_of(span)?;
        let content = joined.get(file.span.start..file.span.end)?;
        let start = span.start.checked_sub(file.span.start)?;
        let end = span.end.saturating_sub(file.span.start).clamp(start, content.len());
        Some(span::LineIndex::new(content).range(span::Span::new(start, end)))
    };
    let in_file = |finding: &Finding, path: &str, first: bool| match finding.location.as_ref().and_then(|l| file_of(l.span)) {
        Some(file) => file.path == path,
        None => first,
    };
    let relocate = |finding: &mut Finding| finding.range = finding.location.as_ref().and_then(|l| local(l.span));
    files
        .iter()
        .enumerate()
        .map(|(i, file)| {
            let mut findings: Vec<Finding> = report.findings.iter().filter(|f| in_file(f, &file.path, i == 0)).cloned().collect();
            findings.iter_mut().for_each(relocate);
            let mut suppressed: Vec<policy::Suppressed> =
                report.suppressed.iter().filter(|s| in_file(&s.finding, &file.path, i == 0)).cloned().collect();
            suppressed.iter_mut().for_each(|s| relocate(&mut s.finding));
            let mut summaries = report.connectors.clone();
            for (summary, connector) in summaries.iter_mut().zip(connectors) {
                // A connector keeps a range only in the file that holds it.
                let here = file_of(connector.location.span).is_some_and(|f| f.path == file.path);
                summary.location.range = if here { local(connector.location.span) } else { None };
            }
            let mut summary = Summary::default();
            findings.iter().for_each(|f| summary.add(f.severity));
            let passed = !findings.iter().any(|f| options.fail_on.fails(f.severity));
            let file_report = Report {
                tool: report.tool.clone(),
                connectors: summaries,
                findings,
                suppressed,
                expired_exceptions: if i == 0 { report.expired_exceptions.clone() } else { Vec::new() },
                summary,
                passed,
            };
            (file.path.clone(), Ok(file_report))
        })
        .collect()
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
    pub references: &'static [&'static str],
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
