//! Text -> documents -> connectors. `read` detects the format (or takes the one forced), parses
//! it, and hands the document to the reader of its shape.

mod cloudformation;
mod connect_rest;
pub mod json;
mod kubernetes;
pub mod module;
mod msk_api;
pub mod properties;
mod terraform;
mod terraform_plan;
pub mod tree;
pub mod yaml;

use crate::connector::{Config, ConfigBuilder, ConfigEntry, Connector, Family, Field, Format, InsertPoint, Location, Value};
use crate::span::Span;
use tree::{pointer_push, Node, NodeKind};

/// Input that cannot be read, with the byte offset it was found at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub message: String,
    pub offset: usize,
}

impl InputError {
    pub fn new(message: impl Into<String>, offset: usize) -> Self {
        InputError { message: message.into(), offset }
    }
}

pub const EXPECTED: &str = "a Kafka Connect or MSK Connect configuration: connector JSON (REST body, flat config, \
     MSK Connect API, CloudFormation, Terraform plan) or a properties file";

pub const NO_SETTINGS: &str = "no settings found (only comments or blank lines)";

pub fn read(text: &str, forced: Option<Format>) -> Result<Vec<Connector>, InputError> {
    if text.len() > MAX_INPUT_BYTES {
        let over = (0..=MAX_INPUT_BYTES).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        return Err(InputError::new(
            format!("the input is larger than {MAX_INPUT_BYTES} bytes (16 MiB); at most that much is read at once: split it into files"),
            over,
        ));
    }
    let connectors = read_any(text, forced)?;
    if let Some(extra) = connectors.get(MAX_CONNECTORS) {
        return Err(InputError::new(
            format!("the input holds {} connectors; at most {MAX_CONNECTORS} are checked at once: split it into files", connectors.len()),
            extra.location.span.start,
        ));
    }
    let mut settings = connectors.iter().flat_map(|c| c.config.entries.iter());
    if let Some(extra) = settings.nth(MAX_SETTINGS) {
        return Err(InputError::new(too_many_settings(), extra.key_span.start));
    }
    Ok(connectors)
}

/// The largest input read, in bytes: real configurations (a Terraform plan of many connectors
/// included) are far smaller, and within these limits every input is checked in well under a
/// second and 200 MB (README, "Limits").
pub const MAX_INPUT_BYTES: usize = 16 << 20;
/// The most connectors (worker configurations and clusters included) one input may hold.
pub const MAX_CONNECTORS: usize = 10_000;
/// The most settings, over all the connectors of one input.
pub const MAX_SETTINGS: usize = 100_000;
/// The most documents of one YAML stream: as many as connectors, so that a stream of more
/// connectors than that (one a document, as Strimzi's are) is refused before all of it is parsed.
pub const MAX_DOCUMENTS: usize = MAX_CONNECTORS;

fn too_many_settings() -> String {
    format!("the input holds more than {MAX_SETTINGS} settings; at most that many are checked at once: split it into files")
}

fn read_any(text: &str, forced: Option<Format>) -> Result<Vec<Connector>, InputError> {
    let start = text.len() - text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).len();
    if start == text.len() {
        return Err(InputError::new(format!("empty input: expected {EXPECTED}"), 0));
    }
    if let Some(files) = module::files(text) {
        return module::read(text, &files);
    }
    let first = text.get(start..).and_then(|rest| rest.chars().next()).unwrap_or(' ');
    let json = first == '{' || first == '[';
    match forced {
        Some(Format::Properties | Format::MskWorkerConfiguration | Format::Mirrormaker2) => return read_properties(text, forced),
        Some(Format::TerraformHcl) => return read_terraform(text),
        Some(Format::Strimzi | Format::Kubernetes) => return read_yaml(text, forced),
        Some(Format::Cloudformation) if !json => return read_yaml(text, forced),
        Some(_) => return read_json(text, forced),
        None => {}
    }
    if json {
        return read_json(text, None);
    }
    if let Some(error) = shell_command(text, start) {
        return Err(error);
    }
    if looks_like_hcl(text) {
        return read_terraform(text);
    }
    if looks_like_yaml(text) {
        return read_yaml(text, None);
    }
    read_properties(text, None)
}

pub use terraform::quote as hcl_quote;

