//! CloudFormation templates (JSON, or YAML with short tags in their long form):
//! `AWS::KafkaConnect::Connector` and `AWS::KafkaConnect::WorkerConfiguration` resources.
//! Intrinsics are resolved where the template alone decides the value (a parameter's `Default`,
//! a `Fn::Join` or `Fn::Sub` of literals); everything else is Unknown.

use super::tree::{pointer_push, Node, NodeKind};
use super::{intrinsic_text, location, opening, InputError};
use crate::connector::{
    BrokerReference, ClusterAccepts, ClusterFieldNames, ClusterLink, Config, ConfigBuilder, ConfigEntry, Connector, Family, Field, Format,
    Listener, Location, Origin, Value,
};
use crate::span::Span;

const NAMES: ClusterFieldNames = ClusterFieldNames {
    encryption: "KafkaClusterEncryptionInTransit.EncryptionType",
    authentication: "KafkaClusterClientAuthentication.AuthenticationType",
    bootstrap: "KafkaCluster.ApacheKafkaCluster.BootstrapServers",
};

/// Deeper intrinsic nesting than a template needs; keeps the resolver bounded.
const MAX_DEPTH: usize = 32;

/// `allow_empty`: a YAML template without connectors is reported as 0 connectors; JSON keeps
/// its error (a JSON template is only detected as one by its keys).
pub(super) fn read(text: &str, node: &Node, pointer: &str, allow_empty: bool, out: &mut Vec<Connector>) -> Result<(), InputError> {
    let template = Template { text, root: node, ref_counts: std::cell::OnceCell::new() };
    let resources_pointer = pointer_push(pointer, "Resources");
    let before = out.len();
    for resource in node.get("Resources").map(Node::members).unwrap_or_default() {
        let resource_pointer = pointer_push(&resources_pointer, &resource.key);
        let properties_pointer = pointer_push(&resource_pointer, "Properties");
        match resource.value.get("Type").and_then(Node::as_str) {
            Some("AWS::KafkaConnect::WorkerConfiguration") => {
                let content_pointer = pointer_push(&properties_pointer, "PropertiesFileContent");
                let Some(content) = resource.value.get("Properties").and_then(|p| p.get("PropertiesFileContent")) else { continue };
                // `Fn::Base64` of plain text, or the base64 text itself.
                let decoded = match (content.get("Fn::Base64"), content.as_str()) {
                    (Some(plain), _) => template.resolve(plain, 0).and_then(|r| r.text),
                    (None, Some(encoded)) => super::base64_text(encoded),
                    _ => None,
                };
                let Some(decoded) = decoded else { continue };
                // A literal block (`Fn::Base64: |`) keeps the positions of its lines.
                let block = content.get("Fn::Base64").filter(|plain| super::yaml::BlockMap::of(text, plain).is_some());
                match block.map(|plain| (plain, super::read_properties(&decoded, Some(Format::MskWorkerConfiguration)))) {
                    Some((plain, Ok(mut workers))) if workers.len() == 1 => {
                        for worker in &mut workers {
                            worker.name = Some(resource.key.clone());
                        }
                        out.extend(workers.into_iter().map(|w| super::relocate_embedded(text, w, plain, &content_pointer)));
                    }
                    _ => out.push(super::embedded_worker(content, &content_pointer, &decoded, Some(resource.key.clone()))?),
                }
            }
            Some("AWS::KafkaConnect::Connector") => {
                let Some(properties) = resource.value.get("Properties") else {
                    return Err(InputError::new(format!("resource {} has no Properties", resource.key), resource.value.span.start));
                };
                out.push(template.connector(&resource.key, &resource.value, &resource_pointer, properties, &properties_pointer));
            }
            _ => {}
        }
    }
    if out.len() == before && !allow_empty {
        return Err(InputError::new(
            "CloudFormation template without an AWS::KafkaConnect::Connector resource: nothing to check",
            node.span.start,
        ));
    }
    Ok(())
}

struct Template<'a> {
    text: &'a str,
    root: &'a Node,
    /// How often each parameter is used, counted in one walk when a Default is first resolved.
    ref_counts: std::cell::OnceCell<std::collections::HashMap<&'a str, usize>>,
}

/// A value the template determines, or does not.
struct Resolved {
    text: Option<String>,
    /// Where the value is written when that is not where it is used (a parameter's Default).
    origin: Option<(Span, Origin)>,
}

