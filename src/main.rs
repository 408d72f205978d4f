//! The native CLI's front door: the file system and the terminal. Flags, options, check and fix,
//! output and exit codes are `msk_connect_lint::cli`, the same code the Node CLI runs through wasm.

use msk_connect_lint::cli::{self, Effect, Io, Source, Step, WriteFailure};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    msk_connect_lint::install_panic_hook();
    // Lossy, not a panic, for an argument that is not UTF-8.
    let argv: Vec<String> = std::env::args_os().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut io = Io { color, ..Io::default() };
    loop {
        match cli::step(&argv, &io) {
            Step::ReadConfig { path, search } => io.config = Some(read_config(&path, search)),
            Step::ReadFiles { paths, extensions, exclude } => {
                let dir = io.config.iter().flatten().next().and_then(|c| std::path::absolute(&c.path).ok());
                let exclude = Exclude::new(dir.and_then(|p| p.parent().map(Path::to_path_buf)).unwrap_or_default(), exclude);
                io.files = Some(collect_files(&paths, extensions, &exclude));
            }
            Step::Finish(outcome) => match perform(&outcome.effects) {
                Err(failed) => io.write_failed = Some(failed),
                Ok(()) => {
                    let _ = std::io::stdout().lock().write_all(outcome.stdout.as_bytes());
                    return ExitCode::from(outcome.exit_code);
                }
            },
        }
    }
}

/// Prints and writes in order; stops at the first write that fails.
fn perform(effects: &[Effect]) -> Result<(), WriteFailure> {
    for effect in effects {
        match effect {
            Effect::Stderr(text) => {
                let _ = std::io::stderr().lock().write_all(text.as_bytes());
            }
            Effect::Write { path, text } => {
                std::fs::write(path, text).map_err(|e| WriteFailure { path: path.clone(), error: io_message(&e) })?;
            }
        }
    }
    Ok(())
}

/// `path`, or with `search` the first directory from here upward that has a file of that name.
fn read_config(path: &str, search: bool) -> Option<Source> {
    let path = if search { find_upward(path)? } else { PathBuf::from(path) };
    let text = std::fs::read_to_string(&path).map_err(|e| io_message(&e));
    Some(Source { path: path.display().to_string(), text })
}

fn find_upward(name: &str) -> Option<PathBuf> {
    let mut dir = std::env::current_dir().ok()?;
    loop {
        let candidate = dir.join(name);
        if candidate.is_file() {
            return Some(candidate);
        }
        if !dir.pop() {
            return None;
        }
    }
}

fn collect_files(paths: &[String], extensions: &[&str], exclude: &Exclude) -> Vec<Source> {
    let mut files = Vec::new();
    for path in paths {
        if path == "-" {
            let mut bytes = Vec::new();
            let text = std::io::stdin().read_to_end(&mut bytes).map(|_| decode(bytes)).map_err(|e| io_message(&e));
            files.push(Source { path: path.clone(), text });
            continue;
        }
        let p = Path::new(path);
        if p.is_dir() {
            read_walk(p, extensions, exclude, &mut files);
        } else if has_glob_magic(path) && !p.exists() {
            let matches: Vec<String> = expand_glob(path).into_iter().filter(|m| !exclude.matches(Path::new(m))).collect();
            if matches.is_empty() {
                files.push(Source { path: path.clone(), text: Err("no file matches this pattern".to_string()) });
            }
            for found in matches {
                if Path::new(&found).is_dir() {
                    read_walk(Path::new(&found), extensions, exclude, &mut files);
                } else {
                    files.push(read(Path::new(&found)));
                }
            }
        } else {
            files.push(read(p));
        }
    }
    files
}

fn read(path: &Path) -> Source {
    let text = std::fs::read(path).map(decode).map_err(|e| io_message(&e));
    Source { path: path.display().to_string(), text }
}

fn read_walk(dir: &Path, extensions: &[&str], exclude: &Exclude, files: &mut Vec<Source>) {
    let mut found = Vec::new();
    walk(dir, extensions, &mut found);
    found.sort();
    for file in found.into_iter().filter(|f| !exclude.matches(f)) {
        files.push(read(&file));
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

fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') || name == "node_modules" {
            continue;
        }
        if path.is_dir() {
            walk(&path, extensions, out);
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e)) {
            out.push(path);
        }
    }
}

/// UTF-8 when it is; otherwise ISO-8859-1, as Java reads properties files.
fn decode(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| e.into_bytes().iter().map(|&b| char::from(b)).collect())
}

/// An I/O error as Rust words it on Linux: natively that is `Display`.
#[cfg(not(target_os = "wasi"))]
fn io_message(error: &std::io::Error) -> String {
    error.to_string()
}

/// WASI numbers errors its own way (no such file is 44, not 2); the WASI command prints Linux's
/// number for the common ones, so that its output is the native CLI's.
#[cfg(target_os = "wasi")]
fn io_message(error: &std::io::Error) -> String {
    const LINUX: &[(i32, i32)] =
        &[(63, 1), (44, 2), (29, 5), (8, 9), (2, 13), (20, 17), (54, 20), (31, 21), (28, 22), (51, 28), (69, 30), (37, 36), (32, 40)];
    let text = error.to_string();
    match error.raw_os_error().and_then(|wasi| LINUX.iter().find(|(w, _)| *w == wasi)) {
        Some((wasi, linux)) => text.replace(&format!("(os error {wasi})"), &format!("(os error {linux})")),
        None => text,
    }
}
