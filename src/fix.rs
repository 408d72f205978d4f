//! Applies fixes as text edits that keep the user's formatting: key order, comments and
//! indentation stay; values are replaced in place, new keys go after the last one.

use crate::connector::{Connector, Format, InsertPoint};
use crate::finding::{Applicability, Edit, Finding};
use crate::input::{self, json, properties, InputError};
use crate::policy::Options;
use crate::report::{build_report, Report};
use crate::span::Span;

/// Passes over the input; each pass applies the fixes that do not overlap, then re-checks.
const MAX_PASSES: usize = 8;

#[derive(Clone, Debug)]
pub struct FixOutcome {
    pub output: String,
    pub applied: Vec<Finding>,
    pub remaining: Report,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct TextEdit {
    span: Span,
    text: String,
    /// Order of insertions at the same offset.
    sequence: usize,
}

pub fn fix(text: &str, options: &Options) -> Result<FixOutcome, InputError> {
    let threshold = if options.unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe };
    let mut current = text.to_string();
    let mut applied = Vec::new();
    // A properties file stays one after its fixes, even when they remove the keys that told it
    // apart (a worker configuration left with only `key.converter` lines).
    let mut format = options.format;
    for pass in 0..MAX_PASSES {
        let connectors = if pass == 0 { input::read(&current, format)? } else { read_fixed(&current, format)? };
        if let [only] = connectors.as_slice() {
            if matches!(only.format, Format::Properties | Format::MskWorkerConfiguration) && pass == 0 {
                format = format.or(Some(only.format));
            }
        }
        let report = build_report(Some(&current), &connectors, options);
        let mut edits: Vec<TextEdit> = Vec::new();
        let mut touched: Vec<(usize, String)> = Vec::new();
        for finding in &report.findings {
            let Some(fix) = finding.fix.as_ref().filter(|f| f.applicability >= threshold) else { continue };
            let connector = &connectors[finding.connector];
            let targets: Vec<(usize, String)> =
                fix.edits.iter().map(|e| (finding.connector, e.key.clone().unwrap_or_else(|| e.pointer.clone()))).collect();
            if targets.iter().any(|t| touched.contains(t)) {
                continue;
            }
            let Some(resolved) = resolve(&current, connector, &fix.edits, edits.len()) else { continue };
            if resolved.iter().any(|r| edits.iter().any(|e| overlaps(e.span, r.span))) {
                continue;
            }
            touched.extend(targets);
            edits.extend(resolved);
            applied.push(finding.clone());
        }
        // Nothing more applies: this pass's report is what remains (reading and checking the same
        // text again made `fix` cost two checks when it had nothing to fix).
        if edits.is_empty() {
            return Ok(FixOutcome { output: current, applied, remaining: report });
        }
        current = apply(&current, edits);
    }
    let connectors = read_fixed(&current, format)?;
    let remaining = build_report(Some(&current), &connectors, options);
    Ok(FixOutcome { output: current, applied, remaining })
}

/// Fixes may remove every setting of a file (an MSK worker configuration holding only keys MSK
/// Connect does not accept): nothing is left to check then, which is not an error.
fn read_fixed(text: &str, format: Option<Format>) -> Result<Vec<Connector>, InputError> {
    match input::read(text, format) {
        Err(error) if error.message.starts_with(input::NO_SETTINGS) => Ok(Vec::new()),
        other => other,
    }
}

/// Replacements and deletions must not touch; insertions at one offset may stack.
fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn apply(text: &str, mut edits: Vec<TextEdit>) -> String {
    edits.sort_by_key(|e| std::cmp::Reverse((e.span.start, e.span.end, e.sequence)));
    let mut out = text.to_string();
    for edit in edits {
        out.replace_range(edit.span.start..edit.span.end, &edit.text);
    }
    out
}

