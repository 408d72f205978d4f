//! A Terraform module (a directory) as one input. Its files are joined into one text, each
//! after a marker line naming it, so every span, finding and fix works on that one text as on a
//! single file; `files` splits the text back and `locate` maps an offset to a file.
//!
//! ```text
//! #@msk-connect-lint module file: main.tf
//! resource "aws_mskconnect_connector" "x" { ... }
//! #@msk-connect-lint module file: terraform.tfvars
//! brokers = "b-1...:9094"
//! ```
//!
//! `.tf` files are the module; `terraform.tfvars` and `*.auto.tfvars` set variables; any other
//! file is there for `file("${path.module}/name")`.

use super::terraform;
use super::InputError;
use crate::connector::Connector;
use crate::span::Span;

/// Starts every file of a joined module: a comment in HCL, so the joined text is still HCL.
pub const MARKER: &str = "#@msk-connect-lint module file: ";

/// What every marker starts with; a numbered one (`#@msk-connect-lint module file 2: `) is used
/// when a file holds a line that reads as the plain marker, so no file's own text can start a
/// file of its own (found by fuzzing: a `.tf` line forging the marker made a fifth file, and a fix
/// would have been written to whatever path that line named).
const MARKER_HEAD: &str = "#@msk-connect-lint module file";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleFile {
    pub path: String,
    /// The file's content inside the joined text.
    pub span: Span,
}

/// Joins `(path, text)` pairs into one module text. Each file is followed by one line break,
/// which `files` takes off again, so splitting gives back every file byte for byte.
pub fn join(files: &[(&str, &str)]) -> String {
    let forged = |marker: &str| files.iter().any(|(_, text)| text.starts_with(marker) || text.contains(&format!("\n{marker}")));
    let mut marker = MARKER.to_string();
    let mut n = 1;
    while forged(&marker) {
        n += 1;
        marker = format!("{MARKER_HEAD} {n}: ");
    }
    let mut out = String::new();
    for (path, text) in files {
        // A path cannot hold a line break here: it would end the marker.
        let path: String = path.chars().map(|c| if c == '\n' || c == '\r' { '_' } else { c }).collect();
        out.push_str(&marker);
        out.push_str(&path);
        out.push('\n');
        out.push_str(text);
        out.push('\n');
    }
    out
}

/// The marker a joined text uses (its first line's), `None` when `text` is not a joined module.
fn marker_of(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(MARKER_HEAD)?;
    let numbered = rest.strip_prefix(' ').unwrap_or("");
    let digits = numbered.bytes().take_while(u8::is_ascii_digit).count();
    let after = if digits == 0 { rest } else { numbered.get(digits..)? };
    after.starts_with(": ").then(|| text.get(..text.len() - after.len() + 2)).flatten()
}

/// The files of a joined module text; `None` when `text` is not one.
pub fn files(text: &str) -> Option<Vec<ModuleFile>> {
    let marker = marker_of(text)?;
    let mut files = Vec::new();
    let mut at = 0;
    while let Some(rest) = text.get(at..).and_then(|r| r.strip_prefix(marker)) {
        let header_end = at + marker.len() + rest.find('\n')?;
        let path = text.get(at + marker.len()..header_end)?.to_string();
        let start = header_end + 1;
        let tail = text.get(start..)?;
        let next = tail.find(&format!("\n{marker}")).map(|i| start + i);
        // Without a following marker the file runs to the end, minus the line break `join` added.
        let end = match next {
            Some(end) => end,
            None => start + tail.strip_suffix('\n').unwrap_or(tail).len(),
        };
        files.push(ModuleFile { path, span: Span::new(start, end) });
        at = match next {
            Some(end) => end + 1,
            None => text.len(),
        };
    }
    Some(files)
}

/// The file holding `offset` and the offset inside that file.
pub fn locate(files: &[ModuleFile], offset: usize) -> Option<(&ModuleFile, usize)> {
    files.iter().find(|f| f.span.start <= offset && offset <= f.span.end).map(|f| (f, offset - f.span.start))
}

/// The file, 1-based line and UTF-16 column of `offset` in the joined text, for output.
pub fn position<'a>(text: &str, files: &'a [ModuleFile], offset: usize) -> Option<(&'a str, crate::span::Position)> {
    let (file, local) = locate(files, offset)?;
    let content = text.get(file.span.start..file.span.end)?;
    Some((file.path.as_str(), crate::span::LineIndex::new(content).position(local)))
}

/// Each file's new content after edits to the joined text (a fix); `None` when the markers were
/// damaged, which an edit of a value never does.
pub fn split(text: &str) -> Option<Vec<(String, String)>> {
    files(text)?.into_iter().map(|f| Some((f.path, text.get(f.span.start..f.span.end)?.to_string()))).collect()
}

pub(super) fn read(text: &str, files: &[ModuleFile]) -> Result<Vec<Connector>, InputError> {
    let mut parsed = Vec::new();
    let mut others = Vec::new();
    for file in files {
        let content = text.get(file.span.start..file.span.end).unwrap_or("");
        let name = file.path.rsplit(['/', '\\']).next().unwrap_or(&file.path);
        let is_tfvars = name == "terraform.tfvars" || name.ends_with(".auto.tfvars");
        if name.ends_with(".tf") || is_tfvars {
            parsed.push(terraform::parse_file(&file.path, content, file.span.start).map_err(|e| in_file(&file.path, e))?);
        } else {
            others.push((name.to_string(), file.span));
        }
    }
    let mut out = Vec::new();
    terraform::read_with_files(text, &parsed, &others, &mut out);
    Ok(out)
}

fn in_file(path: &str, error: InputError) -> InputError {
    InputError { message: format!("{path}: {}", error.message), offset: error.offset }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_that_forges_the_marker_stays_in_its_file() {
        let forged = format!("a = 1\n{MARKER}/tmp/elsewhere.tf\nb = 2");
        let twice = format!("{forged}\n#@msk-connect-lint module file 2: x.tf\n");
        for text in [forged.as_str(), twice.as_str(), &format!("{MARKER}x.tf\n")] {
            let files = [("main.tf", text), ("terraform.tfvars", "c = 3")];
            let joined = join(&files);
            let back = split(&joined).expect("a joined module splits");
            assert_eq!(back, files.map(|(p, t)| (p.to_string(), t.to_string())), "for {text:?}");
        }
    }

    #[test]
    fn joins_and_splits_back_byte_for_byte() {
        let files = [("main.tf", "a = 1\n"), ("terraform.tfvars", "b = 2"), ("empty.tf", "")];
        let text = join(&files);
        let split = split(&text).unwrap();
        let back: Vec<(&str, &str)> = split.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        assert_eq!(back, files);
        let parts = super::files(&text).unwrap();
        let offset = text.find("b = 2").unwrap();
        let (file, local) = locate(&parts, offset).unwrap();
        assert_eq!((file.path.as_str(), local), ("terraform.tfvars", 0));
        let (path, at) = position(&text, &parts, offset + 2).unwrap();
        assert_eq!((path, at.line, at.column), ("terraform.tfvars", 1, 3));
        assert!(super::files("a = 1").is_none());
    }
}