/// A Terraform module given as `(path, text)` pairs (a directory's files): read as one joined
/// text, which `check`, `fix` and the wasm binding take like any input. See `module`.
pub fn read_module(files: &[(&str, &str)]) -> Result<(String, Vec<Connector>), InputError> {
    let text = module::join(files);
    let connectors = read(&text, Some(Format::TerraformHcl))?;
    Ok((text, connectors))
}

/// One Terraform file: a module of one file.
fn read_terraform(text: &str) -> Result<Vec<Connector>, InputError> {
    let file = terraform::parse_file("main.tf", text, 0)?;
    let mut out = Vec::new();
    terraform::read(text, std::slice::from_ref(&file), &mut out);
    Ok(out)
}

/// Every document of a YAML stream: CloudFormation templates, Kubernetes objects (Strimzi
/// `KafkaConnector`, `Secret`, `ConfigMap`), and the JSON shapes written as YAML. Documents of
/// other kinds hold no connector, which is not an error.
fn read_yaml(text: &str, forced: Option<Format>) -> Result<Vec<Connector>, InputError> {
    let documents = yaml::parse(text)?;
    let several = documents.len() > 1;
    let mut out = Vec::new();
    for (i, document) in documents.iter().enumerate() {
        let Some(root) = document.root.as_ref().filter(|r| r.is_object()) else { continue };
        let pointer = if several { format!("/{i}") } else { String::new() };
        let kubernetes = root.get("apiVersion").is_some() && root.get("kind").is_some();
        let template = root.get("Resources").is_some() || root.get("AWSTemplateFormatVersion").is_some();
        match forced {
            // A forced format reads only its own documents.
            Some(Format::Strimzi | Format::Kubernetes) if kubernetes => kubernetes::read(text, root, &pointer, &mut out)?,
            Some(Format::Strimzi | Format::Kubernetes) => {}
            Some(Format::Cloudformation) => cloudformation::read(text, root, &pointer, true, &mut out)?,
            Some(_) => read_node(text, root, &pointer, forced, &mut out)?,
            None if kubernetes => kubernetes::read(text, root, &pointer, &mut out)?,
            None if template => cloudformation::read(text, root, &pointer, true, &mut out)?,
            None => {
                if let Some(shape) = detect_json_shape(root) {
                    read_node(text, root, &pointer, Some(shape), &mut out)?;
                }
            }
        }
    }
    Ok(out)
}

fn looks_like_hcl(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start();
        ["resource ", "data ", "variable ", "locals ", "locals{", "provider ", "module ", "terraform ", "terraform{", "output "]
            .iter()
            .any(|word| line.starts_with(word) && (line.contains('{') || line.contains('"')))
    })
}

fn looks_like_yaml(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')).collect();
    lines.iter().enumerate().any(|(i, line)| {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed.starts_with("apiVersion:") || trimmed.starts_with("AWSTemplateFormatVersion:") {
            return true;
        }
        if line.trim_start().starts_with("- ") {
            return true;
        }
        // `key:` with nothing after it and an indented line below opens a YAML mapping.
        let indent = line.len() - line.trim_start().len();
        let opens_block = trimmed.ends_with(':') && !trimmed.contains('=') && !trimmed.contains(' ');
        opens_block && lines.get(i + 1).is_some_and(|next| next.len() - next.trim_start().len() > indent)
    })
}

fn shell_command(text: &str, start: usize) -> Option<InputError> {
    let head = &text[start..];
    let word = head.split_whitespace().next().unwrap_or("");
    if !["curl", "http", "https", "wget", "kubectl", "aws", "$"].contains(&word) {
        return None;
    }
    let body_hint = head
        .find("-d '")
        .or_else(|| head.find("--data '"))
        .or_else(|| head.find("--data-raw '"))
        .and_then(|at| head[at..].find('\'').map(|q| start + at + q + 1));
    let hint = match body_hint {
        Some(offset) => {
            let index = crate::span::LineIndex::new(text);
            let p = index.position(offset);
            format!("; lint the JSON body it sends instead (it starts at line {}, column {})", p.line, p.column)
        }
        None => String::new(),
    };
    Some(InputError::new(format!("this is a shell command (`{word} ...`), not a configuration: expected {EXPECTED}{hint}"), start))
}

