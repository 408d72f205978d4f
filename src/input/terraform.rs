//! Terraform HCL (parsed by hcl-edit, which keeps spans): connector resources of the AWS, AWSCC,
//! Aiven, Confluent and community Kafka Connect providers, and MSK Connect worker
//! configurations. Expressions are evaluated as far as the module itself decides them:
//! variable defaults (overridden by `terraform.tfvars` / `*.auto.tfvars`), locals, string
//! templates, `jsonencode`, `merge` and a few more; everything else is Unknown.
//!
//! A module is several files read as one text (each file's spans shifted by where it starts in
//! that text, see `super::module`); a single `.tf` file is a module of one file.

use super::properties;
use super::tree::{pointer_push, Node, NodeKind};
use super::InputError;
use crate::connector::{
    BrokerReference, ClusterAccepts, ClusterFieldNames, ClusterLink, Config, ConfigBuilder, ConfigEntry, Connector, Family, Field, Format,
    InsertPoint, Listener, Location, Origin, Value,
};
use crate::span::Span;
use hcl_edit::expr::{Expression, FuncCall, ObjectKey, TraversalOperator};
use hcl_edit::structure::{Block, Body, Structure};
use hcl_edit::template::{Element, Template};
use hcl_edit::Span as _;
use std::collections::HashMap;

/// Deeper than any real expression or chain of locals; also stops reference cycles.
const MAX_DEPTH: usize = 48;

const NAMES: ClusterFieldNames = ClusterFieldNames {
    encryption: "kafka_cluster_encryption_in_transit.encryption_type",
    authentication: "kafka_cluster_client_authentication.authentication_type",
    bootstrap: "kafka_cluster.apache_kafka_cluster.bootstrap_servers",
};

/// One parsed file of a module, at `base` in the module's text.
pub(super) struct File {
    pub name: String,
    pub base: usize,
    pub body: Body,
    pub tfvars: bool,
}

/// Parses one file; errors are located in the module's text.
pub(super) fn parse_file(name: &str, text: &str, base: usize) -> Result<File, InputError> {
    let body = hcl_edit::parser::parse_body(text).map_err(|e| {
        let mut message = format!("invalid HCL: {}", e.message());
        if message.contains("expected") {
            message = message.replacen("; expected", ": expected", 1);
        }
        InputError::new(message, base + e.location().offset().min(text.len()))
    })?;
    let tfvars = name.ends_with(".tfvars");
    Ok(File { name: name.to_string(), base, body, tfvars })
}

pub(super) fn read(text: &str, files: &[File], out: &mut Vec<Connector>) {
    read_with_files(text, files, &[], out);
}

/// `others`: the module's other files (by name, and where their content is in `text`), for
/// `file()`, `templatefile()` and `jsondecode(file())`.
pub(super) fn read_with_files(text: &str, files: &[File], others: &[(String, Span)], out: &mut Vec<Connector>) {
    let mut module = Module::new(text, files);
    module.others = others.to_vec();
    for resource in &module.resources {
        let connector = match resource.kind {
            "aws_mskconnect_connector" | "awscc_kafkaconnect_connector" => Some(module.msk_connector(resource)),
            "aws_mskconnect_worker_configuration" => module.worker(resource),
            "aiven_kafka_connector" => Some(module.plain_connector(resource, &["config"], "connector_name")),
            "confluent_connector" => Some(module.plain_connector(resource, &["config_nonsensitive", "config_sensitive"], "")),
            "kafka-connect_connector" => Some(module.plain_connector(resource, &["config", "config_sensitive"], "name")),
            _ => None,
        };
        out.extend(connector);
    }
}

struct Resource<'a> {
    kind: &'a str,
    name: &'a str,
    block: &'a Block,
    base: usize,
    pointer: String,
}

struct Module<'a> {
    text: &'a str,
    variables: HashMap<&'a str, (&'a Expression, usize)>,
    tfvars: HashMap<&'a str, (&'a Expression, usize, &'a str)>,
    locals: HashMap<&'a str, (&'a Expression, usize)>,
    resources: Vec<Resource<'a>>,
    /// `aws_msk_cluster` and `aws_msk_serverless_cluster` blocks by name.
    clusters: HashMap<(&'a str, &'a str), (&'a Block, usize)>,
    /// Uses of `var.x` / `local.x`, for "a fix here changes every use".
    uses: HashMap<String, usize>,
    others: Vec<(String, Span)>,
}

/// An evaluated expression. `span` is where the value is written: for a value taken from a
/// variable default or a local, that place, with `origin` saying so.
#[derive(Clone, Debug)]
struct Val {
    span: Span,
    kind: Kind,
    origin: Option<Origin>,
}

#[derive(Clone, Debug)]
enum Kind {
    Text(String),
    Number(String),
    Bool(bool),
    Null,
    List(Vec<Val>),
    Object(Obj),
    /// What the source says instead (`var.password`, `aws_msk_cluster.main.bootstrap_brokers_tls`).
    Unknown(String),
}

