//! Kubernetes objects: Strimzi `KafkaConnector` (`kafka.strimzi.io/v1beta2` and `v1`), and
//! `Secret` / `ConfigMap` objects whose values embed connector JSON or a properties file.
//! Other kinds (a Strimzi `KafkaConnect`, a `KafkaUser`) hold no connector configuration here.

use super::tree::{pointer_push, Node};
use super::{config_from_object, location, InputError};
use crate::connector::{Config, Connector, Family, Format};

pub(super) fn read(text: &str, node: &Node, pointer: &str, out: &mut Vec<Connector>) -> Result<(), InputError> {
    let api_version = node.get("apiVersion").and_then(Node::as_str).unwrap_or("");
    let kind = node.get("kind").and_then(Node::as_str).unwrap_or("");
    match (api_version.split('/').next().unwrap_or(""), kind) {
        // `kubectl get -o yaml` of several objects.
        (_, "List") => {
            let items_pointer = pointer_push(pointer, "items");
            for (i, item) in node.get("items").map(Node::items).unwrap_or_default().iter().enumerate() {
                if item.get("apiVersion").is_some() && item.get("kind").is_some() {
                    read(text, item, &pointer_push(&items_pointer, &i.to_string()), out)?;
                }
            }
        }
        ("kafka.strimzi.io", "KafkaConnector") => out.push(kafka_connector(text, node, pointer)),
        // Core objects have no group: `apiVersion: v1`.
        (_, "Secret" | "ConfigMap") if !api_version.contains('/') => embedded(text, node, pointer, kind, out),
        _ => {}
    }
    Ok(())
}

fn kafka_connector(text: &str, node: &Node, pointer: &str) -> Connector {
    let metadata = node.get("metadata");
    let spec = node.get("spec");
    let spec_pointer = pointer_push(pointer, "spec");
    let config_pointer = pointer_push(&spec_pointer, "config");
    let config = match spec.and_then(|s| s.get("config")) {
        Some(object) if object.is_object() => config_from_object(text, object, &config_pointer, &|_| false),
        _ => Config::empty(false),
    };
    // Strimzi sets connector.class from spec.class.
    let class =
        spec.and_then(|s| s.get("class")).and_then(Node::scalar_text).or_else(|| config.text("connector.class").map(str::to_string));
    Connector {
        name: metadata.and_then(|m| m.get("name")).and_then(Node::scalar_text),
        format: Format::Strimzi,
        family: class.as_deref().map_or(Family::Unknown, Family::of_class),
        class,
        location: location(node, pointer),
        config,
        cluster: None,
        strimzi_cluster: metadata.and_then(|m| m.get("labels")).and_then(|l| l.get("strimzi.io/cluster")).and_then(Node::scalar_text),
    }
}

/// `data` of a Secret is base64; `stringData` and a ConfigMap's `data` are text. A value that is
/// not connector JSON or a connector/worker properties file (a password, a script) is skipped.
fn embedded(text: &str, node: &Node, pointer: &str, kind: &str, out: &mut Vec<Connector>) {
    let sections: &[(&str, bool)] = match kind {
        "Secret" => &[("data", true), ("stringData", false)],
        _ => &[("data", false), ("binaryData", true)],
    };
    for (section, base64) in sections {
        let Some(values) = node.get(section) else { continue };
        let section_pointer = pointer_push(pointer, section);
        for member in values.members() {
            let Some(raw) = member.value.as_str() else { continue };
            let content = if *base64 { super::base64_text(raw) } else { Some(raw.to_string()) };
            let Some(content) = content else { continue };
            let trimmed = content.trim_start();
            let read = if trimmed.starts_with('{') || trimmed.starts_with('[') {
                super::read_json(&content, None)
            } else if content.contains('=') || member.key.ends_with(".properties") {
                super::read_properties(&content, None)
            } else {
                continue;
            };
            let Ok(connectors) = read else { continue };
            let value_pointer = pointer_push(&section_pointer, &member.key);
            for connector in connectors {
                if connector.class.is_none() && !connector.is_worker() {
                    continue;
                }
                out.push(super::relocate_embedded(text, connector, &member.value, &value_pointer));
            }
        }
    }
}