pub(crate) fn read_properties(text: &str, forced: Option<Format>) -> Result<Vec<Connector>, InputError> {
    let entries = properties::parse(text)?;
    let Some(last) = entries.last() else {
        return Err(InputError::new(format!("{NO_SETTINGS}: expected {EXPECTED}"), 0));
    };
    let after = last.line_span.end;
    let mut builder = ConfigBuilder::new();
    for entry in &entries {
        builder.push(ConfigEntry {
            key: entry.key.clone(),
            value: Value::from_text(entry.value.clone()),
            key_span: entry.key_span,
            value_span: entry.value_span,
            entry_span: entry.line_span,
            pointer: pointer_push("", &entry.key),
            shadowed: Vec::new(),
            origin: None,
        });
    }
    let config = builder.build(InsertPoint::Properties { after });
    let class = config.text("connector.class").map(str::to_string);
    if forced == Some(Format::Mirrormaker2) || (forced.is_none() && class.is_none() && is_mirrormaker2(&config)) {
        let first = &entries[0];
        return Ok(vec![Connector {
            name: Some("MirrorMaker 2".to_string()),
            format: Format::Mirrormaker2,
            class: None,
            family: Family::MirrorMaker,
            location: Location { pointer: String::new(), span: first.key_span },
            config,
            cluster: None,
            strimzi_cluster: None,
            strimzi_kafka: Vec::new(),
        }]);
    }
    if forced.is_none() && class.is_none() && !is_worker_config(&config) {
        let looks_like_key = |key: &str| !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        if let Some(odd) = entries.iter().find(|e| !looks_like_key(&e.key)) {
            return Err(InputError::new(
                format!("not a connector configuration: this line is not a `key=value` setting; expected {EXPECTED}"),
                odd.key_span.start,
            ));
        }
        if entries.iter().all(|e| !e.key.contains('.')) {
            return Err(InputError::new(
                format!(
                    "not a connector configuration: there is no connector.class and none of the worker settings \
                     (bootstrap.servers, key.converter, config.providers, ...); expected {EXPECTED}"
                ),
                entries[0].key_span.start,
            ));
        }
    }
    let is_worker = forced == Some(Format::MskWorkerConfiguration) || (class.is_none() && is_worker_config(&config));
    let (format, family) = if is_worker {
        let format = match forced {
            Some(f) => f,
            None if looks_like_msk_worker_configuration(&config) => Format::MskWorkerConfiguration,
            None => Format::Properties,
        };
        (format, Family::Worker)
    } else {
        let family = match class.as_deref() {
            Some(class) => Family::of_class(class),
            None if config.get("cassandra.config").is_some() || config.get("commit.log.relocation.dir").is_some() => {
                Family::DebeziumCassandra
            }
            None => Family::Unknown,
        };
        (Format::Properties, family)
    };
    let name = if is_worker { None } else { config.text("name").or_else(|| config.text("connector.name")).map(str::to_string) };
    let first = &entries[0];
    Ok(vec![Connector {
        name,
        format,
        class: if is_worker { None } else { class },
        family,
        location: Location { pointer: String::new(), span: first.key_span },
        config,
        cluster: None,
        strimzi_cluster: None,
        strimzi_kafka: Vec::new(),
    }])
}

const WORKER_KEYS: [&str; 12] = [
    "bootstrap.servers",
    "group.id",
    "key.converter",
    "value.converter",
    "offset.storage.topic",
    "offset.storage.file.filename",
    "config.storage.topic",
    "plugin.path",
    "config.providers",
    "listeners",
    "rest.port",
    "offset.flush.interval.ms",
];

/// `connect-mirror-maker.properties`: `clusters` names aliases, each with its bootstrap servers.
fn is_mirrormaker2(config: &Config) -> bool {
    config.text("clusters").is_some_and(|clusters| {
        clusters.split(',').map(str::trim).any(|alias| !alias.is_empty() && config.get(&format!("{alias}.bootstrap.servers")).is_some())
    })
}

pub(crate) fn is_worker_config(config: &Config) -> bool {
    // The Debezium Cassandra agent runs outside Kafka Connect but names itself this way.
    if config.get("connector.name").is_some() {
        return false;
    }
    config.entries.iter().any(|e| {
        WORKER_KEYS.contains(&e.key.as_str())
            || e.key.starts_with("producer.") && !e.key.starts_with("producer.override.")
            || e.key.starts_with("consumer.") && !e.key.starts_with("consumer.override.")
    })
}