#[derive(Clone, Debug)]
struct Obj {
    entries: Vec<ObjEntry>,
    insert: InsertPoint,
    /// Part of it is unknown (`merge(var.extra, {...})`).
    partial: bool,
}

#[derive(Clone, Debug)]
struct ObjEntry {
    key: String,
    key_span: Span,
    value: Val,
    /// Where the value expression is written inside the object (its `value.span` may be elsewhere).
    written: Span,
}

impl Val {
    fn unknown(span: Span, shown: String) -> Val {
        Val { span, kind: Kind::Unknown(shown), origin: None }
    }

    fn text(&self) -> Option<String> {
        match &self.kind {
            Kind::Text(t) | Kind::Number(t) => Some(t.clone()),
            Kind::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    fn get(&self, key: &str) -> Option<&Val> {
        match &self.kind {
            Kind::Object(o) => o.entries.iter().rev().find(|e| e.key == key).map(|e| &e.value),
            // Nested blocks: the first one.
            Kind::List(items) => items.first()?.get(key),
            _ => None,
        }
    }

    /// Follows `path`; an unknown step (a `dynamic` block, a variable) makes the rest unknown.
    fn walk(&self, path: &[&str]) -> Option<&Val> {
        path.iter().try_fold(self, |v, k| if matches!(v.kind, Kind::Unknown(_)) { Some(v) } else { v.get(k) })
    }
}

impl<'a> Module<'a> {
    fn new(text: &'a str, files: &'a [File]) -> Self {
        let mut module = Module {
            text,
            variables: HashMap::new(),
            tfvars: HashMap::new(),
            locals: HashMap::new(),
            resources: Vec::new(),
            clusters: HashMap::new(),
            uses: HashMap::new(),
            others: Vec::new(),
        };
        // terraform.tfvars first, then *.auto.tfvars in name order: the later wins.
        let mut tfvars: Vec<&File> = files.iter().filter(|f| f.tfvars).collect();
        tfvars.sort_by_key(|f| (!f.name.ends_with("terraform.tfvars"), f.name.clone()));
        for file in tfvars {
            for attribute in file.body.attributes() {
                module.tfvars.insert(attribute.key.value().as_str(), (&attribute.value, file.base, file.name.as_str()));
            }
        }
        for file in files.iter().filter(|f| !f.tfvars) {
            for block in file.body.blocks() {
                let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
                match (block.ident.value().as_str(), labels.as_slice()) {
                    ("variable", [name]) => {
                        if let Some(default) = block.body.get_attribute("default") {
                            module.variables.insert(name, (&default.value, file.base));
                        }
                    }
                    ("locals", []) => {
                        for attribute in block.body.attributes() {
                            module.locals.insert(attribute.key.value().as_str(), (&attribute.value, file.base));
                        }
                    }
                    ("resource", [kind, name]) => {
                        if matches!(*kind, "aws_msk_cluster" | "aws_msk_serverless_cluster") {
                            module.clusters.insert((kind, name), (block, file.base));
                        }
                        let pointer = pointer_push(&pointer_push("/resource", kind), name);
                        module.resources.push(Resource { kind, name, block, base: file.base, pointer });
                    }
                    _ => {}
                }
            }
        }
        module.uses = count_uses(text);
        module
    }

    fn span(&self, expression: &Expression, base: usize) -> Span {
        let range = expression.span().unwrap_or(0..0);
        Span::new(base + range.start, base + range.end)
    }

    fn source(&self, span: Span) -> String {
        let raw: String = self.text.get(span.start..span.end).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
        if raw.chars().count() > 60 {
            format!("{}...", raw.chars().take(57).collect::<String>())
        } else {
            raw
        }
    }

    /// A block's body as an object: attributes evaluated, nested blocks as lists of objects.
    fn body(&self, body: &Body, base: usize, depth: usize) -> Val {
        let mut entries = Vec::new();
        let mut blocks: Vec<(String, Span, Vec<Val>)> = Vec::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attribute) => {
                    let value = self.eval(&attribute.value, base, depth + 1);
                    let key_span = attribute.key.span().map_or(Span::default(), |r| Span::new(base + r.start, base + r.end));
                    entries.push(ObjEntry {
                        key: attribute.key.value().as_str().to_string(),
                        key_span,
                        written: self.span(&attribute.value, base),
                        value,
                    });
                }
                Structure::Block(block) if depth < MAX_DEPTH => {
                    let span = block.span().map_or(Span::default(), |r| Span::new(base + r.start, base + r.end));
                    // `dynamic "x" { ... }` makes block `x` whatever its `for_each` gives: unknown.
                    if block.ident.value().as_str() == "dynamic" {
                        if let Some(label) = block.labels.first() {
                            let shown = format!("dynamic \"{}\"", label.as_str());
                            let value = Val::unknown(span, shown);
                            entries.push(ObjEntry { key: label.as_str().to_string(), key_span: span, written: span, value });
                        }
                        continue;
                    }
                    let ident = block.ident.value().as_str().to_string();
                    let value = self.body(&block.body, base, depth + 1);
                    match blocks.iter_mut().find(|(name, ..)| *name == ident) {
                        Some((_, _, list)) => list.push(value),
                        None => blocks.push((ident, span, vec![value])),
                    }
                }
                Structure::Block(_) => {}
            }
        }
        for (key, span, items) in blocks {
            entries.push(ObjEntry { key, key_span: span, written: span, value: Val { span, kind: Kind::List(items), origin: None } });
        }
        let span = Span::new(base, base);
        Val { span, kind: Kind::Object(Obj { entries, insert: InsertPoint::None, partial: false }), origin: None }
    }

    fn eval(&self, expression: &Expression, base: usize, depth: usize) -> Val {
        let span = self.span(expression, base);
        if depth > MAX_DEPTH {
            return Val::unknown(span, self.source(span));
        }
        let kind = match expression {
            Expression::Null(_) => Kind::Null,
            Expression::Bool(b) => Kind::Bool(*b.value()),
            // Numbers keep their source text, as in JSON.
            Expression::Number(n) => match self.text.get(span.start..span.end).map(str::trim).filter(|t| !t.is_empty()) {
                Some(source) => Kind::Number(source.to_string()),
                None => Kind::Number(n.value().to_string()),
            },
            Expression::String(s) => Kind::Text(s.value().to_string()),
            Expression::StringTemplate(template) => return self.template(template, span, base, depth),
            Expression::HeredocTemplate(heredoc) => return self.template(&heredoc.template, span, base, depth),
            Expression::Parenthesis(inner) => return self.eval(inner.inner(), base, depth + 1),
            Expression::Array(array) => Kind::List(array.iter().map(|e| self.eval(e, base, depth + 1)).collect()),
            Expression::Object(object) => {
                let mut entries = Vec::new();
                for (key, value) in object.iter() {
                    let key_span = key.span().map_or(span, |r| Span::new(base + r.start, base + r.end));
                    let key_text = match key {
                        ObjectKey::Ident(ident) => ident.value().as_str().to_string(),
                        ObjectKey::Expression(e) => match self.eval(e, base, depth + 1).text() {
                            Some(t) => t,
                            None => return Val::unknown(span, self.source(span)),
                        },
                    };
                    let written = self.span(value.expr(), base);
                    entries.push(ObjEntry { key: key_text, key_span, value: self.eval(value.expr(), base, depth + 1), written });
                }
                let insert = self.insert_point(&entries);
                Kind::Object(Obj { entries, insert, partial: false })
            }
            Expression::Traversal(traversal) => return self.traversal(&traversal.expr, &traversal.operators, span, base, depth),
            Expression::FuncCall(call) => return self.call(call, span, base, depth),
            Expression::Conditional(conditional) => {
                let (yes, no) = (self.eval(&conditional.true_expr, base, depth + 1), self.eval(&conditional.false_expr, base, depth + 1));
                match (yes.text(), no.text()) {
                    (Some(a), Some(b)) if a == b => Kind::Text(a),
                    _ => Kind::Unknown(self.source(span)),
                }
            }
            _ => Kind::Unknown(self.source(span)),
        };
        Val { span, kind, origin: None }
    }

    /// `"${...}"` and heredocs: literal parts (with `$${` already a literal `${`) and known
    /// interpolations joined; any unknown part or directive makes the whole string Unknown.
    fn template(&self, template: &Template, span: Span, base: usize, depth: usize) -> Val {
        let mut out = String::new();
        for element in template.iter() {
            match element {
                Element::Literal(literal) => out.push_str(literal.value()),
                Element::Interpolation(interpolation) => match self.eval(&interpolation.expr, base, depth + 1).text() {
                    Some(text) => out.push_str(&text),
                    // Inside an escaped `$${alias:...}` the unknown part only names the secret:
                    // the value stays a config provider reference.
                    None if inside_provider_reference(&out) => {
                        let inner = self.span(&interpolation.expr, base);
                        out.push_str(&format!("<{}>", self.source(inner)));
                    }
                    None => return Val::unknown(span, self.source(span)),
                },
                Element::Directive(_) => return Val::unknown(span, self.source(span)),
            }
        }
        Val { span, kind: Kind::Text(out), origin: None }
    }

    fn traversal(
        &self,
        root: &Expression,
        operators: &[hcl_edit::Decorated<TraversalOperator>],
        span: Span,
        base: usize,
        depth: usize,
    ) -> Val {
        // Shown as Terraform interpolates it: a secret from a variable or data source is written
        // into the configuration as `${...}` fills it in, in plain text.
        let unknown = || Val::unknown(span, format!("${{{}}}", self.source(span)));
        let attribute = |i: usize| match operators.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(ident)) => Some(ident.value().as_str()),
            _ => None,
        };
        let Expression::Variable(root) = root else { return unknown() };
        let (mut value, rest) = match (root.value().as_str(), attribute(0)) {
            ("var", Some(name)) => match self.variable(name, depth) {
                Some(v) => (v, 1),
                None => return unknown(),
            },
            ("local", Some(name)) => match self.locals.get(name) {
                Some((expression, local_base)) => {
                    let mut v = self.eval(expression, *local_base, depth + 1);
                    if v.origin.is_none() && !matches!(v.kind, Kind::Object(_) | Kind::List(_)) {
                        let uses = self.uses.get(&format!("local.{name}")).copied().unwrap_or(1);
                        v.origin = Some(Origin { what: format!("local `{name}`"), uses });
                    }
                    (v, 1)
                }
                None => return unknown(),
            },
            ("path", Some("module" | "root" | "cwd")) => (Val { span, kind: Kind::Text(".".to_string()), origin: None }, 1),
            _ => return unknown(),
        };
        // `var.map["key"]`, `local.settings.key`.
        for operator in operators.iter().skip(rest) {
            let key = match operator.value() {
                TraversalOperator::GetAttr(ident) => ident.value().as_str().to_string(),
                TraversalOperator::Index(index) => match self.eval(index, base, depth + 1).text() {
                    Some(k) => k,
                    None => return unknown(),
                },
                TraversalOperator::LegacyIndex(i) => i.value().to_string(),
                _ => return unknown(),
            };
            let next = match &value.kind {
                Kind::List(items) => key.parse::<usize>().ok().and_then(|i| items.get(i)).cloned(),
                _ => value.get(&key).cloned(),
            };
            value = match next {
                Some(v) => v,
                None => return unknown(),
            };
        }
        value
    }

    /// A variable's value: the last tfvars setting, else its default; `None` when neither exists.
    fn variable(&self, name: &str, depth: usize) -> Option<Val> {
        let uses = self.uses.get(&format!("var.{name}")).copied().unwrap_or(1);
        let (mut value, what) = match (self.tfvars.get(name), self.variables.get(name)) {
            (Some((expression, base, file)), _) => {
                let file = file.rsplit(['/', '\\']).next().unwrap_or(file);
                (self.eval(expression, *base, depth + 1), format!("`{name}` in {file}"))
            }
            (None, Some((expression, base))) => (self.eval(expression, *base, depth + 1), format!("the default of variable `{name}`")),
            (None, None) => return None,
        };
        if !matches!(value.kind, Kind::Object(_) | Kind::List(_)) {
            value.origin = Some(Origin { what, uses });
        }
        Some(value)
    }

    fn call(&self, call: &FuncCall, span: Span, base: usize, depth: usize) -> Val {
        let unknown = || Val::unknown(span, self.source(span));
        let args: Vec<Val> = call.args.iter().map(|a| self.eval(a, base, depth + 1)).collect();
        let name = call.name.name.value().as_str();
        if !call.name.namespace.is_empty() {
            return unknown();
        }
        let kind = match (name, args.as_slice()) {
            ("jsonencode", [value]) => match to_json(value, 0) {
                Some(json) => Kind::Text(json),
                None => return unknown(),
            },
            ("merge", _) => {
                let mut merged: Vec<ObjEntry> = Vec::new();
                let mut partial = false;
                let mut insert = InsertPoint::None;
                for arg in &args {
                    match &arg.kind {
                        Kind::Object(object) => {
                            for entry in &object.entries {
                                merged.retain(|e| e.key != entry.key);
                                merged.push(entry.clone());
                            }
                            partial |= object.partial;
                            if !matches!(object.insert, InsertPoint::None) {
                                insert = object.insert.clone();
                            }
                        }
                        Kind::Null => {}
                        _ => partial = true,
                    }
                }
                Kind::Object(Obj { entries: merged, insert, partial })
            }
            // Conversions and marks that keep the value as it is.
            ("tomap" | "tolist" | "toset" | "sensitive" | "nonsensitive", [value]) => return value.clone(),
            ("format", [pattern, rest @ ..]) => match (pattern.text(), rest.iter().map(Val::text).collect::<Option<Vec<_>>>()) {
                (Some(pattern), Some(values)) => match format_verbs(&pattern, &values) {
                    Some(text) => Kind::Text(text),
                    None => return unknown(),
                },
                _ => return unknown(),
            },
            ("file", [path]) => match path.text().and_then(|p| self.file(&p)) {
                Some(file) => return file,
                None => return unknown(),
            },
            // A template file without interpolations or directives is its text.
            ("templatefile", [path, _]) => match path.text().and_then(|p| self.file(&p)) {
                Some(file) if file.text().is_some_and(|t| !t.contains("${") && !t.contains("%{")) => return file,
                _ => return unknown(),
            },
            ("jsondecode", [value]) => match self.json_decode(value) {
                Some(decoded) => return decoded,
                None => return unknown(),
            },
            ("tostring" | "trimspace" | "lower" | "upper", [value]) => match value.text() {
                Some(t) => Kind::Text(match name {
                    "trimspace" => t.trim().to_string(),
                    "lower" => t.to_lowercase(),
                    "upper" => t.to_uppercase(),
                    _ => t,
                }),
                None => return unknown(),
            },
            ("join", [separator, list]) => match (separator.text(), &list.kind) {
                (Some(separator), Kind::List(items)) => match items.iter().map(Val::text).collect::<Option<Vec<_>>>() {
                    Some(parts) => Kind::Text(parts.join(&separator)),
                    None => return unknown(),
                },
                _ => return unknown(),
            },
            ("coalesce", _) => match args.iter().find(|a| !matches!(a.kind, Kind::Null)) {
                Some(first) if first.text().is_some_and(|t| !t.is_empty()) => return first.clone(),
                _ => return unknown(),
            },
            _ => return unknown(),
        };
        Val { span, kind, origin: None }
    }

    /// One of the module's other files, by its name (`${path.module}/connector.json`).
    fn file(&self, path: &str) -> Option<Val> {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let (file, span) = self.others.iter().find(|(n, _)| n == name)?;
        let content = self.text.get(span.start..span.end)?.to_string();
        let origin = Some(Origin { what: format!("file `{file}`"), uses: 1 });
        Some(Val { span: *span, kind: Kind::Text(content), origin })
    }

    /// JSON text as a value; located inside the file when the text is a file's content as is.
    fn json_decode(&self, value: &Val) -> Option<Val> {
        let content = value.text()?;
        let node = super::json::parse(&content).ok()?;
        let exact = self.text.get(value.span.start..value.span.end) == Some(content.as_str());
        Some(self.json_value(&node, if exact { Some(value.span.start) } else { None }, value.span, 0))
    }

    /// `shift`: where the JSON text starts in the module text; without it every span is `whole`.
    fn json_value(&self, node: &Node, shift: Option<usize>, whole: Span, depth: usize) -> Val {
        let at = |s: Span| shift.map_or(whole, |by| Span::new(by + s.start, by + s.end));
        let span = at(node.span);
        let kind = match &node.kind {
            _ if depth > MAX_DEPTH => Kind::Unknown(self.source(span)),
            NodeKind::Object(members) => {
                let entries = members
                    .iter()
                    .map(|m| ObjEntry {
                        key: m.key.clone(),
                        key_span: at(m.key_span),
                        value: self.json_value(&m.value, shift, whole, depth + 1),
                        written: at(m.value.span),
                    })
                    .collect();
                let insert = match shift {
                    Some(by) => super::json_insert_point(self.text, &shifted(node, by), ""),
                    None => InsertPoint::None,
                };
                Kind::Object(Obj { entries, insert, partial: false })
            }
            NodeKind::Array(items) => Kind::List(items.iter().map(|i| self.json_value(i, shift, whole, depth + 1)).collect()),
            NodeKind::String(t) => Kind::Text(t.clone()),
            NodeKind::Number(n) => Kind::Number(n.clone()),
            NodeKind::Bool(b) => Kind::Bool(*b),
            NodeKind::Null => Kind::Null,
        };
        Val { span, kind, origin: None }
    }

    /// New keys go on a line after the last member of a literal object.
    fn insert_point(&self, entries: &[ObjEntry]) -> InsertPoint {
        let Some(last) = entries.last() else { return InsertPoint::None };
        let line_start = self.text.get(..last.key_span.start).and_then(|b| b.rfind('\n')).map_or(0, |i| i + 1);
        let lead = self.text.get(line_start..last.key_span.start).unwrap_or("");
        let indent = if lead.chars().all(char::is_whitespace) {
            lead.to_string()
        } else {
            // A one-line object: indent one step past the line's own indentation.
            let own: String = lead.chars().take_while(|c| c.is_whitespace()).collect();
            format!("{own}  ")
        };
        InsertPoint::HclObject { after: last.written.end, indent }
    }

    fn config(&self, value: Option<&Val>, pointer: &str) -> Config {
        let Some(value) = value else { return Config::empty(false) };
        let Kind::Object(object) = &value.kind else {
            return Config::empty(matches!(value.kind, Kind::Unknown(_)));
        };
        let mut builder = ConfigBuilder::new();
        self.push_entries(&mut builder, object, pointer);
        let mut config = builder.build(object.insert.clone());
        config.unknown = object.partial;
        config
    }

    fn push_entries(&self, builder: &mut ConfigBuilder, object: &Obj, pointer: &str) {
        for entry in &object.entries {
            let value = match &entry.value.kind {
                Kind::Null => continue,
                Kind::Unknown(shown) if crate::redact::is_secret_key(&entry.key) => {
                    Value::Unknown { shown: crate::redact::mask_template_literals(shown) }
                }
                Kind::Unknown(shown) => Value::Unknown { shown: shown.clone() },
                Kind::List(_) | Kind::Object(_) => Value::Unknown { shown: self.source(entry.written) },
                _ => Value::from_text(entry.value.text().unwrap_or_default()),
            };
            builder.push(ConfigEntry {
                key: entry.key.clone(),
                value,
                key_span: entry.key_span,
                value_span: entry.value.span,
                entry_span: Span::new(entry.key_span.start, entry.written.end),
                pointer: pointer_push(pointer, &entry.key),
                shadowed: Vec::new(),
                origin: entry.value.origin.clone(),
            });
        }
    }

    fn field(&self, body: &Val, pointer: &str, path: &[&str]) -> Option<Field> {
        let value = body.walk(path)?;
        let shown = match &value.kind {
            Kind::Null => return None,
            Kind::Unknown(shown) => Value::Unknown { shown: shown.clone() },
            Kind::List(_) | Kind::Object(_) => Value::Unknown { shown: self.source(value.span) },
            _ => Value::from_text(value.text().unwrap_or_default()),
        };
        let pointer = path.iter().fold(pointer.to_string(), |p, k| pointer_push(&p, k));
        Some(Field { value: shown, location: Location { pointer, span: value.span }, shadowed: Vec::new(), origin: value.origin.clone() })
    }

    fn location(&self, resource: &Resource) -> Location {
        let span = resource.block.ident.span().map_or(Span::default(), |r| Span::new(resource.base + r.start, resource.base + r.end));
        Location { pointer: resource.pointer.clone(), span }
    }

    fn msk_connector(&self, resource: &Resource) -> Connector {
        let body = self.body(&resource.block.body, resource.base, 0);
        let config = self.config(body.get("connector_configuration"), &pointer_push(&resource.pointer, "connector_configuration"));
        let class = config.text("connector.class").map(str::to_string);
        let bootstrap_path = ["kafka_cluster", "apache_kafka_cluster", "bootstrap_servers"];
        let brokers = body.walk(&bootstrap_path).and_then(|v| match &v.kind {
            Kind::Unknown(_) => self.broker_reference(self.text.get(v.span.start..v.span.end).unwrap_or("")),
            _ => None,
        });
        let cluster = ClusterLink {
            bootstrap_servers: self.field(&body, &resource.pointer, &bootstrap_path),
            encryption_type: self.field(&body, &resource.pointer, &["kafka_cluster_encryption_in_transit", "encryption_type"]),
            authentication_type: self.field(&body, &resource.pointer, &["kafka_cluster_client_authentication", "authentication_type"]),
            // The AWS provider defaults an absent block to PLAINTEXT / NONE; AWSCC requires them.
            defaults_apply: resource.kind == "aws_mskconnect_connector",
            anchor: self.location(resource),
            names: NAMES,
            brokers,
        };
        Connector {
            name: body.get("name").and_then(Val::text).or_else(|| Some(format!("{}.{}", resource.kind, resource.name))),
            format: Format::TerraformHcl,
            family: class.as_deref().map_or(Family::Unknown, Family::of_class),
            class,
            location: self.location(resource),
            config,
            cluster: Some(cluster),
            strimzi_cluster: None,
            strimzi_kafka: Vec::new(),
        }
    }

    /// Connectors of providers without an MSK cluster link: one or more config maps merged.
    fn plain_connector(&self, resource: &Resource, maps: &[&str], name_attribute: &str) -> Connector {
        let body = self.body(&resource.block.body, resource.base, 0);
        let mut builder = ConfigBuilder::new();
        let mut insert = InsertPoint::None;
        let mut partial = false;
        for map in maps {
            let pointer = pointer_push(&resource.pointer, map);
            match body.get(map).map(|v| &v.kind) {
                Some(Kind::Object(object)) => {
                    self.push_entries(&mut builder, object, &pointer);
                    // New keys go to the first (non-sensitive) map.
                    if matches!(insert, InsertPoint::None) {
                        insert = object.insert.clone();
                    }
                    partial |= object.partial;
                }
                Some(Kind::Unknown(_)) => partial = true,
                _ => {}
            }
        }
        let mut config = builder.build(insert);
        config.unknown = partial;
        let class = config.text("connector.class").map(str::to_string);
        let name = body
            .get(name_attribute)
            .and_then(Val::text)
            .or_else(|| config.text("name").map(str::to_string))
            .or_else(|| Some(format!("{}.{}", resource.kind, resource.name)));
        Connector {
            name,
            format: Format::TerraformHcl,
            family: class.as_deref().map_or(Family::Unknown, Family::of_class),
            class,
            location: self.location(resource),
            config,
            cluster: None,
            strimzi_cluster: None,
            strimzi_kafka: Vec::new(),
        }
    }

    /// `properties_file_content`: a heredoc written as is maps onto the file, so its entries are
    /// located and fixable; anything else (escapes, `<<-` indentation, `base64encode`) points
    /// at the whole value.
    fn worker(&self, resource: &Resource) -> Option<Connector> {
        let attribute = resource.block.body.get_attribute("properties_file_content")?;
        let (expression, _) = match &attribute.value {
            Expression::FuncCall(call) if call.name.name.value().as_str() == "base64encode" => (call.args.iter().next()?, true),
            other => (other, false),
        };
        let value = self.eval(expression, resource.base, 0);
        let content = value.text()?;
        let pointer = pointer_push(&resource.pointer, "properties_file_content");
        let name = resource
            .block
            .body
            .get_attribute("name")
            .and_then(|a| self.eval(&a.value, resource.base, 0).text())
            .or_else(|| Some(format!("{}.{}", resource.kind, resource.name)));
        let content_span = match expression {
            Expression::HeredocTemplate(heredoc) => {
                heredoc.template.span().map(|r| Span::new(resource.base + r.start, resource.base + r.end))
            }
            _ => None,
        };
        // A heredoc's text, or a module file's (`file("worker.properties")`), as written.
        let exact = content_span.or(Some(value.span)).filter(|s| self.text.get(s.start..s.end) == Some(content.as_str()));
        let Some(at) = exact else {
            let node = Node { span: value.span, kind: NodeKind::String(content.clone()) };
            return super::embedded_worker(&node, &pointer, &content, name).ok();
        };
        let entries = properties::parse(&content).ok()?;
        let shift = |s: Span| Span::new(at.start + s.start, at.start + s.end);
        let mut builder = ConfigBuilder::new();
        for entry in &entries {
            builder.push(ConfigEntry {
                key: entry.key.clone(),
                value: Value::from_text(entry.value.clone()),
                key_span: shift(entry.key_span),
                value_span: shift(entry.value_span),
                entry_span: shift(entry.line_span),
                pointer: pointer_push(&pointer, &entry.key),
                shadowed: Vec::new(),
                origin: None,
            });
        }
        let after = entries.last().map_or(at.start, |e| at.start + e.line_span.end);
        Some(Connector {
            name,
            format: Format::MskWorkerConfiguration,
            class: None,
            family: Family::Worker,
            location: self.location(resource),
            config: builder.build(InsertPoint::Properties { after }),
            cluster: None,
            strimzi_cluster: None,
            strimzi_kafka: Vec::new(),
        })
    }

    /// `aws_msk_cluster.x.bootstrap_brokers_tls`, `data.aws_msk_bootstrap_brokers.x.bootstrap_brokers_sasl_iam`,
    /// `aws_msk_serverless_cluster.x.bootstrap_brokers_sasl_iam`, as the source writes them.
    fn broker_reference(&self, shown: &str) -> Option<BrokerReference> {
        let reference = shown.trim().trim_matches('"').trim_start_matches("${").trim_end_matches('}').trim();
        // A data source reads a cluster defined elsewhere: what it accepts is not in this module.
        let (data, reference) = match reference.strip_prefix("data.") {
            Some(rest) => (true, rest),
            None => (false, reference),
        };
        let mut parts = reference.split('.');
        let kind = parts.next()?;
        let name = parts.next()?;
        let name = name.split('[').next().unwrap_or(name);
        let attribute = parts.next()?;
        if parts.next().is_some() || !matches!(kind, "aws_msk_cluster" | "aws_msk_serverless_cluster" | "aws_msk_bootstrap_brokers") {
            return None;
        }
        let bare = attribute.replace("_public", "").replace("_vpc_connectivity", "");
        let listener = match bare.as_str() {
            "bootstrap_brokers" => Listener::Plaintext,
            "bootstrap_brokers_tls" => Listener::Tls,
            "bootstrap_brokers_sasl_scram" => Listener::SaslScram,
            "bootstrap_brokers_sasl_iam" => Listener::SaslIam,
            _ => return None,
        };
        let accepts =
            self.clusters.get(&(kind, name)).filter(|_| !data).map(|(block, base)| self.cluster_accepts(kind, name, block, *base));
        let kind = if data { format!("data.{kind}") } else { kind.to_string() };
        Some(BrokerReference { cluster: format!("{kind}.{name}"), attribute: attribute.to_string(), listener, accepts })
    }

    fn cluster_accepts(&self, kind: &str, name: &str, block: &Block, base: usize) -> ClusterAccepts {
        let span = block.ident.span().map_or(Span::default(), |r| Span::new(base + r.start, base + r.end));
        let location = Location { pointer: pointer_push(&pointer_push("/resource", kind), name), span };
        if kind == "aws_msk_serverless_cluster" {
            return ClusterAccepts::serverless(location);
        }
        let body = self.body(&block.body, base, 0);
        let text = |path: &[&str]| -> Result<Option<String>, ()> {
            match body.walk(path) {
                None => Ok(None),
                Some(v) if matches!(v.kind, Kind::Null) => Ok(None),
                Some(v) => v.text().map(Some).ok_or(()),
            }
        };
        let flag = |path: &[&str], absent: bool| match text(path) {
            Ok(None) => Some(absent),
            Ok(Some(t)) => Some(t == "true"),
            Err(()) => None,
        };
        let (plaintext, tls) = match text(&["encryption_info", "encryption_in_transit", "client_broker"]) {
            Ok(None) => (Some(false), Some(true)),
            Ok(Some(b)) => (Some(b != "TLS"), Some(b != "PLAINTEXT")),
            Err(()) => (None, None),
        };
        let has_auth = body.get("client_authentication").is_some();
        ClusterAccepts {
            location,
            plaintext,
            tls,
            iam: flag(&["client_authentication", "sasl", "iam"], false),
            scram: flag(&["client_authentication", "sasl", "scram"], false),
            tls_client_auth: Some(body.walk(&["client_authentication", "tls"]).is_some()),
            unauthenticated: flag(&["client_authentication", "unauthenticated"], !has_auth),
            serverless: false,
        }
    }
}

