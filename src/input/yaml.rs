//! YAML (1.2) into the located tree, one `Node` per document. Built on saphyr-parser's event
//! stream so every node keeps its byte span. CloudFormation short tags become their long form
//! (`!Ref x` is `{"Ref": "x"}`, `!Sub s` is `{"Fn::Sub": "s"}`) so one reader serves YAML and JSON
//! templates; other tags are ignored. Aliases are expanded within a node budget.

use super::tree::{Member, Node, NodeKind};
use super::{InputError, MAX_DOCUMENTS};
use crate::span::Span;
use saphyr_parser::{Event, Parser, ScalarStyle, Tag};
use std::collections::HashMap;

/// Deeper nesting than any real configuration; refusing it keeps later recursion bounded.
const MAX_DEPTH: usize = 200;
/// Nodes a document may hold once aliases are expanded: a "billion laughs" stops here.
const MAX_NODES: usize = 200_000;

/// CloudFormation's short-form functions (`!Ref`, `!GetAtt`, ...).
const CFN_FUNCTIONS: [&str; 20] = [
    "Ref",
    "Condition",
    "Base64",
    "Cidr",
    "FindInMap",
    "GetAtt",
    "GetAZs",
    "ImportValue",
    "Join",
    "Select",
    "Split",
    "Sub",
    "Transform",
    "And",
    "Equals",
    "If",
    "Not",
    "Or",
    "ToJsonString",
    "Length",
];

pub struct Document {
    /// `None` for an empty document (`---` with nothing after it).
    pub root: Option<Node>,
}

/// Parses every document of a YAML stream.
pub fn parse(text: &str) -> Result<Vec<Document>, InputError> {
    let offsets = CharOffsets::new(text);
    let mut parser = Parser::new_from_str(text);
    let mut documents = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, (Node, usize)> = HashMap::new();
    let mut root: Option<Node> = None;
    let mut nodes = 0usize;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| InputError::new(format!("invalid YAML: {}", e.info()), offsets.byte(e.marker().index())))?;
        let start = offsets.byte(span.start.index());
        let end = offsets.byte(span.end.index());
        let finished: Option<(Node, usize, usize)> = match event {
            Event::StreamStart | Event::Nothing => None,
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                // Refused here, not once every document is read: 10 MB of them took a second.
                if documents.len() == MAX_DOCUMENTS {
                    return Err(InputError::new(
                        format!("the input holds more than {MAX_DOCUMENTS} YAML documents; at most that many are read at once: split it into files"),
                        start,
                    ));
                }
                root = None;
                anchors.clear();
                nodes = 0;
                None
            }
            Event::DocumentEnd => {
                documents.push(Document { root: root.take() });
                None
            }
            Event::Alias(id) => {
                let Some((node, size)) = anchors.get(&id) else {
                    return Err(InputError::new("invalid YAML: alias to an unknown anchor", start));
                };
                nodes += size;
                if nodes > MAX_NODES {
                    return Err(InputError::new(
                        format!("YAML aliases expand to more than {MAX_NODES} nodes; refusing to expand them further"),
                        start,
                    ));
                }
                // The copy points at the alias, where the user wrote it.
                Some((relocated(node, Span::new(start, end)), 0, *size))
            }
            Event::Scalar(value, style, anchor, tag) => {
                nodes += 1;
                let span = match style {
                    ScalarStyle::Literal | ScalarStyle::Folded => block_scalar_span(text, start, end),
                    _ => Span::new(start, end),
                };
                let kind = scalar_kind(value.into_owned(), style, tag.as_deref());
                let node = Node { span, kind };
                Some((wrap_tag(node, tag.as_deref()), anchor, 1))
            }
            event @ (Event::SequenceStart(..) | Event::MappingStart(..)) => {
                let mapping = matches!(event, Event::MappingStart(..));
                let (Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag)) = event else { continue };
                if stack.len() >= MAX_DEPTH {
                    return Err(InputError::new(format!("YAML nested deeper than {MAX_DEPTH} levels"), start));
                }
                nodes += 1;
                let flow = text.get(start..).is_some_and(|rest| rest.starts_with(['{', '[']));
                stack.push(Frame {
                    start,
                    flow,
                    anchor,
                    tag: tag.map(|t| t.into_owned()),
                    mapping,
                    items: Vec::new(),
                    members: Vec::new(),
                    key: None,
                    size: 1,
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = stack.pop() else {
                    return Err(InputError::new("invalid YAML: unbalanced collection", start));
                };
                Some(frame.finish(end))
            }
        };
        let Some((node, anchor, size)) = finished else { continue };
        if nodes > MAX_NODES {
            return Err(InputError::new(format!("YAML document holds more than {MAX_NODES} nodes"), node.span.start));
        }
        if anchor != 0 {
            anchors.insert(anchor, (node.clone(), size));
        }
        match stack.last_mut() {
            Some(parent) => parent.push(node, size, text),
            None => root = Some(node),
        }
    }
    Ok(documents)
}