/// An MSK Connect custom worker configuration cannot hold the keys a self-managed worker needs
/// (`bootstrap.servers`, `group.id`, `plugin.path`, ...): their absence is the tell.
fn looks_like_msk_worker_configuration(config: &Config) -> bool {
    const SELF_MANAGED: [&str; 7] =
        ["bootstrap.servers", "group.id", "plugin.path", "offset.storage.file.filename", "listeners", "rest.port", "config.storage.topic"];
    !config.entries.iter().any(|e| SELF_MANAGED.contains(&e.key.as_str()))
}

pub(crate) fn read_json(text: &str, forced: Option<Format>) -> Result<Vec<Connector>, InputError> {
    let root = json::parse(text)?;
    let mut connectors = Vec::new();
    read_node(text, &root, "", forced, &mut connectors)?;
    Ok(connectors)
}

fn read_node(text: &str, node: &Node, pointer: &str, forced: Option<Format>, out: &mut Vec<Connector>) -> Result<(), InputError> {
    if let NodeKind::Array(items) = &node.kind {
        if items.is_empty() {
            return Err(InputError::new(format!("empty array: expected {EXPECTED}"), node.span.start));
        }
        for (i, item) in items.iter().enumerate() {
            read_node(text, item, &pointer_push(pointer, &i.to_string()), forced, out)?;
        }
        return Ok(());
    }
    if !node.is_object() {
        return Err(InputError::new(format!("found {} where {EXPECTED} was expected", node.describe()), node.span.start));
    }
    // A Kubernetes object as JSON (`kubectl get -o json`).
    if node.get("apiVersion").is_some() && node.get("kind").is_some() && matches!(forced, None | Some(Format::Strimzi | Format::Kubernetes))
    {
        return kubernetes::read(text, node, pointer, out);
    }
    let format = match forced {
        Some(format) => format,
        None => detect_json_shape(node).ok_or_else(|| not_a_connector(node))?,
    };
    match format {
        Format::Cloudformation => cloudformation::read(text, node, pointer, false, out),
        Format::TerraformPlan => terraform_plan::read(text, node, pointer, out),
        Format::MskConnectApi => msk_api::read(text, node, pointer, out),
        Format::KafkaConnectRest => connect_rest::read_rest(text, node, pointer, out),
        Format::KafkaConnectExpand => connect_rest::read_expand(text, node, pointer, out),
        Format::Strimzi | Format::Kubernetes => Ok(()),
        Format::KafkaConnectConfig => {
            out.push(connect_rest::flat_connector(text, node, pointer, Format::KafkaConnectConfig, None));
            Ok(())
        }
        Format::Properties | Format::MskWorkerConfiguration | Format::Mirrormaker2 | Format::TerraformHcl => {
            Err(InputError::new(format!("--format {} cannot read JSON input", format.name()), node.span.start))
        }
    }
}

fn detect_json_shape(node: &Node) -> Option<Format> {
    let has = |key: &str| node.get(key).is_some();
    if has("Resources") || has("AWSTemplateFormatVersion") {
        return Some(Format::Cloudformation);
    }
    if has("format_version") && (has("planned_values") || has("resource_changes") || has("values") || has("terraform_version")) {
        return Some(Format::TerraformPlan);
    }
    if [
        "connectorConfiguration",
        "connectorName",
        "kafkaClusterEncryptionInTransit",
        "kafkaCluster",
        "connectorArn",
        "propertiesFileContent",
        "workerConfigurationArn",
    ]
    .iter()
    .any(|k| has(k))
        || node.get("connectors").is_some_and(|c| c.items().iter().any(|i| i.get("connectorArn").is_some()))
    {
        return Some(Format::MskConnectApi);
    }
    if node.get("config").is_some_and(Node::is_object) && (has("name") || has("type") || has("tasks")) {
        return Some(Format::KafkaConnectRest);
    }
    let members = node.members();
    if !members.is_empty() && members.iter().all(|m| m.value.get("info").is_some_and(|i| i.get("config").is_some())) {
        return Some(Format::KafkaConnectExpand);
    }
    let scalars = members.iter().filter(|m| !matches!(m.value.kind, NodeKind::Object(_) | NodeKind::Array(_))).count();
    if has("connector.class") || (scalars > 0 && scalars == members.len() && members.iter().any(|m| m.key.contains('.'))) {
        return Some(Format::KafkaConnectConfig);
    }
    None
}