/// `jsonencode`: known values only.
fn to_json(value: &Val, depth: usize) -> Option<String> {
    if depth > MAX_DEPTH {
        return None;
    }
    Some(match &value.kind {
        Kind::Text(t) => super::json::quote(t),
        Kind::Number(n) => n.clone(),
        Kind::Bool(b) => b.to_string(),
        Kind::Null => "null".to_string(),
        Kind::List(items) => format!("[{}]", items.iter().map(|i| to_json(i, depth + 1)).collect::<Option<Vec<_>>>()?.join(",")),
        Kind::Object(object) if !object.partial => {
            let mut entries: Vec<&ObjEntry> = object.entries.iter().collect();
            // Terraform writes object keys sorted.
            entries.sort_by(|a, b| a.key.cmp(&b.key));
            let members: Option<Vec<String>> =
                entries.iter().map(|e| Some(format!("{}:{}", super::json::quote(&e.key), to_json(&e.value, depth + 1)?))).collect();
            format!("{{{}}}", members?.join(","))
        }
        _ => return None,
    })
}

/// `var.x` and `local.x` occurrences in the module's text.
fn count_uses(text: &str) -> HashMap<String, usize> {
    let mut uses = HashMap::new();
    for prefix in ["var.", "local."] {
        let mut rest = text;
        while let Some(at) = rest.find(prefix) {
            let before_ok =
                rest.get(..at).and_then(|b| b.chars().last()).is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'));
            let after = rest.get(at + prefix.len()..).unwrap_or("");
            let name: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
            if before_ok && !name.is_empty() {
                *uses.entry(format!("{prefix}{name}")).or_insert(0) += 1;
            }
            rest = after;
        }
    }
    uses
}

