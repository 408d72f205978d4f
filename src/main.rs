//! The native CLI; the same flags, formats and exit codes as the Node CLI.

use msk_connect_lint::render::{self, unified_diff, FileResult, Style, USAGE};
use msk_connect_lint::{check, fix, rules, sarif, Options, OptionsInput};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const OUTPUT_FORMATS: [&str; 4] = ["text", "json", "sarif", "github"];
const DIRECTORY_EXTENSIONS: [&str; 2] = ["json", "properties"];

struct Args {
    paths: Vec<String>,
    output: String,
    cli: OptionsInput,
    fix: bool,
    diff: bool,
    config: Option<PathBuf>,
    no_config: bool,
    explain: Option<String>,
    list_rules: bool,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("msk-connect-lint: {message}");
            eprintln!("Run `msk-connect-lint --help` for usage.");
            ExitCode::from(2)
        }
    }
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        paths: Vec::new(),
        output: "text".to_string(),
        cli: OptionsInput::default(),
        fix: false,
        diff: false,
        config: None,
        no_config: false,
        explain: None,
        list_rules: false,
    };
    let mut iter = std::env::args().skip(1);
    let list = |value: String| value.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect::<Vec<_>>();
    while let Some(arg) = iter.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| inline.clone().or_else(|| iter.next()).ok_or_else(|| format!("{name} needs a value"));
        match flag.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "--version" => {
                println!("msk-connect-lint {}", msk_connect_lint::VERSION);
                return Ok(None);
            }
            "--format" => {
                let v = value("--format")?;
                if OUTPUT_FORMATS.contains(&v.as_str()) {
                    args.output = v;
                } else {
                    args.cli.format = Some(v);
                }
            }
            "--fail-on" => args.cli.fail_on = Some(value("--fail-on")?),
            "--select" => args.cli.select.get_or_insert_with(Vec::new).extend(list(value("--select")?)),
            "--ignore" => args.cli.ignore.get_or_insert_with(Vec::new).extend(list(value("--ignore")?)),
            "--severity" => {
                let v = value("--severity")?;
                let (code, level) = v.split_once('=').ok_or("--severity takes CODE=LEVEL")?;
                args.cli.severity.get_or_insert_with(Default::default).insert(code.to_string(), level.to_string());
            }
            "--fix" => args.fix = true,
            "--unsafe-fixes" => args.cli.unsafe_fixes = Some(true),
            "--diff" => args.diff = true,
            "--config" => args.config = Some(PathBuf::from(value("--config")?)),
            "--no-config" => args.no_config = true,
            "--explain" => args.explain = Some(value("--explain")?),
            "--list-rules" => args.list_rules = true,
            "-" => args.paths.push(arg),
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            _ => args.paths.push(arg),
        }
    }
    if args.diff && !args.fix {
        return Err("--diff goes with --fix".to_string());
    }
    Ok(Some(args))
}

fn run() -> Result<u8, String> {
    let Some(args) = parse_args()? else { return Ok(0) };
    if let Some(code) = &args.explain {
        let rule = rules()
            .into_iter()
            .find(|r| r.code.eq_ignore_ascii_case(code) || r.name == *code)
            .ok_or_else(|| format!("unknown rule {code:?}"))?;
        println!(
            "# {} {}\n\nSeverity: {}. Category: {}.\n\n{}",
            rule.code,
            rule.name,
            rule.severity.name(),
            rule.category.name(),
            rule.docs
        );
        return Ok(0);
    }
    if args.list_rules {
        if args.output == "json" {
            println!("{}", serde_json::to_string_pretty(&rules()).map_err(|e| e.to_string())?);
        } else {
            for rule in rules() {
                println!("{:<7} {:<45} {:<9} {}", rule.code, rule.name, rule.severity.name(), rule.summary);
            }
        }
        return Ok(0);
    }
    let (options, exclude) = load_options(&args)?;
    let files = collect_files(&args.paths, &exclude)?;
    let mut results = Vec::new();
    let mut diffs = String::new();
    for (path, read) in files {
        let text = match read {
            Ok(text) => text,
            Err(message) => {
                results.push(FileResult::Error { path, error: msk_connect_lint::LocatedError { message, line: 1, column: 1 } });
                continue;
            }
        };
        if args.fix {
            match fix(&text, &options) {
                Ok(outcome) => {
                    if outcome.output != text {
                        if args.diff || path == "-" {
                            diffs.push_str(&unified_diff(&path, &text, &outcome.output));
                        } else if let Err(e) = std::fs::write(&path, &outcome.output) {
                            return Err(format!("{path}: cannot write: {e}"));
                        }
                    }
                    if !outcome.applied.is_empty() {
                        eprintln!("{path}: fixed {} finding{}", outcome.applied.len(), if outcome.applied.len() == 1 { "" } else { "s" });
                    }
                    results.push(FileResult::Report { path, report: outcome.remaining });
                }
                Err(error) => results.push(FileResult::Error { path, error }),
            }
            continue;
        }
        match check(&text, &options) {
            Ok(report) => results.push(FileResult::Report { path, report }),
            Err(error) => results.push(FileResult::Error { path, error }),
        }
    }
    let out = match args.output.as_str() {
        "json" => serde_json::to_string_pretty(&render::document(&results)).map_err(|e| e.to_string())? + "\n",
        "sarif" => serde_json::to_string_pretty(&sarif::sarif(&results)).map_err(|e| e.to_string())? + "\n",
        "github" => render::github(&results),
        _ => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            render::text(&results, &Style { color })
        }
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(diffs.as_bytes());
    let _ = stdout.write_all(out.as_bytes());
    let errors = results.iter().any(|r| matches!(r, FileResult::Error { .. }));
    let failed = results.iter().any(|r| matches!(r, FileResult::Report { report, .. } if !report.passed));
    Ok(if errors {
        2
    } else if failed {
        1
    } else {
        0
    })
}