impl Resolved {
    fn literal(text: String) -> Self {
        Resolved { text: Some(text), origin: None }
    }
}

impl<'a> Template<'a> {
    fn connector(&self, key: &str, resource: &Node, resource_pointer: &str, properties: &Node, properties_pointer: &str) -> Connector {
        let config_pointer = pointer_push(properties_pointer, "ConnectorConfiguration");
        let config = match properties.get("ConnectorConfiguration") {
            Some(object) if object.is_object() => self.config(object, &config_pointer),
            other => Config::empty(other.is_some()),
        };
        let class = config.text("connector.class").map(str::to_string);
        let bootstrap = self.field(properties, properties_pointer, &["KafkaCluster", "ApacheKafkaCluster", "BootstrapServers"]);
        let brokers = properties
            .get("KafkaCluster")
            .and_then(|k| k.get("ApacheKafkaCluster"))
            .and_then(|k| k.get("BootstrapServers"))
            .and_then(|b| self.broker_reference(b));
        let cluster = ClusterLink {
            bootstrap_servers: bootstrap,
            encryption_type: self.field(properties, properties_pointer, &["KafkaClusterEncryptionInTransit", "EncryptionType"]),
            authentication_type: self.field(properties, properties_pointer, &["KafkaClusterClientAuthentication", "AuthenticationType"]),
            defaults_apply: false,
            anchor: opening(properties, properties_pointer),
            names: NAMES,
            brokers,
        };
        let name = properties.get("ConnectorName").and_then(|n| self.resolve(n, 0)).and_then(|r| r.text);
        Connector {
            name: name.or_else(|| Some(key.to_string())),
            format: Format::Cloudformation,
            family: class.as_deref().map_or(Family::Unknown, Family::of_class),
            class,
            location: location(resource, resource_pointer),
            config,
            cluster: Some(cluster),
            strimzi_cluster: None,
            strimzi_kafka: Vec::new(),
        }
    }

    fn config(&self, object: &Node, pointer: &str) -> Config {
        let mut builder = ConfigBuilder::new();
        for member in object.members() {
            if matches!(member.value.kind, NodeKind::Null) {
                continue;
            }
            let (mut value, value_span, origin) = self.value(&member.value);
            if let Value::Unknown { shown } = &mut value {
                // A `Sub` or `Join` may carry literal parts of the secret; a `Ref` names a parameter.
                let literal = ["Fn::Sub ", "Fn::Join "].into_iter().find(|f| shown.starts_with(f));
                if let Some(function) = literal.filter(|_| crate::redact::is_secret_key(&member.key)) {
                    *shown = format!("{function}{}", crate::redact::mask_template_literals(shown.get(function.len()..).unwrap_or("")));
                }
            }
            builder.push(ConfigEntry {
                key: member.key.clone(),
                value,
                key_span: member.key_span,
                value_span,
                entry_span: Span::new(member.key_span.start, member.value.span.end),
                pointer: pointer_push(pointer, &member.key),
                shadowed: Vec::new(),
                origin,
            });
        }
        builder.build(super::insert_point(self.text, object, pointer))
    }

    /// The value, where it is written, and where it comes from when that is elsewhere.
    fn value(&self, node: &Node) -> (Value, Span, Option<Origin>) {
        if let Some(text) = node.scalar_text() {
            return (Value::from_text(text), node.span, None);
        }
        match self.resolve(node, 0) {
            Some(Resolved { text: Some(text), origin: Some((span, origin)) }) => (Value::from_text(text), span, Some(origin)),
            Some(Resolved { text: Some(text), origin: None }) => (Value::from_text(text), node.span, None),
            _ => (Value::Unknown { shown: intrinsic_text(self.text, node) }, node.span, None),
        }
    }

    fn field(&self, node: &Node, pointer: &str, path: &[&str]) -> Option<Field> {
        let mut field = super::field(self.text, node, pointer, path)?;
        let (last, parents) = path.split_last()?;
        let mut parent = node;
        for key in parents {
            parent = parent.get(key)?;
        }
        let value_node = parent.get(last)?;
        let (value, span, origin) = self.value(value_node);
        field.value = value;
        field.location.span = span;
        field.origin = origin;
        Some(field)
    }