/// How a value is written as an HCL string: JSON's escapes, and `${` / `%{` escaped so a config
/// provider reference stays literal.
pub fn quote(value: &str) -> String {
    super::json::quote(value).replace("${", "$${").replace("%{", "%%{")
}

/// True when `text` ends inside an open `${alias:` (a config provider reference being written).
fn inside_provider_reference(text: &str) -> bool {
    let Some(open) = text.rfind("${") else { return false };
    let inner = text.get(open + 2..).unwrap_or("");
    !inner.contains('}')
        && inner
            .split_once(':')
            .is_some_and(|(alias, _)| !alias.is_empty() && alias.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
}

/// Terraform's `format` for the verbs configurations use (`%s`, `%d`, `%%`); others are unknown.
fn format_verbs(pattern: &str, values: &[String]) -> Option<String> {
    let mut out = String::new();
    let mut values = values.iter();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '%' => out.push('%'),
            's' | 'd' | 'v' => out.push_str(values.next()?),
            _ => return None,
        }
    }
    Some(out)
}

/// A JSON object's members moved by `by` bytes (only what an insertion point needs).
fn shifted(node: &Node, by: usize) -> Node {
    let span = Span::new(node.span.start + by, node.span.end + by);
    let kind = match &node.kind {
        NodeKind::Object(members) => NodeKind::Object(
            members
                .iter()
                .map(|m| super::tree::Member {
                    key: m.key.clone(),
                    key_span: Span::new(m.key_span.start + by, m.key_span.end + by),
                    value: Node { span: Span::new(m.value.span.start + by, m.value.span.end + by), kind: NodeKind::Null },
                })
                .collect(),
        ),
        _ => NodeKind::Null,
    };
    Node { span, kind }
}