/// The options, and the config file's `exclude` patterns with the directory they are relative to.
fn load_options(args: &Args) -> Result<(Options, Exclude), String> {
    let config_path = match (&args.config, args.no_config) {
        (Some(path), _) => Some(path.clone()),
        (None, true) => None,
        (None, false) => find_config(),
    };
    let (base, exclude) = match config_path {
        Some(path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let input = OptionsInput::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            let dir = std::path::absolute(&path).ok().and_then(|p| p.parent().map(Path::to_path_buf)).unwrap_or_default();
            let exclude = Exclude::new(dir, input.exclude.clone().unwrap_or_default());
            (input, exclude)
        }
        None => (OptionsInput::default(), Exclude::default()),
    };
    let options = base.merged(args.cli.clone()).resolve().map_err(|e| e.to_string())?;
    Ok((options, exclude))
}

fn find_config() -> Option<PathBuf> {
    let mut dir = std::env::current_dir().ok()?;
    loop {
        let candidate = dir.join(".msk-connect-lint.json");
        if candidate.is_file() {
            return Some(candidate);
        }
        if !dir.pop() {
            return None;
        }
    }
}

type Input = (String, Result<String, String>);

fn collect_files(paths: &[String], exclude: &Exclude) -> Result<Vec<Input>, String> {
    if paths.is_empty() || paths == ["-"] {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(vec![("-".to_string(), Ok(decode(bytes)))]);
    }
    let mut files = Vec::new();
    for path in paths {
        if path == "-" {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
            files.push(("-".to_string(), Ok(decode(bytes))));
            continue;
        }
        let p = Path::new(path);
        if p.is_dir() {
            read_walk(p, exclude, &mut files);
        } else if has_glob_magic(path) && !p.exists() {
            let matches: Vec<String> = expand_glob(path).into_iter().filter(|m| !exclude.matches(Path::new(m))).collect();
            if matches.is_empty() {
                files.push((path.clone(), Err("cannot read: no file matches this pattern".to_string())));
            }
            for found in matches {
                if Path::new(&found).is_dir() {
                    read_walk(Path::new(&found), exclude, &mut files);
                } else {
                    let read = std::fs::read(&found).map(decode).map_err(|e| format!("cannot read: {e}"));
                    files.push((found, read));
                }
            }
        } else {
            let read = std::fs::read(p).map(decode).map_err(|e| format!("cannot read: {e}"));
            files.push((path.clone(), read));
        }
    }
    Ok(files)
}

fn read_walk(dir: &Path, exclude: &Exclude, files: &mut Vec<Input>) {
    let mut found = Vec::new();
    walk(dir, &mut found);
    found.sort();
    for file in found.into_iter().filter(|f| !exclude.matches(f)) {
        let read = std::fs::read(&file).map(decode).map_err(|e| format!("cannot read: {e}"));
        files.push((file.display().to_string(), read));
    }
}

fn has_glob_magic(text: &str) -> bool {
    text.contains(['*', '?', '['])
}