    /// Resolves an intrinsic to text when the template alone determines it.
    fn resolve(&self, node: &Node, depth: usize) -> Option<Resolved> {
        if depth > MAX_DEPTH {
            return None;
        }
        if let Some(text) = node.scalar_text() {
            return Some(Resolved::literal(text));
        }
        let [member] = node.members() else { return None };
        let argument = &member.value;
        match member.key.as_str() {
            "Ref" => self.parameter_default(argument.as_str()?),
            "Fn::Join" => {
                let [delimiter, list] = argument.items() else { return None };
                let delimiter = delimiter.as_str()?;
                let parts: Option<Vec<String>> = list.items().iter().map(|item| self.resolve(item, depth + 1)?.text).collect();
                Some(Resolved::literal(parts?.join(delimiter)))
            }
            "Fn::Sub" => {
                let (template, variables) = match &argument.kind {
                    NodeKind::String(s) => (s.as_str(), None),
                    NodeKind::Array(items) => match items.as_slice() {
                        [template, variables] => (template.as_str()?, Some(variables)),
                        _ => return None,
                    },
                    _ => return None,
                };
                self.substitute(template, variables, depth).map(Resolved::literal)
            }
            "Fn::Select" => {
                let [index, list] = argument.items() else { return None };
                let index: usize = self.resolve(index, depth + 1)?.text?.parse().ok()?;
                self.resolve(list.items().get(index)?, depth + 1)
            }
            "Fn::Base64" => self.resolve(argument, depth + 1),
            "Fn::FindInMap" => {
                let [map, top, second] = argument.items() else { return None };
                let key = |n: &Node| self.resolve(n, depth + 1).and_then(|r| r.text);
                let value = self.root.get("Mappings")?.get(&key(map)?)?.get(&key(top)?)?.get(&key(second)?)?;
                self.resolve(value, depth + 1)
            }
            "Fn::If" => {
                // Both branches alike: the condition does not matter.
                let [_, yes, no] = argument.items() else { return None };
                let (yes, no) = (self.resolve(yes, depth + 1)?.text?, self.resolve(no, depth + 1)?.text?);
                (yes == no).then(|| Resolved::literal(yes))
            }
            _ => None,
        }
    }

    fn parameter_default(&self, name: &str) -> Option<Resolved> {
        let default = self.root.get("Parameters")?.get(name)?.get("Default")?;
        let text = match &default.kind {
            NodeKind::Array(items) => items.iter().map(Node::scalar_text).collect::<Option<Vec<_>>>()?.join(","),
            _ => default.scalar_text()?,
        };
        let uses = self.ref_counts.get_or_init(|| count_refs(self.root)).get(name).copied().unwrap_or(0);
        let origin = Origin { what: format!("the Default of parameter `{name}`"), uses };
        Some(Resolved { text: Some(text), origin: Some((default.span, origin)) })
    }

