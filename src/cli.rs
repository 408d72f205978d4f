//! The command line, once for both CLIs: flags, help, options, check or fix of every input, the
//! renderings, the summary lines and the exit code. The front doors (`main.rs` natively,
//! `pkg-config/cli.mjs` through the wasm export `_cli`) only do the I/O a `Step` asks for.
//!
//! `step` is a pure function of the arguments and of what the front door has read so far (`Io`):
//! it returns the next thing to read or, once it has everything, the finished `Outcome`. Being
//! stateless is what lets the Node CLI drive it across the wasm boundary with plain objects.

use crate::policy::{Options, OptionsInput};
use crate::render::{self, unified_diff, FileResult, Style};
use crate::report::LocatedError;
use serde::{Deserialize, Deserializer, Serialize};

/// The output formats, by name.
const OUTPUTS: [(&str, Output); 6] = [
    ("text", Output::Text),
    ("json", Output::Json),
    ("sarif", Output::Sarif),
    ("github", Output::Github),
    ("gitlab", Output::Gitlab),
    ("junit", Output::Junit),
];

/// The command line's help; the format lists come from `OUTPUTS` and the input formats.
pub fn usage() -> String {
    let outputs: Vec<&str> = OUTPUTS.iter().map(|(name, _)| *name).collect();
    let inputs: Vec<&str> = crate::connector::Format::ALL.iter().map(|f| f.name()).collect();
    // Wrapped to the width of the other lines, under the description column.
    let mut lines = vec![String::from("force the input format:")];
    for (i, name) in inputs.iter().enumerate() {
        let word = if i + 1 < inputs.len() { format!("{name},") } else { name.to_string() };
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= 62 => {
                line.push(' ');
                line.push_str(&word);
            }
            _ => lines.push(word),
        }
    }
    let input_formats = lines.join(&format!("\n{}", " ".repeat(36)));
    let outputs = format!("--format {}", outputs.join("|"));
    format!(
        "\
Usage: msk-connect-lint [FILE... | DIR... | -] [options]

Checks Kafka Connect / MSK Connect configurations for data or credentials that cross a network
unencrypted or unverified. With no FILE, or with -, reads standard input.

Options:
  {outputs}
                                    output format (default text)
  --format INPUT-FORMAT             {input_formats}
  --fail-on SEVERITY|none           exit 1 when a finding is at or above it (default high)
  --select CODES                    only these rules (codes or names, comma separated)
  --ignore CODES                    not these rules
  --severity CODE=LEVEL             change a rule's severity (repeatable)
  --fix                             apply safe fixes to the files in place
  --unsafe-fixes                    with --fix, also apply unsafe fixes
  --diff                            with --fix, print the changes instead of writing them
  --config FILE                     options file (default: .msk-connect-lint.json found upward)
  --no-config                       ignore .msk-connect-lint.json
  --explain CODE                    print a rule's documentation
  --list-rules                      list the rules
  --version                         print the version
  -h, --help                        print this help

Exit status: 0 nothing at or above --fail-on, 1 something is, 2 usage or input errors."
    )
}

/// The options file looked for upward from the working directory when there is no `--config`.
const CONFIG_NAME: &str = ".msk-connect-lint.json";
/// The files a directory argument stands for.
const DIRECTORY_EXTENSIONS: &[&str] = &["json", "properties", "yaml", "yml", "tf", "tfvars"];

/// What the command line asks for.
#[derive(Debug)]
pub enum Command {
    Help,
    Version,
    Explain(String),
    ListRules { json: bool },
    Lint(Box<Request>),
}

/// A check (or fix) run.
#[derive(Debug)]
pub struct Request {
    /// As given; `-` is standard input, and no path at all means `-`.
    pub paths: Vec<String>,
    pub output: Output,
    /// The options the flags set; they win over the options file's.
    pub flags: OptionsInput,
    pub fix: bool,
    pub diff: bool,
    pub config: ConfigChoice,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Text,
    Json,
    Sarif,
    Github,
    Gitlab,
    Junit,
}

#[derive(Debug, PartialEq, Eq)]
pub enum ConfigChoice {
    /// `--config FILE`.
    File(String),
    /// `.msk-connect-lint.json` in the working directory or one above it, if there is one.
    Search,
    /// `--no-config`.
    Skip,
}