/// Turns key-level edits into text edits; `None` when one of them cannot be expressed in this
/// input (the whole fix is then skipped, never half applied).
fn resolve(text: &str, connector: &Connector, edits: &[Edit], sequence_base: usize) -> Option<Vec<TextEdit>> {
    if matches!(connector.config.insert, InsertPoint::Embedded) {
        return None;
    }
    let is_json = !matches!(connector.config.insert, InsertPoint::Properties { .. });
    // Values read from a JSON file of a module (`jsondecode(file(...))`) are written as JSON.
    let hcl = connector.format == Format::TerraformHcl && !matches!(connector.config.insert, InsertPoint::JsonObject { .. });
    let quote = |value: &str| if hcl { input::hcl_quote(value) } else { json::quote(value) };
    let mut out = Vec::new();
    let mut inserted = String::new();
    for (i, edit) in edits.iter().enumerate() {
        let sequence = sequence_base + i;
        let Some(key) = &edit.key else {
            let field = connector.cluster.as_ref().and_then(|c| {
                [&c.bootstrap_servers, &c.encryption_type, &c.authentication_type]
                    .into_iter()
                    .flatten()
                    .find(|f| f.location.pointer == edit.pointer)
            })?;
            let value = edit.value.as_ref()?;
            out.push(TextEdit { span: field.location.span, text: quote(value), sequence });
            continue;
        };
        match (connector.config.get(key), &edit.value) {
            (Some(entry), Some(value)) => {
                let text = if is_json { quote(value) } else { properties::escape_value(value) };
                // Earlier duplicates of the key take the value too: the last one wins anyway, and
                // leaving them would make the duplicates disagree (a new MSK030).
                for shadowed in &entry.shadowed {
                    out.push(TextEdit { span: shadowed.value_span, text: text.clone(), sequence });
                }
                out.push(TextEdit { span: entry.value_span, text, sequence });
            }
            (Some(entry), None) => {
                let span = match connector.config.insert {
                    InsertPoint::YamlBlock { .. } | InsertPoint::HclObject { .. } => line_span(text, entry.entry_span),
                    _ => deletion_span(text, entry.entry_span, is_json),
                };
                out.push(TextEdit { span, text: String::new(), sequence })
            }
            (None, None) => {}
            (None, Some(value)) => {
                let plain_key = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
                if matches!(connector.config.insert, InsertPoint::YamlBlock { .. }) && plain_key {
                    inserted.push_str(&format!("\u{0}{key}: {}", json::quote(value)));
                } else if hcl {
                    inserted.push_str(&format!("\u{0}{} = {}", quote(key), quote(value)));
                } else if is_json {
                    inserted.push_str(&format!("\u{0}{}: {}", json::quote(key), json::quote(value)));
                } else {
                    inserted.push_str(&format!("\u{0}{}={}", properties::escape_key(key), properties::escape_value(value)));
                }
            }
        }
    }
    if !inserted.is_empty() {
        let members: Vec<&str> = inserted.split('\u{0}').filter(|m| !m.is_empty()).collect();
        out.push(insertion(text, &connector.config.insert, &members, sequence_base + edits.len())?);
    }
    Some(out)
}

fn insertion(text: &str, insert: &InsertPoint, members: &[&str], sequence: usize) -> Option<TextEdit> {
    match insert {
        InsertPoint::JsonObject { open, last_member_end, indent, .. } => {
            let (at, lead) = match last_member_end {
                Some(end) => (*end, ","),
                None => (*open, ""),
            };
            let indent = if indent.is_empty() { " " } else { indent.as_str() };
            let mut body = String::from(lead);
            for (i, member) in members.iter().enumerate() {
                if i > 0 {
                    body.push(',');
                }
                body.push_str(indent);
                body.push_str(member);
            }
            if last_member_end.is_none() {
                body.push(' ');
            }
            Some(TextEdit { span: Span::new(at, at), text: body, sequence })
        }
        InsertPoint::Properties { after } => {
            let ends_with_newline = text[..*after].ends_with('\n');
            let line_break = if text.contains("\r\n") { "\r\n" } else { "\n" };
            let mut body = String::new();
            if !ends_with_newline {
                body.push_str(line_break);
            }
            for member in members {
                body.push_str(member);
                body.push_str(line_break);
            }
            if !ends_with_newline {
                body.truncate(body.len() - line_break.len());
            }
            Some(TextEdit { span: Span::new(*after, *after), text: body, sequence })
        }
        InsertPoint::YamlBlock { after, indent } => {
            // After the line holding the last value (and its comment), or at the start of the
            // next line when the value (a block scalar) ends with its line break.
            let line_break = if text.contains("\r\n") { "\r\n" } else { "\n" };
            let before = text.get(..*after)?;
            let mut body = String::new();
            let at = if before.ends_with('\n') || *after == 0 {
                for member in members {
                    body.push_str(&format!("{indent}{member}{line_break}"));
                }
                *after
            } else {
                let rest = text.get(*after..)?;
                let line_end = *after + rest.find(['\r', '\n']).unwrap_or(rest.len());
                for member in members {
                    body.push_str(&format!("{line_break}{indent}{member}"));
                }
                line_end
            };
            Some(TextEdit { span: Span::new(at, at), text: body, sequence })
        }
        InsertPoint::HclObject { after, indent } => {
            // On its own line after the last member's line (keeping a trailing comment on its
            // line), or right after the value when the object closes on that line.
            let rest = text.get(*after..)?;
            let line = rest.get(..rest.find(['\r', '\n']).unwrap_or(rest.len()))?;
            let tail = line.trim_start().trim_start_matches(',').trim_start();
            let at = if tail.is_empty() || tail.starts_with('#') || tail.starts_with("//") { *after + line.len() } else { *after };
            let line_break = if text.contains("\r\n") { "\r\n" } else { "\n" };
            let body: String = members.iter().map(|m| format!("{line_break}{indent}{m}")).collect();
            Some(TextEdit { span: Span::new(at, at), text: body, sequence })
        }
        InsertPoint::None | InsertPoint::Embedded => None,
    }
}