struct Frame {
    start: usize,
    flow: bool,
    anchor: usize,
    tag: Option<Tag>,
    mapping: bool,
    items: Vec<Node>,
    members: Vec<Member>,
    /// A mapping's key waiting for its value.
    key: Option<Node>,
    size: usize,
}

impl Frame {
    fn push(&mut self, node: Node, size: usize, text: &str) {
        self.size += size;
        if !self.mapping {
            self.items.push(node);
            return;
        }
        match self.key.take() {
            None => self.key = Some(node),
            Some(key) => {
                // `<<: *defaults` merges the aliased mapping's members (YAML 1.1 merge keys, which
                // Kubernetes and CloudFormation tooling accept).
                if key.as_str() == Some("<<") && matches!(key.kind, NodeKind::String(_)) {
                    if let NodeKind::Object(members) = node.kind {
                        self.members.extend(members);
                        return;
                    }
                }
                let name = key.scalar_text().unwrap_or_else(|| text.get(key.span.start..key.span.end).unwrap_or("").to_string());
                self.members.push(Member { key: name, key_span: key.span, value: node });
            }
        }
    }

    fn finish(self, end_marker: usize) -> (Node, usize, usize) {
        // A block collection ends where its last child does; its end event sits at the next token.
        let children_end = match self.mapping {
            true => self.members.last().map(|m| m.value.span.end),
            false => self.items.last().map(|n| n.span.end),
        };
        let end = if self.flow { end_marker } else { children_end.unwrap_or(self.start).max(self.start) };
        let kind = if self.mapping { NodeKind::Object(self.members) } else { NodeKind::Array(self.items) };
        let node = Node { span: Span::new(self.start, end), kind };
        (wrap_tag(node, self.tag.as_ref()), self.anchor, self.size)
    }
}

/// saphyr spans a block scalar's content through its last line break; the value as written
/// starts at its `|` or `>` and ends with its last line, so an edit replaces exactly it.
fn block_scalar_span(text: &str, start: usize, end: usize) -> Span {
    let before = text.get(..start).unwrap_or("");
    // The header is the line above the content; its indicator is the last `|` or `>` before any
    // comment (a key may hold one too, earlier on the line).
    let header_end = before.rfind('\n').unwrap_or(0);
    let header_start = before.get(..header_end).and_then(|h| h.rfind('\n')).map_or(0, |i| i + 1);
    let header = before.get(header_start..header_end).unwrap_or("");
    let code = header.find(" #").map_or(header, |i| header.get(..i).unwrap_or(header));
    let indicator = code.rfind(['|', '>']).map_or(start, |i| header_start + i);
    let content = text.get(indicator..end).unwrap_or("");
    Span::new(indicator, indicator + content.trim_end_matches(['\n', '\r']).len())
}

/// Where each byte of a literal block scalar's (`|`) value sits in the text, so a document
/// embedded in one (a properties file, connector JSON) keeps real positions.
pub struct BlockMap {
    offsets: Vec<usize>,
}

impl BlockMap {
    /// `None` unless `node` is a literal block scalar whose value is its lines less their indentation.
    pub fn of(text: &str, node: &Node) -> Option<BlockMap> {
        let value = node.as_str()?;
        let written = text.get(node.span.start..node.span.end)?;
        if !written.starts_with('|') {
            return None;
        }
        let body_start = node.span.start + written.find('\n')? + 1;
        let body = text.get(body_start..node.span.end)?;
        let indent = body.lines().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start_matches(' ').len()).min()?;
        let mut offsets = Vec::new();
        let mut rebuilt = String::new();
        let mut at = body_start;
        for line in body.split_inclusive('\n') {
            let skip = if line.trim().is_empty() { line.len() - line.trim_start_matches(' ').len() } else { indent };
            let content = line.get(skip..)?;
            offsets.extend((0..content.len()).map(|i| at + skip + i));
            rebuilt.push_str(content);
            at += line.len();
        }
        // The span ends before the last line break; the value may keep it (clip, keep chomping).
        offsets.push(at);
        let trimmed = value.trim_end_matches('\n');
        (rebuilt.trim_end_matches('\n') == trimmed && rebuilt.is_char_boundary(trimmed.len())).then_some(BlockMap { offsets })
    }

    /// A span of the value as a span of the text; empty spans stay empty.
    pub fn span(&self, inner: Span) -> Option<Span> {
        let start = *self.offsets.get(inner.start)?;
        if inner.end <= inner.start {
            return Some(Span::new(start, start));
        }
        let last = *self.offsets.get(inner.end - 1)?;
        Some(Span::new(start, last + 1))
    }
}