/// Parses the arguments (without the program name). `--help` and `--version` win when they come
/// before anything wrong; every other error is the message to print.
pub fn parse(argv: &[String]) -> Result<Command, String> {
    let mut request = Request {
        paths: Vec::new(),
        output: Output::Text,
        flags: OptionsInput::default(),
        fix: false,
        diff: false,
        config: ConfigChoice::Search,
    };
    let (mut config, mut no_config, mut explain, mut list_rules) = (None, false, None, false);
    let list = |value: String| value.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect::<Vec<_>>();
    let mut args = argv.iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value)),
            _ => (arg.as_str(), None),
        };
        let mut value = || inline.map(str::to_string).or_else(|| args.next().cloned()).ok_or_else(|| format!("{flag} needs a value"));
        match flag {
            "-h" | "--help" => return Ok(Command::Help),
            "--version" => return Ok(Command::Version),
            "--format" => {
                let format = value()?;
                match OUTPUTS.iter().find(|(name, _)| *name == format) {
                    Some((_, output)) => request.output = *output,
                    None => request.flags.format = Some(format),
                }
            }
            "--fail-on" => request.flags.fail_on = Some(value()?),
            "--select" => request.flags.select.get_or_insert_with(Vec::new).extend(list(value()?)),
            "--ignore" => request.flags.ignore.get_or_insert_with(Vec::new).extend(list(value()?)),
            "--severity" => {
                let setting = value()?;
                let (code, level) = setting.split_once('=').ok_or("--severity takes CODE=LEVEL")?;
                request.flags.severity.get_or_insert_with(Default::default).insert(code.to_string(), level.to_string());
            }
            "--fix" => request.fix = true,
            "--unsafe-fixes" => request.flags.unsafe_fixes = Some(true),
            "--diff" => request.diff = true,
            "--config" => config = Some(value()?),
            "--no-config" => no_config = true,
            "--explain" => explain = Some(value()?),
            "--list-rules" => list_rules = true,
            "-" => request.paths.push(arg.clone()),
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            _ => request.paths.push(arg.clone()),
        }
    }
    if request.diff && !request.fix {
        return Err("--diff goes with --fix".to_string());
    }
    if let Some(code) = explain {
        return Ok(Command::Explain(code));
    }
    if list_rules {
        return Ok(Command::ListRules { json: request.output == Output::Json });
    }
    if request.paths.is_empty() {
        request.paths.push("-".to_string());
    }
    request.config = match (config, no_config) {
        (Some(path), _) => ConfigChoice::File(path),
        (None, true) => ConfigChoice::Skip,
        (None, false) => ConfigChoice::Search,
    };
    Ok(Command::Lint(Box::new(request)))
}

/// What the front door has read so far, each field the answer to one `Step`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Io {
    /// Colour the text output: stdout is a terminal and `NO_COLOR` is unset or empty.
    #[serde(default)]
    pub color: bool,
    /// `Step::ReadConfig`'s answer: the file, or `None` when a search found none (JS: `null`).
    #[serde(default, deserialize_with = "answered")]
    pub config: Option<Option<Source>>,
    /// `Step::ReadFiles`'s answer, in the order found.
    #[serde(default)]
    pub files: Option<Vec<Source>>,
    /// The write of `Outcome::effects` that failed; the front door did none after it.
    #[serde(default)]
    pub write_failed: Option<WriteFailure>,
    /// Today as `YYYY-MM-DD` where the library has no clock (wasm: the binding sets it).
    #[serde(skip)]
    pub today: Option<String>,
}

/// A present `null` is an answer (no file), unlike an absent field (not asked yet).
fn answered<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// A file (or `-`, standard input) as read: its text, or the I/O error's message.
/// From JS: `{ path, text }` or `{ path, error }`.
#[derive(Clone, Debug, Deserialize)]
#[serde(try_from = "SourceWire")]
pub struct Source {
    pub path: String,
    pub text: Result<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceWire {
    path: String,
    text: Option<String>,
    error: Option<String>,
}

impl TryFrom<SourceWire> for Source {
    type Error = String;

    fn try_from(wire: SourceWire) -> Result<Source, String> {
        let text = match (wire.text, wire.error) {
            (Some(text), None) => Ok(text),
            (None, Some(error)) => Err(error),
            _ => return Err(format!("{}: expected either text or error", wire.path)),
        };
        Ok(Source { path: wire.path, text })
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WriteFailure {
    pub path: String,
    pub error: String,
}

/// The next thing for the front door to do.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Step {
    /// Read the options file `path` into `Io::config`. With `search`, `path` is a file name to
    /// look for in the working directory and each one above it, answering `None` if none has it.
    ReadConfig { path: String, search: bool },
    /// Read `paths` into `Io::files`: `-` is standard input; a directory stands for the files
    /// below it ending in `.` and one of `extensions`, skipping dot-names and `node_modules`; a
    /// path with `*`, `?` or `[` that names nothing is a glob (an error if it matches nothing).
    /// Files found by walking or globbing skip the `exclude` patterns, which are relative to the
    /// options file's directory.
    ReadFiles { paths: Vec<String>, extensions: &'static [&'static str], exclude: Vec<String> },
    /// Do `effects` in order, stopping at a write that fails (answer it in `Io::write_failed`);
    /// then print `stdout` and exit with `exit_code`.
    Finish(Outcome),
}

#[derive(Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub effects: Vec<Effect>,
    pub stdout: String,
    pub exit_code: u8,
}

#[derive(Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Effect {
    /// Print this on stderr.
    Stderr(String),
    /// Replace the file's content with `text` (a fix).
    Write { path: String, text: String },
}

