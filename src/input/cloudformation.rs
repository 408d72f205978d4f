//! CloudFormation templates (JSON): `AWS::KafkaConnect::Connector` resources.

use super::tree::{pointer_push, Node};
use super::{config_from_object, field, location, opening, InputError};
use crate::connector::{ClusterFieldNames, ClusterLink, Config, Connector, Family, Format};

const NAMES: ClusterFieldNames = ClusterFieldNames {
    encryption: "KafkaClusterEncryptionInTransit.EncryptionType",
    authentication: "KafkaClusterClientAuthentication.AuthenticationType",
    bootstrap: "KafkaCluster.ApacheKafkaCluster.BootstrapServers",
};

pub(super) fn read(text: &str, node: &Node, pointer: &str, out: &mut Vec<Connector>) -> Result<(), InputError> {
    let resources_pointer = pointer_push(pointer, "Resources");
    let before = out.len();
    for resource in node.get("Resources").map(Node::members).unwrap_or_default() {
        if resource.value.get("Type").and_then(Node::as_str) == Some("AWS::KafkaConnect::WorkerConfiguration") {
            let content_pointer =
                format!("{resources_pointer}/{}/Properties/PropertiesFileContent", resource.key.replace('~', "~0").replace('/', "~1"));
            let Some(content) = resource.value.get("Properties").and_then(|p| p.get("PropertiesFileContent")) else { continue };
            // `Fn::Base64` of plain text, or the base64 text itself.
            let decoded = match (content.get("Fn::Base64").and_then(Node::as_str), content.as_str()) {
                (Some(plain), _) => Some(plain.to_string()),
                (None, Some(encoded)) => super::base64_text(encoded),
                _ => None,
            };
            if let Some(decoded) = decoded {
                out.push(super::embedded_worker(content, &content_pointer, &decoded, Some(resource.key.clone()))?);
            }
            continue;
        }
        if resource.value.get("Type").and_then(Node::as_str) != Some("AWS::KafkaConnect::Connector") {
            continue;
        }
        let resource_pointer = pointer_push(&resources_pointer, &resource.key);
        let properties_pointer = pointer_push(&resource_pointer, "Properties");
        let Some(properties) = resource.value.get("Properties") else {
            return Err(InputError::new(format!("resource {} has no Properties", resource.key), resource.value.span.start));
        };
        let config_pointer = pointer_push(&properties_pointer, "ConnectorConfiguration");
        let config = match properties.get("ConnectorConfiguration") {
            Some(object) if object.is_object() => config_from_object(text, object, &config_pointer, &|_| false),
            _ => Config::empty(properties.get("ConnectorConfiguration").is_some()),
        };
        let class = config.text("connector.class").map(str::to_string);
        let cluster = ClusterLink {
            bootstrap_servers: field(text, properties, &properties_pointer, &["KafkaCluster", "ApacheKafkaCluster", "BootstrapServers"]),
            encryption_type: field(text, properties, &properties_pointer, &["KafkaClusterEncryptionInTransit", "EncryptionType"]),
            authentication_type: field(text, properties, &properties_pointer, &["KafkaClusterClientAuthentication", "AuthenticationType"]),
            defaults_apply: false,
            anchor: opening(properties, &properties_pointer),
            names: NAMES,
        };
        out.push(Connector {
            name: properties.get("ConnectorName").and_then(Node::as_str).map(str::to_string).or_else(|| Some(resource.key.clone())),
            format: Format::Cloudformation,
            family: class.as_deref().map_or(Family::Unknown, Family::of_class),
            class,
            location: location(&resource.value, &resource_pointer),
            config,
            cluster: Some(cluster),
        });
    }
    if out.len() == before {
        return Err(InputError::new(
            "CloudFormation template without an AWS::KafkaConnect::Connector resource: nothing to check",
            node.span.start,
        ));
    }
    Ok(())
}