/// `!Ref x` becomes `{"Ref": x}`, `!GetAtt a.b` `{"Fn::GetAtt": "a.b"}`, and so on.
fn wrap_tag(node: Node, tag: Option<&Tag>) -> Node {
    let Some(tag) = tag.filter(|t| t.handle == "!") else { return node };
    let Some(function) = CFN_FUNCTIONS.iter().find(|f| **f == tag.suffix) else { return node };
    let key = if matches!(*function, "Ref" | "Condition") { function.to_string() } else { format!("Fn::{function}") };
    let span = node.span;
    Node { span, kind: NodeKind::Object(vec![Member { key, key_span: span, value: node }]) }
}

/// Plain scalars are typed by the YAML 1.2 core schema; quoted and block scalars are strings.
fn scalar_kind(value: String, style: ScalarStyle, tag: Option<&Tag>) -> NodeKind {
    if tag.is_some_and(|t| t.is_yaml_core_schema() && t.suffix == "str") || !matches!(style, ScalarStyle::Plain) {
        return NodeKind::String(value);
    }
    match value.as_str() {
        "" | "~" | "null" | "Null" | "NULL" => NodeKind::Null,
        "true" | "True" | "TRUE" => NodeKind::Bool(true),
        "false" | "False" | "FALSE" => NodeKind::Bool(false),
        _ if is_number(&value) => NodeKind::Number(value),
        _ => NodeKind::String(value),
    }
}

fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if let Some(hex) = text.strip_prefix("0x") {
        return !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    if let Some(octal) = text.strip_prefix("0o") {
        return !octal.is_empty() && octal.chars().all(|c| ('0'..='7').contains(&c));
    }
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(text, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['-', '+']).unwrap_or(e))),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => (digits(whole) || whole.is_empty()) && (digits(fraction) || fraction.is_empty()) && mantissa != ".",
        None => digits(mantissa),
    };
    mantissa_ok && exponent.is_none_or(digits)
}

/// An alias's copy of its anchored node, every span moved to where the alias is written.
fn relocated(node: &Node, span: Span) -> Node {
    let kind = match &node.kind {
        NodeKind::Object(members) => NodeKind::Object(
            members.iter().map(|m| Member { key: m.key.clone(), key_span: span, value: relocated(&m.value, span) }).collect(),
        ),
        NodeKind::Array(items) => NodeKind::Array(items.iter().map(|n| relocated(n, span)).collect()),
        other => other.clone(),
    };
    Node { span, kind }
}

/// saphyr's markers count characters; spans here are bytes.
/// Byte offsets of the character indices saphyr reports. A table of every character's offset
/// took 8 bytes a character (80 MB for 10 MB of YAML); this keeps one every `STRIDE` characters
/// and none for ASCII, where they are the same.
struct CharOffsets<'t> {
    text: &'t str,
    /// Byte offset of characters 0, STRIDE, 2 * STRIDE, ...; empty for ASCII text.
    checkpoints: Vec<usize>,
}

impl<'t> CharOffsets<'t> {
    const STRIDE: usize = 64;

    fn new(text: &'t str) -> Self {
        let checkpoints = if text.is_ascii() { Vec::new() } else { text.char_indices().step_by(Self::STRIDE).map(|(i, _)| i).collect() };
        CharOffsets { text, checkpoints }
    }

