#!/usr/bin/env node
// Deterministic inputs for `make bench` (issue 11): the same bytes on every machine and every run,
// from a seeded generator (no clock, no Math.random).
//
//   synthetic(): one JSON array of 1,000 Kafka Connect REST bodies ({ name, config }), ~2 MB,
//     a mix of connector classes and of secure and insecure settings (so findings are made).
//   writeRepo(dir, n): n connector files in nested folders, five formats in turn: Connect REST
//     .json, .properties, Terraform .tf, Strimzi KafkaConnector .yaml, CloudFormation .yaml.
//
// `node benches/generate.mjs` writes target/bench/synthetic.json and target/bench/repo/ (5,000).
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const benchDir = join(root, 'target', 'bench');
export const syntheticPath = join(benchDir, 'synthetic.json');
export const repoDir = join(benchDir, 'repo');
export const REPO_FILES = 5000;
const GENERATOR_VERSION = 2;

/** mulberry32: a small seeded PRNG, so every run makes the same text. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

const BROKERS_TLS = 'b-1.data.abc123.c2.kafka.eu-west-1.amazonaws.com:9098,b-2.data.abc123.c2.kafka.eu-west-1.amazonaws.com:9098';
const BROKERS_PLAIN = 'b-1.data.abc123.c2.kafka.eu-west-1.amazonaws.com:9092,b-2.data.abc123.c2.kafka.eu-west-1.amazonaws.com:9092';

/** One connector's settings: a class with its own keys, then common keys and padding. */
function connectorConfig(r, i) {
  const secure = r() < 0.5;
  const kinds = [
    () => ({
      'connector.class': 'io.debezium.connector.mysql.MySqlConnector',
      'database.hostname': `orders-${i}.cluster-abc.eu-west-1.rds.amazonaws.com`,
      'database.port': '3306',
      'database.user': 'debezium',
      'database.password': secure ? `\${secretsmanager:orders-${i}:password}` : `literal-password-${i}`,
      'database.ssl.mode': secure ? 'verify_identity' : pick(r, ['disabled', 'preferred']),
      'database.server.id': String(10000 + i),
      'topic.prefix': `orders${i}`,
      'schema.history.internal.kafka.bootstrap.servers': secure ? BROKERS_TLS : BROKERS_PLAIN,
      'schema.history.internal.kafka.topic': `schema-history.orders${i}`,
      'schema.history.internal.producer.security.protocol': secure ? 'SASL_SSL' : 'PLAINTEXT',
      'schema.history.internal.consumer.security.protocol': secure ? 'SASL_SSL' : 'PLAINTEXT',
    }),
    () => ({
      'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
      'database.hostname': `inventory-${i}.cluster-abc.eu-west-1.rds.amazonaws.com`,
      'database.dbname': 'inventory',
      'database.user': `\${secretsmanager:inventory-${i}:username}`,
      'database.password': `\${secretsmanager:inventory-${i}:password}`,
      'database.sslmode': secure ? 'verify-full' : pick(r, ['disable', 'prefer', 'require']),
      'topic.prefix': `inventory${i}`,
      'plugin.name': 'pgoutput',
    }),
    () => ({
      'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
      'connection.url': secure
        ? `jdbc:postgresql://warehouse-${i}.internal.example.com:5432/dw?sslmode=verify-full`
        : `jdbc:mysql://warehouse-${i}.internal.example.com:3306/dw?useSSL=false`,
      'connection.user': 'loader',
      'connection.password': secure ? '${file:/opt/secrets/db.properties:password}' : `hunter2-${i}`,
      topics: `orders.${i}`,
      'auto.create': 'true',
      'insert.mode': 'upsert',
      'pk.mode': 'record_key',
    }),
    () => ({
      'connector.class': 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
      'connection.url': secure ? `https://search-${i}.internal.example.com:9200` : `http://search-${i}.internal.example.com:9200`,
      'connection.username': 'elastic',
      'connection.password': secure ? '${secretsmanager:es:password}' : `changeme-${i}`,
      topics: `logs.${i}`,
      'type.name': '_doc',
      'key.ignore': 'true',
    }),
    () => ({
      'connector.class': 'io.confluent.connect.s3.S3SinkConnector',
      's3.bucket.name': `archive-${i}`,
      's3.region': 'eu-west-1',
      'flush.size': '1000',
      'storage.class': 'io.confluent.connect.s3.storage.S3Storage',
      'format.class': 'io.confluent.connect.s3.format.json.JsonFormat',
      topics: `events.${i}`,
      ...(secure ? { 's3.sse.kms.key.id': `arn:aws:kms:eu-west-1:123456789012:key/${i}` } : { 'aws.secret.access.key': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }),
    }),
  ];
  const config = pick(r, kinds)();
  config['tasks.max'] = String(1 + Math.floor(r() * 4));
  config['key.converter'] = 'org.apache.kafka.connect.storage.StringConverter';
  config['value.converter'] = pick(r, ['org.apache.kafka.connect.json.JsonConverter', 'io.confluent.connect.avro.AvroConverter']);
  if (config['value.converter'].includes('Avro')) {
    config['value.converter.schema.registry.url'] = secure ? 'https://registry.internal.example.com:8081' : 'http://registry.internal.example.com:8081';
  }
  config['producer.override.security.protocol'] = secure ? 'SASL_SSL' : pick(r, ['PLAINTEXT', 'SASL_PLAINTEXT']);
  config['producer.override.sasl.mechanism'] = 'AWS_MSK_IAM';
  config['errors.tolerance'] = 'all';
  config['errors.deadletterqueue.topic.name'] = `dlq.${i}`;
  // Padding: transforms and harmless settings, so that each connector is ~2 KB as real ones often are.
  for (let t = 0; t < 8; t++) {
    config[`transforms.t${t}.type`] = pick(r, ['org.apache.kafka.connect.transforms.InsertField$Value', 'org.apache.kafka.connect.transforms.ReplaceField$Value', 'org.apache.kafka.connect.transforms.TimestampRouter']);
    config[`transforms.t${t}.field`] = `field_${t}_${Math.floor(r() * 1e6)}`;
  }
  config.transforms = Array.from({ length: 8 }, (_, t) => `t${t}`).join(',');
  return config;
}

