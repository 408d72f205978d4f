//! Java `.properties` reading, as `java.util.Properties.load` does it: `=`, `:` or white space
//! separators, `\` continuations, `\uXXXX` escapes, `#` and `!` comments. Every entry keeps the
//! spans of its key, its value and its whole logical line (for deletion).

use super::InputError;
use crate::span::Span;

#[derive(Clone, Debug)]
pub struct Entry {
    pub key: String,
    pub value: String,
    pub key_span: Span,
    pub value_span: Span,
    /// The logical line including its line break, for removing the entry.
    pub line_span: Span,
}

pub fn parse(text: &str) -> Result<Vec<Entry>, InputError> {
    let bytes = text.as_bytes();
    let mut entries = Vec::new();
    let mut pos = if text.starts_with('\u{feff}') { 3 } else { 0 };
    while pos < bytes.len() {
        let line_start = pos;
        if entries.len() > super::MAX_SETTINGS {
            // Refused here, before the rest of a huge file is read (`input::read` says the same).
            return Err(InputError::new(super::too_many_settings(), line_start));
        }
        // Most lines hold no backslash, so no escape and no continuation: read them as slices,
        // without the per-character table a continued or escaped line needs.
        let (end, next) = natural_line_end(text, pos);
        if let Some(line) = text.get(pos..end).filter(|l| !l.contains('\\')) {
            pos = next;
            if let Some(entry) = plain_entry(line, line_start, next) {
                entries.push(entry);
            }
            continue;
        }
        let (logical, next) = logical_line(text, pos);
        pos = next;
        let Some(first) = logical.iter().position(|&(_, c)| !is_blank(c)) else { continue };
        if matches!(logical[first].1, '#' | '!') {
            continue;
        }
        entries.push(entry(&logical[first..], line_start, next)?);
    }
    Ok(entries)
}

/// `entry` for a line without backslashes; `None` for a blank or comment line.
fn plain_entry(line: &str, line_start: usize, next: usize) -> Option<Entry> {
    let first = line.find(|c| !is_blank(c))?;
    let body = &line[first..];
    if body.starts_with(['#', '!']) {
        return None;
    }
    let key_end = body.find(|c| c == '=' || c == ':' || is_blank(c)).unwrap_or(body.len());
    let rest = body[key_end..].trim_start_matches(is_blank);
    let rest = rest.strip_prefix(['=', ':']).map_or(rest, |r| r.trim_start_matches(is_blank));
    let key_start = line_start + first;
    let value_start = line_start + line.len() - rest.len();
    Some(Entry {
        key: body[..key_end].to_string(),
        value: rest.to_string(),
        key_span: Span::new(key_start, key_start + key_end),
        value_span: Span::new(value_start, line_start + line.len()),
        line_span: Span::new(line_start, next),
    })
}

fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{c}')
}

/// Returns the end of the natural line at `pos` (before its terminator) and where the next starts.
fn natural_line_end(text: &str, pos: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut end = pos;
    while end < bytes.len() && bytes[end] != b'\n' && bytes[end] != b'\r' {
        end += 1;
    }
    let next = if text[end..].starts_with("\r\n") { end + 2 } else { (end + 1).min(bytes.len()) };
    (end, next.max(end))
}

/// The characters of one logical line with their byte offsets: continuation backslashes, line
/// breaks and the leading blanks of continued lines are dropped, as Java does.
fn logical_line(text: &str, mut pos: usize) -> (Vec<(usize, char)>, usize) {
    let mut chars = Vec::new();
    let mut continuing = false;
    loop {
        let (end, next) = natural_line_end(text, pos);
        let mut line: Vec<(usize, char)> = text[pos..end].char_indices().map(|(i, c)| (pos + i, c)).collect();
        if continuing {
            let skip = line.iter().take_while(|&&(_, c)| is_blank(c)).count();
            line.drain(..skip);
        }
        let trailing_backslashes = line.iter().rev().take_while(|&&(_, c)| c == '\\').count();
        let is_comment = !continuing && line.iter().find(|&&(_, c)| !is_blank(c)).is_some_and(|&(_, c)| c == '#' || c == '!');
        if trailing_backslashes % 2 == 1 && !is_comment && next > end {
            line.pop();
            chars.extend(line);
            continuing = true;
            pos = next;
            continue;
        }
        if trailing_backslashes % 2 == 1 && !is_comment {
            // A backslash at the very end of the input continues into nothing: Java drops it.
            line.pop();
        }
        chars.extend(line);
        return (chars, next);
    }
}

fn entry(chars: &[(usize, char)], line_start: usize, line_end: usize) -> Result<Entry, InputError> {
    let mut i = 0;
    let mut key_end_index = chars.len();
    while i < chars.len() {
        let c = chars[i].1;
        if c == '\\' {
            i += 2;
            continue;
        }
        if c == '=' || c == ':' || is_blank(c) {
            key_end_index = i;
            break;
        }
        i += 1;
    }
    let key_end_index = key_end_index.min(chars.len());
    let key = unescape(&chars[..key_end_index])?;
    let key_span = span_of(chars, 0, key_end_index, line_end);

    let mut v = key_end_index;
    while v < chars.len() && is_blank(chars[v].1) {
        v += 1;
    }
    if v < chars.len() && matches!(chars[v].1, '=' | ':') {
        v += 1;
        while v < chars.len() && is_blank(chars[v].1) {
            v += 1;
        }
    }
    let value = unescape(&chars[v..])?;
    let value_span = span_of(chars, v, chars.len(), line_end);
    let value_span = Span::new(value_span.start, value_span.end.max(value_span.start));
    Ok(Entry { key, value, key_span, value_span, line_span: Span::new(line_start, line_end) })
}

