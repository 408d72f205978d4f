//! MSK Connect API shapes: `aws kafkaconnect create-connector --cli-input-json` input,
//! `describe-connector` output and `list-connectors` output.

use super::tree::{pointer_push, Node};
use super::{config_from_object, field, location, opening, InputError};
use crate::connector::{ClusterFieldNames, ClusterLink, Config, Connector, Family, Format};

const NAMES: ClusterFieldNames = ClusterFieldNames {
    encryption: "kafkaClusterEncryptionInTransit.encryptionType",
    authentication: "kafkaClusterClientAuthentication.authenticationType",
    bootstrap: "kafkaCluster.apacheKafkaCluster.bootstrapServers",
};

pub(super) fn read(text: &str, node: &Node, pointer: &str, out: &mut Vec<Connector>) -> Result<(), InputError> {
    // create-worker-configuration input, or describe-worker-configuration output.
    let content = node.member("propertiesFileContent").map(|m| (&m.value, pointer_push(pointer, "propertiesFileContent"))).or_else(|| {
        node.get("latestRevision")
            .and_then(|r| r.get("propertiesFileContent"))
            .map(|v| (v, format!("{pointer}/latestRevision/propertiesFileContent")))
    });
    if let Some((content, content_pointer)) = content {
        let encoded = content.as_str().unwrap_or("");
        let decoded = super::base64_text(encoded).ok_or_else(|| {
            InputError::new("propertiesFileContent is not base64 of a properties file (the MSK Connect API encodes it)", content.span.start)
        })?;
        out.push(super::embedded_worker(content, &content_pointer, &decoded, node.get("name").and_then(Node::scalar_text))?);
        return Ok(());
    }
    if let Some(list) = node.get("connectors").filter(|_| node.get("connectorName").is_none()) {
        let list_pointer = pointer_push(pointer, "connectors");
        for (i, summary) in list.items().iter().enumerate() {
            out.push(connector(text, summary, &pointer_push(&list_pointer, &i.to_string())));
        }
        return Ok(());
    }
    out.push(connector(text, node, pointer));
    Ok(())
}

fn connector(text: &str, node: &Node, pointer: &str) -> Connector {
    let config_pointer = pointer_push(pointer, "connectorConfiguration");
    let config = match node.get("connectorConfiguration") {
        Some(object) => config_from_object(text, object, &config_pointer, &|_| false),
        None => Config::empty(false),
    };
    let class = config.text("connector.class").map(str::to_string);
    let cluster = ClusterLink {
        bootstrap_servers: field(text, node, pointer, &["kafkaCluster", "apacheKafkaCluster", "bootstrapServers"]),
        encryption_type: field(text, node, pointer, &["kafkaClusterEncryptionInTransit", "encryptionType"]),
        authentication_type: field(text, node, pointer, &["kafkaClusterClientAuthentication", "authenticationType"]),
        defaults_apply: false,
        anchor: opening(node, pointer),
        names: NAMES,
        brokers: None,
    };
    Connector {
        name: node.get("connectorName").and_then(Node::scalar_text),
        format: Format::MskConnectApi,
        family: class.as_deref().map_or(Family::Unknown, Family::of_class),
        class,
        location: location(node, pointer),
        config,
        cluster: Some(cluster),
        strimzi_cluster: None,
        strimzi_kafka: Vec::new(),
    }
}