    /// The byte offset of character `index`, or the text's length past its end.
    fn byte(&self, index: usize) -> usize {
        if self.checkpoints.is_empty() {
            return index.min(self.text.len());
        }
        let Some(&from) = self.checkpoints.get(index / Self::STRIDE) else { return self.text.len() };
        let rest = self.text.get(from..).unwrap_or_default();
        rest.char_indices().nth(index % Self::STRIDE).map_or(self.text.len(), |(i, _)| from + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Node {
        parse(text).unwrap().into_iter().next().unwrap().root.unwrap()
    }

    #[test]
    fn char_offsets_match_every_characters_byte_offset() {
        let mixed: String = (0..300).map(|i| ['a', 'é', '€', '😀'][i % 4]).collect();
        for text in ["", "plain ascii", mixed.as_str()] {
            let offsets = CharOffsets::new(text);
            let every: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            for (index, &byte) in every.iter().enumerate() {
                assert_eq!(offsets.byte(index), byte, "character {index} of {text:?}");
            }
            assert_eq!(offsets.byte(every.len() + 5), text.len(), "past the end");
        }
    }

    #[test]
    fn keeps_byte_spans_of_keys_and_values() {
        let text = "é: 1\nb:\n  c: 'x y'\n  d: \"z\"\n";
        let root = one(text);
        let b = root.get("b").unwrap();
        let c = b.member("c").unwrap();
        assert_eq!(&text[c.key_span.start..c.key_span.end], "c");
        assert_eq!(&text[c.value.span.start..c.value.span.end], "'x y'");
        let d = b.get("d").unwrap();
        assert_eq!(&text[d.span.start..d.span.end], "\"z\"");
        assert!(matches!(root.get("é").unwrap().kind, NodeKind::Number(_)));
        assert_eq!(&text[b.span.start..b.span.end], "c: 'x y'\n  d: \"z\"");
    }

    #[test]
    fn block_scalars_span_from_their_indicator() {
        let text = "a: |\n  x\n  y\nb|c: >- # folded | >\n  z\nc: 1\n";
        let root = one(text);
        let a = root.get("a").unwrap();
        assert_eq!(&text[a.span.start..a.span.end], "|\n  x\n  y");
        assert_eq!(a.as_str(), Some("x\ny\n"));
        let b = root.get("b|c").unwrap();
        assert_eq!(&text[b.span.start..b.span.end], ">- # folded | >\n  z");
    }

    #[test]
    fn literal_blocks_map_back_to_the_text() {
        let text = "data:\n  w.properties: |\n    a=1\n\n    bb=2\n  other: x\n";
        let root = one(text);
        let node = root.get("data").unwrap().get("w.properties").unwrap();
        let map = BlockMap::of(text, node).unwrap();
        let value = node.as_str().unwrap();
        let at = value.find("bb=2").unwrap();
        let span = map.span(Span::new(at, at + 4)).unwrap();
        assert_eq!(&text[span.start..span.end], "bb=2");
        let line = map.span(Span::new(0, 4)).unwrap();
        assert_eq!(&text[line.start..line.end], "a=1\n");
        assert!(BlockMap::of(text, root.get("data").unwrap().get("other").unwrap()).is_none());
    }

    #[test]
    fn short_tags_become_long_form() {
        let root = one("a: !Ref Param\nb: !GetAtt Cluster.BootstrapBrokerStringTls\nc: !Join ['', [a, b]]\nd: !Custom x\n");
        assert_eq!(root.get("a").unwrap().get("Ref").unwrap().as_str(), Some("Param"));
        assert!(root.get("b").unwrap().get("Fn::GetAtt").is_some());
        assert_eq!(root.get("c").unwrap().get("Fn::Join").unwrap().items().len(), 2);
        assert_eq!(root.get("d").unwrap().as_str(), Some("x"));
    }

    #[test]
    fn multiple_documents_and_scalars() {
        let docs = parse("a: 1\n---\n---\nb: [true, null, '1', 0x1f, 1.5e3, yes]\n").unwrap();
        assert_eq!(docs.len(), 3);
        assert!(docs[1].root.is_none() || matches!(docs[1].root.as_ref().unwrap().kind, NodeKind::Null));
        let items = docs[2].root.as_ref().unwrap().get("b").unwrap().items().to_vec();
        let kinds: Vec<&str> = items.iter().map(Node::describe).collect();
        assert_eq!(kinds, ["a boolean", "null", "a string", "a number", "a number", "a string"]);
    }

    #[test]
    fn aliases_are_bounded() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = i - 1;
            text.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        let error = parse(&text).err().unwrap();
        assert!(error.message.contains("aliases expand"), "{}", error.message);
        let root = one("base: &b {k: v}\nother:\n  <<: *b\n  j: w\n");
        assert_eq!(root.get("other").unwrap().get("k").unwrap().as_str(), Some("v"));
    }

    #[test]
    fn errors_are_located() {
        let text = "a: b\n  c: d\n";
        let error = parse(text).err().unwrap();
        assert!(error.message.starts_with("invalid YAML"), "{}", error.message);
        assert!(error.offset > 0);
        let deep = "[".repeat(300);
        assert!(parse(&deep).is_err());
    }
}
