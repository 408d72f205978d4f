//! Kubernetes objects: Strimzi `KafkaConnector`, `KafkaConnect` and `KafkaMirrorMaker2`
//! (`kafka.strimzi.io/v1beta2` and `v1`), and `Secret` / `ConfigMap` objects whose values embed
//! connector JSON or a properties file. Other kinds (a `KafkaUser`, a `Deployment`) hold no
//! connector configuration.

use super::tree::{pointer_push, Node};
use super::{config_from_object, field, location, opening, InputError};
use crate::connector::{Config, Connector, Family, Format, StrimziKafka};

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
        ("kafka.strimzi.io", "KafkaConnect") => out.push(kafka_connect(text, node, pointer)),
        ("kafka.strimzi.io", "KafkaMirrorMaker2") => out.push(kafka_mirror_maker(text, node, pointer)),
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
        strimzi_kafka: Vec::new(),
    }
}

/// A `KafkaConnect`: the Connect cluster itself. Its `spec.config` is the workers' configuration;
/// `spec.bootstrapServers`, `spec.tls` and `spec.authentication` are its link to Kafka.
fn kafka_connect(text: &str, node: &Node, pointer: &str) -> Connector {
    let name = node.get("metadata").and_then(|m| m.get("name")).and_then(Node::scalar_text);
    let spec_pointer = pointer_push(pointer, "spec");
    let spec = node.get("spec");
    let config = match spec.and_then(|s| s.get("config")) {
        Some(object) if object.is_object() => config_from_object(text, object, &pointer_push(&spec_pointer, "config"), &|_| false),
        _ => Config::empty(false),
    };
    let label = format!("KafkaConnect {}", name.as_deref().unwrap_or("(unnamed)"));
    let kafka = spec.map(|spec| strimzi_kafka(text, spec, &spec_pointer, label)).into_iter().collect();
    Connector {
        name,
        format: Format::Strimzi,
        class: None,
        family: Family::Worker,
        location: location(node, pointer),
        config,
        cluster: None,
        strimzi_cluster: None,
        strimzi_kafka: kafka,
    }
}

/// A `KafkaMirrorMaker2`: every entry of `spec.clusters` is a Kafka link of its own.
fn kafka_mirror_maker(text: &str, node: &Node, pointer: &str) -> Connector {
    let name = node.get("metadata").and_then(|m| m.get("name")).and_then(Node::scalar_text);
    let spec_pointer = pointer_push(pointer, "spec");
    let clusters_pointer = pointer_push(&spec_pointer, "clusters");
    let clusters = node.get("spec").and_then(|s| s.get("clusters")).map(Node::items).unwrap_or_default();
    let kafka = clusters
        .iter()
        .enumerate()
        .map(|(i, cluster)| {
            let alias = cluster.get("alias").and_then(Node::scalar_text).unwrap_or_else(|| format!("#{i}"));
            strimzi_kafka(text, cluster, &pointer_push(&clusters_pointer, &i.to_string()), format!("MirrorMaker 2 cluster `{alias}`"))
        })
        .collect();
    Connector {
        name,
        format: Format::Strimzi,
        class: Some("KafkaMirrorMaker2".to_string()),
        family: Family::MirrorMaker,
        location: location(node, pointer),
        config: Config::empty(false),
        cluster: None,
        strimzi_cluster: None,
        strimzi_kafka: kafka,
    }
}

/// The Kafka link an object with `bootstrapServers`, `tls` and `authentication` describes.
fn strimzi_kafka(text: &str, object: &Node, pointer: &str, label: String) -> StrimziKafka {
    let tls = object.get("tls").filter(|t| !matches!(t.kind, super::tree::NodeKind::Null));
    StrimziKafka {
        label,
        bootstrap_servers: field(text, object, pointer, &["bootstrapServers"]),
        tls: tls.map(|t| location(t, &pointer_push(pointer, "tls"))),
        trusted_certificates: tls.and_then(|t| t.get("trustedCertificates")).is_some_and(|c| !c.items().is_empty()),
        authentication: field(text, object, pointer, &["authentication", "type"]),
        anchor: opening(object, pointer),
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