    /// `Fn::Sub`: `${Name}` from the variable map or a parameter's Default, `${!x}` a literal
    /// `${x}`; pseudo-parameters and resource attributes make the whole value Unknown.
    fn substitute(&self, template: &str, variables: Option<&Node>, depth: usize) -> Option<String> {
        let mut out = String::new();
        let mut rest = template;
        while let Some(start) = rest.find("${") {
            out.push_str(rest.get(..start)?);
            let after = rest.get(start + 2..)?;
            let end = after.find('}')?;
            let name = after.get(..end)?;
            if let Some(literal) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(literal);
                out.push('}');
            } else {
                let value = match variables.and_then(|v| v.get(name)) {
                    Some(node) => self.resolve(node, depth + 1)?.text?,
                    None => self.parameter_default(name)?.text?,
                };
                out.push_str(&value);
            }
            rest = after.get(end + 1..)?;
        }
        out.push_str(rest);
        Some(out)
    }

    /// `Fn::GetAtt` of an `AWS::MSK::Cluster` or `AWS::MSK::ServerlessCluster` bootstrap attribute.
    fn broker_reference(&self, node: &Node) -> Option<BrokerReference> {
        let argument = node.get("Fn::GetAtt")?;
        let (cluster, attribute) = match &argument.kind {
            NodeKind::String(s) => {
                let (c, a) = s.split_once('.')?;
                (c.to_string(), a.to_string())
            }
            NodeKind::Array(items) => match items.as_slice() {
                [c, a] => (c.as_str()?.to_string(), a.as_str()?.to_string()),
                _ => return None,
            },
            _ => return None,
        };
        let listener = match attribute.as_str() {
            "BootstrapBrokerString" => Listener::Plaintext,
            "BootstrapBrokerStringTls" => Listener::Tls,
            "BootstrapBrokerStringSaslScram" => Listener::SaslScram,
            "BootstrapBrokerStringSaslIam" => Listener::SaslIam,
            _ => return None,
        };
        let resources_pointer = "/Resources".to_string();
        let resource = self.root.get("Resources")?.get(&cluster);
        let accepts = resource.and_then(|r| {
            let pointer = pointer_push(&resources_pointer, &cluster);
            let at = Location { pointer: pointer.clone(), span: Span::new(r.span.start, r.span.start + 1) };
            match r.get("Type").and_then(Node::as_str)? {
                "AWS::MSK::Cluster" => Some(self.cluster_accepts(r.get("Properties"), at)),
                "AWS::MSK::ServerlessCluster" => Some(ClusterAccepts::serverless(at)),
                _ => None,
            }
        });
        Some(BrokerReference { cluster, attribute, listener, accepts })
    }

    fn cluster_accepts(&self, properties: Option<&Node>, location: Location) -> ClusterAccepts {
        let text_at = |path: &[&str]| -> Result<Option<String>, ()> {
            let mut node = match properties {
                Some(p) => p,
                None => return Ok(None),
            };
            for key in path {
                match node.get(key) {
                    Some(next) => node = next,
                    None => return Ok(None),
                }
            }
            self.resolve(node, 0).and_then(|r| r.text).map(Some).ok_or(())
        };
        let flag = |path: &[&str], absent: bool| -> Option<bool> {
            match text_at(path) {
                Ok(None) => Some(absent),
                Ok(Some(t)) => Some(t.eq_ignore_ascii_case("true")),
                Err(()) => None,
            }
        };
        // ClientBroker defaults to TLS.
        let broker = text_at(&["EncryptionInfo", "EncryptionInTransit", "ClientBroker"]);
        let (plaintext, tls) = match broker {
            Ok(None) => (Some(false), Some(true)),
            Ok(Some(b)) => (Some(b != "TLS"), Some(b != "PLAINTEXT")),
            Err(()) => (None, None),
        };
        let has_auth = properties.and_then(|p| p.get("ClientAuthentication")).is_some();
        ClusterAccepts {
            location,
            plaintext,
            tls,
            iam: flag(&["ClientAuthentication", "Sasl", "Iam", "Enabled"], false),
            scram: flag(&["ClientAuthentication", "Sasl", "Scram", "Enabled"], false),
            tls_client_auth: match properties.and_then(|p| p.get("ClientAuthentication")).and_then(|c| c.get("Tls")) {
                None => Some(false),
                Some(tls) => flag(&["ClientAuthentication", "Tls", "Enabled"], tls.get("CertificateAuthorityArnList").is_some()),
            },
            // Without ClientAuthentication the cluster takes unauthenticated clients.
            unauthenticated: flag(&["ClientAuthentication", "Unauthenticated", "Enabled"], !has_auth),
            serverless: false,
        }
    }
}

/// `Ref` uses of each parameter anywhere in the template (`Fn::Sub` mentions are counted too).
fn count_refs(root: &Node) -> std::collections::HashMap<&str, usize> {
    fn walk<'a>(node: &'a Node, counts: &mut std::collections::HashMap<&'a str, usize>) {
        match &node.kind {
            NodeKind::Object(members) => {
                for member in members {
                    match (member.key.as_str(), &member.value.kind) {
                        ("Ref", NodeKind::String(name)) => *counts.entry(name.as_str()).or_default() += 1,
                        _ => walk(&member.value, counts),
                    }
                }
            }
            NodeKind::Array(items) => items.iter().for_each(|item| walk(item, counts)),
            NodeKind::String(text) => {
                let mut rest = text.as_str();
                while let Some(after) = rest.split_once("${").map(|(_, after)| after) {
                    let Some((name, tail)) = after.split_once('}') else { break };
                    *counts.entry(name).or_default() += 1;
                    rest = tail;
                }
            }
            _ => {}
        }
    }
    let mut counts = std::collections::HashMap::new();
    walk(root, &mut counts);
    counts
}
