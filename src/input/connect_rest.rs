//! Kafka Connect REST shapes: `POST /connectors` bodies and `GET /connectors/{name}` responses
//! (`{name, config}`), `GET /connectors?expand=info` maps, and flat `PUT .../config` maps.

use super::tree::{pointer_push, Node};
use super::{config_from_object, location, opening, InputError};
use crate::connector::{Connector, Family, Format};

pub(super) fn read_rest(text: &str, node: &Node, pointer: &str, out: &mut Vec<Connector>) -> Result<(), InputError> {
    let Some(config) = node.get("config") else {
        return Err(InputError::new("expected a \"config\" object", node.span.start));
    };
    let name = node.get("name").and_then(Node::scalar_text);
    let mut connector = flat_connector(text, config, &pointer_push(pointer, "config"), Format::KafkaConnectRest, name);
    connector.location = location(node, pointer);
    out.push(connector);
    Ok(())
}

pub(super) fn read_expand(text: &str, node: &Node, pointer: &str, out: &mut Vec<Connector>) -> Result<(), InputError> {
    for member in node.members() {
        let Some(info) = member.value.get("info") else { continue };
        let Some(config) = info.get("config") else { continue };
        let info_pointer = pointer_push(&pointer_push(pointer, &member.key), "info");
        let name = info.get("name").and_then(Node::scalar_text).or_else(|| Some(member.key.clone()));
        let mut connector = flat_connector(text, config, &pointer_push(&info_pointer, "config"), Format::KafkaConnectExpand, name);
        connector.location = location(&member.value, &pointer_push(pointer, &member.key));
        out.push(connector);
    }
    Ok(())
}

pub(super) fn flat_connector(text: &str, config: &Node, pointer: &str, format: Format, name: Option<String>) -> Connector {
    let location = opening(config, pointer);
    let config = config_from_object(text, config, pointer, &|_| false);
    let class = config.text("connector.class").map(str::to_string);
    let name = name.or_else(|| config.text("name").map(str::to_string));
    let family = match class.as_deref() {
        Some(class) => Family::of_class(class),
        None if super::is_worker_config(&config) => Family::Worker,
        None => Family::Unknown,
    };
    Connector { name, format, family, class, location, config, cluster: None, strimzi_cluster: None, strimzi_kafka: Vec::new() }
}