fn not_a_connector(node: &Node) -> InputError {
    let keys: Vec<&str> = node.members().iter().take(6).map(|m| m.key.as_str()).collect();
    let found = if keys.is_empty() { "an empty object".to_string() } else { format!("an object with keys {}", keys.join(", ")) };
    InputError::new(format!("not a connector configuration: expected {EXPECTED}; found {found}"), node.span.start)
}

/// Builds a connector configuration from a JSON object of `key: value` pairs.
pub(crate) fn config_from_object(text: &str, object: &Node, pointer: &str, unknown: &dyn Fn(&str) -> bool) -> Config {
    let mut builder = ConfigBuilder::new();
    for member in object.members() {
        let value_pointer = pointer_push(pointer, &member.key);
        let value = match &member.value.kind {
            NodeKind::Null => continue,
            _ if unknown(&member.key) => Value::Unknown { shown: "(known after apply)".to_string() },
            NodeKind::Object(_) | NodeKind::Array(_) => Value::Unknown { shown: intrinsic_text(text, &member.value) },
            _ => Value::from_text(member.value.scalar_text().unwrap_or_default()),
        };
        builder.push(ConfigEntry {
            key: member.key.clone(),
            value,
            key_span: member.key_span,
            value_span: member.value.span,
            entry_span: Span::new(member.key_span.start, member.value.span.end),
            pointer: value_pointer,
            shadowed: Vec::new(),
            origin: None,
        });
    }
    builder.build(insert_point(text, object, pointer))
}

/// Where a fix adds keys to `object`: JSON objects and YAML flow mappings (`{...}`) take JSON
/// members; YAML block mappings take lines.
pub(crate) fn insert_point(text: &str, object: &Node, pointer: &str) -> InsertPoint {
    if text.get(object.span.start..).is_some_and(|rest| rest.starts_with('{')) {
        return json_insert_point(text, object, pointer);
    }
    let Some(last) = object.members().last() else { return InsertPoint::None };
    let line_start = text.get(..last.key_span.start).and_then(|before| before.rfind('\n')).map_or(0, |i| i + 1);
    let indent = text.get(line_start..last.key_span.start).unwrap_or("");
    // A key after `- ` sits in a sequence item: the next key aligns with it, not with the dash.
    let indent: String = indent.chars().map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
    InsertPoint::YamlBlock { after: last.value.span.end.max(last.key_span.end), indent }
}

/// How a value that is not a plain string reads in a message: `!Ref X`-style for CloudFormation
/// intrinsics, the raw JSON otherwise (shortened).
pub(crate) fn intrinsic_text(text: &str, node: &Node) -> String {
    if let [member] = node.members() {
        if member.key == "Ref" || member.key.starts_with("Fn::") {
            let argument = member.value.scalar_text().unwrap_or_else(|| "...".to_string());
            return format!("{} {argument}", member.key);
        }
    }
    let raw: String = text.get(node.span.start..node.span.end).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
    if raw.chars().count() > 60 {
        format!("{}...", raw.chars().take(57).collect::<String>())
    } else {
        raw
    }
}

pub(crate) fn json_insert_point(text: &str, object: &Node, pointer: &str) -> InsertPoint {
    let open = object.span.start + 1;
    let Some(last) = object.members().last() else {
        return InsertPoint::JsonObject { open, last_member_end: None, indent: String::new(), pointer: pointer.to_string() };
    };
    // Back to the line's start, or the object's opening: a minified document is one long line.
    let line_start = text
        .get(object.span.start..last.key_span.start)
        .and_then(|t| t.rfind('\n'))
        .map_or(object.span.start, |i| object.span.start + i + 1);
    let before_key = text.get(line_start..last.key_span.start).unwrap_or("");
    let indent = if before_key.chars().all(char::is_whitespace) { format!("\n{before_key}") } else { " ".to_string() };
    InsertPoint::JsonObject { open, last_member_end: Some(last.value.span.end), indent, pointer: pointer.to_string() }
}