/// The byte span covered by `chars[from..to]`; empty ranges sit where the next char would be.
fn span_of(chars: &[(usize, char)], from: usize, to: usize, line_end: usize) -> Span {
    let start = chars.get(from).map_or_else(|| chars.last().map_or(line_end, |&(o, c)| o + c.len_utf8()), |&(o, _)| o);
    let end = if to > from { chars[to - 1].0 + chars[to - 1].1.len_utf8() } else { start };
    Span::new(start, end)
}

fn unescape(chars: &[(usize, char)]) -> Result<String, InputError> {
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let (offset, c) = chars[i];
        if c != '\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let Some(&(_, next)) = chars.get(i + 1) else {
            i += 1;
            continue;
        };
        i += 2;
        match next {
            't' => out.push('\t'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            'f' => out.push('\u{c}'),
            'u' => {
                let digits: String = chars.iter().skip(i).take(4).map(|&(_, c)| c).collect();
                let unit = (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_hexdigit()))
                    .then(|| u32::from_str_radix(&digits, 16).ok())
                    .flatten()
                    .ok_or_else(|| InputError::new("invalid properties: malformed \\uXXXX escape (Java refuses the whole file)", offset))?;
                i += 4;
                // Java keeps UTF-16 units; pair surrogates when both halves are present.
                if (0xD800..0xDC00).contains(&unit) {
                    let low: String = chars.iter().skip(i + 2).take(4).map(|&(_, c)| c).collect();
                    let is_pair = chars.get(i).map(|p| p.1) == Some('\\') && chars.get(i + 1).map(|p| p.1) == Some('u');
                    if let (true, Ok(low)) = (is_pair && low.len() == 4, u32::from_str_radix(&low, 16)) {
                        if (0xDC00..0xE000).contains(&low) {
                            out.push(char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)).unwrap_or('\u{fffd}'));
                            i += 6;
                            continue;
                        }
                    }
                }
                out.push(char::from_u32(unit).unwrap_or('\u{fffd}'));
            }
            other => out.push(other),
        }
    }
    Ok(out)
}

/// Escapes a value for a properties file: Java reads files as ISO-8859-1, so anything outside
/// ASCII becomes `\uXXXX`; leading blanks and backslashes are escaped.
pub fn escape_value(value: &str) -> String {
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ' ' if i == 0 => out.push_str("\\ "),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04X}"));
                }
            }
        }
    }
    out
}

pub fn escape_key(key: &str) -> String {
    let mut out = String::new();
    for c in escape_value(key).chars() {
        if matches!(c, '=' | ':' | ' ' | '#' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out.replace("\\\\ ", "\\ ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slice reading of a line without backslashes is the character-table reading, exactly.
    #[test]
    fn plain_lines_read_as_the_general_reader_reads_them() {
        for line in [
            "a=b", "  a : b", "a b", "a", "=b", ":", "a=", "a = ", "#x", " !x", "a\tb  c", "ké=vé", "a=b=c", "\u{c}a=b", "a:=b", "a =: b",
            " ", "",
        ] {
            let (logical, next) = logical_line(line, 0);
            let general = logical
                .iter()
                .position(|&(_, c)| !is_blank(c))
                .filter(|&first| !matches!(logical[first].1, '#' | '!'))
                .map(|first| entry(&logical[first..], 0, next).unwrap());
            let plain = plain_entry(line, 0, next);
            assert_eq!(format!("{plain:?}"), format!("{general:?}"), "{line:?}");
        }
    }

    fn pairs(text: &str) -> Vec<(String, String)> {
        parse(text).unwrap().into_iter().map(|e| (e.key, e.value)).collect()
    }

    #[test]
    fn separators_comments_and_continuations() {
        let text = "# c\n! c\\\na=1\nb : 2\nc 3\nd=x\\\n   y\\\\\ne\n  f\\u00e9=\\u00e9\\n\n";
        assert_eq!(
            pairs(text),
            vec![
                ("a".into(), "1".into()),
                ("b".into(), "2".into()),
                ("c".into(), "3".into()),
                ("d".into(), "xy\\".into()),
                ("e".into(), "".into()),
                ("fé".into(), "é\n".into()),
            ]
        );
    }

    #[test]
    fn spans_cover_raw_text() {
        let text = "key = some\\\n  value\nnext=1";
        let entries = parse(text).unwrap();
        let e = &entries[0];
        assert_eq!(&text[e.key_span.start..e.key_span.end], "key");
        assert_eq!(&text[e.value_span.start..e.value_span.end], "some\\\n  value");
        assert_eq!(&text[e.line_span.start..e.line_span.end], "key = some\\\n  value\n");
        assert_eq!(e.value, "somevalue");
        let last = &entries[1];
        assert_eq!(&text[last.value_span.start..last.value_span.end], "1");
    }

    #[test]
    fn malformed_unicode_escape_is_located() {
        let err = parse("ok=1\nbad=\\u12x4\n").unwrap_err();
        assert_eq!(err.offset, 9);
    }

    #[test]
    fn escape_round_trips() {
        let value = " lead\\ é\n";
        let text = format!("{}={}", escape_key("a b"), escape_value(value));
        assert_eq!(pairs(&text), vec![("a b".into(), value.into())]);
    }
}