/// The next step of the run that `argv` asks for, given what `io` holds so far.
pub fn step(argv: &[String], io: &Io) -> Step {
    let request = match parse(argv) {
        Ok(Command::Lint(request)) => request,
        Ok(Command::Help) => return Step::Finish(printed(format!("{}\n", usage()))),
        Ok(Command::Version) => return Step::Finish(printed(format!("msk-connect-lint {}\n", crate::VERSION))),
        Ok(Command::Explain(code)) => return Step::Finish(explain(&code)),
        Ok(Command::ListRules { json }) => return Step::Finish(list_rules(json)),
        Err(message) => return Step::Finish(failure(&message)),
    };
    if let Some(failed) = &io.write_failed {
        return Step::Finish(failure(&format!("{}: cannot write: {}", failed.path, failed.error)));
    }
    let config = match (&request.config, &io.config) {
        (ConfigChoice::Skip, _) => None,
        (_, Some(answer)) => answer.as_ref(),
        (ConfigChoice::File(path), None) => return Step::ReadConfig { path: path.clone(), search: false },
        (ConfigChoice::Search, None) => return Step::ReadConfig { path: CONFIG_NAME.to_string(), search: true },
    };
    // Options are checked before any input is read.
    let (options, exclude) = match resolve(&request.flags, config, io.today.as_deref()) {
        Ok(resolved) => resolved,
        Err(message) => return Step::Finish(failure(&message)),
    };
    match &io.files {
        None => Step::ReadFiles { paths: request.paths, extensions: DIRECTORY_EXTENSIONS, exclude },
        Some(files) => Step::Finish(lint(&request, &options, files, io.color)),
    }
}

/// The options (the file's, with the flags' over them) and the file's `exclude` patterns.
fn resolve(flags: &OptionsInput, config: Option<&Source>, today: Option<&str>) -> Result<(Options, Vec<String>), String> {
    let base = match config {
        None => OptionsInput::default(),
        Some(Source { path, text }) => {
            let text = text.as_ref().map_err(|error| format!("{path}: {error}"))?;
            OptionsInput::from_json(text).map_err(|error| format!("{path}: {error}"))?
        }
    };
    let exclude = base.exclude.clone().unwrap_or_default();
    let mut options = base.merged(flags.clone()).resolve().map_err(|error| error.to_string())?;
    options.today = options.today.or_else(|| today.map(str::to_string));
    Ok((options, exclude))
}

/// Checks (or fixes) every file. An unreadable file is reported in its place; only unreadable
/// standard input ends the run, before anything is fixed.
fn lint(request: &Request, options: &Options, files: &[Source], color: bool) -> Outcome {
    if let Some(error) = files.iter().find_map(|f| f.text.as_ref().err().filter(|_| f.path == "-")) {
        return failure(&format!("cannot read standard input: {error}"));
    }
    let mut effects = Vec::new();
    let mut diffs = String::new();
    let mut results = Vec::new();
    // Each input on its own, in parallel where there are threads; gathered in input order.
    let each = map_inputs(&inputs(files, &request.paths), |input| {
        let (mut effects, mut diffs, mut results) = (Vec::new(), String::new(), Vec::new());
        match input {
            Input::File(Source { path, text: Err(error) }) => {
                let error = LocatedError { message: format!("cannot read: {error}"), line: 1, column: 1 };
                results.push(FileResult::Error { path: path.clone(), error });
            }
            Input::File(Source { path, text: Ok(text) }) => lint_file(request, options, path, text, &mut effects, &mut diffs, &mut results),
            Input::Module { dir, files } => lint_module(request, options, dir, files, &mut effects, &mut diffs, &mut results),
        }
        (effects, diffs, results)
    });
    for (input_effects, input_diffs, input_results) in each {
        effects.extend(input_effects);
        diffs.push_str(&input_diffs);
        results.extend(input_results);
    }
    let rendered = match request.output {
        Output::Json => json(&render::document(&results)),
        Output::Sarif => json(&crate::sarif::sarif(&results)),
        Output::Github => Ok(render::github(&results)),
        Output::Gitlab => json(&render::gitlab(&results)),
        Output::Junit => Ok(render::junit(&results)),
        Output::Text => Ok(render::text(&results, &Style { color })),
    };
    match rendered {
        Ok(rendered) => Outcome { effects, stdout: diffs + &rendered, exit_code: exit_code(&results) },
        Err(message) => failure(&message),
    }
}

/// What a run checks: files one by one, and each directory's Terraform files as one module.
enum Input<'a> {
    File(&'a Source),
    Module { dir: String, files: Vec<(&'a str, &'a str)> },
}

fn directory_of(path: &str) -> &str {
    path.rsplit_once(['/', '\\']).map_or("", |(dir, _)| dir)
}