/// A worker configuration carried inside a JSON string (MSK Connect's base64
/// `propertiesFileContent`, Terraform's `properties_file_content`): read as a properties file whose
/// every entry points at the string, since positions inside an encoded blob mean nothing.
pub(crate) fn embedded_worker(node: &Node, pointer: &str, content: &str, name: Option<String>) -> Result<Connector, InputError> {
    let entries = properties::parse(content)
        .map_err(|e| InputError::new(format!("in the worker configuration at {pointer}: {}", e.message), node.span.start))?;
    let mut builder = ConfigBuilder::new();
    for entry in entries {
        builder.push(ConfigEntry {
            key: entry.key,
            value: Value::from_text(entry.value),
            key_span: node.span,
            value_span: node.span,
            entry_span: node.span,
            pointer: pointer.to_string(),
            shadowed: Vec::new(),
            origin: None,
        });
    }
    Ok(Connector {
        name,
        format: Format::MskWorkerConfiguration,
        class: None,
        family: Family::Worker,
        location: location(node, pointer),
        config: builder.build(InsertPoint::Embedded),
        cluster: None,
        strimzi_cluster: None,
        strimzi_kafka: Vec::new(),
    })
}

/// A connector read from text inside a string (a Secret's value, an `Fn::Base64` worker
/// configuration). In a literal block scalar (`|`) every position maps back to the file; in an
/// encoded or quoted string positions mean nothing, so everything points at the string. Either
/// way fixes are advice (`Embedded`): an edit inside the string would need its own quoting.
pub(crate) fn relocate_embedded(text: &str, mut connector: Connector, node: &Node, pointer: &str) -> Connector {
    let map = yaml::BlockMap::of(text, node);
    let span = |inner: Span| map.as_ref().and_then(|m| m.span(inner)).unwrap_or(node.span);
    let at = |inner: &str| format!("{pointer}#{inner}");
    let mut entries = std::mem::take(&mut connector.config.entries);
    for entry in &mut entries {
        entry.pointer = at(&entry.pointer);
        entry.key_span = span(entry.key_span);
        entry.value_span = span(entry.value_span);
        entry.entry_span = span(entry.entry_span);
        for shadowed in &mut entry.shadowed {
            shadowed.key_span = span(shadowed.key_span);
            shadowed.value_span = span(shadowed.value_span);
        }
    }
    let unknown = connector.config.unknown;
    connector.config = Config::new(entries, InsertPoint::Embedded, unknown);
    let start = span(connector.location.span).start;
    connector.location = Location { pointer: pointer.to_string(), span: Span::new(start, start + 1) };
    if let Some(cluster) = connector.cluster.as_mut() {
        for field in [&mut cluster.bootstrap_servers, &mut cluster.encryption_type, &mut cluster.authentication_type].into_iter().flatten()
        {
            field.location = Location { pointer: at(&field.location.pointer), span: span(field.location.span) };
        }
        cluster.anchor = Location { pointer: pointer.to_string(), span: span(cluster.anchor.span) };
    }
    if !connector.is_worker() {
        connector.format = Format::Kubernetes;
    }
    connector
}

