//! Remediation for the MSK Connect cluster link: it cannot be changed after creation, so every
//! fix is "re-create the connector with ...", said for each way people create connectors.

use crate::connector::Connector;
use crate::finding::Remediation;

pub fn recreate(connector: &Connector, encryption: &str, authentication: &str, bootstrap_hint: &str) -> Remediation {
    let name = connector.name.clone().unwrap_or_else(|| "<connector-name>".to_string());
    Remediation {
        console: Some(format!(
            "The cluster link of an MSK Connect connector cannot be changed after creation; re-create it.\n\
             1. In the Amazon MSK console open MSK Connect > Connectors > {name} and note its configuration.\n\
             2. Create a new connector with the same plugin and configuration; under Security choose \
             Access control method: {auth_label} and Encryption in transit: TLS encryption.\n\
             3. Use the {bootstrap_hint} of the cluster.\n\
             4. When the new connector runs, delete the old one.",
            auth_label = if authentication == "IAM" { "IAM role-based authentication" } else { "None" },
        )),
        aws_cli: Some(format!(
            "aws kafkaconnect create-connector \\\n  --connector-name {name} \\\n  --kafka-cluster-encryption-in-transit encryptionType={encryption} \\\n  \
             --kafka-cluster-client-authentication authenticationType={authentication} \\\n  \
             --kafka-cluster 'apacheKafkaCluster={{bootstrapServers=<{bootstrap_hint}>,vpc={{securityGroups=[<sg>],subnets=[<subnet>]}}}}' \\\n  \
             ... # the other arguments as before; then delete the old connector",
        )),
        terraform: Some(format!(
            "resource \"aws_mskconnect_connector\" \"{tf_name}\" {{\n  # ...\n  kafka_cluster_encryption_in_transit {{\n    encryption_type = \"{encryption}\"\n  }}\n  \
             kafka_cluster_client_authentication {{\n    authentication_type = \"{authentication}\"\n  }}\n}}\n\
             # Changing these forces a new connector (terraform plan shows: must be replaced).",
            tf_name = name.replace(|c: char| !c.is_ascii_alphanumeric() && c != '_', "_"),
        )),
        cloudformation: Some(format!(
            "Type: AWS::KafkaConnect::Connector\nProperties:\n  KafkaClusterEncryptionInTransit:\n    EncryptionType: {encryption}\n  \
             KafkaClusterClientAuthentication:\n    AuthenticationType: {authentication}\n# Update requires: Replacement",
        )),
    }
}