/// The inputs in the order their first file came. A directory's Terraform files (`.tf`,
/// `terraform.tfvars`, `*.auto.tfvars`) are one module, with the files beside them that a `.tf`
/// file names (what its `file()` calls read: a connector JSON, a worker properties file); every
/// other file, and every file named outright rather than found in a directory, is checked on
/// its own.
fn inputs<'a>(files: &'a [Source], named: &[String]) -> Vec<Input<'a>> {
    use std::collections::BTreeMap;
    let name_of = |path: &'a str| path.rsplit(['/', '\\']).next().unwrap_or(path);
    let readable = |f: &Source| f.text.is_ok() && f.path != "-" && !named.contains(&f.path);
    // Each directory's `.tf` files and the file names their strings end in (`file("x.json")`,
    // `"${path.module}/x.json"`), gathered once: a large tree has many files per directory.
    let mut quoted_names: BTreeMap<&str, std::collections::HashSet<&str>> = BTreeMap::new();
    for file in files.iter().filter(|f| readable(f) && f.path.ends_with(".tf")) {
        let names = quoted_names.entry(directory_of(&file.path)).or_default();
        for string in file.text.as_deref().unwrap_or("").split('"').skip(1).step_by(2) {
            names.insert(name_of(string));
        }
    }
    let in_module = |file: &'a Source| -> bool {
        let Some(names) = quoted_names.get(directory_of(&file.path)).filter(|_| readable(file)) else { return false };
        let name = name_of(&file.path);
        let terraform = name.ends_with(".tf") || name == "terraform.tfvars" || name.ends_with(".auto.tfvars");
        terraform || names.contains(name)
    };
    let mut members: BTreeMap<&str, Vec<&Source>> = BTreeMap::new();
    for file in files.iter().filter(|f| in_module(f)) {
        members.entry(directory_of(&file.path)).or_default().push(file);
    }
    let mut inputs = Vec::new();
    let mut modules_seen: Vec<&str> = Vec::new();
    for file in files {
        let dir = directory_of(&file.path);
        let module = members.get(dir).filter(|m| m.len() > 1 && in_module(file));
        match module {
            None => inputs.push(Input::File(file)),
            Some(_) if modules_seen.contains(&dir) => {}
            Some(module) => {
                modules_seen.push(dir);
                let files = module.iter().filter_map(|m| Some((m.path.as_str(), m.text.as_deref().ok()?))).collect();
                inputs.push(Input::Module { dir: if dir.is_empty() { ".".to_string() } else { dir.to_string() }, files });
            }
        }
    }
    inputs
}

/// `f` over the inputs in their order: natively on every core (one input per task, taken as the
/// threads come free), in wasm (one thread) one after another.
#[cfg(not(target_arch = "wasm32"))]
fn map_inputs<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, f(item)));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            for (i, result) in worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)) {
                slots[i] = Some(result);
            }
        }
    });
    slots.into_iter().flatten().collect()
}

#[cfg(target_arch = "wasm32")]
fn map_inputs<T, R>(items: &[T], f: impl Fn(&T) -> R) -> Vec<R> {
    items.iter().map(f).collect()
}

fn lint_file(
    request: &Request,
    options: &Options,
    path: &str,
    text: &str,
    effects: &mut Vec<Effect>,
    diffs: &mut String,
    results: &mut Vec<FileResult>,
) {
    let path = path.to_string();
    if !request.fix {
        results.push(match crate::check(text, options) {
            Ok(report) => FileResult::Report { path, report },
            Err(error) => FileResult::Error { path, error },
        });
        return;
    }
    match crate::fix(text, options) {
        Ok(fixed) => {
            if fixed.output != *text {
                // Standard input cannot be written back, so its fix is shown.
                if request.diff || path == "-" {
                    diffs.push_str(&redacted_diff(&path, text, &fixed.output, options));
                } else {
                    effects.push(Effect::Write { path: path.clone(), text: fixed.output });
                }
            }
            report_fixed(&path, fixed.applied.len(), effects);
            results.push(FileResult::Report { path, report: fixed.remaining });
        }
        Err(error) => results.push(FileResult::Error { path, error }),
    }
}

/// `--fix --diff` is read in CI logs like any report: its lines show secret values masked, as
/// `redact_text` masks them (layout kept, so the hunks are those of the real change).
fn redacted_diff(path: &str, before: &str, after: &str, options: &Options) -> String {
    match (crate::fix::redact_text(before, options.format), crate::fix::redact_text(after, options.format)) {
        (Ok(before), Ok(after)) => unified_diff(path, &before, &after),
        _ => diff_withheld(path),
    }
}

fn diff_withheld(path: &str) -> String {
    format!("--- a/{path}\n+++ b/{path}\n# the diff is withheld: its secrets could not be masked (run --fix to apply it)\n")
}

fn lint_module(
    request: &Request,
    options: &Options,
    dir: &str,
    files: &[(&str, &str)],
    effects: &mut Vec<Effect>,
    diffs: &mut String,
    results: &mut Vec<FileResult>,
) {
    let by_file = if request.fix {
        match crate::fix_module(files, options) {
            Ok(crate::ModuleFix { texts, fixed, remaining }) => {
                // Masked as one module, as it was read: a variable's secret default is masked where it is used too.
                let masked = |texts: &[(&str, &str)]| {
                    crate::fix::redact_text(&crate::input::module::join(texts), options.format)
                        .ok()
                        .and_then(|t| crate::input::module::split(&t))
                };
                let fixed_files: Vec<(&str, &str)> = texts.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
                let shown = if request.diff { masked(files).zip(masked(&fixed_files)) } else { None };
                for (i, ((path, before), (_, after))) in files.iter().zip(&texts).enumerate() {
                    if before != after {
                        if request.diff {
                            match shown.as_ref().and_then(|(b, a)| b.get(i).zip(a.get(i))) {
                                Some(((_, before), (_, after))) => diffs.push_str(&unified_diff(path, before, after)),
                                None => diffs.push_str(&diff_withheld(path)),
                            }
                        } else {
                            effects.push(Effect::Write { path: path.to_string(), text: after.clone() });
                        }
                    }
                }
                report_fixed(dir, fixed, effects);
                remaining
            }
            Err(errors) => errors,
        }
    } else {
        crate::check_module(files, options)
    };
    for (path, result) in by_file {
        results.push(match result {
            Ok(report) => FileResult::Report { path, report },
            Err(error) => FileResult::Error { path, error },
        });
    }
}

