//! The located document tree every structured format (JSON now, YAML and HCL later) parses into.

use crate::span::Span;

#[derive(Clone, Debug)]
pub struct Node {
    pub span: Span,
    pub kind: NodeKind,
}

#[derive(Clone, Debug)]
pub enum NodeKind {
    /// Members in source order; duplicate keys are kept so shapes can report them.
    Object(Vec<Member>),
    Array(Vec<Node>),
    String(String),
    /// Numbers keep their source text: `"tasks.max": 1` is the text `1`.
    Number(String),
    Bool(bool),
    Null,
}

#[derive(Clone, Debug)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    pub fn members(&self) -> &[Member] {
        match &self.kind {
            NodeKind::Object(members) => members,
            _ => &[],
        }
    }

    pub fn items(&self) -> &[Node] {
        match &self.kind {
            NodeKind::Array(items) => items,
            _ => &[],
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self.kind, NodeKind::Object(_))
    }

    /// The last member with this key, as JSON parsers that keep the last duplicate do.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.member(key).map(|m| &m.value)
    }

    pub fn member(&self, key: &str) -> Option<&Member> {
        self.members().iter().rev().find(|m| m.key == key)
    }

    /// Text of a scalar: strings as they are, numbers and booleans as their text.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.kind {
            NodeKind::String(s) | NodeKind::Number(s) => Some(s.clone()),
            NodeKind::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn describe(&self) -> &'static str {
        match self.kind {
            NodeKind::Object(_) => "an object",
            NodeKind::Array(_) => "an array",
            NodeKind::String(_) => "a string",
            NodeKind::Number(_) => "a number",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Null => "null",
        }
    }
}

pub use crate::connector::pointer_push;
