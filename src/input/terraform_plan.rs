//! `terraform show -json` output (plans and state): `aws_mskconnect_connector` (nested blocks are
//! arrays of objects) and `awscc_kafkaconnect_connector` (nested objects). Values a plan only
//! knows after apply (`after_unknown`) are `Unknown`.

use super::tree::{pointer_push, Node, NodeKind};
use super::{config_from_object, location, opening, InputError};
use crate::connector::{ClusterFieldNames, ClusterLink, Config, Connector, Family, Field, Format, Location, Value};

const CONNECTOR_TYPES: [&str; 3] = ["aws_mskconnect_connector", "awscc_kafkaconnect_connector", "aws_mskconnect_worker_configuration"];

const NAMES: ClusterFieldNames = ClusterFieldNames {
    encryption: "kafka_cluster_encryption_in_transit.encryption_type",
    authentication: "kafka_cluster_client_authentication.authentication_type",
    bootstrap: "kafka_cluster.apache_kafka_cluster.bootstrap_servers",
};

struct Resource<'a> {
    address: String,
    kind: &'a str,
    values: &'a Node,
    values_pointer: String,
    unknown: Option<&'a Node>,
    whole: &'a Node,
    whole_pointer: String,
}

pub(super) fn read(text: &str, node: &Node, pointer: &str, out: &mut Vec<Connector>) -> Result<(), InputError> {
    let mut resources: Vec<Resource> = Vec::new();
    let changes_pointer = pointer_push(pointer, "resource_changes");
    for (i, change) in node.get("resource_changes").map(Node::items).unwrap_or_default().iter().enumerate() {
        let Some(kind) = change.get("type").and_then(Node::as_str).filter(|t| CONNECTOR_TYPES.contains(t)) else { continue };
        let change_pointer = pointer_push(&changes_pointer, &i.to_string());
        let Some(after) = change.get("change").and_then(|c| c.get("after")).filter(|a| a.is_object()) else { continue };
        resources.push(Resource {
            address: change.get("address").and_then(Node::scalar_text).unwrap_or_default(),
            kind,
            values: after,
            values_pointer: pointer_push(&pointer_push(&change_pointer, "change"), "after"),
            unknown: change.get("change").and_then(|c| c.get("after_unknown")),
            whole: change,
            whole_pointer: change_pointer,
        });
    }
    for root in ["planned_values", "values"] {
        if let Some(module) = node.get(root).and_then(|v| v.get("root_module")) {
            let module_pointer = pointer_push(&pointer_push(pointer, root), "root_module");
            collect_module(module, &module_pointer, &mut resources);
        }
    }
    let before = out.len();
    for resource in &resources {
        if resource.kind == "aws_mskconnect_worker_configuration" {
            let Some(content) = resource.values.get("properties_file_content") else { continue };
            let Some(plain) = content.as_str() else { continue };
            let name = resource.values.get("name").and_then(Node::as_str).map(str::to_string).or_else(|| Some(resource.address.clone()));
            out.push(super::embedded_worker(content, &pointer_push(&resource.values_pointer, "properties_file_content"), plain, name)?);
            continue;
        }
        out.push(connector(text, resource));
    }
    if out.len() == before {
        return Err(InputError::new(
            "Terraform JSON without an aws_mskconnect_connector or awscc_kafkaconnect_connector resource: nothing to check",
            node.span.start,
        ));
    }
    Ok(())
}

fn collect_module<'a>(module: &'a Node, pointer: &str, resources: &mut Vec<Resource<'a>>) {
    let list_pointer = pointer_push(pointer, "resources");
    for (i, resource) in module.get("resources").map(Node::items).unwrap_or_default().iter().enumerate() {
        let Some(kind) = resource.get("type").and_then(Node::as_str).filter(|t| CONNECTOR_TYPES.contains(t)) else { continue };
        let address = resource.get("address").and_then(Node::scalar_text).unwrap_or_default();
        if resources.iter().any(|r| r.address == address) {
            continue;
        }
        let Some(values) = resource.get("values").filter(|v| v.is_object()) else { continue };
        let resource_pointer = pointer_push(&list_pointer, &i.to_string());
        resources.push(Resource {
            address,
            kind,
            values,
            values_pointer: pointer_push(&resource_pointer, "values"),
            unknown: None,
            whole: resource,
            whole_pointer: resource_pointer,
        });
    }
    let children_pointer = pointer_push(pointer, "child_modules");
    for (i, child) in module.get("child_modules").map(Node::items).unwrap_or_default().iter().enumerate() {
        collect_module(child, &pointer_push(&children_pointer, &i.to_string()), resources);
    }
}