fn report_fixed(path: &str, count: usize, effects: &mut Vec<Effect>) {
    if count > 0 {
        effects.push(Effect::Stderr(format!("{path}: fixed {count} finding{}\n", if count == 1 { "" } else { "s" })));
    }
}

/// 2 when a file could not be read, else 1 when one did not pass, else 0.
fn exit_code(results: &[FileResult]) -> u8 {
    if results.iter().any(|r| matches!(r, FileResult::Error { .. })) {
        2
    } else if results.iter().any(|r| matches!(r, FileResult::Report { report, .. } if !report.passed)) {
        1
    } else {
        0
    }
}

fn explain(code: &str) -> Outcome {
    match crate::rules().into_iter().find(|r| r.code.eq_ignore_ascii_case(code) || r.name == code) {
        Some(rule) => printed(format!(
            "# {} {}\n\nSeverity: {}. Category: {}.\n\n{}\n",
            rule.code,
            rule.name,
            rule.severity.name(),
            rule.category.name(),
            rule.docs
        )),
        None => failure(&format!("unknown rule {code:?}")),
    }
}

fn list_rules(as_json: bool) -> Outcome {
    if as_json {
        return json(&crate::rules()).map_or_else(|message| failure(&message), printed);
    }
    let lines = crate::rules()
        .iter()
        .map(|rule| format!("{:<7} {:<45} {:<9} {}\n", rule.code, rule.name, rule.severity.name(), rule.summary))
        .collect();
    printed(lines)
}

fn json<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map(|text| text + "\n").map_err(|error| error.to_string())
}

fn printed(stdout: String) -> Outcome {
    Outcome { effects: Vec::new(), stdout, exit_code: 0 }
}

