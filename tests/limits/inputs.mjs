// The adversarial inputs of the limits table (README, "Limits"): each written to a directory by
// `write(dir)`, deterministic, named for what it is. tests/limits/measure.mjs measures each in
// the native binary and in wasm under Node; tests/robustness.rs checks the same classes natively.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MB = 1 << 20;
const jdbcConnector = (i) => ({
  name: `sink-${i}`,
  config: {
    'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
    'connection.url': `jdbc:postgresql://db-${i}.internal.example.com:5432/app?sslmode=disable`,
    'connection.password': `pw-${i}`,
    topics: `orders-${i}`,
  },
});
const repeatTo = (size, piece) => piece(0).length > 0 && Array.from({ length: Math.ceil(size / piece(0).length) }, (_, i) => piece(i)).join('');

/** [name, contents (string or Buffer), what it is] */
export function inputs() {
  const deep = 100_000;
  return [
    ['large-rest-array.json', JSON.stringify(Array.from({ length: Math.ceil((10 * MB) / 260) }, (_, i) => jdbcConnector(i))), '10 MB: a JSON array of ~40,000 connectors'],
    ['large-properties.properties', `connector.class=io.confluent.connect.jdbc.JdbcSinkConnector\n${repeatTo(10 * MB, (i) => `transforms.t${i}.field=value-${i}\n`)}`, '10 MB: one connector with ~400,000 keys'],
    ['large-strimzi.yaml', repeatTo(10 * MB, (i) => `---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaConnector\nmetadata:\n  name: sink-${i}\nspec:\n  class: io.confluent.connect.jdbc.JdbcSinkConnector\n  config:\n    connection.url: jdbc:mysql://db-${i}.internal.example.com:3306/app?useSSL=false\n`), '10 MB: ~50,000 Strimzi KafkaConnector documents'],
    ['large-terraform.tf', repeatTo(10 * MB, (i) => `resource "aws_mskconnect_connector" "c${i}" {\n  name = "c${i}"\n  connector_configuration = {\n    "connector.class" = "io.confluent.connect.jdbc.JdbcSinkConnector"\n    "connection.url" = "jdbc:mysql://db-${i}.internal.example.com:3306/app?useSSL=false"\n  }\n}\n`), '10 MB: ~40,000 Terraform connector resources'],
    ['over-the-cap.properties', `connector.class=x\nconnection.url=jdbc:mysql://h/db\n${'#'.repeat(65 * MB)}\n`, 'over the input cap (65 MB): refused'],
    ['deep.json', '['.repeat(deep) + ']'.repeat(deep), `JSON nested ${deep} deep`],
    ['deep-flow.yaml', `---\nconnector.class: x\na: ${'['.repeat(deep)}${']'.repeat(deep)}\n`, `YAML flow nested ${deep} deep`],
    ['deep-block.yaml', Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join(''), 'YAML block mappings nested 3,000 deep'],
    ['deep.tf', `locals {\n  a = ${'['.repeat(deep)}${']'.repeat(deep)}\n}\n`, `HCL nested ${deep} deep`],
    ['aliases.yaml', `connector.class: x\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\n`, 'YAML aliases expanding to 9^10 nodes ("billion laughs")'],
    ['long-line.properties', `connector.class=io.confluent.connect.jdbc.JdbcSinkConnector\nconnection.url=jdbc:mysql://${'a'.repeat(8 * MB)}/db\n`, 'one 8 MB line (a JDBC URL)'],
    ['many-duplicates.properties', `connector.class=io.confluent.connect.jdbc.JdbcSinkConnector\n${repeatTo(4 * MB, (i) => `connection.url=jdbc:mysql://h${i}/db\n`)}`, 'one key given ~180,000 times'],
    ['many-findings.properties', `connector.class=x\n${repeatTo(4 * MB, (i) => `k${i}.url=http://h${i}.internal.example.com/\n`)}`, '~110,000 plaintext links, one finding each'],
    ['nul.properties', `connector.class=io.confluent.connect.jdbc.JdbcSinkConnector\nconnection.url=jdbc:mysql://h/\0db\n\0\0\0=\0\n`, 'NUL bytes in keys and values'],
    ['nul.json', `{"connector.class": "x", "a\0": "\0"}\0`, 'NUL bytes in JSON (a raw NUL is not JSON)'],
    ['nul.yaml', `connector.class: x\nconnection.url: "jdbc:mysql://h/\0"\n`, 'a NUL byte in YAML (YAML forbids it)'],
    ['nul.tf', `resource "aws_mskconnect_connector" "c" {\n  connector_configuration = { "a\0" = "\0" }\n}\n`, 'NUL bytes in HCL strings'],
    ['invalid-utf8.properties', Buffer.concat([Buffer.from('connector.class=x\nconnection.url=jdbc:mysql://h/'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('\n')]), 'bytes that are not UTF-8 (read as ISO-8859-1, as Java reads properties)'],
    ['invalid-utf8.json', Buffer.concat([Buffer.from('{"connector.class": "x", "connection.url": "http://h/'), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from('"}')]), 'bytes that are not UTF-8 in JSON'],
    ['invalid-utf8.yaml', Buffer.concat([Buffer.from('connector.class: x\nconnection.url: http://h/'), Buffer.from([0xc3, 0x28, 0xa0]), Buffer.from('\n')]), 'bytes that are not UTF-8 in YAML'],
    ['invalid-utf8.tf', Buffer.concat([Buffer.from('locals {\n  a = "'), Buffer.from([0xe2, 0x28, 0xa1]), Buffer.from('"\n}\n')]), 'bytes that are not UTF-8 in HCL'],
  ];
}

export function write(dir) {
  mkdirSync(dir, { recursive: true });
  const list = inputs();
  for (const [name, contents] of list) writeFileSync(join(dir, name), contents);
  return list;
}
