resource "aws_msk_cluster" "main" {
  cluster_name  = "orders"
  kafka_version = "3.6.0"
  client_authentication {
    sasl {
      scram = true
    }
  }
}

resource "aws_mskconnect_connector" "tls_attribute_for_iam" {
  name = "orders-sink"
  kafka_cluster {
    apache_kafka_cluster {
      bootstrap_servers = aws_msk_cluster.main.bootstrap_brokers_tls
    }
  }
  kafka_cluster_encryption_in_transit {
    encryption_type = "TLS"
  }
  kafka_cluster_client_authentication {
    authentication_type = "IAM"
  }
  connector_configuration = {
    "connector.class" = "io.confluent.connect.s3.S3SinkConnector"
    "s3.ssea.name"    = "aws:kms"
  }
}

resource "aws_mskconnect_connector" "iam_the_cluster_lacks" {
  name = "orders-archive"
  kafka_cluster {
    apache_kafka_cluster {
      bootstrap_servers = aws_msk_cluster.main.bootstrap_brokers_sasl_iam
    }
  }
  kafka_cluster_encryption_in_transit {
    encryption_type = "TLS"
  }
  kafka_cluster_client_authentication {
    authentication_type = "IAM"
  }
  connector_configuration = {
    "connector.class" = "io.confluent.connect.s3.S3SinkConnector"
    "s3.ssea.name"    = "aws:kms"
  }
}