/// A YAML block mapping or HCL object entry: its whole lines, from the key's line start through the line
/// break after its value; the key's indentation stays when other text precedes it (`- key: v`).
fn line_span(text: &str, entry: Span) -> Span {
    let before = text.get(..entry.start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let start =
        if before.get(line_start..).is_some_and(|lead| lead.chars().all(|c| c == ' ' || c == '\t')) { line_start } else { entry.start };
    let rest = text.get(entry.end..).unwrap_or("");
    let end = if text.get(..entry.end).is_some_and(|t| t.ends_with('\n')) {
        entry.end
    } else {
        entry.end + rest.find('\n').map_or(rest.len(), |i| i + 1)
    };
    Span::new(start, end)
}

/// For JSON, removes the member with the comma that joins it to its neighbour.
fn deletion_span(text: &str, entry: Span, is_json: bool) -> Span {
    if !is_json {
        return entry;
    }
    let before = text[..entry.start].trim_end_matches([' ', '\t', '\r', '\n']);
    if before.ends_with(',') {
        return Span::new(before.len() - 1, entry.end);
    }
    let after = &text[entry.end..];
    let trimmed = after.trim_start_matches([' ', '\t', '\r', '\n']);
    if let Some(rest) = trimmed.strip_prefix(',') {
        let next = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        return Span::new(entry.start, text.len() - next.len());
    }
    entry
}

/// `text` with every secret value the engine recognises (what `shown` masks) replaced by its
/// masked form in place: keys, comments, layout and everything else stay, so the result reads
/// as the same configuration and is checked the same way (a link to share, for example).
pub fn redact_text(text: &str, format: Option<crate::connector::Format>) -> Result<String, crate::input::InputError> {
    use crate::connector::{InsertPoint, Value};
    use crate::span::Span;
    let connectors = crate::input::read(text, format)?;
    let mut edits: Vec<(Span, String)> = Vec::new();
    for connector in &connectors {
        let config = &connector.config;
        let properties = matches!(config.insert, InsertPoint::Properties { .. });
        let embedded = matches!(config.insert, InsertPoint::Embedded);
        for entry in &config.entries {
            let values = std::iter::once((&entry.value, entry.value_span)).chain(entry.shadowed.iter().map(|s| (&s.value, s.value_span)));
            for (value, span) in values {
                let raw = match value {
                    Value::Text(t) => t.as_str(),
                    Value::Unknown { shown } => shown.as_str(),
                };
                let masked = crate::redact::shown(&entry.key, raw);
                if masked == raw || span.end > text.len() || span.start > span.end {
                    continue;
                }
                // An encoded blob (a base64 worker configuration) cannot be edited inside: all of it goes.
                let masked = if embedded { crate::redact::MASK.to_string() } else { masked };
                let source = text.get(span.start..span.end).unwrap_or("");
                let replacement = if properties {
                    crate::input::properties::escape_value(&masked)
                } else if source.starts_with('\'') {
                    format!("'{}'", masked.replace('\'', "''"))
                } else {
                    crate::input::json::quote(&masked)
                };
                edits.push((span, replacement));
            }
        }
    }
    edits.sort_by_key(|(span, _)| (span.start, span.end));
    edits.dedup_by_key(|(span, _)| *span);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (span, replacement) in edits {
        if span.start < at {
            continue; // overlaps an edit already made (the same blob seen twice)
        }
        out.push_str(&text[at..span.start]);
        out.push_str(&replacement);
        at = span.end;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_text_in_place() {
        let json = "{\n  \"name\": \"pg\",\n  \"config\": {\n    \"connector.class\": \"io.debezium.connector.postgresql.PostgresConnector\",\n    \"database.password\": \"hunter2\",\n    \"database.user\": \"app\",\n    \"database.history.kafka.bootstrap.servers\": \"b:9092\",\n    \"database.hostname\": \"db\",\n    \"sasl.jaas.config\": \"x required username=\\\"u\\\" password=\\\"p4ss\\\";\",\n    \"secret.ref\": \"${secretsmanager:db:password}\"\n  }\n}\n";
        let out = super::redact_text(json, None).unwrap();
        assert!(!out.contains("hunter2") && !out.contains("p4ss"), "{out}");
        assert!(out.contains("\"database.password\": \"****\","), "{out}");
        assert!(out.contains("password=\\\"****\\\";"), "{out}");
        assert!(out.contains("${secretsmanager:db:password}"), "{out}");
        assert_eq!(out.lines().count(), json.lines().count());
        assert_eq!(super::redact_text(&out, None).unwrap(), out, "redacting twice changes nothing");

        let props = "# c\nconnector.class=io.confluent.connect.jdbc.JdbcSinkConnector\nconnection.url=jdbc:postgresql://h/db?user=a&password=b\nconnection.password = s3cr\\\n  et\ntopics=t\n";
        let out = super::redact_text(props, None).unwrap();
        assert_eq!(
            out,
            "# c\nconnector.class=io.confluent.connect.jdbc.JdbcSinkConnector\nconnection.url=jdbc:postgresql://h/db?user=a&password=****\nconnection.password = ****\ntopics=t\n"
        );
        assert!(super::redact_text("", None).is_err());
    }
}