/// One path segment of a glob: `*`, `?`, `[...]` and `[!...]`; a leading dot is never matched.
fn segment_matches(pattern: &str, name: &str) -> bool {
    fn go(p: &[char], n: &[char]) -> bool {
        match p.first() {
            None => n.is_empty(),
            Some('*') => go(&p[1..], n) || (!n.is_empty() && go(p, &n[1..])),
            Some('?') => !n.is_empty() && go(&p[1..], &n[1..]),
            Some('[') => match p.iter().skip(2).position(|&c| c == ']').map(|i| i + 2) {
                Some(close) => {
                    let Some(&c) = n.first() else { return false };
                    let (negate, body) = match p[1] {
                        '!' => (true, &p[2..close]),
                        _ => (false, &p[1..close]),
                    };
                    let mut hit = false;
                    let mut i = 0;
                    while i < body.len() {
                        if i + 2 < body.len() && body[i + 1] == '-' {
                            hit |= body[i] <= c && c <= body[i + 2];
                            i += 3;
                        } else {
                            hit |= body[i] == c;
                            i += 1;
                        }
                    }
                    hit != negate && go(&p[close + 1..], &n[1..])
                }
                None => n.first() == Some(&'[') && go(&p[1..], &n[1..]),
            },
            Some(&c) => n.first() == Some(&c) && go(&p[1..], &n[1..]),
        }
    }
    if name.starts_with('.') {
        return false;
    }
    go(&pattern.chars().collect::<Vec<_>>(), &name.chars().collect::<Vec<_>>())
}

/// Expands `*`, `?`, `[...]` and `**` (any depth) for shells that pass patterns through.
fn expand_glob(pattern: &str) -> Vec<String> {
    let absolute = pattern.starts_with('/');
    let segments: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
    let mut results = std::collections::BTreeSet::new();
    fn step(base: &str, index: usize, segments: &[&str], absolute: bool, results: &mut std::collections::BTreeSet<String>) {
        if index == segments.len() {
            results.insert(base.to_string());
            return;
        }
        let dir = if base.is_empty() {
            if absolute {
                "/"
            } else {
                "."
            }
        } else {
            base
        };
        let next = |name: &str| {
            if base.is_empty() {
                if absolute {
                    format!("/{name}")
                } else {
                    name.to_string()
                }
            } else {
                format!("{base}/{name}")
            }
        };
        let names = || -> Vec<String> {
            std::fs::read_dir(dir).map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().to_string()).collect()).unwrap_or_default()
        };
        let segment = segments[index];
        if segment == "**" {
            step(base, index + 1, segments, absolute, results);
            for name in names() {
                if name.starts_with('.') || name == "node_modules" {
                    continue;
                }
                let path = next(&name);
                if Path::new(&path).is_dir() {
                    step(&path, index, segments, absolute, results);
                }
            }
        } else if !has_glob_magic(segment) {
            let path = next(segment);
            if Path::new(&path).exists() {
                step(&path, index + 1, segments, absolute, results);
            }
        } else {
            for name in names() {
                if segment_matches(segment, &name) {
                    step(&next(&name), index + 1, segments, absolute, results);
                }
            }
        }
    }
    step("", 0, &segments, absolute, &mut results);
    let mut found: Vec<String> = results.into_iter().collect();
    found.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    found
}

/// The config file's `exclude` patterns, relative to its directory: a pattern with a `/` matches
/// the path (or a directory above the file); one without matches any path component. They apply
/// to files found by walking directories or expanding globs, not to files named outright.
#[derive(Default)]
struct Exclude {
    dir: PathBuf,
    patterns: Vec<(bool, Vec<String>)>,
}

impl Exclude {
    fn new(dir: PathBuf, raw: Vec<String>) -> Exclude {
        let patterns = raw
            .iter()
            .map(|r| {
                let pattern = r.strip_prefix("./").unwrap_or(r).trim_end_matches('/');
                (pattern.contains('/'), pattern.split('/').map(str::to_string).collect())
            })
            .collect();
        Exclude { dir, patterns }
    }

    fn matches(&self, file: &Path) -> bool {
        if self.patterns.is_empty() {
            return false;
        }
        let Ok(absolute) = std::path::absolute(file) else { return false };
        let Ok(relative) = absolute.strip_prefix(&self.dir) else { return false };
        let components: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().to_string()).collect();
        fn parts_match(parts: &[String], components: &[String]) -> bool {
            match parts.first() {
                None => components.is_empty(),
                Some(p) if p == "**" => {
                    parts_match(&parts[1..], components) || (!components.is_empty() && parts_match(parts, &components[1..]))
                }
                Some(p) => !components.is_empty() && segment_matches(p, &components[0]) && parts_match(&parts[1..], &components[1..]),
            }
        }
        self.patterns.iter().any(|(anchored, parts)| {
            if !anchored {
                return parts.first().is_some_and(|p| p != "**" && components.iter().any(|c| segment_matches(p, c)));
            }
            (1..=components.len()).any(|n| parts_match(parts, &components[..n]))
        })
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') || name == "node_modules" {
            continue;
        }
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| DIRECTORY_EXTENSIONS.contains(&e)) {
            out.push(path);
        }
    }
}

/// UTF-8 when it is; otherwise ISO-8859-1, as Java reads properties files.
fn decode(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| e.into_bytes().iter().map(|&b| char::from(b)).collect())
}