/// A usage, options or I/O error: nothing on stdout, exit 2.
fn failure(message: &str) -> Outcome {
    let text = format!("msk-connect-lint: {message}\nRun `msk-connect-lint --help` for usage.\n");
    Outcome { effects: vec![Effect::Stderr(text)], stdout: String::new(), exit_code: 2 }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SASL/PLAIN over plaintext (MSK011, critical, only an unsafe fix) and more.
    const CRITICAL: &str = "connector.class=io.confluent.connect.replicator.ReplicatorSourceConnector
src.kafka.bootstrap.servers=kafka-src.internal.example.com:9092
src.kafka.security.protocol=SASL_PLAINTEXT
src.kafka.sasl.mechanism=PLAIN
src.kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";
";
    /// No findings.
    const CLEAN: &str = "connector.class=io.confluent.connect.replicator.ReplicatorSourceConnector
src.kafka.bootstrap.servers=kafka-src.internal.example.com:9093
src.kafka.security.protocol=SSL
";
    /// One finding below high (MSK012, host name verification off) with a safe fix.
    const FIXABLE: &str = "connector.class=io.confluent.connect.replicator.ReplicatorSourceConnector
src.kafka.bootstrap.servers=kafka-src.internal.example.com:9093
src.kafka.security.protocol=SSL
src.kafka.ssl.endpoint.identification.algorithm=
";

    fn argv(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| a.to_string()).collect()
    }

    fn parse_error(args: &[&str]) -> String {
        match parse(&argv(args)) {
            Err(message) => message,
            Ok(command) => panic!("{args:?} parsed as {command:?}"),
        }
    }

    fn request(args: &[&str]) -> Request {
        match parse(&argv(args)) {
            Ok(Command::Lint(request)) => *request,
            other => panic!("{args:?}: {other:?}"),
        }
    }

    fn source(path: &str, text: &str) -> Source {
        Source { path: path.to_string(), text: Ok(text.to_string()) }
    }

    fn io(files: Vec<Source>) -> Io {
        Io { config: Some(None), files: Some(files), ..Io::default() }
    }

    /// The finished outcome for `args` (with `--no-config`) over `files`.
    fn finish(args: &[&str], files: Vec<Source>) -> Outcome {
        let mut args = argv(args);
        args.push("--no-config".to_string());
        match step(&args, &io(files)) {
            Step::Finish(outcome) => outcome,
            other => panic!("{args:?}: {other:?}"),
        }
    }

    fn stderr(outcome: &Outcome) -> String {
        outcome.effects.iter().filter_map(|e| if let Effect::Stderr(text) = e { Some(text.as_str()) } else { None }).collect()
    }

    fn writes(outcome: &Outcome) -> Vec<(&str, &str)> {
        outcome
            .effects
            .iter()
            .filter_map(|e| if let Effect::Write { path, text } = e { Some((path.as_str(), text.as_str())) } else { None })
            .collect()
    }

    #[test]
    fn argument_errors() {
        assert_eq!(parse_error(&["--bogus"]), "unknown option --bogus");
        assert_eq!(parse_error(&["--bogus=1"]), "unknown option --bogus");
        assert_eq!(parse_error(&["-x"]), "unknown option -x");
        assert_eq!(parse_error(&["--format"]), "--format needs a value");
        assert_eq!(parse_error(&["x.json", "--config"]), "--config needs a value");
        assert_eq!(parse_error(&["--severity", "MSK011"]), "--severity takes CODE=LEVEL");
        assert_eq!(parse_error(&["--diff", "x.json"]), "--diff goes with --fix");
        assert_eq!(parse_error(&["--bogus", "--help"]), "unknown option --bogus", "an error before --help wins");
        assert!(matches!(parse(&argv(&["--help", "--bogus"])), Ok(Command::Help)));
        assert!(matches!(parse(&argv(&["-h"])), Ok(Command::Help)));
        assert!(matches!(parse(&argv(&["--version", "--diff"])), Ok(Command::Version)));
    }

    #[test]
    fn flags_into_a_request() {
        let r = request(&["a.json", "--format=json", "--select", "MSK011, plaintext-secret,", "--select=MSK012", "-", "--fix"]);
        assert_eq!(r.paths, ["a.json", "-"]);
        assert_eq!(r.output, Output::Json);
        assert_eq!(r.flags.select, Some(argv(&["MSK011", "plaintext-secret", "MSK012"])));
        assert!(r.fix && !r.diff);
        assert_eq!(r.config, ConfigChoice::Search);

        let r = request(&["--format", "properties", "--severity=MSK011=low", "--fail-on", "none", "--no-config", "--unsafe-fixes"]);
        assert_eq!(r.paths, ["-"], "no path is standard input");
        assert_eq!(r.output, Output::Text);
        assert_eq!(r.flags.format.as_deref(), Some("properties"), "an input format, not an output one");
        assert_eq!(r.flags.severity.unwrap().get("MSK011").map(String::as_str), Some("low"));
        assert_eq!(r.flags.fail_on.as_deref(), Some("none"));
        assert_eq!(r.flags.unsafe_fixes, Some(true));
        assert_eq!(r.config, ConfigChoice::Skip);
        assert_eq!(request(&["--no-config", "--config", "c.json"]).config, ConfigChoice::File("c.json".into()));

        assert!(matches!(parse(&argv(&["--list-rules", "--format", "json"])), Ok(Command::ListRules { json: true })));
        assert!(matches!(parse(&argv(&["--list-rules", "--explain", "x"])), Ok(Command::Explain(code)) if code == "x"));
    }

    #[test]
    fn steps_read_the_config_then_the_files() {
        let args = argv(&["dir", "--format", "json"]);
        let Step::ReadConfig { path, search: true } = step(&args, &Io::default()) else { panic!("no config search") };
        assert_eq!(path, ".msk-connect-lint.json");
        let Step::ReadConfig { path, search: false } = step(&argv(&["--config", "c.json"]), &Io::default()) else { panic!() };
        assert_eq!(path, "c.json");
        assert!(matches!(step(&argv(&["--no-config"]), &Io::default()), Step::ReadFiles { .. }), "--no-config reads none");

        let config = Source { path: "/p/.msk-connect-lint.json".into(), text: Ok(r#"{"exclude":["legacy"],"failOn":"none"}"#.into()) };
        let mut state = Io { config: Some(Some(config)), ..Io::default() };
        let Step::ReadFiles { paths, extensions, exclude } = step(&args, &state) else { panic!("no files asked for") };
        assert_eq!((paths, extensions, exclude), (argv(&["dir"]), DIRECTORY_EXTENSIONS, argv(&["legacy"])));
        state.files = Some(vec![source("dir/a.properties", CRITICAL)]);
        let Step::Finish(outcome) = step(&args, &state) else { panic!("not finished") };
        assert_eq!(outcome.exit_code, 0, "failOn none from the config file");
    }

    #[test]
    fn config_errors_name_the_file_before_any_input_is_read() {
        let run = |text: Result<&str, &str>, args: &[&str]| {
            let config = Source { path: "c.json".into(), text: text.map(str::to_string).map_err(str::to_string) };
            match step(&argv(args), &Io { config: Some(Some(config)), ..Io::default() }) {
                Step::Finish(outcome) => outcome,
                other => panic!("{other:?}"),
            }
        };
        let outcome = run(Err("No such file or directory (os error 2)"), &["--config", "c.json"]);
        assert_eq!(outcome.exit_code, 2);
        assert_eq!(
            stderr(&outcome),
            "msk-connect-lint: c.json: No such file or directory (os error 2)\nRun `msk-connect-lint --help` for usage.\n"
        );
        let outcome = run(Ok(r#"{"typo": 1}"#), &[]);
        assert!(stderr(&outcome).starts_with("msk-connect-lint: c.json: "), "{}", stderr(&outcome));
        assert!(stderr(&outcome).contains("typo"), "{}", stderr(&outcome));
        let outcome = run(Ok(r#"{"failOn": "none"}"#), &["--fail-on", "severe"]);
        assert!(stderr(&outcome).starts_with("msk-connect-lint: failOn: unknown severity \"severe\""), "{}", stderr(&outcome));
        assert_eq!(outcome.stdout, "");
    }

    #[test]
    fn flags_win_over_the_config_file() {
        let config = Source { path: "c.json".into(), text: Ok(r#"{"failOn": "none", "ignore": ["MSK120"]}"#.into()) };
        let mut state = Io { config: Some(Some(config)), files: Some(vec![source("x.properties", CRITICAL)]), ..Io::default() };
        let Step::Finish(outcome) = step(&argv(&["x.properties"]), &state) else { panic!() };
        assert_eq!(outcome.exit_code, 0);
        assert!(!outcome.stdout.contains("MSK120"), "{}", outcome.stdout);
        let Step::Finish(outcome) = step(&argv(&["x.properties", "--fail-on", "critical"]), &state) else { panic!() };
        assert_eq!(outcome.exit_code, 1);
        state.files = Some(vec![source("x.properties", FIXABLE)]);
        let Step::Finish(outcome) = step(&argv(&["x.properties", "--fail-on", "low"]), &state) else { panic!() };
        assert_eq!(outcome.exit_code, 1);
    }

    #[test]
    fn exit_codes() {
        assert_eq!(finish(&[], vec![source("a", CLEAN)]).exit_code, 0);
        assert_eq!(finish(&[], vec![source("a", FIXABLE)]).exit_code, 0, "below the default high");
        assert_eq!(finish(&[], vec![source("a", CLEAN), source("b", CRITICAL)]).exit_code, 1);
        assert_eq!(finish(&["--fail-on", "none"], vec![source("b", CRITICAL)]).exit_code, 0);
        let unreadable = Source { path: "gone.json".into(), text: Err("No such file or directory (os error 2)".into()) };
        let outcome = finish(&[], vec![source("b", CRITICAL), unreadable, source("a", CLEAN)]);
        assert_eq!(outcome.exit_code, 2, "an unreadable file is worse than a finding");
        assert!(
            outcome.stdout.contains("gone.json:1:1: error: cannot read: No such file or directory (os error 2)\n"),
            "{}",
            outcome.stdout
        );
        assert!(outcome.stdout.contains("Found "), "the other files are still checked");
        assert_eq!(finish(&[], vec![source("broken.json", "{\n  \"name\": ")]).exit_code, 2);
        for args in [&["--bogus"][..], &["--explain", "nope"], &["--select", "MSK999"]] {
            let outcome = finish(args, vec![source("a", CLEAN)]);
            assert_eq!((outcome.exit_code, outcome.stdout.as_str()), (2, ""), "{args:?}");
            assert!(stderr(&outcome).ends_with("\nRun `msk-connect-lint --help` for usage.\n"));
        }
        let stdin = Source { path: "-".into(), text: Err("Bad file descriptor (os error 9)".into()) };
        let outcome = finish(&["--fix", "--unsafe-fixes"], vec![source("a", CRITICAL), stdin]);
        assert_eq!(outcome.exit_code, 2);
        assert_eq!(outcome.effects.len(), 1, "no fix written when standard input failed: {:?}", outcome.effects);
        assert!(stderr(&outcome).starts_with("msk-connect-lint: cannot read standard input: Bad file descriptor"));
    }

    #[test]
    fn summary_lines_and_formats() {
        let outcome = finish(&[], vec![source("a.properties", CLEAN)]);
        assert_eq!(outcome.stdout, "No findings in 1 file\n");
        let outcome = finish(&[], vec![source("a.properties", FIXABLE), source("b.properties", CLEAN)]);
        assert!(outcome.stdout.starts_with("a.properties:4:"), "{}", outcome.stdout);
        let summary = outcome.stdout.lines().rev().nth(1).unwrap_or_default();
        assert!(summary.starts_with("Found 1 finding in 2 files (0 critical, 0 high, "), "{}", outcome.stdout);
        assert!(outcome.stdout.ends_with(" info)\n1 fixable with --fix (0 more with --fix --unsafe-fixes)\n"), "{}", outcome.stdout);
        let doc: serde_json::Value = serde_json::from_str(&finish(&["--format", "json"], vec![source("a", CRITICAL)]).stdout).unwrap();
        assert_eq!((doc["files"][0]["path"].as_str(), doc["passed"].as_bool()), (Some("a"), Some(false)));
        let sarif: serde_json::Value = serde_json::from_str(&finish(&["--format", "sarif"], vec![source("a", CRITICAL)]).stdout).unwrap();
        assert_eq!(sarif["version"], "2.1.0");
        assert!(finish(&["--format", "github"], vec![source("a", CRITICAL)]).stdout.starts_with("::error file=a,line="));
        let Step::Finish(outcome) = step(&argv(&["--version"]), &Io::default()) else { panic!() };
        assert_eq!(outcome, printed(format!("msk-connect-lint {}\n", crate::VERSION)));
        let Step::Finish(outcome) = step(&argv(&["--explain", "msk011"]), &Io::default()) else { panic!() };
        assert!(outcome.stdout.starts_with("# MSK011 sasl-plain-over-plaintext\n\nSeverity: critical. Category: "), "{}", outcome.stdout);
        let Step::Finish(outcome) = step(&argv(&["--list-rules"]), &Io::default()) else { panic!() };
        assert_eq!(outcome.stdout.lines().count(), crate::rules().len());
        assert!(outcome.stdout.lines().all(|l| l.starts_with("MSK")));
    }

    #[test]
    fn fix_writes_files_and_shows_standard_input() {
        let outcome = finish(&["--fix"], vec![source("low.properties", FIXABLE), source("critical.properties", CRITICAL)]);
        let fixed = FIXABLE.replace("algorithm=\n", "algorithm=https\n");
        assert_eq!(writes(&outcome), [("low.properties", fixed.as_str())], "MSK011's fix is unsafe, so not applied");
        assert_eq!(stderr(&outcome), "low.properties: fixed 1 finding\n");
        assert_eq!(outcome.exit_code, 1, "what remains still fails");
        assert!(!outcome.stdout.contains("MSK012"), "the report is of what remains: {}", outcome.stdout);

        let outcome = finish(&["--fix", "--unsafe-fixes"], vec![source("critical.properties", CRITICAL)]);
        let [(path, text)] = writes(&outcome)[..] else { panic!("{outcome:?}") };
        assert_eq!(path, "critical.properties");
        assert!(text.contains("src.kafka.security.protocol=SASL_SSL\n"), "{text}");
        assert!(
            matches!(&outcome.effects[..], [Effect::Write { .. }, Effect::Stderr(note)] if note.starts_with("critical.properties: fixed "))
        );

        for args in [&["--fix", "--diff"][..], &["--fix"]] {
            let path = if args.len() == 2 { "low.properties" } else { "-" };
            let outcome = finish(args, vec![source(path, FIXABLE)]);
            assert!(writes(&outcome).is_empty(), "{args:?}");
            let diff = format!("--- a/{path}\n+++ b/{path}\n@@ ");
            assert!(outcome.stdout.starts_with(&diff), "{}", outcome.stdout);
            assert!(outcome.stdout.contains("\n+src.kafka.ssl.endpoint.identification.algorithm=https\n"), "{}", outcome.stdout);
            assert_eq!(stderr(&outcome), format!("{path}: fixed 1 finding\n"));
        }
        assert_eq!(finish(&["--fix"], vec![source("clean.properties", CLEAN)]).effects, [], "nothing to fix, nothing written");
    }

    #[test]
    fn a_failed_write_ends_the_run() {
        let mut state = io(vec![source("low.properties", FIXABLE)]);
        state.write_failed = Some(WriteFailure { path: "low.properties".into(), error: "Permission denied (os error 13)".into() });
        let Step::Finish(outcome) = step(&argv(&["--fix", "--no-config"]), &state) else { panic!() };
        assert_eq!(outcome.exit_code, 2);
        assert_eq!(outcome.stdout, "");
        assert_eq!(
            outcome.effects,
            [Effect::Stderr(
                "msk-connect-lint: low.properties: cannot write: Permission denied (os error 13)\nRun `msk-connect-lint --help` for usage.\n"
                    .into()
            )]
        );
    }

    #[test]
    fn io_from_json_as_the_node_cli_sends_it() {
        let state: Io = serde_json::from_str(r#"{"color":true}"#).unwrap();
        assert!(state.color && state.config.is_none() && state.files.is_none());
        let state: Io = serde_json::from_str(r#"{"config":null,"files":[{"path":"a","text":"x"},{"path":"b","error":"e"}]}"#).unwrap();
        assert!(matches!(state.config, Some(None)), "null: searched, none found");
        let files = state.files.unwrap();
        assert_eq!((files[0].text.clone(), files[1].text.clone()), (Ok("x".to_string()), Err("e".to_string())));
        for bad in [r#"{"files":[{"path":"a"}]}"#, r#"{"files":[{"path":"a","text":"x","error":"e"}]}"#, r#"{"today":"2026-01-01"}"#] {
            assert!(serde_json::from_str::<Io>(bad).is_err(), "{bad}");
        }
        let step = serde_json::to_value(Step::Finish(failure("x"))).unwrap();
        assert_eq!(step["finish"]["exitCode"], 2);
        assert!(step["finish"]["effects"][0]["stderr"].is_string());
        let step = serde_json::to_value(step_for_files()).unwrap();
        assert_eq!(step["readFiles"]["extensions"], serde_json::json!(["json", "properties", "yaml", "yml", "tf", "tfvars"]));
    }

    fn step_for_files() -> Step {
        step(&argv(&["--no-config"]), &Io::default())
    }
}