/** 1,000 connectors as one JSON array of REST bodies; ~2 MB. */
export function synthetic(count = 1000) {
  const r = rng(11);
  const items = [];
  for (let i = 0; i < count; i++) items.push({ name: `connector-${String(i).padStart(4, '0')}`, config: connectorConfig(r, i) });
  return `${JSON.stringify(items, null, 2)}\n`;
}

const hclString = (s) => JSON.stringify(s).replace(/\$\{/g, () => '$${');
const yamlString = (s) => JSON.stringify(s);

function asProperties(name, config) {
  return `# ${name}\nname=${name}\n${Object.entries(config)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;
}

function asTerraform(name, config, i, secure) {
  const pad = Math.max(...Object.keys(config).map((k) => k.length)) + 2;
  const entries = Object.entries(config)
    .map(([k, v]) => `    ${JSON.stringify(k).padEnd(pad)} = ${hclString(v)}`)
    .join('\n');
  const encryption = secure
    ? `\n  kafka_cluster_encryption_in_transit {\n    encryption_type = "TLS"\n  }\n\n  kafka_cluster_client_authentication {\n    authentication_type = "IAM"\n  }\n`
    : '';
  return `resource "aws_mskconnect_connector" "c${i}" {
  name                 = ${JSON.stringify(name)}
  kafkaconnect_version = "3.7.x"

  kafka_cluster {
    apache_kafka_cluster {
      bootstrap_servers = ${JSON.stringify(secure ? BROKERS_TLS : BROKERS_PLAIN)}
      vpc {
        security_groups = ["sg-1"]
        subnets         = ["subnet-1"]
      }
    }
  }
${encryption}
  connector_configuration = {
${entries}
  }

  capacity {
    provisioned_capacity {
      mcu_count    = 1
      worker_count = 1
    }
  }
  plugin {
    custom_plugin {
      arn      = "arn:aws:kafkaconnect:eu-west-1:123456789012:custom-plugin/p/1"
      revision = 1
    }
  }
  service_execution_role_arn = "arn:aws:iam::123456789012:role/connect"
}
`;
}

function asStrimzi(name, config) {
  const { 'connector.class': cls, 'tasks.max': tasks, ...rest } = config;
  return `apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaConnector
metadata:
  name: ${name}
  labels:
    strimzi.io/cluster: connect
spec:
  class: ${cls}
  tasksMax: ${tasks}
  config:
${Object.entries(rest)
  .map(([k, v]) => `    ${k}: ${yamlString(v)}`)
  .join('\n')}
`;
}

function asCloudFormation(name, config, secure) {
  return `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Connector:
    Type: AWS::KafkaConnect::Connector
    Properties:
      ConnectorName: ${name}
      KafkaConnectVersion: "3.7.x"
      KafkaCluster:
        ApacheKafkaCluster:
          BootstrapServers: ${yamlString(secure ? BROKERS_TLS : BROKERS_PLAIN)}
          Vpc:
            SecurityGroups: [sg-1]
            Subnets: [subnet-1]
      KafkaClusterEncryptionInTransit:
        EncryptionType: ${secure ? 'TLS' : 'PLAINTEXT'}
      KafkaClusterClientAuthentication:
        AuthenticationType: ${secure ? 'IAM' : 'NONE'}
      Capacity:
        ProvisionedCapacity:
          McuCount: 1
          WorkerCount: 1
      Plugins:
        - CustomPlugin:
            CustomPluginArn: arn:aws:kafkaconnect:eu-west-1:123456789012:custom-plugin/p/1
            Revision: 1
      ServiceExecutionRoleArn: arn:aws:iam::123456789012:role/connect
      ConnectorConfiguration:
${Object.entries(config)
  .map(([k, v]) => `        ${k}: ${yamlString(v)}`)
  .join('\n')}
`;
}

/** The repository's files as [relative path, text], in a fixed order. */
export function repoFiles(n = REPO_FILES) {
  const r = rng(5000);
  const files = [];
  const formats = ['rest', 'properties', 'terraform', 'strimzi', 'cloudformation'];
  for (let i = 0; i < n; i++) {
    const format = formats[i % formats.length];
    const name = `svc-${String(i).padStart(5, '0')}`;
    const config = connectorConfig(r, i);
    const secure = String(config['producer.override.security.protocol']) === 'SASL_SSL';
    // Nested: team/env/group/ (600 folders, ~8 files each, all five formats mixed).
    const dir = `team-${String(Math.floor(i / 3) % 10).padStart(2, '0')}/${pick(r, ['dev', 'staging', 'prod'])}/group-${String(Math.floor(i / 50) % 20).padStart(2, '0')}`;
    let path;
    let text;
    switch (format) {
      case 'rest':
        path = `${dir}/${name}.json`;
        text = `${JSON.stringify({ name, config }, null, 2)}\n`;
        break;
      case 'properties':
        path = `${dir}/${name}.properties`;
        text = asProperties(name, config);
        break;
      case 'terraform':
        path = `${dir}/${name}.tf`;
        text = asTerraform(name, config, i, secure);
        break;
      case 'strimzi':
        path = `${dir}/${name}.strimzi.yaml`;
        text = asStrimzi(name, config);
        break;
      default:
        path = `${dir}/${name}.cfn.yaml`;
        text = asCloudFormation(name, config, secure);
    }
    files.push([path, text]);
  }
  return files;
}

/** Writes the repository unless the same generator already wrote it; returns { files, bytes }. */
export function writeRepo(dir = repoDir, n = REPO_FILES) {
  const stamp = join(dir, '.generated');
  const want = `v${GENERATOR_VERSION} n=${n}\n`;
  const files = repoFiles(n);
  const bytes = files.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return { files: files.length, bytes };
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(stamp, want);
  return { files: files.length, bytes };
}

export function writeSynthetic(path = syntheticPath) {
  const text = synthetic();
  mkdirSync(dirname(path), { recursive: true });
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text), connectors: 1000 };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const s = writeSynthetic();
  const repo = writeRepo();
  console.error(`synthetic: ${s.connectors} connectors, ${(s.bytes / 1e6).toFixed(2)} MB -> ${s.path}`);
  console.error(`repo: ${repo.files} files, ${(repo.bytes / 1e6).toFixed(2)} MB -> ${repoDir}`);
}