/// Follows `path`, stepping into the first element of arrays (nested blocks are lists of one).
fn walk<'a>(mut node: &'a Node, pointer: &str, path: &[&str]) -> Option<(&'a Node, String)> {
    let mut pointer = pointer.to_string();
    for key in path {
        if let NodeKind::Array(items) = &node.kind {
            node = items.first()?;
            pointer = pointer_push(&pointer, "0");
        }
        node = node.get(key)?;
        pointer = pointer_push(&pointer, key);
    }
    Some((node, pointer))
}

fn is_unknown(unknown: Option<&Node>, path: &[&str]) -> bool {
    let Some(root) = unknown else { return false };
    let mut node = root;
    for key in path {
        if matches!(node.kind, NodeKind::Bool(true)) {
            return true;
        }
        if let NodeKind::Array(items) = &node.kind {
            let Some(first) = items.first() else { return false };
            node = first;
        }
        match node.get(key) {
            Some(next) => node = next,
            None => return false,
        }
    }
    matches!(node.kind, NodeKind::Bool(true))
}

fn field(text: &str, resource: &Resource, path: &[&str]) -> Option<Field> {
    if let Some((node, pointer)) = walk(resource.values, &resource.values_pointer, path) {
        if !matches!(node.kind, NodeKind::Null) {
            let value = match node.scalar_text() {
                Some(t) => Value::from_text(t),
                None => Value::Unknown { shown: super::intrinsic_text(text, node) },
            };
            return Some(Field { value, location: location(node, &pointer), shadowed: Vec::new(), origin: None });
        }
    }
    is_unknown(resource.unknown, path).then(|| Field {
        value: Value::Unknown { shown: "(known after apply)".to_string() },
        location: opening(resource.values, &resource.values_pointer),
        shadowed: Vec::new(),
        origin: None,
    })
}

fn connector(text: &str, resource: &Resource) -> Connector {
    let config_pointer = pointer_push(&resource.values_pointer, "connector_configuration");
    let whole_config_unknown = is_unknown(resource.unknown, &["connector_configuration"]);
    let config_unknown = resource.unknown.and_then(|u| u.get("connector_configuration"));
    let config = match resource.values.get("connector_configuration").filter(|c| c.is_object()) {
        Some(object) => {
            let unknown_key = |key: &str| config_unknown.and_then(|u| u.get(key)).is_some_and(|v| matches!(v.kind, NodeKind::Bool(true)));
            let mut config = config_from_object(text, object, &config_pointer, &unknown_key);
            config.unknown = whole_config_unknown;
            config
        }
        None => Config::empty(whole_config_unknown),
    };
    let class = config.text("connector.class").map(str::to_string);
    let cluster = ClusterLink {
        bootstrap_servers: field(text, resource, &["kafka_cluster", "apache_kafka_cluster", "bootstrap_servers"]),
        encryption_type: field(text, resource, &["kafka_cluster_encryption_in_transit", "encryption_type"]),
        authentication_type: field(text, resource, &["kafka_cluster_client_authentication", "authentication_type"]),
        defaults_apply: resource.kind == "aws_mskconnect_connector",
        anchor: opening(resource.values, &resource.values_pointer),
        names: NAMES,
        brokers: None,
    };
    let name = resource.values.get("name").and_then(Node::as_str).map(str::to_string).or_else(|| Some(resource.address.clone()));
    Connector {
        name,
        format: Format::TerraformPlan,
        family: class.as_deref().map_or(Family::Unknown, Family::of_class),
        class,
        location: Location { pointer: resource.whole_pointer.clone(), span: opening(resource.whole, &resource.whole_pointer).span },
        config,
        cluster: Some(cluster),
        strimzi_cluster: None,
        strimzi_kafka: Vec::new(),
    }
}