/// Decodes standard base64 (white space ignored); `None` when the text is not base64 of UTF-8.
pub(crate) fn base64_text(encoded: &str) -> Option<String> {
    let mut bytes = Vec::new();
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in encoded.chars().filter(|c| !c.is_whitespace()) {
        let value = match c {
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '+' => 62,
            '/' => 63,
            '=' => break,
            _ => return None,
        };
        buffer = (buffer << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    String::from_utf8(bytes).ok()
}

/// Follows `path` from `node`; duplicates of the last key are kept as shadowed locations.
pub(crate) fn field(text: &str, node: &Node, pointer: &str, path: &[&str]) -> Option<Field> {
    let (last, parents) = path.split_last()?;
    let mut parent = node;
    let mut parent_pointer = pointer.to_string();
    for key in parents {
        parent = parent.get(key)?;
        parent_pointer = pointer_push(&parent_pointer, key);
    }
    let value_pointer = pointer_push(&parent_pointer, last);
    let matches: Vec<&tree::Member> = parent.members().iter().filter(|m| m.key == *last).collect();
    let member = matches.last()?;
    let value_of = |node: &Node| match node.scalar_text() {
        Some(t) => Value::from_text(t),
        None => Value::Unknown { shown: intrinsic_text(text, node) },
    };
    let value = value_of(&member.value);
    let shadowed = matches[..matches.len() - 1].iter().map(|m| value_of(&m.value)).collect();
    Some(Field { value, location: Location { pointer: value_pointer, span: member.value.span }, shadowed, origin: None })
}

pub(crate) fn location(node: &Node, pointer: &str) -> Location {
    Location { pointer: pointer.to_string(), span: node.span }
}

/// A span covering just the opening character of a node, for findings about a whole object.
pub(crate) fn opening(node: &Node, pointer: &str) -> Location {
    Location { pointer: pointer.to_string(), span: Span::new(node.span.start, node.span.start + 1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats() {
        let formats = |text: &str| read(text, None).map(|c| c.iter().map(|c| c.format.name()).collect::<Vec<_>>());
        assert_eq!(formats(r#"{"name":"a","config":{"connector.class":"x"}}"#).unwrap(), ["kafka-connect-rest"]);
        assert_eq!(formats(r#"{"connector.class":"x","tasks.max":1}"#).unwrap(), ["kafka-connect-config"]);
        assert_eq!(formats(r#"{"a":{"info":{"name":"a","config":{}}}}"#).unwrap(), ["kafka-connect-expand"]);
        assert_eq!(formats("connector.class=x\n").unwrap(), ["properties"]);
        assert_eq!(formats("config.providers=secretsmanager\n").unwrap(), ["msk-worker-configuration"]);
        assert_eq!(formats("bootstrap.servers=b:9092\ngroup.id=g\n").unwrap(), ["properties"]);
        let strimzi = "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaConnector\nspec:\n  class: x\n";
        assert_eq!(formats(strimzi).unwrap(), ["strimzi"]);
        assert_eq!(formats("Resources:\n  C:\n    Type: AWS::KafkaConnect::Connector\n    Properties: {}\n").unwrap(), ["cloudformation"]);
        assert_eq!(formats("name: a\nconfig:\n  connector.class: x\n").unwrap(), ["kafka-connect-rest"]);
        assert_eq!(formats("resource \"aiven_kafka_connector\" \"a\" {\n  config = {}\n}\n").unwrap(), ["terraform-hcl"]);
        assert_eq!(formats(r#"{"apiVersion":"kafka.strimzi.io/v1","kind":"KafkaConnector","spec":{"class":"x"}}"#).unwrap(), ["strimzi"]);
    }

    #[test]
    fn refuses_what_it_cannot_read_with_a_location() {
        let err = read("  \n", None).unwrap_err();
        assert!(err.message.starts_with("empty input"));
        let err = read("\ncurl -X POST http://x -d '{\"a\":1}'", None).unwrap_err();
        assert_eq!(err.offset, 1);
        assert!(err.message.contains("line 2, column 27"), "{}", err.message);
        assert_eq!(read("resource \"aws_mskconnect_connector\" \"x\" {\n}", None).unwrap().len(), 1);
        let err = read("resource \"aws_mskconnect_connector\" \"x\" {\n  name = \n}", None).unwrap_err();
        assert!(err.message.starts_with("invalid HCL"), "{}", err.message);
        assert_eq!(read("apiVersion: v1\nkind: Secret\n", None).unwrap().len(), 0);
        let err = read("apiVersion: v1\nkind: [Secret\n", None).unwrap_err();
        assert!(err.message.starts_with("invalid YAML"), "{}", err.message);
        let err = read(r#"{"hello": {"world": 1}}"#, None).unwrap_err();
        assert!(err.message.contains("found an object with keys hello"), "{}", err.message);
    }

    #[test]
    fn decodes_base64() {
        assert_eq!(base64_text("a2V5LmNvbnZlcnRlcj14Cg==").as_deref(), Some("key.converter=x\n"));
        assert_eq!(base64_text("not base64!"), None);
    }

    #[test]
    fn provider_references_are_text_and_templates_are_unknown() {
        assert_eq!(Value::from_text("${secretsmanager:db:password}".into()), Value::Text("${secretsmanager:db:password}".into()));
        assert!(matches!(Value::from_text("${var.bootstrap}".into()), Value::Unknown { .. }));
        assert!(matches!(Value::from_text("${BOOTSTRAP}:9092".into()), Value::Unknown { .. }));
    }
}
