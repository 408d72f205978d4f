//! A strict JSON reader that keeps the byte span of every key and value, and every duplicate key.

use super::tree::{Member, Node, NodeKind};
use super::InputError;
use crate::span::Span;

/// Deeper nesting than any real configuration; refusing it keeps the recursion bounded.
const MAX_DEPTH: usize = 200;

pub fn parse(text: &str) -> Result<Node, InputError> {
    let mut parser = Parser { text, bytes: text.as_bytes(), pos: 0 };
    parser.skip_bom();
    parser.skip_whitespace();
    let node = parser.value(0)?;
    parser.skip_whitespace();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error_here("expected the end of the JSON document"));
    }
    Ok(node)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn skip_bom(&mut self) {
        if self.text.starts_with('\u{feff}') {
            self.pos = '\u{feff}'.len_utf8();
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn found(&self) -> String {
        match self.text[self.pos..].chars().next() {
            None => "the end of the input".to_string(),
            Some(c) if c.is_control() => format!("{:?}", c),
            Some(c) => format!("'{c}'"),
        }
    }

    fn error_here(&self, expected: &str) -> InputError {
        InputError::new(format!("invalid JSON: {expected}, found {}", self.found()), self.pos)
    }

    fn value(&mut self, depth: usize) -> Result<Node, InputError> {
        if depth > MAX_DEPTH {
            return Err(InputError::new(format!("invalid JSON: nested deeper than {MAX_DEPTH} levels"), self.pos));
        }
        let start = self.pos;
        let kind = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => NodeKind::String(self.string()?),
            Some(b't') => self.literal("true", NodeKind::Bool(true))?,
            Some(b'f') => self.literal("false", NodeKind::Bool(false))?,
            Some(b'n') => self.literal("null", NodeKind::Null)?,
            Some(b'-' | b'0'..=b'9') => NodeKind::Number(self.number()?),
            _ => return Err(self.error_here("expected a value (object, array, string, number, true, false or null)")),
        };
        Ok(Node { span: Span::new(start, self.pos), kind })
    }

    fn literal(&mut self, word: &str, kind: NodeKind) -> Result<NodeKind, InputError> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(kind)
        } else {
            Err(self.error_here("expected a value (object, array, string, number, true, false or null)"))
        }
    }

    fn object(&mut self, depth: usize) -> Result<NodeKind, InputError> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(NodeKind::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                let expected = if members.is_empty() {
                    "expected a member name in double quotes or '}'"
                } else {
                    "expected a member name in double quotes (JSON allows no trailing comma)"
                };
                return Err(self.error_here(expected));
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error_here("expected ':' after the member name"));
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = self.value(depth + 1)?;
            members.push(Member { key, key_span, value });
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(NodeKind::Object(members));
                }
                _ => return Err(self.error_here("expected ',' or '}' after an object member")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<NodeKind, InputError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(NodeKind::Array(items));
        }
        loop {
            self.skip_whitespace();
            if self.peek() == Some(b']') {
                return Err(self.error_here("expected a value (JSON allows no trailing comma)"));
            }
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(NodeKind::Array(items));
                }
                _ => return Err(self.error_here("expected ',' or ']' after an array element")),
            }
        }
    }

    fn number(&mut self) -> Result<String, InputError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error_here("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error_here("expected a digit after the decimal point"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error_here("expected a digit in the exponent"));
            }
            self.digits();
        }
        Ok(self.text[start..self.pos].to_string())
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn string(&mut self) -> Result<String, InputError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error_here("expected the string to continue (control characters must be escaped)")),
                None => return Err(self.error_here("expected a closing '\"'")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), InputError> {
        let escaped = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4()?;
                let c = if (0xD800..0xDC00).contains(&unit) && self.text[self.pos..].starts_with("\\u") {
                    let save = self.pos;
                    self.pos += 2;
                    let low = self.hex4()?;
                    if (0xDC00..0xE000).contains(&low) {
                        char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    } else {
                        self.pos = save;
                        None
                    }
                } else {
                    char::from_u32(unit)
                };
                out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
                return Ok(());
            }
            _ => return Err(self.error_here("expected a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")),
        };
        self.pos += 1;
        out.push(escaped);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, InputError> {
        let Some(digits) = self.text.get(self.pos..self.pos + 4) else {
            return Err(self.error_here("expected four hex digits after \\u"));
        };
        let Ok(unit) = u32::from_str_radix(digits, 16) else {
            return Err(self.error_here("expected four hex digits after \\u"));
        };
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.error_here("expected four hex digits after \\u"));
        }
        self.pos += 4;
        Ok(unit)
    }
}

/// Encodes a string as a JSON string literal.
pub fn quote(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| format!("\"{}\"", value.escape_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_spans_and_duplicates() {
        let text = r#"{"a": "x", "a": 9092, "b": [true, null]}"#;
        let node = parse(text).unwrap();
        let members = node.members();
        assert_eq!(members.len(), 3);
        assert_eq!(&text[members[1].value.span.start..members[1].value.span.end], "9092");
        assert_eq!(node.get("a").and_then(Node::scalar_text).as_deref(), Some("9092"));
    }

    #[test]
    fn decodes_escapes_and_surrogates() {
        let node = parse(r#""a\"\u00e9\ud83d\ude00\ud800x""#).unwrap();
        assert_eq!(node.as_str(), Some("a\"é😀\u{fffd}x"));
    }

    #[test]
    fn errors_point_at_the_offending_byte() {
        let err = parse("{\"a\": 1,}").unwrap_err();
        assert_eq!(err.offset, 8);
        assert!(err.message.contains("trailing comma"), "{}", err.message);
        let err = parse("[1 2]").unwrap_err();
        assert_eq!(err.offset, 3);
        assert!(parse("").is_err());
        assert!(parse(&"[".repeat(10_000)).is_err());
    }
}
